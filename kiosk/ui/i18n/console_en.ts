<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdminExport</name>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) needs no sending: receipts for other bundles acknowledge every attempt in it.</source>
        <translation>
            <numerusform>Bundle {bundle} (%n attempt) needs no sending: receipts for other bundles acknowledge every attempt in it.</numerusform>
            <numerusform>Bundle {bundle} (%n attempts) needs no sending: receipts for other bundles acknowledge every attempt in it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) was sent; the registry's receipt was applied at {time}.</source>
        <translation>
            <numerusform>Bundle {bundle} (%n attempt) was sent; the registry's receipt was applied at {time}.</numerusform>
            <numerusform>Bundle {bundle} (%n attempts) was sent; the registry's receipt was applied at {time}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) was delivered by USB: the registry's receipts acknowledge every attempt in it.</source>
        <translation>
            <numerusform>Bundle {bundle} (%n attempt) was delivered by USB: the registry's receipts acknowledge every attempt in it.</numerusform>
            <numerusform>Bundle {bundle} (%n attempts) was delivered by USB: the registry's receipts acknowledge every attempt in it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) waits for the registry's receipt, which comes back by USB.</source>
        <translation>
            <numerusform>Bundle {bundle} (%n attempt) waits for the registry's receipt, which comes back by USB.</numerusform>
            <numerusform>Bundle {bundle} (%n attempts) waits for the registry's receipt, which comes back by USB.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) is being sent.</source>
        <translation>
            <numerusform>Bundle {bundle} (%n attempt) is being sent.</numerusform>
            <numerusform>Bundle {bundle} (%n attempts) is being sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) waits to be sent again at {next}; the last try failed: {reason}</source>
        <translation>
            <numerusform>Bundle {bundle} (%n attempt) waits to be sent again at {next}; the last try failed: {reason}</numerusform>
            <numerusform>Bundle {bundle} (%n attempts) waits to be sent again at {next}; the last try failed: {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) waits to be sent, though the registry's receipts already acknowledge every attempt in it.</source>
        <translation>
            <numerusform>Bundle {bundle} (%n attempt) waits to be sent, though the registry's receipts already acknowledge every attempt in it.</numerusform>
            <numerusform>Bundle {bundle} (%n attempts) waits to be sent, though the registry's receipts already acknowledge every attempt in it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) waits to be sent.</source>
        <translation>
            <numerusform>Bundle {bundle} (%n attempt) waits to be sent.</numerusform>
            <numerusform>Bundle {bundle} (%n attempts) waits to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote bundle {bundle} with %n attempt(s) to {path} and read it back intact. Take it to the registry; its receipt marks the attempts as delivered.</source>
        <translation>
            <numerusform>Wrote bundle {bundle} with %n attempt to {path} and read it back intact. Take it to the registry; its receipt marks the attempt as delivered.</numerusform>
            <numerusform>Wrote bundle {bundle} with %n attempts to {path} and read it back intact. Take it to the registry; its receipt marks the attempts as delivered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) an interrupted export had numbered but not written were written too; take them as well.</source>
        <translation>
            <numerusform>%n bundle an interrupted export had numbered but not written was written too; take it as well.</numerusform>
            <numerusform>%n bundles an interrupted export had numbered but not written were written too; take them as well.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdminImports</name>
    <message numerus="yes">
        <source>%n file(s) checked.</source>
        <translation>
            <numerusform>%n file checked.</numerusform>
            <numerusform>%n files checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{imported} imported (%n new attempt(s)), {duplicate} duplicate, {conflict} conflict, {refused} refused.</source>
        <translation>
            <numerusform>{imported} imported (%n new attempt), {duplicate} duplicate, {conflict} conflict, {refused} refused.</numerusform>
            <numerusform>{imported} imported (%n new attempts), {duplicate} duplicate, {conflict} conflict, {refused} refused.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdminPrinting</name>
    <message numerus="yes">
        <source>Saved the invigilation pack to {path}: %n candidate(s) have fresh access codes. Open it and print it now; keep it locked away until the sitting.</source>
        <translation>
            <numerusform>Saved the invigilation pack to {path}: %n candidate has a fresh access code. Open it and print it now; keep it locked away until the sitting.</numerusform>
            <numerusform>Saved the invigilation pack to {path}: %n candidates have fresh access codes. Open it and print it now; keep it locked away until the sitting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdminReceipts</name>
    <message numerus="yes">
        <source>%n finished attempt(s) on this PC: {acknowledged} acknowledged by the registry, {waiting} exported and waiting for the receipt, {fresh} not exported yet.</source>
        <translation>
            <numerusform>%n finished attempt on this PC: {acknowledged} acknowledged by the registry, {waiting} exported and waiting for the receipt, {fresh} not exported yet.</numerusform>
            <numerusform>%n finished attempts on this PC: {acknowledged} acknowledged by the registry, {waiting} exported and waiting for the receipt, {fresh} not exported yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Receipt for bundle {bundle}: %n attempt(s) marked delivered, {already} already marked, {missing} not acknowledged.</source>
        <translation>
            <numerusform>Receipt for bundle {bundle}: %n attempt marked delivered, {already} already marked, {missing} not acknowledged.</numerusform>
            <numerusform>Receipt for bundle {bundle}: %n attempts marked delivered, {already} already marked, {missing} not acknowledged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdminResults</name>
    <message numerus="yes">
        <source>%n of the chosen result(s) wait for the registry to hold their bank; choose the folder of bank sources to rescore and print them.</source>
        <translation>
            <numerusform>%n of the chosen results waits for the registry to hold its bank; choose the folder of bank sources to rescore and print it.</numerusform>
            <numerusform>%n of the chosen results wait for the registry to hold their bank; choose the folder of bank sources to rescore and print them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Made %n file(s) in {folder}.</source>
        <translation>
            <numerusform>Made %n file in {folder}.</numerusform>
            <numerusform>Made %n files in {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No certificate for %n result(s) that did not pass.</source>
        <translation>
            <numerusform>No certificate for %n result that did not pass.</numerusform>
            <numerusform>No certificate for %n results that did not pass.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdminRoster</name>
    <message numerus="yes">
        <source>Import %n candidate(s)</source>
        <translation>
            <numerusform>Import %n candidate</numerusform>
            <numerusform>Import %n candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in {file}. Nothing has been saved; correct the rows listed below and check the file again.</source>
        <translation>
            <numerusform>%n problem in {file}. Nothing has been saved; correct the row listed below and check the file again.</numerusform>
            <numerusform>%n problems in {file}. Nothing has been saved; correct the rows listed below and check the file again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) in {file} are ready to import.</source>
        <translation>
            <numerusform>%n candidate in {file} is ready to import.</numerusform>
            <numerusform>%n candidates in {file} are ready to import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n candidate(s): making their access codes…</source>
        <translation>
            <numerusform>Importing %n candidate: making their access code…</numerusform>
            <numerusform>Importing %n candidates: making their access codes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) imported from {file}.</source>
        <translation>
            <numerusform>%n candidate imported from {file}.</numerusform>
            <numerusform>%n candidates imported from {file}.</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>KioskPresenter</name>
    <message numerus="yes">
        <source>%n question(s) not answered. After you submit you cannot change any answer.</source>
        <translation>
            <numerusform>%n question is not answered. After you submit you cannot change any answer.</numerusform>
            <numerusform>%n questions are not answered. After you submit you cannot change any answer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) only partly answered.</source>
        <translation>
            <numerusform>%n question only partly answered.</numerusform>
            <numerusform>%n questions only partly answered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message numerus="yes">
        <source>{sitting} — {exam}
Handed in at {time}. You answered {answered} of %n question(s).</source>
        <translation>
            <numerusform>{sitting} — {exam}
Handed in at {time}. You answered {answered} of %n question.</numerusform>
            <numerusform>{sitting} — {exam}
Handed in at {time}. You answered {answered} of %n questions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message numerus="yes">
        <source>You have answered {answered} of %n question(s); {flagged} flagged for review.</source>
        <translation>
            <numerusform>You have answered {answered} of %n question; {flagged} flagged for review.</numerusform>
            <numerusform>You have answered {answered} of %n questions; {flagged} flagged for review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) only partly answered.</source>
        <translation>
            <numerusform>%n question only partly answered.</numerusform>
            <numerusform>%n questions only partly answered.</numerusform>
        </translation>
    </message>
</context>
</TS>

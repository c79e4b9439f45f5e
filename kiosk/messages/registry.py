"""English wording of the error codes raised in ``kiosk.registry`` and by the demo centre (``kiosk.demo``)."""

from __future__ import annotations

_ATTEMPT_NOT_HELD = "check the attempt ids or import the bundle that carries it."
_KEPT_ASIDE = "It is kept aside for a person to check."
_WITHHELD = (
    "cannot be printed now: each is not rescored yet, kept aside by rescoring, voided, or one of two results "
    "awaiting a decision."
)
_RULES_MISSING = (
    "were exported before bundles carried their pass rules, so their slips need the bank source folders "
    "they were sat on."
)

MESSAGES: dict[str, str] = {
    # The registry folder, its key and enrolled kiosks (registry).
    "registry.key_exists": "The registry at {folder} already has a key ({key}); bundles already sent to it "
    "could not be opened with a new one, so it is kept.",
    "registry.not_set_up": "The folder {folder} is not a registry yet (it has no keys/*.key).",
    "registry.several_keys": "The registry folder {folder} holds several keys ({keys}); keep only one.",
    "registry.key_not_registry": "The key file {path} holds a {kind} key, not a registry key.",
    "registry.folder_not_created": "The registry folder {folder} cannot be created ({reason}); choose "
    "another.",
    "registry.kiosk_key_differs": "Kiosk {kiosk} is already enrolled with key {held_key}, but {path} has "
    "key {key}; if the kiosk was reinstalled, its new key must replace the old one.",
    # The registry database (storage).
    "registry_db.refused": "The registry database {database} refused the change ({detail}).",
    "registry_db.not_a_url": "The registry database address '{url}' is not a database URL; use e.g. "
    "'sqlite:///registry.db' or 'postgresql+psycopg://user@host:5432/name'.",
    "registry_db.unsupported": "The registry database must be SQLite or PostgreSQL, not '{backend}'.",
    "registry_db.folder_missing": "The folder {folder} for the registry database does not exist.",
    "registry_db.unusable": "The registry database '{database}' cannot be used ({detail}).",
    "registry_db.unreachable": "The registry database {database} cannot be opened ({detail}); check that "
    "the server is running and the address is right.",
    # Importing result bundles (imports).
    "registry_import.no_bundles": "The folder {folder} holds no result bundles (*{suffix} files).",
    "registry_import.file_unreadable": "The file {path} could not be read ({reason}).",
    "registry_import.duplicate": "Bundle {bundle_id} was already imported with exactly these bytes; nothing "
    "changed.",
    "registry_import.same_id_other_bytes": "A different bundle with id {bundle_id} was already imported; "
    "this copy is kept in quarantine. The kiosk may have been restored from a backup: compare both files "
    "before using either.",
    "registry_import.sequence_taken": "Kiosk {kiosk_id} already sent {other} as its bundle {sequence}; this "
    "bundle {bundle_id} reuses the number and is kept in quarantine.",
    "registry_import.sequence_taken_unknown": "Kiosk {kiosk_id} already sent another bundle as its bundle "
    "{sequence}; this bundle {bundle_id} reuses the number and is kept in quarantine.",
    "registry_import.attempts_differ": "Bundle {bundle_id} re-sends attempts held here with other contents "
    "({attempts}); both copies are kept for a person to decide. New attempts imported from it: {fresh}.",
    "registry_import.chain_broken": "Bundle {bundle_id} does not follow bundle {previous} held here (its "
    "previous-bundle hash differs); the kiosk may have been restored from a backup.",
    "registry_import.bundles_missing": "Kiosk {kiosk_id}: bundle numbers not yet arrived: {numbers}. Later "
    "bundles repeat any attempt not yet acknowledged, so ask the centre to export again if results are "
    "missing.",
    "registry_import.bundle_unreadable": "The file {path} is not a readable result bundle (a number too long "
    "to read, text no database can keep, or nesting too deep); it is kept in quarantine.",
    "registry_import.centre_differs": "Bundle {bundle_id} names the centre '{named}', but kiosk {kiosk_id} "
    "was enrolled for '{enrolled}'; its results are filed under '{enrolled}'.",
    "registry_import.not_rescored": "Bundle {bundle_id}: new attempts on bank {bank} version {version}: "
    "{count}. The registry does not hold that bank version yet, so they are kept but not filed as results "
    "until it is added and they are rescored.",
    "registry_import.second_result": "Attempt {attempt} is a second result for candidate {candidate} on bank "
    "{bank} on {day} (the other is {other}); neither is printed until an administrator decides which to "
    "keep.",
    # Rescoring attempts on the registry's own copy of their bank (rescoring).
    "registry_rescore.mark_differs": "Attempt {attempt} is not filed as a result: the kiosk gives it "
    f"{{kiosk}} %, but the registry's rescoring of its answers gives {{registry}} %. {_KEPT_ASIDE}",
    "registry_rescore.part_differs": "Attempt {attempt} is not filed as a result: its {field} is {kiosk} on "
    "the kiosk but {registry} in the registry's rescoring of its answers (which gives {mark} %). "
    f"{_KEPT_ASIDE}",
    "registry_rescore.other_certificate": "Attempt {attempt} is not filed as a result: it claims certificate "
    f"{{certificate}} grade {{grade}}, but bank {{bank}} version {{version}} is for another. {_KEPT_ASIDE}",
    "registry_rescore.journal_broken": "Attempt {attempt} is not filed as a result: its answer journal does "
    f"not check out (an entry was changed, removed or reordered). {_KEPT_ASIDE}",
    "registry_rescore.submission_code_wrong": "Attempt {attempt} is not filed as a result: the submission "
    "code it was sent with ({sent}) is not the one its answer journal gives ({recomputed}), so its answers "
    f"are not those the candidate submitted. {_KEPT_ASIDE}",
    "registry_rescore.answer_not_journalled": "Attempt {attempt} is not filed as a result: its answer to "
    f"item {{item}} is not the last one its answer journal records. {_KEPT_ASIDE}",
    "registry_rescore.item_not_in_bank": "Attempt {attempt} cannot be rescored: its form holds item {item}, "
    "which bank {bank} version {version} does not have.",
    "registry_rescore.answer_unfit": "Attempt {attempt} cannot be rescored: its answer to item {item} does "
    "not fit that item in the registry's copy of the bank.",
    # The banks in the registry's custody (banks).
    "registry_banks.version_differs": "The registry already holds bank {bank} version {version} (from "
    "{held_source}), and {source} holds other content under the same version; the copy held is kept, since "
    "a bank version never changes once results are scored with it.",
    "registry_banks.copy_damaged": "The registry's copy of bank {bank} version {version} no longer matches "
    "its recorded digest, so it is not used; restore the registry database from a backup.",
    # Administrators' decisions about results (standing).
    "registry_decide.name_needed": "Say who decides: a name of 1 to {limit} characters.",
    "registry_decide.reason_needed": "Say why: a reason of 1 to {limit} characters.",
    "registry_decide.flagged": "Attempt {attempt} was kept aside because its marks or answer journal did not "
    "check out, so it cannot be kept as a result; it can only be voided.",
    # Held results, slips and the results list (reporting, analysis).
    "results.attempt_not_held": f"The registry holds no attempt {{attempt}}; {_ATTEMPT_NOT_HELD}",
    "results.attempt_not_held_and_more": "The registry holds no attempt {attempt} (nor {more} more); "
    f"{_ATTEMPT_NOT_HELD}",
    "results.stored_result_unreadable": "The stored result of attempt {attempt} is not readable; re-import "
    "its bundle.",
    "results.stored_form_unreadable": "The stored form of attempt {attempt} is not readable; re-import its "
    "bundle.",
    "results.rules_missing": f"The results of attempt(s) {{attempts}} {_RULES_MISSING}",
    "results.rules_missing_and_more": f"The results of attempt(s) {{attempts}} and {{more}} more "
    f"{_RULES_MISSING}",
    "results.withheld": f"The result(s) of attempt(s) {{attempts}} {_WITHHELD}",
    "results.withheld_and_more": f"The result(s) of attempt(s) {{attempts}} and {{more}} more {_WITHHELD}",
    "results.standing_pending": "Attempt {attempt} is not rescored yet: the registry does not hold bank "
    "{bank} version {version}.",
    "results.standing_second": "Attempt {attempt} is one of several results for candidate {candidate} on "
    "bank {bank} on {day} (also {others}); it prints once an administrator keeps it or voids the others.",
    "results.standing_void": "Attempt {attempt} was voided by {by} ({why}).",
    "results.standing_flagged": "Attempt {attempt} was kept aside by rescoring; it is not filed as a result.",
    "results.list_wrong_suffix": "The results list cannot be saved as {name}: give the file a name ending "
    "in .csv or .xlsx.",
    # Checking a slip's verification code (reporting).
    "result_slip.no_trusted_key": "No registry public key was given to check the code against.",
    "result_slip.field_missing": "This verification code is genuine but its record has no '{field}'; it "
    "was made by another version of the program, so check the slip with the registry.",
    "result_slip.record_unreadable": "This verification code is genuine but its record is not readable by "
    "this program.",
    "result_slip.check_code_malformed": "This is not a check code: a check code is 16 letters and digits in "
    "four groups, such as 7KQ4-M2XD-9PHA-3RTW.",
    "result_slip.check_code_unknown": "No slip or certificate printed by this registry carries the check "
    "code {code}; check each character against the paper.",
    "result_slip.check_code_withdrawn": "The check code {code} was printed for attempt {attempt}, but that "
    "result has changed or been withdrawn since; the paper no longer stands.",
    # The demo centre (demo).
    "demo.banks_folder_missing": "The sample bank folder {folder} does not exist; choose the question_banks "
    "folder.",
    "demo.folder_is_kiosk": "The folder {folder} already holds a kiosk; the demo needs an empty folder.",
    "demo.no_bank_sources": "The folder {folder} holds no bank sources (folders with a bank.yaml).",
    "demo.no_bank_builds": "None of the sample banks in {folder} could be built ({banks}).",
    # The registry as an HTTPS service (registry.service), its requests' signatures and its certificate.
    "request_signature.missing": "The request carries no kiosk signature; this registry answers only the "
    "kiosks it has enrolled.",
    "request_signature.malformed": "The request's {header} header is not in the form this registry expects; "
    "the kiosk may run another version of the program.",
    "request_signature.invalid": "The request's signature does not match the key enrolled for kiosk "
    "{kiosk_id}; if the kiosk was reinstalled, enrol it again.",
    "registry_service.unknown_kiosk": "Kiosk {kiosk_id} is not enrolled at this registry, so its request was "
    "refused; the registry administrator must enrol it first.",
    "registry_service.digest_missing": "The request has no Content-Digest header, which this registry "
    "requires.",
    "registry_service.signature_expired": "Kiosk {kiosk_id} signed this request at {created} but the "
    "registry's time is {now}, more than {window} seconds apart; set the kiosk's clock right.",
    "registry_service.signature_replayed": "This signed request from kiosk {kiosk_id} was already received "
    "once; a copy of a request is never accepted.",
    "registry_service.body_too_large": "The upload is larger than the {limit} bytes this registry accepts.",
    "registry_service.digest_mismatch": "The upload does not match its Content-Digest: it was changed or "
    "cut short on the way. Nothing was kept; send it again.",
    "registry_service.bundle_id_mismatch": "The upload was sent as bundle {bundle_id} but is bundle {found}; "
    "nothing was kept.",
    "registry_service.other_kiosk": "Bundle {bundle_id} is from kiosk {owner}, but kiosk {kiosk_id} sent "
    "it; a kiosk may only send its own bundles.",
    "registry_service.bundle_not_held": "The registry holds no bundle {bundle_id} from this kiosk.",
    "registry_service.package_not_found": "The registry offers no bank package named {name}.",
    "tls.certificate_unreadable": "The registry's certificate {path} cannot be read; restore it from a "
    "backup, or remove it and its key to make a new one (every kiosk then needs a new link file).",
    "tls.files_incomplete": "The registry's certificate folder {folder} lacks {missing}; restore it from a "
    "backup, or remove the other file there to make a new certificate (every kiosk then needs a new link "
    "file).",
    "link.url_invalid": "{url} is not an address kiosks can use: give https:// and a host name or IP "
    "address, with a port if needed, as in https://10.0.0.5:8443.",
}

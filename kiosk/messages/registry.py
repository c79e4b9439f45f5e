"""English wording of the error codes raised in ``kiosk.registry`` and by the demo centre (``kiosk.demo``)."""

from __future__ import annotations

_ATTEMPT_NOT_HELD = "check the attempt ids or import the bundle that carries it."
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
    "results.list_wrong_suffix": "The results list cannot be saved as {name}: give the file a name ending "
    "in .csv or .xlsx.",
    # Checking a slip's verification code (reporting).
    "result_slip.no_trusted_key": "No registry public key was given to check the code against.",
    "result_slip.field_missing": "This verification code is genuine but its record has no '{field}'; it "
    "was made by another version of the program, so check the slip with the registry.",
    "result_slip.record_unreadable": "This verification code is genuine but its record is not readable by "
    "this program.",
    # The demo centre (demo).
    "demo.banks_folder_missing": "The sample bank folder {folder} does not exist; choose the question_banks "
    "folder.",
    "demo.folder_is_kiosk": "The folder {folder} already holds a kiosk; the demo needs an empty folder.",
    "demo.no_bank_sources": "The folder {folder} holds no bank sources (folders with a bank.yaml).",
    "demo.no_bank_builds": "None of the sample banks in {folder} could be built ({banks}).",
}

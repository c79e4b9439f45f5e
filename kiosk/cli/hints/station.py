"""CLI hints for error codes raised in ``kiosk.station``: the verb or option to use next."""

from __future__ import annotations

HINTS: dict[str, str] = {
    "kiosk.not_set_up": "run 'kiosk init --centre NAME --kiosk NAME' first",
    "kiosk_store.folder_not_created": "give another with --data-dir",
    "kiosk_store.folder_not_private": "--data-dir chooses the folder",
    "kiosk_store.not_private": "--data-dir chooses the data folder",
    "install.no_trusted_key": "add one with 'kiosk trust KEY.pub'",
    "invigilator.pin_repeated": "that is, without --pin-env",
    "invigilator.pin_sequential": "that is, without --pin-env",
    "invigilator.pin_pattern": "that is, without --pin-env",
    "invigilator.exists": "use 'kiosk invigilator reset-pin NAME' to give them a new PIN",
    "invigilator.unknown": "'kiosk invigilator list' shows them",
    "invigilator.none_active": "add one with 'kiosk invigilator add NAME'",
    "invigilator.no_recovery_code": "issue one with 'kiosk invigilator recovery-code'",
    "kiosk_store.in_use": "--data-dir chooses another folder",
    "sitting.unknown": "'kiosk sitting list' shows them",
    "roster.rejected": "run 'kiosk roster check' to see them all",
    "roster.rejected_one_problem": "run 'kiosk roster check' to see it",
    "roster.number_on_roster": "use 'kiosk roster reset-code NUMBER' to give that candidate a new code",
    "export.no_registry_key": "or run 'kiosk trust FILE', or give --registry-key FILE",
    "export.several_registry_keys": "give it with --registry-key FILE",
    "export.records_fail_check": "run 'kiosk store check' to see every problem",
    "enrolment.other_centre": "leave out --centre",
    "lab_check.blocks_unlock": "run 'kiosk check' to see each line, and 'kiosk check --allow-sitting "
    "{sitting}' to let it open anyway",
}

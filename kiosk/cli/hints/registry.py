"""CLI hints for error codes raised in ``kiosk.registry`` and ``kiosk.demo``: the verb or option to use."""

from __future__ import annotations

_BANKS = "give them with --banks"
_ADD_BANK = "add it with 'kiosk registry banks add', then run 'kiosk registry rescore'"
_DECIDE = "decide with 'kiosk registry decide ATTEMPT --keep' or '--void', with --by NAME --why TEXT"
_FLAGS = "'kiosk registry flags' says why for each"

HINTS: dict[str, str] = {
    "registry.not_set_up": "run 'kiosk registry init' first, or give the registry's folder with "
    "--registry-dir",
    "registry.folder_not_created": "give another with --registry-dir",
    "registry.kiosk_key_differs": "enrol it again with --replace",
    "result_slip.no_trusted_key": "give --trusted FILE",
    "results.rules_missing": _BANKS,
    "results.rules_missing_and_more": _BANKS,
    "results.withheld": _FLAGS,
    "results.withheld_and_more": _FLAGS,
    "results.standing_pending": _ADD_BANK,
    "results.standing_second": _DECIDE,
    "registry_import.not_rescored": _ADD_BANK,
    "registry_import.second_result": _DECIDE,
    "registry_decide.name_needed": "give it with --by",
    "registry_decide.reason_needed": "give it with --why",
    "registry_decide.flagged": "use --void",
    "demo.banks_folder_missing": "give it with --banks",
    "demo.folder_is_kiosk": "give one with --data-dir",
    "demo.no_bank_builds": "'kiosk bank validate' with a bank's folder lists every problem in it",
}

"""CLI hints for error codes raised in ``kiosk.registry`` and ``kiosk.demo``: the verb or option to use."""

from __future__ import annotations

_BANKS = "give them with --banks"

HINTS: dict[str, str] = {
    "registry.not_set_up": "run 'kiosk registry init' first, or give the registry's folder with "
    "--registry-dir",
    "registry.folder_not_created": "give another with --registry-dir",
    "registry.kiosk_key_differs": "enrol it again with --replace",
    "result_slip.no_trusted_key": "give --trusted FILE",
    "results.rules_missing": _BANKS,
    "results.rules_missing_and_more": _BANKS,
    "demo.banks_folder_missing": "give it with --banks",
    "demo.folder_is_kiosk": "give one with --data-dir",
    "demo.no_bank_builds": "'kiosk bank validate' with a bank's folder lists every problem in it",
}

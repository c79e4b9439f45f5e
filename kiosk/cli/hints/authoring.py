"""CLI hints for error codes raised in ``kiosk.authoring``: the verb or option to use next."""

from __future__ import annotations

HINTS: dict[str, str] = {
    "bank.source_invalid": "run 'kiosk bank validate FOLDER' to see every problem",
    "bank.signer_not_awarding": "give --signing-key an awarding key ('kiosk keys new awarding NAME')",
    "release_code.too_short": "run 'kiosk bank release-code' for a strong one",
    "release_code.too_few_characters": "run 'kiosk bank release-code' for a strong one",
    "release_code.patterned": "run 'kiosk bank release-code' for a strong one",
}

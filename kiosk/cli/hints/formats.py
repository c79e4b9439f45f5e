"""CLI hints for error codes raised in ``kiosk.formats``: the verb or option to use next."""

from __future__ import annotations

HINTS: dict[str, str] = {
    "enrolment.damaged": "run 'kiosk enrol' there",
    "enrolment.altered": "run 'kiosk enrol' there",
    "bundle.kiosk_not_enrolled": "run 'kiosk registry enrol FILE' with that kiosk's enrolment file",
    "bundle.kiosk_key_changed": "'kiosk registry enrol --replace FILE' takes the kiosk's new key",
    "key.file_open_to_others": "run 'chmod 600 {path}' and try again",
    "key.passphrase_needed": "name the environment variable holding it with --passphrase-env",
    "receipt.unknown_signer": "give the registry's public key with --registry-key FILE",
}

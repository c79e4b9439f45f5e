"""Typed errors. Each carries one sentence a person can act on; the UI and CLI show ``str(error)``."""

from __future__ import annotations


class KioskError(Exception):
    """Base of every error a person can cause or fix; never shown with a traceback."""


class BankError(KioskError):
    """A bank source or package is invalid, tampered with, or cannot be opened."""


class SecurityError(KioskError):
    """A signature, key, code or ciphertext did not check out."""


class StoreError(KioskError):
    """The local store is damaged, busy or refuses the change."""


class RuleError(KioskError):
    """An action is not allowed in the current state (e.g. answering after expiry)."""


class InputError(KioskError):
    """A file or value supplied by a person is malformed (roster rows, options, answers)."""

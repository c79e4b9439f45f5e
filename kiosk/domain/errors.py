"""Typed errors as data: a code naming what went wrong and the parameters a sentence needs.

Nothing below the CLI and the UI makes sentences for people. An error says *what* happened
(``code``, e.g. ``"receipt.missing"``) and carries the facts (``params``, e.g. ``path``); the CLI and the
UI turn it into a sentence in the reader's language, each adding its own hint of what to do next.
"""

from __future__ import annotations


class KioskError(Exception):
    """Base of every error a person can cause or fix; never shown with a traceback."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params: dict[str, object] = params

    def __str__(self) -> str:
        # For logs and tests: the code and its facts, never shown to a person as it is.
        facts = " ".join(f"{name}={value}" for name, value in sorted(self.params.items()))
        return f"{self.code} {facts}".rstrip()


class Notice:
    """Something a person should know that is not a failure (a duplicate file, a missing bundle).

    Like an error it is data: a code and the facts, worded at the edge in the reader's language.
    """

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params: dict[str, object] = params

    def __str__(self) -> str:
        facts = " ".join(f"{name}={value}" for name, value in sorted(self.params.items()))
        return f"{self.code} {facts}".rstrip()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Notice) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params))))

    def __repr__(self) -> str:
        return f"Notice({self.code!r}, {self.params!r})"


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


class FileWriteError(KioskError):
    """A file could not be written whole (full or read-only disk, no permission); nothing was left behind."""

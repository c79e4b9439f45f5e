"""English wording of the error codes raised in ``kiosk.support``."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "file.disk_full": "The disk is full, so {path} was not written; nothing was changed. Free some space "
    "or choose another place.",
    "file.read_only": "The disk holding {path} is read-only, so nothing was written; choose another place "
    "or unlock the disk.",
    "file.no_permission": "This account may not write {path}; nothing was written. Choose another place.",
    "file.not_written": "{path} could not be written ({reason}); nothing was changed.",
}

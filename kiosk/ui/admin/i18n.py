"""The console's language: the kiosk's catalogues (shared prompts, error sentences) and the console's own.

The console's strings live in their own catalogue, ``console_<locale>.ts`` beside the kiosk's in
``kiosk/ui/i18n``; all are loaded through the kiosk's :class:`LanguageSwitch`, so ``tr()`` and Qt's
LanguageChange events work exactly as they do on the kiosk.
"""

from __future__ import annotations

from kiosk.ui.i18n import KIOSK_CATALOGUES, LanguageSwitch

CONSOLE_CATALOGUES = (*KIOSK_CATALOGUES, "console")


class ConsoleLanguage(LanguageSwitch):
    """The console's translators: the kiosk's language switch over its catalogues and the console's."""

    def __init__(self) -> None:
        super().__init__(CONSOLE_CATALOGUES)

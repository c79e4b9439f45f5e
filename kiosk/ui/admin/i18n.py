"""The console's language: the kiosk's catalogue (shared prompts) merged with the console's own words.

The console's strings live in their own catalogue, ``zh_CN.json`` beside this module, so the kiosk's
catalogue stays the kiosk engineer's; both are read through the kiosk's :class:`CatalogueTranslator`, so
``tr()`` and Qt's LanguageChange events work exactly as they do on the kiosk.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent

from kiosk.ui.i18n import LANGUAGES, CatalogueTranslator, load_catalogue

ADMIN_CATALOGUE_DIR = Path(__file__).resolve().parent
_ADMIN_FILES = {"zh": "zh_CN.json"}


def load_admin_catalogue(language: str) -> dict[str, dict[str, str]]:
    """The console's own translations for ``language`` as ``{context: {source: translation}}``."""
    name = _ADMIN_FILES.get(language)
    if name is None:
        return {}
    raw = json.loads((ADMIN_CATALOGUE_DIR / name).read_text(encoding="utf-8"))
    return {str(context): {str(k): str(v) for k, v in entries.items()} for context, entries in raw.items()}


def console_catalogue(language: str) -> dict[str, dict[str, str]]:
    """The kiosk's catalogue with the console's merged in (the console's words win on a clash)."""
    try:
        merged = {context: dict(entries) for context, entries in load_catalogue(language).items()}
    except FileNotFoundError:
        # The kiosk ships its catalogue separately; without it the prompter's buttons stay in English.
        merged = {}
    for context, entries in load_admin_catalogue(language).items():
        merged.setdefault(context, {}).update(entries)
    return merged


class ConsoleLanguage:
    """Installs and swaps the console's one translator; Qt then retranslates every page."""

    def __init__(self) -> None:
        self._translator: CatalogueTranslator | None = None
        self.language = "en"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if language == self.language and (self._translator is not None or language == "en"):
            return
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        if language != "en":
            self._translator = CatalogueTranslator(language, console_catalogue(language))
            QCoreApplication.installTranslator(self._translator)
        self.language = language
        # Deliver LanguageChange now, so every page is retranslated when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def reset(self) -> None:
        """Back to English, so no translator outlives the console window."""
        self.set_language("en")

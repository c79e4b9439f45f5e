"""Translations of the kiosk's own words: a QTranslator backed by a JSON catalogue per language.

Every visible string is written in English in the code as ``tr("Context", "Source text")`` and looked up
through ``QCoreApplication.translate``, so Qt's usual machinery (installTranslator, LanguageChange events)
applies. Catalogues are plain JSON, ``{context: {source: translation}}``, so a reviewer can read and diff
them without Qt's tools; ``tests/ui/test_i18n.py`` checks that every ``tr`` call in ``kiosk/ui`` has a
translation and that placeholders such as ``{minutes}`` survive.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

CATALOGUE_DIR = Path(__file__).resolve().parent
# Languages the kiosk's own words come in; English is the source language and needs no catalogue.
LANGUAGES = ("en", "zh")
_CATALOGUE_FILES = {"zh": "zh_CN.json"}


def tr(context: str, text: str) -> str:
    """The translation of ``text`` in the installed language (``text`` itself when there is none)."""
    return QCoreApplication.translate(context, text)


def load_catalogue(language: str, directory: Path = CATALOGUE_DIR) -> dict[str, dict[str, str]]:
    """The translations for ``language`` in ``directory`` as ``{context: {source: translation}}``.

    Empty for English, the source language.
    """
    name = _CATALOGUE_FILES.get(language)
    if name is None:
        return {}
    raw = json.loads((directory / name).read_text(encoding="utf-8"))
    return {str(context): {str(k): str(v) for k, v in entries.items()} for context, entries in raw.items()}


class CatalogueTranslator(QTranslator):
    """A QTranslator that answers from a JSON catalogue instead of a compiled .qm file."""

    def __init__(self, language: str, catalogue: dict[str, dict[str, str]] | None = None) -> None:
        super().__init__()
        self._language = language
        self._catalogue = load_catalogue(language) if catalogue is None else catalogue

    def language(self) -> str:
        """The language this translator translates into (Qt's own accessor)."""
        return self._language

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) tells Qt "not translated here", so it falls back to the source text.
        return self._catalogue.get(context, {}).get(source_text)

    def isEmpty(self) -> bool:
        return not self._catalogue


class LanguageSwitch:
    """Installs and swaps one translator; Qt then sends LanguageChange to every widget.

    ``catalogue_for`` gives the catalogue of a language (the kiosk's own by default; the administrator
    console merges its words into it).
    """

    def __init__(self, catalogue_for: Callable[[str], dict[str, dict[str, str]]] = load_catalogue) -> None:
        self._catalogue_for = catalogue_for
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
            self._translator = CatalogueTranslator(language, self._catalogue_for(language))
            QCoreApplication.installTranslator(self._translator)
        self.language = language
        # Installing or removing a translator posts LanguageChange to every widget; deliver it now so the
        # screen is already retranslated when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def reset(self) -> None:
        """Back to English (used when a window closes, so no translator outlives it)."""
        self.set_language("en")

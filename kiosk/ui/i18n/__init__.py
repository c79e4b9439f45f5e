"""Translations of the kiosk's and the console's words: Qt Linguist catalogues compiled to .qm files.

Every visible string is written in English in the code as ``tr("Context", "Source text")`` (or, when it
counts something, ``trn("Context", "%n question(s) ...", n)``) and looked up through
``QCoreApplication.translate``, so Qt's usual machinery (installTranslator, LanguageChange events) applies.
The translations live beside this module as Qt Linguist sources, ``<catalogue>_<locale>.ts``, compiled by
``python -m kiosk.ui.i18n.build`` to the ``.qm`` files loaded here: ``kiosk`` (the kiosk's screens),
``console`` (the administrator console) and ``errors_<area>`` (every error code's sentence, context
``Errors``). English is the source language; its catalogues hold only the singular and plural forms of
counted strings.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

# The compiled catalogues, found through the package's resources (a plain folder in every install).
CATALOGUE_DIR = Path(str(resources.files("kiosk.ui.i18n")))
# Languages the screens come in, and the locale their catalogues are named by.
LOCALES = {"en": "en", "zh": "zh_CN"}
LANGUAGES = tuple(LOCALES)
# The catalogues the kiosk loads (the console adds its own).
KIOSK_CATALOGUES = ("kiosk", "errors_*")
# The language the last LanguageSwitch installed, for words made outside Qt's catalogue (certificate names).
_current_language = "en"


def tr(context: str, text: str) -> str:
    """The translation of ``text`` in the installed language (``text`` itself when there is none)."""
    return QCoreApplication.translate(context, text)


def trn(context: str, text: str, count: int) -> str:
    """The translation of ``text`` in the plural form ``count`` needs, with ``%n`` replaced by ``count``."""
    return QCoreApplication.translate(context, text, None, count)


def current_language() -> str:
    """The language the screens are in now ("en" until a LanguageSwitch installs another)."""
    return _current_language


def catalogue_files(
    language: str, catalogues: tuple[str, ...] = KIOSK_CATALOGUES, directory: Path = CATALOGUE_DIR
) -> list[Path]:
    """The compiled catalogues (.qm) of ``language`` among ``catalogues`` (names or glob patterns)."""
    locale = LOCALES[language]
    found: dict[Path, None] = {}
    for pattern in catalogues:
        for path in sorted(directory.glob(f"{pattern}_{locale}.qm")):
            found[path] = None
    return list(found)


class LanguageSwitch:
    """Installs one language's translators and swaps them; Qt then sends LanguageChange to every widget.

    ``catalogues`` names the catalogues to load (the kiosk's by default; the console adds its own). English
    is installed at once when there is an application, so counted strings read "1 question" and
    "3 questions" from the start.
    """

    def __init__(
        self, catalogues: tuple[str, ...] = KIOSK_CATALOGUES, directory: Path = CATALOGUE_DIR
    ) -> None:
        self.catalogues = catalogues
        self.directory = directory
        self._translators: list[QTranslator] = []
        self._installed = False
        self.language = "en"
        if QCoreApplication.instance() is not None:
            # Not delivered at once: the window that makes this switch is still being built.
            self._install("en")

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if language == self.language and self._installed:
            return
        self._install(language)
        # Installing or removing a translator posts LanguageChange to every widget; deliver it now so the
        # screen is already retranslated when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def _install(self, language: str) -> None:
        self._remove()
        for path in catalogue_files(language, self.catalogues, self.directory):
            translator = QTranslator()
            if not translator.load(str(path)):
                raise OSError(f"the translation catalogue {path} cannot be loaded")
            QCoreApplication.installTranslator(translator)
            self._translators.append(translator)
        self._installed = True
        self.language = language
        global _current_language
        _current_language = language

    def _remove(self) -> None:
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators = []
        self._installed = False

    def reset(self) -> None:
        """Back to plain English, no translator installed (when a window closes, so none outlives it)."""
        self._remove()
        self.language = "en"
        global _current_language
        _current_language = "en"
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

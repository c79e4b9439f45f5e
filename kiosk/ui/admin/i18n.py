"""The console's language: the kiosk's catalogue (shared prompts) merged with the console's own words.

The console's strings live in their own catalogue, ``zh_CN.json`` beside this module, apart from the kiosk's;
both are read through the kiosk's :class:`LanguageSwitch`, so ``tr()`` and Qt's LanguageChange events work
exactly as they do on the kiosk.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.ui.i18n import LanguageSwitch, load_catalogue

ADMIN_CATALOGUE_DIR = Path(__file__).resolve().parent


def load_admin_catalogue(language: str) -> dict[str, dict[str, str]]:
    """The console's own translations for ``language`` as ``{context: {source: translation}}``."""
    return load_catalogue(language, ADMIN_CATALOGUE_DIR)


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


class ConsoleLanguage(LanguageSwitch):
    """The console's one translator: the kiosk's language switch over the merged catalogue."""

    def __init__(self) -> None:
        super().__init__(console_catalogue)

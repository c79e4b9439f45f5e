"""Qt Linguist translation sources (.ts): reading, writing and finding the UI's translatable strings.

The screens write every visible string in English as ``tr("Context", "Source text")`` (or, for a count,
``trn("Context", "%n thing(s)", n)``). ``pyside6-lupdate`` cannot see these module-level helpers (it reads
``tr("Context", "text")`` as a source "Context" with a comment), so :func:`extract` finds them with Python's
own parser and :func:`merge` folds them into a .ts file, keeping every translation already made.
The .ts files are what translators edit (with Qt Linguist or by hand); ``pyside6-lrelease`` compiles them to
the .qm files the kiosk loads.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, replace
from pathlib import Path

# How many plural forms each language's numerus messages have (Qt's rules: English 2, Chinese 1).
PLURAL_FORMS = {"en": 2, "zh_CN": 1}
# The helpers whose calls carry translatable text, and whether the text has plural forms.
HELPERS = {"tr": False, "trn": True}


@dataclass(frozen=True)
class Message:
    """One translatable string and its translation (one text, or one per plural form when ``numerus``)."""

    context: str
    source: str
    translations: tuple[str, ...] = ("",)
    numerus: bool = False
    unfinished: bool = False

    @property
    def translated(self) -> bool:
        return all(text.strip() for text in self.translations)

    @property
    def key(self) -> tuple[str, str]:
        return (self.context, self.source)


@dataclass(frozen=True)
class Found:
    """A translatable string found in the code, and where."""

    context: str
    source: str
    numerus: bool
    where: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.context, self.source)


def read_ts(path: Path) -> tuple[str, list[Message]]:
    """The language and the messages of the .ts file at ``path`` (vanished and obsolete ones left out)."""
    root = ElementTree.parse(path).getroot()
    language = root.get("language", "")
    messages: list[Message] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            if kind in ("vanished", "obsolete"):
                continue
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ("",)
            elif numerus:
                texts = tuple(form.text or "" for form in translation.iter("numerusform")) or ("",)
            else:
                texts = (translation.text or "",)
            source = message.findtext("source") or ""
            messages.append(Message(name, source, texts, numerus, kind == "unfinished"))
    return language, messages


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def render_ts(language: str, messages: list[Message]) -> str:
    """The .ts text for ``messages``: grouped by context in the order given, as Qt Linguist writes it."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}">',
    ]
    contexts: dict[str, list[Message]] = {}
    for message in messages:
        contexts.setdefault(message.context, []).append(message)
    for context, members in contexts.items():
        lines += ["<context>", f"    <name>{_escape(context)}</name>"]
        for message in members:
            unfinished = ' type="unfinished"' if message.unfinished or not message.translated else ""
            lines.append('    <message numerus="yes">' if message.numerus else "    <message>")
            lines.append(f"        <source>{_escape(message.source)}</source>")
            if message.numerus:
                lines.append(f"        <translation{unfinished}>")
                lines += [
                    f"            <numerusform>{_escape(t)}</numerusform>" for t in message.translations
                ]
                lines.append("        </translation>")
            else:
                lines.append(
                    f"        <translation{unfinished}>{_escape(message.translations[0])}</translation>"
                )
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def extract(root: Path, files: list[Path] | None = None) -> tuple[list[Found], list[str]]:
    """Every ``tr``/``trn`` call with literal text in ``files`` (default: every .py under ``root``).

    Also returns where a call's context or text is not a literal string (it could not be translated).
    """
    found: list[Found] = []
    dynamic: list[str] = []
    for path in files if files is not None else sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            numerus = HELPERS.get(node.func.id)
            if numerus is None:
                continue
            where = f"{path.relative_to(root)}:{node.lineno}"
            texts = node.args[:2]
            if len(texts) == 2 and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts
            ):
                context, source = (a.value for a in texts if isinstance(a, ast.Constant))
                found.append(Found(str(context), str(source), numerus, where))
            else:
                dynamic.append(where)
    found.sort(key=lambda f: (f.context, _position(f.where)))
    return found, dynamic


def _position(where: str) -> tuple[str, int]:
    path, _, line = where.rpartition(":")
    return path, int(line)


def merge(language: str, found: list[Found], existing: list[Message]) -> list[Message]:
    """The messages a .ts for ``language`` should hold: one per string found, keeping known translations.

    English, the source language, keeps only the strings with plural forms (its singular and plural).
    A string no longer in the code is dropped; git keeps its translation.
    """
    known = {message.key: message for message in existing}
    forms = PLURAL_FORMS.get(language, 1)
    merged: dict[tuple[str, str], Message] = {}
    for item in found:
        if language == "en" and not item.numerus:
            continue
        key = item.key
        if key in merged:
            continue
        size = forms if item.numerus else 1
        message = known.get(key)
        if message is None or message.numerus != item.numerus:
            merged[key] = Message(item.context, item.source, ("",) * size, item.numerus, True)
        else:
            texts = (message.translations + ("",) * size)[:size]
            merged[key] = replace(message, translations=texts)
    return list(merged.values())

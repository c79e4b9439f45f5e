"""Every error code raised in the product has an English template whose fields every raise site passes, a
Simplified Chinese translation, and a well-formed code; no template names a CLI verb or flag."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import kiosk
from kiosk.cli.hints import HINTS, with_hint
from kiosk.domain.errors import InputError, KioskError
from kiosk.messages import CONTEXT, fields_of, sentence
from kiosk.messages.catalogue import MESSAGES
from kiosk.ui.i18n import CATALOGUE_DIR
from kiosk.ui.i18n.sources import Message, read_ts

KIOSK = Path(kiosk.__file__).resolve().parent
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
# A CLI verb or option in a sentence: "--out", "'kiosk roster check'", "run kiosk export".
COMMAND = re.compile(r"(?<![\w-])--[a-z]|'kiosk\s|\brun kiosk\b")


@dataclass(frozen=True)
class RaiseSite:
    """A KioskError (or subclass) made in the code: its code (None when not a literal) and its fields."""

    code: str | None
    fields: frozenset[str]
    spreads: bool
    composed: bool
    where: str


def _python_files() -> list[Path]:
    return sorted(KIOSK.rglob("*.py"))


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """KioskError, Notice and every class that derives from them, anywhere in the product."""
    names = {"KioskError", "Notice"}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def _literals(node: ast.expr) -> list[str] | None:
    """The strings ``node`` can be: a literal, or either branch of ``a if c else b``; None when unknown."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def _scopes(tree: ast.Module) -> dict[ast.AST, ast.AST]:
    """Each node's nearest enclosing function (or the module)."""
    scope_of: dict[ast.AST, ast.AST] = {}

    def visit(node: ast.AST, scope: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            scope_of[child] = scope
            inner = child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else scope
            visit(child, inner)

    visit(tree, tree)
    return scope_of


def _assigned(scope: ast.AST, name: str) -> list[str] | None:
    """The literal strings a local ``name`` is given in ``scope`` (``code = "a.b" if c else "a.c"``)."""
    values: list[str] = []
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            found = _literals(node.value)
            if found is None:
                return None
            values += found
    return values or None


def raise_sites() -> list[RaiseSite]:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _python_files()}
    classes = _error_classes(trees)
    sites = []
    for path, tree in trees.items():
        scope_of = _scopes(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called_name(node) in classes and node.args):
                continue
            first = node.args[0]
            codes = _literals(first)
            if codes is None and isinstance(first, ast.Name):
                codes = _assigned(scope_of[node], first.id)
            fields = frozenset(k.arg for k in node.keywords if k.arg is not None)
            spreads = any(k.arg is None for k in node.keywords)
            # A sentence made in place (an f-string, a join, a + or a %) instead of a code.
            composed = isinstance(first, ast.JoinedStr | ast.BinOp) or (
                isinstance(first, ast.Call) and _called_name(first) in ("join", "format")
            )
            where = f"{path.relative_to(KIOSK.parent)}:{node.lineno}"
            for code in codes or [None]:
                sites.append(RaiseSite(code, fields, spreads, composed, where))
    return sites


def errors_catalogue() -> dict[str, Message]:
    """The ``Errors`` context of every Chinese .ts file, by English source."""
    found: dict[str, Message] = {}
    for path in sorted(CATALOGUE_DIR.glob("*_zh_CN.ts")):
        for message in read_ts(path)[1]:
            if message.context == CONTEXT:
                found[message.source] = message
    return found


def test_raise_sites_are_found() -> None:
    sites = raise_sites()
    assert len([site for site in sites if site.code]) > 100
    assert any(site.where.startswith("kiosk/support/files.py") for site in sites)


def test_every_raised_code_is_well_formed_and_has_an_english_template() -> None:
    sites = raise_sites()
    composed = [site.where for site in sites if site.composed]
    assert composed == [], "raise a code with params, not a sentence"
    malformed = [f"{site.where}: {site.code}" for site in sites if site.code and not CODE.match(site.code)]
    assert malformed == []
    missing = sorted(
        {f"{site.code} ({site.where})" for site in sites if site.code and site.code not in MESSAGES}
    )
    assert missing == []


def test_every_template_code_is_well_formed() -> None:
    assert [code for code in MESSAGES if not CODE.match(code)] == []


def test_every_raise_site_passes_the_fields_of_its_template() -> None:
    lacking = [
        f"{site.where}: {site.code} lacks {sorted(fields_of(MESSAGES[site.code]) - site.fields)}"
        for site in raise_sites()
        if site.code in MESSAGES and not site.spreads and not fields_of(MESSAGES[site.code]) <= site.fields
    ]
    assert lacking == []


def test_every_template_is_used_somewhere() -> None:
    strings = {
        node.value
        for path in _python_files()
        if "messages" not in path.relative_to(KIOSK).parts[:1] and "hints" not in path.parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert sorted(code for code in MESSAGES if code not in strings) == []


def test_no_template_names_a_cli_verb_or_flag() -> None:
    assert [f"{code}: {text}" for code, text in MESSAGES.items() if COMMAND.search(text)] == []


def test_every_template_has_a_chinese_translation_with_its_fields() -> None:
    translations = errors_catalogue()
    missing = sorted(
        code
        for code, template in MESSAGES.items()
        if template not in translations or not translations[template].translated
    )
    assert missing == []
    for source, message in translations.items():
        translation = message.translations[0]
        assert fields_of(translation) == fields_of(source), source
        assert re.search(r"[\u4e00-\u9fff]", translation), source


def test_no_chinese_error_translation_is_unused() -> None:
    templates = set(MESSAGES.values())
    assert sorted(source for source in errors_catalogue() if source not in templates) == []


def test_every_hint_belongs_to_a_code_and_names_what_to_run() -> None:
    assert sorted(code for code in HINTS if code not in MESSAGES) == []
    assert [code for code, hint in HINTS.items() if not hint.strip() or hint.rstrip().endswith(".")] == []


def test_sentence_fills_the_template_and_the_cli_adds_the_hint() -> None:
    code = next(code for code in HINTS if code in MESSAGES)
    params = {name: f"<{name}>" for name in fields_of(MESSAGES[code]) | fields_of(HINTS[code])}
    error = KioskError(code, **params)
    said = sentence(error)
    assert "{" not in said
    assert with_hint(error).startswith(said.rstrip(".") + "; ")
    assert with_hint(error).endswith(".")


def test_a_code_without_a_template_still_says_what_is_known() -> None:
    said = sentence(InputError("nothing.known_here", path=Path("/x")))
    assert said == "nothing.known_here: path=/x"


@pytest.mark.parametrize("template", ["Answer {item} is {length} long.", "{count} item(s) left."])
def test_fields_are_found(template: str) -> None:
    assert fields_of(template) == set(re.findall(r"\{(\w+)\}", template))

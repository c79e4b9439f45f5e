"""Writing an import as a bank source folder: bank.yaml, items/*.yaml, images/ and the import report.

The YAML is written by hand in the sample banks' style (one item after another, options as one-line
mappings, every text double-quoted) so it diffs well and reads back to exactly the values converted. What
the source did not say is left out, for ``kiosk bank validate`` to name. The folder is written beside its
final place and renamed into it at the end, so a failed import leaves nothing half-written.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from kiosk.authoring.interchange.model import Converted, DraftBank, DraftItem
from kiosk.authoring.interchange.report import Word
from kiosk.domain.errors import InputError, Notice
from kiosk.domain.items import Choice, ItemType, ScoringRule, Text
from kiosk.support.files import SHARED, write_file

REPORT_FILE = "import-report.txt"
# Plain YAML scalars that PyYAML would read as something other than the text (YAML 1.1 booleans, nulls).
_SPECIAL = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"})
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
# Characters YAML does not allow raw in a double-quoted scalar, or would fold as a line break.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def scalar(value: object) -> str:
    """One YAML scalar that reads back as ``value`` (text double-quoted unless it is a plain word)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _SPECIAL:
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def number(value: float) -> str:
    """A float as YAML that reads back as the same float (PyYAML wants a dot before an exponent)."""
    if not math.isfinite(value):
        raise ValueError(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    if "e" in text and "." not in text.split("e")[0]:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}.0e{exponent}"
    return text


def _texts(key: str, text: Text | None) -> list[str]:
    if text is None:
        return []
    lines = [f"{key}: {scalar(text.en)}"]
    if text.zh:
        lines.append(f"{key}_zh: {scalar(text.zh)}")
    return lines


def _choice(choice: Choice) -> str:
    parts = [f"id: {scalar(choice.id)}", f"text: {scalar(choice.text.en)}"]
    if choice.text.zh:
        parts.append(f"text_zh: {scalar(choice.text.zh)}")
    return "{" + ", ".join(parts) + "}"


def _flow(values: Iterable[str]) -> str:
    return "[" + ", ".join(scalar(value) for value in values) + "]"


def item_yaml(item: DraftItem) -> list[str]:
    """The YAML lines of one item (the first starts with "- ")."""
    fields = [f"id: {scalar(item.id)}", f"type: {item.type.value}"]
    if item.competence:
        fields.append(f"competence: {scalar(item.competence)}")
    if item.difficulty:
        fields.append(f"difficulty: {item.difficulty.value}")
    if item.level:
        fields.append(f"level: {scalar(item.level)}")
    if item.points != 1:
        fields.append(f"points: {item.points}")
    if item.stimulus:
        fields.append(f"stimulus: {scalar(item.stimulus)}")
    if item.image:
        fields.append(f"image: {scalar(item.image)}")
    fields += _texts("stem", item.stem)
    for key, choices in (("premises", item.premises), ("options", item.options)):
        if choices:
            fields.append(f"{key}:")
            fields += [f"  - {_choice(choice)}" for choice in choices]
    if item.type is ItemType.SINGLE:
        fields.append(f"answer: {scalar(item.key[0])}")
    elif item.type in (ItemType.MULTIPLE, ItemType.ORDERING):
        fields.append(f"answer: {_flow(item.key)}")
    elif item.type is ItemType.TRUE_FALSE:
        fields.append(f"answer: {'true' if item.key == ('true',) else 'false'}")
    elif item.type is ItemType.NUMERIC and item.value is not None:
        fields.append(f"answer: {number(item.value)}")
        if item.tolerance:
            fields.append(f"tolerance: {number(item.tolerance)}")
        if item.unit:
            fields.append(f"unit: {scalar(item.unit)}")
    elif item.type is ItemType.MATCHING:
        pairs = ", ".join(f"{json.dumps(premise)}: {scalar(option)}" for premise, option in item.pairs)
        fields.append(f"answer: {{{pairs}}}")
    elif item.type is ItemType.SHORT_TEXT:
        fields.append(f"accept: {_flow(item.accepted)}")
    if item.scoring is ScoringRule.PARTIAL:
        fields.append("scoring: partial")
    if item.rationale:
        fields.append(f"rationale: {scalar(item.rationale)}")
    return [("- " if index == 0 else "  ") + line for index, line in enumerate(fields)]


def _comment(text: str) -> str:
    return "# " + " ".join(text.split())


def bank_yaml(bank: DraftBank, origin: str, word: Word) -> str:
    lines = [_comment(word(Notice("interchange.yaml_origin", origin=origin))), ""]
    if bank.certificate:
        lines.append(f"certificate: {scalar(bank.certificate)}")
    if bank.grade is not None:
        lines.append(f"grade: {bank.grade}")
    lines.append(f"version: {bank.version or 1}")
    lines += _texts("title", bank.title)
    languages = ["en", "zh"] if _has_chinese(bank) else ["en"]
    lines.append(f"languages: [{', '.join(languages)}]")
    if bank.competences:
        lines += ["", "competences:"]
        for competence in bank.competences:
            parts = [f"id: {scalar(competence.id)}"]
            if competence.area:
                parts.append(f"area: {competence.area.value}")
            if competence.title:
                parts.append(f"title: {scalar(competence.title.en)}")
                if competence.title.zh:
                    parts.append(f"title_zh: {scalar(competence.title.zh)}")
            lines.append("  - {" + ", ".join(parts) + "}")
    lines += [
        "",
        "blueprint:",
        "  " + _comment(word(Notice("interchange.yaml_blueprint"))),
        "  shuffle_items: true",
        "  shuffle_options: true",
    ]
    if bank.stimuli:
        lines += ["", "stimuli:"]
        for stimulus in bank.stimuli:
            lines.append(f"  - id: {scalar(stimulus.id)}")
            lines += [f"    {line}" for line in _texts("text", stimulus.text)]
            if stimulus.image:
                lines.append(f"    image: {scalar(stimulus.image)}")
    return "\n".join(lines) + "\n"


def _has_chinese(bank: DraftBank) -> bool:
    texts: list[Text | None] = [bank.title]
    texts += [competence.title for competence in bank.competences]
    texts += [stimulus.text for stimulus in bank.stimuli]
    for item in bank.items:
        texts += [item.stem, *(choice.text for choice in item.options + item.premises)]
    return any(text is not None and text.zh for text in texts)


def items_yaml(bank: DraftBank, target: str, line_of: Callable[[Converted], str]) -> str:
    """The item file ``target``: its items in source order, each after its report line as a comment."""
    lines: list[str] = []
    for entry in bank.converted:
        if entry.item is None or entry.target != target:
            continue
        if lines:
            lines.append("")
        lines.append(_comment(line_of(entry)))
        lines += item_yaml(entry.item)
    return "\n".join(lines) + "\n"


def write_bank_folder(output: Path, contents: dict[str, bytes]) -> None:
    """Write ``contents`` (relative path -> bytes) as the new folder ``output``, whole or not at all."""
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise InputError("interchange.output_exists", folder=output)
    staging = output.parent / f".{output.name}.importing"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        for relative, data in sorted(contents.items()):
            write_file(staging / relative, data, SHARED)
        if output.exists():
            output.rmdir()
        os.replace(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

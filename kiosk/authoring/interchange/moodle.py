"""Importing Moodle XML question exports (``<quiz>`` files).

Every ``<question>`` is read into Moodle's question model (see :mod:`~kiosk.authoring.interchange.questions`)
and converted there. Question text is HTML (or plain text, Moodle's auto-format, Markdown) reduced to
what the kiosk shows; Moodle's multi-language spans (``<span lang="zh_cn" class="multilang">``) become
the Chinese version. Images are the base64 ``<file>`` elements a text names as ``@@PLUGINFILE@@/name``,
and in exports from Moodle 1.9 the question's own ``<image>`` with its ``<image_base64>``.
The ``category`` pseudo-questions set the category of the questions after them and are not items.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from urllib.parse import unquote

from kiosk.authoring.interchange.html import Rich, reduce_html
from kiosk.authoring.interchange.media import ImageStore
from kiosk.authoring.interchange.model import OPTION_IDS, PREMISE_IDS, Converted, DraftBank, SourceRef
from kiosk.authoring.interchange.questions import Answer, Image, Question, convert
from kiosk.authoring.interchange.xmlsafe import Node, parse_xml
from kiosk.domain.errors import InputError
from kiosk.domain.items import Text

PLUGINFILE = "@@PLUGINFILE@@/"
# Moodle's own default combined feedback says nothing an author wrote.
_DEFAULT_FEEDBACK = frozenset(
    {"", "Your answer is correct.", "Your answer is partially correct.", "Your answer is incorrect."}
)


def read_file(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError("interchange.unreadable", file=name, reason=error.strerror or str(error)) from None


def plain_text(markup: str) -> str:
    """Plain text as Moodle keeps it: lines, each with its spaces collapsed."""
    lines = [" ".join(line.split()) for line in markup.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def read_moodle(path: Path, name: str, bank: DraftBank, store: ImageStore) -> list[Converted]:
    """Every question in the Moodle XML file ``path`` (shown to people as ``name``)."""
    root = parse_xml(read_file(path, name), name)
    if root.tag != "quiz":
        raise InputError("interchange.moodle_not_quiz", file=name, line=root.line, found=root.tag)
    category: str | None = None
    category_id: str | None = None
    found: list[Converted] = []
    for node in root.all("question"):
        kind = (node.get("type") or "").strip()
        if kind == "category":
            category = _text(node.path("category", "text")).strip() or None
            category_id = _text(node.child("idnumber")).strip() or None
            continue
        question = _question(node, kind)
        question.category, question.category_id = category, category_id
        source = SourceRef(name, node.line, question.name or kind)
        found.append(convert(question, source, bank, store))
    return found


def _text(node: Node | None) -> str:
    return node.all_text() if node is not None else ""


def rich(element: Node | None, question: Question) -> Rich:
    """A Moodle text element (``<questiontext format=...><text>...</text><file/>...``) reduced."""
    if element is None:
        return Rich()
    markup = _text(element.child("text"))
    text_format = (element.get("format") or "html").lower()
    if text_format != "html":
        if text_format == "markdown":
            question.marks.add("markdown")
        return Rich(en=plain_text(markup))
    reduced = reduce_html(markup)
    question.marks |= reduced.marks
    files = {unquote(file.get("name") or ""): file for file in element.all("file")}
    for image in reduced.images:
        name = unquote(image.src.removeprefix(PLUGINFILE)) if image.src.startswith(PLUGINFILE) else image.src
        data = None
        file = files.get(name) if image.src.startswith(PLUGINFILE) else None
        if file is not None and (file.get("encoding") or "base64") == "base64":
            data = _base64(file.all_text())
        question.images.append(Image(name, data))
    return reduced


def _base64(text: str) -> bytes | None:
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        return None


def _old_image(node: Node, question: Question) -> None:
    """Moodle 1.9's question image: ``<image>`` names it, ``<image_base64>`` holds it (when exported)."""
    name = _text(node.child("image")).strip()
    if not name:
        return
    encoded = _text(node.child("image_base64")).strip()
    question.images.append(Image(unquote(name), _base64(encoded) if encoded else None))


def _option(element: Node, question: Question, label: str) -> Rich:
    """An answer or premise text; an image in it is named, and stands by its description when alone."""
    holder = Question(question.kind, "", 0)
    reduced = rich(element, holder)
    question.marks |= holder.marks
    if holder.images:
        question.option_images.append(label)
        if not reduced.en.strip():
            reduced.en = " ".join(image.alt for image in reduced.images if image.alt)
    return reduced


def _number(text: str, default: float) -> float:
    try:
        return float(text.strip())
    except ValueError:
        return default


def _question(node: Node, kind: str) -> Question:
    question = Question(kind=kind, name=" ".join(_text(node.path("name", "text")).split()), line=node.line)
    question.stem = rich(node.child("questiontext"), question).text()
    _old_image(node, question)
    general = rich(node.child("generalfeedback"), question)
    question.rationale = general.en.strip() or None
    if general.zh:
        question.rationale = "\n".join(part for part in (general.en, general.zh) if part)
    question.points = _number(_text(node.child("defaultgrade")), 1.0)
    question.single = _text(node.child("single")).strip().lower() not in ("false", "0")
    question.case_sensitive = _text(node.child("usecase")).strip() == "1"
    question.idnumber = _text(node.child("idnumber")).strip() or None
    tags = node.child("tags")
    question.tags = [_text(tag.child("text")).strip() for tag in tags.all("tag")] if tags is not None else []
    question.ordering_grading = _text(node.child("gradingtype")).strip() or None
    for answer in node.all("answer"):
        feedback = answer.child("feedback")
        raw = _text(answer.child("text"))
        reduced = _option(answer, question, OPTION_IDS[len(question.answers) % len(OPTION_IDS)])
        if kind == "numerical":
            reduced = Rich(en=raw)
        question.answers.append(
            Answer(
                text=reduced.text(),
                fraction=_number(answer.get("fraction") or "0", 0.0) / 100,
                raw=reduced.en if (answer.get("format") or "html") == "html" else raw,
                tolerance=_number(_text(answer.child("tolerance")), 0.0),
                feedback=bool(_text(feedback.child("text") if feedback else None).strip()),
            )
        )
    premises = 0
    for sub in node.all("subquestion"):
        premise = _option(sub, question, PREMISE_IDS[premises % len(PREMISE_IDS)]).text()
        premises += premise is not None
        answer_text = " ".join(_text(sub.path("answer", "text")).split())
        question.subquestions.append((premise, Text(answer_text)))
    units = node.child("units")
    for unit in units.all("unit") if units is not None else []:
        question.units.append(
            (_text(unit.child("unit_name")).strip(), _number(_text(unit.child("multiplier")), 1.0))
        )
    question.feedback = any(answer.feedback for answer in question.answers) or any(
        _text(hint.child("text")).strip() for hint in node.all("hint")
    )
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        if " ".join(reduce_html(_text(node.path(tag, "text"))).en.split()) not in _DEFAULT_FEEDBACK:
            question.feedback = True
    return question

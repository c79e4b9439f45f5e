"""Importing GIFT, Moodle's plain-text question format.

A GIFT file is a series of questions separated by blank lines; ``//`` starts a comment line and
``$CATEGORY: path`` sets the category of the questions after it. A question is an optional ``::title::``,
an optional text format (``[html]``, ``[moodle]``, ``[plain]``, ``[markdown]``), its text, and an answer
block in braces:

- ``{=right ~wrong ~wrong}`` one right answer; ``{~%50%a ~%50%b ~%-100%c}`` several, weighted;
- ``{T}`` / ``{TRUE}`` / ``{F}`` / ``{FALSE}`` true or false;
- ``{=answer =other answer}`` short answer (every answer starting with ``=``);
- ``{=premise -> match =premise -> match}`` matching;
- ``{#2.5:0.05}`` a number and its tolerance, ``{#1..5}`` a range, ``{#=2:0 =%50%2:1}`` several,
  ``{#3:2 ~#feedback}`` with feedback for any other number;
- ``{}`` essay (not convertible); no braces at all: a description (not convertible).

Text after the braces makes it a "missing word" question: the braces stand for a blank in the stem. An
answer (or a matching premise) may start with its own text format, like the question: ``~[plain]blue``.
``#`` after an answer starts its feedback, ``####`` the general feedback; ``\\~ \\= \\# \\{ \\} \\:``
are the literal characters and ``\\n`` a line break.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kiosk.authoring.interchange.html import BLANK, Rich, reduce_html
from kiosk.authoring.interchange.media import ImageStore
from kiosk.authoring.interchange.model import Converted, DraftBank, SourceRef, short_name
from kiosk.authoring.interchange.moodle import plain_text, read_file
from kiosk.authoring.interchange.questions import Answer, Image, Question, convert
from kiosk.domain.errors import InputError
from kiosk.domain.items import Text

# Escaped characters stand as private-use characters while the structure is parsed.
_ESCAPED = "\\~=#{}:n"
_ESCAPES = {"\\" + char: chr(0xE000 + index) for index, char in enumerate(_ESCAPED)}
_RESTORE = {chr(0xE000 + index): "\n" if char == "n" else char for index, char in enumerate(_ESCAPED)}
_ESCAPE = re.compile(r"\\[\\~=#{}:n]")
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^\s*%(-?[0-9]+(?:\.[0-9]+)?)%")
_TRUE_FALSE = {"t": True, "true": True, "f": False, "false": False}


def _protect(text: str) -> str:
    return _ESCAPE.sub(lambda match: _ESCAPES[match.group()], text)


def _restore(text: str) -> str:
    for mark, char in _RESTORE.items():
        text = text.replace(mark, char)
    return text


def read_gift(path: Path, name: str, bank: DraftBank, store: ImageStore) -> list[Converted]:
    """Every question in the GIFT file ``path`` (shown to people as ``name``)."""
    data = read_file(path, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            "interchange.not_utf8", file=name, line=data[: error.start].count(b"\n") + 1
        ) from None
    category: str | None = None
    found: list[Converted] = []
    for line, block in _blocks(text, name):
        if block.lstrip().startswith("$CATEGORY:"):
            category = block.split(":", 1)[1].strip() or None
            continue
        question = _question(block, line, name)
        question.category = category
        source = SourceRef(name, line, question.name or short_name(_restore(block)))
        found.append(convert(question, source, bank, store))
    return found


def _blocks(text: str, name: str) -> list[tuple[int, str]]:
    """The questions (and category lines) of a GIFT file with the line each starts on."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = opened = 0
    depth = 0
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = _protect(raw)
        if line.strip().startswith("//"):
            continue
        if not line.strip() and depth == 0:
            if current:
                blocks.append((start, "\n".join(current)))
                current = []
            continue
        if not current:
            start = number
            if line.strip().startswith("$CATEGORY:"):
                blocks.append((number, line))
                continue
        current.append(line)
        for char in line:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if char == "{" and depth == 1:
                opened = number
            if depth < 0 or depth > 1:
                # An unclosed block is where to look, not the next one that trips over it.
                raise InputError("interchange.gift_braces", file=name, line=opened if depth > 1 else number)
    if depth:
        raise InputError("interchange.gift_braces", file=name, line=opened)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def _text(raw: str, text_format: str, question: Question) -> Rich:
    restored = _restore(raw)
    if text_format == "html":
        reduced = reduce_html(restored)
        question.marks |= reduced.marks
        question.images += [Image(image.src, None) for image in reduced.images]
        return reduced
    if text_format == "markdown":
        question.marks.add("markdown")
    return Rich(en=plain_text(restored))


def _answer_text(raw: str, text_format: str, question: Question) -> Rich:
    """An answer's or premise's text, in its own format when it names one (``[html]...``) as in Moodle."""
    found = _FORMAT.match(raw)
    if found:
        return _text(raw[found.end() :], found.group(1).lower(), question)
    return _text(raw, text_format, question)


def _question(block: str, line: int, name: str) -> Question:
    title = ""
    body = block.strip()
    if body.startswith("::"):
        end = body.find("::", 2)
        if end < 0:
            raise InputError("interchange.gift_title", file=name, line=line)
        title, body = _restore(body[2:end]).strip(), body[end + 2 :]
    text_format = "moodle"
    found = _FORMAT.match(body)
    if found:
        text_format, body = found.group(1).lower(), body[found.end() :]
    question = Question(kind="description", name=title, line=line)
    opening = body.find("{")
    if opening < 0:
        question.stem = _text(body, text_format, question).text()
        return question
    closing = body.find("}", opening)
    before, answers, after = body[:opening], body[opening + 1 : closing], body[closing + 1 :]
    stem_raw = before + (BLANK if after.strip() else "") + after
    question.stem = _text(stem_raw, text_format, question).text()
    answers, _, general = answers.partition("####")
    if general.strip():
        question.rationale = _text(general, text_format, question).en or None
    _answers(question, answers.strip(), text_format)
    return question


def _split_feedback(token: str) -> tuple[str, bool]:
    text, _, feedback = token.partition("#")
    return text, bool(feedback.strip())


def _answers(question: Question, answers: str, text_format: str) -> None:
    if not answers:
        question.kind = "essay"
        return
    if answers.startswith("#"):
        question.kind = "numerical"
        _numerical(question, answers[1:])
        return
    head, feedback = _split_feedback(answers)
    if head.strip().lower() in _TRUE_FALSE:
        question.kind = "truefalse"
        right = _TRUE_FALSE[head.strip().lower()]
        question.answers = [
            Answer(Text("True"), 1.0 if right else 0.0, "true"),
            Answer(Text("False"), 0.0 if right else 1.0, "false"),
        ]
        question.feedback = feedback
        return
    tokens = [token for token in re.split(r"(?=[=~])", answers) if token.strip()]
    if "~" not in answers and tokens and all(token.startswith("=") for token in tokens):
        if "->" in answers:
            question.kind = "match"
            for token in tokens:
                text, feedback = _split_feedback(token[1:])
                premise, _, match = text.partition("->")
                premise_text = _answer_text(premise, text_format, question).text()
                question.subquestions.append((premise_text, Text(" ".join(_restore(match).split()))))
                question.feedback |= feedback
            return
        question.kind = "shortanswer"
    else:
        question.kind = "multichoice"
        question.single = "=" in answers
    for token in tokens:
        marker, text = token[0], token[1:]
        weight = _WEIGHT.match(text)
        if weight:
            text = text[weight.end() :]
        text, feedback = _split_feedback(text)
        question.feedback |= feedback
        default = 1.0 if marker == "=" else 0.0
        fraction = float(weight.group(1)) / 100 if weight else default
        reduced = _answer_text(text, text_format, question)
        question.answers.append(Answer(reduced.text(), fraction, reduced.en.strip()))


def _numerical(question: Question, answers: str) -> None:
    # "~#text" after the answers is feedback for any other number (Moodle keeps it as a 0% "*" answer).
    answers, wrong, other = answers.partition("~")
    if wrong and _split_feedback(other)[1]:
        question.feedback = True
    tokens = [token for token in re.split(r"(?==)", answers) if token.strip()]
    for token in tokens:
        text = token[1:] if token.startswith("=") else token
        weight = _WEIGHT.match(text)
        if weight:
            text = text[weight.end() :]
        text, feedback = _split_feedback(text)
        question.feedback |= feedback
        fraction = float(weight.group(1)) / 100 if weight else 1.0
        value, tolerance = _number_and_tolerance(_restore(text).strip())
        if value is None:
            question.answers.append(Answer(None, fraction, "not a number"))
            continue
        question.answers.append(Answer(Text(value), fraction, value, tolerance))


def _number_and_tolerance(text: str) -> tuple[str | None, float]:
    try:
        if ".." in text:
            # In decimal, so that 3.141..3.142 is 3.1415 ± 0.0005 and not 3.1414999999999997.
            low, high = (Decimal(part.strip()) for part in text.split("..", 1))
            if not (low.is_finite() and high.is_finite()):
                return None, 0.0
            middle, spread = float((low + high) / 2), float(abs(high - low) / 2)
            return repr(middle), spread
        value, _, tolerance = text.partition(":")
        number = float(value)
        spread = float(tolerance) if tolerance.strip() else 0.0
    except (ValueError, InvalidOperation):
        return None, 0.0
    if not (math.isfinite(number) and math.isfinite(spread)):
        return None, 0.0
    return repr(number), abs(spread)

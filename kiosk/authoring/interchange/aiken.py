"""Importing Aiken, Moodle's simplest format: single-answer multiple-choice questions in plain text.

Each question is its text, then its options each on a line starting with a capital letter and ``.`` or
``)`` (``A. Copper``, ``B) Aluminium``, and as Moodle reads them also without the space: ``A)Copper``),
then ``ANSWER: B``. Blank lines between questions are optional. An option before any question text, a
question without its ANSWER line, or an answer that names no option makes that question malformed: like
Moodle, the import goes on with the next question, but the malformed one is listed in the report as not
convertible with the line and what is wrong, so that nothing is lost without the author knowing.
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.authoring.interchange.media import ImageStore
from kiosk.authoring.interchange.model import Converted, DraftBank, SourceRef, short_name
from kiosk.authoring.interchange.moodle import read_file
from kiosk.authoring.interchange.questions import Answer, Question, convert
from kiosk.domain.errors import InputError, Notice
from kiosk.domain.items import Text

_OPTION = re.compile(r"^(?P<letter>[A-Z])[.)][ \t]*(?P<text>\S.*)$")
_ANSWER = re.compile(r"^ANSWER\s*:\s*(?P<letter>.*?)\s*$")


def read_aiken(path: Path, name: str, bank: DraftBank, store: ImageStore) -> list[Converted]:
    """Every question in the Aiken file ``path`` (shown to people as ``name``)."""
    data = read_file(path, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            "interchange.not_utf8", file=name, line=data[: error.start].count(b"\n") + 1
        ) from None
    found: list[Converted] = []
    stem: list[str] = []
    options: list[tuple[str, str]] = []
    start = 0
    fault: Notice | None = None  # what is wrong with the question being read, once something is

    def finish(notice: Notice | None, end: int) -> None:
        """Close the question read so far: converted, or listed as not convertible with its fault."""
        nonlocal stem, options, fault
        line = start or end
        source = SourceRef(name, line, short_name(" ".join(stem)) or f"line {line}")
        reason = fault or notice
        if reason is not None:
            found.append(Converted(source, None, [reason]))
        else:
            question = Question(kind="multichoice", name=source.name, line=line)
            question.stem = Text("\n".join(stem))
            question.answers = [
                Answer(Text(option_text), 1.0 if letter == key else 0.0, option_text)
                for letter, option_text in options
            ]
            found.append(convert(question, source, bank, store))
        stem, options, fault = [], [], None

    key = ""
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer is not None:
            letters = [letter for letter, _ in options]
            key = answer["letter"]
            if not options:
                finish(Notice("interchange.aiken_no_options", file=name, line=number), number)
            elif key not in letters:
                notice = Notice(
                    "interchange.aiken_answer_unknown",
                    file=name,
                    line=number,
                    answer=key,
                    options=", ".join(letters),
                )
                finish(notice, number)
            else:
                finish(None, number)
            start = 0
        elif option is not None:
            if not stem and not options and fault is None:
                start = number
                fault = Notice("interchange.aiken_option_first", file=name, line=number)
            options.append((option["letter"], " ".join(option["text"].split())))
        else:
            if options:
                finish(Notice("interchange.aiken_no_answer", file=name, line=number), number)
                start = 0
            if not stem:
                start = number
            stem.append(" ".join(line.split()))
    if stem or options:
        finish(Notice("interchange.aiken_no_answer", file=name, line=start), start)
    return found

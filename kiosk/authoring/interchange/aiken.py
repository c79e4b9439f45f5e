"""Importing Aiken, Moodle's simplest format: single-answer multiple-choice questions in plain text.

Each question is its text, then its options each on a line starting with a capital letter and ``.`` or
``)`` (``A. Copper``, ``B) Aluminium``, and as Moodle reads them also without the space: ``A)Copper``),
then ``ANSWER: B``. Blank lines between questions are optional. An option before any question text, a
question without its ANSWER line, or an answer that names no option makes the file malformed (Moodle
skips such questions with a warning; the import stops at the first, naming its line, so that nothing is
lost without the author knowing).
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.authoring.interchange.media import ImageStore
from kiosk.authoring.interchange.model import Converted, DraftBank, SourceRef, short_name
from kiosk.authoring.interchange.moodle import read_file
from kiosk.authoring.interchange.questions import Answer, Question, convert
from kiosk.domain.errors import InputError
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
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer is not None:
            if not options:
                raise InputError("interchange.aiken_no_options", file=name, line=number)
            letters = [letter for letter, _ in options]
            if answer["letter"] not in letters:
                raise InputError(
                    "interchange.aiken_answer_unknown",
                    file=name,
                    line=number,
                    answer=answer["letter"],
                    options=", ".join(letters),
                )
            question = Question(kind="multichoice", name=short_name(" ".join(stem)), line=start)
            question.stem = Text("\n".join(stem))
            question.answers = [
                Answer(Text(option_text), 1.0 if letter == answer["letter"] else 0.0, option_text)
                for letter, option_text in options
            ]
            found.append(convert(question, SourceRef(name, start, question.name), bank, store))
            stem, options = [], []
        elif option is not None:
            if not stem:
                raise InputError("interchange.aiken_option_first", file=name, line=number)
            options.append((option["letter"], " ".join(option["text"].split())))
        elif options:
            raise InputError("interchange.aiken_no_answer", file=name, line=number)
        else:
            if not stem:
                start = number
            stem.append(" ".join(line.split()))
    if stem or options:
        raise InputError("interchange.aiken_no_answer", file=name, line=start)
    return found

"""Moodle's question model, shared by Moodle XML, GIFT and Aiken, and its conversion to kiosk items.

GIFT and Aiken are Moodle's own text formats: both import into the same question types as Moodle XML and
are scored by the same rules. Each reader turns its syntax into :class:`Question`; :func:`convert` makes
the kiosk item, and checks its scoring against Moodle's (each answer's fraction of the mark) on probe
responses. Competence, difficulty and cognitive level come from tags (``competence:F1``, ``easy``,
``level:apply``) or from the category (a name starting with a competence id, like ``F1 Materials``, or a
category id number); what is not there is left for the author.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from kiosk.authoring.interchange.lom import DIFFICULTIES, LEVELS
from kiosk.authoring.interchange.media import ImageStore
from kiosk.authoring.interchange.model import (
    MAX_OPTIONS,
    MAX_PREMISES,
    OPTION_IDS,
    PREMISE_IDS,
    USABLE_ID,
    Converted,
    DraftBank,
    DraftCompetence,
    DraftItem,
    SourceRef,
    refused,
)
from kiosk.authoring.interchange.probe import SourceScore, check_scoring
from kiosk.domain.errors import Notice
from kiosk.domain.items import Choice, ItemType, ScoringRule, Text
from kiosk.domain.responses import Response

# Moodle question types with no kiosk item type.
NOT_CONVERTIBLE = frozenset(
    {
        "essay",
        "description",
        "ddwtos",
        "gapselect",
        "ddimageortext",
        "ddmarker",
        "multianswer",
        "cloze",
        "calculated",
        "calculatedsimple",
        "calculatedmulti",
        "randomsamatch",
        "random",
    }
)
_COMPETENCE_NAME = re.compile(r"^(?P<id>[A-Za-z]{1,3}[0-9]{1,2})(?:\b[\s:.\-–—]*(?P<title>.*))?$")
_TAG = re.compile(r"^(?P<key>competence|difficulty|level)\s*[:=]\s*(?P<value>.+)$", re.IGNORECASE)
_ALL_OR_NOTHING = ("-1", "all_or_nothing")
_ABSOLUTE = ("0", "absolute_position")


@dataclass
class Answer:
    """One answer of a question: its text (reduced), Moodle's fraction of the mark, and the raw text."""

    text: Text | None
    fraction: float
    raw: str = ""
    tolerance: float = 0.0
    feedback: bool = False


@dataclass
class Image:
    """An image a question's text names, and its bytes when the source carries them."""

    name: str
    data: bytes | None


@dataclass
class Question:
    kind: str
    name: str
    line: int
    stem: Text | None = None
    answers: list[Answer] = field(default_factory=list)
    single: bool = True
    case_sensitive: bool = False
    # Matching: (premise, answer); a premise of None is an extra answer (a distractor).
    subquestions: list[tuple[Text | None, Text]] = field(default_factory=list)
    rationale: str | None = None
    points: float = 1.0
    category: str | None = None
    category_id: str | None = None
    tags: list[str] = field(default_factory=list)
    idnumber: str | None = None
    feedback: bool = False
    marks: set[str] = field(default_factory=set)
    images: list[Image] = field(default_factory=list)
    # Options (or premises), by kiosk id, that showed an image the kiosk replaces by its description.
    option_images: list[str] = field(default_factory=list)
    units: list[tuple[str, float]] = field(default_factory=list)
    ordering_grading: str | None = None


def _plain(value: float) -> int | float:
    value = round(value, 6)
    return int(value) if float(value).is_integer() else value


def _percent(fraction: float) -> int | float:
    return _plain(fraction * 100)


def convert(question: Question, source: SourceRef, bank: DraftBank, store: ImageStore) -> Converted:
    """The kiosk item made of ``question``, or why there is none."""
    if question.kind in NOT_CONVERTIBLE:
        return refused(source, "interchange.type_not_convertible", kind=question.kind)
    converter = _CONVERTERS.get(question.kind)
    if converter is None:
        return refused(source, "interchange.type_not_convertible", kind=question.kind)
    notices: list[Notice] = []
    result = converter(question, source, notices)
    if isinstance(result, Converted):
        return result
    item, scorer, extra, known = result
    _points(question, item, notices)
    item, found = check_scoring(item, scorer, extra, known)
    if found and question.kind == "multichoice" and not question.single:
        weights = ", ".join(
            f"{option.id} {_percent(answer.fraction)}%"
            for option, answer in zip(item.options, question.answers, strict=False)
        )
        notices.append(Notice("interchange.weights_to_partial", weights=weights))
    notices += found
    _metadata(question, item, bank, notices)
    _media(question, item, store, notices)
    item.rationale = question.rationale or None
    item.id = question.idnumber if question.idnumber and USABLE_ID.match(question.idnumber) else None
    notices += [Notice("interchange.option_image", option=option) for option in question.option_images]
    if question.feedback:
        notices.append(Notice("interchange.feedback_dropped"))
    if question.marks:
        notices.append(Notice("interchange.formatting_reduced", marks=", ".join(sorted(question.marks))))
    return Converted(source, item, notices)


_Result = Converted | tuple[DraftItem, SourceScore, list[Response], bool]


def _points(question: Question, item: DraftItem, notices: list[Notice]) -> None:
    points = max(1, math.floor(question.points + 0.5))
    if not math.isclose(points, question.points):
        notices.append(Notice("interchange.points_rounded", points=_plain(question.points), rounded=points))
    item.points = points


def _options(question: Question, source: SourceRef) -> list[Choice] | Converted:
    count = len(question.answers)
    if count > MAX_OPTIONS:
        return refused(source, "interchange.too_many_options", count=count, limit=MAX_OPTIONS)
    if count < 2:
        return refused(source, "interchange.too_few_options", count=count)
    return [
        Choice(option_id, answer.text or Text(""))
        for option_id, answer in zip(OPTION_IDS, question.answers, strict=False)
    ]


def _multichoice(question: Question, source: SourceRef, notices: list[Notice]) -> _Result:
    options = _options(question, source)
    if isinstance(options, Converted):
        return options
    fractions = {
        option.id: answer.fraction for option, answer in zip(options, question.answers, strict=False)
    }
    if question.single:
        best = max(fractions.values())
        keys = [option_id for option_id, fraction in fractions.items() if math.isclose(fraction, best)]
        if best <= 0:
            return refused(source, "interchange.no_key")
        if len(keys) > 1:
            return refused(source, "interchange.several_keys", count=len(keys))
        partial = [o for o, f in fractions.items() if 0 < f < best]
        known = False
        if partial:
            notices.append(
                Notice(
                    "interchange.partial_options_dropped",
                    options=", ".join(f"{o} {_percent(fractions[o])}%" for o in partial),
                )
            )
            known = True
        item = DraftItem(ItemType.SINGLE, question.stem or Text(""), options=tuple(options), key=(keys[0],))

        def single(response: Response) -> float:
            return fractions.get(str(response), 0.0)

        return item, single, [], known
    keys = [option_id for option_id, fraction in fractions.items() if fraction > 0]
    if not keys:
        return refused(source, "interchange.no_key")
    item = DraftItem(
        ItemType.MULTIPLE,
        question.stem or Text(""),
        options=tuple(options),
        key=tuple(keys),
        scoring=ScoringRule.PARTIAL,
    )

    def multiple(response: Response) -> float:
        total = sum(fractions.get(option_id, 0.0) for option_id in set(response))
        return min(1.0, max(0.0, total))

    return item, multiple, [], False


def _truefalse(question: Question, source: SourceRef, notices: list[Notice]) -> _Result:
    fractions: dict[str, float] = {}
    for answer in question.answers:
        word = answer.raw.strip().lower()
        if word in ("true", "false"):
            fractions[word] = answer.fraction
    if len(fractions) != 2 or max(fractions.values()) <= 0:
        return refused(source, "interchange.no_key")
    key = max(fractions, key=lambda word: fractions[word])
    item = DraftItem(ItemType.TRUE_FALSE, question.stem or Text(""), key=(key,))
    return item, lambda response: fractions.get(str(response), 0.0), [], False


def moodle_text_match(response: str, pattern: str, case_sensitive: bool) -> bool:
    """Moodle's short-answer comparison: the trimmed response against the answer, ``*`` a wildcard."""
    expression = ".*".join(re.escape(part) for part in re.split(r"(?<!\\)\*", pattern.strip()))
    expression = expression.replace(re.escape("\\*"), re.escape("*"))
    flags = re.DOTALL | (0 if case_sensitive else re.IGNORECASE)
    return re.fullmatch(expression, response.strip(), flags) is not None


def _shortanswer(question: Question, source: SourceRef, notices: list[Notice]) -> _Result:
    answers = [answer for answer in question.answers if answer.raw.strip()]
    best = max((answer.fraction for answer in answers), default=0.0)
    if best <= 0:
        return refused(source, "interchange.no_key")
    accepted: list[str] = []
    partial: list[str] = []
    known = False
    for answer in answers:
        text = answer.raw.strip()
        wildcard = re.search(r"(?<!\\)\*", text) is not None
        if wildcard and answer.fraction > 0:
            return refused(source, "interchange.wildcard_answer", answer=text)
        if wildcard:
            continue
        text = text.replace("\\*", "*")
        if math.isclose(answer.fraction, best):
            accepted.append(text)
        elif answer.fraction > 0:
            partial.append(f"{text} {_percent(answer.fraction)}%")
    if partial:
        notices.append(Notice("interchange.partial_answers_dropped", answers=", ".join(partial)))
        known = True
    if question.case_sensitive:
        notices.append(Notice("interchange.case_sensitive"))
        known = True
    item = DraftItem(ItemType.SHORT_TEXT, question.stem or Text(""), accepted=tuple(accepted))

    def score(response: Response) -> float:
        matching = [
            answer.fraction
            for answer in answers
            if moodle_text_match(str(response), answer.raw, question.case_sensitive)
        ]
        return max(matching, default=0.0)

    extra: list[Response] = [answer.raw.strip() for answer in answers if "*" not in answer.raw]
    return item, score, extra, known


def _numerical(question: Question, source: SourceRef, notices: list[Notice]) -> _Result:
    answers: list[tuple[float | None, float, float]] = []  # value (None: any), tolerance, fraction
    for answer in question.answers:
        text = answer.raw.strip()
        if text == "*":
            answers.append((None, 0.0, answer.fraction))
            continue
        try:
            value = float(text)
        except ValueError:
            continue
        if math.isfinite(value):
            answers.append((value, abs(answer.tolerance), answer.fraction))
    best = max((fraction for _, _, fraction in answers), default=0.0)
    full = [
        (value, tolerance)
        for value, tolerance, fraction in answers
        if value is not None and math.isclose(fraction, best)
    ]
    if best <= 0 or not full:
        return refused(source, "interchange.no_key")
    value, tolerance = full[0]
    assert value is not None
    known = False
    others = [f"{_plain(v)}" for v, _ in full[1:] if v is not None]
    if others:
        notices.append(Notice("interchange.numeric_answers_dropped", answers=", ".join(others)))
        known = True
    partial = [f"{_plain(v)} {_percent(f)}%" for v, _, f in answers if v is not None and 0 < f < best]
    if partial:
        notices.append(Notice("interchange.partial_answers_dropped", answers=", ".join(partial)))
        known = True
    unit = ""
    if question.units:
        base = [name for name, multiplier in question.units if math.isclose(multiplier, 1.0)]
        unit = base[0] if base else ""
        dropped = [name for name, _ in question.units if name != unit]
        if dropped:
            notices.append(Notice("interchange.units_dropped", units=", ".join(dropped)))
    item = DraftItem(ItemType.NUMERIC, question.stem or Text(""), value=value, tolerance=tolerance, unit=unit)

    def score(response: Response) -> float:
        number = float(str(response))
        matching = [
            fraction
            for answer_value, answer_tolerance, fraction in answers
            if answer_value is None
            or abs(number - answer_value) <= answer_tolerance + 1e-12 * max(1.0, abs(answer_value))
        ]
        return max(matching, default=0.0)

    extra: list[Response] = [repr(v) for v, _, _ in answers if v is not None]
    return item, score, extra, known


def _matching(question: Question, source: SourceRef, notices: list[Notice]) -> _Result:
    premises_texts = [(premise, answer) for premise, answer in question.subquestions if premise is not None]
    answer_texts: list[Text] = []
    for _, answer in question.subquestions:
        if answer not in answer_texts:
            answer_texts.append(answer)
    if len(premises_texts) > MAX_PREMISES or len(answer_texts) > MAX_OPTIONS:
        count = max(len(premises_texts), len(answer_texts))
        return refused(source, "interchange.too_many_options", count=count, limit=MAX_OPTIONS)
    if len(premises_texts) < 2 or len(answer_texts) < 2:
        return refused(
            source, "interchange.too_few_options", count=min(len(premises_texts), len(answer_texts))
        )
    options = tuple(
        Choice(option_id, text) for option_id, text in zip(OPTION_IDS, answer_texts, strict=False)
    )
    option_of = {text: option.id for option, text in zip(options, answer_texts, strict=True)}
    premises = tuple(
        Choice(premise_id, premise)
        for premise_id, (premise, _) in zip(PREMISE_IDS, premises_texts, strict=False)
    )
    pairs = tuple(
        (premise_id, option_of[answer])
        for premise_id, (_, answer) in zip(PREMISE_IDS, premises_texts, strict=False)
    )
    item = DraftItem(
        ItemType.MATCHING,
        question.stem or Text(""),
        premises=premises,
        options=options,
        pairs=pairs,
        scoring=ScoringRule.PARTIAL,
    )
    key = dict(pairs)

    def score(response: Response) -> float:
        assert isinstance(response, dict)
        return sum(1 for premise, option in response.items() if key.get(premise) == option) / len(key)

    return item, score, [], False


def _ordering(question: Question, source: SourceRef, notices: list[Notice]) -> _Result:
    options = _options(question, source)
    if isinstance(options, Converted):
        return options
    key = tuple(option.id for option in options)
    grading = (question.ordering_grading or "absolute_position").strip().lower()
    if grading in _ALL_OR_NOTHING:
        rule = ScoringRule.ALL_OR_NOTHING
    else:
        rule = ScoringRule.PARTIAL
        if grading not in _ABSOLUTE:
            notices.append(
                Notice("interchange.ordering_grading", grading=question.ordering_grading or grading)
            )
    item = DraftItem(
        ItemType.ORDERING, question.stem or Text(""), options=tuple(options), key=key, scoring=rule
    )
    known = grading not in _ALL_OR_NOTHING + _ABSOLUTE

    def score(response: Response) -> float:
        right = sum(1 for given, wanted in zip(response, key, strict=False) if given == wanted) / len(key)
        if grading in _ALL_OR_NOTHING:
            return 1.0 if right == 1.0 else 0.0
        return right

    return item, score, [], known


_CONVERTERS = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "match": _matching,
    "matching": _matching,
    "ordering": _ordering,
}


def _metadata(question: Question, item: DraftItem, bank: DraftBank, notices: list[Notice]) -> None:
    competence: DraftCompetence | None = None
    segment = (question.category or "").rstrip("/").rsplit("/", 1)[-1].strip()
    if question.category_id and USABLE_ID.match(question.category_id):
        competence = DraftCompetence(question.category_id, None, Text(segment) if segment else None)
    elif (match := _COMPETENCE_NAME.match(segment)) is not None:
        title = (match["title"] or "").strip()
        competence = DraftCompetence(match["id"], None, Text(title) if title else None)
    for tag in question.tags:
        tagged = _TAG.match(tag.strip())
        word = tag.strip().lower()
        if tagged is not None:
            key, value = tagged["key"].lower(), tagged["value"].strip()
            if key == "competence" and USABLE_ID.match(value):
                competence = DraftCompetence(value)
            elif key == "difficulty" and value.lower() in DIFFICULTIES:
                item.difficulty = DIFFICULTIES[value.lower()]
            elif key == "level" and value.lower() in LEVELS:
                item.level = value.lower()
        elif word in ("easy", "medium", "hard"):
            item.difficulty = DIFFICULTIES[word]
    if competence is not None:
        bank.competence(competence)
        item.competence = competence.id


def _media(question: Question, item: DraftItem, store: ImageStore, notices: list[Notice]) -> None:
    for index, image in enumerate(question.images):
        if image.data is None:
            notices.append(Notice("interchange.image_missing", image=image.name[:80]))
            continue
        path, problem = store.add(image.data, image.name)
        if problem is not None:
            notices.append(problem)
            continue
        item.image = path
        rest = len(question.images) - index - 1
        if rest:
            notices.append(Notice("interchange.images_dropped", count=rest))
        return

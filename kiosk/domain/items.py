"""Question items, stimuli and the bank they live in: the vocabulary every layer shares."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Certificate(enum.StrEnum):
    """The three energy-storage X certificates piloted at the college."""

    DESIGN = "design"
    MAINTENANCE = "maintenance"
    RECYCLING = "recycling"


GRADE_NAMES = {1: "I", 2: "II", 3: "III"}

# Each certificate's name in English and in Simplified Chinese.
_CERTIFICATE_NAMES = {
    Certificate.DESIGN: ("Energy Storage Design", "储能设计"),
    Certificate.MAINTENANCE: ("Energy Storage Maintenance", "储能维护"),
    Certificate.RECYCLING: ("Energy Storage Recycling", "储能回收"),
}


def certificate_name(certificate: Certificate | str, grade: int | None = None, language: str = "en") -> str:
    """The name people read for a certificate, and its grade when given, in ``language`` ("en" or "zh").

    E.g. "Energy Storage Maintenance", "Energy Storage Maintenance, Grade II", "储能维护 II 级".
    ``certificate`` is a Certificate or its stored value; any other text (a name made earlier) is kept as
    it is, and a grade without a numeral prints as its number.
    """
    try:
        english, chinese = _CERTIFICATE_NAMES[Certificate(certificate)]
    except ValueError:
        english = chinese = str(certificate)
    zh = language == "zh"
    name = chinese if zh else english
    if grade is None:
        return name
    numeral = GRADE_NAMES.get(grade, str(grade))
    return f"{name} {numeral} 级" if zh else f"{name}, Grade {numeral}"


class Area(enum.StrEnum):
    """The three kinds of competence a grade sets (Table 1 of the pilot paper)."""

    FOUNDATIONAL = "foundational"
    PRACTICAL = "practical"
    REFLEXIVE = "reflexive"


class ItemType(enum.StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    NUMERIC = "numeric"
    ORDERING = "ordering"
    MATCHING = "matching"
    SHORT_TEXT = "short_text"


class Difficulty(enum.StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class CognitiveLevel(enum.StrEnum):
    """What an item asks the candidate to do with what they know (the revised Bloom taxonomy)."""

    REMEMBER = "remember"
    UNDERSTAND = "understand"
    APPLY = "apply"
    ANALYSE = "analyse"
    EVALUATE = "evaluate"
    CREATE = "create"


class ScoringRule(enum.StrEnum):
    """How an item with several parts gives credit.

    ALL_OR_NOTHING: full points only for a fully correct response.
    PARTIAL: multiple response scores (right ticks - wrong ticks) / keyed ticks, floored at 0;
    ordering scores the share of positions that are right; matching the share of premises
    matched right.
    """

    ALL_OR_NOTHING = "all_or_nothing"
    PARTIAL = "partial"


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of text in English with an optional Simplified Chinese version."""

    en: str
    zh: str | None = None

    def get(self, language: str) -> str:
        if language == "zh" and self.zh:
            return self.zh
        return self.en


@dataclass(frozen=True, slots=True)
class Choice:
    """An option, an ordering element, a matching premise or a matching response."""

    id: str
    text: Text


@dataclass(frozen=True, slots=True)
class Stimulus:
    """A passage or diagram shared by several items."""

    id: str
    text: Text
    image: str | None = None


@dataclass(frozen=True, slots=True)
class Competence:
    id: str
    area: Area
    title: Text


@dataclass(frozen=True, slots=True)
class Item:
    """One question as authored; the key is stored in the type-specific fields.

    single: ``options`` and ``key`` = [option id]
    multiple: ``options`` and ``key`` = option ids, any order
    true_false: ``key`` = ["true"] or ["false"]
    numeric: ``value``, ``tolerance`` (absolute), ``unit``
    ordering: ``options`` and ``key`` = option ids in the right order
    matching: ``premises``, ``options`` (responses) and ``pairs`` premise id -> response id
    short_text: ``accepted`` answers, compared after normalisation
    """

    id: str
    type: ItemType
    competence: str
    difficulty: Difficulty
    stem: Text
    rationale: str
    points: int = 1
    scoring: ScoringRule = ScoringRule.ALL_OR_NOTHING
    stimulus: str | None = None
    image: str | None = None
    options: tuple[Choice, ...] = ()
    key: tuple[str, ...] = ()
    premises: tuple[Choice, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    value: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    accepted: tuple[str, ...] = ()
    level: CognitiveLevel | None = None

    def option(self, option_id: str) -> Choice:
        for choice in self.options:
            if choice.id == option_id:
                return choice
        raise KeyError(option_id)


@dataclass(frozen=True, slots=True)
class Draw:
    """One line of the blueprint: how many items of a competence (and difficulty, and level) to draw."""

    competence: str
    count: int
    difficulty: Difficulty | None = None
    level: CognitiveLevel | None = None


class Calculator(enum.StrEnum):
    """Which on-screen calculator a bank allows: + - × ÷ and brackets, or that with powers, roots, logs."""

    BASIC = "basic"
    SCIENTIFIC = "scientific"


@dataclass(frozen=True, slots=True)
class Tools:
    """The on-screen tools a bank allows its candidates (``tools:`` in the blueprint); none by default.

    ``calculator_memory`` lets the calculator keep its sums from one question to the next; without it the
    calculator starts empty on every question. ``zoom`` lets a diagram be enlarged to fill the question area.
    """

    calculator: Calculator | None = None
    calculator_memory: bool = False
    zoom: bool = False


@dataclass(frozen=True, slots=True)
class Blueprint:
    duration_minutes: int
    pass_mark: float
    draws: tuple[Draw, ...]
    area_minimums: tuple[tuple[Area, float], ...] = ()
    shuffle_items: bool = True
    shuffle_options: bool = True
    # Sets of item ids that give each other away: no form holds two items of one set.
    enemies: tuple[tuple[str, ...], ...] = ()
    tools: Tools = Tools()

    @property
    def item_count(self) -> int:
        return sum(draw.count for draw in self.draws)


@dataclass(frozen=True, slots=True)
class Bank:
    """A question bank for one certificate and grade, as loaded from source or a package."""

    certificate: Certificate
    grade: int
    version: int
    title: Text
    languages: tuple[str, ...]
    competences: tuple[Competence, ...]
    blueprint: Blueprint
    items: tuple[Item, ...]
    stimuli: tuple[Stimulus, ...] = ()
    images: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)

    @property
    def bank_id(self) -> str:
        """Stable name of the bank across versions, e.g. ``maintenance-2``."""
        return f"{self.certificate.value}-{self.grade}"

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def stimulus(self, stimulus_id: str) -> Stimulus:
        for stimulus in self.stimuli:
            if stimulus.id == stimulus_id:
                return stimulus
        raise KeyError(stimulus_id)

    def competence(self, competence_id: str) -> Competence:
        for competence in self.competences:
            if competence.id == competence_id:
                return competence
        raise KeyError(competence_id)

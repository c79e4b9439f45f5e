"""What an import makes of each source question before it is written out: a draft item and its notices.

A draft holds what the source says and nothing invented: a competence, a difficulty or a rationale the
source does not have stays ``None``, is left out of the written YAML, and ``kiosk bank validate`` then names
it as missing. Every source question ends as one :class:`Converted`: an item with the changes the
conversion made (none when it is exact), or no item and the reasons it could not be converted.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace

from kiosk.domain.errors import Notice
from kiosk.domain.items import (
    Area,
    Choice,
    Difficulty,
    Item,
    ItemType,
    ScoringRule,
    Text,
)

# The largest counts a kiosk item holds (bank source ids A..H and 1..8).
MAX_OPTIONS = 8
MAX_PREMISES = 8
OPTION_IDS = tuple("ABCDEFGH")
PREMISE_IDS = tuple("12345678")
# An item or competence id an author can keep: a letter or digit, then letters, digits, . _ -.
USABLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


class Outcome(enum.StrEnum):
    EXACT = "exact"
    CHANGED = "changed"
    NOT_CONVERTIBLE = "not_convertible"


@dataclass
class DraftItem:
    """An item as converted from a source, with the fields the source could not give left empty."""

    type: ItemType
    stem: Text
    options: tuple[Choice, ...] = ()
    key: tuple[str, ...] = ()
    premises: tuple[Choice, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    value: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    accepted: tuple[str, ...] = ()
    scoring: ScoringRule = ScoringRule.ALL_OR_NOTHING
    points: int = 1
    id: str | None = None
    competence: str | None = None
    difficulty: Difficulty | None = None
    level: str | None = None
    rationale: str | None = None
    stimulus: str | None = None
    image: str | None = None

    def scoring_item(self) -> Item:
        """A domain Item with the same key and rule, for scoring responses while the import checks itself."""
        return Item(
            id=self.id or "draft",
            type=self.type,
            competence=self.competence or "",
            difficulty=self.difficulty or Difficulty.MEDIUM,
            stem=self.stem,
            rationale=self.rationale or "",
            points=self.points,
            scoring=self.scoring,
            options=self.options,
            key=self.key,
            premises=self.premises,
            pairs=self.pairs,
            value=self.value,
            tolerance=self.tolerance,
            unit=self.unit,
            accepted=self.accepted,
        )

    def with_rule(self, rule: ScoringRule) -> DraftItem:
        return replace(self, scoring=rule)


@dataclass(frozen=True, slots=True)
class DraftCompetence:
    id: str
    area: Area | None = None
    title: Text | None = None


@dataclass(frozen=True, slots=True)
class DraftStimulus:
    id: str
    text: Text
    image: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a question came from: the file (as the person named it), the line, and its name there."""

    file: str
    line: int
    name: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line > 0 else self.file


@dataclass
class Converted:
    """One source question: the item made of it (None when not convertible) and what the person must know."""

    source: SourceRef
    item: DraftItem | None
    notices: list[Notice] = field(default_factory=list)
    # The item file (relative to the bank folder) the item is written to.
    target: str = ""

    @property
    def outcome(self) -> Outcome:
        if self.item is None:
            return Outcome.NOT_CONVERTIBLE
        return Outcome.CHANGED if self.notices else Outcome.EXACT


def short_name(text: str, limit: int = 48) -> str:
    """The start of a question's text, cut at a word, to name a question that has no name."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    return words[:limit].rsplit(" ", 1)[0] + "…"


def refused(source: SourceRef, code: str, /, **params: object) -> Converted:
    """A question that cannot become a kiosk item, and why."""
    return Converted(source, None, [Notice(code, **params)])


@dataclass
class DraftBank:
    """Everything an import found, ready to be written as a bank source folder."""

    converted: list[Converted] = field(default_factory=list)
    title: Text | None = None
    certificate: str | None = None
    grade: int | None = None
    version: int | None = None
    competences: list[DraftCompetence] = field(default_factory=list)
    stimuli: list[DraftStimulus] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)

    def competence(self, competence: DraftCompetence) -> None:
        """Add a competence unless one with its id is known; a later entry may fill in what was missing."""
        for index, known in enumerate(self.competences):
            if known.id == competence.id:
                self.competences[index] = DraftCompetence(
                    known.id, known.area or competence.area, known.title or competence.title
                )
                return
        self.competences.append(competence)

    @property
    def items(self) -> list[DraftItem]:
        return [entry.item for entry in self.converted if entry.item is not None]

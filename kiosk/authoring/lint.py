"""Item-writing lint: the cues a test-wise candidate uses, and blueprints whose forms differ, as warnings.

A valid bank can still be passed without the knowledge it certifies. These checks find the classic flaws of
selected-response items and of the pool around them; each is a :class:`Problem` (file, line, item, code)
with a ``lint.`` code, printed as a warning (an error when validating strictly). The thresholds:

- an item's key at least :data:`LONG_KEY_RATIO` (1.5) times as long as its longest distractor;
- a bank whose key is the longest option in more than :data:`LONGEST_SHARE_LIMIT` (a third) of its
  single-answer items;
- the source positions of single-answer keys unlike a fair draw (chi-square test, p below
  :data:`POSITION_P_LIMIT`, 0.01): printed copies keep the source order, and so does a form when the
  blueprint turns shuffling off;
- true/false keys outside :data:`TRUE_SHARE` (40-60 %) true, in a bank with at least four such items;
- near-duplicate stems (:func:`similarity` of :data:`DUPLICATE_SIMILARITY` or more): within a bank unless
  declared enemies, across banks when their difficulty labels differ;
- a key that repeats a word of the stem no distractor repeats (a clang cue), and "all/none of the above";
- blueprint draws whose pool mixes difficulties (forms then differ), a pool smaller than three forms, a pass
  mark without a written rationale, items without a cognitive level or without Chinese text;
- fewer than :data:`SCENARIO_SHARE` (a fifth) of the items working from a scenario: a shared stimulus (a
  fault log, a nameplate, a BMS reading) or an image.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.authoring.problems import Problem
from kiosk.authoring.source import SourceRead
from kiosk.authoring.yamlsource import Located
from kiosk.domain.forms import fits
from kiosk.domain.items import Bank, Item, ItemType

LONG_KEY_RATIO = 1.5
LONGEST_SHARE_LIMIT = 1 / 3
POSITION_P_LIMIT = 0.01
TRUE_SHARE = (40.0, 60.0)
TRUE_FALSE_MINIMUM = 4
DUPLICATE_SIMILARITY = 0.8
# Short stems share templates ("Match each ... with its ..."): they must be closer still to count.
SHORT_STEM_WORDS, SHORT_STEM_SIMILARITY = 8, 0.9
POOL_FORMS = 3
SCENARIO_SHARE = 1 / 5

_ABOVE = re.compile(
    r"\b(all|none|both|neither)\s+of\s+(the\s+)?(above|these|those|options|answers)\b|\ball\s+the\s+above\b"
    r"|以上(都|皆|均|全)|都不(对|正确|是)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
# Words too common to be a cue when a key repeats them from the stem.
_STOPWORD_TEXT = """
about above after again against also among because been before being below between both cannot could
does doing down during each either every from further have having here into itself just last least
less made make many more most much must near next only other over same should since some such than
that their them then there these they this those through under until used using very were what when
where which while with within without would your best first part kind type answer correct following
true false select apply statement statements
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True, slots=True)
class BankFigures:
    """The per-bank figures ``kiosk bank lint`` prints (counts; shares are worked out by the properties)."""

    bank_id: str
    items: int
    single: int
    key_longest: int
    true_false: int
    true_keys: int
    key_positions: tuple[int, ...]
    position_p: float | None
    duplicate_clusters: int
    warnings: int
    scenarios: int

    @property
    def key_longest_share(self) -> float | None:
        return 100 * self.key_longest / self.single if self.single else None

    @property
    def true_share(self) -> float | None:
        return 100 * self.true_keys / self.true_false if self.true_false else None

    @property
    def busiest_position(self) -> tuple[str, float] | None:
        """The source position most single-answer keys sit at, and the share of keys there."""
        total = sum(self.key_positions)
        if not total:
            return None
        most = max(range(len(self.key_positions)), key=lambda index: self.key_positions[index])
        return chr(ord("A") + most), 100 * self.key_positions[most] / total


@dataclass(frozen=True, slots=True)
class LintReport:
    """Warnings by bank folder, and each bank's figures, in the order the folders were given."""

    warnings: dict[Path, list[Problem]] = field(default_factory=dict)
    figures: dict[Path, BankFigures] = field(default_factory=dict)


def lint_sources(reads: Sequence[SourceRead]) -> LintReport:
    """Lint every bank that could be read; near-duplicates are looked for across all of them too."""
    usable = [read for read in reads if read.bank is not None and read.meta is not None]
    report = LintReport()
    clusters = _duplicates(usable, report)
    for read in usable:
        assert read.bank is not None and read.meta is not None
        found = report.warnings.setdefault(read.folder, [])
        found.extend(_lint_bank(read.bank, read.meta, _by_id(read.raw_items)))
        found.sort(key=lambda problem: (str(problem.path), problem.line))
        report.figures[read.folder] = _figures(read.bank, clusters, len(found))
    return report


def _by_id(raw_items: list[Located]) -> dict[str, Located]:
    return {str(raw.get("id", "")).strip(): raw for raw in raw_items}


def _lint_bank(bank: Bank, meta: Located, raws: dict[str, Located]) -> list[Problem]:
    found: list[Problem] = []

    def at_item(item: Item, key: str | None, code: str, /, **params: object) -> None:
        raw = raws[item.id]
        found.append(Problem(raw.path, raw.line_of(key) if key else raw.line, code, params, item.id))

    def at_bank(key: str, code: str, /, **params: object) -> None:
        found.append(Problem(meta.path, meta.line_of(key), code, params))

    singles = [item for item in bank.items if item.type is ItemType.SINGLE and len(item.key) == 1]
    longest = 0
    for item in bank.items:
        if item.type in (ItemType.SINGLE, ItemType.MULTIPLE):
            for choice in item.options:
                if _ABOVE.search(choice.text.en) or (choice.text.zh and _ABOVE.search(choice.text.zh)):
                    at_item(item, "options", "lint.all_or_none_of_the_above", option=choice.id)
    for item in singles:
        key, distractors = _key_and_distractors(item)
        if not distractors:
            continue
        key_length, distractor_length = len(key), max(len(text) for text in distractors)
        longest += key_length > distractor_length
        if key_length >= LONG_KEY_RATIO * distractor_length:
            at_item(
                item, "answer", "lint.key_long", key_length=key_length, distractor_length=distractor_length
            )
        cue = _clang(item.stem.en, key, distractors)
        if cue is not None:
            at_item(item, "answer", "lint.key_repeats_stem", word=cue)
    if singles and longest > LONGEST_SHARE_LIMIT * len(singles):
        at_bank(
            "certificate",
            "lint.key_longest_share",
            count=longest,
            total=len(singles),
            share=round(100 * longest / len(singles)),
        )
    positions = key_positions(singles)
    p_value = position_p(singles)
    if p_value is not None and p_value < POSITION_P_LIMIT:
        spread = ", ".join(f"{chr(ord('A') + i)} {count}" for i, count in enumerate(positions))
        at_bank("certificate", "lint.key_positions_uneven", positions=spread, total=sum(positions))
    true_false = [item for item in bank.items if item.type is ItemType.TRUE_FALSE]
    true_keys = sum(1 for item in true_false if item.key == ("true",))
    if len(true_false) >= TRUE_FALSE_MINIMUM:
        share = 100 * true_keys / len(true_false)
        if not TRUE_SHARE[0] <= share <= TRUE_SHARE[1]:
            at_bank(
                "certificate", "lint.true_share", count=true_keys, total=len(true_false), share=round(share)
            )
    found.extend(_lint_blueprint(bank, meta))
    missing_level = sum(1 for item in bank.items if item.level is None)
    if missing_level:
        at_bank("certificate", "lint.levels_missing", count=missing_level)
    scenarios = sum(1 for item in bank.items if item.stimulus or item.image)
    if bank.items and scenarios < SCENARIO_SHARE * len(bank.items):
        at_bank("certificate", "lint.scenario_share", count=scenarios, total=len(bank.items))
    if "zh" in bank.languages:
        missing_zh = sum(1 for item in bank.items if not _all_chinese(item))
        if missing_zh:
            at_bank("languages", "lint.chinese_missing", count=missing_zh)
    return found


def _lint_blueprint(bank: Bank, meta: Located) -> list[Problem]:
    raw = meta.get("blueprint")
    blueprint_raw = raw if isinstance(raw, Located) else meta
    raw_draws = blueprint_raw.get("draws")
    found: list[Problem] = []
    for number, draw in enumerate(bank.blueprint.draws, start=1):
        if draw.difficulty is not None:
            continue
        mixed = sorted({item.difficulty.value for item in bank.items if fits(item, draw)})
        if len(mixed) > 1:
            entry = (
                raw_draws[number - 1] if isinstance(raw_draws, list) and number <= len(raw_draws) else None
            )
            line = getattr(entry, "line", blueprint_raw.line_of("draws"))
            params = {"draw": number, "competence": draw.competence, "difficulties": ", ".join(mixed)}
            found.append(Problem(blueprint_raw.path, line, "lint.draw_mixes_difficulty", params))
    pool, total = len(bank.items), bank.blueprint.item_count
    if total and pool < POOL_FORMS * total:
        found.append(
            Problem(
                blueprint_raw.path,
                blueprint_raw.line_of("draws"),
                "lint.pool_small",
                {"pool": pool, "total": total},
            )
        )
    rationale = blueprint_raw.get("pass_mark_rationale")
    if not (isinstance(rationale, str) and rationale.strip()):
        found.append(
            Problem(blueprint_raw.path, blueprint_raw.line_of("pass_mark"), "lint.pass_mark_unexplained")
        )
    return found


def _all_chinese(item: Item) -> bool:
    choices = (*item.options, *item.premises)
    return item.stem.zh is not None and all(choice.text.zh for choice in choices)


def _key_and_distractors(item: Item) -> tuple[str, list[str]]:
    key = item.option(item.key[0]).text.en if item.key[0] in {c.id for c in item.options} else ""
    return key, [choice.text.en for choice in item.options if choice.id != item.key[0]]


def _content_words(text: str) -> set[str]:
    words = set()
    for word in _WORD.findall(unicodedata.normalize("NFKC", text).casefold()):
        if len(word) >= 4 and word.isalpha() and word not in _STOPWORDS:
            words.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return words


def _clang(stem: str, key: str, distractors: list[str]) -> str | None:
    """A content word of the stem the key repeats and no distractor does, or None."""
    shared = _content_words(stem) & _content_words(key)
    for distractor in distractors:
        shared -= _content_words(distractor)
    return min(shared) if shared else None


def key_positions(singles: Sequence[Item]) -> tuple[int, ...]:
    """How many single-answer keys sit at each source position (A = first option as written)."""
    counts = [0] * max((len(item.options) for item in singles), default=0)
    for item in singles:
        ids = [choice.id for choice in item.options]
        if item.key[0] in ids:
            counts[ids.index(item.key[0])] += 1
    return tuple(counts)


def position_p(singles: Sequence[Item]) -> float | None:
    """The chance of key positions at least this uneven if each key's place were drawn fairly, or None.

    A chi-square goodness-of-fit test: an item of k options puts 1/k of a key at each of its positions.
    Positions after the fourth are pooled, so no cell expects too few keys for the test to hold.
    """
    observed = [0.0] * 5
    expected = [0.0] * 5
    for item in singles:
        ids = [choice.id for choice in item.options]
        if item.key[0] not in ids or len(ids) < 2:
            continue
        observed[min(ids.index(item.key[0]), 4)] += 1
        for position in range(len(ids)):
            expected[min(position, 4)] += 1 / len(ids)
    cells = [(o, e) for o, e in zip(observed, expected, strict=True) if e > 0]
    if len(cells) < 2 or sum(o for o, _ in cells) < 8:
        return None
    statistic = sum((o - e) ** 2 / e for o, e in cells)
    return _chi_square_survival(statistic, len(cells) - 1)


def _chi_square_survival(x: float, degrees: int) -> float:
    """P(X >= x) for a chi-square variable: the regularised upper incomplete gamma Q(degrees/2, x/2)."""
    a, z = degrees / 2, x / 2
    if z <= 0:
        return 1.0
    log_front = a * math.log(z) - z - math.lgamma(a)
    if z < a + 1:
        # Series for the lower part P, then Q = 1 - P.
        term = total = 1 / a
        n = a
        for _ in range(500):
            n += 1
            term *= z / n
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1 - total * math.exp(log_front))
    # Lentz's continued fraction for Q.
    tiny = 1e-300
    b = z + 1 - a
    c, d = 1 / tiny, 1 / b
    h = d
    for i in range(1, 500):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        h *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return min(1.0, math.exp(log_front) * h)


def stem_words(text: str) -> list[str]:
    """A stem as the duplicate check compares it: its words and numbers, case and accents folded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def similarity(first: Sequence[str], second: Sequence[str]) -> float:
    """How alike two stems' word lists are: difflib's ratio, 1.0 for the same words in the same order."""
    return difflib.SequenceMatcher(None, first, second, autojunk=False).ratio()


@dataclass(frozen=True, slots=True)
class _Stem:
    folder: Path
    bank: Bank
    item: Item
    words: list[str]


def _duplicates(reads: Sequence[SourceRead], report: LintReport) -> dict[str, list[set[tuple[str, str]]]]:
    """Warn about near-duplicate stems; return each bank's clusters of (bank id, item id)."""
    stems = [
        _Stem(read.folder, read.bank, item, stem_words(item.stem.en))
        for read in reads
        if read.bank is not None
        for item in read.bank.items
    ]
    raws = {read.folder: _by_id(read.raw_items) for read in reads}
    matcher = difflib.SequenceMatcher(autojunk=False)
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for later_index, later in enumerate(stems):
        matcher.set_seq2(later.words)
        for earlier in stems[:later_index]:
            matcher.set_seq1(earlier.words)
            limit = (
                SHORT_STEM_SIMILARITY
                if min(len(later.words), len(earlier.words)) < SHORT_STEM_WORDS
                else DUPLICATE_SIMILARITY
            )
            if matcher.real_quick_ratio() < limit or matcher.quick_ratio() < limit:
                continue
            ratio = matcher.ratio()
            if ratio < limit:
                continue
            parent[root((later.bank.bank_id, later.item.id))] = root((earlier.bank.bank_id, earlier.item.id))
            _warn_duplicate(later, earlier, round(100 * ratio), raws, report)
            if later.folder != earlier.folder:
                _warn_duplicate(earlier, later, round(100 * ratio), raws, report)
    groups: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for node in parent:
        groups[root(node)].add(node)
    clusters: dict[str, list[set[tuple[str, str]]]] = defaultdict(list)
    for members in groups.values():
        if len(members) > 1:
            for bank_id in {bank_id for bank_id, _ in members}:
                clusters[bank_id].append(members)
    return clusters


def _warn_duplicate(
    this: _Stem, other: _Stem, percent: int, raws: dict[Path, dict[str, Located]], report: LintReport
) -> None:
    raw = raws[this.folder][this.item.id]
    if this.folder == other.folder:
        if any({this.item.id, other.item.id} <= set(group) for group in this.bank.blueprint.enemies):
            return  # declared: they never meet on a form
        problem = Problem(
            raw.path,
            raw.line_of("stem"),
            "lint.stem_duplicate",
            {"other": other.item.id, "similarity": percent},
            this.item.id,
        )
    elif this.item.difficulty is not other.item.difficulty:
        params = {
            "other": other.item.id,
            "bank": other.bank.bank_id,
            "similarity": percent,
            "difficulty": this.item.difficulty.value,
            "other_difficulty": other.item.difficulty.value,
        }
        problem = Problem(
            raw.path, raw.line_of("difficulty"), "lint.stem_duplicate_other_bank", params, this.item.id
        )
    else:
        return  # shared between banks with one difficulty label: deliberate
    report.warnings.setdefault(this.folder, []).append(problem)


def _figures(bank: Bank, clusters: dict[str, list[set[tuple[str, str]]]], warnings: int) -> BankFigures:
    singles = [item for item in bank.items if item.type is ItemType.SINGLE and len(item.key) == 1]
    longest = 0
    for item in singles:
        key, distractors = _key_and_distractors(item)
        longest += bool(distractors) and len(key) > max(len(text) for text in distractors)
    true_false = [item for item in bank.items if item.type is ItemType.TRUE_FALSE]
    return BankFigures(
        bank_id=bank.bank_id,
        items=len(bank.items),
        single=len(singles),
        key_longest=longest,
        true_false=len(true_false),
        true_keys=sum(1 for item in true_false if item.key == ("true",)),
        key_positions=key_positions(singles),
        position_p=position_p(singles),
        duplicate_clusters=len(clusters.get(bank.bank_id, [])),
        warnings=warnings,
        scenarios=sum(1 for item in bank.items if item.stimulus or item.image),
    )

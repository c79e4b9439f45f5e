"""Reading a bank folder (bank.yaml, items/*.yaml, images/) into a domain Bank, with every problem located.

The reader never stops at the first mistake: it collects a Problem (file, line, item id, code) for each,
so an author fixes a whole folder in one pass. See question_banks/README.md for the format. A key the reader
does not take is a mistake too (see :mod:`kiosk.authoring.schema`), and nothing outside the folder is read:
a file or image whose path or link leads out of it is refused, so no secret can ride into a package.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.authoring import schema
from kiosk.authoring.collector import Collector, image_path
from kiosk.authoring.problems import BankSourceRejected, Problem, plain_number
from kiosk.authoring.yamlsource import Located, SourceError, load_yaml
from kiosk.domain.items import (
    Area,
    Bank,
    Blueprint,
    Calculator,
    Certificate,
    Choice,
    CognitiveLevel,
    Competence,
    Difficulty,
    Draw,
    Item,
    ItemType,
    ScoringRule,
    Stimulus,
    Tools,
)

OPTION_IDS = tuple("ABCDEFGH")
# The on-screen tools a blueprint may allow (``tools:``), and the key that holds them.
TOOL_KEYS = frozenset({"calculator", "calculator_memory", "zoom"})
TOOLS_KEY = "tools"
PREMISE_IDS = tuple("12345678")


def load_bank_dir(folder: Path) -> Bank:
    """Read and check a bank folder; raise BankSourceRejected carrying every problem if there is any."""
    bank, problems = read_bank_dir(folder)
    if problems or bank is None:
        raise BankSourceRejected(folder, tuple(problems))
    return bank


@dataclass(frozen=True, slots=True)
class SourceRead:
    """A bank folder as read: the bank (None when unusable), every problem, and the YAML it came from."""

    folder: Path
    bank: Bank | None
    problems: list[Problem]
    meta: Located | None = None
    raw_items: list[Located] = field(default_factory=list)


def read_bank_dir(folder: Path) -> tuple[Bank | None, list[Problem]]:
    """Read a bank folder, returning the bank (None when unusable) and every problem found."""
    read = read_source(folder)
    return read.bank, read.problems


def read_source(folder: Path) -> SourceRead:
    """Read a bank folder, keeping the YAML mappings so later checks can name the line of what they find."""
    from kiosk.authoring.checks import check_bank

    meta_path = folder / "bank.yaml"
    if not folder.is_dir():
        return SourceRead(folder, None, [Problem(folder, 0, "source.not_a_folder")])
    if not meta_path.is_file():
        return SourceRead(folder, None, [Problem(meta_path, 0, "source.no_bank_file")])
    collector = Collector(folder)
    item_files = sorted((folder / "items").glob("*.yaml")) + sorted((folder / "items").glob("*.yml"))
    if not item_files:
        collector.problems.append(Problem(folder / "items", 0, "source.no_item_files"))
    outside = [
        (path, target) for path in (meta_path, *item_files) if (target := collector.inside(path)) is not None
    ]
    for path, target in outside:
        collector.problems.append(Problem(path, 0, "source.file_outside", {"target": target}))
    if outside:
        # Not one byte from outside the folder is read, not even to report on it.
        return SourceRead(folder, None, collector.problems)
    meta = _load(meta_path, collector)
    raw_items: list[Located] = []
    unreadable = meta is None
    for path in item_files:
        document = _load(path, collector)
        if document is None:
            unreadable = True
            continue
        if not isinstance(document, list):
            collector.problems.append(Problem(path, 1, "source.items_not_list"))
            continue
        for entry in document:
            if isinstance(entry, Located):
                raw_items.append(entry)
            else:
                line = getattr(document, "line", 1)
                collector.problems.append(
                    Problem(path, line, "source.item_not_mapping", {"entry": repr(entry)})
                )
    if not isinstance(meta, Located):
        if meta is not None:
            collector.problems.append(Problem(meta_path, 1, "source.bank_not_mapping"))
        return SourceRead(folder, None, collector.problems, None, raw_items)

    bank = _build_bank(folder, meta, raw_items, collector)
    # With a file unreadable the pool is incomplete, and blueprint checks would only add noise.
    if bank is not None and not unreadable:
        collector.problems.extend(check_bank(bank, folder, meta, raw_items))
    return SourceRead(folder, bank, collector.problems, meta, raw_items)


def _load(path: Path, collector: Collector) -> Any:
    try:
        return load_yaml(path)
    except SourceError as error:
        collector.problems.append(Problem(error.path, error.line, error.code, error.params))
        return None


def _build_bank(folder: Path, meta: Located, raw_items: list[Located], out: Collector) -> Bank | None:
    out.keys(meta, schema.BANK_KEYS)
    certificate = out.enum(meta, "certificate", Certificate)
    grade = out.whole(meta, "grade")
    if grade is not None and grade not in (1, 2, 3):
        out.add(meta, "grade", "source.grade_invalid", grade=grade)
    version = out.whole(meta, "version")
    title = out.text(meta, "title")
    languages = meta.get("languages", ["en"])
    if (
        not isinstance(languages, list)
        or "en" not in languages
        or any(x not in ("en", "zh") for x in languages)
    ):
        out.add(meta, "languages", "source.languages_invalid")
        languages = ["en"]

    competences = _competences(meta, out)
    blueprint = _blueprint(meta, out)
    enemies = _enemies(meta, out)
    stimuli = _stimuli(folder, meta, out)
    items = [item for raw in raw_items if (item := _item(folder, raw, out)) is not None]
    out.item_id = None

    if None in (certificate, grade, version, title, blueprint):
        return None
    assert certificate is not None and grade is not None and version is not None
    assert title is not None and blueprint is not None
    images = _images(items, stimuli, out)
    return Bank(
        certificate=certificate,
        grade=grade,
        version=version,
        title=title,
        languages=tuple(languages),
        competences=tuple(competences),
        blueprint=replace(blueprint, enemies=enemies),
        items=tuple(items),
        stimuli=tuple(stimuli),
        images=images,
    )


def _competences(meta: Located, out: Collector) -> list[Competence]:
    raw = meta.get("competences")
    if not isinstance(raw, list) or not raw:
        out.add(
            meta,
            "competences" if "competences" in meta else None,
            "source.competences_missing",
        )
        return []
    result = []
    for entry in raw:
        if not isinstance(entry, Located):
            out.add(meta, "competences", "source.competence_not_mapping", entry=repr(entry))
            continue
        out.keys(entry, schema.COMPETENCE_KEYS)
        cid, area, title = entry.get("id"), out.enum(entry, "area", Area), out.text(entry, "title")
        if not isinstance(cid, str) or not cid.strip():
            out.add(entry, None, "source.competence_no_id")
        elif area is not None and title is not None:
            result.append(Competence(cid.strip(), area, title))
    return result


def _blueprint(meta: Located, out: Collector) -> Blueprint | None:
    raw = out.mapping(meta.get("blueprint"), meta, "blueprint")
    if raw is None:
        return None
    out.keys(raw, schema.BLUEPRINT_KEYS | {TOOLS_KEY})
    duration = out.whole(raw, "duration_minutes")
    pass_mark = out.number(raw, "pass_mark")
    if pass_mark is not None and not 0 < pass_mark <= 100:
        out.add(raw, "pass_mark", "source.pass_mark_invalid", value=plain_number(pass_mark))
    # Why this mark: for reviewers, like an item's rationale; a bank without one is warned about.
    out.text(raw, "pass_mark_rationale", required=False)
    minimums: list[tuple[Area, float]] = []
    raw_minimums = raw.get("area_minimums")
    if raw_minimums is not None and (mins := out.mapping(raw_minimums, raw, "area_minimums")) is not None:
        for name in mins:
            area = _area_name(mins, name, out)
            value = out.number(mins, name)
            if area is not None and value is not None:
                if not 0 < value <= 100:
                    out.add(mins, name, "source.area_minimum_invalid", area=name, value=plain_number(value))
                minimums.append((area, value))
    draws = []
    raw_draws = raw.get("draws")
    if not isinstance(raw_draws, list) or not raw_draws:
        out.add(raw, "draws" if "draws" in raw else None, "source.draws_missing")
    else:
        for entry in raw_draws:
            if not isinstance(entry, Located):
                out.add(raw, "draws", "source.draw_not_mapping", entry=repr(entry))
                continue
            out.keys(entry, schema.DRAW_KEYS)
            competence = entry.get("competence")
            count = out.whole(entry, "count")
            difficulty = out.enum(entry, "difficulty", Difficulty) if "difficulty" in entry else None
            level = out.enum(entry, "level", CognitiveLevel) if "level" in entry else None
            if not isinstance(competence, str):
                out.add(entry, None, "source.draw_no_competence")
            elif (
                count is not None
                and (difficulty is not None or "difficulty" not in entry)
                and (level is not None or "level" not in entry)
            ):
                draws.append(Draw(competence.strip(), count, difficulty, level))
    shuffle_items, shuffle_options = raw.get("shuffle_items", True), raw.get("shuffle_options", True)
    for key, value in (("shuffle_items", shuffle_items), ("shuffle_options", shuffle_options)):
        if not isinstance(value, bool):
            out.add(raw, key, "source.not_boolean", key=key)
    tools = _tools(raw, out)
    if duration is None or pass_mark is None:
        return None
    return Blueprint(
        duration_minutes=duration,
        pass_mark=pass_mark,
        draws=tuple(draws),
        area_minimums=tuple(minimums),
        shuffle_items=shuffle_items is not False,
        shuffle_options=shuffle_options is not False,
        tools=tools,
    )


def _tools(raw: Located, out: Collector) -> Tools:
    """``tools: {calculator: basic|scientific, calculator_memory: true, zoom: true}``; none when absent.

    An unknown tool is ``source.key_unknown``, an unknown calculator ``source.not_allowed`` (naming
    basic and scientific), and a switch that is not true or false ``source.not_boolean``.
    """
    if raw.get(TOOLS_KEY) is None:
        return Tools()
    tools = out.mapping(raw.get(TOOLS_KEY), raw, TOOLS_KEY)
    if tools is None:
        return Tools()
    out.keys(tools, TOOL_KEYS)
    calculator = out.enum(tools, "calculator", Calculator, optional=True)
    switches: dict[str, bool] = {}
    for key in ("calculator_memory", "zoom"):
        value = tools.get(key, False)
        if not isinstance(value, bool):
            out.add(tools, key, "source.not_boolean", key=key)
        switches[key] = value is True
    return Tools(calculator, switches["calculator_memory"] and calculator is not None, switches["zoom"])


def _enemies(meta: Located, out: Collector) -> tuple[tuple[str, ...], ...]:
    """The ``enemies:`` sets: lists of two or more item ids that no form may hold together."""
    raw = meta.get("enemies")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        out.add(meta, "enemies", "source.enemies_not_list")
        return ()
    groups: list[tuple[str, ...]] = []
    for entry in raw:
        ids = [str(value).strip() for value in entry] if isinstance(entry, list) else []
        if len(set(ids)) < 2 or len(set(ids)) != len(ids) or not all(ids):
            line = getattr(entry, "line", meta.line_of("enemies"))
            out.problems.append(Problem(meta.path, line, "source.enemy_set_invalid", {"entry": repr(entry)}))
            continue
        groups.append(tuple(ids))
    return tuple(groups)


def _area_name(where: Located, name: str, out: Collector) -> Area | None:
    try:
        return Area(name)
    except ValueError:
        out.add(where, name, "source.area_unknown", area=name)
        return None


def _stimuli(folder: Path, meta: Located, out: Collector) -> list[Stimulus]:
    raw = meta.get("stimuli", [])
    if not isinstance(raw, list):
        out.add(meta, "stimuli", "source.stimuli_not_list")
        return []
    result = []
    for entry in raw:
        if not isinstance(entry, Located):
            out.add(meta, "stimuli", "source.stimulus_not_mapping", entry=repr(entry))
            continue
        out.keys(entry, schema.STIMULUS_KEYS)
        sid, text = entry.get("id"), out.text(entry, "text")
        image = image_path(folder, entry, out)
        if not isinstance(sid, str) or not sid.strip():
            out.add(entry, None, "source.stimulus_no_id")
        elif text is not None:
            result.append(Stimulus(sid.strip(), text, image))
    return result


def _choices(where: Located, key: str, ids: tuple[str, ...], out: Collector) -> tuple[Choice, ...]:
    raw = where.get(key)
    if not isinstance(raw, list) or not raw:
        out.add(where, key if key in where else None, "source.choices_missing", key=key)
        return ()
    result: list[Choice] = []
    for entry in raw:
        if not isinstance(entry, Located):
            out.add(where, key, "source.choice_not_mapping", key=key, first=ids[0])
            continue
        out.keys(entry, schema.CHOICE_KEYS)
        cid, text = str(entry.get("id", "")).strip(), out.text(entry, "text")
        if cid not in ids:
            out.add(entry, "id", "source.choice_id_invalid", key=key, ids=", ".join(ids), id=repr(cid))
        elif cid in {choice.id for choice in result}:
            out.add(entry, "id", "source.choice_id_twice", key=key, id=cid)
        elif text is not None:
            result.append(Choice(cid, text))
    return tuple(result)


def _key_list(where: Located, value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(str(v).strip() for v in values if v is not None)


def _item(folder: Path, raw: Located, out: Collector) -> Item | None:
    item_id = raw.get("id")
    if not isinstance(item_id, str) or not item_id.strip():
        out.item_id = None
        out.add(raw, None, "source.item_no_id")
        return None
    out.item_id = item_id = item_id.strip()
    item_type = out.enum(raw, "type", ItemType)
    out.keys(raw, schema.item_keys(item_type), item_type)
    competence = raw.get("competence")
    if not isinstance(competence, str) or not competence.strip():
        out.add(raw, None, "source.missing", key="competence")
        competence = None
    difficulty = out.enum(raw, "difficulty", Difficulty)
    level = out.enum(raw, "level", CognitiveLevel, optional=True)
    points = out.whole(raw, "points", default=1)
    stem = out.text(raw, "stem")
    rationale = out.text(raw, "rationale")
    stimulus = raw.get("stimulus")
    image = image_path(folder, raw, out)
    rule = out.enum(raw, "scoring", ScoringRule, default=ScoringRule.ALL_OR_NOTHING)
    if None in (item_type, competence, difficulty, points, stem, rationale):
        return None
    assert stem is not None and rationale is not None and points is not None and competence is not None
    fields: dict[str, Any] = {}
    answer = raw.get("answer")
    if item_type is not ItemType.SHORT_TEXT and "answer" not in raw:
        out.add(raw, None, "source.missing", key="answer")
        return None
    if item_type in (ItemType.SINGLE, ItemType.MULTIPLE, ItemType.ORDERING):
        fields["options"] = _choices(raw, "options", OPTION_IDS, out)
        fields["key"] = _key_list(raw, answer)
    elif item_type is ItemType.TRUE_FALSE:
        if not isinstance(answer, bool):
            out.add(raw, "answer", "source.true_false_answer", answer=repr(answer))
            return None
        fields["key"] = ("true" if answer else "false",)
    elif item_type is ItemType.NUMERIC:
        value = out.number(raw, "answer")
        tolerance = out.number(raw, "tolerance") if "tolerance" in raw else 0.0
        unit = raw.get("unit", "")
        if value is None or tolerance is None:
            return None
        fields.update(value=value, tolerance=tolerance, unit=str(unit or "").strip())
    elif item_type is ItemType.MATCHING:
        fields["premises"] = _choices(raw, "premises", PREMISE_IDS, out)
        fields["options"] = _choices(raw, "options", OPTION_IDS, out)
        if not isinstance(answer, Located):
            out.add(raw, "answer", "source.matching_answer")
            return None
        fields["pairs"] = tuple(sorted((str(k).strip(), str(v).strip()) for k, v in answer.items()))
    elif item_type is ItemType.SHORT_TEXT:
        accepted = raw.get("accept")
        if (
            not isinstance(accepted, list)
            or not accepted
            or not all(isinstance(a, str | int) for a in accepted)
        ):
            out.add(raw, "accept" if "accept" in raw else None, "source.accept_missing")
            return None
        fields["accepted"] = tuple(str(a).strip() for a in accepted)
    return Item(
        id=item_id,
        type=item_type,
        competence=competence.strip(),
        difficulty=difficulty,
        stem=stem,
        rationale=rationale.en,
        points=points,
        scoring=rule,
        stimulus=str(stimulus).strip() if stimulus is not None else None,
        image=image,
        level=level,
        **fields,
    )


def _images(items: list[Item], stimuli: list[Stimulus], out: Collector) -> dict[str, bytes]:
    names = {item.image for item in items if item.image} | {s.image for s in stimuli if s.image}
    return {name: out.images[name] for name in sorted(names)}

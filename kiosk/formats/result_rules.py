"""The rules an attempt was judged by, recorded beside its result so the registry can print it alone.

At submission the kiosk writes them under the result's ``rules`` key::

    rules {pass_mark, area_minimums {area: percent}, competences [{id, area, title, title_zh}],
           item_points {item_id: points}}

``competences`` lists, in bank order, only the competences with items on the candidate's form. Results
written before this key existed lack it; the registry then reads the rules from the bank sources.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.domain.forms import Form
from kiosk.domain.items import Area, Bank, Competence, Text

RULES_KEY = "rules"


class RulesFormatError(ValueError):
    """A recorded ``rules`` value that does not fit the format, as data: the field (a path inside the
    rules, or ``rules`` for the whole value), the error code saying what it must be, and that code's
    parameters. The reader of a result bundle raises it as an InputError naming the bundle."""

    def __init__(self, field: str, code: str, /, **params: object) -> None:
        super().__init__(f"{code} field={field}")
        self.field = field
        self.code = code
        self.params: dict[str, object] = params


@dataclass(frozen=True, slots=True)
class ResultRules:
    """Pass mark, area minimums, competence titles and item points that decide and explain a result."""

    pass_mark: float
    area_minimums: tuple[tuple[Area, float], ...]
    competences: tuple[Competence, ...]
    item_points: dict[str, float]

    @classmethod
    def of_bank(cls, bank: Bank, form: Form | None = None) -> ResultRules:
        """The rules of ``bank``; with ``form``, narrowed to the competences and items on that form."""
        if form is None:
            return cls(bank.blueprint.pass_mark, bank.blueprint.area_minimums, bank.competences, {})
        on_form = set(form.item_ids)
        points = {item.id: float(item.points) for item in bank.items if item.id in on_form}
        used = {item.competence for item in bank.items if item.id in points}
        return cls(
            bank.blueprint.pass_mark,
            bank.blueprint.area_minimums,
            tuple(competence for competence in bank.competences if competence.id in used),
            {item_id: points[item_id] for item_id in form.item_ids if item_id in points},
        )

    def to_dict(self) -> dict[str, object]:
        """A JSON-able copy, read back by :func:`parse_rules`."""
        return {
            "pass_mark": self.pass_mark,
            "area_minimums": {area.value: minimum for area, minimum in self.area_minimums},
            "competences": [
                {
                    "id": competence.id,
                    "area": competence.area.value,
                    "title": competence.title.en,
                    "title_zh": competence.title.zh,
                }
                for competence in self.competences
            ],
            "item_points": dict(self.item_points),
        }


def parse_rules(data: object) -> ResultRules:
    """Read :meth:`ResultRules.to_dict` output; raises RulesFormatError naming the first bad field."""
    if not isinstance(data, Mapping):
        raise RulesFormatError(RULES_KEY, "bundle_content.not_map")
    minimums = data.get("area_minimums")
    if not isinstance(minimums, Mapping):
        raise RulesFormatError("area_minimums", "bundle_content.not_area_map")
    competences = data.get("competences")
    if not isinstance(competences, list):
        raise RulesFormatError("competences", "bundle_content.not_list")
    points = data.get("item_points")
    if not isinstance(points, Mapping):
        raise RulesFormatError("item_points", "bundle_content.not_points_map")
    return ResultRules(
        pass_mark=_percent(data.get("pass_mark"), "pass_mark"),
        area_minimums=tuple(
            (_area(area, "area_minimums"), _percent(minimum, f"area_minimums.{area}"))
            for area, minimum in minimums.items()
        ),
        competences=tuple(_competence(raw, position) for position, raw in enumerate(competences, start=1)),
        item_points={
            str(item_id): _points(value, f"item_points.{item_id}") for item_id, value in points.items()
        },
    )


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _percent(value: object, field: str) -> float:
    number = _number(value)
    if number is None or not 0.0 <= number <= 100.0:
        raise RulesFormatError(field, "bundle_content.not_percent")
    return number


def _points(value: object, field: str) -> float:
    number = _number(value)
    if number is None or number < 0.0:
        raise RulesFormatError(field, "bundle_content.not_points")
    return number


def _area(value: object, field: str) -> Area:
    for area in Area:
        if value == area.value:
            return area
    raise RulesFormatError(field, "bundle_content.not_area", areas=", ".join(area.value for area in Area))


def _competence(raw: Any, position: int) -> Competence:
    field = f"competences[{position}]"
    if not isinstance(raw, Mapping):
        raise RulesFormatError(field, "bundle_content.not_competence")
    values = {name: raw.get(name) for name in ("id", "title")}
    for name, value in values.items():
        if not isinstance(value, str) or not value.strip():
            raise RulesFormatError(f"{field}.{name}", "bundle_content.not_text")
    title_zh = raw.get("title_zh")
    if title_zh is not None and not isinstance(title_zh, str):
        raise RulesFormatError(f"{field}.title_zh", "bundle_content.not_text_or_null")
    return Competence(
        str(values["id"]), _area(raw.get("area"), f"{field}.area"), Text(str(values["title"]), title_zh)
    )

"""The rules recorded with a result: narrowed to the candidate's form, and read back exactly."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.domain.forms import Form, FormItem
from kiosk.domain.items import Area, Competence, Text
from kiosk.formats.result_rules import ResultRules, RulesFormatError, parse_rules
from tests.fixtures.kiosk import make_bank


def test_rules_of_a_form_hold_only_its_competences_and_items_in_form_order() -> None:
    bank = make_bank()
    foundational = [item.id for item in bank.items if item.competence == "F1"][:2]
    form = Form(bank.bank_id, bank.version, 7, tuple(FormItem(item_id) for item_id in reversed(foundational)))
    rules = ResultRules.of_bank(bank, form)
    assert (rules.pass_mark, rules.area_minimums) == (60.0, ((Area.PRACTICAL, 50.0),))
    assert rules.competences == (Competence("F1", Area.FOUNDATIONAL, Text("Knowledge")),)
    assert list(rules.item_points) == list(reversed(foundational))


def test_rules_of_a_whole_bank_hold_every_competence_and_no_items() -> None:
    bank = make_bank()
    rules = ResultRules.of_bank(bank)
    assert (rules.competences, rules.item_points) == (bank.competences, {})


def test_rules_read_back_as_written_with_chinese_titles() -> None:
    bank = make_bank()
    titled = replace(bank, competences=(Competence("F1", Area.FOUNDATIONAL, Text("Knowledge", "知识")),))
    rules = ResultRules.of_bank(titled, Form(bank.bank_id, bank.version, 1, (FormItem(bank.items[0].id),)))
    assert parse_rules(rules.to_dict()) == rules


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ([], "rules", "bundle_content.not_map"),
        (
            {"area_minimums": {}, "competences": [], "item_points": {}},
            "pass_mark",
            "bundle_content.not_percent",
        ),
        (
            {"pass_mark": True, "area_minimums": {}, "competences": [], "item_points": {}},
            "pass_mark",
            "bundle_content.not_percent",
        ),
        (
            {"pass_mark": 60, "area_minimums": {"practical": -1}, "competences": [], "item_points": {}},
            "area_minimums.practical",
            "bundle_content.not_percent",
        ),
        (
            {"pass_mark": 60, "area_minimums": {"artistic": 50}, "competences": [], "item_points": {}},
            "area_minimums",
            "bundle_content.not_area",
        ),
        (
            {"pass_mark": 60, "area_minimums": {}, "competences": ["F1"], "item_points": {}},
            "competences[1]",
            "bundle_content.not_competence",
        ),
        (
            {"pass_mark": 60, "area_minimums": {}, "competences": [], "item_points": []},
            "item_points",
            "bundle_content.not_points_map",
        ),
    ],
)
def test_each_malformed_field_is_named(data: object, field: str, code: str) -> None:
    with pytest.raises(RulesFormatError) as caught:
        parse_rules(data)
    assert (caught.value.field, caught.value.code) == (field, code)


def test_an_unknown_area_names_the_areas_there_are() -> None:
    data = {"pass_mark": 60, "area_minimums": {"artistic": 50}, "competences": [], "item_points": {}}
    with pytest.raises(RulesFormatError) as caught:
        parse_rules(data)
    assert caught.value.params == {"areas": "foundational, practical, reflexive"}

"""Answer widgets on their own: layout by the form's order, stored responses shown, keyboard choice."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from kiosk.domain.forms import FormItem
from kiosk.domain.items import Choice, ItemType, Text
from kiosk.ui.widgets.items import make_item_widget
from tests.ui.conftest import make_item


def _widget(qtbot, item_type, order=(), premises=(), language="en"):
    widget = make_item_widget(
        make_item(item_type, 1), FormItem(f"{item_type}", tuple(order), tuple(premises)), language
    )
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_options_are_lettered_by_their_place_on_screen(qtbot) -> None:
    widget = _widget(qtbot, ItemType.SINGLE, order=("C", "A", "B"))
    assert [row.label.text() for row in widget.rows] == [
        "A.  Lead acid",
        "B.  Lithium iron phosphate",
        "C.  Lithium cobalt oxide",
    ]
    assert widget.ids == ["C", "A", "B"]


def test_clicking_anywhere_on_an_option_row_chooses_it(qtbot) -> None:
    widget = _widget(qtbot, ItemType.SINGLE)
    with qtbot.waitSignal(widget.response_edited) as edited:
        qtbot.mouseClick(widget.rows[1].label, Qt.MouseButton.LeftButton)
    assert edited.args == ["B"]
    assert widget.rows[1].property("checked") == "true"


def test_stored_responses_are_shown_without_emitting(qtbot) -> None:
    widget = _widget(qtbot, ItemType.MULTIPLE)
    with qtbot.assertNotEmitted(widget.response_edited):
        widget.set_response(["A", "D"])
    assert widget.response() == ["A", "D"]
    single = _widget(qtbot, ItemType.SINGLE)
    single.set_response("C")
    assert single.response() == "C"
    single.set_response(None)
    assert single.response() == ""


def test_keyboard_choice_by_position(qtbot) -> None:
    widget = _widget(qtbot, ItemType.MULTIPLE, order=("D", "C", "B", "A"))
    with qtbot.waitSignal(widget.response_edited) as edited:
        assert widget.choose(0)
    assert edited.args == [["D"]]
    assert not widget.choose(7)


def test_chinese_text_is_used_where_the_item_has_it(qtbot) -> None:
    widget = _widget(qtbot, ItemType.SINGLE, order=("A", "B", "C"), language="zh")
    assert widget.rows[0].label.text() == "A.  磷酸铁锂"
    widget.set_language("en")
    assert widget.rows[0].label.text() == "A.  Lithium iron phosphate"


def test_matching_shows_the_stored_pairs_and_reports_partial_answers(qtbot) -> None:
    widget = _widget(qtbot, ItemType.MATCHING, order=("B", "A", "C"), premises=("2", "1"))
    widget.set_response({"1": "C"})
    first = widget.findChild(QComboBox, "match-1")
    assert first.currentData() == "C"
    assert widget.findChild(QComboBox, "match-2").currentIndex() == 0
    assert widget.labels[0].text() == "1.  Lead-acid"
    assert widget.response() == {"1": "C"}
    assert widget.choose(1) and not widget.choose(2)


def test_ordering_starts_in_the_forms_order_and_restores_a_stored_order(qtbot) -> None:
    widget = _widget(qtbot, ItemType.ORDERING, order=("C", "A", "B"))
    assert widget.response() == ["C", "A", "B"]
    widget.set_response(["A", "B", "C"])
    assert widget.response() == ["A", "B", "C"]
    assert widget.list.item(2).text() == "3.  Discharge to cut-off"
    widget.list.setCurrentRow(0)
    with qtbot.assertNotEmitted(widget.response_edited):
        widget.move_selected(-1)


def test_numeric_marks_bad_text_and_clears_the_mark_when_fixed(qtbot) -> None:
    widget = _widget(qtbot, ItemType.NUMERIC)
    entry = widget.findChild(QLineEdit, "entry-numeric")
    qtbot.keyClicks(entry, "2..5")
    assert not widget.problem.isHidden()
    with qtbot.assertNotEmitted(widget.response_edited):
        widget.commit_pending()
    entry.clear()
    qtbot.keyClicks(entry, "2.5")
    assert widget.problem.isHidden()
    with qtbot.waitSignal(widget.response_edited) as edited:
        widget.commit_pending()
    assert edited.args == ["2.5"]
    # The same text again is not saved twice.
    with qtbot.assertNotEmitted(widget.response_edited):
        widget.commit_pending()


# One widget per item type serves every item of that type (the exam screen refills it on each question
# switch): what the previous item showed must not carry over.


def test_a_choice_widget_shows_another_item_with_its_own_options_and_nothing_chosen(qtbot) -> None:
    widget = _widget(qtbot, ItemType.SINGLE, order=("A", "B", "C"))
    widget.set_response("B")
    rows = list(widget.rows)
    four = replace(
        make_item(ItemType.SINGLE, 2),
        options=tuple(Choice(letter, Text(f"Option {letter}")) for letter in "ABCD"),
    )
    with qtbot.assertNotEmitted(widget.response_edited):
        widget.load(four, FormItem(four.id, ("D", "C", "B", "A"), ()), "en")
    assert widget.item is four
    assert widget.rows[:3] == rows
    assert [row.label.text() for row in widget.rows] == [
        "A.  Option D",
        "B.  Option C",
        "C.  Option B",
        "D.  Option A",
    ]
    assert widget.response() == ""
    assert all(row.property("checked") == "false" for row in widget.rows)
    with qtbot.waitSignal(widget.response_edited) as edited:
        assert widget.choose(3)
    assert edited.args == ["A"]
    # Back to three options: the fourth row is hidden and out of reach of the keys.
    widget.load(make_item(ItemType.SINGLE, 1), FormItem("x", ("A", "B", "C"), ()), "en")
    assert len(widget.rows) == 3 and widget.response() == ""
    assert not widget.choose(3)


def test_a_text_widget_drops_the_previous_items_text_and_its_pending_save(qtbot) -> None:
    widget = _widget(qtbot, ItemType.NUMERIC)
    entry = widget.findChild(QLineEdit, "entry-numeric")
    qtbot.keyClicks(entry, "abc")
    assert not widget.problem.isHidden() and widget.idle.isActive()
    other = replace(make_item(ItemType.NUMERIC, 2), unit="kWh")
    with qtbot.assertNotEmitted(widget.response_edited, wait=50):
        widget.load(other, FormItem(other.id, (), ()), "en")
    assert entry.text() == "" and widget.problem.isHidden() and not widget.idle.isActive()
    assert widget.unit.text() == "kWh"
    assert not entry.isUndoAvailable()


def test_matching_and_ordering_widgets_refill_for_another_item(qtbot) -> None:
    matching = _widget(qtbot, ItemType.MATCHING, order=("A", "B", "C"), premises=("1", "2"))
    matching.set_response({"1": "B", "2": "A"})
    three = replace(
        make_item(ItemType.MATCHING, 2),
        premises=tuple(Choice(str(n), Text(f"Premise {n}")) for n in (1, 2, 3)),
        pairs=(("1", "A"), ("2", "B"), ("3", "C")),
    )
    matching.load(three, FormItem(three.id, ("C", "B", "A"), ("3", "2", "1")), "en")
    assert [combo.objectName() for combo in matching.combos] == ["match-3", "match-2", "match-1"]
    assert matching.response() == {}
    assert matching.labels[0].text() == "1.  Premise 3"
    matching.set_response({"2": "C"})
    assert matching.combos[1].currentText() == "A.  1.2 V"
    ordering = _widget(qtbot, ItemType.ORDERING, order=("C", "A", "B"))
    ordering.set_response(["A", "B", "C"])
    ordering.load(make_item(ItemType.ORDERING, 2), FormItem("o", ("B", "C", "A"), ()), "en")
    assert ordering.response() == ["B", "C", "A"]
    assert ordering.list.item(0).text().startswith("1.  Rest")

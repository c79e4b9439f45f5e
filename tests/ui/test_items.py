"""Answer widgets on their own: layout by the form's order, stored responses shown, keyboard choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from kiosk.domain.forms import FormItem
from kiosk.domain.items import ItemType
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

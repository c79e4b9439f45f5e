"""The answer widget for each item type: one native widget per type, chosen here."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.domain.forms import FormItem
from kiosk.domain.items import Item, ItemType
from kiosk.ui.widgets.item_arrangements import MatchingWidget, OrderingWidget
from kiosk.ui.widgets.item_base import ItemWidget
from kiosk.ui.widgets.item_choices import MultipleChoiceWidget, SingleChoiceWidget, TrueFalseWidget
from kiosk.ui.widgets.item_entries import NumericWidget, ShortTextWidget

_WIDGETS: dict[ItemType, type[ItemWidget]] = {
    ItemType.SINGLE: SingleChoiceWidget,
    ItemType.MULTIPLE: MultipleChoiceWidget,
    ItemType.TRUE_FALSE: TrueFalseWidget,
    ItemType.NUMERIC: NumericWidget,
    ItemType.ORDERING: OrderingWidget,
    ItemType.MATCHING: MatchingWidget,
    ItemType.SHORT_TEXT: ShortTextWidget,
}


def make_item_widget(
    item: Item, form_item: FormItem, language: str, parent: QWidget | None = None
) -> ItemWidget:
    """The answer widget for ``item`` as laid out on the form."""
    return _WIDGETS[item.type](item, form_item, language, parent)

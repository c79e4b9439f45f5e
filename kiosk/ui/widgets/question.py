"""What a candidate reads for one item: the shared stimulus and its diagram, the stem, the answer area.

Where the bank allows zoom, each diagram has a button (and Alt+D) that asks to see it enlarged.

One :class:`QuestionView` serves a whole exam: it is built for the first item and refilled for each item the
candidate opens after it (:meth:`QuestionView.show_item`), keeping one answer widget per item type. A
question switch then changes words, pictures and states, instead of building, styling, laying out and
destroying a new set of native widgets every time.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.forms import FormItem
from kiosk.domain.items import Bank, Item, ItemType
from kiosk.ui.i18n import tr
from kiosk.ui.theme import set_style_property
from kiosk.ui.widgets.controls import describe
from kiosk.ui.widgets.item_base import ItemWidget
from kiosk.ui.widgets.items import make_item_widget

# Diagrams are drawn on white whatever the theme: they are authored black-on-white.
_IMAGE_BACKGROUND = QColor("#ffffff")
_IMAGE_PADDING = 8


class ImageCache:
    """Renders bank images (SVG or PNG/JPEG bytes) to pixmaps once per size."""

    def __init__(self, images: dict[str, bytes]) -> None:
        self._images = images
        self._rendered: dict[tuple[str, int, int], QPixmap] = {}

    def pixmap(self, path: str, box: QSize) -> QPixmap | None:
        """The image at ``path`` fitted inside ``box``; None if the bank lacks it or it is unreadable."""
        key = (path, box.width(), box.height())
        if key in self._rendered:
            return self._rendered[key]
        data = self._images.get(path)
        if data is None:
            return None
        rendered = render_image(path, data, box)
        if rendered is not None:
            self._rendered[key] = rendered
        return rendered


def render_image(path: str, data: bytes, box: QSize) -> QPixmap | None:
    """The image ``data`` (SVG, PNG or JPEG) drawn on white to fit inside ``box``; None if unreadable."""
    inner = QSize(box.width() - 2 * _IMAGE_PADDING, box.height() - 2 * _IMAGE_PADDING)
    if path.lower().endswith(".svg"):
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return None
        size = renderer.defaultSize().scaled(inner, Qt.AspectRatioMode.KeepAspectRatio)
        image = QImage(
            size.width() + 2 * _IMAGE_PADDING,
            size.height() + 2 * _IMAGE_PADDING,
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(_IMAGE_BACKGROUND)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(_IMAGE_PADDING, _IMAGE_PADDING, size.width(), size.height()))
        painter.end()
        return QPixmap.fromImage(image)
    source = QPixmap()
    if not source.loadFromData(data):
        return None
    scaled = source.scaled(
        inner, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    framed = QPixmap(scaled.width() + 2 * _IMAGE_PADDING, scaled.height() + 2 * _IMAGE_PADDING)
    framed.fill(_IMAGE_BACKGROUND)
    painter = QPainter(framed)
    painter.drawPixmap(_IMAGE_PADDING, _IMAGE_PADDING, scaled)
    painter.end()
    return framed


def _text_label(role: str, name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("role", role)
    label.setWordWrap(True)
    # Bank text is shown as written, never interpreted as HTML.
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _Picture(QWidget):
    """A diagram (or why it cannot be shown) and, where the bank allows zoom, the button that enlarges it."""

    zoom_requested = Signal(str)
    """The candidate asked to see the diagram at this bank image path enlarged."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = ""
        self.label = QLabel()
        self.label.setObjectName(name)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.zoom_button = QPushButton()
        self.zoom_button.setObjectName(f"{name}-zoom")
        self.zoom_button.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.label)
        column.addWidget(self.zoom_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self.zoom_button.clicked.connect(lambda: self.zoom_requested.emit(self.path))

    def show_image(self, path: str, pixmap: QPixmap | None, zoom: bool) -> bool:
        """Show the picture at ``path``; True when its zoom button is offered."""
        self.path = path
        label = self.label
        if pixmap is None:
            label.setText(
                tr("QuestionView", "The picture for this question cannot be shown; tell the invigilator.")
            )
            label.setWordWrap(True)
            label.setAccessibleName("")
            set_style_property(label, "role", "field-error")
        else:
            label.setPixmap(pixmap)
            label.setWordWrap(False)
            label.setAccessibleName(tr("QuestionView", "Diagram"))
            set_style_property(label, "role", "")
        offered = zoom and pixmap is not None
        if offered:
            self.zoom_button.setText(tr("QuestionView", "Enlarge the &diagram"))
            describe(
                self.zoom_button,
                tr("QuestionView", "Enlarge the diagram"),
                tr("QuestionView", "Shows the diagram filling the question area, to zoom and move about."),
            )
        self.zoom_button.setVisible(offered)
        return offered


def _show_response(answer: ItemWidget, response: object, draft: str | None) -> None:
    if response is not None:
        answer.set_response(response)
    if draft is not None:
        answer.show_draft(draft)


class QuestionView(QWidget):
    """One item as the candidate sees it; ``answer`` is its answer widget.

    Built for a first item; :meth:`show_item` puts another item of the same bank in the same widgets. The
    answer widgets' signals come out of the view with the id of the item they are about, so whoever
    listens never holds on to one item.
    """

    zoom_requested = Signal(str)
    """The candidate asked to see the diagram at this bank image path enlarged."""
    response_edited = Signal(str, object)
    """The candidate changed the response to this item id; carries the raw response."""
    response_changing = Signal()
    """The candidate is typing: what the field shows is not saved yet."""
    draft_refused = Signal(str, str)
    """The candidate left typed text for this item id that cannot be saved; carries the text."""

    def __init__(
        self,
        bank: Bank,
        item: Item,
        form_item: FormItem,
        language: str,
        images: ImageCache,
        image_box: QSize,
        parent: QWidget | None = None,
        zoom: bool = False,
        response: object = None,
        draft: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("question-view")
        self.bank = bank
        self.zoom_buttons: list[QPushButton] = []
        self._images = images
        self._zoom = zoom
        self._answers: dict[ItemType, ItemWidget] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 12)
        self._layout.setSpacing(12)
        self.stimulus_card = QFrame()
        self.stimulus_card.setObjectName("stimulus")
        self.stimulus_card.setProperty("role", "card")
        # Text beside the diagram, so the stem and answers stay on screen at 1366x768.
        inner = QHBoxLayout(self.stimulus_card)
        inner.setContentsMargins(12, 10, 12, 10)
        inner.setSpacing(16)
        self.stimulus_text = _text_label("stimulus", "stimulus-text")
        self.stimulus_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.stimulus_text, 1)
        self.stimulus_picture = _Picture("stimulus-image")
        inner.addWidget(self.stimulus_picture)
        self.stem = _text_label("stem", "stem")
        self.item_picture = _Picture("item-image")
        self._layout.addWidget(self.stimulus_card)
        self._layout.addWidget(self.stem)
        self._layout.addWidget(self.item_picture)
        for picture in (self.stimulus_picture, self.item_picture):
            picture.zoom_requested.connect(self.zoom_requested)
        self.item = item
        self._show_words(item, language, image_box)
        self.answer = self._answer_for(item, form_item, language)
        _show_response(self.answer, response, draft)

    def show_item(
        self,
        item: Item,
        form_item: FormItem,
        language: str,
        image_box: QSize,
        response: object = None,
        draft: str | None = None,
    ) -> None:
        """Show ``item`` as laid out on the form, in ``language``, with its stored ``response`` (None:
        not answered) and the typed ``draft`` that could not be saved, if any."""
        self.item = item
        self._show_words(item, language, image_box)
        answer = self._answers.get(item.type)
        if answer is None:
            answer = self._answer_for(item, form_item, language)
        else:
            answer.load(item, form_item, language)
        _show_response(answer, response, draft)
        previous = self.answer
        if answer is not previous:
            answer.show()
            focus = QApplication.focusWidget()
            if focus is not None and previous.isAncestorOf(focus):
                # The keyboard goes to the new answer before the old one is hidden: hidden with the focus
                # in it, Qt would hand the focus to whatever control it finds next.
                answer.focus_answer()
            previous.hide()
            self.answer = answer

    def _show_words(self, item: Item, language: str, image_box: QSize) -> None:
        """The stimulus with its diagram, the stem and the item's own diagram."""
        zoom_buttons: list[QPushButton] = []
        stimulus = self.bank.stimulus(item.stimulus) if item.stimulus else None
        if stimulus is not None:
            self.stimulus_text.setText(stimulus.text.get(language))
            if stimulus.image and self._show_picture(self.stimulus_picture, stimulus.image, image_box):
                zoom_buttons.append(self.stimulus_picture.zoom_button)
            self.stimulus_picture.setVisible(bool(stimulus.image))
        self.stimulus_card.setVisible(stimulus is not None)
        self.stem.setText(item.stem.get(language))
        if item.image and self._show_picture(self.item_picture, item.image, image_box):
            zoom_buttons.append(self.item_picture.zoom_button)
        self.item_picture.setVisible(bool(item.image))
        self.zoom_buttons = zoom_buttons

    def _show_picture(self, picture: _Picture, path: str, image_box: QSize) -> bool:
        return picture.show_image(path, self._images.pixmap(path, image_box), self._zoom)

    def _answer_for(self, item: Item, form_item: FormItem, language: str) -> ItemWidget:
        """The answer widget for ``item``'s type, made on the first item of that type."""
        answer = make_item_widget(item, form_item, language)

        def edited(raw: object) -> None:
            self.response_edited.emit(answer.item.id, raw)

        def refused(text: str) -> None:
            self.draft_refused.emit(answer.item.id, text)

        answer.response_edited.connect(edited)
        answer.draft_refused.connect(refused)
        answer.response_changing.connect(self.response_changing)
        self._layout.addWidget(answer, 1)
        self._answers[item.type] = answer
        return answer

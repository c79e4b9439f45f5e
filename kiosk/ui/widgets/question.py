"""What a candidate reads for one item: the shared stimulus and its diagram, the stem, the answer area.

Where the bank allows zoom, each diagram has a button (and Alt+D) that asks to see it enlarged.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.forms import FormItem
from kiosk.domain.items import Bank, Item
from kiosk.ui.i18n import tr
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


def _text_label(text: str, role: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setProperty("role", role)
    label.setWordWrap(True)
    # Bank text is shown as written, never interpreted as HTML.
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _image_label(pixmap: QPixmap | None, name: str, missing: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    if pixmap is None:
        label.setText(missing)
        label.setProperty("role", "field-error")
        label.setWordWrap(True)
    else:
        label.setPixmap(pixmap)
        label.setAccessibleName(tr("QuestionView", "Diagram"))
    label.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return label


class QuestionView(QWidget):
    """One item as the candidate sees it; ``answer`` is its answer widget."""

    zoom_requested = Signal(str)
    """The candidate asked to see the diagram at this bank image path enlarged."""

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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("question-view")
        self.item = item
        self.zoom_buttons: list[QPushButton] = []
        self._zoom = zoom
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        missing = tr("QuestionView", "The picture for this question cannot be shown; tell the invigilator.")
        if item.stimulus:
            stimulus = bank.stimulus(item.stimulus)
            card = QFrame()
            card.setObjectName("stimulus")
            card.setProperty("role", "card")
            # Text beside the diagram, so the stem and answers stay on screen at 1366x768.
            inner = QHBoxLayout(card)
            inner.setContentsMargins(12, 10, 12, 10)
            inner.setSpacing(16)
            text = _text_label(stimulus.text.get(language), "stimulus", "stimulus-text")
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            inner.addWidget(text, 1)
            if stimulus.image:
                pixmap = images.pixmap(stimulus.image, image_box)
                inner.addLayout(self._picture(stimulus.image, pixmap, "stimulus-image", missing))
            layout.addWidget(card)
        layout.addWidget(_text_label(item.stem.get(language), "stem", "stem"))
        if item.image:
            pixmap = images.pixmap(item.image, image_box)
            layout.addLayout(self._picture(item.image, pixmap, "item-image", missing))
        self.answer: ItemWidget = make_item_widget(item, form_item, language)
        layout.addWidget(self.answer, 1)

    def _picture(self, path: str, pixmap: QPixmap | None, name: str, missing: str) -> QVBoxLayout:
        """The diagram, with a button to enlarge it when the bank allows zoom."""
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(_image_label(pixmap, name, missing))
        if self._zoom and pixmap is not None:
            button = QPushButton(tr("QuestionView", "Enlarge the &diagram"))
            button.setObjectName(f"{name}-zoom")
            describe(
                button,
                tr("QuestionView", "Enlarge the diagram"),
                tr("QuestionView", "Shows the diagram filling the question area, to zoom and move about."),
            )
            button.clicked.connect(lambda _=False, path=path: self.zoom_requested.emit(path))
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.zoom_buttons.append(button)
        column.addStretch(1)
        return column

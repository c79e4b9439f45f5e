"""A diagram enlarged to fill the question area, for banks that allow zoom.

It opens fitted to the area and zooms in steps (+ and −, or Ctrl and the wheel); the arrow keys, Page
Up/Down and the wheel move about an enlarged diagram. SVG diagrams are drawn again at each size, so lines
stay sharp; pictures are scaled.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.widgets.controls import describe

# How far the diagram can be enlarged, as multiples of the size that fits the area.
ZOOM_STEPS = (1.0, 1.5, 2.0, 3.0, 4.0)
# How far one arrow key moves an enlarged diagram, in pixels.
PAN_STEP = 60


class _Pane(QScrollArea):
    """The scrolling pane: arrows and the wheel move about, Ctrl+wheel zooms."""

    def __init__(self, view: ZoomView) -> None:
        super().__init__(view)
        self._view = view
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._view.step(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)


class ZoomView(QFrame):
    """One diagram, enlarged; ``closed`` asks to go back to the question."""

    closed = Signal()

    def __init__(self, images: dict[str, bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoom-view")
        self._images = images
        self.path = ""
        self.step_index = 0
        self.caption = QLabel()
        self.caption.setObjectName("zoom-caption")
        self.caption.setProperty("role", "muted")
        self.caption.setWordWrap(True)
        self.smaller_button = QPushButton("−")
        self.smaller_button.setObjectName("zoom-out")
        self.larger_button = QPushButton("+")
        self.larger_button.setObjectName("zoom-in")
        self.close_button = QPushButton()
        self.close_button.setObjectName("zoom-close")
        self.close_button.setProperty("role", "primary")
        bar = QHBoxLayout()
        bar.addWidget(self.caption, 1)
        bar.addWidget(self.smaller_button)
        bar.addWidget(self.larger_button)
        bar.addWidget(self.close_button)
        self.picture = QLabel()
        self.picture.setObjectName("zoom-picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pane = _Pane(self)
        self.pane.setObjectName("zoom-pane")
        self.pane.setWidgetResizable(True)
        self.pane.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pane.setWidget(self.picture)
        # An arrow key moves a good way across an enlarged diagram, not a few pixels.
        for scroll_bar in (self.pane.horizontalScrollBar(), self.pane.verticalScrollBar()):
            scroll_bar.setSingleStep(PAN_STEP)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.pane, 1)
        self.smaller_button.clicked.connect(lambda: self.step(-1))
        self.larger_button.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.closed.emit)
        self.pane.installEventFilter(self)
        self.retranslate()

    def set_images(self, images: dict[str, bytes]) -> None:
        """The bank's images (a new candidate's exam)."""
        self._images = images

    @property
    def factor(self) -> float:
        return ZOOM_STEPS[self.step_index]

    def show_image(self, path: str) -> None:
        """Show the bank image at ``path`` fitted to the area, with the keyboard on it."""
        self.path = path
        self.step_index = 0
        self._render()
        self.pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def step(self, direction: int) -> None:
        """Zoom one step in (1) or out (-1)."""
        index = max(0, min(len(ZOOM_STEPS) - 1, self.step_index + direction))
        if index != self.step_index:
            self.step_index = index
            self._render()
        self.retranslate()

    def fit_size(self) -> QSize:
        viewport = self.pane.viewport().size()
        return QSize(max(200, viewport.width() - 4), max(150, viewport.height() - 4))

    def _render(self) -> None:
        # Imported here: the question view imports this module for its zoom button.
        from kiosk.ui.widgets.question import render_image

        data = self._images.get(self.path)
        fit = self.fit_size()
        box = QSize(round(fit.width() * self.factor), round(fit.height() * self.factor))
        pixmap = render_image(self.path, data, box) if data is not None else None
        if pixmap is None:
            self.picture.setText(
                tr("QuestionView", "The picture for this question cannot be shown; tell the invigilator.")
            )
        else:
            self.picture.setPixmap(pixmap)
        self.smaller_button.setEnabled(self.step_index > 0)
        self.larger_button.setEnabled(self.step_index < len(ZOOM_STEPS) - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._zoom_key(event):
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return bool(watched is self.pane and isinstance(event, QKeyEvent) and self._zoom_key(event))

    def _zoom_key(self, event: QKeyEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.step(1)
            return True
        if event.key() in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.step(-1)
            return True
        return False

    def retranslate(self) -> None:
        self.caption.setText(
            tr(
                "ZoomView",
                "Diagram at {percent}% of the area. + and − zoom; the arrow keys and the wheel move about.",
            ).format(percent=round(self.factor * 100))
        )
        self.close_button.setText(tr("ZoomView", "Back to the &question"))
        describe(self.smaller_button, tr("ZoomView", "Zoom out"))
        describe(self.larger_button, tr("ZoomView", "Zoom in"))
        describe(self.close_button, tr("ZoomView", "Back to the question"))
        describe(
            self.pane,
            tr("ZoomView", "Enlarged diagram"),
            tr("ZoomView", "The arrow keys move about; + and − zoom."),
        )

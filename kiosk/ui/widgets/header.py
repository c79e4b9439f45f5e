"""The strip across the top of every screen: where you are, and controls for language, contrast, text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.theme import Appearance, Theme
from kiosk.ui.widgets.controls import describe


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when it has less room than its text (the whole in its tooltip)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        text = self.text()
        room = self.contentsRect()
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room.width())
        if shown == text:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            room,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            QPalette.ColorRole.WindowText,
        )
        painter.end()


class HeaderBar(QFrame):
    """Kiosk name on the left; language, high contrast, text size and the invigilator button on the right."""

    language_toggled = Signal()
    """The person asked for the other language (English <-> Chinese)."""
    contrast_toggled = Signal()
    """The person switched high contrast on or off."""
    text_larger_requested = Signal()
    """The person pressed A+."""
    text_smaller_requested = Signal()
    """The person pressed A-."""
    large_text_toggled = Signal()
    """The person switched large-text mode on or off."""
    invigilator_requested = Signal()
    """Someone pressed the invigilator button (a PIN is asked next)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setProperty("role", "header")
        self.place = ElidedLabel()
        self.place.setObjectName("header-place")
        # The controls matter more than the name: in large text the name gives way, not the window.
        self.place.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.place.setMinimumWidth(120)
        self.language_button = QPushButton()
        self.language_button.setObjectName("language-button")
        self.contrast_button = QPushButton()
        self.contrast_button.setObjectName("contrast-button")
        self.contrast_button.setCheckable(True)
        self.smaller_button = QPushButton("A−")
        self.smaller_button.setObjectName("text-smaller-button")
        self.larger_button = QPushButton("A+")
        self.larger_button.setObjectName("text-larger-button")
        self.large_text_button = QPushButton()
        self.large_text_button.setObjectName("large-text-button")
        self.large_text_button.setCheckable(True)
        self.invigilator_button = QPushButton()
        self.invigilator_button.setObjectName("invigilator-button")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.addWidget(self.place, 1)
        for button in (
            self.language_button,
            self.contrast_button,
            self.smaller_button,
            self.larger_button,
            self.large_text_button,
            self.invigilator_button,
        ):
            # Free to be as tall as the tallest button: "中文" in a CJK font stands taller than Latin text,
            # and one button of fixed height would hold the whole row to its own.
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
            layout.addWidget(button)
        self.language_button.clicked.connect(self.language_toggled.emit)
        self.contrast_button.clicked.connect(self.contrast_toggled.emit)
        self.smaller_button.clicked.connect(self.text_smaller_requested.emit)
        self.larger_button.clicked.connect(self.text_larger_requested.emit)
        self.large_text_button.clicked.connect(self.large_text_toggled.emit)
        self.invigilator_button.clicked.connect(self.invigilator_requested.emit)
        self._centre = ""
        self._kiosk = ""
        self.retranslate()

    def show_place(self, centre: str, kiosk: str) -> None:
        self._centre, self._kiosk = centre, kiosk
        self.retranslate()

    def show_appearance(self, appearance: Appearance) -> None:
        self.contrast_button.setChecked(appearance.theme is Theme.HIGH_CONTRAST)
        self.large_text_button.setChecked(appearance.large_text)
        # The button names the language it switches to, in that language, so anyone can find it.
        self.language_button.setText("中文" if appearance.language == "en" else "English")
        describe(
            self.language_button,
            "中文 (Chinese)" if appearance.language == "en" else "English (英文)",
            tr("HeaderBar", "Switch language"),
        )

    def retranslate(self) -> None:
        place = tr("HeaderBar", "1+X Assessment Kiosk")
        if self._centre:
            place = f"{place}  ·  {self._centre}  ·  {self._kiosk}"
        self.place.setText(place)
        self.contrast_button.setText(tr("HeaderBar", "High contrast"))
        self.large_text_button.setText(tr("HeaderBar", "Large text"))
        self.smaller_button.setToolTip(tr("HeaderBar", "Smaller text"))
        describe(self.smaller_button, tr("HeaderBar", "Smaller text"))
        self.larger_button.setToolTip(tr("HeaderBar", "Larger text"))
        describe(self.larger_button, tr("HeaderBar", "Larger text"))
        self.invigilator_button.setText(tr("HeaderBar", "Invigilator"))
        describe(
            self.invigilator_button,
            tr("HeaderBar", "Invigilator"),
            tr("HeaderBar", "For the invigilator only: asks for their PIN."),
        )
        describe(self.contrast_button, tr("HeaderBar", "High contrast"))
        describe(self.large_text_button, tr("HeaderBar", "Large text"))
        self.language_button.setToolTip(tr("HeaderBar", "Switch language"))
        # The kiosk's name gives way in large text; the whole of it stays in the tooltip.
        self.place.setToolTip(place)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

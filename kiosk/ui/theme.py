"""How the kiosk looks: the default and high-contrast themes, and the text size a candidate chose.

One application-wide style sheet is generated from a palette and a text scale. Widgets say what they are
with a ``role`` property (``stem``, ``banner``...) and, where their look follows state, a ``state`` or
``level`` property; :func:`restyle` makes Qt re-read a widget after such a property changed.

In every theme the control with the keyboard has a thick outline of the ``focus`` colour, every target is
at least :data:`MIN_TARGET` pixels square, and the navigator tells apart, by more than colour, a question
not answered, partly answered (a dashed border and ◐), answered (filled) and on screen now (a thick
border of the ``current`` colour, which differs from the answered fill).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget


class Theme(enum.StrEnum):
    DEFAULT = "default"
    HIGH_CONTRAST = "high_contrast"


# Text scales a candidate steps through with A-/A+; large-text mode jumps to LARGE_TEXT_SCALE.
TEXT_SCALES = (1.0, 1.15, 1.3, 1.5, 1.75)
LARGE_TEXT_SCALE = 1.5
BASE_POINT_SIZE = 11
# The smallest a thing to click or tap may be, in pixels (WCAG 2.2, target size minimum).
MIN_TARGET = 24
# Found through the package's resources (a plain folder in a checkout, a wheel and the frozen build alike).
ICONS = Path(str(resources.files("kiosk.ui") / "icons"))


@dataclass(frozen=True, slots=True)
class Palette:
    window: str
    surface: str
    text: str
    muted: str
    border: str
    primary: str
    on_primary: str
    focus: str
    current: str
    partly: str
    answered: str
    on_answered: str
    flagged: str
    on_flagged: str
    error: str
    on_error: str
    warning: str
    on_warning: str
    success: str
    info: str
    on_info: str


PALETTES = {
    Theme.DEFAULT: Palette(
        window="#eef1f5",
        surface="#ffffff",
        text="#15191e",
        muted="#4a5563",
        border="#8a96a6",
        primary="#0b57a4",
        on_primary="#ffffff",
        focus="#e07000",
        current="#15191e",
        partly="#d9e8fb",
        answered="#0b57a4",
        on_answered="#ffffff",
        flagged="#ffb000",
        on_flagged="#15191e",
        error="#b00020",
        on_error="#ffffff",
        warning="#ffd34d",
        on_warning="#15191e",
        success="#12703a",
        info="#d9e8fb",
        on_info="#15191e",
    ),
    Theme.HIGH_CONTRAST: Palette(
        window="#000000",
        surface="#000000",
        text="#ffffff",
        muted="#ffffff",
        border="#ffffff",
        primary="#ffff00",
        on_primary="#000000",
        focus="#00ffff",
        current="#ff00ff",
        partly="#4d4d4d",
        answered="#ffffff",
        on_answered="#000000",
        flagged="#ffff00",
        on_flagged="#000000",
        error="#ff2020",
        on_error="#ffffff",
        warning="#ffff00",
        on_warning="#000000",
        success="#00ff66",
        info="#000000",
        on_info="#ffffff",
    ),
}


@dataclass(frozen=True, slots=True)
class Appearance:
    """What the person at the PC chose: theme, text scale and language."""

    theme: Theme = Theme.DEFAULT
    text_scale: float = 1.0
    language: str = "en"

    @property
    def large_text(self) -> bool:
        return self.text_scale >= LARGE_TEXT_SCALE

    def larger(self) -> Appearance:
        bigger = [scale for scale in TEXT_SCALES if scale > self.text_scale]
        return replace(self, text_scale=bigger[0]) if bigger else self

    def smaller(self) -> Appearance:
        smaller = [scale for scale in TEXT_SCALES if scale < self.text_scale]
        return replace(self, text_scale=smaller[-1]) if smaller else self

    def with_large_text(self, on: bool) -> Appearance:
        return replace(self, text_scale=LARGE_TEXT_SCALE if on else 1.0)


def point_size(appearance: Appearance, factor: float = 1.0) -> int:
    return max(8, round(BASE_POINT_SIZE * appearance.text_scale * factor))


# The navigator's looks that carry their own border; "on screen now" and the focus must win over each.
_NAV_BORDERS = (
    "",
    '[flagged="true"]',
    '[state="answered"][flagged="true"]',
    '[state="partly"][flagged="true"]',
)


def _nav_rule(extra: str, pseudo: str) -> str:
    """A selector for navigator buttons in every bordered look, with ``extra`` attributes and ``pseudo``."""
    return ", ".join(f'QPushButton[role="nav"]{look}{extra}{pseudo}' for look in _NAV_BORDERS)


def stylesheet(appearance: Appearance) -> str:
    """The application style sheet for ``appearance``."""
    p = PALETTES[appearance.theme]
    base = point_size(appearance)
    stem = point_size(appearance, 1.3)
    big = point_size(appearance, 1.8)
    huge = point_size(appearance, 2.6)
    small = point_size(appearance, 0.9)
    thick = 3 if appearance.theme is Theme.DEFAULT else 4
    # A navigator button's thickest border ("on screen now", or the focus). Every look pads its border
    # out to this, so a button keeps its size whatever it shows: moving to another question then
    # repaints two buttons instead of laying the whole grid out again.
    ring = thick + 2
    box = max(MIN_TARGET, base + 9)
    # The tick must stand out on the primary colour: white on blue, black on yellow.
    check = (
        ICONS / ("check-light.svg" if appearance.theme is Theme.DEFAULT else "check-dark.svg")
    ).as_posix()
    # Spin-box arrows in the text colour: a styled spin box otherwise draws them as dashes at large sizes.
    shade = "dark" if appearance.theme is Theme.DEFAULT else "light"
    up, down = ((ICONS / f"arrow-{way}-{shade}.svg").as_posix() for way in ("up", "down"))
    return f"""
QWidget {{ background: {p.window}; color: {p.text}; font-size: {base}pt; }}
QWidget[role="card"], QScrollArea[role="card"] > QWidget > QWidget {{ background: {p.surface}; }}
QFrame[role="card"] {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 6px; }}
QFrame[role="card"] QLabel, QFrame[role="card"] QRadioButton, QFrame[role="card"] QCheckBox {{
    background: transparent; }}
QFrame[role="header"] {{ background: {p.surface}; border-bottom: 2px solid {p.border}; }}
QFrame[role="header"] QLabel {{ background: transparent; }}
QFrame[role="header"] QPushButton {{ font-size: {min(base, 14)}pt; padding: 4px 10px; }}
QLabel[role="title"] {{ font-size: {big}pt; font-weight: bold; }}
QLabel[role="huge"] {{ font-size: {huge}pt; font-weight: bold; letter-spacing: 2px; }}
QLabel[role="stem"] {{ font-size: {stem}pt; }}
QLabel[role="stimulus"] {{ font-size: {base}pt; color: {p.text}; }}
QLabel[role="muted"] {{ color: {p.muted}; font-size: {small}pt; }}
QLabel[role="field-error"] {{ color: {p.error}; font-weight: bold; }}
QLabel[role="clock"] {{ font-size: {big}pt; font-weight: bold; padding: 2px 10px; border-radius: 4px; }}
QLabel[role="clock"][level="warning"] {{ background: {p.warning}; color: {p.on_warning}; }}
QLabel[role="clock"][level="critical"] {{ background: {p.error}; color: {p.on_error}; }}
QLabel[role="saved"] {{ color: {p.success}; font-weight: bold; }}
QFrame[role="banner"] {{ border-radius: 4px; padding: 6px; }}
QFrame[role="banner"] QLabel {{ background: transparent; font-weight: bold; }}
QFrame[role="banner"][level="error"] {{ background: {p.error}; border: 3px solid {p.on_error}; }}
QFrame[role="banner"][level="error"] QLabel {{ color: {p.on_error}; font-size: {stem}pt; }}
QFrame[role="banner"][level="warning"] {{ background: {p.warning}; border: 2px solid {p.on_warning}; }}
QFrame[role="banner"][level="warning"] QLabel {{ color: {p.on_warning}; }}
QFrame[role="banner"][level="info"] {{ background: {p.info}; border: 2px solid {p.border}; }}
QFrame[role="banner"][level="info"] QLabel {{ color: {p.on_info}; }}
QFrame[role="overlay"] {{ background: rgba(0, 0, 0, 150); }}
QFrame[role="dialog"] {{ background: {p.surface}; border: 3px solid {p.border}; border-radius: 8px; }}
QFrame[role="dialog"] QLabel {{ background: transparent; }}
QPushButton {{
    background: {p.surface}; color: {p.text}; border: 2px solid {p.border}; border-radius: 5px;
    padding: 6px 14px; min-height: {MIN_TARGET}px; min-width: {MIN_TARGET}px; }}
QPushButton:hover {{ border-color: {p.primary}; }}
QPushButton:disabled {{ color: {p.muted}; border-style: dashed; }}
QPushButton[role="primary"] {{ background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
    font-weight: bold; }}
QPushButton[role="danger"] {{ background: {p.error}; color: {p.on_error}; border-color: {p.error};
    font-weight: bold; }}
QPushButton:checked {{ background: {p.flagged}; color: {p.on_flagged}; border-color: {p.on_flagged}; }}
QPushButton:focus, QLineEdit:focus, QComboBox:focus, QListWidget:focus, QSpinBox:focus,
QPlainTextEdit:focus {{ border: {thick}px solid {p.focus}; }}
QPushButton:focus {{ padding: {6 - (thick - 2)}px {14 - (thick - 2)}px; }}
QFrame[role="header"] QPushButton:focus {{ padding: {4 - (thick - 2)}px {10 - (thick - 2)}px; }}
QPushButton[role="nav"] {{ min-width: {44 - 2 * ring}px; min-height: {34 - 2 * ring}px;
    padding: {ring - 2}px {ring}px; font-weight: bold; }}
QPushButton[role="nav"][state="answered"] {{ background: {p.answered}; color: {p.on_answered};
    border-color: {p.answered}; }}
QPushButton[role="nav"][state="partly"] {{ background: {p.partly}; color: {p.text};
    border: 3px dashed {p.answered}; padding: {ring - 3}px {ring - 1}px; }}
QPushButton[role="nav"][flagged="true"] {{ border: 3px solid {p.flagged};
    padding: {ring - 3}px {ring - 1}px; }}
QPushButton[role="nav"][state="answered"][flagged="true"] {{ border: 3px solid {p.flagged}; }}
QPushButton[role="nav"][state="partly"][flagged="true"] {{ border: 3px dashed {p.flagged}; }}
{_nav_rule('[current="true"]', "")} {{ border: {ring}px solid {p.current}; padding: 0px 2px; }}
{_nav_rule("", ":focus")}, {_nav_rule('[current="true"]', ":focus")} {{
    border: {ring}px solid {p.focus}; padding: 0px 2px; }}
QPushButton[role="key"] {{ padding: 2px 4px; min-height: 30px; font-weight: bold; }}
QLabel[role="calculator-answer"] {{ font-size: {stem}pt; font-weight: bold; }}
QScrollArea#zoom-pane {{ border: 2px solid {p.border}; }}
QScrollArea#zoom-pane:focus {{ border: {thick}px solid {p.focus}; }}
QFrame[role="choice"] {{ background: transparent; border: 2px solid transparent; border-radius: 5px; }}
QFrame[role="choice"][checked="true"] {{ border: 2px solid {p.primary}; background: {p.info}; }}
QFrame[role="choice"][focused="true"] {{ border: {thick}px solid {p.focus}; }}
QFrame[role="choice"] QLabel {{ background: transparent; color: {p.text}; }}
QFrame[role="choice"][checked="true"] QLabel {{ color: {p.on_info}; font-weight: bold; }}
QRadioButton, QCheckBox {{ background: transparent; spacing: 8px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: {box}px; height: {box}px;
    border: 2px solid {p.text}; background: {p.surface}; }}
QRadioButton::indicator {{ border-radius: {box // 2 + 1}px; }}
QRadioButton::indicator:checked {{ background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
    stop:0 {p.primary}, stop:0.55 {p.primary}, stop:0.62 {p.surface}, stop:1 {p.surface}); }}
QCheckBox::indicator {{ border-radius: 3px; }}
QCheckBox::indicator:checked {{ background: {p.primary}; image: url({check}); }}
QRadioButton::indicator:focus, QCheckBox::indicator:focus {{ border: {thick}px solid {p.focus}; }}
QLineEdit, QComboBox, QSpinBox, QPlainTextEdit, QListWidget {{
    background: {p.surface}; color: {p.text}; border: 2px solid {p.border}; border-radius: 4px;
    padding: 4px; selection-background-color: {p.primary}; selection-color: {p.on_primary}; }}
QSpinBox {{ padding-right: {box}px; }}
QSpinBox::up-button, QSpinBox::down-button {{ subcontrol-origin: border; width: {box}px;
    background: {p.window}; border-left: 2px solid {p.border}; }}
QSpinBox::up-button {{ subcontrol-position: top right; }}
QSpinBox::down-button {{ subcontrol-position: bottom right; }}
QSpinBox::up-arrow {{ image: url({up}); width: {box // 2}px; height: {box // 2}px; }}
QSpinBox::down-arrow {{ image: url({down}); width: {box // 2}px; height: {box // 2}px; }}
QListWidget::item {{ padding: 6px; border-bottom: 1px solid {p.border}; }}
QListWidget::item:selected {{ background: {p.primary}; color: {p.on_primary}; }}
QComboBox QAbstractItemView {{ background: {p.surface}; color: {p.text};
    selection-background-color: {p.primary}; selection-color: {p.on_primary}; }}
QScrollArea {{ border: none; }}
QTableWidget {{ background: {p.surface}; gridline-color: {p.border}; }}
QHeaderView::section {{ background: {p.window}; color: {p.text}; font-weight: bold; border: none;
    border-bottom: 2px solid {p.border}; padding: 4px; }}
"""


def apply(app: QApplication, appearance: Appearance) -> None:
    """Apply ``appearance`` to the whole application."""
    font = QFont(app.font())
    font.setPointSize(point_size(appearance))
    app.setFont(font)
    app.setStyleSheet(stylesheet(appearance))


def restyle(widget: QWidget) -> None:
    """Make Qt re-read the style sheet for ``widget`` and its children after a style property changed.

    Children matter: rules such as ``QFrame[level="error"] QLabel`` select on an ancestor's property.
    """
    for target in (widget, *widget.findChildren(QWidget)):
        style = target.style()
        style.unpolish(target)
        style.polish(target)
        target.update()


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    """Set a style property (``state``, ``level``...) and restyle only if it changed."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        restyle(widget)

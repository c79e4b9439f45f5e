"""The console's look: the kiosk's style sheet plus rules for widgets only the console uses."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.ui import theme
from kiosk.ui.theme import PALETTES, Appearance, point_size


def console_stylesheet(appearance: Appearance) -> str:
    """The kiosk's style sheet with the console's additions (navigation, tables, drop area, inputs)."""
    p = PALETTES[appearance.theme]
    base = point_size(appearance)
    thick = 3 if appearance.theme is theme.Theme.DEFAULT else 4
    return (
        theme.stylesheet(appearance)
        + f"""
QListWidget[role="nav-list"] {{ background: {p.surface}; border: none; border-right: 2px solid {p.border};
    border-radius: 0px; padding: 6px 0px; }}
QListWidget[role="nav-list"]::item {{ padding: 10px 14px; border: none; }}
QListWidget[role="nav-list"]::item:selected {{ background: {p.primary}; color: {p.on_primary};
    font-weight: bold; }}
QListWidget[role="nav-list"]:focus {{ border: none; border-right: {thick}px solid {p.focus}; }}
QTableWidget {{ color: {p.text}; border: 2px solid {p.border}; border-radius: 4px;
    alternate-background-color: {p.window}; selection-background-color: {p.primary};
    selection-color: {p.on_primary}; }}
QTableWidget:focus {{ border: {thick}px solid {p.focus}; }}
QDateEdit, QDoubleSpinBox {{ background: {p.surface}; color: {p.text}; border: 2px solid {p.border};
    border-radius: 4px; padding: 4px; }}
QDateEdit:focus, QDoubleSpinBox:focus, QCheckBox:focus {{ border: {thick}px solid {p.focus}; }}
QLabel[role="drop"] {{ background: {p.surface}; border: 2px dashed {p.border}; border-radius: 6px;
    padding: 10px; color: {p.muted}; }}
QLabel[role="drop"][state="hover"] {{ border: {thick}px dashed {p.focus}; color: {p.text}; }}
QProgressBar {{ border: 2px solid {p.border}; border-radius: 4px; background: {p.surface};
    color: {p.text}; text-align: center; min-height: {base + 8}px; }}
QProgressBar::chunk {{ background: {p.primary}; }}
QFrame[role="card"] QTableWidget {{ background: {p.surface}; }}
QPushButton[role="primary"]:disabled, QPushButton[role="danger"]:disabled {{ background: {p.surface};
    color: {p.muted}; border: 2px dashed {p.border}; font-weight: normal; }}
QFrame[role="banner"][level="error"] {{ border: 2px solid {p.error}; }}
QFrame[role="banner"][level="error"] QLabel {{ font-size: {base}pt; }}
"""
    )


def apply(app: QApplication, appearance: Appearance) -> None:
    """Apply the console's look to the whole application."""
    theme.apply(app, appearance)
    app.setStyleSheet(console_stylesheet(appearance))

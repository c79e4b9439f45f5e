"""The on-screen calculator a bank may allow: basic (+ - × ÷ and brackets) or scientific.

Keyboard first: the sum is typed into one line (digits, + - * / ^ ( ), sqrt, ln, log, sin, cos, pi) and
Enter works it out; the keys below type the same signs for the mouse, without taking the keyboard from
the line. The arithmetic is :func:`kiosk.domain.calculator.evaluate`, a parser that never runs the text
as code. The answer replaces the sum, so the next sign carries on from it; the last sums stay listed until
:meth:`Calculator.clear` (the exam screen clears it between questions unless the bank lets it remember).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.calculator import MAX_LENGTH, evaluate, format_number
from kiosk.domain.errors import KioskError
from kiosk.ui.errors import error_sentence
from kiosk.ui.i18n import tr
from kiosk.ui.widgets.controls import describe

# How many earlier sums the calculator lists.
HISTORY_LINES = 3
# (what the key shows, what it types, or a command: "=", "clear", "back").
_BASIC_KEYS = (
    ("7", "7"), ("8", "8"), ("9", "9"), ("÷", "÷"), ("C", "clear"),
    ("4", "4"), ("5", "5"), ("6", "6"), ("×", "×"), ("⌫", "back"),
    ("1", "1"), ("2", "2"), ("3", "3"), ("−", "−"), ("(", "("),
    ("0", "0"), (".", "."), ("=", "="), ("+", "+"), (")", ")"),
)  # fmt: skip
_SCIENTIFIC_KEYS = (
    ("√", "sqrt("), ("xʸ", "^"), ("ln", "ln("), ("log", "log("), ("π", "pi"),
    ("sin", "sin("), ("cos", "cos("),
)  # fmt: skip
_COLUMNS = 5


def _key_name(shown: str, typed: str) -> str:
    """What a screen reader says for a calculator key."""
    names = {
        "÷": tr("Calculator", "divide"),
        "×": tr("Calculator", "times"),
        "−": tr("Calculator", "minus"),
        "+": tr("Calculator", "plus"),
        "=": tr("Calculator", "equals"),
        "clear": tr("Calculator", "clear"),
        "back": tr("Calculator", "delete the last sign"),
        "(": tr("Calculator", "open bracket"),
        ")": tr("Calculator", "close bracket"),
        ".": tr("Calculator", "decimal point"),
        "sqrt(": tr("Calculator", "square root"),
        "^": tr("Calculator", "to the power of"),
        "ln(": tr("Calculator", "natural logarithm"),
        "log(": tr("Calculator", "logarithm to base 10"),
        "pi": tr("Calculator", "pi"),
        "sin(": tr("Calculator", "sine, in degrees"),
        "cos(": tr("Calculator", "cosine, in degrees"),
    }
    return names.get(typed, shown)


class Calculator(QFrame):
    """A calculator panel; ``scientific`` adds powers, roots, logarithms, sine, cosine and pi."""

    close_requested = Signal()
    """The candidate pressed the calculator's close button."""

    def __init__(self, scientific: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calculator")
        self.scientific = scientific
        self.title = QLabel()
        self.title.setObjectName("calculator-title")
        self.title.setProperty("role", "muted")
        self.title.setWordWrap(True)
        self.history = QLabel()
        self.history.setObjectName("calculator-history")
        self.history.setProperty("role", "muted")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.input = QLineEdit()
        self.input.setObjectName("calculator-input")
        self.input.setMaxLength(MAX_LENGTH)
        self.input.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.result = QLabel()
        self.result.setObjectName("calculator-result")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(4)
        keys = _BASIC_KEYS + (_SCIENTIFIC_KEYS if scientific else ())
        for index, (shown, typed) in enumerate(keys):
            button = QPushButton(shown)
            button.setObjectName(f"calculator-key-{index}")
            button.setProperty("role", "key")
            # The keys type into the sum line and leave the keyboard there; Tab skips them.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, typed=typed: self.press(typed))
            grid.addWidget(button, index // _COLUMNS, index % _COLUMNS)
            self.keys[typed] = button
        self.close_button = QPushButton()
        self.close_button.setObjectName("calculator-close")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.history)
        layout.addWidget(self.input)
        layout.addWidget(self.result)
        layout.addLayout(grid)
        layout.addWidget(self.close_button)
        layout.addStretch(1)
        self.input.returnPressed.connect(self.work_out)
        self.close_button.clicked.connect(self.close_requested.emit)
        self._lines: list[str] = []
        self._problem: KioskError | None = None
        self.retranslate()

    def press(self, typed: str) -> None:
        """A key was clicked: type its sign into the sum, or work the sum out, clear it, delete a sign."""
        if typed == "=":
            self.work_out()
        elif typed == "clear":
            self.input.clear()
            self._show_result("", None)
        elif typed == "back":
            self.input.backspace()
        else:
            self.input.insert(typed)
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def work_out(self) -> None:
        """Work out the sum on the line; the answer replaces it, or the line stays with what is wrong."""
        text = self.input.text()
        if not text.strip():
            return
        try:
            value = evaluate(text, scientific=self.scientific)
        except KioskError as error:
            self._show_result("", error)
            return
        answer = format_number(value)
        self._lines = [*self._lines, f"{text.strip()} = {answer}"][-HISTORY_LINES:]
        self.history.setText("\n".join(self._lines))
        self.history.setVisible(bool(self._lines))
        self.input.setText(answer)
        self._show_result(f"= {answer}", None)

    def clear(self) -> None:
        """Forget everything: the sum, the answer and the sums before (a new question)."""
        self._lines = []
        self.history.clear()
        self.history.hide()
        self.input.clear()
        self._show_result("", None)

    @property
    def remembers(self) -> bool:
        """Whether anything is kept: a sum on the line or earlier sums."""
        return bool(self._lines or self.input.text())

    def _show_result(self, text: str, problem: KioskError | None) -> None:
        self._problem = problem
        if problem is not None:
            text = error_sentence(problem)
        self.result.setText(text)
        self.result.setProperty("role", "field-error" if problem is not None else "calculator-answer")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setVisible(bool(text))
        describe(self.input, tr("Calculator", "Calculator: the sum"), text)

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        if self.scientific:
            self.title.setText(
                tr(
                    "Calculator",
                    "Scientific calculator: type the sum, then press Enter. Angles are in degrees.",
                )
            )
        else:
            self.title.setText(tr("Calculator", "Calculator: type the sum, then press Enter."))
        self.input.setPlaceholderText(tr("Calculator", "for example 12 × 3.5"))
        self.close_button.setText(tr("Calculator", "Close"))
        describe(self.close_button, tr("Calculator", "Close the calculator"))
        for typed, button in self.keys.items():
            describe(button, _key_name(button.text(), typed))
        if self._problem is not None:
            self._show_result("", self._problem)
        else:
            describe(self.input, tr("Calculator", "Calculator: the sum"), self.result.text())

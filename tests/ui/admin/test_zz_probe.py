from __future__ import annotations
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kiosk.ui.admin.style import apply as apply_style
from kiosk.ui.admin.launch import open_admin
from kiosk.ui.theme import Appearance
from tests.ui.admin.admin_helpers import settle

def test_a(centre, qtbot) -> None:
    pass

def test_en(qtbot, registry_dir, tmp_path) -> None:
    with open_admin(tmp_path / "data", registry_dir=registry_dir, language="en") as window:
        settle(qtbot, window)

def test_zh(qtbot, registry_dir, tmp_path) -> None:
    with open_admin(tmp_path / "data", registry_dir=registry_dir, language="zh") as window:
        settle(qtbot, window)

def test_b(tmp_path: Path) -> None:
    app = QApplication.instance()
    apply_style(app, Appearance())

def test_events(qtbot) -> None:
    qtbot.wait(50)

def test_style_only(qtbot, tmp_path) -> None:
    app = QApplication.instance()
    apply_style(app, Appearance())
    from kiosk.ui.admin.window import AdminWindow
    from kiosk.ui.admin.registry import RegistryFace
    from kiosk.services.registry import open_registry

def test_win(qtbot, registry_dir) -> None:
    from kiosk.ui.admin.window import AdminWindow
    from kiosk.ui.admin.registry import RegistryFace
    from kiosk.services.registry import open_registry
    app = QApplication.instance()
    apply_style(app, Appearance())
    ctx = open_registry(registry_dir)
    w = AdminWindow(RegistryFace(ctx))
    w.show()
    settle(qtbot, w)
    w.close()
    ctx.close()

class _Face:
    def __init__(self, build): self._build = build
    def title(self): return "t"
    def subtitle(self): return "s"
    def build(self, tools): return self._build(tools)

def _win(qtbot, build):
    from kiosk.ui.admin.window import AdminWindow
    app = QApplication.instance()
    apply_style(app, Appearance())
    w = AdminWindow(_Face(build))
    w.show()
    settle(qtbot, w)
    w.close()

def test_empty(qtbot) -> None:
    _win(qtbot, lambda tools: [])

def test_kiosks(qtbot, registry_ctx) -> None:
    from kiosk.ui.admin.registry.kiosks import KiosksPresenter
    _win(qtbot, lambda tools: [KiosksPresenter(registry_ctx, tools)])

def test_imports(qtbot, registry_ctx) -> None:
    from kiosk.ui.admin.registry.imports import ImportsPresenter
    _win(qtbot, lambda tools: [ImportsPresenter(registry_ctx, tools)])

def test_results(qtbot, registry_ctx) -> None:
    from kiosk.ui.admin.registry.results import ResultsPresenter
    _win(qtbot, lambda tools: [ResultsPresenter(registry_ctx, tools)])

def test_list(tmp_path: Path) -> None:
    import collections
    ws = QApplication.allWidgets()
    c = collections.Counter(type(w).__name__ + ("/" + w.objectName() if w.objectName() else "") for w in ws)
    print(len(ws))
    for k, v in sorted(c.items()): print(k, v)
    for w in ws:
        try:
            w.style()
        except Exception as e:
            print("ERR", e)

def _plain(qtbot, make):
    from PySide6.QtWidgets import QWidget, QVBoxLayout
    app = QApplication.instance()
    apply_style(app, Appearance())
    w = QWidget()
    lay = QVBoxLayout(w)
    lay.addWidget(make())
    w.show()
    qtbot.waitExposed(w)
    w.close()
    import shiboken6
    shiboken6.delete(w)

def test_lineedit(qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit
    _plain(qtbot, QLineEdit)

def test_pathfield(qtbot) -> None:
    from kiosk.ui.admin.widgets import PathField
    _plain(qtbot, lambda: PathField("x"))

def test_checkbox(qtbot) -> None:
    from PySide6.QtWidgets import QCheckBox
    _plain(qtbot, QCheckBox)

def test_task(qtbot) -> None:
    from kiosk.ui.tasks import TaskRunner
    app = QApplication.instance()
    apply_style(app, Appearance())
    runner = TaskRunner()
    done = []
    runner.run("x", lambda: 1, done.append, done.append)
    qtbot.waitUntil(lambda: bool(done))

def test_plainwin(qtbot) -> None:
    from PySide6.QtWidgets import QLabel
    app = QApplication.instance()
    apply_style(app, Appearance())
    w = QLabel("x")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    app.setStyleSheet("")

import pytest as _pytest

@_pytest.mark.parametrize("which", ["roster", "candidates", "invigilators", "banks", "sittings", "printing", "export", "receipts", "none"])
def test_centre_part(qtbot, ctx, which) -> None:
    from kiosk.ui.admin.window import AdminWindow
    from kiosk.ui.admin.centre import CentreFace
    app = QApplication.instance()
    apply_style(app, Appearance())
    face = CentreFace(ctx)
    full = face.build
    def build(tools):
        return [p for p in full(tools) if p.page.page_name == which]
    face.build = build
    w = AdminWindow(face)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    settle(qtbot, w)
    app.setStyleSheet("")

@_pytest.mark.parametrize("kind", ["plain", "made", "filled"])
def test_table(qtbot, kind) -> None:
    from PySide6.QtWidgets import QTableWidget
    from kiosk.ui.admin.widgets import make_table, fill_table, set_headers
    app = QApplication.instance()
    apply_style(app, Appearance())
    if kind == "plain":
        t = QTableWidget()
    else:
        t = make_table("t")
        if kind == "filled":
            set_headers(t, ["a", "b"], stretch=1)
            fill_table(t, [("x", "y")])
    qtbot.addWidget(t)
    t.show()
    qtbot.waitExposed(t)
    app.setStyleSheet("")

"""The one background-work helper: work runs off the GUI thread and its outcome comes back on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from kiosk.domain.errors import SecurityError
from kiosk.ui.tasks import TaskRunner


def test_work_runs_on_a_worker_and_the_result_arrives_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["on_gui"] = QThread.currentThread() is gui
        seen["busy_in_callback"] = runner.busy

    with qtbot.waitSignal(runner.task_finished, timeout=5000) as finished:
        runner.run("answer", work, done, lambda error: seen.setdefault("error", error))
        assert runner.busy
    assert finished.args == ["answer"]
    assert seen == {"worker": True, "result": 42, "on_gui": True, "busy_in_callback": False}
    assert not runner.busy


def test_a_failure_is_delivered_to_on_failed(qtbot) -> None:
    runner = TaskRunner()
    failures: list[Exception] = []

    def work() -> None:
        raise SecurityError("The release code is not correct for this bank package.")

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.run("unlock", work, lambda _: None, failures.append)
    assert [str(error) for error in failures] == ["The release code is not correct for this bank package."]


def test_an_unexpected_exception_still_reaches_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    failures: list[Exception] = []
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.run("boom", lambda: 1 / 0, lambda _: None, failures.append)
    assert isinstance(failures[0], ZeroDivisionError)
    assert runner.wait(1000)

"""Background work (gui/tasks.py) outlives the widget that asked for it without taking the app down,
and the app can finish every running task before it closes the file."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from hvp_desktop.gui import tasks


def _slow(release: threading.Event):
    def work(_progress, _cancelled):
        release.wait(5)
        return "done"
    return work


def test_a_task_whose_widget_is_deleted_ends_quietly(qtbot):
    owner, release, told = QWidget(), threading.Event(), []
    task = tasks.run_task(owner, _slow(release), label="…", on_done=told.append, on_error=told.append)
    thread = task._thread
    owner.deleteLater()
    qtbot.waitUntil(lambda: task._orphaned, timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: task not in tasks._running, timeout=5000)
    assert told == []  # nobody left to tell
    qtbot.waitUntil(lambda: not _alive(thread), timeout=2000)


def _alive(thread: QThread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # deleted once finished
        return False


def test_wait_for_all_finishes_the_running_work_before_returning(qtbot):
    owner, release, told = QWidget(), threading.Event(), []
    qtbot.addWidget(owner)
    task = tasks.run_task(owner, _slow(release), label="…", on_done=told.append, on_error=told.append)
    threading.Timer(0.2, release.set).start()
    started = time.perf_counter()
    tasks.wait_for_all()
    assert time.perf_counter() - started >= 0.15 and task not in tasks._running
    qtbot.wait(50)
    assert told == []  # the window that asked is going away: its result is dropped


def test_a_task_reports_to_a_living_widget(qtbot):
    owner, told = QWidget(), []
    qtbot.addWidget(owner)
    tasks.run_task(owner, lambda _p, _c: 42, label="…", on_done=told.append, on_error=told.append)
    qtbot.waitUntil(lambda: told == [42], timeout=5000)

"""Runs long work off the GUI thread, with a progress dialog and cancel.

The work is a plain function `fn(progress, is_cancelled)`; `progress(done, total)` may be called
from the worker thread (it is delivered to the GUI thread as a queued signal). The dialog shows
only when the work lasts longer than half a second.

A task outlives the widget that started it: its thread has no Qt parent, so closing a window (a
language switch, the lock) never destroys a running thread; the result of a task whose widget is
gone is dropped. `wait_for_all()` lets the app finish the running work before it closes the file.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable, cancel_event: threading.Event) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = cancel_event

    def run(self) -> None:
        try:
            result = self._fn(self.progressed.emit, self._cancel.is_set)
        except BaseException as exc:  # reported to the GUI thread, which decides what the user sees
            exc.__hvp_trace__ = traceback.format_exc()
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


_running: set[Task] = set()  # alive until their thread has ended


def wait_for_all() -> None:
    """Cancel and finish every running task, dropping their results (the window is going away)."""
    for task in list(_running):
        task.abandon()


class Task(QObject):
    """One background job, kept alive until its thread has ended."""

    finished = Signal()

    def __init__(self, parent: QWidget, fn: Callable, *, label: str, on_done: Callable[[object], None],
                 on_error: Callable[[BaseException], None], cancellable: bool = True) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self._on_done, self._on_error = on_done, on_error
        self._orphaned = False  # the widget that asked is gone: nobody to tell
        parent.destroyed.connect(self._parent_gone)
        self.dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(500)
        self.dialog.setValue(0)  # starts the half-second clock: the window is modal from then on
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._thread = QThread()
        self._worker = _Worker(fn, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progress)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)

    def start(self) -> Task:
        _running.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()
        if not self._orphaned:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def _parent_gone(self) -> None:
        self._orphaned = True  # the dialog went with its parent
        self._cancel.set()

    def abandon(self) -> None:
        self._cancel.set()
        self._thread.quit()
        self._thread.wait()
        self._finish()
        self._orphaned = True

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def _finish(self) -> None:
        if self not in _running:
            return
        _running.discard(self)
        if not self._orphaned:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        self._worker.deleteLater()
        self._thread.deleteLater()

    def _end(self) -> bool:
        """True when there is still someone to tell the outcome."""
        self._thread.quit()
        self._thread.wait()
        self._finish()
        return not self._orphaned

    def _succeeded(self, result) -> None:
        if self._end():
            self._on_done(result)
            self.finished.emit()

    def _failed(self, exc) -> None:
        if self._end():
            self._on_error(exc)
            self.finished.emit()


def run_task(parent: QWidget, fn: Callable, **kwargs) -> Task:
    return Task(parent, fn, **kwargs).start()

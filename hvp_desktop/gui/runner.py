"""The one way the GUI changes the working file (issue 16; Anki's `CollectionOp` is the model).

A panel asks `runner.run(op, *args)`: the operation (`store/ops/`) runs on the runner's one
writer thread, in the order asked, never on the GUI thread. A busy cursor shows after 100 ms; an
operation that can pass a second (`long=True`) gets a progress dialog with Cancel after half a
second. A refusal (`RuleViolation`) is shown one way everywhere: the rule or check and the message
in the UI's language. On success the `Changes` are announced with `changed`; every panel listens
and refreshes what concerns it — no panel calls another.

Reads stay where they are (query functions, cheap); only writes come here.
"""

from __future__ import annotations

import inspect
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import settings
from hvp_desktop.store.ops.core import Cancelled, Changes

BUSY_AFTER_MS = 100
PROGRESS_AFTER_MS = 500


@dataclass(eq=False)
class Job:
    """One queued operation; `cancel()` asks an operation that takes `is_cancelled` to stop."""

    fn: Callable[..., Changes]
    args: tuple
    kwargs: dict
    parent: QWidget | None
    initiator: object
    on_done: Callable[[Changes], None] | None
    on_refused: Callable[[RuleViolation], None] | None
    on_failed: Callable[[BaseException], None] | None
    label: str
    long: bool
    cancellable: bool = True
    stop: threading.Event = field(default_factory=threading.Event)
    dialog: QProgressDialog | None = None
    busy: bool = False

    def cancel(self) -> None:
        self.stop.set()


class _Bridge(QObject):
    """Carries a finished job from the writer thread to the GUI thread (a queued signal)."""

    finished = Signal(object, object, object)  # job, changes, error
    progressed = Signal(object, int, int)


_shown: set[QMessageBox] = set()


def show_refusal(parent: QWidget | None, exc: RuleViolation) -> None:
    """A refusal, the same way everywhere: the rule or named check, and why, in the UI's language."""
    box = QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("Runner", "Not allowed"),
                      exc.text(settings.ui_language()), QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("refusal")
    _shown.add(box)  # a box without a parent lives as long as a Python reference holds it
    box.finished.connect(lambda _result: _shown.discard(box))
    box.open()  # window-modal, without a nested event loop


class Runner(QObject):
    """Runs operations on one working file, one at a time, off the GUI thread."""

    changed = Signal(object, object)  # Changes, the initiator (who asked: it may already show them)

    def __init__(self, wf, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wf = wf
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._pending: set[Job] = set()
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._bridge.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._work, name="hvp-writer", daemon=True)
        self._thread.start()
        self._closed = False

    # -- asking --------------------------------------------------------------------------------
    def run(self, op: Callable[..., Changes], *args, parent: QWidget | None = None, initiator: object = None,
            on_done: Callable[[Changes], None] | None = None,
            on_refused: Callable[[RuleViolation], None] | None = None,
            on_failed: Callable[[BaseException], None] | None = None,
            label: str = "", long: bool = False, cancellable: bool = True, **kwargs) -> Job:
        """Queue `op(wf, *args, **kwargs)`. `on_done(changes)` runs on the GUI thread after the
        changes were announced (with `initiator`, by default `parent`, so that the widget that
        already shows them can skip its refresh); `on_refused` replaces the standard refusal message; `on_failed`
        hears of any failure (to undo what the widget showed ahead of the write)."""
        if self._closed:
            raise RuntimeError("the runner is closed")
        job = Job(op, args, kwargs, parent, initiator if initiator is not None else parent, on_done, on_refused,
                  on_failed, label, long, cancellable)
        self._pending.add(job)
        QTimer.singleShot(BUSY_AFTER_MS, lambda: self._show_busy(job))
        if long:
            QTimer.singleShot(PROGRESS_AFTER_MS, lambda: self._show_progress(job))
        self._jobs.put(job)
        return job

    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self) -> None:
        """Finish every queued operation (before the file closes), then deliver their outcomes.
        A closed runner has nothing left to wait for."""
        if self._closed:
            return
        done = threading.Event()
        self._jobs.put(_Marker(done))
        done.wait()
        QApplication.sendPostedEvents()  # deliver the queued outcomes (and what they queue in turn)

    def close(self) -> None:
        if self._closed:
            return
        self.wait()
        self._closed = True
        self._jobs.put(None)
        self._thread.join()

    # -- the writer thread ----------------------------------------------------------------------
    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if isinstance(job, _Marker):
                job.done.set()
                continue
            kwargs = dict(job.kwargs)
            params = inspect.signature(job.fn).parameters
            if "progress" in params:
                kwargs["progress"] = lambda done, total, j=job: self._bridge.progressed.emit(j, done, total)
            if "is_cancelled" in params:
                kwargs["is_cancelled"] = job.stop.is_set
            try:
                changes = job.fn(self.wf, *job.args, **kwargs)
            except BaseException as exc:  # delivered to the GUI thread, which decides what to show
                self._bridge.finished.emit(job, None, exc)
            else:
                self._bridge.finished.emit(job, changes, None)

    # -- back on the GUI thread -------------------------------------------------------------------
    def _show_busy(self, job: Job) -> None:
        if job in self._pending and not job.busy:
            job.busy = True
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))

    def _show_progress(self, job: Job) -> None:
        if job not in self._pending or job.dialog is not None:
            return
        dialog = QProgressDialog(job.label or QApplication.translate("Runner", "Working…"),
                                 QApplication.translate("Runner", "Cancel"), 0, 0, job.parent)
        if not job.cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        dialog.show()
        job.dialog = dialog

    def _progress(self, job: Job, done: int, total: int) -> None:
        if job.dialog is not None:
            job.dialog.setMaximum(max(total, 1))
            job.dialog.setValue(min(done, max(total, 1)))

    def _finished(self, job: Job, changes: Changes | None, error: BaseException | None) -> None:
        self._pending.discard(job)
        if job.busy:
            QApplication.restoreOverrideCursor()
        if job.dialog is not None:
            job.dialog.reset()
            job.dialog.hide()
            job.dialog.deleteLater()
        parent = job.parent
        alive = parent is None or shiboken6.isValid(parent)  # the asking widget may be gone
        if error is None:
            if changes:
                self.changed.emit(changes, job.initiator)
            if job.on_done is not None and alive:
                job.on_done(changes)
            return
        if job.on_failed is not None and alive:
            job.on_failed(error)
        if isinstance(error, Cancelled):
            return
        elif isinstance(error, RuleViolation):
            if job.on_refused is not None and alive:
                job.on_refused(error)
            else:
                show_refusal(parent if alive else None, error)
        else:  # a bug or a damaged file: the exception hook logs it and tells the user where the log is
            import sys

            sys.excepthook(type(error), error, error.__traceback__)


@dataclass(eq=False)
class _Marker:
    done: threading.Event


def run_in_dialog(runner: Runner, dialog, op: Callable[..., Changes], *args, message, buttons=None,
                  on_done: Callable[[Changes], None] | None = None, long: bool = False, **kwargs) -> None:
    """A dialog's operation: its buttons wait while it runs; a refusal is written in the dialog's
    message line (in the UI's language) and the dialog stays open; success accepts the dialog
    unless `on_done` says otherwise. `dialog.changes` keeps what it changed."""
    if buttons is not None:
        buttons.setEnabled(False)

    def done(changes: Changes) -> None:
        dialog.changes = changes
        if on_done is not None:
            on_done(changes)
        else:
            dialog.accept()

    def failed(_exc: BaseException) -> None:
        if buttons is not None:
            buttons.setEnabled(True)

    runner.run(op, *args, parent=dialog, on_done=done, on_failed=failed, long=long, label=dialog.windowTitle(),
               on_refused=lambda exc: message.setText(exc.text(settings.ui_language())), **kwargs)

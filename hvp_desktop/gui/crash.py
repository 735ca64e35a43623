"""What the user sees of an unexpected error: a dialog, never a silent exit or a raw traceback.

`install(app)` replaces `sys.excepthook` and `threading.excepthook`. An unexpected exception (in a
slot, a virtual method, a worker thread, or at the top level) is written to the log
(`logs.log_exception`: class and frames, no message) and a critical message box says in plain
words what happened, that the working file is as last saved (every change is one transaction,
rolled back on error), the incident number and where the log file is. The app keeps running.

A report from another thread, or from the GUI thread while its event loop runs, reaches the dialog
through a queued signal: the box opens after the failing handler has returned (never a nested
event loop inside a paint event). With no event loop running (an error escaping `main()`), the box
is shown at once with its own loop. While a box is open, further errors are logged and counted in
it rather than stacked. If the box itself cannot be shown, one line goes to stderr and later
errors are reported there only: the hook never recurses. KeyboardInterrupt (and any other
non-Exception) goes to the previous hook.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from hvp_desktop import __version__, logs

_installed: CrashHandler | None = None


def _stderr_line(text: str) -> None:
    try:
        if sys.stderr is not None:  # None under pythonw (the Windows GUI launcher)
            sys.stderr.write(text.replace("\n", " ") + "\n")
            sys.stderr.flush()
    except Exception:
        pass


class CrashHandler(QObject):
    """Lives in the GUI thread; `reported(incident, where, class name, log path)` is queued to it."""

    reported = Signal(str, str, str, str)

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.box: QMessageBox | None = None
        self.further = 0  # errors logged while the box was open
        self.dialogs_failed = False
        self.incidents: list[str] = []  # this session's, for "Copy details"
        self._current = ("", "", "", "")  # the incident, where, class name and log path the box shows
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # -- hooks ---------------------------------------------------------------------------------
    def excepthook(self, exc_type, exc, tb) -> None:
        if exc_type is None or not issubclass(exc_type, Exception):  # KeyboardInterrupt, SystemExit
            self._previous_hook(exc_type, exc, tb)
            return
        self._report(exc_type, exc, tb, "gui" if self._on_gui_thread() else "qthread")

    def thread_excepthook(self, args) -> None:
        if args.exc_type is None or not issubclass(args.exc_type, Exception):
            self._previous_thread_hook(args)
            return
        name = args.thread.name if args.thread is not None else "?"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous_thread_hook

    # -- reporting -----------------------------------------------------------------------------
    def _on_gui_thread(self) -> bool:
        return QThread.currentThread() == self.thread()

    def _report(self, exc_type, exc, tb, where: str) -> None:
        try:
            incident = logs.log_exception(exc_type, exc, tb, where)
            self.incidents.append(incident)
            path = logs.current_log_path()
            _stderr_line(f"hvp-desktop: unexpected error (incident {incident}), details in {path or 'no log file'}")
            class_name = getattr(exc_type, "__name__", "?")
            if self.dialogs_failed or QApplication.instance() is None:  # no widget without the app
                return
            if self._on_gui_thread() and QThread.currentThread().loopLevel() == 0:
                self._show(incident, where, class_name, str(path or ""), modal_loop=True)  # no loop to queue to
            else:
                self.reported.emit(incident, where, class_name, str(path or ""))
        except BaseException:  # the hook must never raise: that would be a raw traceback after all
            _stderr_line("hvp-desktop: unexpected error (it could not be reported)")

    def _show(self, incident: str, where: str, class_name: str, path: str, modal_loop: bool = False) -> None:
        try:
            if self.box is not None and self.box.isVisible():
                self.further += 1
                self.box.setInformativeText(self._informative(self._current[0], path))
                return
            self.further = 0
            self._current = (incident, where, class_name, path)
            self.box = box = self._make_box(incident, where, path)
            if modal_loop:
                box.exec()
                self._done()
            else:
                box.setWindowModality(Qt.WindowModality.ApplicationModal)
                box.finished.connect(self._done)
                box.show()
                box.raise_()
                box.activateWindow()
        except Exception:
            self.dialogs_failed = True
            _stderr_line(f"hvp-desktop: unexpected error (incident {incident}); the message could not be shown")

    def _done(self, *_args) -> None:
        box, self.box = self.box, None
        if box is not None:
            box.deleteLater()

    def _make_box(self, incident: str, where: str, path: str) -> QMessageBox:
        box = QMessageBox(QApplication.activeWindow())
        box.setObjectName("crashDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("CrashDialog", "hvp-desktop — unexpected error"))
        if where == "gui":
            box.setText(QCoreApplication.translate(
                "CrashDialog", "An unexpected error occurred in the program. What you were doing did not finish."))
        else:
            box.setText(QCoreApplication.translate(
                "CrashDialog", "An unexpected error occurred in a background task. The task did not finish."))
        box.setInformativeText(self._informative(incident, path))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = box.addButton(QCoreApplication.translate("CrashDialog", "Copy details"),
                             QMessageBox.ButtonRole.ActionRole)
        copy.setObjectName("copyDetailsButton")
        copy.clicked.disconnect()  # copying does not close the box
        copy.clicked.connect(self.copy_details)
        ok = box.addButton(QMessageBox.StandardButton.Ok)
        box.setDefaultButton(ok)
        box.setEscapeButton(ok)  # with two buttons Qt finds none: Esc, the close box and quit() would be refused
        return box

    def _informative(self, incident: str, path: str) -> str:
        lines = [
            QCoreApplication.translate(
                "CrashDialog", "Your working file was not changed by this error: the last saved change is kept. "
                               "You can go on working."),
            "",
            QCoreApplication.translate("CrashDialog", "Incident number: %1").replace("%1", incident),
            QCoreApplication.translate("CrashDialog", "Log file: %1").replace("%1", path) if path else
            QCoreApplication.translate("CrashDialog", "Log file: none (the log could not be written)."),
            "",
            QCoreApplication.translate(
                "CrashDialog", "If the error comes back, give the incident number and the log file to your "
                               "technical contact. The log holds no names, scores or comments."),
        ]
        if self.further:
            lines += ["", QCoreApplication.translate(
                "CrashDialog", "Errors since this message opened: %1 more (in the log too).").replace(
                    "%1", str(self.further))]
        return "\n".join(lines)

    def details(self) -> str:
        """What "Copy details" puts on the clipboard: ids and places, nothing from the working file."""
        incident, where, class_name, path = self._current
        return "\n".join([f"hvp-desktop {__version__}", f"incident: {incident}", f"where: {where}",
                          f"error: {class_name}", f"log: {path or '-'}",
                          f"incidents this session: {', '.join(self.incidents)}"])

    def copy_details(self) -> None:
        try:
            QGuiApplication.clipboard().setText(self.details())
        except Exception:
            _stderr_line("hvp-desktop: the details could not be copied")


def install(app: QApplication) -> CrashHandler:
    """Route unexpected errors to the log and a dialog (idempotent). Logs to the "gui" log when
    `logs.setup` was not called first."""
    global _installed
    if _installed is not None:
        return _installed
    if logs.current_log_path() is None:
        logs.setup("gui")
    handler = CrashHandler(app)
    sys.excepthook = handler.excepthook
    threading.excepthook = handler.thread_excepthook
    _installed = handler
    return handler


def uninstall() -> None:
    """Restore the previous hooks (tests)."""
    global _installed
    if _installed is not None:
        _installed.uninstall()
        _installed.deleteLater()
        _installed = None

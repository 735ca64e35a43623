"""Child process of cold_start.py: start like the app, unlock without a dialog, show the window.

    python bench/_cold_child.py app <working file> <password> <expected rows>
    python bench/_cold_child.py baseline

`app` does what `hvp_desktop.app.main` does after the unlock dialog would have returned: a
QApplication with the app's names, the translators of the saved language, `WorkingFile.open`,
then `Application.show_main_window()` (which builds `MainWindow(wf)` and shows it). It then
processes events until the table model holds the expected rows, the window is visible and
exposed and the table has painted once, and prints one line:

    READY <seconds since this script began> imports=<s> open=<s> window=<s>

(phases as offsets from the script's start). `baseline` shows an empty QMainWindow with a
QTableView the same way, for the ratio of the app's start-up to a bare PySide6 window.
After the report the child closes the working file and exits without Qt's teardown.
"""

import time

T0 = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402

TIMEOUT_S = 30


def _wait_shown(qapp, window, table, ready) -> None:
    from PySide6.QtCore import QEvent, QEventLoop, QObject

    class PaintSpy(QObject):
        painted = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                PaintSpy.painted = True
            return False

    spy = PaintSpy()
    table.viewport().installEventFilter(spy)
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        handle = window.windowHandle()
        if ready() and window.isVisible() and handle is not None and handle.isExposed() and PaintSpy.painted:
            return
        if time.monotonic() > deadline:
            print(f"TIMEOUT rows_ready={ready()} visible={window.isVisible()} "
                  f"exposed={handle is not None and handle.isExposed()} painted={PaintSpy.painted}", flush=True)
            os._exit(3)
        qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def app(path: str, password: str, expected: int) -> None:
    from PySide6.QtWidgets import QApplication

    from hvp_desktop.app import Application
    from hvp_desktop.gui import (
        main_window,  # noqa: F401  (imported by show_main_window anyway)
        settings,
    )
    from hvp_desktop.store.engine import WorkingFile

    t_imports = time.perf_counter() - T0
    qapp = QApplication([sys.argv[0]])
    qapp.setApplicationName("hvp-desktop")
    qapp.setOrganizationName("hvp-desktop")
    application = Application(qapp)
    application.install_language(settings.language())
    application.wf = WorkingFile.open(path, password)
    t_open = time.perf_counter() - T0
    application.show_main_window()
    t_window = time.perf_counter() - T0
    window = application.window
    panel = window.applications
    _wait_shown(qapp, window, panel.form.table, lambda: panel.model.rowCount() == expected)
    print(f"READY {time.perf_counter() - T0:.6f} imports={t_imports:.6f} open={t_open:.6f} "
          f"window={t_window:.6f}", flush=True)
    application.wf.close()


def baseline() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    t_imports = time.perf_counter() - T0
    qapp = QApplication([sys.argv[0]])
    window = QMainWindow()
    table = QTableView(window)
    window.setCentralWidget(table)
    window.resize(1280, 760)
    window.show()
    t_window = time.perf_counter() - T0
    _wait_shown(qapp, window, table, lambda: True)
    print(f"READY {time.perf_counter() - T0:.6f} imports={t_imports:.6f} open={t_imports:.6f} "
          f"window={t_window:.6f}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "app":
        app(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        baseline()
    sys.stdout.flush()
    os._exit(0)

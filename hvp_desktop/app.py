"""GUI entry: unlock (or create) a working file, then show the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog

from hvp_desktop.resources import resource_path


class Application:
    """Owns the QApplication, the translators and the one open working file."""

    def __init__(self, qapp: QApplication) -> None:
        self.qapp = qapp
        self.translators: list[QTranslator] = []
        self.window = None
        self.wf = None

    def install_language(self, code: str) -> None:
        for t in self.translators:
            self.qapp.removeTranslator(t)
        self.translators = []
        from hvp_desktop.gui import settings

        settings.set_ui_language(code)
        if code == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English))
            return
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        for directory, name in ((str(resource_path("resources", "translations")), f"hvp_desktop_{code}"),
                                (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{code}")):
            t = QTranslator(self.qapp)
            if t.load(name, directory):
                self.qapp.installTranslator(t)
                self.translators.append(t)

    def unlock(self, path: str | None = None, password: str | None = None) -> bool:
        from hvp_desktop.gui.unlock_dialog import UnlockDialog

        if path and password:  # given on start (`make run` opens the demo so): the dialog only if it fails
            from hvp_desktop.store.engine import WorkingFile
            from hvp_desktop.store.errors import WorkingFileError

            try:
                self.wf = WorkingFile.open(path, password)
            except WorkingFileError:
                pass
            else:
                self.show_main_window()
                return True
        dialog = UnlockDialog(path)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.working_file is None:
            return False
        self.wf = dialog.working_file
        self.show_main_window()
        return True

    def show_main_window(self) -> None:
        from hvp_desktop.gui import tasks
        from hvp_desktop.gui.main_window import MainWindow

        tasks.wait_for_all()  # no background work may outlive the window that asked for it
        old = self.window
        if old is not None:
            old.runner.close()  # its writes are done before the new window's runner takes over
        self.window = MainWindow(self.wf)
        self.window.lock_requested.connect(self.lock)
        self.window.language_changed.connect(self.change_language)
        self.window.show_fitted(like=old)
        if old is not None:
            old.deleteLater()
            old.hide()

    def change_language(self, code: str) -> None:
        self.install_language(code)
        self.show_main_window()

    def lock(self) -> None:
        from hvp_desktop.gui import tasks

        tasks.wait_for_all()  # finish reading or writing before the file is closed
        self.window.runner.close()
        path = str(self.wf.path)
        self.window.hide()
        self.window.deleteLater()
        self.window = None
        self.wf.close()
        self.wf = None
        if not self.unlock(path):
            self.qapp.quit()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    qapp = QApplication.instance() or QApplication([sys.argv[0], *[a for a in argv if a.startswith("-")]])
    qapp.setApplicationName("hvp-desktop")
    qapp.setOrganizationName("hvp-desktop")
    from hvp_desktop import logs
    from hvp_desktop.gui import crash, settings

    logs.setup("gui")
    crash.install(qapp)  # from here on an unexpected error is a dialog, never a silent exit

    app = Application(qapp)
    app.install_language(settings.language())
    files = [a for a in argv if not a.startswith("-")]
    # HVP_PASSWORD opens the file named on the command line without the dialog (as the CLI reads it)
    if not app.unlock(files[0] if files else None, os.environ.pop("HVP_PASSWORD", None)):
        return 0
    if os.environ.get("HVP_BENCH_QUIT_WHEN_SHOWN"):  # bench/make_run.py: report the shown window, then quit
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: (print("HVP_SHOWN", flush=True), qapp.quit()))
    status = qapp.exec()
    from hvp_desktop.gui import tasks

    tasks.wait_for_all()  # a write under way finishes before the file closes
    if app.window is not None:
        app.window.runner.close()
    if app.wf is not None:
        app.wf.close()
    return status


if __name__ == "__main__":
    raise SystemExit(main())

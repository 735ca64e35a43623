"""GUI entry: unlock (or create) a working file, then show the main window.

The app locks the file (issue 18) on File → Lock, after the idle time (File → Lock when idle,
10 minutes by default) and when the OS says the screen locks or the machine sleeps: the main
window shows the lock screen, the file is closed (its key zeroed), the clipboard is cleared of
what the app put there. Backups (store/backups.py): one on closing or locking after a change,
one a day (checked at unlock and every hour).
"""

from __future__ import annotations

import gc
import logging
import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog

from hvp_desktop.resources import resource_path

log = logging.getLogger(__name__)

DAILY_CHECK_MS = 60 * 60 * 1000


def clear_caches() -> None:
    """Empty every functools cache of the app's modules: a cached result may hold what was read
    from the file (an enterprise's trade name, …)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("hvp_desktop") or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


class Application:
    """Owns the QApplication, the translators, the one open working file and what locks it."""

    def __init__(self, qapp: QApplication) -> None:
        self.qapp = qapp
        self.translators: list[QTranslator] = []
        self.window = None
        self.wf = None
        self.idle = None  # IdleWatcher, SessionWatcher and ClipboardGuard, from the first window on
        self.session = None
        self.clipboard = None
        self.daily_timer = None

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
        self.window.unlocked.connect(self.unlocked)
        self.window.restore_requested.connect(self.restore)
        self.window.idle_minutes_changed.connect(lambda minutes: self.idle.set_seconds(minutes * 60))
        self.window.language_changed.connect(self.change_language)
        self.window.file_opened.connect(self.switch_to)
        self.window.show_fitted(like=old)
        if old is not None:
            old.deleteLater()
            old.hide()
        self._start_guards()
        self.window.warn_if_changed_outside()
        self.daily_backup()

    def _start_guards(self) -> None:
        if self.idle is not None:
            return
        from hvp_desktop.gui import settings
        from hvp_desktop.gui.idle_lock import ClipboardGuard, IdleWatcher, SessionWatcher

        self.idle = IdleWatcher(settings.idle_lock_minutes() * 60, self.qapp)
        self.idle.idle.connect(self._idle_lock)
        self.session = SessionWatcher(self.qapp)
        self.session.lock_now.connect(self._os_lock)
        self.clipboard = ClipboardGuard(self.qapp)
        self.daily_timer = QTimer(self.qapp)
        self.daily_timer.timeout.connect(self.daily_backup)
        self.daily_timer.start(DAILY_CHECK_MS)

    def _idle_lock(self) -> None:
        minutes = max(round(self.idle.seconds / 60), 1)
        self.lock(QApplication.translate("Application", "Locked after %n min without use.", "", minutes))

    def _os_lock(self) -> None:
        self.lock(QApplication.translate("Application", "Locked because the screen was locked or the computer went to sleep."))

    def daily_backup(self) -> None:
        """The day's first backup, on the runner's thread, when the day has none yet."""
        from hvp_desktop.gui.main_window import backup_op
        from hvp_desktop.store import backups

        if self.wf is None or self.window is None or self.window.locked or not backups.daily_due(self.wf.path):
            return
        window = self.window
        window.runner.run(backup_op, "daily", on_failed=lambda exc: window.statusBar().showMessage(str(exc)))

    def backup_on_close(self, wf) -> None:
        """A backup of a file closed after changes (or that has none yet); a failure is logged,
        never stops the close."""
        from hvp_desktop.store import backups
        from hvp_desktop.store.errors import WorkingFileError

        try:
            if wf.write_transactions or not backups.list_backups(wf.path):
                wf.backup("close")
        except WorkingFileError as exc:
            log.warning("no backup on close: %s", exc)

    def change_language(self, code: str) -> None:
        self.install_language(code)
        self.show_main_window()

    def lock(self, reason: str = "", *, backup: bool = True) -> bool:
        """Lock the open file: the lock screen in the window, the file closed (after a backup if
        it changed), the clipboard cleared of what the app put there. False if nothing was open."""
        if self.window is None or self.wf is None or self.window.locked:
            return False
        from hvp_desktop.gui import tasks

        tasks.wait_for_all()  # finish reading or writing before the file is closed
        self.window.close_file(reason if isinstance(reason, str) else "")  # typed input kept, panels gone
        wf, self.wf = self.wf, None
        if backup:
            self.backup_on_close(wf)
        wf.close()  # the connections closed, the key zeroed
        del wf
        if self.clipboard is not None:
            self.clipboard.clear()
        if self.idle is not None:
            self.idle.pause()
        clear_caches()
        gc.collect()  # the destroyed panels' Python halves and the file's objects go now
        return True

    def unlocked(self, wf) -> None:
        self.wf = wf
        self.window.reopen(wf)
        self.window.warn_if_changed_outside()
        if self.idle is not None:
            self.idle.reset()
        self.daily_backup()

    def switch_to(self, wf) -> None:
        """Another working file, already open, in place of this one (an expert's file just made
        from a package): the open one is closed as a lock closes it (its typed input saved, a
        backup if it changed), then the window shows the new one."""
        from hvp_desktop.gui import settings

        if self.wf is not None and not self.lock(backup=True):
            wf.close()
            return
        self.window._view_state = None  # the other file's place does not apply here
        self.wf = wf
        settings.add_recent_file(str(wf.path))
        self.window.reopen(wf)
        self.window.warn_if_changed_outside()
        if self.idle is not None:
            self.idle.reset()
        self.daily_backup()

    def restore(self, backup) -> None:
        """Put `backup` in place of the open file: lock (no backup: it could rotate the chosen one
        out), swap (the file in use is moved aside), then the lock screen asks the password."""
        from hvp_desktop.gui.restore_dialog import restored_message
        from hvp_desktop.store import backups
        from hvp_desktop.store.errors import WorkingFileError

        path = self.wf.path
        self.lock(backup=False)
        try:
            aside = backups.restore(path, backup)
        except WorkingFileError as exc:
            self.window.lock_screen.show_message(str(exc))
            return
        self.window.lock_screen.reason_label.setText(
            restored_message(backup, aside) + " " + QApplication.translate("Application", "Enter the password to open it."))

    def shut_down(self) -> None:
        """Leaving: the last writes, a backup if the file changed, the file closed, the clipboard
        cleared of what the app put there."""
        from hvp_desktop.gui import tasks

        tasks.wait_for_all()  # a write under way finishes before the file closes
        if self.window is not None and self.window.runner is not None:
            self.window.runner.close()
        if self.wf is not None:
            self.backup_on_close(self.wf)
            self.wf.close()
            self.wf = None
        if self.clipboard is not None:
            self.clipboard.clear()
        if self.idle is not None:
            self.qapp.removeEventFilter(self.idle)
            self.idle.set_seconds(0)
        if self.daily_timer is not None:
            self.daily_timer.stop()
        for guard in (self.idle, self.session, self.clipboard, self.daily_timer):
            if guard is not None:
                guard.deleteLater()  # the idle watcher's event filter goes with it
        self.idle = self.session = self.clipboard = self.daily_timer = None


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
    app.shut_down()
    return status


if __name__ == "__main__":
    raise SystemExit(main())

"""The main window: navigation between the panels that exist, menus, status bar; the lock
screen in their place while the file is locked (issue 18).

Locking (`close_file`) keeps what was typed: a score or comment still in its cell editor is
committed through the sheet's normal save (a draft, in the file) and a score the rubric refused
is kept with the place in the form (expert, round, application, cell); then the open dialogs are
closed, the runner finishes its writes, and every panel, model and dock is destroyed — nothing
read from the file stays in a widget. `reopen` builds them again on the unlocked file and puts
the expert back where they were, their typed text in its cell.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDialog,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from hvp_desktop import __version__
from hvp_desktop.gui import idle_lock, round_actions, settings
from hvp_desktop.gui.applications_panel import ApplicationsPanel
from hvp_desktop.gui.checklist_panel import ChecklistPanel
from hvp_desktop.gui.deadlines_dock import DeadlinesDock
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.ranking_panel import RankingPanel
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.scoring_panel import ScoringPanel
from hvp_desktop.gui.unlock_dialog import LockScreen, NewPasswordDialog
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops.core import Changes


def backup_op(wf: WorkingFile, kind: str) -> Changes:
    """A backup on the runner's thread (between writes); nothing in the file changes."""
    wf.backup(kind)
    return Changes()


class MainWindow(QMainWindow):
    """`lock_requested` asks the app to lock the file (it calls `close_file`, closes the file and
    the lock screen takes the panels' place); `unlocked(wf)` is the lock screen's unlocked file;
    `restore_requested(backup)` asks the app to put a backup in place of the file;
    `idle_minutes_changed(n)` tells the idle lock its new time; `language_changed(code)` asks it
    to rebuild the window in another language; `file_opened(wf)` hands it another working file,
open, to put in place of this one (an expert's file just made from a package)."""

    lock_requested = Signal()
    unlocked = Signal(object)
    restore_requested = Signal(object)
    idle_minutes_changed = Signal(int)
    language_changed = Signal(str)
    file_opened = Signal(object)

    def __init__(self, wf: WorkingFile, parent: QWidget | None = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.lock_screen: LockScreen | None = None
        self._view_state: dict | None = None
        self._open(wf, runner)
        self.resize(1280, 720)

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None

    def _open(self, wf: WorkingFile, runner: Runner | None = None) -> None:
        """The panels, the dock and the menus on an unlocked file."""
        self.wf = wf
        # Every change to the file goes through the runner; the panels listen to its announcements.
        self.runner = runner if runner is not None else Runner(wf, self)
        self.setWindowTitle(f"hvp-desktop — {wf.path.name}")
        central = QWidget(self)
        self.form = load_form("main_window", central, margin=0)
        self.setCentralWidget(central)
        central.show()  # at once: on a shown window the layout would only show it from the event loop
        self.applications = ApplicationsPanel(wf, self.runner, self)
        self.applications.import_requested.connect(self.import_applications)
        self._add_panel(self.tr("Applications"), self.applications)
        self.scoring = ScoringPanel(wf, self.runner, self)
        self._add_panel(self.tr("Scoring"), self.scoring)
        self.ranking = RankingPanel(wf, self.runner, self)
        self._add_panel(self.tr("Ranking"), self.ranking)
        self.checklist = ChecklistPanel(wf, self.runner, self)
        self._add_panel(self.tr("Checklist"), self.checklist)
        self.form.navigation.currentRowChanged.connect(self.form.panels.setCurrentIndex)
        self.form.navigation.setCurrentRow(0)
        self._fix_navigation_width()
        self.deadlines = DeadlinesDock(wf, self, runner=self.runner)
        self.deadlines.open_application.connect(self.applications.open_application)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.deadlines)
        self.resizeDocks([self.deadlines], [170], Qt.Orientation.Vertical)  # the list keeps most of the height
        # On a 1366×768 laptop the scoring form needs the height: the dock shows with the list only.
        self.form.navigation.currentRowChanged.connect(lambda row: self.deadlines.setVisible(row == 0))
        self.deadlines.setVisible(self.form.navigation.currentRow() == 0)
        self.menuBar().clear()
        self._build_menus()
        self.statusBar().showMessage(str(wf.path))

    def _add_panel(self, title: str, panel: QWidget) -> None:
        self.form.panels.addWidget(panel)
        QListWidgetItem(title, self.form.navigation)

    def _fix_navigation_width(self) -> None:
        """The navigation column is as wide as its longest entry, whatever the panel beside it asks."""
        nav = self.form.navigation
        widest = max((nav.fontMetrics().horizontalAdvance(nav.item(i).text()) for i in range(nav.count())), default=0)
        nav.setFixedWidth(max(widest + 40, 110))

    # A laptop screen (1366×768) and anything up to this size: the window opens maximised.
    ROOMY = QSize(1500, 900)

    def show_fitted(self, like: QMainWindow | None = None) -> None:
        """Show the window where it fits the screen: as `like` was (the same window in another
        language), else as it was last closed if that still fits, else maximised on a small
        screen and 1280×760 in the middle of a larger one."""
        screen = (like.screen() if like is not None else self.screen()).availableGeometry()
        if like is not None:
            if like.isMaximized():
                self.showMaximized()
                return
            self.setGeometry(like.geometry())
            self.show()
            return
        saved = settings.settings().value("main_window/geometry")
        if saved is not None and self.restoreGeometry(saved):
            if self.isMaximized() or screen.contains(self.frameGeometry()):
                self.show()
                return
        if screen.width() < self.ROOMY.width() or screen.height() < self.ROOMY.height():
            self.showMaximized()
            return
        size = QSize(1280, 760)
        self.resize(size)
        self.move(screen.center() - QPoint(size.width() // 2, size.height() // 2))
        self.show()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = self._action(file_menu, self.tr("&Import applications…"), self.import_applications,
                                          QKeySequence("Ctrl+I"))
        self._action(file_menu, self.tr("Change &password…"), self.change_password)
        self._action(file_menu, self.tr("&Restore from backup…"), self.restore_backup)
        file_menu.addSeparator()
        from hvp_desktop.store import expert_file

        expert = expert_file.expert_of(self.wf) is not None  # an expert's own file, or the secretariat's
        self.open_package_action = self._action(file_menu, self.tr("Open &expert package…"), self.open_package)
        self.return_work_action = self._action(file_menu, self.tr("Re&turn my work…"), self.return_work)
        self.return_work_action.setEnabled(expert)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Verify a PDF…"), self.verify_pdf)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Lock"), self.lock_requested.emit, QKeySequence("Ctrl+L"))
        idle_menu = file_menu.addMenu(self.tr("Lock when i&dle"))
        self.idle_actions = QActionGroup(self)
        chosen = settings.idle_lock_minutes()
        for minutes in idle_lock.CHOICES:
            text = self.tr("Never") if minutes == 0 else self.tr("After %n min", "", minutes)
            action = QAction(text, self, checkable=True, checked=minutes == chosen)
            action.setData(minutes)
            action.triggered.connect(lambda _checked, m=minutes: self.set_idle_minutes(m))
            self.idle_actions.addAction(action)
            idle_menu.addAction(action)
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        round_menu = self.menuBar().addMenu(self.tr("&Round"))
        self._action(round_menu, self.tr("&Places…"), self.set_places)
        self._action(round_menu, self.tr("&Shortlist (formal review and R15)…"), self.shortlist)
        self._action(round_menu, self.tr("Bureau &confirms the shortlist (R15)…"), self.confirm_shortlist)
        self._action(round_menu, self.tr("Party &group approves a list (R16/R19)…"), self.approve_list)
        self._action(round_menu, self.tr("Selected &list (R16)…"), self.record_selection)
        self._action(round_menu, self.tr("Expert pa&nel…"), self.edit_panel)
        self._action(round_menu, self.tr("R&ubric…"), self.edit_rubric)
        self._action(round_menu, self.tr("On-site chec&klist…"), self.edit_checklist)
        round_menu.addSeparator()
        self._action(round_menu, self.tr("E&xport score sheets…"), self.export_sheets)
        self._action(round_menu, self.tr("P&rint score sheets…"), self.print_sheets)
        round_menu.addSeparator()
        self.prepare_packages_action = self._action(round_menu, self.tr("Pr&epare expert packages…"),
                                                    self.prepare_packages)
        self.merge_returns_action = self._action(round_menu, self.tr("&Merge return packages…"), self.merge_returns)
        for action in (self.prepare_packages_action, self.merge_returns_action):
            action.setEnabled(not expert)
        round_menu.addSeparator()
        self._action(round_menu, self.tr("Open an &assessment round…"), self.open_assessment_round)
        round_menu.addSeparator()
        self._action(round_menu, self.tr("&Holiday arrangement…"), self.import_holidays)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.deadlines.toggleViewAction())
        language_menu = view_menu.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        for code, name in (("zh_CN", "简体中文"), ("en", "English")):
            action = QAction(name, self, checkable=True, checked=settings.language() == code)
            action.triggered.connect(lambda _checked, c=code: self._choose_language(c))
            group.addAction(action)
            language_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About hvp-desktop"), self.about)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def set_idle_minutes(self, minutes: int) -> None:
        settings.set_idle_lock_minutes(minutes)
        for action in self.idle_actions.actions():
            action.setChecked(action.data() == minutes)
        self.idle_minutes_changed.emit(minutes)

    def _choose_language(self, code: str) -> None:
        if code != settings.language():
            settings.set_language(code)
            self.language_changed.emit(code)

    # -- round steps --------------------------------------------------------------------------
    def _round(self) -> int | None:
        return round_actions.choose_round(self, self.wf, self.applications.form.roundCombo.currentData())

    def set_places(self) -> None:
        round_id = self._round()
        if round_id is not None:
            self.dialog = round_actions.PlacesDialog(self.runner, round_id, self)
            self.dialog.open()

    def shortlist(self) -> None:
        round_id = self._round()
        if round_id is not None:
            round_actions.shortlist(self, self.runner, round_id)

    def confirm_shortlist(self) -> None:
        round_id = self._round()
        if round_id is not None:
            self.dialog = round_actions.BureauDecisionDialog(self.runner, round_id, "confirm", self)
            self.dialog.open()

    def approve_list(self) -> None:
        round_id = self._round()
        if round_id is not None:
            self.dialog = round_actions.BureauDecisionDialog(self.runner, round_id, "approve", self)
            self.dialog.open()

    def record_selection(self) -> None:
        round_id = self._round()
        if round_id is not None:
            self.dialog = round_actions.SelectionDialog(self.runner, round_id, self)
            self.dialog.open()

    def edit_panel(self) -> None:
        from hvp_desktop.gui.panel_dialog import PanelDialog

        round_id = self._round()
        if round_id is not None:
            self.dialog = PanelDialog(self.wf, self.runner, round_id, self)
            self.dialog.open()

    def edit_rubric(self) -> None:
        from hvp_desktop.gui.rubric_dialog import RubricDialog

        round_id = self._round()
        if round_id is not None:
            self.dialog = RubricDialog(self.runner, round_id, self)
            self.dialog.open()

    def edit_checklist(self) -> None:
        """The on-site checklist of an assessment round (a recognition round has no visits)."""
        from hvp_desktop.gui.checklist_dialog import ChecklistDialog
        from hvp_desktop.store import queries

        round_id = self._round()
        if round_id is None:
            return
        if queries.round_info(self.wf, round_id).kind == "recognition":
            QMessageBox.information(self, self.tr("On-site checklist"), self.tr(
                "A recognition round has no on-site visits: choose an assessment round (year 1, year 2 or "
                "re-assessment)."))
            return
        self.dialog = ChecklistDialog(self.runner, round_id, self)
        self.dialog.open()

    def export_sheets(self) -> None:
        from hvp_desktop.gui.pdf_dialogs import ExportSheetsDialog

        round_id = self._round()
        if round_id is not None:
            self.dialog = ExportSheetsDialog(self.wf, round_id, self)
            self.dialog.open()

    def print_sheets(self) -> None:
        from hvp_desktop.gui.pdf_dialogs import preview_round_sheets

        round_id = self._round()
        if round_id is not None:
            # the window outlives a lock: a preview ready after it is not shown over the lock screen
            self.print_task = preview_round_sheets(self, self.wf, round_id, wanted=lambda: not self.locked)

    def verify_pdf(self) -> None:
        """File → Verify a PDF…: needs no round, only the file's panel root."""
        from hvp_desktop.gui.pdf_dialogs import VerifyPdfDialog

        self.dialog = VerifyPdfDialog(self.wf, self)
        self.dialog.open()

    # -- packages between laptops (issue 21) ---------------------------------------------------------
    def prepare_packages(self) -> None:
        from hvp_desktop.gui.package_dialogs import PrepareDialog

        round_id = self._round()
        if round_id is not None:
            self.dialog = PrepareDialog(self.runner, round_id, self)
            self.dialog.open()

    def open_package(self) -> None:
        from hvp_desktop.gui.package_dialogs import OpenPackageDialog

        self.dialog = OpenPackageDialog(self.wf, self.runner, self)
        self.dialog.file_opened.connect(self.file_opened.emit)
        self.dialog.open()

    def return_work(self) -> None:
        from hvp_desktop.gui.package_dialogs import return_work

        self.returned = return_work(self, self.wf, self.runner)

    def merge_returns(self) -> None:
        from hvp_desktop.gui.package_dialogs import MergeDialog

        self.dialog = MergeDialog(self.runner, self)
        self.dialog.open()

    def open_assessment_round(self) -> None:
        self.dialog = round_actions.AssessmentRoundDialog(self.runner, self)
        self.dialog.open()

    def import_holidays(self) -> None:
        round_actions.import_holidays(self, self.runner)

    def import_applications(self, path: str | None = None):
        # Imported on first use: openpyxl costs ~0.1 s of start-up otherwise.
        from hvp_desktop.gui.import_dialog import ImportDialog

        dialog = ImportDialog(self.runner, self, path=path or None)
        dialog.open()
        return dialog

    def change_password(self) -> None:
        dialog = NewPasswordDialog(self, ask_file=False)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        held = [dialog.password()] if accepted else []
        dialog.forget_password()  # the password leaves the dialog's fields either way
        dialog.deleteLater()
        if not accepted:
            return

        def rekey(wf) -> Changes:
            # the old key's backups go and one is made under the new password (engine.change_password)
            wf.change_password(held.pop())  # the closure keeps no copy once used
            return Changes()

        # On the runner's one writer thread: no other write can run while the file is re-keyed.
        self.runner.run(rekey, parent=self, long=True, cancellable=False,
                        label=self.tr("Re-encrypting the working file…"),
                        on_done=lambda _c: QMessageBox.information(self, self.tr("Change password"),
                                                                   self.tr("The password was changed.")),
                        on_failed=lambda exc: QMessageBox.critical(self, self.tr("Change password"), str(exc)))

    def restore_backup(self) -> None:
        """File → Restore from backup…: choose a backup; the app then locks the file, puts the
        backup in place (the file in use is moved aside) and asks the password."""
        from hvp_desktop.gui.restore_dialog import RestoreDialog
        from hvp_desktop.store import crypto

        self.runner.wait()  # what was saved is in the file the dialog compares with
        key = crypto.RawKey(bytes(self.wf._key.key), self.wf._key.salt)  # a copy, wiped below
        try:
            self.dialog = RestoreDialog(self.wf.path, key, self, current_open=True)
            accepted = self.dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            key.wipe()
        chosen = self.dialog.chosen if accepted else None
        self.dialog.deleteLater()
        self.dialog = None
        if chosen is not None:
            self.restore_requested.emit(chosen)

    # -- lock -----------------------------------------------------------------------------------
    def close_file(self, reason: str = "") -> None:
        """Keep what was typed, close every dialog, let the runner finish, destroy the panels and
        show the lock screen. The app closes the file itself afterwards."""
        if self.locked:
            return
        QApplication.sendPostedEvents()  # an Enter just pressed commits its cell from the event queue
        self._view_state = self._capture()
        for widget in QApplication.topLevelWidgets():  # dialogs, message boxes, menus, popups
            if widget is not self and widget.isVisible():
                if isinstance(widget, QDialog):
                    widget.reject()
                widget.close()
        for dialog in self.findChildren(QDialog):
            dialog.deleteLater()
        self.checklist.flush()  # a note being typed on site is saved with the rest
        self.scoring.documents.keep_typed()  # and a page note, and the page the expert left
        self.runner.close()  # the typed score's save (and every other queued write) lands first
        self.runner.changed.disconnect()  # an outcome delivered late reaches no panel of the closed file
        self.runner.deleteLater()
        settings.settings().setValue("main_window/geometry", self.saveGeometry())
        self.removeDockWidget(self.deadlines)
        self.deadlines.deleteLater()
        old = self.takeCentralWidget()
        if old is not None:
            old.deleteLater()
        self.applications = self.scoring = self.ranking = self.checklist = self.deadlines = self.form = None
        self.dialog = None
        path, self.wf, self.runner = self.wf.path, None, None
        self.menuBar().clear()
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.statusBar().clearMessage()
        self.setWindowTitle(self.tr("hvp-desktop — locked"))
        self.lock_screen = LockScreen(path, reason, self)
        self.lock_screen.unlocked.connect(self.unlocked.emit)
        self.lock_screen.quit_requested.connect(self.close)
        self.setCentralWidget(self.lock_screen)
        self.lock_screen.show()
        self.lock_screen.password_edit.setFocus()

    def warn_if_changed_outside(self) -> bool:
        """Issue 18: the audit chain's head kept beside the file (heads.py) no longer in the file —
        it was edited with the key, or replaced by an older copy. Said once at open; True if said."""
        from hvp_desktop.store import queries

        if self.wf is None or not queries.head_problems(self.wf):
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed outside hvp-desktop"), self.tr(
            "This working file does not match the record of its history that hvp-desktop keeps beside it: "
            "since it was last used here, it was changed outside the app or replaced by an older copy. "
            "Its scores and decisions may not be what the panel entered. Have the secretariat run "
            "“hvp-desktop check” on it before relying on it."), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("changedOutside")
        box.open()
        return True

    def reopen(self, wf: WorkingFile) -> None:
        """The unlocked file: the panels again, where the user was, with what they had typed."""
        screen = self.takeCentralWidget()
        if screen is not None:
            screen.deleteLater()  # later: this may run inside the lock screen's own slot
        self.lock_screen = None
        self._open(wf)
        state, self._view_state = self._view_state, None
        if state:
            self._restore(state)

    def _capture(self) -> dict:
        state: dict = {"panel": self.form.navigation.currentRow()}
        scoring = self.scoring
        table = scoring.table
        editor = QApplication.focusWidget()
        if table.state() == QAbstractItemView.State.EditingState and editor is not None \
                and table.isAncestorOf(editor):
            # what is in the cell editor goes through the sheet's own save, as Enter would
            table.commitData(editor)
            table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        model = scoring.model
        if model is not None and scoring.expert_id is not None:
            here = table.currentIndex()
            state["scoring"] = {"expert": scoring.expert_id, "application": scoring.application_id,
                                "cell": (here.row(), here.column()) if here.isValid() else None,
                                "refused": dict(model.refused), "focus": table.hasFocus() or editor is not None
                                and table.isAncestorOf(editor)}
        state["search"] = self.applications.form.searchEdit.text()
        return state

    def _restore(self, state: dict) -> None:
        self.form.navigation.setCurrentRow(state.get("panel", 0))
        if state.get("search"):
            self.applications.form.searchEdit.setText(state["search"])
        where = state.get("scoring")
        scoring = self.scoring
        if not where or not scoring.choose(where["expert"], where["application"]) or scoring.model is None:
            return
        model = scoring.model
        refused = where.get("refused") or {}
        if refused and not model.read_only:
            model.refused.update(refused)  # a refused score is typed input: it comes back in its cell, marked
            model.dataChanged.emit(model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1))
            model.on_refused(model._first_refusal())
        if where.get("cell"):
            row, column = where["cell"]
            scoring.table.setCurrentIndex(model.index(row, column))
        if where.get("focus"):
            scoring.table.setFocus()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About hvp-desktop"), self.tr(
            "hvp-desktop %1\n\nThe offline tool of the expert panels of the Huangpu district's "
            "High-Value Patent Cultivation and Layout Centre programme.").replace("%1", __version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.settings().setValue("main_window/geometry", self.saveGeometry())
        if self.runner is not None:
            self.runner.wait()  # a write under way finishes before the window goes
        super().closeEvent(event)

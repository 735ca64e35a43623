"""The main window: navigation between the panels that exist, menus, status bar."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QListWidgetItem, QMainWindow, QMessageBox, QWidget

from hvp_desktop import __version__
from hvp_desktop.gui import round_actions, settings
from hvp_desktop.gui.applications_panel import ApplicationsPanel
from hvp_desktop.gui.deadlines_dock import DeadlinesDock
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.ranking_panel import RankingPanel
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.scoring_panel import ScoringPanel
from hvp_desktop.gui.unlock_dialog import NewPasswordDialog
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops.core import Changes


class MainWindow(QMainWindow):
    """`lock_requested` asks the app to close this file and show the unlock dialog;
    `language_changed(code)` asks it to rebuild the window in another language."""

    lock_requested = Signal()
    language_changed = Signal(str)

    def __init__(self, wf: WorkingFile, parent: QWidget | None = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.wf = wf
        # Every change to the file goes through the runner; the panels listen to its announcements.
        self.runner = runner if runner is not None else Runner(wf, self)
        self.setWindowTitle(f"hvp-desktop — {wf.path.name}")
        central = QWidget(self)
        self.form = load_form("main_window", central, margin=0)
        self.setCentralWidget(central)
        self.applications = ApplicationsPanel(wf, self.runner, self)
        self.applications.import_requested.connect(self.import_applications)
        self._add_panel(self.tr("Applications"), self.applications)
        self.scoring = ScoringPanel(wf, self.runner, self)
        self._add_panel(self.tr("Scoring"), self.scoring)
        self.ranking = RankingPanel(wf, self.runner, self)
        self._add_panel(self.tr("Ranking"), self.ranking)
        self.form.navigation.currentRowChanged.connect(self.form.panels.setCurrentIndex)
        self.form.navigation.setCurrentRow(0)
        self._fix_navigation_width()
        self.deadlines = DeadlinesDock(wf, self, runner=self.runner)
        self.deadlines.open_application.connect(self.applications.open_application)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.deadlines)
        self.resizeDocks([self.deadlines], [170], Qt.Orientation.Vertical)  # the list keeps most of the height
        # On a 1366×768 laptop the scoring form needs the height: the dock shows with the list only.
        self.form.navigation.currentRowChanged.connect(lambda row: self.deadlines.setVisible(row == 0))
        self._build_menus()
        self.statusBar().showMessage(str(wf.path))
        self.resize(1280, 720)

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
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Lock"), self.lock_requested.emit, QKeySequence("Ctrl+L"))
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        round_menu = self.menuBar().addMenu(self.tr("&Round"))
        self._action(round_menu, self.tr("&Places…"), self.set_places)
        self._action(round_menu, self.tr("&Shortlist (formal review and R15)…"), self.shortlist)
        self._action(round_menu, self.tr("Bureau &confirms the shortlist (R15)…"), self.confirm_shortlist)
        self._action(round_menu, self.tr("Party &group approves a list (R16/R19)…"), self.approve_list)
        self._action(round_menu, self.tr("Selected &list (R16)…"), self.record_selection)
        self._action(round_menu, self.tr("Expert pa&nel…"), self.edit_panel)
        self._action(round_menu, self.tr("R&ubric…"), self.edit_rubric)
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
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        new_password = dialog.password()

        def rekey(wf) -> Changes:
            wf.change_password(new_password)
            return Changes()

        # On the runner's one writer thread: no other write can run while the file is re-keyed.
        self.runner.run(rekey, parent=self, long=True, cancellable=False,
                        label=self.tr("Re-encrypting the working file…"),
                        on_done=lambda _c: QMessageBox.information(self, self.tr("Change password"),
                                                                   self.tr("The password was changed.")),
                        on_failed=lambda exc: QMessageBox.critical(self, self.tr("Change password"), str(exc)))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About hvp-desktop"), self.tr(
            "hvp-desktop %1\n\nThe offline tool of the expert panels of the Huangpu district's "
            "High-Value Patent Cultivation and Layout Centre programme.").replace("%1", __version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.settings().setValue("main_window/geometry", self.saveGeometry())
        self.runner.wait()  # a write under way finishes before the window goes
        super().closeEvent(event)

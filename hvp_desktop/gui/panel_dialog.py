"""The secretary sets up a round's expert panel: experts, seats (one chair), assignments, and
conflicts of interest recorded with their reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from hvp_desktop.domain.model import ConflictSource, SeatRole
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import settings
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.round_actions import round_info
from hvp_desktop.gui.runner import Runner
from hvp_desktop.store import panel
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops.core import Changes


class PanelDialog(QDialog):
    def __init__(self, wf: WorkingFile, runner: Runner, round_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf, self.runner, self.round_id = wf, runner, round_id
        self.changes = Changes()
        title, _places = round_info(wf, round_id)
        self.setWindowTitle(self.tr("Expert panel"))
        self.form = f = load_form("panel_dialog", self)
        f.roundLabel.setText(title)
        f.expertsTable.setColumnCount(4)
        f.expertsTable.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Organisation"), self.tr("Title"),
                                                  self.tr("Seat")])
        f.expertsTable.verticalHeader().setVisible(False)
        f.expertsTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.applications = panel.assignable(wf, round_id)
        for app_id, name in self.applications:
            f.applicationCombo.addItem(name, app_id)
        f.addButton.clicked.connect(self.add_expert)
        f.memberButton.clicked.connect(lambda: self.seat(SeatRole.MEMBER))
        f.chairButton.clicked.connect(lambda: self.seat(SeatRole.CHAIR))
        f.assignButton.clicked.connect(self.assign_all)
        f.conflictButton.clicked.connect(self.record_conflict)
        f.buttonBox.rejected.connect(self.accept)
        self.reload()
        self.resize(800, 580)

    def reload(self) -> None:
        table = self.form.expertsTable
        members = panel.round_panel(self.wf, self.round_id)
        roles = {"chair": self.tr("Chair"), "member": self.tr("Member")}
        table.setRowCount(len(members))
        for r, m in enumerate(members):
            for c, text in enumerate((m.name, m.organisation or "", m.title or "", roles.get(m.role, "—"))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.expert_id)
                table.setItem(r, c, item)

    def selected_expert(self) -> int | None:
        item = self.form.expertsTable.item(self.form.expertsTable.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _run(self, op, *args, done: str, then=None) -> bool:
        """Run one operation; the dialog says what was done, or why it was refused."""
        def finished(changes: Changes) -> None:
            self.changes = self.changes | changes
            self.form.messageLabel.setText(done)
            self.reload()
            if then is not None:
                then()

        def refused(exc: RuleViolation) -> None:
            self.form.messageLabel.setText(exc.text(settings.ui_language()))

        self.runner.run(op, *args, parent=self, on_done=finished, on_refused=refused)
        return True

    def add_expert(self) -> bool:
        f = self.form
        def clear() -> None:
            for edit in (f.nameEdit, f.organisationEdit, f.titleEdit):
                edit.clear()

        return self._run(panel_ops.add_expert, f.nameEdit.text(), f.organisationEdit.text() or None,
                         f.titleEdit.text() or None, done=self.tr("Expert added."), then=clear)

    def seat(self, role: SeatRole) -> bool:
        expert = self.selected_expert()
        if expert is None:
            self.form.messageLabel.setText(self.tr("Choose an expert first."))
            return False
        return self._run(panel_ops.seat, self.round_id, expert, role, done=self.tr("Seat saved."))

    def assign_all(self) -> bool:
        expert = self.selected_expert()
        if expert is None:
            self.form.messageLabel.setText(self.tr("Choose an expert first."))
            return False
        conflicted = {app for (e, app), state in panel.sheet_matrix(self.wf, self.round_id).cells.items()
                      if e == expert and state == panel.SheetState.CONFLICTED}
        targets = [app_id for app_id, _name in self.applications if app_id not in conflicted]
        return self._run(panel_ops.assign, expert, targets,
                         done=self.tr("Assigned to %n application(s).", "", len(targets)))

    def record_conflict(self) -> bool:
        expert, f = self.selected_expert(), self.form
        if expert is None:
            f.messageLabel.setText(self.tr("Choose an expert first."))
            return False
        return self._run(panel_ops.record_conflict, expert, f.applicationCombo.currentData(),
                         ConflictSource.RECORDED, f.reasonEdit.text(),
                         done=self.tr("Conflict recorded; the assignment was withdrawn."))

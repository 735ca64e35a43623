"""The secretary sets up a round's expert panel: experts, seats (one chair), assignments, and
conflicts of interest recorded with their reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from hvp_desktop.domain.model import ConflictSource, SeatRole
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.round_actions import round_info
from hvp_desktop.store import panel
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.operations import Changes


class PanelDialog(QDialog):
    def __init__(self, wf: WorkingFile, round_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf, self.round_id = wf, round_id
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

    def _run(self, action, done: str) -> bool:
        try:
            changes = action()
        except (RuleViolation, ValueError) as exc:
            self.form.messageLabel.setText(str(exc))
            return False
        if isinstance(changes, Changes):
            self.changes = Changes(self.changes.applications | changes.applications, self.changes.rounds)
        self.form.messageLabel.setText(done)
        self.reload()
        return True

    def add_expert(self) -> bool:
        f = self.form
        ok = self._run(lambda: panel.add_expert(self.wf, f.nameEdit.text(), f.organisationEdit.text() or None,
                                                f.titleEdit.text() or None), self.tr("Expert added."))
        if ok:
            for edit in (f.nameEdit, f.organisationEdit, f.titleEdit):
                edit.clear()
        return ok

    def seat(self, role: SeatRole) -> bool:
        expert = self.selected_expert()
        if expert is None:
            self.form.messageLabel.setText(self.tr("Choose an expert first."))
            return False
        return self._run(lambda: panel.seat(self.wf, self.round_id, expert, role), self.tr("Seat saved."))

    def assign_all(self) -> bool:
        expert = self.selected_expert()
        if expert is None:
            self.form.messageLabel.setText(self.tr("Choose an expert first."))
            return False
        conflicted = {app for (e, app), state in panel.sheet_matrix(self.wf, self.round_id).cells.items()
                      if e == expert and state == panel.SheetState.CONFLICTED}
        targets = [app_id for app_id, _name in self.applications if app_id not in conflicted]
        return self._run(lambda: panel.assign(self.wf, expert, targets),
                         self.tr("Assigned to %n application(s).", "", len(targets)))

    def record_conflict(self) -> bool:
        expert, f = self.selected_expert(), self.form
        if expert is None:
            f.messageLabel.setText(self.tr("Choose an expert first."))
            return False
        return self._run(lambda: panel.record_conflict(self.wf, expert, f.applicationCombo.currentData(),
                                                       ConflictSource.RECORDED, f.reasonEdit.text()),
                         self.tr("Conflict recorded; the assignment was withdrawn."))

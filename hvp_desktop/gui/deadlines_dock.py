"""What is due in the next 60 days, and what is overdue: a dock beside the panels."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from hvp_desktop.gui import labels
from hvp_desktop.store import decisions
from hvp_desktop.store.engine import WorkingFile

HORIZON_DAYS = 60


class DeadlinesDock(QDockWidget):
    """Emits `open_application(id)` when a row is activated."""

    open_application = Signal(int)

    def __init__(self, wf: WorkingFile, parent: QWidget | None = None, today: date | None = None,
                 runner=None) -> None:
        super().__init__(self.tr("Due in the next %n days", "", HORIZON_DAYS), parent)
        self.setObjectName("deadlinesDock")
        self.wf = wf
        if runner is not None:
            runner.changed.connect(self.apply_changes)
        self.today = today or date.today()
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Rule"), self.tr("What"), self.tr("Applicant")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for c in range(3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemActivated.connect(self._activated)
        self.setWidget(self.table)
        self.reload()

    def apply_changes(self, changes, _initiator=None) -> None:
        if changes.concerns("applications", "decisions", "calendar", "rounds"):
            self.reload()

    def reload(self) -> None:
        items = decisions.due_within(decisions.status(self.wf), self.today, HORIZON_DAYS)
        self.table.setRowCount(len(items))
        overdue, overdue_word, open_word = 0, self.tr("overdue"), self.tr("open since this date")
        for r, (row, due) in enumerate(items):
            late = due.overdue(self.today)
            opened = due.opens and due.due <= self.today
            overdue += late
            texts = (due.due.isoformat(), due.rule,
                     labels.deadline_label(due.what, due.rule, due.detail)
                     + (f" ({overdue_word})" if late else f" ({open_word})" if opened else "")
                     + (f" ⚠ {labels.provisional_label(due.provisional_reason)}" if due.provisional_reason else ""),
                     row.enterprise_name)
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, row.application_id)
                if late:
                    item.setForeground(QColor("#b00020"))
                self.table.setItem(r, c, item)
        self.setWindowTitle(self.tr("Due in the next %n days", "", HORIZON_DAYS)
                            + (" — " + self.tr("%n overdue", "", overdue) if overdue else ""))

    def _activated(self, item: QTableWidgetItem) -> None:
        self.open_application.emit(item.data(Qt.ItemDataRole.UserRole))

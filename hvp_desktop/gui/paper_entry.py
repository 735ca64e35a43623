"""Paper sheets entered by the secretary: two blind keyings, differences shown criterion by
criterion until they agree, then the agreed keying becomes the expert's sheet (transcribed)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.scoring_model import parse_points
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import sheets
from hvp_desktop.store.engine import WorkingFile

_SCORE_COLUMN = 3


class PaperEntryDialog(QDialog):
    def __init__(self, wf: WorkingFile, expert_id: int, application_id: int, rubric_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf, self.expert_id, self.application_id, self.rubric_label = wf, expert_id, application_id, rubric_label
        self.rubric = sheets.rubric_by_label(wf, rubric_label)
        self.setWindowTitle(self.tr("Paper sheet"))
        self.form = f = load_form("paper_entry_dialog", self)
        f.keyingCombo.addItem(self.tr("First keying"), 1)
        f.keyingCombo.addItem(self.tr("Second keying"), 2)
        f.keyingCombo.currentIndexChanged.connect(lambda _i: self._blank())
        f.saveButton.clicked.connect(self.save)
        f.compareButton.clicked.connect(self.compare)
        f.acceptButton.clicked.connect(self.accept_keyings)
        f.closeButton.clicked.connect(self.reject)
        table = f.entryTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Criterion"), self.tr("Max"), self.tr("Score")])
        table.setRowCount(len(self.rubric.criteria))
        table.verticalHeader().setVisible(False)
        for r, c in enumerate(self.rubric.criteria):
            for col, text in enumerate((c.code, c.title, rubrics.format_points(c.max_points))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(r, col, item)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._blank()
        self.resize(680, 600)

    def _blank(self) -> None:
        """Blind: a keying starts empty and never shows the other one's values."""
        for r in range(self.form.entryTable.rowCount()):
            self.form.entryTable.setItem(r, _SCORE_COLUMN, QTableWidgetItem(""))
        self.form.messageLabel.clear()

    def keyed(self) -> dict[str, Decimal]:
        out, problems = {}, []
        for r, c in enumerate(self.rubric.criteria):
            points = parse_points(self.form.entryTable.item(r, _SCORE_COLUMN).text())
            problem = "尚未录入" if points is None else rubrics.check_score(c, points)
            if problem:
                problems.append(f"{c.code}：{problem}")
            else:
                out[c.code] = points
        if problems:
            raise RuleViolation("评分表", "；".join(problems[:5]))
        return out

    def save(self) -> bool:
        try:
            sheets.save_keying(self.wf, self.expert_id, self.application_id, self.form.keyingCombo.currentData(),
                               self.keyed())
        except RuleViolation as exc:
            self._say(str(exc), error=True)
            return False
        self._say(self.tr("Keying saved."))
        return True

    def compare(self) -> list:
        try:
            differences = sheets.keying_differences(self.wf, self.expert_id, self.application_id)
        except ValueError as exc:
            self._say(str(exc), error=True)
            return []
        if differences:
            self._say(self.tr("The keyings differ: %1. Check the paper sheet and key again.").replace(
                "%1", "；".join(f"{code} {a or '—'} / {b or '—'}" for code, a, b in differences)), error=True)
        else:
            self._say(self.tr("Both keyings agree."))
        return differences

    def accept_keyings(self) -> bool:
        try:
            sheets.accept_keyings(self.wf, self.expert_id, self.application_id, self.rubric_label)
        except (RuleViolation, ValueError) as exc:
            self._say(str(exc), error=True)
            return False
        self.accept()
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        label = self.form.messageLabel
        label.setStyleSheet(f"color: {QColor('#b00020').name() if error else QColor('#1b7f3b').name()};")
        label.setText(text)

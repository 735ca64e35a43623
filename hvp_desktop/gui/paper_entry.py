"""Paper sheets entered by the secretary: two blind keyings, differences shown criterion by
criterion until they agree, then the agreed keying becomes the expert's sheet (transcribed)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import settings
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.scoring_model import parse_points
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import sheets as sheet_ops

_SCORE_COLUMN = 3


class PaperEntryDialog(QDialog):
    def __init__(self, wf: WorkingFile, runner: Runner, expert_id: int, application_id: int,
                 rubric: rubrics.Rubric, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf, self.runner, self.expert_id, self.application_id = wf, runner, expert_id, application_id
        self.rubric = rubric
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
            raise RuleViolation("PAPER", "；".join(problems[:5]), "; ".join(problems[:5]))
        return out

    def save(self) -> bool:
        try:
            keyed = self.keyed()
        except RuleViolation as exc:
            self._refused(exc)
            return False
        self.runner.run(sheet_ops.save_keying, self.expert_id, self.application_id,
                        self.form.keyingCombo.currentData(), keyed, parent=self,
                        on_done=lambda _c: self._say(self.tr("Keying saved.")), on_refused=self._refused)
        return True

    def _refused(self, exc: RuleViolation) -> None:
        self._say(exc.text(settings.ui_language()), error=True)

    def compare(self) -> list:
        try:
            differences = sheets.keying_differences(self.wf, self.expert_id, self.application_id)
        except RuleViolation as exc:
            self._refused(exc)
            return []
        if differences:
            self._say(self.tr("The keyings differ: %1. Check the paper sheet and key again.").replace(
                "%1", "；".join(f"{code} {a or '—'} / {b or '—'}" for code, a, b in differences)), error=True)
        else:
            self._say(self.tr("Both keyings agree."))
        return differences

    def accept_keyings(self) -> bool:
        self.runner.run(sheet_ops.accept_keyings, self.expert_id, self.application_id, self.rubric, parent=self,
                        on_done=lambda _c: self.accept(), on_refused=self._refused)
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        label = self.form.messageLabel
        label.setStyleSheet(f"color: {QColor('#b00020').name() if error else QColor('#1b7f3b').name()};")
        label.setText(text)

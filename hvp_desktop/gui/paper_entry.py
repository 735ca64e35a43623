"""Paper sheets entered by the secretary: two blind keyings, differences shown criterion by
criterion until they agree, then the agreed keying becomes the expert's sheet (transcribed).

Keyed like the scoring form: a digit opens the score cell, Enter goes to the next criterion. A
score the rubric asks a comment for needs the comment box ticked (the comment itself stays on the
signed paper sheet, which is archived): a keying without it is not saved, so it cannot be accepted.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QDialog, QHeaderView, QTableWidgetItem, QWidget

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import settings
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.scoring_model import comment_reason, parse_points, score_problem
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import queries, sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import sheets as sheet_ops

_CODE, _TITLE, _MAX, _SCORE_COLUMN, _COMMENT = range(5)
_DIFFERS = QColor("#ffe0b2")
_MISSING_COMMENT = QColor("#fde2e1")


class PaperEntryDialog(QDialog):
    def __init__(self, wf: WorkingFile, runner: Runner, expert_id: int, application_id: int,
                 rubric: rubrics.Rubric, parent: QWidget | None = None, expert_name: str = "") -> None:
        super().__init__(parent)
        self.wf, self.runner, self.expert_id, self.application_id = wf, runner, expert_id, application_id
        self.rubric = rubric
        self.setWindowTitle(self.tr("Paper sheet"))
        self.form = f = load_form("paper_entry_dialog", self)
        detail = queries.application_detail(wf, application_id)
        f.whoLabel.setText(self.tr("Expert: %1 · Application: %2").replace("%1", f"<b>{escape(expert_name)}</b>")
                           .replace("%2", f"<b>{escape(detail.data.enterprise_name)}</b>")
                           + "<br>" + escape(self.tr("Rubric: %1").replace("%1", rubric.label)))
        f.keyingCombo.addItem(self.tr("First keying"), 1)
        f.keyingCombo.addItem(self.tr("Second keying"), 2)
        f.keyingCombo.currentIndexChanged.connect(lambda _i: self._blank())
        f.saveButton.clicked.connect(self.save)
        f.compareButton.clicked.connect(self.compare)
        f.acceptButton.clicked.connect(self.accept_keyings)
        f.closeButton.clicked.connect(self.reject)
        table = f.entryTable
        table.setColumnCount(5)
        table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Criterion"), self.tr("Max"), self.tr("Score"),
                                         self.tr("Comment on paper")])
        table.setRowCount(len(self.rubric.criteria))
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                              | QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        for r, c in enumerate(self.rubric.criteria):
            for col, text in enumerate((c.code, c.title, rubrics.format_points(c.max_points))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if col == _TITLE:
                    item.setToolTip(c.title)
                if col == _MAX:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, col, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_SCORE_COLUMN, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(_SCORE_COLUMN, 70)
        table.itemDelegate().closeEditor.connect(self._editor_closed)  # Enter: the next criterion
        table.itemChanged.connect(lambda _item: self._update())
        self._blank()
        self.resize(720, 600)

    # -- keying -------------------------------------------------------------------------------------
    def _blank(self) -> None:
        """Blind: a keying starts empty and never shows the other one's values."""
        table = self.form.entryTable
        table.blockSignals(True)
        for r in range(table.rowCount()):
            score = QTableWidgetItem("")
            score.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, _SCORE_COLUMN, score)
            comment = QTableWidgetItem("")
            comment.setFlags((comment.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
            comment.setCheckState(Qt.CheckState.Unchecked)
            table.setItem(r, _COMMENT, comment)
            self._mark(r, None)
        table.blockSignals(False)
        self.form.messageLabel.clear()
        table.setCurrentCell(0, _SCORE_COLUMN)
        table.setFocus()
        self._update()

    def _editor_closed(self, _editor, hint) -> None:
        if hint != QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            return
        table = self.form.entryTable
        row = table.currentRow()
        if table.currentColumn() == _SCORE_COLUMN and row + 1 < table.rowCount():
            table.setCurrentCell(row + 1, _SCORE_COLUMN)

    def _mark(self, row: int, colour: QColor | None) -> None:
        table = self.form.entryTable
        for col in range(table.columnCount()):
            item = table.item(row, col)
            if item is not None:
                item.setBackground(colour if colour is not None else QColor(0, 0, 0, 0))

    def _update(self) -> None:
        """The keying's total so far, and the comment boxes the rubric asks to tick."""
        table = self.form.entryTable
        table.blockSignals(True)
        total = Decimal(0)
        for r, c in enumerate(self.rubric.criteria):
            points = parse_points(table.item(r, _SCORE_COLUMN).text()) if table.item(r, _SCORE_COLUMN) else None
            ok = points is not None and score_problem(c, points) is None
            if ok:
                total += points
            comment = table.item(r, _COMMENT)
            if comment is None:
                continue
            why = comment_reason(c, points) if ok else None
            unticked = why is not None and comment.checkState() != Qt.CheckState.Checked
            comment.setBackground(_MISSING_COMMENT if unticked else QColor(0, 0, 0, 0))
            comment.setToolTip(why or "")
        table.blockSignals(False)
        self.form.totalLabel.setText(self.tr("Total of this keying: %1 / %2")
                                     .replace("%1", rubrics.format_points(total))
                                     .replace("%2", rubrics.format_points(self.rubric.max_total)))

    def problems(self) -> list[str]:
        """What stops this keying from being saved, in the UI's language."""
        table, out = self.form.entryTable, []
        for r, c in enumerate(self.rubric.criteria):
            points = parse_points(table.item(r, _SCORE_COLUMN).text())
            if points is None:
                out.append(self.tr("%1: not keyed").replace("%1", c.code))
                continue
            problem = score_problem(c, points)
            if problem:
                out.append(f"{c.code}: {problem}")
            elif comment_reason(c, points) and table.item(r, _COMMENT).checkState() != Qt.CheckState.Checked:
                out.append(self.tr("%1: the rubric asks for a comment on this score; a sheet without it is not "
                                   "accepted").replace("%1", c.code))
        return out

    def keyed(self) -> dict[str, Decimal]:
        problems = self.problems()
        if problems:
            raise ValueError("; ".join(problems[:5]) + (" …" if len(problems) > 5 else ""))
        table = self.form.entryTable
        return {c.code: parse_points(table.item(r, _SCORE_COLUMN).text()) for r, c in enumerate(self.rubric.criteria)}

    def save(self) -> bool:
        try:
            keyed = self.keyed()
        except ValueError as exc:
            self._say(str(exc), error=True)
            return False
        table = self.form.entryTable
        commented = [c.code for r, c in enumerate(self.rubric.criteria)
                     if table.item(r, _COMMENT) is not None and table.item(r, _COMMENT).checkState() == Qt.CheckState.Checked]
        self.runner.run(sheet_ops.save_keying, self.expert_id, self.application_id,
                        self.form.keyingCombo.currentData(), keyed, commented, parent=self,
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
        codes = {code for code, _a, _b in differences}
        for r, c in enumerate(self.rubric.criteria):
            self._mark(r, _DIFFERS if c.code in codes else None)
        if differences:
            self._say(self.tr("The keyings differ in %1 (highlighted): check the paper sheet and key again.")
                      .replace("%1", ", ".join(code for code, _a, _b in differences)), error=True)
        else:
            self._say(self.tr("Both keyings agree."))
        return differences

    def accept_keyings(self) -> bool:
        self.runner.run(sheet_ops.accept_keyings, self.expert_id, self.application_id, self.rubric, parent=self,
                        on_done=lambda _c: self.accept(), on_refused=self._refused)
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        label = self.form.messageLabel
        label.setStyleSheet(f"color: {'#b00020' if error else '#1b7f3b'};")
        label.setText(text)

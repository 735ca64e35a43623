"""The expert's scoring form: the application's key facts and the rubric's guidance beside the
sheet; keyboard-only flow (Tab / Enter through criteria, digits type a score); undo/redo; every
change saved at once; submit with the conflict-of-interest statement and a drawn signature."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hvp_desktop.domain.commitments import measure
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import settings
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.scoring_model import COMMENT, SCORE, SECTION, SheetModel
from hvp_desktop.gui.signature_pad import SignaturePad
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import expert_file, panel, queries, round_lock, sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from hvp_desktop.store.ops.core import Changes


def _message(exc: Exception) -> str:
    """A refusal in the UI's language, with its rule or check."""
    return exc.text(settings.ui_language()) if isinstance(exc, RuleViolation) else str(exc)


class SheetView(QTableView):
    """Tab moves score → comment → next score; Enter commits and goes to the next score."""

    def moveCursor(self, action, modifiers):
        current = self.currentIndex()
        model: QAbstractItemModel = self.model()
        if model is None or not current.isValid():
            return super().moveCursor(action, modifiers)
        cells = [(r, c) for r in range(model.rowCount()) for c in (SCORE, COMMENT)]
        here = (current.row(), current.column() if current.column() in (SCORE, COMMENT) else SCORE)
        position = cells.index(here)
        if action == QAbstractItemView.CursorAction.MoveNext:
            row, column = cells[min(position + 1, len(cells) - 1)]
            return model.index(row, column)
        if action == QAbstractItemView.CursorAction.MovePrevious:
            row, column = cells[max(position - 1, 0)]
            return model.index(row, column)
        return super().moveCursor(action, modifiers)

    def closeEditor(self, editor, hint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter
            current = self.currentIndex()
            if current.row() + 1 < self.model().rowCount():
                self.setCurrentIndex(self.model().index(current.row() + 1, SCORE))


def rubric_for(wf: WorkingFile, application_id: int) -> rubrics.Rubric:
    """The round's rubric (chosen or frozen), else the default of the round's kind. Reading only:
    the default is stored, and the round's rubric frozen, by the first saved score."""
    chosen, kind = queries.rubric_choice(wf, application_id)
    if chosen:
        return sheets.rubric_by_label(wf, chosen)
    return rubrics.default_rubrics()[kind]


class ScoringPanel(QWidget):
    def __init__(self, wf: WorkingFile, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf = wf
        self.runner = runner
        runner.changed.connect(self.apply_changes)
        self.form = f = load_form("scoring_panel", self, margin=0)
        self.table = SheetView(self)
        f.splitter.replaceWidget(1, self.table)
        f.sheetTable.deleteLater()
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().setVisible(False)
        f.splitter.setSizes([360, 900])
        self.model: SheetModel | None = None
        self.sheet: sheets.Sheet | None = None
        self.locked_on = None  # the date the chair consolidated the open sheet's round
        self.expert_id: int | None = None
        self.application_id: int | None = None
        self.submit_dialog: SubmitDialog | None = None
        f.expertCombo.currentIndexChanged.connect(lambda _i: self._fill_applications())
        f.applicationCombo.currentIndexChanged.connect(lambda _i: self.open_current())
        f.submitButton.clicked.connect(self.start_submit)
        f.overviewButton.clicked.connect(self.show_overview)
        f.conflictButton.clicked.connect(self.declare_conflict)
        f.correctButton.clicked.connect(lambda: self.start_correction())
        f.paperButton.clicked.connect(self.enter_paper_sheet)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, activated=self.redo)
        f.undoButton.clicked.connect(self.undo)
        f.redoButton.clicked.connect(self.redo)
        self.reload()

    # -- choosing ---------------------------------------------------------------------------------
    def reload(self) -> None:
        f = self.form
        combo = f.expertCombo
        current = combo.currentData()
        owner = expert_file.expert_of(self.wf)  # an expert's own laptop file: blind, locked to them
        combo.blockSignals(True)
        combo.clear()
        for expert_id, name in panel.panel_experts(self.wf):
            if owner is None or expert_id == owner:
                combo.addItem(name, expert_id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.setEnabled(owner is None)
        for secretary_only in (f.paperButton, f.overviewButton):
            secretary_only.setVisible(owner is None)
        combo.blockSignals(False)
        self._fill_applications()

    def _fill_applications(self) -> None:
        combo = self.form.applicationCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        expert_id = self.form.expertCombo.currentData()
        if expert_id is not None:  # blind scoring: only this expert's own assignments and sheets
            marks = {"submitted": "✓", "draft": "…", "conflicted": "✗"}
            for app_id, name, state in panel.assignments_of(self.wf, expert_id):
                combo.addItem(f"{marks.get(state, '○')} {name}", app_id)
        combo.setCurrentIndex(max(combo.findData(current), 0))  # the expert stays where they were
        combo.blockSignals(False)
        self.open_current()

    def open_current(self) -> None:
        f = self.form
        expert_id, app_id = f.expertCombo.currentData(), f.applicationCombo.currentData()
        f.messageLabel.clear()
        if expert_id is None or app_id is None:
            self.table.setModel(None)
            self.model = self.sheet = None
            f.factsLabel.setText(self.tr("Choose an expert and one of their applications."))
            self._update_totals()
            return
        try:
            self.sheet = sheets.current_sheet(self.wf, expert_id, app_id)  # looking writes nothing
            rubric = (sheets.rubric_by_label(self.wf, self.sheet.rubric_label) if self.sheet
                      else rubric_for(self.wf, app_id))
        except (RuleViolation, ValueError) as exc:
            f.messageLabel.setText(_message(exc))
            self.table.setModel(None)
            self.model = self.sheet = None
            return
        self.expert_id, self.application_id = expert_id, app_id
        entries = self.sheet.entries if self.sheet else {}
        self.locked_on = round_lock.lock_date_of_application(self.wf, app_id)  # consolidated by the chair
        read_only = (self.sheet is not None and self.sheet.status != "draft") or self.locked_on is not None
        self.model = SheetModel(rubric, entries, self._save, read_only=read_only, parent=self)
        self.model.on_refused = f.messageLabel.setText
        self.model.dataChanged.connect(lambda *_a: self._update_totals())
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SECTION, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COMMENT, 220)
        self.table.setColumnWidth(SECTION, 140)  # section titles elide; the whole title is on the first row
        self.table.selectionModel().currentChanged.connect(self._show_guidance)
        self.table.setCurrentIndex(self.model.index(0, SCORE))
        f.rubricLabel.setText(self.tr("Rubric: %1").replace("%1", rubric.label))
        self._show_facts(app_id)
        self._update_totals()

    # -- showing ----------------------------------------------------------------------------------
    def _show_facts(self, app_id: int) -> None:
        detail = queries.application_detail(self.wf, app_id)
        data = detail.data
        lines = [f"<b>{escape(data.enterprise_name)}</b>", escape(detail.round_title)]
        lines += [f"{m.rule} {escape(m.item)}：{escape(m.declared)}" for m in measure(data)[:5]]
        lines.append(self.tr("Valid invention patents: %1 · PCT: %2")
                     .replace("%1", str(data.valid_invention_patents or "—"))
                     .replace("%2", str(data.pct_applications or "—")))
        self.form.factsLabel.setText("<br>".join(lines))

    def _show_guidance(self, current, _previous=None) -> None:
        if self.model is None or not current.isValid():
            return
        criterion = self.model.criteria[current.row()]
        bands = "".join(f"<li><b>{escape(b.label)}</b> {rubrics.format_points(b.low)}–"
                        f"{rubrics.format_points(b.high)}：{escape(b.description)}</li>" for b in criterion.bands)
        step = self.tr("0 to %1 points, in steps of %2").replace("%1", rubrics.format_points(criterion.max_points)) \
            .replace("%2", rubrics.format_points(criterion.step))
        self.form.guidanceBrowser.setHtml(
            f"<h3>{escape(criterion.code)} {escape(criterion.title)}</h3><p>{step}</p>"
            f"<p>{escape(criterion.guidance)}</p><ul>{bands}</ul>")

    def _update_totals(self) -> None:
        f = self.form
        if self.model is None:
            f.totalLabel.setText("")
            f.progressLabel.setText("")
            f.submitButton.setEnabled(False)
            f.correctButton.setEnabled(False)
            return
        scores = self.model.scores()
        total = rubrics.total(scores)
        f.totalLabel.setText(self.tr("Total: %1 / %2").replace("%1", rubrics.format_points(total))
                             .replace("%2", rubrics.format_points(self.model.rubric.max_total)))
        f.progressLabel.setText("  ".join(f"{p.section_code} {p.filled}/{p.count}"
                                          for p in rubrics.section_progress(self.model.rubric, scores)))
        f.submitButton.setEnabled(not self.model.read_only and self.sheet is not None)
        f.correctButton.setEnabled(self.model.read_only and self.locked_on is None)
        f.conflictButton.setEnabled(not self.model.read_only)
        f.paperButton.setEnabled(self.locked_on is None)  # a consolidated round takes no paper sheet either
        if self.locked_on is not None:
            f.messageLabel.setStyleSheet("color: #1b7f3b;")
            f.messageLabel.setText(self.tr("Consolidated on %1: read-only.")
                                   .replace("%1", self.locked_on.isoformat()))
        elif self.model.read_only and self.sheet is not None:
            f.messageLabel.setStyleSheet("color: #1b7f3b;")
            f.messageLabel.setText(self.tr("Submitted (revision %1): read-only.").replace("%1", str(self.sheet.revision)))
        else:
            f.messageLabel.setStyleSheet("color: #b00020;")
        f.undoButton.setEnabled(self.model.undo_stack.canUndo())
        f.redoButton.setEnabled(self.model.undo_stack.canRedo())

    # -- editing ----------------------------------------------------------------------------------
    def _save(self, code: str, points, comment: str, saved, failed) -> None:
        """One score, one operation: the first one also keeps the rubric, creates the draft and
        freezes the round's rubric (`sheet_ops.score`)."""
        model = self.model

        def done(changes: Changes) -> None:
            if self.model is model:
                self.sheet = changes.value
                saved()
                self._update_totals()

        self.runner.run(sheet_ops.score, self.expert_id, self.application_id, model.rubric, code, points, comment,
                        parent=self, initiator=model, on_done=done, on_refused=lambda exc: failed(_message(exc)),
                        on_failed=lambda exc: failed(None) if not isinstance(exc, RuleViolation) else None)

    def undo(self) -> None:
        if self.model is not None:
            self.model.undo_stack.undo()
            self._update_totals()

    def redo(self) -> None:
        if self.model is not None:
            self.model.undo_stack.redo()
            self._update_totals()

    def enter_paper_sheet(self) -> None:
        """The secretary keys an expert's paper sheet for the chosen application, twice and blind."""
        from hvp_desktop.gui.paper_entry import PaperEntryDialog

        f = self.form
        expert_id, app_id = f.expertCombo.currentData(), f.applicationCombo.currentData()
        if expert_id is None or app_id is None:
            return
        self.paper_dialog = PaperEntryDialog(self.wf, self.runner, expert_id, app_id, rubric_for(self.wf, app_id), self)
        self.paper_dialog.open()

    def start_correction(self, reason: str | None = None) -> bool:
        """A submitted sheet is corrected in a new draft revision; the reason is kept with it."""
        from PySide6.QtWidgets import QInputDialog

        if self.sheet is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Correct the sheet"),
                                              self.tr("Why must the submitted sheet be corrected?"))
            if not ok:
                return False
        self.runner.run(sheet_ops.correct, self.sheet.id, reason, parent=self,
                        on_refused=lambda exc: self.form.messageLabel.setText(_message(exc)))
        return True  # the new draft revision opens when the change is announced

    def apply_changes(self, changes: Changes, initiator=None) -> None:
        """Refresh what an operation touched (a panel, an assignment, a conflict, a sheet, a
        confirmation or its withdrawal); a score this form just saved is already shown."""
        if initiator is not None and initiator is self.model:
            return
        if changes.concerns("experts", "seats"):
            self.reload()
        elif changes.concerns("assignments", "conflicts", "sheets", "ranking", "settings", "decisions", "rubrics"):
            self._fill_applications()

    def declare_conflict(self, reason: str | None = None) -> bool:
        """The expert declares a conflict with the current application: it leaves their list."""
        from PySide6.QtWidgets import QInputDialog

        from hvp_desktop.domain.model import ConflictSource

        f = self.form
        expert_id, app_id = f.expertCombo.currentData(), f.applicationCombo.currentData()
        if expert_id is None or app_id is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getMultiLineText(
                self, self.tr("Declare a conflict of interest"),
                self.tr("Why can you not score this application impartially?"))
            if not ok:
                return False
        self.runner.run(panel_ops.record_conflict, expert_id, app_id, ConflictSource.DECLARED, reason, parent=self,
                        on_refused=lambda exc: f.messageLabel.setText(_message(exc)))
        return True

    def show_overview(self) -> None:
        app_id = self.form.applicationCombo.currentData()
        rounds = queries.round_list(self.wf)
        round_id = queries.application_detail(self.wf, app_id).round_id if app_id else (rounds[0][0] if rounds else None)
        if round_id is not None:
            self.overview = SheetsOverview(self.wf, round_id, self)
            self.overview.open()

    def start_submit(self) -> None:
        if self.sheet is None or self.model is None:
            return
        problems = sheets.submission_problems(self.model.rubric, sheets.get_sheet(self.wf, self.sheet.id))
        if problems:
            self.form.messageLabel.setText(self.tr("Not ready: %1").replace("%1", "；".join(problems[:3])))
            return
        self.submit_dialog = SubmitDialog(self.runner, self.sheet.id, self.model.total(), self)
        self.submit_dialog.open()


class SubmitDialog(QDialog):
    def __init__(self, runner: Runner, sheet_id: int, total, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.sheet_id = runner, sheet_id
        self.setWindowTitle(self.tr("Submit and sign"))
        self.form = f = load_form("submit_dialog", self)
        f.summaryLabel.setText(self.tr("Total %1 points. After submission the sheet is read-only; a correction "
                                       "becomes a new revision with a reason.").replace("%1", rubrics.format_points(total)))
        f.statementCheck.setText(sheets.STATEMENT)
        self.pad = SignaturePad(f.padHolder)
        QVBoxLayout(f.padHolder).addWidget(self.pad)
        f.clearButton.clicked.connect(self.pad.clear)
        f.buttonBox.accepted.connect(self.submit)
        f.buttonBox.rejected.connect(self.reject)
        self.resize(600, 420)

    def submit(self) -> None:
        f = self.form
        if self.pad.is_empty():
            f.messageLabel.setText(self.tr("Please sign in the box."))
            return
        f.buttonBox.setEnabled(False)  # one submission at a time

        def refused(exc: RuleViolation) -> None:
            f.buttonBox.setEnabled(True)
            f.messageLabel.setText(_message(exc))

        self.runner.run(sheet_ops.submit, self.sheet_id, statement_confirmed=f.statementCheck.isChecked(),
                        signature_strokes=self.pad.strokes, signature_png=self.pad.to_png(), parent=self,
                        on_done=lambda _c: self.accept(), on_refused=refused,
                        on_failed=lambda _e: f.buttonBox.setEnabled(True))


class SheetsOverview(QDialog):
    """Experts × applications of one round, each sheet's state: who is the chair still waiting for."""

    SYMBOLS = {"submitted": "✓", "draft": "…", "not_started": "○", "conflicted": "回避", "not_assigned": ""}

    def __init__(self, wf: WorkingFile, round_id: int, parent: QWidget | None = None) -> None:
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QCheckBox, QLabel, QTableWidget, QTableWidgetItem

        super().__init__(parent)
        matrix = panel.sheet_matrix(wf, round_id)
        self.setWindowTitle(self.tr("Sheets overview"))
        layout = QVBoxLayout(self)
        missing = matrix.missing()
        layout.addWidget(QLabel(self.tr("✓ submitted · … draft · ○ not started · 回避 conflict of interest. "
                                        "Still missing: %1 sheet(s).").replace("%1", str(len(missing))), self))
        self.only_missing = QCheckBox(self.tr("Only applications with missing sheets"), self)
        layout.addWidget(self.only_missing)
        self.table = QTableWidget(len(matrix.applications), len(matrix.experts), self)
        self.table.setHorizontalHeaderLabels(
            [name + (" ★" if role == "chair" else "") for _id, name, role in matrix.experts])
        self.table.setVerticalHeaderLabels([name for _id, name in matrix.applications])
        colours = {"submitted": "#1b7f3b", "draft": "#a15c00", "not_started": "#b00020", "conflicted": "#666666"}
        for r, (app_id, _name) in enumerate(matrix.applications):
            for c, (expert_id, _n, _role) in enumerate(matrix.experts):
                state = matrix.cells[(expert_id, app_id)]
                item = QTableWidgetItem(self.SYMBOLS[state])
                item.setData(0x0100, state)  # Qt.UserRole: the state id, for filters and tests
                if state in colours:
                    item.setForeground(QColor(colours[state]))
                self.table.setItem(r, c, item)
        self.missing_rows = {r for r, (app_id, _n) in enumerate(matrix.applications)
                             if any(a == app_id for _e, a in missing)}
        self.only_missing.toggled.connect(self._filter)
        layout.addWidget(self.table)
        self.resize(900, 520)

    def _filter(self, only: bool) -> None:
        for r in range(self.table.rowCount()):
            self.table.setRowHidden(r, only and r not in self.missing_rows)

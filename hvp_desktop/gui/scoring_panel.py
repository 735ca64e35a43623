"""The expert's scoring form: the application's key facts and the rubric's guidance beside the
sheet; keyboard-only flow (Tab / Enter through criteria, digits type a score); undo/redo; every
change saved at once; submit with the conflict-of-interest statement and a drawn signature.

Beside the form (issue 19): the application's documents (F6 or the Documents button shows or
hides them; the width is remembered), each opening at the page the expert left, with their private
notes per page kept in the working file; in an assessment round, the on-site findings of the
checklist items that inform each criterion, in the sheet's last column and in full under the
guidance for the current criterion."""

from __future__ import annotations

import functools
from html import escape

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCompleter,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import labels, settings
from hvp_desktop.gui.document_viewer import DocumentViewer, ThumbnailStrip
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.scoring_model import (
    COMMENT,
    FINDINGS,
    SCORE,
    SECTION,
    STATUS_COLOURS,
    TITLE,
    SheetModel,
    figure_text,
    status_text,
    threshold_text,
)
from hvp_desktop.gui.signature_pad import SignaturePad
from hvp_desktop.gui.tasks import run_task
from hvp_desktop.gui.widgets import fit_popup
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import expert_file, panel, queries, round_lock, sheets, visits
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from hvp_desktop.store.ops import visits as visit_ops
from hvp_desktop.store.ops.core import Changes

DOCUMENTS_SHORTCUT = "F6"
DOCUMENTS_WIDTH = 480  # the pane's first width at 1366×768; then the one the expert left
REMEMBER_PAGE_MS = 1500  # the page left is written once paging pauses this long


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
            model = self.model()
            if getattr(model, "refusal", lambda _row: None)(current.row()):
                return  # a refused score keeps the cursor: fix it first
            if current.row() + 1 < model.rowCount():
                self.setCurrentIndex(model.index(current.row() + 1, SCORE))


def rubric_for(wf: WorkingFile, application_id: int) -> rubrics.Rubric:
    """The round's rubric (chosen or frozen), else the default of the round's kind. Reading only:
    the default is stored, and the round's rubric frozen, by the first saved score."""
    chosen, kind = queries.rubric_choice(wf, application_id)
    if chosen:
        return sheets.rubric_by_label(wf, chosen)
    return rubrics.default_rubrics()[kind]


class ScoringPanel(QWidget):
    # How an application is marked in the expert's list; the unscored come first.
    MARKS = {"not_started": "○", "draft": "✎", "submitted": "✓"}
    ORDER = {"not_started": 0, "draft": 1, "submitted": 2}

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
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().setVisible(False)
        f.splitter.setStretchFactor(0, 0)
        f.splitter.setStretchFactor(1, 1)
        f.splitter.setSizes([330, 850])
        self.documents = DocumentsPane(wf, runner, self)
        f.documentsSplitter.replaceWidget(1, self.documents)
        f.documentsPane.deleteLater()
        f.documentsSplitter.setCollapsible(0, False)
        f.documentsSplitter.setStretchFactor(0, 1)
        f.documentsSplitter.setStretchFactor(1, 0)
        f.documentsSplitter.splitterMoved.connect(lambda *_a: self._documents_moved())
        f.documentsButton.setToolTip(self.tr("Show or hide the application's documents beside the form (%1)")
                                     .replace("%1", DOCUMENTS_SHORTCUT))
        f.documentsButton.toggled.connect(self.show_documents)
        QShortcut(QKeySequence(DOCUMENTS_SHORTCUT), self, activated=self.toggle_documents,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        f.findingsBox.setVisible(False)
        self._findings: dict | None = None  # criterion code → [(item, finding)]; None: not an assessment
        self._round_kinds: dict[int, str] = {}
        self.model: SheetModel | None = None
        self.sheet: sheets.Sheet | None = None
        self.locked_on = None  # the date the chair consolidated the open sheet's round
        self.expert_id: int | None = None
        self.application_id: int | None = None
        self.submit_dialog: SubmitDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self._assignments: list[queries.ExpertAssignment] = []
        # Type-ahead: a few characters of the name, anywhere in it, find the application.
        combo = f.applicationCombo
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.lineEdit().setPlaceholderText(self.tr("Type part of a name"))
        f.expertCombo.currentIndexChanged.connect(lambda _i: self._fill_rounds())
        f.roundCombo.currentIndexChanged.connect(lambda _i: self._fill_applications())
        combo.currentIndexChanged.connect(lambda _i: self.open_current())
        combo.activated.connect(lambda _i: self.focus_first_score())  # chosen by the user: score at once
        f.submitButton.clicked.connect(self.start_submit)
        f.overviewButton.clicked.connect(self.show_overview)
        f.conflictButton.clicked.connect(lambda: self.declare_conflict())  # (clicked passes a bool)
        f.correctButton.clicked.connect(lambda: self.start_correction())
        f.paperButton.clicked.connect(self.enter_paper_sheet)
        # Issue 20: the submitted sheet printed (a draft is not a sheet yet)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(lambda: self.print_sheet())
        f.footerRow.insertWidget(f.footerRow.indexOf(f.submitButton), self.print_button)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, activated=self.redo)
        f.undoButton.clicked.connect(self.undo)
        f.redoButton.clicked.connect(self.redo)
        self.reload()
        shown = settings.settings().value("scoring/documents_shown", True)
        self.show_documents(shown not in (False, "false", 0, "0"))

    # -- the documents beside the form ------------------------------------------------------------
    def documents_shown(self) -> bool:
        return not self.documents.isHidden() and self.form.documentsSplitter.sizes()[1] > 0

    def toggle_documents(self) -> None:
        self.show_documents(not self.documents_shown())

    def show_documents(self, shown: bool) -> None:
        f = self.form
        f.documentsButton.blockSignals(True)
        f.documentsButton.setChecked(shown)
        f.documentsButton.blockSignals(False)
        store = settings.settings()
        if shown:
            self.documents.setVisible(True)
            width = int(store.value("scoring/documents_width", DOCUMENTS_WIDTH) or DOCUMENTS_WIDTH)
            total = max(sum(f.documentsSplitter.sizes()), self.width(), width + 400)
            width = min(max(width, 240), total - 400)
            f.documentsSplitter.setSizes([total - width, width])
            left = sum(f.splitter.sizes())
            if left > 0:
                f.splitter.setSizes([min(270, left // 3), left - min(270, left // 3)])
        else:
            self._documents_moved()
            self.documents.setVisible(False)
        store.setValue("scoring/documents_shown", shown)
        self.documents.set_active(shown)
        if self.model is not None:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Narrower facts and comment columns while the documents take half the screen."""
        shown = not self.documents.isHidden()
        self.table.setColumnWidth(COMMENT, 130 if shown else 200)
        self.table.setColumnWidth(SECTION, 90 if shown else 120)

    def _documents_moved(self) -> None:
        """Keep the width the expert gave the pane; dragged shut, it is hidden."""
        width = self.form.documentsSplitter.sizes()[1]
        if self.documents.isHidden():
            return
        if width > 0:
            settings.settings().setValue("scoring/documents_width", width)
        elif self.form.documentsButton.isChecked():
            self.form.documentsButton.blockSignals(True)
            self.form.documentsButton.setChecked(False)
            self.form.documentsButton.blockSignals(False)
            settings.settings().setValue("scoring/documents_shown", False)
            self.documents.set_active(False)

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
        fit_popup(combo)
        combo.setEnabled(owner is None)
        for secretary_only in (f.paperButton, f.overviewButton):
            secretary_only.setVisible(owner is None)
        combo.blockSignals(False)
        self._fill_rounds()

    def _fill_rounds(self) -> None:
        """The rounds in which the chosen expert has applications to score."""
        combo = self.form.roundCombo
        current = combo.currentData()
        expert_id = self.form.expertCombo.currentData()
        self._assignments = queries.expert_assignments(self.wf, expert_id) if expert_id is not None else []
        rounds = [r for r in queries.rounds(self.wf) if any(a.round_id == r.id for a in self._assignments)]
        self._round_kinds = {r.id: str(r.kind) for r in rounds}
        combo.blockSignals(True)
        combo.clear()
        for r in rounds:
            combo.addItem(labels.round_title(r.year, r.kind), r.id)
        index = combo.findData(current)
        if index < 0:  # first choice: the newest round with something still to score
            open_rounds = {a.round_id for a in self._assignments if a.state in ("not_started", "draft")}
            index = next((i for i, r in enumerate(rounds) if r.id in open_rounds), 0)
        combo.setCurrentIndex(index)
        fit_popup(combo)
        combo.blockSignals(False)
        self._fill_applications()

    def _fill_applications(self) -> None:
        """The chosen round's applications of this expert, unscored first; a declared conflict
        takes the application off the list (blind scoring: only their own assignments)."""
        combo = self.form.applicationCombo
        current = combo.currentData()
        round_id = self.form.roundCombo.currentData()
        shown = sorted((a for a in self._assignments if a.round_id == round_id and a.state in self.ORDER),
                       key=lambda a: self.ORDER[a.state])  # stable: by name within each state
        combo.blockSignals(True)
        combo.clear()
        for a in shown:
            text = f"{self.MARKS[a.state]} {a.enterprise_name}"
            if a.state != "not_started":
                text += f" ({labels.sheet_state_label(a.state)})"
            combo.addItem(text, a.application_id)
        combo.setCurrentIndex(max(combo.findData(current), 0))  # the expert stays where they were
        combo.blockSignals(False)
        self.open_current()

    def choose(self, expert_id: int, application_id: int) -> bool:
        """Show this expert's sheet for this application (its round chosen for it)."""
        f = self.form
        if f.expertCombo.findData(expert_id) < 0:
            return False
        f.expertCombo.setCurrentIndex(f.expertCombo.findData(expert_id))
        found = next((a for a in self._assignments if a.application_id == application_id), None)
        if found is None:
            return False
        f.roundCombo.setCurrentIndex(f.roundCombo.findData(found.round_id))
        index = f.applicationCombo.findData(application_id)
        if index < 0:
            return False
        f.applicationCombo.setCurrentIndex(index)
        return True

    def focus_first_score(self) -> None:
        if self.model is not None:
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, SCORE))

    def open_current(self) -> None:
        f = self.form
        expert_id, app_id = f.expertCombo.currentData(), f.applicationCombo.currentData()
        same = (expert_id, app_id) == (self.expert_id, self.application_id) and self.model is not None
        where = self.table.currentIndex() if same else None  # a reload keeps the expert's place
        f.messageLabel.clear()
        if expert_id is None or app_id is None:
            self.table.setModel(None)
            self.model = self.sheet = None
            self.expert_id = self.application_id = None
            f.factsLabel.setText(self.tr("Choose an expert, a round and one of their applications."))
            f.rubricLabel.clear()
            f.guidanceBrowser.clear()
            f.findingsBox.setVisible(False)
            self.documents.set_application(None, None)
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
            self.documents.set_application(None, None)
            return
        self.expert_id, self.application_id = expert_id, app_id
        self.documents.set_application(expert_id, app_id)
        entries = self.sheet.entries if self.sheet else {}
        self.locked_on = round_lock.lock_date_of_application(self.wf, app_id)  # consolidated by the chair
        read_only = (self.sheet is not None and self.sheet.status != "draft") or self.locked_on is not None
        self.model = SheetModel(rubric, entries, self._save, read_only=read_only, parent=self)
        self.model.on_refused = self._refused
        self.model.dataChanged.connect(lambda *_a: self._update_totals())
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SECTION, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COMMENT, 200)
        self.table.setColumnWidth(SECTION, 120)  # section titles elide; the whole title is the tooltip
        header.setSectionResizeMode(FINDINGS, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(FINDINGS, 64)  # marks; the findings in words and figures are the tooltip
        self._fit_columns()
        self._load_findings()
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().currentChanged.connect(self._show_guidance)
        self.table.setCurrentIndex(where if where is not None and where.isValid()
                                   else self.model.index(0, SCORE))
        f.rubricLabel.setText(self.tr("Rubric: %1").replace("%1", rubric.label))
        f.rubricLabel.setToolTip(rubric.label)
        self._show_facts(app_id)
        self._update_totals()

    def _refused(self, text: str) -> None:
        """A refused score's reason, or "" once none is left (the cell itself stays marked)."""
        self.form.messageLabel.setStyleSheet("color: #b00020;")
        self.form.messageLabel.setText(text)
        if not text:
            self._update_totals()

    # -- showing ----------------------------------------------------------------------------------
    def _show_facts(self, app_id: int) -> None:
        detail = queries.application_detail(self.wf, app_id)
        data = detail.data
        lines = [f"<b>{escape(data.enterprise_name)}</b>", escape(self.form.roundCombo.currentText())]
        lines += [f"{rule} {escape(item)}: {escape(declared)}" for rule, item, declared, _meets
                  in labels.measures(data)[:5]]
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
        self._show_findings(criterion)

    # -- the on-site findings beside each criterion (assessment rounds) -----------------------------
    def _load_findings(self) -> None:
        """The current expert's visit to this centre, by criterion; nothing in a recognition round."""
        f = self.form
        kind = self._round_kinds.get(f.roundCombo.currentData())
        if self.model is None or kind in (None, "recognition"):
            self._findings = None
        else:
            mine = visits.visits_of(self.wf, self.application_id, self.expert_id)
            self._findings = visits.findings_by_criterion(mine[-1]) if mine else {}
        if self.model is not None:
            self.model.set_findings(self._findings)
            self.table.setColumnHidden(FINDINGS, self._findings is None)
        f.findingsBox.setVisible(self._findings is not None)
        current = self.table.currentIndex()
        if self.model is not None and current.isValid():
            self._show_findings(self.model.criteria[current.row()])

    def _show_findings(self, criterion) -> None:
        browser = self.form.findingsBrowser
        if self._findings is None:
            browser.clear()
            return
        if not self._findings:
            browser.setHtml("<p style='color:#555555'>" + escape(self.tr(
                "No on-site visit recorded by %1 for this centre yet.").replace(
                "%1", self.form.expertCombo.currentText())) + "</p>")
            return
        found = self._findings.get(criterion.code, [])
        if not found:
            browser.setHtml("<p style='color:#555555'>" + escape(self.tr(
                "No checklist item informs %1.").replace("%1", criterion.code)) + "</p>")
            return
        blocks = []
        for item, finding in found:
            colour = STATUS_COLOURS[finding.status]
            lines = [f"<b>{escape(item.code)} {escape(item.title)}</b>: "
                     f"<span style='color:{colour}; font-weight:bold'>{escape(status_text(finding.status))}</span>"]
            if finding.figure is not None:
                lines.append(escape(self.tr("Found: %1").replace("%1", figure_text(item, finding.figure))))
                problem = threshold_text(item, finding.figure)
                if problem:
                    lines.append(f"<span style='color:#b00020'>⚠ {escape(problem)}</span>")
            if finding.note:
                lines.append(f"<i>{escape(finding.note)}</i>")
            blocks.append("<p>" + "<br>".join(lines) + "</p>")
        browser.setHtml("".join(blocks))

    def _update_totals(self) -> None:
        f = self.form
        if self.model is None:
            f.totalLabel.setText("")
            f.progressLabel.setText("")
            f.submitButton.setEnabled(False)
            f.correctButton.setEnabled(False)
            self.print_button.setEnabled(False)
            return
        scores = self.model.scores()
        total = rubrics.total(scores)
        f.totalLabel.setText(self.tr("Total: %1 / %2").replace("%1", rubrics.format_points(total))
                             .replace("%2", rubrics.format_points(self.model.rubric.max_total)))
        progress = rubrics.section_progress(self.model.rubric, scores)
        f.progressLabel.setText(self.tr("Scored: %1").replace("%1", " · ".join(
            f"{p.section_code} {p.filled}/{p.count}" for p in progress)))
        f.submitButton.setEnabled(not self.model.read_only and self.sheet is not None)
        f.correctButton.setEnabled(self.model.read_only and self.locked_on is None)
        printable = self.sheet is not None and self.sheet.status == "submitted"
        self.print_button.setEnabled(printable)
        self.print_button.setToolTip(self.tr("Print the submitted sheet") if printable else
                                     self.tr("A draft cannot be printed as a score sheet: submit it first."))
        f.conflictButton.setEnabled(not self.model.read_only)
        f.paperButton.setEnabled(self.locked_on is None)  # a consolidated round takes no paper sheet either
        if self.model.refused:
            f.messageLabel.setStyleSheet("color: #b00020;")  # a refused score is still in its cell
        elif self.locked_on is not None:
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
        self.paper_dialog = PaperEntryDialog(self.wf, self.runner, expert_id, app_id, rubric_for(self.wf, app_id), self,
                                             expert_name=f.expertCombo.currentText())
        self.paper_dialog.open()

    def start_correction(self, reason: str | None = None) -> bool:
        """A submitted sheet is corrected in a new draft revision; the reason is kept with it.
        Without a reason, a dialog asks for it."""
        if self.sheet is None:
            return False
        sheet_id = self.sheet.id
        if reason is None:
            self.reason_dialog = ReasonDialog(
                self.runner, self.tr("Correct the sheet"),
                self.tr("Why must the submitted sheet be corrected? The reason is kept with the new revision."),
                lambda text: (sheet_ops.correct, (sheet_id, text)), self)
            self.reason_dialog.open()
            return True
        self.runner.run(sheet_ops.correct, sheet_id, reason, parent=self,
                        on_refused=lambda exc: self.form.messageLabel.setText(_message(exc)))
        return True  # the new draft revision opens when the change is announced

    def apply_changes(self, changes: Changes, initiator=None) -> None:
        """Refresh what an operation touched (a panel, an assignment, a conflict, a sheet, a
        confirmation or its withdrawal); a score this form just saved is already shown."""
        if self.application_id is not None and initiator is not self.documents:
            if self.application_id in changes.documents:
                self.documents.refresh()
            if self.application_id in changes.visits and self.model is not None:
                self._load_findings()
        if initiator is not None and initiator is self.model:
            return
        if changes.concerns("experts", "seats"):
            self.reload()
        elif changes.concerns("assignments", "conflicts", "sheets", "ranking", "settings", "decisions", "rubrics",
                              "rounds"):
            self._fill_rounds()

    def declare_conflict(self, reason: str | None = None) -> bool:
        """The expert declares a conflict with the current application (申请回避): it leaves
        their list. Without a reason, a dialog asks for it."""
        from hvp_desktop.domain.model import ConflictSource

        f = self.form
        expert_id, app_id = f.expertCombo.currentData(), f.applicationCombo.currentData()
        if expert_id is None or app_id is None:
            return False
        if reason is None:
            name = next((a.enterprise_name for a in self._assignments if a.application_id == app_id), "")
            self.reason_dialog = ReasonDialog(
                self.runner, self.tr("Declare a conflict of interest"),
                self.tr("%1 and %2: why can you not score this application impartially? The application "
                        "leaves your list.").replace("%1", f.expertCombo.currentText()).replace("%2", name),
                lambda text: (panel_ops.record_conflict, (expert_id, app_id, ConflictSource.DECLARED, text)), self)
            self.reason_dialog.open()
            return True
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

    def print_sheet(self):
        """Print…: the submitted sheet as its PDF (rendered off the GUI thread), in the print preview."""
        from hvp_desktop.gui.pdf_dialogs import print_sheet

        if self.sheet is None or self.sheet.status != "submitted":
            return None
        title = self.tr("Score sheet of %1").replace("%1", self.form.applicationCombo.currentText())
        self.print_task = print_sheet(self, self.wf, self.sheet.id, title)
        return self.print_task

    def start_submit(self) -> None:
        if self.sheet is None or self.model is None:
            return
        problems = sheets.submission_problems(self.model.rubric, sheets.get_sheet(self.wf, self.sheet.id),
                                              settings.ui_language())
        if problems:
            self.form.messageLabel.setText(self.tr("Not ready: %1").replace("%1", "；".join(problems[:3])))
            return
        self.submit_dialog = SubmitDialog(self.runner, self.sheet.id, self.model.total(), self,
                                          expert_id=self.expert_id)
        self.submit_dialog.open()


class DocumentsPane(QWidget):
    """The application's documents beside the form: thumbnails, and the chosen one in the viewer at
    the page this expert left, with their notes per page. Bytes, notes and the page are read on a
    worker (`tasks.run_task`), never on the GUI thread; a note is saved when the viewer says it
    changed (after a pause in typing), the page left once paging pauses (REMEMBER_PAGE_MS)."""

    def __init__(self, wf: WorkingFile, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf, self.runner = wf, runner
        self.expert_id: int | None = None
        self.application_id: int | None = None
        self.items: list[visits.AttachmentInfo] = []
        self.active = False  # shown: documents are read only for a visible pane
        self._stale = True  # the list is to be read again when the pane is next active
        self._request = 0
        self._chosen: dict[int, int] = {}  # application → the document last opened in it
        self._page_left: tuple[int, int, int] | None = None  # (attachment, expert, page) still to write
        self._remember = QTimer(self, singleShot=True, interval=REMEMBER_PAGE_MS, timeout=self.flush_page)
        self.loading = None  # the running read (a tasks.Task)

        self.title = QLabel(self.tr("The application's documents"))
        self.title.setStyleSheet("font-weight: bold;")
        self.strip = ThumbnailStrip(self, thumb_size=56)
        self.strip.set_removable(False)  # the secretariat's: kept, not removed from here
        self.strip.setAcceptDrops(False)
        self.strip.viewport().setAcceptDrops(False)
        self.strip.setToolTip(self.tr("Click a document to open it beside the form"))
        self.viewer = DocumentViewer(self)
        self.viewer.set_notes_enabled(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #555555;")
        shown = QWidget(self)
        column = QVBoxLayout(shown)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.strip)
        column.addWidget(self.viewer, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        self.strip.document_activated.connect(lambda key: self.open_document(int(key)))
        self.viewer.page_changed.connect(self._page_changed)
        self.viewer.note_edited.connect(self._note_edited)
        self._say(self.tr("Choose an application to see its documents."))

    # -- what is shown ------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def set_active(self, active: bool) -> None:
        self.active = active
        if active and self._stale:
            self.refresh()
        elif not active:
            self.keep_typed()

    def set_application(self, expert_id: int | None, application_id: int | None) -> None:
        if (expert_id, application_id) == (self.expert_id, self.application_id):
            return
        self.keep_typed()
        self.viewer.clear()
        self.expert_id, self.application_id = expert_id, application_id
        self.items = []
        self.strip.set_items([])
        self._stale = True
        if self.active:
            self.refresh()

    def refresh(self) -> None:
        """Read the application's list of documents again (cheap); the one shown stays if it still is."""
        self._stale = False
        if self.application_id is None or self.expert_id is None:
            self.items = []
            self._say(self.tr("Choose an application to see its documents."))
            return
        self.items = visits.documents_of(self.wf, self.application_id)
        if not self.items:
            self.viewer.clear()
            self.strip.set_items([])
            self._say(self.tr("No documents for this application"))
            return
        wf = self.wf
        self.strip.set_items([(str(d.id), d.filename, d.media_type, functools.partial(visits.attachment_bytes, wf, d.id))
                              for d in self.items])
        self.stack.setCurrentIndex(1)
        ids = [d.id for d in self.items]
        shown = self.viewer.key()
        if shown is not None and int(shown) in ids:
            self.strip.set_current(shown)
            return
        chosen = self._chosen.get(self.application_id)
        self.open_document(chosen if chosen in ids else ids[0])

    def open_document(self, attachment_id: int) -> None:
        """Read the bytes, the page left and the notes on a worker, then show them."""
        info = next((d for d in self.items if d.id == attachment_id), None)
        if info is None or self.expert_id is None:
            return
        self.strip.set_current(str(attachment_id))
        if self.viewer.key() == str(attachment_id):
            return
        self.keep_typed()
        self._chosen[self.application_id] = attachment_id
        self._request += 1
        request, wf, expert_id = self._request, self.wf, self.expert_id

        def read(_progress, _cancelled):
            return (visits.attachment_bytes(wf, attachment_id), visits.reading_position(wf, attachment_id, expert_id),
                    visits.page_notes(wf, attachment_id, expert_id))

        def done(result) -> None:
            if request != self._request or expert_id != self.expert_id:
                return  # another document was chosen meanwhile
            data, page, notes = result
            self.viewer.show_document(str(attachment_id), info.filename, info.media_type, data, page, notes)
            self.stack.setCurrentIndex(1)

        def failed(exc: BaseException) -> None:
            if request == self._request:
                self._say(self.tr("“%1” cannot be read from the working file: %2")
                          .replace("%1", info.filename).replace("%2", _message(exc)))

        self.loading = run_task(self, read, label=self.tr("Opening “%1”…").replace("%1", info.filename),
                                on_done=done, on_error=failed, cancellable=False)

    # -- what the expert leaves: the page, the notes ---------------------------------------------------
    def _page_changed(self, key: str, page: int) -> None:
        if self.expert_id is None:
            return
        if self._page_left is not None and self._page_left[0] != int(key):
            self.flush_page()
        self._page_left = (int(key), self.expert_id, page)
        self._remember.start()  # paging on quickly writes only where it stops

    def flush_page(self) -> None:
        self._remember.stop()
        left, self._page_left = self._page_left, None
        if left is not None:
            self._run(visit_ops.remember_page, *left)

    def _note_edited(self, key: str, page: int, text: str) -> None:
        if self.expert_id is not None:
            self._run(visit_ops.note_page, int(key), self.expert_id, page, text)

    def _run(self, op, *args) -> None:
        try:
            self.runner.run(op, *args, parent=self, initiator=self)
        except RuntimeError:  # the file is closing (the lock): the runner took its last write
            pass

    def keep_typed(self) -> None:
        """The note being typed and the page left, saved now (another document, application, hide)."""
        self.viewer.flush_note()
        self.flush_page()

    def hideEvent(self, event) -> None:
        self.keep_typed()
        super().hideEvent(event)


class ReasonDialog(QDialog):
    """Asks the written reason a step needs (a declared conflict, a correction) and runs its
    operation; a refusal stays in the dialog in red, so the text can be fixed."""

    def __init__(self, runner: Runner, title: str, question: str, operation, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit

        super().__init__(parent)
        self.runner, self.operation = runner, operation
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.question, self.text, self.message, self.buttons):
            layout.addWidget(widget)
        self.resize(480, 260)

    def submit(self) -> None:
        self.buttons.setEnabled(False)

        def refused(exc: RuleViolation) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(_message(exc))

        op, args = self.operation(self.text.toPlainText())
        self.runner.run(op, *args, parent=self, on_done=lambda _c: self.accept(), on_refused=refused,
                        on_failed=lambda _e: self.buttons.setEnabled(True))


class SubmitDialog(QDialog):
    def __init__(self, runner: Runner, sheet_id: int, total, parent: QWidget | None = None, *,
                 expert_id: int | None = None) -> None:
        super().__init__(parent)
        self.runner, self.sheet_id = runner, sheet_id
        self.setWindowTitle(self.tr("Submit and sign"))
        self.form = f = load_form("submit_dialog", self)
        f.summaryLabel.setText(self.tr("Total %1 points. After submission the sheet is read-only; a correction "
                                       "becomes a new revision with a reason.").replace("%1", rubrics.format_points(total)))
        # The statement the expert confirms (sheets.STATEMENT), in the UI's language
        f.statementCheck.setText(self.tr("I have no interest in common with this applicant.")
                                 if settings.ui_language() == "en" else sheets.STATEMENT)
        self.pad = SignaturePad(f.padHolder)
        QVBoxLayout(f.padHolder).addWidget(self.pad)
        f.clearButton.clicked.connect(self.pad.clear)
        # The sheet is signed as data with the expert's key (issue 20 §4): a key under a PIN needs it
        self.needs_pin = expert_id is not None and queries.identity_needs_pin(runner.wf, expert_id)
        f.pinLabel.setVisible(self.needs_pin)
        f.pinEdit.setVisible(self.needs_pin)
        f.buttonBox.accepted.connect(self.submit)
        f.buttonBox.rejected.connect(self.reject)
        self.resize(600, 420)

    def submit(self) -> None:
        f = self.form
        if self.pad.is_empty():
            f.messageLabel.setText(self.tr("Please sign in the box."))
            return
        if self.needs_pin and not f.pinEdit.text():
            f.messageLabel.setText(self.tr("Enter the PIN of your signing key."))
            f.pinEdit.setFocus()
            return
        f.buttonBox.setEnabled(False)  # one submission at a time

        def refused(exc: RuleViolation) -> None:
            f.buttonBox.setEnabled(True)
            f.messageLabel.setText(_message(exc))
            if exc.rule == "SIGN" and self.needs_pin:
                f.pinEdit.selectAll()
                f.pinEdit.setFocus()

        self.runner.run(sheet_ops.submit, self.sheet_id, statement_confirmed=f.statementCheck.isChecked(),
                        signature_strokes=self.pad.strokes, signature_png=self.pad.to_png(),
                        pin=f.pinEdit.text() if self.needs_pin else None, parent=self,
                        on_done=lambda _c: self.accept(), on_refused=refused,
                        on_failed=lambda _e: f.buttonBox.setEnabled(True))


class SheetsOverview(QDialog):
    """Experts × applications of one round, each sheet's state: who is the chair still waiting for."""

    SYMBOLS = {"submitted": "✓", "draft": "✎", "not_started": "○", "conflicted": "✗", "not_assigned": ""}

    def __init__(self, wf: WorkingFile, round_id: int, parent: QWidget | None = None) -> None:
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QCheckBox, QLabel, QTableWidget, QTableWidgetItem

        super().__init__(parent)
        matrix = panel.sheet_matrix(wf, round_id)
        self.setWindowTitle(self.tr("Sheets overview"))
        layout = QVBoxLayout(self)
        missing = matrix.missing()
        legend = QLabel(self.tr("✓ submitted · ✎ draft · ○ not started · ✗ stepped aside (conflict of interest). "
                                "Still missing: %1 sheet(s).").replace("%1", str(len(missing))), self)
        legend.setWordWrap(True)
        layout.addWidget(legend)
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

"""The on-site assessment checklist (现场核查, issue 19): the expert walks through the centre with a
laptop, item by item, and every change is saved at once.

Choosing: the expert (in an expert's own file, that expert only) and one of the centres they
assess (the applications of the assessment rounds — year 1, year 2, re-assessment after
rectification — they are assigned to). Looking at a centre opens the expert's visit there
(`open_visit`, created the first time; a re-assessment continues the failed assessment's visit).

Keys in the item list: 1 met, 2 partly met, 3 not met, 0 not checked; N or Down the next item,
P or Up the previous one (Alt+ the same on the buttons, from anywhere in the panel). Each status,
figure, note and header field is one operation on the runner's writer thread; evidence files are
read and stored there too, so a 10 MB photo never holds the GUI thread.

The outcome box shows what the assessment will be: the expert's sheet total (draft or submitted),
the veto items found not met deciding before points, the outcome under R17/R18 and, after a fail,
the items to rectify with the due date. The lifecycle decision itself stays with the round's
consolidation.
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from html import escape

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.gui import labels, settings
from hvp_desktop.gui.attachments import read_file
from hvp_desktop.gui.checklist_model import (
    BEFORE,
    CODE,
    EVIDENCE,
    FIGURE,
    KIND,
    NOTE,
    RULE,
    STATUS,
    TITLE,
    ChecklistModel,
    minimum_text,
    problem_text,
    word,
)
from hvp_desktop.gui.document_viewer import DocumentViewer, ThumbnailStrip
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.widgets import fit_popup
from hvp_desktop.store import expert_file, panel, queries, round_lock, sheets, visits
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import visits as visit_ops
from hvp_desktop.store.ops.core import Changes

ASSESSMENT_KINDS = ("year1", "year2", "rectification")
STATUS_KEYS = {
    Qt.Key.Key_1: checklists.Status.MET,
    Qt.Key.Key_2: checklists.Status.PARTLY,
    Qt.Key.Key_3: checklists.Status.NOT_MET,
    Qt.Key.Key_0: checklists.Status.NOT_CHECKED,
}
NOTE_PAUSE_MS = 800
HEADER_PAUSE_MS = 600
NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum: no date recorded yet


def add_evidence_file(wf: WorkingFile, visit_id: int, code: str, path: str) -> Changes:
    """On the writer thread: read the file and keep it as evidence (the bytes stay in memory and go
    into the encrypted file; nothing is written anywhere else)."""
    name, data = read_file(path)
    return visit_ops.add_evidence(wf, visit_id, code, name, data)


class ItemTable(QTableView):
    """The item list: digits set the status of the current item, N / P move (Down / Up too)."""

    def __init__(self, owner: ChecklistPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if plain and key in STATUS_KEYS:
            self.owner.set_status(STATUS_KEYS[Qt.Key(key)])
            return
        if plain and key == Qt.Key.Key_N:
            self.owner.next_item()
            return
        if plain and key == Qt.Key.Key_P:
            self.owner.previous_item()
            return
        super().keyPressEvent(event)


class EvidenceDialog(QDialog):
    """One piece of evidence, shown from memory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence"))
        self.viewer = DocumentViewer(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.viewer)
        self.resize(1000, 660)

    def done(self, result: int) -> None:
        self.viewer.clear()  # nothing of the file stays in the closed dialog
        super().done(result)


class ChecklistPanel(QWidget):
    def __init__(self, wf: WorkingFile, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf = wf
        self.runner = runner
        runner.changed.connect(self.apply_changes)
        self.form = f = load_form("checklist_panel", self, margin=0)
        self.table = ItemTable(self, self)
        f.leftLayout.replaceWidget(f.itemTable, self.table)
        f.itemTable.deleteLater()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)  # a row a finger can hit
        self.strip = ThumbnailStrip(f.stripHolder)
        holder = QVBoxLayout(f.stripHolder)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.strip)
        self.strip.set_removable(True)
        self.strip.document_activated.connect(self.open_evidence)
        self.strip.files_dropped.connect(self.add_evidence_files)
        self.strip.remove_requested.connect(self.remove_evidence)
        f.splitter.setStretchFactor(0, 3)
        f.splitter.setStretchFactor(1, 2)
        f.splitter.setSizes([780, 420])
        f.visitDate.setMinimumDate(NO_DATE)
        f.visitDate.setSpecialValueText(self.tr("not set"))
        f.visitDate.setDate(NO_DATE)

        self.model: ChecklistModel | None = None
        self.view: visits.VisitView | None = None
        self.expert_id: int | None = None
        self.application_id: int | None = None
        self.year: int | None = None
        self.kind: str | None = None
        self.locked_on: date | None = None  # the round's result was confirmed: the visit is read-only
        self.opening: tuple[int, int] | None = None  # (expert, application) whose visit is being opened
        self.evidence_dialog: EvidenceDialog | None = None
        self._loading = False
        self._note_code: str | None = None  # the item whose note the editor holds
        self._shown_evidence: tuple = ()

        f.expertCombo.currentIndexChanged.connect(lambda _i: self._fill_centres())
        f.centreCombo.currentIndexChanged.connect(lambda _i: self.open_current())
        f.centreCombo.activated.connect(lambda _i: self.table.setFocus())  # chosen: the items at once
        buttons = ((f.metButton, checklists.Status.MET), (f.partlyButton, checklists.Status.PARTLY),
                   (f.notMetButton, checklists.Status.NOT_MET), (f.notCheckedButton, checklists.Status.NOT_CHECKED))
        for button, status in buttons:
            button.clicked.connect(lambda _checked=False, s=status: self.set_status(s))
            button.setToolTip(word(checklists.STATUS_TEXT[status]))
        f.nextButton.clicked.connect(self.next_item)
        f.previousButton.clicked.connect(self.previous_item)
        f.addEvidenceButton.clicked.connect(self.choose_evidence)
        f.figureEdit.editingFinished.connect(self.save_figure)
        f.figureEdit.returnPressed.connect(self.table.setFocus)
        self.note_timer = QTimer(self, singleShot=True, interval=NOTE_PAUSE_MS, timeout=self.save_note)
        f.noteEdit.textChanged.connect(self._note_typed)
        f.noteEdit.installEventFilter(self)
        self.header_timer = QTimer(self, singleShot=True, interval=HEADER_PAUSE_MS, timeout=self.save_header)
        f.visitDate.dateChanged.connect(lambda _d: self._header_edited())
        for edit in (f.placeEdit, f.startEdit, f.endEdit, f.enterpriseEdit, f.panelEdit):
            edit.editingFinished.connect(self.save_header)
        self.reload()

    # -- choosing ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """The experts who assess some centre (in an expert's own file: that expert only)."""
        f = self.form
        combo = f.expertCombo
        current = combo.currentData()
        owner = expert_file.expert_of(self.wf)
        self._rounds = {r.id: r for r in queries.rounds(self.wf) if r.kind in ASSESSMENT_KINDS}
        self._assignments: dict[int, list[queries.ExpertAssignment]] = {}
        combo.blockSignals(True)
        combo.clear()
        for expert_id, name in panel.panel_experts(self.wf):
            if owner is not None and expert_id != owner:
                continue
            mine = [a for a in queries.expert_assignments(self.wf, expert_id)
                    if a.round_id in self._rounds and a.state != "conflicted"]
            if mine:
                self._assignments[expert_id] = mine
                combo.addItem(name, expert_id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        fit_popup(combo)
        combo.setEnabled(owner is None)
        combo.blockSignals(False)
        self._fill_centres()

    def _fill_centres(self) -> None:
        combo = self.form.centreCombo
        current = combo.currentData()
        expert_id = self.form.expertCombo.currentData()
        order = list(self._rounds)  # newest round first
        mine = sorted(self._assignments.get(expert_id, []), key=lambda a: order.index(a.round_id))
        combo.blockSignals(True)
        combo.clear()
        for a in mine:
            r = self._rounds[a.round_id]
            combo.addItem(f"{a.enterprise_name} — {labels.round_title(r.year, r.kind)}", a.application_id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        fit_popup(combo)
        combo.blockSignals(False)
        self.open_current()

    def choose(self, expert_id: int, application_id: int) -> bool:
        f = self.form
        if f.expertCombo.findData(expert_id) < 0:
            return False
        f.expertCombo.setCurrentIndex(f.expertCombo.findData(expert_id))
        index = f.centreCombo.findData(application_id)
        if index < 0:
            return False
        f.centreCombo.setCurrentIndex(index)
        self.open_current()
        return True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.view is None:
            self.open_current()  # a visit is opened when the expert looks, not when the app starts

    def open_current(self) -> None:
        """Show the expert's visit to the chosen centre; the first time, open it (one operation)."""
        f = self.form
        expert_id, app_id = f.expertCombo.currentData(), f.centreCombo.currentData()
        if self.view is not None and (expert_id, app_id) == (self.expert_id, self.application_id):
            return
        self.flush()
        self._clear()
        if expert_id is None or app_id is None:
            f.messageLabel.setText(self.tr("No centre to visit: an expert sees here the centres of the "
                                           "assessment rounds they are assigned to."))
            return
        self.expert_id, self.application_id = expert_id, app_id
        self.year, self.kind = visits.assessment_of(self.wf, app_id)
        found = visits.visits_of(self.wf, app_id, expert_id)
        if found:
            self._show_visit(found[0])
            return
        if not self.isVisible() or self.opening == (expert_id, app_id):
            return
        earlier = self._earlier_visit(app_id, expert_id) if self.kind == "rectification" else None
        self.opening = (expert_id, app_id)

        def opened(changes: Changes) -> None:
            self.opening = None
            if (self.expert_id, self.application_id) == (expert_id, app_id):
                self._show_visit(visits.get_visit(self.wf, changes.value))

        def refused(exc: RuleViolation) -> None:
            self.opening = None
            f.messageLabel.setText(exc.text(settings.ui_language()))

        self.runner.run(visit_ops.open_visit, app_id, expert_id, rectification_of=earlier.id if earlier else None,
                        parent=self, initiator=self, on_done=opened, on_refused=refused,
                        on_failed=lambda _exc: setattr(self, "opening", None))

    def _earlier_visit(self, app_id: int, expert_id: int) -> visits.VisitView | None:
        """The failed assessment's visit a re-assessment continues: the same expert's if there is
        one, else the latest."""
        earlier = [v for v in visits.earlier_visits(self.wf, app_id) if v.rectification_of is None] \
            or visits.earlier_visits(self.wf, app_id)
        mine = [v for v in earlier if v.expert_id == expert_id]
        return (mine or earlier)[-1] if earlier else None

    def _clear(self) -> None:
        f = self.form
        self.table.setModel(None)
        self.model = self.view = None
        self.expert_id = self.application_id = None
        self.locked_on = None
        self._note_code = None
        self._shown_evidence = ()
        f.messageLabel.setStyleSheet("color: #b00020;")
        self.strip.set_items([])
        f.detailBrowser.clear()
        f.problemLabel.clear()
        f.outcomeLabel.clear()
        f.messageLabel.clear()
        self._load_header(None)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        f = self.form
        for w in (f.metButton, f.partlyButton, f.notMetButton, f.notCheckedButton, f.nextButton, f.previousButton,
                  f.addEvidenceButton, f.figureEdit, f.noteEdit, f.visitDate, f.placeEdit, f.startEdit, f.endEdit,
                  f.enterpriseEdit, f.panelEdit, self.strip):
            w.setEnabled(on)

    def _show_visit(self, view: visits.VisitView) -> None:
        before = None
        if view.rectification_of is not None:
            try:
                before = visits.get_visit(self.wf, view.rectification_of).findings
            except RuleViolation:
                before = None
        self.view = view
        self.model = ChecklistModel(view, before, self)
        self.table.setModel(self.model)
        self.table.setColumnHidden(BEFORE, before is None)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((CODE, 62), (RULE, 36), (KIND, 72), (BEFORE, 74), (STATUS, 78), (FIGURE, 84),
                              (NOTE, 96), (EVIDENCE, 52)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentChanged.connect(self._show_item)
        self._load_header(view)
        self.locked_on = round_lock.lock_date_of_application(self.wf, view.application_id)
        self._enable(self.locked_on is None)
        self.table.setEnabled(True)  # a confirmed round's visit is still read item by item
        self.strip.setEnabled(True)
        self.strip.set_removable(self.locked_on is None)
        if self.locked_on is not None:
            self.form.messageLabel.setStyleSheet("color: #1b7f3b;")
            self.form.messageLabel.setText(self.tr("The round's result was confirmed on %1: this visit is read-only.")
                                           .replace("%1", self.locked_on.isoformat()))
        self.table.setCurrentIndex(self.model.index(0, STATUS))
        self._update_outcome()

    # -- showing ----------------------------------------------------------------------------------
    def current_item(self) -> checklists.Item | None:
        if self.model is None:
            return None
        index = self.table.currentIndex()
        return self.model.items[index.row()] if index.isValid() else None

    def _show_item(self, current=None, _previous=None) -> None:
        item = self.current_item()
        if item is None:
            return
        self.save_note()  # the note typed for the item left goes with it
        f = self.form
        finding = self.model.findings[item.code]
        informs = ", ".join(item.informs) or "—"
        requirement = self.tr("Requirement")
        verify = self.tr("How to verify on site")
        evidence = self.tr("Evidence to collect")
        criteria = self.tr("Informs the annual-assessment criteria")
        f.detailBrowser.setHtml(
            f"<h3>{escape(item.code)} {escape(item.title)} <small>({escape(item.rule)} · "
            f"{escape(word(checklists.KIND_TEXT[item.kind]))})</small></h3>"
            f"<p><b>{escape(requirement)}</b><br>{escape(item.requirement)}</p>"
            f"<p><b>{escape(verify)}</b><br>{escape(item.verify)}</p>"
            f"<p><b>{escape(evidence)}</b><br>{escape(item.evidence)}</p>"
            f"<p><b>{escape(criteria)}</b> {escape(informs)}</p>"
            + self._before_html(item))
        self._loading = True
        try:
            has_figure = item.threshold is not None
            for w in (f.figureLabel, f.figureEdit, f.minimumLabel):
                w.setVisible(has_figure)
            f.figureEdit.setText(checklists.format_number(finding.figure) if finding.figure is not None else "")
            f.minimumLabel.setText(minimum_text(item))
            self._note_code = item.code
            f.noteEdit.setPlainText(finding.note)
        finally:
            self._loading = False
        self._show_problem(item)
        self._show_evidence(item, force=True)

    def _before_html(self, item: checklists.Item) -> str:
        if self.model is None or self.model.before is None:
            return ""
        earlier = self.model.before.get(item.code)
        if earlier is None:
            return ""
        text = word(checklists.STATUS_TEXT[earlier.status])
        if earlier.figure is not None:
            text += f" · {checklists.format_number(earlier.figure)}"
        if earlier.note:
            text += f" · {earlier.note}"
        title = self.tr("At the failed assessment")
        return f"<p><b>{escape(title)}</b> {escape(text)}</p>"

    def _show_problem(self, item: checklists.Item) -> None:
        finding = self.model.findings[item.code]
        problem = problem_text(item, finding.figure)
        self.form.problemLabel.setText(problem or "")
        self.form.problemLabel.setVisible(bool(problem))
        self.form.figureEdit.setToolTip(problem or "")
        self.form.figureEdit.setStyleSheet("background: #f8c9c9; color: #b00020;" if problem else "")

    def _show_evidence(self, item: checklists.Item, force: bool = False) -> None:
        shown = tuple(a.id for a in self.model.evidence[item.code])
        if not force and shown == self._shown_evidence:
            return
        self._shown_evidence = shown
        wf = self.wf
        self.strip.set_items([(str(a.id), a.filename, a.media_type, functools.partial(visits.attachment_bytes, wf, a.id))
                              for a in self.model.evidence[item.code]])

    def _update_outcome(self) -> None:
        f = self.form
        if self.model is None or self.expert_id is None:
            f.outcomeLabel.clear()
            return
        findings = self.model.current_findings()
        checklist = self.model.checklist
        vetoed = checklists.vetoed(checklist, findings)
        sheet = sheets.current_sheet(self.wf, self.expert_id, self.application_id)
        lines = []
        if sheet is not None:
            state = labels.sheet_state_label(sheet.status)
            lines.append(self.tr("Assessment total: %1 points (the expert's score sheet, %2)")
                         .replace("%1", checklists.format_number(sheet.total)).replace("%2", state))
        else:
            lines.append(self.tr("No score sheet yet: the total comes from the expert's annual-assessment "
                                 "sheet in the Scoring panel."))
        if vetoed:
            lines.append(self.tr("Veto items not met: %1 — they fail the assessment whatever the points.")
                         .replace("%1", ", ".join(vetoed)))
        year = self.year or 1
        outcome = None
        if sheet is not None or vetoed:
            decided_on = self.view.visited_on or date.today()
            total = sheet.total if sheet is not None else Decimal(0)
            try:
                outcome = checklists.assessment_outcome(year, total, vetoed, rectification=self.kind == "rectification",
                                                        decided_on=decided_on)
            except InvalidInput as exc:
                lines.append(exc.text(settings.ui_language()) if hasattr(exc, "text") else str(exc))
        html = "<br>".join(escape(line) for line in lines)
        if outcome is not None:
            colour = "#1b7f3b" if outcome.passed else "#b00020"
            consequence = word(checklists.CONSEQUENCE_TEXT[checklists.Consequence(outcome.consequence)])
            html += (f"<br><b style='color:{colour}'>{escape(consequence)}</b> — "
                     f"{escape(word(checklists.outcome_text(outcome, year)))}")
            if not outcome.passed:
                items = checklists.rectification_items(checklist, findings)
                listed = word(("；", "; ")).join(f"{i.code} {i.title}" for i in items) or "—"
                if outcome.consequence == checklists.Consequence.RECTIFICATION:
                    head = self.tr("To rectify by %1:").replace("%1", outcome.due.isoformat())
                else:
                    head = self.tr("Still not met after rectification:")
                html += f"<br><b>{escape(head)}</b> {escape(listed)}"
        f.outcomeLabel.setText(html)

    # -- the visit's header ---------------------------------------------------------------------
    def _load_header(self, view: visits.VisitView | None) -> None:
        f = self.form
        self._loading = True
        try:
            visited = view.visited_on if view is not None else None
            f.visitDate.setDate(QDate(visited.year, visited.month, visited.day) if visited else NO_DATE)
            f.placeEdit.setText(view.place if view else "")
            f.startEdit.setText(view.started_at if view else "")
            f.endEdit.setText(view.ended_at if view else "")
            f.enterpriseEdit.setText(view.enterprise_participants if view else "")
            f.panelEdit.setText(view.panel_participants if view else "")
        finally:
            self._loading = False

    def _header_edited(self) -> None:
        if not self._loading and self.view is not None:
            self.header_timer.start()

    def header_values(self) -> dict:
        f = self.form
        qdate = f.visitDate.date()
        return {"visited_on": None if qdate <= NO_DATE else date(qdate.year(), qdate.month(), qdate.day()),
                "place": f.placeEdit.text(), "enterprise_participants": f.enterpriseEdit.text(),
                "panel_participants": f.panelEdit.text(), "started_at": f.startEdit.text().strip(),
                "ended_at": f.endEdit.text().strip()}

    def save_header(self) -> None:
        self.header_timer.stop()
        if self._loading or self.view is None:
            return
        values = self.header_values()
        view = self.view
        stored = {"visited_on": view.visited_on, "place": view.place,
                  "enterprise_participants": view.enterprise_participants,
                  "panel_participants": view.panel_participants, "started_at": view.started_at,
                  "ended_at": view.ended_at}
        if {k: v or None for k, v in values.items()} == {k: v or None for k, v in stored.items()}:
            return
        self.runner.run(visit_ops.save_visit_details, view.id, **values, parent=self,
                        on_refused=self._refused)

    # -- findings ----------------------------------------------------------------------------------
    def set_status(self, status: checklists.Status) -> None:
        item = self.current_item()
        if item is None or self.view is None or self.locked_on is not None:
            return
        self.save_note()
        old = self.model.findings[item.code]
        self._save_finding(checklists.Finding(item.code, status, old.figure, old.note), old)

    def _save_finding(self, new: checklists.Finding, old: checklists.Finding, *, note: bool = False) -> None:
        """Show `new` at once and save it (one operation); a refusal puts `old` back."""
        if new == old:
            return
        model, visit_id = self.model, self.view.id
        model.set_finding(new)
        item = self.current_item()
        if item is not None and item.code == new.code:
            self._show_problem(item)
        self._update_outcome()

        def refused(exc: RuleViolation) -> None:
            if self.model is model and model.findings.get(new.code) == new:
                model.set_finding(old)
                current = self.current_item()
                if current is not None and current.code == new.code:
                    self._show_item()
                self._update_outcome()
            self._refused(exc)

        self.runner.run(visit_ops.set_finding, visit_id, new.code, new.status, new.figure,
                        new.note if note else None, parent=self, initiator=model, on_refused=refused)

    def save_figure(self) -> None:
        item = self.current_item()
        if item is None or item.threshold is None or self._loading or self.view is None:
            return
        text = self.form.figureEdit.text().strip().replace(",", "").replace("，", "")
        old = self.model.findings[item.code]
        try:
            figure = Decimal(text) if text else None
            if figure is not None and not figure.is_finite():
                raise ValueError(text)
        except (ArithmeticError, ValueError):
            self.form.messageLabel.setStyleSheet("color: #b00020;")
            self.form.messageLabel.setText(self.tr("%1: “%2” is not a number.").replace("%1", item.code)
                                           .replace("%2", text))
            return
        if figure == old.figure:
            return
        status = old.status
        if status == checklists.Status.NOT_CHECKED and figure is not None:  # the figure was checked at once
            status = checklists.Status.MET if item.threshold.met(figure) else checklists.Status.NOT_MET
        self.form.messageLabel.clear()
        self._save_finding(checklists.Finding(item.code, status, figure, old.note), old)

    def _note_typed(self) -> None:
        if not self._loading:
            self.note_timer.start()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.form.noteEdit and event.type() == event.Type.FocusOut:
            self.save_note()
        return super().eventFilter(watched, event)

    def save_note(self) -> None:
        self.note_timer.stop()
        code = self._note_code
        if self.model is None or code is None or self._loading or code not in self.model.findings:
            return
        text = self.form.noteEdit.toPlainText().strip()
        old = self.model.findings[code]
        if text == old.note:
            return
        self._save_finding(checklists.Finding(code, old.status, old.figure, text), old, note=True)

    def flush(self) -> None:
        """What is being typed goes to the file now (before a lock, another centre, closing)."""
        if self.model is not None:
            self.save_note()
            if self.form.figureEdit.hasFocus():
                self.save_figure()
            if self.header_timer.isActive():
                self.save_header()

    def next_item(self) -> None:
        self._move(1)

    def previous_item(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        if self.model is None:
            return
        index = self.table.currentIndex()
        row = min(max((index.row() if index.isValid() else -1) + step, 0), self.model.rowCount() - 1)
        self.table.setCurrentIndex(self.model.index(row, index.column() if index.isValid() else STATUS))
        self.table.scrollTo(self.model.index(row, 0))

    def _refused(self, exc: RuleViolation) -> None:
        self.form.messageLabel.setStyleSheet("color: #b00020;")
        self.form.messageLabel.setText(exc.text(settings.ui_language()))

    # -- evidence ----------------------------------------------------------------------------------
    def choose_evidence(self) -> None:
        if self.current_item() is None:
            return
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add evidence"), "", self.tr("Photos and PDFs (*.jpg *.jpeg *.png *.pdf)"))
        self.add_evidence_files(paths)

    def add_evidence_files(self, paths: list[str]) -> None:
        """Each file read and stored on the writer thread, for the current item."""
        item = self.current_item()
        if item is None or self.view is None:
            return
        for path in paths:
            self.runner.run(add_evidence_file, self.view.id, item.code, str(path), parent=self,
                            label=self.tr("Adding evidence…"), on_refused=self._refused)

    def remove_evidence(self, key: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove evidence"),
                          self.tr("Take this file off the item? It is removed from the working file."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.runner.run(visit_ops.remove_attachment, int(key), parent=self,
                                                     on_refused=self._refused))
        self.remove_box = box
        box.open()

    def open_evidence(self, key: str) -> None:
        item = self.current_item()
        if item is None:
            return
        info = next((a for a in self.model.evidence[item.code] if str(a.id) == key), None)
        if info is None:
            return
        if self.evidence_dialog is None:
            self.evidence_dialog = EvidenceDialog(self)
        dialog = self.evidence_dialog
        dialog.setWindowTitle(f"{item.code} — {info.filename}")
        screen = self.screen().availableGeometry()
        dialog.resize(min(1000, screen.width() - 40), min(680, screen.height() - 60))
        dialog.viewer.show_document(key, info.filename, info.media_type, visits.attachment_bytes(self.wf, info.id))
        dialog.show()

    # -- changes ----------------------------------------------------------------------------------
    def apply_changes(self, changes: Changes, initiator=None) -> None:
        if changes.concerns("experts", "seats", "assignments", "conflicts", "rounds", "applications"):
            self.reload()
            if self.view is None:
                return
        if self.view is None:
            return
        if changes.concerns("visits", "documents") and self.application_id in (changes.visits | changes.documents):
            if initiator is self.model:
                self._update_outcome()  # shown already
                return
            self._refresh()
        if changes.concerns("sheets", "decisions"):
            self._update_outcome()

    def _refresh(self) -> None:
        """The visit as the file holds it now (evidence added, a finding from elsewhere)."""
        try:
            view = visits.get_visit(self.wf, self.view.id)
        except RuleViolation:
            self._clear()
            return
        self.view = view
        self.model.update(view)
        item = self.current_item()
        if item is not None:
            finding = self.model.findings[item.code]
            f = self.form
            if not f.figureEdit.hasFocus():
                self._loading = True
                f.figureEdit.setText(checklists.format_number(finding.figure) if finding.figure is not None else "")
                self._loading = False
            self._show_problem(item)
            self._show_evidence(item)
        self._update_outcome()

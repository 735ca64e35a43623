"""One application: declared data, co-applicants, formal review, decisions and dates, history,
and the decisions the rules allow now."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QPushButton, QSizePolicy, QTableWidgetItem, QWidget

from hvp_desktop.domain import lifecycle
from hvp_desktop.domain.formal_review import Outcome, verdict
from hvp_desktop.gui import labels
from hvp_desktop.gui.decision_actions import actions_for, run_action
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner, run_in_dialog
from hvp_desktop.store import queries
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops.core import Changes

_SKIPPED = {"enterprise_name", "co_applicants"}
_NOT_YES_NO = {"year", "credit_code", "affiliation_group", "contact_name", "contact_phone", "ip_staff_count",
               "ip_budget_yuan", "applied_on", "valid_invention_patents", "pct_applications"}
_OUTCOME_COLOURS = {"pass": "#1b7f3b", "fail": "#b00020", "manual": "#a15c00"}


def _value_text(name: str, value) -> str:
    if name not in _NOT_YES_NO:
        return labels.yes_no(value)
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def _shown(name: str, value) -> str:
    if isinstance(value, bool) or (value is None and name not in _NOT_YES_NO):
        return labels.yes_no(value)
    if isinstance(value, list):  # co-applicants
        return "、".join(str(c.get("name", c)) if isinstance(c, dict) else str(c) for c in value) or "—"
    return "—" if value is None else str(value)


def _points_list(entries: dict, limit: int = 6) -> str:
    shown = [f"{code} {'—' if points is None else points}" for code, (points, *_rest) in list(entries.items())[:limit]]
    return ", ".join(shown) + (" …" if len(entries) > limit else "")


def _describe(action: str, payload: dict, experts: dict[str, str] | None = None) -> str:
    """One line of history as a sentence in the UI's language (the audit payload is JSON)."""
    experts = experts or {}
    expert = experts.get(str(payload.get("expert", "")), "")
    if action == "application.imported":
        return QCoreApplication.translate("History", "Imported from %1").replace("%1", str(payload.get("source") or "—"))
    if action == "application.updated":
        return "; ".join(f"{labels.field_label(k)}: {_shown(k, old)} → {_shown(k, new)}"
                         for k, (old, new) in payload.get("changed", {}).items())
    if action.startswith("decision."):
        old, new = payload.get("state", [None, None])
        text = f"{payload.get('rule', '')} {labels.state_label(old) if old else '—'} → {labels.state_label(new) if new else '—'}"
        data = payload.get("data") or {}
        extra = [str(data[k]) for k in ("score", "text", "ends_on", "document") if data.get(k)]
        note = payload.get("note")
        return " · ".join([text, *extra, *([note] if note else [])])
    if action == "formal_review.override":
        key = str(payload.get("check", ""))
        return QCoreApplication.translate("History", "The check “%1” was set to “%2” by hand: %3") \
            .replace("%1", labels.requirement_label(key, key)) \
            .replace("%2", labels.review_label(payload.get("outcome", ""))).replace("%3", payload.get("reason", ""))
    if action == "application.preliminary_score":
        old, new = payload.get("score", [None, None])
        return QCoreApplication.translate("History", "Preliminary score %1 → %2").replace("%1", str(old or "—")) \
            .replace("%2", str(new))
    if action == "panel.assigned":
        return QCoreApplication.translate("History", "%1 is to score this application").replace("%1", expert)
    if action == "panel.conflict":
        return QCoreApplication.translate("History", "%1 stepped aside (conflict of interest): %2") \
            .replace("%1", expert).replace("%2", payload.get("reason", ""))
    if action == "sheet.opened":
        text = (QCoreApplication.translate("History", "A paper score sheet was started") if payload.get("transcribed")
                else QCoreApplication.translate("History", "A score sheet was started"))
        return f"{text}{f' ({expert})' if expert else ''}"
    if action == "sheet.entries":
        return QCoreApplication.translate("History", "Scores entered: %1").replace(
            "%1", _points_list(payload.get("entries") or {}))
    if action == "sheet.submitted":
        return QCoreApplication.translate("History", "Score sheet submitted (revision %1), total %2 points") \
            .replace("%1", str(payload.get("revision", ""))).replace("%2", str(payload.get("total", "")))
    if action == "sheet.corrected":
        return QCoreApplication.translate("History", "Correction started (revision %1): %2") \
            .replace("%1", str(payload.get("revision", ""))).replace("%2", payload.get("reason", ""))
    if action == "paper.keyed":
        return QCoreApplication.translate("History", "Paper sheet of %1 keyed (keying %2)") \
            .replace("%1", expert or "—").replace("%2", str(payload.get("keying", "")))
    if action == "ranking.flag_explained":
        who = (QCoreApplication.translate("History", "the chair") if payload.get("author") == "chair"
               else QCoreApplication.translate("History", "the expert"))
        return QCoreApplication.translate("History", "A flag on %1 explained by %2: %3") \
            .replace("%1", expert or "—").replace("%2", who).replace("%3", payload.get("text", ""))
    return str(payload.get("source") or payload.get("reason") or "")


def _tooltips(table, *columns: int) -> None:
    """Cells that may be cut off show their whole text as a tooltip."""
    for r in range(table.rowCount()):
        for c in columns:
            item = table.item(r, c)
            if item is not None and item.text():
                item.setToolTip(item.text())


def _fill(table, headers: list[str], rows: list[tuple[str, ...]]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    for c in range(len(headers) - 1):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)


class ApplicationDetailDialog(QDialog):
    """One application; reloads when an operation touches it."""

    def __init__(self, runner: Runner, application_id: int, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.runner, self.wf, self.application_id = runner, runner.wf, application_id
        self.setObjectName("applicationDetail")
        runner.changed.connect(self._changed)
        self.today = today or date.today()
        self.form = f = load_form("application_detail", self)
        self.action_buttons: dict[str, QPushButton] = {}
        self.action_dialog = None
        f.buttonBox.rejected.connect(self.reject)
        f.overrideButton.clicked.connect(self.override_selected)
        f.reviewTable.itemSelectionChanged.connect(self._update_override_button)
        # the application's own documents (issue 19): the secretariat's to add; read-only in an expert's file
        from hvp_desktop.gui.attachments import DocumentsBox
        from hvp_desktop.store import expert_file

        self.documents = DocumentsBox(runner, application_id, self, editable=expert_file.expert_of(self.wf) is None)
        self.documents_tab = f.tabs.insertTab(2, self.documents, "")
        self.reload()
        self.resize(1320, 660)  # seven tabs and the actions column, within a 1366×768 screen

    def reload(self) -> None:
        detail = queries.application_detail(self.wf, self.application_id)
        self.detail = detail
        f, data = self.form, detail.data
        self.setWindowTitle(data.enterprise_name)
        f.titleLabel.setText(data.enterprise_name)
        info = queries.round_info(self.wf, detail.round_id) if detail.round_id is not None else None
        round_name = labels.round_title(info.year, info.kind) if info is not None else detail.round_title
        review = self.tr("Formal review: %1").replace("%1", labels.review_label(verdict(detail.checks).value))
        f.subtitleLabel.setText(f"{round_name} · {labels.state_label(detail.state)} · {review}")
        rows = [(labels.field_label(fl.name), _value_text(fl.name, getattr(data, fl.name)))
                for fl in fields(data) if fl.name not in _SKIPPED]
        if detail.preliminary_score is not None:
            rows.append((self.tr("Preliminary score (Annex 2)"), str(detail.preliminary_score)))
        if detail.source:
            rows.append((self.tr("Imported from"), detail.source))
        _fill(f.dataTable, [self.tr("Item"), self.tr("Declared")], rows)
        _fill(f.coApplicantsTable, [self.tr("No."), self.tr("Co-applicant"), self.tr("Kind")],
              [(str(i), c.name, labels.co_applicant_kind_label(c.kind)) for i, c in enumerate(data.co_applicants, 1)])
        f.tabs.setTabText(1, self.tr("Co-applicants (%n)", "", len(data.co_applicants)))
        self.documents.reload()
        f.tabs.setTabText(self.documents_tab, self.tr("Documents (%n)", "", self.documents.count()))
        self._fill_review(detail)
        self._fill_commitments(detail)
        self._fill_decisions(detail)
        experts = queries.expert_names(self.wf)
        _fill(f.historyTable, [self.tr("Time"), self.tr("By"), self.tr("Event"), self.tr("Details")],
              [(_local_time(h.at), labels.actor_label(h.actor), labels.history_action_label(h.action),
                _describe(h.action, h.payload, experts)) for h in detail.history])
        _tooltips(f.historyTable, 3)
        self._fill_actions(detail)

    def _fill_review(self, detail) -> None:
        f = self.form
        outcome = verdict(detail.checks).value
        f.verdictLabel.setText(self.tr("Verdict: %1. Each check names its rule; a check can be confirmed or "
                                       "overridden only with a written reason.")
                               .replace("%1", labels.review_label(outcome)))
        confirmed = self.tr("set by hand")
        _fill(f.reviewTable, [self.tr("Rule"), self.tr("Requirement"), self.tr("Result"), self.tr("Why")],
              [(c.rule, labels.requirement_label(c.key, c.requirement), labels.review_label(c.outcome.value),
                labels.check_reason(c.key, c.outcome.value, c.reason)
                + (f"; {confirmed}: {c.overridden_by}" if c.overridden_by else ""))
               for c in detail.checks])
        for r, c in enumerate(detail.checks):
            f.reviewTable.item(r, 2).setForeground(QColor(_OUTCOME_COLOURS[c.outcome.value]))
        _tooltips(f.reviewTable, 1, 3)  # a long requirement or override reason is whole in its tooltip
        header = f.reviewTable.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._update_override_button()

    def _fill_commitments(self, detail) -> None:
        table = self.form.commitmentsTable
        measures = labels.measures(detail.data)
        marks = {True: self.tr("Meets"), False: self.tr("Below the requirement"), None: "—"}
        _fill(table, [self.tr("Rule"), self.tr("Construction task"), self.tr("Declared"), self.tr("Result")],
              [(rule, item, declared, marks[meets]) for rule, item, declared, meets in measures])
        for r, (_rule, _item, _declared, meets) in enumerate(measures):
            if meets is False:
                table.item(r, 3).setForeground(QColor(_OUTCOME_COLOURS["fail"]))
        # long task texts are elided (whole in the tooltip): figures and results stay in view at 1366×768
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        table.setWordWrap(False)
        for r in range(table.rowCount()):
            table.item(r, 1).setToolTip(table.item(r, 1).text())

    def _update_override_button(self) -> None:
        f = self.form
        editable = self.detail.state == "applied"
        f.overrideButton.setEnabled(editable and bool(f.reviewTable.selectedItems()))
        f.overrideButton.setToolTip("" if editable else self.tr("R1: the formal review of this application is over"))

    def _fill_decisions(self, detail) -> None:
        f = self.form
        rows = []
        for d in detail.decisions:
            extra = d.data.get("score") or d.data.get("text") or ""
            if "purpose" in d.data:
                extra = f"{labels.purpose_label(d.data['purpose'])} {extra}".strip()
            if "ends_on" in d.data:
                extra += f" → {d.data['ends_on']}" + (" ⚠" if d.data.get("provisional_reason") else "")
            rows.append((d.on.isoformat(), d.rule or "", labels.decision_label(d.kind), extra, d.note or ""))
        _fill(f.decisionsTable, [self.tr("Date"), self.tr("Rule"), self.tr("Decision"), self.tr("Details"),
                                 self.tr("Note")], rows)
        _tooltips(f.decisionsTable, 3, 4)
        overdue = self.tr("overdue")
        dues = [f"{d.due} · {d.rule} · {labels.deadline_label(d.what, d.rule, d.detail)}"
                + (f" (⚠ {labels.provisional_label(d.provisional_reason)})" if d.provisional_reason else "")
                + (f" — {overdue}" if d.overdue(self.today) else "")
                for d in lifecycle.deadlines(detail.centre)]
        f.deadlinesLabel.setText(self.tr("Dates: %1").replace("%1", "; ".join(dues) if dues else self.tr("none pending")))

    def _fill_actions(self, detail) -> None:
        layout = self.form.actionsLayout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.action_buttons = {}
        for action in actions_for(detail.centre, verdict(detail.checks).value, self.today):
            button = QPushButton(action.title)
            button.setEnabled(action.refusal is None)
            button.setToolTip(action.refusal or action.title)  # why not, or the whole title if cut off
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # the column keeps its width
            button.clicked.connect(lambda _checked=False, a=action: self.start_action(a))
            layout.addWidget(button)
            self.action_buttons[action.key] = button
        layout.addStretch(1)

    def start_action(self, action) -> None:
        self.action_dialog = run_action(self.runner, self.application_id, action, self, self.today)

    def _changed(self, changes: Changes, _initiator=None) -> None:
        if self.application_id in changes.applications | changes.documents or changes.concerns("calendar", "register"):
            self.reload()

    def override_selected(self) -> None:
        row = self.form.reviewTable.currentRow()
        if row < 0:
            return
        check = self.detail.checks[row]
        self.action_dialog = OverrideDialog(self.runner, self.application_id, check, self)
        self.action_dialog.open()


class OverrideDialog(QDialog):
    """Confirm or override one formal-review check, with the reason written down."""

    def __init__(self, runner: Runner, application_id: int, check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.application_id, self.check = runner, application_id, check
        self.setWindowTitle(f"{check.rule} · {labels.requirement_label(check.key, check.requirement)}")
        self.form = f = load_form("decision_dialog", self)
        f.explanationLabel.setText(self.tr("Found by the app: %1").replace(
            "%1", labels.check_reason(check.key, check.outcome.value, check.reason)))
        for widget in (f.dateLabel, f.dateEdit, f.scoreLabel, f.scoreSpin):
            widget.hide()
        f.choiceLabel.setText(self.tr("Result:"))
        f.choiceCombo.addItem(labels.review_label(Outcome.PASS.value), Outcome.PASS.value)
        f.choiceCombo.addItem(labels.review_label(Outcome.FAIL.value), Outcome.FAIL.value)
        f.textLabel.setText(self.tr("Reason:"))
        f.buttonBox.accepted.connect(self.submit)
        f.buttonBox.rejected.connect(self.reject)
        self.resize(480, 280)

    def submit(self) -> None:
        f = self.form
        run_in_dialog(self.runner, self, decision_ops.override_check, self.application_id, self.check.key,
                      Outcome(f.choiceCombo.currentData()), f.textEdit.toPlainText(), message=f.messageLabel,
                      buttons=f.buttonBox)

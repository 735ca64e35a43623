"""The lifecycle decisions a user can take on one application, and the dialog that records one.

Which actions are possible is asked of the rules (domain/lifecycle.allowed) with today's date:
an action the rules refuse stays visible but disabled, with the rule's reason as its tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDialog, QWidget

from hvp_desktop.domain import lifecycle
from hvp_desktop.domain.formal_review import Outcome
from hvp_desktop.domain.lifecycle import RECOGNITION, Centre, Event, Kind, support_purpose
from hvp_desktop.gui import labels, widgets
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner, run_in_dialog
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops.core import Changes


@dataclass
class Action:
    key: str
    title: str
    kind: Kind
    data: dict = field(default_factory=dict)
    score: bool = False  # asks for an assessment score
    text: str | None = None  # label of a required text, or None
    choices: list[tuple[str, object]] = field(default_factory=list)  # (label, value) for a combo
    confirm: str | None = None  # shown before an irreversible step
    refusal: str | None = None  # why the rules refuse it now (None: allowed)


def _open_objections(c: Centre) -> list[tuple[str, tuple[str, int]]]:
    return [(f"{labels.purpose_label(p.purpose)}: {o.filed_on} {o.text[:30]}", (p.purpose, i))
            for p in c.publicity.values() for i, o in enumerate(p.objections) if o.upheld is None]


def _PUBLICITY_CONFIRM() -> str:  # noqa: N802 (reads like the constant it stands for)
    return QCoreApplication.translate(
        "DecisionActions", "The publicity runs 5 working days from the chosen date; it cannot be started twice.")


def _DOCUMENT() -> str:  # noqa: N802 (reads like the constant it stands for)
    return QCoreApplication.translate("DecisionActions", "Document number")


DOCUMENTED = (Kind.LIST_APPROVED, Kind.SUPPORT_WITHHELD)  # the bureau's decisions carry a document number


def actions_for(c: Centre, review_verdict: str, today: date) -> list[Action]:
    """Every action, with `refusal` set where the rules do not allow it today."""
    acts = [
        Action("preliminary", QCoreApplication.translate("DecisionActions", "Preliminary score (R15)…"),
               Kind.SHORTLISTED, score=True),
        Action("formal_review_failed", QCoreApplication.translate("DecisionActions", "Formal review failed…"), Kind.FORMAL_REVIEW_FAILED,
               confirm=QCoreApplication.translate("DecisionActions", "The application will be rejected in the formal review. This cannot be undone.")),
        Action("publicity", QCoreApplication.translate("DecisionActions", "Start publicity of the recognition list…"), Kind.PUBLICITY_STARTED,
               {"purpose": RECOGNITION}, confirm=_PUBLICITY_CONFIRM()),
        Action("objection", QCoreApplication.translate("DecisionActions", "File an objection…"), Kind.OBJECTION_FILED, text=QCoreApplication.translate("DecisionActions", "Objection"),
               choices=[(labels.purpose_label(p), p) for p in c.publicity]),
        Action("decide", QCoreApplication.translate("DecisionActions", "Decide an objection…"), Kind.OBJECTION_DECIDED, text=QCoreApplication.translate("DecisionActions", "Findings"),
               choices=_open_objections(c),
               confirm=QCoreApplication.translate("DecisionActions", "An upheld objection means no recognition (R16) or no support for that year (R19). This cannot be undone.")),
        Action("approve", QCoreApplication.translate("DecisionActions", "Party group approval of the recognition list…"),
               Kind.LIST_APPROVED, {"purpose": RECOGNITION}, text=_DOCUMENT()),
        Action("recognise", QCoreApplication.translate("DecisionActions", "Recognise…"), Kind.RECOGNISED,
               confirm=QCoreApplication.translate("DecisionActions", "The applicant will be recognised as a centre. This cannot be undone.")),
        Action("request1", QCoreApplication.translate("DecisionActions", "Written request for the year-1 assessment…"),
               Kind.ASSESSMENT_REQUESTED, {"year": 1}),
        Action("request2", QCoreApplication.translate("DecisionActions", "Written request for the year-2 assessment…"),
               Kind.ASSESSMENT_REQUESTED, {"year": 2}),
        Action("report", QCoreApplication.translate("DecisionActions", "Rectification report received…"),
               Kind.RECTIFICATION_REPORTED),
        Action("assess1", QCoreApplication.translate("DecisionActions", "Record year-1 assessment…"), Kind.ASSESSED, {"year": 1}, score=True,
               confirm=QCoreApplication.translate("DecisionActions", "An assessment result cannot be undone.")),
        Action("assess2", QCoreApplication.translate("DecisionActions", "Record year-2 assessment…"), Kind.ASSESSED, {"year": 2}, score=True,
               confirm=QCoreApplication.translate("DecisionActions", "An assessment result cannot be undone.")),
        Action("approve_support1", QCoreApplication.translate("DecisionActions", "Party group approval of the year-1 passed list…"),
               Kind.LIST_APPROVED, {"purpose": support_purpose(1)}, text=_DOCUMENT()),
        Action("approve_support2", QCoreApplication.translate("DecisionActions", "Party group approval of the year-2 passed list…"),
               Kind.LIST_APPROVED, {"purpose": support_purpose(2)}, text=_DOCUMENT()),
        Action("withhold1", QCoreApplication.translate("DecisionActions", "Bureau withholds year-1 support…"),
               Kind.SUPPORT_WITHHELD, {"year": 1}, text=_DOCUMENT(),
               confirm=QCoreApplication.translate("DecisionActions", "The year's support will not be paid. This cannot be undone.")),
        Action("withhold2", QCoreApplication.translate("DecisionActions", "Bureau withholds year-2 support…"),
               Kind.SUPPORT_WITHHELD, {"year": 2}, text=_DOCUMENT(),
               confirm=QCoreApplication.translate("DecisionActions", "The year's support will not be paid. This cannot be undone.")),
        Action("support_publicity1", QCoreApplication.translate("DecisionActions", "Start publicity of year-1 support…"), Kind.PUBLICITY_STARTED,
               {"purpose": support_purpose(1)}, confirm=_PUBLICITY_CONFIRM()),
        Action("support1", QCoreApplication.translate("DecisionActions", "Grant year-1 support (500,000 RMB)…"), Kind.SUPPORT_GRANTED, {"year": 1},
               confirm=QCoreApplication.translate("DecisionActions", "Support will be recorded as granted. This cannot be undone.")),
        Action("support_publicity2", QCoreApplication.translate("DecisionActions", "Start publicity of year-2 support…"), Kind.PUBLICITY_STARTED,
               {"purpose": support_purpose(2)}, confirm=_PUBLICITY_CONFIRM()),
        Action("support2", QCoreApplication.translate("DecisionActions", "Grant year-2 support (500,000 RMB)…"), Kind.SUPPORT_GRANTED, {"year": 2},
               confirm=QCoreApplication.translate("DecisionActions", "Support will be recorded as granted. This cannot be undone.")),
        Action("withdraw", QCoreApplication.translate("DecisionActions", "Withdraw (written request)…"), Kind.WITHDRAWN, text=QCoreApplication.translate("DecisionActions", "Request"),
               confirm=QCoreApplication.translate("DecisionActions", "The centre withdraws: no further assessments and no application for 2 years (R21). "
                           "This cannot be undone.")),
    ]
    for a in acts:
        a.refusal = _refusal(c, a, review_verdict, today)
    return acts


def _probe(a: Action, today: date) -> Event:
    """The event the action would record today, with placeholders where the user still chooses."""
    data = dict(a.data)
    if a.kind == Kind.PUBLICITY_STARTED:
        data["ends_on"] = today.isoformat()
    if a.score:
        data["score"] = "100"
    if a.kind in DOCUMENTED:
        data["document"] = "—"
    if a.kind == Kind.OBJECTION_FILED:
        data["purpose"] = a.choices[0][1] if a.choices else RECOGNITION
    if a.kind == Kind.OBJECTION_DECIDED:
        purpose, index = a.choices[0][1] if a.choices else (RECOGNITION, 0)
        data.update(purpose=purpose, index=index, upheld=False)
    return Event.of(a.kind, today, **data)


def _refusal(c: Centre, a: Action, verdict: str, today: date) -> str | None:
    if a.key == "preliminary":  # a figure, not a decision: open while the application awaits shortlisting
        return None if c.state.value == "applied" else "R15: " + QCoreApplication.translate(
            "DecisionActions", "shortlisting is over")
    if a.kind == Kind.FORMAL_REVIEW_FAILED and verdict != Outcome.FAIL and c.state.value == "applied":
        return "R1: " + QCoreApplication.translate("DecisionActions", "no check of the formal review has failed")
    if a.kind == Kind.OBJECTION_FILED:
        # Objections are often recorded some days after they arrived: the dialog's date decides.
        undecided = [p for p in c.publicity.values() if p.starts_on <= today and lifecycle.publicity_open(c, p)]
        if not undecided:
            return "R16/R19: " + QCoreApplication.translate("DecisionActions", "no publicity awaits its result")
        a.choices = [(labels.purpose_label(p.purpose), p.purpose) for p in undecided]
        return None
    if a.kind == Kind.OBJECTION_DECIDED and not a.choices:
        return "R16/R19: " + QCoreApplication.translate("DecisionActions", "no objection is waiting for a decision")
    return lifecycle.allowed(c, _probe(a, today))


class DecisionDialog(QDialog):
    """Records one action: date, and the score, choice or text it needs; refusals stay in the dialog."""

    def __init__(self, runner: Runner, application_id: int, action: Action, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.runner, self.wf, self.application_id, self.action = runner, runner.wf, application_id, action
        self.today = today or date.today()
        self.changes: Changes | None = None
        self.setWindowTitle(action.title.rstrip("…"))
        self.form = f = load_form("decision_dialog", self)
        f.explanationLabel.setText(action.confirm or "")
        f.explanationLabel.setVisible(bool(action.confirm))
        f.dateEdit.setDate(QDate(today or date.today()))
        if action.key == "preliminary":  # a score, not a dated decision
            f.dateLabel.hide()
            f.dateEdit.hide()
        for widget in (f.scoreLabel, f.scoreSpin):
            widget.setVisible(action.score)
        for widget in (f.choiceLabel, f.choiceCombo):
            widget.setVisible(bool(action.choices) or action.kind == Kind.OBJECTION_DECIDED)
        if action.kind == Kind.OBJECTION_DECIDED:
            f.choiceLabel.setText(self.tr("Objection:"))
        for label, value in action.choices:
            f.choiceCombo.addItem(label, value)
        self._upheld = None
        if action.kind == Kind.OBJECTION_DECIDED:
            self._upheld = self._add_upheld_combo()
        for widget in (f.textLabel, f.textEdit):
            widget.setVisible(action.text is not None)
        if action.text:
            f.textLabel.setText(action.text + ":")
        f.buttonBox.accepted.connect(self.submit)
        f.buttonBox.rejected.connect(self.reject)
        self.resize(500, 320)

    def _add_upheld_combo(self):
        from PySide6.QtWidgets import QComboBox

        combo = QComboBox(self)
        combo.addItem(self.tr("Not upheld: the result stands"), False)
        combo.addItem(self.tr("Upheld"), True)
        self.form.formLayout.insertRow(3, self.tr("Finding:"), combo)
        return combo

    def event_to_record(self) -> Event:
        f, a = self.form, self.action
        on = f.dateEdit.date().toPython()
        data = dict(a.data)
        if a.score:
            data["score"] = str(Decimal(str(f.scoreSpin.value())).quantize(Decimal("0.01")))
        if a.kind == Kind.OBJECTION_FILED:
            data.update(purpose=f.choiceCombo.currentData(), text=f.textEdit.toPlainText().strip())
        if a.kind == Kind.OBJECTION_DECIDED:
            purpose, index = f.choiceCombo.currentData()
            data.update(purpose=purpose, index=index, upheld=bool(self._upheld.currentData()))
        if a.kind in DOCUMENTED:
            data["document"] = f.textEdit.toPlainText().strip()
        return Event.of(a.kind, on, **data)

    def submit(self) -> None:
        f, a = self.form, self.action
        text = f.textEdit.toPlainText().strip()
        if a.key != "preliminary" and f.dateEdit.date().toPython() > self.today:
            f.messageLabel.setText(self.tr("A decision cannot be dated in the future."))
            return
        if a.text is not None and not text:
            f.messageLabel.setText(self.tr("Write the %1 first.").replace("%1", a.text))
            return
        event = self.event_to_record()
        if a.confirm and not widgets.confirm_irreversible(self, self.windowTitle(),
                                                          a.confirm + "\n\n" + self.tr("Continue?")):
            return
        if a.key == "preliminary":
            op, args = decision_ops.set_preliminary_scores, ({self.application_id: Decimal(event.data["score"])},)
        elif a.kind == Kind.PUBLICITY_STARTED:
            op, args = decision_ops.start_publicity, ([self.application_id], a.data["purpose"], event.on)
        else:
            note = text if a.kind in (Kind.OBJECTION_DECIDED, Kind.WITHDRAWN) else None
            op, args = decision_ops.record, (self.application_id, event, note)
        run_in_dialog(self.runner, self, op, *args, message=f.messageLabel, buttons=f.buttonBox)


def run_action(runner: Runner, application_id: int, action: Action, parent: QWidget,
               today: date | None = None) -> DecisionDialog:
    """Open the action's dialog; its operation's changes are announced by the runner."""
    dialog = DecisionDialog(runner, application_id, action, parent, today)
    dialog.open()
    return dialog

"""Round-level steps of the rules: places (R14), shortlisting (R15), the selected list (R16),
opening an assessment round (R17/R18), and the statutory holidays behind every working-day count."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hvp_desktop.domain import rules
from hvp_desktop.domain.dates import ArrangementError, read_arrangement
from hvp_desktop.domain.model import RoundKind
from hvp_desktop.gui import labels, settings, widgets
from hvp_desktop.gui.runner import Runner, run_in_dialog
from hvp_desktop.store import queries, ranking
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops import ranking as ranking_ops
from hvp_desktop.store.ops.core import Changes


def _message_and_buttons(dialog: QDialog) -> tuple[QLabel, QDialogButtonBox]:
    """A red line for refusals, and OK/Cancel wired to the dialog's submit/reject."""
    message = QLabel(dialog)
    message.setStyleSheet("color: #b00020;")
    message.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.submit)
    buttons.rejected.connect(dialog.reject)
    dialog.buttons = buttons
    dialog.changes = Changes()
    return message, buttons


def choose_round(parent: QWidget, wf: WorkingFile, preferred: int | None) -> int | None:
    if preferred is not None:
        return preferred
    rounds = queries.rounds(wf)
    if not rounds:
        return None
    titles = [labels.round_title(r.year, r.kind) for r in rounds]
    title, ok = QInputDialog.getItem(parent, QCoreApplication.translate("RoundActions", "Choose a round"),
                                     QCoreApplication.translate("RoundActions", "Round:"), titles, 0, False)
    return rounds[titles.index(title)].id if ok else None


def round_info(wf: WorkingFile, round_id: int) -> tuple[str, int]:
    """The round's name in the UI's language, and its places."""
    info = queries.round_info(wf, round_id)
    return labels.round_title(info.year, info.kind), info.places


class PlacesDialog(QDialog):
    """R14/R16: the round's places, at most 20 (a hard cap: the spin box stops there)."""

    def __init__(self, runner: Runner, round_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.wf, self.round_id = runner, runner.wf, round_id
        title, places = round_info(self.wf, round_id)
        self.setWindowTitle(self.tr("Places of %1").replace("%1", title))
        layout = QFormLayout(self)
        self.spin = QSpinBox(self)
        self.spin.setRange(1, rules.MAX_PLACES_PER_YEAR)
        self.spin.setValue(places)
        self.message, buttons = _message_and_buttons(self)
        layout.addRow(self.tr("Places (at most %n):", "", rules.MAX_PLACES_PER_YEAR), self.spin)
        layout.addRow(self.message)
        layout.addRow(buttons)

    def submit(self) -> None:
        run_in_dialog(self.runner, self, decision_ops.set_places, self.round_id, self.spin.value(),
                      message=self.message, buttons=self.buttons)


class SelectionDialog(QDialog):
    """R16: tick the selected applications among the shortlisted ones, at most the round's places."""

    def __init__(self, runner: Runner, round_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.wf, self.round_id = runner, runner.wf, round_id
        wf = self.wf
        title, self.places = round_info(wf, round_id)
        self.setWindowTitle(self.tr("Selected list of %1").replace("%1", title))
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        rows = [r for r in queries.application_rows(wf) if r.round_id == round_id and r.state == "shortlisted"]
        for r in rows:
            item = QListWidgetItem(r.enterprise_name)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._count)
        self.date = QDateEdit(QDate(date.today()), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.counter = QLabel(self)
        self.message, buttons = _message_and_buttons(self)
        layout.addWidget(QLabel(self.tr("The unticked shortlisted applications will be recorded as not selected."),
                                self))
        layout.addWidget(self.list)
        form = QFormLayout()
        form.addRow(self.tr("Decision date:"), self.date)
        layout.addLayout(form)
        layout.addWidget(self.counter)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._count()
        self.resize(520, 560)

    def chosen(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _count(self, *_args) -> None:
        n = len(self.chosen())
        self.counter.setText(self.tr("%1 of at most %2 places").replace("%1", str(n)).replace("%2", str(self.places)))

    def submit(self) -> None:
        chosen = self.chosen()
        others = self.list.count() - len(chosen)
        question = self.tr("%1 selected and %2 not selected. This cannot be undone. Continue?") \
            .replace("%1", str(len(chosen))).replace("%2", str(others))
        if not widgets.confirm_irreversible(self, self.windowTitle(), question):
            return
        run_in_dialog(self.runner, self, decision_ops.record_selection, self.round_id, chosen,
                      self.date.date().toPython(), message=self.message, buttons=self.buttons)


class BureauDecisionDialog(QDialog):
    """The bureau's steps on a whole list, each with its date and document number: the confirmation
    of a round's shortlist (R15: 经区知识产权局确认), or the party group's approval of a list before
    its publicity (R16/R19: 经区知识产权局党组研究通过) — the round's selected list, or its centres
    that passed an assessment year."""

    def __init__(self, runner: Runner, round_id: int, step: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.wf, self.round_id, self.step = runner, runner.wf, round_id, step
        title, _places = round_info(self.wf, round_id)
        self.setWindowTitle((self.tr("Bureau's confirmation of the shortlist of %1") if step == "confirm"
                             else self.tr("Party group's approval of a list of %1")).replace("%1", title))
        layout = QFormLayout(self)
        self.purpose = QComboBox(self)
        rows = [r for r in queries.application_rows(self.wf) if r.round_id == round_id]
        if step == "approve":
            if queries.round_info(self.wf, round_id).kind == "recognition":
                self.purpose.addItem(self.tr("List proposed for recognition (R16)"), ("recognition", [
                    r.id for r in rows if r.state == "selected"]))
            passed = queries.passed_centres(self.wf)
            for year in (1, 2):
                ids = passed.get(year, [])
                if ids:
                    name = self.tr("Year-1 passed list (R19)") if year == 1 else self.tr("Year-2 passed list (R19)")
                    self.purpose.addItem(name, (f"support_y{year}", ids))
            layout.addRow(self.tr("List:"), self.purpose)
        self.date = QDateEdit(QDate(date.today()), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.document = QLineEdit(self)
        self.document.setPlaceholderText(self.tr("e.g. 穗埔知字〔2026〕27号"))
        self.message, buttons = _message_and_buttons(self)
        layout.addRow(self.tr("Decision date:"), self.date)
        layout.addRow(self.tr("Document number:"), self.document)
        layout.addRow(self.message)
        layout.addRow(buttons)
        self.setMinimumWidth(460)  # the title names the round

    def submit(self) -> None:
        on, document = self.date.date().toPython(), self.document.text()
        if self.step == "confirm":
            run_in_dialog(self.runner, self, decision_ops.confirm_shortlist, self.round_id, on, document,
                          message=self.message, buttons=self.buttons)
            return
        purpose, ids = self.purpose.currentData() or ("recognition", [])
        run_in_dialog(self.runner, self, decision_ops.approve_list, ids, purpose, on, document,
                      message=self.message, buttons=self.buttons)


def shortlist(parent: QWidget, runner: Runner, round_id: int, on: date | None = None) -> bool:
    """R1–R4 then R15 for the whole round, after a confirmation; False when the user declined."""
    title, places = round_info(runner.wf, round_id)
    heading = QCoreApplication.translate("RoundActions", "Shortlist")
    question = QCoreApplication.translate(
        "RoundActions", "Apply the formal review and shortlist %1? Applications that fail the formal review are "
        "rejected; with 40 or more applicants at least 2 × %2 are shortlisted by preliminary score (R15). "
        "This cannot be undone.").replace("%1", title).replace("%2", str(places))
    if not widgets.confirm_irreversible(parent, heading, question):
        return False
    runner.run(decision_ops.shortlist_round, round_id, on or date.today(), parent=parent, long=True,
               label=heading, on_done=lambda changes: _shortlisted(parent, changes.value))
    return True


def _shortlisted(parent: QWidget, outcome) -> None:
    text = QCoreApplication.translate(
        "RoundActions", "%1 shortlisted, %2 not shortlisted, %3 rejected in the formal review.") \
        .replace("%1", str(len(outcome.shortlisted))).replace("%2", str(len(outcome.not_shortlisted))) \
        .replace("%3", str(len(outcome.rejected)))
    if outcome.all_went_through:
        text += " " + QCoreApplication.translate(
            "RoundActions", "Fewer than 40 applied: all eligible applications go to expert review (R15).")
    elif outcome.line_score is not None:
        text += " " + QCoreApplication.translate("RoundActions", "Shortlist line: %1 points (ties kept).") \
            .replace("%1", str(outcome.line_score))
    QMessageBox.information(parent, QCoreApplication.translate("RoundActions", "Shortlist"), text)


def import_holidays(parent: QWidget, runner: Runner) -> bool:
    heading = QCoreApplication.translate("RoundActions", "Holiday arrangement")
    path, _ = QFileDialog.getOpenFileName(parent, heading, "",
                                          QCoreApplication.translate("RoundActions", "Text files (*.txt)"))
    if not path:
        return False
    try:
        arrangements = read_arrangement(path)  # up to its size limit only
    except ArrangementError as exc:
        QMessageBox.warning(parent, heading, exc.text(settings.ui_language()))
        return False
    except OSError as exc:
        QMessageBox.warning(parent, heading, str(exc))
        return False

    def saved(changes: Changes) -> None:
        QMessageBox.information(parent, heading, QCoreApplication.translate(
            "RoundActions", "Holidays saved for %1. Dates in these years are no longer provisional.").replace(
            "%1", ", ".join(map(str, changes.value))))

    runner.run(decision_ops.save_arrangements, arrangements, parent=parent, on_done=saved)
    return True


class AssessmentRoundDialog(QDialog):
    """R17/R18: a year's assessment round of the centres in the state that assessment is for,
    listed before anything is written."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.wf = runner, runner.wf
        self.round_id: int | None = None
        self.setWindowTitle(self.tr("Open an assessment round"))
        layout = QFormLayout(self)
        self.year = QSpinBox(self)
        self.year.setRange(2020, 2100)
        self.year.setValue(date.today().year)
        self.kind = QComboBox(self)
        for kind, text in ((RoundKind.YEAR1, self.tr("Year-1 assessment (R17, pass mark 70)")),
                           (RoundKind.YEAR2, self.tr("Year-2 assessment (R18, pass mark 75)")),
                           (RoundKind.RECTIFICATION, self.tr("Re-assessment after rectification"))):
            self.kind.addItem(text, kind)
        self.centres = QListWidget(self)
        self.centres.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.message, buttons = _message_and_buttons(self)
        layout.addRow(self.tr("Year:"), self.year)
        layout.addRow(self.tr("Assessment:"), self.kind)
        layout.addRow(self.tr("Centres:"), self.centres)
        layout.addRow(self.message)
        layout.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._list)
        self._list()

    def _list(self) -> None:
        self.centres.clear()
        self.message.clear()
        for _id, name in ranking.assessment_candidates(self.wf, self.kind.currentData()):
            self.centres.addItem(name)
        if not self.centres.count():
            self.message.setText(self.tr("No centre is waiting for this assessment."))

    def submit(self) -> None:
        def opened(changes: Changes) -> None:
            self.round_id = changes.value
            self.accept()

        run_in_dialog(self.runner, self, ranking_ops.open_assessment_round, self.year.value(), self.kind.currentData(),
                      message=self.message, buttons=self.buttons, on_done=opened)

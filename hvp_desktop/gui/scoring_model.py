"""One score sheet as a table: a row per criterion, score and comment editable.

Edits go through a QUndoStack; each command saves to the working file at once (every change is
saved; closing the lid loses nothing), and undo saves the previous value back. A score the rubric
(or the file) refuses stays in its cell, in red, with the reason as its tooltip, until it is
fixed; the sheet itself keeps the last accepted value.

In an assessment round the last column shows, beside each criterion, what the expert found on
site for the checklist items that inform it (a mark per item, ⚠ for a figure below its
threshold, ✎ for a note), the whole of it in words as the cell's tooltip (`set_findings`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QUndoCommand, QUndoStack

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.gui import settings
from hvp_desktop.scoring import rubric as rubrics

SECTION, CODE, TITLE, MAX, SCORE, COMMENT, FINDINGS = range(7)
_HEADERS = (
    QT_TRANSLATE_NOOP("SheetModel", "Section"), QT_TRANSLATE_NOOP("SheetModel", "Code"),
    QT_TRANSLATE_NOOP("SheetModel", "Criterion"), QT_TRANSLATE_NOOP("SheetModel", "Max"),
    QT_TRANSLATE_NOOP("SheetModel", "Score"), QT_TRANSLATE_NOOP("SheetModel", "Comment"),
    QT_TRANSLATE_NOOP("SheetModel", "On site"),
)
_NO_PARENT = QModelIndex()
Findings = list[tuple[checklists.Item, checklists.Finding]]
# The worst first: what the cell is coloured by.
_SEVERITY = {checklists.Status.NOT_MET: 0, checklists.Status.PARTLY: 2, checklists.Status.NOT_CHECKED: 3,
             checklists.Status.MET: 4}
STATUS_COLOURS = {checklists.Status.MET: "#1b7f3b", checklists.Status.PARTLY: "#a15c00",
                  checklists.Status.NOT_MET: "#b00020", checklists.Status.NOT_CHECKED: "#666666"}


def _english() -> bool:
    return settings.ui_language() == "en"


def status_text(status: checklists.Status) -> str:
    """符合 / Met …, in the UI's language."""
    return checklists.STATUS_TEXT[checklists.Status(status)][1 if _english() else 0]


def figure_text(item: checklists.Item, figure) -> str:
    """The figure found with its unit, as the plan writes it (100万元; 1,000,000 RMB)."""
    unit = item.threshold.unit if item.threshold is not None else ""
    return checklists._amount_en(figure, unit) if _english() else checklists._amount_zh(figure, unit)


def threshold_text(item: checklists.Item, figure) -> str | None:
    problem = checklists.threshold_problem(item, figure)
    return None if problem is None else problem[1 if _english() else 0]


def severity(item: checklists.Item, finding: checklists.Finding) -> int:
    """0 not met, 1 a figure below its threshold, 2 partly, 3 not checked, 4 met."""
    if finding.status == checklists.Status.NOT_MET:
        return 0
    if threshold_text(item, finding.figure):
        return 1
    return _SEVERITY[finding.status]


STATUS_MARKS = {checklists.Status.MET: "✓", checklists.Status.PARTLY: "◐", checklists.Status.NOT_MET: "✗",
                checklists.Status.NOT_CHECKED: "○"}


def findings_summary(findings: Findings) -> str:
    """A few characters: each linked item's mark (✓ met, ◐ partly, ✗ not met, ○ not checked), ⚠ for
    a figure below its threshold, ✎ for a note; the words and figures are in the tooltip and the box."""
    parts = []
    for item, finding in findings:
        text = STATUS_MARKS[finding.status]
        if finding.figure is not None and threshold_text(item, finding.figure):
            text += "⚠"
        if finding.note:
            text += " ✎"
        parts.append(text)
    return " / ".join(parts)


def findings_detail(findings: Findings) -> str:
    """Everything found for the linked items, one paragraph each (the tooltip)."""
    blocks = []
    for item, finding in findings:
        lines = [f"{item.code} {item.title}: {status_text(finding.status)}"]
        if finding.figure is not None:
            lines.append(QCoreApplication.translate("SheetModel", "Found: %1").replace(
                "%1", figure_text(item, finding.figure)))
            problem = threshold_text(item, finding.figure)
            if problem:
                lines.append("⚠ " + problem)
        if finding.note:
            lines.append(finding.note)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def score_problem(criterion: rubrics.Criterion, points: Decimal) -> str | None:
    """Why the rubric refuses this score, in the UI's language (None when it may be entered):
    `rubrics.check_score` decides, the words come from the criterion."""
    if not points.is_finite():
        return QCoreApplication.translate("SheetModel", "not a number")
    if rubrics.check_score(criterion, points) is None:
        return None
    if not Decimal(0) <= points <= criterion.max_points:
        return QCoreApplication.translate("SheetModel", "a score is between 0 and %1 points") \
            .replace("%1", rubrics.format_points(criterion.max_points))
    return QCoreApplication.translate("SheetModel", "a score is a multiple of %1 points") \
        .replace("%1", rubrics.format_points(criterion.step))


def comment_reason(criterion: rubrics.Criterion, points: Decimal | None) -> str | None:
    """Why the rubric asks for a comment on this score, in the UI's language, or None
    (`rubrics.comment_required` decides)."""
    if rubrics.comment_required(criterion, points) is None:
        return None
    reasons = []
    share = criterion.comment_below_share
    if share is not None and points < share * criterion.max_points:
        reasons.append(QCoreApplication.translate("SheetModel", "the score is below %1% of the maximum (%2 points)")
                       .replace("%1", rubrics.format_points(share * 100))
                       .replace("%2", rubrics.format_points(share * criterion.max_points)))
    band = rubrics.band_of(criterion, points) if criterion.comment_at_band_extremes else None
    if band is not None and points in (band.low, band.high):
        reasons.append(QCoreApplication.translate("SheetModel", "the score is at the edge of the band %1 (%2–%3 points)")
                       .replace("%1", f"“{band.label}”" if band.label else "")
                       .replace("%2", rubrics.format_points(band.low)).replace("%3", rubrics.format_points(band.high)))
    return QCoreApplication.translate("SheetModel", "A comment is required: %1.").replace("%1", "; ".join(reasons))


def parse_points(text: str) -> Decimal | None:
    text = text.strip().replace("，", ".").replace("。", ".")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return Decimal("NaN")


class SheetModel(QAbstractTableModel):
    """`save(code, points, comment, saved, failed)` writes one criterion to the file off the GUI
    thread, then calls `saved()` or `failed(message or None)`; `on_refused(message)` reports a
    value the rubric or the file does not allow (it stays in the cell, marked, with the reason),
    and `on_refused("")` that no refused value is left."""

    def __init__(self, rubric: rubrics.Rubric, entries: dict[str, tuple[Decimal | None, str]],
                 save: Callable[..., None], read_only: bool, parent=None) -> None:
        super().__init__(parent)
        self.rubric = rubric
        self.criteria = list(rubric.criteria)
        self._section_of = {c.code: s for s in rubric.sections for c in s.criteria}
        self.entries = {c.code: entries.get(c.code, (None, "")) for c in self.criteria}
        self._save = save
        self.read_only = read_only
        self.undo_stack = QUndoStack(self)
        self.on_refused: Callable[[str], None] = lambda _message: None
        self.refused: dict[str, tuple[str, str]] = {}  # code → (the typed score, why it was refused)
        self.findings: dict[str, Findings] | None = None  # None: not an assessment round

    def set_findings(self, findings: dict[str, Findings] | None) -> None:
        """The on-site findings by criterion code ({} when the expert recorded no visit; None in a
        recognition round)."""
        self.findings = findings
        if self.criteria:
            self.dataChanged.emit(self.index(0, FINDINGS), self.index(len(self.criteria) - 1, FINDINGS))

    def scores(self) -> dict[str, Decimal | None]:
        return {code: points for code, (points, _comment) in self.entries.items()}

    def total(self) -> Decimal:
        return rubrics.total(self.scores())

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.criteria)

    def columnCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SheetModel", _HEADERS[section])
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (SCORE, COMMENT) and not self.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        criterion = self.criteria[index.row()]
        points, comment = self.entries[criterion.code]
        column = index.column()
        if column == FINDINGS:
            return self._findings_data(criterion.code, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == SECTION:
                section = self._section_of[criterion.code]
                first = section.criteria[0].code == criterion.code
                return section.title if first or role == Qt.ItemDataRole.EditRole else ""
            if column == CODE:
                return criterion.code
            if column == TITLE:
                return criterion.title
            if column == MAX:
                return rubrics.format_points(criterion.max_points)
            if column == SCORE:
                if criterion.code in self.refused:
                    return self.refused[criterion.code][0]
                return "" if points is None else rubrics.format_points(points)
            if column == COMMENT:
                return comment
        refused = self.refused.get(criterion.code)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == SCORE and refused:
                return QCoreApplication.translate("SheetModel", "Not saved: %1").replace("%1", refused[1])
            if column in (TITLE, SCORE):
                return criterion.guidance
            if column == COMMENT:
                if not comment.strip():
                    return comment_reason(criterion, points)  # the pink cell says why it is pink
                return comment  # a long comment is cut off in the cell
            if column == SECTION:
                return self._section_of[criterion.code].title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MAX, SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == COMMENT:
            if rubrics.comment_required(criterion, points) and not comment.strip():
                return QColor("#fde2e1")  # a comment the rubric asks for is missing
        if role == Qt.ItemDataRole.BackgroundRole and column == SCORE and refused:
            return QColor("#f8c9c9")
        if role == Qt.ItemDataRole.ForegroundRole and column == SCORE and refused:
            return QColor("#b00020")
        if role == Qt.ItemDataRole.BackgroundRole and column == SCORE and not self.read_only:
            return QColor("#fffbe6") if points is None else None
        return None

    def _findings_data(self, code: str, role):
        found = (self.findings or {}).get(code)
        if not found:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return findings_summary(found)
        if role == Qt.ItemDataRole.ToolTipRole:
            return findings_detail(found)
        worst = min(severity(item, finding) for item, finding in found)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor({0: "#b00020", 1: "#b00020", 2: "#a15c00", 3: "#666666"}.get(worst, "#1b7f3b"))
        if role == Qt.ItemDataRole.BackgroundRole and worst <= 1:
            return QColor("#fde2e1")
        return None

    def refusal(self, row: int) -> str | None:
        """Why the score typed in this row was refused, while it stays there."""
        refused = self.refused.get(self.criteria[row].code) if 0 <= row < len(self.criteria) else None
        return refused[1] if refused else None

    def _refuse(self, code: str, row: int, typed: str, why: str) -> None:
        criterion = self.criteria[row]
        self.refused[code] = (typed, why)
        self.dataChanged.emit(self.index(row, SCORE), self.index(row, COMMENT))
        self.on_refused(f"{criterion.code} {criterion.title}: {why}")

    def _clear_refusal(self, code: str, row: int) -> None:
        if self.refused.pop(code, None) is not None:
            self.dataChanged.emit(self.index(row, SCORE), self.index(row, SCORE))
            self.on_refused(self._first_refusal())

    def _first_refusal(self) -> str:
        for criterion in self.criteria:
            if criterion.code in self.refused:
                return f"{criterion.code} {criterion.title}: {self.refused[criterion.code][1]}"
        return ""

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.read_only or index.column() not in (SCORE, COMMENT):
            return False
        criterion = self.criteria[index.row()]
        old = self.entries[criterion.code]
        if index.column() == SCORE:
            points = parse_points(str(value))
            if points is not None:
                problem = score_problem(criterion, points)
                if problem:  # kept in the cell, marked, until the expert fixes it
                    self._refuse(criterion.code, index.row(), str(value).strip(), problem)
                    return True
            self._clear_refusal(criterion.code, index.row())
            new = (points, old[1])
        else:
            new = (old[0], str(value))
        if new == old:
            return True
        self._write(criterion.code, index.row(), old, new, push=True)
        return True

    def _write(self, code: str, row: int, old, new, *, push: bool) -> None:
        """Show `new` at once and save it off the GUI thread; the undo step is pushed once the
        file holds it, and a refused or failed save puts `old` back (no phantom undo step)."""
        self._show(code, row, new)

        def saved() -> None:
            if push:
                self.undo_stack.push(_SetEntry(self, code, row, old, new, saved=True))

        def failed(message: str | None) -> None:
            if self.entries.get(code) == new:
                self._show(code, row, old)
                if message and new[0] != old[0] and code not in self.refused:  # the typed score stays, marked
                    typed = "" if new[0] is None else rubrics.format_points(new[0])
                    self._refuse(code, row, typed, message)
                    return
            if message:
                self.on_refused(message)

        self._save(code, *new, saved, failed)

    def _show(self, code: str, row: int, entry: tuple[Decimal | None, str]) -> None:
        self.entries[code] = entry
        self.dataChanged.emit(self.index(row, SCORE), self.index(row, COMMENT))

    # called by the undo commands
    def apply(self, code: str, row: int, entry: tuple[Decimal | None, str], *, save: bool = True) -> None:
        if save:
            self._write(code, row, self.entries[code], entry, push=False)
        else:
            self._show(code, row, entry)


class _SetEntry(QUndoCommand):
    def __init__(self, model: SheetModel, code: str, row: int, old, new, *, saved: bool) -> None:
        super().__init__(f"{code}")
        self.model, self.code, self.row, self.old, self.new = model, code, row, old, new
        self._already_saved = saved  # the first redo (from push) only shows what setData saved

    def redo(self) -> None:
        self.model.apply(self.code, self.row, self.new, save=not self._already_saved)
        self._already_saved = False

    def undo(self) -> None:
        self.model.apply(self.code, self.row, self.old)

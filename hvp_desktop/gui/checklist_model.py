"""One visit's checklist as a table: a row per item (code, rule, title, kind, the finding before
rectification, the status found, the figure against its threshold, the note, how many pieces of
evidence). Item texts are data (Chinese) and are shown as they are; the words of statuses and kinds
come from the domain's tables in the UI's language.

The model holds what the panel shows; the panel saves each change at once (one `set_finding` per
change) and puts the new finding here ahead of the write (`set_finding`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.gui import settings
from hvp_desktop.store.visits import VisitView

CODE, RULE, TITLE, KIND, BEFORE, STATUS, FIGURE, NOTE, EVIDENCE = range(9)
_HEADERS = (
    QT_TRANSLATE_NOOP("ChecklistModel", "Code"), QT_TRANSLATE_NOOP("ChecklistModel", "Rule"),
    QT_TRANSLATE_NOOP("ChecklistModel", "Item"), QT_TRANSLATE_NOOP("ChecklistModel", "Kind"),
    QT_TRANSLATE_NOOP("ChecklistModel", "Before"), QT_TRANSLATE_NOOP("ChecklistModel", "Found"),
    QT_TRANSLATE_NOOP("ChecklistModel", "Figure"), QT_TRANSLATE_NOOP("ChecklistModel", "Note"),
    QT_TRANSLATE_NOOP("ChecklistModel", "Files"),
)
_NO_PARENT = QModelIndex()
STATUS_COLOURS = {
    checklists.Status.MET: "#1b7f3b",
    checklists.Status.PARTLY: "#a15c00",
    checklists.Status.NOT_MET: "#b00020",
    checklists.Status.NOT_CHECKED: "#666666",
}
PROBLEM_BACKGROUND = "#f8c9c9"


def word(pair: tuple[str, str]) -> str:
    """A (Chinese, English) pair of the domain's word tables in the UI's language."""
    return pair[0] if settings.ui_language().startswith("zh") else pair[1]


def figure_text(item: checklists.Item, figure) -> str:
    """The figure found as the table shows it: 2, 1,150,000."""
    if figure is None:
        return ""
    return format(figure.normalize(), ",f") if abs(figure) >= 10000 else checklists.format_number(figure)


def minimum_text(item: checklists.Item) -> str:
    """The threshold as the table shows it: "≥ 3 人", "≥ 1000000 元"."""
    t = item.threshold
    if t is None:
        return ""
    return f"≥ {checklists.format_number(t.minimum)} {t.unit}" if settings.ui_language().startswith("zh") \
        else f"≥ {checklists.format_number(t.minimum)} {checklists.UNIT_EN.get(t.unit, t.unit)}"


def problem_text(item: checklists.Item, figure) -> str | None:
    """Why the figure found does not meet the item's threshold, in the UI's language, or None."""
    problem = checklists.threshold_problem(item, figure)
    return None if problem is None else word(problem)


class ChecklistModel(QAbstractTableModel):
    """`view` is the visit; `before` the findings of the failed assessment a re-assessment continues
    (None for a first visit): then the items to rectify come first and the Before column is filled."""

    def __init__(self, view: VisitView, before: dict[str, checklists.Finding] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.before = before
        self.checklist = view.checklist
        if before is not None:
            ordered = checklists.before_after(self.checklist, before, view.findings)
            self.items = [item for item, _b, _a in ordered]
            self.carried = {i.code for i in checklists.rectification_items(self.checklist, before)}
        else:
            self.items = list(self.checklist.items)
            self.carried = set()
        self.update(view)

    def update(self, view: VisitView) -> None:
        """The findings and evidence as the file holds them now (rows stay where they are)."""
        self.view = view
        self.findings = {i.code: view.finding(i.code) for i in self.items}
        self.evidence = {i.code: list(view.evidence.get(i.code, [])) for i in self.items}
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, len(_HEADERS) - 1))

    def row_of(self, code: str) -> int:
        return next(r for r, i in enumerate(self.items) if i.code == code)

    def set_finding(self, finding: checklists.Finding) -> None:
        """Show a finding at once (the panel saves it)."""
        self.findings[finding.code] = finding
        row = self.row_of(finding.code)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(_HEADERS) - 1))

    def current_findings(self) -> dict[str, checklists.Finding]:
        """The findings recorded (not-checked items without a figure or note left out)."""
        return {c: f for c, f in self.findings.items()
                if f.status != checklists.Status.NOT_CHECKED or f.figure is not None or f.note}

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ChecklistModel", _HEADERS[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: PLR0911, PLR0912 (one column after another)
        if not index.isValid():
            return None
        item = self.items[index.row()]
        finding = self.findings[item.code]
        column = index.column()
        problem = problem_text(item, finding.figure) if column in (FIGURE, STATUS) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CODE:
                return ("↻ " if item.code in self.carried else "") + item.code
            if column == RULE:
                return item.rule
            if column == TITLE:
                return item.title
            if column == KIND:
                return word(checklists.KIND_TEXT[item.kind])
            if column == BEFORE:
                earlier = (self.before or {}).get(item.code)
                return word(checklists.STATUS_TEXT[earlier.status]) if earlier else ""
            if column == STATUS:
                return word(checklists.STATUS_TEXT[finding.status])
            if column == FIGURE:
                if item.threshold is None:
                    return ""
                return figure_text(item, finding.figure) or "—"
            if column == NOTE:
                return finding.note.replace("\n", " ")
            if column == EVIDENCE:
                count = len(self.evidence[item.code])
                return str(count) if count else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FIGURE and problem:
                return problem
            if column == FIGURE and item.threshold is not None:
                return QCoreApplication.translate("ChecklistModel", "Required: %1").replace("%1", minimum_text(item))
            if column == CODE and item.code in self.carried:
                return QCoreApplication.translate("ChecklistModel", "Carried over from the failed assessment")
            if column == TITLE:
                return item.requirement
            if column == NOTE and finding.note:
                return finding.note
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == STATUS:
                return QColor(STATUS_COLOURS[finding.status])
            if column == BEFORE:
                earlier = (self.before or {}).get(item.code)
                return QColor(STATUS_COLOURS[earlier.status]) if earlier else None
            if column == FIGURE and problem:
                return QColor("#b00020")
            if column == KIND and item.kind == checklists.ItemKind.VETO:
                return QColor("#b00020")
        if role == Qt.ItemDataRole.BackgroundRole and column == FIGURE and problem:
            return QColor(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and column == STATUS and finding.status != checklists.Status.NOT_CHECKED:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (EVIDENCE, FIGURE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return item.code
        return None

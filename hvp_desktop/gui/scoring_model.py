"""One score sheet as a table: a row per criterion, score and comment editable.

Edits go through a QUndoStack; each command saves to the working file at once (every change is
saved; closing the lid loses nothing), and undo saves the previous value back.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QUndoCommand, QUndoStack

from hvp_desktop.scoring import rubric as rubrics

SECTION, CODE, TITLE, MAX, SCORE, COMMENT = range(6)
_HEADERS = (
    QT_TRANSLATE_NOOP("SheetModel", "Section"), QT_TRANSLATE_NOOP("SheetModel", "Code"),
    QT_TRANSLATE_NOOP("SheetModel", "Criterion"), QT_TRANSLATE_NOOP("SheetModel", "Max"),
    QT_TRANSLATE_NOOP("SheetModel", "Score"), QT_TRANSLATE_NOOP("SheetModel", "Comment"),
)
_NO_PARENT = QModelIndex()


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
    thread, then calls `saved()` or `failed(message or None)`; `refused(message)` reports a
    value the rubric does not allow (the cell keeps its old value)."""

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
                return "" if points is None else rubrics.format_points(points)
            if column == COMMENT:
                return comment
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, SCORE):
            return criterion.guidance
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MAX, SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == COMMENT:
            if rubrics.comment_required(criterion, points) and not comment.strip():
                return QColor("#fde2e1")  # a comment the rubric asks for is missing
        if role == Qt.ItemDataRole.BackgroundRole and column == SCORE and not self.read_only:
            return QColor("#fffbe6") if points is None else None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.read_only or index.column() not in (SCORE, COMMENT):
            return False
        criterion = self.criteria[index.row()]
        old = self.entries[criterion.code]
        if index.column() == SCORE:
            points = parse_points(str(value))
            if points is not None:
                problem = rubrics.check_score(criterion, points)
                if problem:
                    self.on_refused(f"{criterion.code} {criterion.title}：{problem}")
                    return False
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

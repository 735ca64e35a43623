"""The application list as a Qt table model, and the proxy that filters and sorts it.

Built for 10,000 rows: filtering decides every row in one Python pass over precomputed
lower-case text and hands Qt a ready answer per row; sorting reorders the source rows in Python
(a key sort), instead of letting Qt call back into Python for every comparison.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from hvp_desktop.gui import labels
from hvp_desktop.store.queries import ApplicationListRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_OVERDUE = QColor("#b00020")
_REVIEW_COLOURS = {"fail": QColor("#b00020"), "manual": QColor("#a15c00")}
_NO_PARENT = QModelIndex()

COLUMNS = (
    "year",
    "enterprise_name",
    "credit_code",
    "state",
    "review",
    "next_due",
    "eligibility",
    "co_applicants",
    "ip_staff_count",
    "ip_budget_yuan",
    "valid_invention_patents",
    "pct_applications",
    "applied_on",
    "contact_name",
)
_NUMERIC = {"year", "co_applicants", "ip_staff_count", "ip_budget_yuan", "valid_invention_patents", "pct_applications"}


def _header(column: str) -> str:
    return QCoreApplication.translate(
        "ApplicationTableModel",
        {
            "year": QT_TRANSLATE_NOOP("ApplicationTableModel", "Year"),
            "enterprise_name": QT_TRANSLATE_NOOP("ApplicationTableModel", "Applicant"),
            "credit_code": QT_TRANSLATE_NOOP("ApplicationTableModel", "Credit code"),
            "state": QT_TRANSLATE_NOOP("ApplicationTableModel", "State"),
            "eligibility": QT_TRANSLATE_NOOP("ApplicationTableModel", "R1 declared"),
            "review": QT_TRANSLATE_NOOP("ApplicationTableModel", "Formal review"),
            "next_due": QT_TRANSLATE_NOOP("ApplicationTableModel", "Next date"),
            "co_applicants": QT_TRANSLATE_NOOP("ApplicationTableModel", "Co-applicants"),
            "ip_staff_count": QT_TRANSLATE_NOOP("ApplicationTableModel", "IP staff"),
            "ip_budget_yuan": QT_TRANSLATE_NOOP("ApplicationTableModel", "IP budget (10k RMB)"),
            "valid_invention_patents": QT_TRANSLATE_NOOP("ApplicationTableModel", "Invention patents"),
            "pct_applications": QT_TRANSLATE_NOOP("ApplicationTableModel", "PCT"),
            "applied_on": QT_TRANSLATE_NOOP("ApplicationTableModel", "Applied on"),
            "contact_name": QT_TRANSLATE_NOOP("ApplicationTableModel", "Contact"),
        }[column],
    )


def _display(row: ApplicationListRow, column: str) -> str:
    value = getattr(row, column)
    if value is None:
        return ""
    if column == "state":
        return labels.state_label(value)
    if column == "eligibility":
        return labels.eligibility_short(value)
    if column == "review":
        return labels.review_label(value)
    if column == "ip_budget_yuan":
        return f"{(value / Decimal(10000)).normalize():f}"
    return str(value)


def _sort_key(column: str):
    def key(row: ApplicationListRow):
        value = getattr(row, column)
        return (value is None, value if value is not None else 0)

    if column in _NUMERIC or column in ("applied_on", "next_due"):
        return key
    return lambda row: (getattr(row, column) is None, str(getattr(row, column) or ""))


class ApplicationTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ApplicationListRow] = []
        self._cache: dict[tuple[int, int], str] = {}
        self.today = date.today()
        self.version = 0  # bumped whenever rows change or move, so the proxy knows its answers are stale

    # -- data ---------------------------------------------------------------------------------
    def set_rows(self, rows: list[ApplicationListRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cache.clear()
        self.version += 1
        self.endResetModel()

    def rows(self) -> list[ApplicationListRow]:
        return self._rows

    def row_at(self, row: int) -> ApplicationListRow:
        return self._rows[row]

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            key = (r, c)
            text = self._cache.get(key)
            if text is None:
                text = self._cache[key] = _display(self._rows[r], COLUMNS[c])
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[c] in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[c] == "eligibility":
            return labels.eligibility_label(self._rows[r].eligibility)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[c] in ("enterprise_name", "contact_name"):
            return self.data(index)  # a long name is cut off in its column
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[c] == "next_due":
            row = self._rows[r]  # in the UI's language, by the deadline's key
            return labels.deadline_label(row.next_due_what, row.next_due_rule, row.next_due_detail)
        if role == Qt.ItemDataRole.ForegroundRole and COLUMNS[c] == "next_due":
            due = self._rows[r].next_due
            if due is not None and due < self.today:
                return _OVERDUE
        if role == Qt.ItemDataRole.ForegroundRole and COLUMNS[c] == "review":
            return _REVIEW_COLOURS.get(self._rows[r].review)
        if role == ROW_ROLE:
            return self._rows[r].id
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _header(COLUMNS[section])
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        ids_before = [self._rows[i.row()].id for i in old_persistent]
        self._rows.sort(key=_sort_key(COLUMNS[column]), reverse=order == Qt.SortOrder.DescendingOrder)
        self._cache.clear()
        self.version += 1
        position = {row.id: i for i, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            old_persistent, [self.index(position[app_id], i.column()) for app_id, i in zip(ids_before, old_persistent, strict=True)]
        )
        self.layoutChanged.emit()


class ApplicationFilterProxy(QSortFilterProxyModel):
    """Search text, round, state and eligibility flag; sorting delegated to the source."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._round_id: int | None = None
        self._state: str | None = None
        self._eligibility: str | None = None
        self._review: str | None = None
        self._accepted: list[bool] = []
        self._haystack: list[str] = []
        self._version = -1

    def setSourceModel(self, model: ApplicationTableModel) -> None:
        # After a sort or reset the rows moved: filterAcceptsRow notices the model's new
        # version and decides again, once (Qt refilters on layoutChanged by itself).
        super().setSourceModel(model)

    def set_filter(
        self,
        *,
        text: str | None = None,
        round_id: int | None | bool = False,
        state: str | None | bool = False,
        eligibility: str | None | bool = False,
        review: str | None | bool = False,
    ) -> None:
        """Change some criteria (False leaves one as it is) and refilter once."""
        if text is not None:
            self._text = text.strip().lower()
        if round_id is not False:
            self._round_id = round_id
        if state is not False:
            self._state = state
        if eligibility is not False:
            self._eligibility = eligibility
        if review is not False:
            self._review = review
        self._refilter()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def _refilter(self) -> None:
        self.beginFilterChange()
        self._decide()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self._version != self.sourceModel().version:
            self._decide()
        return self._accepted[source_row]

    def _decide(self) -> None:
        source = self.sourceModel()
        rows = source.rows()
        if self._version != source.version:
            self._haystack = [f"{r.enterprise_name}\t{r.credit_code}\t{r.contact_name or ''}".lower() for r in rows]
            self._version = source.version
        text, rid, state, elig, review = self._text, self._round_id, self._state, self._eligibility, self._review
        self._accepted = [
            (not text or text in hay)
            and (rid is None or r.round_id == rid)
            and (state is None or r.state == state)
            and (elig is None or r.eligibility == elig)
            and (review is None or r.review == review)
            for r, hay in zip(rows, self._haystack, strict=True)
        ]


def application_id(index: QModelIndex | QPersistentModelIndex) -> int | None:
    return index.data(ROW_ROLE) if index.isValid() else None

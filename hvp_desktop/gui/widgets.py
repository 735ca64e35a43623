"""Small widget helpers the panels share: combo popups as wide as their items, a header whose
sort arrow points the way the rows run, the question before a step that cannot be undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QMessageBox, QStyleOptionHeader, QTableView, QWidget


def fit_popup(combo: QComboBox) -> None:
    """A combo kept narrow in its row still shows its items whole when it opens."""
    view = combo.view()
    widest = max((view.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    view.setMinimumWidth(min(widest + 48, 900))
    for i in range(combo.count()):  # and each item whole in its tooltip, where the combo cuts it
        combo.setItemData(i, combo.itemText(i), Qt.ItemDataRole.ToolTipRole)


class SortHeader(QHeaderView):
    """Qt draws the ascending order as a down arrow; people read ▲ as ascending (smallest first,
    at the top) and ▼ as descending. This header draws the arrow that way."""

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical_index: int) -> None:
        super().initStyleOptionForIndex(option, logical_index)
        if option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown:
            option.sortIndicator = QStyleOptionHeader.SortIndicator.SortUp
        elif option.sortIndicator == QStyleOptionHeader.SortIndicator.SortUp:
            option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown


def use_sort_header(table: QTableView) -> SortHeader:
    header = SortHeader(Qt.Orientation.Horizontal, table)
    header.setSectionsClickable(True)
    header.setHighlightSections(table.horizontalHeader().highlightSections())
    table.setHorizontalHeader(header)
    return header


def confirm_irreversible(parent: QWidget | None, title: str, text: str) -> bool:
    """Asks before a step that cannot be undone; No is the default (Enter and Esc decline)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.setObjectName("confirmIrreversible")
    return box.exec() == QMessageBox.StandardButton.Yes

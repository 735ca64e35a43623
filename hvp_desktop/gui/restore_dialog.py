"""Restore from backup (issue 18, deliverable 7): the backups of a working file with what each
holds, and the restore itself (store/backups.py) — the file in use is moved aside, never deleted.

The dialog reads each backup with a copy of the file's key (a backup is encrypted with the same
key); the caller wipes that copy when the dialog is done. The file must be closed before
`restore_chosen` runs (the main window locks it first)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hvp_desktop.store import backups, crypto
from hvp_desktop.store.errors import WorkingFileError


def _local(iso_utc: str | None) -> str:
    if not iso_utc:
        return "—"
    try:
        moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
    except ValueError:
        return iso_utc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class RestoreDialog(QDialog):
    """Lists the backups, newest first (the newest good one chosen); on Restore, `chosen` is the
    backup. With `current_open=False` (a damaged file at open) the restore is done here and
    `outcome` says what happened."""

    COLUMNS = 6

    def __init__(self, path: Path, key: crypto.RawKey, parent: QWidget | None = None, *, current_open: bool) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.current_open = current_open
        self.chosen: backups.Backup | None = None
        self.outcome: str | None = None
        self.setWindowTitle(self.tr("Restore from backup"))
        layout = QVBoxLayout(self)
        folder = backups.folder_of(self.path)
        intro = QLabel(self.tr(
            "Choose the backup to put in place of %1. The file now in place is not deleted: it is moved "
            "to the folder %2 and listed here as set aside, so it can be restored in turn. "
            "Backups are encrypted with the same password as the file.")
            .replace("%1", self.path.name).replace("%2", folder.name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Made"), self.tr("Kind"), self.tr("Applications"), self.tr("Submitted sheets"),
            self.tr("Last change"), self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("Restore"))
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.infos = [backups.describe(b, key) for b in backups.list_backups(self.path)]
        self._fill()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore())
        self.resize(900, 420)

    def _kind(self, kind: str) -> str:
        return {"close": self.tr("On close"), "daily": self.tr("Daily"),
                "replaced": self.tr("Set aside by a restore")}.get(kind, kind)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.infos))
        first_good = None
        for row, info in enumerate(self.infos):
            good = info.problem is None
            cells = [info.backup.made_at.strftime("%Y-%m-%d %H:%M:%S"), self._kind(info.backup.kind),
                     "" if info.applications is None else str(info.applications),
                     "" if info.submitted_sheets is None else str(info.submitted_sheets),
                     _local(info.last_event_at),
                     self.tr("Good") if good else self.tr("Cannot be read: %1").replace("%1", info.problem or "")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not good:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
            if good and first_good is None and info.backup.kind != "replaced":
                first_good = row
        if not self.infos:
            self.message.setText(self.tr("There is no backup of this file yet. A backup is made when the file "
                                         "is closed or locked after a change, and once a day."))
        if first_good is not None:
            self.table.selectRow(first_good)
        self._selection_changed()

    def _selected(self) -> backups.BackupInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.infos[rows.pop()] if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        info = self._selected()
        self.restore_button.setEnabled(info is not None and info.problem is None)

    def _restore(self) -> None:
        info = self._selected()
        if info is None or info.problem is not None:
            return
        self.chosen = info.backup
        if not self.current_open:
            try:
                aside = backups.restore(self.path, info.backup)
            except WorkingFileError as exc:
                self.message.setText(str(exc))
                return
            self.outcome = restored_message(info.backup, aside)
        self.accept()


def restored_message(backup: backups.Backup, aside: Path | None) -> str:
    text = QCoreApplication.translate("RestoreDialog", "The backup of %1 was put in place.").replace(
        "%1", backup.made_at.strftime("%Y-%m-%d %H:%M:%S"))
    if aside is not None:
        text += " " + QCoreApplication.translate("RestoreDialog", "The file in place before is kept as %1.").replace("%1", aside.name)
    return text

"""Import applications from Excel: read (off the GUI thread), map unknown columns, preview, write.

Nothing is written until the user has seen the preview: which rows will be added, updated, left
unchanged, rejected (and why), and which rows hold no application and are passed over. A column
that cannot be read can be mapped to another field or ignored from here; remembered mappings are
listed and can be forgotten. The write is one transaction, so a cancel or an error leaves the
working file as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import labels, settings
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.tasks import Task, run_task
from hvp_desktop.reports import excel_import
from hvp_desktop.reports.excel_import import FIELDS, IGNORE, NOTE, ColumnProblem, ParseResult, UnknownColumn
from hvp_desktop.store import applications
from hvp_desktop.store.applications import RowPreview
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops.applications import ImportOutcome
from hvp_desktop.store.ops.core import Cancelled, Changes

XLSX_FILTER = "Excel (*.xlsx *.xlsm)"
MAX_DIALOG_WIDTH, MAX_DIALOG_HEIGHT = 1100, 640  # inside a 1366×768 screen with its task bar

# Fields the shared labels may not name yet (R1 facts of schema 7): named here.
_FIELD_NAMES = {
    "normal_operation": QT_TRANSLATE_NOOP("ImportDialog", "Normal R&D, production and business"),
    "sound_financial_system": QT_TRANSLATE_NOOP("ImportDialog", "Sound financial system"),
    "separately_counted_branch": QT_TRANSLATE_NOOP("ImportDialog", "Branch counted separately"),
}
_HOW = {
    "known": QT_TRANSLATE_NOOP("ImportDialog", "known header"),
    "guessed": QT_TRANSLATE_NOOP("ImportDialog", "read by its meaning: check it"),
    "mapped": QT_TRANSLATE_NOOP("ImportDialog", "as you mapped it"),
    "ignored": QT_TRANSLATE_NOOP("ImportDialog", "ignored"),
    "note": QT_TRANSLATE_NOOP("ImportDialog", "kept in each application's source note"),
    "unknown": QT_TRANSLATE_NOOP("ImportDialog", "unknown"),
}
_SKIPPED = {
    "note": QT_TRANSLATE_NOOP("ImportDialog", "note, title or total"),
    "repeated_header": QT_TRANSLATE_NOOP("ImportDialog", "header repeated"),
    "column_numbers": QT_TRANSLATE_NOOP("ImportDialog", "column numbers"),
    "units": QT_TRANSLATE_NOOP("ImportDialog", "units"),
    "example": QT_TRANSLATE_NOOP("ImportDialog", "example row"),
    "no_identity": QT_TRANSLATE_NOOP("ImportDialog", "no applicant name and no credit code"),
}
_OUTCOME = {
    applications.ADD: QT_TRANSLATE_NOOP("ImportDialog", "Add"),
    applications.UPDATE: QT_TRANSLATE_NOOP("ImportDialog", "Update"),
    applications.UNCHANGED: QT_TRANSLATE_NOOP("ImportDialog", "Unchanged"),
    applications.REFUSED: QT_TRANSLATE_NOOP("ImportDialog", "Not allowed"),
    "reject": QT_TRANSLATE_NOOP("ImportDialog", "Rejected"),
    "skipped": QT_TRANSLATE_NOOP("ImportDialog", "Passed over"),
}
_IGNORED = QT_TRANSLATE_NOOP("ImportDialog", "(ignored)")
_AS_NOTE = QT_TRANSLATE_NOOP("ImportDialog", "(kept as a note)")
_OUTCOME_COLOURS = {"reject": "#fde2e1", applications.REFUSED: "#fde2e1", "skipped": "#eeeeee",
                    applications.ADD: "#e3f4e1", applications.UPDATE: "#fff4d6"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def field_name(field_id: str) -> str:
    """A field's name in the UI's language (the template's Chinese label when no other is known)."""
    if field_id in _FIELD_NAMES:
        return _tr(_FIELD_NAMES[field_id])
    label = labels.field_label(field_id)
    return FIELDS[field_id].label if label == field_id else label


def _target_name(target: str | None) -> str:
    if target is None:
        return "—"
    if target == IGNORE:
        return _tr(_IGNORED)
    return _tr(_AS_NOTE) if target == NOTE else field_name(target)


def _item(text: object, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    item.setToolTip(tooltip if tooltip is not None else str(text))
    return item


def _fit_table(table: QTableWidget, stretch: int) -> None:
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.Interactive
        header.setSectionResizeMode(column, mode)
    for column in range(table.columnCount()):
        if column != stretch:
            table.resizeColumnToContents(column)
            table.setColumnWidth(column, min(table.columnWidth(column), 260))


def _capped(dialog: QDialog, width: int, height: int) -> None:
    """Never wider or taller than the screen it opens on, nor than a 1366×768 laptop's."""
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    max_w = min(MAX_DIALOG_WIDTH, screen.width() - 40) if screen is not None else MAX_DIALOG_WIDTH
    max_h = min(MAX_DIALOG_HEIGHT, screen.height() - 60) if screen is not None else MAX_DIALOG_HEIGHT
    dialog.setMaximumSize(max(max_w, 640), max(max_h, 420))
    dialog.resize(min(width, max_w), min(height, max_h))


class ColumnMappingDialog(QDialog):
    """Asks what each listed column holds. `mapping()` gives header → field id or 'ignore'."""

    def __init__(self, columns: list[UnknownColumn], parent: QWidget | None = None, *,
                 intro: str | None = None, current: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unknown columns") if intro is None else self.tr("Map a column"))
        self.form = f = load_form("column_mapping_dialog", self)
        if intro is not None:
            f.introLabel.setText(intro)
        self._columns = columns
        self._combos: list[QComboBox] = []
        f.mappingTable.setColumnCount(4)
        f.mappingTable.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header"), self.tr("Example value"), self.tr("Holds")])
        f.mappingTable.setRowCount(len(columns))
        f.mappingTable.verticalHeader().setVisible(False)
        for r, col in enumerate(columns):
            f.mappingTable.setItem(r, 0, _item(col.column))
            f.mappingTable.setItem(r, 1, _item(col.header))
            f.mappingTable.setItem(r, 2, _item(col.sample if col.has_data else self.tr("(empty)")))
            combo = QComboBox()
            combo.addItem(self.tr("— choose —"), None)
            combo.addItem(self.tr("Ignore this column"), IGNORE)
            combo.addItem(self.tr("Keep it as a note with each application"), NOTE)
            for spec in FIELDS.values():
                combo.addItem(field_name(spec.id), spec.id)
            combo.setMinimumContentsLength(16)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            chosen = (current or {}).get(excel_import.normalise_header(col.header))
            if chosen is not None and combo.findData(chosen) >= 0:
                combo.setCurrentIndex(combo.findData(chosen))
            elif not col.has_data:
                combo.setCurrentIndex(1)
            f.mappingTable.setCellWidget(r, 3, combo)
            self._combos.append(combo)
        header = f.mappingTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        f.mappingTable.resizeColumnsToContents()
        for column, widest in ((1, 200), (2, 220)):  # long headers and values are elided: the combo stays on screen
            f.mappingTable.setColumnWidth(column, min(f.mappingTable.columnWidth(column), widest))
        f.mappingTable.setColumnWidth(3, max(f.mappingTable.columnWidth(3), 240))
        header.setStretchLastSection(True)
        f.mappingTable.setTextElideMode(Qt.TextElideMode.ElideRight)
        f.buttonBox.accepted.connect(self._accept)
        f.buttonBox.rejected.connect(self.reject)
        _capped(self, 780, min(400, 230 + 34 * len(columns)))

    def mapping(self) -> dict[str, str]:
        return {excel_import.normalise_header(col.header): combo.currentData()
                for col, combo in zip(self._columns, self._combos, strict=True) if combo.currentData()}

    def remember(self) -> bool:
        return self.form.rememberCheck.isChecked()

    def _accept(self) -> None:
        chosen = [combo.currentData() for combo in self._combos]
        if None in chosen:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose what every column holds, or ignore it."))
            return
        fields = [c for c in chosen if c not in (IGNORE, NOTE)]
        if len(fields) != len(set(fields)):
            QMessageBox.warning(self, self.windowTitle(), self.tr("Two columns cannot hold the same field."))
            return
        self.accept()


@dataclass(frozen=True)
class _Read:
    """What the reading task found: the workbook's rows, and what importing them would do."""

    result: ParseResult
    preview: list[RowPreview]


class ImportDialog(QDialog):
    """Emits `imported(changes)` after a successful write."""

    imported = Signal(object)

    def __init__(self, runner: Runner, parent: QWidget | None = None, path: str | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.wf = wf = runner.wf
        self.setWindowTitle(self.tr("Import applications from Excel"))
        self.form = f = load_form("import_dialog", self)
        self.result: ParseResult | None = None
        self.preview: list[RowPreview] = []
        self.outcome: ImportOutcome | None = None
        self.rejected_path: Path | None = None
        self.task: Task | None = None
        self.mapping_dialog: ColumnMappingDialog | None = None
        self._remembered: dict[str, str] = applications.load_mappings(wf)
        self._mapping: dict[str, str] = dict(self._remembered)
        self._new_mapping: dict[str, str] = {}
        self._read_path = ""
        f.roundSpin.setValue(date.today().year)
        f.roundSpin.setEnabled(False)
        f.roundCheck.toggled.connect(f.roundSpin.setEnabled)
        f.roundCheck.toggled.connect(lambda _on: self.read(force=True))
        f.roundSpin.editingFinished.connect(lambda: self.read(force=True))
        f.fileEdit.returnPressed.connect(lambda: self.read(force=True))
        f.fileEdit.editingFinished.connect(self.read)
        f.browseButton.clicked.connect(self._browse)
        f.templateButton.clicked.connect(self._save_template)
        f.cancelButton.clicked.connect(self.reject)
        f.importButton.clicked.connect(lambda: self.write(skip_invalid=False))
        f.importValidButton.clicked.connect(lambda: self.write(skip_invalid=True))
        f.mapColumnButton.clicked.connect(self.map_column)
        f.ignoreColumnButton.clicked.connect(self.ignore_column)
        f.forgetButton.clicked.connect(self.forget)
        f.rememberedList.itemSelectionChanged.connect(self._set_buttons)
        f.errorTable.itemSelectionChanged.connect(self._problem_selected)
        self._table(f.errorTable, [self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self._table(f.previewTable, [self.tr("Row"), self.tr("Outcome"), self.tr("Applicant"),
                                     self.tr("Credit code"), self.tr("Details")])
        self._table(f.columnsTable, [self.tr("Column"), self.tr("Header"), self.tr("Read as"), self.tr("How")])
        f.previewTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._show_remembered()
        self._set_buttons()
        _capped(self, 1000, 620)
        if path:
            f.fileEdit.setText(str(path))
            self.read()

    @staticmethod
    def _table(table: QTableWidget, titles: list[str]) -> None:
        table.setColumnCount(len(titles))
        table.setHorizontalHeaderLabels(titles)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)

    # -- reading ------------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Excel file"), "", XLSX_FILTER)
        if path:
            self.form.fileEdit.setText(path)
            self.read(force=True)

    def _save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the import template"),
                                              excel_import.TEMPLATE_PATH.name, XLSX_FILTER)
        if path:
            try:
                excel_import.write_template(path)
            except OSError as exc:
                QMessageBox.warning(self, self.windowTitle(), str(exc))
                return
            self.form.summaryLabel.setText(self.tr("The template was saved to %1.").replace("%1", path))

    def round_year(self) -> int | None:
        return self.form.roundSpin.value() if self.form.roundCheck.isChecked() else None

    def path(self) -> Path | None:
        text = self.form.fileEdit.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def read(self, force: bool = False) -> None:
        """Read the file named in the path field (again when `force`, or when the path changed)."""
        path = self.path()
        if path is None or self.task is not None or (not force and str(path) == self._read_path):
            return
        self._read_path = str(path)
        self.result, self.preview = None, []
        self._clear_tables()
        self._set_buttons()
        if not path.is_file():
            self.form.summaryLabel.setText(self.tr("No such file: %1").replace("%1", str(path)))
            return
        self.form.summaryLabel.setText(self.tr("Reading…"))
        mapping, year, wf = dict(self._mapping), self.round_year(), self.wf

        def work(progress, is_cancelled) -> _Read:
            result = excel_import.parse_workbook(path, round_year=year, header_map=mapping,
                                                 progress=progress, is_cancelled=is_cancelled)
            return _Read(result, applications.preview_import(wf, [r.data for r in result.rows]))

        self.task = run_task(self, work, label=self.tr("Reading %1…").replace("%1", path.name),
                             on_done=self._read_done, on_error=self._failed)

    def _read_done(self, read: _Read) -> None:
        self.task = None
        result = read.result
        unmapped = result.unmapped_data_columns
        if unmapped:
            self.mapping_dialog = ColumnMappingDialog(result.unknown_columns, self)
            self.mapping_dialog.finished.connect(lambda code: self._mapping_chosen(code, len(unmapped)))
            self.mapping_dialog.open()
            return
        self.result, self.preview = result, read.preview
        self._show_result(result)

    def _mapping_chosen(self, code: int, unmapped: int) -> None:
        dialog, self.mapping_dialog = self.mapping_dialog, None
        if code != QDialog.DialogCode.Accepted:
            self.form.summaryLabel.setText(self.tr(
                "Not imported: %n column(s) hold data the application does not know.", "", unmapped))
            self._show_errors([])
            return
        self._apply_mapping(dialog)

    def _apply_mapping(self, dialog) -> None:
        """Columns mapped in a dialog: used for this file, remembered if asked, and read again."""
        chosen = dialog.mapping()
        self._mapping.update(chosen)
        if dialog.remember():
            self._new_mapping.update(chosen)
        self.read(force=True)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if isinstance(exc, (excel_import.ImportCancelled, Cancelled)):
            self.form.summaryLabel.setText(self.tr("Cancelled. Nothing was imported."))
            return
        if isinstance(exc, RuleViolation):
            message = exc.text(settings.ui_language())
        elif isinstance(exc, (excel_import.WorkbookError, ValueError, OSError)):
            message = str(exc)
        else:
            message = self.tr("Unexpected error: %1").replace("%1", f"{type(exc).__name__}: {exc}")
        self.form.summaryLabel.setText(self.tr("Nothing was imported.") + " " + message)
        QMessageBox.warning(self, self.windowTitle(), message)
        self._set_buttons()

    # -- showing what was read ----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        found = {status: sum(p.status == status for p in self.preview) for status in _OUTCOME}
        found["reject"] = len(self.result.rejected) if self.result else 0
        found["skipped"] = len(self.result.skipped) if self.result else 0
        return found

    def _show_result(self, result: ParseResult) -> None:
        counts = self.counts()
        text = self.tr("%1 rows read: %2 valid, %3 rejected.").replace("%1", str(result.total_rows)) \
            .replace("%2", str(len(result.rows))).replace("%3", str(len(result.rejected)))
        text += " " + self.tr("The import will add %1, update %2 and leave %3 unchanged.") \
            .replace("%1", str(counts[applications.ADD])).replace("%2", str(counts[applications.UPDATE])) \
            .replace("%3", str(counts[applications.UNCHANGED]))
        if result.skipped:
            text += " " + self.tr("%n row(s) holding no application (notes, titles, totals) are passed over.", "",
                                  len(result.skipped))
        hint = self._sheet_hint(result)
        if hint:
            text += " " + hint
        if result.missing_columns:
            missing = [field_name(spec.id) for spec in FIELDS.values() if spec.label in result.missing_columns]
            text += " " + self.tr("Required columns missing: %1.").replace("%1", "、".join(missing))
        if counts[applications.REFUSED]:
            text += " " + self.tr("%n row(s) cannot be imported: a decision was already taken on them.", "",
                                  counts[applications.REFUSED])
        elif result.rejected:
            text += " " + self.tr("Import all is possible only when no row is rejected; "
                                  "or import the valid rows and save the rejected ones to fix them.")
        self.form.summaryLabel.setText(text)
        self._show_errors(result.errors)
        self._show_preview(result)
        self._show_columns(result)
        self.form.tabs.setCurrentWidget(self.form.problemsTab if result.rejected else self.form.previewTab)
        self._set_buttons()

    def _sheet_hint(self, result: ParseResult) -> str:
        """Which sheet was read, when it is not the first one people would look at."""
        if result.header_row <= 2 and result.sheet_title in (excel_import.TEMPLATE_SHEET, "Sheet", "Sheet1"):
            return ""
        return self.tr("Read from sheet “%1”, header in row %2.").replace("%1", result.sheet_title) \
            .replace("%2", str(result.header_row))

    def _show_errors(self, errors) -> None:
        table = self.form.errorTable
        table.setRowCount(len(errors))
        for r, err in enumerate(errors):
            for c, text in enumerate((str(err.row), err.column, err.message)):
                table.setItem(r, c, _item(text))
        _fit_table(table, stretch=2)
        self.form.columnProblemLabel.setText(self._problems_text())
        self._problem_selected()

    def _problems_text(self) -> str:
        problems = self.result.unreadable_columns if self.result else []
        if not problems:
            return ""
        return self.tr("Columns with values that cannot be read: %1. Select one of their problems to map "
                       "that column to another field or to ignore it.").replace(
            "%1", "；".join(f"{p.column}「{p.header}」" for p in problems))

    def _show_preview(self, result: ParseResult) -> None:
        lines: list[tuple[int, str, str, str, str]] = []
        for parsed, preview in zip(result.rows, self.preview, strict=True):
            if preview.status == applications.UPDATE:
                details = self.tr("Changes: %1").replace("%1", "、".join(self._changed_names(preview.changed)))
            elif preview.status == applications.REFUSED:
                details = preview.reason if settings.ui_language().startswith("zh") else preview.reason_en
                details = f"{preview.rule}: {details}"
            else:
                details = "；".join(parsed.notes)
            lines.append((parsed.row, preview.status, parsed.data.enterprise_name, parsed.data.credit_code, details))
        for rejected in result.rejected:
            details = "；".join(f"{e.column}：{e.message}" if e.column else e.message for e in rejected.errors)
            name, code = (result.value(rejected.values, f) for f in ("enterprise_name", "credit_code"))
            lines.append((rejected.row, "reject", "" if name is None else str(name), "" if code is None else str(code),
                          details))
        for skipped in result.skipped:
            lines.append((skipped.row, "skipped", "", "", f"{_tr(_SKIPPED[skipped.reason])}：{skipped.text}"))
        lines.sort(key=lambda line: line[0])
        table = self.form.previewTable
        table.setRowCount(len(lines))
        for r, (row, status, name, code, details) in enumerate(lines):
            colour = QBrush(QColor(_OUTCOME_COLOURS[status])) if status in _OUTCOME_COLOURS else None
            for c, text in enumerate((row, _tr(_OUTCOME[status]), name, code, details)):
                item = _item(text)
                if colour is not None:
                    item.setBackground(colour)
                table.setItem(r, c, item)
        _fit_table(table, stretch=4)

    def _changed_names(self, changed: tuple[str, ...]) -> list[str]:
        return [field_name(name) if name in FIELDS else labels.field_label(name) for name in changed]

    def _show_columns(self, result: ParseResult) -> None:
        table = self.form.columnsTable
        table.setRowCount(len(result.columns))
        for r, use in enumerate(result.columns):
            how = _tr(_HOW[use.how])
            if use.how in ("mapped", "ignored") and excel_import.normalise_header(use.header) in self._remembered:
                how = self.tr("remembered")
            for c, text in enumerate((use.column, use.header, _target_name(use.field), how)):
                item = _item(text)
                if use.how == "guessed":
                    item.setBackground(QBrush(QColor("#fff4d6")))
                table.setItem(r, c, item)
        _fit_table(table, stretch=3)

    def _show_remembered(self) -> None:
        listing = self.form.rememberedList
        listing.clear()
        no_header = self.tr("(no header)")
        for header, target in sorted(self._remembered.items()):
            item = QListWidgetItem(f"{header or no_header} → {_target_name(target)}")
            item.setData(Qt.ItemDataRole.UserRole, header)
            listing.addItem(item)
        if not self._remembered:
            item = QListWidgetItem(self.tr("(none)"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            listing.addItem(item)

    def _clear_tables(self) -> None:
        for table in (self.form.errorTable, self.form.previewTable, self.form.columnsTable):
            table.setRowCount(0)
        self.form.columnProblemLabel.setText("")

    def _set_buttons(self) -> None:
        f, result = self.form, self.result
        refused = any(p.status == applications.REFUSED for p in self.preview)
        f.importButton.setEnabled(bool(result and result.rows and not result.rejected and not refused))
        f.importValidButton.setEnabled(bool(result and result.rows and result.rejected and not refused))
        f.forgetButton.setEnabled(any(item.data(Qt.ItemDataRole.UserRole) is not None
                                      for item in f.rememberedList.selectedItems()))
        problem = self.selected_problem()
        f.mapColumnButton.setEnabled(problem is not None and self.task is None)
        f.ignoreColumnButton.setEnabled(problem is not None and self.task is None)

    # -- a column that cannot be read --------------------------------------------------------
    def selected_problem(self) -> ColumnProblem | None:
        """The unreadable column of the selected problem (or the only one, when nothing is selected)."""
        problems = self.result.unreadable_columns if self.result else []
        rows = self.form.errorTable.selectionModel().selectedRows() if self.form.errorTable.selectionModel() else []
        if rows:
            column = self.form.errorTable.item(rows[0].row(), 1)
            header = column.text() if column is not None else None
            return next((p for p in problems if p.header == header), None)
        return problems[0] if len(problems) == 1 else None

    def _problem_selected(self) -> None:
        """The selected problem in full under the table, and what its column holds when it cannot be read."""
        table = self.form.errorTable
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        texts = []
        if rows and table.item(rows[0].row(), 2) is not None:
            texts.append(self.tr("Row %1: %2").replace("%1", table.item(rows[0].row(), 0).text())
                         .replace("%2", table.item(rows[0].row(), 2).text()))
        problem = self.selected_problem()
        if problem is not None:
            texts.append(problem.message if settings.ui_language().startswith("zh")
                         else self._problem_in_english(problem))
        elif not rows and self.result is not None:
            texts.append(self._problems_text())
        self.form.columnProblemLabel.setText("\n".join(t for t in texts if t))
        self._set_buttons()

    def _problem_in_english(self, problem: ColumnProblem) -> str:
        return self.tr("Column %1 “%2”, read as “%3”: %4 row(s) hold a value that cannot be read, such as "
                       "“%5”.").replace("%1", problem.column).replace("%2", problem.header) \
            .replace("%3", field_name(problem.field)).replace("%4", str(problem.rows)).replace("%5", problem.found)

    def map_column(self) -> None:
        problem = self.selected_problem()
        if problem is None or self.task is not None:
            return
        column = UnknownColumn(problem.header, problem.column, True, problem.found)
        intro = self.tr("Column %1 “%2” was read as “%3”, but some of its values cannot be read as that. "
                        "Say what the column holds, or ignore it.").replace("%1", problem.column) \
            .replace("%2", problem.header).replace("%3", field_name(problem.field))
        self.mapping_dialog = ColumnMappingDialog([column], self, intro=intro)
        self.mapping_dialog.finished.connect(self._column_mapped)
        self.mapping_dialog.open()

    def _column_mapped(self, code: int) -> None:
        dialog, self.mapping_dialog = self.mapping_dialog, None
        if code != QDialog.DialogCode.Accepted:
            return
        self._apply_mapping(dialog)

    def ignore_column(self) -> None:
        problem = self.selected_problem()
        if problem is None or self.task is not None:
            return
        self._mapping[excel_import.normalise_header(problem.header)] = IGNORE
        self.read(force=True)

    # -- remembered mappings -------------------------------------------------------------------
    def forget(self) -> None:
        headers = [item.data(Qt.ItemDataRole.UserRole) for item in self.form.rememberedList.selectedItems()
                   if item.data(Qt.ItemDataRole.UserRole) is not None]
        if not headers:
            return
        self.form.forgetButton.setEnabled(False)
        self.runner.run(app_ops.forget_mappings, headers, parent=self, label=self.tr("Forgetting…"),
                        on_done=lambda _changes: self._forgotten(headers), on_failed=lambda _exc: self._set_buttons())

    def _forgotten(self, headers: list[str]) -> None:
        for header in headers:
            self._mapping.pop(header, None)
            self._new_mapping.pop(header, None)
        self._remembered = applications.load_mappings(self.wf)
        self._show_remembered()
        self._set_buttons()
        if self.path() is not None and self.result is not None:
            self.read(force=True)

    # -- writing ------------------------------------------------------------------------------
    def write(self, *, skip_invalid: bool) -> None:
        result = self.result
        if result is None or self.task is not None:
            return
        source = self.path()
        rejected_path: Path | None = None
        if skip_invalid:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the rejected rows"), str(source.with_name(f"{source.stem}.rejected.xlsx")),
                XLSX_FILTER)
            if not chosen:
                return
            rejected_path = Path(chosen)
        elif result.rejected:
            return
        rows = [(r.source(source.name), r.data) for r in result.rows]
        remember = dict(self._new_mapping)

        def work(wf, progress, is_cancelled) -> Changes:
            if rejected_path is not None:  # written first: if it cannot be written, nothing is imported
                excel_import.write_rejected(result, rejected_path)
            return app_ops.import_applications(wf, rows, progress=progress, is_cancelled=is_cancelled,
                                               remember=remember)

        self.rejected_path = rejected_path
        self.task = self.runner.run(work, parent=self, long=True, label=self.tr("Importing…"), on_done=self._written,
                                    on_refused=self._failed, on_failed=self._failed_other)

    def _failed_other(self, exc: BaseException) -> None:
        if not isinstance(exc, RuleViolation):
            self._failed(exc)

    def _written(self, changes: Changes) -> None:
        self.task = None
        outcome = self.outcome = changes.value
        self.imported.emit(changes)
        text = self.tr("Imported: %1 added, %2 updated, %3 unchanged.").replace("%1", str(outcome.added)) \
            .replace("%2", str(outcome.updated)).replace("%3", str(outcome.unchanged))
        if not (outcome.added or outcome.updated):
            text += " " + self.tr("Nothing new: the working file already holds these applications.")
        if self.rejected_path is not None and self.result is not None:
            text += " " + self.tr("The %n rejected row(s) were saved to %1, with their row numbers and what is "
                                  "wrong; corrected there, that file imports as it is.", "",
                                  len(self.result.rejected)).replace("%1", str(self.rejected_path.resolve()))
        self.form.summaryLabel.setText(text)
        self._remembered = applications.load_mappings(self.wf)
        self._new_mapping.clear()
        self._show_remembered()
        self.result, self.preview = None, []
        self._set_buttons()

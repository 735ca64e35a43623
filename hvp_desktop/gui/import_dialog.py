"""Import applications from Excel: read (off the GUI thread), map unknown columns, review, write.

Nothing is written until the user has seen the outcome of the reading; the write is one
transaction, so a cancel or an error leaves the working file as it was.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import labels, settings
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.tasks import Task, run_task
from hvp_desktop.reports import excel_import
from hvp_desktop.reports.excel_import import FIELDS, IGNORE, ParseResult, UnknownColumn
from hvp_desktop.store import applications
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops.applications import ImportOutcome
from hvp_desktop.store.ops.core import Cancelled, Changes

XLSX_FILTER = "Excel (*.xlsx *.xlsm)"


class ColumnMappingDialog(QDialog):
    """Asks what each unknown column holds. `mapping()` gives header → field id or 'ignore'."""

    def __init__(self, columns: list[UnknownColumn], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unknown columns"))
        self.form = f = load_form("column_mapping_dialog", self)
        self._columns = columns
        self._combos: list[QComboBox] = []
        f.mappingTable.setColumnCount(4)
        f.mappingTable.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header"), self.tr("Example value"), self.tr("Holds")])
        f.mappingTable.setRowCount(len(columns))
        f.mappingTable.verticalHeader().setVisible(False)
        for r, col in enumerate(columns):
            f.mappingTable.setItem(r, 0, QTableWidgetItem(col.column))
            f.mappingTable.setItem(r, 1, QTableWidgetItem(col.header))
            f.mappingTable.setItem(r, 2, QTableWidgetItem(col.sample if col.has_data else self.tr("(empty)")))
            combo = QComboBox()
            combo.addItem(self.tr("— choose —"), None)
            combo.addItem(self.tr("Ignore this column"), IGNORE)
            for spec in FIELDS.values():
                label = labels.field_label(spec.id)
                combo.addItem(spec.label if label == spec.id else label, spec.id)
            if not col.has_data:
                combo.setCurrentIndex(1)
            f.mappingTable.setCellWidget(r, 3, combo)
            self._combos.append(combo)
        header = f.mappingTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        f.buttonBox.accepted.connect(self._accept)
        f.buttonBox.rejected.connect(self.reject)
        self.resize(720, 380)

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
        fields = [c for c in chosen if c != IGNORE]
        if len(fields) != len(set(fields)):
            QMessageBox.warning(self, self.windowTitle(), self.tr("Two columns cannot hold the same field."))
            return
        self.accept()


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
        self.outcome: ImportOutcome | None = None
        self.task: Task | None = None
        self.mapping_dialog: ColumnMappingDialog | None = None
        self._mapping: dict[str, str] = applications.load_mappings(wf)
        self._new_mapping: dict[str, str] = {}
        f.roundSpin.setValue(date.today().year)
        f.roundSpin.setEnabled(False)
        f.roundCheck.toggled.connect(f.roundSpin.setEnabled)
        f.roundCheck.toggled.connect(lambda _on: self.read())
        f.roundSpin.editingFinished.connect(self.read)
        f.browseButton.clicked.connect(self._browse)
        f.templateButton.clicked.connect(self._save_template)
        f.cancelButton.clicked.connect(self.reject)
        f.importButton.clicked.connect(lambda: self.write(skip_invalid=False))
        f.importValidButton.clicked.connect(lambda: self.write(skip_invalid=True))
        f.errorTable.setColumnCount(3)
        f.errorTable.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        f.errorTable.verticalHeader().setVisible(False)
        f.errorTable.horizontalHeader().setStretchLastSection(True)
        self._set_buttons()
        self.resize(860, 560)
        if path:
            f.fileEdit.setText(str(path))
            self.read()

    # -- reading ------------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Excel file"), "", XLSX_FILTER)
        if path:
            self.form.fileEdit.setText(path)
            self.read()

    def _save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the import template"),
                                              excel_import.TEMPLATE_PATH.name, XLSX_FILTER)
        if path:
            try:
                excel_import.write_template(path)
            except OSError as exc:
                QMessageBox.warning(self, self.windowTitle(), str(exc))

    def round_year(self) -> int | None:
        return self.form.roundSpin.value() if self.form.roundCheck.isChecked() else None

    def read(self) -> None:
        path = self.form.fileEdit.text()
        if not path or self.task is not None:
            return
        self.result = None
        self._set_buttons()
        self.form.summaryLabel.setText(self.tr("Reading…"))
        mapping, year = dict(self._mapping), self.round_year()

        def work(progress, is_cancelled):
            return excel_import.parse_workbook(Path(path), round_year=year, header_map=mapping,
                                               progress=progress, is_cancelled=is_cancelled)

        self.task = run_task(self, work, label=self.tr("Reading %1…").replace("%1", Path(path).name),
                             on_done=self._read_done, on_error=self._failed)

    def _read_done(self, result: ParseResult) -> None:
        self.task = None
        unmapped = result.unmapped_data_columns
        if unmapped:
            self.mapping_dialog = ColumnMappingDialog(result.unknown_columns, self)
            self.mapping_dialog.finished.connect(lambda code: self._mapping_chosen(code, len(unmapped)))
            self.mapping_dialog.open()
            return
        self.result = result
        self._show_result(result)

    def _mapping_chosen(self, code: int, unmapped: int) -> None:
        dialog, self.mapping_dialog = self.mapping_dialog, None
        if code != QDialog.DialogCode.Accepted:
            self.form.summaryLabel.setText(self.tr(
                "Not imported: %n column(s) hold data the application does not know.", "", unmapped))
            self._show_errors([])
            return
        chosen = dialog.mapping()
        self._mapping.update(chosen)
        if dialog.remember():
            self._new_mapping.update(chosen)
        self.read()

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

    def _show_result(self, result: ParseResult) -> None:
        text = self.tr("%1 rows read: %2 valid, %3 rejected.").replace("%1", str(result.total_rows)) \
            .replace("%2", str(len(result.rows))).replace("%3", str(len(result.rejected)))
        if result.missing_columns:
            text += " " + self.tr("Required columns missing: %1.").replace("%1", "、".join(result.missing_columns))
        if result.rejected:
            text += " " + self.tr("Import all is possible only when no row is rejected; "
                                  "or import the valid rows and save the rejected ones to fix them.")
        self.form.summaryLabel.setText(text)
        self._show_errors(result.errors)
        self._set_buttons()

    def _show_errors(self, errors) -> None:
        table = self.form.errorTable
        table.setRowCount(len(errors))
        for r, err in enumerate(errors):
            for c, text in enumerate((str(err.row), err.column, err.message)):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(1)

    def _set_buttons(self) -> None:
        f, result = self.form, self.result
        f.importButton.setEnabled(bool(result and result.rows and not result.rejected))
        f.importValidButton.setEnabled(bool(result and result.rows and result.rejected))

    # -- writing ------------------------------------------------------------------------------
    def write(self, *, skip_invalid: bool) -> None:
        result = self.result
        if result is None or self.task is not None:
            return
        rejected_path: Path | None = None
        if skip_invalid:
            source = Path(self.form.fileEdit.text())
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the rejected rows"), str(source.with_name(f"{source.stem}.rejected.xlsx")),
                XLSX_FILTER)
            if not chosen:
                return
            rejected_path = Path(chosen)
        elif result.rejected:
            return
        name = Path(self.form.fileEdit.text()).name
        rows = [(f"{name}:{r.row}", r.data) for r in result.rows]
        remember = dict(self._new_mapping)

        def work(wf, progress, is_cancelled) -> Changes:
            if rejected_path is not None:  # written first: if it cannot be written, nothing is imported
                excel_import.write_rejected(result, rejected_path)
            return app_ops.import_applications(wf, rows, progress=progress, is_cancelled=is_cancelled,
                                               remember=remember)

        self.task = self.runner.run(work, parent=self, long=True, label=self.tr("Importing…"), on_done=self._written,
                                    on_refused=self._failed, on_failed=self._failed_other)

    def _failed_other(self, exc: BaseException) -> None:
        if not isinstance(exc, RuleViolation):
            self._failed(exc)

    def _written(self, changes: Changes) -> None:
        self.task = None
        outcome = self.outcome = changes.value
        self.imported.emit(changes)
        self.form.summaryLabel.setText(
            self.tr("Imported: %1 added, %2 updated, %3 unchanged.").replace("%1", str(outcome.added))
            .replace("%2", str(outcome.updated)).replace("%3", str(outcome.unchanged)))
        self.result = None
        self._set_buttons()

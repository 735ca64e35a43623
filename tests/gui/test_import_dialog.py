"""Import through the dialog: read off the GUI thread, map unknown columns, review, write."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from hvp_desktop.gui import import_dialog as import_dialog_module
from hvp_desktop.gui.import_dialog import ImportDialog
from hvp_desktop.gui.main_window import MainWindow
from hvp_desktop.store import applications, audit, queries
from hvp_desktop.store.ops import applications as app_ops
from tests.gui.conftest import write_applications_xlsx
from tests.messy_workbooks import code, grouped_workbook, messy_workbook


def _read(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.task is None and (dialog.result is not None or dialog.mapping_dialog is not None
                                                    or "Nothing" in dialog.form.summaryLabel.text()),
                    timeout=10_000)
    qtbot.wait(1)  # a re-read started by the previous one


def _window(qtbot, wf) -> MainWindow:
    window = MainWindow(wf)
    qtbot.addWidget(window)
    window.show()
    return window


def test_import_valid_file_through_dialog_updates_the_list(qtbot, demo_wf, tmp_path, new_applications):
    window = _window(qtbot, demo_wf)
    before = window.applications.model.rowCount()
    xlsx = write_applications_xlsx(tmp_path / "2027.xlsx", new_applications)
    dialog = window.import_applications(str(xlsx))
    qtbot.addWidget(dialog)
    _read(qtbot, dialog)
    f = dialog.form
    assert "12 rows read: 12 valid, 0 rejected" in f.summaryLabel.text()
    assert f.importButton.isEnabled() and not f.importValidButton.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as signal:
        qtbot.mouseClick(f.importButton, Qt.MouseButton.LeftButton)
    assert len(signal.args[0].applications) == 12
    assert "12 added, 0 updated, 0 unchanged" in f.summaryLabel.text()
    assert window.applications.model.rowCount() == before + 12
    titles = [window.applications.form.roundCombo.itemText(i)
              for i in range(window.applications.form.roundCombo.count())]
    assert any(t.startswith("2027") for t in titles)


def test_reimporting_the_same_file_changes_nothing(qtbot, demo_wf, tmp_path, new_applications):
    xlsx = write_applications_xlsx(tmp_path / "2027.xlsx", new_applications)
    window = _window(qtbot, demo_wf)
    for expected in ("12 added, 0 updated, 0 unchanged", "0 added, 0 updated, 12 unchanged"):
        dialog = window.import_applications(str(xlsx))
        qtbot.addWidget(dialog)
        _read(qtbot, dialog)
        with qtbot.waitSignal(dialog.imported, timeout=10_000):
            dialog.form.importButton.click()
        assert expected in dialog.form.summaryLabel.text()
        dialog.close()
    with demo_wf.session() as s:
        events_after_second = audit.verify(s).events
    with demo_wf.session() as s:
        assert audit.verify(s).ok and audit.verify(s).events == events_after_second


def test_invalid_rows_block_import_all_and_skip_invalid_saves_them(qtbot, demo_wf, tmp_path, new_applications,
                                                                   monkeypatch):
    rows = [dict(r) for r in new_applications]
    rows[2]["credit_code"] = rows[2]["credit_code"][:-1] + ("0" if rows[2]["credit_code"][-1] != "0" else "1")
    rows[4]["co3_name"], rows[4]["co3_kind"] = "广州大学", "高校"
    xlsx = write_applications_xlsx(tmp_path / "bad.xlsx", rows)
    window = _window(qtbot, demo_wf)
    count_before = window.applications.model.rowCount()
    dialog = window.import_applications(str(xlsx))
    qtbot.addWidget(dialog)
    _read(qtbot, dialog)
    f = dialog.form
    assert "10 valid, 2 rejected" in f.summaryLabel.text()
    assert not f.importButton.isEnabled() and f.importValidButton.isEnabled()
    problems = [(f.errorTable.item(r, 0).text(), f.errorTable.item(r, 2).text()) for r in range(f.errorTable.rowCount())]
    # data starts on Excel row 3: rows[2] is row 5 (bad check digit), rows[4] is row 7 (third co-applicant)
    assert [p[0] for p in problems if "R2" in p[1]] == ["7"]
    assert [p[0] for p in problems if "校验位" in p[1]] == ["5"]
    rejected_out = tmp_path / "bad.rejected.xlsx"
    monkeypatch.setattr(import_dialog_module.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(rejected_out), ""))
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(f.importValidButton, Qt.MouseButton.LeftButton)
    assert window.applications.model.rowCount() == count_before + 10
    sheet = openpyxl.load_workbook(rejected_out).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[-1] == "错误原因"
    assert sheet.max_row == 3  # header + the two rejected rows


def test_unknown_column_with_data_asks_for_a_mapping_and_remembers_it(qtbot, demo_wf, tmp_path, new_applications,
                                                                      monkeypatch):
    warnings = []
    monkeypatch.setattr(import_dialog_module.QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    xlsx = write_applications_xlsx(tmp_path / "extra.xlsx", new_applications,
                                   extra={"推荐单位意见": ["重点企业"] * len(new_applications)})
    window = _window(qtbot, demo_wf)
    dialog = window.import_applications(str(xlsx))
    qtbot.addWidget(dialog)
    _read(qtbot, dialog)
    mapping = dialog.mapping_dialog
    assert mapping is not None and mapping.isVisible()
    table = mapping.form.mappingTable
    assert table.item(0, 1).text() == "推荐单位意见" and table.item(0, 2).text() == "重点企业"
    mapping.form.buttonBox.accepted.emit()  # nothing chosen yet: refused with a message box
    assert mapping.isVisible() and warnings == ["Choose what every column holds, or ignore it."]
    combo = table.cellWidget(0, 3)
    combo.setCurrentIndex(combo.findData("ignore"))
    mapping.form.buttonBox.accepted.emit()
    _read(qtbot, dialog)
    assert dialog.result is not None and len(dialog.result.rows) == 12
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.form.importButton.click()
    assert applications.load_mappings(demo_wf) == {"推荐单位意见": "ignore"}


def test_cancelling_the_write_leaves_the_file_as_it_was(qtbot, demo_wf, tmp_path, new_applications):
    window = _window(qtbot, demo_wf)
    xlsx = write_applications_xlsx(tmp_path / "2027.xlsx", new_applications * 1)
    dialog = window.import_applications(str(xlsx))
    qtbot.addWidget(dialog)
    _read(qtbot, dialog)
    with demo_wf.session() as s:
        events_before = audit.verify(s).events
    dialog.form.importButton.click()
    dialog.task.cancel()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10_000)
    assert "Cancelled. Nothing was imported." in dialog.form.summaryLabel.text()
    assert len(queries.application_rows(demo_wf)) == 84
    with demo_wf.session() as s:
        assert audit.verify(s).events == events_before


def test_a_file_that_is_not_excel_gets_a_message_not_a_crash(qtbot, demo_wf, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(import_dialog_module.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    bogus = tmp_path / "scores.xlsx"
    bogus.write_text("this is not a spreadsheet")
    window = _window(qtbot, demo_wf)
    dialog = window.import_applications(str(bogus))
    qtbot.addWidget(dialog)
    _read(qtbot, dialog)
    assert "Nothing was imported." in dialog.form.summaryLabel.text()
    assert shown and "Traceback" not in shown[0]
    assert not dialog.form.importButton.isEnabled()


# ------------------------------------------------------------------------------ real spreadsheets (issue 17)


@pytest.fixture
def empty_wf(tmp_path):
    from hvp_desktop.store.engine import WorkingFile

    wf = WorkingFile.create(tmp_path / "empty.hvpdb", "import-dialog")
    yield wf
    wf.close()


@pytest.fixture
def dialog_on(qtbot, make_runner):
    made = []

    def make(wf, path=None) -> ImportDialog:
        dialog = ImportDialog(make_runner(wf), path=str(path) if path else None)
        qtbot.addWidget(dialog)
        dialog.show()
        made.append(dialog)
        return dialog

    return make


def _outcomes(dialog) -> dict[int, str]:
    table = dialog.form.previewTable
    return {int(table.item(r, 0).text()): table.item(r, 1).text() for r in range(table.rowCount())}


def test_the_messy_workbook_is_previewed_then_22_imported_and_the_8_rejected_saved(
        qtbot, empty_wf, dialog_on, tmp_path, monkeypatch):
    messy = messy_workbook(tmp_path / "汇总.xlsx")
    dialog = dialog_on(empty_wf, messy.path)
    _read(qtbot, dialog)
    f = dialog.form
    assert "30 rows read: 22 valid, 8 rejected" in f.summaryLabel.text()
    assert "add 22, update 0 and leave 0 unchanged" in f.summaryLabel.text()
    outcomes = _outcomes(dialog)
    assert [row for row, what in outcomes.items() if what == "Add"] == sorted(messy.good_rows)
    assert [row for row, what in outcomes.items() if what == "Rejected"] == sorted(messy.defect_rows)
    assert [row for row, what in outcomes.items() if what == "Passed over"] == messy.skipped_rows
    assert f.tabs.currentWidget() is f.problemsTab  # rejected rows: their reasons first
    assert not f.importButton.isEnabled() and f.importValidButton.isEnabled()
    out = tmp_path / "改正.xlsx"
    monkeypatch.setattr(import_dialog_module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as signal:
        f.importValidButton.click()
    assert signal.args[0].value.added == 22
    assert "22 added" in f.summaryLabel.text() and str(out.resolve()) in f.summaryLabel.text()  # where it is
    assert len(queries.application_rows(empty_wf)) == 22

    again = dialog_on(empty_wf, out)  # the rejected rows, as saved: no mapping is asked
    _read(qtbot, again)
    assert again.mapping_dialog is None and again.result.unknown_columns == []
    assert sorted(_outcomes(again).values()) == ["Rejected"] * 7 + ["Update"]  # the duplicate's code alone: G1


def test_the_path_can_be_typed(qtbot, empty_wf, dialog_on, tmp_path):
    dialog = dialog_on(empty_wf)
    xlsx = grouped_workbook(tmp_path / "grouped.xlsx")
    dialog.form.fileEdit.setText(str(tmp_path / "no-such.xlsx"))
    qtbot.keyClick(dialog.form.fileEdit, Qt.Key.Key_Return)
    assert "No such file" in dialog.form.summaryLabel.text()
    dialog.form.fileEdit.setText(str(xlsx))
    qtbot.keyClick(dialog.form.fileEdit, Qt.Key.Key_Return)
    _read(qtbot, dialog)
    assert "4 valid, 0 rejected" in dialog.form.summaryLabel.text()
    assert "“申报汇总”" in dialog.form.summaryLabel.text()  # the second sheet was read, and it says so
    table = dialog.form.columnsTable
    hows = {table.item(r, 1).text(): table.item(r, 3).text() for r in range(table.rowCount())}
    assert hows["基本情况统一社会信用代码"] == "read by its meaning: check it"


def _phones_workbook(path):
    book = openpyxl.Workbook()
    for line in (["企业名称", "信用代码", "年度", "负责人"], ["甲公司", code(1), 2025, "13800000000"],
                 ["乙公司", code(2), 2025, "13900000000"]):
        book.active.append(line)
    book.save(path)
    return path


def test_a_column_that_cannot_be_read_can_be_ignored(qtbot, empty_wf, dialog_on, tmp_path):
    dialog = dialog_on(empty_wf, _phones_workbook(tmp_path / "p.xlsx"))
    _read(qtbot, dialog)
    f = dialog.form
    assert f.tabs.currentWidget() is f.problemsTab
    assert "负责人" in f.columnProblemLabel.text()
    f.errorTable.selectRow(0)
    assert "13800000000" in f.columnProblemLabel.text() and f.ignoreColumnButton.isEnabled()
    f.ignoreColumnButton.click()
    _read(qtbot, dialog)
    assert dialog.result.rejected == [] and f.importButton.isEnabled()


def test_a_column_that_cannot_be_read_can_be_mapped_and_the_mapping_is_remembered(
        qtbot, empty_wf, dialog_on, tmp_path):
    dialog = dialog_on(empty_wf, _phones_workbook(tmp_path / "p.xlsx"))
    _read(qtbot, dialog)
    f = dialog.form
    f.errorTable.selectRow(1)
    f.mapColumnButton.click()
    mapping = dialog.mapping_dialog
    assert mapping is not None and mapping.isVisible()
    combo = mapping.form.mappingTable.cellWidget(0, 3)
    combo.setCurrentIndex(combo.findData("contact_phone"))
    mapping.form.buttonBox.accepted.emit()
    _read(qtbot, dialog)
    assert dialog.result.rejected == []
    assert [r.data.contact_phone for r in dialog.result.rows] == ["13800000000", "13900000000"]
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        f.importButton.click()
    assert applications.load_mappings(empty_wf) == {"负责人": "contact_phone"}
    items = [f.rememberedList.item(i).text() for i in range(f.rememberedList.count())]
    assert items == ["负责人 → Contact phone"]


def test_a_remembered_mapping_is_listed_and_forgotten_through_the_runner(qtbot, empty_wf, dialog_on, tmp_path):
    app_ops.remember_mappings(empty_wf, {"负责人": "contact_phone", "备注": "ignore"})
    dialog = dialog_on(empty_wf, _phones_workbook(tmp_path / "p.xlsx"))
    _read(qtbot, dialog)
    f = dialog.form
    assert dialog.result.rejected == []  # the remembered mapping applied
    listing = f.rememberedList
    assert [listing.item(i).text() for i in range(listing.count())] == ["备注 → (ignored)", "负责人 → Contact phone"]
    assert not f.forgetButton.isEnabled()
    listing.item(1).setSelected(True)
    assert f.forgetButton.isEnabled()
    f.forgetButton.click()
    qtbot.waitUntil(lambda: applications.load_mappings(empty_wf) == {"备注": "ignore"}, timeout=10_000)
    qtbot.waitUntil(lambda: listing.count() == 1 and dialog.result is not None and dialog.task is None,
                    timeout=10_000)
    assert len(dialog.result.rejected) == 2  # read again without it: the phone numbers are no yes/no


def test_the_preview_shows_updates_and_unchanged_rows(qtbot, empty_wf, dialog_on, tmp_path):
    first = grouped_workbook(tmp_path / "g.xlsx")
    dialog = dialog_on(empty_wf, first)
    _read(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.form.importButton.click()
    book = openpyxl.load_workbook(first)
    book["申报汇总"]["K6"] = 9  # the first application's staff changed
    book.save(first)
    again = dialog_on(empty_wf, first)
    _read(qtbot, again)
    assert "add 0, update 1 and leave 3 unchanged" in again.form.summaryLabel.text()
    table = again.form.previewTable
    update = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "Update")
    assert "Full-time IP staff" in table.item(update, 4).text()
    with qtbot.waitSignal(again.imported, timeout=10_000):
        again.form.importButton.click()
    assert "0 added, 1 updated, 3 unchanged" in again.form.summaryLabel.text()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_dialog_fits_a_1366x768_screen(qtbot, empty_wf, dialog_on, tmp_path, language):
    from PySide6.QtWidgets import QApplication

    from hvp_desktop.app import Application

    app = Application(QApplication.instance())
    app.install_language(language)
    try:
        dialog = dialog_on(empty_wf, messy_workbook(tmp_path / "汇总.xlsx").path)
        _read(qtbot, dialog)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 700, hint
        assert dialog.width() <= 1366 and dialog.height() <= 700
        dialog.form.errorTable.selectRow(0)
        dialog.map_column()
        shots = Path(os.environ.get("HVP_SCREENSHOTS", tmp_path))
        shots.mkdir(parents=True, exist_ok=True)
        for name, widget in (("import", dialog), ("import-mapping", dialog.mapping_dialog)):
            if widget is not None:
                assert widget.width() <= 1366 and widget.height() <= 768
                assert widget.grab().save(str(shots / f"{name}-{language}.png"))
        for tab in (dialog.form.previewTab, dialog.form.columnsTab):
            dialog.form.tabs.setCurrentWidget(tab)
            assert dialog.grab().save(str(shots / f"import-{tab.objectName()}-{language}.png"))
    finally:
        app.install_language("en")

"""Import through the dialog: read off the GUI thread, map unknown columns, review, write."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt

from hvp_desktop.gui import import_dialog as import_dialog_module
from hvp_desktop.gui.main_window import MainWindow
from hvp_desktop.store import applications, audit, queries
from tests.gui.conftest import write_applications_xlsx


def _read(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.task is None and (dialog.result is not None or dialog.mapping_dialog is not None
                                                    or "Nothing" in dialog.form.summaryLabel.text()),
                    timeout=10_000)


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
                                   extra={"备注说明": ["重点企业"] * len(new_applications)})
    window = _window(qtbot, demo_wf)
    dialog = window.import_applications(str(xlsx))
    qtbot.addWidget(dialog)
    _read(qtbot, dialog)
    mapping = dialog.mapping_dialog
    assert mapping is not None and mapping.isVisible()
    table = mapping.form.mappingTable
    assert table.item(0, 1).text() == "备注说明" and table.item(0, 2).text() == "重点企业"
    mapping.form.buttonBox.accepted.emit()  # nothing chosen yet: refused with a message box
    assert mapping.isVisible() and warnings == ["Choose what every column holds, or ignore it."]
    combo = table.cellWidget(0, 3)
    combo.setCurrentIndex(combo.findData("ignore"))
    mapping.form.buttonBox.accepted.emit()
    _read(qtbot, dialog)
    assert dialog.result is not None and len(dialog.result.rows) == 12
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.form.importButton.click()
    assert applications.load_mappings(demo_wf) == {"备注说明": "ignore"}


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

"""The main window and the application list panel over the demo file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hvp_desktop.app import Application
from hvp_desktop.gui.application_model import COLUMNS
from hvp_desktop.gui.main_window import MainWindow
from hvp_desktop.store import queries
from tests.gui.conftest import type_text


def _window(qtbot, wf) -> MainWindow:
    window = MainWindow(wf)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _visible_names(panel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(r, 1).data() for r in range(proxy.rowCount())]


def test_only_built_panels_are_in_the_navigation(qtbot, demo_wf):
    window = _window(qtbot, demo_wf)
    nav = window.form.navigation
    assert [nav.item(i).text() for i in range(nav.count())] == ["Applications", "Scoring", "Ranking", "Checklist"]
    assert window.form.panels.count() == 4


def test_list_shows_every_application_newest_year_first(qtbot, demo_wf):
    panel = _window(qtbot, demo_wf).applications
    assert panel.proxy.rowCount() == len(queries.application_rows(demo_wf)) == 84
    years = [int(panel.proxy.index(r, 0).data()) for r in range(panel.proxy.rowCount())]
    assert years == sorted(years, reverse=True)
    assert "84 of 84" in panel.form.countLabel.text()


def test_search_by_typing_filters_by_name_and_code(qtbot, demo_wf):
    panel = _window(qtbot, demo_wf).applications
    rows = queries.application_rows(demo_wf)
    target = rows[5]
    qtbot.keyClicks(panel.form.searchEdit, target.credit_code[-6:].lower())
    assert _visible_names(panel) == [target.enterprise_name]
    panel.form.searchEdit.clear()
    type_text(qtbot, panel.form.searchEdit, "广州")
    expected = sorted(r.enterprise_name for r in rows if "广州" in r.enterprise_name)
    assert sorted(_visible_names(panel)) == expected
    assert 0 < len(expected) < 84


def test_filters_by_round_state_and_eligibility_combine(qtbot, demo_wf):
    panel = _window(qtbot, demo_wf).applications
    rows = queries.application_rows(demo_wf)
    f = panel.form
    round_2026 = next(rid for rid, title in queries.round_list(demo_wf) if title.startswith("2026"))
    f.roundCombo.setCurrentIndex(f.roundCombo.findData(round_2026))
    assert panel.proxy.rowCount() == sum(r.round_id == round_2026 for r in rows) == 46
    f.eligibilityCombo.setCurrentIndex(f.eligibilityCombo.findData("no"))
    failing = [r for r in rows if r.round_id == round_2026 and r.eligibility == "no"]
    assert failing, "the demo must contain applications that fail an R1 fact"
    assert sorted(_visible_names(panel)) == sorted(r.enterprise_name for r in failing)
    f.stateCombo.setCurrentIndex(f.stateCombo.findData("recognised"))
    assert panel.proxy.rowCount() == 0
    f.stateCombo.setCurrentIndex(0)
    f.roundCombo.setCurrentIndex(0)
    f.eligibilityCombo.setCurrentIndex(0)
    assert panel.proxy.rowCount() == 84


def test_clicking_a_header_sorts_and_filter_still_applies(qtbot, demo_wf):
    panel = _window(qtbot, demo_wf).applications
    header = panel.form.table.horizontalHeader()
    staff_col = COLUMNS.index("ip_staff_count")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_center(header, staff_col))
    staff = [int(panel.proxy.index(r, staff_col).data()) for r in range(panel.proxy.rowCount())]
    assert staff == sorted(staff) or staff == sorted(staff, reverse=True)
    assert staff != [int(x) for x in sorted(map(str, staff))] or len(set(staff)) < 3  # numeric, not text order
    type_text(qtbot, panel.form.searchEdit, "粤港澳")
    names = _visible_names(panel)
    assert names and all("粤港澳" in n for n in names)
    # sorting again while filtered keeps exactly the same rows, in the other order
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_center(header, 1))
    resorted = _visible_names(panel)
    assert sorted(resorted) == sorted(names)
    assert resorted == sorted(resorted) or resorted == sorted(resorted, reverse=True)


def _section_center(header, section):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_opening_a_row_shows_all_declared_data_and_co_applicants(qtbot, demo_wf):
    panel = _window(qtbot, demo_wf).applications
    rows = queries.application_rows(demo_wf)
    with_two = next(r for r in rows if r.co_applicants == 2)
    qtbot.keyClicks(panel.form.searchEdit, with_two.credit_code)
    index = panel.proxy.index(0, 1)
    panel.form.table.activated.emit(index)
    dialog = panel.detail_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    f = dialog.form
    assert f.titleLabel.text() == with_two.enterprise_name
    assert f.coApplicantsTable.rowCount() == 2
    shown = {f.dataTable.item(r, 0).text(): f.dataTable.item(r, 1).text() for r in range(f.dataTable.rowCount())}
    assert shown["Unified social credit code"] == with_two.credit_code
    assert shown["Full-time IP staff"] == str(with_two.ip_staff_count)
    assert f.historyTable.rowCount() >= 1
    assert f.historyTable.item(0, 2).text() == "Imported"


def test_chinese_translation_is_loaded_and_window_fits_1366x768(qtbot, demo_wf):
    app = Application(QApplication.instance())
    app.install_language("zh_CN")
    try:
        window = _window(qtbot, demo_wf)
        assert window.form.navigation.item(0).text() == "申报列表"
        assert window.applications.proxy.headerData(1, Qt.Orientation.Horizontal) == "申报单位"
        panel = window.applications.form
        # every filter control lies inside the window at the experts' laptop size
        for widget in (panel.searchEdit, panel.roundCombo, panel.stateCombo, panel.eligibilityCombo,
                       panel.importButton):
            right = widget.mapTo(window, widget.rect().topRight()).x()
            assert 0 < right <= window.width(), widget.objectName()
        assert not window.grab().isNull()
    finally:
        app.install_language("en")

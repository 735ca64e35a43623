"""Issue 17, section 3: the panels hold — the window fits the screen, the navigation keeps its
width, the sort arrow points the way the rows run, an irreversible step defaults to No, the
ranking's words name what they mean (the method in use, the history in sentences), and a chart
with nothing to show says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleOptionHeader

from hvp_desktop.gui import ranking_charts, widgets
from hvp_desktop.store import queries


@pytest.fixture
def window(qtbot, demo_wf):
    from hvp_desktop.gui import settings
    from hvp_desktop.gui.main_window import MainWindow

    settings.settings().remove("main_window/geometry")  # as on a first start: nothing remembered
    w = MainWindow(demo_wf)
    qtbot.addWidget(w)
    yield w
    w.runner.close()


def test_the_window_opens_maximised_on_a_laptop_screen(window):
    """The test screen (800×800) is smaller than a roomy desktop: maximised, never past it."""
    window.show_fitted()
    QApplication.processEvents()
    assert window.isMaximized()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768, hint


def test_the_window_in_another_language_takes_the_old_ones_place(qtbot, window, demo_wf):
    from hvp_desktop.gui.main_window import MainWindow

    window.show_fitted()
    again = MainWindow(demo_wf)
    qtbot.addWidget(again)
    again.show_fitted(like=window)
    assert again.isMaximized()
    again.runner.close()


def test_the_navigation_column_keeps_its_width(qtbot, window):
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    nav = window.form.navigation
    widths = set()
    for row in (0, 1, 2, 0):
        nav.setCurrentRow(row)
        QApplication.processEvents()
        widths.add(nav.width())
    window.resize(1100, 700)
    QApplication.processEvents()
    widths.add(nav.width())
    assert len(widths) == 1 and nav.minimumWidth() == nav.maximumWidth()


def test_the_sort_arrow_points_the_way_the_rows_run(qtbot, window):
    """Newest year first is a descending order: ▼ (Qt would draw ▲)."""
    from PySide6.QtCore import Qt

    header = window.applications.form.table.horizontalHeader()
    assert isinstance(header, widgets.SortHeader)
    option = QStyleOptionHeader()
    header.initStyleOptionForIndex(option, header.sortIndicatorSection())
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown
    model = window.applications.proxy
    years = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert years == sorted(years, reverse=True)
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    header.initStyleOptionForIndex(option, 0)
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortUp


def test_an_irreversible_step_defaults_to_no(qtbot):
    seen = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        box.defaultButton().click()  # Enter

    QTimer.singleShot(100, answer)
    assert widgets.confirm_irreversible(None, "Shortlist", "This cannot be undone.") is False
    assert seen["default"]


def test_the_list_keeps_the_selected_application_when_it_reloads(qtbot, window):
    panel = window.applications
    row = panel.proxy.rowCount() // 2
    panel.form.table.selectRow(row)
    chosen = panel.selected_application()
    panel.reload()  # what a decision taken in the detail dialog announces
    assert panel.selected_application() == chosen


def test_history_reads_as_sentences(qtbot, demo_wf, make_runner):
    """No audit ids (`sheet.entries`), no check keys (`R1.tax`), no raw payloads."""
    import re

    from hvp_desktop.gui.application_detail import ApplicationDetailDialog

    runner = make_runner(demo_wf)
    rows = queries.application_rows(demo_wf)
    busiest = sorted(rows, key=lambda r: -len(queries.application_detail(demo_wf, r.id).history))[:3]
    for row in busiest:
        dialog = ApplicationDetailDialog(runner, row.id)
        qtbot.addWidget(dialog)
        table = dialog.form.historyTable
        texts = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(1, 4)]
        assert texts
        assert not [t for t in texts if re.search(r"\b[a-z_]+\.[a-z_]+\b|\bR\d+\.[a-z_]+\b|[{}\[\]]", t)], texts
        events = {table.item(r, 2).text() for r in range(table.rowCount())}
        assert "Other change" not in events


def test_the_sensitivity_line_names_the_method_in_use_and_the_alternative(demo_wf):
    from dataclasses import replace

    from hvp_desktop.gui.ranking_model import sensitivity_words
    from hvp_desktop.store import ranking

    round_id = next(i for i, _t, kind in queries.reviewable_rounds(demo_wf) if kind == "recognition")
    view = ranking.analyse_round(demo_wf, round_id)
    a = view.analysis
    moved = {m: apps for m, apps in a.sensitivity.items() if apps}
    assert moved, "the demo's recognition round is sensitive to the method"
    words = sensitivity_words(view)
    for method in moved:
        assert f"by the {method.value.replace('_', ' ')} instead of the {a.settings.method.value.replace('_', ' ')}" \
            in words
    # an alternative equal to the method in use is never named as one
    odd = replace(view, analysis=replace(a, sensitivity={a.settings.method: [1], **a.sensitivity}))
    assert f"by the {a.settings.method.value.replace('_', ' ')} instead" not in sensitivity_words(odd)


def test_a_chart_with_nothing_to_show_says_so(qtbot):
    from hvp_desktop.scoring.analysis import analyse
    from hvp_desktop.scoring.ranking import Line

    empty = analyse({}, Line.places_line(3))
    for chart_of in (ranking_charts.leniency_bars, ranking_charts.box_plot, ranking_charts.distribution):
        for experts in ({}, {1: "A", 2: "B"}):
            chart = chart_of(empty, experts)
            assert chart.series() == [] and chart.title()
            view = ranking_charts.make_view()
            qtbot.addWidget(view)
            ranking_charts.set_chart(view, chart)
            view.grab()  # drawn without a crash


def test_leniency_shows_only_the_experts_it_can_be_computed_for(qtbot, demo_wf):
    from hvp_desktop.store import ranking

    round_id = next(i for i, _t, kind in queries.reviewable_rounds(demo_wf) if kind == "recognition")
    view = ranking.analyse_round(demo_wf, round_id)
    chart = ranking_charts.leniency_bars(view.analysis, {**view.experts, 999_999: "nobody"})
    bars = chart.series()[0].barSets()[0]
    assert bars.count() == len(view.analysis.leniency) > 0
    shown = sorted(round(bars.at(i), 2) for i in range(bars.count()))
    assert shown == sorted(float(v) for v in view.analysis.leniency.values())

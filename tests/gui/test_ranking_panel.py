"""The chair's ranking panel over real working files: the table in rank order with the rule line
drawn in it, flags explained, a tie decided, the round consolidated and reopened, the R15 stage
and the charts. States are built with the store's own functions, never with fixed demo numbers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from hvp_desktop.domain import credit_code
from hvp_desktop.domain.model import ApplicationData, RoundKind, SeatRole
from hvp_desktop.gui.ranking_dialogs import (
    ConsolidateDialog,
    DecideTieDialog,
    ExplainFlagDialog,
    ReopenDialog,
    SettingsDialog,
)
from hvp_desktop.gui.ranking_model import APPLICATION_ROLE, LINE_COLOUR, STAGE_PRELIMINARY, reviewable_rounds
from hvp_desktop.gui.ranking_panel import RankingPanel
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.store import queries, ranking
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import ranking as ranking_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from hvp_desktop.store.ops.core import Changes
from tests.unit.store.bureau import shortlist_and_confirm

SHORTLISTED_ON = date(2027, 6, 10)
DECIDED_ON = date(2027, 9, 20)
# Three experts on five applications, places 3: A and B inside, C and D tied at 80 across the line,
# E far apart (the third expert 24 points above the others: a flag).
TOTALS = {"A": (90, 88, 89), "B": (85, 85, 85), "C": (80, 80, 80), "D": (80, 80, 80), "E": (60, 62, 85)}


def _application(n: int) -> ApplicationData:
    return ApplicationData(
        year=2027, enterprise_name=f"广州排名测试{n}号科技有限公司", credit_code=credit_code.make(f"91440112{900 + n:09d}"),
        registered_in_district=True, tax_in_district=True, stats_in_district=True, independent_legal_person=True,
        independent_accounting=True, good_credit=True, co_applicants=(), affiliation_group=None, ip_staff_count=5,
        ip_budget_yuan=Decimal(1500000), senior_executive_principal=True, independent_ip_department=True,
        iso56005=True, valid_invention_patents=50, pct_applications=5, contact_name="测试", contact_phone="020-88880000",
        applied_on=date(2027, 4, 1), normal_operation=True, sound_financial_system=True)


def _marks(rubric: rubrics.Rubric, total: int) -> dict[str, tuple[Decimal, str]]:
    """Points summing to `total`, the shortfall spread evenly over the criteria."""
    points = {c.code: c.max_points for c in rubric.criteria}
    short = rubric.max_total - Decimal(total)
    while short > 0:
        for c in rubric.criteria:
            if short >= c.step and points[c.code] >= c.step:
                points[c.code] -= c.step
                short -= c.step
    return {code: (value, "现场核实，材料齐全") for code, value in points.items()}


@pytest.fixture
def small_round(demo_wf):
    return build_small_round(demo_wf)


def build_small_round(wf):
    """A 2027 recognition round in the working file, built as it happens: import, formal review and
    shortlist, places, a panel of three, every sheet submitted and signed."""
    rows = [(f"ranking-test:{n}", _application(n)) for n in range(len(TOTALS))]
    app_ops.import_applications(wf, rows)
    mine = sorted((r for r in queries.application_rows(wf) if r.year == 2027), key=lambda r: r.enterprise_name)
    round_id = mine[0].round_id
    shortlist_and_confirm(wf, round_id, SHORTLISTED_ON)
    decision_ops.set_places(wf, round_id, 3)
    apps = dict(zip(TOTALS, (r.id for r in mine), strict=True))
    experts = [panel_ops.add_expert(wf, name, "测试单位").value for name in ("赵组长", "钱专家", "孙专家")]
    panel_ops.seat(wf, round_id, experts[0], SeatRole.CHAIR)
    for e in experts[1:]:
        panel_ops.seat(wf, round_id, e)
    for e in experts:
        panel_ops.assign(wf, e, list(apps.values()))
    rubric = rubrics.default_rubrics()["recognition"]
    label = sheet_ops.store_rubric(wf, rubric).value
    for key, totals in TOTALS.items():
        for e, total in zip(experts, totals, strict=True):
            sheet = sheet_ops.open_sheet(wf, e, apps[key], label).value
            sheet_ops.save_entries(wf, sheet.id, _marks(rubric, total))
            sheet_ops.submit(wf, sheet.id, statement_confirmed=True, signature_strokes=[[[0, 0], [9, 9]]],
                          signature_png=b"\x89PNG signature")
    return wf, round_id, apps, experts


_runners = []


@pytest.fixture(autouse=True)
def _close_runners():
    yield
    while _runners:
        _runners.pop().close()


def _panel(qtbot, wf, round_id: int | None = None) -> RankingPanel:
    from hvp_desktop.gui.runner import Runner

    _runners.append(Runner(wf))
    p = RankingPanel(wf, _runners[-1])
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    qtbot.waitExposed(p)
    if round_id is not None:
        p.form.roundCombo.setCurrentIndex(p.form.roundCombo.findData(round_id))
    return p


def _table_apps(p: RankingPanel) -> list[int]:
    m = p.model
    return [m.index(r, 0).data(APPLICATION_ROLE) for r in range(m.rowCount())]


def _column(p: RankingPanel, key) -> list[str]:
    m = p.model
    c = m.column_of(key)
    return [m.index(r, c).data() for r in range(m.rowCount())]


def _explain_everything(wf, round_id: int) -> None:
    for flag in ranking.analyse_round(wf, round_id).unexplained():
        ranking_ops.explain_flag(wf, flag, "chair", "经评审组讨论，该专家依据现场核查的材料打分，予以保留")


def _settle(wf, round_id: int, apps: dict[int, str]) -> None:
    _explain_everything(wf, round_id)
    ranking_ops.decide_tie(wf, round_id, [apps["D"], apps["C"]], "D的建设方案更具体，经评审组合议排在前面")


def test_rows_are_listed_in_rank_order_with_the_stores_scores(qtbot, demo_wf):
    rounds = [r for r in reviewable_rounds(demo_wf)]
    assert rounds, "the demo file has a round with an expert panel"
    for round_id, _title, _kind in rounds:
        p = _panel(qtbot, demo_wf, round_id)
        view = ranking.analyse_round(demo_wf, round_id)
        rows = view.analysis.rows
        assert _table_apps(p)[: len(rows)] == [r.application for r in rows]
        assert _column(p, "score")[: len(rows)] == [f"{r.score:.2f}" for r in rows]
        assert _column(p, "rank")[: len(rows)] == [str(r.rank) for r in rows]
        for e, name in view.experts.items():  # each expert's own column, with their totals
            column = p.model.column_of(("expert", e))
            assert name in p.model.headerData(column, Qt.Orientation.Horizontal)
            for i, r in enumerate(rows):
                if e in r.totals:
                    assert p.model.index(i, column).data() == rubrics.format_points(r.totals[e])
                elif e in r.missing:
                    assert p.model.index(i, column).data() == "missing"


def test_the_line_is_drawn_under_the_last_row_inside(qtbot, small_round):
    wf, round_id, apps, _experts = small_round
    p = _panel(qtbot, wf, round_id)
    view = ranking.analyse_round(wf, round_id)
    inside = view.analysis.ranking.inside_count
    assert inside == 3
    assert p.delegate.line_after == inside and p.delegate.line_row() == inside - 1
    assert "R16" in p.form.lineLabel.text() and "3" in p.form.lineLabel.text()
    table = p.form.table
    qtbot.waitUntil(lambda: table.rowViewportPosition(inside - 1) >= 0)
    image = table.viewport().grab().toImage()
    bottom = table.rowViewportPosition(inside - 1) + table.rowHeight(inside - 1) - 2
    x = table.columnViewportPosition(1) + 5
    assert image.pixelColor(x, bottom) == LINE_COLOUR
    above = table.rowViewportPosition(inside - 2) + table.rowHeight(inside - 2) - 2
    assert image.pixelColor(x, above) != LINE_COLOUR  # one line only
    tip = p.model.index(inside - 1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "R16" in tip
    # C and D tie across the line: highlighted and said so, for the chair to decide
    status = _column(p, "status")
    for key in ("C", "D"):
        assert status[p.model.row_of(apps[key])] == "Tied at the line"
        assert p.model.index(p.model.row_of(apps[key]), 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_flags_are_explained_in_their_tooltip_and_the_dialog_removes_them_from_the_blockers(qtbot, small_round):
    wf, round_id, apps, experts = small_round
    p = _panel(qtbot, wf, round_id)
    view = ranking.analyse_round(wf, round_id)
    total_flag = next(f for f in view.analysis.flags if f.kind.value == "total")
    assert (total_flag.application, total_flag.expert) == (apps["E"], experts[2])
    row = p.model.row_of(apps["E"])
    tip = p.model.index(row, p.model.column_of("flags")).data(Qt.ItemDataRole.ToolTipRole)
    assert "孙专家" in tip and "+24.00" in tip and "Not explained yet" in tip
    before = len(view.unexplained())
    assert any(str(before) in b for b in view.blockers())

    p.select_application(apps["E"])
    assert p.form.explainButton.isEnabled()
    p.form.explainButton.click()
    dialog = p.dialog
    assert isinstance(dialog, ExplainFlagDialog)
    assert dialog.flag().application == apps["E"]  # the selected row's flag first
    dialog.form.flagCombo.setCurrentIndex(dialog.flags.index(total_flag))
    dialog.submit()
    p.runner.wait()
    assert dialog.isVisible() and dialog.form.messageLabel.text()  # the text is required
    dialog.form.chairRadio.setChecked(True)
    dialog.form.textEdit.setPlainText("孙专家现场核实了中试线，评审组认可其打分依据")
    with qtbot.waitSignal(p.runner.changed) as signal:
        assert dialog.submit()
    assert apps["E"] in signal.args[0].applications
    after = ranking.analyse_round(wf, round_id)
    assert total_flag not in after.unexplained() and len(after.unexplained()) == before - 1
    assert after.explanations[total_flag.key].author == "chair"
    tip = p.model.index(row, p.model.column_of("flags")).data(Qt.ItemDataRole.ToolTipRole)
    assert "孙专家现场核实了中试线" in tip  # the panel reloaded itself
    if after.unexplained():
        assert any(str(len(after.unexplained())) in b for b in after.blockers())
    else:
        assert not any("偏离标记" in b for b in after.blockers())


def test_deciding_the_tie_via_the_dialog(qtbot, small_round):
    wf, round_id, apps, _experts = small_round
    p = _panel(qtbot, wf, round_id)
    assert p.form.tieButton.isEnabled()
    p.form.tieButton.click()
    dialog = p.dialog
    assert isinstance(dialog, DecideTieDialog)
    assert sorted(dialog.order()) == sorted([apps["C"], apps["D"]])
    first = dialog.order()[0]
    dialog.form.orderList.setCurrentRow(0)
    dialog.form.downButton.click()
    assert dialog.order()[1] == first
    dialog.submit()  # no reason written
    p.runner.wait()
    assert "R16" in dialog.form.messageLabel.text()
    dialog.form.reasonEdit.setPlainText("经评审组合议，按建设方案的完整程度排序")
    assert dialog.submit()
    p.runner.wait()
    view = ranking.analyse_round(wf, round_id)
    assert view.tie is not None and view.tie.applies and view.tie.order == dialog.order()
    assert not view.analysis.unresolved_at_line
    placed = dialog.order()[0]
    row = p.model.row_of(placed)
    assert row == 2 and "placed by the chair" in _column(p, "status")[row]
    assert not any("并列" in b for b in view.blockers())


def test_consolidation_is_refused_while_blockers_remain_and_they_are_shown(qtbot, small_round):
    wf, round_id, _apps, _experts = small_round
    p = _panel(qtbot, wf, round_id)
    blockers = ranking.analyse_round(wf, round_id).blockers("en")  # the English UI in tests
    assert blockers
    button = p.form.consolidateButton
    assert not button.isEnabled()
    assert all(b in button.toolTip() for b in blockers)
    assert all(b in p.form.blockersLabel.text() for b in blockers)
    dialog = ConsolidateDialog(p.runner, p.loaded.view, p)  # reached anyway: the store refuses with the rule
    qtbot.addWidget(dialog)
    dialog.form.dateEdit.setDate(QDate(DECIDED_ON))
    dialog.submit()
    p.runner.wait()
    assert "R16" in dialog.form.messageLabel.text()
    assert not ranking.analyse_round(wf, round_id).locked


def test_consolidation_records_the_result_and_locks_then_reopen_needs_a_reason(qtbot, small_round):
    wf, round_id, apps, _experts = small_round
    _settle(wf, round_id, apps)
    p = _panel(qtbot, wf, round_id)
    f = p.form
    assert f.consolidateButton.isEnabled() and not f.reopenButton.isEnabled()
    f.consolidateButton.click()
    dialog = p.dialog
    assert isinstance(dialog, ConsolidateDialog)
    assert dialog.form.dateEdit.date() == QDate.currentDate()
    summary = dialog.form.summaryBrowser.toPlainText()
    assert all(queries.application_detail(wf, apps[k]).data.enterprise_name in summary for k in "ABD")
    dialog.form.dateEdit.setDate(QDate(DECIDED_ON))
    with qtbot.waitSignal(p.runner.changed) as signal:
        assert dialog.submit()
    assert set(apps.values()) <= signal.args[0].applications
    states = {r.id: r.state for r in queries.application_rows(wf)}
    assert [states[apps[k]] for k in "ABDCE"] == ["selected"] * 3 + ["not_selected"] * 2
    assert ranking.analyse_round(wf, round_id).locked
    assert not f.settingsButton.isEnabled() and not f.explainButton.isEnabled() and not f.tieButton.isEnabled()
    assert not f.consolidateButton.isEnabled() and f.reopenButton.isEnabled()
    assert DECIDED_ON.isoformat() in f.lockLabel.text()

    f.reopenButton.click()
    reopen = p.dialog
    assert isinstance(reopen, ReopenDialog)
    reopen.form.dateEdit.setDate(QDate(2027, 9, 22))
    reopen.submit()  # a reason is required
    p.runner.wait()
    assert reopen.form.messageLabel.text()
    assert ranking.analyse_round(wf, round_id).locked
    reopen.form.reasonEdit.setPlainText("发现一份评分表的指标录入有误，须更正后重新汇总")
    assert reopen.submit()
    p.runner.wait()
    view = ranking.analyse_round(wf, round_id)
    assert not view.locked and view.history[-1].reopen_reason.startswith("发现一份评分表")
    assert f.settingsButton.isEnabled() and not f.reopenButton.isEnabled() and f.consolidateButton.isEnabled()
    assert "发现一份评分表" in f.lockLabel.text()


def test_settings_change_the_method_and_are_frozen_when_locked(qtbot, small_round):
    wf, round_id, apps, _experts = small_round
    p = _panel(qtbot, wf, round_id)
    p.form.settingsButton.click()
    dialog = p.dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.form.methodCombo.setCurrentIndex(dialog.form.methodCombo.findData(Method.MEDIAN.value))
    dialog.form.marginSpin.setValue(20)
    dialog.form.sectionList.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.submit()
    p.runner.wait()
    settings = ranking.analyse_round(wf, round_id).analysis.settings
    assert settings.method == Method.MEDIAN and settings.margin == Decimal(20) and len(settings.tie_breaks) == 1
    assert "Median" in p.form.methodLabel.text()
    # the median of E's 60, 62, 85 is 62
    assert _column(p, "score")[p.model.row_of(apps["E"])] == "62.00"


def test_the_preliminary_stage_shows_the_r15_shortlist_line(qtbot, demo_wf):
    recognition = [rid for rid, _t, kind in reviewable_rounds(demo_wf) if kind == RoundKind.RECOGNITION]
    assert recognition
    round_id = recognition[0]
    p = _panel(qtbot, demo_wf, round_id)
    assert p.form.stageCombo.isVisible()
    p.form.stageCombo.setCurrentIndex(p.form.stageCombo.findData(STAGE_PRELIMINARY))
    expected, _names = ranking.preliminary_ranking(demo_wf, round_id)
    assert "R15" in p.form.lineLabel.text()
    assert p.delegate.line_after == expected.inside_count
    assert _table_apps(p)[: len(expected.entries)] == [e.application for e in expected.entries]
    assert _column(p, "preliminary")[: len(expected.entries)] == [f"{e.score:.2f}" for e in expected.entries]
    assert not p.form.tabs.isVisible() and not p.form.consolidateButton.isEnabled()
    p.form.stageCombo.setCurrentIndex(0)
    assert "R16" in p.form.lineLabel.text() and p.form.tabs.isVisible()


def test_charts_have_a_series_for_each_expert(qtbot, small_round):
    wf, round_id, apps, experts = small_round
    p = _panel(qtbot, wf, round_id)
    names = list(ranking.analyse_round(wf, round_id).experts.values())  # the panel's order: chair first
    assert sorted(names) == sorted(["赵组长", "钱专家", "孙专家"])
    box = p.box_view.chart().series()[0]
    assert [b.label() for b in box.boxSets()] == names
    sun = box.boxSets()[names.index("孙专家")]  # totals 89, 85, 80, 80, 85
    assert (sun.at(0), sun.at(2), sun.at(4)) == (80.0, 85.0, 89.0)  # lowest, median, highest
    scatter = [s.name() for s in p.distribution_view.chart().series()][: len(names)]
    assert scatter == names
    rule = p.distribution_view.chart().series()[-1]
    assert "R16" in rule.name() and rule.at(0).y() == 80.0  # the score of the last row inside
    bars = p.leniency_view.chart().series()[0].barSets()[0]
    assert bars.count() == len(names)
    p.select_application(apps["E"])
    dots = p.dots_view.chart().series()
    assert [s.name() for s in dots[:3]] == names
    assert "孙专家" in p.form.flagsContainer.findChildren(type(p.form.detailTitle))[0].text()


def test_the_main_window_shows_the_panel_third_and_refreshes_it_on_changes(qtbot, small_round):
    from hvp_desktop.gui.application_model import COLUMNS, ROW_ROLE
    from hvp_desktop.gui.main_window import MainWindow

    wf, round_id, apps, _experts = small_round
    window = MainWindow(wf)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.form.navigation.item(2).text() == "Ranking"
    window.form.navigation.setCurrentRow(2)
    p = window.ranking
    p.form.roundCombo.setCurrentIndex(p.form.roundCombo.findData(round_id))
    _settle(wf, round_id, apps)  # written elsewhere: announced through the main window
    window.runner.changed.emit(Changes(rounds=frozenset({round_id})), None)
    assert p.form.consolidateButton.isEnabled()
    p.form.consolidateButton.click()
    p.dialog.form.dateEdit.setDate(QDate(DECIDED_ON))
    p.dialog.submit()
    window.runner.wait()
    assert p.dialog.result() == QDialog.DialogCode.Accepted
    model = window.applications.model  # the list was told through apply_changes: it shows the new states
    state = COLUMNS.index("state")
    rows = {model.index(r, 0).data(ROW_ROLE): r for r in range(model.rowCount())}
    assert model.index(rows[apps["A"]], state).data() == "Selected"
    assert model.index(rows[apps["E"]], state).data() == "Not selected"


def test_a_large_round_is_computed_off_the_gui_thread(qtbot, small_round, monkeypatch):
    from hvp_desktop.gui import ranking_panel

    wf, round_id, _apps, _experts = small_round
    monkeypatch.setattr(ranking_panel, "LARGE_ROUND", 0)  # every round counts as large here
    started = []
    real_run_task = ranking_panel.run_task
    monkeypatch.setattr(ranking_panel, "run_task", lambda *a, **k: started.append(1) or real_run_task(*a, **k))
    p = _panel(qtbot, wf)
    qtbot.waitUntil(lambda: p.task is None and p.loaded is not None, timeout=10000)
    assert started == [1]  # computed in a worker when shown
    combo = p.form.roundCombo
    other = next(i for i in range(combo.count()) if combo.itemData(i) != round_id)
    combo.setCurrentIndex(other)
    assert p.task is not None
    combo.setCurrentIndex(combo.findData(round_id))  # chosen while computing: loaded right after
    qtbot.waitUntil(lambda: p.task is None and p.loaded.round_id == round_id, timeout=10000)
    view = ranking.analyse_round(wf, round_id)
    assert _table_apps(p) == [r.application for r in view.analysis.rows]
    assert p.delegate.line_after == view.analysis.ranking.inside_count


def test_the_legend_names_the_rule_and_its_figure():
    from hvp_desktop.gui.ranking_model import line_legend
    from hvp_desktop.scoring.ranking import Line

    assert line_legend(Line.places_line(20), 8) == "R16 places line: 20 places (8 inside)"
    assert line_legend(Line.pass_mark_line(1), 5) == "R17 pass mark: 70 points (5 pass)"
    assert line_legend(Line.pass_mark_line(2), 5).startswith("R18 pass mark: 75 points")
    assert "at least 40" in line_legend(Line.shortlist_line(20, 46), 41)
    assert "fewer than 40" in line_legend(Line.shortlist_line(20, 38), 38)


def test_the_ranking_is_exported_to_excel_off_the_gui_thread(qtbot, demo_wf, tmp_path):
    from openpyxl import load_workbook

    from hvp_desktop.reports.ranking_excel import SUMMARY_SHEET

    round_id = next(r for r, _title, kind in reviewable_rounds(demo_wf) if kind == "recognition")
    p = _panel(qtbot, demo_wf, round_id)
    qtbot.waitUntil(lambda: p.form.exportButton.isEnabled())
    task = p.export(str(tmp_path / "排名"))  # the extension is added
    qtbot.waitUntil(lambda: (tmp_path / "排名.xlsx").exists() and "排名.xlsx" in p.form.messageLabel.text(),
                    timeout=20000)
    assert task is not None
    sheet = load_workbook(tmp_path / "排名.xlsx", read_only=True)[SUMMARY_SHEET]
    names = {row[1] for row in sheet.iter_rows(values_only=True) if row and isinstance(row[0], int)}
    view = ranking.analyse_round(demo_wf, round_id)
    assert names == {view.names[r.application] for r in view.analysis.rows}


def test_reopen_is_disabled_with_the_reason_when_a_later_decision_forbids_it(qtbot, demo_wf):
    round_id = next(r for r, _title, kind in reviewable_rounds(demo_wf) if kind == "recognition")
    view = ranking.analyse_round(demo_wf, round_id)
    assert view.locked and view.reopen_refusal  # the demo's 2026 list is in publicity already
    p = _panel(qtbot, demo_wf, round_id)
    qtbot.waitUntil(lambda: p.loaded is not None)
    assert not p.form.reopenButton.isEnabled()
    assert p.form.reopenButton.toolTip() == view.reopen_refusal[1]  # the English UI in tests


def test_a_closed_dialog_is_deleted_with_the_ranking_it_held(qtbot, small_round):
    from hvp_desktop.gui.ranking_dialogs import SettingsDialog

    wf, round_id = small_round[0], small_round[1]
    p = _panel(qtbot, wf, round_id)
    qtbot.waitUntil(lambda: p.loaded is not None)
    for _ in range(3):
        p.edit_settings()
        p.dialog.reject()
    qtbot.waitUntil(lambda: not p.findChildren(SettingsDialog), timeout=3000)

"""The rules as the secretary meets them: formal review checklist, overrides, the actions the
rules allow now (refused ones disabled with the rule as tooltip), round steps and due dates."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from hvp_desktop.domain.lifecycle import Event, Kind
from hvp_desktop.gui import decision_actions, round_actions
from hvp_desktop.gui.application_detail import ApplicationDetailDialog
from hvp_desktop.gui.deadlines_dock import DeadlinesDock
from hvp_desktop.gui.main_window import MainWindow
from hvp_desktop.store import decisions, queries
from hvp_desktop.store.ops import decisions as decision_ops

TODAY = date(2026, 11, 25)  # the demo file's "now"


@pytest.fixture
def yes_to_confirmations(monkeypatch):
    from hvp_desktop.gui import widgets

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(widgets, "confirm_irreversible", lambda _parent, _title, text: asked.append(text) or True)
    return asked


def _row(wf, **match):
    return next(r for r in queries.application_rows(wf) if all(getattr(r, k) == v for k, v in match.items()))


_runners = {}


def _runner(wf):
    from hvp_desktop.gui.runner import Runner

    if id(wf) not in _runners:
        _runners[id(wf)] = (wf, Runner(wf))
    return _runners[id(wf)][1]


@pytest.fixture(autouse=True)
def _close_runners():
    yield
    for _wf, runner in _runners.values():
        runner.close()
    _runners.clear()


def _refusals() -> list[str]:
    from PySide6.QtWidgets import QApplication

    return [w.text() for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "refusal" and w.isVisible()]


def _detail(qtbot, wf, app_id) -> ApplicationDetailDialog:
    dialog = ApplicationDetailDialog(_runner(wf), app_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_formal_review_tab_lists_every_check_with_its_rule(qtbot, demo_wf):
    rejected = _row(demo_wf, state="rejected")
    f = _detail(qtbot, demo_wf, rejected.id).form
    rules = {f.reviewTable.item(r, 0).text() for r in range(f.reviewTable.rowCount())}
    assert rules == {"R1", "R2", "R3", "R4"}
    results = [f.reviewTable.item(r, 2).text() for r in range(f.reviewTable.rowCount())]
    assert "Failed" in results
    assert not f.overrideButton.isEnabled()
    assert "R1" in f.overrideButton.toolTip()  # the review is over for a rejected application


def test_refused_actions_are_disabled_with_the_rule_as_tooltip(qtbot, demo_wf):
    selected = _row(demo_wf, state="selected", year=2026)
    buttons = _detail(qtbot, demo_wf, selected.id).action_buttons
    # publicity runs until 2026-11-26: recognising now is refused by R16
    assert not buttons["recognise"].isEnabled()
    assert buttons["recognise"].toolTip().startswith("R16")
    # R18: no year-2 assessment without a passed year 1; R21: only a recognised centre withdraws
    assert buttons["assess2"].toolTip().startswith("R18")
    assert buttons["withdraw"].toolTip().startswith("R21")
    assert buttons["objection"].isEnabled()  # the publicity period is open today


def test_recording_an_assessment_through_the_dialog(qtbot, demo_wf, yes_to_confirmations):
    overdue = _row(demo_wf, state="recognised")
    dialog = _detail(qtbot, demo_wf, overdue.id)
    assert not dialog.action_buttons["assess1"].isEnabled()  # R17: on the centre's written request only
    assert dialog.action_buttons["assess1"].toolTip().startswith("R17")
    with qtbot.waitSignal(dialog.runner.changed, timeout=5000):
        dialog.action_buttons["request1"].click()
        dialog.action_dialog.form.dateEdit.setDate(QDate(2026, 11, 20))
        dialog.action_dialog.form.buttonBox.accepted.emit()
    dialog.runner.wait()
    assert dialog.action_buttons["assess1"].isEnabled()
    with qtbot.waitSignal(dialog.runner.changed, timeout=5000):
        dialog.action_buttons["assess1"].click()
        action_dialog = dialog.action_dialog
        action_dialog.form.dateEdit.setDate(QDate(2026, 11, 25))
        action_dialog.form.scoreSpin.setValue(69.99)
        action_dialog.form.buttonBox.accepted.emit()
    assert yes_to_confirmations, "an irreversible step asks first"
    assert queries.application_detail(demo_wf, overdue.id).state == "rectifying"  # R17: 69.99 fails
    assert "2027-01-25" in dialog.form.deadlinesLabel.text()  # rectification due 2 months later
    # the re-assessment comes after the failure, not on the same day
    assert not dialog.action_buttons["assess1"].isEnabled()
    assert dialog.action_buttons["assess1"].toolTip().startswith("R17")
    later = ApplicationDetailDialog(_runner(demo_wf), overdue.id, today=date(2027, 1, 20))
    qtbot.addWidget(later)
    assert not later.action_buttons["assess1"].isEnabled()  # the rectification report comes first
    decision_ops.record(demo_wf, overdue.id, Event.of(Kind.RECTIFICATION_REPORTED, date(2027, 1, 15)))
    _runner(demo_wf).wait()
    later.reload()
    assert later.action_buttons["assess1"].isEnabled()


def test_a_refusal_stays_in_the_dialog_with_the_rule(qtbot, demo_wf, yes_to_confirmations):
    selected = _row(demo_wf, state="selected", year=2026)
    dialog = _detail(qtbot, demo_wf, selected.id)
    action = next(a for a in decision_actions.actions_for(
        queries.application_detail(demo_wf, selected.id).centre, "pass", date(2026, 11, 30)) if a.key == "recognise")
    recorder = decision_actions.DecisionDialog(_runner(demo_wf), selected.id, action, dialog, today=date(2026, 11, 26))
    qtbot.addWidget(recorder)
    recorder.form.buttonBox.accepted.emit()  # on the last day of publicity: still too early
    _runner(demo_wf).wait()
    assert recorder.form.messageLabel.text().startswith("R16")
    assert queries.application_detail(demo_wf, selected.id).state == "selected"


def test_override_needs_a_written_reason(qtbot, tmp_path):
    from hvp_desktop.demo import create_demo

    wf = create_demo(tmp_path / "fresh.hvpdb", with_decisions=False)
    try:
        manual = _row(wf, review="manual")
        dialog = _detail(qtbot, wf, manual.id)
        checks = queries.application_detail(wf, manual.id).checks
        row = next(i for i, c in enumerate(checks) if c.outcome.value == "manual")
        dialog.form.reviewTable.selectRow(row)
        assert dialog.form.overrideButton.isEnabled()
        dialog.form.overrideButton.click()
        override = dialog.action_dialog
        override.form.buttonBox.accepted.emit()
        _runner(wf).wait()
        assert "reason" in override.form.messageLabel.text()
        override.form.textEdit.setPlainText("已核对税务登记证明")
        with qtbot.waitSignal(dialog.runner.changed, timeout=5000):
            override.form.buttonBox.accepted.emit()
        shown = dialog.form.reviewTable.item(row, 3).text()
        assert "已核对税务登记证明" in shown
    finally:
        wf.close()


def test_deadlines_dock_shows_overdue_in_red_and_opens_the_application(qtbot, demo_wf):
    dock = DeadlinesDock(demo_wf, today=TODAY)
    qtbot.addWidget(dock)
    texts = [dock.table.item(r, 2).text() for r in range(dock.table.rowCount())]
    assert any("overdue" in t for t in texts)
    assert any(dock.table.item(r, 0).text() == "2026-11-26" for r in range(dock.table.rowCount()))
    assert "overdue" in dock.windowTitle()
    with qtbot.waitSignal(dock.open_application) as opened:
        dock.table.itemActivated.emit(dock.table.item(0, 3))
    assert isinstance(opened.args[0], int)


def test_R14_the_places_dialog_stops_at_20(qtbot, demo_wf):
    round_id = _row(demo_wf, year=2025).round_id  # 2026's round is consolidated: its places are locked
    dialog = round_actions.PlacesDialog(_runner(demo_wf), round_id)
    qtbot.addWidget(dialog)
    dialog.spin.setValue(21)
    assert dialog.spin.value() == 20  # no more than 20 can even be typed (R14/R16: no exception)
    dialog.spin.setValue(18)
    dialog.submit()
    _runner(demo_wf).wait()
    assert round_actions.round_info(demo_wf, round_id)[1] == 18


def test_selection_dialog_refuses_more_than_the_places(qtbot, tmp_path, yes_to_confirmations, monkeypatch):
    from hvp_desktop.demo import create_demo

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    wf = create_demo(tmp_path / "fresh.hvpdb", with_decisions=False)
    try:
        round_id = _row(wf, year=2025).round_id
        # the shortlist refuses while checks await confirmation (R1) …
        assert round_actions.shortlist(_parent(qtbot), _runner(wf), round_id, date(2025, 6, 10))
        _runner(wf).wait()
        assert any(text.startswith("R1:") for text in _refusals())
        assert not any(r.state == "shortlisted" for r in queries.application_rows(wf))
        for r in queries.application_rows(wf):
            if r.round_id == round_id and r.review == "manual":
                for c in decisions.formal_review_of(wf, r.id):
                    if c.outcome.value == "manual":
                        decision_ops.override_check(wf, r.id, c.key, c.outcome.PASS, "现场核验")
        with qtbot.waitSignal(_runner(wf).changed, timeout=10_000) as announced:
            assert round_actions.shortlist(_parent(qtbot), _runner(wf), round_id, date(2025, 6, 10))
        assert announced.args[0].applications
        decision_ops.set_places(wf, round_id, 2)
        dialog = round_actions.SelectionDialog(_runner(wf), round_id)
        dialog.list.item(0).setCheckState(dialog.list.item(0).checkState().Checked)
        dialog.submit()  # R15: the bureau has not confirmed the shortlist yet
        _runner(wf).wait()
        assert dialog.message.text().startswith("R15")
        dialog.list.item(0).setCheckState(dialog.list.item(0).checkState().Unchecked)
        decision_ops.confirm_shortlist(wf, round_id, date(2025, 6, 20), "穗埔知字〔2025〕31号")
        qtbot.addWidget(dialog)
        for i in range(3):
            dialog.list.item(i).setCheckState(dialog.list.item(i).checkState().Checked)
        assert dialog.counter.text() == "3 of at most 2 places"
        dialog.submit()
        _runner(wf).wait()
        assert dialog.message.text().startswith("R16")
        dialog.list.item(2).setCheckState(dialog.list.item(2).checkState().Unchecked)
        dialog.submit()  # asks first (confirmed by the fixture)
        _runner(wf).wait()
        states = {r.state for r in queries.application_rows(wf) if r.round_id == round_id and r.review == "pass"}
        assert states == {"selected", "not_selected"}
    finally:
        wf.close()


def _parent(qtbot):
    from PySide6.QtWidgets import QWidget

    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_main_window_has_round_menu_and_deadlines_and_list_columns(qtbot, demo_wf):
    window = MainWindow(demo_wf)
    qtbot.addWidget(window)
    window.show()
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Round" in menus
    assert window.deadlines.isVisible()
    panel = window.applications
    f = panel.form
    f.reviewCombo.setCurrentIndex(f.reviewCombo.findData("fail"))
    assert panel.proxy.rowCount() == sum(r.review == "fail" for r in queries.application_rows(demo_wf)) > 0


def test_preliminary_score_is_entered_while_awaiting_shortlisting(qtbot, tmp_path):
    from hvp_desktop.demo import create_demo

    wf = create_demo(tmp_path / "fresh.hvpdb", with_decisions=False)
    try:
        target = _row(wf, year=2026)
        dialog = _detail(qtbot, wf, target.id)
        assert dialog.action_buttons["preliminary"].isEnabled()
        dialog.action_buttons["preliminary"].click()
        dialog.action_dialog.form.scoreSpin.setValue(83.5)
        with qtbot.waitSignal(dialog.runner.changed, timeout=5000):
            dialog.action_dialog.form.buttonBox.accepted.emit()
        assert str(queries.application_detail(wf, target.id).preliminary_score) == "83.50"
        shown = {dialog.form.dataTable.item(r, 0).text(): dialog.form.dataTable.item(r, 1).text()
                 for r in range(dialog.form.dataTable.rowCount())}
        assert shown["Preliminary score (Annex 2)"] == "83.50"
    finally:
        wf.close()


def test_commitments_tab_measures_R5_to_R7_and_lists_R8_to_R13(qtbot, demo_wf):
    row = _row(demo_wf, year=2026)
    table = _detail(qtbot, demo_wf, row.id).form.commitmentsTable
    rules = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert rules[:5] == ["R5", "R5", "R5", "R6", "R7"]
    assert rules[5:] == [f"R{n}" for n in range(8, 14)]


def test_a_decision_cannot_be_dated_in_the_future(qtbot, demo_wf, yes_to_confirmations):
    selected = _row(demo_wf, state="selected", year=2026)
    recorded_before = len(queries.application_detail(demo_wf, selected.id).decisions)
    dialog = _detail(qtbot, demo_wf, selected.id)
    dialog.action_buttons["objection"].click()
    recorder = dialog.action_dialog
    recorder.form.dateEdit.setDate(QDate(2026, 11, 30))
    recorder.form.textEdit.setPlainText("反映材料不实")
    recorder.form.buttonBox.accepted.emit()
    assert "future" in recorder.form.messageLabel.text()
    assert len(queries.application_detail(demo_wf, selected.id).decisions) == recorded_before
    recorder.form.dateEdit.setDate(QDate(2026, 11, 24))
    with qtbot.waitSignal(dialog.runner.changed, timeout=5000):
        recorder.form.buttonBox.accepted.emit()
    assert queries.application_detail(demo_wf, selected.id).decisions[-1].kind == "objection_filed"


def test_R19_an_objection_that_arrived_in_time_is_recorded_later(qtbot, demo_wf, yes_to_confirmations):
    # The year-1 support publicity ran 2026-11-16 … 11-20; one centre still awaits its result.
    waiting = next(r for r in queries.application_rows(demo_wf)
                   if "support_y1" in queries.application_detail(demo_wf, r.id).centre.publicity
                   and 1 not in queries.application_detail(demo_wf, r.id).centre.supported)
    dialog = _detail(qtbot, demo_wf, waiting.id)
    assert dialog.action_buttons["objection"].isEnabled()  # today (11-25) is after the period
    dialog.action_buttons["objection"].click()
    recorder = dialog.action_dialog
    recorder.form.dateEdit.setDate(QDate(2026, 11, 19))  # the day it arrived
    recorder.form.textEdit.setPlainText("第二份异议：经费含工资")
    with qtbot.waitSignal(dialog.runner.changed, timeout=5000):
        recorder.form.buttonBox.accepted.emit()
    objections = queries.application_detail(demo_wf, waiting.id).centre.publicity["support_y1"].objections
    assert [o.filed_on for o in objections] == [date(2026, 11, 18), date(2026, 11, 19)]

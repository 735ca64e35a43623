"""Round → Open an assessment round: the centres it would take are listed before anything is written."""

from __future__ import annotations

from hvp_desktop.domain.model import RoundKind
from hvp_desktop.gui.round_actions import AssessmentRoundDialog
from hvp_desktop.store import panel, queries, ranking
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import ranking as ranking_ops


def test_R17_the_dialog_lists_the_waiting_centres_then_opens_the_round(qtbot, demo_wf, make_runner):
    runner = make_runner(demo_wf)
    dialog = AssessmentRoundDialog(runner)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(RoundKind.YEAR1))
    listed = [dialog.centres.item(i).text() for i in range(dialog.centres.count())]
    assert listed and listed == [name for _id, name in ranking.assessment_candidates(demo_wf, RoundKind.YEAR1)]
    before = queries.round_list(demo_wf)

    dialog.year.setValue(2026)  # the demo's 2026 year-1 round exists already
    dialog.submit()
    runner.wait()
    assert dialog.result() != dialog.DialogCode.Accepted and "R17" in dialog.message.text()
    assert queries.round_list(demo_wf) == before  # refused: nothing written

    dialog.year.setValue(2027)
    dialog.submit()
    runner.wait()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.round_id is not None
    assert sorted(name for _id, name in panel.sheet_matrix(demo_wf, dialog.round_id).applications) == sorted(listed)


def test_R18_no_centre_waiting_is_said_plainly(qtbot, demo_wf, make_runner):
    dialog = AssessmentRoundDialog(make_runner(demo_wf))
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(RoundKind.RECTIFICATION))  # both are in the 2026 round
    assert dialog.centres.count() == 0 and dialog.message.text()


def test_R18_the_panel_dialog_assigns_experts_to_an_assessment_rounds_centres(qtbot, demo_wf, make_runner):
    from hvp_desktop.domain.model import SeatRole
    from hvp_desktop.gui.panel_dialog import PanelDialog

    round_id = ranking_ops.open_assessment_round(demo_wf, 2027, RoundKind.YEAR2).value
    centres = panel.sheet_matrix(demo_wf, round_id).applications
    expert = panel.round_panel(demo_wf, round_id)[0].expert_id
    panel_ops.seat(demo_wf, round_id, expert, SeatRole.CHAIR)
    runner = make_runner(demo_wf)
    dialog = PanelDialog(demo_wf, runner, round_id)
    qtbot.addWidget(dialog)
    assert dialog.form.applicationCombo.count() == len(centres) > 0
    dialog.form.expertsTable.setCurrentCell(0, 0)
    assert dialog.selected_expert() == expert and dialog.assign_all()
    runner.wait()
    cells = panel.sheet_matrix(demo_wf, round_id).cells
    assert all(cells[(expert, app)] == "not_started" for app, _name in centres)

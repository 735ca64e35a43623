"""Who scores what: experts, seats, assignments, conflicts of interest, and the sheets overview."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hvp_desktop.domain.model import ConflictSource, SeatRole, SheetStatus
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import audit, panel, queries
from hvp_desktop.store.models import ScoreSheet
from hvp_desktop.store.ops import panel as panel_ops


@pytest.fixture
def a_round(demo_wf):
    rows = [r for r in queries.application_rows(demo_wf) if r.year == 2025 and r.state == "y1_passed"]
    return rows[0].round_id, [r.id for r in rows[:4]]


@pytest.fixture
def experts(demo_wf, a_round):
    round_id, _ = a_round
    ids = [panel_ops.add_expert(demo_wf, name, "华南理工大学", "教授", "知识产权").value for name in ("李明", "王芳", "张伟")]
    panel_ops.seat(demo_wf, round_id, ids[0], SeatRole.CHAIR)
    for expert_id in ids[1:]:
        panel_ops.seat(demo_wf, round_id, expert_id)
    return ids


def test_a_round_has_one_chair(demo_wf, a_round, experts):
    with pytest.raises(ValueError, match="组长"):
        panel_ops.seat(demo_wf, a_round[0], experts[1], SeatRole.CHAIR)


def test_only_panel_members_are_assigned(demo_wf, a_round):
    outsider = panel_ops.add_expert(demo_wf, "赵强").value
    with pytest.raises(ValueError, match="专家组"):
        panel_ops.assign(demo_wf, outsider, a_round[1][:1])


def test_a_conflict_needs_a_reason_and_refuses_the_assignment(demo_wf, a_round, experts):
    app_id = a_round[1][0]
    with pytest.raises(RuleViolation):
        panel_ops.record_conflict(demo_wf, experts[1], app_id, ConflictSource.DECLARED, "  ")
    panel_ops.record_conflict(demo_wf, experts[1], app_id, ConflictSource.DECLARED, "曾任该企业技术顾问（2024年）")
    with pytest.raises(RuleViolation, match="利害关系"):
        panel_ops.assign(demo_wf, experts[1], [app_id])
    with demo_wf.session() as s:
        assert audit.verify(s).ok


def test_a_conflict_recorded_later_takes_the_assignment_away(demo_wf, a_round, experts):
    round_id, apps = a_round
    panel_ops.assign(demo_wf, experts[2], apps)
    assert panel.sheet_matrix(demo_wf, round_id).cells[(experts[2], apps[1])] == panel.SheetState.NOT_STARTED
    panel_ops.record_conflict(demo_wf, experts[2], apps[1], ConflictSource.RECORDED, "其配偶在该企业任职（秘书核实）")
    matrix = panel.sheet_matrix(demo_wf, round_id)
    assert matrix.cells[(experts[2], apps[1])] == panel.SheetState.CONFLICTED
    assert (experts[2], apps[1]) not in matrix.missing()


def test_the_overview_shows_every_sheet_state_and_who_is_missing(demo_wf, a_round, experts):
    round_id, apps = a_round
    for expert_id in experts:
        panel_ops.assign(demo_wf, expert_id, apps[:3])
    now = datetime.now(UTC).replace(tzinfo=None)
    with demo_wf.session(write=True) as s:  # sheets as the scoring form will write them
        s.add(ScoreSheet(application_id=apps[0], expert_id=experts[0], rubric_version="recognition 2026.1",
                         status=SheetStatus.SUBMITTED.value, created_at=now, submitted_at=now))
        s.add(ScoreSheet(application_id=apps[1], expert_id=experts[0], rubric_version="recognition 2026.1",
                         status=SheetStatus.DRAFT.value, created_at=now))
    matrix = panel.sheet_matrix(demo_wf, round_id)
    assert [e[2] for e in matrix.experts][0] == "chair"
    assert matrix.cells[(experts[0], apps[0])] == "submitted"
    assert matrix.cells[(experts[0], apps[1])] == "draft"
    assert matrix.cells[(experts[0], apps[2])] == "not_started"
    assert matrix.cells[(experts[0], apps[3])] == "not_assigned"
    assert len(matrix.missing()) == 3 * 3 - 1

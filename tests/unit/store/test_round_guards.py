"""Round figures and decisions that must not move once decided (R3, R15, R16)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hvp_desktop.domain.formal_review import Outcome
from hvp_desktop.domain.lifecycle import Event, Kind
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import decisions, queries
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops import panel as panel_ops


def _rows(wf, **match):
    return [r for r in queries.application_rows(wf) if all(getattr(r, k) == v for k, v in match.items())]


def test_R16_places_cannot_drop_below_those_already_selected(demo_wf):
    round_id = _rows(demo_wf, year=2025)[0].round_id
    with pytest.raises(RuleViolation, match="^R16: 本轮已有15家列入拟认定名单"):
        decision_ops.set_places(demo_wf, round_id, 5)
    decision_ops.set_places(demo_wf, round_id, 15)


def test_R16_a_consolidated_rounds_places_and_panel_are_locked(demo_wf):
    from hvp_desktop.domain.model import SeatRole
    from hvp_desktop.store import panel

    round_id = _rows(demo_wf, year=2026)[0].round_id  # consolidated by the chair on 2026-11-13
    with pytest.raises(RuleViolation, match="确认"):
        decision_ops.set_places(demo_wf, round_id, 19)
    member = next(m for m in panel.round_panel(demo_wf, round_id) if m.role == "member")
    with pytest.raises(RuleViolation, match="确认"):
        panel_ops.seat(demo_wf, round_id, member.expert_id, SeatRole.CHAIR)


def test_R15_preliminary_scores_are_frozen_once_shortlisted(demo_wf):
    shortlisted = _rows(demo_wf, year=2026, state="selected")[0]
    with pytest.raises(RuleViolation, match="^R15"):
        decision_ops.set_preliminary_scores(demo_wf, {shortlisted.id: Decimal("99")})
    with pytest.raises(RuleViolation, match="^R15"):
        decision_ops.set_preliminary_scores(demo_wf, {shortlisted.id: Decimal("NaN")})


def test_R15_shortlisting_is_decided_for_the_round_not_one_by_one(demo_wf):
    applied = _rows(demo_wf, year=2026, state="selected")[0]
    with pytest.raises(RuleViolation, match="^R15"):
        decision_ops.record(demo_wf, applied.id, Event.of(Kind.NOT_SHORTLISTED, date(2026, 11, 25)))


def test_R3_centres_recognised_in_the_same_round_do_not_bar_each_other(demo_wf):
    """Two recognised 2025 centres of one group: each one's checklist stays as it was decided."""
    centres = _rows(demo_wf, year=2025, state="y1_passed")[:2]
    with demo_wf.engine.begin() as c:  # put both in one group, as if they had declared it
        for r in centres:
            c.exec_driver_sql("UPDATE applications SET affiliation_group = '广州开发区控股集团' WHERE id = ?", (r.id,))
    for r in centres:
        check = next(c for c in decisions.formal_review_of(demo_wf, r.id) if c.key == "R3.affiliated")
        assert check.outcome == Outcome.PASS


def test_R3_group_names_match_across_width_and_spaces(demo_wf):
    centre = _rows(demo_wf, year=2025, state="y1_passed")[0]
    newcomer = _rows(demo_wf, year=2026, state="selected")[0]
    with demo_wf.engine.begin() as c:
        c.exec_driver_sql("UPDATE applications SET affiliation_group = '香雪集团' WHERE id = ?", (centre.id,))
        c.exec_driver_sql("UPDATE applications SET affiliation_group = ' 香雪 集团 ' WHERE id = ?", (newcomer.id,))
    check = next(c for c in decisions.formal_review_of(demo_wf, newcomer.id) if c.key == "R3.affiliated")
    assert check.outcome == Outcome.FAIL

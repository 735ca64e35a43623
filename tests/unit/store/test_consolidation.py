"""Consolidating a round's ranking into the lifecycle, the lock, and reopening (issue 5).

On a real encrypted working file: the recognition round of test_round_ranking (six shortlisted,
three places, five experts) is consolidated into selected / not selected (R16), locked against
every write, reopened with a reason; a year-1 assessment round of the centres recognised from it
is consolidated into assessments passed or failed by the R17 mark. After each, the audit chain
verifies and every application's stored state is the replay of its decisions.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hvp_desktop.domain.lifecycle import RECOGNITION, Event, Kind
from hvp_desktop.domain.model import ApplicationState as S
from hvp_desktop.domain.model import ConflictSource, RoundKind, SeatRole
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.analysis import Flag, FlagKind
from hvp_desktop.store import audit, decisions, queries, ranking, sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, AuditEvent, Decision
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import ranking as ranking_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from tests.by_hand import by_hand
from tests.unit.store.bureau import approve_and_publicise
from tests.unit.store.scored_round import (
    SIGNATURE,
    YEAR,
    correct_sheet,
    make_an_outlier,
    submit_sheet,
)

D = Decimal
SELECTED_ON = date(YEAR, 9, 19)
LOCKED = "^R16: 本轮评审结果已于2025-09-19确认"

ANNUAL_RUBRIC = {
    "id": "test-annual", "version": "2026.1", "kind": "annual", "title": "测试年度考核评分表", "source": "test",
    "sections": [{"code": "S", "title": "建设成效", "criteria": [
        {"code": "S1", "title": "制度与人员", "guidance": "", "max_points": "60", "step": "0.01"},
        {"code": "S2", "title": "成果与运用", "guidance": "", "max_points": "40", "step": "0.01"}]}],
}


def states(wf: WorkingFile, ids) -> list[str]:
    with wf.session() as s:
        by_id = {a.id: a.state for a in s.scalars(select(Application).where(Application.id.in_(list(ids))))}
    return [by_id[i] for i in ids]


def kinds(wf: WorkingFile, app_id: int) -> list[str]:
    with wf.session() as s:
        return list(s.scalars(select(Decision.kind).where(Decision.application_id == app_id).order_by(Decision.id)))


def audit_events(wf: WorkingFile) -> int:
    with wf.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent))


def assert_sound(wf: WorkingFile) -> None:
    """The audit chain verifies and `hvp-desktop check`'s replay agrees with every stored state."""
    with wf.session() as s:
        report = audit.verify(s)
    assert report.ok, report.problems
    assert decisions.state_mismatches(wf) == []


# -- refused while the round is not ready ----------------------------------------------------------
def test_R16_consolidation_is_refused_while_a_sheet_is_missing(rnd):
    panel_ops.assign(rnd.wf, rnd.reserve, [rnd.apps[0]])  # assigned, not started
    with pytest.raises(RuleViolation, match="^R16: 尚不能确认评审结果：还有1份专家打分表未提交"):
        ranking_ops.consolidate(rnd.wf, rnd.round_id, SELECTED_ON)
    assert states(rnd.wf, rnd.apps) == [S.SHORTLISTED] * 6
    assert not ranking.analyse_round(rnd.wf, rnd.round_id).locked


def test_R16_consolidation_is_refused_while_a_flag_is_unexplained(rnd):
    app, expert = make_an_outlier(rnd)
    with pytest.raises(RuleViolation, match="^R16: 尚不能确认评审结果：还有1个偏离标记缺少书面说明"):
        ranking_ops.consolidate(rnd.wf, rnd.round_id, SELECTED_ON)
    assert states(rnd.wf, rnd.apps) == [S.SHORTLISTED] * 6
    flag = ranking.analyse_round(rnd.wf, rnd.round_id).analysis.flags[0]
    assert (flag.application, flag.expert) == (app, expert)
    ranking_ops.explain_flag(rnd.wf, flag, "expert", "现场核查发现材料与申报不符")
    ranking_ops.consolidate(rnd.wf, rnd.round_id, SELECTED_ON)
    assert states(rnd.wf, rnd.apps) == [S.SELECTED] * 3 + [S.NOT_SELECTED] * 3
    assert_sound(rnd.wf)


def test_R16_an_unresolved_tie_blocks_until_the_chair_decides_and_the_decision_is_then_locked(rnd):
    wf, third, fourth = rnd.wf, rnd.apps[2], rnd.apps[3]
    ranking_ops.set_settings(wf, rnd.round_id, Method.MEDIAN, D("15"), [])
    with pytest.raises(RuleViolation, match="^R16: 尚不能确认评审结果：R16：名额线处2件申报并列"):
        ranking_ops.consolidate(wf, rnd.round_id, SELECTED_ON)
    ranking_ops.decide_tie(wf, rnd.round_id, [fourth, third], "第四件的运营成效更突出（专家组合议）")
    ranking_ops.consolidate(wf, rnd.round_id, SELECTED_ON)
    assert states(wf, rnd.apps) == [S.SELECTED, S.SELECTED, S.NOT_SELECTED, S.SELECTED, S.NOT_SELECTED,
                                    S.NOT_SELECTED]
    with pytest.raises(RuleViolation, match=LOCKED):
        ranking_ops.decide_tie(wf, rnd.round_id, [third, fourth], "改变主意")
    assert_sound(wf)


# -- consolidated: the result by the line, and the lock --------------------------------------------
def test_R16_consolidation_selects_exactly_by_the_line(rnd):
    wf = rnd.wf
    scores = {a: by_hand(t.values()) for a, t in rnd.totals().items()}
    ranking_ops.consolidate(wf, rnd.round_id, SELECTED_ON)
    assert states(wf, rnd.apps) == [S.SELECTED] * 3 + [S.NOT_SELECTED] * 3
    view = ranking.analyse_round(wf, rnd.round_id)
    assert view.locked and view.lock.decided_on == SELECTED_ON and view.lock.method == Method.TRIMMED_MEAN
    with wf.session() as s:
        notes = {d.application_id: (d.kind, d.rule, d.note) for d in s.scalars(select(Decision).where(
            Decision.kind.in_([Kind.SELECTED.value, Kind.NOT_SELECTED.value])))}
    assert notes[rnd.apps[0]] == ("selected", "R16", f"汇总得分{scores[rnd.apps[0]]}，第1名")
    assert notes[rnd.apps[3]] == ("not_selected", "R16", f"汇总得分{scores[rnd.apps[3]]}，第4名")
    assert_sound(wf)


def test_R16_a_locked_round_refuses_every_write(rnd):
    wf, first = rnd.wf, rnd.apps[0]
    ranking_ops.consolidate(wf, rnd.round_id, SELECTED_ON)
    before = audit_events(wf)
    sheet = sheets.current_sheet(wf, rnd.experts[0], first)
    with pytest.raises(RuleViolation, match=LOCKED):
        sheet_ops.correct(wf, sheet.id, "想改一个分")
    with pytest.raises(RuleViolation):  # submitted sheets refuse edits anyway; no draft can outlive the lock
        sheet_ops.save_entry(wf, sheet.id, "A1", D("1"))
    with pytest.raises(RuleViolation):
        sheet_ops.submit(wf, sheet.id, statement_confirmed=True, signature_strokes=SIGNATURE[0],
                      signature_png=SIGNATURE[1])
    with pytest.raises(RuleViolation, match=LOCKED):
        sheet_ops.open_sheet(wf, rnd.reserve, first, rnd.label)  # a new pair
    with pytest.raises(RuleViolation, match=LOCKED):
        panel_ops.record_conflict(wf, rnd.experts[1], first, ConflictSource.DECLARED, "迟报的利益冲突")
    with pytest.raises(RuleViolation, match=LOCKED):
        panel_ops.assign(wf, rnd.reserve, [first])
    with pytest.raises(RuleViolation, match=LOCKED):
        sheet_ops.save_keying(wf, rnd.reserve, first, 1, {"A1": D("30")})
    with pytest.raises(RuleViolation, match=LOCKED):
        ranking_ops.set_settings(wf, rnd.round_id, Method.MEAN, D("15"), [])
    with pytest.raises(RuleViolation, match=LOCKED):
        ranking_ops.explain_flag(wf, Flag(first, rnd.experts[0], FlagKind.TOTAL, D("0")), "chair", "补写说明")
    with pytest.raises(RuleViolation, match="^R16: 本轮评审结果已经确认"):
        ranking_ops.consolidate(wf, rnd.round_id, SELECTED_ON)
    assert audit_events(wf) == before  # nothing written by any refusal
    assert sheets.get_sheet(wf, sheet.id).entries == sheet.entries
    assert_sound(wf)


# -- reopening -------------------------------------------------------------------------------------
def test_R16_reopening_needs_a_lock_and_a_reason(rnd):
    with pytest.raises(RuleViolation, match="^R16: .*尚未确认"):
        ranking_ops.reopen(rnd.wf, rnd.round_id, "复议", date(YEAR, 9, 22))
    ranking_ops.consolidate(rnd.wf, rnd.round_id, SELECTED_ON)
    for blank in ("", "   "):
        with pytest.raises(RuleViolation, match="^R16: .*理由"):
            ranking_ops.reopen(rnd.wf, rnd.round_id, blank, date(YEAR, 9, 22))
    assert ranking.analyse_round(rnd.wf, rnd.round_id).locked


def test_R16_reopening_returns_the_applications_to_shortlisted_and_unlocks(rnd):
    wf = rnd.wf
    ranking_ops.consolidate(wf, rnd.round_id, SELECTED_ON)
    ranking_ops.reopen(wf, rnd.round_id, "党组审议前发现一份评分表计分有误，重新汇总", date(YEAR, 9, 22))
    assert states(wf, rnd.apps) == [S.SHORTLISTED] * 6
    view = ranking.analyse_round(wf, rnd.round_id)
    assert not view.locked and view.history[0].reopen_reason == "党组审议前发现一份评分表计分有误，重新汇总"
    assert kinds(wf, rnd.apps[0]) == ["shortlisted", "shortlist_confirmed", "selected", "result_reopened"]
    assert kinds(wf, rnd.apps[5]) == ["shortlisted", "shortlist_confirmed", "not_selected", "result_reopened"]
    # unlocked: sheets and settings change again, and the round is consolidated anew
    expert, fourth = rnd.experts[1], rnd.apps[3]
    old = rnd.points[fourth][expert]
    draft = sheet_ops.correct(wf, sheets.current_sheet(wf, expert, fourth).id, "A2误填").value
    sheet_ops.save_entry(wf, draft.id, "A2", old["A2"] + 5)
    sheet_ops.submit(wf, draft.id, statement_confirmed=True, signature_strokes=SIGNATURE[0], signature_png=SIGNATURE[1])
    ranking_ops.set_settings(wf, rnd.round_id, Method.MEAN, D("15"), [])
    ranking_ops.consolidate(wf, rnd.round_id, date(YEAR, 9, 23))
    assert states(wf, rnd.apps) == [S.SELECTED] * 3 + [S.NOT_SELECTED] * 3
    view = ranking.analyse_round(wf, rnd.round_id)
    assert [h.method for h in view.history] == ["trimmed_mean", "mean"] and view.lock.decided_on == date(YEAR, 9, 23)
    assert kinds(wf, rnd.apps[0]) == ["shortlisted", "shortlist_confirmed", "selected", "result_reopened", "selected"]
    assert_sound(wf)


def test_R16_reopening_is_refused_once_a_publicity_was_started(rnd):
    wf = rnd.wf
    ranking_ops.consolidate(wf, rnd.round_id, SELECTED_ON)
    approve_and_publicise(wf, [rnd.apps[2]], RECOGNITION, date(YEAR, 9, 26))  # the third selected only
    before = audit_events(wf)
    with pytest.raises(RuleViolation, match="^R16: .*确认结果之后已有其他决定"):
        ranking_ops.reopen(wf, rnd.round_id, "想重新汇总", date(YEAR, 9, 29))
    # all or nothing: the first two (reopened before the third refused) are selected still
    assert states(wf, rnd.apps) == [S.SELECTED] * 3 + [S.NOT_SELECTED] * 3
    assert "result_reopened" not in kinds(wf, rnd.apps[0]) and audit_events(wf) == before
    assert ranking.analyse_round(wf, rnd.round_id).locked
    assert_sound(wf)


# -- an assessment round (R17) ---------------------------------------------------------------------
def recognise_the_selected(rnd) -> list[int]:
    """Consolidate, publish for 5 working days (2025-09-26 → 10-09), recognise on 2025-10-16."""
    ranking_ops.consolidate(rnd.wf, rnd.round_id, SELECTED_ON)
    selected = rnd.apps[:3]
    approve_and_publicise(rnd.wf, selected, RECOGNITION, date(YEAR, 9, 26))
    for app in selected:
        decision_ops.record(rnd.wf, app, Event.of(Kind.RECOGNISED, date(YEAR, 10, 16)))
        # each centre's written request for its year-1 assessment (R17: 书面申请)
        decision_ops.record(rnd.wf, app, Event.of(Kind.ASSESSMENT_REQUESTED, date(YEAR, 10, 16), year=1))
    assert states(rnd.wf, selected) == [S.RECOGNISED] * 3
    return selected


def annual(total: str) -> dict[str, Decimal]:
    s2 = D("30") if D(total) >= 70 else D(total) - 40
    return {"S1": D(total) - s2, "S2": s2}


def test_R17_blockers_count_every_missing_sheet_of_an_unscored_round(rnd):
    """Regression: an application without any submitted sheet once counted as one missing sheet."""
    centres = recognise_the_selected(rnd)
    y1 = ranking_ops.open_assessment_round(rnd.wf, 2026, RoundKind.YEAR1).value
    for i, expert in enumerate(rnd.experts[:4]):
        panel_ops.seat(rnd.wf, y1, expert, SeatRole.CHAIR if i == 0 else SeatRole.MEMBER)
        panel_ops.assign(rnd.wf, expert, _rows(rnd.wf, y1))
    blockers = ranking.analyse_round(rnd.wf, y1).blockers()
    assert len(centres) * 4 == 12
    assert blockers[0] == "还有12份专家打分表未提交（草稿或未开始）"
    with pytest.raises(RuleViolation, match="^R17: 尚不能确认评审结果：还有12份专家打分表未提交"):
        ranking_ops.consolidate(rnd.wf, y1, date(2026, 10, 20))


def _rows(wf: WorkingFile, round_id: int) -> list[int]:
    with wf.session() as s:
        return list(s.scalars(select(Application.id).where(Application.round_id == round_id)
                              .order_by(Application.enterprise_name)))


def test_R17_an_assessment_round_consolidates_into_assessments_by_the_pass_mark(rnd):
    wf = rnd.wf
    centres = recognise_the_selected(rnd)
    y1 = ranking_ops.open_assessment_round(wf, 2026, RoundKind.YEAR1).value
    with pytest.raises(RuleViolation, match="^R17: 2026年度已有"):
        ranking_ops.open_assessment_round(wf, 2026, RoundKind.YEAR1)
    rows = _rows(wf, y1)
    with wf.session() as s:
        assesses = {a: s.get(Application, a).assesses_application_id for a in rows}
    assert sorted(assesses.values()) == sorted(centres)
    row_of = {centre: row for row, centre in assesses.items()}
    # four experts: the trimmed mean is the plain mean
    experts = rnd.experts[:4]
    for i, expert in enumerate(experts):
        panel_ops.seat(wf, y1, expert, SeatRole.CHAIR if i == 0 else SeatRole.MEMBER)
        panel_ops.assign(wf, expert, rows)
    view = ranking.analyse_round(wf, y1)
    assert view.analysis.line.rule == "R17" and view.analysis.without_sheets == sorted(rows)
    with pytest.raises(RuleViolation, match="^R17: 尚不能确认评审结果"):
        ranking_ops.consolidate(wf, y1, date(2026, 10, 20))
    label = sheet_ops.store_rubric(wf, rubrics.from_dict(ANNUAL_RUBRIC)).value
    totals = {
        centres[0]: ["69.99", "69.99", "70.00", "70.00"],  # 69.995 → 70.00: passes (70 included)
        centres[1]: ["69.99", "69.99", "69.99", "70.00"],  # 69.9925 → 69.99: fails
        centres[2]: ["90", "88", "85", "86"],  # 87.25
    }
    for centre, by_expert in totals.items():
        for expert, total in zip(experts, by_expert, strict=True):
            submit_sheet(wf, expert, row_of[centre], label, annual(total))
    view = ranking.analyse_round(wf, y1)
    scores = {r.application: (r.score, r.inside) for r in view.analysis.rows}
    assert scores == {row_of[centres[0]]: (D("70.00"), True), row_of[centres[1]]: (D("69.99"), False),
                      row_of[centres[2]]: (D("87.25"), True)}
    assert view.blockers() == []
    # one year after recognition (2025-10-16) at the earliest: refused, and nothing recorded
    with pytest.raises(RuleViolation, match="^R17: .*建设满1年"):
        ranking_ops.consolidate(wf, y1, date(2026, 10, 15))
    assert states(wf, centres) == [S.RECOGNISED] * 3 and not ranking.analyse_round(wf, y1).locked
    ranking_ops.consolidate(wf, y1, date(2026, 10, 20))
    assert states(wf, centres) == [S.Y1_PASSED, S.RECTIFYING, S.Y1_PASSED]
    assert states(wf, rows) == [S.APPLIED] * 3  # the assessment's own rows carry no decision
    with wf.session() as s:
        assessed = {d.application_id: (d.rule, json.loads(d.data)) for d in s.scalars(
            select(Decision).where(Decision.kind == Kind.ASSESSED.value))}
    assert assessed == {centres[0]: ("R17", {"year": 1, "score": "70.00"}),
                        centres[1]: ("R17", {"year": 1, "score": "69.99"}),
                        centres[2]: ("R17", {"year": 1, "score": "87.25"})}
    # locked like a recognition round, under R17
    with pytest.raises(RuleViolation, match="^R17: 本轮评审结果已于2026-10-20"):
        ranking_ops.set_settings(wf, y1, Method.MEDIAN, D("15"), [])
    # reopened: the centres are recognised (not yet assessed) again, then consolidated anew
    ranking_ops.reopen(wf, y1, "复核发现一份评分表签名缺失，重新汇总", date(2026, 10, 21))
    assert states(wf, centres) == [S.RECOGNISED] * 3
    assert kinds(wf, centres[1])[-2:] == ["assessed", "result_reopened"]
    ranking_ops.consolidate(wf, y1, date(2026, 10, 22))
    assert states(wf, centres) == [S.Y1_PASSED, S.RECTIFYING, S.Y1_PASSED]
    assert_sound(wf)



def test_a_score_changed_under_the_lock_is_found_by_the_consolidation_check(demo_wf):
    """Even a change made past the store (raw SQL, audit chain untouched) shows: the locked result
    no longer equals the result computed again from the sheets."""
    from sqlalchemy import select, update

    from hvp_desktop.store.models import Consolidation, ScoreEntry, ScoreSheet
    from hvp_desktop.store.ranking import analyse_round, consolidation_mismatches

    assert consolidation_mismatches(demo_wf) == []
    with demo_wf.session(write=True) as s:
        round_id = s.scalar(select(Consolidation.round_id).where(Consolidation.reopened_at.is_(None)))
        view_app = next(r for r in analyse_round(demo_wf, round_id).analysis.rows)
        sheet = s.scalar(select(ScoreSheet.id).where(ScoreSheet.application_id == view_app.application,
                                                     ScoreSheet.status == "submitted"))
        s.execute(update(ScoreEntry).where(ScoreEntry.sheet_id == sheet).values(points="0"))
    problems = consolidation_mismatches(demo_wf)
    assert len(problems) == 1 and f"轮次{round_id}" in problems[0] and str(view_app.application) in problems[0]


# -- found in review: results that a reopening or a stale decision must not undo ----------------------
def _year1_consolidated(rnd, totals: dict[int, str]) -> tuple[list[int], int, dict[int, int], str]:
    """Centres recognised, a year-1 round scored by four experts with `totals` per centre index,
    consolidated on 2026-10-20. Returns (centres, round, centre → row, rubric label)."""
    wf = rnd.wf
    centres = recognise_the_selected(rnd)
    y1 = ranking_ops.open_assessment_round(wf, 2026, RoundKind.YEAR1).value
    with wf.session() as s:
        row_of = {s.get(Application, r).assesses_application_id: r for r in _rows(wf, y1)}
    for i, expert in enumerate(rnd.experts[:4]):
        panel_ops.seat(wf, y1, expert, SeatRole.CHAIR if i == 0 else SeatRole.MEMBER)
        panel_ops.assign(wf, expert, list(row_of.values()))
    label = sheet_ops.store_rubric(wf, rubrics.from_dict(ANNUAL_RUBRIC)).value
    for index, total in totals.items():
        for expert in rnd.experts[:4]:
            submit_sheet(wf, expert, row_of[centres[index]], label, annual(total))
    ranking_ops.consolidate(wf, y1, date(2026, 10, 20))
    return centres, y1, row_of, label


def test_R17_a_round_cannot_be_reopened_once_a_later_round_decided_its_centres(rnd):
    wf = rnd.wf
    centres, y1, _row_of, label = _year1_consolidated(rnd, {0: "80", 1: "60", 2: "85"})
    assert states(wf, centres) == [S.Y1_PASSED, S.RECTIFYING, S.Y1_PASSED]
    decision_ops.record(wf, centres[1], Event.of(Kind.RECTIFICATION_REPORTED, date(2026, 12, 1)))  # 整改报告
    again = ranking_ops.open_assessment_round(wf, 2026, RoundKind.RECTIFICATION).value
    for i, expert in enumerate(rnd.experts[:4]):
        panel_ops.seat(wf, again, expert, SeatRole.CHAIR if i == 0 else SeatRole.MEMBER)
        panel_ops.assign(wf, expert, _rows(wf, again))
        submit_sheet(wf, expert, _rows(wf, again)[0], label, annual("75"))
    ranking_ops.consolidate(wf, again, date(2026, 12, 20))
    assert states(wf, centres) == [S.Y1_PASSED] * 3
    before = audit_events(wf)
    with pytest.raises(RuleViolation, match="^R17: .*在本轮确认结果之后已有其他决定"):
        ranking_ops.reopen(wf, y1, "一份评分表签名缺失", date(2026, 12, 21))
    assert states(wf, centres) == [S.Y1_PASSED] * 3 and audit_events(wf) == before
    assert ranking.analyse_round(wf, y1).locked  # all or nothing
    assert_sound(wf)


def test_R17_R18_a_re_assessment_round_holds_each_centre_to_its_own_years_mark(rnd):
    """A centre failing year 1 and one failing year 2 in the same re-assessment round: 72 passes
    the first (R17, 70) and fails the second (R18, 75), in the ranking as in the lifecycle."""
    wf = rnd.wf
    centres, _y1, _row_of, label = _year1_consolidated(rnd, {0: "60", 1: "80", 2: "85"})
    # the second centre fails year 2 (on its written request, recorded by hand, two years after recognition)
    decision_ops.record(wf, centres[1], Event.of(Kind.ASSESSMENT_REQUESTED, date(2027, 10, 18), year=2))
    decision_ops.record(wf, centres[1], Event.of(Kind.ASSESSED, date(2027, 10, 18), year=2, score="70"))
    for centre in centres[:2]:  # both rectification reports in (R17/R18: 整改报告)
        decision_ops.record(wf, centre, Event.of(Kind.RECTIFICATION_REPORTED, date(2027, 11, 1)))
    assert states(wf, centres[:2]) == [S.RECTIFYING, S.RECTIFYING]
    again = ranking_ops.open_assessment_round(wf, 2027, RoundKind.RECTIFICATION).value
    rows = _rows(wf, again)
    for i, expert in enumerate(rnd.experts[:4]):
        panel_ops.seat(wf, again, expert, SeatRole.CHAIR if i == 0 else SeatRole.MEMBER)
        panel_ops.assign(wf, expert, rows)
        for row in rows:
            submit_sheet(wf, expert, row, label, annual("72"))
    view = ranking.analyse_round(wf, again)
    with wf.session() as s:
        year_of = {r: s.get(Application, r).assessed_year for r in rows}
    assert sorted(year_of.values()) == [1, 2] and view.analysis.line.rule == "R17/R18"
    assert {year_of[r.application]: r.inside for r in view.analysis.rows} == {1: True, 2: False}
    ranking_ops.consolidate(wf, again, date(2027, 11, 20))
    assert states(wf, centres[:2]) == [S.Y1_PASSED, S.REVOKED]
    assert ranking.consolidation_mismatches(wf) == []
    assert_sound(wf)


def test_R16_a_hand_recorded_selected_list_and_the_panels_ranking_cannot_both_decide(rnd):
    with pytest.raises(RuleViolation, match="^R16: 本轮由专家组打分"):
        decision_ops.record_selection(rnd.wf, rnd.round_id, rnd.apps[3:], date(YEAR, 9, 18))
    assert states(rnd.wf, rnd.apps) == [S.SHORTLISTED] * 6


def test_R16_a_tie_decided_on_other_scores_is_the_chairs_to_decide_again(rnd):
    wf = rnd.wf
    third, fourth = rnd.apps[2], rnd.apps[3]
    ranking_ops.set_settings(wf, rnd.round_id, Method.MEDIAN, D("15"), [])  # the two tie at 80
    ranking_ops.decide_tie(wf, rnd.round_id, [fourth, third], "第四家PCT申请更多")
    assert ranking.analyse_round(wf, rnd.round_id).tie.applies
    for app in (third, fourth):  # both corrected alike: tied again, at 75
        for expert in rnd.experts:
            points = rnd.points[app][expert]
            correct_sheet(wf, expert, app, dict(points, A1=points["A1"] - 5))
    view = ranking.analyse_round(wf, rnd.round_id)
    assert not view.tie.applies and sorted(view.analysis.unresolved_at_line) == sorted([third, fourth])
    assert any("并列" in b for b in view.blockers())
    with pytest.raises(RuleViolation, match="^R16: 尚不能确认评审结果"):
        ranking_ops.consolidate(wf, rnd.round_id, SELECTED_ON)
    ranking_ops.decide_tie(wf, rnd.round_id, [third, fourth], "按新分数重新合议")
    assert ranking.analyse_round(wf, rnd.round_id).tie.applies
    ranking_ops.consolidate(wf, rnd.round_id, SELECTED_ON)
    assert states(wf, [third, fourth]) == [S.SELECTED, S.NOT_SELECTED]


def test_a_changed_row_of_the_round_is_seen_at_once_not_from_the_loaded_cache(rnd):
    """The loaded scores are reused only while the round's sheets, conflicts, assignments, seats
    and rows are unchanged: a renamed row (as a store operation updates it) reloads."""
    from datetime import datetime

    wf = rnd.wf
    first = ranking.analyse_round(wf, rnd.round_id)
    with wf.session(write=True) as s:
        app = s.get(Application, rnd.apps[0])
        app.enterprise_name, app.updated_at = "广州改名后科技有限公司", datetime(2030, 1, 1)
    view = ranking.analyse_round(wf, rnd.round_id)
    assert first.names[rnd.apps[0]] != "广州改名后科技有限公司" == view.names[rnd.apps[0]]


def test_R17_R18_confirming_waits_for_each_centres_written_request_and_rectification_report(rnd):
    """第一年度考核由申报主体书面申请; a re-assessment follows the centre's rectification report."""
    wf = rnd.wf
    ranking_ops.consolidate(wf, rnd.round_id, SELECTED_ON)
    selected = rnd.apps[:3]
    approve_and_publicise(wf, selected, RECOGNITION, date(YEAR, 9, 26))
    for app in selected:
        decision_ops.record(wf, app, Event.of(Kind.RECOGNISED, date(YEAR, 10, 16)))
    decision_ops.record(wf, selected[0], Event.of(Kind.ASSESSMENT_REQUESTED, date(2026, 9, 1), year=1))
    y1 = ranking_ops.open_assessment_round(wf, 2026, RoundKind.YEAR1).value
    rows = _rows(wf, y1)
    label = sheet_ops.store_rubric(wf, rubrics.from_dict(ANNUAL_RUBRIC)).value
    for i, expert in enumerate(rnd.experts[:4]):
        panel_ops.seat(wf, y1, expert, SeatRole.CHAIR if i == 0 else SeatRole.MEMBER)
        panel_ops.assign(wf, expert, rows)
        for row in rows:
            submit_sheet(wf, expert, row, label, annual("80"))
    before = audit_events(wf)
    with pytest.raises(RuleViolation, match="^R17: 尚未记录以下建设单位的书面申请") as refused:
        ranking_ops.consolidate(wf, y1, date(2026, 10, 20))
    assert "written request" in refused.value.en and audit_events(wf) == before
    for app in selected[1:]:
        decision_ops.record(wf, app, Event.of(Kind.ASSESSMENT_REQUESTED, date(2026, 9, 2), year=1))
    ranking_ops.consolidate(wf, y1, date(2026, 10, 20))
    assert states(wf, selected) == [S.Y1_PASSED] * 3


def test_R15_no_result_before_the_bureau_confirms_the_shortlist(wf, make_app):
    """经区知识产权局确认后，进入专家评审阶段: selection waits for the bureau's confirmation."""
    from tests.unit.store.test_decisions import import_rows, round_of

    ids = import_rows(wf, [(f"t.xlsx:{n}", make_app(n, year=2027)) for n in range(1, 4)])
    rnd = round_of(wf, ids[0])
    decision_ops.shortlist_round(wf, rnd, date(2027, 6, 10))
    with pytest.raises(RuleViolation, match="^R15: 备选单位名单尚未经区知识产权局确认"):
        decision_ops.record_selection(wf, rnd, ids[:1], date(2027, 9, 1))
    with pytest.raises(RuleViolation, match="^R15: .*文件编号"):
        decision_ops.confirm_shortlist(wf, rnd, date(2027, 6, 20), "  ")
    decision_ops.confirm_shortlist(wf, rnd, date(2027, 6, 20), "穗埔知字〔2027〕5号")
    decision_ops.record_selection(wf, rnd, ids[:1], date(2027, 9, 1))
    with pytest.raises(RuleViolation, match="^R16: 名单须先经区知识产权局党组研究通过"):
        decision_ops.start_publicity(wf, ids[:1], RECOGNITION, date(2027, 9, 10))
    decision_ops.approve_list(wf, ids[:1], RECOGNITION, date(2027, 9, 9), "党组会议纪要〔2027〕3号")
    decision_ops.start_publicity(wf, ids[:1], RECOGNITION, date(2027, 9, 10))
    confirmed = [d for d in queries.application_detail(wf, ids[0]).decisions if d.kind == "shortlist_confirmed"]
    assert confirmed[0].data == {"document": "穗埔知字〔2027〕5号"} and confirmed[0].on == date(2027, 6, 20)

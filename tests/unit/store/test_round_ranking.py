"""A round's ranking read from a real encrypted working file (store/ranking.py, issue 5).

A small recognition round is built here (not the demo's numbers): six shortlisted applications,
three places, a panel of five experts (and a sixth, seated but not assigned) and submitted sheets
on a four-criterion rubric. What counts is each non-conflicted expert's latest submitted sheet;
the figures are checked against an independent computation from the points entered here.
"""

from __future__ import annotations

import statistics
from datetime import date

import pytest
from sqlalchemy import select

from hvp_desktop.domain.model import ConflictSource
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.analysis import FlagKind
from hvp_desktop.store import panel, ranking
from hvp_desktop.store.models import ScoreSheet
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import ranking as ranking_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from tests.by_hand import by_hand, half_up
from tests.unit.store.scored_round import (
    MAXIMA,
    PLACES,
    SIGNATURE,
    YEAR,
    D,
    F,
    correct_sheet,
    kendall_by_hand,
    make_an_outlier,
)


def rows_of(view) -> dict:
    return {r.application: r for r in view.analysis.rows}


# -- what counts -----------------------------------------------------------------------------------
def test_R16_the_analysis_equals_an_independent_computation_from_the_sheets(rnd):
    view = ranking.analyse_round(rnd.wf, rnd.round_id)
    totals = rnd.totals()
    expected = {a: by_hand(t.values()) for a, t in totals.items()}
    assert expected == dict(zip(rnd.apps, [D("90.17"), D("85.17"), D("80.17"), D("78.50"), D("70.17"),
                                           D("65.17")], strict=True))  # as worked out by hand above
    rows = rows_of(view)
    assert {a: r.score for a, r in rows.items()} == expected
    assert {a: r.totals for a, r in rows.items()} == totals
    assert [r.application for r in view.analysis.rows] == rnd.apps  # already in order of score
    assert [r.rank for r in view.analysis.rows] == [1, 2, 3, 4, 5, 6]
    assert [r.application for r in view.analysis.rows if r.inside] == rnd.apps[:PLACES]
    for a, r in rows.items():
        exact = [F(v) for v in totals[a].values()]
        assert r.range == max(totals[a].values()) - min(totals[a].values())
        assert abs(F(r.stdev) - F(statistics.pstdev(exact))) <= F(1, 200)
        assert r.missing == () and r.flags == ()
    lenient = {}
    for e in rnd.experts:
        differences = [F(t[e]) - F(sum(v for f, v in t.items() if f != e)) / (len(t) - 1) for t in totals.values()]
        lenient[e] = half_up(sum(differences) / len(differences))
    assert view.analysis.leniency == lenient
    assert view.analysis.kendall_w == kendall_by_hand(totals)
    assert (view.analysis.line.rule, view.analysis.line.places) == ("R16", PLACES)
    assert view.blockers() == [] and not view.locked and view.chair == rnd.experts[0]


def test_R16_another_method_is_computed_alike(rnd):
    totals = rnd.totals()
    for method in Method:
        view = ranking.analyse_round(rnd.wf, rnd.round_id, method)
        assert {r.application: r.score for r in view.analysis.rows} == {a: by_hand(t.values(), method)
                                                                          for a, t in totals.items()}
    assert ranking.analyse_round(rnd.wf, rnd.round_id).analysis.settings.method == Method.TRIMMED_MEAN


def test_R16_drafts_and_sheets_not_started_are_missing_never_zero(rnd):
    wf, first, second = rnd.wf, rnd.apps[0], rnd.apps[1]
    before = rows_of(ranking.analyse_round(wf, rnd.round_id))
    panel_ops.assign(wf, rnd.reserve, [first, second])
    draft = sheet_ops.open_sheet(wf, rnd.reserve, first, rnd.label).value
    sheet_ops.save_entry(wf, draft.id, "A1", D("0"))  # a draft with a zero in it so far
    view = ranking.analyse_round(wf, rnd.round_id)
    rows = rows_of(view)
    assert rows[first].missing == (rnd.reserve,) and rows[second].missing == (rnd.reserve,)
    for app in (first, second):
        assert rows[app].totals == before[app].totals and rnd.reserve not in rows[app].totals
        assert (rows[app].score, rows[app].range, rows[app].stdev) == (before[app].score, before[app].range,
                                                                      before[app].stdev)
    assert view.blockers() == ["还有2份专家打分表未提交（草稿或未开始）"]
    assert sorted(panel.sheet_matrix(wf, rnd.round_id).missing()) == sorted([(rnd.reserve, first),
                                                                             (rnd.reserve, second)])


def test_a_correction_in_progress_is_missing_and_the_latest_submitted_revision_counts(rnd):
    wf, app, expert = rnd.wf, rnd.apps[4], rnd.experts[1]
    corrected = dict(rnd.points[app][expert], A1=rnd.points[app][expert]["A1"] - 3)
    draft = correct_sheet(wf, expert, app, {"A1": corrected["A1"]}, submit=False)
    assert draft.revision == 2 and draft.status == "draft"
    row = rows_of(ranking.analyse_round(wf, rnd.round_id))[app]
    assert row.missing == (expert,)
    assert row.totals[expert] == sum(rnd.points[app][expert].values())  # revision 1, the latest submitted
    with pytest.raises(RuleViolation, match="^R16: .*未提交"):
        ranking_ops.consolidate(wf, rnd.round_id, date(YEAR, 9, 19))
    sheet_ops.submit(wf, draft.id, statement_confirmed=True, signature_strokes=SIGNATURE[0], signature_png=SIGNATURE[1])
    rnd.points[app][expert] = corrected
    row = rows_of(ranking.analyse_round(wf, rnd.round_id))[app]
    assert row.missing == () and row.totals[expert] == sum(corrected.values())
    assert row.score == by_hand(rnd.totals()[app].values())
    with wf.session() as s:  # revision 1 stays in the file, submitted, and no longer counts
        revisions = [(x.revision, x.status) for x in s.scalars(select(ScoreSheet).where(
            ScoreSheet.application_id == app, ScoreSheet.expert_id == expert).order_by(ScoreSheet.revision))]
    assert revisions == [(1, "submitted"), (2, "submitted")]


def test_a_conflicted_experts_sheet_is_left_out(rnd):
    wf, app, expert = rnd.wf, rnd.apps[1], rnd.experts[4]
    panel_ops.record_conflict(wf, expert, app, ConflictSource.RECORDED, "评审后发现其近三年曾为该企业提供咨询服务")
    row = rows_of(ranking.analyse_round(wf, rnd.round_id))[app]
    del rnd.points[app][expert]
    assert sorted(row.totals) == sorted(rnd.experts[:4]) and row.missing == ()
    # four sheets left: the trimmed mean is the plain mean, (85 + 85.5 + 85 + 87) / 4 = 85.625
    assert row.score == by_hand(rnd.totals()[app].values()) == D("85.63")
    assert ranking.analyse_round(wf, rnd.round_id).blockers() == []


# -- flags and their explanations ------------------------------------------------------------------
def test_R16_an_expert_far_from_the_others_is_flagged(rnd):
    app, expert = make_an_outlier(rnd)
    view = ranking.analyse_round(rnd.wf, rnd.round_id)
    others = [F(v) for e, v in rnd.totals()[app].items() if e != expert]
    deviation = half_up(F(rnd.totals()[app][expert]) - sum(others) / len(others))
    assert deviation == D("-25.63")  # 45 − 70.625
    assert [(f.application, f.expert, f.kind, f.deviation) for f in view.analysis.flags] == [
        (app, expert, FlagKind.TOTAL, deviation)]
    assert view.unexplained() == view.analysis.flags
    assert view.blockers() == ["还有1个偏离标记缺少书面说明"]
    assert rows_of(view)[app].score == by_hand(rnd.totals()[app].values())  # flagged, still counted


def test_R16_an_explanation_goes_stale_when_the_corrected_sheet_moves_the_deviation(rnd):
    wf = rnd.wf
    app, expert = make_an_outlier(rnd)
    flag = ranking.analyse_round(wf, rnd.round_id).analysis.flags[0]
    with pytest.raises(ValueError):
        ranking_ops.explain_flag(wf, flag, "expert", "  ")
    with pytest.raises(ValueError):
        ranking_ops.explain_flag(wf, flag, "secretary", "说明")
    ranking_ops.explain_flag(wf, flag, "expert", "现场核查发现经费台账不实，故大幅扣分")
    view = ranking.analyse_round(wf, rnd.round_id)
    assert view.unexplained() == [] and view.blockers() == [] and view.explanations[flag.key].current
    # a correction that keeps the total keeps the deviation: the explanation still holds
    same_total = dict(rnd.points[app][expert])
    same_total.update(A2=same_total["A2"] + 1, B2=same_total["B2"] - 1)
    correct_sheet(wf, expert, app, same_total)
    assert ranking.analyse_round(wf, rnd.round_id).unexplained() == []
    # one point more: −24.63 now, and the explanation written for −25.63 no longer counts
    moved = dict(same_total, B2=same_total["B2"] + 1)
    correct_sheet(wf, expert, app, moved)
    view = ranking.analyse_round(wf, rnd.round_id)
    assert [f.deviation for f in view.analysis.flags] == [D("-24.63")]
    assert not view.explanations[flag.key].current
    assert view.unexplained() == view.analysis.flags
    with pytest.raises(RuleViolation, match="^R16: .*偏离标记"):
        ranking_ops.consolidate(wf, rnd.round_id, date(YEAR, 9, 19))
    ranking_ops.explain_flag(wf, view.analysis.flags[0], "chair", "组长确认：该专家意见有现场核查依据")
    assert ranking.analyse_round(wf, rnd.round_id).blockers() == []


def test_a_criterion_flag_names_the_expert_and_the_criterion(rnd):
    app, expert = rnd.apps[0], rnd.experts[3]
    old = rnd.points[app][expert]  # 38, 18, 27, 9
    new = dict(old, A2=D("5"), B2=D("10"))  # A2: 5 against 18 (range 13 > 10); the total only 12 lower
    correct_sheet(rnd.wf, expert, app, new)
    view = ranking.analyse_round(rnd.wf, rnd.round_id)
    assert [(f.application, f.expert, f.kind, f.criterion, f.deviation) for f in view.analysis.flags] == [
        (app, expert, FlagKind.CRITERION, "A2", D("-13.00"))]
    assert rows_of(view)[app].biggest_difference.criterion == "A2"
    assert view.rubric is not None and {c.code: c.max_points for c in view.rubric.criteria} == MAXIMA


# -- the round's settings and a tie at the line ----------------------------------------------------
def test_R16_settings_are_checked_and_recorded(rnd):
    wf = rnd.wf
    with pytest.raises(ValueError, match="阈值"):
        ranking_ops.set_settings(wf, rnd.round_id, Method.MEAN, D("0"), [])
    with pytest.raises(RuleViolation, match="Z"):
        ranking_ops.set_settings(wf, rnd.round_id, Method.MEAN, D("15"), ["Z"])
    with pytest.raises(ValueError, match="一次"):
        ranking_ops.set_settings(wf, rnd.round_id, Method.MEAN, D("15"), ["A", "A"])
    ranking_ops.set_settings(wf, rnd.round_id, Method.MEAN, D("10"), ["B", "A"])
    settings = ranking.analyse_round(wf, rnd.round_id).analysis.settings
    assert (settings.method, settings.margin, settings.tie_breaks) == (Method.MEAN, D("10"), ("B", "A"))


def test_R16_a_tie_at_the_line_is_broken_by_sections_or_left_to_the_chair(rnd):
    wf, third, fourth = rnd.wf, rnd.apps[2], rnd.apps[3]
    ranking_ops.set_settings(wf, rnd.round_id, Method.MEDIAN, D("15"), [])
    view = ranking.analyse_round(wf, rnd.round_id)
    rows = rows_of(view)
    assert rows[third].score == rows[fourth].score == D("80.00") == by_hand(rnd.totals()[fourth].values(),
                                                                              Method.MEDIAN)
    assert sorted(view.analysis.unresolved_at_line) == sorted([third, fourth])
    assert rows[third].tied_at_line and rows[fourth].tied_at_line
    with pytest.raises(RuleViolation, match="^R16: .*并列"):
        ranking_ops.consolidate(wf, rnd.round_id, date(YEAR, 9, 19))
    # the A subtotals (median 50 against 48) put the fourth in; the B subtotals (30 against 32) the third
    ranking_ops.set_settings(wf, rnd.round_id, Method.MEDIAN, D("15"), ["A"])
    by_a = ranking.analyse_round(wf, rnd.round_id).analysis
    assert by_a.unresolved_at_line == [] and [r.application for r in by_a.rows if r.inside] == [
        rnd.apps[0], rnd.apps[1], fourth]
    assert rows_of(ranking.analyse_round(wf, rnd.round_id))[fourth].tie_keys == (D("50.00"),)
    ranking_ops.set_settings(wf, rnd.round_id, Method.MEDIAN, D("15"), ["B"])
    by_b = ranking.analyse_round(wf, rnd.round_id).analysis
    assert [r.application for r in by_b.rows if r.inside] == rnd.apps[:3]


def test_R16_the_chair_decides_the_tie_with_a_reason_and_a_stale_decision_is_ignored(rnd):
    wf, third, fourth = rnd.wf, rnd.apps[2], rnd.apps[3]
    with pytest.raises(RuleViolation, match="^R16: 名额线处没有"):
        ranking_ops.decide_tie(wf, rnd.round_id, [third, fourth], "无并列")
    ranking_ops.set_settings(wf, rnd.round_id, Method.MEDIAN, D("15"), [])
    with pytest.raises(RuleViolation, match="^R16: .*理由"):
        ranking_ops.decide_tie(wf, rnd.round_id, [fourth, third], " ")
    with pytest.raises(RuleViolation, match="^R16: .*恰好"):
        ranking_ops.decide_tie(wf, rnd.round_id, [fourth], "只列一件")
    with pytest.raises(RuleViolation, match="^R16: .*恰好"):
        ranking_ops.decide_tie(wf, rnd.round_id, [fourth, third, rnd.apps[4]], "多列一件")
    ranking_ops.decide_tie(wf, rnd.round_id, [fourth, third], "第四件申报的知识产权管理体系更完整（专家组合议）")
    view = ranking.analyse_round(wf, rnd.round_id)
    rows = rows_of(view)
    assert view.analysis.unresolved_at_line == [] and view.tie.applies and view.tie.order == [fourth, third]
    assert (rows[fourth].inside, rows[fourth].rank, rows[fourth].chair_placed) == (True, 3, True)
    assert (rows[third].inside, rows[third].rank, rows[third].chair_placed) == (False, 4, True)
    assert view.blockers() == []
    # one expert's corrected sheet lifts the third's median to 80.5: the tie is gone, the decision stale
    expert = rnd.experts[2]
    lifted = dict(rnd.points[third][expert], B2=rnd.points[third][expert]["B2"] + 1)  # 80 → 81
    correct_sheet(wf, expert, third, lifted)
    view = ranking.analyse_round(wf, rnd.round_id)
    rows = rows_of(view)
    assert rows[third].score == D("80.50") and rows[third].inside and not rows[fourth].inside
    assert not view.tie.applies and not view.analysis.ranking.chair_order_applied
    assert not rows[third].chair_placed and view.analysis.unresolved_at_line == []
    with pytest.raises(RuleViolation, match="^R16: 名额线处没有"):
        ranking_ops.decide_tie(wf, rnd.round_id, [fourth, third], "旧的决定")


def test_R16_a_stale_chair_order_does_not_settle_a_new_tie(rnd):
    wf, third, fourth, fifth = rnd.wf, rnd.apps[2], rnd.apps[3], rnd.apps[4]
    ranking_ops.set_settings(wf, rnd.round_id, Method.MEDIAN, D("15"), [])
    ranking_ops.decide_tie(wf, rnd.round_id, [third, fourth], "第三件答辩表现更好")
    # three places → two: the line now runs between the second (85) and the third/fourth (80, 80)
    decision_ops.set_places(wf, rnd.round_id, 2)
    view = ranking.analyse_round(wf, rnd.round_id)
    assert view.analysis.unresolved_at_line == []  # the tie is below the line now
    # the second's experts re-score it down to a median of 80: a three-way tie across the line
    for expert in rnd.experts:
        old = rnd.points[rnd.apps[1]][expert]
        correct_sheet(wf, expert, rnd.apps[1], dict(old, A1=old["A1"] - 5))
    view = ranking.analyse_round(wf, rnd.round_id)
    assert sorted(view.analysis.unresolved_at_line) == sorted([rnd.apps[1], third, fourth])
    assert not view.tie.applies and not view.analysis.ranking.chair_order_applied
    assert fifth not in view.analysis.unresolved_at_line
    with pytest.raises(RuleViolation, match="^R16: .*并列"):
        ranking_ops.consolidate(wf, rnd.round_id, date(YEAR, 9, 19))

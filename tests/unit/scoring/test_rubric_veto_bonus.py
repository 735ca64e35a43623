"""Veto items (否决项) and bonus items (加分项) of an official table (issue 17): a bonus counts up to its
cap and never lifts a total above 100; a veto item found by most experts fails the application
whatever its points — in the ranking's line and in the lifecycle (R17/R18)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hvp_desktop.domain.lifecycle import Event, Kind, apply
from hvp_desktop.domain.model import ApplicationState as S
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.scoring.analysis import Settings
from hvp_desktop.scoring.ranking import Line
from hvp_desktop.scoring.review import RoundData, review
from tests.unit.domain.test_rules_lifecycle import Y1_ON, recognised

D = Decimal

TABLE = {
    "id": "annual-veto", "version": "2026.2", "kind": "annual", "title": "年度考核评分表（含否决项、加分项）",
    "source": "test",
    "sections": [
        {"code": "A", "title": "建设任务", "criteria": [
            {"code": "A1", "title": "知识产权管理体系", "guidance": "", "max_points": "60", "step": "0.5"},
            {"code": "A2", "title": "经费投入", "guidance": "", "max_points": "40", "step": "0.5"}]},
        {"code": "B", "title": "加分项", "kind": "bonus", "cap": "5", "criteria": [
            {"code": "B1", "title": "获中国专利奖", "guidance": "", "max_points": "5", "step": "1"},
            {"code": "B2", "title": "开展知识产权证券化", "guidance": "", "max_points": "5", "step": "1"}]},
        {"code": "V", "title": "否决项", "kind": "veto", "criteria": [
            {"code": "V1", "title": "专职知识产权工作人员少于3人", "guidance": "", "max_points": "1", "step": "1"},
            {"code": "V2", "title": "知识产权工作经费（不包含人员薪酬）少于100万元", "guidance": "",
             "max_points": "1", "step": "1"}]},
    ],
}


def table() -> rubrics.Rubric:
    return rubrics.from_dict(TABLE)


def test_the_tables_100_counts_the_scored_sections_only():
    t = table()
    assert t.max_total == D(100)
    assert [s.kind for s in t.sections] == ["scored", "bonus", "veto"] and t.sections[1].cap == D(5)
    assert rubrics.from_dict(rubrics.to_dict(t)) == t  # kind and cap survive the round trip


@pytest.mark.parametrize(("scores", "total"), [
    ({"A1": "50", "A2": "30", "B1": "0", "B2": "0"}, "80"),
    ({"A1": "50", "A2": "30", "B1": "5", "B2": "5"}, "85"),  # bonus capped at 5
    ({"A1": "60", "A2": "38", "B1": "5", "B2": "0"}, "100"),  # never above 100
    ({"A1": "50", "A2": "30", "V1": "1"}, "80"),  # a veto item counts no points
])
def test_a_sheets_total_by_the_table(scores, total):
    t = table()
    assert t.total_of({k: D(v) for k, v in scores.items()}) == D(total)


def test_a_tables_without_bonus_or_veto_keep_their_digests():
    """Earlier stored tables are found again by their labels: kind and cap are written only when used."""
    plain = {**TABLE, "sections": [TABLE["sections"][0]]}
    section = rubrics.to_dict(rubrics.from_dict(plain))["sections"][0]
    assert set(section) == {"code", "title", "criteria"}


@pytest.mark.parametrize(("change", "problem"), [
    ({"cap": None}, "cap"), ({"kind": "extra"}, "kind"),
])
def test_a_bonus_section_needs_its_cap_and_kinds_are_known(change, problem):
    data = {**TABLE, "sections": [dict(TABLE["sections"][0]), {**TABLE["sections"][1], **change}]}
    if change.get("cap", "x") is None:
        del data["sections"][1]["cap"]
    assert any(problem in p.path for p in rubrics.validate(data))


def test_a_veto_item_is_one_when_found():
    bad = {**TABLE, "sections": [TABLE["sections"][0], {**TABLE["sections"][2], "criteria": [
        {"code": "V1", "title": "x", "guidance": "", "max_points": "2", "step": "1"}]}]}
    assert any("否决项" in p.message for p in rubrics.validate(bad))


def _round(points) -> RoundData:
    t = table()
    return RoundData(1, "年度考核", "year1", 2026, Settings(), Line.pass_mark_line(1), t, {a: f"中心{a}" for a in points},
                     {1: "甲", 2: "乙", 3: "丙"}, 1, points, {}, sorted(points), {}, None, [], None)


def test_R17_a_veto_item_found_by_most_experts_fails_whatever_the_points():
    sheet = {"A1": D(55), "A2": D(35), "B1": D(5), "B2": D(0), "V1": D(0), "V2": D(0)}
    vetoed = dict(sheet, V1=D(1))
    view = review(_round({
        10: {1: sheet, 2: sheet, 3: sheet},  # 95: passes
        20: {1: vetoed, 2: vetoed, 3: sheet},  # 95, but two of three found fewer than 3 IP staff
        30: {1: vetoed, 2: sheet, 3: sheet},  # one of three: not the panel's finding
    }))
    rows = {r.application: r for r in view.analysis.rows}
    assert {a: (r.score, r.inside) for a, r in rows.items()} == {
        10: (D("95.00"), True), 20: (D("95.00"), False), 30: (D("95.00"), True)}
    assert view.vetoed == {20: ["V1"]}


def test_R17_a_vetoed_assessment_fails_in_the_lifecycle():
    c = apply(recognised(), Event.of(Kind.ASSESSED, Y1_ON, year=1, score="95.00", vetoed=["V1"]))
    assert c.state == S.RECTIFYING and c.rectification.failed_on == Y1_ON
    assert apply(recognised(), Event.of(Kind.ASSESSED, Y1_ON, year=1, score="95.00")).state == S.Y1_PASSED

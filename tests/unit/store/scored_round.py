"""A small scored recognition round built in a real encrypted working file, for the ranking and
consolidation tests (not the demo's numbers): six shortlisted applications, three places, a panel
of five experts (and a sixth, seated but not assigned) and submitted sheets on a four-criterion
rubric. The fixtures that copy it for each test are in conftest.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import select

from hvp_desktop.domain import credit_code
from hvp_desktop.domain.formal_review import Outcome
from hvp_desktop.domain.model import ApplicationData, SeatRole
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import decisions, sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from tests.by_hand import half_up
from tests.unit.store.bureau import shortlist_and_confirm

D = Decimal
F = Fraction
SIGNATURE = ([[[10, 10], [20, 15], [30, 12]]], b"\x89PNG fake but present")
YEAR = 2025
PLACES = 3

RECOGNITION_RUBRIC = {
    "id": "test-recognition", "version": "2025.1", "kind": "recognition", "title": "测试认定评分表",
    "source": "test",
    "sections": [
        {"code": "A", "title": "组织与人员", "criteria": [
            {"code": "A1", "title": "负责人", "guidance": "", "max_points": "40", "step": "0.5"},
            {"code": "A2", "title": "专职人员", "guidance": "", "max_points": "20", "step": "0.5"}]},
        {"code": "B", "title": "经费与场所", "criteria": [
            {"code": "B1", "title": "年度经费", "guidance": "", "max_points": "30", "step": "0.5"},
            {"code": "B2", "title": "场所", "guidance": "", "max_points": "10", "step": "0.5"}]},
    ],
}
MAXIMA = {"A1": D(40), "A2": D(20), "B1": D(30), "B2": D(10)}

# Each application's points (A1, A2, B1, B2); each expert moves A1 and B1 a little (totals +0, +0.5,
# 0, +2, 0). By the default trimmed mean the six come out 90.17, 85.17, 80.17, 78.50, 70.17, 65.17.
BASE = [(36, 18, 27, 9), (34, 17, 25, 9), (32, 16, 24, 8), None, (28, 14, 21, 7), (26, 13, 19, 7)]
OFFSETS = [(0, 0), (1, -0.5), (-1, 1), (2, 0), (-0.5, 0.5)]
# The fourth is scored apart: by the median it ties the third at 80 (a tie at the places line), by
# the trimmed mean it is 78.50; its A subtotals are higher than the third's, its B subtotals lower.
FOURTH = [(30, 15, 22, 8), (30.5, 15, 22, 8), (35, 15, 22, 8), (35, 15, 22, 8), (35, 15, 22, 8)]




def kendall_by_hand(totals: dict[int, dict[int, Decimal]]) -> Decimal:
    """W = 12·S / (m²(n³ − n)) over average ranks (highest first), every expert scoring every application."""
    experts = sorted({e for t in totals.values() for e in t})
    m, n = len(experts), len(totals)
    sums = {a: F(0) for a in totals}
    for e in experts:
        for a in totals:
            mine = totals[a][e]
            sums[a] += sum(1 for b in totals if totals[b][e] > mine) + F(sum(1 for b in totals if totals[b][e] == mine)
                                                                         + 1, 2)
    s = sum((r - F(m * (n + 1), 2)) ** 2 for r in sums.values())
    return half_up(12 * s / (m * m * (n ** 3 - n)))


def application(n: int) -> ApplicationData:
    return ApplicationData(
        year=YEAR, enterprise_name=f"广州排名测试{n}号科技有限公司", credit_code=credit_code.make(f"91440112{700 + n:09d}"),
        registered_in_district=True, tax_in_district=True, stats_in_district=True, independent_legal_person=True,
        independent_accounting=True, good_credit=True, ip_staff_count=5, ip_budget_yuan=D("1000000"),
        senior_executive_principal=True, independent_ip_department=True, iso56005=False, valid_invention_patents=20,
        pct_applications=2, contact_name=f"联系人{n}", contact_phone="020-88880000", applied_on=date(YEAR, 4, 1))


def confirm_manual_checks(wf: WorkingFile, app_ids) -> None:
    for app_id in app_ids:
        for check in decisions.formal_review_of(wf, app_id):
            if check.outcome == Outcome.MANUAL:
                decision_ops.override_check(wf, app_id, check.key, Outcome.PASS, "已核对原件，确认符合")


def criteria(values) -> dict[str, Decimal]:
    return {code: D(str(v)) for code, v in zip(("A1", "A2", "B1", "B2"), values, strict=True)}


def submit_sheet(wf: WorkingFile, expert: int, app: int, label: str, points: dict[str, Decimal]):
    sheet = sheet_ops.open_sheet(wf, expert, app, label).value
    sheet_ops.save_entries(wf, sheet.id, {code: (p, "") for code, p in points.items()})
    return sheet_ops.submit(wf, sheet.id, statement_confirmed=True, signature_strokes=SIGNATURE[0],
                         signature_png=SIGNATURE[1]).value


def correct_sheet(wf: WorkingFile, expert: int, app: int, changes: dict[str, Decimal],
                  reason: str = "复核材料后更正", *, submit: bool = True):
    current = sheets.current_sheet(wf, expert, app)
    draft = sheet_ops.correct(wf, current.id, reason).value
    sheet_ops.save_entries(wf, draft.id, {code: (p, "") for code, p in changes.items()})
    if not submit:
        return sheets.get_sheet(wf, draft.id)
    return sheet_ops.submit(wf, draft.id, statement_confirmed=True, signature_strokes=SIGNATURE[0],
                         signature_png=SIGNATURE[1]).value


@dataclass
class ScoredRound:
    """The built round: ids, the rubric's label, and the points each expert submitted."""

    wf: WorkingFile | None
    round_id: int
    apps: list[int]  # in the order of BASE
    experts: list[int]  # the chair first
    reserve: int  # seated, assigned nothing
    label: str
    points: dict[int, dict[int, dict[str, Decimal]]] = field(default_factory=dict)

    def totals(self) -> dict[int, dict[int, Decimal]]:
        return {a: {e: sum(p.values(), D(0)) for e, p in by_expert.items()} for a, by_expert in self.points.items()}


def build_scored_round(wf: WorkingFile) -> ScoredRound:
    app_ops.import_applications(wf, [(f"ranking.xlsx:{n + 1}", application(n)) for n in range(1, 7)])
    with wf.session() as s:
        rows = list(s.scalars(select(Application).order_by(Application.id)))
        app_ids, round_id = [a.id for a in rows], rows[0].round_id
    confirm_manual_checks(wf, app_ids)
    decision_ops.set_places(wf, round_id, PLACES)
    outcome = shortlist_and_confirm(wf, round_id, date(YEAR, 6, 10)).value
    assert outcome.shortlisted == app_ids and outcome.all_went_through  # six applied: all go through (R15)
    label = sheet_ops.store_rubric(wf, rubrics.from_dict(RECOGNITION_RUBRIC)).value
    experts = [panel_ops.add_expert(wf, f"专家{i}", "测试大学", "教授").value for i in range(1, 7)]
    panel_ops.seat(wf, round_id, experts[0], SeatRole.CHAIR)
    for expert in experts[1:]:
        panel_ops.seat(wf, round_id, expert)
    for expert in experts[:5]:
        panel_ops.assign(wf, expert, app_ids)
    built = ScoredRound(None, round_id, app_ids, experts[:5], experts[5], label)
    for i, app in enumerate(app_ids):
        for j, expert in enumerate(built.experts):
            if BASE[i] is None:
                values = FOURTH[j]
            else:
                a1, a2, b1, b2 = BASE[i]
                values = (a1 + OFFSETS[j][0], a2, b1 + OFFSETS[j][1], b2)
            points = criteria(values)
            submit_sheet(wf, expert, app, label, points)
            built.points.setdefault(app, {})[expert] = points
    return built


def make_an_outlier(rnd) -> tuple[int, int]:
    """Expert 3 re-scores the fifth application 25 points lower: 45 against the others' 70.625."""
    app, expert = rnd.apps[4], rnd.experts[2]
    old = rnd.points[app][expert]  # 27, 14, 22, 7 = 70
    new = dict(old, A1=old["A1"] - 16, A2=old["A2"] - 5, B1=old["B1"] - 4)  # ranges 19 / 5 / 3.5: no criterion flag
    correct_sheet(rnd.wf, expert, app, new)
    rnd.points[app][expert] = new
    return app, expert

"""A realistic year of the programme, for a new user to look around and for the benchmarks.

Everything is invented but plausible: Huangpu enterprises with valid credit codes, the
district's universities and institutes as co-applicants, a few applications that fail R1 facts
or leave them blank, and last year's round beside this year's.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hvp_desktop import demo_files as files
from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain.credit_code import ALPHABET, make
from hvp_desktop.domain.formal_review import Outcome
from hvp_desktop.domain.lifecycle import RECOGNITION, Event, Kind, support_purpose
from hvp_desktop.domain.model import (
    ApplicationData,
    ApplicationState,
    CoApplicant,
    CoApplicantKind,
    ConflictSource,
    RoundKind,
    SeatRole,
)
from hvp_desktop.scoring import analysis
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.ranking import Line
from hvp_desktop.store import decisions, panel, queries, ranking, visits
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops import certificates as cert_ops
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import ranking as ranking_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from hvp_desktop.store.ops import visits as visit_ops
from hvp_desktop.store.ops.core import batch

DEMO_PASSWORD = "hvp-demo-2026"
_CALLS = ((2025, 38, 2025), (2026, 46, 2026))  # year, applications, seed

_PREFIXES = ["广州", "广东", "粤港澳"]
_CORES = [
    "黄埔", "科学城", "知识城", "萝岗", "长岭", "云埔", "鱼珠", "永和", "新龙", "九龙", "开泰", "香雪",
    "玉岩", "联和", "南岗", "大沙", "红山", "文冲", "穗东", "夏港", "东区", "水西", "凤凰", "天鹿",
]
_TRADES = [
    ("生物医药", "股份有限公司"), ("智能装备", "有限公司"), ("新材料科技", "有限公司"),
    ("集成电路", "有限公司"), ("新能源汽车零部件", "有限公司"), ("精密仪器", "股份有限公司"),
    ("信息技术", "有限公司"), ("医疗器械", "有限公司"), ("环保科技", "股份有限公司"),
    ("光电科技", "有限公司"), ("食品科技", "有限公司"), ("化工", "有限公司"),
]
_UNIVERSITIES = ["华南理工大学", "中山大学", "广东工业大学", "暨南大学", "华南农业大学", "广州大学"]
_INSTITUTES = [
    "中国科学院广州生物医药与健康研究院", "广东省科学院", "中国科学院广州能源研究所",
    "广州市香雪制药研究院", "粤港澳大湾区国家技术创新中心",
]
_AGENCIES = ["广州三环专利商标代理有限公司", "广州华进联合专利商标代理有限公司", "广东知恒知识产权服务有限公司"]
_SURNAMES = "陈李张黄王林刘吴郭何梁罗郑谢周"
_GIVEN = ["晓明", "伟", "丽娟", "志强", "海燕", "建华", "敏", "嘉欣", "俊杰", "婷", "国栋", "慧"]


def _credit_code(rng: random.Random) -> str:
    # 9 = registered by market regulation, 1 = company, 440112 = Huangpu district
    org = "".join(rng.choice(ALPHABET) for _ in range(9))
    return make("91440112" + org)


def _co_applicants(rng: random.Random) -> tuple[CoApplicant, ...]:
    count = rng.choices([0, 1, 2], weights=[5, 4, 2])[0]
    pool = (
        [(n, CoApplicantKind.UNIVERSITY) for n in _UNIVERSITIES]
        + [(n, CoApplicantKind.RESEARCH_INSTITUTE) for n in _INSTITUTES]
        + [(n, CoApplicantKind.IP_SERVICE_AGENCY) for n in _AGENCIES]
    )
    return tuple(CoApplicant(n, k) for n, k in rng.sample(pool, count))


def _fact(rng: random.Random, p_no: float = 0.03, p_blank: float = 0.03) -> bool | None:
    x = rng.random()
    return False if x < p_no else None if x < p_no + p_blank else True


def applications(year: int, count: int, seed: int) -> list[ApplicationData]:
    rng = random.Random(seed)
    facts = random.Random(seed * 7 + 1)  # the facts added later (R1, issue 17) leave the rest as it was
    names: set[str] = set()
    out = []
    while len(out) < count:
        trade, form = rng.choice(_TRADES)
        name = f"{rng.choice(_PREFIXES)}{rng.choice(_CORES)}{trade}{form}"
        if len(names) >= len(_PREFIXES) * len(_CORES) * len(_TRADES) // 2:
            name = name.replace("有限公司", f"（{len(out)}）有限公司")
        if name in names:
            continue
        names.add(name)
        out.append(
            ApplicationData(
                year=year,
                enterprise_name=name,
                credit_code=_credit_code(rng),
                registered_in_district=_fact(rng),
                tax_in_district=_fact(rng),
                stats_in_district=_fact(rng),
                independent_legal_person=_fact(rng, 0.02, 0.0),
                independent_accounting=_fact(rng, 0.02, 0.02),
                good_credit=_fact(rng, 0.02, 0.05),
                co_applicants=_co_applicants(rng),
                affiliation_group=rng.choice([None] * 24 + ["广州开发区控股集团", "广州工控集团", "香雪集团"]),
                ip_staff_count=rng.choice([2, 3, 3, 4, 5, 6, 8, 12, 20]),
                ip_budget_yuan=Decimal(rng.choice([60, 80, 100, 100, 120, 150, 200, 300, 500])) * 10000,
                senior_executive_principal=_fact(rng, 0.1, 0.0),
                independent_ip_department=_fact(rng, 0.15, 0.0),
                iso56005=_fact(rng, 0.4, 0.1),
                valid_invention_patents=rng.randint(8, 400),
                pct_applications=rng.randint(0, 60),
                contact_name=rng.choice(_SURNAMES) + rng.choice(_GIVEN),
                contact_phone=f"020-{rng.randint(3000, 8999)}{rng.randint(1000, 9999)}",
                applied_on=date(year, 4, 1) + timedelta(days=rng.randint(0, 40)),
                normal_operation=_fact(facts, 0.0, 0.03),
                sound_financial_system=_fact(facts, 0.0, 0.03),
            )
        )
    return out


def create_demo(path: str | Path, password: str = DEMO_PASSWORD, *, with_decisions: bool = True) -> WorkingFile:
    """Create the demo working file: the 2025 round run through recognition, year-1 assessments
    and support; the 2026 call shortlisted, selected and in publicity (as of 2026-11-25)."""
    wf = WorkingFile.create(path, password)
    rows = [
        (f"demo:{year}:{i + 1}", data)
        for year, count, seed in _CALLS
        for i, data in enumerate(applications(year, count, seed))
    ]
    app_ops.import_applications(wf, rows)
    if with_decisions:
        _run_the_years(wf)
    return wf


def _confirm_manual_checks(wf: WorkingFile, app_ids: list[int]) -> None:
    manual = [(app_id, check.key) for app_id in app_ids for check in decisions.formal_review_of(wf, app_id)
              if check.outcome == Outcome.MANUAL]  # read first: a batch's writes are seen when it ends
    with batch(wf):
        for app_id, key in manual:
            decision_ops.override_check(wf, app_id, key, Outcome.PASS,
                                        "已核对营业执照、完税证明与统计登记，确认符合（现场核验）")


def _run_the_years(wf: WorkingFile) -> None:
    rng = random.Random(7)
    rows = queries.application_rows(wf)
    by_year = {y: sorted((r for r in rows if r.year == y), key=lambda r: r.id) for y in (2025, 2026)}
    round_of = {y: by_year[y][0].round_id for y in by_year}
    recognition = {r.id: data for year, count, seed in _CALLS  # what each applicant declared (for its documents)
                   for r, data in zip(by_year[year], applications(year, count, seed), strict=True)}

    # 2026's call meets two exclusions: a centre recognised under the earlier programme (R3) and a
    # title revoked in 2025 (R4). Recorded before any review so both rounds see them.
    r3, r4 = by_year[2026][3], by_year[2026][7]
    with batch(wf):
        decision_ops.add_recognised_centre(wf, r3.credit_code, r3.enterprise_name, "cultivation", year=2021)
        decision_ops.add_ban(wf, r4.credit_code, "R4", date(2025, 3, 10), "2023年度培育中心整改后考核仍不合格，取消称号")

    # 2025: 38 applicants, fewer than 40, so all eligible ones went to expert review (R15).
    _confirm_manual_checks(wf, [r.id for r in by_year[2025]])
    with batch(wf):
        experts, annual, annual_label, centres, year1 = _the_2025_call(wf, round_of[2025])
    rows = _rows_of(wf, year1)
    targets = [0.92, 0.88, 0.85, 0.81, 0.795, 0.77, 0.745, 0.72, 0.71, 0.66, 0.61]
    quality = dict(zip(rows, targets, strict=False))
    with batch(wf):
        _seat_panel(wf, year1, experts[:5], experts[1])
        sheet_ops.set_round_rubric(wf, year1, annual_label)
    _score(wf, year1, annual, annual_label, quality, experts[:5], rng)
    year1_visits = _visit_year1(wf, year1, quality, experts)  # on site, before the round is locked
    _explain_all(wf, year1)
    ranking_ops.consolidate(wf, year1, date(2026, 11, 6))
    passed = [r.id for r in queries.application_rows(wf)
              if r.id in centres and r.state == ApplicationState.Y1_PASSED]
    rectifying = [r.id for r in queries.application_rows(wf)
                  if r.id in centres and r.state == ApplicationState.RECTIFYING]
    # Support publicity for the first passed centres; most granted, one objection still open (R19).
    first = passed[:6]
    with batch(wf):
        decision_ops.approve_list(wf, first, support_purpose(1), date(2026, 11, 13), "区知识产权局党组会议纪要〔2026〕41号")
        decision_ops.start_publicity(wf, first, support_purpose(1), date(2026, 11, 16))
        decision_ops.record(wf, first[-1], Event.of(Kind.OBJECTION_FILED, date(2026, 11, 18),
                                                    purpose=support_purpose(1), text="反映经费台账含人员工资"))
        for app_id in first[:-1]:
            decision_ops.record(wf, app_id, Event.of(Kind.SUPPORT_GRANTED, date(2026, 11, 23), year=1))
        for app_id in rectifying:  # their rectification reports (R17), before the re-assessment
            decision_ops.record(wf, app_id, Event.of(Kind.RECTIFICATION_REPORTED, date(2026, 11, 20)),
                                note="整改报告：补充专职人员2名，经费台账剔除人员薪酬")
        again = ranking_ops.open_assessment_round(wf, 2026, RoundKind.RECTIFICATION, rectifying).value \
            if rectifying else None

    # The rectified centres' re-assessment is under way: sheets submitted, drafts open, one not started.
    if again is not None:
        rows = _rows_of(wf, again)
        visitors = [experts[1], experts[2], experts[3], experts[4]]
        with batch(wf):
            _seat_panel(wf, again, visitors, experts[1])
            sheet_ops.set_round_rubric(wf, again, annual_label)
            panel_ops.record_conflict(wf, experts[3], rows[0], ConflictSource.DECLARED, "曾受聘为该中心整改方案提供咨询")
        _score(wf, again, annual, annual_label, dict.fromkeys(rows, 0.74), visitors, rng,
               drafts={(experts[2], rows[0])}, not_started={(experts[4], rows[-1])})
        _visit_rectification(wf, again, year1_visits, experts)

    # 2026: 46 applicants, so the preliminary scores shortlist at least 2 × 20 (R15).
    _confirm_manual_checks(wf, [r.id for r in by_year[2026] if r.id not in (r3.id, r4.id)])
    with batch(wf):
        decision_ops.set_preliminary_scores(wf, {r.id: Decimal(rng.randint(5200, 9600)) / 100
                                                 for r in by_year[2026]})
        outcome = decision_ops.shortlist_round(wf, round_of[2026], date(2026, 6, 15)).value
        decision_ops.confirm_shortlist(wf, round_of[2026], date(2026, 6, 24), "穗埔知字〔2026〕27号")
    _review_the_call(wf, round_of[2026], outcome.shortlisted, experts, rng)
    chosen = [r.id for r in queries.application_rows(wf)
              if r.round_id == round_of[2026] and r.state == ApplicationState.SELECTED]
    with batch(wf):
        decision_ops.approve_list(wf, chosen, RECOGNITION, date(2026, 11, 18), "区知识产权局党组会议纪要〔2026〕44号")
        decision_ops.start_publicity(wf, chosen, RECOGNITION, date(2026, 11, 20))
        decision_ops.record(wf, chosen[2], Event.of(Kind.OBJECTION_FILED, date(2026, 11, 23), purpose=RECOGNITION,
                                                    text="反映该企业知识产权部门为临时组建"))
    _documents(wf, recognition, year1, again, list(year1_visits), chosen)


def _the_2025_call(wf: WorkingFile, round_id: int):
    """2025: 38 applicants, fewer than 40, so all eligible ones went to expert review (R15); then
    the selection, its publicity, the recognitions, a withdrawal and the 2026 year-1 round."""
    outcome = decision_ops.shortlist_round(wf, round_id, date(2025, 6, 10)).value
    decision_ops.confirm_shortlist(wf, round_id, date(2025, 6, 20), "穗埔知字〔2025〕31号")  # the bureau (R15)
    selected = outcome.shortlisted[:15]
    decision_ops.record_selection(wf, round_id, selected, date(2025, 9, 19))
    decision_ops.approve_list(wf, selected, RECOGNITION, date(2025, 9, 24), "区知识产权局党组会议纪要〔2025〕18号")
    # Publicity across National Day: 2025-09-26 → 2025-10-09 (make-up Sunday 09-28 counts).
    decision_ops.start_publicity(wf, selected, RECOGNITION, date(2025, 9, 26))
    challenged, cleared = selected[0], selected[1]
    decision_ops.record(wf, challenged, Event.of(Kind.OBJECTION_FILED, date(2025, 9, 29), purpose=RECOGNITION,
                                              text="举报其研发投入数据与审计报告不符"))
    decision_ops.record(wf, cleared, Event.of(Kind.OBJECTION_FILED, date(2025, 10, 9), purpose=RECOGNITION,
                                           text="质疑联合申报高校未实际参与"))
    decision_ops.record(wf, challenged, Event.of(Kind.OBJECTION_DECIDED, date(2025, 10, 15), purpose=RECOGNITION,
                                              index=0, upheld=True), note="第三方机构核实：数据不实，异议成立")
    decision_ops.record(wf, cleared, Event.of(Kind.OBJECTION_DECIDED, date(2025, 10, 15), purpose=RECOGNITION,
                                           index=0, upheld=False), note="合作协议与经费往来齐全，异议不成立")
    centres = selected[1:]
    for app_id in centres:
        decision_ops.record(wf, app_id, Event.of(Kind.RECOGNISED, date(2025, 10, 16)))

    # One withdrew by written request (R21); one is not assessed yet (overdue since 2026-10-16).
    decision_ops.record(wf, centres[-1], Event.of(Kind.WITHDRAWN, date(2026, 6, 30)), note="企业书面申请退出")
    experts = [panel_ops.add_expert(wf, *e).value for e in _EXPERTS]
    _certificates(wf, experts)
    annual = rubrics.default_rubrics()["annual"]
    annual_label = sheet_ops.store_rubric(wf, annual).value

    # 2026 year-1 assessment of the 2025 centres (R17): eleven visited by a panel of five and
    # consolidated on 2026-11-06; those below 70 are in rectification (2 months).
    for i, app_id in enumerate(centres[:11]):  # each centre's written request (书面申请, R17)
        decision_ops.record(wf, app_id, Event.of(Kind.ASSESSMENT_REQUESTED, date(2026, 10, 17) + timedelta(days=i % 4),
                                                 year=1))
    year1 = ranking_ops.open_assessment_round(wf, 2026, RoundKind.YEAR1, centres[:11]).value
    return experts, annual, annual_label, centres, year1

_EXPERTS = [
    ("李明", "华南理工大学", "教授", "知识产权管理"),
    ("王芳", "广东省知识产权保护中心", "研究员", "专利审查"),
    ("张伟", "中山大学", "副教授", "技术经济"),
    ("陈静", "广州市知识产权局（退休）", "高级工程师", "专利运营"),
    ("黄志强", "广东工业大学", "教授", "机械电子"),
]


def _certificates(wf: WorkingFile, experts: list[int]) -> None:
    """The panel's root and a certificate for every expert (issue 20), without PINs, so that the
    demo signs at once (RSA keys: ~0.2 s for the root, ~70 ms an expert)."""
    with batch(wf):
        cert_ops.create_panel_ca(wf, 2025)
        for expert_id in experts:
            cert_ops.issue_certificate(wf, expert_id, None)


def _rows_of(wf: WorkingFile, round_id: int) -> list[int]:
    return [app_id for app_id, _name in panel.sheet_matrix(wf, round_id).applications]


def _seat_panel(wf: WorkingFile, round_id: int, experts: list[int], chair: int) -> None:
    for expert_id in experts:
        panel_ops.seat(wf, round_id, expert_id, SeatRole.CHAIR if expert_id == chair else SeatRole.MEMBER)


def _marks(rubric: rubrics.Rubric, quality: float, rng: random.Random) -> dict[str, tuple[Decimal, str]]:
    out = {}
    for c in rubric.criteria:
        share = min(max(quality + rng.uniform(-0.08, 0.08), 0), 1)
        points = (c.max_points * Decimal(str(round(share, 3))) / c.step).quantize(Decimal(1)) * c.step
        comment = "材料基本齐全，现场核实无误" if rubrics.comment_required(c, points) else ""
        out[c.code] = (points, comment)
    return out


def _score(wf: WorkingFile, round_id: int, rubric: rubrics.Rubric, label: str, quality: dict[int, float],
           experts: list[int], rng: random.Random, *, marks: dict[tuple[int, int], dict] | None = None,
           drafts: set = frozenset(), not_started: set = frozenset(), paper: set = frozenset()) -> None:
    """Every expert scores every row they are assigned (conflicts already recorded are skipped)."""
    lean = {e: rng.uniform(-0.05, 0.05) for e in experts}
    matrix = panel.sheet_matrix(wf, round_id)
    with batch(wf):  # the panel's whole scoring in one transaction (read the matrix first)
        _enter(wf, rubric, label, quality, experts, rng, matrix, lean, marks, drafts, not_started, paper)


def _enter(wf, rubric, label, quality, experts, rng, matrix, lean, marks, drafts, not_started, paper) -> None:
    for expert_id in experts:
        panel_ops.assign(wf, expert_id, [a for a in quality if matrix.cells.get((expert_id, a)) != "conflicted"])
        for app_id, q in quality.items():
            if matrix.cells.get((expert_id, app_id)) == "conflicted" or (expert_id, app_id) in not_started:
                continue
            entered = (marks or {}).get((expert_id, app_id)) or _marks(rubric, q + lean[expert_id], rng)
            if (expert_id, app_id) in paper:  # scored on paper, keyed twice by the secretary
                keyed = {code: points for code, (points, _c) in entered.items()}
                commented = [code for code, (_p, comment) in entered.items() if comment]  # written on the paper
                sheet_ops.save_keying(wf, expert_id, app_id, 1, keyed, commented)
                sheet_ops.save_keying(wf, expert_id, app_id, 2, keyed, commented)
                sheet_ops.accept_keyings(wf, expert_id, app_id, label)
                continue
            sheet = sheet_ops.open_sheet(wf, expert_id, app_id, label).value
            draft = (expert_id, app_id) in drafts
            if draft:  # still being scored: half the criteria so far
                entered = dict(list(entered.items())[: len(entered) // 2])
            sheet_ops.save_entries(wf, sheet.id, entered)
            if not draft:
                sheet_ops.submit(wf, sheet.id, statement_confirmed=True, signature_strokes=_SIGNATURE,
                              signature_png=_SIGNATURE_PNG)


def _review_the_call(wf: WorkingFile, round_id: int, shortlisted: list[int], experts: list[int],
                     rng: random.Random) -> None:
    """The 2026 expert review: a chair and four members score every shortlisted application; one
    declared conflict; one paper sheet keyed twice; one harsh outlier the expert explains; a tie at
    the places line the chair settles in writing; consolidated on 2026-11-13 (R16)."""
    rubric = rubrics.default_rubrics()["recognition"]
    with batch(wf):
        _seat_panel(wf, round_id, experts, experts[0])
        label = sheet_ops.set_round_rubric(wf, round_id, rubric).value
        panel_ops.record_conflict(wf, experts[2], shortlisted[1], ConflictSource.DECLARED,
                                  "近三年曾为该企业提供技术咨询服务")
    quality = {app_id: rng.uniform(0.58, 0.93) for app_id in shortlisted}
    lean = {e: rng.uniform(-0.05, 0.05) for e in experts}
    marks = {(e, a): _marks(rubric, quality[a] + lean[e], rng) for e in experts for a in shortlisted}
    harsh = sorted(shortlisted, key=quality.get, reverse=True)[4]
    marks[(experts[4], harsh)] = _marks(rubric, quality[harsh] - 0.3, rng)
    # Two applications scored alike by every expert sit either side of the 20th place: ranked
    # here as the round will rank them (trimmed mean, tie-breaks E then D).
    counted = {a: {e: {code: points for code, (points, _c) in marks[(e, a)].items()} for e in experts
                   if not (e == experts[2] and a == shortlisted[1])} for a in shortlisted}
    order = [r.application for r in analysis.analyse(
        counted, Line.places_line(20), analysis.Settings(tie_breaks=("E", "D")),
        maxima={c.code: c.max_points for c in rubric.criteria},
        sections={sec.code: [c.code for c in sec.criteria] for sec in rubric.sections}).rows]
    eligible = [a for a in order if a != shortlisted[1]]  # not the application with four sheets
    at_line, below = order[19], eligible[eligible.index(order[19]) + 1]
    for e in experts:
        marks[(e, below)] = marks[(e, at_line)]
    _score(wf, round_id, rubric, label, quality, experts, rng, marks=marks, paper={(experts[4], shortlisted[0])})
    ranking_ops.set_settings(wf, round_id, Method.TRIMMED_MEAN, Decimal(15), ("E", "D"))
    _explain_all(wf, round_id, {(experts[4], harsh): (
        "expert", "现场核查发现其核心专利多为外观设计，与申报材料所述发明专利储备不符，故评分明显偏低")})
    tied = ranking.analyse_round(wf, round_id).analysis.unresolved_at_line
    if tied:
        ranking_ops.decide_tie(wf, round_id, sorted(tied, key=lambda a: a != at_line),
                           "两家得分及建设方案、专利储备小计均相同；经专家组合议，以近三年PCT申报量较多者列前")
    ranking_ops.consolidate(wf, round_id, date(2026, 11, 13))


def _explain_all(wf: WorkingFile, round_id: int, words: dict[tuple[int, int], tuple[str, str]] | None = None) -> None:
    """Every flag of the round gets its written word before consolidation."""
    flags = ranking.analyse_round(wf, round_id).analysis.flags
    with batch(wf):
        for flag in flags:
            author, text = (words or {}).get((flag.expert, flag.application),
                                             ("chair", "经专家组合议，该项评分差异属专业判断范围，维持原评分"))
            ranking_ops.explain_flag(wf, flag, author, text)


# -- the on-site visits and the files (issue 19) ----------------------------------------------------

_ROADS = ["科学大道", "开源大道", "开创大道", "瑞和路", "神舟路", "伴河路", "香雪三路", "科丰路", "揽月路"]
_SECRETARY = "区市场监管局（知识产权局）刘婷（记录）"
_YEAR1_DAYS = [date(2026, 10, 27), date(2026, 10, 29), date(2026, 11, 3), date(2026, 11, 5)]  # Tue, Thu: workdays

# Per item: what an expert writes when it is met (a full note and a short one, as two experts
# would), and when it is only partly met.
_NOTES: dict[str, tuple[str, str, str]] = {
    "R5.1": ("查阅董事会决议及任命文件，中心主任由公司副总经理担任，访谈确认其主持中心月度例会", "任命文件齐全，高管任中心负责人",
             "任命文件已印发，但负责人近半年未参加中心例会"),
    "R5.2": ("知识产权部为一级部门，有独立办公区和部门职责文件，直接向中心主任汇报", "独立部门，职责文件已见",
             "知识产权部挂靠法务部，职责文件尚未单列"),
    "R5.3": ("核对劳动合同及社保缴纳记录，专职人员均在岗", "花名册与社保记录一致", "部分人员同时承担法务工作"),
    "R6.1": ("培育—布局—转化流程已写入公司制度，现场抽查2个项目记录完整", "培育和转化运用模式运行正常",
             "模式已制定，运行记录仅覆盖一个产品线"),
    "R6.2": ("重大事项协商决策制度已印发，查看本年度会议纪要4份", "有会议纪要，决策留痕", "制度已建立，会议纪要不全"),
    "R6.3": ("已通过ISO56005贯标评价，查看评价报告及内审记录", "贯标材料齐全", "贯标咨询进行中，尚未完成评价"),
    "R7.1": ("核对专项审计报告及经费专账，经费不含人员薪酬", "专账与审计报告一致", "经费台账未与人员薪酬分列"),
    "R7.2": ("办公场所、专利检索数据库及软硬件均有保障", "保障到位", "检索数据库账号仅1个，使用受限"),
    "R8.1": ("知识产权信息管理系统已上线，现场演示检索与预警功能", "系统运行正常，已演示", "系统刚上线，竞争信息收集尚未常态化"),
    "R8.2": ("查看年度竞争态势分析报告2份，结论已用于研发立项", "分析报告已见", "仅有一份技术需求分析，未见竞争态势分析"),
    "R8.3": ("本年度发明专利授权和PCT申请较申报时均有增长，数据经国家知识产权局系统核对", "授权及PCT数量增长",
             "发明授权增长，PCT申请持平"),
    "R9.1": ("抽查5件申请的申请前评估表，评估意见已落实到撰写", "申请前评估执行到位", "评估表格式化填写，实质内容较少"),
    "R9.2": ("专利导航、挖掘和前置评审制度齐全，查看评审会记录", "制度齐全并执行", "前置评审制度尚未覆盖全部研发项目"),
    "R9.3": ("全生命周期管控制度已建立，年费缴纳及放弃均有审批", "管控制度运行正常", "放弃专利未见审批记录"),
    "R9.4": ("抽查3件专利流程档案，自研发立项至授权各环节资料完整", "流程档案完整", "2024年以前的档案仍在补录"),
    "R9.5": ("本年度申报中国专利奖1项、广东专利奖1项", "已申报专利奖", "已准备材料，尚未申报"),
    "R10.1": ("2项高价值专利已实施产业化，查看销售合同与产品说明", "转化运用有实效", "产业化项目处于中试阶段"),
    "R10.2": ("与合作高校签订联合研发协议，共同申请发明专利3件", "产学研合作有成果", "合作协议已签，尚无共同成果"),
    "R10.3": ("专利产品营业收入同比增长，财务报表可查", "营收增长可查", "营收增长，与专利产品的关联说明不足"),
    "R11.1": ("已办理知识产权质押融资一笔，查看登记通知书", "质押融资已开展", "尚在与银行洽谈质押融资"),
    "R11.2": ("知识产权保护制度已印发，员工培训记录齐全", "保护制度健全", "保护制度已起草，未正式印发"),
    "R11.3": ("与区知识产权保护中心建立联络机制，有往来函件", "常态化沟通机制已建立", "仅有一次联络记录"),
    "R11.4": ("本年度发起维权1件，已立案", "已主动开展维权", "发现侵权线索，尚未采取措施"),
    "R12.1": ("已形成年度经验总结并在园区交流", "经验总结已见", "总结材料较简略"),
    "R12.2": ("举办行业专利运营交流会1场，参会企业20余家", "举办交流会并有记录", "参加交流会，未举办"),
    "R13.1": ("设立专利奖励基金，对发明人给予奖励", "有专利奖励办法", "奖励办法尚在修订"),
}

# The centres that fail year 1: what the panel found (the same facts, each expert's own words).
_FAILED: list[dict[str, tuple[str, int | None, str]]] = [
    {"R5.3": ("not_met", 2, "现场核实专职知识产权工作人员仅2人，另1人为法务部兼职，未达3人以上的要求"),
     "R7.1": ("not_met", 860000, "经费台账含人员工资，剔除人员薪酬后为86万元，低于100万元"),
     "R9.4": ("partly", None, "抽查3件专利，其中2件缺少研发立项至申请阶段的流程档案"),
     "R8.2": ("partly", None, "仅有一份技术需求分析，未见竞争态势分析")},
    {"R5.3": ("not_met", 2, "专职知识产权工作人员2人（1人试用期），未达3人以上的要求"),
     "R9.4": ("not_met", None, "未建立专利流程档案，授权、驳回、终止等资料分散在代理机构"),
     "R6.3": ("partly", None, "贯标咨询进行中，尚未完成评价"),
     "R10.1": ("partly", None, "产业化项目处于中试阶段，未见销售合同")},
]
# What the re-assessment finds: rectified, but for the list's last item still only partly.
_RECTIFIED: dict[str, tuple[str, int | None, str]] = {
    "R5.3": ("met", 4, "新招聘专职知识产权工程师2名，核对劳动合同及社保缴纳记录，现专职4人"),
    "R7.1": ("met", 1150000, "经费台账已剔除人员薪酬并单独建账，2026年1—10月投入115万元（不含人员薪酬）"),
    "R9.4": ("met", None, "已建立专利流程档案管理办法，抽查3件专利，流程档案完整"),
    "R8.2": ("met", None, "补充完成竞争态势分析报告1份，已用于下一年度研发立项"),
    "R6.3": ("met", None, "已通过ISO56005贯标评价，查看评价报告"),
    "R10.1": ("met", None, "首批订单已交付，查看销售合同及发票"),
}
_STILL_PARTLY = {"R9.4": "已建立流程档案管理办法，2024年以前的档案仍在补录，已完成约七成",
                 "R10.1": "中试完成，首批订单已签，尚未形成稳定销售"}


def _people(rng: random.Random) -> str:
    roles = ["副总经理、中心主任", "知识产权部经理", "专利工程师", "研发中心总监", "财务部主管"]
    return "；".join(f"{role} {rng.choice(_SURNAMES)}{rng.choice(_GIVEN)}" for role in roles[:rng.randint(3, 5)])


def _place(name: str, rng: random.Random) -> str:
    return f"{name}知识产权部会议室（广州市黄埔区{rng.choice(_ROADS)}{rng.randint(3, 299)}号）"


def _visit_year1(wf: WorkingFile, round_id: int, quality: dict[int, float], experts: list[int]) -> dict:
    """The year-1 visits (R17), before the round is consolidated: the panel visits four centres and
    each expert present records every item, with photos and scans of what they saw. The two
    centres that fail (scored below 70) have items not met: their rectification list. The value:
    centre name → {expert: visit}."""
    rng = random.Random(19)
    names = dict(panel.sheet_matrix(wf, round_id).applications)
    ranked = sorted(quality, key=quality.get, reverse=True)
    failing = [a for a in ranked if quality[a] < 0.70][-2:]
    plan = [(ranked[0], [experts[0], experts[3]], set()), (ranked[4], [experts[2], experts[4]], {"R6.3", "R11.1", "R12.2"})]
    plan += [(app, experts[1:3], _FAILED[i]) for i, app in enumerate(failing)]
    items = visits.default_checklist().items
    pools = [_year1_files(f"y1:{n}", app in failing) for n, (app, _v, _f) in enumerate(plan)]
    out: dict[str, dict[int, int]] = {}
    with batch(wf):
        for n, (app, visitors, found) in enumerate(plan):
            place, people = _place(names[app], rng), _people(rng)
            morning = n % 2 == 1
            for k, expert in enumerate(visitors):
                visit = visit_ops.open_visit(wf, app, expert).value
                out.setdefault(names[app], {})[expert] = visit
                visit_ops.save_visit_details(
                    wf, visit, visited_on=_YEAR1_DAYS[n], place=place,
                    enterprise_participants=people, panel_participants=_panel_names(visitors, experts),
                    started_at="09:30" if morning else "14:00", ended_at="11:50" if morning else "16:40")
                for item in items:
                    visit_ops.set_finding(wf, visit, item.code, *_finding(item.code, found, k, rng))
                for code, filename, data in pools[n][k::len(visitors)]:
                    visit_ops.add_evidence(wf, visit, code, filename, data)
    return out


def _panel_names(visitors: list[int], experts: list[int]) -> str:
    return "、".join(_EXPERTS[experts.index(e)][0] for e in visitors) + "；" + _SECRETARY


def _finding(code: str, found, k: int, rng: random.Random) -> tuple[str, int | None, str]:
    full, short, partly = _NOTES[code]
    if isinstance(found, dict) and code in found:
        return found[code]
    if code in found:  # partly met at this centre
        return "partly", None, partly
    figure = {"R5.3": rng.choice([3, 4, 5, 6]), "R7.1": rng.choice([105, 120, 128, 150, 180]) * 10000}.get(code)
    return "met", figure, full if k % 2 == 0 else short


def _year1_files(seed: str, failing: bool) -> list[tuple[str, str, bytes]]:
    """What the panel photographed and scanned at a centre (each expert attaches some of it)."""
    pool = [("R5.2", "知识产权部办公区.jpg", files.photo("office", seed)),
            ("R8.1", "知识产权信息管理系统截图.png", files.screenshot(seed)),
            ("R9.4", "专利流程档案柜.jpg", files.photo("archive", seed)),
            ("R9.2" if failing else "R6.2", *(("专利挖掘流程看板.jpg", files.photo("whiteboard", seed)) if failing
                                              else ("重大事项协商会议.jpg", files.photo("meeting", seed))))]
    if failing:
        pool.append(("R5.3", "知识产权部人员花名册及社保记录（扫描件）.pdf",
                     files.scan_pdf("人员花名册及社保记录", [files.scan_image(seed + ":staff", seal=False, table=True)])))
    else:
        pool.append(("R5.1", "中心负责人任命文件（扫描件）.pdf", files.scan_pdf("任命文件", [files.scan_image(seed)])))
    return pool


def _visit_rectification(wf: WorkingFile, round_id: int, year1: dict[str, dict[int, int]], experts: list[int]) -> None:
    """The re-assessment visits (R17): each expert assigned continues a year-1 visit to the same
    centre (their own if they made one) and checks its rectification list again: rectified, one
    item still partly met. The first centre's visit is on 2026-11-26, after the demo's today: no
    visit yet (and no documents), a clean slate for the tests of tests/unit/store/test_visits.py."""
    rng = random.Random(1917)
    matrix = panel.sheet_matrix(wf, round_id)
    checklist = visits.default_checklist()
    plans = []
    for n, (app, name) in enumerate(sorted(matrix.applications)[1:]):
        befores = {e: visits.get_visit(wf, v) for e, v in year1.get(name, {}).items()}
        visitors = [e for e in experts if matrix.cells.get((e, app), panel.SheetState.NOT_ASSIGNED)
                    not in (panel.SheetState.NOT_ASSIGNED, panel.SheetState.CONFLICTED)]
        if not befores:
            continue
        listed = checklists.rectification_items(checklist, next(iter(befores.values())).findings)
        partly = listed[-1].code
        pool = [("R5.3", "新增专职人员劳动合同及社保缴纳证明（扫描件）.pdf",
                 files.scan_pdf("劳动合同及社保缴纳证明", [files.scan_image(f"rect:{n}", table=True)])),
                ("R5.3", "新增专职人员工位.jpg", files.photo("office", f"rect:{n}")),
                (partly, "整改材料.jpg", files.photo("archive" if partly == "R9.4" else "meeting", f"rect:{n}"))]
        plans.append((n, app, name, visitors, befores, partly, pool))
    with batch(wf):
        for n, app, name, visitors, befores, partly, pool in plans:
            place, people = _place(name, rng), _people(rng)
            for k, expert in enumerate(visitors):
                before = befores.get(expert) or next(iter(befores.values()))
                visit = visit_ops.open_visit(wf, app, expert, rectification_of=before.id).value
                visit_ops.save_visit_details(wf, visit, visited_on=date(2026, 11, 24) + timedelta(days=n), place=place,
                                             enterprise_participants=people,
                                             panel_participants=_panel_names(visitors, experts),
                                             started_at="09:30", ended_at="11:40")
                for code in ("R5.1", "R5.2"):
                    visit_ops.set_finding(wf, visit, code, "met", None, "复核，与第一年度考核时一致")
                for item in checklists.rectification_items(checklist, before.findings):
                    found = ("partly", None, _STILL_PARTLY[partly]) if item.code == partly \
                        else _RECTIFIED.get(item.code, ("met", None, "已整改，核对整改材料"))
                    visit_ops.set_finding(wf, visit, item.code, *found)
                for code, filename, data in pool[k % 2:k % 2 + 2]:
                    visit_ops.add_evidence(wf, visit, code, filename, data)


def _declared(data: ApplicationData) -> files.Declared:
    return files.Declared(
        data.enterprise_name, data.credit_code, data.year, data.contact_name or "", data.contact_phone or "",
        data.applied_on or date(data.year, 4, 1), data.ip_staff_count or 3, data.ip_budget_yuan or Decimal(1000000),
        data.valid_invention_patents or 0, data.pct_applications or 0, tuple(c.name for c in data.co_applicants),
        data.iso56005, data.senior_executive_principal, data.independent_ip_department)


def _documents(wf: WorkingFile, recognition: dict[int, ApplicationData], year1: int, again: int | None,
               visited: list[str], newcomers: list[int]) -> None:
    """The applications' own documents: 申报书, audit report and a patent certificate for the
    centres assessed and a few of 2026's applicants; the year-1 work summaries; a rectification
    report. (The first re-assessed centre's documents are left for the tests to add.)"""
    names = dict(panel.sheet_matrix(wf, year1).applications)
    rectified = sorted(panel.sheet_matrix(wf, again).applications) if again is not None else []
    left_out = rectified[0][1] if rectified else None
    by_name = {d.enterprise_name: app for app, d in recognition.items()}
    added: list[tuple[int, str, bytes]] = []
    order = visited + sorted(n for n in names.values() if n not in visited)
    centres = [by_name[n] for n in order if n != left_out][:4]
    for app in centres + newcomers[:3]:
        d = _declared(recognition[app])
        added += [(app, "申报书.pdf", files.application_pdf(d)),
                  (app, f"{d.year - 1}年度知识产权工作经费专项审计报告.pdf", files.audit_pdf(d, str(app))),
                  (app, "发明专利证书.jpg", files.photo("certificate", f"patent:{app}"))]
    for app, name in sorted(names.items()):
        if name not in visited:
            continue
        d = _declared(recognition[by_name[name]])
        grown = d.valid_invention_patents + 6 + app % 9
        added.append((app, "第一年度建设工作总结.pdf", files.report_pdf(
            "高价值专利培育布局中心第一年度建设工作总结", name,
            ["中心自认定以来，按照建设方案推进各项任务，主要指标完成情况如下：",
             "# 一、组织与制度", "中心由企业高管担任主要负责人，知识产权部配备专职人员，重大事项协商决策、专利导航与申请前置评审等"
             "制度已印发并运行。",
             "# 二、经费投入", f"本年度知识产权工作经费投入{files.yuan(d.ip_budget_yuan)}（不含人员薪酬），已单独建账。",
             "# 三、下一年度计划", "完善专利全生命周期流程档案，推动两项高价值专利产业化，举办一次行业专利运营交流会。"],
            [["指标", "申报时", "第一年度目标", "完成"],
             ["有效发明专利（件）", str(d.valid_invention_patents), str(d.valid_invention_patents + 6), str(grown)],
             ["专职知识产权工作人员（人）", str(d.ip_staff_count), str(max(3, d.ip_staff_count)),
              str(max(3, d.ip_staff_count))],
             ["PCT国际专利申请（件）", str(d.pct_applications), str(d.pct_applications + 2), str(d.pct_applications + 3)]],
            [170, 90, 100, 91], signed_on=date(2026, 10, 15))))
    for app, name in rectified[1:]:
        added.append((app, "整改报告.pdf", files.report_pdf(
            "第一年度考核整改报告", name,
            ["根据第一年度考核专家组意见，本单位对照整改清单逐项整改，情况如下：",
             "# 一、专职知识产权工作人员", "新招聘专职知识产权工程师2名，专职人员由2人增至4人，劳动合同及社保缴纳证明附后。",
             "# 二、专利流程档案", "制定《专利流程档案管理办法》，对授权、驳回、终止等资料集中归档，历史档案正在补录。",
             "# 三、其他事项", "完成ISO56005贯标评价；中试项目已签首批订单。"],
            [["整改事项", "整改前", "整改后"], ["专职知识产权工作人员", "2人", "4人"],
             ["专利流程档案", "未建立", "已建立，历史档案补录中"]],
            [170, 140, 141], signed_on=date(2026, 11, 20))))
    with batch(wf):
        for app, filename, data in added:
            visit_ops.add_document(wf, app, filename, data)


# A drawn signature for the demo's submitted sheets: vector strokes, and the PNG rendered from them
# (with Pillow, which reportlab already brings; the GUI renders an expert's real strokes with Qt).
_SIGNATURE = [[[12.0, 40.0], [30.0, 22.0], [48.0, 44.0], [66.0, 20.0], [90.0, 38.0]],
              [[20.0, 52.0], [96.0, 50.0]]]


def _render_signature(strokes: list) -> bytes:
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (110, 64), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    for stroke in strokes:
        draw.line([tuple(point) for point in stroke], fill=(11, 42, 111, 255), width=2, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


_SIGNATURE_PNG = _render_signature(_SIGNATURE)

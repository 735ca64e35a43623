"""A centre's lifecycle (DESIGN.md) as a fold over decision events.

`apply(centre, event)` checks the event's preconditions against the centre so far and returns
the new centre, or raises RuleViolation naming the rule. The state of an application is always
`replay(events)`: the decision history alone rebuilds it, which `check` verifies.

    applied ─formal review─▶ rejected | shortlisted ─expert review─▶ not selected | selected
    selected ─publicity 5 working days─▶ recognised | objection upheld
    recognised ─year 1 (≥70)─▶ y1 passed ─year 2 (≥75)─▶ accepted
        fail ─▶ rectifying (2 months) ─▶ pass | revoked (ban 2 years)
    any recognised state ─written request─▶ withdrawn (ban 2 years)
    passed year ─publicity 5 working days─▶ support 500,000 RMB | objection upheld (no support)

Preconditions that need data outside the centre (the formal review's checks, the round's
places) are checked by the operation that creates the event, before it is applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from hvp_desktop.domain import rules
from hvp_desktop.domain.dates import add_months, add_years
from hvp_desktop.domain.formal_review import Ban
from hvp_desktop.domain.model import ApplicationState as S
from hvp_desktop.domain.rules import RuleViolation


class Kind(StrEnum):
    FORMAL_REVIEW_FAILED = "formal_review_failed"
    SHORTLISTED = "shortlisted"
    NOT_SHORTLISTED = "not_shortlisted"
    SELECTED = "selected"
    NOT_SELECTED = "not_selected"
    PUBLICITY_STARTED = "publicity_started"
    PUBLICITY_END_CORRECTED = "publicity_end_corrected"  # a provisional end, recounted once the year's holidays are known
    OBJECTION_FILED = "objection_filed"
    OBJECTION_DECIDED = "objection_decided"
    RECOGNISED = "recognised"
    ASSESSED = "assessed"
    SUPPORT_GRANTED = "support_granted"
    WITHDRAWN = "withdrawn"
    RESULT_REOPENED = "result_reopened"  # the chair reopened a consolidated round: its result is undone
    # The bureau's own steps (R15, R16, R19), each with its date and document number:
    SHORTLIST_CONFIRMED = "shortlist_confirmed"  # 经区知识产权局确认: the shortlist goes to expert review
    LIST_APPROVED = "list_approved"  # 经区知识产权局党组研究通过: a list before its publicity
    SUPPORT_WITHHELD = "support_withheld"  # the bureau decides a passed year's support is not paid
    # The centre's own steps (R17, R18): its written request, its rectification report.
    ASSESSMENT_REQUESTED = "assessment_requested"  # 书面申请 for the year-1 / year-2 assessment
    RECTIFICATION_REPORTED = "rectification_reported"  # 整改报告, before the re-assessment


# The results a consolidation records; the chair may reopen them until the next step is taken.
CONSOLIDATED_RESULTS = frozenset({Kind.SELECTED, Kind.NOT_SELECTED, Kind.ASSESSED})


RECOGNITION = "recognition"  # publicity purposes: the selection list (R16) …


def support_purpose(year: int) -> str:  # … or a passed year's support (R19)
    return f"support_y{year}"


RECOGNISED_STATES = frozenset({S.RECOGNISED, S.Y1_PASSED, S.RECTIFYING})  # R21 may withdraw from these
TERMINAL_STATES = frozenset({S.REJECTED, S.NOT_SELECTED, S.OBJECTION_UPHELD, S.REVOKED, S.WITHDRAWN})


@dataclass(frozen=True)
class Event:
    kind: Kind
    on: date
    data: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, kind: Kind | str, on: date, **data) -> Event:
        return cls(Kind(kind), on, MappingProxyType(dict(data)))


@dataclass(frozen=True)
class Objection:
    filed_on: date
    text: str
    upheld: bool | None = None  # None while undecided


@dataclass(frozen=True)
class Publicity:
    purpose: str
    starts_on: date
    ends_on: date  # the last working day of the period
    provisional_reason: str | None = None
    objections: tuple[Objection, ...] = ()

    def open_objections(self) -> bool:
        return any(o.upheld is None for o in self.objections)

    def upheld(self) -> bool:
        return any(o.upheld for o in self.objections)


@dataclass(frozen=True)
class Rectification:
    year: int  # which assessment failed
    failed_on: date
    due: date


@dataclass(frozen=True)
class Centre:
    state: S = S.APPLIED
    last_on: date | None = None
    recognised_on: date | None = None
    passed: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # year → date passed
    rectification: Rectification | None = None
    publicity: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # purpose → Publicity
    supported: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # year → date granted
    ban: Ban | None = None
    scores: tuple[tuple[int, date, Decimal], ...] = ()  # (year, date, score) of every assessment
    before_result: Centre | None = None  # the centre before a consolidated result, while it may be reopened
    shortlist_confirmed: tuple[date, str] | None = None  # R15: the bureau's confirmation (date, document)
    approvals: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # purpose → (date, document)
    requested: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # year → written request date
    rectification_report: date | None = None  # R17/R18: the report of the rectification under way
    withheld: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # year → (date, document)

    @property
    def support_total_yuan(self) -> Decimal:
        return rules.SUPPORT_PER_PASSED_YEAR_YUAN * len(self.supported)


def _with(mapping: MappingProxyType, key, value) -> MappingProxyType:
    return MappingProxyType({**mapping, key: value})


def _require_state(c: Centre, allowed: Iterable[S], rule: str, message: str, english: str) -> None:
    if c.state not in allowed:
        raise RuleViolation(rule, message, english)


def _year_zh(year: int) -> str:  # the plan's words: 第一年度, 第二年度
    return {1: "第一年度", 2: "第二年度"}.get(year, f"第{year}年度")


def _ban(on: date, rule: str, reason: str) -> Ban:
    return Ban(rule, on, add_years(on, rules.BAN_YEARS), reason)


def apply(c: Centre, e: Event) -> Centre:
    if c.last_on is not None and e.on < c.last_on:
        raise RuleViolation("R0", f"决定日期{e.on}早于上一项决定（{c.last_on}），不能倒序记录",
                            f"The decision date {e.on} is before the previous decision ({c.last_on}): "
                            "decisions are recorded in date order.")
    if e.kind == Kind.RESULT_REOPENED:
        if c.before_result is None:
            raise RuleViolation(_reopen_rule(c), "评审结果之后已有后续决定（如公示），不能撤回确认",
                                "A later decision (such as a publicity) follows the result: "
                                "its confirmation can no longer be withdrawn.")
        return replace(c.before_result, last_on=e.on)
    handler = _HANDLERS[e.kind]
    return replace(handler(c, e), last_on=e.on, before_result=c if e.kind in CONSOLIDATED_RESULTS else None)


def _reopen_rule(c: Centre) -> str:
    return "R16" if c.state in (S.SELECTED, S.NOT_SELECTED, S.SHORTLISTED) else "R17"


def replay(events: Iterable[Event]) -> Centre:
    c = Centre()
    for e in events:
        c = apply(c, e)
    return c


def allowed(c: Centre, e: Event) -> str | None:
    """None if the event may be applied now, else the refusal (for disabled buttons' tooltips)."""
    try:
        apply(c, e)
    except RuleViolation as exc:
        return str(exc)
    return None


# -- handlers ----------------------------------------------------------------------------------
def _formal_review_failed(c: Centre, e: Event) -> Centre:
    _require_state(c, {S.APPLIED}, "R1", "只有已申报、尚未审查的申报可以形式审查不通过",
                   "Only an application not yet reviewed can fail the formal review.")
    return replace(c, state=S.REJECTED)


def _shortlisted(c: Centre, e: Event) -> Centre:
    _require_state(c, {S.APPLIED}, "R15", "只有已申报、尚未审查的申报可以列为备选单位",
                   "Only an application not yet reviewed can be shortlisted.")
    return replace(c, state=S.SHORTLISTED)


def _not_shortlisted(c: Centre, e: Event) -> Centre:
    _require_state(c, {S.APPLIED}, "R15", "只有已申报、尚未审查的申报可以不列为备选单位",
                   "Only an application not yet reviewed can be left off the shortlist.")
    return replace(c, state=S.NOT_SELECTED)


def _require_confirmed(c: Centre) -> None:
    if c.shortlist_confirmed is None:
        raise RuleViolation("R15", "备选单位名单尚未经区知识产权局确认，不能进入专家评审结果",
                            "The bureau has not confirmed the shortlist yet: no expert review result can be recorded.")


def _selected(c: Centre, e: Event) -> Centre:
    _require_state(c, {S.SHORTLISTED}, "R16", "只有进入专家评审的备选单位可以列入拟认定名单",
                   "Only a shortlisted application in expert review can be put on the list proposed for recognition.")
    _require_confirmed(c)
    return replace(c, state=S.SELECTED)


def _not_selected(c: Centre, e: Event) -> Centre:
    _require_state(c, {S.SHORTLISTED}, "R16", "只有进入专家评审的备选单位可以不列入拟认定名单",
                   "Only a shortlisted application in expert review can be left off the list proposed for recognition.")
    _require_confirmed(c)
    return replace(c, state=S.NOT_SELECTED)


def _publicity_started(c: Centre, e: Event) -> Centre:
    purpose = e.data["purpose"]
    if purpose in c.publicity:
        raise RuleViolation("R16" if purpose == RECOGNITION else "R19", "该事项已经公示过",
                            "This has already been publicised.")
    if purpose == RECOGNITION:
        _require_state(c, {S.SELECTED}, "R16", "只有拟认定名单中的申报可以公示",
                       "Only an application on the list proposed for recognition can be publicised.")
    else:
        year = int(purpose.removeprefix("support_y"))
        if year not in c.passed:
            raise RuleViolation("R19", f"{_year_zh(year)}考核尚未合格，不能列入考核合格名单公示",
                                f"The year-{year} assessment has not been passed: the centre cannot be "
                                "publicised on the list of those who passed.")
        if c.state == S.WITHDRAWN:
            raise RuleViolation("R21", "已退出的建设单位不再列入考核合格名单公示",
                                "A centre that has withdrawn is no longer publicised on a list of those who passed.")
    approval = c.approvals.get(purpose)
    if approval is None or approval[0] > e.on:
        rule = "R16" if purpose == RECOGNITION else "R19"
        raise RuleViolation(rule, "名单须先经区知识产权局党组研究通过，方可公示",
                            "The list must first be approved by the bureau's party group before it is publicised.")
    ends = date.fromisoformat(e.data["ends_on"])
    if ends < e.on:
        raise RuleViolation("R16" if purpose == RECOGNITION else "R19", f"公示期满日{ends}早于公示开始日{e.on}",
                            f"The publicity's last day {ends} is before its first day {e.on}.")
    publicity = Publicity(purpose, e.on, ends, e.data.get("provisional_reason"))
    return replace(c, publicity=_with(c.publicity, purpose, publicity))


def _publicity_end_corrected(c: Centre, e: Event) -> Centre:
    purpose = e.data["purpose"]
    rule = "R16" if purpose == RECOGNITION else "R19"
    p = c.publicity.get(purpose)
    if p is None or p.provisional_reason is None:
        raise RuleViolation(rule, "只有暂定的公示期满日可以更正",
                            "Only a provisional last day of a publicity can be corrected.")
    if not publicity_open(c, p):
        raise RuleViolation(rule, "公示结果已经决定，期满日不能再更正",
                            "The publicity's outcome is decided: its last day can no longer be corrected.")
    ends = date.fromisoformat(e.data["ends_on"])
    if ends < p.starts_on:
        raise RuleViolation(rule, f"公示期满日{ends}早于公示开始日{p.starts_on}",
                            f"The publicity's last day {ends} is before its first day {p.starts_on}.")
    corrected = replace(p, ends_on=ends, provisional_reason=e.data.get("provisional_reason"))
    return replace(c, publicity=_with(c.publicity, purpose, corrected))


def _objection_filed(c: Centre, e: Event) -> Centre:
    purpose = e.data["purpose"]
    rule = "R16" if purpose == RECOGNITION else "R19"
    p = c.publicity.get(purpose)
    if p is None:
        raise RuleViolation(rule, "尚未公示，不能提出异议", "Not publicised yet: no objection can be filed.")
    if not (p.starts_on <= e.on <= p.ends_on):
        raise RuleViolation(rule, f"异议须在公示期内（{p.starts_on}至{p.ends_on}）提出",
                            f"An objection is filed within the publicity period ({p.starts_on} to {p.ends_on}).")
    objection = Objection(e.on, e.data.get("text", ""))
    return replace(c, publicity=_with(c.publicity, purpose, replace(p, objections=(*p.objections, objection))))


def _objection_decided(c: Centre, e: Event) -> Centre:
    purpose = e.data["purpose"]
    rule = "R16" if purpose == RECOGNITION else "R19"
    p = c.publicity.get(purpose)
    index = int(e.data["index"])
    if p is None or not (0 <= index < len(p.objections)) or p.objections[index].upheld is not None:
        raise RuleViolation(rule, "没有待处理的该项异议", "There is no such objection awaiting a decision.")
    upheld = bool(e.data["upheld"])
    objections = list(p.objections)
    objections[index] = replace(objections[index], upheld=upheld)
    c = replace(c, publicity=_with(c.publicity, purpose, replace(p, objections=tuple(objections))))
    if upheld and purpose == RECOGNITION:
        return replace(c, state=S.OBJECTION_UPHELD)  # R16: not recognised
    return c  # R19 upheld: that year's support is refused (see support_granted)


def _publicity_over(c: Centre, purpose: str, on: date, rule: str) -> Publicity:
    p = c.publicity.get(purpose)
    if p is None:
        raise RuleViolation(rule, "尚未公示", "Not publicised yet.")
    if on <= p.ends_on:
        raise RuleViolation(rule, f"公示期至{p.ends_on}，期满后方可决定",
                            f"The publicity runs until {p.ends_on}: decide once it is over.")
    if p.open_objections():
        raise RuleViolation(rule, "公示期内的异议尚未调查核实完毕",
                            "An objection raised during the publicity has not been investigated and settled yet.")
    return p


def _recognised(c: Centre, e: Event) -> Centre:
    _require_state(c, {S.SELECTED}, "R16", "只有列入拟认定名单并经公示的申报可以认定",
                   "Only an application on the list proposed for recognition, once publicised, can be recognised.")
    _publicity_over(c, RECOGNITION, e.on, "R16")
    return replace(c, state=S.RECOGNISED, recognised_on=e.on)


def _assessed(c: Centre, e: Event) -> Centre:
    year = int(e.data["year"])
    rule = "R17" if year == 1 else "R18"
    if year not in (1, 2):
        raise RuleViolation("R17", "年度考核只有第一年度和第二年度", "An annual assessment is for year 1 or year 2.")
    try:
        score = Decimal(str(e.data["score"]))
    except ArithmeticError:
        score = Decimal("NaN")
    if not score.is_finite() or not (Decimal(0) <= score <= Decimal(100)):
        raise RuleViolation(rule, "考核得分应在0到100分之间", "An assessment score is between 0 and 100.")
    if c.state == S.WITHDRAWN:
        raise RuleViolation("R21", "已退出的建设单位不再参加年度考核",
                            "A centre that has withdrawn takes no further annual assessment.")
    rectifying = c.state == S.RECTIFYING and c.rectification is not None and c.rectification.year == year
    if year == 1 and not (c.state == S.RECOGNISED or rectifying):
        raise RuleViolation("R17", "第一年度考核只针对已认定、第一年度考核尚未合格的建设单位",
                            "The year-1 assessment is only for a recognised centre that has not passed it yet.")
    if year == 2 and not (c.state == S.Y1_PASSED or rectifying):
        raise RuleViolation("R18", "第一年度考核合格后方可进行第二年度考核（期末验收）",
                            "The year-2 assessment (final acceptance) comes after the year-1 assessment is passed.")
    requested = c.requested.get(year)
    if not rectifying and (requested is None or requested > e.on):
        raise RuleViolation(rule, f"{_year_zh(year)}考核由建设单位书面申请；尚未记录其书面申请",
                            f"The year-{year} assessment is held on the centre's written request; none is recorded.")
    if rectifying and (c.rectification_report is None or c.rectification_report > e.on):
        raise RuleViolation(rule, "整改后重新考核须先记录建设单位的整改报告",
                            "The re-assessment after rectification needs the centre's rectification report first.")
    if not rectifying and c.recognised_on is not None:
        due = add_years(c.recognised_on, rules.ASSESSMENT_AFTER_YEARS[year])
        if e.on < due:  # 建设满一年 / 满二年: the construction year must be complete
            raise RuleViolation(rule, f"{_year_zh(year)}考核须在建设满{rules.ASSESSMENT_AFTER_YEARS[year]}年后（{due}起）进行",
                                f"The year-{year} assessment takes place once {rules.ASSESSMENT_AFTER_YEARS[year]} "
                                f"year(s) of construction are complete (from {due}).")
    if rectifying and e.on <= c.rectification.failed_on:
        raise RuleViolation(rule, f"整改后重新考核须在{c.rectification.failed_on}考核不合格之后进行",
                            f"The re-assessment after rectification comes after the failed assessment of "
                            f"{c.rectification.failed_on}.")
    c = replace(c, scores=(*c.scores, (year, e.on, score)))
    if rules.passes(year, score) and not e.data.get("vetoed"):  # a veto item (否决项) fails it whatever the score
        state = S.Y1_PASSED if year == 1 else S.ACCEPTED
        return replace(c, state=state, passed=_with(c.passed, year, e.on), rectification=None,
                       rectification_report=None)
    if rectifying:  # failed again after rectification: title revoked, 2-year ban (R4)
        return replace(c, state=S.REVOKED, rectification=None, rectification_report=None,
                       ban=_ban(e.on, "R4", f"整改后第{year}年度考核仍不合格，取消称号"))
    due = add_months(e.on, rules.RECTIFICATION_MONTHS)
    return replace(c, state=S.RECTIFYING, rectification=Rectification(year, e.on, due))


def _support_granted(c: Centre, e: Event) -> Centre:
    year = int(e.data["year"])
    if year not in c.passed:
        raise RuleViolation("R19", f"{_year_zh(year)}考核尚未合格，不予资金扶持",
                            f"The year-{year} assessment has not been passed: no funding support.")
    if year in c.supported:
        raise RuleViolation("R20", f"{_year_zh(year)}的资金扶持已经给予",
                            f"The funding support for year {year} has already been granted.")
    if len(c.supported) >= rules.MAX_SUPPORTED_YEARS:
        raise RuleViolation("R20", f"建设期内资金扶持最多{rules.MAX_SUPPORTED_YEARS}次",
                            f"Funding support is granted at most {rules.MAX_SUPPORTED_YEARS} times in the "
                            "construction period.")
    if year in c.withheld:
        raise RuleViolation("R19", f"区知识产权局已决定不予{_year_zh(year)}资金扶持",
                            f"The bureau decided not to pay the year-{year} support.")
    if c.state == S.WITHDRAWN and support_purpose(year) not in c.publicity:
        # A year passed and published before the withdrawal keeps its support (the plan does not
        # take it back); one not yet published is not published after it.
        raise RuleViolation("R21", "已退出的建设单位不再列入考核合格名单，不予该年度资金扶持",
                            "A centre that withdrew before its passed year was publicised receives no support for it.")
    p = _publicity_over(c, support_purpose(year), e.on, "R19")
    if p.upheld():
        raise RuleViolation("R19", "公示异议成立，不予资金扶持",
                            "An objection to the publicity was upheld: no funding support.")
    return replace(c, supported=_with(c.supported, year, e.on))


def _withdrawn(c: Centre, e: Event) -> Centre:
    _require_state(c, RECOGNISED_STATES, "R21", "只有已认定、建设期内的建设单位可以申请退出",
                   "Only a recognised centre within its construction period can withdraw.")
    return replace(c, state=S.WITHDRAWN, rectification=None,
                   ban=_ban(e.on, "R21", "书面申请退出培育布局中心建设"))


def _shortlist_confirmed(c: Centre, e: Event) -> Centre:
    _require_state(c, {S.SHORTLISTED}, "R15", "只有备选单位需经区知识产权局确认",
                   "Only a shortlisted application is confirmed by the bureau.")
    if c.shortlist_confirmed is not None:
        raise RuleViolation("R15", "备选单位名单已经确认", "The shortlist is already confirmed.")
    return replace(c, shortlist_confirmed=(e.on, _document(e, "R15")))


def _document(e: Event, rule: str) -> str:
    document = str(e.data.get("document", "")).strip()
    if not document:
        raise RuleViolation(rule, "须填写文件编号（文号）", "The document number is required.")  # rule: R15/R16/R19
    return document


def _list_approved(c: Centre, e: Event) -> Centre:
    purpose = e.data["purpose"]
    rule = "R16" if purpose == RECOGNITION else "R19"
    if purpose in c.approvals:
        raise RuleViolation(rule, "该名单已经党组研究通过", "The party group has already approved this list.")
    if purpose == RECOGNITION:
        _require_state(c, {S.SELECTED}, rule, "只有拟认定名单中的申报需经党组研究通过",
                       "Only an application on the list proposed for recognition is approved by the party group.")
    else:
        year = int(purpose.removeprefix("support_y"))
        if year not in c.passed:
            raise RuleViolation(rule, f"{_year_zh(year)}考核尚未合格，不能列入考核合格名单",
                                f"The year-{year} assessment has not been passed: the centre is not on the list.")
        if c.state == S.WITHDRAWN:
            raise RuleViolation("R21", "已退出的建设单位不再列入考核合格名单",
                                "A centre that has withdrawn is no longer put on a list of those who passed.")
    return replace(c, approvals=_with(c.approvals, purpose, (e.on, _document(e, rule))))


def _assessment_requested(c: Centre, e: Event) -> Centre:
    year = int(e.data["year"])
    rule = "R17" if year == 1 else "R18"
    allowed_states = {S.RECOGNISED} if year == 1 else {S.Y1_PASSED}
    _require_state(c, allowed_states, rule,
                   "第一年度考核的书面申请由已认定、尚未考核的建设单位提出" if year == 1
                   else "第二年度考核（期末验收）的书面申请由第一年度考核合格的建设单位提出",
                   "A recognised centre not yet assessed requests the year-1 assessment." if year == 1
                   else "A centre that passed year 1 requests the year-2 assessment (final acceptance).")
    if year in c.requested:
        raise RuleViolation(rule, "该年度考核的书面申请已经记录", "This year's written request is already recorded.")
    return replace(c, requested=_with(c.requested, year, e.on))


def _rectification_reported(c: Centre, e: Event) -> Centre:
    if c.state != S.RECTIFYING or c.rectification is None:
        raise RuleViolation("R17", "只有整改期内的建设单位提交整改报告",
                            "Only a centre in its rectification period submits a rectification report.")
    rule = "R17" if c.rectification.year == 1 else "R18"
    if e.on < c.rectification.failed_on:
        raise RuleViolation(rule, "整改报告不能早于考核不合格的日期", "A rectification report cannot precede the failure.")
    return replace(c, rectification_report=e.on)


def _support_withheld(c: Centre, e: Event) -> Centre:
    year = int(e.data["year"])
    if year not in c.passed or year in c.supported or year in c.withheld:
        raise RuleViolation("R19", f"{_year_zh(year)}没有待给予的资金扶持",
                            f"There is no year-{year} support awaiting payment.")
    return replace(c, withheld=_with(c.withheld, year, (e.on, _document(e, "R19"))))


_HANDLERS = {
    Kind.FORMAL_REVIEW_FAILED: _formal_review_failed,
    Kind.SHORTLISTED: _shortlisted,
    Kind.NOT_SHORTLISTED: _not_shortlisted,
    Kind.SELECTED: _selected,
    Kind.NOT_SELECTED: _not_selected,
    Kind.PUBLICITY_STARTED: _publicity_started,
    Kind.PUBLICITY_END_CORRECTED: _publicity_end_corrected,
    Kind.OBJECTION_FILED: _objection_filed,
    Kind.OBJECTION_DECIDED: _objection_decided,
    Kind.RECOGNISED: _recognised,
    Kind.ASSESSED: _assessed,
    Kind.SUPPORT_GRANTED: _support_granted,
    Kind.WITHDRAWN: _withdrawn,
    Kind.SHORTLIST_CONFIRMED: _shortlist_confirmed,
    Kind.LIST_APPROVED: _list_approved,
    Kind.ASSESSMENT_REQUESTED: _assessment_requested,
    Kind.RECTIFICATION_REPORTED: _rectification_reported,
    Kind.SUPPORT_WITHHELD: _support_withheld,
}


def publicity_open(c: Centre, p: Publicity) -> bool:
    """True while the publicity's outcome is still to be decided."""
    if p.purpose == RECOGNITION:
        return c.state == S.SELECTED
    year = int(p.purpose.removeprefix("support_y"))
    return year not in c.supported and year not in c.withheld and not p.upheld()


# -- deadlines ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Deadline:
    what: str  # key: "y1_assessment", "y2_assessment", "rectification", "publicity_end", "ban_end"
    due: date
    rule: str
    detail: str = ""
    provisional_reason: str | None = None
    opens: bool = False  # True: a date from which something may happen (an assessment on request), never "overdue"

    def overdue(self, today: date) -> bool:
        return not self.opens and self.what != "ban_end" and self.due < today


def deadlines(c: Centre) -> list[Deadline]:
    """The dates that matter next for this centre (DESIGN.md lifecycle; R16–R21)."""
    out: list[Deadline] = []
    if c.recognised_on is not None:
        if c.state == S.RECOGNISED:
            out.append(Deadline("y1_assessment", add_years(c.recognised_on, 1), "R17", "可申请第一年度考核", opens=True))
        if c.state == S.Y1_PASSED:
            out.append(Deadline("y2_assessment", add_years(c.recognised_on, 2), "R18", "可申请第二年度考核（期末验收）",
                                opens=True))
    if c.state == S.RECTIFYING and c.rectification is not None:
        out.append(Deadline("rectification", c.rectification.due, "R17" if c.rectification.year == 1 else "R18",
                            f"{'第一' if c.rectification.year == 1 else '第二'}年度考核整改期满"))
    for p in c.publicity.values():
        if publicity_open(c, p):
            out.append(Deadline("publicity_end", p.ends_on, "R16" if p.purpose == RECOGNITION else "R19",
                                "认定公示期满" if p.purpose == RECOGNITION else "扶持公示期满", p.provisional_reason))
    if c.ban is not None:
        out.append(Deadline("ban_end", c.ban.ends_on, c.ban.rule, "禁止申报期满（当日起可再申报）"))
    return sorted(out, key=lambda d: d.due)

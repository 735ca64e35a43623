"""Formal (eligibility) review of an application: R1–R4, one check per requirement.

Each check says pass, fail or "needs manual confirmation" (nothing declared), with its rule id
and a reason in words. The secretary may confirm or override a check, always with a written
reason; the override decides the check from then on and is kept in the audit chain.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hvp_desktop.domain import rules
from hvp_desktop.domain.model import ApplicationData


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    MANUAL = "manual"  # needs manual confirmation


@dataclass(frozen=True)
class Check:
    key: str  # stable id, e.g. "R1.tax"
    rule: str
    requirement: str
    outcome: Outcome
    reason: str
    overridden_by: str | None = None  # the secretary's written reason, when overridden


@dataclass(frozen=True)
class Ban:
    """R4/R21: no application while `starts_on <= day < ends_on` (ends_on is the first free day)."""

    rule: str
    starts_on: date
    ends_on: date
    reason: str

    def in_force(self, day: date) -> bool:
        return self.starts_on <= day < self.ends_on


@dataclass(frozen=True)
class RecognisedCentre:
    """R3: an enterprise already holding a cultivation centre or cultivation-and-layout centre title."""

    credit_code: str
    name: str
    title: str  # "cultivation" | "cultivation_and_layout"
    affiliation_group: str | None = None


@dataclass(frozen=True)
class Override:
    key: str
    outcome: Outcome
    reason: str


_R1_FACTS = (
    ("R1.registered", "registered_in_district", "注册登记地在本区"),
    ("R1.tax", "tax_in_district", "税务征管关系在本区"),
    ("R1.stats", "stats_in_district", "统计关系在本区"),
    ("R1.operating", "normal_operation", "正常开展研发、生产和经营活动"),
    ("R1.finance", "sound_financial_system", "有健全财务制度"),
    ("R1.legal_person", "independent_legal_person", "具有独立法人资格（单独入统的分公司视同具有独立法人资格）"),
    ("R1.accounting", "independent_accounting", "实行独立核算"),
    ("R1.credit", "good_credit", "符合信用管理相关规定"),
)

CHECK_KEYS: tuple[str, ...] = ("R1.enterprise", *(k for k, _, _ in _R1_FACTS), "R2.count", "R2.kinds",
                               "R3.recognised", "R3.affiliated", "R3.trade_name", "R4.ban")

# Registration authority and kind, the first two characters of a unified social credit code
# (GB 32100): 91 is an enterprise registered by market regulation; 92 an individual business,
# 93 a farmers' cooperative; 1x government bodies, 5x social organisations, … are not enterprises.
_ENTERPRISE_PREFIX = "91"


def _enterprise_check(data: ApplicationData) -> Check:
    """R1: the lead applicant is an enterprise (建设主体……的企业), read from its credit code."""
    requirement = "牵头申报单位为企业"
    if data.credit_code[:2] == _ENTERPRISE_PREFIX:
        return Check("R1.enterprise", "R1", requirement, Outcome.PASS, "统一社会信用代码表明为企业（91）")
    return Check("R1.enterprise", "R1", requirement, Outcome.FAIL,
                 f"统一社会信用代码以“{data.credit_code[:2]}”开头，不是企业")


def _fact_check(key: str, field: str, requirement: str, data: ApplicationData) -> Check:
    value = getattr(data, field)
    if key == "R1.legal_person" and value is not True and data.separately_counted_branch:
        return Check(key, "R1", requirement, Outcome.PASS, "单独入统的分公司，视同具有独立法人资格")
    if value is True:
        return Check(key, "R1", requirement, Outcome.PASS, "申报为“是”")
    if value is False:
        return Check(key, "R1", requirement, Outcome.FAIL, "申报为“否”")
    return Check(key, "R1", requirement, Outcome.MANUAL, "未申报，需人工核实")


def _group_key(name: str | None) -> str:
    """Group names compared as written by different people: width, spaces and case ignored."""
    return "".join(unicodedata.normalize("NFKC", name or "").split()).casefold()


# Place names that open a company name before its trade name (字号): provinces, the cities and
# districts round Guangzhou, and the regions firms name themselves after.
_PLACES = ("中国", "广东省", "广东", "广州市", "广州", "深圳市", "深圳", "佛山市", "佛山", "东莞市", "东莞",
           "珠海市", "珠海", "粤港澳大湾区", "粤港澳", "大湾区", "华南", "黄埔区", "广州开发区")
_PLACE_SUFFIX = ("省", "市", "区", "县")


def trade_name(name: str) -> str | None:
    """The trade name (字号) of a Chinese company name — 广州天鹿新能源汽车零部件有限公司 → 天鹿 — as
    the two characters after the place names; None when the name is too short to tell."""
    text = "".join(unicodedata.normalize("NFKC", name or "").split())
    for bracket in ("(", "（"):  # 天鹿（广州）科技有限公司: the place in brackets goes
        if bracket in text:
            start = text.index(bracket)
            end = text.find(")" if bracket == "(" else "）", start)
            if end > start:
                text = text[:start] + text[end + 1:]
    changed = True
    while changed:
        changed = False
        for place in _PLACES:
            if text.startswith(place) and len(text) > len(place) + 2:
                text, changed = text[len(place):], True
        # a place not in the list, written with its level: 番禺区…, 惠州市…
        cut = next((i + 1 for i, ch in enumerate(text[1:4], start=1) if ch in _PLACE_SUFFIX), None)
        if cut is not None and len(text) - cut >= 4:
            text, changed = text[cut:], True
    return text[:2] if len(text) >= 4 else None


def review(
    data: ApplicationData,
    *,
    on: date | None,
    recognised: Iterable[RecognisedCentre] = (),
    bans: Iterable[Ban] = (),
    overrides: Mapping[str, Override] | None = None,
) -> list[Check]:
    """All checks of R1–R4 for one application, as of day `on` (the application date; None when the
    application gives none: a ban in force around its year then asks for manual confirmation)."""
    checks = [_enterprise_check(data), *(_fact_check(key, field, req, data) for key, field, req in _R1_FACTS)]

    count = len(data.co_applicants)
    checks.append(Check(
        "R2.count", "R2", f"联合申报单位不超过{rules.MAX_CO_APPLICANTS}家",
        Outcome.PASS if count <= rules.MAX_CO_APPLICANTS else Outcome.FAIL, f"共{count}家"))
    wrong = [c.name for c in data.co_applicants if c.kind not in rules.ALLOWED_CO_APPLICANT_KINDS]
    checks.append(Check(
        "R2.kinds", "R2", "联合申报单位为高校、科研院所或知识产权服务机构",
        Outcome.FAIL if wrong else Outcome.PASS, "类型不符：" + "、".join(wrong) if wrong else "符合"))

    recognised = list(recognised)
    own = [r for r in recognised if r.credit_code == data.credit_code]
    checks.append(Check(
        "R3.recognised", "R3", "未被认定为高价值专利培育中心或培育布局中心",
        Outcome.FAIL if own else Outcome.PASS,
        f"已被认定：{own[0].name}" if own else "未查到认定记录"))
    group = data.affiliation_group
    key = _group_key(group)
    kin = [r for r in recognised if key and _group_key(r.affiliation_group) == key and r.credit_code != data.credit_code]
    if kin:
        affiliated = Check("R3.affiliated", "R3", "关联企业未被认定", Outcome.FAIL,
                           f"同属“{group}”的{kin[0].name}已被认定")
    elif group:
        affiliated = Check("R3.affiliated", "R3", "关联企业未被认定", Outcome.PASS, f"“{group}”内未查到认定记录")
    else:
        # The template says: leave the group empty when there is none. It passes as declared only.
        affiliated = Check("R3.affiliated", "R3", "关联企业未被认定", Outcome.PASS,
                           "按申报：未填写所属集团/关联企业（申报为无）")
    checks.append(affiliated)
    mine = trade_name(data.enterprise_name)
    namesakes = [r for r in recognised if mine and r.credit_code != data.credit_code and trade_name(r.name) == mine
                 and not (key and _group_key(r.affiliation_group) == key)]
    checks.append(Check(
        "R3.trade_name", "R3", "与已认定单位不共用字号（或经核实不属关联企业）",
        Outcome.MANUAL if namesakes else Outcome.PASS,
        f"与已认定的{namesakes[0].name}字号相同（“{mine}”），须对照已认定名单核实是否为关联企业" if namesakes
        else "未发现与已认定单位相同的字号"))

    bans = list(bans)
    requirement = "不在禁止申报期内（被取消称号或退出后2年）"
    if on is None:
        around = [b for b in bans if b.starts_on.year <= data.year <= b.ends_on.year]
        checks.append(Check(
            "R4.ban", "R4", requirement, Outcome.MANUAL if around else Outcome.PASS,
            f"申报无申报日期，而{data.year}年有禁止申报期（至{around[0].ends_on.isoformat()}前）：须按申报日期核实"
            if around else "无禁止申报记录"))
    else:
        active = [b for b in bans if b.in_force(on)]
        checks.append(Check(
            "R4.ban", "R4", requirement, Outcome.FAIL if active else Outcome.PASS,
            f"禁止申报至{active[0].ends_on.isoformat()}前：{active[0].reason}" if active else "无生效的禁止申报"))

    overrides = overrides or {}
    return [
        Check(c.key, c.rule, c.requirement, overrides[c.key].outcome, c.reason, overrides[c.key].reason)
        if c.key in overrides else c
        for c in checks
    ]


def verdict(checks: Iterable[Check]) -> Outcome:
    """fail if any check fails; manual while any is unconfirmed; pass otherwise."""
    outcomes = {c.outcome for c in checks}
    if Outcome.FAIL in outcomes:
        return Outcome.FAIL
    if Outcome.MANUAL in outcomes:
        return Outcome.MANUAL
    return Outcome.PASS

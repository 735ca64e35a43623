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
    ("R1.registered", "registered_in_district", "注册地在本区"),
    ("R1.tax", "tax_in_district", "税务关系在本区"),
    ("R1.stats", "stats_in_district", "统计关系在本区"),
    ("R1.legal_person", "independent_legal_person", "具有独立法人资格（单独统计的分支机构视同）"),
    ("R1.accounting", "independent_accounting", "独立核算"),
    ("R1.credit", "good_credit", "符合信用管理要求"),
)

CHECK_KEYS: tuple[str, ...] = (*(k for k, _, _ in _R1_FACTS), "R2.count", "R2.kinds", "R3.recognised", "R3.affiliated", "R4.ban")


def _fact_check(key: str, field: str, requirement: str, data: ApplicationData) -> Check:
    value = getattr(data, field)
    if value is True:
        return Check(key, "R1", requirement, Outcome.PASS, "申报为“是”")
    if value is False:
        return Check(key, "R1", requirement, Outcome.FAIL, "申报为“否”")
    return Check(key, "R1", requirement, Outcome.MANUAL, "未申报，需人工核实")


def _group_key(name: str | None) -> str:
    """Group names compared as written by different people: width, spaces and case ignored."""
    return "".join(unicodedata.normalize("NFKC", name or "").split()).casefold()


def review(
    data: ApplicationData,
    *,
    on: date,
    recognised: Iterable[RecognisedCentre] = (),
    bans: Iterable[Ban] = (),
    overrides: Mapping[str, Override] | None = None,
) -> list[Check]:
    """All checks of R1–R4 for one application, as of day `on` (the application date)."""
    checks = [_fact_check(key, field, req, data) for key, field, req in _R1_FACTS]

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
        # The template says: leave the group empty when there is none.
        affiliated = Check("R3.affiliated", "R3", "关联企业未被认定", Outcome.PASS, "未填写所属集团/关联企业（申报为无）")
    checks.append(affiliated)

    active = [b for b in bans if b.in_force(on)]
    checks.append(Check(
        "R4.ban", "R4", "不在禁止申报期内（被取消称号或退出后2年）",
        Outcome.FAIL if active else Outcome.PASS,
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

"""The programme's objects as plain values (DESIGN.md, "The main objects").

The store maps these to tables; the import produces them; the GUI shows them.
Enum values are stable identifiers written to the working file: never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

MAX_CO_APPLICANTS = 2  # R2


class RoundKind(StrEnum):
    RECOGNITION = "recognition"  # R14–R16: the year's call
    YEAR1 = "year1"  # R17
    YEAR2 = "year2"  # R18
    RECTIFICATION = "rectification"  # R17/R18 re-assessment


class CoApplicantKind(StrEnum):
    """R2: who may join a lead enterprise."""

    UNIVERSITY = "university"
    RESEARCH_INSTITUTE = "research_institute"
    IP_SERVICE_AGENCY = "ip_service_agency"


class ApplicationState(StrEnum):
    """The lifecycle of DESIGN.md; the transitions live in the rules (issue 3)."""

    APPLIED = "applied"
    REJECTED = "rejected"
    SHORTLISTED = "shortlisted"
    NOT_SELECTED = "not_selected"
    SELECTED = "selected"
    RECOGNISED = "recognised"
    OBJECTION_UPHELD = "objection_upheld"
    Y1_PASSED = "y1_passed"
    RECTIFYING = "rectifying"
    ACCEPTED = "accepted"
    REVOKED = "revoked"
    WITHDRAWN = "withdrawn"


class SeatRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"


class SheetStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class ConflictSource(StrEnum):
    DECLARED = "declared"  # by the expert
    RECORDED = "recorded"  # by the secretary


# The R1 facts an application declares, in the order the template and the GUI show them.
ELIGIBILITY_FACTS: tuple[str, ...] = (
    "registered_in_district",
    "tax_in_district",
    "stats_in_district",
    "independent_legal_person",
    "independent_accounting",
    "good_credit",
    "normal_operation",
    "sound_financial_system",
)


@dataclass(frozen=True)
class CoApplicant:
    name: str
    kind: CoApplicantKind


@dataclass(frozen=True)
class ApplicationData:
    """What a lead enterprise declares for a year's call (Annex 1, as far as the template holds it).

    None means "not declared": the formal review (issue 3) asks for manual confirmation then.
    Amounts are RMB yuan as exact decimals.
    """

    year: int
    enterprise_name: str
    credit_code: str
    registered_in_district: bool | None = None
    tax_in_district: bool | None = None
    stats_in_district: bool | None = None
    independent_legal_person: bool | None = None
    independent_accounting: bool | None = None
    good_credit: bool | None = None
    co_applicants: tuple[CoApplicant, ...] = field(default_factory=tuple)
    affiliation_group: str | None = None
    ip_staff_count: int | None = None
    ip_budget_yuan: Decimal | None = None
    senior_executive_principal: bool | None = None
    independent_ip_department: bool | None = None
    iso56005: bool | None = None
    valid_invention_patents: int | None = None
    pct_applications: int | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    applied_on: date | None = None
    normal_operation: bool | None = None  # R1: 正常开展研发、生产和经营活动
    sound_financial_system: bool | None = None  # R1: 有健全财务制度
    separately_counted_branch: bool | None = None  # R1: 单独入统的分公司, counts as an independent legal person

    def eligibility_summary(self) -> str:
        return eligibility_summary([getattr(self, name) for name in ELIGIBILITY_FACTS])


def eligibility_summary(values) -> str:
    """'ok' if every R1 fact is declared yes, 'no' if any is declared no, else 'unknown'."""
    values = list(values)
    if any(v is False for v in values):
        return "no"
    if all(v is True for v in values):
        return "ok"
    return "unknown"

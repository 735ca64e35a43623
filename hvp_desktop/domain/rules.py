"""The programme's numbers, each with the rule (../shared/programme/RULES.md) it comes from.

Where the work plan is silent the value is a documented default that a round may change.
"""

from __future__ import annotations

from decimal import Decimal

from hvp_desktop.domain.model import CoApplicantKind


class RuleViolation(Exception):
    """An action the rules forbid. The message starts with the rule id, e.g. "R18: …".

    "R0" is the app's own record-keeping rule, not one of the programme's: decisions of one
    application are recorded in date order, so its history replays as it happened.
    """

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(f"{rule}: {message}")
        self.rule = rule


MAX_CO_APPLICANTS = 2  # R2
ALLOWED_CO_APPLICANT_KINDS = frozenset(CoApplicantKind)  # R2: universities, institutes, IP service agencies
MAX_PLACES_PER_YEAR = 20  # R14, R16
SHORTLIST_RATIO = 2  # R15: shortlist ≥ 2 × places
ALL_TO_EXPERT_REVIEW_BELOW = 40  # R15: fewer than 40 applicants → all go to expert review
PUBLICITY_WORKING_DAYS = 5  # R16, R19
PASS_MARK = {1: Decimal("70"), 2: Decimal("75")}  # R17 year 1, R18 year 2; inclusive
RECTIFICATION_MONTHS = 2  # R17, R18
BAN_YEARS = 2  # R4 (after revocation), R21 (after withdrawal)
SUPPORT_PER_PASSED_YEAR_YUAN = Decimal("500000")  # R19
MAX_SUPPORTED_YEARS = 2  # R20
ASSESSMENT_AFTER_YEARS = {1: 1, 2: 2}  # R17, R18: due one / two years after recognition


def passes(year: int, score: Decimal) -> bool:
    """R17/R18: the pass mark is included (70.00 passes, 69.99 fails)."""
    if not isinstance(score, Decimal):
        raise TypeError("scores are exact decimals, never floats")
    return score >= PASS_MARK[year]

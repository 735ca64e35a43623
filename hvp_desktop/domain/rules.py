"""The programme's numbers, each with the rule (../shared/programme/RULES.md) it comes from.

Where the work plan is silent the value is a documented default that a round may change.
"""

from __future__ import annotations

from decimal import Decimal

from hvp_desktop.domain.model import CoApplicantKind

# Named checks of the app's own, beside the programme's rules R1–R21: (Chinese, English) names.
CHECKS = {
    "R0": ("决定顺序", "decision order"),  # decisions of one application are recorded in date order
    "COI": ("回避", "conflict of interest"),  # the panel's duty to step aside (申请回避)
    "SHEET": ("专家打分表", "score sheet"),
    "RUBRIC": ("评分表", "scoring table"),
    "PAPER": ("纸质打分表录入", "paper sheet keying"),
    "FILE": ("工作文件", "working file"),
    "INPUT": ("输入", "input"),
    "CHECKLIST": ("现场核查", "on-site checklist"),  # visits and findings (issue 19)
    "SIGN": ("签名", "signature"),  # the panel's certificates and signing keys (issue 20)
    "PACKAGE": ("数据包", "package"),  # packages between laptops: opened, verified, merged (issue 21)
}


class RuleViolation(Exception):
    """An action the rules forbid, named by a rule id ("R18") or a named check (CHECKS), with the
    message in Chinese (the GLOSSARY's words) and in English. `str()` is the Chinese, prefixed
    with the rule id, e.g. "R18: …"; the GUI shows `text(language)`.

    "R0" is the app's own record-keeping rule, not one of the programme's: decisions of one
    application are recorded in date order, so its history replays as it happened.
    """

    def __init__(self, rule: str, message: str, english: str | None = None) -> None:
        super().__init__(f"{rule}: {message}")
        self.rule = rule
        self.zh = message
        self.en = english or message

    def label(self, language: str = "zh") -> str:
        names = CHECKS.get(self.rule)
        if names is None:
            return self.rule
        return names[0] if language.startswith("zh") else names[1].capitalize()

    def text(self, language: str = "zh") -> str:
        message = self.zh if language.startswith("zh") else self.en
        return f"{self.label(language)}: {message}"


class InvalidInput(RuleViolation, ValueError):
    """A refusal of malformed input (an unknown id, an empty name, a value out of range): the
    named check "INPUT", and a ValueError too."""

    def __init__(self, message: str, english: str | None = None) -> None:
        super().__init__("INPUT", message, english)


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

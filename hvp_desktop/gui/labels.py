"""Words the GUI shows for the domain's identifiers, translated through Qt Linguist."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _t(text: str) -> str:
    """Translate a text marked with QT_TRANSLATE_NOOP("Labels", …) (so lupdate finds it)."""
    return QCoreApplication.translate("Labels", text)


def state_label(state: str) -> str:
    return _t(
        {
            "applied": QT_TRANSLATE_NOOP("Labels", "Applied"),
            "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected in formal review"),
            "shortlisted": QT_TRANSLATE_NOOP("Labels", "Shortlisted"),
            "not_selected": QT_TRANSLATE_NOOP("Labels", "Not selected"),
            "selected": QT_TRANSLATE_NOOP("Labels", "Selected"),
            "recognised": QT_TRANSLATE_NOOP("Labels", "Recognised"),
            "objection_upheld": QT_TRANSLATE_NOOP("Labels", "Objection upheld"),
            "y1_passed": QT_TRANSLATE_NOOP("Labels", "Year 1 passed"),
            "rectifying": QT_TRANSLATE_NOOP("Labels", "Rectifying"),
            "accepted": QT_TRANSLATE_NOOP("Labels", "Accepted"),
            "revoked": QT_TRANSLATE_NOOP("Labels", "Revoked"),
            "withdrawn": QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
        }.get(state, state)
    )


def eligibility_label(flag: str) -> str:
    return _t(
        {
            "ok": QT_TRANSLATE_NOOP("Labels", "All R1 facts declared yes"),
            "no": QT_TRANSLATE_NOOP("Labels", "Some R1 fact declared no"),
            "unknown": QT_TRANSLATE_NOOP("Labels", "Some R1 fact not declared"),
        }.get(flag, flag)
    )


def eligibility_short(flag: str) -> str:
    return _t(
        {
            "ok": QT_TRANSLATE_NOOP("Labels", "Meets R1"),
            "no": QT_TRANSLATE_NOOP("Labels", "Fails R1"),
            "unknown": QT_TRANSLATE_NOOP("Labels", "To confirm"),
        }.get(flag, flag)
    )


def co_applicant_kind_label(kind: str) -> str:
    return _t(
        {
            "university": QT_TRANSLATE_NOOP("Labels", "University"),
            "research_institute": QT_TRANSLATE_NOOP("Labels", "Research institute"),
            "ip_service_agency": QT_TRANSLATE_NOOP("Labels", "IP service agency"),
        }.get(kind, kind)
    )


def yes_no(value: bool | None) -> str:
    return _t(
        QT_TRANSLATE_NOOP("Labels", "Not declared")
        if value is None
        else QT_TRANSLATE_NOOP("Labels", "Yes")
        if value
        else QT_TRANSLATE_NOOP("Labels", "No")
    )


def field_label(name: str) -> str:
    return _t(
        {
            "year": QT_TRANSLATE_NOOP("Labels", "Year"),
            "enterprise_name": QT_TRANSLATE_NOOP("Labels", "Applicant"),
            "credit_code": QT_TRANSLATE_NOOP("Labels", "Unified social credit code"),
            "registered_in_district": QT_TRANSLATE_NOOP("Labels", "Registered in the district"),
            "tax_in_district": QT_TRANSLATE_NOOP("Labels", "Tax relation in the district"),
            "stats_in_district": QT_TRANSLATE_NOOP("Labels", "Statistics relation in the district"),
            "independent_legal_person": QT_TRANSLATE_NOOP("Labels", "Independent legal person"),
            "independent_accounting": QT_TRANSLATE_NOOP("Labels", "Independent accounting"),
            "good_credit": QT_TRANSLATE_NOOP("Labels", "Good credit"),
            "normal_operation": QT_TRANSLATE_NOOP("Labels", "Research, production and business carried out normally"),
            "sound_financial_system": QT_TRANSLATE_NOOP("Labels", "Sound financial system"),
            "separately_counted_branch": QT_TRANSLATE_NOOP("Labels", "Separately counted branch"),
            "affiliation_group": QT_TRANSLATE_NOOP("Labels", "Group / affiliated companies"),
            "ip_staff_count": QT_TRANSLATE_NOOP("Labels", "Full-time IP staff"),
            "ip_budget_yuan": QT_TRANSLATE_NOOP("Labels", "Annual IP budget (RMB)"),
            "senior_executive_principal": QT_TRANSLATE_NOOP("Labels", "Senior executive in charge"),
            "independent_ip_department": QT_TRANSLATE_NOOP("Labels", "Independent IP department"),
            "iso56005": QT_TRANSLATE_NOOP("Labels", "ISO 56005 implemented"),
            "valid_invention_patents": QT_TRANSLATE_NOOP("Labels", "Valid invention patents"),
            "pct_applications": QT_TRANSLATE_NOOP("Labels", "PCT applications"),
            "contact_name": QT_TRANSLATE_NOOP("Labels", "Contact"),
            "contact_phone": QT_TRANSLATE_NOOP("Labels", "Contact phone"),
            "applied_on": QT_TRANSLATE_NOOP("Labels", "Application date"),
        }.get(name, name)
    )


def history_action_label(action: str) -> str:
    if action.startswith("decision."):
        return decision_label(action.removeprefix("decision."))
    return _t(
        {
            "application.imported": QT_TRANSLATE_NOOP("Labels", "Imported"),
            "application.updated": QT_TRANSLATE_NOOP("Labels", "Updated by import"),
            "formal_review.override": QT_TRANSLATE_NOOP("Labels", "Check confirmed or overridden"),
            "application.preliminary_score": QT_TRANSLATE_NOOP("Labels", "Preliminary score"),
            "panel.assigned": QT_TRANSLATE_NOOP("Labels", "Expert assigned"),
            "panel.conflict": QT_TRANSLATE_NOOP("Labels", "Conflict of interest"),
            "sheet.opened": QT_TRANSLATE_NOOP("Labels", "Score sheet started"),
            "sheet.entries": QT_TRANSLATE_NOOP("Labels", "Scores entered"),
            "sheet.submitted": QT_TRANSLATE_NOOP("Labels", "Score sheet submitted"),
            "sheet.corrected": QT_TRANSLATE_NOOP("Labels", "Score sheet corrected"),
            "paper.keyed": QT_TRANSLATE_NOOP("Labels", "Paper sheet keyed"),
            "ranking.flag_explained": QT_TRANSLATE_NOOP("Labels", "Flag explained"),
            "visit.opened": QT_TRANSLATE_NOOP("Labels", "On-site visit begun"),
            "visit.details": QT_TRANSLATE_NOOP("Labels", "Visit details recorded"),
            "visit.finding": QT_TRANSLATE_NOOP("Labels", "On-site finding recorded"),
            "visit.evidence": QT_TRANSLATE_NOOP("Labels", "Evidence added"),
            "application.document": QT_TRANSLATE_NOOP("Labels", "Document added"),
            "attachment.removed": QT_TRANSLATE_NOOP("Labels", "Attachment removed"),
        }.get(action, QT_TRANSLATE_NOOP("Labels", "Other change"))
    )


def review_label(outcome: str) -> str:
    return _t(
        {
            "pass": QT_TRANSLATE_NOOP("Labels", "Passed"),
            "fail": QT_TRANSLATE_NOOP("Labels", "Failed"),
            "manual": QT_TRANSLATE_NOOP("Labels", "To confirm"),
        }.get(outcome, outcome)
    )


def decision_label(kind: str) -> str:
    return _t(
        {
            "formal_review_failed": QT_TRANSLATE_NOOP("Labels", "Formal review failed"),
            "shortlisted": QT_TRANSLATE_NOOP("Labels", "Shortlisted"),
            "not_shortlisted": QT_TRANSLATE_NOOP("Labels", "Not shortlisted"),
            "selected": QT_TRANSLATE_NOOP("Labels", "Selected"),
            "not_selected": QT_TRANSLATE_NOOP("Labels", "Not selected"),
            "publicity_started": QT_TRANSLATE_NOOP("Labels", "Publicity started"),
            "publicity_end_corrected": QT_TRANSLATE_NOOP("Labels", "Publicity end recounted"),
            "objection_filed": QT_TRANSLATE_NOOP("Labels", "Objection filed"),
            "objection_decided": QT_TRANSLATE_NOOP("Labels", "Objection decided"),
            "recognised": QT_TRANSLATE_NOOP("Labels", "Recognised"),
            "assessed": QT_TRANSLATE_NOOP("Labels", "Assessed"),
            "support_granted": QT_TRANSLATE_NOOP("Labels", "Support granted"),
            "withdrawn": QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
            "result_reopened": QT_TRANSLATE_NOOP("Labels", "Confirmation withdrawn"),
            "shortlist_confirmed": QT_TRANSLATE_NOOP("Labels", "Shortlist confirmed by the bureau"),
            "list_approved": QT_TRANSLATE_NOOP("Labels", "List approved by the bureau's party group"),
            "support_withheld": QT_TRANSLATE_NOOP("Labels", "Support withheld by the bureau"),
            "assessment_requested": QT_TRANSLATE_NOOP("Labels", "Written request for the assessment"),
            "rectification_reported": QT_TRANSLATE_NOOP("Labels", "Rectification report"),
        }.get(kind, kind)
    )


def actor_label(actor: str) -> str:
    """Who made a change: a role, or a person's name (data)."""
    return _t(
        {
            "secretary": QT_TRANSLATE_NOOP("Labels", "Secretariat"),
            "chair": QT_TRANSLATE_NOOP("Labels", "Chair"),
            "expert": QT_TRANSLATE_NOOP("Labels", "Expert"),
        }[actor]
    ) if actor in ("secretary", "chair", "expert") else actor


def purpose_label(purpose: str) -> str:
    return _t(
        {
            "recognition": QT_TRANSLATE_NOOP("Labels", "recognition list"),
            "support_y1": QT_TRANSLATE_NOOP("Labels", "year-1 support"),
            "support_y2": QT_TRANSLATE_NOOP("Labels", "year-2 support"),
        }.get(purpose, purpose)
    )


# -- rounds ------------------------------------------------------------------------------------------
def round_title(year: int, kind: str) -> str:
    """A round as the UI names it, from its year and kind (the stored title is the Chinese one)."""
    return _t(
        {
            "recognition": QT_TRANSLATE_NOOP("Labels", "%1 recognition review"),
            "year1": QT_TRANSLATE_NOOP("Labels", "%1 year-1 assessment"),
            "year2": QT_TRANSLATE_NOOP("Labels", "%1 year-2 assessment (final acceptance)"),
            "rectification": QT_TRANSLATE_NOOP("Labels", "%1 re-assessment after rectification"),
        }.get(kind, "%1 " + kind)
    ).replace("%1", str(year))


def list_join(items) -> str:
    """Items in a run of text: “E, D” in English, “E、D” in Chinese."""
    from hvp_desktop.gui import settings

    return ("、" if settings.ui_language().startswith("zh") else ", ").join(items)


def plural(context: str, text: str, count: int) -> str:
    """A text with %n, translated with its count; in English (no translation), “(s)” becomes the
    plural ending unless the count is one: “1 place”, “2 places”."""
    shown = QCoreApplication.translate(context, text, "", count)
    return re.sub(r"\((\w+)\)", lambda m: "" if count == 1 else m.group(1), shown)


def places(count: int) -> str:
    """“1 place”, “20 places” (Chinese: 1个名额)."""
    return plural("Labels", QT_TRANSLATE_NOOP("Labels", "%n place(s)"), count)


# -- the formal review (R1–R4): requirements by the check's stable key ---------------------------------
_REQUIREMENTS = {
    "R1.enterprise": QT_TRANSLATE_NOOP("Labels", "The lead applicant is an enterprise"),
    "R1.operating": QT_TRANSLATE_NOOP("Labels", "Carries out research, production and business normally"),
    "R1.finance": QT_TRANSLATE_NOOP("Labels", "Has a sound financial system"),
    "R1.registered": QT_TRANSLATE_NOOP("Labels", "Registered in the district"),
    "R1.tax": QT_TRANSLATE_NOOP("Labels", "Tax relation in the district"),
    "R1.stats": QT_TRANSLATE_NOOP("Labels", "Statistics relation in the district"),
    "R1.legal_person": QT_TRANSLATE_NOOP("Labels", "Independent legal person (a separately counted branch counts)"),
    "R1.accounting": QT_TRANSLATE_NOOP("Labels", "Independent accounting"),
    "R1.credit": QT_TRANSLATE_NOOP("Labels", "Meets the credit management rules"),
    "R2.count": QT_TRANSLATE_NOOP("Labels", "At most 2 co-applicants"),
    "R2.kinds": QT_TRANSLATE_NOOP("Labels", "Co-applicants are universities, research institutes or IP service agencies"),
    "R3.recognised": QT_TRANSLATE_NOOP("Labels", "Not yet recognised as a cultivation or cultivation-and-layout centre"),
    "R3.affiliated": QT_TRANSLATE_NOOP("Labels", "No affiliated company recognised"),
    "R3.trade_name": QT_TRANSLATE_NOOP("Labels", "Shares no trade name with a recognised centre (or is not affiliated)"),
    "R4.ban": QT_TRANSLATE_NOOP("Labels", "Not within a ban on applying (2 years after revocation or withdrawal)"),
}


def requirement_label(key: str, fallback: str) -> str:
    """A formal-review requirement in the UI's language, by the check's key (e.g. "R1.tax")."""
    return _t(_REQUIREMENTS[key]) if key in _REQUIREMENTS else fallback


# The domain words a check's reason in Chinese (formal_review.Check.reason); until it gives them in
# both languages, the English UI reads the data out of the Chinese words: (key, pattern, English).
_REASONS = (
    ("R1.enterprise", r"^统一社会信用代码表明为企业", QT_TRANSLATE_NOOP("Labels", "The credit code shows an enterprise")),
    ("R1.enterprise", r"以“(.+)”开头", QT_TRANSLATE_NOOP("Labels", "The credit code starts with “%1”: not an enterprise")),
    ("R1.legal_person", r"^单独入统", QT_TRANSLATE_NOOP("Labels", "A separately counted branch: counts as a legal person")),
    ("R2.count", r"^共(\d+)家", QT_TRANSLATE_NOOP("Labels", "%n co-applicant(s)")),
    ("R2.kinds", r"^符合", QT_TRANSLATE_NOOP("Labels", "All of an allowed kind")),
    ("R2.kinds", r"^类型不符：(.+)$", QT_TRANSLATE_NOOP("Labels", "Not of an allowed kind: %1")),
    ("R3.recognised", r"^未查到", QT_TRANSLATE_NOOP("Labels", "No recognition on record")),
    ("R3.recognised", r"^已被认定：(.+)$", QT_TRANSLATE_NOOP("Labels", "Already recognised: %1")),
    ("R3.affiliated", r"未填写", QT_TRANSLATE_NOOP("Labels", "No group declared (an empty cell declares none)")),
    ("R3.affiliated", r"^同属“(.+)”的(.+)已被认定", QT_TRANSLATE_NOOP("Labels", "%2 of the same group “%1” is recognised")),
    ("R3.affiliated", r"^“(.+)”内未查到", QT_TRANSLATE_NOOP("Labels", "No recognition on record in “%1”")),
    ("R3.trade_name", r"^未发现", QT_TRANSLATE_NOOP("Labels", "No recognised centre with the same trade name")),
    ("R3.trade_name", r"^与已认定的(.+)字号相同（“(.+)”）",
     QT_TRANSLATE_NOOP("Labels", "Same trade name (“%2”) as the recognised %1: check against the recognised list "
                                 "whether they are affiliated")),
    ("R4.ban", r"^无", QT_TRANSLATE_NOOP("Labels", "No ban in force")),
    ("R4.ban", r"^禁止申报至(\S+?)前：(.*)$", QT_TRANSLATE_NOOP("Labels", "Banned from applying until %1: %2")),
    ("R4.ban", r"^申报无申报日期，而(\d+)年有禁止申报期（至(\S+?)前）",
     QT_TRANSLATE_NOOP("Labels", "No application date, and %1 has a ban (until %2): check against the application date")),
)


def check_reason(key: str, outcome: str, fallback: str) -> str:
    """Why a check came out as it did, in the UI's language (the domain's words when unknown)."""
    if key.startswith("R1.") and key not in ("R1.enterprise",) and not fallback.startswith("单独入统"):
        if outcome in ("pass", "fail", "manual"):
            return _t({
                "pass": QT_TRANSLATE_NOOP("Labels", "Declared yes"),
                "fail": QT_TRANSLATE_NOOP("Labels", "Declared no"),
                "manual": QT_TRANSLATE_NOOP("Labels", "Not declared: to confirm by hand"),
            }[outcome])
    for reason_key, pattern, words in _REASONS:
        match = re.search(pattern, fallback) if reason_key == key else None
        if match is None:
            continue
        if key == "R2.count":
            return plural("Labels", words, int(match.group(1)))
        text = _t(words)
        for i, group in enumerate(match.groups(), 1):
            text = text.replace(f"%{i}", group)
        return text
    return fallback


# -- what a centre commits to (R5–R13), as commitments.measure lists it --------------------------------
_MEASURES = {
    ("R5", 0): QT_TRANSLATE_NOOP("Labels", "A senior executive heads the centre"),
    ("R5", 1): QT_TRANSLATE_NOOP("Labels", "An independent IP department"),
    ("R5", 2): QT_TRANSLATE_NOOP("Labels", "At least 3 full-time IP staff"),
    ("R6", 0): QT_TRANSLATE_NOOP("Labels", "Implements ISO 56005"),
    ("R7", 0): QT_TRANSLATE_NOOP("Labels", "IP funding of at least 1,000,000 RMB a year (salaries excluded)"),
    ("R8", 0): QT_TRANSLATE_NOOP("Labels", "Patent information analysis"),
    ("R9", 0): QT_TRANSLATE_NOOP("Labels", "Patent quality and whole-life-cycle management"),
    ("R10", 0): QT_TRANSLATE_NOOP("Labels", "Putting high-value patents into production, with universities and institutes"),
    ("R11", 0): QT_TRANSLATE_NOOP("Labels", "IP finance and protection, with the rights protection bodies"),
    ("R12", 0): QT_TRANSLATE_NOOP("Labels", "Demonstration: sharing the experience"),
    ("R13", 0): QT_TRANSLATE_NOOP("Labels", "Other measures for cultivating high-value patents"),
}


def measures(data) -> list[tuple[str, str, str, bool | None]]:
    """(rule, item, declared, meets) of `commitments.measure(data)` in the UI's language: the
    items by their rule and place under it, the declared values from the application's own
    figures; an item this table does not know keeps the domain's words."""
    from hvp_desktop.domain import commitments

    declared_from = {("R5", 0): data.senior_executive_principal, ("R5", 1): data.independent_ip_department,
                     ("R6", 0): data.iso56005}
    out, seen = [], {}
    for m in commitments.measure(data):
        position = seen[m.rule] = seen.get(m.rule, -1) + 1
        key = (m.rule, position)
        item = _t(_MEASURES[key]) if key in _MEASURES else m.item
        if key in declared_from:
            declared = yes_no(declared_from[key])
        elif key == ("R5", 2):
            declared = yes_no(None) if data.ip_staff_count is None else \
                plural("Labels", QT_TRANSLATE_NOOP("Labels", "%n staff"), data.ip_staff_count)
        elif key == ("R7", 0):
            declared = yes_no(None) if data.ip_budget_yuan is None else \
                _t(QT_TRANSLATE_NOOP("Labels", "%1 (10k RMB)")).replace("%1", f"{data.ip_budget_yuan / 10000:g}")
        elif m.meets is None and m.rule not in ("R5", "R6", "R7"):
            declared = _t(QT_TRANSLATE_NOOP("Labels", "Checked at the annual assessment"))
        else:
            declared = m.declared
        out.append((m.rule, item, declared, m.meets))
    return out


# -- dates that matter (lifecycle.deadlines) ------------------------------------------------------------
def deadline_label(what: str, rule: str, fallback: str) -> str:
    """What falls due, by the deadline's key and rule (R16 recognition / R19 support publicity,
    R17 / R18 rectification)."""
    key = {
        ("y1_assessment", "R17"): QT_TRANSLATE_NOOP("Labels", "Year-1 assessment may be requested"),
        ("y2_assessment", "R18"): QT_TRANSLATE_NOOP("Labels", "Year-2 assessment (final acceptance) may be requested"),
        ("rectification", "R17"): QT_TRANSLATE_NOOP("Labels", "Rectification period after the year-1 assessment ends"),
        ("rectification", "R18"): QT_TRANSLATE_NOOP("Labels", "Rectification period after the year-2 assessment ends"),
        ("publicity_end", "R16"): QT_TRANSLATE_NOOP("Labels", "Publicity of the recognition list ends"),
        ("publicity_end", "R19"): QT_TRANSLATE_NOOP("Labels", "Publicity of the list of those who passed ends"),
    }.get((what, rule))
    if key is None and what == "ban_end":
        key = QT_TRANSLATE_NOOP("Labels", "Ban ends (may apply again from this day)")
    return _t(key) if key else fallback


def provisional_label(reason: str | None) -> str:
    """Why a computed date is provisional: the year whose statutory holidays are not entered yet."""
    if not reason:
        return ""
    year = reason[:4]
    if year.isdigit():
        return _t(QT_TRANSLATE_NOOP("Labels", "the statutory holidays of %1 are not entered yet: weekdays "
                                              "counted (provisional)")).replace("%1", year)
    return reason


# -- Kendall's W, read as a chair reads it (scoring.aggregate.agreement_in_words) ----------------------
def agreement_label(w) -> str:
    from decimal import Decimal

    if w is None:
        return _t(QT_TRANSLATE_NOOP("Labels", "cannot be computed (too few experts or applications)"))
    if w >= Decimal("0.7"):
        return _t(QT_TRANSLATE_NOOP("Labels", "the experts' rankings agree closely"))
    if w >= Decimal("0.5"):
        return _t(QT_TRANSLATE_NOOP("Labels", "the experts' rankings fairly agree"))
    if w >= Decimal("0.3"):
        return _t(QT_TRANSLATE_NOOP("Labels", "the experts' rankings agree moderately"))
    return _t(QT_TRANSLATE_NOOP("Labels", "the experts' rankings agree weakly: discuss"))


def sheet_state_label(state: str) -> str:
    """An expert's sheet for one application (store.panel.SheetState)."""
    return _t(
        {
            "not_started": QT_TRANSLATE_NOOP("Labels", "not started"),
            "draft": QT_TRANSLATE_NOOP("Labels", "draft"),
            "submitted": QT_TRANSLATE_NOOP("Labels", "submitted"),
            "conflicted": QT_TRANSLATE_NOOP("Labels", "stepped aside"),
        }.get(state, state)
    )

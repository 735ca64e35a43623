"""Words the GUI shows for the domain's identifiers, translated through Qt Linguist."""

from __future__ import annotations

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
        }.get(action, action)
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
            "result_reopened": QT_TRANSLATE_NOOP("Labels", "Result reopened"),
        }.get(kind, kind)
    )


def purpose_label(purpose: str) -> str:
    return _t(
        {
            "recognition": QT_TRANSLATE_NOOP("Labels", "recognition list"),
            "support_y1": QT_TRANSLATE_NOOP("Labels", "year-1 support"),
            "support_y2": QT_TRANSLATE_NOOP("Labels", "year-2 support"),
        }.get(purpose, purpose)
    )

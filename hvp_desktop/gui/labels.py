"""Words the GUI shows for the domain's identifiers, translated through Qt Linguist."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def state_label(state: str) -> str:
    return {
        "applied": _t("Applied"),
        "rejected": _t("Rejected in formal review"),
        "shortlisted": _t("Shortlisted"),
        "not_selected": _t("Not selected"),
        "selected": _t("Selected"),
        "recognised": _t("Recognised"),
        "objection_upheld": _t("Objection upheld"),
        "y1_passed": _t("Year 1 passed"),
        "rectifying": _t("Rectifying"),
        "accepted": _t("Accepted"),
        "revoked": _t("Revoked"),
        "withdrawn": _t("Withdrawn"),
    }.get(state, state)


def eligibility_label(flag: str) -> str:
    return {"ok": _t("All R1 facts declared yes"), "no": _t("Some R1 fact declared no"),
            "unknown": _t("Some R1 fact not declared")}.get(flag, flag)


def eligibility_short(flag: str) -> str:
    return {"ok": _t("Meets R1"), "no": _t("Fails R1"), "unknown": _t("To confirm")}.get(flag, flag)


def co_applicant_kind_label(kind: str) -> str:
    return {"university": _t("University"), "research_institute": _t("Research institute"),
            "ip_service_agency": _t("IP service agency")}.get(kind, kind)


def yes_no(value: bool | None) -> str:
    return _t("Not declared") if value is None else _t("Yes") if value else _t("No")


def field_label(name: str) -> str:
    return {
        "year": _t("Year"),
        "enterprise_name": _t("Applicant"),
        "credit_code": _t("Unified social credit code"),
        "registered_in_district": _t("Registered in the district"),
        "tax_in_district": _t("Tax relation in the district"),
        "stats_in_district": _t("Statistics relation in the district"),
        "independent_legal_person": _t("Independent legal person"),
        "independent_accounting": _t("Independent accounting"),
        "good_credit": _t("Good credit"),
        "affiliation_group": _t("Group / affiliated companies"),
        "ip_staff_count": _t("Full-time IP staff"),
        "ip_budget_yuan": _t("Annual IP budget (RMB)"),
        "senior_executive_principal": _t("Senior executive in charge"),
        "independent_ip_department": _t("Independent IP department"),
        "iso56005": _t("ISO 56005 implemented"),
        "valid_invention_patents": _t("Valid invention patents"),
        "pct_applications": _t("PCT applications"),
        "contact_name": _t("Contact"),
        "contact_phone": _t("Contact phone"),
        "applied_on": _t("Application date"),
    }.get(name, name)


def history_action_label(action: str) -> str:
    return {"application.imported": _t("Imported"), "application.updated": _t("Updated by import")}.get(action, action)

"""The plain domain values: R1 eligibility summary, R2 limit, stable enum identifiers."""

from __future__ import annotations

import dataclasses

import pytest

from hvp_desktop.domain import model
from hvp_desktop.domain.model import ELIGIBILITY_FACTS, ApplicationData


def declared(**facts) -> ApplicationData:
    return ApplicationData(year=2025, enterprise_name="广州测试有限公司", credit_code="91350100M000100Y43", **facts)


def test_R1_facts_are_the_eight_of_the_rules():
    """注册登记地、税务征管关系及统计关系在本区；正常开展研发、生产和经营活动；有健全财务制度；独立法人资格；
    独立核算；符合信用管理相关规定."""
    assert ELIGIBILITY_FACTS == (
        "registered_in_district",
        "tax_in_district",
        "stats_in_district",
        "independent_legal_person",
        "independent_accounting",
        "good_credit",
        "normal_operation",
        "sound_financial_system",
    )
    names = {f.name for f in dataclasses.fields(ApplicationData)}
    assert set(ELIGIBILITY_FACTS) <= names


def test_R1_all_declared_yes_is_ok():
    assert declared(**dict.fromkeys(ELIGIBILITY_FACTS, True)).eligibility_summary() == "ok"


def test_R1_nothing_declared_is_unknown():
    assert declared().eligibility_summary() == "unknown"


@pytest.mark.parametrize("fact", ELIGIBILITY_FACTS)
def test_R1_one_fact_declared_no_is_no(fact):
    facts = dict.fromkeys(ELIGIBILITY_FACTS, True) | {fact: False}
    assert declared(**facts).eligibility_summary() == "no"


@pytest.mark.parametrize("fact", ELIGIBILITY_FACTS)
def test_R1_one_fact_left_blank_is_unknown(fact):
    facts = dict.fromkeys(ELIGIBILITY_FACTS, True) | {fact: None}
    assert declared(**facts).eligibility_summary() == "unknown"


def test_R1_no_wins_over_blank():
    facts = dict.fromkeys(ELIGIBILITY_FACTS, None) | {"good_credit": False}
    assert declared(**facts).eligibility_summary() == "no"


def test_R2_at_most_two_co_applicants():
    assert model.MAX_CO_APPLICANTS == 2


def test_enum_values_written_to_files_are_stable():
    # Renaming one of these would orphan every working file that holds it.
    assert [k.value for k in model.CoApplicantKind] == ["university", "research_institute", "ip_service_agency"]
    assert [k.value for k in model.RoundKind] == ["recognition", "year1", "year2", "rectification"]
    assert model.ApplicationState.APPLIED == "applied"


def test_application_data_is_frozen():
    data = declared()
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.year = 2026  # type: ignore[misc]

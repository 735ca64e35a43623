"""R5–R13: the centre's commitments, and the declared figures measured against R5–R7."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hvp_desktop.domain.commitments import COMMITMENTS, measure
from hvp_desktop.domain.model import ApplicationData


def app(**kw) -> ApplicationData:
    return ApplicationData(year=2026, enterprise_name="甲", credit_code="91350100M000100Y43", **kw)


def by_item(measures, rule, text):
    return next(m for m in measures if m.rule == rule and text in m.item)


@pytest.mark.parametrize("rule", [f"R{n}" for n in range(5, 14)])
def test_R5_to_R13_every_commitment_is_in_the_catalogue_once(rule):
    assert [c.rule for c in COMMITMENTS].count(rule) == 1


@pytest.mark.parametrize(("staff", "meets"), [(3, True), (2, False), (None, None)])
def test_R5_at_least_three_full_time_ip_staff(staff, meets):
    assert by_item(measure(app(ip_staff_count=staff)), "R5", "专职人员").meets is meets


def test_R5_senior_executive_and_independent_department():
    measures = measure(app(senior_executive_principal=True, independent_ip_department=False))
    assert by_item(measures, "R5", "高管").meets is True
    assert by_item(measures, "R5", "部门").meets is False


@pytest.mark.parametrize(("declared", "meets"), [(True, True), (False, False), (None, None)])
def test_R6_iso56005(declared, meets):
    assert by_item(measure(app(iso56005=declared)), "R6", "56005").meets is meets


@pytest.mark.parametrize(("yuan", "meets"), [("1000000", True), ("999999.99", False), (None, None)])
def test_R7_funding_of_at_least_one_million_a_year(yuan, meets):
    budget = None if yuan is None else Decimal(yuan)
    assert by_item(measure(app(ip_budget_yuan=budget)), "R7", "经费").meets is meets


@pytest.mark.parametrize("rule", [f"R{n}" for n in range(8, 14)])
def test_R8_to_R13_are_left_to_the_annual_assessment(rule):
    m = next(m for m in measure(app()) if m.rule == rule)
    assert m.meets is None and "年度考核" in m.declared

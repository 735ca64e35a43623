"""Read-only views: the application list (with R1 eligibility) and an application's detail and history."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hvp_desktop.domain.model import ELIGIBILITY_FACTS, CoApplicant, CoApplicantKind
from hvp_desktop.store import queries
from hvp_desktop.store.ops import applications as app_ops

ALL_YES = dict.fromkeys(ELIGIBILITY_FACTS, True)


@pytest.fixture
def mixed(wf, make_app):
    """Four applications of 2025 and one of 2026, each with a different R1 picture."""
    rows = [
        ("m.xlsx:3", make_app(1, enterprise_name="甲公司", **ALL_YES)),
        ("m.xlsx:4", make_app(2, enterprise_name="乙公司", **(ALL_YES | {"tax_in_district": False}))),
        ("m.xlsx:5", make_app(3, enterprise_name="丙公司", **(ALL_YES | {"good_credit": None}))),
        (
            "m.xlsx:6",
            make_app(
                4,
                enterprise_name="丁公司",
                **(dict.fromkeys(ELIGIBILITY_FACTS, None) | {"stats_in_district": False}),
                co_applicants=(
                    CoApplicant("中山大学", CoApplicantKind.UNIVERSITY),
                    CoApplicant("广东省科学院", CoApplicantKind.RESEARCH_INSTITUTE),
                ),
            ),
        ),
        (
            "n.xlsx:3",
            make_app(
                5, year=2026, enterprise_name="戊公司", co_applicants=(), **dict.fromkeys(ELIGIBILITY_FACTS, None)
            ),
        ),
    ]
    app_ops.import_applications(wf, rows)
    return wf


def by_name(rows):
    return {r.enterprise_name: r for r in rows}


def test_eligibility_flags(mixed):
    rows = by_name(queries.application_rows(mixed))
    assert {name: r.eligibility for name, r in rows.items()} == {
        "甲公司": "ok",
        "乙公司": "no",
        "丙公司": "unknown",
        "丁公司": "no",
        "戊公司": "unknown",
    }


def test_eligibility_agrees_with_the_domain_summary(mixed):
    details = {r.id: queries.application_detail(mixed, r.id) for r in queries.application_rows(mixed)}
    for row in queries.application_rows(mixed):
        assert row.eligibility == details[row.id].data.eligibility_summary()


def test_row_fields(mixed, make_app):
    rows = by_name(queries.application_rows(mixed))
    first = rows["甲公司"]
    assert (first.year, first.round_title, first.credit_code, first.state) == (
        2025,
        "2025年度认定评审",
        make_app(1).credit_code,
        "applied",
    )
    assert first.ip_budget_yuan == make_app(1).ip_budget_yuan and isinstance(first.ip_budget_yuan, Decimal)
    assert (first.ip_staff_count, first.valid_invention_patents, first.pct_applications) == (4, 10, 1)
    assert (first.applied_on, first.contact_name) == (make_app(1).applied_on, "联系人1")
    assert {name: r.co_applicants for name, r in rows.items()} == {
        "甲公司": 1,
        "乙公司": 1,
        "丙公司": 1,
        "丁公司": 2,
        "戊公司": 0,
    }


def test_rows_newest_year_first(mixed):
    years = [r.year for r in queries.application_rows(mixed)]
    assert years == [2026, 2025, 2025, 2025, 2025]


def test_rows_of_empty_file(wf):
    assert queries.application_rows(wf) == []


def test_detail_has_data_and_history(mixed, make_app):
    row = by_name(queries.application_rows(mixed))["甲公司"]
    app_ops.import_applications(
        mixed, [("m2.xlsx:3", make_app(1, enterprise_name="甲公司", **ALL_YES, pct_applications=7))]
    )
    detail = queries.application_detail(mixed, row.id)
    assert detail.id == row.id
    assert detail.round_title == "2025年度认定评审"
    assert detail.state == "applied"
    assert detail.source == "m2.xlsx:3"
    assert detail.data == make_app(1, enterprise_name="甲公司", **ALL_YES, pct_applications=7)
    assert [h.action for h in detail.history] == ["application.imported", "application.updated"]
    imported, updated = detail.history
    assert imported.payload["source"] == "m.xlsx:3"
    assert imported.payload["credit_code"] == make_app(1).credit_code
    assert updated.payload["changed"] == {"pct_applications": [1, 7]}
    assert imported.seq < updated.seq
    assert imported.at <= updated.at and imported.actor


def test_detail_history_is_only_its_own(mixed):
    for row in queries.application_rows(mixed):
        detail = queries.application_detail(mixed, row.id)
        assert [h.action for h in detail.history] == ["application.imported"]
        assert detail.history[0].payload["enterprise_name"] == row.enterprise_name


def test_detail_of_unknown_application_is_none(mixed):
    assert queries.application_detail(mixed, 999_999) is None


def test_round_list(mixed):
    assert [title for _, title in queries.round_list(mixed)] == ["2026年度认定评审", "2025年度认定评审"]

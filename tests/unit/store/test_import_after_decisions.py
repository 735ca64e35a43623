"""Decisions stand on the data they were taken on: a re-import cannot change an application that
left 'applied' (R1), nor add one to a round whose shortlist is decided (R15)."""

from __future__ import annotations

import dataclasses

import pytest

from hvp_desktop.demo import applications
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import audit, queries
from hvp_desktop.store.ops import applications as app_ops


def _events(wf) -> int:
    with wf.session() as s:
        return audit.verify(s).events


def test_R15_no_newcomer_in_a_shortlisted_round(demo_wf):
    before = (len(queries.application_rows(demo_wf)), _events(demo_wf))
    newcomer = dataclasses.replace(applications(2026, 1, seed=404)[0], credit_code="91350100M000100Y43")
    with pytest.raises(RuleViolation, match="^R15"):
        app_ops.import_applications(demo_wf, [("late.xlsx:3", newcomer)])
    assert (len(queries.application_rows(demo_wf)), _events(demo_wf)) == before


def test_R1_a_decided_application_is_not_changed_by_import(demo_wf):
    rejected = next(r for r in queries.application_rows(demo_wf) if r.state == "rejected")
    data = queries.application_detail(demo_wf, rejected.id).data
    fixed = dataclasses.replace(data, registered_in_district=True, tax_in_district=True, stats_in_district=True,
                                independent_legal_person=True, independent_accounting=True, good_credit=True)
    with pytest.raises(RuleViolation, match="^R1"):
        app_ops.import_applications(demo_wf, [("again.xlsx:9", fixed)])
    assert queries.application_detail(demo_wf, rejected.id).data == data


def test_an_identical_reimport_of_decided_applications_is_fine(demo_wf):
    rows = [(f"same:{r.id}", queries.application_detail(demo_wf, r.id).data)
            for r in queries.application_rows(demo_wf)]
    outcome = app_ops.import_applications(demo_wf, rows).value
    assert (outcome.added, outcome.updated, outcome.unchanged) == (0, 0, len(rows))

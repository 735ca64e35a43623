"""What an import would do, shown before it writes (issue 17), and forgetting a remembered mapping.

The preview must say what `import_applications` then does: the same adds, updates, unchanged
rows and refusals (R15: the year's shortlist is decided; R1: an application under review).
"""

from __future__ import annotations

import dataclasses

import pytest

from hvp_desktop.demo import applications as demo_applications
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.store import applications, audit, queries
from hvp_desktop.store.ops import applications as app_ops


def _events(wf) -> int:
    with wf.session() as s:
        return audit.verify(s).events


def test_preview_of_adds_updates_and_unchanged_rows_matches_the_import(wf, make_app):
    app_ops.import_applications(wf, [("a.xlsx:3", make_app(1)), ("a.xlsx:4", make_app(2))])
    rows = [make_app(1), make_app(2, ip_staff_count=9, contact_name="新联系人"), make_app(3)]
    before = _events(wf)
    preview = applications.preview_import(wf, rows)
    assert [p.status for p in preview] == [applications.UNCHANGED, applications.UPDATE, applications.ADD]
    assert preview[1].changed == ("ip_staff_count", "contact_name")
    assert _events(wf) == before  # a preview writes nothing
    outcome = app_ops.import_applications(wf, [(f"b.xlsx:{n}", data) for n, data in enumerate(rows, 3)]).value
    assert (outcome.added, outcome.updated, outcome.unchanged) == (1, 1, 1)


def test_R15_preview_shows_a_newcomer_in_a_shortlisted_round_as_refused(demo_wf):
    newcomer = dataclasses.replace(demo_applications(2026, 1, seed=404)[0], credit_code="91350100M000100Y43")
    [preview] = applications.preview_import(demo_wf, [newcomer])
    assert (preview.status, preview.rule) == (applications.REFUSED, "R15")
    assert "备选单位" in preview.reason and "shortlist" in preview.reason_en
    with pytest.raises(RuleViolation, match="^R15"):
        app_ops.import_applications(demo_wf, [("late.xlsx:3", newcomer)])


def test_R1_preview_shows_a_change_to_a_decided_application_as_refused(demo_wf):
    rejected = next(r for r in queries.application_rows(demo_wf) if r.state == "rejected")
    data = queries.application_detail(demo_wf, rejected.id).data
    changed = dataclasses.replace(data, contact_name="别人")
    unchanged, refused = applications.preview_import(demo_wf, [data, changed])
    assert unchanged.status == applications.UNCHANGED
    assert (refused.status, refused.rule) == (applications.REFUSED, "R1")


def test_a_remembered_mapping_can_be_forgotten(wf):
    app_ops.remember_mappings(wf, {"备注": "ignore", "负责同志": "contact_name"})
    changes = app_ops.forget_mappings(wf, ["备注"])
    assert changes.mappings == frozenset({"备注"})
    assert applications.load_mappings(wf) == {"负责同志": "contact_name"}
    with wf.session() as s:
        report = audit.verify(s)
    assert report.ok


def test_forgetting_a_mapping_that_is_not_remembered_is_refused_and_writes_nothing(wf):
    app_ops.remember_mappings(wf, {"备注": "ignore"})
    before = _events(wf)
    with pytest.raises(InvalidInput) as refused:
        app_ops.forget_mappings(wf, ["备注", "没有这列"])
    assert "没有这列" in refused.value.zh and "没有这列" in refused.value.en
    assert applications.load_mappings(wf) == {"备注": "ignore"} and _events(wf) == before

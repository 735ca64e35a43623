"""Operations on the working file: import, re-import, update, cancel, R2, remembered mappings."""

from __future__ import annotations

import json
import uuid
from datetime import date
from decimal import Decimal

import pytest
import sqlcipher3
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hvp_desktop.domain.model import CoApplicant, CoApplicantKind, RoundKind
from hvp_desktop.store import applications
from hvp_desktop.store.models import Application
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops.core import Cancelled


def rows_of(make_app, numbers, year=2025, **fields):
    return [(f"t.xlsx:{n + 2}", make_app(n, year=year, **fields)) for n in numbers]


def stored(wf) -> dict[str, object]:
    """credit code → ApplicationData as the file holds it."""
    with wf.session() as s:
        apps = s.scalars(select(Application).options(selectinload(Application.co_applicants)))
        return {a.enterprise.credit_code: applications.application_data(a) for a in apps}


def app_ids(wf) -> dict[str, int]:
    with wf.session() as s:
        return {a.enterprise.credit_code: a.id for a in s.scalars(select(Application))}


def snapshot(wf, sql) -> dict:
    db = sql(wf)
    return {
        "counts": db.counts(),
        "applications": db.rows("SELECT * FROM applications ORDER BY id"),
        "co_applicants": db.rows("SELECT * FROM co_applicants ORDER BY id"),
        "enterprises": db.rows("SELECT * FROM enterprises ORDER BY id"),
        "audit": db.rows("SELECT seq, hash FROM audit_events ORDER BY seq"),
        "meta": db.rows("SELECT key, value FROM meta ORDER BY key"),
    }


# ------------------------------------------------------------------------------ import


def test_import_adds(wf, make_app, sql):
    done = app_ops.import_applications(wf, rows_of(make_app, [1, 2, 3]))
    outcome = done.value
    assert (outcome.added, outcome.updated, outcome.unchanged) == (3, 0, 0)
    ids = app_ids(wf)
    assert done.applications == frozenset(ids.values())
    assert len(done.rounds) == 1 and done
    assert sql(wf).counts() | {"audit_events": None} == {
        "rounds": 1,
        "enterprises": 3,
        "applications": 3,
        "co_applicants": 3,
        "audit_events": None,
        "import_mappings": 0,
    }


def test_stored_data_round_trips_exactly(wf, make_app):
    data = make_app(
        4,
        co_applicants=(
            CoApplicant("中山大学", CoApplicantKind.UNIVERSITY),
            CoApplicant("广东省科学院", CoApplicantKind.RESEARCH_INSTITUTE),
        ),
        affiliation_group="广州工控集团",
        ip_budget_yuan=Decimal("1234567.89"),
        good_credit=None,
        iso56005=False,
        applied_on=date(2025, 2, 28),
        contact_phone="13800138000",
    )
    app_ops.import_applications(wf, [("x.xlsx:3", data)])
    assert stored(wf) == {data.credit_code: data}
    assert stored(wf)[data.credit_code].ip_budget_yuan.as_tuple() == Decimal("1234567.89").as_tuple()


def test_source_is_recorded(wf, make_app, sql):
    app_ops.import_applications(wf, [("申报汇总.xlsx:17", make_app(1))])
    assert sql(wf).scalar("SELECT source FROM applications") == "申报汇总.xlsx:17"


def test_identical_reimport_is_unchanged_and_changes_nothing(wf, make_app, sql):
    app_ops.import_applications(wf, rows_of(make_app, [1, 2, 3]))
    before = snapshot(wf, sql)
    done = app_ops.import_applications(wf, rows_of(make_app, [1, 2, 3]))
    outcome = done.value
    assert (outcome.added, outcome.updated, outcome.unchanged) == (0, 0, 3)
    assert not done
    assert snapshot(wf, sql) == before  # not even updated_at or the source moved


def test_empty_import_changes_nothing(imported, sql):
    before = snapshot(imported, sql)
    done = app_ops.import_applications(imported, [])
    outcome = done.value
    assert (outcome.added, outcome.updated, outcome.unchanged) == (0, 0, 0)
    assert snapshot(imported, sql) == before


def test_one_changed_field_updates_exactly_that_application(imported, make_app, sql):
    ids = app_ids(imported)
    target = make_app(2).credit_code
    before = {r[0]: r for r in sql(imported).rows("SELECT id, ip_staff_count, updated_at FROM applications")}
    rows = rows_of(make_app, [1, 3]) + [("t.xlsx:4", make_app(2, ip_staff_count=42))]

    done = app_ops.import_applications(imported, rows)
    outcome = done.value

    assert (outcome.added, outcome.updated, outcome.unchanged) == (0, 1, 2)
    assert done.applications == {ids[target]}
    assert done.rounds == frozenset()
    after = {r[0]: r for r in sql(imported).rows("SELECT id, ip_staff_count, updated_at FROM applications")}
    assert after[ids[target]][1] == 42
    assert after[ids[target]][2] != before[ids[target]][2]
    for code, app_id in ids.items():
        if code != target:
            assert after[app_id] == before[app_id]

    action, entity_id, payload = sql(imported).rows(
        "SELECT action, entity_id, payload FROM audit_events WHERE action NOT LIKE 'rows%' ORDER BY seq DESC LIMIT 1"
    )[0]
    assert (action, entity_id) == ("application.updated", str(ids[target]))
    assert json.loads(payload)["changed"] == {"ip_staff_count": [make_app(2).ip_staff_count, 42]}


def test_changed_enterprise_name_updates_enterprise(imported, make_app, sql):
    code = make_app(1).credit_code
    done = app_ops.import_applications(imported, [("t.xlsx:3", make_app(1, enterprise_name="更名后的公司"))])
    outcome = done.value
    assert outcome.updated == 1
    assert sql(imported).scalar("SELECT name FROM enterprises WHERE credit_code = ?", (code,)) == "更名后的公司"
    payload = json.loads(sql(imported).scalar("SELECT payload FROM audit_events WHERE action NOT LIKE 'rows%' ORDER BY seq DESC LIMIT 1"))
    assert payload["changed"] == {"enterprise_name": [make_app(1).enterprise_name, "更名后的公司"]}


def test_field_cleared_to_none_is_an_update(imported, make_app, sql):
    done = app_ops.import_applications(imported, [("t.xlsx:3", make_app(1, good_credit=None))])
    outcome = done.value
    assert outcome.updated == 1
    code = make_app(1).credit_code
    assert (
        sql(imported).scalar(
            "SELECT a.good_credit FROM applications a JOIN enterprises e ON e.id = a.enterprise_id "
            "WHERE e.credit_code = ?",
            (code,),
        )
        is None
    )


# ------------------------------------------------------------------------------ co-applicants

UNI = CoApplicant("华南理工大学", CoApplicantKind.UNIVERSITY)
INST = CoApplicant("广东省科学院", CoApplicantKind.RESEARCH_INSTITUTE)
AGENCY = CoApplicant("广州三环专利商标代理有限公司", CoApplicantKind.IP_SERVICE_AGENCY)


def co_rows(wf, sql, credit):
    return sql(wf).rows(
        "SELECT c.position, c.name, c.kind FROM co_applicants c JOIN applications a ON a.id = c.application_id "
        "JOIN enterprises e ON e.id = a.enterprise_id WHERE e.credit_code = ? ORDER BY c.position",
        (credit,),
    )


@pytest.mark.parametrize(
    "first, second",
    [
        pytest.param((), (UNI, INST), id="none to two"),
        pytest.param((), (AGENCY,), id="none to one"),
        pytest.param((UNI, INST), (), id="two to none"),
    ],
)
def test_co_applicants_added_or_removed(wf, make_app, sql, first, second):
    app_ops.import_applications(wf, [("t.xlsx:3", make_app(1, co_applicants=first))])
    done = app_ops.import_applications(wf, [("t.xlsx:3", make_app(1, co_applicants=second))])
    outcome = done.value
    assert outcome.updated == 1
    assert co_rows(wf, sql, make_app(1).credit_code) == [(i, c.name, c.kind.value) for i, c in enumerate(second, 1)]
    assert stored(wf)[make_app(1).credit_code].co_applicants == second


@pytest.mark.parametrize(
    "first, second",
    [
        pytest.param((UNI,), (AGENCY,), id="replaced"),
        pytest.param((UNI, INST), (INST, UNI), id="swapped"),
        pytest.param((UNI, INST), (AGENCY,), id="two replaced by one"),
        pytest.param((UNI,), (UNI, AGENCY), id="second added"),
        pytest.param((UNI, INST), (UNI,), id="second dropped"),
    ],
)
def test_co_applicants_replaced(wf, make_app, sql, first, second):
    app_ops.import_applications(wf, [("t.xlsx:3", make_app(1, co_applicants=first))])
    done = app_ops.import_applications(wf, [("t.xlsx:3", make_app(1, co_applicants=second))])
    outcome = done.value
    assert outcome.updated == 1
    assert co_rows(wf, sql, make_app(1).credit_code) == [(i, c.name, c.kind.value) for i, c in enumerate(second, 1)]


# ------------------------------------------------------------------------------ rounds


def test_a_round_per_year(wf, make_app, sql):
    done = app_ops.import_applications(
        wf, rows_of(make_app, [1, 2], year=2025) + rows_of(make_app, [1, 3], year=2026)
    )
    outcome = done.value
    assert outcome.added == 4
    rounds = sql(wf).rows("SELECT id, year, kind, title, places FROM rounds ORDER BY year")
    assert [(r[1], r[2], r[3], r[4]) for r in rounds] == [
        (2025, RoundKind.RECOGNITION.value, "2025年度认定评审", 20),
        (2026, RoundKind.RECOGNITION.value, "2026年度认定评审", 20),
    ]
    assert done.rounds == {r[0] for r in rounds}
    assert sql(wf).count("enterprises") == 3  # enterprise 1 applies in both years
    created = sql(wf).rows("SELECT payload FROM audit_events WHERE action = 'round.created'")
    assert sorted(json.loads(p[0])["year"] for p in created) == [2025, 2026]

    done = app_ops.import_applications(wf, rows_of(make_app, [4], year=2026))
    outcome = done.value
    assert done.rounds == frozenset()
    assert sql(wf).count("rounds") == 2


def test_identical_reimport_after_enterprise_renamed_between_years(wf, make_app, sql):
    last_year = [("2025.xlsx:3", make_app(1, year=2025, enterprise_name="广州旧名科技有限公司"))]
    this_year = [("2026.xlsx:3", make_app(1, year=2026, enterprise_name="广州新名科技有限公司"))]
    app_ops.import_applications(wf, last_year)
    app_ops.import_applications(wf, this_year)
    before = snapshot(wf, sql)
    done = app_ops.import_applications(wf, this_year)
    outcome = done.value
    assert (outcome.added, outcome.updated, outcome.unchanged) == (0, 0, 1)
    assert snapshot(wf, sql) == before


# ------------------------------------------------------------------------------ cancel, progress


def test_cancelled_import_writes_nothing(imported, make_app, sql):
    before = snapshot(imported, sql)
    with pytest.raises(Cancelled):
        app_ops.import_applications(imported, rows_of(make_app, range(10, 20)), is_cancelled=lambda: True)
    assert snapshot(imported, sql) == before


def test_cancel_midway_through_a_long_import_writes_nothing(imported, make_app, sql):
    before = snapshot(imported, sql)
    asked = []

    def cancel_on_second_question() -> bool:
        asked.append(True)
        return len(asked) >= 2

    with pytest.raises(Cancelled):
        app_ops.import_applications(
            imported, rows_of(make_app, range(10, 160)), is_cancelled=cancel_on_second_question
        )
    assert len(asked) == 2  # asked at row 50 (no), at row 100 (yes)
    assert snapshot(imported, sql) == before


def test_not_cancelled_import_completes_and_reports_progress(wf, make_app, sql):
    seen = []
    done = app_ops.import_applications(
        wf, rows_of(make_app, range(1, 251)), progress=lambda d, t: seen.append((d, t)), is_cancelled=lambda: False
    )
    outcome = done.value
    assert outcome.added == 250
    assert seen[-1] == (250, 250)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert sql(wf).count("applications") == 250


# ------------------------------------------------------------------------------ R2


def raw_insert_co(wf, application_id: int, position: int) -> None:
    raw = wf.engine.raw_connection()
    try:
        raw.driver_connection.execute(
            "INSERT INTO co_applicants (application_id, position, name, kind, uuid)"
            " VALUES (?, ?, '第三家', 'university', ?)",
            (application_id, position, str(uuid.uuid4())),
        )
    finally:
        raw.close()


@pytest.mark.parametrize("position", [3, 0, -1, 4])
def test_R2_database_refuses_a_co_applicant_outside_positions_1_and_2(wf, make_app, sql, position):
    app_ops.import_applications(wf, [("t.xlsx:3", make_app(1, co_applicants=(UNI, INST)))])
    app_id = sql(wf).scalar("SELECT id FROM applications")
    with pytest.raises(sqlcipher3.IntegrityError, match="CHECK constraint failed"):
        raw_insert_co(wf, app_id, position)
    assert sql(wf).count("co_applicants") == 2


def test_R2_database_refuses_a_third_co_applicant_even_by_sql(wf, make_app, sql):
    app_ops.import_applications(wf, [("t.xlsx:3", make_app(1, co_applicants=()))])
    app_id = sql(wf).scalar("SELECT id FROM applications")
    raw_insert_co(wf, app_id, 1)
    raw_insert_co(wf, app_id, 2)  # the two allowed
    with pytest.raises(sqlcipher3.IntegrityError):
        raw_insert_co(wf, app_id, 3)
    with pytest.raises(sqlcipher3.IntegrityError):
        raw_insert_co(wf, app_id, 2)  # and no second row in a taken position
    assert sql(wf).count("co_applicants") == 2


def test_R2_import_with_three_co_applicants_is_refused_whole(imported, make_app, sql):
    before = snapshot(imported, sql)
    rows = rows_of(make_app, [20]) + [("t.xlsx:30", make_app(21, co_applicants=(UNI, INST, AGENCY)))]
    with pytest.raises(sqlcipher3.IntegrityError):
        app_ops.import_applications(imported, rows)
    assert snapshot(imported, sql) == before  # all or nothing: row 20 is not kept either


# ------------------------------------------------------------------------------ mappings


def test_mappings_round_trip(wf, sql):
    assert applications.load_mappings(wf) == {}
    mapping = {"备注": "ignore", "企业全称": "enterprise_name", "专利数（件）": "valid_invention_patents"}
    app_ops.remember_mappings(wf, mapping)
    assert applications.load_mappings(wf) == mapping
    assert sql(wf).count("audit_events") == 1 + 3 + 1  # baseline, one per mapping, the rows they left


def test_remembering_the_same_mapping_again_appends_nothing(wf, sql):
    app_ops.remember_mappings(wf, {"备注": "ignore"})
    before = snapshot(wf, sql)
    app_ops.remember_mappings(wf, {"备注": "ignore"})
    assert snapshot(wf, sql) == before


def test_changed_mapping_replaces_the_old_one(wf, sql):
    app_ops.remember_mappings(wf, {"备注": "ignore", "单位": "enterprise_name"})
    app_ops.remember_mappings(wf, {"备注": "contact_name"})
    assert applications.load_mappings(wf) == {"备注": "contact_name", "单位": "enterprise_name"}
    last = json.loads(sql(wf).scalar("SELECT payload FROM audit_events WHERE action NOT LIKE 'rows%' ORDER BY seq DESC LIMIT 1"))
    assert last == {"header": "备注", "field": "contact_name"}


def test_mappings_survive_reopen(wf, db_path, password):
    from hvp_desktop.store.engine import WorkingFile

    app_ops.remember_mappings(wf, {"联系人手机": "contact_phone"})
    wf.close()
    with WorkingFile.open(db_path, password) as again:
        assert applications.load_mappings(again) == {"联系人手机": "contact_phone"}

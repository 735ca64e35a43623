"""The audit chain: every change is an event; an edited, removed or truncated history is detected."""

from __future__ import annotations

import json
import re

import pytest

from hvp_desktop.store import audit, queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import applications as app_ops

# `imported`: the new file's rows.baseline, round.created, then enterprise.created +
# application.imported for each of 3 rows, and the rows the import left (issue 18's replay).
EVENTS_AFTER_IMPORT = 9


def problems_naming(report: audit.ChainReport, seq: int) -> list[str]:
    return [p for p in report.problems if re.search(rf"\bevent {seq}\b", p) or f"审计事件{seq}" in p]


def test_import_leaves_a_verified_chain(imported, chain, sql):
    report = chain(imported)
    assert report.ok, report.problems
    assert report.events == EVENTS_AFTER_IMPORT
    actions = [r[0] for r in sql(imported).rows("SELECT action FROM audit_events ORDER BY seq")]
    assert actions == ["rows.baseline", "round.created", *["enterprise.created", "application.imported"] * 3,
                       "rows"]


def test_fresh_file_chain_holds_only_its_baseline(wf, chain, sql):
    report = chain(wf)
    assert (report.ok, report.events, report.problems) == (True, 1, [])
    assert sql(wf).scalar("SELECT action FROM audit_events") == "rows.baseline"


def test_events_link_to_their_predecessor(imported, sql):
    rows = sql(imported).rows("SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq")
    assert [r[0] for r in rows] == list(range(1, EVENTS_AFTER_IMPORT + 1))
    assert rows[0][1] == audit.GENESIS
    for before, after in zip(rows[:-1], rows[1:], strict=True):
        assert after[1] == before[2]
    assert len({r[2] for r in rows}) == len(rows)
    head = dict(sql(imported).rows("SELECT key, value FROM meta WHERE key LIKE 'audit_head%'"))
    assert head == {audit.HEAD_SEQ: str(EVENTS_AFTER_IMPORT), audit.HEAD_HASH: rows[-1][2]}


def test_payload_records_what_was_imported(imported, sql, make_app):
    payload = json.loads(
        sql(imported).scalar(
            "SELECT payload FROM audit_events WHERE action='application.imported' ORDER BY seq LIMIT 1"
        )
    )
    assert payload["credit_code"] == make_app(1).credit_code
    assert payload["source"] == "t.xlsx:3"
    assert payload["ip_budget_yuan"] == str(make_app(1).ip_budget_yuan)


def test_edited_payload_is_detected_and_named(imported, chain, sql):
    sql(imported).execute(
        "UPDATE audit_events SET payload = replace(payload, '华南理工大学', '中山大学') WHERE seq = 4"
    )
    assert sql(imported).scalar("SELECT payload FROM audit_events WHERE seq = 4").count("中山大学") == 1
    report = chain(imported)
    assert not report.ok
    assert problems_naming(report, 4), report.problems
    assert not problems_naming(report, 6)


@pytest.mark.parametrize(
    "column, value",
    [
        ("actor", "'someone-else'"),
        ("at", "'2020-01-01T00:00:00+00:00'"),
        ("action", "'application.withdrawn'"),
        ("entity_id", "'99'"),
    ],
)
def test_any_edited_field_is_detected(imported, chain, sql, column, value):
    sql(imported).execute(f"UPDATE audit_events SET {column} = {value} WHERE seq = 6")
    report = chain(imported)
    assert not report.ok
    assert problems_naming(report, 6), report.problems


def test_rehashed_edit_is_still_detected_by_the_next_event(imported, chain, sql):
    """Whoever edits an event and recomputes its hash breaks the next event's link."""
    row = sql(imported).rows(
        "SELECT seq, at, actor, action, entity, entity_id, payload, prev_hash FROM audit_events WHERE seq = 4"
    )[0]
    forged_payload = row[6].replace("t.xlsx", "forged.xlsx")
    assert forged_payload != row[6]
    forged_hash = audit.event_hash(row[0], row[1], row[2], row[3], row[4], row[5], forged_payload, row[7])
    sql(imported).execute("UPDATE audit_events SET payload = ?, hash = ? WHERE seq = 4", (forged_payload, forged_hash))
    report = chain(imported)
    assert not report.ok
    assert problems_naming(report, 4), report.problems


def test_deleted_middle_event_is_detected(imported, chain, sql):
    sql(imported).execute("DELETE FROM audit_events WHERE seq = 5")
    report = chain(imported)
    assert not report.ok
    assert report.events == EVENTS_AFTER_IMPORT - 1
    assert problems_naming(report, 5), report.problems


def test_deleted_last_event_is_detected_by_the_head(imported, chain, sql):
    sql(imported).execute(f"DELETE FROM audit_events WHERE seq = {EVENTS_AFTER_IMPORT}")
    report = chain(imported)
    assert not report.ok
    assert any("head" in p for p in report.problems), report.problems


def test_deleted_tail_and_head_together_is_caught_by_the_head_kept_outside(imported, chain, sql, db_path):
    """Removing the newest events AND rewriting meta makes the chain consistent again: only the head
    kept beside the file (heads.py) still knows how far it went."""
    prev = sql(imported).scalar(f"SELECT hash FROM audit_events WHERE seq = {EVENTS_AFTER_IMPORT - 1}")
    sql(imported).execute(f"DELETE FROM audit_events WHERE seq = {EVENTS_AFTER_IMPORT}")
    sql(imported).execute("UPDATE meta SET value = ? WHERE key = ?", (str(EVENTS_AFTER_IMPORT - 1), audit.HEAD_SEQ))
    sql(imported).execute("UPDATE meta SET value = ? WHERE key = ?", (prev, audit.HEAD_HASH))
    assert chain(imported).events == EVENTS_AFTER_IMPORT - 1
    assert chain(imported).ok
    problems = queries.head_problems(imported)
    assert problems and f"records event {EVENTS_AFTER_IMPORT}, which the file no longer holds" in problems[0]


@pytest.mark.parametrize("key, value", [(audit.HEAD_HASH, "f" * 64), (audit.HEAD_SEQ, "8"), (audit.HEAD_SEQ, "10")])
def test_edited_head_is_detected(imported, chain, sql, key, value):
    sql(imported).execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    report = chain(imported)
    assert not report.ok
    assert any("head" in p for p in report.problems), report.problems


def test_deleted_head_is_detected(imported, chain, sql):
    sql(imported).execute("DELETE FROM meta WHERE key LIKE 'audit_head%'")
    assert not chain(imported).ok


def test_identical_reimport_appends_no_event(imported, chain, sql, make_app):
    before = sql(imported).rows("SELECT seq, hash FROM audit_events ORDER BY seq")
    head = sql(imported).rows("SELECT key, value FROM meta ORDER BY key")
    outcome = app_ops.import_applications(imported, [(f"t.xlsx:{n + 2}", make_app(n)) for n in (1, 2, 3)]).value
    assert (outcome.added, outcome.updated, outcome.unchanged) == (0, 0, 3)
    assert sql(imported).rows("SELECT seq, hash FROM audit_events ORDER BY seq") == before
    assert sql(imported).rows("SELECT key, value FROM meta ORDER BY key") == head
    assert chain(imported).ok


def test_chain_continues_across_operations_and_reopen(imported, db_path, password, chain, make_app):
    app_ops.import_applications(imported, [("t.xlsx:3", make_app(1, ip_staff_count=99))])
    imported.close()
    with WorkingFile.open(db_path, password) as again:
        app_ops.remember_mappings(again, {"备注": "ignore"})
        report = chain(again)
    assert report.ok, report.problems
    assert report.events == EVENTS_AFTER_IMPORT + 4  # each operation: its event and the rows it left


def test_tamper_is_detected_after_reopen(imported, db_path, password, chain, sql):
    sql(imported).execute("UPDATE audit_events SET payload = '{}' WHERE seq = 3")
    imported.close()
    with WorkingFile.open(db_path, password) as again:
        report = chain(again)
    assert problems_naming(report, 3), report.problems


def test_canonical_json_is_stable_and_keeps_chinese():
    assert audit.canonical({"b": 1, "a": "甲"}) == '{"a":"甲","b":1}'
    with pytest.raises(TypeError):
        audit.canonical({"x": object()})

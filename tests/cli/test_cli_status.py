"""`status`, `calendar` and `check` run as users run them: `python -m hvp_desktop …` in a subprocess,
on copies of the real encrypted demo file (the 2025 and 2026 rounds run through the lifecycle).

Each run costs ~0.6 s, so the files are prepared in-process and the CLI runs only for what a test
is about.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from hvp_desktop import demo
from hvp_desktop.demo import DEMO_PASSWORD
from hvp_desktop.domain.lifecycle import RECOGNITION
from hvp_desktop.domain.model import ELIGIBILITY_FACTS
from hvp_desktop.store import decisions, queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops import decisions as decision_ops
from tests.unit.store.bureau import approve_and_publicise, shortlist_and_confirm

TODAY = "2026-11-25"

ARRANGEMENT_2027 = """\
# 2027年部分节假日安排
2027-01-01~2027-01-03 休
2027-10-01～2027-10-07 休
2027-10-09 班
"""


def no_traceback(done) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    assert "Traceback" not in done.stdout, done.stdout


def as_json(done) -> dict:
    return json.loads(done.stdout)


def run(cli, *args):
    return cli(*args, password=DEMO_PASSWORD)


def status_json(cli, path: Path, today: str = TODAY) -> dict:
    done = run(cli, "status", path, "--today", today, "--json")
    assert done.returncode == 0, done.stderr
    no_traceback(done)
    return as_json(done)


def in_process_status(path: Path) -> dict[int, decisions.StatusRow]:
    with WorkingFile.open(path, DEMO_PASSWORD) as wf:
        return {r.application_id: r for r in decisions.status(wf)}


def ids_in_state(rows: dict[int, decisions.StatusRow], state: str, year: int | None = None) -> list[int]:
    return sorted(i for i, r in rows.items() if r.state == state and (year is None or r.year == year))


def raw_sql(path: Path, statement: str, params: tuple = ()) -> None:
    """Tamper with the file as someone with the password could, bypassing the application."""
    with WorkingFile.open(path, DEMO_PASSWORD) as wf, wf.engine.begin() as c:
        c.exec_driver_sql(statement, params)


def select_two_of_2027(path: Path) -> list[int]:
    """Two eligible 2027 applications, shortlisted (fewer than 40) and selected, in the demo file."""
    rows = [(f"2027.xlsx:{i}", dataclasses.replace(data, affiliation_group=None, co_applicants=(),
                                                    **dict.fromkeys(ELIGIBILITY_FACTS, True)))
            for i, data in enumerate(demo.applications(2027, 2, 2027), 3)]
    with WorkingFile.open(path, DEMO_PASSWORD) as wf:
        ids = sorted(app_ops.import_applications(wf, rows).applications)
        round_id = next(r.round_id for r in queries.application_rows(wf) if r.id == ids[0])
        for app_id in ids:  # a shared trade name (R3) is asked about: confirmed as the secretary would
            for check in decisions.formal_review_of(wf, app_id):
                if check.outcome.value == "manual":
                    decision_ops.override_check(wf, app_id, check.key, check.outcome.PASS, "已核实非关联企业")
        outcome = shortlist_and_confirm(wf, round_id, date(2027, 6, 10)).value
        assert outcome.shortlisted == ids
        decision_ops.record_selection(wf, round_id, ids, date(2027, 9, 17))
    return ids


def start_publicity(path: Path, app_id: int, on: date) -> None:
    with WorkingFile.open(path, DEMO_PASSWORD) as wf:
        approve_and_publicise(wf, [app_id], RECOGNITION, on)


def publicity_end(payload: dict, app_id: int) -> dict:
    [item] = [a for a in payload["applications"] if a["application_id"] == app_id]
    [end] = [d for d in item["deadlines"] if d["what"] == "publicity_end"]
    return end


# ------------------------------------------------------------------------------ status
def test_status_json_lists_every_application_with_its_state_deadlines_and_the_due_list(cli, demo_file):
    expected = in_process_status(demo_file)

    payload = status_json(cli, demo_file)

    assert payload["today"] == TODAY
    items = {a["application_id"]: a for a in payload["applications"]}
    assert len(payload["applications"]) == len(items) == 84
    assert {i: a["state"] for i, a in items.items()} == {i: r.state for i, r in expected.items()}
    for i, a in items.items():
        assert [(d["what"], d["due"], d["rule"]) for d in a["deadlines"]] == [
            (d.what, d.due.isoformat(), d.rule) for d in expected[i].deadlines]
        # an assessment date opens a period (on the centre's request): it is never "overdue"
        assert all(d["overdue"] == (d["due"] < TODAY and not d["opens"] and d["what"] != "ban_end")
                   for d in a["deadlines"])

    # R17: the two centres recognised 2025-10-16 and not assessed may be assessed since 2026-10-16.
    for i in ids_in_state(expected, "recognised", 2025):
        assert items[i]["deadlines"] == [{"what": "y1_assessment", "due": "2026-10-16", "rule": "R17",
                                          "detail": "可申请第一年度考核", "overdue": False, "opens": True,
                                          "provisional_reason": None}]
    # R16: the 2026 list is in publicity until 2026-11-26, not overdue yet.
    for i in ids_in_state(expected, "selected", 2026):
        end = publicity_end(payload, i)
        assert (end["due"], end["rule"], end["overdue"]) == ("2026-11-26", "R16", False)
    # R21: the withdrawn centre's ban shows, but not among what falls due.
    [withdrawn] = ids_in_state(expected, "withdrawn")
    assert items[withdrawn]["ban_until"] == "2028-06-30"
    assert {i: a["support_yuan"] for i, a in items.items() if a["support_yuan"] != "0"} == {
        i: "500000" for i, r in expected.items() if r.supported_yuan}

    due = payload["due_within_60_days"]
    keyed = {(d["application_id"], d["what"], d["due"], d["rule"]) for d in due}
    assert len(keyed) == len(due)
    assert {(i, "y1_assessment", "2026-10-16", "R17") for i in ids_in_state(expected, "recognised")} <= keyed
    assert {(i, "publicity_end", "2026-11-26", "R16") for i in ids_in_state(expected, "selected")} <= keyed
    assert all(d["what"] != "ban_end" and d["due"] <= "2027-01-24" for d in due)
    assert keyed == {(r.application_id, d.what, d.due.isoformat(), d.rule)
                     for r, d in decisions.due_within(expected.values(), date(2026, 11, 25))}


def test_status_text_lists_the_overdue_items(cli, demo_file):
    expected = in_process_status(demo_file)

    done = run(cli, "status", demo_file, "--today", TODAY)

    assert done.returncode == 0, done.stderr
    no_traceback(done)
    out = done.stdout
    due = decisions.due_within(expected.values(), date(2026, 11, 25))
    assert f"(due within 60 days or overdue): {len(due)}" in out
    overdue_lines = [line for line in out.splitlines() if line.startswith("  ") and " 逾期 " in line]
    assert len(overdue_lines) == sum(d.overdue(date(2026, 11, 25)) for _, d in due)
    for i in ids_in_state(expected, "recognised", 2025):  # open since the anniversary, not overdue
        assert f"  2026-10-16 R17 可申请第一年度考核: {expected[i].enterprise_name}" in out
    for i in ids_in_state(expected, "selected", 2026):
        assert f"  2026-11-26 R16 认定公示期满: {expected[i].enterprise_name}" in out
    assert any(line.startswith("  2026-11-20 逾期 R19 扶持公示期满: ") for line in overdue_lines)  # objection open
    assert "禁止申报至2028-06-30前" in out


# ------------------------------------------------------------------------------ calendar
def test_calendar_with_a_valid_arrangement_then_status_shows_the_non_provisional_date(cli, demo_file, tmp_path):
    early, late = select_two_of_2027(demo_file)
    start_publicity(demo_file, early, date(2027, 9, 29))  # before the arrangement: weekdays, provisional
    before = publicity_end(status_json(cli, demo_file, "2027-09-30"), early)
    assert before["due"] == "2027-10-05"
    assert "2027" in before["provisional_reason"]

    arrangement = tmp_path / "2027年节假日.txt"
    arrangement.write_text(ARRANGEMENT_2027, encoding="utf-8-sig")  # as Notepad saves it
    done = run(cli, "calendar", demo_file, arrangement)

    assert done.returncode == 0, done.stderr
    no_traceback(done)
    assert "2027" in done.stdout
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        assert decisions.calendar_of(wf).knows(2027)
    start_publicity(demo_file, late, date(2027, 9, 29))
    after = publicity_end(status_json(cli, demo_file, "2027-09-30"), late)
    # 09-29, 09-30, (10-01…10-07 off), 10-08, make-up Saturday 10-09, 10-11
    assert after == {"what": "publicity_end", "due": "2027-10-11", "rule": "R16", "detail": "认定公示期满",
                     "overdue": False, "opens": False, "provisional_reason": None}


def test_calendar_corrects_a_provisional_date_that_status_already_showed(cli, demo_file, tmp_path):
    early, _ = select_two_of_2027(demo_file)
    start_publicity(demo_file, early, date(2027, 9, 29))
    arrangement = tmp_path / "2027.txt"
    arrangement.write_text(ARRANGEMENT_2027, encoding="utf-8")
    assert run(cli, "calendar", demo_file, arrangement).returncode == 0

    end = publicity_end(status_json(cli, demo_file, "2027-09-30"), early)

    assert (end["due"], end["provisional_reason"]) == ("2027-10-11", None)


@pytest.mark.parametrize(
    ("bad_line", "line_number"),
    [("2027-10-01 放假", 3), ("2027-13-01 休", 3), ("2027-10-01~2027-12-31 休", 3)],
    ids=["unknown-kind", "impossible-date", "range-too-long"],
)
def test_calendar_with_a_malformed_line_exits_1_naming_the_line(cli, demo_file, tmp_path, bad_line, line_number):
    arrangement = tmp_path / "bad.txt"
    arrangement.write_text(f"2027-01-01~2027-01-03 休\n# 国庆\n{bad_line}\n2027-10-09 班\n", encoding="utf-8")
    before = demo_file.read_bytes()

    done = run(cli, "calendar", demo_file, arrangement)

    assert done.returncode == 1
    no_traceback(done)
    assert f"第{line_number}行" in done.stderr
    assert "bad.txt" in done.stderr
    assert demo_file.read_bytes() == before  # nothing saved, the file not even opened


# ------------------------------------------------------------------------------ check
def test_check_json_on_the_demo_is_ok_with_no_state_problems(cli, demo_file):
    done = run(cli, "check", demo_file, "--json")

    assert done.returncode == 0, done.stdout + done.stderr
    no_traceback(done)
    payload = as_json(done)
    assert payload["ok"] is True
    assert payload["state_problems"] == []
    assert payload["audit_problems"] == []
    assert payload["integrity"] == ["ok"]


def test_check_after_a_raw_sql_state_edit_exits_1_and_names_the_application(cli, demo_file):
    [app_id] = ids_in_state(in_process_status(demo_file), "withdrawn")
    raw_sql(demo_file, "UPDATE applications SET state = 'y1_passed' WHERE id = ?", (app_id,))

    done = run(cli, "check", demo_file, "--json")

    assert done.returncode == 1
    no_traceback(done)
    payload = as_json(done)
    assert payload["ok"] is False
    assert payload["audit_problems"] == []  # the chain is intact: the replay of decisions catches it
    assert len(payload["state_problems"]) == 1
    assert payload["state_problems"][0].startswith(f"申报{app_id}的状态为y1_passed")
    assert "withdrawn" in payload["state_problems"][0]


def test_check_reports_malformed_decision_data_without_a_traceback(cli, demo_file):
    [app_id] = ids_in_state(in_process_status(demo_file), "withdrawn")
    raw_sql(demo_file, "UPDATE decisions SET data = '{}' WHERE application_id = ? AND kind = 'publicity_started'",
            (app_id,))

    done = run(cli, "check", demo_file, "--json")

    no_traceback(done)
    assert done.returncode == 1
    assert any(p.startswith(f"申报{app_id}的") for p in as_json(done)["state_problems"])

"""The rules applied to real encrypted working files (store/decisions.py).

Every test works on a real SQLCipher file in a temp folder: the demo file (the 2025 and 2026
rounds run through the lifecycle), the demo's 84 untouched applications, or a file built here.
Outcomes are read back from the file itself (states, decisions, bans, the audit chain).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from hvp_desktop import demo
from hvp_desktop.demo import DEMO_PASSWORD, create_demo
from hvp_desktop.domain.dates import parse_arrangement
from hvp_desktop.domain.formal_review import Outcome, verdict
from hvp_desktop.domain.lifecycle import RECOGNITION, Event, Kind
from hvp_desktop.domain.model import ApplicationState as S
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import crypto, decisions, queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops import decisions as decision_ops
from tests.unit.store.bureau import approve_and_publicise, shortlist_and_confirm

TODAY = date(2026, 11, 25)  # "today" of the demo file
REASON = "已核对营业执照、完税证明与统计登记原件，确认符合"

# A plausible 2027 arrangement (chinesecalendar does not know 2027): National Day week off,
# Saturday 10-09 a make-up working day.
ARRANGEMENT_2027 = """\
# 2027年部分节假日安排（测试用）
2027-01-01~2027-01-03 休
2027-10-01~2027-10-07 休
2027-10-09 班
"""


# -- files ---------------------------------------------------------------------------------------
def _master(tmp_path_factory, name: str, with_decisions: bool):
    path = tmp_path_factory.mktemp(name) / f"{name}.hvpdb"
    create_demo(path, DEMO_PASSWORD, with_decisions=with_decisions).close()
    return path, crypto.derive(DEMO_PASSWORD, crypto.read_salt(path))


@pytest.fixture(scope="module")
def _run_demo_master(tmp_path_factory):
    return _master(tmp_path_factory, "run-demo", True)


@pytest.fixture(scope="module")
def _untouched_demo_master(tmp_path_factory):
    return _master(tmp_path_factory, "untouched-demo", False)


def _open_copy(master, tmp_path, name: str):
    source, key = master
    path = tmp_path / name
    shutil.copyfile(source, path)
    return WorkingFile(path, key)


@pytest.fixture
def run_wf(_run_demo_master, tmp_path):
    """A copy of the demo file with both rounds run through the lifecycle (as of 2026-11-25)."""
    wf = _open_copy(_run_demo_master, tmp_path, "run.hvpdb")
    yield wf
    wf.close()


@pytest.fixture
def untouched_wf(_untouched_demo_master, tmp_path):
    """A copy of the demo file with its 84 applications (38 of 2025, 46 of 2026) still at 'applied'."""
    wf = _open_copy(_untouched_demo_master, tmp_path, "untouched.hvpdb")
    yield wf
    wf.close()


# -- helpers -------------------------------------------------------------------------------------
def status_by_id(wf) -> dict[int, decisions.StatusRow]:
    return {r.application_id: r for r in decisions.status(wf)}


def ids_in_state(wf, state: S, year: int | None = None) -> list[int]:
    return sorted(r.application_id for r in decisions.status(wf)
                  if r.state == state.value and (year is None or r.year == year))


def stored_state(sql, wf, app_id: int) -> str:
    return sql(wf).scalar("SELECT state FROM applications WHERE id = ?", (app_id,))


def snapshot(sql, wf) -> dict:
    """What a refused operation must leave untouched."""
    q = sql(wf)
    return {
        "states": dict(q.rows("SELECT id, state FROM applications")),
        "decisions": q.count("decisions"),
        "audit": q.count("audit_events"),
        "bans": q.count("bans"),
        "overrides": q.count("review_overrides"),
        "places": dict(q.rows("SELECT id, places FROM rounds")),
    }


def last_audit(sql, wf) -> tuple[str, str, str | None, dict]:
    action, entity, entity_id, payload = sql(wf).rows(
        "SELECT action, entity, entity_id, payload FROM audit_events WHERE action NOT LIKE 'rows%' ORDER BY seq DESC LIMIT 1")[0]
    return action, entity, entity_id, json.loads(payload)


def decision_rows(sql, wf, app_id: int) -> list[tuple]:
    return sql(wf).rows("SELECT kind, rule, decided_on, data FROM decisions WHERE application_id = ? ORDER BY id",
                        (app_id,))


def checks_of(wf, app_id: int) -> dict:
    return {c.key: c for c in decisions.formal_review_of(wf, app_id)}


def confirm_manual_checks(wf, app_ids) -> None:
    """The secretary confirms every check that is still 'needs manual confirmation'."""
    for app_id in app_ids:
        for check in decisions.formal_review_of(wf, app_id):
            if check.outcome == Outcome.MANUAL:
                decision_ops.override_check(wf, app_id, check.key, Outcome.PASS, REASON)


def import_rows(wf, rows) -> list[int]:
    """Import (source, ApplicationData) pairs; the new application ids in import order."""
    done = app_ops.import_applications(wf, rows)
    outcome = done.value
    assert outcome.added == len(rows)
    return sorted(done.applications)


def round_of(wf, app_id: int) -> int:
    return next(r.round_id for r in queries.application_rows(wf) if r.id == app_id)


def reapply(wf, app_id: int, year: int, applied_on: date) -> int:
    """The same enterprise applies again in a later year, with what it declared before."""
    data = queries.application_detail(wf, app_id).data
    renewed = dataclasses.replace(data, year=year, applied_on=applied_on)
    return import_rows(wf, [(f"renew-{year}.xlsx:3", renewed)])[0]


def selected_round(wf, make_app, year: int, count: int = 3) -> tuple[int, list[int]]:
    """A round of `count` eligible applications of `year`, shortlisted (fewer than 40) and all selected."""
    ids = import_rows(wf, [(f"sel.xlsx:{n + 2}", make_app(n, year=year)) for n in range(1, count + 1)])
    rnd = round_of(wf, ids[0])
    shortlist_and_confirm(wf, rnd, date(year, 6, 10))
    decision_ops.record_selection(wf, rnd, ids, date(year, 9, 17))
    return rnd, ids


def publicity_data(sql, wf, app_id: int) -> dict:
    rows = [r for r in decision_rows(sql, wf, app_id) if r[0] == Kind.PUBLICITY_STARTED.value]
    assert len(rows) == 1
    return json.loads(rows[0][3])


def deadline(wf, app_id: int, what: str):
    found = [d for d in status_by_id(wf)[app_id].deadlines if d.what == what]
    assert len(found) == 1, found
    return found[0]


# ================================================================ record(): one decision at a time
def test_R17_record_changes_state_stores_decision_with_rule_and_data_and_audits_it(run_wf, sql, chain):
    app_id = ids_in_state(run_wf, S.RECOGNISED)[0]
    decision_ops.record(run_wf, app_id, Event.of(Kind.ASSESSMENT_REQUESTED, TODAY, year=1))  # 书面申请
    decisions_before = sql(run_wf).count("decisions")

    changes = decision_ops.record(run_wf, app_id, Event.of(Kind.ASSESSED, TODAY, year=1, score="71.50"),
                               note="专家组现场核查")

    assert changes.applications == frozenset({app_id})
    assert stored_state(sql, run_wf, app_id) == S.Y1_PASSED.value
    assert sql(run_wf).count("decisions") == decisions_before + 1
    kind, rule, decided_on, data = decision_rows(sql, run_wf, app_id)[-1]
    assert (kind, rule, str(decided_on)) == ("assessed", "R17", "2026-11-25")
    assert json.loads(data) == {"year": 1, "score": "71.50"}
    action, entity, entity_id, payload = last_audit(sql, run_wf)
    assert (action, entity, entity_id) == ("decision.assessed", "application", str(app_id))
    assert payload["rule"] == "R17"
    assert payload["state"] == ["recognised", "y1_passed"]
    assert payload["note"] == "专家组现场核查"
    assert chain(run_wf).ok
    assert decisions.state_mismatches(run_wf) == []


@pytest.mark.parametrize(
    ("state", "event", "rule"),
    [
        (S.NOT_SELECTED, Event.of(Kind.RECOGNISED, date(2026, 12, 1)), "R16"),
        # The 2026 list is in publicity until 2026-11-26 (its last working day).
        (S.SELECTED, Event.of(Kind.RECOGNISED, date(2026, 11, 26)), "R16"),
        (S.Y1_PASSED, Event.of(Kind.ASSESSED, date(2026, 12, 1), year=1, score="80"), "R17"),
        (S.RECOGNISED, Event.of(Kind.ASSESSED, date(2026, 12, 1), year=2, score="80"), "R18"),
        (S.REJECTED, Event.of(Kind.WITHDRAWN, date(2026, 12, 1)), "R21"),
        (S.RECOGNISED, Event.of(Kind.WITHDRAWN, date(2025, 10, 1)), "R0"),  # before its last decision
    ],
    ids=["recognise-not-selected", "recognise-on-publicity-end", "y1-twice", "y2-before-y1",
         "withdraw-rejected", "backdated"],
)
def test_record_of_an_illegal_event_raises_with_the_rule_and_writes_nothing(run_wf, sql, chain, state, event,
                                                                              rule):
    app_id = ids_in_state(run_wf, state)[0]
    before = snapshot(sql, run_wf)

    with pytest.raises(RuleViolation) as refused:
        decision_ops.record(run_wf, app_id, event)

    assert refused.value.rule == rule
    assert str(refused.value).startswith(f"{rule}: ")
    assert snapshot(sql, run_wf) == before
    assert stored_state(sql, run_wf, app_id) == state.value
    assert chain(run_wf).ok


def test_R21_withdrawal_writes_a_two_year_ban_and_a_later_application_fails_R4(run_wf, sql, chain):
    app_id = ids_in_state(run_wf, S.RECOGNISED)[0]
    enterprise_id = sql(run_wf).scalar("SELECT enterprise_id FROM applications WHERE id = ?", (app_id,))
    bans_before = sql(run_wf).count("bans")

    decision_ops.record(run_wf, app_id, Event.of(Kind.WITHDRAWN, date(2026, 12, 1)), note="企业书面申请退出")

    assert stored_state(sql, run_wf, app_id) == S.WITHDRAWN.value
    assert sql(run_wf).count("bans") == bans_before + 1
    assert sql(run_wf).rows("SELECT rule, starts_on, ends_on FROM bans WHERE enterprise_id = ?",
                            (enterprise_id,)) == [("R21", "2026-12-01", "2028-12-01")]
    assert last_audit(sql, run_wf)[0] == "decision.withdrawn"

    banned = reapply(run_wf, app_id, 2027, date(2027, 4, 1))
    checks = checks_of(run_wf, banned)
    assert checks["R4.ban"].outcome == Outcome.FAIL
    assert "2028-12-01" in checks["R4.ban"].reason
    assert checks["R3.recognised"].outcome == Outcome.PASS  # a withdrawn centre is no longer recognised
    assert verdict(checks.values()) == Outcome.FAIL
    # Exactly 2 years: on 2028-12-01 the enterprise may apply again.
    free = reapply(run_wf, app_id, 2028, date(2028, 12, 1))
    assert checks_of(run_wf, free)["R4.ban"].outcome == Outcome.PASS
    assert chain(run_wf).ok


def test_R4_revocation_after_failed_rectification_writes_a_two_year_ban_and_bars_reapplying(run_wf, sql):
    app_id = ids_in_state(run_wf, S.RECTIFYING)[0]
    enterprise_id = sql(run_wf).scalar("SELECT enterprise_id FROM applications WHERE id = ?", (app_id,))

    decision_ops.record(run_wf, app_id, Event.of(Kind.ASSESSED, date(2026, 12, 18), year=1, score="65.00"))

    assert stored_state(sql, run_wf, app_id) == S.REVOKED.value
    assert decision_rows(sql, run_wf, app_id)[-1][:2] == ("assessed", "R17")
    assert sql(run_wf).rows("SELECT rule, starts_on, ends_on FROM bans WHERE enterprise_id = ?",
                            (enterprise_id,)) == [("R4", "2026-12-18", "2028-12-18")]
    assert status_by_id(run_wf)[app_id].ban_until == date(2028, 12, 18)

    later = reapply(run_wf, app_id, 2028, date(2028, 12, 17))
    assert checks_of(run_wf, later)["R4.ban"].outcome == Outcome.FAIL
    rows = {r.id: r for r in queries.application_rows(run_wf)}
    assert rows[later].review == "fail"  # the list shows the same live verdict


def test_state_mismatches_is_empty_on_the_demo(run_wf):
    assert decisions.state_mismatches(run_wf) == []


def test_state_mismatches_detects_a_state_edited_by_raw_sql(run_wf, sql, chain):
    app_id = ids_in_state(run_wf, S.NOT_SELECTED, 2026)[0]

    sql(run_wf).execute("UPDATE applications SET state = 'recognised' WHERE id = ?", (app_id,))

    problems = decisions.state_mismatches(run_wf)
    assert len(problems) == 1
    assert f"申报{app_id}的" in problems[0]
    assert "recognised" in problems[0] and "not_selected" in problems[0]
    assert chain(run_wf).ok  # the audit chain alone does not see it: the replay does


@pytest.mark.parametrize(
    ("kind", "forged", "rule"),
    [
        # A publicity end moved past the recognition date: recognising would have been too early.
        ("publicity_started", {"purpose": "recognition", "ends_on": "2025-10-20"}, "R16"),
        ("assessed", {"year": 1, "score": "150"}, "R17"),
    ],
    ids=["publicity-end-moved", "score-out-of-range"],
)
def test_state_mismatches_detects_decision_data_that_makes_the_replay_illegal(run_wf, sql, kind, forged, rule):
    app_id = ids_in_state(run_wf, S.Y1_PASSED)[0]

    sql(run_wf).execute("UPDATE decisions SET data = ? WHERE application_id = ? AND kind = ?",
                        (json.dumps(forged), app_id, kind))

    problems = decisions.state_mismatches(run_wf)
    assert len(problems) == 1
    assert problems[0].startswith(f"申报{app_id}的决定记录不合规则")
    assert f"{rule}:" in problems[0]


def test_state_mismatches_reports_decision_data_missing_a_field_instead_of_crashing(run_wf, sql):
    app_id = ids_in_state(run_wf, S.Y1_PASSED)[0]
    sql(run_wf).execute("UPDATE decisions SET data = '{}' WHERE application_id = ? AND kind = 'publicity_started'",
                        (app_id,))

    problems = decisions.state_mismatches(run_wf)

    assert any(p.startswith(f"申报{app_id}的") for p in problems)


# ================================================================ formal review (R1–R4)
def test_R1_a_fact_declared_no_fails_the_formal_review(wf, make_app):
    [app_id] = import_rows(wf, [("f.xlsx:3", make_app(1, tax_in_district=False))])

    checks = checks_of(wf, app_id)

    assert checks["R1.tax"].outcome == Outcome.FAIL
    assert checks["R1.tax"].rule == "R1"
    assert "否" in checks["R1.tax"].reason
    assert {k for k, c in checks.items() if c.outcome != Outcome.PASS} == {"R1.tax"}
    assert verdict(checks.values()) == Outcome.FAIL
    assert queries.application_rows(wf)[0].review == "fail"


def test_R1_an_override_needs_a_written_reason(wf, make_app, sql):
    [app_id] = import_rows(wf, [("f.xlsx:3", make_app(1, good_credit=None))])
    assert checks_of(wf, app_id)["R1.credit"].outcome == Outcome.MANUAL
    before = snapshot(sql, wf)

    for reason in ("", "   \n"):
        with pytest.raises(RuleViolation) as refused:
            decision_ops.override_check(wf, app_id, "R1.credit", Outcome.PASS, reason)
        assert refused.value.rule == "R1"
    with pytest.raises(ValueError):
        decision_ops.override_check(wf, app_id, "R1.unknown", Outcome.PASS, REASON)

    assert snapshot(sql, wf) == before
    assert checks_of(wf, app_id)["R1.credit"].outcome == Outcome.MANUAL


def test_R1_an_override_changes_the_verdict_and_is_in_the_audit_chain(wf, make_app, sql, chain):
    manual, failing = import_rows(wf, [("f.xlsx:3", make_app(1, good_credit=None)),
                                       ("f.xlsx:4", make_app(2, tax_in_district=False))])
    assert verdict(checks_of(wf, manual).values()) == Outcome.MANUAL
    assert verdict(checks_of(wf, failing).values()) == Outcome.FAIL

    decision_ops.override_check(wf, manual, "R1.credit", Outcome.PASS, "  信用中国查询无失信记录  ")
    action, entity, entity_id, payload = last_audit(sql, wf)
    decision_ops.override_check(wf, failing, "R1.tax", Outcome.PASS, "税务关系已于申报前迁入本区，有完税证明")

    credit = checks_of(wf, manual)["R1.credit"]
    assert credit.outcome == Outcome.PASS
    assert credit.overridden_by == "信用中国查询无失信记录"  # stored trimmed
    assert verdict(checks_of(wf, manual).values()) == Outcome.PASS
    assert verdict(checks_of(wf, failing).values()) == Outcome.PASS
    assert (action, entity, entity_id) == ("formal_review.override", "application", str(manual))
    assert payload.pop("override")  # the override's UUID
    assert payload == {"check": "R1.credit", "outcome": "pass", "reason": "信用中国查询无失信记录"}
    assert sql(wf).rows("SELECT application_id, check_key, outcome FROM review_overrides ORDER BY id") == [
        (manual, "R1.credit", "pass"), (failing, "R1.tax", "pass")]
    assert {r.id: r.review for r in queries.application_rows(wf)} == {manual: "pass", failing: "pass"}
    assert chain(wf).ok


def test_R1_an_override_is_refused_once_the_application_left_applied(imported, sql):
    app_id = ids_in_state(imported, S.APPLIED)[0]
    shortlist_and_confirm(imported, round_of(imported, app_id), date(2025, 6, 10))
    assert stored_state(sql, imported, app_id) == S.SHORTLISTED.value
    before = snapshot(sql, imported)

    with pytest.raises(RuleViolation) as refused:
        decision_ops.override_check(imported, app_id, "R1.tax", Outcome.FAIL, "复核发现税务关系不在本区")

    assert refused.value.rule == "R1"
    assert snapshot(sql, imported) == before


def test_R3_the_register_fails_the_same_credit_code_and_a_same_group_company(wf, make_app, sql):
    group = "广州测试控股集团"
    own, kin, other = import_rows(wf, [("g.xlsx:3", make_app(1)),
                                       ("g.xlsx:4", make_app(2, affiliation_group=group)),
                                       ("g.xlsx:5", make_app(3))])
    own_code = queries.application_detail(wf, own).data.credit_code
    assert all(verdict(checks_of(wf, i).values()) == Outcome.PASS for i in (own, kin, other))

    decision_ops.add_recognised_centre(wf, own_code, "广州测试1号科技有限公司", "cultivation", year=2021)
    assert checks_of(wf, own)["R3.recognised"].outcome == Outcome.FAIL
    assert checks_of(wf, kin)["R3.affiliated"].outcome == Outcome.PASS

    sister_code = make_app(99).credit_code  # an enterprise that never applied here
    decision_ops.add_recognised_centre(wf, sister_code, "广州测试控股集团子公司", "cultivation_and_layout",
                                    affiliation_group=group, year=2024)
    kin_checks = checks_of(wf, kin)
    assert kin_checks["R3.affiliated"].outcome == Outcome.FAIL
    assert group in kin_checks["R3.affiliated"].reason
    assert kin_checks["R3.recognised"].outcome == Outcome.PASS
    # the test names all share the trade name 测试 with the recognised 广州测试1号科技有限公司: asked, not failed
    others = checks_of(wf, other)
    assert others["R3.trade_name"].outcome == Outcome.MANUAL and "测试" in others["R3.trade_name"].reason
    assert all(c.outcome == Outcome.PASS for k, c in others.items() if k != "R3.trade_name")
    assert [a for a, in sql(wf).rows("SELECT action FROM audit_events WHERE action LIKE 'register.%'")] == [
        "register.recognised", "register.recognised"]
    with pytest.raises(ValueError):
        decision_ops.add_recognised_centre(wf, make_app(98).credit_code, "某公司", "centre")


def test_R3_a_centre_recognised_in_the_file_bars_its_enterprise_from_applying_again(run_wf):
    app_id = ids_in_state(run_wf, S.Y1_PASSED)[0]

    again = reapply(run_wf, app_id, 2027, date(2027, 4, 1))

    checks = checks_of(run_wf, again)
    assert checks["R3.recognised"].outcome == Outcome.FAIL
    assert checks["R4.ban"].outcome == Outcome.PASS


def test_R4_add_ban_fails_the_review_while_in_force(wf, make_app, sql):
    banned, expired = import_rows(wf, [("b.xlsx:3", make_app(1)), ("b.xlsx:4", make_app(2))])  # applied 2025-04-01
    code = {i: queries.application_detail(wf, i).data.credit_code for i in (banned, expired)}

    decision_ops.add_ban(wf, code[banned], "R4", date(2024, 5, 1), "培育中心整改后考核仍不合格，取消称号")
    decision_ops.add_ban(wf, code[expired], "R21", date(2023, 4, 1), "书面申请退出")  # ends 2025-04-01

    assert checks_of(wf, banned)["R4.ban"].outcome == Outcome.FAIL
    assert "2026-05-01" in checks_of(wf, banned)["R4.ban"].reason
    assert checks_of(wf, expired)["R4.ban"].outcome == Outcome.PASS  # the end day is the first free day
    assert sorted(sql(wf).rows("SELECT rule, starts_on, ends_on FROM bans")) == [
        ("R21", "2023-04-01", "2025-04-01"), ("R4", "2024-05-01", "2026-05-01")]
    with pytest.raises(RuleViolation):
        decision_ops.add_ban(wf, code[expired], "R4", date(2025, 1, 1), "  ")
    with pytest.raises(ValueError):
        decision_ops.add_ban(wf, make_app(77).credit_code, "R4", date(2025, 1, 1), "不在本文件中的企业")
    assert sql(wf).count("bans") == 2


# ================================================================ R14 / R15 / R16 round steps
def test_R14_R16_more_than_20_places_are_refused_whatever_the_reason(untouched_wf, sql):
    """每年认定不超过20家: a hard cap; the place count is recorded in the audit chain."""
    rnd = round_of(untouched_wf, ids_in_state(untouched_wf, S.APPLIED, 2026)[0])
    before = snapshot(sql, untouched_wf)
    for places in (21, 0):
        with pytest.raises(RuleViolation) as refused:
            decision_ops.set_places(untouched_wf, rnd, places)
        assert refused.value.rule == "R14"
    with pytest.raises(TypeError):
        decision_ops.set_places(untouched_wf, rnd, 21, "区政府常务会议决定2026年增加1个名额")  # no override
    assert snapshot(sql, untouched_wf) == before
    decision_ops.set_places(untouched_wf, rnd, 15)
    assert sql(untouched_wf).rows("SELECT places FROM rounds WHERE id = ?", (rnd,)) == [(15,)]
    action, entity, entity_id, payload = last_audit(sql, untouched_wf)
    assert (action, entity, entity_id) == ("round.places", "round", str(rnd))
    assert payload == {"places": [20, 15]}


def test_R1_shortlisting_is_refused_while_an_application_needs_manual_confirmation(untouched_wf, sql):
    rnd = round_of(untouched_wf, ids_in_state(untouched_wf, S.APPLIED, 2025)[0])
    before = snapshot(sql, untouched_wf)

    with pytest.raises(RuleViolation) as refused:
        shortlist_and_confirm(untouched_wf, rnd, date(2025, 6, 10))

    assert refused.value.rule == "R1"
    assert str(refused.value).startswith("R1: ")
    assert "人工核实" in str(refused.value)
    assert snapshot(sql, untouched_wf) == before


def test_R15_with_40_or_more_applicants_shortlisting_needs_preliminary_scores(untouched_wf, sql):
    ids = ids_in_state(untouched_wf, S.APPLIED, 2026)
    assert len(ids) == 46
    confirm_manual_checks(untouched_wf, ids)
    before = snapshot(sql, untouched_wf)

    with pytest.raises(RuleViolation) as refused:
        shortlist_and_confirm(untouched_wf, round_of(untouched_wf, ids[0]), date(2026, 6, 15))

    assert refused.value.rule == "R15"
    assert snapshot(sql, untouched_wf) == before


def test_R15_shortlist_keeps_at_least_twice_the_places_and_every_tie_at_the_line(wf, make_app, sql, chain):
    ids = import_rows(wf, [(f"s.xlsx:{n + 2}", make_app(n, year=2027)) for n in range(1, 45)])  # 44 applicants
    rnd = round_of(wf, ids[0])
    decision_ops.set_places(wf, rnd, 10)  # at least 20 to expert review
    top, tied, low = ids[:17], ids[17:22], ids[22:]
    scores = {i: Decimal(90) - k for k, i in enumerate(top)}  # 90 … 74
    scores |= dict.fromkeys(tied, Decimal("60.00"))  # ranks 18–22: the 20th sits in this tie
    scores |= {i: Decimal("59.99") - k for k, i in enumerate(low)}
    decision_ops.set_preliminary_scores(wf, scores)

    outcome = decision_ops.shortlist_round(wf, rnd, date(2027, 6, 15)).value

    assert outcome.shortlisted == sorted(top + tied)  # 22 ≥ 2 × 10: the whole tie is kept
    assert outcome.not_shortlisted == sorted(low)
    assert outcome.rejected == []
    assert outcome.all_went_through is False
    assert outcome.line_score == Decimal("60.00")
    states = dict(sql(wf).rows("SELECT id, state FROM applications"))
    assert {i for i, s in states.items() if s == "shortlisted"} == set(top + tied)
    assert {i for i, s in states.items() if s == "not_selected"} == set(low)
    assert Counter((k, r) for k, r, *_ in (decision_rows(sql, wf, i)[0] for i in ids)) == {
        ("shortlisted", "R15"): 22, ("not_shortlisted", "R15"): 22}
    action, _, _, payload = last_audit(sql, wf)
    assert action == "round.shortlisted"
    assert (payload["shortlisted"], payload["minimum"], payload["all_went_through"]) == (22, 20, False)
    assert chain(wf).ok
    assert decisions.state_mismatches(wf) == []


def test_R15_below_40_applicants_every_eligible_one_goes_through_and_failures_are_rejected(untouched_wf, sql):
    ids = import_rows(untouched_wf, [(f"demo:2030:{i}", data)
                                     for i, data in enumerate(demo.applications(2030, 39, 4242), 1)])
    assert len(ids) == 39
    confirm_manual_checks(untouched_wf, ids)
    expected = {i: verdict(decisions.formal_review_of(untouched_wf, i)) for i in ids}
    failing = sorted(i for i, v in expected.items() if v == Outcome.FAIL)
    eligible = sorted(i for i, v in expected.items() if v == Outcome.PASS)
    assert failing and len(failing) + len(eligible) == 39  # no manual check left, some declared "否"

    outcome = shortlist_and_confirm(untouched_wf, round_of(untouched_wf, ids[0]), date(2030, 6, 10)).value

    assert outcome.all_went_through is True
    assert outcome.shortlisted == eligible
    assert outcome.not_shortlisted == []
    assert sorted(outcome.rejected) == failing
    assert outcome.line_score is None
    for i in failing:
        assert stored_state(sql, untouched_wf, i) == S.REJECTED.value
        assert [r[:2] for r in decision_rows(sql, untouched_wf, i)] == [("formal_review_failed", "R1")]
    for i in eligible:
        assert stored_state(sql, untouched_wf, i) == S.SHORTLISTED.value
    # The other rounds of the file are untouched.
    assert len(ids_in_state(untouched_wf, S.APPLIED)) == 84


def test_R15_counts_applicants_not_eligible_ones(wf, make_app, sql):
    rows = [(f"c.xlsx:{n + 2}", make_app(n, year=2027, good_credit=n > 5)) for n in range(1, 42)]  # 41; 1–5 fail
    ids = import_rows(wf, rows)
    rnd = round_of(wf, ids[0])
    failing, eligible = ids[:5], ids[5:]
    decision_ops.set_preliminary_scores(wf, {i: Decimal(50) + k for k, i in enumerate(eligible)})

    outcome = decision_ops.shortlist_round(wf, rnd, date(2027, 6, 15)).value

    # 41 applied, so the R15 ratio applies: 40 required, only 36 eligible → all 36 kept by score.
    assert sorted(outcome.rejected) == failing
    assert outcome.shortlisted == sorted(eligible)
    assert outcome.not_shortlisted == []
    assert outcome.all_went_through is False
    assert outcome.line_score == Decimal(50)
    payload = last_audit(sql, wf)[3]
    assert (payload["minimum"], payload["all_went_through"]) == (36, False)


def test_R16_record_selection_refuses_more_than_places_and_ids_not_shortlisted(wf, make_app, sql, chain):
    ids = import_rows(wf, [(f"r.xlsx:{n + 2}", make_app(n, good_credit=n != 4)) for n in range(1, 5)])
    rnd = round_of(wf, ids[0])
    shortlist_and_confirm(wf, rnd, date(2025, 6, 10))
    shortlisted, rejected = ids[:3], ids[3]
    decision_ops.set_places(wf, rnd, 2)
    before = snapshot(sql, wf)

    with pytest.raises(RuleViolation) as too_many:
        decision_ops.record_selection(wf, rnd, shortlisted, date(2025, 9, 19))
    with pytest.raises(RuleViolation) as outsider:
        decision_ops.record_selection(wf, rnd, [shortlisted[0], rejected], date(2025, 9, 19))
    assert (too_many.value.rule, outsider.value.rule) == ("R16", "R16")
    assert snapshot(sql, wf) == before

    changes = decision_ops.record_selection(wf, rnd, shortlisted[:2], date(2025, 9, 19))

    assert changes.applications == frozenset(shortlisted)
    assert [stored_state(sql, wf, i) for i in ids] == ["selected", "selected", "not_selected", "rejected"]
    assert decision_rows(sql, wf, shortlisted[2])[-1][:2] == ("not_selected", "R16")
    assert decision_rows(sql, wf, shortlisted[0])[-1][:2] == ("selected", "R16")
    assert chain(wf).ok


def test_R16_a_single_selection_beyond_the_places_is_refused(wf, make_app, sql):
    ids = import_rows(wf, [(f"r.xlsx:{n + 2}", make_app(n)) for n in range(1, 4)])
    rnd = round_of(wf, ids[0])
    shortlist_and_confirm(wf, rnd, date(2025, 6, 10))
    decision_ops.set_places(wf, rnd, 2)
    for i in ids[:2]:
        decision_ops.record(wf, i, Event.of(Kind.SELECTED, date(2025, 9, 19)))

    with pytest.raises(RuleViolation) as refused:
        decision_ops.record(wf, ids[2], Event.of(Kind.SELECTED, date(2025, 9, 19)))

    assert refused.value.rule == "R16"
    assert stored_state(sql, wf, ids[2]) == S.SHORTLISTED.value


def test_R16_record_selection_counts_selections_already_recorded_in_the_round(wf, make_app, sql):
    ids = import_rows(wf, [(f"r.xlsx:{n + 2}", make_app(n)) for n in range(1, 4)])
    rnd = round_of(wf, ids[0])
    shortlist_and_confirm(wf, rnd, date(2025, 6, 10))
    decision_ops.set_places(wf, rnd, 2)
    decision_ops.record(wf, ids[0], Event.of(Kind.SELECTED, date(2025, 9, 18)))

    try:
        decision_ops.record_selection(wf, rnd, ids[1:], date(2025, 9, 19))
    except RuleViolation as exc:
        assert exc.rule == "R16"

    selected = sql(wf).scalar("SELECT count(*) FROM applications WHERE round_id = ? AND state = 'selected'", (rnd,))
    assert selected <= 2


def test_R15_shortlisting_a_round_again_is_refused_or_a_no_op_not_a_crash(run_wf, sql):
    rnd = round_of(run_wf, ids_in_state(run_wf, S.SELECTED, 2026)[0])  # 46 applicants, shortlisted 2026-06-15
    before = snapshot(sql, run_wf)

    try:
        outcome = shortlist_and_confirm(run_wf, rnd, date(2026, 12, 1)).value
    except RuleViolation:
        assert snapshot(sql, run_wf) == before
    else:
        assert outcome.shortlisted == outcome.rejected == []
        assert snapshot(sql, run_wf)["states"] == before["states"]


# ================================================================ publicity (R16) and the calendar
def test_R16_publicity_across_national_day_2025_ends_on_2025_10_09(imported, sql):
    ids = ids_in_state(imported, S.APPLIED)
    rnd = round_of(imported, ids[0])
    shortlist_and_confirm(imported, rnd, date(2025, 6, 10))
    decision_ops.record_selection(imported, rnd, ids, date(2025, 9, 19))

    approve_and_publicise(imported, ids, RECOGNITION, date(2025, 9, 26))

    for i in ids:  # Fri 09-26, make-up Sun 09-28, 09-29, 09-30, then 10-01…10-08 off, 10-09
        assert publicity_data(sql, imported, i) == {"purpose": "recognition", "ends_on": "2025-10-09"}
        end = deadline(imported, i, "publicity_end")
        assert (end.due, end.rule, end.provisional_reason) == (date(2025, 10, 9), "R16", None)
    with pytest.raises(RuleViolation) as refused:
        decision_ops.record(imported, ids[0], Event.of(Kind.RECOGNISED, date(2025, 10, 9)))
    assert refused.value.rule == "R16"
    assert stored_state(sql, imported, ids[0]) == S.SELECTED.value

    decision_ops.record(imported, ids[0], Event.of(Kind.RECOGNISED, date(2025, 10, 10)))

    assert stored_state(sql, imported, ids[0]) == S.RECOGNISED.value
    assert [d.what for d in status_by_id(imported)[ids[0]].deadlines] == ["y1_assessment"]
    assert deadline(imported, ids[0], "y1_assessment").due == date(2026, 10, 10)


def test_R16_publicity_in_2027_without_an_arrangement_is_provisional(wf, make_app, sql):
    _, ids = selected_round(wf, make_app, 2027, 1)

    approve_and_publicise(wf, ids, RECOGNITION, date(2027, 9, 29))

    data = publicity_data(sql, wf, ids[0])
    assert data["ends_on"] == "2027-10-05"  # Mon–Fri only: 09-29, 09-30, 10-01, 10-04, 10-05
    assert "2027" in data["provisional_reason"] and "暂定" in data["provisional_reason"]
    end = deadline(wf, ids[0], "publicity_end")
    assert end.due == date(2027, 10, 5)
    assert end.provisional_reason == data["provisional_reason"]


def test_R16_publicity_after_entering_the_2027_arrangement_skips_its_holidays(wf, make_app, sql):
    _, ids = selected_round(wf, make_app, 2027, 1)

    years = decision_ops.save_arrangements(wf, parse_arrangement(ARRANGEMENT_2027, source="2027.txt")).value
    approve_and_publicise(wf, ids, RECOGNITION, date(2027, 9, 29))

    assert years == [2027]
    assert decisions.calendar_of(wf).knows(2027)
    assert last_audit(sql, wf)[0] == "decision.publicity_started"
    # 09-29, 09-30, (10-01…10-07 off), 10-08, make-up Sat 10-09, 10-11
    assert publicity_data(sql, wf, ids[0]) == {"purpose": "recognition", "ends_on": "2027-10-11"}
    end = deadline(wf, ids[0], "publicity_end")
    assert (end.due, end.provisional_reason) == (date(2027, 10, 11), None)
    with pytest.raises(RuleViolation) as refused:
        decision_ops.record(wf, ids[0], Event.of(Kind.RECOGNISED, date(2027, 10, 11)))
    assert refused.value.rule == "R16"

    decision_ops.record(wf, ids[0], Event.of(Kind.RECOGNISED, date(2027, 10, 12)))

    assert stored_state(sql, wf, ids[0]) == S.RECOGNISED.value


def test_R16_entering_the_arrangement_later_corrects_a_provisional_publicity_end(wf, make_app, sql):
    _, ids = selected_round(wf, make_app, 2027, 1)
    approve_and_publicise(wf, ids, RECOGNITION, date(2027, 9, 29))  # provisional: 2027-10-05

    decision_ops.save_arrangements(wf, parse_arrangement(ARRANGEMENT_2027, source="2027.txt"))

    end = deadline(wf, ids[0], "publicity_end")
    assert (end.due, end.provisional_reason) == (date(2027, 10, 11), None)
    with pytest.raises(RuleViolation):
        decision_ops.record(wf, ids[0], Event.of(Kind.RECOGNISED, date(2027, 10, 6)))


def test_R16_publicity_of_an_unselected_application_is_refused_for_the_whole_list(wf, make_app, sql):
    ids = import_rows(wf, [(f"p.xlsx:{n + 2}", make_app(n)) for n in range(1, 3)])
    rnd = round_of(wf, ids[0])
    shortlist_and_confirm(wf, rnd, date(2025, 6, 10))
    decision_ops.record_selection(wf, rnd, ids[:1], date(2025, 9, 19))
    before = snapshot(sql, wf)

    with pytest.raises(RuleViolation) as refused:
        approve_and_publicise(wf, ids, RECOGNITION, date(2025, 9, 26))

    assert refused.value.rule == "R16"
    assert snapshot(sql, wf) == before  # not even the selected one is in publicity


# ================================================================ status and due_within
def test_R17_R16_due_within_on_the_demo_lists_the_overdue_assessment_and_the_publicity_end(run_wf):
    rows = decisions.status(run_wf)
    assert len(rows) == 84

    due = decisions.due_within(rows, TODAY)

    listed = {(r.application_id, d.what, d.due, d.rule) for r, d in due}
    recognised = ids_in_state(run_wf, S.RECOGNISED, 2025)
    selected = ids_in_state(run_wf, S.SELECTED, 2026)
    assert len(recognised) == 2 and len(selected) == 20
    for i in recognised:  # recognised 2025-10-16, not assessed: overdue since 2026-10-16 (R17)
        assert (i, "y1_assessment", date(2026, 10, 16), "R17") in listed
    for i in selected:
        assert (i, "publicity_end", date(2026, 11, 26), "R16") in listed
    assert [d.due for _, d in due] == sorted(d.due for _, d in due)
    assert all(d.due <= date(2027, 1, 24) for _, d in due)
    assert not any(d.due == date(2027, 10, 16) for _, d in due)  # year-2 assessments are further away


def test_R4_R21_ban_ends_are_never_in_due_within(run_wf):
    rows = decisions.status(run_wf)
    bans = [(r, d) for r in rows for d in r.deadlines if d.what == "ban_end"]
    assert {(d.rule, d.due) for _, d in bans} == {("R21", date(2028, 6, 30))}  # the withdrawn centre
    assert {r.ban_until for r in rows if r.ban_until} == {date(2027, 3, 10), date(2028, 6, 30)}

    due = decisions.due_within(rows, TODAY, days=2000)

    assert due and all(d.what != "ban_end" for _, d in due)


def test_status_agrees_with_the_stored_states_and_the_support_granted(run_wf, sql):
    rows = decisions.status(run_wf)

    assert {r.application_id: r.state for r in rows} == dict(sql(run_wf).rows(
        "SELECT id, state FROM applications WHERE assesses_application_id IS NULL"))
    supported = Counter(r.supported_yuan for r in rows)
    assert supported[Decimal("500000")] == 5  # five year-1 supports granted, one held by an objection
    assert set(supported) == {Decimal(0), Decimal("500000")}


# ================================================================ queries.application_rows
def test_application_rows_review_and_next_due_follow_the_decisions(run_wf):
    status = status_by_id(run_wf)

    rows = queries.application_rows(run_wf)

    assert len(rows) == 84
    for row in rows:
        assert row.state == status[row.id].state
        assert row.review == ("fail" if row.state == "rejected" else "pass"), row
        first = next((d for d in status[row.id].deadlines if d.what != "ban_end"), None)
        assert row.next_due == (first.due if first else None), row
        assert row.next_due_detail == (first.detail if first else "")
    assert Counter(r.review for r in rows)["fail"] == len([r for r in rows if r.state == "rejected"]) > 0
    assert any(r.next_due == date(2026, 10, 16) and r.next_due_detail == "可申请第一年度考核" for r in rows)


def test_application_rows_review_is_live_while_applied(untouched_wf):
    rows = queries.application_rows(untouched_wf)

    assert {r.state for r in rows} == {"applied"}
    assert {r.next_due for r in rows} == {None}
    for row in rows[::7]:
        assert row.review == verdict(decisions.formal_review_of(untouched_wf, row.id)).value
    assert {"pass", "fail", "manual"} <= {r.review for r in rows}

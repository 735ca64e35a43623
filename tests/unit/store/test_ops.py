"""The operations layer (issue 16): every change is one operation in store/ops/, one write
transaction per user action, a refusal leaves the file's bytes as they were, every audit event
names the device, the role and the person, and nothing outside store/ops/ writes."""

from __future__ import annotations

import ast
import hashlib
import importlib
import pkgutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from hvp_desktop.domain.formal_review import Outcome
from hvp_desktop.domain.lifecycle import Event, Kind
from hvp_desktop.domain.model import ConflictSource, RoundKind, SeatRole
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.store import audit, decisions, panel, queries, ranking, sheets
from hvp_desktop.store import ops as ops_package
from hvp_desktop.store.models import AuditEvent, Expert
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import ranking as ranking_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from hvp_desktop.store.ops.core import Changes, batch
from tests.unit.store.conftest import make_application
from tests.unit.store.scored_round import SIGNATURE, make_an_outlier

PACKAGE = Path(ops_package.__file__).parent
SOURCE = PACKAGE.parent.parent


def _writes_in(path: Path) -> list[int]:
    """Lines of `path` that open a write session (`.session(write=True)`)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "session":
            if any(k.arg == "write" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                   for k in node.keywords):
                found.append(node.lineno)
    return found


def test_only_the_operations_core_opens_a_write_transaction():
    offenders = {str(p.relative_to(SOURCE)): lines for p in SOURCE.rglob("*.py")
                 if (lines := _writes_in(p)) and p != PACKAGE / "core.py"}
    assert offenders == {}, "a change outside store/ops/ (it must be an operation)"
    assert _writes_in(PACKAGE / "core.py"), "the checker finds the one place"


def test_the_checker_finds_a_write_session():
    sample = Path(__file__).with_name("_sample_write.py")
    sample.write_text("def f(wf):\n    with wf.session(write=True) as s:\n        pass\n", encoding="utf-8")
    try:
        assert _writes_in(sample) == [2]
    finally:
        sample.unlink()


def test_every_public_function_of_an_ops_module_is_an_operation():
    for info in pkgutil.iter_modules([str(PACKAGE)]):
        if info.name == "core":
            continue
        module = importlib.import_module(f"hvp_desktop.store.ops.{info.name}")
        for name, value in vars(module).items():
            if callable(value) and getattr(value, "__module__", "") == module.__name__ and not name.startswith("_") \
                    and not isinstance(value, type) and name[0].islower():
                helpers = {"record_event", "check_selection_count", "rectification_year", "refuse_conflicted_assignment"}
                assert getattr(value, "operation", False) or name in helpers, f"{module.__name__}.{name}"


# -- one transaction per user action --------------------------------------------------------
def _one(wf, op, *args, **kwargs) -> Changes:
    before = wf.write_transactions
    changes = op(wf, *args, **kwargs)
    assert wf.write_transactions - before == 1, f"{op.__name__} took {wf.write_transactions - before} transactions"
    assert isinstance(changes, Changes)
    return changes


def test_every_scoring_action_is_one_transaction(rnd):
    wf = rnd.wf
    rubric = sheets.rubric_by_label(wf, rnd.label)
    expert, app = rnd.reserve, rnd.apps[0]
    panel_ops.assign(wf, expert, [app])
    first = _one(wf, sheet_ops.score, expert, app, rubric, "A1", Decimal(30), "")  # creates the draft too
    assert first.sheets and first.value.entries["A1"][0] == Decimal(30)
    for code, points in (("A2", 15), ("B1", 20), ("B2", 5)):
        _one(wf, sheet_ops.score, expert, app, rubric, code, Decimal(points), "")
    sheet = first.value
    done = _one(wf, sheet_ops.submit, sheet.id, statement_confirmed=True, signature_strokes=SIGNATURE[0],
                signature_png=SIGNATURE[1])
    assert done.value.status == "submitted" and done.sheets == {sheet.id}
    corrected = _one(wf, sheet_ops.correct, sheet.id, "现场复核后更正")
    assert corrected.value.revision == 2 and corrected.sheets == {sheet.id, corrected.value.id}
    _one(wf, panel_ops.record_conflict, rnd.experts[1], rnd.apps[1], ConflictSource.DECLARED, "亲属在该企业任职")


def test_a_paper_sheet_accepted_is_one_transaction(rnd):
    wf = rnd.wf
    expert, app = rnd.reserve, rnd.apps[2]
    panel_ops.assign(wf, expert, [app])
    keyed = {"A1": Decimal(30), "A2": Decimal(15), "B1": Decimal(20), "B2": Decimal(5)}
    _one(wf, sheet_ops.save_keying, expert, app, 1, keyed)
    _one(wf, sheet_ops.save_keying, expert, app, 2, keyed)
    accepted = _one(wf, sheet_ops.accept_keyings, expert, app, rnd.label)  # was 4 transactions
    assert (accepted.value.status, accepted.value.transcribed) == ("submitted", True)


def test_every_ranking_action_is_one_transaction(rnd):
    wf = rnd.wf
    app, expert = make_an_outlier(rnd)
    flag = next(f for f in ranking.analyse_round(wf, rnd.round_id).analysis.flags if f.application == app)
    explained = _one(wf, ranking_ops.explain_flag, flag, "chair", "评审组合议认可")
    assert explained.ranking == {rnd.round_id}
    _one(wf, ranking_ops.set_settings, rnd.round_id, Method.MEDIAN, Decimal(30), ())
    view = ranking.analyse_round(wf, rnd.round_id)
    tied = view.analysis.unresolved_at_line
    assert tied, "the median ties the third and fourth at the line"
    for f in view.unexplained():
        _one(wf, ranking_ops.explain_flag, f, "chair", "评审组合议认可")
    _one(wf, ranking_ops.decide_tie, rnd.round_id, tied, "经合议，以建设方案完整者列前")
    locked = _one(wf, ranking_ops.consolidate, rnd.round_id, date(2025, 9, 19))
    assert set(rnd.apps) <= locked.applications and locked.decisions
    _one(wf, ranking_ops.reopen, rnd.round_id, "发现录入错误，撤回确认", date(2025, 9, 20))


def test_every_secretariat_action_is_one_transaction(wf, tmp_path):
    rows = [(f"t.xlsx:{n}", make_application(n)) for n in range(1, 5)]
    imported = _one(wf, app_ops.import_applications, rows, remember={"备注": "ignore"})  # and the mapping
    assert imported.value.added == 4 and imported.mappings == {"备注"}
    app_ids = sorted(imported.applications)
    round_id = next(iter(imported.rounds))
    _one(wf, decision_ops.set_places, round_id, 2)
    for app_id in app_ids:
        for check in decisions.formal_review_of(wf, app_id):
            if check.outcome == Outcome.MANUAL:
                _one(wf, decision_ops.override_check, app_id, check.key, Outcome.PASS, "已核对原件")
    shortlisted = _one(wf, decision_ops.shortlist_round, round_id, date(2025, 6, 10))
    assert set(shortlisted.value.shortlisted) == set(app_ids) and shortlisted.decisions == set(app_ids)
    expert = _one(wf, panel_ops.add_expert, "周明", "暨南大学").value
    _one(wf, panel_ops.seat, round_id, expert, SeatRole.CHAIR)
    _one(wf, panel_ops.assign, expert, app_ids)
    table = rubrics.default_rubrics()["recognition"]
    chosen = _one(wf, sheet_ops.set_round_rubric, round_id, table)  # kept and chosen: was 2 transactions
    assert chosen.rubrics == {table.label} and chosen.settings == {round_id}
    _one(wf, decision_ops.confirm_shortlist, round_id, date(2025, 6, 20), "穗埔知字〔2025〕1号")
    _one(wf, decision_ops.record_selection, round_id, app_ids[:2], date(2025, 9, 19))
    _one(wf, decision_ops.approve_list, app_ids[:2], "recognition", date(2025, 9, 22), "党组会议纪要〔2025〕1号")
    _one(wf, decision_ops.start_publicity, app_ids[:2], "recognition", date(2025, 9, 22))
    _one(wf, decision_ops.record, app_ids[0], Event.of(Kind.OBJECTION_FILED, date(2025, 9, 23),
                                                         purpose="recognition", text="举报"))
    from hvp_desktop.domain.dates import parse_arrangement

    calendar = _one(wf, decision_ops.save_arrangements, parse_arrangement("2027-01-01~2027-01-03 休", source="t"))
    assert calendar.calendar == {2027}
    _one(wf, decision_ops.add_recognised_centre, "91440112MA5D0QX12R", "某某公司", "cultivation")


def test_opening_an_assessment_round_is_one_transaction(demo_wf):
    opened = _one(demo_wf, ranking_ops.open_assessment_round, 2027, RoundKind.YEAR1)
    assert opened.rounds == {opened.value} and opened.applications


def test_a_batch_composes_operations_into_one_transaction_and_a_refusal_undoes_it_all(wf, sql):
    before = wf.write_transactions
    with batch(wf):
        a = panel_ops.add_expert(wf, "甲").value
        b = panel_ops.add_expert(wf, "乙").value
    assert wf.write_transactions - before == 1 and a != b
    counts = sql(wf).count("experts"), sql(wf).count("audit_events")
    with pytest.raises(RuleViolation):
        with batch(wf):
            panel_ops.add_expert(wf, "丙")
            panel_ops.add_expert(wf, "  ")  # refused: the whole batch goes
    assert (sql(wf).count("experts"), sql(wf).count("audit_events")) == counts


# -- a refusal leaves the file byte for byte --------------------------------------------------
def _bytes(wf) -> tuple[str, ...]:
    parts = [wf.path, Path(f"{wf.path}-wal")]
    return tuple(hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in parts)


REFUSED = {
    "an empty expert name": lambda r: panel_ops.add_expert(r.wf, " "),
    "a score above the maximum": lambda r: sheet_ops.save_entry(
        r.wf, sheets.current_sheet(r.wf, r.experts[0], r.apps[0]).id, "A1", Decimal(99)),
    "a conflict without a reason": lambda r: panel_ops.record_conflict(r.wf, r.experts[0], r.apps[0],
                                                                       ConflictSource.DECLARED, "  "),
    "places above 20 (R14)": lambda r: decision_ops.set_places(r.wf, r.round_id, 21),
    "a tie decision without a tie": lambda r: ranking_ops.decide_tie(r.wf, r.round_id, r.apps[:2], "理由"),
    "confirming before every flag is explained": None,  # filled below
    "a correction without a reason": lambda r: sheet_ops.correct(
        r.wf, sheets.current_sheet(r.wf, r.experts[0], r.apps[0]).id, ""),
    "another rubric once scoring started": lambda r: sheet_ops.set_round_rubric(
        r.wf, r.round_id, rubrics.default_rubrics()["recognition"]),
}


def _confirm_with_an_unexplained_flag(r):
    make_an_outlier(r)
    return ranking_ops.consolidate(r.wf, r.round_id, date(2025, 9, 19))


REFUSED["confirming before every flag is explained"] = _confirm_with_an_unexplained_flag


@pytest.mark.parametrize("what", sorted(REFUSED))
def test_a_refused_operation_leaves_the_files_bytes_unchanged(rnd, what):
    if what == "confirming before every flag is explained":
        make_an_outlier(rnd)  # written first: only the refused confirmation is under test
        refused = lambda r: ranking_ops.consolidate(r.wf, r.round_id, date(2025, 9, 19))  # noqa: E731
    else:
        refused = REFUSED[what]
    queries.round_info(rnd.wf, rnd.round_id)  # the file in use (opening it makes its empty WAL)
    before_tx = rnd.wf.write_transactions
    before = _bytes(rnd.wf)
    with pytest.raises(RuleViolation) as info:
        refused(rnd)
    assert _bytes(rnd.wf) == before
    assert rnd.wf.write_transactions - before_tx <= 1
    assert info.value.rule and info.value.en and info.value.en != info.value.zh


# -- who did it -------------------------------------------------------------------------------
def _last_event(wf) -> AuditEvent:
    with wf.session() as s:
        return s.query(AuditEvent).filter(AuditEvent.action != "rows").order_by(AuditEvent.seq.desc()).first()


def test_every_audit_event_names_the_device_the_role_and_the_person(rnd):
    wf = rnd.wf
    device = wf.meta_value("device_id")
    assert device and len(device) == 36
    with wf.session() as s:
        uuids = {e.id: e.uuid for e in s.query(Expert)}
    rubric = sheets.rubric_by_label(wf, rnd.label)
    panel_ops.assign(wf, rnd.reserve, [rnd.apps[0]])
    sheet_ops.score(wf, rnd.reserve, rnd.apps[0], rubric, "A1", Decimal(20), "")
    ev = _last_event(wf)
    assert (ev.device, ev.role, ev.person, ev.actor, ev.v) == (device, "expert", uuids[rnd.reserve], "专家6", 2)
    panel_ops.seat(wf, rnd.round_id, rnd.reserve, SeatRole.MEMBER)
    panel_ops.add_expert(wf, "新专家")
    ev = _last_event(wf)
    assert (ev.device, ev.role) == (device, "secretary")
    ranking_ops.set_settings(wf, rnd.round_id, Method.MEAN, Decimal(15), ())
    ev = _last_event(wf)
    assert (ev.role, ev.person) == ("chair", uuids[rnd.experts[0]])
    with wf.session() as s:
        report = audit.verify(s)
        events = s.query(AuditEvent).all()
    assert report.ok
    assert len({e.uuid for e in events}) == len(events)  # every event its own identity


def test_the_chain_catches_an_edited_identity(rnd, sql):
    panel_ops.add_expert(rnd.wf, "新专家")
    seq = sql(rnd.wf).scalar("SELECT max(seq) FROM audit_events")
    sql(rnd.wf).execute("UPDATE audit_events SET role = 'chair' WHERE seq = ?", (seq,))
    with rnd.wf.session() as s:
        assert not audit.verify(s).ok


def test_changes_name_exactly_what_was_touched(rnd):
    first, second = rnd.apps[0], rnd.apps[1]
    changes = panel_ops.record_conflict(rnd.wf, rnd.experts[2], first, ConflictSource.RECORDED, "曾任该企业顾问")
    assert changes.conflicts == {first} and changes.assignments == {first} and changes.applications == {first}
    assert not changes.sheets and not changes.rounds and second not in changes.applications
    assert changes.describe() == {"applications": [first], "assignments": [first], "conflicts": [first]}
    assert not Changes() and (Changes(rounds=frozenset({1})) | changes).rounds == {1}


def test_queries_see_what_an_operation_committed(rnd):
    expert = panel_ops.add_expert(rnd.wf, "新专家").value
    assert expert in {m.expert_id for m in panel.round_panel(rnd.wf, rnd.round_id)}
    assert queries.round_info(rnd.wf, rnd.round_id).places == 3

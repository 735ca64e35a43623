"""Blind scoring: an expert's own file holds only their applications and their own sheets, copied
through the operations layer with every record's UUID (issue 16)."""

from __future__ import annotations

import json

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import audit, copies, decisions, expert_file, heads, panel, queries, sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, Expert, ScoreSheet
from hvp_desktop.store.ops import copies as copy_ops
from hvp_desktop.store.ops import sheets as sheet_ops

PASSWORD = "expert-pass-1"


def _write(demo_wf, tmp_path, name="张伟"):
    experts = {n: i for i, n in panel.panel_experts(demo_wf)}
    path = tmp_path / f"{name}.hvpdb"
    counts = expert_file.write_expert_file(demo_wf, experts[name], path, PASSWORD)
    return experts[name], path, counts


def test_the_expert_file_holds_only_their_own_work(demo_wf, tmp_path):
    conflicted, path, counts = _write(demo_wf, tmp_path)  # 张伟 declared a conflict in the demo
    before = panel.assignments_of(demo_wf, conflicted)
    with demo_wf.session() as s:
        assigned = {s.get(Application, a).uuid for a, _n, _s in before}
        own_sheets = {x.uuid for x in s.query(ScoreSheet).filter(ScoreSheet.expert_id == conflicted)
                      if s.get(Application, x.application_id).uuid in assigned}
        expert_uuid = s.get(Expert, conflicted).uuid
    assert counts["experts"] == 1 and counts["score_sheets"] == len(own_sheets)
    with WorkingFile.open(path, PASSWORD) as mine:
        me = expert_file.expert_of(mine)
        with mine.session() as s:
            assert {e.uuid for e in s.query(Expert)} == {expert_uuid}
            assert {x.uuid for x in s.query(ScoreSheet)} == own_sheets
            scored = {a.uuid for a in s.query(Application).filter(Application.id.in_(
                [a for a, _n, _st in panel.assignments_of(mine, me)]))}
            assert scored == assigned
            assert audit.verify(s).ok
        app_id = panel.assignments_of(mine, me)[0][0]
        rubric_label = sheets.current_sheet(mine, me, app_id).rubric_label
        assert sheets.rubric_by_label(mine, rubric_label).max_total == 100
    assert not path.read_bytes().startswith(b"SQLite format 3")  # encrypted under its own password


def test_the_expert_file_passes_check_and_shows_no_outcome_of_other_reviews(demo_wf, tmp_path):
    """Issue 18: `check` reported 33 mismatches in an expert's file (states copied without their
    decisions), and the expert saw who was selected and the preliminary scores."""
    me, path, _counts = _write(demo_wf, tmp_path, "李明")
    with WorkingFile.open(path, PASSWORD) as mine:
        assert decisions.state_mismatches(mine) == []
        assert queries.replay_report(mine).problems == [] and queries.replay_report(mine).baseline
        assert queries.head_problems(mine) == []
        rows = queries.application_rows(mine)
        assert rows and {r.state for r in rows} == {"applied"}
        with mine.session() as s:
            assert s.query(Application).filter(Application.preliminary_score.is_not(None)).count() == 0
            # the master's head it was made at, in the expert's own chain
            installed = s.query(audit.AuditEvent).filter_by(action="copy.installed").one()
    with demo_wf.session() as s:  # the master has both
        assert s.query(Application).filter(Application.preliminary_score.is_not(None)).count() > 0
        assert s.query(Application).filter(Application.state != "applied").count() > 0
        assert json.loads(installed.payload)["from_head"] == heads.current(s).text()


def test_every_record_keeps_its_uuid_and_content_there_and_back(demo_wf, tmp_path):
    """Master → expert's file → a third file, and back into the master: every record is found by
    its UUID with the same content, and installing it again changes nothing."""
    _expert, path, _counts = _write(demo_wf, tmp_path, "李明")
    with WorkingFile.open(path, PASSWORD) as mine:
        with mine.session() as s:
            theirs = copies.whole(s, owner=mine.meta_value("expert_of_this_file"))
            in_expert_file = copies.by_uuid(s, [copy_ops.MODELS[t] for t in copies.TRAVELLING])
    third = WorkingFile.create(tmp_path / "third.hvpdb", "third-pass-1")
    try:
        copy_ops.install(third, theirs)
        with third.session() as s:
            in_third = copies.by_uuid(s, [copy_ops.MODELS[t] for t in copies.TRAVELLING])
    finally:
        third.close()
    with demo_wf.session() as s:
        in_master = copies.by_uuid(s, [copy_ops.MODELS[t] for t in copies.TRAVELLING])
    total = 0
    for table, records in in_expert_file.items():
        assert records == in_third[table], table
        for uid, record in records.items():
            assert copies.same_record(table, in_master[table][uid], record, from_expert=True), (table, uid)
            total += 1
    assert total > 50
    # no outcome of other reviews in the expert's copy (blind scoring), though the master has them
    assert {r["state"] for r in in_expert_file["applications"].values()} == {"applied"}
    assert {r["preliminary_score"] for r in in_expert_file["applications"].values()} == {None}
    assert {r["state"] for uid, r in in_master["applications"].items() if uid in in_expert_file["applications"]} \
        != {"applied"}
    back = copy_ops.install(demo_wf, copies.Snapshot(theirs.tables, None, theirs.device, theirs.refs, blind=True))
    assert all(c["added"] == 0 for c in back.value.values())
    assert not back  # nothing touched


def test_an_expert_file_acts_for_its_expert_only(demo_wf, tmp_path):
    me, path, _counts = _write(demo_wf, tmp_path, "李明")
    with WorkingFile.open(path, PASSWORD) as mine:
        own = expert_file.expert_of(mine)
        try:
            sheet_ops.store_rubric(mine, sheets.rubric_by_label(mine, sheets.stored_rubric_labels(mine)[0][0]))
        except RuleViolation as exc:
            assert exc.rule == "FILE" and "专家本人" in exc.zh and "expert's own" in exc.en
        else:
            raise AssertionError("a secretariat's operation ran in an expert's file")
        assert own is not None

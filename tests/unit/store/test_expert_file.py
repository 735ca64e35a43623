"""Blind scoring: an expert's own file holds only their applications and their own sheets."""

from __future__ import annotations

from hvp_desktop.store import audit, expert_file, panel, queries, sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Expert, ScoreSheet


def test_the_expert_file_holds_only_their_own_work(demo_wf, tmp_path):
    experts = dict((name, i) for i, name in panel.panel_experts(demo_wf))
    conflicted = experts["张伟"]  # declared a conflict with one application in the demo
    before = panel.assignments_of(demo_wf, conflicted)
    path = tmp_path / "张伟.hvpdb"
    counts = expert_file.write_expert_file(demo_wf, conflicted, path, "expert-pass-1")
    assert counts["applications"] == len(before) and counts["experts"] == 1
    with WorkingFile.open(path, "expert-pass-1") as mine:
        assert expert_file.expert_of(mine) == conflicted
        assert {r.id for r in queries.application_rows(mine)} == {a for a, _n, _s in before}
        with mine.session() as s:
            assert {e.name for e in s.query(Expert)} == {"张伟"}
            assert {x.expert_id for x in s.query(ScoreSheet)} == {conflicted}
            assert audit.verify(s).ok
        rubric_label = sheets.current_sheet(mine, conflicted, before[0][0]).rubric_label
        assert sheets.rubric_by_label(mine, rubric_label).max_total == 100
    assert not path.read_bytes().startswith(b"SQLite format 3")  # encrypted under its own password

"""`hvp-desktop expert-file`: the secretary prepares an expert's own file for blind scoring."""

from __future__ import annotations

import json

from hvp_desktop.store import expert_file
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD


def test_expert_file_from_the_command_line(cli, demo_file, tmp_path):
    out = tmp_path / "李明.hvpdb"
    done = cli("expert-file", demo_file, out, "--expert", "李明", "--json", password=DEMO_PASSWORD,
               new_password="li-ming-2026")
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)
    assert counts["score_sheets"] >= 1
    with WorkingFile.open(out, "li-ming-2026") as mine:
        me = expert_file.expert_of(mine)
        assert me is not None
        with mine.engine.connect() as c:  # blind scoring: their own sheets only …
            assert c.exec_driver_sql("SELECT DISTINCT expert_id FROM score_sheets").all() == [(me,)]
            # … other experts appear only as the authors of the earlier visits a re-assessment continues
            others = {r[0] for r in c.exec_driver_sql("SELECT id FROM experts WHERE id <> ?", (me,))}
            visitors = {r[0] for r in c.exec_driver_sql("SELECT DISTINCT expert_id FROM visits")}
            assert others <= visitors
    assert counts["experts"] == 1 + len(others)


def test_an_unknown_expert_is_a_message(cli, demo_file, tmp_path):
    done = cli("expert-file", demo_file, tmp_path / "x.hvpdb", "--expert", "无此人", password=DEMO_PASSWORD,
               new_password="whatever-123")
    assert done.returncode == 1 and "无此人" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.hvpdb").exists()

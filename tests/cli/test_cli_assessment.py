"""`hvp-desktop assessment-round`: a year's assessment round of the centres it is for (R17/R18)."""

from __future__ import annotations

import json

from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD


def test_R17_a_year1_round_takes_the_recognised_centres_not_yet_assessed(cli, demo_file):
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        waiting = sorted(r.enterprise_name for r in queries.application_rows(wf) if r.state == "recognised")
    assert waiting, "the demo keeps centres recognised in 2025 and not assessed yet"

    done = cli("assessment-round", demo_file, "--year", "2027", "--kind", "year1", "--json", password=DEMO_PASSWORD)

    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert sorted(payload["centres"]) == waiting
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        assert (payload["round"], "2027年度第一年度考核") in queries.round_list(wf)
        # the rows of an assessment round are not applications: the list is unchanged
        assert len(queries.application_rows(wf)) == 84


def test_R17_the_same_round_twice_and_a_centre_already_being_assessed_are_refused(cli, demo_file):
    again = cli("assessment-round", demo_file, "--year", "2026", "--kind", "year1", password=DEMO_PASSWORD)
    assert again.returncode == 1 and "R17" in again.stderr and "Traceback" not in again.stderr
    # the demo's two rectifying centres are in the 2026 rectification round, still at work
    busy = cli("assessment-round", demo_file, "--year", "2027", "--kind", "rectification", password=DEMO_PASSWORD)
    assert busy.returncode == 1 and "没有处于该考核阶段的建设单位" in busy.stderr

"""`hvp-desktop rank`: a round's ranking from the command line."""

from __future__ import annotations

import json

from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD


def test_cli_rank_json_lists_the_round_by_score(cli, demo_file):
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        round_id = next(r.round_id for r in queries.application_rows(wf) if r.year == 2026)
    done = cli("rank", demo_file, "--round", str(round_id), "--method", "median", "--json", password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    scores = [float(r["score"]) for r in payload["rows"]]
    assert payload["method"] == "median" and scores == sorted(scores, reverse=True) and len(scores) >= 5
    assert any(r["missing"] for r in payload["rows"])  # the demo's two drafts are reported, not zero

"""Issue 18's reliability trials, a bounded sample of what `bench/reliability.py` reports in full:
writers SIGKILLed during scoring, an import and a password change, and saves every 10 ms through a
password change. No change that returned may be lost; every file must open whole (integrity, audit
chain, replay). HVP_TRIALS=N runs N of each kind."""

from __future__ import annotations

import os

import pytest

from tests import trials

N = int(os.environ.get("HVP_TRIALS", "2"))


@pytest.mark.slow
def test_killed_writers_and_password_races_lose_nothing(tmp_path):
    outcomes = trials.run(tmp_path, scoring=N, imports=N, rekeys=N, races=N, seed=os.getpid())
    by_kind = {o.kind: o for o in outcomes}
    assert all(o.runs == N for o in outcomes), outcomes
    assert by_kind["scoring"].commits > 0 and by_kind["password race"].commits > 0  # the trials did write
    assert [(o.kind, o.lost, o.damaged, o.notes) for o in outcomes if o.lost or o.damaged] == []

"""The totals behind a round's ranking: latest submitted sheets, conflicts out, drafts reported."""

from __future__ import annotations

from decimal import Decimal

from hvp_desktop.scoring.aggregate import Method, aggregate
from hvp_desktop.store import panel, queries, sheets
from hvp_desktop.store.ranking import rank_round, round_totals


def _round_2026(wf):
    return next(r.round_id for r in queries.application_rows(wf) if r.year == 2026)


def test_totals_are_the_latest_submitted_sheets_without_conflicted_experts(demo_wf):
    round_id = _round_2026(demo_wf)
    data = round_totals(demo_wf, round_id)
    matrix = panel.sheet_matrix(demo_wf, round_id)
    for (expert, app), state in matrix.cells.items():
        if state == "submitted":
            sheet = sheets.current_sheet(demo_wf, expert, app)
            assert data.totals[app][expert] == sheet.total
        elif state == "conflicted":
            assert expert not in data.totals.get(app, {})
        elif state == "draft":
            assert expert in data.missing[app] and expert not in data.totals.get(app, {})


def test_rank_round_aggregates_and_draws_the_places_line(demo_wf):
    round_id = _round_2026(demo_wf)
    rows, ranking = rank_round(demo_wf, round_id, Method.MEAN)
    data = round_totals(demo_wf, round_id)
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    for r in rows:
        assert r.score == aggregate(list(data.totals[r.application].values()), Method.MEAN)
        assert r.sheets == len(data.totals[r.application])
    assert all(r.inside for r in rows) == (len(rows) <= data.places)
    assert isinstance(rows[0].stdev, Decimal)

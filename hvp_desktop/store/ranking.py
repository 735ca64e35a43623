"""The totals a round's ranking is built from (issue 5, groundwork): per application, each
non-conflicted expert's latest submitted sheet. Drafts and missing sheets are reported, never
counted as zero."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from hvp_desktop.scoring.aggregate import Method, aggregate, outliers, spread
from hvp_desktop.scoring.ranking import Ranking, rank_by_places
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, Conflict, Round, ScoreEntry, ScoreSheet
from hvp_desktop.store.panel import SheetState, sheet_matrix


@dataclass(frozen=True)
class RoundTotals:
    totals: dict[int, dict[int, Decimal]]  # application → expert → total of the latest submitted sheet
    missing: dict[int, list[int]]  # application → experts assigned whose sheet is not submitted
    names: dict[int, str]  # application → enterprise name
    places: int


def round_totals(wf: WorkingFile, round_id: int) -> RoundTotals:
    matrix = sheet_matrix(wf, round_id)
    with wf.session() as s:
        rnd = s.get(Round, round_id)
        conflicted = {(c.expert_id, c.application_id) for c in s.scalars(select(Conflict))}
        latest: dict[tuple[int, int], ScoreSheet] = {}
        for sheet in s.scalars(select(ScoreSheet).join(Application, ScoreSheet.application_id == Application.id)
                               .where(Application.round_id == round_id, ScoreSheet.status == "submitted")
                               .order_by(ScoreSheet.revision)):
            latest[(sheet.expert_id, sheet.application_id)] = sheet
        points: dict[int, list[Decimal]] = {}
        for entry in s.scalars(select(ScoreEntry).where(ScoreEntry.sheet_id.in_([x.id for x in latest.values()]))):
            if entry.points is not None:  # a submitted sheet has every criterion scored
                points.setdefault(entry.sheet_id, []).append(entry.points)
        totals: dict[int, dict[int, Decimal]] = {}
        for (expert, app), sheet in latest.items():
            if (expert, app) not in conflicted:  # a conflicted expert's sheet is left out
                totals.setdefault(app, {})[expert] = sum(points.get(sheet.id, []), Decimal(0))
        places = rnd.places
    missing: dict[int, list[int]] = {}
    for (expert, app), state in matrix.cells.items():
        if state in (SheetState.NOT_STARTED, SheetState.DRAFT):
            missing.setdefault(app, []).append(expert)
    return RoundTotals(totals, missing, dict(matrix.applications), places)


@dataclass(frozen=True)
class RankedRow:
    application: int
    name: str
    rank: int
    score: Decimal
    sheets: int
    range: Decimal
    stdev: Decimal
    outliers: dict[int, Decimal]
    missing: list[int]
    inside: bool


def rank_round(wf: WorkingFile, round_id: int, method: Method) -> tuple[list[RankedRow], Ranking]:
    data = round_totals(wf, round_id)
    scores = {app: aggregate(list(t.values()), method) for app, t in data.totals.items() if t}
    ranking = rank_by_places(scores, data.places)
    rows = []
    for e in ranking.entries:
        experts = data.totals[e.application]
        s = spread(list(experts.values()))
        rows.append(RankedRow(e.application, data.names.get(e.application, ""), e.rank, e.score, len(experts),
                              s.range, s.stdev, outliers(experts), data.missing.get(e.application, []), e.inside))
    return rows, ranking

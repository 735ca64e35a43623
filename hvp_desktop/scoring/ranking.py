"""A round's ranking from aggregated scores, with the rules' lines (issue 5, groundwork).

Lines: the places line (R14/R16, at most 20 selected) for a recognition round; the pass mark
(R17 70 / R18 75, inclusive) for an assessment round. Ties are broken by named rubric sections'
subtotals in order; what is still tied across a line is reported for the chair to decide.
Sensitivity: which applications would fall on the other side of the line under another method.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from hvp_desktop.scoring.aggregate import Method, aggregate


@dataclass(frozen=True)
class Entry:
    application: int
    score: Decimal
    tie_keys: tuple[Decimal, ...] = ()  # section subtotals in the round's tie-break order
    rank: int = 0
    inside: bool = False  # above the line: selected / passed


@dataclass(frozen=True)
class Ranking:
    entries: list[Entry]
    unresolved_at_line: list[int] = field(default_factory=list)  # still tied across the line: the chair decides


def rank_by_places(scores: Mapping[int, Decimal], places: int,
                   tie_keys: Mapping[int, Sequence[Decimal]] | None = None) -> Ranking:
    """Recognition: the first `places` are inside the line (R16). Equal score and tie keys share a rank."""
    tie_keys = tie_keys or {}
    order = sorted(scores, key=lambda a: (scores[a], *tie_keys.get(a, ())), reverse=True)
    entries, previous, rank = [], None, 0
    for position, app in enumerate(order, 1):
        key = (scores[app], tuple(tie_keys.get(app, ())))
        if key != previous:
            rank, previous = position, key
        entries.append(Entry(app, scores[app], tuple(tie_keys.get(app, ())), rank, position <= places))
    unresolved: list[int] = []
    if 0 < places < len(entries):
        last_in, first_out = entries[places - 1], entries[places]
        if last_in.rank == first_out.rank:  # same score and tie keys across the line
            unresolved = [e.application for e in entries if e.rank == last_in.rank]
    return Ranking(entries, unresolved)


def rank_by_pass_mark(scores: Mapping[int, Decimal], pass_mark: Decimal) -> Ranking:
    """Assessment: everyone at or above the mark passes (R17/R18, inclusive); no one is tied out."""
    ranking = rank_by_places(scores, len(scores))
    return Ranking([Entry(e.application, e.score, e.tie_keys, e.rank, e.score >= pass_mark)
                    for e in ranking.entries])


def sensitivity(totals: Mapping[int, Sequence[Decimal]], places: int, method: Method) -> dict[Method, list[int]]:
    """For each other method: the applications whose side of the places line would change."""
    def inside(m: Method) -> set[int]:
        ranking = rank_by_places({a: aggregate(t, m) for a, t in totals.items()}, places)
        return {e.application for e in ranking.entries if e.inside}

    chosen = inside(method)
    return {m: sorted(chosen ^ inside(m)) for m in Method if m != method}

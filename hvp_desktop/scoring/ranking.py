"""A round's ranking from aggregated scores, with the rules' lines drawn in it (issue 5).

Lines: the places line (R14/R16, at most 20 selected) for a recognition round; the shortlist line
(R15: at least 2 × places by preliminary score, everyone if fewer than 40 applied, ties at the
line all kept) for the preliminary scoring; the pass mark (R17 70 / R18 75, inclusive) for an
assessment round.

Ties: sorted by score, then by the round's tie-break keys in order (named rubric sections'
aggregated subtotals). What is still tied across the places line is left to the chair, whose
written order of the tied applications is applied only while it covers exactly that tie.
Sensitivity: which applications would fall on the other side of the line under another method.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from hvp_desktop.domain import rules, selection
from hvp_desktop.scoring.aggregate import Method, aggregate


class LineKind(StrEnum):
    PLACES = "places"  # R14/R16
    SHORTLIST = "shortlist"  # R15
    PASS_MARK = "pass_mark"  # R17/R18


@dataclass(frozen=True)
class Line:
    """The rule line a ranking draws: which rule, and its figure."""

    kind: LineKind
    rule: str
    places: int = 0  # PLACES and SHORTLIST
    pass_mark: Decimal | None = None  # PASS_MARK
    applied: int | None = None  # SHORTLIST: how many applied in all (R15 counts applicants)
    row_marks: tuple[tuple[int, Decimal], ...] = ()  # PASS_MARK: rows re-assessed for another year's mark

    def mark_of(self, application: int) -> Decimal | None:
        return dict(self.row_marks).get(application, self.pass_mark)

    @classmethod
    def places_line(cls, places: int) -> Line:
        return cls(LineKind.PLACES, "R16", places=places)

    @classmethod
    def shortlist_line(cls, places: int, applied: int | None = None) -> Line:
        return cls(LineKind.SHORTLIST, "R15", places=places, applied=applied)

    @classmethod
    def pass_mark_line(cls, year: int) -> Line:
        return cls(LineKind.PASS_MARK, "R17" if year == 1 else "R18", pass_mark=rules.PASS_MARK[year])

    @classmethod
    def pass_marks_of(cls, years: Mapping[int, int]) -> Line:
        """A re-assessment round's line: each row against its own year's mark (R17 70, R18 75)."""
        if len(set(years.values())) <= 1:
            return cls.pass_mark_line(next(iter(years.values()), 1))
        marks = tuple(sorted((app, rules.PASS_MARK[year]) for app, year in years.items() if year == 2))
        return cls(LineKind.PASS_MARK, "R17/R18", pass_mark=rules.PASS_MARK[1], row_marks=marks)


@dataclass(frozen=True)
class Entry:
    application: int
    score: Decimal
    tie_keys: tuple[Decimal, ...] = ()  # section subtotals in the round's tie-break order
    rank: int = 0
    inside: bool = False  # above the line: selected / shortlisted / passed
    chair_placed: bool = False  # its place inside a tie at the line is the chair's written decision


@dataclass(frozen=True)
class Ranking:
    entries: list[Entry]
    unresolved_at_line: list[int] = field(default_factory=list)  # still tied across the line: the chair decides
    chair_order_applied: bool = False

    @property
    def inside_count(self) -> int:
        """Rows above the line: the line is drawn after this many (entries are sorted)."""
        return sum(1 for e in self.entries if e.inside)


def _sorted(scores: Mapping[int, Decimal], tie_keys: Mapping[int, Sequence[Decimal]]) -> list[Entry]:
    order = sorted(scores, key=lambda a: (scores[a], *tie_keys.get(a, ()), -a), reverse=True)
    entries, previous, rank = [], None, 0
    for position, app in enumerate(order, 1):
        key = (scores[app], tuple(tie_keys.get(app, ())))
        if key != previous:
            rank, previous = position, key
        entries.append(Entry(app, scores[app], tuple(tie_keys.get(app, ())), rank))
    return entries


def rank_by_places(scores: Mapping[int, Decimal], places: int,
                   tie_keys: Mapping[int, Sequence[Decimal]] | None = None,
                   chair_order: Sequence[int] | None = None) -> Ranking:
    """Recognition: the first `places` are inside the line (R16). Equal score and tie keys share a
    rank; a group still tied across the line is ordered by `chair_order` when it names exactly
    that group, and otherwise reported as unresolved."""
    entries = _sorted(scores, tie_keys or {})
    if not (0 < places < len(entries)) or entries[places - 1].rank != entries[places].rank:
        return Ranking([replace(e, inside=i < places) for i, e in enumerate(entries)])
    tied_rank = entries[places - 1].rank
    group = [i for i, e in enumerate(entries) if e.rank == tied_rank]
    tied = [entries[i].application for i in group]
    if chair_order is None or sorted(chair_order) != sorted(tied):
        return Ranking([replace(e, inside=i < places) for i, e in enumerate(entries)], tied)
    by_app = {e.application: e for e in entries}
    start = group[0]
    for offset, app in enumerate(chair_order):  # the chair's order gives each its own rank
        entries[start + offset] = replace(by_app[app], rank=tied_rank + offset, chair_placed=True)
    return Ranking([replace(e, inside=i < places) for i, e in enumerate(entries)], [], True)


def rank_by_pass_mark(scores: Mapping[int, Decimal], pass_mark: Decimal,
                      tie_keys: Mapping[int, Sequence[Decimal]] | None = None,
                      row_marks: Mapping[int, Decimal] | None = None) -> Ranking:
    """Assessment: everyone at or above the mark passes (R17/R18, inclusive); no one is tied out.
    `row_marks` gives a row its own mark (a year-2 centre in a re-assessment round)."""
    row_marks = row_marks or {}
    return Ranking([replace(e, inside=e.score >= row_marks.get(e.application, pass_mark))
                    for e in _sorted(scores, tie_keys or {})])


def rank_by_shortlist(scores: Mapping[int, Decimal], places: int, applied: int | None = None) -> Ranking:
    """Preliminary scoring: the R15 shortlist (≥ 2 × places, all below 40 applicants, ties kept)."""
    kept = selection.shortlist(scores, places, applied).shortlisted
    return Ranking([replace(e, inside=e.application in kept) for e in _sorted(scores, {})])


def rank(scores: Mapping[int, Decimal], line: Line, tie_keys: Mapping[int, Sequence[Decimal]] | None = None,
         chair_order: Sequence[int] | None = None) -> Ranking:
    if line.kind == LineKind.PLACES:
        return rank_by_places(scores, line.places, tie_keys, chair_order)
    if line.kind == LineKind.PASS_MARK:
        return rank_by_pass_mark(scores, line.pass_mark, tie_keys, dict(line.row_marks))
    return rank_by_shortlist(scores, line.places, line.applied)


def inside_line(scores: Mapping[int, Decimal], line: Line,
                tie_keys: Mapping[int, Sequence[Decimal]] | None = None) -> set[int]:
    """Who is inside the line, without building the ranking (the chair's tie order aside)."""
    if line.kind == LineKind.PASS_MARK:
        marks = dict(line.row_marks)
        return {a for a, score in scores.items() if score >= marks.get(a, line.pass_mark)}
    if line.kind == LineKind.SHORTLIST:
        return {e.application for e in rank_by_shortlist(scores, line.places, line.applied).entries if e.inside}
    tie_keys = tie_keys or {}
    order = sorted(scores, key=lambda a: (scores[a], *tie_keys.get(a, ()), -a), reverse=True)
    return set(order[:line.places])


def sensitivity(totals: Mapping[int, Sequence[Decimal]], line: Line | int, method: Method,
                tie_keys: Mapping[int, Sequence[Decimal]] | None = None,
                chosen: set[int] | None = None) -> dict[Method, list[int]]:
    """For each other method: the applications whose side of the line would change. `chosen` is
    who is inside by the round's own ranking (with the chair's tie order), when known; under the
    other methods a tie at the places line falls by the same tie-break keys, then by id.
    (`line` may be a number of places, the recognition round's line.)"""
    if isinstance(line, int):
        line = Line.places_line(line)
    if chosen is None:
        chosen = inside_line({a: aggregate(t, method) for a, t in totals.items() if t}, line, tie_keys)
    return {m: sorted(chosen ^ inside_line({a: aggregate(t, m) for a, t in totals.items() if t}, line, tie_keys))
            for m in Method if m != method}

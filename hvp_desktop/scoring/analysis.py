"""The chair's view of a round, computed from the experts' criterion scores (issue 5). Plain Python.

`analyse()` takes what the submitted sheets say (application → expert → criterion → points) and
the round's settings, and returns everything the ranking panel, the CLI and the Excel export
show: one aggregated score per application, its spread, the flags that need a written
explanation before consolidation, the ranking with its rule line, each expert's leniency, the
agreement of the experts' rankings and the sensitivity of the line to the method.

Flags (each needs an explanation by the expert or the chair before the round is consolidated):
- TOTAL: an expert's total is more than the margin (default 15 points) from the mean of the other
  experts' totals on that application (three experts or more, else nobody can be singled out);
- CRITERION: on the criterion where the experts differ most for that application, the range is
  more than half the criterion's maximum; the expert furthest from the others is named.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from enum import StrEnum
from fractions import Fraction
from operator import itemgetter

from hvp_desktop.scoring.aggregate import (
    DEFAULT_MARGIN,
    EXACT_PRECISION,
    Method,
    aggregate,
    agreement_in_words,
    kendalls_w,
    outliers,
    round_half_up,
    spread,
)
from hvp_desktop.scoring.ranking import Line, Ranking, rank, sensitivity

CRITERION_SHARE = Decimal("0.5")  # a criterion's range above half its maximum is worth a word

Points = Mapping[str, Decimal]  # criterion code → points of one submitted sheet


class FlagKind(StrEnum):
    TOTAL = "total"
    CRITERION = "criterion"


@dataclass(frozen=True)
class Flag:
    application: int
    expert: int
    kind: FlagKind
    deviation: Decimal  # the expert's total (or criterion points) minus the others' mean
    criterion: str = ""  # the criterion's code, for a CRITERION flag

    @property
    def key(self) -> tuple[int, int, str, str]:
        """What an explanation is attached to."""
        return self.application, self.expert, self.kind.value, self.criterion


@dataclass(frozen=True)
class CriterionDifference:
    criterion: str
    range: Decimal
    high: int  # expert with the highest points
    low: int  # expert with the lowest points


@dataclass(frozen=True)
class Row:
    application: int
    rank: int
    score: Decimal
    totals: dict[int, Decimal]  # expert → total of the sheet that counts
    range: Decimal
    stdev: Decimal
    inside: bool
    tie_keys: tuple[Decimal, ...] = ()
    flags: tuple[Flag, ...] = ()
    biggest_difference: CriterionDifference | None = None
    missing: tuple[int, ...] = ()  # experts assigned whose sheet is not submitted
    tied_at_line: bool = False  # tied across the places line, for the chair to decide
    chair_placed: bool = False


@dataclass(frozen=True)
class Settings:
    method: Method = Method.TRIMMED_MEAN
    margin: Decimal = DEFAULT_MARGIN
    criterion_share: Decimal = CRITERION_SHARE
    tie_breaks: tuple[str, ...] = ()  # section codes, in order


@dataclass(frozen=True)
class Analysis:
    settings: Settings
    line: Line
    rows: list[Row]
    ranking: Ranking
    leniency: dict[int, Decimal]  # expert → mean of (own total − others' mean), over the round
    kendall_w: Decimal | None
    agreement: str
    sensitivity: dict[Method, list[int]]
    without_sheets: list[int] = field(default_factory=list)  # applications no submitted sheet counts for yet

    @property
    def flags(self) -> list[Flag]:
        return [f for r in self.rows for f in r.flags]

    @property
    def unresolved_at_line(self) -> list[int]:
        return self.ranking.unresolved_at_line


def section_subtotals(points: Points, sections: Mapping[str, Sequence[str]], codes: Sequence[str]) -> tuple[Decimal, ...]:
    return tuple(sum((points.get(c, Decimal(0)) for c in sections[code]), Decimal(0)) for code in codes)


def _grid(sheets: Mapping[int, Points], codes: Sequence[str]) -> tuple[list[int], list[tuple], bool]:
    """The experts (by id), one row of points per expert in `codes` order (None where a code is
    missing), and whether no code is missing: itemgetter keeps 1,000 × 9 × 25 in C."""
    experts = sorted(sheets)
    if len(codes) > 1:
        getter = itemgetter(*codes)
        try:
            return experts, [getter(sheets[e]) for e in experts], True
        except KeyError:
            pass
    return experts, [tuple(sheets[e].get(c) for c in codes) for e in experts], False


def _biggest(experts: list[int], rows: list[tuple], codes: Sequence[str], complete: bool) -> CriterionDifference | None:
    if len(experts) < 2:
        return None
    best: CriterionDifference | None = None
    for code, column in zip(codes, zip(*rows, strict=True), strict=True):
        scored = column if complete else tuple(v for v in column if v is not None)
        if len(scored) < 2:
            continue
        high_value, low_value = max(scored), min(scored)
        difference = high_value - low_value
        if best is None or difference > best.range:
            best = CriterionDifference(code, difference, experts[column.index(high_value)],
                                       experts[column.index(low_value)])
    return best


def biggest_difference(sheets: Mapping[int, Points], codes: Sequence[str] | None = None) -> CriterionDifference | None:
    """The criterion on which the experts' points differ most (first in rubric order on a tie);
    the highest and lowest are named by the smallest expert id among equals."""
    if len(sheets) < 2:
        return None
    codes = list(codes) if codes else list(sheets[min(sheets)])
    experts, rows, complete = _grid(sheets, codes)
    return _biggest(experts, rows, codes, complete)


def criterion_flag(application: int, sheets: Mapping[int, Points], maxima: Mapping[str, Decimal],
                   share: Decimal = CRITERION_SHARE, diff: CriterionDifference | None = None) -> Flag | None:
    """The expert furthest from the others on the criterion the panel differs most on, when that
    criterion's range is more than `share` of its maximum (three experts or more)."""
    diff = diff if diff is not None else biggest_difference(sheets)
    if len(sheets) < 3 or diff is None or diff.range <= share * maxima.get(diff.criterion, Decimal(0)):
        return None
    scored = {e: p[diff.criterion] for e, p in sheets.items() if diff.criterion in p}
    whole, others = sum(scored.values(), Decimal(0)), len(scored) - 1
    deviations = {e: v - (whole - v) / others for e, v in scored.items()}  # v − mean of the others
    expert = max(deviations, key=lambda e: (abs(deviations[e]), -e))
    return Flag(application, expert, FlagKind.CRITERION, round_half_up(deviations[expert]), diff.criterion)


def leniency(totals: Mapping[int, Mapping[int, Decimal]]) -> dict[int, Decimal]:
    """Per expert, the mean over the applications they scored (with at least one other expert)
    of their total minus the mean of the other experts' totals: positive is lenient.

    Exact: each difference is (n·total − whole) / (n − 1); the numerators are added per
    denominator without dividing, and the few sums are divided as fractions at the end, so a
    mean that is exactly on a half cent rounds up (thirds would not add up exactly otherwise)."""
    sums: dict[int, dict[int, Decimal]] = {}  # expert → (n − 1) → Σ (n·total − whole)
    counts: dict[int, int] = {}
    with localcontext() as ctx:
        ctx.prec = EXACT_PRECISION  # sums and products of 2-decimal totals stay exact
        for by_expert in totals.values():
            n = len(by_expert)
            if n < 2:
                continue
            whole = sum(by_expert.values(), Decimal(0))
            for expert, total in by_expert.items():
                per = sums.setdefault(expert, {})
                per[n - 1] = per.get(n - 1, Decimal(0)) + (n * total - whole)
                counts[expert] = counts.get(expert, 0) + 1
        out = {}
        for expert, per in sums.items():
            exact = sum((Fraction(v) / d for d, v in per.items()), Fraction(0)) / counts[expert]
            out[expert] = round_half_up(Decimal(exact.numerator) / Decimal(exact.denominator))
        return out


def analyse(sheets: Mapping[int, Mapping[int, Points]], line: Line, settings: Settings = Settings(), *,
            maxima: Mapping[str, Decimal] | None = None, sections: Mapping[str, Sequence[str]] | None = None,
            missing: Mapping[int, Sequence[int]] | None = None, chair_order: Sequence[int] | None = None,
            chair_basis: Mapping[int, Decimal] | None = None, applications: Sequence[int] = ()) -> Analysis:
    """`sheets`: application → expert → criterion → points, of the sheets that count (submitted,
    latest revision, not conflicted). `maxima`: criterion → max points; `sections`: section code →
    its criterion codes (for tie-breaks). `chair_order`: the chair's order of a tie at the line,
    applied only while the tied applications still have the scores it was decided on
    (`chair_basis`, when given). `applications`: every application of the round, so that one
    without any submitted sheet is reported rather than dropped."""
    with localcontext() as ctx:
        ctx.prec = EXACT_PRECISION  # one exact block: the means inside need no context of their own
        return _analyse(sheets, line, settings, maxima or {}, sections or {}, missing or {}, chair_order,
                        chair_basis, applications)


def _analyse(sheets, line, settings, maxima, sections, missing, chair_order, chair_basis,
             applications) -> Analysis:
    method = settings.method
    tie_codes = tuple(c for c in settings.tie_breaks if c in sections)
    totals: dict[int, dict[int, Decimal]] = {}
    tie_keys: dict[int, tuple[Decimal, ...]] = {}
    differences: dict[int, CriterionDifference | None] = {}
    zero = Decimal(0)
    rubric_codes = list(maxima)
    position = {c: i for i, c in enumerate(rubric_codes)}
    # Section subtotals picked from a row by position (a one-criterion section still gives a tuple).
    tie_pickers = [(lambda row, i=position[sections[c][0]]: (row[i],)) if len(sections[c]) == 1
                   else itemgetter(*(position[x] for x in sections[c])) for c in tie_codes
                   if all(x in position for x in sections[c])]
    if len(tie_pickers) != len(tie_codes):
        rubric_codes = []  # sections name codes outside the rubric: add them up by name instead
    for a, by_expert in sheets.items():
        if not by_expert:
            continue
        codes = list(maxima) or list(by_expert[min(by_expert)])  # rubric order
        experts, rows, complete = _grid(by_expert, codes)
        totals[a] = {e: sum(row if complete else (v for v in row if v is not None), zero)
                     for e, row in zip(experts, rows, strict=True)}
        differences[a] = _biggest(experts, rows, codes, complete)
        if tie_codes:
            if complete and codes == rubric_codes:
                subtotals = [tuple(sum(pick(row), zero) for pick in tie_pickers) for row in rows]
            else:
                subtotals = [section_subtotals(by_expert[e], sections, tie_codes) for e in experts]
            tie_keys[a] = tuple(aggregate([st[i] for st in subtotals], method) for i in range(len(tie_codes)))
    scores = {a: aggregate(list(t.values()), method) for a, t in totals.items()}
    if chair_order and chair_basis is not None and any(scores.get(a) != chair_basis.get(a) for a in chair_order):
        chair_order = None  # decided on other scores: the tie, if any, is the chair's to decide again
    ranking = rank(scores, line, tie_keys, chair_order)
    unresolved = set(ranking.unresolved_at_line)
    rows = []
    for entry in ranking.entries:
        app = entry.application
        by_expert = totals[app]
        s = spread(list(by_expert.values()))
        flags = [Flag(app, e, FlagKind.TOTAL, d) for e, d in sorted(outliers(by_expert, settings.margin).items())]
        diff = differences[app]
        criterion = criterion_flag(app, sheets[app], maxima, settings.criterion_share, diff)
        if criterion is not None:
            flags.append(criterion)
        rows.append(Row(app, entry.rank, entry.score, dict(by_expert), s.range, s.stdev, entry.inside,
                        entry.tie_keys, tuple(flags), diff,
                        tuple(sorted(missing.get(app, ()))), app in unresolved, entry.chair_placed))
    by_expert_app: dict[int, dict[int, Decimal]] = {}
    for a, t in totals.items():
        for e, v in t.items():
            by_expert_app.setdefault(e, {})[a] = v
    w = kendalls_w(by_expert_app)
    chosen = {e.application for e in ranking.entries if e.inside}
    changes = sensitivity({a: list(t.values()) for a, t in totals.items()}, line, method, tie_keys, chosen)
    without = sorted(set(applications) - set(totals))
    return Analysis(settings, line, rows, ranking, leniency(totals), w, agreement_in_words(w), changes, without)

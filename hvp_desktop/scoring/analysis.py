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
from decimal import Decimal
from enum import StrEnum

from hvp_desktop.scoring.aggregate import (
    DEFAULT_MARGIN,
    Method,
    aggregate,
    agreement_in_words,
    exact_mean,
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


def biggest_difference(sheets: Mapping[int, Points]) -> CriterionDifference | None:
    """The criterion on which the experts' points differ most (first in rubric order on a tie)."""
    if len(sheets) < 2:
        return None
    best: CriterionDifference | None = None
    codes = next(iter(sheets.values())).keys()
    for code in codes:
        scored = {e: p[code] for e, p in sheets.items() if code in p}
        if len(scored) < 2:
            continue
        high = max(scored, key=lambda e: (scored[e], -e))
        low = min(scored, key=lambda e: (scored[e], e))
        difference = scored[high] - scored[low]
        if best is None or difference > best.range:
            best = CriterionDifference(code, difference, high, low)
    return best


def criterion_flag(application: int, sheets: Mapping[int, Points], maxima: Mapping[str, Decimal],
                   share: Decimal = CRITERION_SHARE) -> Flag | None:
    """The expert furthest from the others on the criterion the panel differs most on, when that
    criterion's range is more than `share` of its maximum (three experts or more)."""
    diff = biggest_difference(sheets)
    if len(sheets) < 3 or diff is None or diff.range <= share * maxima.get(diff.criterion, Decimal(0)):
        return None
    scored = {e: p[diff.criterion] for e, p in sheets.items() if diff.criterion in p}
    deviations = {e: v - exact_mean([w for f, w in scored.items() if f != e]) for e, v in scored.items()}
    expert = max(deviations, key=lambda e: (abs(deviations[e]), -e))
    return Flag(application, expert, FlagKind.CRITERION, round_half_up(deviations[expert]), diff.criterion)


def leniency(totals: Mapping[int, Mapping[int, Decimal]]) -> dict[int, Decimal]:
    """Per expert, the mean over the applications they scored (with at least one other expert)
    of their total minus the mean of the other experts' totals: positive is lenient."""
    differences: dict[int, list[Decimal]] = {}
    for by_expert in totals.values():
        if len(by_expert) < 2:
            continue
        whole = sum(by_expert.values(), Decimal(0))
        n = len(by_expert)
        for expert, total in by_expert.items():
            differences.setdefault(expert, []).append(total - (whole - total) / (n - 1))
    return {e: round_half_up(exact_mean(d)) for e, d in differences.items()}


def analyse(sheets: Mapping[int, Mapping[int, Points]], line: Line, settings: Settings = Settings(), *,
            maxima: Mapping[str, Decimal] | None = None, sections: Mapping[str, Sequence[str]] | None = None,
            missing: Mapping[int, Sequence[int]] | None = None, chair_order: Sequence[int] | None = None,
            applications: Sequence[int] = ()) -> Analysis:
    """`sheets`: application → expert → criterion → points, of the sheets that count (submitted,
    latest revision, not conflicted). `maxima`: criterion → max points; `sections`: section code →
    its criterion codes (for tie-breaks). `applications`: every application of the round, so that
    one without any submitted sheet is reported rather than dropped."""
    maxima, sections, missing = maxima or {}, sections or {}, missing or {}
    method = settings.method
    totals = {a: {e: sum(p.values(), Decimal(0)) for e, p in by_expert.items()}
              for a, by_expert in sheets.items() if by_expert}
    scores = {a: aggregate(list(t.values()), method) for a, t in totals.items()}
    tie_codes = tuple(c for c in settings.tie_breaks if c in sections)
    tie_keys = {}
    if tie_codes:
        for a, by_expert in sheets.items():
            if by_expert:
                subtotals = [section_subtotals(p, sections, tie_codes) for p in by_expert.values()]
                tie_keys[a] = tuple(aggregate([s[i] for s in subtotals], method) for i in range(len(tie_codes)))
    ranking = rank(scores, line, tie_keys, chair_order)
    unresolved = set(ranking.unresolved_at_line)
    rows = []
    for entry in ranking.entries:
        app = entry.application
        by_expert = totals[app]
        s = spread(list(by_expert.values()))
        flags = [Flag(app, e, FlagKind.TOTAL, d) for e, d in sorted(outliers(by_expert, settings.margin).items())]
        criterion = criterion_flag(app, sheets[app], maxima, settings.criterion_share)
        if criterion is not None:
            flags.append(criterion)
        rows.append(Row(app, entry.rank, entry.score, dict(by_expert), s.range, s.stdev, entry.inside,
                        entry.tie_keys, tuple(flags), biggest_difference(sheets[app]),
                        tuple(sorted(missing.get(app, ()))), app in unresolved, entry.chair_placed))
    by_expert_app: dict[int, dict[int, Decimal]] = {}
    for a, t in totals.items():
        for e, v in t.items():
            by_expert_app.setdefault(e, {})[a] = v
    w = kendalls_w(by_expert_app)
    changes = sensitivity({a: list(t.values()) for a, t in totals.items()}, line, method, tie_keys)
    without = sorted(set(applications) - set(totals))
    return Analysis(settings, line, rows, ranking, leniency(totals), w, agreement_in_words(w), changes, without)

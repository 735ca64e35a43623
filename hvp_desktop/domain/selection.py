"""Shortlisting (R15) and the places of a round (R14, R16)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from hvp_desktop.domain import rules
from hvp_desktop.domain.rules import RuleViolation

K = TypeVar("K")


def check_places(places: int) -> None:
    """R14/R16: at most 20 recognised a year — a hard cap, no reason lifts it."""
    if places < 1:
        raise RuleViolation("R14", "名额至少为1", "A round has at least 1 place.")
    if places > rules.MAX_PLACES_PER_YEAR:
        raise RuleViolation("R14", f"每年认定不超过{rules.MAX_PLACES_PER_YEAR}家",
                            f"At most {rules.MAX_PLACES_PER_YEAR} are recognised a year.")


@dataclass(frozen=True)
class Shortlist:
    shortlisted: frozenset
    not_shortlisted: frozenset
    minimum: int  # how many the rule requires at least
    all_go_through: bool  # R15: fewer than 40 applicants
    line_score: Decimal | None  # the lowest score kept (ties at it are all kept)


def shortlist(scores: Mapping[K, Decimal], places: int, applied: int | None = None,
              at_least: int | None = None) -> Shortlist:
    """R15: shortlist not less than 1:2 (≥ 2 × places) by preliminary score; all of them if fewer
    than 40 applied. The secretariat may shortlist more (`at_least`), never fewer.

    `scores` holds the applications that passed the formal review; `applied` is how many
    applied in all (R15 counts applicants, not eligible ones), by default len(scores).
    Everyone tied with the last one kept is kept too.
    """
    applicants = list(scores)
    required = rules.SHORTLIST_RATIO * places
    if at_least is not None and at_least < required:
        raise RuleViolation("R15", f"备选单位不少于名额的2倍（{required}家），不能只遴选{at_least}家",
                            f"The shortlist is at least twice the places ({required}); {at_least} is too few.")
    if (len(applicants) if applied is None else applied) < rules.ALL_TO_EXPERT_REVIEW_BELOW:
        return Shortlist(frozenset(applicants), frozenset(), len(applicants), True, None)
    if not applicants:  # 40 or more applied, none of them eligible
        return Shortlist(frozenset(), frozenset(), 0, False, None)
    minimum = min(len(applicants), max(required, at_least or 0))
    ranked = sorted(applicants, key=lambda k: scores[k], reverse=True)
    line = scores[ranked[minimum - 1]]
    kept = frozenset(k for k in applicants if scores[k] >= line)
    return Shortlist(kept, frozenset(applicants) - kept, minimum, False, line)


def check_selection(selected_count: int, places: int) -> None:
    """R16: no more selected than places (itself ≤ 20 unless overridden)."""
    if selected_count > places:
        raise RuleViolation("R16", f"拟认定{selected_count}家，超过本轮名额{places}家",
                            f"{selected_count} proposed for recognition: more than the round's {places} places.")

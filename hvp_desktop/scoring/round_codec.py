"""A round's review data (`review.RoundData`) as plain JSON and back, without its points (issue 20
§7): the audit pack carries the round this way and takes the points from the experts' signed
sheets, so `review` can be run again far from the working file. Decimals, dates and times travel
as text, exactly.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.analysis import Settings
from hvp_desktop.scoring.ranking import Line, LineKind
from hvp_desktop.scoring.review import LockView, RoundData, StoredExplanation, StoredTie

VERSION = 1


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def to_plain(data: RoundData) -> dict[str, Any]:
    """Everything of `data` but its rubric (carried on its own) and its points."""
    s, line = data.settings, data.line
    return {
        "v": VERSION,
        "round_id": data.round_id, "title": data.title, "kind": data.kind, "year": data.year,
        "settings": {"method": s.method.value, "margin": str(s.margin), "criterion_share": str(s.criterion_share),
                     "tie_breaks": list(s.tie_breaks)},
        "line": {"kind": line.kind.value, "rule": line.rule, "places": line.places,
                 "pass_mark": None if line.pass_mark is None else str(line.pass_mark), "applied": line.applied,
                 "row_marks": [[a, str(m)] for a, m in line.row_marks]},
        "names": {str(a): n for a, n in data.names.items()},
        "experts": {str(e): n for e, n in data.experts.items()},
        "chair": data.chair,
        "missing": {str(a): list(e) for a, e in data.missing.items()},
        "applications": list(data.applications),
        "explanations": [{"key": list(k), "author": n.author, "text": n.text, "recorded_at": _time(n.recorded_at),
                          "deviation": str(n.deviation)} for k, n in data.explanations.items()],
        "tie": None if data.tie is None else {
            "order": list(data.tie.order), "scores": {str(a): str(v) for a, v in data.tie.scores.items()},
            "reason": data.tie.reason, "recorded_at": _time(data.tie.recorded_at)},
        "history": [{"decided_on": _day(h.decided_on), "method": h.method, "consolidated_at": _time(h.consolidated_at),
                     "reopened_at": _time(h.reopened_at), "reopen_reason": h.reopen_reason,
                     "reopened_on": _day(h.reopened_on)} for h in data.history],
        "reopen_refusal": None if data.reopen_refusal is None else list(data.reopen_refusal),
        "audit_head": data.audit_head,
        "checklist_vetoes": {str(a): list(v) for a, v in data.checklist_vetoes.items()},
    }


def from_plain(plain: dict[str, Any], rubric, points: dict[int, dict[int, dict[str, Decimal]]]) -> RoundData:
    """The round's data again, with `rubric` and the `points` given (ValueError/KeyError/TypeError
    on a malformed or unknown document: the caller names the file)."""
    if plain.get("v") != VERSION:
        raise ValueError(f"unknown round data version {plain.get('v')!r}")
    s, line, tie = plain["settings"], plain["line"], plain["tie"]
    return RoundData(
        round_id=int(plain["round_id"]), title=str(plain["title"]), kind=str(plain["kind"]), year=int(plain["year"]),
        settings=Settings(Method(s["method"]), Decimal(s["margin"]), Decimal(s["criterion_share"]),
                          tuple(s["tie_breaks"])),
        line=Line(LineKind(line["kind"]), str(line["rule"]), int(line["places"]),
                  None if line["pass_mark"] is None else Decimal(line["pass_mark"]), line["applied"],
                  tuple((int(a), Decimal(m)) for a, m in line["row_marks"])),
        rubric=rubric,
        names={int(a): str(n) for a, n in plain["names"].items()},
        experts={int(e): str(n) for e, n in plain["experts"].items()},
        chair=plain["chair"],
        points=points,
        missing={int(a): [int(e) for e in v] for a, v in plain["missing"].items()},
        applications=[int(a) for a in plain["applications"]],
        explanations={(int(n["key"][0]), int(n["key"][1]), str(n["key"][2]), str(n["key"][3])): StoredExplanation(
            n["author"], n["text"], datetime.fromisoformat(n["recorded_at"]), Decimal(n["deviation"]))
            for n in plain["explanations"]},
        tie=None if tie is None else StoredTie([int(a) for a in tie["order"]],
                                               {int(a): Decimal(v) for a, v in tie["scores"].items()},
                                               tie["reason"], datetime.fromisoformat(tie["recorded_at"])),
        history=[LockView(date.fromisoformat(h["decided_on"]), h["method"], datetime.fromisoformat(h["consolidated_at"]),
                          None if h["reopened_at"] is None else datetime.fromisoformat(h["reopened_at"]),
                          h["reopen_reason"],
                          None if h["reopened_on"] is None else date.fromisoformat(h["reopened_on"]))
                 for h in plain["history"]],
        reopen_refusal=None if plain["reopen_refusal"] is None else tuple(plain["reopen_refusal"]),
        audit_head=str(plain["audit_head"]),
        checklist_vetoes={int(a): list(v) for a, v in plain["checklist_vetoes"].items()},
    )

"""The rules applied to the working file, read side: an application's decisions and lifecycle,
its formal review, the list's verdicts and deadlines, the calendar, status and the replay proof.
The decisions themselves are operations in `store/ops/decisions.py`.

Every decision is a lifecycle event (domain/lifecycle.py) stored in `decisions` with its data;
an application's `state` column is only a cache of `replay(its decisions)`, rewritten in the
same transaction, and `state_mismatches` proves the two agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hvp_desktop.domain import formal_review, lifecycle
from hvp_desktop.domain.dates import DayKind, WorkingCalendar, YearArrangement
from hvp_desktop.domain.formal_review import Outcome
from hvp_desktop.domain.lifecycle import Centre, Event, Kind
from hvp_desktop.domain.model import ApplicationState
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.store.applications import application_data
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import (
    Application,
    Ban,
    CalendarDay,
    Decision,
    Meta,
    RecognisedCentre,
    ReviewOverride,
)

_RULE_OF_KIND = {
    Kind.FORMAL_REVIEW_FAILED: "R1", Kind.SHORTLISTED: "R15", Kind.NOT_SHORTLISTED: "R15",
    Kind.SELECTED: "R16", Kind.NOT_SELECTED: "R16", Kind.PUBLICITY_STARTED: "R16",
    Kind.OBJECTION_FILED: "R16", Kind.OBJECTION_DECIDED: "R16", Kind.RECOGNISED: "R16",
    Kind.PUBLICITY_END_CORRECTED: "R16",
    Kind.ASSESSED: "R17", Kind.SUPPORT_GRANTED: "R19", Kind.WITHDRAWN: "R21",
    Kind.SHORTLIST_CONFIRMED: "R15", Kind.LIST_APPROVED: "R16", Kind.ASSESSMENT_REQUESTED: "R17",
    Kind.RECTIFICATION_REPORTED: "R17", Kind.SUPPORT_WITHHELD: "R19",
}



# The states of an application that was selected (and those decided after it): R16 counts them.
SELECTED_OR_LATER = [s.value for s in (
    ApplicationState.SELECTED, ApplicationState.RECOGNISED, ApplicationState.OBJECTION_UPHELD,
    ApplicationState.Y1_PASSED, ApplicationState.RECTIFYING, ApplicationState.ACCEPTED, ApplicationState.REVOKED,
    ApplicationState.WITHDRAWN)]


# -- events in and out of the file -------------------------------------------------------------
def _event(d: Decision) -> Event:
    return Event.of(d.kind, d.decided_on, **json.loads(d.data or "{}"))


def events_of(s: Session, application_id: int) -> list[Event]:
    rows = s.scalars(select(Decision).where(Decision.application_id == application_id).order_by(Decision.id))
    return [_event(d) for d in rows]


_DAMAGED = (RuleViolation, KeyError, ValueError, TypeError, ArithmeticError)


def _replay_or_none(events: list[Event]) -> Centre | None:
    """Views go on showing the list when one history is damaged; `check` reports it."""
    try:
        return lifecycle.replay(events)
    except _DAMAGED:
        return None


def centre_of(s: Session, application_id: int) -> Centre:
    return lifecycle.replay(events_of(s, application_id))




def application_row(s: Session, application_id: int) -> Application:
    app = s.get(Application, application_id)
    if app is None:
        raise InvalidInput(f"没有编号为{application_id}的申报", f"no application with id {application_id}")
    return app


def rule_of(event: Event) -> str:
    """The rule a decision is recorded under."""
    if event.kind == Kind.RESULT_REOPENED:
        return event.data.get("rule", "R16")
    if event.kind in (Kind.ASSESSED, Kind.ASSESSMENT_REQUESTED) and int(event.data["year"]) == 2:
        return "R18"
    if event.kind in (Kind.PUBLICITY_STARTED, Kind.PUBLICITY_END_CORRECTED, Kind.OBJECTION_FILED,
                      Kind.OBJECTION_DECIDED, Kind.LIST_APPROVED) and event.data.get("purpose") != lifecycle.RECOGNITION:
        return "R19"
    return _RULE_OF_KIND[event.kind]



# -- formal review -----------------------------------------------------------------------------
def _bans(s: Session, enterprise_id: int) -> list[formal_review.Ban]:
    return [formal_review.Ban(b.rule, b.starts_on, b.ends_on, b.reason)
            for b in s.scalars(select(Ban).where(Ban.enterprise_id == enterprise_id))]


def _recognised(s: Session, exclude_round: int) -> list[formal_review.RecognisedCentre]:
    """Centres recognised before this round: a round's own recognitions cannot bar each other (R3)."""
    register = [formal_review.RecognisedCentre(r.credit_code, r.name, r.title, r.affiliation_group)
                for r in s.scalars(select(RecognisedCentre))]
    recognised_states = [st.value for st in (ApplicationState.RECOGNISED, ApplicationState.Y1_PASSED,
                                             ApplicationState.RECTIFYING, ApplicationState.ACCEPTED)]
    apps = s.scalars(select(Application).where(Application.state.in_(recognised_states),
                                               Application.round_id != exclude_round)
                     .options(selectinload(Application.enterprise)))
    register += [formal_review.RecognisedCentre(a.enterprise.credit_code, a.enterprise_name,
                                                "cultivation_and_layout", a.affiliation_group) for a in apps]
    return register


def review_checks(s: Session, app: Application) -> list[formal_review.Check]:
    data = application_data(app)
    on = app.applied_on
    overrides = {o.check_key: formal_review.Override(o.check_key, Outcome(o.outcome), o.reason)
                 for o in s.scalars(select(ReviewOverride).where(ReviewOverride.application_id == app.id))}
    return formal_review.review(data, on=on, recognised=_recognised(s, app.round_id),
                                bans=_bans(s, app.enterprise_id), overrides=overrides)


def list_facts(s: Session) -> tuple[dict[int, str], dict[int, lifecycle.Deadline]]:
    """For the application list: each application's formal-review verdict and next deadline.

    Only applications still at 'applied' are reviewed live; later states imply the verdict
    (rejected → fail, anything else → pass), which keeps this cheap for 10,000 rows.
    """
    verdicts: dict[int, str] = {}
    applied = list(s.scalars(select(Application).where(Application.state == ApplicationState.APPLIED.value,
                                                       Application.assesses_application_id.is_(None))
                             .options(selectinload(Application.co_applicants), selectinload(Application.round),
                                      selectinload(Application.enterprise))))
    if applied:
        registers: dict[int, list[formal_review.RecognisedCentre]] = {}
        bans: dict[int, list[formal_review.Ban]] = {}
        for b in s.scalars(select(Ban)):
            bans.setdefault(b.enterprise_id, []).append(formal_review.Ban(b.rule, b.starts_on, b.ends_on, b.reason))
        overrides: dict[int, dict[str, formal_review.Override]] = {}
        for o in s.scalars(select(ReviewOverride)):
            overrides.setdefault(o.application_id, {})[o.check_key] = formal_review.Override(
                o.check_key, Outcome(o.outcome), o.reason)
        for app in applied:
            if app.round_id not in registers:
                registers[app.round_id] = _recognised(s, app.round_id)
            checks = formal_review.review(application_data(app), on=app.applied_on,
                                          recognised=registers[app.round_id], bans=bans.get(app.enterprise_id, ()),
                                          overrides=overrides.get(app.id))
            verdicts[app.id] = formal_review.verdict(checks).value
    events: dict[int, list[Event]] = {}
    for d in s.scalars(select(Decision).order_by(Decision.id)):
        events.setdefault(d.application_id, []).append(_event(d))
    next_due = {}
    for app_id, evs in events.items():
        centre = _replay_or_none(evs)
        if centre is None:
            continue
        verdicts.setdefault(app_id, Outcome.FAIL.value if centre.state == ApplicationState.REJECTED
                            else Outcome.PASS.value)
        dues = [d for d in lifecycle.deadlines(centre) if d.what != "ban_end"]
        if dues:
            next_due[app_id] = dues[0]
    return verdicts, next_due


def formal_review_of(wf: WorkingFile, application_id: int) -> list[formal_review.Check]:
    with wf.session() as s:
        return review_checks(s, application_row(s, application_id))



# -- round-level steps -------------------------------------------------------------------------






# -- calendar ----------------------------------------------------------------------------------
def working_calendar(s: Session) -> WorkingCalendar:
    per_year: dict[int, dict[date, DayKind]] = {}
    for d in s.scalars(select(CalendarDay)):
        per_year.setdefault(d.day.year, {})[d.day] = DayKind(d.kind)
    complete = entered_years(s)
    return WorkingCalendar({y: YearArrangement(y, days, complete=y in complete) for y, days in per_year.items()})


def entered_years(s: Session) -> set[int]:
    row = s.get(Meta, CALENDAR_YEARS)
    return set(json.loads(row.value)) if row else set()


CALENDAR_YEARS = "calendar_years"  # meta key: the years whose whole arrangement was entered


def calendar_of(wf: WorkingFile) -> WorkingCalendar:
    with wf.session() as s:
        return working_calendar(s)




# -- register and bans -------------------------------------------------------------------------


# -- status and proof --------------------------------------------------------------------------
@dataclass(frozen=True)
class StatusRow:
    application_id: int
    year: int
    enterprise_name: str
    credit_code: str
    state: str
    deadlines: list[lifecycle.Deadline]
    ban_until: date | None
    supported_yuan: Decimal


def status(wf: WorkingFile) -> list[StatusRow]:
    with wf.session() as s:
        apps = s.scalars(select(Application).where(Application.assesses_application_id.is_(None))
                         .options(selectinload(Application.round), selectinload(Application.enterprise))
                         .order_by(Application.round_id, Application.enterprise_name))
        decisions: dict[int, list[Event]] = {}
        for d in s.scalars(select(Decision).order_by(Decision.id)):
            decisions.setdefault(d.application_id, []).append(_event(d))
        bans: dict[int, date] = {}
        for b in s.scalars(select(Ban)):
            bans[b.enterprise_id] = max(bans.get(b.enterprise_id, b.ends_on), b.ends_on)
        rows = []
        for a in apps:
            c = _replay_or_none(decisions.get(a.id, []))
            rows.append(StatusRow(a.id, a.round.year, a.enterprise_name, a.enterprise.credit_code,
                                  c.state.value if c else a.state, lifecycle.deadlines(c) if c else [],
                                  bans.get(a.enterprise_id), c.support_total_yuan if c else Decimal(0)))
        return rows


def due_within(rows: Iterable[StatusRow], today: date, days: int = 60) -> list[tuple[StatusRow, lifecycle.Deadline]]:
    """What falls due in the next `days` days, and everything already overdue (ban ends excluded)."""
    horizon = date.fromordinal(today.toordinal() + days)
    out = [(r, d) for r in rows for d in r.deadlines if d.what != "ban_end" and d.due <= horizon]
    return sorted(out, key=lambda pair: pair[1].due)


def state_mismatches(wf: WorkingFile) -> list[str]:
    """Applications whose stored state differs from the replay of their decisions ([] when sound)."""
    problems = []
    with wf.session() as s:
        decisions: dict[int, list[Event]] = {}
        for d in s.scalars(select(Decision).order_by(Decision.id)):
            decisions.setdefault(d.application_id, []).append(_event(d))
        for a in s.scalars(select(Application)):
            try:
                rebuilt = lifecycle.replay(decisions.get(a.id, [])).state.value
            except _DAMAGED as exc:
                problems.append(f"申报{a.id}的决定记录不合规则或已损坏：{type(exc).__name__}: {exc}")
                continue
            if rebuilt != a.state:
                problems.append(f"申报{a.id}的状态为{a.state}，按决定记录应为{rebuilt}")
    return problems

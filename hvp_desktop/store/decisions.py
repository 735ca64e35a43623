"""The rules applied to the working file: formal review, shortlisting, selection, publicity,
objections, assessments, support, withdrawal, and the calendar behind the dates.

Every decision is a lifecycle event (domain/lifecycle.py) stored in `decisions` with its data;
an application's `state` column is only a cache of `replay(its decisions)`, rewritten in the
same transaction, and `state_mismatches` proves the two agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from hvp_desktop.domain import formal_review, lifecycle, rules, selection
from hvp_desktop.domain.dates import DayKind, WorkingCalendar, YearArrangement
from hvp_desktop.domain.formal_review import Outcome
from hvp_desktop.domain.lifecycle import Centre, Event, Kind
from hvp_desktop.domain.model import ApplicationState, RoundKind
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store.audit import AuditLog
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import (
    Application,
    Ban,
    CalendarDay,
    Decision,
    RecognisedCentre,
    ReviewOverride,
    Round,
    ScoreSheet,
)
from hvp_desktop.store.operations import Changes, application_data
from hvp_desktop.store.round_lock import refuse_if_locked

_RULE_OF_KIND = {
    Kind.FORMAL_REVIEW_FAILED: "R1", Kind.SHORTLISTED: "R15", Kind.NOT_SHORTLISTED: "R15",
    Kind.SELECTED: "R16", Kind.NOT_SELECTED: "R16", Kind.PUBLICITY_STARTED: "R16",
    Kind.OBJECTION_FILED: "R16", Kind.OBJECTION_DECIDED: "R16", Kind.RECOGNISED: "R16",
    Kind.PUBLICITY_END_CORRECTED: "R16",
    Kind.ASSESSED: "R17", Kind.SUPPORT_GRANTED: "R19", Kind.WITHDRAWN: "R21",
}


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


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


def record_in_session(s: Session, audit: AuditLog, app: Application, event: Event, note: str | None = None) -> Centre:
    """Apply one event to one application (refused with RuleViolation) and store it."""
    before = centre_of(s, app.id)
    after = lifecycle.apply(before, event)
    rule = event.data.get("rule", "R16") if event.kind == Kind.RESULT_REOPENED else _RULE_OF_KIND[event.kind]
    if event.kind == Kind.ASSESSED and int(event.data["year"]) == 2:
        rule = "R18"
    if event.kind in (Kind.PUBLICITY_STARTED, Kind.PUBLICITY_END_CORRECTED, Kind.OBJECTION_FILED,
                      Kind.OBJECTION_DECIDED) and \
            event.data.get("purpose") != lifecycle.RECOGNITION:
        rule = "R19"
    data = dict(event.data)
    s.add(Decision(application_id=app.id, kind=event.kind.value, rule=rule, decided_on=event.on, note=note,
                   created_at=_now(), data=json.dumps(data, ensure_ascii=False, sort_keys=True)))
    if before.ban is not None and after.ban != before.ban:  # a reopened result takes its ban back
        for ban in s.scalars(select(Ban).where(Ban.enterprise_id == app.enterprise_id, Ban.rule == before.ban.rule,
                                               Ban.starts_on == before.ban.starts_on)):
            s.delete(ban)
    if after.ban is not None and after.ban != before.ban:
        s.add(Ban(enterprise_id=app.enterprise_id, rule=after.ban.rule, reason=after.ban.reason,
                  starts_on=after.ban.starts_on, ends_on=after.ban.ends_on))
    previous_state = app.state
    app.state = after.state
    app.updated_at = _now()
    audit.append(f"decision.{event.kind.value}", "application", app.id,
                 {"on": event.on, "rule": rule, "data": data, "note": note,
                  "state": [previous_state, after.state.value]})
    s.flush()
    return after


def record(wf: WorkingFile, application_id: int, event: Event, note: str | None = None) -> Changes:
    """Record one decision on one application, after the checks that need data beyond its history."""
    with wf.session(write=True) as s:
        app = _application(s, application_id)
        _check_context(s, app, event)
        record_in_session(s, AuditLog(s), app, event, note)
    return Changes(applications=frozenset({application_id}))


def _application(s: Session, application_id: int) -> Application:
    app = s.get(Application, application_id)
    if app is None:
        raise ValueError(f"没有编号为{application_id}的申报 (no such application)")
    return app


def _check_context(s: Session, app: Application, event: Event) -> None:
    """Preconditions that depend on more than the application's own history."""
    if event.kind in (Kind.SHORTLISTED, Kind.NOT_SHORTLISTED):
        raise RuleViolation("R15", "入围与否按整轮初审得分一并确定（“形式审查与入围”），不能逐件记录")
    if event.kind == Kind.FORMAL_REVIEW_FAILED:
        outcome = formal_review.verdict(review_checks(s, app))
        if event.kind == Kind.FORMAL_REVIEW_FAILED and outcome != Outcome.FAIL:
            raise RuleViolation("R1", "形式审查没有不通过的项目，不能判为不通过")
        if event.kind != Kind.FORMAL_REVIEW_FAILED and outcome != Outcome.PASS:
            raise RuleViolation("R1", "形式审查尚未全部通过（或仍需人工核实），不能进入评审")
    if event.kind == Kind.SELECTED:
        already = s.scalar(select(func.count()).select_from(Application).where(
            Application.round_id == app.round_id, Application.state.in_(_SELECTED_OR_LATER)))
        selection.check_selection(already + 1, app.round.places)


_SELECTED_OR_LATER = [s.value for s in (
    ApplicationState.SELECTED, ApplicationState.RECOGNISED, ApplicationState.OBJECTION_UPHELD,
    ApplicationState.Y1_PASSED, ApplicationState.RECTIFYING, ApplicationState.ACCEPTED, ApplicationState.REVOKED,
    ApplicationState.WITHDRAWN)]


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
    on = app.applied_on or date(app.round.year, 1, 1)
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
            checks = formal_review.review(application_data(app), on=app.applied_on or date(app.round.year, 1, 1),
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
        return review_checks(s, _application(s, application_id))


def override_check(wf: WorkingFile, application_id: int, key: str, outcome: Outcome, reason: str) -> Changes:
    """The secretary confirms or overrides one check; a written reason is required."""
    if key not in formal_review.CHECK_KEYS:
        raise ValueError(f"未知的审查项目：{key}")
    if not reason or not reason.strip():
        raise RuleViolation(key.split(".")[0], "确认或更改审查结果须写明理由")
    with wf.session(write=True) as s:
        app = _application(s, application_id)
        if app.state != ApplicationState.APPLIED:
            raise RuleViolation("R1", "形式审查已结束，不能再更改审查结果")
        existing = s.scalar(select(ReviewOverride).where(ReviewOverride.application_id == application_id,
                                                         ReviewOverride.check_key == key))
        if existing is None:
            existing = ReviewOverride(application_id=application_id, check_key=key)
            s.add(existing)
        existing.outcome, existing.reason, existing.recorded_at = Outcome(outcome).value, reason.strip(), _now()
        AuditLog(s).append("formal_review.override", "application", application_id,
                           {"check": key, "outcome": Outcome(outcome), "reason": reason.strip()})
    return Changes(applications=frozenset({application_id}))


# -- round-level steps -------------------------------------------------------------------------
def set_places(wf: WorkingFile, round_id: int, places: int, override_reason: str | None = None) -> Changes:
    selection.check_places(places, override_reason)  # R14
    with wf.session(write=True) as s:
        refuse_if_locked(s, round_id)  # the line of a consolidated round stays where it was locked
        rnd = s.get(Round, round_id)
        if rnd is None:
            raise ValueError(f"没有编号为{round_id}的轮次")
        selected = s.scalar(select(func.count()).select_from(Application).where(
            Application.round_id == round_id, Application.state.in_(_SELECTED_OR_LATER)))
        if places < selected:
            raise RuleViolation("R16", f"本轮已有{selected}家入选，名额不能少于此数")
        reason = override_reason.strip() if places > rules.MAX_PLACES_PER_YEAR and override_reason else None
        AuditLog(s).append("round.places", "round", round_id,
                           {"places": [rnd.places, places], "override_reason": reason})
        rnd.places, rnd.places_override_reason = places, reason
    return Changes(rounds=frozenset({round_id}))


def set_preliminary_scores(wf: WorkingFile, scores: dict[int, Decimal]) -> Changes:
    with wf.session(write=True) as s:
        audit = AuditLog(s)
        for app_id, score in scores.items():
            if not isinstance(score, Decimal) or not score.is_finite() or not Decimal(0) <= score <= Decimal(100):
                raise RuleViolation("R15", f"初审得分应在0到100之间：{score}")
            app = _application(s, app_id)
            if app.state != ApplicationState.APPLIED and app.preliminary_score != score:
                raise RuleViolation("R15", f"{app.enterprise_name}的入围已确定，初审得分不能再改")
            if app.preliminary_score != score:
                audit.append("application.preliminary_score", "application", app_id,
                             {"score": [app.preliminary_score, score]})
                app.preliminary_score = score
    return Changes(applications=frozenset(scores))


@dataclass(frozen=True)
class ShortlistOutcome:
    shortlisted: list[int]
    not_shortlisted: list[int]
    rejected: list[int]
    all_went_through: bool
    line_score: Decimal | None
    changes: Changes


def shortlist_round(wf: WorkingFile, round_id: int, on: date) -> ShortlistOutcome:
    """R1–R4 then R15 for every application of the round still at 'applied', in one transaction."""
    with wf.session(write=True) as s:
        audit = AuditLog(s)
        rnd = s.get(Round, round_id)
        if rnd.kind != RoundKind.RECOGNITION:
            raise RuleViolation("R15", "只有认定评审轮次需要形式审查和入围")
        apps = list(s.scalars(select(Application).where(Application.round_id == round_id,
                                                        Application.state == ApplicationState.APPLIED.value)))
        if not apps:
            raise RuleViolation("R15", "本轮没有待形式审查和入围的申报（可能已经入围过）")
        verdicts = {a.id: formal_review.verdict(review_checks(s, a)) for a in apps}
        pending = [a.enterprise_name for a in apps if verdicts[a.id] == Outcome.MANUAL]
        if pending:
            raise RuleViolation("R1", f"还有{len(pending)}件申报的形式审查需人工核实，例如：" + "、".join(pending[:3]))
        eligible = [a for a in apps if verdicts[a.id] == Outcome.PASS]
        applied = s.scalar(select(func.count()).select_from(Application).where(Application.round_id == round_id))
        if applied >= rules.ALL_TO_EXPERT_REVIEW_BELOW:
            missing = [a.enterprise_name for a in eligible if a.preliminary_score is None]
            if missing:
                raise RuleViolation("R15", f"{len(missing)}件申报缺少初审得分，例如：" + "、".join(missing[:3]))
        result = selection.shortlist({a.id: a.preliminary_score or Decimal(0) for a in eligible}, rnd.places, applied)
        rejected = [a for a in apps if verdicts[a.id] == Outcome.FAIL]
        for a in rejected:
            record_in_session(s, audit, a, Event.of(Kind.FORMAL_REVIEW_FAILED, on))
        for a in eligible:
            kind = Kind.SHORTLISTED if a.id in result.shortlisted else Kind.NOT_SHORTLISTED
            record_in_session(s, audit, a, Event.of(kind, on))
        audit.append("round.shortlisted", "round", round_id,
                     {"on": on, "shortlisted": len(result.shortlisted), "minimum": result.minimum,
                      "all_went_through": result.all_go_through, "line_score": result.line_score})
    touched = frozenset(a.id for a in apps)
    return ShortlistOutcome(sorted(result.shortlisted), sorted(result.not_shortlisted), [a.id for a in rejected],
                            result.all_go_through, result.line_score, Changes(applications=touched))


def record_selection(wf: WorkingFile, round_id: int, selected_ids: Iterable[int], on: date) -> Changes:
    """R16: the selected list (≤ places); every other shortlisted application is not selected."""
    selected_ids = set(selected_ids)
    with wf.session(write=True) as s:
        audit = AuditLog(s)
        scored = s.scalar(select(func.count()).select_from(ScoreSheet).join(
            Application, Application.id == ScoreSheet.application_id).where(Application.round_id == round_id))
        if scored:  # the panel's ranking decides: its consolidation records the list, and can be reopened
            raise RuleViolation("R16", "本轮由专家组评分，入选名单由组长在排名汇总中汇总锁定时记录")
        shortlisted = list(s.scalars(select(Application).where(
            Application.round_id == round_id, Application.state == ApplicationState.SHORTLISTED.value)))
        unknown = selected_ids - {a.id for a in shortlisted}
        if unknown:
            raise RuleViolation("R16", "只能从本轮入围的申报中选择")
        check_selection_count(s, round_id, len(selected_ids))
        for a in shortlisted:
            record_in_session(s, audit, a, Event.of(Kind.SELECTED if a.id in selected_ids else Kind.NOT_SELECTED, on))
    return Changes(applications=frozenset(a.id for a in shortlisted))


def check_selection_count(s: Session, round_id: int, selecting: int) -> None:
    """R16: those already selected (or further on) and those now selected fit the round's places."""
    already = s.scalar(select(func.count()).select_from(Application).where(
        Application.round_id == round_id, Application.state.in_(_SELECTED_OR_LATER)))
    selection.check_selection(already + selecting, s.get(Round, round_id).places)


def start_publicity(wf: WorkingFile, application_ids: Iterable[int], purpose: str, on: date) -> Changes:
    """R16/R19: publish for 5 working days from `on`; the end date comes from the calendar."""
    ids = list(application_ids)
    with wf.session(write=True) as s:
        audit = AuditLog(s)
        end = working_calendar(s).working_days_from(on, rules.PUBLICITY_WORKING_DAYS)
        for app_id in ids:
            data = {"purpose": purpose, "ends_on": end.day.isoformat()}
            if end.provisional:
                data["provisional_reason"] = end.provisional_reason
            record_in_session(s, audit, _application(s, app_id), Event.of(Kind.PUBLICITY_STARTED, on, **data))
    return Changes(applications=frozenset(ids))


# -- calendar ----------------------------------------------------------------------------------
def working_calendar(s: Session) -> WorkingCalendar:
    per_year: dict[int, dict[date, DayKind]] = {}
    for d in s.scalars(select(CalendarDay)):
        per_year.setdefault(d.day.year, {})[d.day] = DayKind(d.kind)
    complete = _entered_years(s)
    return WorkingCalendar({y: YearArrangement(y, days, complete=y in complete) for y, days in per_year.items()})


def _entered_years(s: Session) -> set[int]:
    from hvp_desktop.store.models import Meta

    row = s.get(Meta, CALENDAR_YEARS)
    return set(json.loads(row.value)) if row else set()


CALENDAR_YEARS = "calendar_years"  # meta key: the years whose whole arrangement was entered


def calendar_of(wf: WorkingFile) -> WorkingCalendar:
    with wf.session() as s:
        return working_calendar(s)


def save_arrangements(wf: WorkingFile, arrangements: Iterable[YearArrangement]) -> list[int]:
    """Add the entered days, each one replacing what was entered for that day before.

    Nothing else is removed: a New Year range spilling into the next year adds those days
    without touching the rest of that year. To correct a day, enter it again with 休 or 班.
    A year counts as entered (no longer provisional) once a file declares lines starting in it.
    """
    from hvp_desktop.store.models import Meta

    years = []
    with wf.session(write=True) as s:
        audit = AuditLog(s)
        entered = _entered_years(s)
        for arr in arrangements:
            for day, kind in sorted(arr.days.items()):
                s.merge(CalendarDay(day=day, kind=DayKind(kind).value, source=arr.source))
            if arr.complete:
                entered.add(arr.year)
            audit.append("calendar.year", "calendar", arr.year,
                         {"holidays": sum(k == DayKind.HOLIDAY for k in arr.days.values()),
                          "workdays": sum(k == DayKind.WORKDAY for k in arr.days.values()),
                          "whole_year": arr.complete, "source": arr.source})
            years.append(arr.year)
        s.merge(Meta(key=CALENDAR_YEARS, value=json.dumps(sorted(entered))))
        s.flush()
        _correct_provisional_ends(s, audit)
    return years


def _correct_provisional_ends(s: Session, audit: AuditLog) -> None:
    """Recount every undecided publicity whose end was provisional, with the calendar as it now is."""
    calendar = working_calendar(s)
    for app in s.scalars(select(Application).where(Application.id.in_(
            select(Decision.application_id).where(Decision.kind == Kind.PUBLICITY_STARTED.value)))):
        centre = centre_of(s, app.id)
        for p in list(centre.publicity.values()):
            if p.provisional_reason is None:
                continue
            end = calendar.working_days_from(p.starts_on, rules.PUBLICITY_WORKING_DAYS)
            if end.day == p.ends_on and end.provisional_reason == p.provisional_reason:
                continue
            data = {"purpose": p.purpose, "ends_on": end.day.isoformat()}
            if end.provisional:
                data["provisional_reason"] = end.provisional_reason
            on = centre.last_on or p.starts_on  # keeps later decisions free to be dated as they were
            try:
                centre = record_in_session(s, audit, app, Event.of(Kind.PUBLICITY_END_CORRECTED, on, **data),
                                 note="节假日安排录入后重新计算公示期满日")
            except RuleViolation:
                continue  # already decided: the recorded decision stands


# -- register and bans -------------------------------------------------------------------------
def add_recognised_centre(wf: WorkingFile, credit_code: str, name: str, title: str,
                          affiliation_group: str | None = None, year: int | None = None) -> None:
    if title not in ("cultivation", "cultivation_and_layout"):
        raise ValueError("title must be 'cultivation' or 'cultivation_and_layout'")
    with wf.session(write=True) as s:
        s.add(RecognisedCentre(credit_code=credit_code, name=name, title=title,
                               affiliation_group=affiliation_group, year=year))
        AuditLog(s).append("register.recognised", "enterprise", credit_code,
                           {"name": name, "title": title, "affiliation_group": affiliation_group, "year": year})


def add_ban(wf: WorkingFile, credit_code: str, rule: str, starts_on: date, reason: str) -> None:
    """A ban decided outside this file (e.g. a title revoked before the app was used): R4/R21."""
    from hvp_desktop.domain.dates import add_years
    from hvp_desktop.store.models import Enterprise

    if not reason.strip():
        raise RuleViolation(rule, "须写明禁止申报的原因")
    with wf.session(write=True) as s:
        ent = s.scalar(select(Enterprise).where(Enterprise.credit_code == credit_code))
        if ent is None:
            raise ValueError(f"没有统一社会信用代码为{credit_code}的企业")
        ends = add_years(starts_on, rules.BAN_YEARS)
        s.add(Ban(enterprise_id=ent.id, rule=rule, reason=reason.strip(), starts_on=starts_on, ends_on=ends))
        AuditLog(s).append("ban.recorded", "enterprise", ent.id,
                           {"rule": rule, "starts_on": starts_on, "ends_on": ends, "reason": reason.strip()})


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

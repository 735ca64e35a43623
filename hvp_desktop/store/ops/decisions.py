"""Operations that apply the programme's rules to the file (issue 3): a lifecycle decision, the
formal review's confirmations, places, preliminary scores, shortlisting, selection, publicity,
the holiday arrangement, the R3 register and bans.

Every decision is a lifecycle event (domain/lifecycle.py) stored in `decisions` with its data;
an application's `state` is only a cache of `replay(its decisions)`, rewritten in the same
transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from hvp_desktop.domain import formal_review, lifecycle, rules, selection
from hvp_desktop.domain.dates import DayKind, YearArrangement, add_years
from hvp_desktop.domain.formal_review import Outcome
from hvp_desktop.domain.lifecycle import Centre, Event, Kind
from hvp_desktop.domain.model import ApplicationState, RoundKind
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.store.decisions import (
    CALENDAR_YEARS,
    SELECTED_OR_LATER,
    application_row,
    centre_of,
    entered_years,
    review_checks,
    rule_of,
    working_calendar,
)
from hvp_desktop.store.models import (
    Application,
    Ban,
    CalendarDay,
    Decision,
    Enterprise,
    Meta,
    RecognisedCentre,
    ReviewOverride,
    Round,
    ScoreSheet,
)
from hvp_desktop.store.ops.core import Tx, now, operation


def record_event(tx: Tx, app: Application, event: Event, note: str | None = None) -> Centre:
    """Apply one event to one application (refused with RuleViolation) and store it, its ban and
    its audit event. Shared by every operation that decides (consolidation, shortlisting, …)."""
    before = centre_of(tx.s, app.id)
    after = lifecycle.apply(before, event)
    rule = rule_of(event)
    data = dict(event.data)
    row = Decision(application_id=app.id, kind=event.kind.value, rule=rule, decided_on=event.on, note=note,
                   created_at=now(), data=json.dumps(data, ensure_ascii=False, sort_keys=True))
    tx.s.add(row)
    if before.ban is not None and after.ban != before.ban:  # a reopened result takes its ban back
        for ban in tx.s.scalars(select(Ban).where(Ban.enterprise_id == app.enterprise_id,
                                                  Ban.rule == before.ban.rule,
                                                  Ban.starts_on == before.ban.starts_on)):
            tx.s.delete(ban)
    if after.ban is not None and after.ban != before.ban:
        tx.s.add(Ban(enterprise_id=app.enterprise_id, rule=after.ban.rule, reason=after.ban.reason,
                     starts_on=after.ban.starts_on, ends_on=after.ban.ends_on))
    previous_state = app.state
    app.state = after.state
    app.updated_at = now()
    tx.s.flush()
    tx.log(f"decision.{event.kind.value}", "application", app.id,
           {"decision": row.uuid, "application": app.uuid, "on": event.on, "rule": rule, "data": data,
            "note": note, "state": [previous_state, after.state.value]})
    tx.touch(applications={app.id}, decisions={app.id})
    return after


@operation()
def record(tx: Tx, application_id: int, event: Event, note: str | None = None) -> None:
    """Record one decision on one application, after the checks that need data beyond its history."""
    app = application_row(tx.s, application_id)
    _check_context(tx, app, event)
    record_event(tx, app, event, note)


def _check_context(tx: Tx, app: Application, event: Event) -> None:
    """Preconditions that depend on more than the application's own history."""
    if event.kind in (Kind.SHORTLISTED, Kind.NOT_SHORTLISTED):
        raise RuleViolation("R15", "进入专家评审与否按整轮初审得分一并确定（“形式审查与备选单位”），不能逐件记录",
                            "Who goes to expert review is decided for the whole round from the preliminary "
                            "scores, not one application at a time.")
    if event.kind == Kind.FORMAL_REVIEW_FAILED:
        if formal_review.verdict(review_checks(tx.s, app)) != Outcome.FAIL:
            raise RuleViolation("R1", "形式审查没有不通过的项目，不能判为形式审查不通过",
                                "No check of the formal review failed: it cannot be recorded as failed.")
    if event.kind == Kind.SELECTED:
        check_selection_count(tx, app.round_id, 1)


def check_selection_count(tx: Tx, round_id: int, selecting: int) -> None:
    """R16: those already selected (or further on) and those now selected fit the round's places."""
    already = tx.s.scalar(select(func.count()).select_from(Application).where(
        Application.round_id == round_id, Application.state.in_(SELECTED_OR_LATER)))
    selection.check_selection(already + selecting, tx.s.get(Round, round_id).places)


@operation()
def override_check(tx: Tx, application_id: int, key: str, outcome: Outcome, reason: str) -> None:
    """The secretary confirms or overrides one check of the formal review, with a written reason."""
    if key not in formal_review.CHECK_KEYS:
        raise InvalidInput(f"未知的审查项目：{key}", f"unknown check: {key}")
    if not reason or not reason.strip():
        raise RuleViolation(key.split(".")[0], "确认或更改审查结果须写明理由",
                            "Confirming or changing a check's result needs a written reason.")
    app = application_row(tx.s, application_id)
    if app.state != ApplicationState.APPLIED:
        raise RuleViolation("R1", "形式审查已结束，不能再更改审查结果",
                            "The formal review is over: its results can no longer be changed.")
    existing = tx.s.scalar(select(ReviewOverride).where(ReviewOverride.application_id == application_id,
                                                        ReviewOverride.check_key == key))
    if existing is None:
        existing = ReviewOverride(application_id=application_id, check_key=key)
        tx.s.add(existing)
    existing.outcome, existing.reason, existing.recorded_at = Outcome(outcome).value, reason.strip(), now()
    tx.s.flush()
    tx.log("formal_review.override", "application", application_id,
           {"override": existing.uuid, "check": key, "outcome": Outcome(outcome), "reason": reason.strip()})
    tx.touch(applications={application_id})


# -- round-level steps -------------------------------------------------------------------------
@operation()
def set_places(tx: Tx, round_id: int, places: int) -> None:
    """R14/R16: the round's places, at most 20."""
    selection.check_places(places)
    tx.refuse_if_locked(round_id)  # the line of a consolidated round stays where it was locked
    rnd = tx.s.get(Round, round_id)
    if rnd is None:
        raise InvalidInput(f"没有编号为{round_id}的轮次", f"no round with id {round_id}")
    selected = tx.s.scalar(select(func.count()).select_from(Application).where(
        Application.round_id == round_id, Application.state.in_(SELECTED_OR_LATER)))
    if places < selected:
        raise RuleViolation("R16", f"本轮已有{selected}家列入拟认定名单，名额不能少于此数",
                            f"{selected} are already on the list: the places cannot be fewer.")
    tx.log("round.places", "round", round_id, {"places": [rnd.places, places]})
    rnd.places, rnd.places_override_reason = places, None
    tx.touch(rounds={round_id}, settings={round_id})


@operation()
def set_preliminary_scores(tx: Tx, scores: dict[int, Decimal]) -> None:
    for app_id, score in scores.items():
        if not isinstance(score, Decimal) or not score.is_finite() or not Decimal(0) <= score <= Decimal(100):
            raise RuleViolation("R15", f"初审得分应在0到100之间：{score}",
                                f"A preliminary score is between 0 and 100: {score}")
        app = application_row(tx.s, app_id)
        if app.state != ApplicationState.APPLIED and app.preliminary_score != score:
            raise RuleViolation("R15", f"{app.enterprise_name}的备选单位已确定，初审得分不能再改",
                                f"The shortlist is decided: {app.enterprise_name}'s preliminary score is fixed.")
        if app.preliminary_score != score:
            tx.log("application.preliminary_score", "application", app_id,
                   {"score": [app.preliminary_score, score]})
            app.preliminary_score = score
            tx.touch(applications={app_id})


@dataclass(frozen=True)
class ShortlistOutcome:
    shortlisted: list[int]
    not_shortlisted: list[int]
    rejected: list[int]
    all_went_through: bool
    line_score: Decimal | None


@operation()
def shortlist_round(tx: Tx, round_id: int, on: date, at_least: int | None = None) -> ShortlistOutcome:
    """R1–R4 then R15 for every application of the round still at 'applied', in one transaction.
    `at_least`: the secretariat shortlists more than 2 × places (never fewer)."""
    s = tx.s
    rnd = s.get(Round, round_id)
    if rnd is None or rnd.kind != RoundKind.RECOGNITION:
        raise RuleViolation("R15", "只有认定评审轮次需要形式审查和确定备选单位",
                            "Only a recognition round has a formal review and a shortlist.")
    apps = list(s.scalars(select(Application).where(Application.round_id == round_id,
                                                    Application.state == ApplicationState.APPLIED.value)))
    if not apps:
        raise RuleViolation("R15", "本轮没有待形式审查的申报（可能已经确定过备选单位）",
                            "No application of this round awaits the formal review (the shortlist may be done).")
    verdicts = {a.id: formal_review.verdict(review_checks(s, a)) for a in apps}
    pending = [a.enterprise_name for a in apps if verdicts[a.id] == Outcome.MANUAL]
    if pending:
        raise RuleViolation("R1", f"还有{len(pending)}件申报的形式审查需人工核实，例如：" + "、".join(pending[:3]),
                            f"{len(pending)} application(s) still need a manual check, e.g. " + ", ".join(pending[:3]))
    eligible = [a for a in apps if verdicts[a.id] == Outcome.PASS]
    applied = s.scalar(select(func.count()).select_from(Application).where(Application.round_id == round_id))
    if applied >= rules.ALL_TO_EXPERT_REVIEW_BELOW:
        missing = [a.enterprise_name for a in eligible if a.preliminary_score is None]
        if missing:
            raise RuleViolation("R15", f"{len(missing)}件申报缺少初审得分，例如：" + "、".join(missing[:3]),
                                f"{len(missing)} application(s) have no preliminary score, e.g. "
                                + ", ".join(missing[:3]))
    result = selection.shortlist({a.id: a.preliminary_score or Decimal(0) for a in eligible}, rnd.places, applied,
                                 at_least)
    rejected = [a for a in apps if verdicts[a.id] == Outcome.FAIL]
    for a in rejected:
        record_event(tx, a, Event.of(Kind.FORMAL_REVIEW_FAILED, on))
    for a in eligible:
        record_event(tx, a, Event.of(Kind.SHORTLISTED if a.id in result.shortlisted else Kind.NOT_SHORTLISTED, on))
    tx.log("round.shortlisted", "round", round_id,
           {"on": on, "shortlisted": len(result.shortlisted), "minimum": result.minimum,
            "all_went_through": result.all_go_through, "line_score": result.line_score})
    tx.touch(rounds={round_id})
    return ShortlistOutcome(sorted(result.shortlisted), sorted(result.not_shortlisted), [a.id for a in rejected],
                            result.all_go_through, result.line_score)


@operation()
def record_selection(tx: Tx, round_id: int, selected_ids: Iterable[int], on: date) -> None:
    """R16: the list after expert review (≤ places); every other shortlisted one is not selected."""
    selected_ids = set(selected_ids)
    s = tx.s
    scored = s.scalar(select(func.count()).select_from(ScoreSheet).join(
        Application, Application.id == ScoreSheet.application_id).where(Application.round_id == round_id))
    if scored:  # the panel's ranking decides: its consolidation records the list, and can be reopened
        raise RuleViolation("R16", "本轮由专家组打分，拟认定名单由组长在确认评审结果时记录",
                            "This round was scored by the panel: the list is recorded when the chair "
                            "confirms the result.")
    shortlisted = list(s.scalars(select(Application).where(
        Application.round_id == round_id, Application.state == ApplicationState.SHORTLISTED.value)))
    if selected_ids - {a.id for a in shortlisted}:
        raise RuleViolation("R16", "只能从本轮备选单位中选择", "Only this round's shortlisted applicants can be chosen.")
    check_selection_count(tx, round_id, len(selected_ids))
    for a in shortlisted:
        record_event(tx, a, Event.of(Kind.SELECTED if a.id in selected_ids else Kind.NOT_SELECTED, on))


@operation()
def confirm_shortlist(tx: Tx, round_id: int, on: date, document: str) -> None:
    """R15: the bureau confirms the round's shortlist (经区知识产权局确认), with its document
    number; only then can expert review results be recorded."""
    apps = list(tx.s.scalars(select(Application).where(
        Application.round_id == round_id, Application.state == ApplicationState.SHORTLISTED.value)))
    if not apps:
        raise RuleViolation("R15", "本轮没有待确认的备选单位", "This round has no shortlist awaiting confirmation.")
    for app in apps:
        record_event(tx, app, Event.of(Kind.SHORTLIST_CONFIRMED, on, document=document))
    tx.touch(rounds={round_id})


@operation()
def approve_list(tx: Tx, application_ids: Iterable[int], purpose: str, on: date, document: str) -> None:
    """R16/R19: the bureau's party group approves a list before its publicity (党组研究通过)."""
    ids = list(application_ids)
    if not ids:
        raise InvalidInput("名单为空", "The list is empty.")
    for app_id in ids:
        record_event(tx, application_row(tx.s, app_id), Event.of(Kind.LIST_APPROVED, on, purpose=purpose,
                                                                   document=document))


@operation()
def start_publicity(tx: Tx, application_ids: Iterable[int], purpose: str, on: date) -> None:
    """R16/R19: publish for 5 working days from `on`; the end date comes from the calendar."""
    end = working_calendar(tx.s).working_days_from(on, rules.PUBLICITY_WORKING_DAYS)
    for app_id in list(application_ids):
        data = {"purpose": purpose, "ends_on": end.day.isoformat()}
        if end.provisional:
            data["provisional_reason"] = end.provisional_reason
        record_event(tx, application_row(tx.s, app_id), Event.of(Kind.PUBLICITY_STARTED, on, **data))


# -- calendar ----------------------------------------------------------------------------------
@operation()
def save_arrangements(tx: Tx, arrangements: Iterable[YearArrangement]) -> list[int]:
    """Add the entered days, each one replacing what was entered for that day before.

    Nothing else is removed: a New Year range spilling into the next year adds those days
    without touching the rest of that year. To correct a day, enter it again with 休 or 班.
    A year counts as entered (no longer provisional) once a file declares lines starting in it.
    The value is the years entered.
    """
    years = []
    entered = entered_years(tx.s)
    for arr in arrangements:
        for day, kind in sorted(arr.days.items()):
            tx.s.merge(CalendarDay(day=day, kind=DayKind(kind).value, source=arr.source))
        if arr.complete:
            entered.add(arr.year)
        tx.log("calendar.year", "calendar", arr.year,
               {"days": {d.isoformat(): DayKind(k).value for d, k in sorted(arr.days.items())},
                "whole_year": arr.complete, "source": arr.source})
        years.append(arr.year)
    tx.s.merge(Meta(key=CALENDAR_YEARS, value=json.dumps(sorted(entered))))
    tx.s.flush()
    _correct_provisional_ends(tx)
    tx.touch(calendar=set(years))
    return years


def _correct_provisional_ends(tx: Tx) -> None:
    """Recount every undecided publicity whose end was provisional, with the calendar as it now is."""
    calendar = working_calendar(tx.s)
    for app in tx.s.scalars(select(Application).where(Application.id.in_(
            select(Decision.application_id).where(Decision.kind == Kind.PUBLICITY_STARTED.value)))):
        centre = centre_of(tx.s, app.id)
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
                centre = record_event(tx, app, Event.of(Kind.PUBLICITY_END_CORRECTED, on, **data),
                                      note="节假日安排录入后重新计算公示期满日")
            except RuleViolation:
                continue  # already decided: the recorded decision stands


# -- register and bans -------------------------------------------------------------------------
@operation()
def add_recognised_centre(tx: Tx, credit_code: str, name: str, title: str, affiliation_group: str | None = None,
                          year: int | None = None) -> None:
    """R3: an enterprise already recognised (by this programme or the earlier cultivation-centre one)."""
    if title not in ("cultivation", "cultivation_and_layout"):
        raise InvalidInput("称号应为 cultivation 或 cultivation_and_layout",
                            "title must be 'cultivation' or 'cultivation_and_layout'")
    row = RecognisedCentre(credit_code=credit_code, name=name, title=title, affiliation_group=affiliation_group,
                           year=year)
    tx.s.add(row)
    tx.s.flush()
    tx.log("register.recognised", "enterprise", credit_code,
           {"entry": row.uuid, "name": name, "title": title, "affiliation_group": affiliation_group, "year": year})
    tx.touch(register={credit_code})


@operation()
def add_ban(tx: Tx, credit_code: str, rule: str, starts_on: date, reason: str) -> None:
    """A ban decided outside this file (e.g. a title revoked before the app was used): R4/R21."""
    if not reason.strip():
        raise RuleViolation(rule, "须写明不得申报的原因", "A ban needs a written reason.")
    ent = tx.s.scalar(select(Enterprise).where(Enterprise.credit_code == credit_code))
    if ent is None:
        raise InvalidInput(f"没有统一社会信用代码为{credit_code}的企业",
                            f"no enterprise with credit code {credit_code}")
    ends = add_years(starts_on, rules.BAN_YEARS)
    row = Ban(enterprise_id=ent.id, rule=rule, reason=reason.strip(), starts_on=starts_on, ends_on=ends)
    tx.s.add(row)
    tx.s.flush()
    tx.log("ban.recorded", "enterprise", ent.id,
           {"ban": row.uuid, "rule": rule, "starts_on": starts_on, "ends_on": ends, "reason": reason.strip()})
    tx.touch(register={credit_code})

"""Operations of the chair's ranking (issue 5): the round's settings, the explanations the flags
ask for, the chair's tie decision, confirming the result (确认评审结果: the lock that records it
in the lifecycle) and withdrawing it (撤回确认), and opening an assessment round."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from hvp_desktop.domain.lifecycle import Event, Kind
from hvp_desktop.domain.model import ApplicationState, RoundKind
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.analysis import Flag
from hvp_desktop.scoring.review import RoundRanking, review
from hvp_desktop.store.decisions import centre_of
from hvp_desktop.store.models import Application, Consolidation, Expert, FlagExplanation, Round, TieDecision
from hvp_desktop.store.ops.applications import ROUND_TITLES
from hvp_desktop.store.ops.core import Tx, now, operation
from hvp_desktop.store.ops.decisions import check_selection_count, record_event
from hvp_desktop.store.ranking import (
    ASSESSED_STATE,
    ASSESSMENT_YEAR,
    candidates,
    latest_decision,
    reopen_refusal,
    result_json,
    round_data,
    round_rubric,
)
from hvp_desktop.store.round_lock import locked

AUTHORS = ("expert", "chair")


def _round(tx: Tx, round_id: int) -> Round:
    rnd = tx.s.get(Round, round_id)
    if rnd is None:
        raise InvalidInput(f"没有编号为{round_id}的轮次", f"no round with id {round_id}")
    return rnd


def _view(tx: Tx, round_id: int) -> RoundRanking:
    return review(round_data(tx.s, round_id))


@operation(role="chair")
def set_settings(tx: Tx, round_id: int, method: Method, margin: Decimal, tie_breaks: tuple[str, ...] | list[str]):
    """The round's aggregation method, outlier margin and tie-break order; frozen once confirmed."""
    if not (isinstance(margin, Decimal) and margin.is_finite() and Decimal(0) < margin <= Decimal(100)):
        raise InvalidInput("偏离阈值应在0到100分之间", "The outlier margin is between 0 and 100 points.")
    rnd = _round(tx, round_id)
    tx.act_as_chair(round_id)
    tx.refuse_if_locked(round_id)
    rubric = round_rubric(tx.s, rnd)
    known = {sec.code for sec in rubric.sections} if rubric else set()
    unknown = [c for c in tie_breaks if c not in known]
    if unknown:
        raise RuleViolation("RUBRIC", f"评分表中没有这些一级指标：{'、'.join(unknown)}",
                            f"The scoring table has no such sections: {', '.join(unknown)}")
    if len(set(tie_breaks)) != len(tie_breaks):
        raise InvalidInput("同一指标在并列处理顺序中只能出现一次", "A section appears twice in the tie-break order.")
    before = {"method": rnd.method, "margin": str(rnd.outlier_margin), "tie_breaks": json.loads(rnd.tie_breaks)}
    rnd.method, rnd.outlier_margin, rnd.tie_breaks = Method(method).value, margin, json.dumps(list(tie_breaks))
    tx.log("round.ranking_settings", "round", round_id,
           {"before": before, "method": rnd.method, "margin": str(margin), "tie_breaks": list(tie_breaks)})
    tx.touch(rounds={round_id}, settings={round_id})


@operation(role="chair", expert_file=True)
def explain_flag(tx: Tx, flag: Flag, author: str, text: str):
    """The written word a flag asks for (by the flagged expert or the chair)."""
    if author not in AUTHORS:
        raise InvalidInput(f"说明人应为 {AUTHORS}", f"the author is one of {AUTHORS}")
    if not text or not text.strip():
        raise InvalidInput("请写明说明内容", "Write the explanation.")
    app = tx.s.get(Application, flag.application)
    if app is None:
        raise InvalidInput(f"没有编号为{flag.application}的申报", f"no application {flag.application}")
    if author == "expert" or tx.owner is not None:
        tx.act_as_expert(flag.expert)
    else:
        tx.act_as_chair(app.round_id)
    tx.refuse_if_locked(app.round_id)
    row = FlagExplanation(application_id=flag.application, expert_id=flag.expert, kind=flag.kind.value,
                          criterion_code=flag.criterion, deviation=flag.deviation, author=author,
                          text=text.strip(), recorded_at=now())
    tx.s.add(row)
    tx.s.flush()
    tx.log("ranking.flag_explained", "application", flag.application,
           {"explanation": row.uuid, "expert": tx.s.get(Expert, flag.expert).uuid, "kind": flag.kind.value,
            "criterion": flag.criterion, "deviation": str(flag.deviation), "author": author, "text": text.strip()})
    tx.touch(applications={flag.application}, rounds={app.round_id}, ranking={app.round_id})


@operation(role="chair")
def decide_tie(tx: Tx, round_id: int, order: list[int], reason: str):
    """The chair's order of the applications still tied at the places line, with the reason (R16)."""
    if not reason or not reason.strip():
        raise RuleViolation("R16", "名额线处并列的处理须写明理由", "A decision on the tie at the line needs a reason.")
    _round(tx, round_id)
    tx.act_as_chair(round_id)
    tx.refuse_if_locked(round_id)
    view = _view(tx, round_id)
    tied = view.analysis.unresolved_at_line or (view.tie.order if view.tie and view.tie.applies else [])
    if not tied:
        raise RuleViolation("R16", "名额线处没有需要组长决定的并列", "No tie at the line awaits the chair.")
    if sorted(order) != sorted(tied):
        raise RuleViolation("R16", "组长的排序须恰好包含名额线处并列的申报",
                            "The chair's order must hold exactly the applications tied at the line.")
    scores = {str(r.application): str(r.score) for r in view.analysis.rows if r.application in tied}
    row = TieDecision(round_id=round_id, applications=json.dumps(order), scores=json.dumps(scores),
                      reason=reason.strip(), recorded_at=now())
    tx.s.add(row)
    tx.s.flush()
    tx.log("ranking.tie_decided", "round", round_id,
           {"decision": row.uuid, "order": order, "scores": scores, "reason": reason.strip()})
    tx.touch(applications=set(order), rounds={round_id}, ranking={round_id})


@operation(role="chair")
def consolidate(tx: Tx, round_id: int, decided_on: date):
    """The chair confirms the round's result and it is recorded in the lifecycle, in one transaction:
    a recognition round's rows become selected / not selected (R16); an assessment round's centres
    are assessed with their aggregated score, passed or failed (R17/R18)."""
    s = tx.s
    rnd = _round(tx, round_id)
    tx.act_as_chair(round_id)
    view = _view(tx, round_id)
    a = view.analysis
    if view.locked:
        raise RuleViolation(a.line.rule, "本轮评审结果已经确认", "The round's result is already confirmed.")
    blockers = view.blocker_items()
    if blockers:
        raise RuleViolation(a.line.rule, "尚不能确认评审结果：" + "；".join(zh for zh, _ in blockers),
                            "The result cannot be confirmed yet: " + "; ".join(en for _, en in blockers))
    recorded: dict[str, int] = {}  # application → the decision this confirmation recorded on it

    def record(target: Application, event: Event, note: str) -> None:
        record_event(tx, target, event, note)
        recorded[str(target.id)] = latest_decision(s, target.id)

    _refuse_before_the_bureau_and_the_centres(tx, rnd, a)
    if RoundKind(rnd.kind) == RoundKind.RECOGNITION:
        rows = {r.application: r for r in a.rows}
        decided = [s.get(Application, app).enterprise_name for app in rows
                   if s.get(Application, app).state != ApplicationState.SHORTLISTED.value]
        if decided:  # e.g. a list recorded by hand: the ranking would contradict it
            raise RuleViolation("R16", f"{len(decided)}件申报已不是备选单位（已记录结果），不能再确认，例如："
                                + "、".join(decided[:3]),
                                f"{len(decided)} application(s) already have a recorded result, e.g. "
                                + ", ".join(decided[:3]))
        shortlisted = list(s.scalars(select(Application).where(
            Application.round_id == round_id, Application.state == ApplicationState.SHORTLISTED.value)))
        unscored = [app.enterprise_name for app in shortlisted if app.id not in rows]
        if unscored:
            raise RuleViolation("R16", f"{len(unscored)}件备选单位没有专家打分，例如：" + "、".join(unscored[:3]),
                                f"{len(unscored)} shortlisted application(s) have no expert scores, e.g. "
                                + ", ".join(unscored[:3]))
        check_selection_count(tx, round_id, sum(rows[app.id].inside for app in shortlisted))
        for app in shortlisted:
            r = rows[app.id]
            record(app, Event.of(Kind.SELECTED if r.inside else Kind.NOT_SELECTED, decided_on),
                   f"汇总得分{r.score}，第{r.rank}名")
    else:
        for r in a.rows:
            app = s.get(Application, r.application)
            target = s.get(Application, app.assesses_application_id) if app.assesses_application_id else None
            if target is None:
                raise RuleViolation(a.line.rule, f"“{app.enterprise_name}”没有对应的建设单位",
                                    f"“{app.enterprise_name}” has no recognised centre to assess.")
            year = app.assessed_year or ASSESSMENT_YEAR.get(RoundKind(rnd.kind)) or rectification_year(tx, target)
            veto = view.vetoed.get(r.application)
            extra = {"vetoed": veto} if veto else {}  # 否决项: fails whatever the score
            record(target, Event.of(Kind.ASSESSED, decided_on, year=year, score=str(r.score), **extra),
                   f"{rnd.title}专家汇总得分" + (f"；否决项：{'、'.join(veto)}" if veto else ""))
            tx.touch(applications={app.id})
    result = json.loads(result_json(view))
    result["decisions"] = recorded
    row = Consolidation(round_id=round_id, method=a.settings.method.value, decided_on=decided_on,
                        result=json.dumps(result, ensure_ascii=False, sort_keys=True), consolidated_at=now())
    s.add(row)
    s.flush()
    tx.log("ranking.consolidated", "round", round_id,
           {"consolidation": row.uuid, "on": decided_on, "method": a.settings.method.value,
            "inside": [r.application for r in a.rows if r.inside], "result": result})
    tx.touch(rounds={round_id}, ranking={round_id}, applications={r.application for r in a.rows})


def _refuse_before_the_bureau_and_the_centres(tx: Tx, rnd: Round, a) -> None:
    """Nothing is decided before the steps the plan puts first: the bureau's confirmation of the
    shortlist (R15); each centre's written request, or its rectification report (R17/R18)."""
    s = tx.s
    waiting: list[str] = []
    if RoundKind(rnd.kind) == RoundKind.RECOGNITION:
        for app in s.scalars(select(Application).where(Application.round_id == rnd.id,
                                                       Application.state == ApplicationState.SHORTLISTED.value)):
            if centre_of(s, app.id).shortlist_confirmed is None:
                waiting.append(app.enterprise_name)
        if waiting:
            raise RuleViolation("R15", f"备选单位名单尚未经区知识产权局确认（{len(waiting)}件），不能确认评审结果",
                                f"The bureau has not confirmed the shortlist yet ({len(waiting)} application(s)): "
                                "the result cannot be confirmed.")
        return
    missing: list[tuple[str, str]] = []
    for r in a.rows:
        app = s.get(Application, r.application)
        target = s.get(Application, app.assesses_application_id) if app.assesses_application_id else None
        if target is None:
            continue
        c = centre_of(s, target.id)
        year = app.assessed_year or ASSESSMENT_YEAR.get(RoundKind(rnd.kind))
        if c.state == ApplicationState.RECTIFYING:
            if c.rectification_report is None:
                missing.append((target.enterprise_name, "整改报告"))
        elif year not in c.requested:
            missing.append((target.enterprise_name, "书面申请"))
    waiting = [f"{name}（{what}）" for name, what in missing]
    if waiting:
        rule = "R18" if RoundKind(rnd.kind) == RoundKind.YEAR2 else "R17"
        raise RuleViolation(rule, "尚未记录以下建设单位的书面申请或整改报告：" + "、".join(waiting[:5]),
                            f"{len(waiting)} centre(s) have no written request or rectification report recorded, "
                            "e.g. " + ", ".join(name for name, _what in missing[:3]))


def rectification_year(tx: Tx, target: Application) -> int:
    c = centre_of(tx.s, target.id)
    if c.rectification is None:
        raise RuleViolation("R17", f"“{target.enterprise_name}”不在整改期内",
                            f"“{target.enterprise_name}” is not in a rectification period.")
    return c.rectification.year


@operation(role="chair")
def reopen(tx: Tx, round_id: int, reason: str, on: date):
    """Withdraw the confirmation with a written reason: the recorded results are reopened in the
    lifecycle too, which is refused once a later step (a publicity, an objection) was taken on them."""
    if not reason or not reason.strip():
        raise RuleViolation("R16", "撤回确认须写明理由", "Withdrawing the confirmation needs a written reason.")
    s = tx.s
    rnd = _round(tx, round_id)
    tx.act_as_chair(round_id)
    lock = locked(s, round_id)
    if lock is None:
        raise RuleViolation("R16", "本轮评审结果尚未确认", "The round's result has not been confirmed.")
    result = json.loads(lock.result)
    rule = result["line"]["rule"].split("/")[0]
    refusal = reopen_refusal(s, lock)
    if refusal:
        raise RuleViolation(rule, *refusal)
    for row in result["rows"]:
        app = s.get(Application, row["application"])
        target = app if RoundKind(rnd.kind) == RoundKind.RECOGNITION else s.get(Application, app.assesses_application_id)
        if target is not None and str(target.id) in result.get("decisions", {str(target.id): None}):
            record_event(tx, target, Event.of(Kind.RESULT_REOPENED, on, rule=rule), note=reason.strip())
            tx.touch(applications={app.id, target.id})
    lock.reopened_at, lock.reopened_on, lock.reopen_reason = now(), on, reason.strip()
    tx.log("ranking.reopened", "round", round_id, {"consolidation": lock.uuid, "on": on, "reason": reason.strip()})
    tx.touch(rounds={round_id}, ranking={round_id})


@operation()
def open_assessment_round(tx: Tx, year: int, kind: RoundKind, centre_ids: list[int] | None = None) -> int:
    """An assessment round of `year` (R17 year 1, R18 year 2, or a re-assessment after
    rectification): one row per centre in the state that assessment is for, ready for a panel, a
    rubric and sheets. `centre_ids` (recognition applications) limits it; the value is its id."""
    kind = RoundKind(kind)
    if kind not in ASSESSED_STATE:
        raise InvalidInput("考核轮次只有第一年度、第二年度和整改后重新考核",
                            "An assessment round is year 1, year 2 or a re-assessment after rectification.")
    rule = "R17" if kind != RoundKind.YEAR2 else "R18"
    if tx.s.scalar(select(Round.id).where(Round.year == year, Round.kind == kind.value)) is not None:
        raise RuleViolation(rule, f"{year}年度已有该考核轮次", f"{year} already has this assessment round.")
    centres = candidates(tx.s, kind, centre_ids)
    if not centres:
        raise RuleViolation(rule, "没有处于该考核阶段的建设单位", "No centre is at this stage of assessment.")
    stamp = now()
    rnd = Round(year=year, kind=kind.value, title=ROUND_TITLES[kind].format(year=year), places=len(centres),
                created_at=stamp)
    tx.s.add(rnd)
    tx.s.flush()
    rows = []
    for c in centres:
        assessed = ASSESSMENT_YEAR.get(kind) or rectification_year(tx, c)
        row = Application(round_id=rnd.id, enterprise_id=c.enterprise_id, enterprise_name=c.enterprise_name,
                          affiliation_group=c.affiliation_group, assesses_application_id=c.id,
                          assessed_year=assessed, source=f"{kind.value} assessment of application {c.id}",
                          created_at=stamp, updated_at=stamp)
        tx.s.add(row)
        rows.append(row)
    tx.s.flush()
    tx.log("round.assessment_opened", "round", rnd.id,
           {"round": rnd.uuid, "year": year, "kind": kind.value, "centres": [c.uuid for c in centres],
            "rows": [r.uuid for r in rows]})
    tx.touch(rounds={rnd.id}, applications={r.id for r in rows})
    return rnd.id

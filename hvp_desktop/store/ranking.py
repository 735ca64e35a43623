"""A round's aggregated ranking in the working file (issue 5): what counts, the round's settings,
the explanations the flags ask for, the chair's tie decision, and the consolidation (the lock)
that records the result in the lifecycle.

What counts: per application, each non-conflicted expert's latest submitted sheet. Drafts
(including a correction in progress) and sheets not started are reported as missing, never
counted as zero. The arithmetic is `scoring.analysis`; this module only loads and stores.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from weakref import WeakKeyDictionary

from sqlalchemy import Text, and_, func, select, type_coerce

from hvp_desktop.domain.lifecycle import Event, Kind
from hvp_desktop.domain.model import ApplicationState, RoundKind, SeatRole
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.scoring import analysis
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.analysis import Analysis, Flag, Settings
from hvp_desktop.scoring.ranking import Line, Ranking, rank_by_shortlist
from hvp_desktop.scoring.rubric import Rubric
from hvp_desktop.store.audit import AuditLog
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import (
    Application,
    Assignment,
    Conflict,
    Consolidation,
    Decision,
    FlagExplanation,
    PanelSeat,
    Round,
    ScoreEntry,
    ScoreSheet,
    StoredRubric,
    TieDecision,
)
from hvp_desktop.store.operations import Changes
from hvp_desktop.store.panel import Matrix, SheetState, sheet_matrix
from hvp_desktop.store.round_lock import locked, refuse_if_locked

SCHEMA_WITH_CONSOLIDATIONS = 5  # migrations/0005_ranking.sql
ASSESSMENT_YEAR = {RoundKind.YEAR1: 1, RoundKind.YEAR2: 2}
AUTHORS = ("expert", "chair")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# -- settings ----------------------------------------------------------------------------------
def settings_of(rnd: Round) -> Settings:
    return Settings(Method(rnd.method), Decimal(rnd.outlier_margin), tie_breaks=tuple(json.loads(rnd.tie_breaks)))


def line_of(rnd: Round, assessed_years: dict[int, int] | None = None) -> Line:
    """The rule line of the round's expert scoring: places (R16), or each row's pass mark (R17 70 /
    R18 75) by the year it is assessed for, recorded when the assessment round was opened."""
    kind = RoundKind(rnd.kind)
    if kind in ASSESSMENT_YEAR:
        return Line.pass_mark_line(ASSESSMENT_YEAR[kind])
    if kind == RoundKind.RECTIFICATION:
        return Line.pass_marks_of(assessed_years or {})
    return Line.places_line(rnd.places)


def set_settings(wf: WorkingFile, round_id: int, method: Method, margin: Decimal,
                 tie_breaks: tuple[str, ...] | list[str]) -> Changes:
    """The round's aggregation method, outlier margin and tie-break order; frozen once consolidated."""
    if not (isinstance(margin, Decimal) and margin.is_finite() and Decimal(0) < margin <= Decimal(100)):
        raise ValueError("偏离阈值应在0到100分之间")
    with wf.session(write=True) as s:
        rnd = s.get(Round, round_id)
        if rnd is None:
            raise ValueError(f"没有编号为{round_id}的轮次")
        refuse_if_locked(s, round_id)
        rubric = _rubric(s, rnd)
        known = {sec.code for sec in rubric.sections} if rubric else set()
        unknown = [c for c in tie_breaks if c not in known]
        if unknown:
            raise ValueError(f"评分表中没有这些部分：{'、'.join(unknown)}")
        if len(set(tie_breaks)) != len(tie_breaks):
            raise ValueError("同一部分在并列处理顺序中只能出现一次")
        before = {"method": rnd.method, "margin": str(rnd.outlier_margin), "tie_breaks": json.loads(rnd.tie_breaks)}
        rnd.method, rnd.outlier_margin, rnd.tie_breaks = Method(method).value, margin, json.dumps(list(tie_breaks))
        AuditLog(s).append("round.ranking_settings", "round", round_id,
                           {"before": before, "method": rnd.method, "margin": str(margin), "tie_breaks": list(tie_breaks)})
    return Changes(rounds=frozenset({round_id}))


def _rubric(s, rnd: Round) -> Rubric | None:
    from hvp_desktop.scoring.rubric import loads

    if rnd.rubric_version is None:
        return None
    stored = s.scalar(select(StoredRubric).where(StoredRubric.label == rnd.rubric_version))
    return loads(stored.body) if stored is not None else None


# -- what counts -------------------------------------------------------------------------------
def _counted_points(s, round_id: int) -> dict[int, dict[int, dict[str, Decimal]]]:
    """application → expert → criterion → points of each latest submitted, non-conflicted sheet,
    in one query over the entries."""
    in_round = select(Application.id).where(Application.round_id == round_id)
    latest = (select(ScoreSheet.application_id, ScoreSheet.expert_id, func.max(ScoreSheet.revision).label("rev"))
              .where(ScoreSheet.status == "submitted", ScoreSheet.application_id.in_(in_round))
              .group_by(ScoreSheet.application_id, ScoreSheet.expert_id).subquery())
    as_text = type_coerce(ScoreEntry.points, Text)  # the stored text: converted below, each value once
    rows = s.execute(
        select(ScoreSheet.application_id, ScoreSheet.expert_id, ScoreEntry.criterion_code, as_text)
        .join(latest, and_(latest.c.application_id == ScoreSheet.application_id,
                           latest.c.expert_id == ScoreSheet.expert_id, latest.c.rev == ScoreSheet.revision))
        .join(ScoreEntry, ScoreEntry.sheet_id == ScoreSheet.id)
        .order_by(ScoreSheet.application_id, ScoreSheet.expert_id, ScoreEntry.id))
    conflicted = set(map(tuple, s.execute(select(Conflict.expert_id, Conflict.application_id)
                               .where(Conflict.application_id.in_(in_round)))))
    points: dict[int, dict[int, dict[str, Decimal]]] = {}
    decimals: dict[str, Decimal] = {}  # a rubric has few distinct values: convert each text once
    sheet, key = None, None
    for app, expert, code, text in rows:
        if text is None or (expert, app) in conflicted:  # a conflicted expert's sheet is left out
            continue
        if (app, expert) != key:
            key = (app, expert)
            sheet = points.setdefault(app, {}).setdefault(expert, {})
        value = decimals.get(text)
        if value is None:
            value = decimals[text] = Decimal(text)
        sheet[code] = value
    return points


def _fingerprint(s, round_id: int) -> tuple:
    """Changes whenever what counts could change: a sheet added, submitted or revised, a
    conflict, an assignment, a seat, or one of the round's rows. Submitted sheets are never
    edited in place."""
    in_round = select(Application.id).where(Application.round_id == round_id)
    sheets = s.execute(select(func.count(), func.max(ScoreSheet.id), func.total(ScoreSheet.id),
                              func.total(ScoreSheet.status == "submitted"))
                       .where(ScoreSheet.application_id.in_(in_round))).one()
    others = [s.execute(select(func.count(), func.max(model.id), func.total(model.id)).where(where)).one()
              for model, where in ((Conflict, Conflict.application_id.in_(in_round)),
                                   (Assignment, Assignment.application_id.in_(in_round)),
                                   (PanelSeat, PanelSeat.round_id == round_id))]
    chair = s.scalar(select(PanelSeat.expert_id).where(PanelSeat.round_id == round_id, PanelSeat.role == "chair"))
    rows = s.execute(select(func.count(), func.max(Application.id), func.max(Application.updated_at))
                     .where(Application.round_id == round_id)).one()  # a row added, renamed or decided
    return (tuple(sheets), *map(tuple, others), chair, tuple(rows))


# The loaded sheets of the rounds analysed lately, per open file: re-ranking after a change of
# method, an explanation or a tie decision reads only the fingerprint, not 225,000 scores.
_loaded: WeakKeyDictionary = WeakKeyDictionary()


def _load(wf: WorkingFile, round_id: int, reload: bool = False) -> tuple[dict, Matrix]:
    with wf.session() as s:
        fingerprint = _fingerprint(s, round_id)
    cached = _loaded.get(wf, {}).get(round_id)
    if cached is not None and cached[0] == fingerprint and not reload:
        return cached[1], cached[2]
    matrix = sheet_matrix(wf, round_id)
    with wf.session() as s:
        points = _counted_points(s, round_id)
    _loaded.setdefault(wf, {})[round_id] = (fingerprint, points, matrix)
    return points, matrix


@dataclass(frozen=True)
class Explanation:
    author: str
    text: str
    recorded_at: datetime
    current: bool  # written for the flag as it stands now


@dataclass(frozen=True)
class TieView:
    order: list[int]
    reason: str
    recorded_at: datetime
    applies: bool  # the same applications are still tied at the same scores


@dataclass(frozen=True)
class LockView:
    decided_on: date
    method: str
    consolidated_at: datetime
    reopened_at: datetime | None
    reopen_reason: str | None
    reopened_on: date | None = None


@dataclass(frozen=True)
class RoundRanking:
    """Everything the chair's panel, the CLI and the export show of one round."""

    round_id: int
    title: str
    kind: str
    year: int
    analysis: Analysis
    names: dict[int, str]  # application → enterprise name
    experts: dict[int, str]  # expert → name, the round's panel
    chair: int | None
    rubric: Rubric | None
    points: dict[int, dict[int, dict[str, Decimal]]]  # application → expert → criterion → points
    explanations: dict[tuple[int, int, str, str], Explanation]
    tie: TieView | None
    lock: LockView | None
    history: list[LockView] = field(default_factory=list)  # every consolidation, oldest first
    missing: dict[int, list[int]] = field(default_factory=dict)  # application → experts whose sheet is not in
    reopen_refusal: str | None = None  # why a locked round can no longer be reopened

    @property
    def locked(self) -> bool:
        return self.lock is not None

    def unexplained(self) -> list[Flag]:
        return [f for f in self.analysis.flags
                if not (f.key in self.explanations and self.explanations[f.key].current)]

    def blockers(self) -> list[str]:
        """Why the round cannot be consolidated yet; empty when it can."""
        out = []
        missing = sum(len(experts) for experts in self.missing.values())
        if missing:
            out.append(f"还有{missing}份评分表未提交（草稿或未开始）")
        unassigned = [a for a in self.analysis.without_sheets if not self.missing.get(a)]
        if unassigned:
            out.append(f"{len(unassigned)}件申报尚未分配评审专家")
        unexplained = self.unexplained()
        if unexplained:
            out.append(f"还有{len(unexplained)}个偏离标记缺少书面说明")
        if self.analysis.unresolved_at_line:
            out.append(f"{self.analysis.line.rule}：名额线处{len(self.analysis.unresolved_at_line)}件申报并列，须由组长决定并写明理由")
        if not self.analysis.rows:
            out.append("本轮还没有已提交的评分表")
        return out


def analyse_round(wf: WorkingFile, round_id: int, method: Method | None = None, *,
                  reload: bool = False) -> RoundRanking:
    """The round's ranking by its settings (or, to compare, by another method). `reload` reads
    every score again even when the fingerprint says nothing changed (for `check`)."""
    points, matrix = _load(wf, round_id, reload)
    with wf.session() as s:
        rnd = s.get(Round, round_id)
        if rnd is None:
            raise ValueError(f"没有编号为{round_id}的轮次")
        settings = settings_of(rnd)
        if method is not None:
            settings = Settings(Method(method), settings.margin, settings.criterion_share, settings.tie_breaks)
        rubric = _rubric(s, rnd)
        experts = {e: name for e, name, _role in matrix.experts}
        chair = next((e for e, _n, role in matrix.experts if role == SeatRole.CHAIR), None)
        missing: dict[int, list[int]] = {}
        # Who must be scored: every row of an assessment round; the shortlisted of a recognition round.
        due = select(Application.id).where(Application.round_id == round_id)
        if RoundKind(rnd.kind) == RoundKind.RECOGNITION:
            due = due.where(Application.state == ApplicationState.SHORTLISTED.value)
        scored_apps = set(points) | set(s.scalars(due)) if not _consolidated(s, round_id) else set(points)
        for (expert, app), state in matrix.cells.items():
            if state in (SheetState.NOT_STARTED, SheetState.DRAFT):
                missing.setdefault(app, []).append(expert)
                scored_apps.add(app)
        tie_row = s.scalar(select(TieDecision).where(TieDecision.round_id == round_id).order_by(TieDecision.id.desc()))
        chair_order = json.loads(tie_row.applications) if tie_row else None
        maxima = {c.code: c.max_points for c in rubric.criteria} if rubric else {}
        sections = {sec.code: [c.code for c in sec.criteria] for sec in rubric.sections} if rubric else {}
        line = line_of(rnd, _assessed_years(s, round_id))
        chair_basis = {int(a): Decimal(v) for a, v in json.loads(tie_row.scores).items()} if tie_row else None
        result = analysis.analyse(points, line, settings, maxima=maxima, sections=sections, missing=missing,
                                  chair_order=chair_order, chair_basis=chair_basis, applications=sorted(scored_apps))
        explanations = {}
        for note in s.scalars(select(FlagExplanation).where(FlagExplanation.application_id.in_(
                select(Application.id).where(Application.round_id == round_id))).order_by(FlagExplanation.id)):
            explanations[(note.application_id, note.expert_id, note.kind, note.criterion_code)] = note
        current = {f.key: f.deviation for f in result.flags}
        explained = {k: Explanation(n.author, n.text, n.recorded_at, current.get(k) == n.deviation)
                     for k, n in explanations.items()}
        tie = None
        if tie_row is not None:
            tie = TieView(chair_order, tie_row.reason, tie_row.recorded_at, result.ranking.chair_order_applied)
        history = [LockView(c.decided_on, c.method, c.consolidated_at, c.reopened_at, c.reopen_reason, c.reopened_on)
                   for c in s.scalars(select(Consolidation).where(Consolidation.round_id == round_id)
                                      .order_by(Consolidation.id))]
        lock = next((h for h in history if h.reopened_at is None), None)
        standing = locked(s, round_id)
        refusal = _reopen_refusal(s, standing) if standing is not None else None
        return RoundRanking(round_id, rnd.title, rnd.kind, rnd.year, result, dict(matrix.applications), experts, chair,
                            rubric, points, explained, tie, lock, history, missing, refusal)


def _assessed_years(s, round_id: int) -> dict[int, int]:
    """Row → the assessment year it is for (1 or 2), as recorded when the round was opened."""
    return {a: y for a, y in s.execute(select(Application.id, Application.assessed_year)
                                       .where(Application.round_id == round_id)) if y is not None}


def _consolidated(s, round_id: int) -> bool:
    return locked(s, round_id) is not None


def preliminary_ranking(wf: WorkingFile, round_id: int) -> tuple[Ranking, dict[int, str]]:
    """R15: the preliminary (Annex 2) scores of the round with the shortlist line."""
    with wf.session() as s:
        rnd = s.get(Round, round_id)
        if rnd is None:
            raise ValueError(f"没有编号为{round_id}的轮次")
        rows = s.execute(select(Application.id, Application.enterprise_name, Application.preliminary_score,
                                Application.state).where(Application.round_id == round_id)).all()
        # R15 ranks those who passed the formal review; the rule's 40 counts every applicant
        scores = {a: score for a, _n, score, state in rows if score is not None and state != ApplicationState.REJECTED}
        return rank_by_shortlist(scores, rnd.places, len(rows)), {a: n for a, n, _s, _st in rows}


# -- explanations and the chair's tie decision -------------------------------------------------
def explain_flag(wf: WorkingFile, flag: Flag, author: str, text: str) -> Changes:
    """The written word a flag asks for (by the flagged expert or the chair)."""
    if author not in AUTHORS:
        raise ValueError(f"说明人应为 {AUTHORS}")
    if not text or not text.strip():
        raise ValueError("请写明说明内容")
    with wf.session(write=True) as s:
        round_id = s.get(Application, flag.application).round_id
        refuse_if_locked(s, round_id)
        s.add(FlagExplanation(application_id=flag.application, expert_id=flag.expert, kind=flag.kind.value,
                              criterion_code=flag.criterion, deviation=flag.deviation, author=author,
                              text=text.strip(), recorded_at=_now()))
        AuditLog(s).append("ranking.flag_explained", "application", flag.application,
                           {"expert": flag.expert, "kind": flag.kind.value, "criterion": flag.criterion,
                            "deviation": str(flag.deviation), "author": author, "text": text.strip()})
    return Changes(applications=frozenset({flag.application}), rounds=frozenset({round_id}))


def decide_tie(wf: WorkingFile, round_id: int, order: list[int], reason: str) -> Changes:
    """The chair's order of the applications still tied at the places line, with the reason (R16)."""
    if not reason or not reason.strip():
        raise RuleViolation("R16", "名额线处并列的处理须写明理由")
    view = analyse_round(wf, round_id)
    tied = view.analysis.unresolved_at_line or (view.tie.order if view.tie and view.tie.applies else [])
    if not tied:
        raise RuleViolation("R16", "名额线处没有需要组长决定的并列")
    if sorted(order) != sorted(tied):
        raise RuleViolation("R16", "组长的排序须恰好包含名额线处并列的申报")
    scores = {str(r.application): str(r.score) for r in view.analysis.rows if r.application in tied}
    with wf.session(write=True) as s:
        refuse_if_locked(s, round_id)
        s.add(TieDecision(round_id=round_id, applications=json.dumps(order), scores=json.dumps(scores),
                          reason=reason.strip(), recorded_at=_now()))
        AuditLog(s).append("ranking.tie_decided", "round", round_id,
                           {"order": order, "scores": scores, "reason": reason.strip()})
    return Changes(applications=frozenset(order), rounds=frozenset({round_id}))


# -- consolidation -----------------------------------------------------------------------------
def _result_json(view: RoundRanking) -> str:
    a = view.analysis
    return json.dumps({
        "method": a.settings.method.value, "margin": str(a.settings.margin), "tie_breaks": list(a.settings.tie_breaks),
        "line": {"kind": a.line.kind.value, "rule": a.line.rule, "places": a.line.places,
                 "pass_mark": None if a.line.pass_mark is None else str(a.line.pass_mark)},
        "kendall_w": None if a.kendall_w is None else str(a.kendall_w),
        "rows": [{"application": r.application, "name": view.names.get(r.application, ""), "rank": r.rank,
                  "score": str(r.score), "inside": r.inside,
                  "totals": {str(e): str(t) for e, t in sorted(r.totals.items())}} for r in a.rows],
    }, ensure_ascii=False, sort_keys=True)


def consolidate(wf: WorkingFile, round_id: int, decided_on: date) -> Changes:
    """The chair locks the round's result and it is recorded in the lifecycle, in one transaction:
    a recognition round's rows become selected / not selected (R16); an assessment round's centres
    are assessed with their aggregated score, passed or failed (R17/R18)."""
    from hvp_desktop.store import decisions

    view = analyse_round(wf, round_id)
    if view.locked:
        raise RuleViolation(view.analysis.line.rule, "本轮评审结果已经汇总锁定")
    blockers = view.blockers()
    if blockers:
        raise RuleViolation(view.analysis.line.rule, "尚不能汇总：" + "；".join(blockers))
    a = view.analysis
    recorded: dict[str, int] = {}  # application → the decision this consolidation recorded on it

    def record(target: Application, event: Event, note: str) -> None:
        decisions.record_in_session(s, audit, target, event, note=note)
        recorded[str(target.id)] = _latest_decision(s, target.id)

    with wf.session(write=True) as s:
        audit = AuditLog(s)
        rnd = s.get(Round, round_id)
        if RoundKind(rnd.kind) == RoundKind.RECOGNITION:
            rows = {r.application: r for r in a.rows}
            decided = [s.get(Application, app).enterprise_name for app in rows
                       if s.get(Application, app).state != ApplicationState.SHORTLISTED.value]
            if decided:  # e.g. a selected list recorded by hand: the ranking would contradict it
                raise RuleViolation("R16", f"{len(decided)}件申报已不在入围状态（已记录入选结果），不能再汇总，例如："
                                    + "、".join(decided[:3]))
            shortlisted = list(s.scalars(select(Application).where(
                Application.round_id == round_id, Application.state == ApplicationState.SHORTLISTED.value)))
            unscored = [app.enterprise_name for app in shortlisted if app.id not in rows]
            if unscored:
                raise RuleViolation("R16", f"{len(unscored)}件入围申报没有专家评分，例如：" + "、".join(unscored[:3]))
            inside = [app for app in shortlisted if rows[app.id].inside]
            decisions.check_selection_count(s, round_id, len(inside))
            for app in shortlisted:
                kind = Kind.SELECTED if rows[app.id].inside else Kind.NOT_SELECTED
                record(app, Event.of(kind, decided_on), f"汇总得分{rows[app.id].score}，第{rows[app.id].rank}名")
        else:
            for r in a.rows:
                app = s.get(Application, r.application)
                target = s.get(Application, app.assesses_application_id) if app.assesses_application_id else None
                if target is None:
                    raise RuleViolation(a.line.rule, f"“{app.enterprise_name}”没有对应的已认定中心")
                year = app.assessed_year or ASSESSMENT_YEAR.get(RoundKind(rnd.kind)) or _rectification_year(s, target)
                record(target, Event.of(Kind.ASSESSED, decided_on, year=year, score=str(r.score)),
                       f"{rnd.title}专家汇总得分")
        result = json.loads(_result_json(view))
        result["decisions"] = recorded
        s.add(Consolidation(round_id=round_id, method=a.settings.method.value, decided_on=decided_on,
                            result=json.dumps(result, ensure_ascii=False, sort_keys=True), consolidated_at=_now()))
        audit.append("ranking.consolidated", "round", round_id,
                     {"on": decided_on, "method": a.settings.method.value,
                      "inside": [r.application for r in a.rows if r.inside]})
    touched = {r.application for r in a.rows}
    return Changes(applications=frozenset(touched | _assessed_targets(wf, touched)), rounds=frozenset({round_id}))


def _latest_decision(s, application_id: int) -> int | None:
    return s.scalar(select(func.max(Decision.id)).where(Decision.application_id == application_id))


def _rectification_year(s, target: Application) -> int:
    from hvp_desktop.store.decisions import centre_of

    c = centre_of(s, target.id)
    if c.rectification is None:
        raise RuleViolation("R17", f"“{target.enterprise_name}”不在整改期内")
    return c.rectification.year


def _assessed_targets(wf: WorkingFile, application_ids: set[int]) -> set[int]:
    with wf.session() as s:
        return {t for t in s.scalars(select(Application.assesses_application_id)
                                     .where(Application.id.in_(application_ids))) if t is not None}


def consolidation_mismatches(wf: WorkingFile) -> list[str]:
    """Locked rounds whose result, computed again from the sheets, is not what was locked ([] when
    sound): a sheet changed under the lock would show here even with the audit chain rebuilt."""
    with wf.session() as s:
        locks = list(s.execute(select(Consolidation.round_id, Consolidation.result)
                               .where(Consolidation.reopened_at.is_(None))))
    problems = []
    for round_id, stored in locks:
        locked_rows = {r["application"]: (r["score"], r["inside"]) for r in json.loads(stored)["rows"]}
        now = {r.application: (str(r.score), r.inside)
               for r in analyse_round(wf, round_id, reload=True).analysis.rows}
        changed = sorted(a for a in set(locked_rows) | set(now) if locked_rows.get(a) != now.get(a))
        if changed:
            problems.append(f"轮次{round_id}的汇总结果与评分表重新计算的不一致（申报{changed[:5]}）")
    return problems


def _reopen_refusal(s, lock: Consolidation) -> str | None:
    """Why a consolidation can no longer be reopened: something was decided after the results it
    recorded (a publicity, a later round's assessment). None when it can."""
    for app_id, decision_id in json.loads(lock.result).get("decisions", {}).items():
        if _latest_decision(s, int(app_id)) != decision_id:
            name = s.get(Application, int(app_id)).enterprise_name
            return f"“{name}”在本轮汇总之后已有其他决定，不能重新开放本轮"
    return None


def reopen(wf: WorkingFile, round_id: int, reason: str, on: date) -> Changes:
    """Undo the lock with a written reason: the recorded results are reopened in the lifecycle too,
    which is refused once a later step (a publicity, an objection) has been taken on them."""
    from hvp_desktop.store import decisions

    if not reason or not reason.strip():
        raise RuleViolation("R16", "重新开放须写明理由")
    with wf.session(write=True) as s:
        lock = locked(s, round_id)
        if lock is None:
            raise RuleViolation("R16", "本轮评审结果尚未汇总锁定")
        rnd = s.get(Round, round_id)
        result = json.loads(lock.result)
        audit = AuditLog(s)
        touched = set()
        rule = result["line"]["rule"].split("/")[0]
        refusal = _reopen_refusal(s, lock)
        if refusal:
            raise RuleViolation(rule, refusal)
        for row in result["rows"]:
            app = s.get(Application, row["application"])
            target = app if RoundKind(rnd.kind) == RoundKind.RECOGNITION else s.get(Application, app.assesses_application_id)
            if target is not None and str(target.id) in result.get("decisions", {str(target.id): None}):
                decisions.record_in_session(s, audit, target, Event.of(Kind.RESULT_REOPENED, on, rule=rule),
                                            note=reason.strip())
                touched |= {app.id, target.id}
        lock.reopened_at, lock.reopened_on, lock.reopen_reason = _now(), on, reason.strip()
        audit.append("ranking.reopened", "round", round_id, {"on": on, "reason": reason.strip()})
    return Changes(applications=frozenset(touched), rounds=frozenset({round_id}))


# -- assessment rounds -------------------------------------------------------------------------
ASSESSED_STATE = {RoundKind.YEAR1: ApplicationState.RECOGNISED, RoundKind.YEAR2: ApplicationState.Y1_PASSED,
                  RoundKind.RECTIFICATION: ApplicationState.RECTIFYING}


def _candidates(s, kind: RoundKind, centre_ids: list[int] | None = None) -> list[Application]:
    query = select(Application).join(Round, Round.id == Application.round_id).where(
        Round.kind == RoundKind.RECOGNITION.value, Application.state == ASSESSED_STATE[kind].value)
    if centre_ids is not None:
        query = query.where(Application.id.in_(centre_ids))
    # A centre already in an assessment round that is not consolidated yet is being assessed there.
    in_progress = {a for a, r in s.execute(select(Application.assesses_application_id, Application.round_id)
                                           .where(Application.assesses_application_id.is_not(None)))
                   if locked(s, r) is None}
    return [c for c in s.scalars(query.order_by(Application.enterprise_name)) if c.id not in in_progress]


def assessment_candidates(wf: WorkingFile, kind: RoundKind) -> list[tuple[int, str]]:
    """(recognition application, enterprise) of the centres an assessment round of `kind` would take."""
    with wf.session() as s:
        return [(c.id, c.enterprise_name) for c in _candidates(s, RoundKind(kind))]


def open_assessment_round(wf: WorkingFile, year: int, kind: RoundKind, centre_ids: list[int] | None = None) -> int:
    """An assessment round of `year` (R17 year 1, R18 year 2, or a rectification re-assessment):
    one row per centre in the state that assessment is for, ready for a panel, a rubric and sheets.
    `centre_ids` (recognition applications) limits it to those centres; returns the round's id."""
    from hvp_desktop.store.operations import ROUND_TITLES

    kind = RoundKind(kind)
    if kind not in ASSESSED_STATE:
        raise ValueError("考核轮次只有第一年、第二年和整改复核")
    with wf.session(write=True) as s:
        if s.scalar(select(Round).where(Round.year == year, Round.kind == kind.value)) is not None:
            raise RuleViolation("R17" if kind != RoundKind.YEAR2 else "R18", f"{year}年度已有该考核轮次")
        centres = _candidates(s, kind, centre_ids)
        if not centres:
            raise RuleViolation("R17" if kind != RoundKind.YEAR2 else "R18", "没有处于该考核阶段的中心")
        now = _now()
        rnd = Round(year=year, kind=kind.value, title=ROUND_TITLES[kind].format(year=year), places=len(centres),
                    created_at=now)
        s.add(rnd)
        s.flush()
        for c in centres:
            assessed = ASSESSMENT_YEAR.get(kind) or _rectification_year(s, c)
            s.add(Application(round_id=rnd.id, enterprise_id=c.enterprise_id, enterprise_name=c.enterprise_name,
                              affiliation_group=c.affiliation_group, assesses_application_id=c.id,
                              assessed_year=assessed,
                              source=f"{kind.value} assessment of application {c.id}", created_at=now, updated_at=now))
        AuditLog(s).append("round.assessment_opened", "round", rnd.id,
                           {"year": year, "kind": kind.value, "centres": [c.id for c in centres]})
        return rnd.id

"""A round's aggregated ranking, read side (issue 5): what counts, read once into a plain
`RoundData` snapshot that `scoring.review` turns into the chair's view. The changes (settings,
explanations, the chair's tie decision, confirming and withdrawing the result, assessment
rounds) are operations in `store/ops/ranking.py`.

What counts: per application, each non-conflicted expert's latest submitted sheet. Drafts
(including a correction in progress) and sheets not started are reported as missing, never
counted as zero.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from weakref import WeakKeyDictionary

from sqlalchemy import Text, and_, func, select, type_coerce

from hvp_desktop.domain.model import ApplicationState, RoundKind, SeatRole
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.analysis import Settings
from hvp_desktop.scoring.ranking import Line, Ranking, rank_by_shortlist
from hvp_desktop.scoring.review import (  # noqa: F401  (the chair's view, re-exported for callers)
    Explanation,
    LockView,
    RoundData,
    RoundRanking,
    StoredExplanation,
    StoredTie,
    TieView,
    review,
)
from hvp_desktop.scoring.rubric import Rubric
from hvp_desktop.store import heads
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
    TieDecision,
)
from hvp_desktop.store.panel import Matrix, SheetState, matrix_in
from hvp_desktop.store.round_lock import locked
from hvp_desktop.store.sheets import rubric_in
from hvp_desktop.store.visits import checklist_vetoes

SCHEMA_WITH_CONSOLIDATIONS = 5  # migrations/0005_ranking.sql
ASSESSMENT_YEAR = {RoundKind.YEAR1: 1, RoundKind.YEAR2: 2}
ASSESSED_STATE = {RoundKind.YEAR1: ApplicationState.RECOGNISED, RoundKind.YEAR2: ApplicationState.Y1_PASSED,
                  RoundKind.RECTIFICATION: ApplicationState.RECTIFYING}


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


def round_rubric(s, rnd: Round) -> Rubric | None:
    return rubric_in(s, rnd.rubric_version) if rnd.rubric_version is not None else None


# -- what counts -------------------------------------------------------------------------------
_MOST_POINTS = Decimal(100)  # a criterion never carries more than the table's whole


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
            try:
                value = Decimal(text)
            except InvalidOperation:
                value = Decimal("NaN")
            if not value.is_finite() or not Decimal(0) <= value <= _MOST_POINTS:  # no table gives these
                raise RuleViolation("FILE", f"申报{app}的专家打分表中有不可能的分值：{text!r}（文件已被改动？）",
                                    f"A score of application {app} is not a possible number: {text!r} "
                                    "(was the file edited?)")
            decimals[text] = value
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


# The loaded sheets of the rounds analysed lately, per open file (engine): re-ranking after a
# change of method, an explanation or a tie decision reads only the fingerprint, not 225,000
# scores. Only read transactions fill it: a write transaction may still roll back.
_loaded: WeakKeyDictionary = WeakKeyDictionary()


def _load(s, round_id: int, *, reload: bool, fill_cache: bool) -> tuple[dict, Matrix]:
    owner = s.get_bind()
    fingerprint = _fingerprint(s, round_id)
    cached = _loaded.get(owner, {}).get(round_id)
    if cached is not None and cached[0] == fingerprint and not reload:
        return cached[1], cached[2]
    matrix = matrix_in(s, round_id)
    points = _counted_points(s, round_id)
    if fill_cache:
        _loaded.setdefault(owner, {})[round_id] = (fingerprint, points, matrix)
    return points, matrix


def round_data(s, round_id: int, *, reload: bool = False, fill_cache: bool = False) -> RoundData:
    """One round's whole scoring data, read in one transaction (`s`)."""
    rnd = s.get(Round, round_id)
    if rnd is None:
        raise InvalidInput(f"没有编号为{round_id}的轮次", f"no round with id {round_id}")
    points, matrix = _load(s, round_id, reload=reload, fill_cache=fill_cache)
    experts = {e: name for e, name, _role in matrix.experts}
    chair = next((e for e, _n, role in matrix.experts if role == SeatRole.CHAIR), None)
    # Who must be scored: every row of an assessment round; the shortlisted of a recognition round.
    due = select(Application.id).where(Application.round_id == round_id)
    if RoundKind(rnd.kind) == RoundKind.RECOGNITION:
        due = due.where(Application.state == ApplicationState.SHORTLISTED.value)
    standing = locked(s, round_id)
    scored_apps = set(points) | (set(s.scalars(due)) if standing is None else set())
    missing: dict[int, list[int]] = {}
    for (expert, app), state in matrix.cells.items():
        if state in (SheetState.NOT_STARTED, SheetState.DRAFT):
            missing.setdefault(app, []).append(expert)
            scored_apps.add(app)
    tie_row = s.scalar(select(TieDecision).where(TieDecision.round_id == round_id).order_by(TieDecision.id.desc()))
    tie = None if tie_row is None else StoredTie(
        json.loads(tie_row.applications), {int(a): Decimal(v) for a, v in json.loads(tie_row.scores).items()},
        tie_row.reason, tie_row.recorded_at)
    explanations = {}
    for note in s.scalars(select(FlagExplanation).where(FlagExplanation.application_id.in_(
            select(Application.id).where(Application.round_id == round_id))).order_by(FlagExplanation.id)):
        explanations[(note.application_id, note.expert_id, note.kind, note.criterion_code)] = StoredExplanation(
            note.author, note.text, note.recorded_at, note.deviation)
    history = [LockView(c.decided_on, c.method, c.consolidated_at, c.reopened_at, c.reopen_reason, c.reopened_on)
               for c in s.scalars(select(Consolidation).where(Consolidation.round_id == round_id)
                                  .order_by(Consolidation.id))]
    return RoundData(round_id, rnd.title, rnd.kind, rnd.year, settings_of(rnd), line_of(rnd, assessed_years(s, round_id)),
                     round_rubric(s, rnd), dict(matrix.applications), experts, chair, points, missing,
                     sorted(scored_apps), explanations, tie, history,
                     reopen_refusal(s, standing) if standing is not None else None, heads.current(s).text(),
                     checklist_vetoes(s, round_id) if RoundKind(rnd.kind) != RoundKind.RECOGNITION else {})


def analyse_round(wf: WorkingFile, round_id: int, method: Method | None = None, *,
                  reload: bool = False) -> RoundRanking:
    """The round's ranking by its settings (or, to compare, by another method). `reload` reads
    every score again even when the fingerprint says nothing changed (for `check`)."""
    with wf.session() as s:
        data = round_data(s, round_id, reload=reload, fill_cache=True)
    return review(data, method)


def assessed_years(s, round_id: int) -> dict[int, int]:
    """Row → the assessment year it is for (1 or 2), as recorded when the round was opened."""
    return {a: y for a, y in s.execute(select(Application.id, Application.assessed_year)
                                       .where(Application.round_id == round_id)) if y is not None}


def preliminary_ranking(wf: WorkingFile, round_id: int) -> tuple[Ranking, dict[int, str]]:
    """R15: the preliminary (Annex 2) scores of the round with the shortlist line."""
    with wf.session() as s:
        rnd = s.get(Round, round_id)
        if rnd is None:
            raise InvalidInput(f"没有编号为{round_id}的轮次", f"no round with id {round_id}")
        rows = s.execute(select(Application.id, Application.enterprise_name, Application.preliminary_score,
                                Application.state).where(Application.round_id == round_id)).all()
        # R15 ranks those who passed the formal review; the rule's 40 counts every applicant
        scores = {a: score for a, _n, score, state in rows if score is not None and state != ApplicationState.REJECTED}
        return rank_by_shortlist(scores, rnd.places, len(rows)), {a: n for a, n, _s, _st in rows}


def result_json(view: RoundRanking) -> str:
    a = view.analysis
    return json.dumps({
        "method": a.settings.method.value, "margin": str(a.settings.margin), "tie_breaks": list(a.settings.tie_breaks),
        "line": {"kind": a.line.kind.value, "rule": a.line.rule, "places": a.line.places,
                 "pass_mark": None if a.line.pass_mark is None else str(a.line.pass_mark)},
        "kendall_w": None if a.kendall_w is None else str(a.kendall_w),
        "vetoed": {str(app): codes for app, codes in sorted(view.vetoed.items())},
        "rows": [{"application": r.application, "name": view.names.get(r.application, ""), "rank": r.rank,
                  "score": str(r.score), "inside": r.inside,
                  "totals": {str(e): str(t) for e, t in sorted(r.totals.items())}} for r in a.rows],
    }, ensure_ascii=False, sort_keys=True)


def latest_decision(s, application_id: int) -> int | None:
    return s.scalar(select(func.max(Decision.id)).where(Decision.application_id == application_id))


def consolidation_mismatches(wf: WorkingFile) -> list[str]:
    """Locked rounds whose result, computed again from the sheets, is not what was locked ([] when
    sound): a sheet changed under the lock would show here even with the audit chain rebuilt."""
    with wf.session() as s:
        locks = list(s.execute(select(Consolidation.round_id, Consolidation.result)
                               .where(Consolidation.reopened_at.is_(None))))
    problems = []
    for round_id, stored in locks:
        locked_rows = {r["application"]: (r["score"], r["inside"]) for r in json.loads(stored)["rows"]}
        try:
            now = {r.application: (str(r.score), r.inside)
                   for r in analyse_round(wf, round_id, reload=True).analysis.rows}
        except RuleViolation as exc:
            problems.append(f"轮次{round_id}：{exc.zh}")
            continue
        changed = sorted(a for a in set(locked_rows) | set(now) if locked_rows.get(a) != now.get(a))
        if changed:
            problems.append(f"轮次{round_id}的确认结果与专家打分表重新计算的不一致（申报{changed[:5]}）")
    return problems


def reopen_refusal(s, lock: Consolidation) -> tuple[str, str] | None:
    """Why a confirmed result can no longer be withdrawn, (Chinese, English): something was decided
    after the results it recorded (a publicity, a later round's assessment). None when it can."""
    for app_id, decision_id in json.loads(lock.result).get("decisions", {}).items():
        if latest_decision(s, int(app_id)) != decision_id:
            name = s.get(Application, int(app_id)).enterprise_name
            return (f"“{name}”在本轮确认结果之后已有其他决定，不能撤回确认",
                    f"“{name}” has had a later decision since this result was confirmed: it cannot be withdrawn.")
    return None


# -- assessment rounds -------------------------------------------------------------------------
def candidates(s, kind: RoundKind, centre_ids: list[int] | None = None) -> list[Application]:
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
        return [(c.id, c.enterprise_name) for c in candidates(s, RoundKind(kind))]

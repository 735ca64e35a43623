"""Score sheets in the working file (issue 4): drafts saved criterion by criterion, submission
with the conflict-of-interest statement and a drawn signature, corrections as new revisions,
and paper sheets keyed twice, blind, by the secretary.

Every write is its own transaction: closing the lid or a crash loses nothing already entered.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import func, select

from hvp_desktop.domain.model import SheetStatus
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store.audit import AuditLog
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import (
    Application,
    Assignment,
    Conflict,
    PaperKeying,
    Round,
    ScoreEntry,
    ScoreSheet,
    StoredRubric,
)
from hvp_desktop.store.panel import CONFLICT_RULE
from hvp_desktop.store.round_lock import refuse_if_application_locked

STATEMENT = "本人与该申报单位不存在利益冲突"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# -- rubrics in the file -----------------------------------------------------------------------
def store_rubric(wf: WorkingFile, rubric: rubrics.Rubric) -> str:
    """Keep a reviewed rubric in the file (once per digest); returns its label."""
    with wf.session(write=True) as s:
        if s.scalar(select(StoredRubric).where(StoredRubric.digest == rubric.digest)) is None:
            s.add(StoredRubric(label=rubric.label, digest=rubric.digest, kind=rubric.kind,
                               body=rubrics.to_json(rubric), added_at=_now()))
            AuditLog(s).append("rubric.stored", "rubric", rubric.digest[:16],
                               {"label": rubric.label, "source": rubric.source})
    return rubric.label


def rubric_by_label(wf: WorkingFile, label: str) -> rubrics.Rubric:
    with wf.session() as s:
        stored = s.scalar(select(StoredRubric).where(StoredRubric.label == label))
        if stored is None:
            raise ValueError(f"文件中没有评分表“{label}”")
        return rubrics.loads(stored.body)


# -- sheets ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sheet:
    id: int
    application_id: int
    expert_id: int
    revision: int
    status: str
    rubric_label: str
    transcribed: bool
    entries: dict[str, tuple[Decimal | None, str]]  # code → (points, comment)
    correction_reason: str | None = None

    @property
    def total(self) -> Decimal:
        return rubrics.total({code: points for code, (points, _comment) in self.entries.items()})


def _sheet(s, sheet_id: int) -> ScoreSheet:
    sheet = s.get(ScoreSheet, sheet_id)
    if sheet is None:
        raise ValueError(f"没有编号为{sheet_id}的评分表")
    return sheet


def _view(sheet: ScoreSheet) -> Sheet:
    return Sheet(sheet.id, sheet.application_id, sheet.expert_id, sheet.revision, sheet.status,
                 sheet.rubric_version, sheet.transcribed_from_paper,
                 {e.criterion_code: (e.points, e.comment or "") for e in sheet.entries}, sheet.correction_reason)


def get_sheet(wf: WorkingFile, sheet_id: int) -> Sheet:
    with wf.session() as s:
        return _view(_sheet(s, sheet_id))


def current_sheet(wf: WorkingFile, expert_id: int, application_id: int) -> Sheet | None:
    """The expert's latest sheet for the application, without creating one (looking writes nothing)."""
    with wf.session() as s:
        conflict = s.scalar(select(Conflict).where(Conflict.expert_id == expert_id,
                                                   Conflict.application_id == application_id))
        if conflict is not None:
            raise RuleViolation(CONFLICT_RULE, f"与该申报单位存在利益冲突（{conflict.reason}），不能评分")
        current = s.scalar(select(ScoreSheet).where(ScoreSheet.expert_id == expert_id,
                                                    ScoreSheet.application_id == application_id)
                           .order_by(ScoreSheet.revision.desc()).limit(1))
        return None if current is None else _view(current)


def set_round_rubric(wf: WorkingFile, round_id: int, label: str) -> None:
    """Choose a stored rubric (e.g. the official Annex table) for a round, before any sheet exists."""
    with wf.session(write=True) as s:
        _rubric_in(s, label)
        rnd = s.get(Round, round_id)
        if rnd is None:
            raise ValueError(f"没有编号为{round_id}的轮次")
        scored = s.scalar(select(func.count()).select_from(ScoreSheet).join(
            Application, ScoreSheet.application_id == Application.id).where(Application.round_id == round_id))
        if scored:
            raise RuleViolation("评分表", f"本轮已开始评分（{scored}份评分表），评分表已冻结为“{rnd.rubric_version}”")
        AuditLog(s).append("round.rubric", "round", round_id, {"rubric": [rnd.rubric_version, label]})
        rnd.rubric_version = label


def open_sheet(wf: WorkingFile, expert_id: int, application_id: int, rubric_label: str, *,
               transcribed: bool = False) -> Sheet:
    """The expert's current sheet for this application, created as a draft on first opening.

    Refused for a conflicted expert (回避) and for an expert not assigned to the application.
    The first sheet of a round freezes the round's rubric; later sheets must use the same one.
    """
    with wf.session(write=True) as s:
        app = s.get(Application, application_id)
        if app is None:
            raise ValueError(f"没有编号为{application_id}的申报")
        conflict = s.scalar(select(Conflict).where(Conflict.expert_id == expert_id,
                                                   Conflict.application_id == application_id))
        if conflict is not None:
            raise RuleViolation(CONFLICT_RULE, f"与该申报单位存在利益冲突（{conflict.reason}），不能评分")
        if s.scalar(select(ScoreSheet.id).where(ScoreSheet.expert_id == expert_id,
                                                ScoreSheet.application_id == application_id)) is None:
            refuse_if_application_locked(s, application_id)
        if s.scalar(select(Assignment).where(Assignment.expert_id == expert_id,
                                             Assignment.application_id == application_id)) is None:
            raise ValueError("该专家未被分配评审此申报")
        current = s.scalar(select(ScoreSheet).where(ScoreSheet.expert_id == expert_id,
                                                    ScoreSheet.application_id == application_id)
                           .order_by(ScoreSheet.revision.desc()).limit(1))
        if current is not None:
            if transcribed and not current.transcribed_from_paper:
                if current.status != SheetStatus.DRAFT.value or current.entries:
                    raise RuleViolation("评分表", "该专家已有电子评分表，不能再录入纸质评分表")
                current.transcribed_from_paper = True  # an untouched draft becomes the paper sheet
            return _view(current)
        rnd = s.get(Round, app.round_id)
        if rnd.rubric_version is None:
            rnd.rubric_version = rubric_label  # frozen: scoring has started
            AuditLog(s).append("round.rubric_frozen", "round", rnd.id, {"rubric": rubric_label})
        elif rnd.rubric_version != rubric_label:
            raise RuleViolation("评分表", f"本轮评分已采用“{rnd.rubric_version}”，不能改用“{rubric_label}”")
        sheet = ScoreSheet(application_id=application_id, expert_id=expert_id, revision=1,
                           status=SheetStatus.DRAFT.value, rubric_version=rubric_label,
                           transcribed_from_paper=transcribed, created_at=_now())
        s.add(sheet)
        s.flush()
        AuditLog(s).append("sheet.opened", "application", application_id,
                           {"sheet": sheet.id, "expert": expert_id, "rubric": rubric_label,
                            "transcribed": transcribed})
        return _view(sheet)


def _editable_draft(s, sheet_id: int) -> tuple[ScoreSheet, rubrics.Rubric]:
    """The sheet, if it may still be edited (a draft, no conflict), and its rubric."""
    sheet = _sheet(s, sheet_id)
    if sheet.status != SheetStatus.DRAFT.value:
        raise RuleViolation("评分表", "已提交的评分表不能修改；如需更正请新建修订版并写明理由")
    _refuse_if_conflicted(s, sheet)
    refuse_if_application_locked(s, sheet.application_id)
    return sheet, _rubric_in(s, sheet.rubric_version)


def _check_entry(rubric: rubrics.Rubric, code: str, points: Decimal | None) -> None:
    criterion = next((c for c in rubric.criteria if c.code == code), None)
    if criterion is None:
        raise ValueError(f"评分表中没有指标{code}")
    problem = rubrics.check_score(criterion, points) if points is not None else None
    if problem:
        raise RuleViolation("评分表", f"{code} {criterion.title}：{problem}")


def save_entry(wf: WorkingFile, sheet_id: int, code: str, points: Decimal | None, comment: str = "") -> Sheet:
    """Save one criterion of a draft at once; a score outside 0..max or off the step is refused."""
    with wf.session(write=True) as s:
        sheet, rubric = _editable_draft(s, sheet_id)
        _check_entry(rubric, code, points)
        entry = next((e for e in sheet.entries if e.criterion_code == code), None)
        if entry is None:
            entry = ScoreEntry(criterion_code=code)
            sheet.entries.append(entry)
        if (entry.points, entry.comment or "") == (points, comment or ""):
            return _view(sheet)
        entry.points, entry.comment = points, comment or None
        AuditLog(s).append("sheet.entry", "application", sheet.application_id,
                           {"sheet": sheet.id, "criterion": code, "points": points, "comment": comment or None})
        s.flush()
        return _view(sheet)


def save_entries(wf: WorkingFile, sheet_id: int, entries: dict[str, tuple[Decimal | None, str]]) -> Sheet:
    """Several criteria of a draft in one transaction (a pasted or imported sheet); all or none."""
    with wf.session(write=True) as s:
        sheet, rubric = _editable_draft(s, sheet_id)
        existing = {e.criterion_code: e for e in sheet.entries}
        for code, (points, comment) in entries.items():
            _check_entry(rubric, code, points)
            entry = existing.get(code) or ScoreEntry(criterion_code=code)
            if code not in existing:
                sheet.entries.append(entry)
            entry.points, entry.comment = points, comment or None
        AuditLog(s).append("sheet.entries", "application", sheet.application_id,
                           {"sheet": sheet.id, "entries": {c: [p, m] for c, (p, m) in sorted(entries.items())}})
        s.flush()
        return _view(sheet)


def _refuse_if_conflicted(s, sheet: ScoreSheet) -> None:
    """A conflict recorded after a draft was opened stops that draft too (回避)."""
    conflict = s.scalar(select(Conflict).where(Conflict.expert_id == sheet.expert_id,
                                               Conflict.application_id == sheet.application_id))
    if conflict is not None:
        raise RuleViolation(CONFLICT_RULE, f"与该申报单位存在利益冲突（{conflict.reason}），不能评分")


def _rubric_in(s, label: str) -> rubrics.Rubric:
    stored = s.scalar(select(StoredRubric).where(StoredRubric.label == label))
    if stored is None:
        raise ValueError(f"文件中没有评分表“{label}”")
    return rubrics.loads(stored.body)


def submission_problems(rubric: rubrics.Rubric, sheet: Sheet) -> list[str]:
    """What still stands in the way of submitting: unscored criteria and missing comments.

    A sheet transcribed from paper is checked for scores only: its comments stay on the signed
    paper sheet, which is archived.
    """
    problems = []
    for criterion in rubric.criteria:
        points, comment = sheet.entries.get(criterion.code, (None, ""))
        if points is None:
            problems.append(f"{criterion.code} {criterion.title}：尚未评分")
            continue
        why = rubrics.comment_required(criterion, points)
        if why and not comment.strip() and not sheet.transcribed:
            problems.append(f"{criterion.code} {criterion.title}：{why}")
    return problems


def submit(wf: WorkingFile, sheet_id: int, *, statement_confirmed: bool, signature_strokes: list | None,
           signature_png: bytes | None) -> Sheet:
    """Submit a draft: every criterion scored, comments where required, the statement confirmed,
    and the expert's drawn signature (vector strokes and the rendered image). Read-only after."""
    with wf.session(write=True) as s:
        sheet = _sheet(s, sheet_id)
        if sheet.status != SheetStatus.DRAFT.value:
            raise RuleViolation("评分表", "该评分表已经提交")
        _refuse_if_conflicted(s, sheet)
        refuse_if_application_locked(s, sheet.application_id)
        problems = submission_problems(_rubric_in(s, sheet.rubric_version), _view(sheet))
        if not statement_confirmed:
            problems.append(f"须确认声明：{STATEMENT}")
        if not sheet.transcribed_from_paper and not (signature_strokes and signature_png):
            problems.append("须手写签名")
        if problems:
            raise RuleViolation("评分表", "不能提交：" + "；".join(problems))
        now = _now()
        sheet.status, sheet.submitted_at, sheet.statement_confirmed_at = SheetStatus.SUBMITTED.value, now, now
        sheet.signature_strokes = json.dumps(signature_strokes) if signature_strokes else None
        sheet.signature_png = signature_png
        view = _view(sheet)
        AuditLog(s).append("sheet.submitted", "application", sheet.application_id,
                           {"sheet": sheet.id, "expert": sheet.expert_id, "total": view.total,
                            "revision": sheet.revision})
        return view


def correct(wf: WorkingFile, sheet_id: int, reason: str) -> Sheet:
    """A submitted sheet is never edited: a correction is a new draft revision, with its reason."""
    if not reason or not reason.strip():
        raise RuleViolation("评分表", "更正须写明理由")
    with wf.session(write=True) as s:
        old = _sheet(s, sheet_id)
        _refuse_if_conflicted(s, old)
        refuse_if_application_locked(s, old.application_id)
        if old.status != SheetStatus.SUBMITTED.value:
            raise RuleViolation("评分表", "只有已提交的评分表需要更正；草稿可直接修改")
        latest = s.scalar(select(func.max(ScoreSheet.revision)).where(
            ScoreSheet.expert_id == old.expert_id, ScoreSheet.application_id == old.application_id))
        if latest != old.revision:
            raise RuleViolation("评分表", "请在最新的修订版上更正")
        new = ScoreSheet(application_id=old.application_id, expert_id=old.expert_id, revision=old.revision + 1,
                         status=SheetStatus.DRAFT.value, rubric_version=old.rubric_version,
                         transcribed_from_paper=old.transcribed_from_paper, correction_reason=reason.strip(),
                         created_at=_now(),
                         entries=[ScoreEntry(criterion_code=e.criterion_code, points=e.points, comment=e.comment)
                                  for e in old.entries])
        s.add(new)
        s.flush()
        AuditLog(s).append("sheet.corrected", "application", old.application_id,
                           {"from_sheet": old.id, "sheet": new.id, "revision": new.revision,
                            "reason": reason.strip()})
        return _view(new)


# -- paper sheets, keyed twice -----------------------------------------------------------------
def save_keying(wf: WorkingFile, expert_id: int, application_id: int, keying: int,
                entries: dict[str, Decimal]) -> None:
    """One blind keying (1 or 2) of a paper sheet; each keying may be redone until they agree."""
    if keying not in (1, 2):
        raise ValueError("keying is 1 or 2")
    for code, points in entries.items():
        if not isinstance(points, Decimal) or not points.is_finite():
            raise ValueError(f"{code}：录入的分值不是有效数字")
    with wf.session(write=True) as s:
        refuse_if_application_locked(s, application_id)
        row = s.scalar(select(PaperKeying).where(PaperKeying.expert_id == expert_id,
                                                 PaperKeying.application_id == application_id,
                                                 PaperKeying.keying == keying))
        body = json.dumps({code: str(points) for code, points in sorted(entries.items())})
        if row is None:
            s.add(PaperKeying(expert_id=expert_id, application_id=application_id, keying=keying, entries=body,
                              keyed_at=_now()))
        else:
            row.entries, row.keyed_at = body, _now()
        AuditLog(s).append("paper.keyed", "application", application_id, {"expert": expert_id, "keying": keying})


def keying_differences(wf: WorkingFile, expert_id: int, application_id: int) -> list[tuple[str, str | None, str | None]]:
    """Criterion by criterion, where the two keyings disagree ([] when they agree)."""
    with wf.session() as s:
        rows = {k.keying: json.loads(k.entries) for k in s.scalars(select(PaperKeying).where(
            PaperKeying.expert_id == expert_id, PaperKeying.application_id == application_id))}
    if set(rows) != {1, 2}:
        raise ValueError("须先完成两次独立录入")
    codes = sorted(set(rows[1]) | set(rows[2]))
    return [(code, rows[1].get(code), rows[2].get(code)) for code in codes
            if Decimal(rows[1].get(code) or "NaN").compare(Decimal(rows[2].get(code) or "NaN")) != 0]


def accept_keyings(wf: WorkingFile, expert_id: int, application_id: int, rubric_label: str) -> Sheet:
    """When both keyings agree, they become the expert's sheet, marked as transcribed from paper."""
    differences = keying_differences(wf, expert_id, application_id)
    if differences:
        raise RuleViolation("评分表", f"两次录入有{len(differences)}处不一致，须核对纸质评分表后重录")
    with wf.session() as s:
        keyed = {code: Decimal(points) for code, points in json.loads(s.scalar(select(PaperKeying.entries).where(
            PaperKeying.expert_id == expert_id, PaperKeying.application_id == application_id,
            PaperKeying.keying == 1))).items()}
    rubric = rubric_by_label(wf, rubric_label)
    problems = [f"{c.code}：{'尚未录入' if c.code not in keyed else rubrics.check_score(c, keyed[c.code])}"
                for c in rubric.criteria if c.code not in keyed or rubrics.check_score(c, keyed[c.code])]
    if problems:  # checked before anything is written: no half-made sheet is left behind
        raise RuleViolation("评分表", "纸质评分表录入有误：" + "；".join(problems[:5]))
    sheet = open_sheet(wf, expert_id, application_id, rubric_label, transcribed=True)
    sheet = save_entries(wf, sheet.id, {code: (points, "") for code, points in keyed.items()})
    return submit(wf, sheet.id, statement_confirmed=True, signature_strokes=None, signature_png=None)

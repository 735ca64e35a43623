"""Operations on rubrics and score sheets (issue 4): a score typed into a sheet (the first one
creates the draft and freezes the round's rubric), submission with the conflict-of-interest
statement and the drawn signature, corrections as new revisions, paper sheets keyed twice."""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import func, select

from hvp_desktop.domain.model import SheetStatus
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import certificates
from hvp_desktop.store.models import (
    Application,
    Assignment,
    PaperKeying,
    Round,
    ScoreEntry,
    ScoreSheet,
    StoredRubric,
)
from hvp_desktop.store.ops.core import Tx, now, operation
from hvp_desktop.store.sheets import (
    COMMENTED,
    STATEMENT,
    conflict_of,
    keyed_comments,
    keyed_entries,
    rubric_in,
    sheet_row,
    submission_problems,
    view,
)


# -- rubrics -----------------------------------------------------------------------------------
def _store_rubric(tx: Tx, rubric: rubrics.Rubric) -> str:
    if tx.s.scalar(select(StoredRubric.id).where(StoredRubric.digest == rubric.digest)) is None:
        tx.s.add(StoredRubric(label=rubric.label, digest=rubric.digest, kind=rubric.kind,
                              body=rubrics.to_json(rubric), added_at=now()))
        tx.log("rubric.stored", "rubric", rubric.digest[:16], {"label": rubric.label, "source": rubric.source})
        tx.touch(rubrics={rubric.label})
    return rubric.label


@operation()
def store_rubric(tx: Tx, rubric: rubrics.Rubric) -> str:
    """Keep a reviewed rubric in the file (once per digest); the value is its label."""
    return _store_rubric(tx, rubric)


@operation()
def set_round_rubric(tx: Tx, round_id: int, rubric: rubrics.Rubric | str) -> str:
    """Choose a rubric (kept in the file if new, e.g. the official Annex table) for a round,
    before any sheet exists."""
    label = _store_rubric(tx, rubric) if isinstance(rubric, rubrics.Rubric) else rubric
    rubric_in(tx.s, label)
    rnd = tx.s.get(Round, round_id)
    if rnd is None:
        raise InvalidInput(f"没有编号为{round_id}的轮次", f"no round with id {round_id}")
    _refuse_wrong_kind(tx, rnd, label)
    tx.refuse_if_locked(round_id)
    scored = tx.s.scalar(select(func.count()).select_from(ScoreSheet).join(
        Application, ScoreSheet.application_id == Application.id).where(Application.round_id == round_id))
    if scored and rnd.rubric_version != label:
        raise RuleViolation("RUBRIC", f"本轮已开始评分（{scored}份专家打分表），评分表已固定为“{rnd.rubric_version}”",
                            f"Scoring has started ({scored} sheets): the round's scoring table is fixed as "
                            f"“{rnd.rubric_version}”.")
    if rnd.rubric_version != label:
        tx.log("round.rubric", "round", round_id, {"rubric": [rnd.rubric_version, label]})
        rnd.rubric_version = label
        tx.touch(rounds={round_id}, settings={round_id})
    return label


def _refuse_wrong_kind(tx: Tx, rnd: Round, label: str) -> None:
    """A recognition round is scored on the 认定评分表 (Annex 2), an assessment round on the 年度考核评分表
    (Annex 3): the store refuses the other kind, not only the GUI."""
    kind = tx.s.scalar(select(StoredRubric.kind).where(StoredRubric.label == label))
    wanted = "recognition" if rnd.kind == "recognition" else "annual"
    if kind is not None and kind != wanted:
        names = {"recognition": ("认定评分表（附件2）", "recognition scoring table (Annex 2)"),
                 "annual": ("年度考核评分表（附件3）", "annual assessment scoring table (Annex 3)")}
        raise RuleViolation("RUBRIC", f"本轮应使用{names[wanted][0]}，不能使用{names[kind][0]}",
                            f"This round is scored on the {names[wanted][1]}, not the {names[kind][1]}.")


# -- sheets ------------------------------------------------------------------------------------
def _refuse_conflict(tx: Tx, expert_id: int, application_id: int) -> None:
    conflict = conflict_of(tx.s, expert_id, application_id)
    if conflict is not None:
        raise RuleViolation("COI", f"与该申报单位存在利害关系（{conflict.reason}），已申请回避，不能评分",
                            f"You stepped aside from this applicant ({conflict.reason}) and cannot score it.")


def _open(tx: Tx, expert_id: int, application_id: int, rubric_label: str, transcribed: bool) -> ScoreSheet:
    app = tx.s.get(Application, application_id)
    if app is None:
        raise InvalidInput(f"没有编号为{application_id}的申报", f"no application with id {application_id}")
    _refuse_conflict(tx, expert_id, application_id)
    current = tx.s.scalar(select(ScoreSheet).where(ScoreSheet.expert_id == expert_id,
                                                   ScoreSheet.application_id == application_id)
                          .order_by(ScoreSheet.revision.desc()).limit(1))
    if current is None:
        tx.refuse_if_locked(app.round_id)
    if tx.s.scalar(select(Assignment.id).where(Assignment.expert_id == expert_id,
                                               Assignment.application_id == application_id)) is None:
        raise RuleViolation("SHEET", "该专家未被分配评审此申报", "This expert is not assigned to this application.")
    if current is not None:
        if transcribed and not current.transcribed_from_paper:
            if current.status != SheetStatus.DRAFT.value or current.entries:
                raise RuleViolation("PAPER", "该专家已有电子打分表，不能再录入纸质打分表",
                                    "This expert already has an electronic sheet; no paper sheet can be keyed.")
            current.transcribed_from_paper = True  # an untouched draft becomes the paper sheet
        return current
    rnd = tx.s.get(Round, app.round_id)
    _refuse_wrong_kind(tx, rnd, rubric_label)
    if rnd.rubric_version is None:
        rnd.rubric_version = rubric_label  # frozen: scoring has started
        tx.log("round.rubric_frozen", "round", rnd.id, {"rubric": rubric_label})
        tx.touch(rounds={rnd.id}, settings={rnd.id})
    elif rnd.rubric_version != rubric_label:
        raise RuleViolation("RUBRIC", f"本轮评分已采用“{rnd.rubric_version}”，不能改用“{rubric_label}”",
                            f"The round is scored on “{rnd.rubric_version}”, not “{rubric_label}”.")
    sheet = ScoreSheet(application_id=application_id, expert_id=expert_id, revision=1,
                       status=SheetStatus.DRAFT.value, rubric_version=rubric_label,
                       transcribed_from_paper=transcribed, created_at=now())
    tx.s.add(sheet)
    tx.s.flush()
    tx.log("sheet.opened", "application", application_id,
           {"sheet": sheet.uuid, "expert": tx.audit.actor.person, "application": app.uuid, "revision": 1,
            "rubric": rubric_label, "transcribed": transcribed})
    tx.touch(sheets={sheet.id}, applications={application_id})
    return sheet


@operation(role="expert", expert_file=True)
def open_sheet(tx: Tx, expert_id: int, application_id: int, rubric_label: str, *, transcribed: bool = False):
    """The expert's current sheet for this application, created as a draft if there is none.
    Refused for a conflicted expert (回避) and for an expert not assigned to the application."""
    tx.act_as_expert(expert_id)
    return view(_open(tx, expert_id, application_id, rubric_label, transcribed))


def _editable(tx: Tx, sheet: ScoreSheet) -> rubrics.Rubric:
    if sheet.status != SheetStatus.DRAFT.value:
        raise RuleViolation("SHEET", "已提交的专家打分表不能修改；如需更正请新建修订版并写明理由",
                            "A submitted sheet cannot be changed; start a correction with a reason.")
    _refuse_conflict(tx, sheet.expert_id, sheet.application_id)
    tx.refuse_if_application_locked(sheet.application_id)
    return rubric_in(tx.s, sheet.rubric_version)


def _check_entry(rubric: rubrics.Rubric, code: str, points: Decimal | None) -> None:
    criterion = next((c for c in rubric.criteria if c.code == code), None)
    if criterion is None:
        raise RuleViolation("RUBRIC", f"评分表中没有指标{code}", f"The scoring table has no criterion {code}.")
    problem = rubrics.check_score(criterion, points) if points is not None else None
    if problem:
        raise RuleViolation("SHEET", f"{code} {criterion.title}：{problem}", f"{code}: {problem}")


def _set_entries(tx: Tx, sheet: ScoreSheet, entries: dict[str, tuple[Decimal | None, str]]) -> None:
    rubric = _editable(tx, sheet)
    existing = {e.criterion_code: e for e in sheet.entries}
    changed = {}
    for code, (points, comment) in entries.items():
        _check_entry(rubric, code, points)
        entry = existing.get(code)
        if entry is None:
            entry = ScoreEntry(criterion_code=code)
            sheet.entries.append(entry)
        elif (entry.points, entry.comment or "") == (points, comment or ""):
            continue
        entry.points, entry.comment = points, comment or None
        changed[code] = [points, comment or None]
    if changed:
        tx.s.flush()
        tx.log("sheet.entries", "application", sheet.application_id, {"sheet": sheet.uuid, "entries": changed})
        tx.touch(sheets={sheet.id}, applications={sheet.application_id})


@operation(role="expert", expert_file=True)
def score(tx: Tx, expert_id: int, application_id: int, rubric: rubrics.Rubric, code: str,
          points: Decimal | None, comment: str = ""):
    """One score (and its comment) typed into the expert's sheet, in one transaction: the first
    one keeps the rubric, creates the draft and freezes the round's rubric. The value is the sheet."""
    tx.act_as_expert(expert_id)
    label = _store_rubric(tx, rubric)
    sheet = _open(tx, expert_id, application_id, label, False)
    _set_entries(tx, sheet, {code: (points, comment)})
    return view(sheet)


@operation(role="expert", expert_file=True)
def save_entry(tx: Tx, sheet_id: int, code: str, points: Decimal | None, comment: str = ""):
    """One criterion of a draft; a score outside 0..max or off the step is refused."""
    sheet = sheet_row(tx.s, sheet_id)
    tx.act_as_expert(sheet.expert_id)
    _set_entries(tx, sheet, {code: (points, comment)})
    return view(sheet)


@operation(role="expert", expert_file=True)
def save_entries(tx: Tx, sheet_id: int, entries: dict[str, tuple[Decimal | None, str]]):
    """Several criteria of a draft at once (a pasted or imported sheet); all or none."""
    sheet = sheet_row(tx.s, sheet_id)
    tx.act_as_expert(sheet.expert_id)
    _set_entries(tx, sheet, entries)
    return view(sheet)


def _submit(tx: Tx, sheet: ScoreSheet, statement_confirmed: bool, strokes: list | None, png: bytes | None,
            signer: tuple | None = None) -> None:
    """`signer`: (key, identity row) the expert signs the sheet's canonical content with, or None
    (no certificate; a paper sheet keyed by the secretariat): the sheet is then submitted unsigned."""
    if sheet.status != SheetStatus.DRAFT.value:
        raise RuleViolation("SHEET", "该专家打分表已经提交", "This sheet has already been submitted.")
    _refuse_conflict(tx, sheet.expert_id, sheet.application_id)
    tx.refuse_if_application_locked(sheet.application_id)
    rubric = rubric_in(tx.s, sheet.rubric_version)
    problems = submission_problems(rubric, view(sheet))
    english = submission_problems(rubric, view(sheet), "en")
    if not statement_confirmed:
        problems.append(f"须确认声明：{STATEMENT}")
        english.append("the statement of no conflict of interest must be confirmed")
    if not sheet.transcribed_from_paper and not (strokes and png):
        problems.append("须手写签名")
        english.append("a hand-drawn signature is required")
    if problems:
        raise RuleViolation("SHEET", "不能提交：" + "；".join(problems),
                            f"Cannot submit: {len(english)} item(s) missing — " + "; ".join(english))
    stamp = now()
    sheet.status, sheet.submitted_at, sheet.statement_confirmed_at = SheetStatus.SUBMITTED.value, stamp, stamp
    sheet.signature_strokes = json.dumps(strokes) if strokes else None
    sheet.signature_png = png
    if signer is not None:
        certificates.sign_sheet(tx.s, sheet, *signer)
    tx.log("sheet.submitted", "application", sheet.application_id,
           {"sheet": sheet.uuid, "revision": sheet.revision, "total": view(sheet).total,
            "statement_confirmed": stamp, "signature": bool(png), "signed_by": sheet.signed_by})
    tx.touch(sheets={sheet.id}, applications={sheet.application_id})


@operation(role="expert", expert_file=True)
def submit(tx: Tx, sheet_id: int, *, statement_confirmed: bool, signature_strokes: list | None,
           signature_png: bytes | None, pin: str | None = None):
    """Submit a draft: every criterion scored, comments where required, the statement confirmed,
    and the expert's drawn signature (vector strokes and the rendered image). Read-only after.
    When the expert has a signing identity the sheet's canonical content is signed with their key
    (its PIN is needed when it is protected: a missing or wrong PIN is refused, check SIGN, and
    nothing is submitted); without one the sheet is submitted unsigned."""
    sheet = sheet_row(tx.s, sheet_id)
    tx.act_as_expert(sheet.expert_id)
    signer = certificates.signing_identity_in(tx.s, sheet.expert_id, pin)
    _submit(tx, sheet, statement_confirmed, signature_strokes, signature_png, signer)
    return view(sheet)


@operation(role="expert", expert_file=True)
def correct(tx: Tx, sheet_id: int, reason: str):
    """A submitted sheet is never edited: a correction is a new draft revision, with its reason."""
    if not reason or not reason.strip():
        raise RuleViolation("SHEET", "更正须写明理由", "A correction needs a written reason.")
    old = sheet_row(tx.s, sheet_id)
    tx.act_as_expert(old.expert_id)
    _refuse_conflict(tx, old.expert_id, old.application_id)
    tx.refuse_if_application_locked(old.application_id)
    if old.status != SheetStatus.SUBMITTED.value:
        raise RuleViolation("SHEET", "只有已提交的专家打分表需要更正；草稿可直接修改",
                            "Only a submitted sheet needs a correction; a draft can be edited directly.")
    latest = tx.s.scalar(select(func.max(ScoreSheet.revision)).where(
        ScoreSheet.expert_id == old.expert_id, ScoreSheet.application_id == old.application_id))
    if latest != old.revision:
        raise RuleViolation("SHEET", "请在最新的修订版上更正", "Correct the latest revision.")
    new = ScoreSheet(application_id=old.application_id, expert_id=old.expert_id, revision=old.revision + 1,
                     status=SheetStatus.DRAFT.value, rubric_version=old.rubric_version,
                     transcribed_from_paper=old.transcribed_from_paper, correction_reason=reason.strip(),
                     created_at=now(),
                     entries=[ScoreEntry(criterion_code=e.criterion_code, points=e.points, comment=e.comment)
                              for e in old.entries])
    tx.s.add(new)
    tx.s.flush()
    tx.log("sheet.corrected", "application", old.application_id,
           {"from_sheet": old.uuid, "sheet": new.uuid, "revision": new.revision, "reason": reason.strip(),
            "entries": {e.criterion_code: [e.points, e.comment] for e in new.entries}})
    tx.touch(sheets={old.id, new.id}, applications={old.application_id})
    return view(new)


# -- paper sheets, keyed twice -----------------------------------------------------------------
@operation()
def save_keying(tx: Tx, expert_id: int, application_id: int, keying: int, entries: dict[str, Decimal],
                commented: Iterable[str] = ()):
    """One blind keying (1 or 2) of a paper sheet; each keying may be redone until they agree.
    `commented`: the criteria whose comment the keyer saw written on the paper sheet."""
    if keying not in (1, 2):
        raise RuleViolation("PAPER", "录入次数只能是第1次或第2次", "A keying is the 1st or the 2nd.")
    for code, points in entries.items():
        if not isinstance(points, Decimal) or not points.is_finite():
            raise RuleViolation("PAPER", f"{code}：录入的分值不是有效数字", f"{code}: not a number")
    tx.refuse_if_application_locked(application_id)
    row = tx.s.scalar(select(PaperKeying).where(PaperKeying.expert_id == expert_id,
                                                PaperKeying.application_id == application_id,
                                                PaperKeying.keying == keying))
    body = json.dumps({**{code: str(points) for code, points in sorted(entries.items())},
                       COMMENTED: sorted(set(commented))})
    if row is None:
        tx.s.add(PaperKeying(expert_id=expert_id, application_id=application_id, keying=keying, entries=body,
                             keyed_at=now()))
    else:
        row.entries, row.keyed_at = body, now()
    tx.log("paper.keyed", "application", application_id, {"expert": expert_id, "keying": keying, "entries": body})
    tx.touch(applications={application_id})


@operation()
def accept_keyings(tx: Tx, expert_id: int, application_id: int, rubric: rubrics.Rubric | str):
    """When both keyings agree they become the expert's submitted sheet, marked as transcribed
    from paper — checked first, then made, filled and submitted in one transaction. `rubric` is
    a label in the file or a rubric to keep (the round's default before its first sheet)."""
    first, second = keyed_entries(tx.s, expert_id, application_id)
    commented = keyed_comments(tx.s, expert_id, application_id)
    codes = sorted(set(first) | set(second))
    differ = [c for c in codes if Decimal(first.get(c) or "NaN").compare(Decimal(second.get(c) or "NaN")) != 0]
    if differ:
        raise RuleViolation("PAPER", f"两次录入有{len(differ)}处不一致，须核对纸质打分表后重录",
                            f"The two keyings differ in {len(differ)} place(s): check the paper sheet and key again.")
    keyed = {code: Decimal(points) for code, points in first.items()}
    rubric_label = _store_rubric(tx, rubric) if isinstance(rubric, rubrics.Rubric) else rubric
    rubric = rubric_in(tx.s, rubric_label)
    problems, english = [], []
    for c in rubric.criteria:
        if c.code not in keyed:
            problems.append(f"{c.code}：尚未录入")
            english.append(f"{c.code}: not keyed")
        elif rubrics.check_score(c, keyed[c.code]):
            problems.append(f"{c.code}：{rubrics.check_score(c, keyed[c.code])}")
            english.append(f"{c.code}: not a score the table allows")
    seen = set(commented[0]) & set(commented[1])  # both keyers saw the comment on the paper
    for c in rubric.criteria:
        if c.code in keyed and rubrics.comment_required(c, keyed[c.code]) and c.code not in seen:
            problems.append(f"{c.code}：纸质打分表上缺少评分表要求的评语")
            english.append(f"{c.code}: the comment the table asks for is not on the paper sheet")
    if problems:
        raise RuleViolation("PAPER", "纸质打分表录入有误：" + "；".join(problems[:5]),
                            "The keyed paper sheet has errors: " + "; ".join(english[:5]))
    sheet = _open(tx, expert_id, application_id, rubric_label, True)
    _set_entries(tx, sheet, {code: (points, "") for code, points in keyed.items()})
    _submit(tx, sheet, True, None, None)
    return view(sheet)

"""Score sheets in the working file, read side (issue 4): a sheet as a plain value, the rubric a
sheet or round names, what stands in the way of submitting, the paper keyings. The changes are
operations in `store/ops/sheets.py`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import object_session

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Conflict, PaperKeying, ScoreSheet, StoredRubric

STATEMENT = "本人与该申报单位不存在利害关系"


# A stored rubric is immutable (its label names its digest): parse each body once per process.
_parse_rubric = lru_cache(maxsize=64)(rubrics.loads)


def rubric_in(s, label: str) -> rubrics.Rubric:
    body = s.scalar(select(StoredRubric.body).where(StoredRubric.label == label))
    if body is None:
        raise RuleViolation("RUBRIC", f"文件中没有评分表“{label}”", f"The file has no scoring table “{label}”.")
    return _parse_rubric(body)


def rubric_by_label(wf: WorkingFile, label: str) -> rubrics.Rubric:
    with wf.session() as s:
        return rubric_in(s, label)


def stored_rubric_labels(wf: WorkingFile) -> list[tuple[str, str]]:
    """(label, kind) of every rubric kept in the file, oldest first."""
    with wf.session() as s:
        return [(label, kind) for label, kind in s.execute(
            select(StoredRubric.label, StoredRubric.kind).order_by(StoredRubric.id))]


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
    rubric: rubrics.Rubric | None = None  # the table it is scored on (bonus caps, veto items)

    @property
    def total(self) -> Decimal:
        scores = {code: points for code, (points, _comment) in self.entries.items()}
        return self.rubric.total_of(scores) if self.rubric is not None else rubrics.total(scores)

    @property
    def vetoes(self) -> list[str]:
        """The veto items (否决项) this sheet found."""
        if self.rubric is None:
            return []
        return self.rubric.vetoes({code: points for code, (points, _comment) in self.entries.items()})


def sheet_row(s, sheet_id: int) -> ScoreSheet:
    sheet = s.get(ScoreSheet, sheet_id)
    if sheet is None:
        raise RuleViolation("SHEET", f"没有编号为{sheet_id}的专家打分表", f"no score sheet with id {sheet_id}")
    return sheet


def conflict_of(s, expert_id: int, application_id: int) -> Conflict | None:
    return s.scalar(select(Conflict).where(Conflict.expert_id == expert_id, Conflict.application_id == application_id))


def view(sheet: ScoreSheet) -> Sheet:
    session = object_session(sheet)
    rubric = rubric_in(session, sheet.rubric_version) if session is not None else None
    return Sheet(sheet.id, sheet.application_id, sheet.expert_id, sheet.revision, sheet.status,
                 sheet.rubric_version, sheet.transcribed_from_paper,
                 {e.criterion_code: (e.points, e.comment or "") for e in sheet.entries}, sheet.correction_reason,
                 rubric)


def get_sheet(wf: WorkingFile, sheet_id: int) -> Sheet:
    with wf.session() as s:
        return view(sheet_row(s, sheet_id))


def current_sheet(wf: WorkingFile, expert_id: int, application_id: int) -> Sheet | None:
    """The expert's latest sheet for the application, without creating one (looking writes nothing)."""
    with wf.session() as s:
        conflict = conflict_of(s, expert_id, application_id)
        if conflict is not None:
            raise RuleViolation("COI", f"与该申报单位存在利害关系（{conflict.reason}），已申请回避，不能评分",
                                f"You stepped aside from this applicant ({conflict.reason}) and cannot score it.")
        current = s.scalar(select(ScoreSheet).where(ScoreSheet.expert_id == expert_id,
                                                    ScoreSheet.application_id == application_id)
                           .order_by(ScoreSheet.revision.desc()).limit(1))
        return None if current is None else view(current)


def submission_problems(rubric: rubrics.Rubric, sheet: Sheet, language: str = "zh") -> list[str]:
    """What still stands in the way of submitting: unscored criteria and missing comments, in
    `language` ("zh" or "en": the criterion's code and title stay as the table writes them).

    A sheet transcribed from paper is checked for scores only: its comments stay on the signed
    paper sheet, which is archived.
    """
    english = not language.startswith("zh")
    problems = []
    for criterion in rubric.criteria:
        points, comment = sheet.entries.get(criterion.code, (None, ""))
        if points is None:
            problems.append(f"{criterion.code}: not scored yet" if english
                            else f"{criterion.code} {criterion.title}：尚未评分")
            continue
        why = rubrics.comment_required(criterion, points)
        if why and not comment.strip() and not sheet.transcribed:
            problems.append(f"{criterion.code}: the table asks for a comment on this score" if english
                            else f"{criterion.code} {criterion.title}：{why}")
    return problems


# -- paper sheets, keyed twice -----------------------------------------------------------------
COMMENTED = "_commented"  # in a keying: the criteria whose comment is written on the paper sheet


def _keyings(s, expert_id: int, application_id: int) -> dict[int, dict]:
    rows = {k.keying: json.loads(k.entries) for k in s.scalars(select(PaperKeying).where(
        PaperKeying.expert_id == expert_id, PaperKeying.application_id == application_id))}
    if set(rows) != {1, 2}:
        raise RuleViolation("PAPER", "须先完成两次独立录入", "Key the paper sheet twice, independently, first.")
    return rows


def keyed_entries(s, expert_id: int, application_id: int) -> tuple[dict[str, str], dict[str, str]]:
    """The two keyings of a paper sheet ({code: points as text} each); refused until both exist."""
    rows = _keyings(s, expert_id, application_id)
    return tuple({c: p for c, p in rows[k].items() if c != COMMENTED} for k in (1, 2))  # type: ignore[return-value]


def keyed_comments(s, expert_id: int, application_id: int) -> tuple[list[str], list[str]]:
    """Per keying, the criteria whose comment the keyer saw on the paper sheet."""
    rows = _keyings(s, expert_id, application_id)
    return rows[1].get(COMMENTED, []), rows[2].get(COMMENTED, [])


def keying_differences(wf: WorkingFile, expert_id: int, application_id: int) -> list[tuple[str, str | None, str | None]]:
    """Criterion by criterion, where the two keyings disagree ([] when they agree)."""
    with wf.session() as s:
        first, second = keyed_entries(s, expert_id, application_id)
    codes = sorted(set(first) | set(second))
    return [(code, first.get(code), second.get(code)) for code in codes
            if Decimal(first.get(code) or "NaN").compare(Decimal(second.get(code) or "NaN")) != 0]


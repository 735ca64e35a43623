"""The data of the PDF reports, read from the working file as plain values (issue 20).

Read-only: one session, nothing written. `reports/pdf_sheet.py` lays the values out.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import select

from hvp_desktop.domain.model import SheetStatus
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.domain.sheet_report import CriterionRow, SectionRow, SheetReport
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import heads
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, Enterprise, Expert, Round, ScoreSheet
from hvp_desktop.store.sheets import STATEMENT, rubric_in, sheet_row

BEIJING = timezone(timedelta(hours=8), "北京时间")  # the sheets print Beijing time, whatever the laptop's zone


def beijing_time(moment: datetime | None) -> str:
    """A stored moment (naive UTC) as the sheet prints it."""
    if moment is None:
        return ""
    return moment.replace(tzinfo=UTC).astimezone(BEIJING).strftime("%Y-%m-%d %H:%M（北京时间）")


def _points(value) -> str:
    return "" if value is None else rubrics.format_points(value)


def score_sheet_report(wf: WorkingFile, sheet_id: int) -> SheetReport:
    """A submitted sheet's report data; a draft is refused (RuleViolation "SHEET")."""
    with wf.session() as s:
        sheet = sheet_row(s, sheet_id)
        if sheet.status != SheetStatus.SUBMITTED.value:
            raise RuleViolation("SHEET", f"专家打分表（编号{sheet_id}）尚未提交，不能导出",
                                f"Score sheet {sheet_id} is not submitted and cannot be exported.")
        rubric = rubric_in(s, sheet.rubric_version)
        application = s.get(Application, sheet.application_id)
        enterprise = s.get(Enterprise, application.enterprise_id)
        expert = s.get(Expert, sheet.expert_id)
        round_ = s.get(Round, application.round_id)
        entries = {e.criterion_code: e for e in sheet.entries}
        scores = {code: e.points for code, e in entries.items()}
        sections, rows = [], []
        for section in rubric.sections:
            points = rubrics.total({c.code: scores.get(c.code) for c in section.criteria})
            if section.kind == "bonus" and section.cap is not None:
                points = min(points, section.cap)
            maximum = section.cap if section.kind == "bonus" and section.cap is not None else section.max_points
            sections.append(SectionRow(section.code, section.title, section.kind, _points(maximum), _points(points)))
            for c in section.criteria:
                entry = entries.get(c.code)
                rows.append(CriterionRow(section.code, c.code, c.title, _points(c.max_points),
                                         _points(entry.points if entry else None),
                                         (entry.comment or "") if entry else ""))
        return SheetReport(
            round_title=round_.title,
            enterprise_name=application.enterprise_name or enterprise.name,
            credit_code=enterprise.credit_code,
            expert_name=expert.name,
            expert_organisation=expert.organisation or "",
            rubric_title=rubric.title,
            rubric_version=rubric.version,
            rubric_digest=rubric.digest,
            sections=tuple(sections),
            rows=tuple(rows),
            total=_points(rubric.total_of(scores)),
            max_total=_points(rubric.max_total),
            vetoes=tuple(rubric.vetoes(scores)),
            statement=STATEMENT,
            statement_confirmed_at=beijing_time(sheet.statement_confirmed_at),
            submitted_at=beijing_time(sheet.submitted_at),
            revision=sheet.revision,
            correction_reason=sheet.correction_reason or "",
            sheet_uuid=sheet.uuid,
            audit_head=heads.current(s).text(),
            transcribed=bool(sheet.transcribed_from_paper),
            signature_png=sheet.signature_png,
        )


def submitted_sheets(wf: WorkingFile, round_id: int) -> list[tuple[int, str, str, int]]:
    """(sheet id, enterprise name, expert name, revision) of the round's latest submitted sheets."""
    with wf.session() as s:
        rows = s.execute(
            select(ScoreSheet.id, ScoreSheet.application_id, ScoreSheet.expert_id, ScoreSheet.revision,
                   Application.enterprise_name, Expert.name)
            .join(Application, Application.id == ScoreSheet.application_id)
            .join(Expert, Expert.id == ScoreSheet.expert_id)
            .where(Application.round_id == round_id, ScoreSheet.status == SheetStatus.SUBMITTED.value)
            .order_by(Application.id, Expert.id, ScoreSheet.revision)).all()
    latest: dict[tuple[int, int], tuple[int, str, str, int]] = {}
    for sheet_id, application_id, expert_id, revision, enterprise, expert in rows:
        latest[(application_id, expert_id)] = (sheet_id, enterprise, expert, revision)
    return list(latest.values())

"""Reading the on-site assessment (issue 19): checklists kept in the file, visits and their
findings, the files attached (evidence, the application's documents), an expert's page notes.
Plain values out; the writes are in `ops/visits.py`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import select

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import blobs
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import (
    Application,
    Attachment,
    Finding,
    PageNote,
    ReadingPosition,
    StoredChecklist,
    Visit,
)

default_checklist = checklists.default_checklist  # the shipped one (§三), when a round chose none


@lru_cache(maxsize=32)
def _parse(body: str) -> checklists.Checklist:
    return checklists.loads(body)


def checklist_in(s, label: str) -> checklists.Checklist:
    body = s.scalar(select(StoredChecklist.body).where(StoredChecklist.label == label))
    if body is None:
        raise RuleViolation("CHECKLIST", f"文件中没有现场核查清单“{label}”", f"The file has no on-site checklist “{label}”.")
    return _parse(body)


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    kind: str  # "document" | "evidence"
    filename: str
    media_type: str
    size: int
    sha256: str
    item_code: str | None = None


@dataclass(frozen=True)
class VisitView:
    id: int
    application_id: int
    expert_id: int | None
    checklist: checklists.Checklist
    rectification_of: int | None
    visited_on: date | None
    place: str
    enterprise_participants: str
    panel_participants: str
    started_at: str
    ended_at: str
    findings: dict[str, checklists.Finding] = field(default_factory=dict)
    evidence: dict[str, list[AttachmentInfo]] = field(default_factory=dict)

    def finding(self, code: str) -> checklists.Finding:
        return self.findings.get(code) or checklists.Finding(code, checklists.Status.NOT_CHECKED)


def _info(a: Attachment) -> AttachmentInfo:
    return AttachmentInfo(a.id, a.kind, a.filename, a.media_type, a.size, a.sha256, a.item_code)


def visit_view(s, visit: Visit) -> VisitView:
    findings = {f.item_code: checklists.Finding(f.item_code, checklists.Status(f.status), f.figure, f.note or "")
                for f in s.scalars(select(Finding).where(Finding.visit_id == visit.id))}
    evidence: dict[str, list[AttachmentInfo]] = {}
    for a in s.scalars(select(Attachment).where(Attachment.visit_id == visit.id).order_by(Attachment.id)):
        evidence.setdefault(a.item_code or "", []).append(_info(a))
    return VisitView(visit.id, visit.application_id, visit.expert_id, checklist_in(s, visit.checklist_label),
                     visit.rectification_of, visit.visited_on, visit.place or "", visit.enterprise_participants or "",
                     visit.panel_participants or "", visit.started_at or "", visit.ended_at or "", findings, evidence)


def get_visit(wf: WorkingFile, visit_id: int) -> VisitView:
    with wf.session() as s:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise RuleViolation("INPUT", f"没有编号为{visit_id}的现场核查", f"no visit with id {visit_id}")
        return visit_view(s, visit)


def visits_of(wf: WorkingFile, application_id: int, expert_id: int | None = None) -> list[VisitView]:
    """The visits to an assessed centre in this application's round (an expert's own, if given)."""
    with wf.session() as s:
        stmt = select(Visit).where(Visit.application_id == application_id).order_by(Visit.id)
        if expert_id is not None:
            stmt = stmt.where(Visit.expert_id == expert_id)
        return [visit_view(s, v) for v in s.scalars(stmt)]


def earlier_visits(wf: WorkingFile, application_id: int) -> list[VisitView]:
    """Visits to the same centre in earlier assessment rounds (the one a re-assessment starts from)."""
    with wf.session() as s:
        app = s.get(Application, application_id)
        if app is None or app.assesses_application_id is None:
            return []
        siblings = select(Application.id).where(Application.assesses_application_id == app.assesses_application_id,
                                                Application.id != application_id)
        return [visit_view(s, v) for v in s.scalars(select(Visit).where(Visit.application_id.in_(siblings))
                                                    .order_by(Visit.id))]


def documents_of(wf: WorkingFile, application_id: int) -> list[AttachmentInfo]:
    """The application's own documents (申报书, audit reports, certificates), and for a centre being
    assessed those of the application that made it a centre too."""
    with wf.session() as s:
        app = s.get(Application, application_id)
        ids = [application_id] + ([app.assesses_application_id] if app and app.assesses_application_id else [])
        return [_info(a) for a in s.scalars(select(Attachment).where(
            Attachment.application_id.in_(ids), Attachment.kind == "document").order_by(Attachment.id))]


def attachment_bytes(wf: WorkingFile, attachment_id: int) -> bytes:
    """The file's bytes, into memory only (render from there; never write them out)."""
    with wf.session() as s:
        a = s.get(Attachment, attachment_id)
        if a is None:
            raise RuleViolation("INPUT", f"没有编号为{attachment_id}的附件", f"no attachment with id {attachment_id}")
        return blobs.get(s, a.sha256)


def page_notes(wf: WorkingFile, attachment_id: int, expert_id: int) -> dict[int, str]:
    with wf.session() as s:
        return dict(s.execute(select(PageNote.page, PageNote.text).where(
            PageNote.attachment_id == attachment_id, PageNote.expert_id == expert_id)).all())


def reading_position(wf: WorkingFile, attachment_id: int, expert_id: int) -> int:
    with wf.session() as s:
        page = s.scalar(select(ReadingPosition.page).where(ReadingPosition.attachment_id == attachment_id,
                                                           ReadingPosition.expert_id == expert_id))
        return page or 0


def findings_by_criterion(view: VisitView) -> dict[str, list[tuple[checklists.Item, checklists.Finding]]]:
    """Beside each annual-assessment criterion, the findings of the checklist items that inform it."""
    out: dict[str, list[tuple[checklists.Item, checklists.Finding]]] = {}
    for item in view.checklist.items:
        for code in item.informs:
            out.setdefault(code, []).append((item, view.finding(item.code)))
    return out


def figure_of(view: VisitView, code: str) -> Decimal | None:
    return view.finding(code).figure


def assessment_of(wf: WorkingFile, application_id: int) -> tuple[int | None, str | None]:
    """(the year an assessment row assesses — 1 or 2, for its pass mark —, its round's kind:
    "year1" | "year2" | "rectification" | "recognition"); (None, None) for no such application."""
    from hvp_desktop.store.models import Round

    with wf.session() as s:
        row = s.execute(select(Application.assessed_year, Round.kind).join(Round, Round.id == Application.round_id)
                        .where(Application.id == application_id)).one_or_none()
        return (None, None) if row is None else (row[0], str(row[1].value if hasattr(row[1], "value") else row[1]))


def checklist_vetoes(s, round_id: int) -> dict[int, list[str]]:
    """Applications of the round a veto item (否决项) fails: found not met by more than half of the
    visits to the centre — as a rubric's veto item counts when most sheets found it."""
    found: dict[int, list[list[str]]] = {}
    rows = s.scalars(select(Visit).join(Application, Visit.application_id == Application.id)
                     .where(Application.round_id == round_id))
    for visit in rows:
        view = visit_view(s, visit)
        found.setdefault(visit.application_id, []).append(checklists.vetoed(view.checklist, view.findings))
    out = {}
    for app, per_visit in found.items():
        codes = {c for v in per_visit for c in v}
        majority = sorted(c for c in codes if sum(c in v for v in per_visit) * 2 > len(per_visit))
        if majority:
            out[app] = majority
    return out


def checklist_by_label(wf: WorkingFile, label: str) -> checklists.Checklist:
    with wf.session() as s:
        return checklist_in(s, label)

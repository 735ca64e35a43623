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


# ------------------------------------------------------------------------------ the report (issue 20)

THUMBNAIL_PX = 320  # the longer side: ~38 mm on the page at ~210 dpi, a few kB of JPEG
_ASSESSMENT_ZH = {"year1": "第一年度考核", "year2": "第二年度考核（期末验收）", "rectification": "整改后重新考核"}


def _thumbnail(data: bytes) -> bytes | None:
    """A small JPEG of a stored photo or screenshot (turned upright, transparency on white, no
    metadata), or None when Pillow cannot read it: the report prints a placeholder instead."""
    import io
    import warnings

    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # a bomb is unreadable here
            with Image.open(io.BytesIO(data)) as image:
                image.draft("RGB", (THUMBNAIL_PX * 2, THUMBNAIL_PX * 2))  # JPEG: decode at a fraction of the size
                image = ImageOps.exif_transpose(image)
                if image.mode in ("RGBA", "LA", "P", "PA"):
                    rgba = image.convert("RGBA")
                    image = Image.new("RGB", rgba.size, "white")
                    image.paste(rgba, mask=rgba.getchannel("A"))
                image = image.convert("RGB")
                image.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
                out = io.BytesIO()
                image.save(out, "JPEG", quality=75)
                return out.getvalue()
    except Exception:  # noqa: BLE001 (any undecodable picture: a placeholder, never a failed report)
        return None


def _evidence_entry(s, info: AttachmentInfo):
    from hvp_desktop.domain.assessment_report import EvidenceEntry
    from hvp_desktop.domain.limits import size_text

    if not info.media_type.startswith("image/"):
        return EvidenceEntry(info.filename, info.media_type, size_text(info.size), info.sha256)
    try:
        thumbnail = _thumbnail(blobs.get(s, info.sha256))
    except RuleViolation:  # a damaged chunk: named by `check`, a placeholder here
        thumbnail = None
    return EvidenceEntry(info.filename, info.media_type, size_text(info.size), info.sha256, thumbnail,
                         unreadable=thumbnail is None)


def _figure_text(figure: Decimal | None) -> str:
    """As the checklist table shows it: 2, 1,150,000."""
    if figure is None:
        return ""
    return format(figure.normalize(), ",f") if abs(figure) >= 10000 else checklists.format_number(figure)


def _requirement_text(threshold: checklists.Threshold) -> str:
    """The minimum as the plan states it: "3人以上", "不少于100万元" (yuan in whole hundreds as 万元)."""
    minimum, unit = threshold.minimum, threshold.unit
    if unit == "元" and minimum >= 10000 and minimum % 100 == 0:
        amount = f"{checklists.format_number(minimum / 10000)}万元"
    else:
        amount = f"{checklists.format_number(minimum)}{unit}"
    names = checklists.FIGURES.get(threshold.figure)
    return names.requirement_zh.format(minimum=amount) if names else f"不少于{amount}"


def _finding_text(finding: checklists.Finding | None) -> str:
    if finding is None:
        return checklists.STATUS_TEXT[checklists.Status.NOT_CHECKED][0]
    parts = [checklists.STATUS_TEXT[finding.status][0], _figure_text(finding.figure), finding.note]
    return " · ".join(p for p in parts if p)


def assessment_report(wf: WorkingFile, visit_id: int, *, today: date | None = None):
    """One visit's on-site assessment report data (`domain.assessment_report.AssessmentReport`),
    read in one session, nothing written: the round, the centre, the visit, every checklist item
    with its finding and evidence (photos as thumbnails, PDFs by name), the expert's score sheet
    by 一级指标, the outcome under R17/R18 with its consequence, the rectification list and, for a
    re-assessment, each listed item before and after. The outcome is the one the checklist panel
    shows (the round's consolidation decides): its dates count from the visit's day, or `today`
    (default: the day it is read) when the visit has none."""
    from hvp_desktop.domain.assessment_report import AssessmentReport, BeforeAfterRow, ItemRow, ScoreRow
    from hvp_desktop.domain.rules import InvalidInput
    from hvp_desktop.scoring import rubric as rubrics
    from hvp_desktop.store import heads
    from hvp_desktop.store.models import Enterprise, Expert, Round, ScoreSheet
    from hvp_desktop.store.sheets import rubric_in

    with wf.session() as s:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise RuleViolation("INPUT", f"没有编号为{visit_id}的现场核查", f"no visit with id {visit_id}")
        view = visit_view(s, visit)
        application = s.get(Application, visit.application_id)
        enterprise = s.get(Enterprise, application.enterprise_id)
        round_ = s.get(Round, application.round_id)
        kind = str(getattr(round_.kind, "value", round_.kind))
        expert = s.get(Expert, visit.expert_id) if visit.expert_id is not None else None
        checklist = view.checklist
        before_view = None
        if visit.rectification_of is not None:
            earlier = s.get(Visit, visit.rectification_of)
            before_view = visit_view(s, earlier) if earlier is not None else None
        before = before_view.findings if before_view is not None else None

        # the items: a re-assessment lists the failed assessment's rectification items first
        if before is not None:
            ordered = [item for item, _b, _a in checklists.before_after(checklist, before, view.findings)]
            carried = {i.code for i in checklists.rectification_items(checklist, before)}
        else:
            ordered, carried = list(checklist.items), set()
        rows = []
        for item in ordered:
            finding = view.finding(item.code)
            t = item.threshold
            problem = checklists.threshold_problem(item, finding.figure)
            rows.append(ItemRow(
                code=item.code, rule=item.rule, title=item.title, kind=checklists.KIND_TEXT[item.kind][0],
                veto=item.kind == checklists.ItemKind.VETO, status=checklists.STATUS_TEXT[finding.status][0],
                status_key=finding.status.value,
                figure=f"{_figure_text(finding.figure)} {t.unit}" if t and finding.figure is not None
                else _figure_text(finding.figure),
                requirement=_requirement_text(t) if t else "",
                problem=problem[0] if problem else "", note=finding.note, informs=item.informs,
                carried=item.code in carried,
                evidence=tuple(_evidence_entry(s, a) for a in view.evidence.get(item.code, []))))
        recorded = view.findings
        counts = {status: 0 for status in checklists.Status}
        for item in checklist.items:
            counts[view.finding(item.code).status] += 1
        vetoed = checklists.vetoed(checklist, recorded)

        # the expert's annual-assessment score sheet: its latest revision, draft or submitted
        sheet = None
        if visit.expert_id is not None:
            sheet = s.scalar(select(ScoreSheet).where(ScoreSheet.expert_id == visit.expert_id,
                                                       ScoreSheet.application_id == visit.application_id)
                             .order_by(ScoreSheet.revision.desc()).limit(1))
        scores, total, max_total, sheet_state, total_value = [], "", "", "", None
        if sheet is not None:
            rubric = rubric_in(s, sheet.rubric_version)
            points = {e.criterion_code: e.points for e in sheet.entries}
            for section in rubric.sections:
                if section.kind == "veto":
                    continue  # the veto criteria carry no points: the checklist's veto items are printed
                subtotal = rubrics.total({c.code: points.get(c.code) for c in section.criteria})
                maximum = section.max_points
                if section.kind == "bonus" and section.cap is not None:
                    subtotal, maximum = min(subtotal, section.cap), section.cap
                scores.append(ScoreRow(section.code, section.title, rubrics.format_points(maximum),
                                       rubrics.format_points(subtotal)))
            total_value = rubric.total_of(points)
            total, max_total = rubrics.format_points(total_value), rubrics.format_points(rubric.max_total)
            sheet_state = (f"已提交（第 {sheet.revision} 版）" if sheet.status == "submitted"
                           else f"草稿（第 {sheet.revision} 版，尚未提交）")

        # the outcome, as the checklist panel works it out
        year = application.assessed_year or 1
        outcome = None
        outcome_zh = consequence = rule = rectification_head = ""
        rectification: list[str] = []
        if total_value is not None or vetoed:
            try:
                outcome = checklists.assessment_outcome(
                    year, total_value if total_value is not None else Decimal(0), vetoed,
                    rectification=kind == "rectification", decided_on=visit.visited_on or today or date.today())
            except InvalidInput:
                outcome = None
        if outcome is not None:
            outcome_zh = checklists.outcome_text(outcome, year)[0]
            consequence = checklists.CONSEQUENCE_TEXT[checklists.Consequence(outcome.consequence)][0]
            rule = outcome.rule
            if not outcome.passed:
                rectification = [f"{i.code} {i.title}" for i in checklists.rectification_items(checklist, recorded)]
                rectification_head = (f"整改事项（整改期至{outcome.due}）" if outcome.due is not None
                                      else "整改后仍未达要求的事项")
        before_after = ()
        if before is not None:
            before_after = tuple(
                BeforeAfterRow(item.code, item.title, _finding_text(old), _finding_text(new))
                for item, old, new in checklists.before_after(checklist, before, view.findings) if item.code in carried)
        span = "—".join(t for t in (view.started_at, view.ended_at) if t)
        return AssessmentReport(
            visit_uuid=visit.uuid,
            round_title=round_.title,
            assessment=_ASSESSMENT_ZH.get(kind, kind),
            enterprise_name=application.enterprise_name or enterprise.name,
            credit_code=enterprise.credit_code,
            expert_name=expert.name if expert else "",
            expert_organisation=(expert.organisation or "") if expert else "",
            visited_on=view.visited_on.isoformat() if view.visited_on else "",
            time_span=span,
            place=view.place,
            enterprise_participants=view.enterprise_participants,
            panel_participants=view.panel_participants,
            checklist_title=checklist.title,
            checklist_version=checklist.version,
            checklist_digest=checklist.digest,
            items=tuple(rows),
            counts="，".join(f"{checklists.STATUS_TEXT[st][0]} {n} 项" for st, n in counts.items()),
            vetoed=tuple(vetoed),
            scores=tuple(scores),
            sheet_state=sheet_state,
            total=total,
            max_total=max_total,
            outcome=outcome_zh,
            consequence=consequence,
            passed=None if outcome is None else outcome.passed,
            rule=rule,
            rectification_head=rectification_head,
            rectification=tuple(rectification),
            before_after=before_after,
            before_visited_on=(before_view.visited_on.isoformat() if before_view and before_view.visited_on else ""),
            audit_head=heads.current(s).text(),
        )

"""The data of the PDF reports, read from the working file as plain values (issue 20).

Part of `reports` (it renders and signs; the store only reads): the readers are read-only (one session, nothing written); `reports/pdf_sheet.py` lays the values
out. `export_round_sheets` is the one way a round's sheets become PDF files, for the CLI and the
GUI alike: rendered, signed by each sheet's expert when asked, written 0600 and never half-written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select

from hvp_desktop.domain.model import SheetStatus
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.domain.sheet_report import CriterionRow, SectionRow, SheetReport
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import heads
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, Enterprise, Expert, PanelSeat, Round, ScoreSheet
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
            content_sha256=_signed_content_sha256(s, sheet),
        )


def _signed_content_sha256(s, sheet) -> str:
    import hashlib

    from hvp_desktop.store.certificates import sheet_content

    if sheet.content_signature is None:
        return ""
    return hashlib.sha256(sheet_content(s, sheet, sheet.signed_content_v)).hexdigest()


_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\s]+')


def safe_name(text: str) -> str:
    """A file name's part from a name: no path separators, reserved or control characters."""
    return _UNSAFE_NAME.sub("_", text).strip("._") or "_"


@dataclass
class SheetExport:
    """What `export_round_sheets` wrote: the files in order, and whether it stopped on a cancel."""

    files: list[Path] = field(default_factory=list)
    signed: int = 0
    cancelled: bool = False


def export_round_sheets(wf: WorkingFile, round_id: int, outdir: Path, *, sign: bool = False,
                        pin_for: Callable[[int], str | None] = lambda _expert: None, combined: bool = False,
                        progress: Callable[[int, int], None] = lambda _done, _total: None,
                        cancelled: Callable[[], bool] = lambda: False) -> SheetExport:
    """Every latest submitted sheet of the round as a PDF in `outdir` ("<round>-<enterprise>-<expert>-r<rev>.pdf"),
    or all of them in one file when `combined` ("<round>-专家打分表.pdf", a print copy: see
    `pdf_combine`). With `sign`, each sheet is signed (PAdES B-B) by its expert's key, the PIN
    from `pin_for(expert id)`; an expert without a certificate, or a wrong PIN, stops the export
    with RuleViolation "SIGN" before anything of theirs is written. `progress(done, total)` after
    each sheet; `cancelled()` is asked before each, and the files already written stay."""
    from hvp_desktop.private_files import write_replacing
    from hvp_desktop.reports.pdf_combine import combine
    from hvp_desktop.store import certificates as certs

    with wf.session() as s:
        if s.get(Round, round_id) is None:
            raise InvalidInput(f"没有编号为{round_id}的轮次", f"There is no round {round_id}.")
    sheets = submitted_sheets(wf, round_id)
    result = SheetExport()
    identities: dict[int, tuple] = {}
    pdfs: list[bytes] = []
    taken: set[str] = set()

    def write(target: Path, pdf: bytes) -> None:
        write_replacing(target, lambda temp: temp.write_bytes(pdf))
        result.files.append(target)

    for done, sheet in enumerate(sheets):
        if cancelled():
            result.cancelled = True
            break
        identity = None
        if sign and not sheet.transcribed:
            if sheet.expert_id not in identities:
                identities[sheet.expert_id] = certs.signing_identity(wf, sheet.expert_id, pin_for(sheet.expert_id))
            identity = identities[sheet.expert_id]
            result.signed += 1
        pdf = sheet_pdf(wf, sheet, identity)
        if combined:
            pdfs.append(pdf)
        else:
            name = f"{round_id}-{safe_name(sheet.enterprise)}-{safe_name(sheet.expert)}-r{sheet.revision}"
            if name in taken:  # two experts of the same name
                name += f"-{sheet.sheet_id}"
            taken.add(name)
            write(outdir / f"{name}.pdf", pdf)
        progress(done + 1, len(sheets))
    if combined and pdfs and not result.cancelled:
        write(outdir / f"{round_id}-专家打分表.pdf", combine(pdfs, title=f"专家打分表（轮次{round_id}）"))
    return result


def sheet_pdf(wf: WorkingFile, sheet: SubmittedSheet, identity: tuple | None = None) -> bytes:
    """A submitted sheet as a PDF; signed (PAdES B-B, the signer block drawn in the page) when
    `identity` is its expert's (key, certificate, chain) — except a sheet keyed from paper by the
    secretariat: its record is the signed paper, and no digital signature stands in for the expert."""
    from hvp_desktop.reports.pdf_sheet import SignerBlock, render_score_sheet, render_signable_sheet
    from hvp_desktop.reports.pdf_sign import sign_pdf

    data = score_sheet_report(wf, sheet.sheet_id)
    if identity is None or sheet.transcribed:
        return render_score_sheet(data)
    key, cert, chain = identity
    signable = render_signable_sheet(data, SignerBlock(sheet.expert, "评审专家", data.submitted_at, sheet.expert_uuid))
    return sign_pdf(signable.pdf, key, cert, chain, name=sheet.expert, role="评审专家", page=signable.page,
                    box=signable.box)


@dataclass(frozen=True)
class SubmittedSheet:
    sheet_id: int
    enterprise: str
    expert_id: int
    expert: str
    expert_uuid: str
    revision: int
    transcribed: bool = False  # keyed from the paper sheet by the secretariat


def submitted_sheets(wf: WorkingFile, round_id: int) -> list[SubmittedSheet]:
    """The round's latest submitted sheets, by application then expert."""
    with wf.session() as s:
        rows = s.execute(
            select(ScoreSheet.id, ScoreSheet.application_id, ScoreSheet.expert_id, ScoreSheet.revision,
                   Application.enterprise_name, Expert.name, Expert.uuid, ScoreSheet.transcribed_from_paper)
            .join(Application, Application.id == ScoreSheet.application_id)
            .join(Expert, Expert.id == ScoreSheet.expert_id)
            .where(Application.round_id == round_id, ScoreSheet.status == SheetStatus.SUBMITTED.value)
            .order_by(Application.id, Expert.id, ScoreSheet.revision)).all()
    latest: dict[tuple[int, int], SubmittedSheet] = {}
    for sheet_id, application_id, expert_id, revision, enterprise, expert, uuid, paper in rows:
        latest[(application_id, expert_id)] = SubmittedSheet(sheet_id, enterprise, expert_id, expert, uuid, revision,
                                                             bool(paper))
    return list(latest.values())


# -- the consolidated result (issue 20 §2, §3) --------------------------------------------------
ROLE_SIGNS = {"chair": "评审组组长", "member": "评审组成员"}


def result_report(wf: WorkingFile, round_id: int):
    """The round's consolidated result as the PDF prints it (domain/result_report.ResultReport):
    its ranking by the round's own method, and its panel, the chair first."""
    from hvp_desktop.domain.result_report import PanelSigner
    from hvp_desktop.reports.pdf_result import result_data
    from hvp_desktop.store.ranking import analyse_round

    with wf.session() as s:
        round_ = s.get(Round, round_id)
        if round_ is None:
            raise InvalidInput(f"没有编号为{round_id}的轮次", f"There is no round {round_id}.")
        round_uuid = round_.uuid
        seats = s.execute(select(PanelSeat.role, Expert.name, Expert.organisation, Expert.uuid)
                          .join(Expert, Expert.id == PanelSeat.expert_id)
                          .where(PanelSeat.round_id == round_id)).all()
    panel = sorted((PanelSigner(name, organisation or "", role, uuid) for role, name, organisation, uuid in seats),
                   key=lambda p: (p.role != "chair", p.name, p.expert_uuid))
    return result_data(analyse_round(wf, round_id), panel, round_uuid=round_uuid)


def result_pdf(wf: WorkingFile, round_id: int) -> bytes:
    """The consolidated result as an unsigned PDF (to print, or to preview before consolidation)."""
    from hvp_desktop.reports.pdf_result import render_result

    return render_result(result_report(wf, round_id)).pdf


def _seat_identity(wf: WorkingFile, expert_uuid: str, pin: str | None):
    from hvp_desktop.store import certificates as certs

    with wf.session() as s:
        expert_id = s.scalar(select(Expert.id).where(Expert.uuid == expert_uuid))
    return certs.signing_identity(wf, expert_id, pin)


def signed_result_pdf(wf: WorkingFile, round_id: int, pin: str | None = None) -> bytes:
    """The consolidated result signed by the round's chair (PAdES B-B, the chair's key under
    `pin` when it has one), with an empty signature field prepared over every member's box for
    their counter-signatures. Refused (RuleViolation "SIGN") before consolidation or without a chair."""
    from hvp_desktop.reports.pdf_result import render_result
    from hvp_desktop.reports.pdf_sign import sign_pdf

    data = result_report(wf, round_id)
    if not data.consolidated:
        raise RuleViolation("SIGN", "本轮结果尚未汇总锁定，不能签署（可导出未签名的预览）",
                            "The round's result is not consolidated yet and cannot be signed (an unsigned "
                            "preview can be exported).")
    chair = data.chair
    if chair is None:
        raise RuleViolation("SIGN", "本轮评审组没有组长，无法签署汇总结果",
                            "The round's panel has no chair to sign the result.")
    rendered = render_result(data)
    places = {name: (page, box) for name, page, box in rendered.seats}
    key, cert, chain = _seat_identity(wf, chair.expert_uuid, pin)
    page, box = places[chair.field]
    others = [(name, page_, box_) for name, page_, box_ in rendered.seats if name != chair.field]
    return sign_pdf(rendered.pdf, key, cert, chain, name=chair.name, role=ROLE_SIGNS["chair"], field=chair.field,
                    page=page, box=box, prepare=others)


def countersign_result(wf: WorkingFile, pdf: bytes, expert_id: int, pin: str | None = None) -> bytes:
    """A signed result with the member's counter-signature in the field prepared for them
    (an incremental signature: the chair's stays valid). Refused (RuleViolation "SIGN") when the
    file has no empty field for this expert (not a member, or signed already)."""
    from hvp_desktop.reports.pdf_sign import empty_signature_fields, sign_pdf
    from hvp_desktop.store import certificates as certs

    with wf.session() as s:
        expert = s.get(Expert, expert_id)
        if expert is None:
            raise RuleViolation("SIGN", "没有该专家", "There is no such expert.")
        name, uuid = expert.name, expert.uuid
    try:
        empty = empty_signature_fields(pdf)
    except Exception as exc:  # noqa: BLE001 — a damaged file gets a message, not a traceback
        raise RuleViolation("SIGN", f"无法读取该PDF：{exc}", f"The PDF cannot be read: {exc}") from exc
    from hvp_desktop.reports.pdf_sign import verify_pdf

    roots = certs.load_chain(certs.root_certificate_pem(wf) or "")
    verdict = verify_pdf(pdf, roots)
    if not verdict.ok or not verdict.signatures or not verdict.signatures[0].field.startswith("sig-chair-"):
        reason = verdict.message_zh if not verdict.ok else "首个签名不是组长的签名"
        raise RuleViolation("SIGN", f"只能会签组长已签署且签名有效的汇总结果：{reason}",
                            "Only a result the chair signed, with every signature valid, can be counter-signed: "
                            + (verdict.message_en if not verdict.ok else "its first signature is not the chair's."))
    field_name = f"sig-member-{uuid}"
    if field_name not in empty:
        raise RuleViolation("SIGN", f"该汇总结果中没有为{name}预留的未签签名栏（不是本轮评审组成员，或已会签）",
                            f"The result has no empty signature field for {name} (not on the round's panel, "
                            "or signed already).")
    key, cert, chain = certs.signing_identity(wf, expert_id, pin)
    return sign_pdf(pdf, key, cert, chain, name=name, role=ROLE_SIGNS["member"], field=field_name)


# -- the on-site assessment reports (issue 20 §2) ------------------------------------------------
@dataclass(frozen=True)
class RoundVisit:
    visit_id: int
    enterprise: str
    expert: str


def round_visits(wf: WorkingFile, round_id: int) -> list[RoundVisit]:
    """The on-site visits to the round's centres, by centre then expert then visit."""
    from hvp_desktop.store.models import Visit

    with wf.session() as s:
        rows = s.execute(select(Visit.id, Application.enterprise_name, Expert.name)
                         .join(Application, Application.id == Visit.application_id)
                         .outerjoin(Expert, Expert.id == Visit.expert_id)
                         .where(Application.round_id == round_id)
                         .order_by(Application.id, Expert.name, Visit.id)).all()
    return [RoundVisit(v, enterprise, expert or "") for v, enterprise, expert in rows]


def assessment_pdf(wf: WorkingFile, visit_id: int) -> bytes:
    """One visit's on-site assessment report as a PDF."""
    from hvp_desktop.reports.pdf_assessment import render_assessment_report
    from hvp_desktop.store.visits import assessment_report

    return render_assessment_report(assessment_report(wf, visit_id))


def export_round_assessments(wf: WorkingFile, round_id: int, outdir: Path, *,
                             progress: Callable[[int, int], None] = lambda _done, _total: None,
                             cancelled: Callable[[], bool] = lambda: False) -> SheetExport:
    """Every visit of the round as an assessment report PDF in `outdir`
    ("<round>-<enterprise>-<expert>-现场核查<visit>.pdf", 0600, never half-written)."""
    from hvp_desktop.private_files import write_replacing

    with wf.session() as s:
        if s.get(Round, round_id) is None:
            raise InvalidInput(f"没有编号为{round_id}的轮次", f"There is no round {round_id}.")
    visits = round_visits(wf, round_id)
    result = SheetExport()
    for done, visit in enumerate(visits):
        if cancelled():
            result.cancelled = True
            break
        pdf = assessment_pdf(wf, visit.visit_id)
        target = outdir / f"{round_id}-{safe_name(visit.enterprise)}-{safe_name(visit.expert)}-现场核查{visit.visit_id}.pdf"
        write_replacing(target, lambda temp, pdf=pdf: temp.write_bytes(pdf))
        result.files.append(target)
        progress(done + 1, len(visits))
    return result

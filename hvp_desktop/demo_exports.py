"""Signed output of the demo, written beside it (issue 20 §8): so a new user has, at once, what
the panel hands over — signed score sheets, the chair-signed result counter-signed by every
member, an on-site assessment report, the objection audit pack and the root to check them with —
to open in a PDF reader, in Verify a PDF… or with `hvp-desktop verify` / `audit-verify`.

The demo's certificates have no PIN (it is a demo), so every key opens here.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from hvp_desktop.private_files import write_replacing
from hvp_desktop.reports import round_reports as reports
from hvp_desktop.reports.audit_pack_writer import write_audit_pack
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Expert


def _write(path: Path, data: bytes) -> Path:
    write_replacing(path, lambda temp: temp.write_bytes(data))
    return path


def write_demo_exports(wf: WorkingFile, folder: Path) -> list[Path]:
    """The demo's signed output in `folder` (made if needed); the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [_write(folder / "专家组根证书.pem", certs.root_certificate_pem(wf).encode("ascii"))]
    results = [reports.result_report(wf, r) for r, _t in queries.round_list(wf)]
    consolidated = [d for d in results if d.consolidated]
    for data in consolidated:  # the chair signs, every member counter-signs
        pdf = reports.signed_result_pdf(wf, data.round_id)
        for seat in data.panel:
            if seat.role == "member":
                with wf.session() as s:
                    member = s.scalar(select(Expert.id).where(Expert.uuid == seat.expert_uuid))
                pdf = reports.countersign_result(wf, pdf, member)
        written.append(_write(folder / f"汇总评审结果-{reports.safe_name(data.round_title)}.pdf", pdf))
    biggest = max(consolidated, key=lambda d: len(d.rows))
    first = reports.submitted_sheets(wf, biggest.round_id)
    one_application = [sheet for sheet in first if sheet.enterprise == first[0].enterprise]
    sheets = folder / "专家打分表"
    sheets.mkdir(exist_ok=True)
    identities: dict[int, tuple] = {}
    for sheet in one_application:
        if sheet.expert_id not in identities:
            identities[sheet.expert_id] = certs.signing_identity(wf, sheet.expert_id)
        name = f"{reports.safe_name(sheet.enterprise)}-{reports.safe_name(sheet.expert)}-r{sheet.revision}.pdf"
        written.append(_write(sheets / name, reports.sheet_pdf(wf, sheet, identities[sheet.expert_id])))
    smallest = min(consolidated, key=lambda d: len(d.rows))
    visits = reports.round_visits(wf, smallest.round_id)
    if visits:
        visit = visits[0]
        written.append(_write(folder / f"现场核查报告-{reports.safe_name(visit.enterprise)}.pdf",
                              reports.assessment_pdf(wf, visit.visit_id)))
    pack = folder / f"审计包-{reports.safe_name(smallest.round_title)}.zip"
    write_audit_pack(wf, smallest.round_id, pack)
    written.append(pack)
    return written

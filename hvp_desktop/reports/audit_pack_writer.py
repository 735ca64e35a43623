"""The objection audit pack of a round, written from the working file (issue 20 §7; its format and
its verification: `reports/audit_pack.py`, docs/audit-pack.md).

Read-only on the working file. The sheets travel as the canonical content their experts signed at
submission, with the signatures and certificates, so the pack holds even where a PDF could not be
signed now (an expert's key under a PIN nobody typed): the PDFs are then unsigned copies, noted.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from hvp_desktop.domain.model import SheetStatus
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.reports import audit_pack as fmt
from hvp_desktop.reports import round_reports as reports
from hvp_desktop.scoring import round_codec
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import certificates as certs
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import (
    Application,
    AuditEvent,
    Conflict,
    Expert,
    Round,
    ScoreSheet,
    SigningIdentity,
)
from hvp_desktop.store.ranking import round_data

EVENT_FIELDS = ("seq", "at", "actor", "action", "entity", "entity_id", "payload", "prev_hash", "hash", "uuid",
                "device", "role", "person", "v")


@dataclass
class PackSummary:
    path: Path
    sheets: int = 0
    signed_sheets: int = 0
    pdfs_signed: int = 0
    pdfs_unsigned: int = 0
    result_signed: bool = False
    events: int = 0
    cancelled: bool = False


def _events(s, round_id: int, applications: list[int]) -> list[dict]:
    """The round's own events and those of its rows (the row-image `rows` events stay behind)."""
    ids = [str(a) for a in applications]
    query = select(AuditEvent).where(
        ((AuditEvent.entity == "round") & (AuditEvent.entity_id == str(round_id)))
        | ((AuditEvent.entity == "application") & AuditEvent.entity_id.in_(ids))).order_by(AuditEvent.seq)
    return [{name: getattr(ev, name) for name in EVENT_FIELDS} for ev in s.scalars(query)]


def write_audit_pack(wf: WorkingFile, round_id: int, out: Path, *,
                     pin_for: Callable[[int], str | None] = lambda _expert: None,
                     progress: Callable[[int, int], None] = lambda _done, _total: None,
                     cancelled: Callable[[], bool] = lambda: False) -> PackSummary:
    """Write the round's audit pack to `out` (a zip, 0600, replaced only when complete). Sheet PDFs
    and the result are signed where the expert's (the chair's) key opens with `pin_for(expert id)`;
    otherwise they are unsigned copies (the signed data stays the record)."""
    from hvp_desktop.private_files import write_replacing

    files: dict[str, bytes] = {}
    summary = PackSummary(path=out)
    with wf.session() as s:
        rnd = s.get(Round, round_id)
        if rnd is None:
            raise InvalidInput(f"没有编号为{round_id}的轮次", f"There is no round {round_id}.")
        round_info = {"id": rnd.id, "uuid": rnd.uuid, "title": rnd.title, "year": rnd.year, "kind": rnd.kind}
        data = round_data(s, round_id)
        apps = dict(s.execute(select(Application.id, Application.uuid).where(Application.round_id == round_id)).all())
        names = dict(s.execute(select(Application.id, Application.enterprise_name)
                               .where(Application.round_id == round_id)).all())
        experts = {e.id: (e.uuid, e.name) for e in s.scalars(select(Expert))}
        conflicts = [[a, e] for a, e in s.execute(select(Conflict.application_id, Conflict.expert_id)
                                                  .where(Conflict.application_id.in_(list(apps))))]
        sheets = list(s.scalars(select(ScoreSheet).where(ScoreSheet.application_id.in_(list(apps)),
                                                         ScoreSheet.status == SheetStatus.SUBMITTED.value)
                                .order_by(ScoreSheet.application_id, ScoreSheet.expert_id, ScoreSheet.revision)))
        entries = []
        for sheet in sheets:
            version = sheet.signed_content_v or None
            content = certs.sheet_content(s, sheet, version)
            app_uuid, (expert_uuid, expert_name) = apps[sheet.application_id], experts[sheet.expert_id]
            stem = f"sheets/{app_uuid}/{expert_uuid}-r{sheet.revision}"
            files[f"{stem}.json"] = content
            entry = {"application": app_uuid, "expert": expert_uuid, "revision": sheet.revision,
                     "enterprise_name": names[sheet.application_id], "expert_name": expert_name,
                     "content": f"{stem}.json", "signature": None, "signed_by": None,
                     "transcribed": bool(sheet.transcribed_from_paper), "pdf": None}
            if sheet.content_signature is not None:
                files[f"{stem}.sig"] = base64.b64encode(sheet.content_signature)
                entry["signature"], entry["signed_by"] = f"{stem}.sig", sheet.signed_by
                summary.signed_sheets += 1
            entries.append(entry)
        signers = {row.fingerprint: row.certificate for row in s.scalars(select(SigningIdentity))}
        events = _events(s, round_id, list(apps))
    summary.sheets = len(entries)
    root = certs.root_certificate_pem(wf)
    if root is None:
        raise RuleViolation("SIGN", "本文件还没有专家组根证书，无法制作审计包",
                            "This file has no panel root certificate: no audit pack can be made.")
    files["root.pem"] = root.encode("ascii")
    for fp in sorted({e["signed_by"] for e in entries if e["signed_by"]}):
        if fp in signers:
            files[f"certificates/{fp}.pem"] = signers[fp].encode("ascii")
    if data.rubric is not None:
        files["rubric.json"] = rubrics.to_json(data.rubric).encode("utf-8")
    review = round_codec.to_plain(data)
    files["round.json"] = fmt.dump({
        "review": review, "conflicts": conflicts,
        "application_uuids": {str(a): u for a, u in apps.items()},
        "expert_uuids": {str(e): experts[e][0] for e in experts}})
    files["events.jsonl"] = "".join(json.dumps(ev, ensure_ascii=False, sort_keys=True) + "\n"
                                    for ev in events).encode("utf-8")
    summary.events = len(events)

    # the latest sheets as PDFs, signed where the expert's key opens
    latest = reports.submitted_sheets(wf, round_id)
    by_key = {(e["application"], e["expert"], e["revision"]): e for e in entries}
    identities: dict[int, tuple | None] = {}
    total = len(latest) + 1
    for done, sheet in enumerate(latest):
        if cancelled():
            summary.cancelled = True
            return summary
        if sheet.expert_id not in identities:
            try:
                identities[sheet.expert_id] = certs.signing_identity(wf, sheet.expert_id, pin_for(sheet.expert_id))
            except RuleViolation:  # no certificate, or a PIN not given: an unsigned copy
                identities[sheet.expert_id] = None
        identity = None if sheet.transcribed else identities[sheet.expert_id]
        with wf.session() as s:
            app_uuid = apps[s.get(ScoreSheet, sheet.sheet_id).application_id]
        name = (f"sheet-pdfs/{reports.safe_name(sheet.enterprise)}-{reports.safe_name(sheet.expert)}"
                f"-r{sheet.revision}-{sheet.sheet_id}.pdf")
        files[name] = reports.sheet_pdf(wf, sheet, identity)
        by_key[(app_uuid, sheet.expert_uuid, sheet.revision)]["pdf"] = name
        if identity is None:
            summary.pdfs_unsigned += 1
        else:
            summary.pdfs_signed += 1
        progress(done + 1, total)

    result = reports.result_report(wf, round_id)
    files["result.json"] = fmt.dump(dataclasses.asdict(result))
    pdf = None
    if result.consolidated and result.chair is not None:
        chair_id = next((e for e, (u, _n) in experts.items() if u == result.chair.expert_uuid), None)
        try:
            pdf = reports.signed_result_pdf(wf, round_id, pin_for(chair_id))
            summary.result_signed = True
        except RuleViolation:
            pdf = None
    files["result.pdf"] = pdf if pdf is not None else reports.result_pdf(wf, round_id)

    manifest = {
        "format": fmt.FORMAT, "version": fmt.VERSION, "round": round_info,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"), "audit_head": data.audit_head,
        "root_fingerprint": certs.root_fingerprint(wf), "sheets": entries,
        "files": {name: fmt.sha256(body) for name, body in sorted(files.items())},
    }

    def write(temp: Path) -> None:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
            for name, body in sorted(files.items()):
                archive.writestr(name, body)

    write_replacing(out, write)
    progress(total, total)
    return summary

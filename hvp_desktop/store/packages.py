"""What the exchange (hvp_desktop/exchange, issue 21) reads from a working file: the panel's keys in
the secretary's file, the panel's public exchange key kept in an expert's file, and the expert's own
work a return package carries (their sheets, declared conflicts, visits, findings and evidence),
with the file's audit chain as hashes, so the chair can tell a newer package from a replayed or a
rewritten one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import copies
from hvp_desktop.store.models import (
    Attachment,
    AuditEvent,
    BlobChunk,
    Conflict,
    Expert,
    Finding,
    PackageReceipt,
    PanelExchangeKey,
    PanelRoot,
    PanelRootKey,
    ScoreEntry,
    ScoreSheet,
    SigningIdentity,
    Visit,
)
from hvp_desktop.store.ops.core import DEVICE_ID, EXPERT_OF_FILE

PANEL_EXCHANGE_KEY = "panel_exchange_key"  # meta of an expert's file: where their returns are encrypted to
# What a return package carries, referenced tables first; every record is the sender's own.
RETURNED = ("conflicts", "score_sheets", "score_entries", "visits", "findings", "attachments", "blob_chunks")


@dataclass(frozen=True)
class ReturnedWork:
    """A return package's content, opened and its signature checked (exchange/packages.py): what the
    chair's merge (ops/packages.merge_return) takes."""

    package_id: str
    expert: str  # the sender's UUID (the signer's certificate names it)
    device: str  # the sender's working file
    head_seq: int
    head_hash: str
    chain: dict[int, str]  # the sender's audit chain: seq → hash
    snapshot: copies.Snapshot
    signer_fingerprint: str
    certificates: dict[str, str] = field(default_factory=dict)  # fingerprint → PEM of the sheets' signers


def new_exchange_key() -> tuple[bytes, str]:
    """(private key, raw 32 bytes; public key, hex) of a new X25519 key for the panel."""
    key = X25519PrivateKey.generate()
    raw = key.private_bytes(ser.Encoding.Raw, ser.PrivateFormat.Raw, ser.NoEncryption())
    return raw, key.public_key().public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw).hex()


def exchange_key(wf) -> tuple[bytes, str] | None:
    """(private raw, public hex) of the panel's exchange key, in the secretary's file; None if none yet."""
    with wf.session() as s:
        row = s.scalar(select(PanelExchangeKey).order_by(PanelExchangeKey.id.desc()).limit(1))
        return (row.private_key, row.public_key) if row else None


def panel_key_of(wf) -> str | None:
    """The panel's public exchange key an expert's file returns its work to (set by an expert package)."""
    return wf.meta_value(PANEL_EXCHANGE_KEY)


def root_signer(wf):
    """(key, certificate) of the panel's root, which signs expert packages; refused when there is none."""
    with wf.session() as s:
        row = s.execute(select(PanelRoot, PanelRootKey).join(PanelRootKey, PanelRootKey.root_id == PanelRoot.id)
                        .order_by(PanelRoot.id.desc()).limit(1)).first()
        if row is None:
            raise RuleViolation("SIGN", "本文件没有专家组根证书及其私钥：请先建立根证书",
                                "This file has no panel root with its key: create the panel's root first.")
        root, key = row
        return certs.unlock_key(key.private_key, False, None), certs.load_certificate(root.certificate)


def round_of(wf, round_id: int) -> dict:
    """The round a package is for, as the package names it; a round whose result is confirmed gets
    no packages (what would come back could not be merged)."""
    from hvp_desktop.domain.rules import InvalidInput
    from hvp_desktop.store.models import Round
    from hvp_desktop.store.round_lock import locked

    with wf.session() as s:
        rnd = s.get(Round, round_id)
        if rnd is None:
            raise InvalidInput(f"没有编号为{round_id}的轮次", f"no round with id {round_id}")
        lock = locked(s, round_id)
        if lock is not None:
            rule = "R16" if rnd.kind == "recognition" else "R17"
            raise RuleViolation(rule, f"本轮评审结果已于{lock.decided_on}确认汇总，不再生成专家数据包",
                                f"The round's result was consolidated on {lock.decided_on}: no expert packages "
                                "are made for it.")
        return {"uuid": rnd.uuid, "year": rnd.year, "kind": rnd.kind, "title": rnd.title}


def identity_replaced_at(wf, fingerprint: str):
    """When the signing identity with this certificate was replaced in this file (None: in use, or unknown)."""
    with wf.session() as s:
        return s.scalar(select(SigningIdentity.replaced_at).where(SigningIdentity.fingerprint == fingerprint,
                                                                  SigningIdentity.private_key != b"")
                        .order_by(SigningIdentity.id.desc()).limit(1))


def device_of(wf) -> str:
    return wf.meta_value(DEVICE_ID) or ""


def receipts(wf) -> list[dict]:
    with wf.session() as s:
        return [{"expert": r.expert_uuid, "device": r.device, "package": r.package_id, "head_seq": r.head_seq,
                 "merged_at": r.merged_at} for r in s.scalars(select(PackageReceipt).order_by(PackageReceipt.id))]


def returned_work(wf) -> tuple[copies.Snapshot, dict[int, str], dict[str, str]]:
    """From an expert's own file: (their work as a snapshot, the audit chain seq → hash, the
    certificates their sheets were signed with, fingerprint → PEM). Drafts travel too (the chair
    sees what is still open); private keys and page notes never do."""
    owner = wf.meta_value(EXPERT_OF_FILE)
    if owner is None:
        raise RuleViolation("PACKAGE", "回传数据包只能从专家本人的工作文件生成",
                            "A return package is made from an expert's own working file.")
    with wf.session() as s:
        expert_id = s.scalar(select(Expert.id).where(Expert.uuid == owner))
        sheets = select(ScoreSheet.id).where(ScoreSheet.expert_id == expert_id)
        visits = select(Visit.id).where(Visit.expert_id == expert_id)
        evidence = (Attachment.kind == "evidence") & Attachment.visit_id.in_(visits)
        snap = copies.snapshot(s, [
            (Conflict, Conflict.expert_id == expert_id),
            (ScoreSheet, ScoreSheet.id.in_(sheets)),
            (ScoreEntry, ScoreEntry.sheet_id.in_(sheets)),
            (Visit, Visit.id.in_(visits)),
            (Finding, Finding.visit_id.in_(visits)),
            (Attachment, evidence),
            (BlobChunk, BlobChunk.digest.in_(select(Attachment.sha256).where(evidence))),
        ], owner=owner)
        chain = dict(s.execute(select(AuditEvent.seq, AuditEvent.hash)).all())
        used = {r["signed_by"] for r in snap.tables["score_sheets"] if r["signed_by"]}
        pems = {row.fingerprint: row.certificate for row in s.scalars(
            select(SigningIdentity).where(SigningIdentity.fingerprint.in_(used)))}
    return snap, chain, pems

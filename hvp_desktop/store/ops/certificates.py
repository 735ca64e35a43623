"""Operations on the panel's certificates (issue 20): the panel's root, an expert's certificate
issued by it, an expert's own PKCS#12 imported. The audit events name certificates by their
fingerprints; no key travels in them (the row images hold a key's SHA-256 only, keys being BLOBs)."""

from __future__ import annotations

from sqlalchemy import select

from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.store import certificates as certs
from hvp_desktop.store.models import Expert, PanelRoot, PanelRootKey, SigningIdentity
from hvp_desktop.store.ops.core import Tx, now, operation


def _naive(moment):
    return moment.replace(tzinfo=None)


@operation()
def create_panel_ca(tx: Tx, year: int) -> str:
    """The panel's root (one per file); the value is its full fingerprint."""
    if tx.s.scalar(select(PanelRoot.id).limit(1)) is not None:
        raise RuleViolation("SIGN", "本文件已有专家组根证书", "This file already has the panel's root certificate.")
    if not 2000 <= int(year) <= 2100:
        raise InvalidInput(f"年份{year}不在2000–2100之间", f"The year {year} is not within 2000–2100.")
    key, cert = certs.make_root(int(year))
    root = PanelRoot(certificate=certs.cert_pem(cert), fingerprint=certs.fingerprint(cert),
                     not_after=_naive(cert.not_valid_after_utc), created_at=now())
    tx.s.add(root)
    tx.s.flush()
    tx.s.add(PanelRootKey(root_id=root.id, private_key=certs.key_pem(key, None), created_at=now()))
    tx.s.flush()
    tx.log("ca.created", "panel_root", root.uuid,
           {"subject": certs.subject_name(cert), "fingerprint": root.fingerprint,
            "not_after": root.not_after.isoformat(), "key": f"RSA-{certs.ROOT_BITS}"})
    return root.fingerprint


def _expert(tx: Tx, expert_id: int) -> Expert:
    expert = tx.s.get(Expert, expert_id)
    if expert is None:
        raise InvalidInput(f"没有编号为{expert_id}的专家", f"no expert with id {expert_id}")
    return expert


def _replace_current(tx: Tx, expert_id: int) -> str | None:
    old = certs.current_identity(tx.s, expert_id)
    if old is None:
        return None
    old.replaced_at = now()
    return old.uuid


def _panel_root(tx: Tx) -> tuple[PanelRoot | None, object]:
    root = tx.s.scalar(select(PanelRoot).order_by(PanelRoot.id.desc()).limit(1))
    return root, (certs.load_certificate(root.certificate) if root else None)


@operation()
def issue_certificate(tx: Tx, expert_id: int, pin: str | None = None) -> str:
    """A new key and certificate for the expert (or the chair), issued by the panel's root; the key
    encrypted under `pin` when given. An earlier identity of theirs is kept, marked replaced (their
    earlier signatures stay checkable). The value is the certificate's fingerprint."""
    expert = _expert(tx, expert_id)
    root, root_cert = _panel_root(tx)
    if root is None:
        raise RuleViolation("SIGN", "请先创建专家组根证书", "Create the panel's root certificate first.")
    root_key = certs.unlock_key(tx.s.scalar(select(PanelRootKey.private_key).where(PanelRootKey.root_id == root.id)),
                                False, None)
    key, cert = certs.issue(root_key, root_cert, name=expert.name, organisation=expert.organisation,
                            serial=expert.uuid)
    pem = certs.key_pem(key, pin)
    replaced = _replace_current(tx, expert_id)
    row = SigningIdentity(expert_id=expert_id, certificate=certs.cert_pem(cert), chain=root.certificate,
                          private_key=pem, pin_protected=bool(pin), source="issued", issued_by_panel=True,
                          fingerprint=certs.fingerprint(cert), not_after=_naive(cert.not_valid_after_utc),
                          created_at=now())
    tx.s.add(row)
    tx.s.flush()
    tx.log("certificate.issued", "expert", expert.uuid,
           {"identity": row.uuid, "expert": expert.uuid, "subject": expert.name, "fingerprint": row.fingerprint,
            "root": root.fingerprint, "not_after": row.not_after.isoformat(), "pin": row.pin_protected,
            "replaces": replaced, "key": f"RSA-{certs.EXPERT_BITS}"})
    tx.touch(experts={expert_id})
    return row.fingerprint


@operation()
def import_certificate(tx: Tx, expert_id: int, p12_bytes: bytes, p12_password: str | None,
                       pin: str | None = None) -> str:
    """The expert's own certificate and key from a PKCS#12 (.p12/.pfx), e.g. from a commercial CA;
    kept under `pin` when given. A certificate another authority issued is accepted and recorded as
    not issued by this panel. The value is its fingerprint."""
    expert = _expert(tx, expert_id)
    key, cert, extra = certs.read_p12(p12_bytes, p12_password)
    root, root_cert = _panel_root(tx)
    by_panel = root_cert is not None and certs.issued_by(cert, root_cert)
    chain = [c for c in extra if c != cert]
    if by_panel and root_cert not in chain:
        chain.append(root_cert)
    pem = certs.key_pem(key, pin)
    replaced = _replace_current(tx, expert_id)
    row = SigningIdentity(expert_id=expert_id, certificate=certs.cert_pem(cert),
                          chain="".join(certs.cert_pem(c) for c in chain), private_key=pem, pin_protected=bool(pin),
                          source="imported", issued_by_panel=by_panel, fingerprint=certs.fingerprint(cert),
                          not_after=_naive(cert.not_valid_after_utc), created_at=now())
    tx.s.add(row)
    tx.s.flush()
    tx.log("certificate.imported", "expert", expert.uuid,
           {"identity": row.uuid, "expert": expert.uuid, "subject": certs.subject_name(cert),
            "issuer": cert.issuer.rfc4514_string(), "fingerprint": row.fingerprint, "issued_by_panel": by_panel,
            "not_after": row.not_after.isoformat(), "pin": row.pin_protected, "replaces": replaced})
    tx.touch(experts={expert_id})
    return row.fingerprint


@operation(expert_file=True)
def set_pin(tx: Tx, expert_id: int, old_pin: str | None, new_pin: str | None) -> bool:
    """The expert sets, changes or removes (`new_pin` None) the PIN of their signing key, in their
    own file too (a shared laptop: they choose it themselves, nobody else types it). The current
    PIN is needed; the value is whether the key is now protected."""
    expert = tx.act_as_expert(expert_id)
    row = certs.current_identity(tx.s, expert_id)
    if row is None:
        raise RuleViolation("SIGN", "该专家还没有签名证书", "This expert has no signing certificate.")
    key = certs.unlock_key(row.private_key, row.pin_protected, old_pin)
    row.private_key = certs.key_pem(key, new_pin or None)
    row.pin_protected = bool(new_pin)
    tx.s.flush()
    tx.log("certificate.pin", "expert", expert.uuid, {"identity": row.uuid, "pin": row.pin_protected})
    tx.touch(experts={expert_id})
    return row.pin_protected

"""The panel's certificates (issue 20): a root made once, experts' certificates chaining to it, keys
under a PIN, PKCS#12 imports, and an expert's file carrying that expert's key and no other."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from sqlalchemy import select

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import decisions, expert_file, queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import AuditEvent, PanelRoot, PanelRootKey, SigningIdentity
from hvp_desktop.store.ops import certificates as cert_ops
from hvp_desktop.store.ops import panel as panel_ops

PIN = "4711-张"


@pytest.fixture
def ca(wf):
    cert_ops.create_panel_ca(wf, 2026)
    experts = [panel_ops.add_expert(wf, name, org).value
               for name, org in (("张伟", "华南理工大学"), ("李明", "中山大学"), ("王芳", None))]
    return wf, experts


def _signs(key, cert) -> bool:
    data = b"score sheet canonical bytes"
    return certs.verify_signature(cert, key.sign(data, padding.PKCS1v15(), hashes.SHA256()), data)


def _foreign_p12(password: bytes | None, *, days: int = 365, with_key: bool = True, name: str = "张伟") -> bytes:
    """A PKCS#12 from another authority (a commercial CA, say)."""
    now = datetime.now(UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Some Commercial CA")])
    ca_cert = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
               .serial_number(1).not_valid_before(now - timedelta(days=800)).not_valid_after(now + timedelta(days=900))
               .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
               .sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - timedelta(days=700)).not_valid_after(now + timedelta(days=days))
            .sign(ca_key, hashes.SHA256()))
    enc = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    return pkcs12.serialize_key_and_certificates(b"expert", key if with_key else None, cert, [ca_cert], enc)


def test_the_root_is_a_ca_made_once(ca):
    wf, _experts = ca
    root = certs.load_certificate(certs.root_certificate_pem(wf))
    assert certs.subject_name(root) == "高价值专利培育布局中心评审专家组 根证书 2026"
    assert {a.value for a in root.subject} >= {"黄埔区高价值专利培育布局中心评审专家组", "CN"}
    assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    usage = root.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign and usage.crl_sign
    assert root.public_key().key_size == 3072 and isinstance(root.signature_hash_algorithm, hashes.SHA256)
    assert 3650 <= (root.not_valid_after_utc - root.not_valid_before_utc).days <= 3653
    root.verify_directly_issued_by(root)  # self-signed
    with pytest.raises(RuleViolation) as refused:
        cert_ops.create_panel_ca(wf, 2027)
    assert refused.value.rule == "SIGN" and "already" in refused.value.en
    with wf.session() as s:
        assert s.query(PanelRoot).count() == 1 and s.query(PanelRootKey).count() == 1


def test_fingerprints_full_and_read_aloud(ca):
    wf, _experts = ca
    full = certs.root_fingerprint(wf)
    root = certs.load_certificate(certs.root_certificate_pem(wf))
    assert full == root.fingerprint(hashes.SHA256()).hex().upper() and len(full) == 64
    short = certs.short_fingerprint(full)
    assert re.fullmatch(r"[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}", short)
    assert short.replace(" ", "") == full[:16]
    assert certs.short_fingerprint("abcdef0123456789ffff") == "ABCD EF01 2345 6789"


def test_issued_certificates_chain_to_the_root(ca):
    wf, experts = ca
    for expert_id in experts:
        cert_ops.issue_certificate(wf, expert_id)
    root = certs.load_certificate(certs.root_certificate_pem(wf))
    listed = certs.expert_certificates(wf)
    assert [c.expert for c in listed] == sorted(["张伟", "李明", "王芳"])
    for info in listed:
        assert info.source == "issued" and info.issued_by_panel and not info.pin_protected
    key, cert, chain = certs.signing_identity(wf, experts[0])
    cert.verify_directly_issued_by(root)  # the root's signature on it
    assert chain == [root] and certs.issued_by(cert, root)
    assert certs.same_key(key, cert) and _signs(key, cert)
    subject = {a.oid: a.value for a in cert.subject}
    with wf.session() as s:
        from hvp_desktop.store.models import Expert
        me = s.get(Expert, experts[0])
        assert subject == {NameOID.COMMON_NAME: "张伟", NameOID.ORGANIZATION_NAME: "华南理工大学",
                           NameOID.SERIAL_NUMBER: me.uuid}
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in eku and certs.DOCUMENT_SIGNING in eku
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert 1094 <= (cert.not_valid_after_utc - cert.not_valid_before_utc).days <= 1097
    assert cert.public_key().key_size == 2048


def test_a_pin_protects_the_key_from_everyone_else(ca):
    wf, (zhang, li, _wang) = ca
    cert_ops.issue_certificate(wf, zhang, PIN)
    cert_ops.issue_certificate(wf, li, "li-pin-9988")
    for wrong in (None, "", "0000", "li-pin-9988"):  # none, a wrong one, another expert's PIN
        with pytest.raises(RuleViolation) as refused:
            certs.signing_identity(wf, zhang, wrong)
        assert refused.value.rule == "SIGN" and refused.value.text("en").startswith("Signature:")
    key, cert, _chain = certs.signing_identity(wf, zhang, PIN)
    assert _signs(key, cert)
    with wf.session() as s:
        stored = s.scalar(select(SigningIdentity.private_key).where(SigningIdentity.expert_id == zhang))
    assert stored.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(stored, password=None)
    with pytest.raises(RuleViolation):
        cert_ops.issue_certificate(wf, li, "123")  # a PIN too short


def test_no_certificate_without_a_root_or_an_expert(wf):
    expert = panel_ops.add_expert(wf, "赵六").value
    with pytest.raises(RuleViolation, match="根证书"):
        cert_ops.issue_certificate(wf, expert)
    cert_ops.create_panel_ca(wf, 2026)
    with pytest.raises(RuleViolation):
        cert_ops.issue_certificate(wf, 9999)
    with pytest.raises(RuleViolation, match="SIGN"):
        certs.signing_identity(wf, expert)


def test_reissuing_keeps_the_earlier_certificate_replaced(ca):
    wf, (zhang, *_rest) = ca
    first = cert_ops.issue_certificate(wf, zhang).value
    second = cert_ops.issue_certificate(wf, zhang).value
    assert first != second
    assert [c.fingerprint for c in certs.expert_certificates(wf) if c.expert_id == zhang] == [second]
    with wf.session() as s:
        rows = s.scalars(select(SigningIdentity).where(SigningIdentity.expert_id == zhang)
                         .order_by(SigningIdentity.id)).all()
        assert [r.replaced_at is not None for r in rows] == [True, False]


def test_a_pkcs12_imports_and_one_from_another_root_is_flagged(ca):
    wf, (zhang, li, wang) = ca
    foreign = _foreign_p12(b"p12-secret")
    with pytest.raises(RuleViolation) as wrong:
        cert_ops.import_certificate(wf, zhang, foreign, "not-it")
    assert wrong.value.rule == "SIGN" and "wrong password" in wrong.value.en and "密码不正确" in wrong.value.zh
    fp = cert_ops.import_certificate(wf, zhang, foreign, "p12-secret", PIN).value
    info = next(c for c in certs.expert_certificates(wf) if c.expert_id == zhang)
    assert (info.fingerprint, info.source, info.issued_by_panel, info.pin_protected) == (fp, "imported", False, True)
    key, cert, chain = certs.signing_identity(wf, zhang, PIN)
    assert _signs(key, cert) and [certs.subject_name(c) for c in chain] == ["Some Commercial CA"]
    # one of the panel's own, carried in a .p12 (e.g. moved from another laptop), is the panel's
    root_key = serialization.load_pem_private_key(_root_key(wf), None)
    root = certs.load_certificate(certs.root_certificate_pem(wf))
    own_key, own_cert = certs.issue(root_key, root, name="李明", organisation=None, serial="x")
    own = pkcs12.serialize_key_and_certificates(b"li", own_key, own_cert, None, serialization.NoEncryption())
    cert_ops.import_certificate(wf, li, own, None)
    assert next(c for c in certs.expert_certificates(wf) if c.expert_id == li).issued_by_panel
    with pytest.raises(RuleViolation, match="没有私钥"):
        cert_ops.import_certificate(wf, wang, _foreign_p12(b"pw", with_key=False), "pw")
    with pytest.raises(RuleViolation) as expired:
        cert_ops.import_certificate(wf, wang, _foreign_p12(b"pw", days=-1), "pw")
    assert "expired" in expired.value.en and "过期" in expired.value.zh
    with pytest.raises(RuleViolation):
        cert_ops.import_certificate(wf, wang, b"not a p12 at all", "pw")
    assert queries.replay_report(wf).problems == [] and decisions.state_mismatches(wf) == []


def _root_key(wf) -> bytes:
    with wf.session() as s:
        return s.scalar(select(PanelRootKey.private_key))


def test_no_key_material_in_the_audit_events(ca):
    wf, (zhang, li, _wang) = ca
    cert_ops.issue_certificate(wf, zhang)
    cert_ops.issue_certificate(wf, li, PIN)
    cert_ops.import_certificate(wf, li, _foreign_p12(b"pw"), "pw")
    with wf.session() as s:
        text = "\n".join(json.dumps(e.payload, ensure_ascii=False) if not isinstance(e.payload, str) else e.payload
                         for e in s.scalars(select(AuditEvent)))
        keys = [k for k in s.scalars(select(SigningIdentity.private_key))] + [_root_key(wf)]
    assert "PRIVATE KEY" not in text
    for pem in keys:
        body = b"".join(pem.splitlines()[1:-1]).decode()
        assert body[:40] not in text
    assert queries.replay_report(wf).problems == [] and queries.replay_report(wf).baseline
    assert decisions.state_mismatches(wf) == []


def test_the_expert_file_carries_their_key_only_and_never_the_root_key(rnd, tmp_path):
    wf = rnd.wf
    cert_ops.create_panel_ca(wf, 2026)
    me, other = rnd.experts[0], rnd.experts[1]
    for expert_id in rnd.experts:
        cert_ops.issue_certificate(wf, expert_id, PIN if expert_id == me else None)
    path = tmp_path / "mine.hvpdb"
    counts = expert_file.write_expert_file(wf, me, path, "expert-pass-1")
    assert counts["panel_roots"] == 1 and counts["signing_identities"] == 1 and "panel_root_keys" not in counts
    root_pem = certs.root_certificate_pem(wf)
    root_key = _root_key(wf)
    with wf.session() as s:
        other_key = s.scalar(select(SigningIdentity.private_key).where(SigningIdentity.expert_id == other))
    with WorkingFile.open(path, "expert-pass-1") as mine:
        local = expert_file.expert_of(mine)
        assert certs.root_certificate_pem(mine) == root_pem
        assert certs.root_fingerprint(mine) == certs.root_fingerprint(wf)
        key, cert, chain = certs.signing_identity(mine, local, PIN)
        assert _signs(key, cert) and certs.issued_by(cert, chain[0])
        with pytest.raises(RuleViolation):
            certs.signing_identity(mine, local, "wrong-pin")
        with mine.session() as s:
            assert s.query(PanelRootKey).count() == 0
            assert {r.expert_id for r in s.scalars(select(SigningIdentity))} == {local}
        with mine.engine.connect() as c:  # nowhere in the file: no table, no audit event holds them
            dump = "\n".join(str(row) for table in ("panel_roots", "signing_identities", "audit_events", "meta")
                             for row in c.exec_driver_sql(f"SELECT * FROM {table}"))
        assert root_key not in dump.encode() and repr(root_key)[2:60] not in dump
        assert repr(other_key)[30:90] not in dump
        assert queries.replay_report(mine).problems == [] and decisions.state_mismatches(mine) == []
        with pytest.raises(RuleViolation):  # an expert's file issues nothing
            cert_ops.issue_certificate(mine, local)
    assert queries.replay_report(wf).problems == [] and decisions.state_mismatches(wf) == []


def test_the_expert_changes_their_pin_in_their_own_file(rnd, tmp_path):
    from hvp_desktop.store import copies
    from hvp_desktop.store.ops import copies as copy_ops

    wf = rnd.wf
    cert_ops.create_panel_ca(wf, 2026)
    me = rnd.experts[0]
    cert_ops.issue_certificate(wf, me)  # no PIN yet: the secretary does not choose it
    path = tmp_path / "mine.hvpdb"
    expert_file.write_expert_file(wf, me, path, "expert-pass-1")
    with WorkingFile.open(path, "expert-pass-1") as mine:
        local = expert_file.expert_of(mine)
        cert_ops.set_pin(mine, local, None, PIN)
        with pytest.raises(RuleViolation):
            certs.signing_identity(mine, local)
        with pytest.raises(RuleViolation):
            cert_ops.set_pin(mine, local, "guess-1234", "mine-5678")  # the current PIN is needed
        key, cert, _chain = certs.signing_identity(mine, local, PIN)
        assert _signs(key, cert)
        assert queries.replay_report(mine).problems == []
        with mine.session() as s:
            theirs = copies.whole(s, owner=mine.meta_value("expert_of_this_file"))
    counts = copy_ops.install(wf, theirs).value  # back into the master: the same records
    assert counts["signing_identities"] == {"added": 0, "unchanged": 1}
    certs.signing_identity(wf, me)  # the master's copy is as the secretary issued it
    assert queries.replay_report(wf).problems == []


def test_data_signed_with_the_key_verifies_against_its_certificate_only(ca):
    """Issue 20 §4 signs a sheet's canonical content: the helpers, for RSA and an imported EC key."""
    from cryptography.hazmat.primitives.asymmetric import ec

    wf, (zhang, li, wang) = ca
    cert_ops.issue_certificate(wf, zhang)
    cert_ops.issue_certificate(wf, li)
    now = datetime.now(UTC)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "王芳")])
    ec_cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(ec_key.public_key())
               .serial_number(3).not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=9))
               .sign(ec_key, hashes.SHA256()))
    cert_ops.import_certificate(wf, wang, pkcs12.serialize_key_and_certificates(
        b"w", ec_key, ec_cert, None, serialization.NoEncryption()), None)
    data = "2026|申报A|张伟|rubric-hash|A1=35.5".encode()
    keys = {e: certs.signing_identity(wf, e)[:2] for e in (zhang, li, wang)}
    for key, cert in keys.values():
        signature = certs.sign(key, data)
        assert certs.verify_signature(cert, signature, data)
        assert not certs.verify_signature(cert, signature, data + b" ")  # one character changed
    forged = certs.sign(keys[li][0], data)  # another expert's key
    assert not certs.verify_signature(keys[zhang][1], forged, data)
    assert not certs.verify_signature(keys[wang][1], forged, data)

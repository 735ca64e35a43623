"""The panel's certificates (issue 20): its local root, the experts' signing identities.

The crypto is `cryptography`'s, plain functions first; the queries on a working file come after.
Keys are RSA with SHA-256: the root RSA-3072 (10 years: past 2030, where 2048 is no longer
recommended), an expert's RSA-2048 (3 years; ~70 ms to make here, a fraction of a 3072's). RSA
with SHA-256 is what pyHanko signs PAdES with by default and what poppler's `pdfsig` (NSS) accepts
in every version shipped today; an EC key is not accepted by every reader yet.

An expert's key is PKCS#8 PEM, encrypted with `BestAvailableEncryption(pin)` when the expert sets a
PIN; the root's key is kept unencrypted in the secretary's working file, whose SQLCipher encryption
protects it (see models.PanelRootKey). Operations that write them are in `ops/certificates.py`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from sqlalchemy import select

from hvp_desktop.domain.rules import InvalidInput, RuleViolation

ROOT_BITS, EXPERT_BITS = 3072, 2048
ROOT_YEARS, EXPERT_YEARS = 10, 3
# A name attribute holds at most 64 bytes of UTF-8 here (cryptography's reading of RFC 5280's bound):
# the district's name is in O, the CN is the rest (63 bytes).
ROOT_NAME = "高价值专利培育布局中心评审专家组 根证书 {year}"
ORGANISATION = "黄埔区高价值专利培育布局中心评审专家组"
DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")  # id-kp-documentSigning (RFC 9336)
MIN_PIN = 4
SCHEMA_WITH_SHEET_SIGNATURES = 11  # from here a submitted sheet may carry its expert's signature


# -- plain crypto -------------------------------------------------------------------------------
def fingerprint(cert: x509.Certificate) -> str:
    """The full SHA-256 fingerprint of the certificate's DER, 64 hex digits, upper case."""
    return cert.fingerprint(hashes.SHA256()).hex().upper()


def short_fingerprint(full: str) -> str:
    """The first 16 hex digits of a fingerprint in groups of four: short enough to read aloud."""
    digits = full.replace(" ", "").replace(":", "").upper()[:16]
    return " ".join(digits[i:i + 4] for i in range(0, 16, 4))


def load_certificate(pem: str | bytes) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem.encode() if isinstance(pem, str) else pem)


def load_chain(pem: str) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates(pem.encode()) if pem.strip() else []


def cert_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _attr(oid, value: str) -> x509.NameAttribute:
    """A name attribute cut to 64 bytes of UTF-8 at a character's end (a long organisation name)."""
    value = value.strip()
    while len(value.encode()) > 64:
        value = value[:-1]
    return x509.NameAttribute(oid, value)


def _key_id(key) -> x509.SubjectKeyIdentifier:
    return x509.SubjectKeyIdentifier.from_public_key(key.public_key())


def make_root(year: int, *, now: datetime | None = None) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """A new root: RSA-3072 key and its self-signed CA certificate, valid 10 years."""
    now = now or _now()
    key = rsa.generate_private_key(public_exponent=65537, key_size=ROOT_BITS)
    name = x509.Name([_attr(NameOID.COMMON_NAME, ROOT_NAME.format(year=year)),
                      _attr(NameOID.ORGANIZATION_NAME, ORGANISATION),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "CN")])
    ski = _key_id(key)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=365 * ROOT_YEARS + 2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(ski, critical=False)
            .sign(key, hashes.SHA256()))
    return key, cert


def issue(root_key, root_cert: x509.Certificate, *, name: str, organisation: str | None, serial: str,
          now: datetime | None = None) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """An expert's (or chair's) RSA-2048 key and certificate issued by the root, valid 3 years
    (never past the root): CN their name, O their organisation, serialNumber their UUID."""
    now = now or _now()
    key = rsa.generate_private_key(public_exponent=65537, key_size=EXPERT_BITS)
    attrs = [_attr(NameOID.COMMON_NAME, name)]
    if organisation and organisation.strip():
        attrs.append(_attr(NameOID.ORGANIZATION_NAME, organisation))
    attrs.append(_attr(NameOID.SERIAL_NUMBER, serial))
    not_after = min(now + timedelta(days=365 * EXPERT_YEARS + 1), root_cert.not_valid_after_utc)
    cert = (x509.CertificateBuilder().subject_name(x509.Name(attrs)).issuer_name(root_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                           critical=False)
            .add_extension(_key_id(key), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    return key, cert


def issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    """Whether `issuer`'s key signed `cert` (names and signature both)."""
    if cert.issuer != issuer.subject:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):  # not its issuer, an unsupported key type
        return False
    return True


def sign(key, data: bytes) -> bytes:
    """`data` signed with SHA-256 by the key: RSA PKCS#1 v1.5 (the panel's keys), ECDSA for an
    imported elliptic-curve key (for signing a sheet's canonical content, issue 20 §4)."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    return key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def verify_signature(cert: x509.Certificate, signature: bytes, data: bytes) -> bool:
    """Whether `signature` is the certificate's key's SHA-256 signature of `data` (see `sign`)."""
    public = cert.public_key()
    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
    except InvalidSignature:
        return False
    return True


def normalise_pin(pin: str) -> str:
    return unicodedata.normalize("NFC", pin)


def check_pin(pin: str) -> str:
    pin = normalise_pin(pin)
    if len(pin) < MIN_PIN or not pin.strip():
        raise InvalidInput(f"PIN至少{MIN_PIN}个字符", f"A PIN needs {MIN_PIN} characters or more.")
    return pin


def key_pem(key, pin: str | None) -> bytes:
    """The key as PKCS#8 PEM, encrypted under the PIN when there is one."""
    enc = (serialization.BestAvailableEncryption(check_pin(pin).encode()) if pin
           else serialization.NoEncryption())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)


def unlock_key(pem: bytes, protected: bool, pin: str | None):
    """The private key, decrypted with the PIN when it is protected; a wrong or missing PIN is
    refused (check SIGN). Keys read here were written by this app into the working file, whose pages
    are authenticated (SQLCipher's HMAC): OpenSSL's RSA consistency check (~160 ms for the root's
    3072 bits) is skipped; a PKCS#12 from outside is checked in full (`read_p12`)."""
    if protected:
        if not pin:
            raise RuleViolation("SIGN", "此签名密钥受PIN保护，请输入PIN", "This signing key is protected by a PIN: enter it.")
        try:
            return serialization.load_pem_private_key(pem, password=normalise_pin(pin).encode(),
                                                      unsafe_skip_rsa_key_validation=True)
        except (ValueError, TypeError):
            raise RuleViolation("SIGN", "PIN不正确", "Wrong PIN.") from None
    return serialization.load_pem_private_key(pem, password=None, unsafe_skip_rsa_key_validation=True)


def same_key(key, cert: x509.Certificate) -> bool:
    pub = serialization.PublicFormat.SubjectPublicKeyInfo
    return (key.public_key().public_bytes(serialization.Encoding.DER, pub)
            == cert.public_key().public_bytes(serialization.Encoding.DER, pub))


def read_p12(data: bytes, password: str | None, *, now: datetime | None = None):
    """(key, certificate, the CA certificates) from a PKCS#12 file; refused (check SIGN) with a
    wrong password, without a key or a certificate, or with an expired or not yet valid certificate."""
    now = now or _now()
    if len(data) > 1024 * 1024:
        raise InvalidInput("证书文件过大（超过1 MB）", "The certificate file is too large (over 1 MB).")
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password.encode() if password else None)
    except ValueError:
        raise RuleViolation("SIGN", "无法打开证书文件：密码不正确或文件不是PKCS#12（.p12/.pfx）",
                            "Cannot open the certificate file: wrong password, or not a PKCS#12 (.p12/.pfx) file."
                            ) from None
    if key is None:
        raise RuleViolation("SIGN", "证书文件中没有私钥，不能用于签名",
                            "The certificate file holds no private key: it cannot sign.")
    if cert is None or not same_key(key, cert):
        raise RuleViolation("SIGN", "证书文件中没有与私钥匹配的证书",
                            "The certificate file holds no certificate for its private key.")
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise RuleViolation("SIGN", "仅支持RSA或椭圆曲线密钥", "Only RSA or elliptic-curve keys can sign.")
    if cert.not_valid_after_utc < now:
        raise RuleViolation("SIGN", f"证书已于{cert.not_valid_after_utc:%Y-%m-%d}过期",
                            f"The certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}.")
    if cert.not_valid_before_utc > now + timedelta(minutes=5):
        raise RuleViolation("SIGN", f"证书自{cert.not_valid_before_utc:%Y-%m-%d}起才生效",
                            f"The certificate is not valid before {cert.not_valid_before_utc:%Y-%m-%d}.")
    return key, cert, list(extra or [])


def subject_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


def subject_serial(cert: x509.Certificate) -> str | None:
    """The serialNumber of the subject: the expert's UUID in a certificate the panel issued."""
    names = cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    return str(names[0].value) if names else None


# -- queries on a working file ------------------------------------------------------------------
@dataclass(frozen=True)
class CertificateInfo:
    expert_id: int
    expert: str
    subject: str
    issuer: str
    source: str  # "issued" | "imported"
    issued_by_panel: bool
    pin_protected: bool
    fingerprint: str
    not_after: datetime
    created_at: datetime
    uuid: str

    def as_json(self) -> dict:
        return {"expert_id": self.expert_id, "expert": self.expert, "subject": self.subject, "issuer": self.issuer,
                "source": self.source, "issued_by_panel": self.issued_by_panel, "pin_protected": self.pin_protected,
                "fingerprint": self.fingerprint, "short_fingerprint": short_fingerprint(self.fingerprint),
                "not_after": self.not_after.isoformat(), "created_at": self.created_at.isoformat(),
                "uuid": self.uuid}


def _root(s):
    from hvp_desktop.store.models import PanelRoot

    return s.scalar(select(PanelRoot).order_by(PanelRoot.id.desc()).limit(1))


def root_certificate_pem(wf) -> str | None:
    """The panel's root certificate (PEM), or None when the file has none."""
    with wf.session() as s:
        root = _root(s)
        return root.certificate if root else None


def root_fingerprint(wf) -> str | None:
    """The root certificate's full SHA-256 fingerprint (see `short_fingerprint`), or None."""
    with wf.session() as s:
        root = _root(s)
        return root.fingerprint if root else None


def current_identity(s, expert_id: int):
    from hvp_desktop.store.models import SigningIdentity

    return s.scalar(select(SigningIdentity).where(SigningIdentity.expert_id == expert_id,
                                                  SigningIdentity.replaced_at.is_(None))
                    .order_by(SigningIdentity.id.desc()).limit(1))


def signing_identity(wf, expert_id: int, pin: str | None = None):
    """(private key, certificate, chain) the expert signs with; refused (check SIGN) when they have
    none, or with a wrong or missing PIN."""
    with wf.session() as s:
        row = current_identity(s, expert_id)
        if row is None:
            raise RuleViolation("SIGN", "该专家还没有签名证书", "This expert has no signing certificate.")
        pem, protected, cert, chain = row.private_key, row.pin_protected, row.certificate, row.chain
    return unlock_key(pem, protected, pin), load_certificate(cert), load_chain(chain)


def signing_identity_in(s, expert_id: int, pin: str | None = None):
    """Within a session: (private key, certificate row) the expert signs with now, or None when they
    have no signing identity; a wrong or missing PIN is refused (check SIGN)."""
    row = current_identity(s, expert_id)
    if row is None:
        return None
    return unlock_key(row.private_key, row.pin_protected, pin), row


def identity_needs_pin(wf, expert_id: int) -> bool:
    """Whether the expert's signing key in use is protected by a PIN (the submit dialog asks for it)."""
    with wf.session() as s:
        row = current_identity(s, expert_id)
        return bool(row is not None and row.pin_protected)


# -- score sheets signed as data (issue 20 §4) --------------------------------------------------
def sheet_content(s, sheet, version: int | None = None) -> bytes:
    """The canonical content of a sheet as it is in the file (domain/sheet_content.py)."""
    from hvp_desktop.domain import sheet_content as content
    from hvp_desktop.store.models import Application, Expert, Round, StoredRubric

    app = s.get(Application, sheet.application_id)
    rnd = s.get(Round, app.round_id) if app is not None else None
    expert = s.get(Expert, sheet.expert_id)
    digest = s.scalar(select(StoredRubric.digest).where(StoredRubric.label == sheet.rubric_version).limit(1))
    return content.canonical_content(
        round_uuid=rnd.uuid if rnd else "", application_uuid=app.uuid if app else "",
        expert_uuid=expert.uuid if expert else "", rubric_label=sheet.rubric_version, rubric_digest=digest,
        revision=sheet.revision, entries=[(e.criterion_code, e.points, e.comment) for e in sheet.entries],
        signature_png=sheet.signature_png, statement_confirmed_at=sheet.statement_confirmed_at,
        submitted_at=sheet.submitted_at, transcribed=sheet.transcribed_from_paper,
        version=version or content.VERSION)


def sign_sheet(s, sheet, key, identity) -> None:
    """Sign the sheet's canonical content with the expert's key; the signature, the certificate's
    fingerprint and the content's version are kept with the sheet."""
    from hvp_desktop.domain.sheet_content import VERSION

    s.flush()
    sheet.content_signature = sign(key, sheet_content(s, sheet, VERSION))
    sheet.signed_by, sheet.signed_content_v = identity.fingerprint, VERSION


@dataclass(frozen=True)
class SignatureReport:
    checked: int  # submitted sheets whose signature verifies
    problems: list[tuple[str, str]]  # (zh, en), one per sheet named
    unsigned: int  # submitted electronic sheets without a signature (older files, no certificate)
    unsigned_paper: int  # paper sheets keyed by the secretariat: never signed by the expert

    def as_json(self) -> dict:
        return {"verified": self.checked, "unsigned": self.unsigned, "unsigned_paper": self.unsigned_paper,
                "problems": [{"zh": zh, "en": en} for zh, en in self.problems]}


def sheet_signature_problems(wf) -> SignatureReport:
    """Every submitted sheet checked against its expert's certificate (the identity it was signed
    with, replaced ones included): content edited after submission and a signature made with another
    expert's key are named; unsigned sheets are counted."""
    from hvp_desktop.domain.model import SheetStatus
    from hvp_desktop.domain.sheet_content import VERSION as CONTENT_VERSION
    from hvp_desktop.store.models import Application, Expert, ScoreSheet, SigningIdentity

    with wf.session() as s:
        names = dict(s.execute(select(Expert.id, Expert.name)).all())
        apps = dict(s.execute(select(Application.id, Application.enterprise_name)).all())
        by_print: dict[str, tuple[int, x509.Certificate]] = {}
        for row in s.scalars(select(SigningIdentity)):
            try:
                by_print[row.fingerprint] = (row.expert_id, load_certificate(row.certificate))
            except ValueError:
                continue
        checked, unsigned, paper, problems = 0, 0, 0, []
        sheets = s.scalars(select(ScoreSheet).where(ScoreSheet.status == SheetStatus.SUBMITTED.value)
                           .order_by(ScoreSheet.id))
        for sheet in sheets:
            who, what = names.get(sheet.expert_id, f"#{sheet.expert_id}"), apps.get(sheet.application_id, "?")
            zh_name = f"专家{who}对{what}的打分表（第{sheet.revision}版）"
            en_name = f"{who}'s sheet for {what} (revision {sheet.revision})"
            if sheet.content_signature is None:
                if sheet.transcribed_from_paper:
                    paper += 1
                else:
                    unsigned += 1
                continue
            if sheet.signed_content_v != CONTENT_VERSION:
                problems.append((f"{zh_name}：签名内容版本{sheet.signed_content_v}未知",
                                 f"{en_name}: unknown signed content version {sheet.signed_content_v}"))
                continue
            try:
                data = sheet_content(s, sheet, sheet.signed_content_v)
            except (ValueError, ArithmeticError):  # a score that is not a number any more
                problems.append((f"{zh_name}：签名与内容不符（提交后被改动，内容无法读取）",
                                 f"{en_name}: the signature does not match the content: edited after submission "
                                 f"(the content cannot be read)"))
                continue
            signer = by_print.get(sheet.signed_by or "")
            if signer is not None and signer[0] != sheet.expert_id:
                other = names.get(signer[0], f"#{signer[0]}")
                problems.append((f"{zh_name}：由另一位专家（{other}）的密钥签名",
                                 f"{en_name}: signed with another expert's key ({other}'s)"))
                continue
            if signer is not None and verify_signature(signer[1], sheet.content_signature, data):
                checked += 1
                continue
            impostor = next((expert_id for expert_id, cert in by_print.values()
                             if expert_id != sheet.expert_id and verify_signature(cert, sheet.content_signature, data)),
                            None)
            if impostor is not None:
                other = names.get(impostor, f"#{impostor}")
                problems.append((f"{zh_name}：由另一位专家（{other}）的密钥签名",
                                 f"{en_name}: signed with another expert's key ({other}'s)"))
            elif signer is None:
                problems.append((f"{zh_name}：签名证书不在本文件中（{short_fingerprint(sheet.signed_by or '')}）",
                                 f"{en_name}: the signing certificate is not in this file "
                                 f"({short_fingerprint(sheet.signed_by or '')})"))
            else:
                problems.append((f"{zh_name}：签名与内容不符（提交后被改动）",
                                 f"{en_name}: the signature does not match the content: edited after submission"))
        return SignatureReport(checked, problems, unsigned, paper)


def expert_certificates(wf) -> list[CertificateInfo]:
    """Every expert's signing certificate in use, by expert name."""
    from hvp_desktop.store.models import Expert, SigningIdentity

    with wf.session() as s:
        rows = s.execute(select(SigningIdentity, Expert.name).join(Expert, Expert.id == SigningIdentity.expert_id)
                         .where(SigningIdentity.replaced_at.is_(None))
                         .order_by(Expert.name, SigningIdentity.id)).all()
        out = []
        for row, name in rows:
            cert = load_certificate(row.certificate)
            out.append(CertificateInfo(row.expert_id, name, subject_name(cert), cert.issuer.rfc4514_string(),
                                       row.source, row.issued_by_panel, row.pin_protected, row.fingerprint,
                                       row.not_after, row.created_at, row.uuid))
        return out




def experts_named(wf, name: str) -> list[int]:
    """The ids of the experts of that name (for the command line's `--expert NAME`)."""
    from hvp_desktop.store.models import Expert

    with wf.session() as s:
        return list(s.scalars(select(Expert.id).where(Expert.name == name.strip())))

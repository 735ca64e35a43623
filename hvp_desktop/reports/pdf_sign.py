"""PAdES signatures on the PDF reports, and their verification (issue 20): pyHanko, no Qt, no store.

`sign_pdf` adds a PAdES baseline B-B signature (CMS, SHA-256, the signer's certificate chain
embedded) in a signature field laid over a box the report has already drawn (name, role, time,
the drawn signature: `pdf_sheet.render_signable_sheet`). The field has no appearance of its own
(pyHanko's `NoOpStampStyle`), so pyHanko renders and subsets no CJK font: signing costs about as
much as an invisible signature.

`verify_pdf` runs pyHanko's validation against the given roots and judges by its bottom line
(intact, trusted, and nothing but allowed changes after signing), then checks that the
certificate's serialNumber (an expert's uuid, see `store.certificates.issue`) is the uuid the sheet
names in its keywords (`hvp-expert:<uuid>`), so a sheet re-signed with another expert's key is
refused even when that key is the panel's. The keyword is inside the signed bytes, so it is only
as good as the signer: someone holding another panel key who also rewrites the keyword to their
own uuid passes this check; the working file's record of the sheet (or the audit pack) must then
name the expert. Only the last signature is judged (it must cover the whole file).
"""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass
from datetime import datetime

SHEET_EXPERT_KEYWORD = "hvp-expert:"


def _asn1_cert(cert):
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


RESERVED = 8192  # bytes kept for the CMS container (~3 KB with a 2-certificate chain): no dry run


def _signer(key, cert, chain):
    """pyHanko's SimpleSigner signing with the cryptography key object as it is (its own
    `sign_raw` loads the key from DER on every call, ~70 ms for RSA with the consistency check)."""
    from asn1crypto import keys as asn1_keys
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    class KeyObjectSigner(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            digest = getattr(hashes, digest_algorithm.upper())()
            if isinstance(key, rsa.RSAPrivateKey):
                return key.sign(data, padding.PKCS1v15(), digest)
            if isinstance(key, ec.EllipticCurvePrivateKey):
                return key.sign(data, ec.ECDSA(digest))
            return super().sign_raw(data, digest_algorithm)

    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    return KeyObjectSigner(
        signing_cert=_asn1_cert(cert), signing_key=asn1_keys.PrivateKeyInfo.load(der),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(c) for c in chain]),
    )


def sign_pdf(pdf: bytes, key, cert, chain, *, name: str, role: str, when: datetime | None = None,
             field: str = "专家签名", page: int = -1,
             box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)) -> bytes:
    """The PDF with a PAdES B-B signature by `key`/`cert` (cryptography objects; `chain` the
    issuers) in a new field `field` over `box` on `page` (negative counts from the end). `name`
    and `role` go into the signature dictionary (/Name, /Reason); `when` is the time the page shows
    (the CMS signing time is the clock's at signing, which it should match to the minute)."""
    del when
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import NoOpStampStyle

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    pages = int(writer.root["/Pages"]["/Count"])
    fields.append_signature_field(writer, fields.SigFieldSpec(
        sig_field_name=field, on_page=page % pages, box=tuple(int(round(v)) for v in box)))
    meta = signers.PdfSignatureMetadata(
        field_name=field, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        name=name, reason=role, location=None,
    )
    out = io.BytesIO()
    pdf_signer = signers.PdfSigner(meta, signer=_signer(key, cert, chain), stamp_style=NoOpStampStyle())
    pdf_signer.sign_pdf(writer, bytes_reserved=RESERVED, output=out)
    return out.getvalue()


@dataclass
class VerifyReport:
    """What `verify_pdf` found. `ok` is the bottom line; `message_zh`/`message_en` say why not."""

    ok: bool = False
    signed: bool = False
    intact: bool = False
    trusted: bool = False
    signer_name: str = ""
    signer_serial: str = ""  # the certificate subject's serialNumber (an expert's uuid)
    issuer: str = ""
    signing_time: str = ""
    modified_after_signing: bool = False
    modification: str = ""
    sheet_expert: str = ""  # the expert uuid the sheet names ("" when it names none)
    signer_is_sheet_expert: bool | None = None
    message_zh: str = ""
    message_en: str = ""

    def as_json(self) -> dict:
        return asdict(self)


def _refuse(report: VerifyReport, zh: str, en: str) -> VerifyReport:
    report.ok = False
    report.message_zh, report.message_en = zh, en
    return report


def verify_pdf(pdf: bytes, roots: list) -> VerifyReport:
    """Check the PDF's (last) signature against `roots` (cryptography certificates)."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    report = VerifyReport()
    if not pdf.lstrip()[:5] == b"%PDF-":
        return _refuse(report, "不是PDF文件", "Not a PDF file.")
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError) as exc:
        return _refuse(report, f"无法读取PDF：{exc}", f"The PDF cannot be read: {exc}")
    if not embedded:
        return _refuse(report, "该PDF没有数字签名", "The PDF carries no digital signature.")
    report.signed = True
    sig = embedded[-1]
    context = ValidationContext(trust_roots=[_asn1_cert(r) for r in roots], allow_fetching=False)
    try:
        status = validate_pdf_signature(sig, context)
    except Exception as exc:  # noqa: BLE001 — a damaged signature must give a message, not a traceback
        return _refuse(report, f"签名无法验证：{exc}", f"The signature cannot be validated: {exc}")
    cert = status.signing_cert
    if cert is not None:
        subject = cert.subject.native
        report.signer_name = str(subject.get("common_name", ""))
        report.signer_serial = str(subject.get("serial_number", ""))
        report.issuer = cert.issuer.human_friendly
    if status.signer_reported_dt is not None:
        report.signing_time = status.signer_reported_dt.isoformat()
    report.intact = bool(status.intact and status.valid)
    report.trusted = bool(status.trusted)
    level = status.modification_level
    report.modification = level.name if level is not None else ""
    coverage = status.coverage.name if status.coverage is not None else ""
    report.modified_after_signing = coverage != "ENTIRE_FILE"
    keywords = ""
    info = reader.trailer_view.get("/Info") if hasattr(reader, "trailer_view") else reader.trailer.get("/Info")
    if info is not None:
        keywords = str(info.get_object().get("/Keywords", ""))
    for word in keywords.split():
        if word.startswith(SHEET_EXPERT_KEYWORD):
            report.sheet_expert = word[len(SHEET_EXPERT_KEYWORD):]
    if report.sheet_expert:
        report.signer_is_sheet_expert = report.sheet_expert == report.signer_serial
    who = report.signer_name or "?"
    if not report.intact:
        return _refuse(report, "签名无效：签名后的内容已被改动（或签名已损坏）",
                       "Invalid: the signed content was changed after signing (or the signature is damaged).")
    if not report.trusted:
        return _refuse(report, f"签名人{who}的证书不是由该专家组的根证书签发的",
                       f"The signer's certificate ({who}) was not issued by this panel's root.")
    if report.modified_after_signing:
        return _refuse(report, f"签名后文件又被追加了内容（{report.modification or coverage}）",
                       f"Something was added to the file after it was signed ({report.modification or coverage}).")
    if not status.bottom_line:
        return _refuse(report, "pyHanko判定签名不成立", "pyHanko's bottom line: the signature does not hold.")
    if report.signer_is_sheet_expert is False:
        return _refuse(report, f"签名人{who}不是该打分表的评审专家（证书序列号与表中专家不符）",
                       f"The signer ({who}) is not the sheet's expert (the certificate's serialNumber "
                       "is not the expert the sheet names).")
    report.ok = True
    report.message_zh = f"签名有效：{who}签署，由专家组根证书签发，签名后未被改动"
    report.message_en = f"Valid: signed by {who}, issued by the panel's root, nothing changed after signing."
    return report

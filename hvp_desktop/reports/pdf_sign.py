"""PAdES signatures on the PDF reports, and their verification (issue 20): pyHanko, no Qt, no store.

`sign_pdf` adds a PAdES baseline B-B signature (CMS, SHA-256, the signer's certificate chain
embedded) in a signature field laid over a box the report has already drawn (name, role, time,
the drawn signature: `pdf_sheet.render_signable_sheet`). The field has no appearance of its own
(pyHanko's `NoOpStampStyle`), so pyHanko renders and subsets no CJK font: signing costs about as
much as an invisible signature.

`verify_pdf` judges every signature of the file by pyHanko's bottom line (intact, trusted, and
nothing but allowed changes after it: a later signature filling a prepared field is allowed), the
last one covering the whole file, and checks that each signer is whom the signature is for: the
certificate's serialNumber (an expert's uuid, see `store.certificates.issue`) must be the uuid a
sheet names in its keywords (`hvp-expert:<uuid>`), or the uuid in the name of the result's seat
field (`sig-chair-<uuid>`, `sig-member-<uuid>`). So a sheet re-signed with another expert's key is
refused even when that key is the panel's. The keyword and the fields are inside the signed bytes,
so they are only as good as the first signer: someone holding another panel key who rewrites the
keyword to their own uuid passes this check; the working file's record of the sheet (or the
audit pack, which checks the PDF against the sheet's signed data) must then name the expert.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
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
             box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
             prepare: Sequence[tuple[str, int, tuple[float, float, float, float]]] = ()) -> bytes:
    """The PDF with a PAdES B-B signature by `key`/`cert` (cryptography objects; `chain` the
    issuers) in the field `field`: made over `box` on `page` (negative counts from the end) unless
    the PDF already has that field empty (a seat prepared for a counter-signature). `prepare` adds
    further empty fields (name, page, box) in the same signed revision, for others to sign later.
    `name` and `role` go into the signature dictionary (/Name, /Reason); `when` is the time the page
    shows (the CMS signing time is the clock's at signing, which it should match to the minute)."""
    del when
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import NoOpStampStyle

    existing = {f for f, _value, _ref in fields.enumerate_sig_fields(PdfFileReader(io.BytesIO(pdf), strict=False))}
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    pages = int(writer.root["/Pages"]["/Count"])
    wanted = [] if field in existing else [(field, page, box)]
    for spec_name, spec_page, spec_box in [*wanted, *prepare]:
        if spec_name not in existing:
            fields.append_signature_field(writer, fields.SigFieldSpec(
                sig_field_name=spec_name, on_page=spec_page % pages, box=tuple(int(round(v)) for v in spec_box)))
    meta = signers.PdfSignatureMetadata(
        field_name=field, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        name=name, reason=role, location=None,
    )
    out = io.BytesIO()
    pdf_signer = signers.PdfSigner(meta, signer=_signer(key, cert, chain), stamp_style=NoOpStampStyle())
    pdf_signer.sign_pdf(writer, bytes_reserved=RESERVED, output=out)
    return out.getvalue()


def empty_signature_fields(pdf: bytes) -> list[str]:
    """The names of the PDF's signature fields nobody has signed yet."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    return [name for name, value, _ref in enumerate_sig_fields(reader, filled_status=False) if value is None]


SEAT_FIELD = re.compile(r"^sig-(chair|member)-([0-9a-f-]{36})$")  # a result's seats (domain/result_report)


@dataclass
class SignatureSummary:
    """One signature of the file, as `verify_pdf` judged it."""

    field: str = ""
    name: str = ""
    serial: str = ""  # the certificate subject's serialNumber (an expert's uuid)
    role: str = ""  # the /Reason the signer gave ("评审专家", "评审组组长", "评审组成员")
    time: str = ""
    intact: bool = False
    trusted: bool = False
    ok: bool = False
    message_zh: str = ""
    message_en: str = ""


@dataclass
class VerifyReport:
    """What `verify_pdf` found. `ok` is the bottom line over every signature; `message_zh`/
    `message_en` say why not. The single-signature fields describe the first signature (the
    sheet's expert, the result's chair); `signatures` lists them all, and `unsigned_seats` the
    prepared signature fields nobody has signed yet (counter-signatures still to come)."""

    ok: bool = False
    readable: bool = False  # a PDF pyHanko can read (unsigned or not)
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
    signatures: list[SignatureSummary] = field(default_factory=list)
    unsigned_seats: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return asdict(self)


def _refuse(report, zh: str, en: str):
    report.ok = False
    report.message_zh, report.message_en = zh, en
    return report


def _keywords(reader) -> str:
    info = reader.trailer_view.get("/Info") if hasattr(reader, "trailer_view") else reader.trailer.get("/Info")
    return "" if info is None else str(info.get_object().get("/Keywords", ""))


def _judge(sig, context, sheet_expert: str, last: bool) -> SignatureSummary:
    """One signature: pyHanko's bottom line (intact, trusted, nothing but allowed changes after
    it), the last one covering the whole file, and the signer being whom the field is for."""
    from pyhanko.sign.validation import validate_pdf_signature

    summary = SignatureSummary(field=sig.field_name or "")
    try:
        status = validate_pdf_signature(sig, context)
    except Exception as exc:  # noqa: BLE001 — a damaged signature must give a message, not a traceback
        return _refuse(summary, f"签名无法验证：{exc}", f"The signature cannot be validated: {exc}")
    cert = status.signing_cert
    if cert is not None:
        subject = cert.subject.native
        summary.name = str(subject.get("common_name", ""))
        summary.serial = str(subject.get("serial_number", ""))
    summary.role = str(sig.sig_object.get("/Reason", ""))
    if status.signer_reported_dt is not None:
        summary.time = status.signer_reported_dt.isoformat()
    summary.intact = bool(status.intact and status.valid)
    summary.trusted = bool(status.trusted)
    coverage = status.coverage.name if status.coverage is not None else ""
    who = summary.name or "?"
    seat = SEAT_FIELD.match(summary.field)
    expected = seat.group(2) if seat else sheet_expert
    if not summary.intact:
        return _refuse(summary, f"{who}的签名无效：签名后的内容已被改动（或签名已损坏）",
                       f"{who}'s signature is invalid: the signed content was changed (or the signature is damaged).")
    if not summary.trusted:
        return _refuse(summary, f"签名人{who}的证书不是由该专家组的根证书签发的",
                       f"The signer's certificate ({who}) was not issued by this panel's root.")
    if last and coverage != "ENTIRE_FILE":
        level = status.modification_level.name if status.modification_level is not None else coverage
        return _refuse(summary, f"签名后文件又被追加了内容（{level}）",
                       f"Something was added to the file after it was signed ({level}).")
    if not status.bottom_line:
        return _refuse(summary, f"{who}签名之后文件有不允许的改动（pyHanko判定签名不成立）",
                       f"The file was changed in a way {who}'s signature does not allow (pyHanko's bottom line).")
    if expected and summary.serial != expected:
        if seat is None:
            return _refuse(summary, f"签名人{who}不是该打分表的评审专家（证书序列号与表中专家不符）",
                           f"The signer ({who}) is not the sheet's expert (the certificate's serialNumber "
                           "is not the expert the sheet names).")
        return _refuse(summary, f"签名人{who}不是该签名栏所属的评审组成员（证书序列号与签名栏不符）",
                       f"The signer ({who}) is not the panel member this signature field is for (the "
                       "certificate's serialNumber is not the one the field names).")
    summary.ok = True
    summary.message_zh, summary.message_en = f"{who}的签名有效", f"{who}'s signature is valid."
    return summary


def signed_revision(pdf: bytes, reader=None):
    """A reader of the revision the PDF's first signature covers (the whole file when unsigned)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = reader or PdfFileReader(io.BytesIO(pdf), strict=False)
    signatures = reader.embedded_signatures
    if not signatures:
        return reader
    byte_range = list(signatures[0].sig_object["/ByteRange"])
    return PdfFileReader(io.BytesIO(pdf[:int(byte_range[2]) + int(byte_range[3])]), strict=False)


def signed_keywords(pdf: bytes) -> str:
    """The /Keywords of the revision the first signature covers."""
    return _keywords(signed_revision(pdf))


def verify_pdf(pdf: bytes, roots: list) -> VerifyReport:
    """Check every signature of the PDF against `roots` (cryptography certificates)."""
    import logging

    # pyHanko logs a refused modification with its traceback; the report names it instead
    quiet = logging.getLogger("pyhanko")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        return _verify_pdf(pdf, roots)
    finally:
        quiet.setLevel(level)


def _verify_pdf(pdf: bytes, roots: list) -> VerifyReport:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko_certvalidator import ValidationContext

    report = VerifyReport()
    if not pdf.lstrip()[:5] == b"%PDF-":
        return _refuse(report, "不是PDF文件", "Not a PDF file.")
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = reader.embedded_signatures
        empty = [name for name, value, _ref in enumerate_sig_fields(reader, filled_status=False) if value is None]
        # what the first signer signed: the keywords and the fields prepared then (later revisions
        # may add fields and change /Info without breaking pyHanko's judgement of that signature)
        first_reader = signed_revision(pdf, reader)
        keywords = _keywords(first_reader)
        prepared = {name for name, _value, _ref in enumerate_sig_fields(first_reader)}
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError) as exc:
        return _refuse(report, f"无法读取PDF：{exc}", f"The PDF cannot be read: {exc}")
    report.readable = True
    if not embedded:
        return _refuse(report, "该PDF没有数字签名", "The PDF carries no digital signature.")
    report.signed = True
    report.unsigned_seats = [name for name in empty if SEAT_FIELD.match(name)]
    for word in keywords.split():
        if word.startswith(SHEET_EXPERT_KEYWORD):
            report.sheet_expert = word[len(SHEET_EXPERT_KEYWORD):]
    context = ValidationContext(trust_roots=[_asn1_cert(r) for r in roots], allow_fetching=False)
    report.signatures = [_judge(sig, context, report.sheet_expert, index == len(embedded) - 1)
                         for index, sig in enumerate(embedded)]
    first = report.signatures[0]
    report.signer_name, report.signer_serial, report.signing_time = first.name, first.serial, first.time
    report.intact = all(s.intact for s in report.signatures)
    report.trusted = all(s.trusted for s in report.signatures)
    try:
        from pyhanko.sign.validation import validate_pdf_signature

        last = validate_pdf_signature(embedded[-1], context, skip_diff=True)
        report.modified_after_signing = last.coverage is None or last.coverage.name != "ENTIRE_FILE"
        cert = validate_pdf_signature(embedded[0], context, skip_diff=True).signing_cert
        report.issuer = cert.issuer.human_friendly if cert is not None else ""
    except Exception:  # noqa: BLE001 — the per-signature judgement above already names the damage
        report.modified_after_signing = True
    report.modification = "" if not report.modified_after_signing else "after the last signature"
    if report.sheet_expert:
        report.signer_is_sheet_expert = report.sheet_expert == report.signer_serial
    seats = any(SEAT_FIELD.match(name) for name in prepared)
    for index, summary in enumerate(report.signatures):
        if not summary.ok:
            continue
        if summary.field not in prepared:  # a field added after the first signer signed
            _refuse(summary, f"签名栏“{summary.field}”是首位签名人签名之后才加入的",
                    f"The signature field “{summary.field}” was added after the first signer signed.")
        elif seats and index == 0 and not summary.field.startswith("sig-chair-"):
            _refuse(summary, "汇总结果的首个签名不是组长的签名", "The result's first signature is not the chair's.")
        elif not seats and index > 0:
            _refuse(summary, "打分表只能有其专家一个签名", "A score sheet carries its expert's signature only.")
    refused = next((s for s in report.signatures if not s.ok), None)
    if refused is not None:
        return _refuse(report, refused.message_zh, refused.message_en)
    names = "、".join(s.name for s in report.signatures)
    report.ok = True
    report.message_zh = f"签名有效：{names}签署，由专家组根证书签发，签名后未被改动"
    report.message_en = (f"Valid: signed by {', '.join(s.name for s in report.signatures)}, issued by the panel's root, "
                         "nothing changed after signing.")
    if report.unsigned_seats:
        report.message_zh += f"；尚有{len(report.unsigned_seats)}个签名栏未签"
        report.message_en += f" {len(report.unsigned_seats)} signature field(s) not signed yet."
    return report

"""Signed score sheets (issue 20): PAdES B-B over a signer block the sheet draws itself, checked by
pyHanko's bottom line (`verify_pdf`) and independently by poppler's `pdfsig`.

pdfsig has no NSS store holding the panel's root, so it reports "Certificate issuer isn't Trusted";
what it must say is that the signature itself is valid and who signed. Trust is `verify_pdf`'s job,
against the root it is given."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from cryptography.x509.oid import NameOID

from hvp_desktop.reports import round_reports as report_data
from hvp_desktop.reports.pdf_sheet import SignerBlock, render_signable_sheet
from hvp_desktop.reports.pdf_sign import sign_pdf, verify_pdf
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import queries

needs_poppler = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")


def _serial(cert) -> str:
    return str(cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value)


@pytest.fixture
def panel(demo_wf):
    """Two sheets by two different experts, each expert's identity, and the demo's root."""
    sheets = [s for r, _t in queries.round_list(demo_wf) for s in report_data.submitted_sheets(demo_wf, r)]
    first = sheets[0]
    other = next(s for s in sheets if s.expert_id != first.expert_id)
    identities = {}
    for sheet in (first, other):
        expert = sheet.expert
        key, cert, chain = certs.signing_identity(demo_wf, sheet.expert_id)
        identities[expert] = (key, cert, chain)
    root = certs.load_certificate(certs.root_certificate_pem(demo_wf))
    return {"wf": demo_wf, "sheet": first, "other": other, "ids": identities, "root": root}


def _signed(panel, signer_expert: str | None = None, identity=None) -> bytes:
    expert = panel["sheet"].expert
    data = report_data.score_sheet_report(panel["wf"], panel["sheet"].sheet_id)
    _key, own_cert, _chain = panel["ids"][expert]
    sheet = render_signable_sheet(data, SignerBlock(expert, "评审专家", data.submitted_at, _serial(own_cert)))
    key, cert, chain = identity or panel["ids"][signer_expert or expert]
    return sign_pdf(sheet.pdf, key, cert, chain, name=expert, role="评审专家", page=sheet.page, box=sheet.box)


def test_a_signed_sheet_verifies_against_the_panels_root(panel):
    pdf = _signed(panel)
    report = verify_pdf(pdf, [panel["root"]])
    assert report.ok, report.message_en
    assert report.intact and report.trusted and not report.modified_after_signing
    assert report.signer_name == panel["sheet"].expert
    assert report.signer_is_sheet_expert is True and report.signing_time


@needs_poppler
def test_pdfsig_accepts_the_signature_and_names_the_signer_and_every_font_is_embedded(panel, tmp_path):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(_signed(panel))
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=30).stdout
    assert "Signature is Valid" in out, out
    assert f"Common Name: {panel['sheet'].expert}" in out, out
    assert "Total document signed" in out, out
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, timeout=30).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts


def test_one_flipped_byte_in_the_signed_range_is_refused(panel):
    pdf = bytearray(_signed(panel))
    start = pdf.index(b"stream", len(pdf) // 4) + 20  # inside a page's content, well inside the range
    pdf[start] ^= 0x01
    report = verify_pdf(bytes(pdf), [panel["root"]])
    assert not report.ok and not report.intact
    assert "改动" in report.message_zh or "无法" in report.message_zh


def test_something_added_after_signing_is_refused(panel):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(_signed(panel)))
    page_ref = writer.root["/Pages"]["/Kids"][0]
    note = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Annot"),
        generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
        generic.NameObject("/Rect"): generic.ArrayObject([generic.NumberObject(v) for v in (50, 50, 300, 90)]),
        generic.NameObject("/Contents"): generic.TextStringObject("总分改为 99"),
        generic.NameObject("/DA"): generic.pdf_string("/Helv 12 Tf 0 g"),
    }))
    page = page_ref.get_object()
    annots = page.get("/Annots")
    if annots is None:
        page[generic.NameObject("/Annots")] = generic.ArrayObject([note])
    else:
        annots.get_object().append(note)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), [panel["root"]])
    assert not report.ok and report.intact and report.modified_after_signing
    assert "签名后" in report.message_zh and "after it was signed" in report.message_en


def test_a_sheet_re_signed_by_another_experts_key_is_refused(panel):
    other_expert = panel["other"].expert
    report = verify_pdf(_signed(panel, signer_expert=other_expert), [panel["root"]])
    assert report.intact and report.trusted  # a good signature, by the panel's own expert …
    assert not report.ok and report.signer_is_sheet_expert is False  # … but not the sheet's
    assert report.signer_name == other_expert
    assert "不是该打分表的评审专家" in report.message_zh


def test_a_certificate_from_another_panels_root_is_refused(panel):
    root_key, root_cert = certs.make_root(2026)
    _key, own_cert, _chain = panel["ids"][panel["sheet"].expert]
    key, cert = certs.issue(root_key, root_cert, name=panel["sheet"].expert, organisation=None, serial=_serial(own_cert))
    report = verify_pdf(_signed(panel, identity=(key, cert, [root_cert])), [panel["root"]])
    assert report.intact and not report.trusted and not report.ok
    assert "不是由该专家组的根证书签发的" in report.message_zh
    assert verify_pdf(_signed(panel, identity=(key, cert, [root_cert])), [root_cert]).ok  # its own root: fine


def test_not_a_pdf_and_an_unsigned_pdf_are_named(panel):
    assert verify_pdf(b"hello", [panel["root"]]).message_en == "Not a PDF file."
    sheet_id = panel["sheet"].sheet_id
    from hvp_desktop.reports.pdf_sheet import render_score_sheet

    unsigned = verify_pdf(render_score_sheet(report_data.score_sheet_report(panel["wf"], sheet_id)), [panel["root"]])
    assert not unsigned.ok and not unsigned.signed and "没有数字签名" in unsigned.message_zh

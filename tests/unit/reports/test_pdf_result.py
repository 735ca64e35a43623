"""The consolidated result as a PDF (issue 20): the ranking with every expert's total, the rule
line, the explanations and the chair's decision; the chair's signature and each member's
counter-signature, each judged by `verify_pdf` and by poppler's `pdfsig`; a long ranking breaks
across pages with its header repeated."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import pytest
from sqlalchemy import select

from hvp_desktop.domain.result_report import PanelSigner, ResultRow
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.reports import round_reports as report_data
from hvp_desktop.reports.pdf_result import render_result, report_digest
from hvp_desktop.reports.pdf_sign import sign_pdf, verify_pdf
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import queries
from hvp_desktop.store.models import Expert
from tests.poppler import pages as _pages
from tests.poppler import run as _run
from tests.poppler import screens as _screens

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")






@pytest.fixture
def consolidated(demo_wf):
    """The demo's consolidated round with the most rows, and its result data."""
    datas = [report_data.result_report(demo_wf, r) for r, _t in queries.round_list(demo_wf)]
    data = max((d for d in datas if d.consolidated), key=lambda d: len(d.rows))
    return demo_wf, data


def _expert_id(wf, uuid: str) -> int:
    with wf.session() as s:
        return s.scalar(select(Expert.id).where(Expert.uuid == uuid))


def _root(wf):
    return [certs.load_certificate(certs.root_certificate_pem(wf))]


def test_the_result_prints_every_row_every_expert_the_line_and_the_decisions(consolidated, tmp_path):
    wf, data = consolidated
    view_rows = len(data.rows)
    path = tmp_path / "result.pdf"
    path.write_bytes(report_data.result_pdf(wf, data.round_id))
    text = "".join(_pages(path)).replace(" ", "")
    assert "汇总评审结果" in text and data.round_title in text
    for row in data.rows:
        assert row.enterprise_name.replace(" ", "") in text
    for expert in data.experts:
        assert expert in text
    assert data.line.replace(" ", "") in text and data.method in text
    if data.tie:
        assert "名额线处并列的决定" in text
    assert sum(1 for r in data.rows if r.inside) == data.inside_count <= view_rows
    fonts = [line.split() for line in _run("pdffonts", path).splitlines()[2:] if line.strip()]
    assert fonts and all(f[-5] == "yes" and f[-4] == "yes" for f in fonts), fonts  # emb yes, sub yes
    for seat in data.panel:
        assert seat.name in text


def test_the_chair_signs_and_every_member_counter_signs(consolidated, tmp_path):
    wf, data = consolidated
    signed = report_data.signed_result_pdf(wf, data.round_id)
    report = verify_pdf(signed, _root(wf))
    assert report.ok, report.message_en
    assert report.signer_name == data.chair.name and len(report.signatures) == 1
    members = [p for p in data.panel if p.role == "member"]
    assert sorted(report.unsigned_seats) == sorted(p.field for p in members)
    for member in members:
        signed = report_data.countersign_result(wf, signed, _expert_id(wf, member.expert_uuid))
    report = verify_pdf(signed, _root(wf))
    assert report.ok, report.message_en
    assert [s.name for s in report.signatures] == [data.chair.name, *(m.name for m in members)]
    assert all(s.ok and s.intact and s.trusted for s in report.signatures) and not report.unsigned_seats
    assert [s.role for s in report.signatures] == ["评审组组长"] + ["评审组成员"] * len(members)
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60).stdout
    assert out.count("Signature is Valid") == len(data.panel), out
    # a member signs once: the field is filled now
    with pytest.raises(RuleViolation) as refused:
        report_data.countersign_result(wf, signed, _expert_id(wf, members[0].expert_uuid))
    assert "已会签" in refused.value.zh


def test_a_seat_signed_by_someone_else_and_bytes_after_signing_are_refused(consolidated):
    wf, data = consolidated
    signed = report_data.signed_result_pdf(wf, data.round_id)
    members = [p for p in data.panel if p.role == "member"]
    first, second = members[0], members[1]
    key, cert, chain = certs.signing_identity(wf, _expert_id(wf, second.expert_uuid))
    forged = sign_pdf(signed, key, cert, chain, name=second.name, role="评审组成员", field=first.field)
    report = verify_pdf(forged, _root(wf))
    assert report.signatures[0].ok and not report.signatures[1].ok
    assert not report.ok and "不是该签名栏所属的评审组成员" in report.message_zh
    report = verify_pdf(signed + b"\n% appended\n", _root(wf))
    assert not report.ok and report.modified_after_signing
    flipped = bytearray(signed)
    flipped[len(flipped) // 3] ^= 0x01
    assert not verify_pdf(bytes(flipped), _root(wf)).ok


def test_a_non_member_cannot_counter_sign_and_a_preview_cannot_be_signed(demo_wf, consolidated):
    wf, data = consolidated
    signed = report_data.signed_result_pdf(wf, data.round_id)
    on_panel = {p.expert_uuid for p in data.panel}
    with wf.session() as s:
        outsider = s.scalar(select(Expert.id).where(Expert.uuid.not_in(on_panel)))
    if outsider is not None:
        with pytest.raises(RuleViolation) as refused:
            report_data.countersign_result(wf, signed, outsider)
        assert "不是本轮评审组成员" in refused.value.zh
    preview = next((r for r, _t in queries.round_list(wf) if not report_data.result_report(wf, r).consolidated), None)
    assert preview is not None, "the demo keeps a round not consolidated yet"
    with pytest.raises(RuleViolation) as refused:
        report_data.signed_result_pdf(wf, preview)
    assert "尚未汇总锁定" in refused.value.zh and refused.value.rule == "SIGN"
    assert "未汇总" in "".join(_run_text(report_data.result_pdf(wf, preview)))


def _run_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60).stdout.decode()


def test_a_forty_row_ranking_breaks_across_pages_with_the_header_repeated(consolidated, tmp_path):
    _wf, data = consolidated
    base = data.rows[0]
    rows = tuple(dataclasses.replace(base, rank=i, enterprise_name=f"广州测试{i:02d}号高价值专利培育有限公司",
                                     inside=i <= 20, notes=("偏离标记说明" * 12,) if i % 7 == 0 else ())
                 for i in range(1, 41))
    long = dataclasses.replace(data, rows=rows, inside_count=20)
    path = tmp_path / "forty.pdf"
    path.write_bytes(render_result(long).pdf)
    pages = _pages(path)
    table_pages = [p for p in pages if "广州测试" in p]
    assert len(table_pages) >= 2
    assert all("申报单位" in p and "汇总得分" in p for p in table_pages)
    assert all(f"第{i}页共{len(pages)}页" in p.replace(" ", "") for i, p in enumerate(pages, start=1))
    text = "".join(pages)
    assert all(f"广州测试{i:02d}号" in text for i in range(1, 41))
    _screens(path, "result_forty_rows", [1, 2, len(pages)])


def test_the_same_data_gives_the_same_bytes_and_the_digest_follows_the_data(consolidated):
    _wf, data = consolidated
    assert render_result(data).pdf == render_result(data).pdf
    changed = dataclasses.replace(data, rows=(dataclasses.replace(data.rows[0], score="99.99"), *data.rows[1:]))
    assert report_digest(changed) != report_digest(data)


def test_seat_fields_name_the_seat_and_its_expert():
    seat = PanelSigner("张三", "中山大学", "member", "0b6a0b9e-2d0c-4a43-9a8e-6d1c1b2f0e11")
    assert seat.field == "sig-member-0b6a0b9e-2d0c-4a43-9a8e-6d1c1b2f0e11"
    assert ResultRow(1, "x", (), "90", "", "0", "入选", True, ()).inside


def test_a_field_added_after_the_chair_signed_and_a_counter_signed_preview_are_refused(consolidated):
    """The review's attacks on the result: a new field signed by a panel key after the chair, and
    counter-signing a file the chair never signed."""
    wf, data = consolidated
    signed = report_data.signed_result_pdf(wf, data.round_id)
    member = next(p for p in data.panel if p.role == "member")
    key, cert, chain = certs.signing_identity(wf, _expert_id(wf, member.expert_uuid))
    added = sign_pdf(signed, key, cert, chain, name=member.name, role="评审组组长", field="批准", page=0,
                     box=(10, 10, 60, 40))
    report = verify_pdf(added, _root(wf))
    assert not report.ok and "首位签名人签名之后才加入" in report.message_zh
    preview = report_data.result_pdf(wf, data.round_id)
    with pytest.raises(RuleViolation) as refused:
        report_data.countersign_result(wf, preview, _expert_id(wf, member.expert_uuid))
    assert "只能会签组长已签署" in refused.value.zh

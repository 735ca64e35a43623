"""The on-site assessment report as a PDF (issue 20): what it prints of a real demo visit, the
embedded font, the footer of every page, the same bytes twice, long findings over pages with the
header repeated, evidence thumbnails, and a picture that cannot be read printed as a placeholder.

poppler-utils (pdffonts, pdftotext, pdfimages, pdftoppm) is the independent reader."""

from __future__ import annotations

import dataclasses
import re
import shutil

import pytest

from hvp_desktop.domain.assessment_report import AssessmentReport, EvidenceEntry
from hvp_desktop.reports.pdf_assessment import qr_text, render_assessment_report, report_digest
from hvp_desktop.store import visits
from tests.poppler import pages as _pages
from tests.poppler import run as _run
from tests.poppler import screens as _screens
from tests.poppler import write_pdf as _pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

HEADER = r"编号\s+检查项\s+类型\s+核查结论\s+核查数值\s+核查说明\s+佐证"








def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _visit_ids(wf) -> list[int]:
    with wf.engine.connect() as c:
        return [row[0] for row in c.exec_driver_sql("SELECT id FROM visits ORDER BY id").all()]


@pytest.fixture(scope="module")
def demo_reports(_demo_master, tmp_path_factory) -> dict[int, AssessmentReport]:
    """Every demo visit's report data, read once from a copy of the demo file."""
    from hvp_desktop.store.engine import WorkingFile
    from tests.conftest import DEMO_PASSWORD

    path = tmp_path_factory.mktemp("assess") / "demo.hvpdb"
    shutil.copy2(_demo_master, path)
    wf = WorkingFile.open(path, DEMO_PASSWORD)
    try:
        return {visit_id: visits.assessment_report(wf, visit_id) for visit_id in _visit_ids(wf)}
    finally:
        wf.close()


@pytest.fixture(scope="module")
def failed(demo_reports) -> AssessmentReport:
    """A year-1 visit that failed: items not met, a rectification list, photos and a PDF scan."""
    return next(r for r in demo_reports.values() if r.passed is False and r.assessment == "第一年度考核"
                and any(e.media_type == "application/pdf" for row in r.items for e in row.evidence))


def test_a_failed_visit_prints_its_visit_findings_scores_and_outcome(failed, tmp_path):
    path = _pdf(tmp_path, render_assessment_report(failed))
    fonts = [line.split() for line in _run("pdffonts", str(path)).splitlines()[2:] if line.strip()]
    assert fonts, "no font in the PDF"
    for row in fonts:  # name type encoding emb sub uni object-id generation
        assert row[-5:-3] == ["yes", "yes"], f"font not embedded as a subset: {row}"
    text = _flat(_run("pdftotext", str(path), "-"))
    for word in ("第一年度考核现场核查报告", "核查基本情况", failed.enterprise_name, failed.credit_code, failed.round_title,
                 failed.visited_on, failed.place, failed.expert_name, failed.checklist_digest[:8], "否决项", "量化指标",
                 "不符合", "部分符合", "符合", "评分情况", failed.total, "考核结论", "整改期（2个月）（R17）",
                 failed.outcome, failed.rectification_head, "审计链头", failed.audit_head):
        assert _flat(word) in text, word
    for row in failed.items:
        assert row.code in text
        if row.problem:  # "专职知识产权工作人员2人，未达要求（3人以上）"
            assert _flat(row.problem) in text
    for line in failed.rectification:
        assert _flat(line) in text
    layout = "\n".join(_pages(path))
    assert re.search(r"R5\.3\s+\S+\s+量化指标\s+不符合\s+2\s?人", layout), "the staff figure, not met"


def test_every_page_has_page_x_of_y_the_document_id_and_the_digest(failed, tmp_path):
    pages = _pages(_pdf(tmp_path, render_assessment_report(failed)))
    digest = report_digest(failed)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in _flat(page)
        assert failed.visit_uuid in page and digest in page
    assert qr_text(failed, digest, 1, 2) == f"HVP-ASSESS:{failed.visit_uuid}:1/2:SHA256:{digest}".upper()


def test_the_same_data_gives_the_same_bytes_and_the_digest_follows_the_data(failed):
    pdf = render_assessment_report(failed)
    assert render_assessment_report(failed) == pdf
    assert re.fullmatch(r"[0-9a-f]{64}", report_digest(failed))
    assert report_digest(dataclasses.replace(failed, total="99")) != report_digest(failed)
    row = next(r for r in failed.items if any(e.thumbnail for e in r.evidence))
    other = dataclasses.replace(row, evidence=tuple(dataclasses.replace(e, thumbnail=b"x") for e in row.evidence))
    changed = dataclasses.replace(failed, items=tuple(other if r is row else r for r in failed.items))
    assert report_digest(changed) != report_digest(failed)  # a thumbnail counts, by its SHA-256


def test_the_evidence_photos_are_thumbnails_and_a_pdf_is_named(failed, tmp_path):
    path = _pdf(tmp_path, render_assessment_report(failed))
    listed = _run("pdfimages", "-list", str(path)).splitlines()[2:]
    photos = [e for row in failed.items for e in row.evidence if e.thumbnail]
    assert photos and len(listed) == len(photos)
    for line in listed:
        width, height = int(line.split()[3]), int(line.split()[4])
        assert max(width, height) <= visits.THUMBNAIL_PX and line.split()[5] in ("rgb", "gray")
    text = _flat(_run("pdftotext", str(path), "-"))
    scans = [e for row in failed.items for e in row.evidence if e.media_type == "application/pdf"]
    assert scans and all(_flat(e.filename) in text for e in scans) and "PDF文件" in text
    assert len(path.read_bytes()) < 400_000


def test_many_long_findings_break_across_pages_with_the_header_repeated(failed, tmp_path):
    rows = []
    for n in range(3):  # 78 items, each with a long note; one note longer than a page's row
        for row in failed.items:
            note = (f"{row.code}第{n + 1}轮：" + "核对劳动合同及社保缴纳记录，访谈知识产权部负责人，查阅制度文件。" * 6)
            rows.append(dataclasses.replace(row, note=note))
    rows[5] = dataclasses.replace(rows[5], note="很长的核查说明。" * 150)
    data = dataclasses.replace(failed, items=tuple(rows))
    path = _pdf(tmp_path, render_assessment_report(data))
    pages = _pages(path)
    assert len(pages) >= 6
    last = max(i for i, page in enumerate(pages) if rows[-1].note[:10] in _flat(page))
    assert last >= 4
    for page in pages[:last + 1]:
        assert re.search(HEADER, page), page[:300]
    text = _flat("\n".join(pages))
    assert all(row.note[:10] in text for row in rows)  # "R5.1第1轮：…" each printed
    assert "说明续" in text
    assert all(f"第{i}页共{len(pages)}页" in _flat(page) for i, page in enumerate(pages, start=1))
    _screens(path, "pdf_assessment_long", [1, 2])


def test_a_picture_that_cannot_be_read_prints_a_placeholder(failed, tmp_path):
    assert visits._thumbnail(b"\xff\xd8\xff\xe0 not a jpeg at all") is None
    row = next(r for r in failed.items if r.evidence)
    bad = (EvidenceEntry("坏照片.jpg", "image/jpeg", "1 KB", "0" * 64, None, unreadable=True),
           EvidenceEntry("坏缩略图.png", "image/png", "2 KB", "1" * 64, b"\x89PNG\r\n\x1a\n broken"))
    other = dataclasses.replace(row, evidence=row.evidence + bad)
    data = dataclasses.replace(failed, items=tuple(other if r is row else r for r in failed.items))
    text = _flat(_run("pdftotext", str(_pdf(tmp_path, render_assessment_report(data))), "-"))
    assert text.count("图像无法读取") == 2 and "坏照片.jpg" in text and "坏缩略图.png" in text


def test_a_reassessment_prints_each_listed_item_before_and_after(demo_reports, tmp_path):
    again = next(r for r in demo_reports.values() if r.before_after)
    assert again.assessment == "整改后重新考核" and again.before_visited_on
    path = _pdf(tmp_path, render_assessment_report(again))
    text = _flat(_run("pdftotext", str(path), "-"))
    assert "整改前后对照" in text and f"整改前（{again.before_visited_on}）" in text
    for row in again.before_after:
        assert _flat(row.before)[:30] in text and _flat(row.after)[:30] in text
    assert [r.code for r in again.items[:len(again.before_after)]] == [r.code for r in again.before_after]
    _screens(path, "pdf_assessment_again", [1, len(_pages(path))])




def test_a_stored_picture_that_cannot_be_decoded_and_a_visit_without_a_sheet(demo_wf, tmp_path):
    """In the file: a 'JPEG' Pillow cannot decode is a placeholder, not a failed report; a visit
    whose expert has no sheet yet has no outcome and says why."""
    from hvp_desktop.store.ops import visits as visit_ops

    reports = {visit_id: visits.assessment_report(demo_wf, visit_id) for visit_id in _visit_ids(demo_wf)}
    visit_id = next(v for v, r in reports.items() if r.passed is None)
    code = reports[visit_id].items[0].code
    visit_ops.add_evidence(demo_wf, visit_id, code, "损坏的照片.jpg", b"\xff\xd8\xff\xe0" + b"\x00garbage" * 50)
    data = visits.assessment_report(demo_wf, visit_id)
    entry = next(e for row in data.items for e in row.evidence if e.filename == "损坏的照片.jpg")
    assert entry.unreadable and entry.thumbnail is None
    text = _flat(_run("pdftotext", str(_pdf(tmp_path, render_assessment_report(data))), "-"))
    assert "图像无法读取" in text and "损坏的照片.jpg" in text
    assert "尚无考核结论" in text and "尚无专家打分表" in text

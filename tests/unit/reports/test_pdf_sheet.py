"""The expert score sheet as a PDF (issue 20): the embedded CJK font, what the sheet says, page
breaks with the header repeated, the footer and QR code of every page, the same bytes twice.

poppler-utils (pdffonts, pdftotext, pdftoppm) is the independent reader."""

from __future__ import annotations

import dataclasses
import re
import shutil

import pytest

from hvp_desktop.reports import pdf_fonts
from hvp_desktop.reports import round_reports as report_data
from hvp_desktop.reports.pdf_sheet import (
    CriterionRow,
    SectionRow,
    SheetReport,
    qr_modules,
    qr_text,
    render_score_sheet,
    report_digest,
)
from hvp_desktop.store import queries
from tests.poppler import fonts as _fonts
from tests.poppler import pages as _pages
from tests.poppler import run as _run
from tests.poppler import screens as _screens
from tests.poppler import write_pdf as _pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

RARE_NAME = "王㐀䶮"  # CJK Extension A: U+3400 and U+4DAE










def _first_submitted(wf) -> tuple[int, int]:
    for round_id, _title in queries.round_list(wf):
        sheets = report_data.submitted_sheets(wf, round_id)
        if sheets:
            return round_id, sheets[0].sheet_id
    raise AssertionError("the demo has no submitted sheet")


def long_sheet(criteria: int = 25, comment_chars: int = 180, expert: str = RARE_NAME) -> SheetReport:
    """A synthetic sheet: `criteria` criteria in 5 sections, each with a long comment."""
    sections, rows = [], []
    for s in range(5):
        code = "ABCDE"[s]
        sections.append(SectionRow(code, f"第{s + 1}个一级指标的标题", "scored", "20", "15"))
        for i in range(criteria // 5):
            text = f"{code}{i + 1}的评语：" + ("材料齐全，知识产权管理制度健全，专职人员配备到位，" * 20)[:comment_chars]
            rows.append(CriterionRow(code, f"{code}{i + 1}", f"二级指标{code}{i + 1}的标题", "4", "3", text))
    return SheetReport(
        round_title="2026年度认定评审", enterprise_name="广州黄埔测试科技有限公司", credit_code="91440112MA5TEST01X",
        expert_name=expert, expert_organisation="华南理工大学", rubric_title="高价值专利培育布局中心认定评分表",
        rubric_version="2026.1", rubric_digest="ab" * 32, sections=tuple(sections), rows=tuple(rows), total="75",
        max_total="100", vetoes=(), statement="本人与该申报单位不存在利害关系",
        statement_confirmed_at="2026-11-30 20:32（北京时间）", submitted_at="2026-11-30 20:32（北京时间）", revision=2,
        correction_reason="更正B2的得分", sheet_uuid="00000000-0000-4000-8000-000000000025", audit_head="12:" + "cd" * 32)


@pytest.fixture
def demo_sheet(demo_wf):
    _round, sheet_id = _first_submitted(demo_wf)
    return report_data.score_sheet_report(demo_wf, sheet_id)


def test_a_demo_sheet_prints_its_data_in_an_embedded_subset_font(demo_sheet, tmp_path):
    path = _pdf(tmp_path, render_score_sheet(demo_sheet))
    fonts = _fonts(path)
    assert fonts, "no font in the PDF"
    for row in fonts:  # name type encoding emb sub uni object-id generation
        assert row[-5:-3] == ["yes", "yes"], f"font not embedded as a subset: {row}"
        assert "STSong" not in row[0]
    text = _run("pdftotext", str(path), "-")
    flat = re.sub(r"\s+", "", text)
    for word in ("专家打分表", "评审轮次", "申报单位", "评分表", "一级指标", "二级指标", "分值", "得分", "评语", "合计",
                 "声明", "签名", demo_sheet.enterprise_name, demo_sheet.expert_name, demo_sheet.round_title,
                 demo_sheet.credit_code, demo_sheet.rubric_digest[:8], demo_sheet.statement):
        assert re.sub(r"\s+", "", word) in flat, word
    for row in demo_sheet.rows:
        assert row.code in text
    layout = "\n".join(_pages(path))
    assert re.search(rf"合计\s+{demo_sheet.max_total}\s+{re.escape(demo_sheet.total)}\s", layout)
    assert demo_sheet.signature_png, "the demo's submitted sheet has a drawn signature"


def test_a_rare_name_character_is_printed_not_a_missing_glyph(tmp_path):
    assert pdf_fonts.covers(RARE_NAME) == []
    path = _pdf(tmp_path, render_score_sheet(long_sheet(criteria=5)))
    assert RARE_NAME in _run("pdftotext", str(path), "-")


def test_every_page_has_page_x_of_y_the_document_id_and_the_digest(demo_sheet, tmp_path):
    path = _pdf(tmp_path, render_score_sheet(demo_sheet))
    pages = _pages(path)
    digest = report_digest(demo_sheet)
    for number, page in enumerate(pages, start=1):
        # drawn as "第 1 页 共 2 页"; pdftotext leaves out the spaces between CJK and digits
        assert f"第{number}页共{len(pages)}页" in re.sub(r"\s+", "", page)
        assert demo_sheet.document_id in page
        assert digest in page


def test_a_long_sheet_breaks_across_pages_with_the_header_repeated(tmp_path):
    data = long_sheet(criteria=25, comment_chars=200)
    pdf = render_score_sheet(data)
    path = _pdf(tmp_path, pdf)
    pages = _pages(path)
    assert len(pages) >= 3
    for page in pages[:-1]:  # the last page may hold only the signature block
        assert re.search(r"二级指标\s+分值\s+得分\s+评语", page), page[:400]
    text = "\n".join(pages)
    for row in data.rows:
        assert row.code in text
    assert RARE_NAME in text
    assert all(f"第{i}页共{len(pages)}页" in re.sub(r"\s+", "", page) for i, page in enumerate(pages, start=1))
    for page in pages:  # a section's heading is never the last row of a page
        tail = page[page.rfind("一级指标"):] if "一级指标" in page else ""
        assert not tail or re.search(r"\n\s*[A-E]\d\s", tail), tail[:200]
    continued = next(i for i, page in enumerate(pages, start=1) if i > 1 and "二级指标" in page)
    _screens(path, "pdf_sheet_long", [1, continued])


def test_a_comment_longer_than_a_page_goes_on_in_rows_of_its_own(tmp_path):
    data = long_sheet(criteria=5, comment_chars=200)
    row = dataclasses.replace(data.rows[0], comment="很长的评语。" * 600)
    data = dataclasses.replace(data, rows=(row, *data.rows[1:]))
    path = _pdf(tmp_path, render_score_sheet(data))
    assert "评语续" in _run("pdftotext", str(path), "-")


def test_the_qr_code_drawn_on_each_page_is_the_code_of_its_text(tmp_path):
    """Rasterised by poppler, each page's QR modules match the code of that page's text (no QR
    decoder is installed here; the encoder is reportlab's)."""
    from PIL import Image

    data = long_sheet(criteria=25, comment_chars=200)
    path = _pdf(tmp_path, render_score_sheet(data))
    pages = len(_pages(path))
    digest = report_digest(data)
    dpi, mm = 144, 144 / 25.4
    mask = None
    for page in (1, pages):
        text = f"HVP-SHEET:{data.document_id}:{page}/{pages}:SHA256:{digest}".upper()
        assert qr_text(data, digest, page, pages) == text
        modules = qr_modules(text, mask)
        mask = modules.mask
        _run("pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(path),
             str(tmp_path / "page"))
        image = Image.open(tmp_path / "page.pgm")
        width, height = image.size
        size, right, base = 20 * mm, width - 18 * mm, 10 * mm
        count = len(modules.rows)
        cell = size / (count + 8)
        assert count == 41 and cell > 2  # version 6 (alphanumeric, level M), modules over 2 px
        for r, row in enumerate(modules.rows):
            for c, dark in enumerate(row):
                x = right - size + (c + 4.5) * cell
                y = height - base - size + (r + 4.5) * cell
                assert (image.getpixel((int(x), int(y))) < 128) == dark, (page, r, c)


def test_bonus_and_veto_sections_are_named_and_the_veto_found_is_printed(tmp_path):
    data = long_sheet(criteria=5)
    sections = (*data.sections, SectionRow("J", "加分项标题", "bonus", "5", "3"), SectionRow("V", "否决项标题", "veto", "1", "1"))
    rows = (*data.rows, CriterionRow("J", "J1", "获得专利奖", "5", "3", ""), CriterionRow("V", "V1", "专职人员少于3名", "1", "1", ""))
    data = dataclasses.replace(data, sections=sections, rows=rows, vetoes=("V1",))
    text = re.sub(r"\s+", "", _run("pdftotext", str(_pdf(tmp_path, render_score_sheet(data))), "-"))
    assert "加分项标题（加分项）" in text and "否决项标题（否决项）" in text and "否决项：V1" in text


def test_the_same_data_gives_the_same_bytes_and_the_digest_follows_the_data(demo_sheet):
    assert render_score_sheet(demo_sheet) == render_score_sheet(demo_sheet)
    other = dataclasses.replace(demo_sheet, total="1")
    assert report_digest(other) != report_digest(demo_sheet)
    resigned = dataclasses.replace(demo_sheet, signature_png=b"another image")
    assert report_digest(resigned) != report_digest(demo_sheet)
    assert re.fullmatch(r"[0-9a-f]{64}", report_digest(demo_sheet))


def test_a_draft_is_refused_with_a_message(demo_wf):
    from sqlalchemy import select

    from hvp_desktop.domain.rules import RuleViolation
    from hvp_desktop.store.models import ScoreSheet

    with demo_wf.session() as s:
        draft = s.scalar(select(ScoreSheet.id).where(ScoreSheet.status == "draft").limit(1))
    if draft is None:
        pytest.skip("the demo has no draft sheet")
    with pytest.raises(RuleViolation) as caught:
        report_data.score_sheet_report(demo_wf, draft)
    assert caught.value.rule == "SHEET"


def test_the_demo_sheet_screens(demo_sheet, tmp_path):
    path = _pdf(tmp_path, render_score_sheet(demo_sheet))
    _screens(path, "pdf_sheet_demo", [1, len(_pages(path))])



"""The hand-over slips of a round's expert packages (issue 21): one page per expert, what each says,
the passphrase whole, the embedded font only; poppler-utils is the independent reader."""

from __future__ import annotations

import re
import shutil

import pytest

from hvp_desktop.reports.pdf_handover import HandoverRound, HandoverSlip, render_handover_slips
from tests.poppler import fonts as _fonts
from tests.poppler import pages as _pages
from tests.poppler import screens as _screens
from tests.poppler import write_pdf as _pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

ROUND = HandoverRound(2026, "recognition", "2026年度高价值专利培育布局中心认定评审")
SLIPS = [
    HandoverSlip("王组长", "2026-王组长.hvpkg", "ABCD-EFGH-JKMN-PQRS-TUVW", "AB12 CD34 EF56 7890", 6, 12),
    HandoverSlip("李明", "2026-李明.hvpkg", "2345-6789-XYZA-BCDE-FGHJ", "AB12 CD34 EF56 7890", 3, 5),
    HandoverSlip("王㐀䶮", "2026-王㐀䶮.hvpkg", "MNPQ-RSTU-VWXY-Z234-5678", "AB12 CD34 EF56 7890", 1, 0),
]


def _squeezed(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text)


@pytest.fixture(scope="module")
def slips_pdf(tmp_path_factory):
    pdf = render_handover_slips(ROUND, SLIPS, prepared_on="2026-06-12")
    return _pdf(tmp_path_factory.mktemp("handover"), pdf, "slips.pdf")


def test_one_page_per_expert_with_what_the_expert_needs(slips_pdf):
    pages = _pages(slips_pdf)
    assert len(pages) == len(SLIPS)
    for text, slip in zip(pages, SLIPS, strict=True):
        assert "专家数据包交接单" in text and "Expert package hand-over slip" in text
        assert ROUND.title in text and "2026 recognition review" in text
        assert slip.expert_name in text
        assert slip.package_file in text
        # the passphrase, one character to a cell: whole once the spacing is taken away
        assert _squeezed(slip.passphrase) in _squeezed(text)
        assert _squeezed(slip.root_fingerprint) in _squeezed(text)
        assert f"{slip.applications} 项申报" in text
        for words in ("打开专家数据包", "Open expert package", "分开保管", "apart from the USB stick", "销毁本单",
                      "交付人", "Handed over by", "签收人", "Received by", "日期", "Date", "2026-06-12"):
            assert words in text, words
    assert "第2页共3页" in pages[1].replace(" ", "")


def test_only_the_embedded_font(slips_pdf):
    rows = _fonts(slips_pdf)
    assert rows and all(row[-5] == "yes" for row in rows), rows  # emb
    # one font, embedded as a subset ("ABCDEF+WenQuanYiZenHei", "-0" when reportlab named it so first)
    assert {row[0].split("+")[-1].removesuffix("-0") for row in rows} == {"WenQuanYiZenHei"}


def test_another_passphrase_other_bytes_same_layout():
    a = render_handover_slips(ROUND, SLIPS[:1], prepared_on="2026-06-12")
    b = render_handover_slips(ROUND, SLIPS[:1], prepared_on="2026-06-12")
    assert a == b  # invariant: the same slip gives the same bytes
    other = render_handover_slips(ROUND, [HandoverSlip(*[*vars(SLIPS[0]).values()][:2], "2345-6789-XYZA-BCDE-FGHJ",
                                                       SLIPS[0].root_fingerprint, 6, 12)], prepared_on="2026-06-12")
    assert other != a


def test_screens_for_a_person(slips_pdf):
    _screens(slips_pdf, "handover-slips", [1, 3])

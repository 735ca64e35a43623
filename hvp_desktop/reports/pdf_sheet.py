"""The expert score sheet (专家打分表) as a PDF (issue 20): plain reportlab, no Qt, no store.

`render_score_sheet(SheetReport) -> bytes` lays out an A4 page (more when the criteria run long,
the table's header row repeated on each): the round, the applicant, the expert, the rubric with
its version and digest, every criterion with its maximum, score and comment, section subtotals,
bonus and veto items, the total, the conflict-of-interest statement, the drawn signature and when
the sheet was submitted. Every page carries "第 x 页 共 y 页", the document id, the SHA-256 of the
document's data (`report_digest`) and a QR code holding the three.

The same data gives the same bytes (reportlab's invariant mode: no creation date, a fixed file id),
so a sheet exported twice compares equal. The font is the shipped WenQuanYi Zen Hei, embedded as
a subset (`pdf_fonts`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from typing import NamedTuple
from xml.sax.saxutils import escape

from hvp_desktop.domain.sheet_report import CriterionRow, SectionRow, SheetReport
from hvp_desktop.reports import pdf_fonts

__all__ = ["CriterionRow", "SectionRow", "SheetReport", "SignableSheet", "SignerBlock", "render_score_sheet",
           "render_signable_sheet", "report_digest"]

QR_PREFIX = "HVP-SHEET"
EXPERT_KEYWORD = "hvp-expert:"  # the PDF's /Keywords carry the sheet's expert uuid (see pdf_sign)
SIGNER_BOX_HEIGHT = 30  # mm


@dataclasses.dataclass(frozen=True)
class SignerBlock:
    """What the visible digital signature shows, drawn into the page by the sheet itself (the
    signature field is laid over it with no appearance of its own: pyHanko draws no CJK stamp)."""

    name: str
    role: str
    when: str  # "YYYY-MM-DD HH:MM" (Beijing time)
    expert_uuid: str


class SignableSheet(NamedTuple):
    pdf: bytes
    page: int  # 0-based page index of the signer block
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points
COMMENT_CHUNK = 500  # characters of a comment per table row: one row never outgrows a page


def canonical_data(data: SheetReport) -> dict:
    """The report's data as the digest reads it: the signature image replaced by its SHA-256."""
    plain = dataclasses.asdict(data)
    image = plain.pop("signature_png")
    plain["signature_png_sha256"] = hashlib.sha256(image).hexdigest() if image else ""
    plain["document_id"] = data.document_id
    return plain


def report_digest(data: SheetReport) -> str:
    """SHA-256 (hex) of the canonical JSON of the report's data (sorted keys, no spaces, UTF-8)."""
    text = json.dumps(canonical_data(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def qr_text(data: SheetReport, digest: str, page: int, pages: int) -> str:
    """`HVP-SHEET:<document id>:<page>/<pages>:SHA256:<digest>`, upper case: QR's alphanumeric
    mode (5.5 bits a character, not 8) keeps the code at version 6, modules ~0.4 mm at 20 mm."""
    return f"{QR_PREFIX}:{data.document_id}:{page}/{pages}:SHA256:{digest}".upper()


class QrModules(NamedTuple):
    rows: list[list[bool]]
    mask: int


def qr_modules(text: str, mask: int | None = None) -> QrModules:
    """The QR code's dark modules (level M). The mask pattern is chosen by the standard's penalty
    unless given: a document's pages reuse page 1's choice (any mask reads; choosing costs 8 trial
    encodings, ~30 ms a page)."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    if mask is None:
        mask = code.getBestMaskPattern()
    code.makeImpl(False, mask)
    return QrModules([list(row) for row in code.modules], mask)


# ------------------------------------------------------------------------------ layout

def _styles(font: str):
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=24, alignment=TA_CENTER, spaceAfter=8),
        "label": ParagraphStyle("label", parent=base, textColor="#333333"),
        "head": ParagraphStyle("head", parent=base, alignment=TA_CENTER),
        "num": ParagraphStyle("num", parent=base, alignment=TA_CENTER),
        "section": ParagraphStyle("section", parent=base, fontSize=9.5),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11),
    }


def _p(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _chunks(text: str) -> list[str]:
    if len(text) <= COMMENT_CHUNK:
        return [text]
    return [text[i:i + COMMENT_CHUNK] for i in range(0, len(text), COMMENT_CHUNK)]


KIND_WORDS = {"scored": "", "bonus": "（加分项）", "veto": "（否决项）"}


def _header_table(data: SheetReport, st, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    revision = f"第 {data.revision} 版"
    if data.correction_reason:
        revision += f"（更正原因：{data.correction_reason}）"
    expert = data.expert_name + (f"（{data.expert_organisation}）" if data.expert_organisation else "")
    rubric = f"{data.rubric_title} {data.rubric_version}（摘要 {data.rubric_digest[:8]}）"
    rows = [
        ("评审轮次", data.round_title),
        ("申报单位", data.enterprise_name),
        ("统一社会信用代码", data.credit_code),
        ("评审专家", expert),
        ("评分表", rubric),
        ("打分表版本", revision + ("；据纸质打分表录入" if data.transcribed else "")),
        ("提交时间", data.submitted_at),
    ]
    table = Table([[_p(a, st["label"]), _p(b, st["base"])] for a, b in rows], colWidths=[28 * 3.0, width - 84])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName),  # else empty cells name Helvetica
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _criteria_table(data: SheetReport, st, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    widths = [44, 150, 34, 34]
    widths.append(width - sum(widths))
    rows = [[_p("二级指标", st["head"]), "", _p("分值", st["head"]), _p("得分", st["head"]), _p("评语", st["head"])]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName),  # else empty cells name Helvetica
        ("SPAN", (0, 0), (1, 0)),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    by_section: dict[str, list[CriterionRow]] = {}
    for row in data.rows:
        by_section.setdefault(row.section, []).append(row)
    for section in data.sections:
        at = len(rows)
        heading = f"一级指标 {section.code} {section.title}{KIND_WORDS.get(section.kind, '')}"
        rows.append([_p(heading, st["section"]), "", _p(section.max_points, st["num"]),
                     _p(section.subtotal, st["num"]), _p("小计", st["base"])])
        style += [("SPAN", (0, at), (1, at)), ("BACKGROUND", (0, at), (-1, at), colors.HexColor("#f3f3f3"))]
        if by_section.get(section.code):  # a section's heading never ends a page alone
            style.append(("NOSPLIT", (0, at), (-1, at + 1)))
        for row in by_section.get(section.code, []):
            parts = _chunks(row.comment)
            rows.append([_p(row.code, st["base"]), _p(row.title, st["base"]), _p(row.max_points, st["num"]),
                         _p(row.score, st["num"]), _p(parts[0], st["base"])])
            for more in parts[1:]:  # a very long comment goes on in rows of its own
                rows.append(["", _p("（评语续）", st["small"]), "", "", _p(more, st["base"])])
    at = len(rows)
    rows.append([_p("合计", st["section"]), "", _p(data.max_total, st["num"]), _p(data.total, st["num"]),
                 _p("否决项：" + "、".join(data.vetoes) if data.vetoes else "", st["base"])])
    style += [("SPAN", (0, at), (1, at)), ("BACKGROUND", (0, at), (-1, at), colors.HexColor("#dde4ee")),
              ("NOSPLIT", (0, at - 1), (-1, at))]  # the total never stands alone on a page
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _signature_block(data: SheetReport, st, width: float):
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Table, TableStyle

    confirmed = f"（已确认，{data.statement_confirmed_at}）" if data.statement_confirmed_at else "（未确认）"
    if data.signature_png:
        image = Image(io.BytesIO(data.signature_png))
        scale = min(60 * mm / image.imageWidth, 20 * mm / image.imageHeight)
        image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
        signature = image
    else:
        signature = _p("（未附手写签名）", st["label"])
    rows = [
        [_p("声明", st["label"]), _p(data.statement + confirmed, st["base"])],
        [_p("签名", st["label"]), signature],
        [_p("日期", st["label"]), _p(data.submitted_at, st["base"])],
        [_p("审计链头", st["label"]), _p(data.audit_head, st["small"])],
    ]
    table = Table(rows, colWidths=[84, width - 84])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName),  # else empty cells name Helvetica
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _signer_flowable(data: SheetReport, signer: SignerBlock, font: str, width: float, placed: list):
    """A framed block (name, role, time, the drawn signature) that notes where it was drawn."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Flowable

    height = SIGNER_BOX_HEIGHT * mm

    class SignerFlowable(Flowable):
        def wrap(self, _aw, _ah):
            return width, height

        def draw(self) -> None:
            c = self.canv
            x, y = c.absolutePosition(0, 0)
            placed.append((len(getattr(c, "_kept", ())), (x, y, x + width, y + height)))
            c.saveState()
            c.setStrokeColorRGB(0.2, 0.3, 0.6)
            c.setLineWidth(0.8)
            c.rect(0, 0, width, height)
            c.setFillColorRGB(0, 0, 0)
            c.setFont(font, 10)
            c.drawString(4 * mm, height - 7 * mm, "数字签名（PAdES）")
            c.setFont(font, 9)
            c.drawString(4 * mm, height - 13 * mm, f"签名人：{signer.name}")
            c.drawString(4 * mm, height - 18.5 * mm, f"身份：{signer.role}")
            c.drawString(4 * mm, height - 24 * mm, f"时间：{signer.when}")
            if data.signature_png:
                image = ImageReader(io.BytesIO(data.signature_png))
                iw, ih = image.getSize()
                scale = min(60 * mm / iw, (height - 6 * mm) / ih)
                c.drawImage(image, width - 4 * mm - iw * scale, 3 * mm, iw * scale, ih * scale, mask="auto")
            c.restoreState()

    return SignerFlowable()


def _page_canvas(data: SheetReport, digest: str, font: str):
    """A canvas that keeps its pages until `save`, then stamps each with page x of y, the
    document id, the digest and the QR code (the total is known only at the end)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    mask: list[int | None] = [None]  # page 1's mask pattern, reused (not in __dict__: pages restore it)

    class FooterCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            kwargs.setdefault("initialFontName", font)  # else every page names Helvetica (not embedded)
            super().__init__(*args, **kwargs)
            self._kept: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._kept.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._kept)
            for number, state in enumerate(self._kept, start=1):
                self.__dict__.update(state)
                self._footer(number, pages)
                Canvas.showPage(self)
            Canvas.save(self)

        def _qr(self, text: str, x: float, y: float, size: float) -> None:
            modules = qr_modules(text, mask[0])
            mask[0] = modules.mask
            count = len(modules.rows)
            cell = size / (count + 8)  # a quiet zone of 4 modules around
            path = self.beginPath()
            for r, row in enumerate(modules.rows):
                for c, dark in enumerate(row):
                    if dark:
                        path.rect(x + (c + 4) * cell, y + size - (r + 5) * cell, cell, cell)
            self.setFillColorRGB(0, 0, 0)
            self.drawPath(path, stroke=0, fill=1)

        def _footer(self, page: int, pages: int) -> None:
            width, _height = self._pagesize
            left, right, base = 18 * mm, width - 18 * mm, 10 * mm
            size = 20 * mm
            self.saveState()
            self.setStrokeColorRGB(0.6, 0.6, 0.6)
            self.line(left, base + size + 2 * mm, right, base + size + 2 * mm)
            self.setFont(font, 9)
            self.drawString(left, base + 14 * mm, f"第 {page} 页 共 {pages} 页")
            self.setFont(font, 7.5)
            self.drawString(left, base + 9 * mm, f"文档编号：{data.document_id}")
            self.drawString(left, base + 4.5 * mm, f"SHA-256：{digest}")
            self.drawString(left, base, "专家打分表 · 数据摘要按文档数据（签名图像以其摘要代替）的规范JSON计算")
            self._qr(qr_text(data, digest, page, pages), right - size, base, size)
            self.restoreState()

    return FooterCanvas


def render_score_sheet(data: SheetReport) -> bytes:
    """The sheet as PDF bytes; the same data gives the same bytes."""
    return _render(data, None).pdf


def render_signable_sheet(data: SheetReport, signer: SignerBlock) -> SignableSheet:
    """The sheet with a signer block under the signature table, and where that block is (for
    `pdf_sign.sign_pdf`'s field). The expert's uuid goes into the PDF's keywords."""
    return _render(data, signer)


def _render(data: SheetReport, signer: SignerBlock | None) -> SignableSheet:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer

    font = pdf_fonts.register()
    st = _styles(font)
    digest = report_digest(data)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=36 * mm,
        title=f"专家打分表 {data.enterprise_name} {data.expert_name}", author=data.expert_name,
        subject=data.document_id, creator="hvp-desktop", invariant=1, initialFontName=font,
        keywords=f"{EXPERT_KEYWORD}{signer.expert_uuid}" if signer else "",
    )
    width = doc.width
    story = [
        _p("专家打分表", st["title"]),
        _header_table(data, st, width),
        Spacer(1, 5 * mm),
        _criteria_table(data, st, width),
        Spacer(1, 5 * mm),
        KeepTogether([_signature_block(data, st, width)]),
    ]
    placed: list = []
    if signer is not None:
        story += [Spacer(1, 4 * mm), _signer_flowable(data, signer, font, width, placed)]
    doc.build(story, canvasmaker=_page_canvas(data, digest, font))
    page, box = placed[-1] if placed else (0, (0.0, 0.0, 0.0, 0.0))
    return SignableSheet(buffer.getvalue(), page, box)

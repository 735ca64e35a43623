"""The expert score sheet (专家打分表) as a PDF (issue 20): plain reportlab, no Qt, no store.

`render_score_sheet(SheetReport) -> bytes` lays out an A4 page (more when the criteria run long,
the table's header row repeated on each): the round, the applicant, the expert, the rubric with
its version and digest, every criterion with its maximum, score and comment, section subtotals,
bonus and veto items, the total, the conflict-of-interest statement, the drawn signature and when
the sheet was submitted. Every page carries "第 x 页 共 y 页", the document id, the SHA-256 of the
document's data (`report_digest`) and a QR code holding the three (the furniture every report shares:
`pdf_pages`).

The same data gives the same bytes (reportlab's invariant mode: no creation date, a fixed file id),
so a sheet exported twice compares equal. The font is the shipped WenQuanYi Zen Hei, embedded as
a subset (`pdf_fonts`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
from typing import NamedTuple

from hvp_desktop.domain.sheet_report import CriterionRow, SectionRow, SheetReport
from hvp_desktop.reports import pdf_fonts
from hvp_desktop.reports.pdf_pages import (
    QrModules,
    digest_of,
    document,
    footer_canvas,
    para,
    qr_modules,
    qr_payload,
    signer_box,
    styles,
)

__all__ = ["CriterionRow", "QrModules", "SectionRow", "SheetReport", "SignableSheet", "SignerBlock", "qr_modules",
           "qr_text", "render_score_sheet", "render_signable_sheet", "report_digest"]

QR_PREFIX = "HVP-SHEET"
EXPERT_KEYWORD = "hvp-expert:"  # the PDF's /Keywords carry the sheet's expert uuid (see pdf_sign)
CONTENT_KEYWORD = "hvp-content:"  # sha256 of the sheet's signed canonical content (domain/sheet_content)
FOOTER_NOTE = "专家打分表 · 数据摘要按文档数据（签名图像以其摘要代替）的规范JSON计算"


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
    return digest_of(canonical_data(data))


def qr_text(data: SheetReport, digest: str, page: int, pages: int) -> str:
    """`HVP-SHEET:<document id>:<page>/<pages>:SHA256:<digest>`, upper case (`pdf_pages.qr_payload`)."""
    return qr_payload(QR_PREFIX, data.document_id, digest, page, pages)


# ------------------------------------------------------------------------------ layout

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
    table = Table([[para(a, st["label"]), para(b, st["base"])] for a, b in rows], colWidths=[28 * 3.0, width - 84])
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
    rows = [[para("二级指标", st["head"]), "", para("分值", st["head"]), para("得分", st["head"]), para("评语", st["head"])]]
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
        rows.append([para(heading, st["section"]), "", para(section.max_points, st["num"]),
                     para(section.subtotal, st["num"]), para("小计", st["base"])])
        style += [("SPAN", (0, at), (1, at)), ("BACKGROUND", (0, at), (-1, at), colors.HexColor("#f3f3f3"))]
        if by_section.get(section.code):  # a section's heading never ends a page alone
            style.append(("NOSPLIT", (0, at), (-1, at + 1)))
        for row in by_section.get(section.code, []):
            parts = _chunks(row.comment)
            rows.append([para(row.code, st["base"]), para(row.title, st["base"]), para(row.max_points, st["num"]),
                         para(row.score, st["num"]), para(parts[0], st["base"])])
            for more in parts[1:]:  # a very long comment goes on in rows of its own
                rows.append(["", para("（评语续）", st["small"]), "", "", para(more, st["base"])])
    at = len(rows)
    rows.append([para("合计", st["section"]), "", para(data.max_total, st["num"]), para(data.total, st["num"]),
                 para("否决项：" + "、".join(data.vetoes) if data.vetoes else "", st["base"])])
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
        signature = para("（未附手写签名）", st["label"])
    rows = [
        [para("声明", st["label"]), para(data.statement + confirmed, st["base"])],
        [para("签名", st["label"]), signature],
        [para("日期", st["label"]), para(data.submitted_at, st["base"])],
        [para("审计链头", st["label"]), para(data.audit_head, st["small"])],
    ]
    table = Table(rows, colWidths=[84, width - 84])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName),  # else empty cells name Helvetica
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def render_score_sheet(data: SheetReport) -> bytes:
    """The sheet as PDF bytes; the same data gives the same bytes."""
    return _render(data, None).pdf


def render_signable_sheet(data: SheetReport, signer: SignerBlock) -> SignableSheet:
    """The sheet with a signer block under the signature table, and where that block is (for
    `pdf_sign.sign_pdf`'s field). The expert's uuid goes into the PDF's keywords."""
    return _render(data, signer)


def _keywords(data: SheetReport, signer: SignerBlock | None) -> str:
    """The sheet's expert (checked against the signer by `pdf_sign.verify_pdf`) and the SHA-256 of
    the content the expert signed at submission (tied to the signed data by the audit pack)."""
    words = [f"{EXPERT_KEYWORD}{signer.expert_uuid}"] if signer else []
    if data.content_sha256:
        words.append(f"{CONTENT_KEYWORD}{data.content_sha256}")
    return " ".join(words)


def _render(data: SheetReport, signer: SignerBlock | None) -> SignableSheet:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    font = pdf_fonts.register()
    st = styles(font)
    digest = report_digest(data)
    buffer = io.BytesIO()
    doc = document(buffer, font=font, title=f"专家打分表 {data.enterprise_name} {data.expert_name}",
                   author=data.expert_name, subject=data.document_id,
                   keywords=_keywords(data, signer))
    width = doc.width
    story = [
        para("专家打分表", st["title"]),
        _header_table(data, st, width),
        Spacer(1, 5 * mm),
        _criteria_table(data, st, width),
        Spacer(1, 5 * mm),
        KeepTogether([_signature_block(data, st, width)]),
    ]
    box = None
    if signer is not None:
        box = signer_box([f"签名人：{signer.name}", f"身份：{signer.role}", f"时间：{signer.when}"], font=font,
                         width=width, signature_png=data.signature_png)
        story += [Spacer(1, 4 * mm), box]
    canvas = footer_canvas(document_id=data.document_id, digest=digest, note=FOOTER_NOTE, font=font,
                           qr_text=lambda page, pages: qr_text(data, digest, page, pages))
    doc.build(story, canvasmaker=canvas)
    if box is None or box.box is None:
        return SignableSheet(buffer.getvalue(), 0, (0.0, 0.0, 0.0, 0.0))
    return SignableSheet(buffer.getvalue(), box.page, box.box)

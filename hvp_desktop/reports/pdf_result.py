"""The consolidated result (汇总评审结果) as a PDF (issue 20): plain reportlab, no Qt, no store.

`result_data(view, panel, …)` turns a round's ranking (scoring/review.RoundRanking) into the plain
values the page prints (domain/result_report.ResultReport), in the words of the ranking workbook;
`render_result` lays them out on A4 landscape: the ranking with every expert's total, the
aggregate and how it is computed, the rule line drawn across the table, the flags with their
written explanations, the chair's decision at the line with its reason, and a signature section
where every panel seat has a box for its digital signature and a line for wet ink. Every page
carries page x of y, the document id, the SHA-256 of the data and a QR code (`pdf_pages`).

The signature fields are laid over the boxes by `sign_result` (the chair's) and `countersign`
(each member's, an incremental signature in the field prepared for them), so the chair's
signature stays valid under the members' and `pdf_sign.verify_pdf` checks each.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hvp_desktop.domain.result_report import PanelSigner, ResultReport, ResultRow
from hvp_desktop.reports.ranking_excel import (
    METHOD_NAMES,
    agreement_text,
    explanation_text,
    flag_text,
    line_label,
    line_status,
    row_method,
    status_text,
)
from hvp_desktop.scoring.aggregate import TRIM_FROM, Method

if TYPE_CHECKING:
    from hvp_desktop.scoring.review import RoundRanking

METHOD_RULES = {
    Method.MEAN: "各专家总分的算术平均，四舍五入保留两位小数",
    Method.TRIMMED_MEAN: f"有效评分表不少于{TRIM_FROM}份时去掉一个最高分和一个最低分后取算术平均"
                         f"（不足{TRIM_FROM}份时取算术平均），四舍五入保留两位小数",
    Method.MEDIAN: "各专家总分的中位数（偶数份时取中间两份的平均），四舍五入保留两位小数",
}
ROLE_WORDS = {"chair": "评审组组长", "member": "评审组成员"}


def result_data(view: RoundRanking, panel: Sequence[PanelSigner], *, round_uuid: str) -> ResultReport:
    """The page's values from the round's ranking and its panel (the chair first)."""
    a = view.analysis
    columns = sorted({e for r in a.rows for e in r.totals}, key=lambda e: (view.experts.get(e, ""), e))
    rows = []
    for r in a.rows:
        notes = [flag_text(view, f) for f in r.flags]
        if r.missing:
            notes.append("缺评分表：" + "、".join(view.experts.get(e, str(e)) for e in r.missing))
        if view.vetoed.get(r.application):
            notes.append("否决项：" + "、".join(view.vetoed[r.application]))
        if r.tied_at_line:
            notes.append("名额线处并列，待组长决定")
        if r.chair_placed:
            notes.append("组长决定")
        rows.append(ResultRow(
            rank=r.rank, enterprise_name=view.names.get(r.application, str(r.application)),
            totals=tuple(str(r.totals[e]) if e in r.totals else "" for e in columns), score=str(r.score),
            method=row_method(a.settings.method, len(r.totals)), range=str(r.range),
            status=line_status(a.line, r), inside=r.inside, notes=tuple(notes)))
    tie = ""
    if view.tie is not None:
        order = "、".join(view.names.get(x, str(x)) for x in view.tie.order)
        tie = f"组长决定的名次：{order}。理由：{view.tie.reason}" + ("" if view.tie.applies else "（该决定已不适用：分数已变动）")
    rubric = ""
    if view.rubric is not None:
        rubric = f"{view.rubric.title} {view.rubric.version}（摘要 {view.rubric.digest[:8]}）"
    return ResultReport(
        round_id=view.round_id, round_uuid=round_uuid, round_title=view.title, year=view.year, kind=view.kind,
        rubric=rubric, method=METHOD_NAMES[a.settings.method], method_rule=METHOD_RULES[a.settings.method],
        line=line_label(a.line), experts=tuple(view.experts.get(e, str(e)) for e in columns), rows=tuple(rows),
        inside_count=a.ranking.inside_count,
        without_sheets=tuple(view.names.get(x, str(x)) for x in a.without_sheets),
        explanations=tuple(explanation_text(view, f) for r in a.rows for f in r.flags),
        tie=tie, agreement=agreement_text(view), status=status_text(view), consolidated=view.locked,
        panel=tuple(panel), audit_head=view.audit_head,
    )


def report_digest(data: ResultReport) -> str:
    from hvp_desktop.reports.pdf_pages import digest_of, plain_data

    return digest_of(plain_data(data))


QR_PREFIX = "HVP-RESULT"
DIGEST_KEYWORD = "hvp-digest:"  # the data's SHA-256 in the signed bytes: ties the PDF to its result.json
FOOTER_NOTE = "汇总评审结果 · 数据摘要按文档数据的规范JSON计算"
SIGNER_WIDTH_MM = 78


@dataclasses.dataclass(frozen=True)
class RenderedResult:
    pdf: bytes
    seats: tuple[tuple[str, int, tuple[float, float, float, float]], ...]  # (field, page, box) per panel seat


def _info_table(data: ResultReport, st, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    from hvp_desktop.reports.pdf_pages import para

    rows = [("评审轮次", f"{data.round_title}（{data.year}年）"), ("评分表", data.rubric or "—"),
            ("计分方法", f"{data.method}：{data.method_rule}"), ("规则线", data.line),
            ("评审专家", "、".join(data.experts) or "—"), ("状态", data.status)]
    table = Table([[para(a, st["label"]), para(b, st["base"])] for a, b in rows], colWidths=[84, width - 84])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _ranking_table(data: ResultReport, st, width: float):
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, TableStyle

    from hvp_desktop.reports.pdf_pages import para

    experts = len(data.experts)
    fixed = [11 * mm, 62 * mm, 17 * mm, 14 * mm, 17 * mm]  # rank, name | score, range, status
    notes_width = 62 * mm
    expert_width = max(11 * mm, (width - sum(fixed) - notes_width) / max(experts, 1))
    notes_width = width - sum(fixed) - expert_width * experts
    widths = [fixed[0], fixed[1], *([expert_width] * experts), fixed[2], fixed[3], fixed[4], notes_width]
    head = [para(t, st["head"]) for t in ("名次", "申报单位", *data.experts, "汇总得分", "极差", "结果", "说明")]
    rows = [head]
    for r in data.rows:
        rows.append([para(str(r.rank), st["num"]), para(r.enterprise_name, st["base"]),
                     *(para(t, st["num"]) for t in r.totals), para(r.score, st["num"]), para(r.range, st["num"]),
                     para(r.status, st["num"]), para("；".join(r.notes), st["small"])])
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if 0 < data.inside_count <= len(data.rows):  # the rule line under the last row inside it
        style.append(("LINEBELOW", (0, data.inside_count), (-1, data.inside_count), 2, colors.HexColor("#c00000")))
    for index, r in enumerate(data.rows, start=1):
        if r.inside:
            style.append(("BACKGROUND", (-2, index), (-2, index), colors.HexColor("#e8f3e8")))
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _seat_cells(seat: PanelSigner, st, font: str, box_width: float):
    """A seat's digital signature box and, beside it, the line for its wet-ink signature."""
    from hvp_desktop.reports.pdf_pages import para, signer_box

    role = ROLE_WORDS.get(seat.role, seat.role)
    lines = [f"签名人：{seat.name}", f"身份：{role}"]
    if seat.organisation:
        lines.append(f"单位：{seat.organisation}")
    box = signer_box(lines, font=font, width=box_width, title="数字签名栏（PAdES）")
    ink = para(f"{seat.name}（{role}）\n手写签名：\n\n________________\n\n日期：____年__月__日", st["base"])
    return box, ink


def _seat_rows(seats: Sequence[PanelSigner], st, font: str, width: float) -> tuple[list, list]:
    """Two seats a row; the flowables, and each seat with its box (which notes where it was drawn)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    half = width / 2
    box_width = SIGNER_WIDTH_MM * mm
    rows, boxes = [], []
    for start in range(0, len(seats), 2):
        cells = []
        for seat in seats[start:start + 2]:
            box, ink = _seat_cells(seat, st, font, box_width)
            boxes.append((seat, box))
            cells += [box, ink]
        cells += [""] * (4 - len(cells))
        table = Table([cells], colWidths=[box_width + 3 * mm, half - box_width - 3 * mm] * 2)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName)]))
        rows.append(table)
    return rows, boxes


def render_result(data: ResultReport) -> RenderedResult:
    """The consolidated result as PDF bytes (the same data gives the same bytes) and where each
    panel seat's signature box is, for `pdf_sign.sign_pdf`'s fields."""
    import io

    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    from hvp_desktop.reports import pdf_fonts
    from hvp_desktop.reports.pdf_pages import document, footer_canvas, para, qr_payload, styles

    font = pdf_fonts.register()
    st = styles(font)
    digest = report_digest(data)
    buffer = io.BytesIO()
    doc = document(buffer, font=font, title=f"汇总评审结果 {data.round_title}", subject=data.document_id,
                   keywords=f"{DIGEST_KEYWORD}{digest}", landscape=True)
    width = doc.width
    story = [para("汇总评审结果", st["title"])]
    if not data.consolidated:
        story.append(para("未汇总：本结果可能变动，仅供预览，不能签署", st["section"]))
    story += [_info_table(data, st, width), Spacer(1, 4 * mm), _ranking_table(data, st, width)]
    if data.inside_count:
        story.append(para(f"表中红线为{data.line}：线上{data.inside_count}家。", st["small"]))
    if data.without_sheets:
        story.append(para("尚无已提交评分表（未列入排名）：" + "、".join(data.without_sheets), st["small"]))
    story.append(Spacer(1, 3 * mm))
    if data.explanations:
        story.append(para("偏离标记及书面说明", st["section"]))
        story += [para(f"{i}. {text}", st["base"]) for i, text in enumerate(data.explanations, start=1)]
        story.append(Spacer(1, 3 * mm))
    if data.tie:
        story += [para("名额线处并列的决定", st["section"]), para(data.tie, st["base"]), Spacer(1, 3 * mm)]
    story += [para(data.agreement, st["base"]), para(f"审计链头：{data.audit_head}", st["small"]), Spacer(1, 5 * mm)]
    heading = para("评审组签名（组长先签，成员会签；数字签名与手写签名均可）", st["section"])
    rows, boxes = _seat_rows(data.panel, st, font, width)
    for index, row in enumerate(rows):  # the heading never ends a page alone
        story += [KeepTogether([heading, Spacer(1, 2 * mm), row] if index == 0 else [row]), Spacer(1, 3 * mm)]
    canvas = footer_canvas(document_id=data.document_id, digest=digest, note=FOOTER_NOTE, font=font,
                           qr_text=lambda page, pages: qr_payload(QR_PREFIX, data.document_id, digest, page, pages))
    doc.build(story, canvasmaker=canvas)
    seats = tuple((seat.field, box.page, box.box) for seat, box in boxes if box.box is not None)
    return RenderedResult(buffer.getvalue(), seats)

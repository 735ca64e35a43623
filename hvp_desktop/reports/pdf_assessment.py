"""The on-site assessment report (现场核查报告) as a PDF (issue 20): plain reportlab, no Qt, no store.

`render_assessment_report(AssessmentReport) -> bytes` lays out, on A4 pages: the visit (round,
centre, date and time, place, who took part, the checklist with its version and digest), every
checklist item with its finding (status, the figure against its threshold, the expert's note, how
many files), the evidence (photos as thumbnails, PDF scans by name, an unreadable picture as a
placeholder), for a re-assessment each item of the rectification list before and after, the
expert's score sheet by 一级指标 and the outcome under R17/R18 with its consequence and the items
to rectify. Long tables go on over pages with their header row repeated.

Every page carries "第 x 页 共 y 页", the document id (the visit's uuid), the SHA-256 of the
document's data (`report_digest`: thumbnails by their SHA-256) and a QR code holding the three
(`pdf_pages`). The same data gives the same bytes.
"""

from __future__ import annotations

import io

from hvp_desktop.domain.assessment_report import AssessmentReport, EvidenceEntry, ItemRow
from hvp_desktop.reports import pdf_fonts
from hvp_desktop.reports.pdf_pages import (
    digest_of,
    document,
    footer_canvas,
    para,
    plain_data,
    qr_payload,
    styles,
)

__all__ = ["QR_PREFIX", "render_assessment_report", "report_digest"]

QR_PREFIX = "HVP-ASSESS"
FOOTER_NOTE = "现场核查报告 · 数据摘要按文档数据（图像以其摘要代替）的规范JSON计算"
# characters of a note per table row (~15 lines): a long note goes on in rows of its own, so a row
# never outgrows a page and a row that does not fit leaves little room unused at a page's foot
# (reportlab's splitInRow would split the row itself, but repeats the header row mid-page)
NOTE_CHUNK = 240
THUMBNAILS_PER_ROW = 4
STATUS_COLOURS = {"met": "#1b7f3b", "partly": "#a15c00", "not_met": "#b00020", "not_checked": "#666666"}
RED, GREY_HEAD, GREY_LABEL = "#b00020", "#dde4ee", "#f0f0f0"


def report_digest(data: AssessmentReport) -> str:
    """SHA-256 (hex) of the canonical JSON of the report's data (thumbnails by their SHA-256)."""
    return digest_of(plain_data(data))


def qr_text(data: AssessmentReport, digest: str, page: int, pages: int) -> str:
    """`HVP-ASSESS:<visit uuid>:<page>/<pages>:SHA256:<digest>`, upper case."""
    return qr_payload(QR_PREFIX, data.document_id, digest, page, pages)


# ------------------------------------------------------------------------------ layout helpers

def _styles(font: str) -> dict:
    from reportlab.lib.styles import ParagraphStyle

    st = styles(font)
    st["h2"] = ParagraphStyle("h2", parent=st["base"], fontSize=11.5, leading=16, spaceBefore=8, spaceAfter=4)
    st["red"] = ParagraphStyle("red", parent=st["base"], textColor=RED)
    st["small_grey"] = ParagraphStyle("small_grey", parent=st["small"], textColor="#555555")
    for key, colour in STATUS_COLOURS.items():
        st[f"status_{key}"] = ParagraphStyle(f"status_{key}", parent=st["num"], textColor=colour)
    st["passed"] = ParagraphStyle("passed", parent=st["base"], fontSize=11, leading=15, textColor="#1b7f3b")
    st["failed"] = ParagraphStyle("failed", parent=st["base"], fontSize=11, leading=15, textColor=RED)
    return st


def _grid(font: str, extra: list | None = None) -> list:
    from reportlab.lib import colors

    return [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("FONTNAME", (0, 0), (-1, -1), font),  # else empty cells name Helvetica (not embedded)
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *(extra or []),
    ]


def _chunks(text: str, size: int = NOTE_CHUNK) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)] or [""]


def _label_table(rows: list[tuple[str, str]], st, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table([[para(a, st["label"]), para(b, st["base"])] for a, b in rows], colWidths=[84, width - 84])
    table.setStyle(TableStyle(_grid(st["base"].fontName, [
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor(GREY_LABEL)), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])))
    return table


def _head_style(font: str, extra: list | None = None) -> list:
    from reportlab.lib import colors

    return _grid(font, [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(GREY_HEAD)), *(extra or [])])


# ------------------------------------------------------------------------------ the sections

def _visit_table(data: AssessmentReport, st, width: float):
    expert = data.expert_name + (f"（{data.expert_organisation}）" if data.expert_organisation else "")
    when = " ".join(p for p in (data.visited_on or "（未记录）", data.time_span) if p)
    checklist = f"{data.checklist_title} {data.checklist_version}（摘要 {data.checklist_digest[:8]}）"
    return _label_table([
        ("考核轮次", data.round_title),
        ("考核类别", data.assessment),
        ("建设单位", data.enterprise_name),
        ("统一社会信用代码", data.credit_code),
        ("核查日期", when),
        ("核查地点", data.place or "（未记录）"),
        ("核查专家", expert or "（未记录）"),
        ("核查组成员", data.panel_participants or "（未记录）"),
        ("企业参加人员", data.enterprise_participants or "（未记录）"),
        ("现场核查表", checklist),
    ], st, width)


def _item_cells(row: ItemRow, st) -> tuple[list, list]:
    """The title cell (title, carried-over mark, the criteria it informs) and the figure cell."""
    title = [para(row.title, st["base"])]
    small = []
    if row.carried:
        small.append("整改事项")
    if row.informs:
        small.append("对应评分指标 " + "、".join(row.informs))
    if small:
        title.append(para("；".join(small), st["small_grey"]))
    figure = []
    if row.figure:
        figure.append(para(row.figure, st["red"] if row.problem else st["num"]))
    if row.requirement:
        figure.append(para(f"要求：{row.requirement}", st["small_grey"]))
    return title, figure


def _findings_table(data: AssessmentReport, st, width: float):
    from reportlab.platypus import LongTable, TableStyle

    widths = [44, 106, 48, 48, 60, 0, 32]
    widths[5] = width - sum(widths)
    heads = ("编号", "检查项", "类型", "核查结论", "核查数值", "核查说明", "佐证")
    rows = [[para(h, st["head"]) for h in heads]]
    style = _head_style(st["base"].fontName)
    for row in data.items:
        title, figure = _item_cells(row, st)
        parts = _chunks(row.note)
        note = ([para(row.problem, st["red"])] if row.problem else []) + [para(parts[0], st["base"])]
        evidence = str(len(row.evidence)) if row.evidence else ""
        rows.append([para(f"{row.code}\n{row.rule}", st["base"]), title,
                     para(row.kind, st["red"] if row.veto else st["base"]),
                     para(row.status, st.get(f"status_{row.status_key}", st["num"])), figure, note,
                     para(evidence, st["num"])])
        for more in parts[1:]:  # a very long note goes on in rows of its own
            rows.append(["", para("（说明续）", st["small"]), "", "", "", para(more, st["base"]), ""])
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _picture(entry: EvidenceEntry, st, width: float, height: float):
    """A thumbnail scaled into width × height, or what stands for it: a PDF by name, a picture
    that could not be read as a placeholder (never a failed report)."""
    from reportlab.lib import colors
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image, Table, TableStyle

    if entry.thumbnail:
        try:
            iw, ih = ImageReader(io.BytesIO(entry.thumbnail)).getSize()
        except Exception:  # noqa: BLE001 (bytes no reader takes: the placeholder below)
            iw = ih = 0
        if iw and ih:
            scale = min(width / iw, height / ih)
            return Image(io.BytesIO(entry.thumbnail), iw * scale, ih * scale)
    if entry.media_type == "application/pdf":
        text, colour = "PDF 文件\n（未在报告中展开）", "#333333"
    elif entry.media_type.startswith("image/"):
        text, colour = "（图像无法读取）", RED
    else:
        text, colour = f"{entry.media_type}\n文件", "#333333"
    box = Table([[para(text, st["num"])]], colWidths=[width], rowHeights=[height * 0.6])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor(colour)),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f6f6")),
                             ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return box


def _evidence_table(data: AssessmentReport, st, width: float):
    """Every file of the visit in a grid, item by item, each captioned with its item and name."""
    from reportlab.platypus import LongTable, TableStyle

    entries = [(row.code, e) for row in data.items for e in row.evidence]
    if not entries:
        return para("本次核查未附佐证材料。", st["base"])
    cell = width / THUMBNAILS_PER_ROW
    rows = [[para("佐证材料（照片为缩略图；原件存于工作文件，以其SHA-256为凭）", st["head"])]
            + [""] * (THUMBNAILS_PER_ROW - 1)]
    for start in range(0, len(entries), THUMBNAILS_PER_ROW):  # a row of thumbnails never outgrows a page
        chunk = entries[start:start + THUMBNAILS_PER_ROW]
        cells = [[_picture(e, st, cell - 10, 80), para(f"{code} {e.filename}（{e.size}）", st["small"]),
                  para(f"SHA-256 {e.sha256[:12]}…", st["small_grey"])] for code, e in chunk]
        rows.append(cells + [""] * (THUMBNAILS_PER_ROW - len(cells)))
    table = LongTable(rows, colWidths=[cell] * THUMBNAILS_PER_ROW, repeatRows=1)
    table.setStyle(TableStyle(_head_style(st["base"].fontName, [("SPAN", (0, 0), (-1, 0))])))
    return table


def _before_after_table(data: AssessmentReport, st, width: float):
    from reportlab.platypus import LongTable, TableStyle

    before = "整改前" + (f"（{data.before_visited_on}）" if data.before_visited_on else "")
    after = "整改后" + (f"（{data.visited_on}）" if data.visited_on else "")
    widths = [40, 120, 0, 0]
    widths[2] = widths[3] = (width - 160) / 2
    rows = [[para(h, st["head"]) for h in ("编号", "检查项", before, after)]]
    for row in data.before_after:
        befores, afters = _chunks(row.before), _chunks(row.after)
        for n in range(max(len(befores), len(afters))):  # long notes go on in rows of their own
            head = [para(row.code, st["base"]), para(row.title, st["base"])] if n == 0 \
                else ["", para("（续）", st["small"])]
            rows.append([*head, para(befores[n] if n < len(befores) else "", st["base"]),
                         para(afters[n] if n < len(afters) else "", st["base"])])
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(_head_style(st["base"].fontName)))
    return table


def _scores_table(data: AssessmentReport, st, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    rows = [[para(h, st["head"]) for h in ("一级指标", "分值", "得分")]]
    for row in data.scores:
        rows.append([para(f"{row.code} {row.title}", st["base"]), para(row.max_points, st["num"]),
                     para(row.subtotal, st["num"])])
    rows.append([para("合计", st["section"]), para(data.max_total, st["num"]), para(data.total, st["num"])])
    table = Table(rows, colWidths=[width - 120, 60, 60], repeatRows=1)
    table.setStyle(TableStyle(_head_style(st["base"].fontName, [
        ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor(GREY_HEAD))])))
    return table


def _outcome(data: AssessmentReport, st, width: float) -> list:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    if data.passed is None:
        lines = [para("尚无考核结论：该专家尚未填写年度考核专家打分表，且未发现不符合的否决项。", st["base"])]
    else:
        lines = [para(f"{data.consequence}（{data.rule}）", st["passed"] if data.passed else st["failed"]),
                 para(data.outcome, st["base"])]
        if data.vetoed:
            lines.append(para(f"否决项不符合：{'、'.join(data.vetoed)}（不论得分，考核不合格）", st["red"]))
        if data.rectification_head:
            lines.append(para(data.rectification_head + "：", st["section"]))
            lines += [para(f"{n}. {text}", st["base"]) for n, text in enumerate(data.rectification, start=1)]
            if not data.rectification:
                lines.append(para("—", st["base"]))
    lines.append(para("本结论按本次现场核查和该专家的专家打分表得出；考核结果以确认评审结果为准。", st["small_grey"]))
    box = Table([[lines]], colWidths=[width])
    colour = "#888888" if data.passed is None else ("#1b7f3b" if data.passed else RED)
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.HexColor(colour)),
                             ("FONTNAME", (0, 0), (-1, -1), st["base"].fontName),
                             ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return [box]


def _signing(data: AssessmentReport, st, width: float):
    return _label_table([
        ("核查专家签字", ""),
        ("日期", ""),
        ("审计链头", data.audit_head),
    ], st, width)


# ------------------------------------------------------------------------------ the document

def render_assessment_report(data: AssessmentReport) -> bytes:
    """The report as PDF bytes; the same data gives the same bytes."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

    font = pdf_fonts.register()
    st = _styles(font)
    digest = report_digest(data)
    buffer = io.BytesIO()
    doc = document(buffer, font=font, title=f"现场核查报告 {data.enterprise_name} {data.expert_name}",
                   author=data.expert_name, subject=data.document_id)
    width = doc.width
    numbers = iter("一二三四五六七八")

    def heading(text: str, room: float = 30) -> list:
        """A numbered heading, on a new page when less than `room` mm are left: never a heading alone."""
        return [CondPageBreak(room * mm), para(f"{next(numbers)}、{text}", st["h2"])]

    story = [para(f"{data.assessment}现场核查报告", st["title"]), *heading("核查基本情况"),
             _visit_table(data, st, width)]
    story += [*heading("现场核查情况"), _findings_table(data, st, width), Spacer(1, 2 * mm),
              para(f"核查结果：{data.counts}。", st["base"])]
    if data.vetoed:
        story.append(para(f"否决项不符合：{'、'.join(data.vetoed)}。", st["red"]))
    if data.before_after:
        story += [*heading("整改前后对照"), _before_after_table(data, st, width)]
    story += [*heading("佐证材料", room=60), _evidence_table(data, st, width)]
    scores = [para(f"专家打分表：{data.sheet_state}", st["base"]), Spacer(1, 2 * mm),
              _scores_table(data, st, width)] if data.sheet_state else \
        [para("尚无专家打分表：考核得分以该专家的年度考核专家打分表为准。", st["base"])]
    story += [*heading("评分情况"), KeepTogether(scores)]
    story += [*heading("考核结论"), *_outcome(data, st, width), Spacer(1, 6 * mm),
              KeepTogether([_signing(data, st, width)])]
    canvas = footer_canvas(document_id=data.document_id, digest=digest, note=FOOTER_NOTE, font=font,
                           qr_text=lambda page, pages: qr_text(data, digest, page, pages))
    doc.build(story, canvasmaker=canvas)
    return buffer.getvalue()

"""The hand-over slips of a round's expert packages (issue 21): plain reportlab, no Qt, no store.

`render_handover_slips(round_, slips) -> bytes` lays out one A4 page per expert: the round, the
expert, the package's file name and what it holds, the one-time passphrase large, one character
to a fixed cell in its groups of four (a monospace look in the shipped CJK font, so nothing is
mistaken for a look-alike), the panel root's short fingerprint the expert compares with what the
app shows, how to open the package, and lines for handed over by / received by / date.

The passphrase is printed here and shown once in the app; it is stored nowhere. Chinese first,
an English line under each (as the other reports). The font is the shipped WenQuanYi Zen Hei,
embedded as a subset (`pdf_fonts`). No digest or QR code of the page: it would be a hash of the
passphrase.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from hvp_desktop.reports import pdf_fonts
from hvp_desktop.reports.pdf_pages import MARGIN_MM, TOP_MM, para, styles

__all__ = ["HandoverRound", "HandoverSlip", "render_handover_slips"]

ROUND_EN = {"recognition": "{year} recognition review", "year1": "{year} year-1 assessment",
            "year2": "{year} year-2 assessment (final acceptance)",
            "rectification": "{year} re-assessment after rectification"}
ROUND_ZH = {"recognition": "{year}年度认定评审", "year1": "{year}年度第一年考核", "year2": "{year}年度第二年考核（验收）",
            "rectification": "{year}年度整改后复核"}

INSTRUCTIONS = (
    ("在自己的笔记本上启动 hvp-desktop，选择“文件 → 打开专家数据包…”，选中上面名称的数据包文件（.hvpkg）。",
     "Start hvp-desktop on your laptop, choose File → Open expert package…, and choose the package file named above."),
    ("输入上面的一次性口令（不区分大小写，空格与短横线可输可不输），再为自己的工作文件设定密码。",
     "Type the one-time passphrase above (case, spaces and dashes do not matter), then set a password for your own "
     "working file."),
    ("核对程序显示的专家组根证书指纹与本单一致；不一致时请停止，并联系秘书处。",
     "Check that the panel root fingerprint the app shows matches this slip; if it does not, stop and call the "
     "secretariat."),
    ("本单与存放数据包的U盘分开保管、分开传递；数据包打开后即销毁本单。口令只印在本单上，秘书处不保存。",
     "Keep this slip apart from the USB stick that carries the package; destroy it once the package is opened. The "
     "passphrase is printed only here: the secretariat does not keep it."),
)


@dataclass(frozen=True)
class HandoverRound:
    year: int
    kind: str  # recognition, year1, year2, rectification
    title: str = ""  # the stored (Chinese) title; the kind's name when empty

    @property
    def zh(self) -> str:
        return self.title or ROUND_ZH.get(self.kind, "{year} " + self.kind).format(year=self.year)

    @property
    def en(self) -> str:
        return ROUND_EN.get(self.kind, "{year} " + self.kind).format(year=self.year)


@dataclass(frozen=True)
class HandoverSlip:
    expert_name: str
    package_file: str  # the file's name (no folder)
    passphrase: str  # as made: groups of four joined by "-"
    root_fingerprint: str  # the short one (16 hex digits in groups of four)
    applications: int
    documents: int


def _groups(passphrase: str) -> list[str]:
    plain = "".join(ch for ch in passphrase.upper() if ch.isalnum())
    return [plain[i:i + 4] for i in range(0, len(plain), 4)]


def _mono(text_groups: list[str], *, font: str, size: float, cell: float, gap: float, dash: bool):
    """A flowable drawing `text_groups` one character to a cell of `cell` points (a monospace
    look in a proportional font), the groups `gap` apart, a thin dash between them if `dash`."""
    from reportlab.platypus import Flowable

    width = sum(len(g) for g in text_groups) * cell + gap * max(len(text_groups) - 1, 0)
    height = size * 1.35

    class Mono(Flowable):
        def wrap(self, _aw, _ah):
            return width, height

        def draw(self) -> None:
            c = self.canv
            c.saveState()
            c.setFont(font, size)
            x = 0.0
            for n, group in enumerate(text_groups):
                if n and dash:
                    c.setLineWidth(max(size / 14, 0.8))
                    c.line(x - gap * 0.68, height * 0.42, x - gap * 0.32, height * 0.42)
                for ch in group:
                    c.drawCentredString(x + cell / 2, size * 0.3, ch)
                    x += cell
                x += gap
            c.restoreState()

    flowable = Mono()
    flowable.hAlign = "CENTER"
    return flowable


def _slip_story(round_: HandoverRound, slip: HandoverSlip, s: dict, font: str, prepared_on: str) -> list:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, Table, TableStyle

    width = (210 - 2 * MARGIN_MM) * mm
    story = [para("专家数据包交接单", s["title"]), para("Expert package hand-over slip", s["subtitle"]), Spacer(1, 5 * mm)]

    def label(zh: str, en: str):
        return [para(zh, s["label_zh"]), para(en, s["en"])]

    rows = [
        (label("评审轮次", "Round"), [para(round_.zh, s["value"]), para(round_.en, s["en"])]),
        (label("专家", "Expert"), [para(slip.expert_name, s["value"])]),
        (label("数据包文件", "Package file"), [para(slip.package_file, s["value"])]),
        (label("内容", "Contents"), [para(f"{slip.applications} 项申报，{slip.documents} 份申报材料", s["value"]),
                                  para(f"{slip.applications} application(s), {slip.documents} document(s)", s["en"])]),
        (label("交付日期", "Prepared on"), [para(prepared_on, s["value"])]),
    ]
    table = Table([list(r) for r in rows], colWidths=[38 * mm, width - 38 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, colors.HexColor("#bbbbbb")),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    story += [table, Spacer(1, 6 * mm)]

    passphrase = _mono(_groups(slip.passphrase), font=font, size=24, cell=6.2 * mm, gap=6 * mm, dash=True)
    fingerprint = _mono(slip.root_fingerprint.split(), font=font, size=15, cell=4.6 * mm, gap=5 * mm, dash=False)
    box = Table([
        [para("一次性口令", s["box_head"])],
        [para("One-time passphrase — to open the package once; letters and digits, never 0, O, 1, I or L",
              s["box_en"])],
        [passphrase],
        [Spacer(1, 3 * mm)],
        [para("专家组根证书指纹（与程序显示的核对）", s["box_head_small"])],
        [para("Panel root fingerprint — compare it with what the app shows", s["box_en"])],
        [fingerprint],
    ], colWidths=[width])
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor("#203060")),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f4f6fb")),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, 0), 8), ("BOTTOMPADDING", (0, 2), (-1, 2), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]))
    story += [box, Spacer(1, 6 * mm), para("打开步骤", s["section"]), para("How to open it", s["en"]),
              Spacer(1, 1.5 * mm)]
    steps = [[para(f"{n}.", s["value"]), [para(zh, s["value"]), para(en, s["en"])]]
             for n, (zh, en) in enumerate(INSTRUCTIONS, start=1)]
    steps_table = Table(steps, colWidths=[7 * mm, width - 7 * mm])
    steps_table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                                     ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 0),
                                     ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
    story += [steps_table, Spacer(1, 9 * mm)]

    line = "_" * 18
    sign = Table([
        [para("交付人（秘书处）", s["value"]), para(line, s["value"]), para("签收人（专家）", s["value"]),
         para(line, s["value"])],
        [para("Handed over by (secretariat)", s["en"]), "", para("Received by (expert)", s["en"]), ""],
        [Spacer(1, 5 * mm), "", "", ""],
        [para("日期", s["value"]), para(line, s["value"]), para("", s["value"]), ""],
        [para("Date", s["en"]), "", "", ""],
    ], colWidths=[44 * mm, width / 2 - 44 * mm, 34 * mm, width / 2 - 34 * mm])
    sign.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                              ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    story.append(sign)
    return story


def render_handover_slips(round_: HandoverRound, slips: list[HandoverSlip], *,
                          prepared_on: date | str | None = None) -> bytes:
    """The slips, one A4 page each, in the order given."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    font = pdf_fonts.register()
    base = styles(font)
    grey = "#555555"
    s = {
        "title": base["title"],
        "subtitle": ParagraphStyle("subtitle", parent=base["base"], fontSize=10, leading=13, alignment=1,
                                   textColor=grey),
        "label_zh": ParagraphStyle("label_zh", parent=base["base"], fontSize=10.5, leading=14),
        "value": ParagraphStyle("value", parent=base["base"], fontSize=10.5, leading=14),
        "en": ParagraphStyle("en", parent=base["base"], fontSize=8, leading=10.5, textColor=grey),
        "section": ParagraphStyle("section", parent=base["base"], fontSize=12, leading=16),
        "box_head": ParagraphStyle("box_head", parent=base["base"], fontSize=13, leading=17, alignment=1),
        "box_head_small": ParagraphStyle("box_head_small", parent=base["base"], fontSize=10.5, leading=14,
                                         alignment=1),
        "box_en": ParagraphStyle("box_en", parent=base["base"], fontSize=8, leading=10.5, alignment=1,
                                 textColor=grey),
    }
    when = prepared_on.isoformat() if isinstance(prepared_on, date) else (prepared_on or date.today().isoformat())
    total = len(slips)

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColorRGB(0.35, 0.35, 0.35)
        canvas.drawString(MARGIN_MM * mm, 10 * mm, f"{round_.zh} · 专家数据包交接单 · hvp-desktop")
        canvas.drawRightString(A4[0] - MARGIN_MM * mm, 10 * mm, f"第 {doc.page} 页 共 {total} 页")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN_MM * mm, rightMargin=MARGIN_MM * mm,
                            topMargin=TOP_MM * mm, bottomMargin=18 * mm, title=f"专家数据包交接单 {round_.zh}",
                            subject="Expert package hand-over slips", creator="hvp-desktop", invariant=1,
                            initialFontName=font)
    story: list = []
    for n, slip in enumerate(slips):
        if n:
            story.append(PageBreak())
        story += _slip_story(round_, slip, s, font, when)
    if not story:
        story.append(para("（没有数据包）/ (no package)", s["value"]))
    from reportlab.pdfgen.canvas import Canvas

    class FontCanvas(Canvas):  # else every page names Helvetica (not embedded)
        def __init__(self, *args, **kwargs) -> None:
            kwargs.setdefault("initialFontName", font)
            super().__init__(*args, **kwargs)

    doc.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=FontCanvas)
    return buffer.getvalue()

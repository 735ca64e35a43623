"""The page furniture every PDF report shares (issue 20): plain reportlab, no Qt, no store.

- `digest_of(plain)`: the SHA-256 of a document's data (canonical JSON), printed on every page;
  `plain_data(report)` turns a report's dataclass into that data (images by their SHA-256);
- `qr_payload` / `qr_modules`: the QR code of a page, `<PREFIX>:<document id>:<page>/<pages>:SHA256:<digest>`;
- `footer_canvas(...)`: a canvas class that stamps every page with "第 x 页 共 y 页", the document
  id, the digest, a line naming the document and the QR code (the page total is known only at
  the end, so pages are kept until `save`);
- `document(...)`: an A4 `SimpleDocTemplate` with the standard margins in invariant mode (no
  creation date, a fixed file id: the same data gives the same bytes);
- `styles(font)` / `para(text, style)`: the paragraph styles and an escaping paragraph helper;
- `signer_box(...)`: the framed block a visible digital signature is laid over (name, role,
  time, the drawn signature), which notes the page and box where it was drawn.

The reports (`pdf_sheet`, `pdf_assessment`, …) lay out their own content between these.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Sequence
from typing import NamedTuple
from xml.sax.saxutils import escape

__all__ = ["FOOTER_SPACE_MM", "MARGIN_MM", "QrModules", "SignerBox", "digest_of", "document", "footer_canvas",
           "para", "plain_data", "qr_modules", "qr_payload", "signer_box", "styles"]

MARGIN_MM = 18  # left and right; the footer's text and QR code align on them
TOP_MM = 16
FOOTER_SPACE_MM = 36  # the bottom margin: the footer's 20 mm QR code and its rule sit in it
QR_SIZE_MM = 20
FOOTER_BASE_MM = 10
SIGNER_BOX_HEIGHT = 30  # mm, room for three lines and the drawn signature


def plain_data(data) -> dict:
    """A report's dataclass as its digest reads it: every bytes value (a thumbnail, a drawn
    signature) replaced by "sha256:<hex>" of it, and the document id added."""
    import dataclasses

    def walk(value):
        if isinstance(value, bytes):
            return "sha256:" + hashlib.sha256(value).hexdigest()
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [walk(v) for v in value]
        return value

    plain = walk(dataclasses.asdict(data))
    plain["document_id"] = data.document_id
    return plain


def digest_of(plain: dict) -> str:
    """SHA-256 (hex) of the canonical JSON of `plain` (sorted keys, no spaces, UTF-8 as is)."""
    text = json.dumps(plain, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def qr_payload(prefix: str, document_id: str, digest: str, page: int, pages: int) -> str:
    """`<PREFIX>:<document id>:<page>/<pages>:SHA256:<digest>`, upper case: QR's alphanumeric
    mode (5.5 bits a character, not 8) keeps the code at version 6, modules ~0.4 mm at 20 mm."""
    return f"{prefix}:{document_id}:{page}/{pages}:SHA256:{digest}".upper()


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


# ------------------------------------------------------------------------------ text

def styles(font: str) -> dict:
    """The paragraph styles of the reports; CJK word wrap (a line may break between any two hanzi)."""
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


def para(text: str, style):
    """A paragraph of plain text: markup characters escaped (names may hold `&` or `<`), newlines kept."""
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text).replace("\n", "<br/>"), style)


# ------------------------------------------------------------------------------ pages

def document(buffer, *, font: str, title: str, author: str = "", subject: str = "", keywords: str = "",
             landscape: bool = False):
    """An A4 document (portrait, or landscape for wide tables) with the reports' margins (the
    bottom one leaves room for the footer), in reportlab's invariant mode so the same story gives
    the same bytes."""
    from reportlab.lib import pagesizes
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(
        buffer, pagesize=pagesizes.landscape(pagesizes.A4) if landscape else pagesizes.A4,
        leftMargin=MARGIN_MM * mm, rightMargin=MARGIN_MM * mm, topMargin=TOP_MM * mm,
        bottomMargin=FOOTER_SPACE_MM * mm, title=title, author=author, subject=subject, creator="hvp-desktop",
        invariant=1, initialFontName=font, keywords=keywords,
    )


def footer_canvas(*, document_id: str, digest: str, note: str, qr_text: Callable[[int, int], str], font: str):
    """A canvas class (for `doc.build(..., canvasmaker=...)`) that keeps its pages until `save`,
    then stamps each with page x of y, `document_id`, `digest`, the line `note` (what the document
    is and how its digest is taken) and the QR code of `qr_text(page, pages)`."""
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
            left, right, base = MARGIN_MM * mm, width - MARGIN_MM * mm, FOOTER_BASE_MM * mm
            size = QR_SIZE_MM * mm
            self.saveState()
            self.setStrokeColorRGB(0.6, 0.6, 0.6)
            self.line(left, base + size + 2 * mm, right, base + size + 2 * mm)
            self.setFont(font, 9)
            self.drawString(left, base + 14 * mm, f"第 {page} 页 共 {pages} 页")
            self.setFont(font, 7.5)
            self.drawString(left, base + 9 * mm, f"文档编号：{document_id}")
            self.drawString(left, base + 4.5 * mm, f"SHA-256：{digest}")
            self.drawString(left, base, note)
            self._qr(qr_text(page, pages), right - size, base, size)
            self.restoreState()

    return FooterCanvas


def _page_index(canvas) -> int:
    """The 0-based page being drawn: the footer canvas counts the pages it keeps."""
    return len(getattr(canvas, "_kept", ()))


# ------------------------------------------------------------------------------ signer box

class SignerBox:
    """Where a signer box was drawn: `page` (0-based) and `box` (x1, y1, x2, y2 in PDF points), for
    the signature field laid over it. Both stay None until the document is built."""

    page: int | None = None
    box: tuple[float, float, float, float] | None = None


def signer_box(lines: Sequence[str], *, font: str, width: float, signature_png: bytes = b"",
               title: str = "数字签名（PAdES）"):
    """A framed block of `width` points: `title`, then `lines` (e.g. "签名人：…", "身份：…",
    "时间：…") on the left and the drawn signature (PNG/JPEG bytes, optional) on the right. The
    signature field has no appearance of its own (pyHanko draws no CJK stamp), so this block is
    what a reader sees. After `build`, the flowable's `page` and `box` say where it was drawn; a
    document may hold several (a chair and each member), each with its own."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Flowable

    height = max(SIGNER_BOX_HEIGHT, 19 + 5.5 * (len(lines) - 1)) * mm

    class SignerFlowable(Flowable, SignerBox):
        def wrap(self, _aw, _ah):
            return width, height

        def draw(self) -> None:
            c = self.canv
            x, y = c.absolutePosition(0, 0)
            self.page, self.box = _page_index(c), (x, y, x + width, y + height)
            c.saveState()
            c.setStrokeColorRGB(0.2, 0.3, 0.6)
            c.setLineWidth(0.8)
            c.rect(0, 0, width, height)
            c.setFillColorRGB(0, 0, 0)
            c.setFont(font, 10)
            c.drawString(4 * mm, height - 7 * mm, title)
            c.setFont(font, 9)
            for i, line in enumerate(lines):
                c.drawString(4 * mm, height - (13 + 5.5 * i) * mm, line)
            if signature_png:
                image = ImageReader(io.BytesIO(signature_png))
                iw, ih = image.getSize()
                scale = min(60 * mm / iw, (height - 6 * mm) / ih)
                c.drawImage(image, width - 4 * mm - iw * scale, 3 * mm, iw * scale, ih * scale, mask="auto")
            c.restoreState()

    return SignerFlowable()

"""The demo's files (issue 19): photos taken on site, scans and the applications' own documents.

Everything is drawn here, from a seed, so the demo holds the same bytes at every build and the
repository holds no binary: photos are Pillow drawings (a wall, a window, desks, shelves of
binders, a whiteboard) with grain and a soft focus, saved as JPEG as a phone would; a screenshot
is a PNG; a scan is a page image inside a PDF; 申报书, audit reports and the like are reportlab
PDFs in the built-in CID font STSong-Light (not embedded: PDF viewers substitute a system CJK
font). Neither Qt nor any font file is needed. A photo takes ~20 ms, a PDF ~10.
"""

from __future__ import annotations

import functools
import io
import math
import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PIL import Image, ImageDraw

PHOTO_SIZE = (640, 480)
Colour = tuple[int, int, int]

# -- photos -------------------------------------------------------------------------------------


def _rgb(rng: random.Random, base: Colour, spread: int = 12) -> Colour:
    return tuple(max(0, min(255, c + rng.randint(-spread, spread))) for c in base)  # type: ignore[return-value]


def _vertical(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], top: Colour, bottom: Colour) -> None:
    """A vertical gradient, one line per row (a wall lit from above, a sky)."""
    x0, y0, x1, y1 = box
    height = max(1, y1 - y0)
    for y in range(y0, y1):
        t = (y - y0) / height
        draw.line([(x0, y), (x1 - 1, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))


def _text_lines(draw: ImageDraw.ImageDraw, rng: random.Random, x: int, y: int, width: int, rows: int,
                step: int, colour: Colour, thickness: int = 2) -> None:
    """Lines of writing seen from a few metres: dark strokes of uneven length."""
    for i in range(rows):
        length = width if rng.random() < 0.7 else int(width * rng.uniform(0.3, 0.9))
        if i == rows - 1:
            length = int(width * rng.uniform(0.2, 0.6))
        draw.rectangle([x, y + i * step, x + length, y + i * step + thickness], fill=colour)


def _seal(draw: ImageDraw.ImageDraw, cx: int, cy: int, r: int, colour: Colour = (200, 30, 36)) -> None:
    """A round red company seal: two rings and a star."""
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=colour, width=max(2, r // 12))
    draw.ellipse([cx - r + r // 6, cy - r + r // 6, cx + r - r // 6, cy + r - r // 6], outline=colour, width=1)
    s = r // 3
    draw.polygon([(cx, cy - s), (cx + s * 0.3, cy - s * 0.3), (cx + s, cy - s * 0.3), (cx + s * 0.45, cy + s * 0.15),
                  (cx + s * 0.65, cy + s), (cx, cy + s * 0.5), (cx - s * 0.65, cy + s), (cx - s * 0.45, cy + s * 0.15),
                  (cx - s, cy - s * 0.3), (cx - s * 0.3, cy - s * 0.3)], fill=colour)


def _room(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, horizon: int) -> None:
    wall = _rgb(rng, (226, 218, 202))
    _vertical(draw, (0, 0, w, horizon), tuple(min(255, c + 14) for c in wall), wall)  # type: ignore[arg-type]
    floor = _rgb(rng, (150, 146, 140), 20)
    _vertical(draw, (0, horizon, w, h), floor, tuple(max(0, c - 40) for c in floor))  # type: ignore[arg-type]
    for x in range(-w, 2 * w, 90):  # floor tiles in perspective
        draw.line([(w // 2 + (x - w // 2) // 5, horizon), (x, h)], fill=tuple(max(0, c - 18) for c in floor))
    draw.rectangle([0, horizon - 6, w, horizon], fill=_rgb(rng, (120, 110, 96)))  # skirting
    draw.rectangle([0, 0, w, 18], fill=(238, 238, 236))  # ceiling edge
    for x in range(60, w, 220):
        draw.rectangle([x, 4, x + 110, 12], fill=(252, 252, 246))  # lights


def _office(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    horizon = int(h * 0.62)
    _room(draw, rng, w, h, horizon)
    wx = rng.randint(30, 90)  # a window with the sky and a building across the street
    draw.rectangle([wx, 50, wx + 220, 230], fill=(90, 90, 92))
    _vertical(draw, (wx + 6, 56, wx + 214, 224), (150, 190, 228), (214, 230, 240))
    draw.rectangle([wx + 120, 110, wx + 214, 224], fill=_rgb(rng, (176, 170, 160)))
    for yy in range(120, 220, 16):
        draw.line([(wx + 126, yy), (wx + 208, yy)], fill=(120, 140, 160), width=4)
    draw.line([(wx + 110, 56), (wx + 110, 224)], fill=(90, 90, 92), width=6)
    sx = rng.randint(330, 420)  # the department's sign on the wall
    draw.rectangle([sx, 70, sx + 170, 122], fill=(184, 150, 72))
    draw.rectangle([sx + 5, 75, sx + 165, 117], fill=(206, 174, 96))
    _text_lines(draw, rng, sx + 20, 86, 130, 2, 14, (96, 64, 20), 5)
    for i in range(rng.randint(2, 3)):  # desks with monitors
        x = 40 + i * 200 + rng.randint(-10, 10)
        top = horizon + 30 + i * 8
        draw.polygon([(x, top), (x + 190, top), (x + 215, top + 40), (x - 25, top + 40)], fill=_rgb(rng, (176, 140, 96)))
        draw.rectangle([x - 25, top + 40, x + 215, top + 50], fill=(120, 92, 60))
        draw.rectangle([x - 15, top + 50, x - 5, h], fill=(96, 96, 96))
        draw.rectangle([x + 195, top + 50, x + 205, h], fill=(96, 96, 96))
        mx = x + 50
        draw.rectangle([mx, top - 70, mx + 96, top - 8], fill=(30, 30, 34))
        _vertical(draw, (mx + 4, top - 66, mx + 92, top - 12), (70, 120, 190), (40, 80, 150))
        draw.rectangle([mx + 42, top - 8, mx + 54, top + 2], fill=(40, 40, 40))
        draw.rectangle([mx + 110, top + 6, mx + 150, top + 24], fill=(245, 245, 240))  # papers
    px = w - rng.randint(70, 120)  # a plant
    draw.rectangle([px, horizon + 40, px + 40, horizon + 90], fill=(140, 90, 60))
    for _ in range(14):
        a, b = px + 20 + rng.randint(-40, 40), horizon + 40 - rng.randint(20, 110)
        draw.ellipse([a - 14, b - 8, a + 14, b + 8], fill=_rgb(rng, (60, 120, 60), 25))


def _certificate(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    _vertical(draw, (0, 0, w, h), _rgb(rng, (214, 206, 190)), _rgb(rng, (170, 162, 148)))
    x0, y0 = rng.randint(70, 110), rng.randint(40, 60)
    x1, y1 = w - x0 + rng.randint(-10, 10), h - y0 + rng.randint(-10, 10)
    draw.rectangle([x0 + 8, y0 + 10, x1 + 8, y1 + 10], fill=(120, 112, 100))  # shadow
    draw.rectangle([x0, y0, x1, y1], fill=(128, 86, 40))  # the frame
    draw.rectangle([x0 + 14, y0 + 14, x1 - 14, y1 - 14], fill=(250, 246, 232))
    draw.rectangle([x0 + 26, y0 + 26, x1 - 26, y1 - 26], outline=(196, 160, 84), width=4)
    draw.rectangle([x0 + 34, y0 + 34, x1 - 34, y1 - 34], outline=(196, 160, 84), width=1)
    cx = (x0 + x1) // 2
    draw.ellipse([cx - 24, y0 + 46, cx + 24, y0 + 94], fill=(196, 40, 40))  # the emblem
    draw.ellipse([cx - 12, y0 + 58, cx + 12, y0 + 82], fill=(240, 200, 80))
    draw.rectangle([cx - 90, y0 + 108, cx + 90, y0 + 124], fill=(60, 40, 30))  # the title
    _text_lines(draw, rng, x0 + 70, y0 + 148, x1 - x0 - 140, 6, 20, (80, 70, 60), 3)
    _seal(draw, x1 - 120, y1 - 80, 36)
    _text_lines(draw, rng, x1 - 200, y1 - 60, 110, 2, 14, (80, 70, 60), 2)


def _whiteboard(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    _room(draw, rng, w, h, int(h * 0.9))
    x0, y0, x1, y1 = 50, 40, w - 50, int(h * 0.78)
    draw.rectangle([x0 - 6, y0 - 6, x1 + 6, y1 + 6], fill=(176, 178, 182))
    _vertical(draw, (x0, y0, x1, y1), (250, 251, 252), (232, 234, 238))
    draw.rectangle([x0 + 40, y1 + 6, x1 - 40, y1 + 16], fill=(150, 152, 156))  # the tray
    blue, red, black = (30, 70, 170), (190, 40, 40), (40, 40, 46)
    boxes = rng.randint(4, 5)  # a process drawn in marker: boxes, arrows, notes
    width = (x1 - x0 - 60) // boxes
    for i in range(boxes):
        bx = x0 + 30 + i * width
        by = y0 + 60 + (40 if i % 2 else 0)
        draw.rectangle([bx, by, bx + width - 40, by + 70], outline=blue, width=3)
        _text_lines(draw, rng, bx + 10, by + 16, width - 60, 3, 16, blue, 2)
        if i < boxes - 1:
            ay = by + 35
            draw.line([(bx + width - 40, ay), (bx + width - 4, ay)], fill=black, width=3)
            draw.polygon([(bx + width - 4, ay), (bx + width - 14, ay - 6), (bx + width - 14, ay + 6)], fill=black)
    draw.ellipse([x0 + 30 + width, y0 + 44, x0 + 30 + 2 * width - 30, y0 + 190], outline=red, width=3)
    _text_lines(draw, rng, x0 + 40, y0 + 220, x1 - x0 - 300, 5, 22, black, 2)
    for i in range(3):  # sticky notes
        nx, ny = x1 - 220 + i * 64, y0 + 230 + rng.randint(-10, 40)
        draw.rectangle([nx, ny, nx + 54, ny + 54], fill=_rgb(rng, (250, 224, 100), 10))
        _text_lines(draw, rng, nx + 6, ny + 10, 40, 3, 12, (90, 80, 40), 1)


def _archive(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    _room(draw, rng, w, h, int(h * 0.92))
    colours = [(30, 60, 130), (160, 40, 40), (40, 110, 70), (220, 200, 80), (50, 50, 56), (90, 140, 190)]
    x0, x1 = 40, w - 40
    draw.rectangle([x0 - 10, 20, x1 + 10, int(h * 0.92)], fill=(110, 112, 118))  # the cabinet
    shelf_h = (int(h * 0.92) - 40) // 4
    for row in range(4):
        y = 30 + row * shelf_h
        draw.rectangle([x0, y, x1, y + shelf_h - 12], fill=(56, 58, 62))
        x = x0 + 4
        run = rng.choice(colours)
        while x < x1 - 30:
            bw = rng.randint(22, 34)
            if rng.random() < 0.25:
                run = rng.choice(colours)
            top = y + rng.randint(4, 16)
            draw.rectangle([x, top, x + bw - 2, y + shelf_h - 14], fill=_rgb(rng, run, 14))
            draw.rectangle([x + 4, top + 14, x + bw - 6, top + 44], fill=(240, 238, 228))  # the label
            draw.line([(x + 7, top + 22), (x + bw - 9, top + 22)], fill=(70, 70, 70), width=2)
            draw.ellipse([x + bw // 2 - 5, y + shelf_h - 40, x + bw // 2 + 3, y + shelf_h - 32], fill=(20, 20, 20))
            x += bw
        draw.rectangle([x0, y + shelf_h - 14, x1, y + shelf_h - 4], fill=(150, 152, 158))


def _meeting(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    horizon = int(h * 0.55)
    _room(draw, rng, w, h, horizon)
    draw.rectangle([150, 40, w - 150, horizon - 40], fill=(30, 30, 34))  # the screen with a slide
    draw.rectangle([156, 46, w - 156, horizon - 46], fill=(248, 248, 250))
    draw.rectangle([156, 46, w - 156, 80], fill=(170, 30, 36))
    draw.rectangle([176, 56, 380, 70], fill=(250, 240, 240))
    _text_lines(draw, rng, 186, 100, 180, 4, 22, (60, 60, 70), 3)
    for i in range(5):  # a bar chart on the slide
        bh = rng.randint(30, 110)
        draw.rectangle([w - 330 + i * 30, horizon - 60 - bh, w - 310 + i * 30, horizon - 60], fill=(40, 90, 170))
    table = _rgb(rng, (110, 76, 50))
    draw.ellipse([60, horizon + 40, w - 60, h + 120], fill=table)
    draw.ellipse([70, horizon + 48, w - 70, h + 110], fill=tuple(min(255, c + 30) for c in table))
    for i in range(7):  # chairs, cups and papers round the table
        x = 90 + i * (w - 180) // 6
        draw.rounded_rectangle([x - 22, horizon + 2, x + 22, horizon + 46], 8, fill=(40, 40, 46))
        draw.rectangle([x - 14, horizon + 60 + (i % 2) * 8, x + 14, horizon + 80 + (i % 2) * 8], fill=(246, 246, 240))
        draw.ellipse([x + 18, horizon + 62, x + 28, horizon + 72], fill=(250, 250, 250))


def _screen(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    """A screenshot of the enterprise's IP information system: crisp, no grain (a PNG)."""
    draw.rectangle([0, 0, w, h], fill=(244, 246, 249))
    draw.rectangle([0, 0, w, 36], fill=(24, 62, 130))
    draw.rectangle([12, 12, 150, 24], fill=(230, 236, 248))
    draw.rectangle([0, 36, 130, h], fill=(236, 240, 246))
    for i in range(8):
        y = 56 + i * 34
        if i == 2:
            draw.rectangle([0, y - 8, 130, y + 20], fill=(210, 222, 242))
        draw.rectangle([16, y, 16 + rng.randint(60, 100), y + 10], fill=(70, 80, 100))
    for i, colour in enumerate([(52, 120, 220), (40, 170, 110), (240, 160, 40), (220, 70, 70)]):  # tiles
        x = 146 + i * 120
        draw.rectangle([x, 50, x + 108, 110], fill=(255, 255, 255), outline=(220, 224, 230))
        draw.rectangle([x + 10, 62, x + 60, 70], fill=(130, 136, 150))
        draw.rectangle([x + 10, 80, x + 10 + rng.randint(30, 70), 100], fill=colour)
    draw.rectangle([146, 124, w - 14, h - 14], fill=(255, 255, 255), outline=(220, 224, 230))  # a table
    cols = [150, 310, 410, 500, 570]
    draw.rectangle([147, 125, w - 15, 150], fill=(232, 238, 248))
    for row in range(12):
        y = 160 + row * 24
        for c, x in enumerate(cols):
            draw.rectangle([x + 8, y, x + 8 + rng.randint(30, [120, 70, 60, 50, 40][c]), y + 8], fill=(80, 86, 100))
        if row % 3 == 1:
            draw.rectangle([cols[-1] + 8, y - 2, cols[-1] + 52, y + 10], fill=(210, 240, 220))
        draw.line([(147, y + 16), (w - 15, y + 16)], fill=(236, 238, 242))


SCENES = {"office": _office, "certificate": _certificate, "whiteboard": _whiteboard, "archive": _archive,
          "meeting": _meeting}


def _grain(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Sensor noise from the seeded generator (Pillow's own noise is not seeded)."""
    return Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).convert("RGB")


@functools.cache
def _vignette(size: tuple[int, int]) -> Image.Image:
    return Image.radial_gradient("L").resize(size).point(lambda v: 255 - v * 70 // 255)


def photo(scene: str, seed: str, size: tuple[int, int] = PHOTO_SIZE, *, quality: int = 84) -> bytes:
    """A JPEG as taken on site: the scene drawn, a slight tilt (its interpolation softens the edges),
    grain, darker corners."""
    rng = random.Random(f"{scene}:{seed}")
    w, h = size
    image = Image.new("RGB", (w + 40, h + 40))
    SCENES[scene](ImageDraw.Draw(image), rng, w + 40, h + 40)
    image = image.rotate(rng.uniform(-2.5, 2.5), resample=Image.Resampling.BILINEAR)
    image = Image.blend(image.crop((20, 20, w + 20, h + 20)), _grain(size, rng), 0.07)
    image = Image.composite(image, Image.new("RGB", size), _vignette(size))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def screenshot(seed: str, size: tuple[int, int] = PHOTO_SIZE) -> bytes:
    """A PNG screenshot of a system screen (e.g. the IP information-management system, R8)."""
    image = Image.new("RGB", size)
    _screen(ImageDraw.Draw(image), random.Random(f"screen:{seed}"), *size)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def scan_image(seed: str, *, seal: bool = True, table: bool = False) -> bytes:
    """A scanned A4 page (JPEG, 85 dpi, greyish paper): a heading, lines of text, a table, a seal."""
    rng = random.Random(f"scan:{seed}")
    w, h = 700, 990  # A4 at 85 dpi
    image = Image.new("RGB", (w, h), _rgb(rng, (244, 242, 236), 4))
    draw = ImageDraw.Draw(image)
    draw.rectangle([w // 2 - 136, 93, w // 2 + 136, 112], fill=(40, 40, 40))
    draw.rectangle([w // 2 - 85, 127, w // 2 + 85, 136], fill=(90, 90, 90))
    y = 178
    for _ in range(rng.randint(3, 4) - table):
        _text_lines(draw, rng, 93, y, w - 186, rng.randint(3, 6), 25, (60, 60, 60), 3)
        y += 25 * 6 + 8
    if table:
        for r in range(7):
            draw.line([(93, y + r * 29), (w - 93, y + r * 29)], fill=(70, 70, 70), width=2)
            for c in range(4):
                draw.rectangle([110 + c * 128, y + r * 29 + 10, 110 + c * 128 + rng.randint(34, 94), y + r * 29 + 17],
                               fill=(70, 70, 70))
        for x in (93, 221, 349, 477, w - 93):
            draw.line([(x, y), (x, y + 6 * 29)], fill=(70, 70, 70), width=2)
    if seal:
        _seal(draw, w - 195, h - 195, 68, (210, 60, 60))
        _text_lines(draw, rng, w - 280, h - 170, 152, 2, 25, (50, 50, 50), 3)
    image = image.rotate(rng.uniform(-0.8, 0.8), resample=Image.Resampling.BILINEAR, fillcolor=(250, 250, 250))
    image = Image.blend(image, _grain((w, h), rng), 0.04)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


# -- PDFs ---------------------------------------------------------------------------------------

FONT = "STSong-Light"
_A4 = (595.27, 841.89)
_MARGIN = 72


def _canvas(out: io.BytesIO, title: str):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(out, pagesize=_A4, invariant=True)  # invariant: no date or random id, same bytes
    c.setTitle(title)
    c.setAuthor("hvp-desktop demo")
    return c


_NO_LINE_START = "，。、；：？！）》」』”"  # closing punctuation stays at the end of the line before


def _wrap(text: str, size: float, width: float) -> list[str]:
    """Lines of at most `width` points (CJK breaks between any two characters)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line, used = [], "", 0.0
    for ch in text:
        advance = stringWidth(ch, FONT, size)
        if used + advance > width and line and ch not in _NO_LINE_START:
            lines.append(line)
            line, used = ch.lstrip(), (advance if ch.strip() else 0.0)
        else:
            line, used = line + ch, used + advance
    return [*lines, line] if line else lines


class _Page:
    """A cursor down an A4 page: headings, paragraphs, tables, a seal; a new page when full."""

    def __init__(self, c, footer: str) -> None:
        self.c, self.footer, self.number = c, footer, 1
        self.y = _A4[1] - _MARGIN

    def need(self, height: float) -> None:
        if self.y - height < _MARGIN:
            self.end_page()
            self.y = _A4[1] - _MARGIN

    def end_page(self) -> None:
        c = self.c
        c.setFont(FONT, 9)
        c.setFillGray(0.35)
        c.drawCentredString(_A4[0] / 2, 40, f"{self.footer}　第 {self.number} 页")
        c.setFillGray(0)
        c.showPage()
        self.number += 1

    def heading(self, text: str, size: float = 14, centred: bool = False) -> None:
        self.need(size * 2.4 + 40)  # not alone at the foot of a page
        self.y -= size * 1.6
        self.c.setFont(FONT, size)
        if centred:
            self.c.drawCentredString(_A4[0] / 2, self.y, text)
        else:
            self.c.drawString(_MARGIN, self.y, text)
        self.y -= size * 0.5

    def paragraph(self, text: str, size: float = 10.5, indent: bool = True) -> None:
        width = _A4[0] - 2 * _MARGIN
        lines = _wrap(("　　" if indent else "") + text, size, width)
        for line in lines:
            self.need(size * 1.7)  # a new page starts in the default font: set it for each line
            self.c.setFont(FONT, size)
            self.y -= size * 1.7
            self.c.drawString(_MARGIN, self.y, line)
        self.y -= size * 0.4

    def table(self, rows: list[list[str]], widths: list[float], size: float = 10, header: bool = True) -> None:
        c, pad = self.c, 4
        total = sum(widths)
        for r, row in enumerate(rows):
            cells = [_wrap(str(text), size, w - 2 * pad) or [""] for text, w in zip(row, widths, strict=True)]
            height = max(len(lines) for lines in cells) * size * 1.45 + 2 * pad
            self.need(height)
            top = self.y
            if header and r == 0:
                c.setFillColorRGB(0.9, 0.92, 0.96)
                c.rect(_MARGIN, top - height, total, height, stroke=0, fill=1)
                c.setFillGray(0)
            c.setFont(FONT, size)
            x = _MARGIN
            for lines, w in zip(cells, widths, strict=True):
                for i, line in enumerate(lines):
                    c.drawString(x + pad, top - pad - size * (1.05 + 1.45 * i), line)
                c.rect(x, top - height, w, height, stroke=1, fill=0)
                x += w
            self.y = top - height
        self.y -= 10

    def seal(self, x: float, y: float, r: float = 38) -> None:
        c = self.c
        c.saveState()
        c.setStrokeColorRGB(0.8, 0.1, 0.12)
        c.setFillColorRGB(0.8, 0.1, 0.12)
        c.setLineWidth(2.5)
        c.circle(x, y, r, stroke=1, fill=0)
        c.setLineWidth(0.8)
        c.circle(x, y, r - 5, stroke=1, fill=0)
        star = c.beginPath()
        for i in range(10):
            angle = math.pi / 2 + i * math.pi / 5
            radius = r * (0.32 if i % 2 == 0 else 0.13)
            point = (x + radius * math.cos(angle), y + radius * math.sin(angle))
            (star.moveTo if i == 0 else star.lineTo)(*point)
        star.close()
        c.drawPath(star, stroke=0, fill=1)
        c.restoreState()


def yuan(value: Decimal | int) -> str:
    return f"{Decimal(value) / 10000:,.2f}万元".replace(".00万元", "万元")


def _yes(value: bool | None) -> str:
    return {True: "是", False: "否", None: "未填报"}[value]


@dataclass(frozen=True)
class Declared:
    """What an application declared, as its documents show it."""

    enterprise: str
    credit_code: str
    year: int
    contact: str
    phone: str
    applied_on: date
    ip_staff_count: int
    ip_budget_yuan: Decimal
    valid_invention_patents: int
    pct_applications: int
    co_applicants: tuple[str, ...] = ()
    iso56005: bool | None = True
    senior_executive_principal: bool | None = True
    independent_ip_department: bool | None = True


_TASKS = [
    ("（一）健全组织架构", "由企业高管担任中心主要负责人，设立独立的知识产权部门，配备专职知识产权工作人员{staff}人，"
     "明确研发、法务、市场部门在专利培育中的职责分工，建立月度例会与重大事项协商决策制度。"),
    ("（二）完善管理体系", "对标《创新管理—知识产权管理指南（ISO56005）》，建立并运行高价值专利培育和转化运用模式；"
     "每年投入知识产权工作经费不少于{budget}（不含人员薪酬），专款专用、单独建账。"),
    ("（三）加强信息利用", "建设知识产权信息化管理系统，持续收集专利与市场竞争信息，开展商业化技术需求分析和竞争态势分析，"
     "引导核心技术的专利挖掘与前瞻性布局。"),
    ("（四）提升创造质量", "建立专利导航、专利挖掘和申请前置评审制度，开展专利申请前评估，建立从研发源头至授权、驳回、"
     "撤回、终止的专利全生命周期流程档案，积极申报各级专利奖。"),
    ("（五）促进转化运用与保护", "与{partner}开展产学研合作，推动高价值专利产业化；探索知识产权质押融资，"
     "建立知识产权保护制度并与维权机构建立常态化沟通机制。"),
]


def application_pdf(d: Declared) -> bytes:
    """The 申报书: a cover, the declared figures in a table, the construction plan and targets."""
    out = io.BytesIO()
    c = _canvas(out, f"{d.enterprise} 高价值专利培育布局中心申报书")
    page = _Page(c, f"{d.enterprise} 申报书")
    page.y -= 90
    page.heading("广州开发区（黄埔区）", 18, centred=True)
    page.heading("高价值专利培育布局中心", 22, centred=True)
    page.y -= 20
    page.heading("申　报　书", 28, centred=True)
    page.y -= 90
    first = page.y - 30
    c.setFont(FONT, 13)
    for label, value in [("申报单位（盖章）", d.enterprise), ("统一社会信用代码", d.credit_code),
                         ("联合申报单位", "、".join(d.co_applicants) or "无"), ("联　系　人", d.contact),
                         ("联系电话", d.phone), ("申报日期", f"{d.applied_on.year}年{d.applied_on.month}月{d.applied_on.day}日")]:
        page.y -= 30
        c.drawString(_MARGIN + 30, page.y, f"{label}：")
        for i, line in enumerate(_wrap(value, 13, 260)):
            c.drawString(_MARGIN + 160, page.y - i * 18, line)
        c.line(_MARGIN + 156, page.y - 4, _MARGIN + 430, page.y - 4)
    page.seal(_MARGIN + 330, first + 2)  # stamped over the enterprise's name
    c.setFont(FONT, 12)
    c.drawCentredString(_A4[0] / 2, 120, "广州市黄埔区市场监督管理局（知识产权局）制")
    c.drawCentredString(_A4[0] / 2, 100, f"{d.year}年")
    c.showPage()

    page.y = _A4[1] - _MARGIN
    page.number = 2
    page.heading("一、申报单位基本情况")
    page.table([["项目", "申报内容", "证明材料"],
                ["单位名称", d.enterprise, "营业执照"],
                ["统一社会信用代码", d.credit_code, "营业执照"],
                ["注册地、税收及统计关系均在本区", "是", "完税证明、统计登记"],
                ["企业高管担任中心主要负责人", _yes(d.senior_executive_principal), "任命文件"],
                ["设立独立的知识产权部门", _yes(d.independent_ip_department), "机构设置文件"],
                ["专职知识产权工作人员", f"{d.ip_staff_count}人", "劳动合同、社保缴纳证明"],
                ["年度知识产权工作经费（不包含人员薪酬）", yuan(d.ip_budget_yuan), "专项审计报告"],
                ["有效发明专利", f"{d.valid_invention_patents}件", "专利证书、法律状态查询"],
                ["近三年PCT国际专利申请", f"{d.pct_applications}件", "受理通知书"],
                ["贯彻实施ISO56005", _yes(d.iso56005), "贯标文件或评价报告"]],
               [150, 180, 121])
    page.heading("二、联合申报单位")
    if d.co_applicants:
        for name in d.co_applicants:
            page.paragraph(f"{name}：签订产学研合作协议，共同承担核心技术专利挖掘与布局任务，合作期不少于两年。")
    else:
        page.paragraph("本中心由申报单位独立建设，无联合申报单位。")
    page.heading("三、建设方案")
    partner = d.co_applicants[0] if d.co_applicants else "区内高校、科研院所"
    for title, body in _TASKS:
        page.heading(title, 11.5)
        page.paragraph(body.format(staff=d.ip_staff_count, budget=yuan(d.ip_budget_yuan), partner=partner))
    page.heading("四、建设目标")
    base = d.valid_invention_patents
    page.table([["指标", "申报时", "第一年度", "第二年度"],
                ["有效发明专利（件）", str(base), str(base + max(6, base // 8)), str(base + max(14, base // 4))],
                ["PCT国际专利申请（件，当年）", str(max(1, d.pct_applications // 3)),
                 str(max(2, d.pct_applications // 3 + 2)), str(max(3, d.pct_applications // 3 + 5))],
                ["高价值专利转化运用（项）", "—", "2", "5"],
                ["知识产权工作经费（不含人员薪酬）", yuan(d.ip_budget_yuan), yuan(d.ip_budget_yuan),
                 yuan(d.ip_budget_yuan * Decimal("1.1"))]],
               [180, 90, 90, 91])
    page.heading("五、申报单位承诺")
    page.paragraph("本单位承诺所填报内容及所附材料真实、准确、完整，如有虚假，愿承担相应责任，并自愿接受区知识产权局的"
                   "监督检查和年度考核。")
    page.need(110)
    c.setFont(FONT, 11)
    c.drawString(_A4[0] - _MARGIN - 200, page.y - 40, "法定代表人（签字）：")
    c.drawString(_A4[0] - _MARGIN - 200, page.y - 70, "申报单位（盖章）")
    page.seal(_A4[0] - _MARGIN - 60, page.y - 60)
    page.end_page()
    c.save()
    return out.getvalue()


_AUDITORS = ["广东正中珠江会计师事务所（特殊普通合伙）", "立信会计师事务所（特殊普通合伙）广东分所",
             "广州羊城会计师事务所有限公司"]


def audit_pdf(d: Declared, seed: str, *, year: int | None = None, amount: Decimal | None = None) -> bytes:
    """A special audit of the year's IP work funding (salaries excluded), by category, one page."""
    rng = random.Random(f"audit:{seed}")
    year = year or d.year - 1
    amount = Decimal(amount if amount is not None else d.ip_budget_yuan)
    shares = [rng.uniform(0.8, 1.2) * s for s in (0.34, 0.16, 0.14, 0.1, 0.12, 0.08, 0.06)]
    parts = [(amount * Decimal(str(s / sum(shares)))).quantize(Decimal(100)) for s in shares]
    parts[-1] += amount - sum(parts)
    names = ["专利申请、授权及年费", "专利导航与竞争态势分析", "知识产权信息化系统建设与维护", "知识产权培训与交流",
             "维权保护与法律服务", "贯标及管理体系咨询", "专利奖申报与成果推介"]
    out = io.BytesIO()
    c = _canvas(out, f"{d.enterprise} {year}年度知识产权工作经费专项审计报告")
    page = _Page(c, "专项审计报告")
    firm = rng.choice(_AUDITORS)
    page.heading(f"{d.enterprise}", 13, centred=True)
    page.heading(f"{year}年度知识产权工作经费专项审计报告", 16, centred=True)
    c.setFont(FONT, 10)
    c.drawCentredString(_A4[0] / 2, page.y - 14, f"粤审字〔{year + 1}〕第{rng.randint(1000, 9999)}号")
    page.y -= 28
    page.paragraph(f"{d.enterprise}：", indent=False)
    page.paragraph(f"我们接受委托，对贵公司{year}年1月1日至{year}年12月31日知识产权工作经费的投入及使用情况进行了专项审计。"
                   "按照《高价值专利培育布局中心建设工作方案》的要求，本报告所列经费不包含人员薪酬。")
    page.paragraph("经审计，贵公司知识产权工作经费已单独建账、专款专用，相关支出凭证齐全，具体构成如下：")
    rows = [["序号", "支出类别", "金额（元）", "占比"]]
    for i, (name, part) in enumerate(zip(names, parts, strict=True), 1):
        rows.append([str(i), name, f"{part:,.2f}", f"{part / amount * 100:.1f}%"])
    rows.append(["", "合计（不含人员薪酬）", f"{amount:,.2f}", "100.0%"])
    page.table(rows, [40, 220, 110, 81])
    page.paragraph(f"审计意见：贵公司{year}年度知识产权工作经费投入{yuan(amount)}，在所有重大方面真实反映了经费的投入及使用情况。")
    page.need(140)
    c.setFont(FONT, 11)
    c.drawString(_MARGIN, page.y - 40, firm)
    c.drawString(_MARGIN, page.y - 64, "中国注册会计师：")
    c.drawString(_MARGIN + 220, page.y - 64, "中国注册会计师：")
    c.drawString(_A4[0] - _MARGIN - 120, page.y - 100, f"{year + 1}年3月{rng.randint(10, 28)}日")
    page.seal(_MARGIN + 150, page.y - 50, 40)
    page.end_page()
    c.save()
    return out.getvalue()


def report_pdf(title: str, enterprise: str, paragraphs: list[str], table: list[list[str]] | None = None,
               widths: list[float] | None = None, *, signed_on: date | None = None) -> bytes:
    """A short report of the centre's (a year's work summary, a rectification report)."""
    out = io.BytesIO()
    c = _canvas(out, f"{enterprise} {title}")
    page = _Page(c, title)
    page.heading(enterprise, 13, centred=True)
    page.heading(title, 16, centred=True)
    page.y -= 6
    for i, text in enumerate(paragraphs):
        if text.startswith("#"):
            page.heading(text.lstrip("# "), 12)
        else:
            page.paragraph(text)
        if table and i == 0:
            page.table(table, widths or [451 / len(table[0])] * len(table[0]))
    if signed_on:
        page.need(100)
        c.setFont(FONT, 11)
        c.drawString(_A4[0] - _MARGIN - 170, page.y - 40, f"{enterprise[:14]}（盖章）")
        c.drawString(_A4[0] - _MARGIN - 170, page.y - 64, f"{signed_on.year}年{signed_on.month}月{signed_on.day}日")
        page.seal(_A4[0] - _MARGIN - 90, page.y - 50)
    page.end_page()
    c.save()
    return out.getvalue()


def scan_pdf(title: str, pages: list[bytes]) -> bytes:
    """A scanner's PDF: each page one JPEG image, full page."""
    from reportlab import rl_config
    from reportlab.lib.utils import ImageReader

    out = io.BytesIO()
    a85, rl_config.useA85 = rl_config.useA85, 0  # binary streams: a quarter smaller, twice as fast
    try:
        c = _canvas(out, title)
        for jpeg in pages:
            c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=_A4[0], height=_A4[1])  # the JPEG as it is
            c.showPage()
        c.save()
    finally:
        rl_config.useA85 = a85
    return out.getvalue()

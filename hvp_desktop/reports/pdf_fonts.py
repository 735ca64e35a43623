"""The CJK font of the PDF reports (issue 20): WenQuanYi Zen Hei, shipped in `resources/fonts/`.

reportlab embeds TrueType (glyf) fonts only, as a subset of the glyphs a document uses; its
built-in `STSong-Light` is not embedded at all, so it is never used. The shipped file is subfont 0
of `wqy-zenhei.ttc` cut to Latin, punctuation, kana, CJK Unified Ideographs and Extension A
(rare name characters such as 㐀 or 䶮) — see the README (PDF reports) and the licence beside the file.
Registered once per process: parsing the 10 MB file takes a few hundred milliseconds.
"""

from __future__ import annotations

import threading

from hvp_desktop.resources import resource_path

FONT_NAME = "WQYZenHei"
FONT_FILE = ("resources", "fonts", "wqy-zenhei-cjk.ttf")

_lock = threading.Lock()
_registered = False


def register() -> str:
    """Register the font with reportlab (once per process); returns its name for styles."""
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if not _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(FONT_NAME, str(resource_path(*FONT_FILE))))
            _registered = True
    return FONT_NAME


def covers(text: str) -> list[str]:
    """The characters of `text` the font has no glyph for (a missing glyph prints as a box)."""
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(register()).face
    return sorted({ch for ch in text if not ch.isspace() and ord(ch) not in face.charToGlyph})

"""The page furniture every PDF report shares (reports/pdf_pages): the digest of a document's
data, and signer boxes that each note where they were drawn."""

from __future__ import annotations

import hashlib
import io

from hvp_desktop.reports import pdf_fonts
from hvp_desktop.reports.pdf_pages import digest_of, document, footer_canvas, para, qr_payload, signer_box, styles


def test_the_digest_is_the_sha256_of_canonical_json():
    plain = {"b": "黄埔", "a": [1, 2.5, None]}
    expected = hashlib.sha256('{"a":[1,2.5,null],"b":"黄埔"}'.encode()).hexdigest()
    assert digest_of(plain) == expected
    assert digest_of({"a": [1, 2.5, None], "b": "黄埔"}) == expected  # key order does not matter


def test_several_signer_boxes_each_note_their_own_page_and_box():
    from reportlab.platypus import PageBreak, Spacer

    font = pdf_fonts.register()
    st = styles(font)

    def build() -> tuple[bytes, list]:
        buffer = io.BytesIO()
        doc = document(buffer, font=font, title="合议结果")
        boxes = [signer_box([f"签名人：成员{i}", "身份：评审专家", "时间：2026-11-30 20:32"], font=font,
                            width=doc.width / 2) for i in range(3)]
        story = [para("合议结果", st["title"]), boxes[0], Spacer(1, 10), boxes[1], PageBreak(), boxes[2]]
        digest = digest_of({"x": 1})
        doc.build(story, canvasmaker=footer_canvas(
            document_id="doc-1", digest=digest, note="测试", font=font,
            qr_text=lambda page, pages: qr_payload("HVP-TEST", "doc-1", digest, page, pages)))
        return buffer.getvalue(), boxes

    pdf, boxes = build()
    assert [box.page for box in boxes] == [0, 0, 1]
    first, second = boxes[0].box, boxes[1].box
    assert first[1] > second[3]  # the second is drawn below the first
    assert all(box.box[2] - box.box[0] > 200 for box in boxes)
    assert build()[0] == pdf  # invariant: the same story gives the same bytes

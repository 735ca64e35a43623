"""The document viewer and the thumbnail strip (issue 19, deliverable 3): PDFs and images shown from
memory, pages by keyboard, per-page notes, damaged files, a 10 MB photo that never holds the GUI
thread, and no byte of a document on disk afterwards (a marker is looked for in the temp and cache
folders). Screenshots in English and Chinese go to tests/screens/ (or $HVP_SCREENS_DIR)."""

from __future__ import annotations

import io
import os
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QElapsedTimer, QIODevice, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QFont, QImage, QImageWriter, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hvp_desktop.gui import document_viewer as dv
from hvp_desktop.gui.document_viewer import DocumentViewer, ThumbnailStrip

ROOT = Path(__file__).resolve().parents[2]
SCREENS = Path(os.environ.get("HVP_SCREENS_DIR", ROOT / "tests" / "screens"))
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


# -- documents made in memory ---------------------------------------------------------------------

def png_bytes(marker: bytes, width: int = 480, height: int = 320) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#e8f0fe"))
    painter = QPainter(image)
    painter.fillRect(20, 20, width // 2, height // 2, QColor("#1a73e8"))
    painter.setPen(QColor("black"))
    painter.drawText(30, height - 30, "evidence photo")
    painter.end()
    return _encode(image, b"png", marker)


def _encode(image: QImage, fmt: bytes, marker: bytes, quality: int = -1) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, fmt)
    writer.setQuality(quality)
    writer.setText("Description", marker.decode())
    assert writer.write(image), writer.errorString()
    buffer.close()
    data = array.data()
    assert marker in data
    return data


def big_jpeg(marker: bytes) -> bytes:
    """A 4000×3000 photo of noise: over 10 MB, and ~0.2 s to decode."""
    image = QImage(os.urandom(4000 * 3000 * 4), 4000, 3000, QImage.Format.Format_RGB32).copy()
    data = _encode(image, b"jpeg", marker, quality=90)
    assert len(data) > 10_000_000
    return data


def pdf_bytes(marker: bytes, pages: int = 3) -> bytes:
    """A PDF with CJK text (WenQuanYi Zen Hei embedded, as the reports do), marker in its metadata."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", CJK_FONT, subfontIndex=0))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setTitle(marker.decode())
    for n in range(1, pages + 1):
        pdf.setFont("WQY", 22)
        pdf.drawString(72, 760, f"高价值专利培育布局中心 申报书 第 {n} 页")
        pdf.setFont("WQY", 12)
        for line in range(30):
            pdf.drawString(72, 720 - 20 * line, f"{n}.{line + 1}  知识产权管理体系建设情况 — page {n} of {pages}")
        pdf.showPage()
    pdf.save()
    data = out.getvalue()
    assert marker in data
    return data


@pytest.fixture
def marker():
    """A marker put in every document of the test; after it, no file in the temp or cache folders
    (or the XDG folders tests/conftest.py sets) written during the test holds it."""
    value = f"HVP-MARKER-{uuid.uuid4().hex[:24]}".encode()  # ≤ 40: PNG keeps it uncompressed
    started = time.time()
    yield value
    dv.wait_for_workers()
    assert _files_holding(value, started) == []


def _files_holding(marker: bytes, since: float) -> list[str]:
    roots = {tempfile.gettempdir(), os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
             os.environ.get("XDG_CONFIG_HOME", ""), os.environ.get("XDG_DATA_HOME", "")}
    found = []
    for root in filter(None, roots):
        for folder, _dirs, files in os.walk(root):
            for name in files:
                path = os.path.join(folder, name)
                try:
                    st = os.lstat(path)
                    if not os.path.isfile(path) or os.path.islink(path) or st.st_mtime < since - 2:
                        continue
                    with open(path, "rb") as f:
                        tail = b""
                        while chunk := f.read(1 << 22):
                            if marker in tail + chunk:
                                found.append(path)
                                break
                            tail = chunk[-len(marker):]
                except OSError:
                    continue
    return found


def test_the_marker_scan_finds_a_marker_on_disk():
    """The scan itself works: a file written in the temp folder with a marker is found."""
    value = f"HVP-PROBE-{uuid.uuid4().hex[:24]}".encode()
    started = time.time()
    with tempfile.NamedTemporaryFile(prefix="hvp-probe-") as f:
        f.write(b"x" * ((1 << 22) - 10) + value + b"y")  # across the scan's chunk boundary
        f.flush()
        assert _files_holding(value, started) == [f.name]


@pytest.fixture
def viewer(qtbot):
    widget = DocumentViewer()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    dv.wait_for_workers()


def _shown_image(viewer, qtbot) -> None:
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.image_view, timeout=5000)


# -- PDFs --------------------------------------------------------------------------------------------

def test_a_pdf_opens_at_the_page_given_and_pages_move_by_keyboard(viewer, qtbot, marker):
    viewer.show_document("doc-1", "申报书.pdf", "application/pdf", pdf_bytes(marker), page=1)
    assert viewer.stack.currentWidget() is viewer.pdf_view
    assert (viewer.page_count(), viewer.page()) == (3, 1)
    assert viewer.page_box.text().replace(" ", "") == "Page2of3"
    qtbot.wait(50)
    assert viewer.pdf_view.pageNavigator().currentPage() == 1

    moves = []
    viewer.page_changed.connect(lambda key, page: moves.append((key, page)))
    viewer.pdf_view.setFocus()
    qtbot.keyClick(viewer.pdf_view, Qt.Key.Key_PageDown)
    assert viewer.page() == 2 and moves == [("doc-1", 2)]
    assert viewer.page_box.value() == 3 and not viewer.next_button.isEnabled()
    qtbot.keyClick(viewer.pdf_view, Qt.Key.Key_PageDown)  # the last page: nothing more
    assert moves == [("doc-1", 2)]
    qtbot.keyClick(viewer.pdf_view, Qt.Key.Key_PageUp)
    qtbot.keyClick(viewer.pdf_view, Qt.Key.Key_PageUp)
    assert viewer.page() == 0 and moves[-2:] == [("doc-1", 1), ("doc-1", 0)]
    qtbot.keyClick(viewer.pdf_view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert moves[-1] == ("doc-1", 2)

    viewer.page_box.setValue(2)  # the page box, as typed
    assert moves[-1] == ("doc-1", 1)
    # scrolling the pages moves the current page too
    bar = viewer.pdf_view.verticalScrollBar()
    bar.setValue(0)
    qtbot.waitUntil(lambda: moves[-1] == ("doc-1", 0))


def test_zoom_by_keys_buttons_and_ctrl_wheel(viewer, qtbot, marker):
    viewer.show_document("doc-1", "a.pdf", "application/pdf", pdf_bytes(marker))
    qtbot.wait(20)
    fit = viewer._zoom()
    viewer.pdf_view.setFocus()
    qtbot.keyClick(viewer.pdf_view, Qt.Key.Key_Plus)
    assert viewer._zoom() == pytest.approx(fit * 1.25, rel=0.02)
    qtbot.keyClick(viewer.pdf_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer.pdf_view, Qt.Key.Key_Minus)
    assert viewer._zoom() == pytest.approx(fit / 1.25, rel=0.02)
    qtbot.keyClick(viewer.pdf_view, Qt.Key.Key_0)
    assert viewer.pdf_view.zoomMode() == viewer.pdf_view.ZoomMode.FitToWidth

    viewer.show_document("img", "photo.png", "image/png", png_bytes(marker))
    _shown_image(viewer, qtbot)
    assert viewer._zoom() == pytest.approx(1.0)  # fits: a small image is not blown up
    wheel = QWheelEvent(QPointF(50, 50), QPointF(viewer.mapToGlobal(QPoint(50, 50))), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(viewer.image_view.viewport(), wheel)
    assert viewer._zoom() == pytest.approx(1.25)
    assert viewer.canvas.width() == round(480 * 1.25)
    viewer.zoom_out_button.click()
    viewer.zoom_out_button.click()
    assert viewer.canvas.width() == round(480 / 1.25)
    qtbot.waitUntil(lambda: viewer.canvas._preview.size() == viewer.canvas.size(), timeout=3000)  # smooth copy
    viewer.fit_button.click()
    assert viewer.canvas.width() == 480


def test_per_page_notes_round_trip(viewer, qtbot, marker):
    edits = []
    viewer.note_edited.connect(lambda key, page, text: edits.append((key, page, text)))
    viewer.set_notes_enabled(True)
    viewer.show_document("doc-1", "a.pdf", "application/pdf", pdf_bytes(marker), notes={0: "first page note"})
    assert viewer.note_edit.toPlainText() == "first page note"
    assert viewer.note_label.text() == "Your private notes on page 1"

    viewer.go_to_page(2)
    assert viewer.note_edit.toPlainText() == ""
    viewer.note_edit.setFocus()
    qtbot.keyClicks(viewer.note_edit, "funding figure differs")
    assert edits == []  # not on every key
    qtbot.waitUntil(lambda: edits == [("doc-1", 2, "funding figure differs")], timeout=3000)  # after a pause

    qtbot.keyClicks(viewer.note_edit, "!")
    viewer.pdf_view.setFocus()  # focus-out commits at once
    assert edits[-1] == ("doc-1", 2, "funding figure differs!")

    viewer.note_edit.setFocus()
    qtbot.keyClicks(viewer.note_edit, "?")
    viewer.go_to_page(0)  # moving on commits the page left
    assert edits[-1] == ("doc-1", 2, "funding figure differs!?")
    assert viewer.note_edit.toPlainText() == "first page note"

    viewer.note_edit.clear()  # an emptied note is removed
    viewer.flush_note()
    assert edits[-1] == ("doc-1", 0, "")
    assert viewer.notes() == {2: "funding figure differs!?"}

    viewer.set_note(0, "from the caller")
    assert viewer.note_edit.toPlainText() == "from the caller"
    viewer.set_notes({1: "page two"})
    viewer.go_to_page(1)
    assert viewer.note_edit.toPlainText() == "page two"
    count = len(edits)
    viewer.show_document("doc-2", "b.pdf", "application/pdf", pdf_bytes(marker, pages=1))  # nothing typed: no edit
    assert len(edits) == count and viewer.notes() == {}

    viewer.set_notes_enabled(False)
    assert viewer.note_box.isHidden()


def test_an_image_shows_and_takes_one_note(viewer, qtbot, marker):
    edits = []
    viewer.note_edited.connect(lambda key, page, text: edits.append((key, page, text)))
    viewer.set_notes_enabled(True)
    viewer.show_document("img", "现场照片.png", "image/png", png_bytes(marker))
    _shown_image(viewer, qtbot)
    assert viewer.canvas.image.size().toTuple() == (480, 320)
    assert not viewer.page_box.isVisible() and viewer.page_count() == 1
    assert viewer.note_label.text() == "Your private notes on this image"
    viewer.note_edit.setPlainText("plaque seen on site")
    viewer.flush_note()
    assert edits == [("img", 0, "plaque seen on site")]
    shot = viewer.stack.grab().toImage()
    assert shot.pixelColor(shot.width() // 2 - 60, 60) == QColor("#1a73e8")  # the blue block, drawn


@pytest.mark.parametrize(("name", "media_type", "data", "expected"), [
    ("broken.pdf", "application/pdf", b"%PDF-1.7\n1 0 obj << >> garbage", "the PDF is damaged or incomplete"),
    ("empty.pdf", "application/pdf", b"", "the PDF is damaged or incomplete"),
    ("broken.jpg", "image/jpeg", b"\xff\xd8\xff\xe0 not really a jpeg", "the image is damaged or incomplete"),
    ("note.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04",
     "is not a PDF, JPEG or PNG"),
])
def test_a_damaged_or_unsupported_file_says_so(viewer, qtbot, name, media_type, data, expected):
    failures = []
    viewer.failed.connect(lambda key, text: failures.append((key, text)))
    viewer.show_document("bad", name, media_type, data)
    qtbot.waitUntil(lambda: failures != [], timeout=3000)
    assert viewer.stack.currentWidget() is viewer.message
    assert expected in viewer.message.text() and name in viewer.message.text()
    assert failures == [("bad", viewer.message.text())]
    assert not viewer.zoom_in_button.isEnabled() and not viewer.note_edit.isEnabled()


def test_a_truncated_pdf_says_so(viewer, qtbot, marker):
    data = pdf_bytes(marker)
    viewer.show_document("cut", "cut.pdf", "application/pdf", data[: len(data) // 3])
    assert "the PDF is damaged or incomplete" in viewer.message.text()


def test_the_kind_is_told_from_the_bytes_when_the_type_says_nothing(marker):
    assert dv.document_kind("", pdf_bytes(marker)) == dv.PDF
    assert dv.document_kind("application/octet-stream", png_bytes(marker)) == dv.IMAGE
    assert dv.document_kind("IMAGE/JPEG", b"") == dv.IMAGE
    assert dv.document_kind("text/plain", b"%PDF-1.4") is None


# -- a 10 MB photo: the GUI thread never blocks -------------------------------------------------------

def test_a_10mb_photo_never_holds_the_gui_thread_100ms(viewer, qtbot, marker, capsys):
    photo = big_jpeg(marker)
    strip = ThumbnailStrip()
    qtbot.addWidget(strip)
    strip.show()
    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer(interval=10, timeout=tick)
    clock.start()
    ticker.start()
    qtbot.wait(100)
    viewer.show_document("photo", "IMG_0001.jpg", "image/jpeg", photo)
    strip.set_items([("photo", "IMG_0001.jpg", "image/jpeg", lambda: photo)])
    _shown_image(viewer, qtbot)
    qtbot.waitUntil(lambda: viewer.canvas._preview.size() == viewer.canvas.size(), timeout=5000)
    viewer.zoom_in()
    viewer.zoom_in()
    qtbot.wait(400)
    ticker.stop()
    assert viewer.canvas.image.size().toTuple() == (4000, 3000)
    assert not strip.item(0).icon().isNull()
    worst = max(gaps)
    with capsys.disabled():
        print(f"\n10.8 MB photo: the GUI thread's longest gap {worst} ms over {len(gaps)} ticks of 10 ms")
    assert worst < 100


# -- thumbnails --------------------------------------------------------------------------------------

def test_thumbnails_are_made_off_the_gui_thread_for_images_and_pdfs(qtbot, marker):
    import threading

    strip = ThumbnailStrip(thumb_size=96)
    qtbot.addWidget(strip)
    strip.show()
    png, pdf = png_bytes(marker), pdf_bytes(marker)
    threads = []

    def loader(data):
        def load():
            threads.append(threading.current_thread() is threading.main_thread())
            return data
        return load

    def failing():
        raise OSError("the store could not read it")

    placeholder = strip._placeholder("application/pdf").toImage()
    strip.set_items([("a", "photo.png", "image/png", loader(png)), ("b", "申报书.pdf", "application/pdf", loader(pdf)),
                     ("c", "broken.pdf", "application/pdf", loader(b"%PDF-broken")), ("d", "gone.jpg", "image/jpeg", failing)])
    assert strip.keys() == ["a", "b", "c", "d"]
    dv.wait_for_workers()
    qtbot.waitUntil(lambda: strip._jobs == {}, timeout=5000)
    assert threads == [False, False, False]  # the loaders ran on workers
    image_icon = strip.item(0).icon().pixmap(96, 96).toImage()
    assert image_icon.size().toTuple() == (96, 96)  # a square tile, the image fitted in its middle
    assert image_icon.pixelColor(48, 5).alpha() == 0 and image_icon.pixelColor(85, 70) == QColor("#e8f0fe")
    pdf_icon = strip.item(1).icon().pixmap(96, 96).toImage()
    assert pdf_icon != placeholder
    assert pdf_icon.pixelColor(5, 48).alpha() == 0 and pdf_icon.pixelColor(48, 90) == QColor("white")  # A4 upright
    assert "cannot be shown" in strip.item(2).toolTip() and "cannot be shown" in strip.item(3).toolTip()


def test_pdf_thumbnails_on_workers_while_the_viewer_renders(viewer, qtbot, marker):
    """QPdfDocument off the GUI thread: Qt locks PDFium for every call, so each worker's own
    document renders while the GUI thread renders another one."""
    pdf = pdf_bytes(marker, pages=3)
    viewer.show_document("doc", "a.pdf", "application/pdf", pdf)
    strip = ThumbnailStrip()
    qtbot.addWidget(strip)
    items = [(f"k{i}", f"{i}.pdf", "application/pdf", lambda: pdf) for i in range(24)]
    strip.set_items(items)
    for _ in range(10):
        for page in range(3):
            viewer.go_to_page(page)
            viewer.pdf_view.viewport().repaint()
    dv.wait_for_workers()
    qtbot.waitUntil(lambda: strip._jobs == {}, timeout=10000)
    first = strip.item(0).icon().pixmap(96, 96).toImage()
    assert all(strip.item(i).icon().pixmap(96, 96).toImage() == first for i in range(24))


def test_activation_removal_and_dropped_files(qtbot, tmp_path, marker):
    strip = ThumbnailStrip()
    qtbot.addWidget(strip)
    strip.show()
    png = png_bytes(marker)
    strip.set_items([("a", "a.png", "image/png", lambda: png), ("b", "b.png", "image/png", lambda: png)])
    opened, removed, dropped = [], [], []
    strip.document_activated.connect(opened.append)
    strip.remove_requested.connect(removed.append)
    strip.files_dropped.connect(dropped.append)

    strip.setFocus()
    strip.set_current("b")
    qtbot.keyClick(strip, Qt.Key.Key_Return)
    qtbot.keyClick(strip, Qt.Key.Key_Delete)
    assert opened == ["b"] and removed == ["b"]
    strip.remove_item("b")
    assert strip.keys() == ["a"]
    rect = strip.visualItemRect(strip.item(0))
    qtbot.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == ["b", "a"]
    menu = strip.context_menu(strip.item(0))
    assert [a.text() for a in menu.actions()] == ["Open", "Remove…"]
    menu.actions()[1].trigger()
    assert removed == ["b", "a"]
    strip.set_removable(False)
    qtbot.keyClick(strip, Qt.Key.Key_Delete)
    assert removed == ["b", "a"]

    files = [tmp_path / "site photo.jpg", tmp_path / "审计报告.pdf"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    point = strip.viewport().rect().center()
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip.viewport(), drop)
    assert dropped == [[str(f) for f in files]]

    text = QMimeData()
    text.setText("not a file")
    refused = QDragEnterEvent(point, Qt.DropAction.CopyAction, text, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip.viewport(), refused)
    assert not refused.isAccepted()


# -- screenshots, English and Chinese -----------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_screenshots_at_1366x768(qtbot, lang, marker):
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translators = []
    if lang != "en":
        qm = ROOT / "resources" / "translations" / f"hvp_desktop_{lang}.qm"
        if not qm.exists():
            pytest.skip("the translations are not built (make translations)")
        for directory, name in ((str(qm.parent), f"hvp_desktop_{lang}"),
                                (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{lang}")):
            t = QTranslator()
            if t.load(name, directory):
                QApplication.installTranslator(t)
                translators.append(t)
        assert translators
    try:
        pdf, png = pdf_bytes(marker, pages=3), png_bytes(marker)
        items = [("a", "申报书.pdf", "application/pdf", lambda: pdf), ("b", "现场照片 1.png", "image/png", lambda: png),
                 ("c", "审计报告（2025年度）.pdf", "application/pdf", lambda: pdf),
                 ("d", "broken.jpg", "image/jpeg", lambda: b"\xff\xd8\xffbroken")]
        window = QWidget()
        qtbot.addWidget(window)
        window.resize(1366, 768)
        row = QHBoxLayout(window)
        form = QLabel("(scoring form)" if lang == "en" else "（评分表）")
        form.setFont(QFont(form.font().family(), 14))
        form.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.setFrameShape(QLabel.Shape.Box)
        column = QVBoxLayout()
        strip = ThumbnailStrip()
        viewer = DocumentViewer()
        column.addWidget(strip)
        column.addWidget(viewer, 1)
        row.addWidget(form, 1)
        row.addLayout(column, 1)  # the viewer beside the form: half of a 1366 screen
        window.show()
        qtbot.waitExposed(window)
        viewer.set_notes_enabled(True)
        strip.set_items(items)
        viewer.show_document("a", items[0][1], "application/pdf", pdf, page=1, notes={1: "第2页经费数字与审计报告不一致" if lang != "en" else "Funding figure differs from the audit report"})
        dv.wait_for_workers()
        qtbot.waitUntil(lambda: strip._jobs == {}, timeout=5000)
        qtbot.wait(100)
        SCREENS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SCREENS / f"document-viewer-{lang}.png"))

        # the widgets' own texts are in the language: nothing of the other one left
        texts = [viewer.page_box.text(), viewer.note_label.text(), viewer.fit_button.text(),
                 viewer.note_edit.placeholderText(), viewer.zoom_in_button.toolTip()]
        chinese = [any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in texts]
        assert chinese == [lang != "en"] * len(texts), texts
        for w in (viewer.page_box, viewer.fit_button, viewer.note_label):  # nothing cut off
            assert w.width() >= w.sizeHint().width() or w is viewer.note_label and w.width() >= w.minimumSizeHint().width(), w

        viewer.show_document("b", items[1][1], "image/png", png)
        _shown_image(viewer, qtbot)
        strip.set_current("b")
        qtbot.wait(50)
        assert window.grab().save(str(SCREENS / f"document-viewer-image-{lang}.png"))
        viewer.show_document("d", "broken.jpg", "image/jpeg", b"\xff\xd8\xffbroken")
        qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.message, timeout=3000)
        qtbot.wait(50)
        assert window.grab().save(str(SCREENS / f"document-viewer-damaged-{lang}.png"))
    finally:
        for t in translators:
            QApplication.removeTranslator(t)

"""The documents kept inside the working file (PDFs, JPEG and PNG images), shown from memory.

Evidence and an application's own documents live encrypted in the working file. These widgets get
their bytes from the caller and never write them anywhere: PDFs are read by Qt's PDF module from a
`QBuffer` over the bytes, images are decoded from the bytes with `QImageReader`; no temp file, no
disk cache (Qt keeps rendered pages in memory only).

DocumentViewer(parent=None)
    show_document(key, name, media_type, data, page=0, notes=None)
        Shows `data` (bytes) — "application/pdf", "image/jpeg" or "image/png"; an empty or
        unknown media type is told from the first bytes. `page` is 0-based (PDFs). `key` is the
        caller's id of the document, given back in the signals. `notes` as in set_notes().
        Images are decoded on a worker thread (a 10 MB photo never holds the GUI thread); a
        damaged or unsupported file shows a message in the widget, in the UI language.
    clear()                         no document
    go_to_page(page)                0-based; PgUp/PgDn, Home/End and the page box do the same
    zoom_in() / zoom_out() / fit_width()   also + / - / 0 (with or without Ctrl) and Ctrl+wheel
    set_notes_enabled(bool)         the per-page note box under the page (hidden by default)
    set_notes({page: text})         the notes of the shown document (replaces them)
    set_note(page, text)            one page's note
    notes() -> {page: text}         what the box holds now (pending typing committed first)
    flush_note()                    commit the note being typed now (also on focus-out and hide)
    key() / page() / page_count()   what is shown (key None when nothing is)
    Signals:
    page_changed(str key, int page) the reader moved to another page (not for the opening page)
    note_edited(str key, int page, str text)  a note changed: after a pause in typing (0.8 s),
                                    on focus-out, or when the page or document changes; "" = removed
    failed(str key, str message)    the document cannot be shown (the message is also in the widget)

ThumbnailStrip(parent=None, *, orientation=Qt.Orientation.Horizontal, thumb_size=96)
    set_items([(key, name, media_type, loader), ...])
        `loader()` returns the bytes. It is called ON A WORKER THREAD (the thumbnail is made
        there too), so it must be safe to call off the GUI thread — e.g. a store read that opens
        its own session. A loader that raises gives a "cannot be shown" thumbnail.
    remove_item(key), keys(), set_current(key), set_removable(bool)
    Signals:
    document_activated(str key)     clicked, or Enter/double-click (named so: QListWidget already
                                    has an `activated(QModelIndex)` signal)
    files_dropped(list[str] paths)  local files dropped on the strip (the caller stores them)
    remove_requested(str key)       Delete key or the context menu's Remove (the caller asks/removes)

wait_for_workers(msecs=-1)  waits for the decoding/thumbnail workers (tests, closing the file).

Thread safety of QPdfDocument: Qt serialises every call into PDFium (which is not thread-safe)
with one process-wide recursive mutex (QPdfMutexLocker in qtpdf), so a QPdfDocument created, used
and destroyed on one worker thread is safe while the GUI thread shows another document; a
document is never shared between threads here. PDF thumbnails are therefore rendered on the
workers, each with its own QPdfDocument and QBuffer. The viewer itself loads its PDF on the GUI
thread (loading from memory is lazy: page data is read when a page is rendered).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QElapsedTimer,
    QEvent,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QKeyEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

PDF, IMAGE = "pdf", "image"
MAX_PIXELS = 50_000_000  # a larger photo is decoded scaled down to this many pixels (~200 MB in memory)
NOTE_PAUSE_MS = 800
_ZOOM_STEP, _ZOOM_MIN, _ZOOM_MAX = 1.25, 0.05, 8.0


def _fill(text: str, *values: object) -> str:
    """Qt's %1, %2 … filled in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values)
                  else m.group(0), text)


def document_kind(media_type: str, data: bytes) -> str | None:
    """PDF, IMAGE or None: by the media type; by the first bytes when the type says nothing."""
    media = (media_type or "").split(";")[0].strip().lower()
    if media == "application/pdf":
        return PDF
    if media in ("image/jpeg", "image/jpg", "image/pjpeg", "image/png"):
        return IMAGE
    if media in ("", "application/octet-stream"):
        head = bytes(data[:8])
        if head.startswith(b"%PDF"):
            return PDF
        if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
            return IMAGE
    return None


# -- work off the GUI thread ------------------------------------------------------------------------

class _Unreadable(Exception):
    """The bytes are not a readable document (damaged, truncated, a password)."""

    def __init__(self, reason: str = "damaged") -> None:
        super().__init__(reason)
        self.reason = reason


class _Relay(QObject):
    """Lives on the GUI thread; workers emit through it, so results arrive queued on the GUI thread."""

    done = Signal(int, object, str)  # job id, the result (a QImage) or None, the reason it failed ("" if not)


_relay: _Relay | None = None
_pool: QThreadPool | None = None
_job_ids = itertools.count(1)


def _workers() -> tuple[_Relay, QThreadPool]:
    global _relay, _pool
    if _relay is None:
        _relay = _Relay()
        _pool = QThreadPool()
        _pool.setMaxThreadCount(max(1, min(2, QThreadPool.globalInstance().maxThreadCount())))
    return _relay, _pool


def _submit(fn: Callable[[], QImage]) -> int:
    """Runs `fn` on a worker; its QImage (or failure) comes back through the relay's `done`."""
    relay, pool = _workers()
    job = next(_job_ids)

    def run() -> None:
        try:
            result = fn()
        except _Unreadable as exc:
            relay.done.emit(job, None, exc.reason)
        except Exception:  # a loader's store error, an allocation refused: the widget says it cannot show it
            relay.done.emit(job, None, "damaged")
        else:
            relay.done.emit(job, result, "")

    pool.start(run)
    return job


def wait_for_workers(msecs: int = -1) -> bool:
    """Waits until the workers are idle (their results are then queued for the GUI thread)."""
    return _pool.waitForDone(msecs) if _pool is not None else True


def _buffer(data: bytes) -> tuple[QByteArray, QBuffer]:
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return array, buffer


def _decode_image(data: bytes, box: QSize | None = None) -> QImage:
    """The image in `data`, fitted into `box` if given (decoded at that size: cheap for JPEG)."""
    _array, buffer = _buffer(data)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a phone photo's EXIF orientation
    size = reader.size()
    if size.isValid() and not size.isEmpty():
        if box is not None and (size.width() > box.width() or size.height() > box.height()):
            reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio).expandedTo(QSize(1, 1)))
        elif size.width() * size.height() > MAX_PIXELS:
            factor = math.sqrt(MAX_PIXELS / (size.width() * size.height()))
            reader.setScaledSize(QSize(max(1, int(size.width() * factor)), max(1, int(size.height() * factor))))
    image = reader.read()
    buffer.close()
    if image.isNull():
        raise _Unreadable()
    if box is not None and (image.width() > box.width() or image.height() > box.height()):
        image = image.scaled(box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return image


def _pdf_problem(doc: QPdfDocument) -> str | None:
    if doc.status() == QPdfDocument.Status.Ready and doc.pageCount() > 0:
        return None
    if doc.error() in (QPdfDocument.Error.IncorrectPassword, QPdfDocument.Error.UnsupportedSecurityScheme):
        return "password"
    return "damaged"


def _render_pdf_page(data: bytes, page: int, box: QSize) -> QImage:
    """One page of the PDF in `data`, fitted into `box`, on white. Safe on a worker thread: the
    document is this thread's own, and Qt serialises PDFium calls with its global mutex."""
    _array, buffer = _buffer(data)
    doc = QPdfDocument()
    try:
        doc.load(buffer)
        problem = _pdf_problem(doc)
        if problem:
            raise _Unreadable(problem)
        page = min(max(page, 0), doc.pageCount() - 1)
        points = doc.pagePointSize(page)
        if points.isEmpty():
            raise _Unreadable()
        size = points.toSize().scaled(box, Qt.AspectRatioMode.KeepAspectRatio).expandedTo(QSize(1, 1))
        rendered = doc.render(page, size)
        if rendered.isNull():
            raise _Unreadable()
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))  # PDFium leaves the page transparent
        painter = QPainter(image)
        painter.drawImage(0, 0, rendered)
        painter.end()
        return image
    finally:
        doc.close()
        buffer.close()


def _thumbnail(loader: Callable[[], bytes], media_type: str, box: QSize) -> QImage:
    """The first page or the image, fitted into `box` less a frame, centred on a transparent tile of
    `box` (so the names under the tiles line up)."""
    data = bytes(loader())
    kind = document_kind(media_type, data)
    inner = QSize(box.width() - 2, box.height() - 2)
    if kind == PDF:
        image = _render_pdf_page(data, 0, inner)
    elif kind == IMAGE:
        image = _decode_image(data, inner)
    else:
        raise _Unreadable("unsupported")
    tile = QImage(box, QImage.Format.Format_ARGB32_Premultiplied)
    tile.fill(Qt.GlobalColor.transparent)
    x, y = (box.width() - image.width()) // 2, (box.height() - image.height()) // 2
    painter = QPainter(tile)
    painter.setPen(QColor("#9aa3ad"))
    painter.drawRect(x - 1, y - 1, image.width() + 1, image.height() + 1)
    painter.drawImage(x, y, image)
    painter.end()
    return tile


# -- the viewer -------------------------------------------------------------------------------------

class _ImageCanvas(QWidget):
    """A decoded image at a zoom factor. Paints only the exposed part; while zoomed out it paints a
    copy scaled smoothly on a worker (the full image is painted bilinearly until that copy comes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.scale = 1.0
        self._preview = QImage()
        self._preview_job = 0
        self._preview_timer = QTimer(self, singleShot=True, interval=120, timeout=self._request_preview)
        _workers()[0].done.connect(self._on_done)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._preview = QImage()
        self._preview_job = 0
        self.set_scale(self.scale)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        if self.image.isNull():
            self.resize(1, 1)
        else:
            self.resize(max(1, round(self.image.width() * scale)), max(1, round(self.image.height() * scale)))
        if self._preview.size() != self.size():
            self._preview = QImage()
            if scale < 0.95:
                self._preview_timer.start()
        self.update()

    def _request_preview(self) -> None:
        if self.image.isNull() or self._preview.size() == self.size():
            return
        image, size = self.image, self.size()
        self._preview_job = _submit(lambda: image.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                         Qt.TransformationMode.SmoothTransformation))

    def _on_done(self, job: int, image: object, _reason: str) -> None:
        if job == self._preview_job and isinstance(image, QImage) and image.size() == self.size():
            self._preview = image
            self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        area = event.rect()
        painter.fillRect(area, self.palette().color(QPalette.ColorRole.Base))
        if self.image.isNull():
            return
        if self._preview.size() == self.size():
            painter.drawImage(area, self._preview, area)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        s = self.scale
        painter.drawImage(QRectF(area), self.image, QRectF(area.x() / s, area.y() / s, area.width() / s, area.height() / s))


class DocumentViewer(QWidget):
    page_changed = Signal(str, int)
    note_edited = Signal(str, int, str)
    failed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key: str | None = None
        self._name = ""
        self._kind: str | None = None
        self._page = 0
        self._opening = False
        self._decode_job = 0
        self._notes: dict[int, str] = {}
        self._note_page: int | None = None
        self._note_loading = False
        self._image_scale: float | None = None  # None: fit to width
        # the PDF and the memory it reads: kept alive as long as the document is loaded
        self._pdf_bytes = QByteArray()
        self._pdf_buffer: QBuffer | None = None
        self._doc = QPdfDocument(self)

        self.title = QLabel()
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        style = self.style()
        self.previous_button = self._tool(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
                                          self.tr("Previous page (PgUp)"), lambda: self.go_to_page(self._page - 1))
        self.next_button = self._tool(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                      self.tr("Next page (PgDn)"), lambda: self.go_to_page(self._page + 1))
        self.page_box = QSpinBox()
        self.page_box.setKeyboardTracking(False)
        self.page_box.setMinimumHeight(32)
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.zoom_out_button = self._tool(None, self.tr("Zoom out (-)"), self.zoom_out, "−")
        self.fit_button = self._tool(None, self.tr("Fit to width (0)"), self.fit_width, self.tr("Fit width"))
        self.zoom_in_button = self._tool(None, self.tr("Zoom in (+)"), self.zoom_in, "+")
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("8888%"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.title, 1)
        for w in (self.previous_button, self.page_box, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(12)
        for w in (self.zoom_out_button, self.fit_button, self.zoom_in_button, self.zoom_label):
            bar.addWidget(w)

        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self._doc)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pdf_view.pageNavigator().currentPageChanged.connect(self._on_pdf_page)
        self.canvas = _ImageCanvas()
        self.image_view = QScrollArea()
        self.image_view.setWidget(self.canvas)
        self.image_view.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setMargin(24)
        self.message.setFrameShape(QFrame.Shape.StyledPanel)
        self.stack = QStackedWidget()
        for w in (self.message, self.pdf_view, self.image_view):
            self.stack.addWidget(w)
        for w in (self.pdf_view, self.pdf_view.viewport(), self.image_view, self.image_view.viewport()):
            w.installEventFilter(self)

        self.note_label = QLabel()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("Type a note here; it is kept as you type."))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.textChanged.connect(self._on_note_typed)
        self.note_edit.installEventFilter(self)
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_PAUSE_MS, timeout=self.flush_note)
        self.note_box = QWidget()
        note_layout = QVBoxLayout(self.note_box)
        note_layout.setContentsMargins(0, 4, 0, 0)
        note_layout.addWidget(self.note_label)
        note_layout.addWidget(self.note_edit)
        self.note_box.setVisible(False)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.note_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 130])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        _workers()[0].done.connect(self._on_decoded)
        self.clear()

    def _tool(self, icon: QIcon | None, tip: str, slot: Callable, text: str = "") -> QToolButton:
        button = QToolButton()
        if icon is not None:
            button.setIcon(icon)
        if text:
            button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setMinimumSize(32, 32)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- what is shown --------------------------------------------------------------------------
    def key(self) -> str | None:
        return self._key

    def page(self) -> int:
        return self._page

    def page_count(self) -> int:
        if self._kind == PDF:
            return self._doc.pageCount()
        return 1 if self._kind == IMAGE else 0

    def clear(self) -> None:
        self.flush_note()
        self._unload()
        self._key, self._name, self._kind, self._page = None, "", None, 0
        self._notes = {}
        self._show_message(self.tr("No document is open."))
        self.title.setText("")
        self._update_controls()

    def show_document(self, key: str, name: str, media_type: str, data: bytes, page: int = 0,
                      notes: dict[int, str] | None = None) -> None:
        self.flush_note()
        self._unload()
        self._key, self._name, self._page = key, name, 0
        self._notes = {int(p): t for p, t in (notes or {}).items() if t}
        self.title.setText(name)
        self.title.setToolTip(name)
        self._kind = document_kind(media_type, data)
        if self._kind == PDF:
            self._open_pdf(data, page)
        elif self._kind == IMAGE:
            self._image_scale = None
            self._show_message(_fill(self.tr("Opening “%1”…"), name))
            self._decode_job = _submit(lambda: _decode_image(data))
        else:
            self._fail("unsupported", media_type)
        self._update_controls()

    def _unload(self) -> None:
        self._decode_job = 0
        self.canvas.set_image(QImage())
        self._doc.close()
        if self._pdf_buffer is not None:
            self._pdf_buffer.close()
        self._pdf_buffer, self._pdf_bytes = None, QByteArray()
        self._note_page = None

    def _open_pdf(self, data: bytes, page: int) -> None:
        self._pdf_bytes = QByteArray(data)
        self._pdf_buffer = QBuffer(self._pdf_bytes, self)
        self._pdf_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._opening = True
        try:
            self._doc.load(self._pdf_buffer)
            problem = _pdf_problem(self._doc)
            if problem:
                self._fail(problem)
                return
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.stack.setCurrentWidget(self.pdf_view)
            self._page = min(max(page, 0), self._doc.pageCount() - 1)
            self._jump(self._page)
            self._load_note()
        finally:
            self._opening = False
        if self._page:  # the view lays its pages out when shown: jump again once it has
            opened, target = self._key, self._page
            QTimer.singleShot(0, lambda: self._jump_after_layout(opened, target))

    def _jump(self, page: int) -> None:
        navigator = self.pdf_view.pageNavigator()
        navigator.jump(page, QPointF(), navigator.currentZoom())

    def _jump_after_layout(self, key: str | None, page: int) -> None:
        if key == self._key and self._kind == PDF and self._page == page:
            self._opening = True
            try:
                self._jump(page)
            finally:
                self._opening = False

    def _on_decoded(self, job: int, image: object, reason: str) -> None:
        if job != self._decode_job or self._kind != IMAGE:
            return
        self._decode_job = 0
        if not isinstance(image, QImage):
            self._fail(reason)
            return
        self.canvas.set_image(image)
        self.stack.setCurrentWidget(self.image_view)
        self._apply_image_zoom()
        self._load_note()
        self._update_controls()

    def _fail(self, reason: str, media_type: str = "") -> None:
        name = self._name
        if reason == "unsupported":
            text = _fill(self.tr("“%1” cannot be shown here: this kind of file (%2) is not a PDF, JPEG or PNG."),
                         name, media_type or self.tr("unknown"))
        elif reason == "password":
            text = _fill(self.tr("“%1” is protected by a password and cannot be shown here."), name)
        elif self._kind == PDF:
            text = _fill(self.tr("“%1” cannot be shown: the PDF is damaged or incomplete."), name)
        else:
            text = _fill(self.tr("“%1” cannot be shown: the image is damaged or incomplete."), name)
        self._kind = None
        self._doc.close()
        self._show_message(text)
        self._update_controls()
        if self._key is not None:
            self.failed.emit(self._key, text)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _update_controls(self) -> None:
        pdf = self._kind == PDF and self.stack.currentWidget() is self.pdf_view
        image = self._kind == IMAGE and self.stack.currentWidget() is self.image_view
        count = self._doc.pageCount() if pdf else 0
        for w in (self.previous_button, self.page_box, self.next_button):
            w.setVisible(pdf)
        if pdf:
            self.page_box.blockSignals(True)
            self.page_box.setRange(1, max(1, count))
            self.page_box.setValue(self._page + 1)
            self.page_box.setPrefix(self.tr("Page "))
            self.page_box.setSuffix(_fill(self.tr(" of %1"), count))
            self.page_box.blockSignals(False)
            self.previous_button.setEnabled(self._page > 0)
            self.next_button.setEnabled(self._page < count - 1)
        for w in (self.zoom_out_button, self.fit_button, self.zoom_in_button):
            w.setEnabled(pdf or image)
        self.zoom_label.setText(f"{round(self._zoom() * 100)}%" if pdf or image else "")
        self.note_edit.setEnabled(pdf or image)
        if pdf:
            self.note_label.setText(_fill(self.tr("Your private notes on page %1"), self._page + 1))
        elif image:
            self.note_label.setText(self.tr("Your private notes on this image"))
        else:
            self.note_label.setText(self.tr("Notes"))

    # -- pages ----------------------------------------------------------------------------------
    def go_to_page(self, page: int) -> None:
        if self._kind != PDF or self._doc.pageCount() == 0:
            return
        page = min(max(page, 0), self._doc.pageCount() - 1)
        if page == self._page and self.pdf_view.pageNavigator().currentPage() == page:
            return
        self._jump(page)
        if self.pdf_view.pageNavigator().currentPage() != page:  # the view could not scroll so far
            self._on_pdf_page(page)

    def _on_pdf_page(self, page: int) -> None:
        if self._kind != PDF or page < 0 or page == self._page:
            return
        self.flush_note()
        self._page = page
        self._load_note()
        self._update_controls()
        if not self._opening and self._key is not None:
            self.page_changed.emit(self._key, page)

    # -- zoom -----------------------------------------------------------------------------------
    def _fit_width_scale(self) -> float:
        image = self.canvas.image
        if image.isNull():
            return 1.0
        view = self.image_view
        room = max(1, view.width() - 2 * view.frameWidth())
        scale = room / image.width()
        if image.height() * scale > view.height() - 2 * view.frameWidth():
            room -= view.verticalScrollBar().sizeHint().width()
            scale = max(1, room) / image.width()
        return min(scale, 1.0)  # fit, but a small image is not blown up

    def _zoom(self) -> float:
        if self._kind == IMAGE:
            return self._image_scale if self._image_scale is not None else self._fit_width_scale()
        if self._kind == PDF:
            view = self.pdf_view
            if view.zoomMode() == QPdfView.ZoomMode.Custom:
                return view.zoomFactor()
            points = self._doc.pagePointSize(self._page)
            margins = view.documentMargins()
            room = view.viewport().width() - margins.left() - margins.right()
            width = points.width() * self.logicalDpiX() / 72.0
            return room / width if width > 0 else 1.0
        return 1.0

    def _set_zoom(self, factor: float | None) -> None:
        """A zoom factor, or None to fit the width."""
        if factor is not None:
            factor = min(max(factor, _ZOOM_MIN), _ZOOM_MAX)
        if self._kind == PDF:
            if factor is None:
                self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            else:
                self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
                self.pdf_view.setZoomFactor(factor)
        elif self._kind == IMAGE:
            self._image_scale = factor
            self._apply_image_zoom()
        self._update_controls()

    def _apply_image_zoom(self) -> None:
        self.canvas.set_scale(self._zoom())

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom() * _ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom() / _ZOOM_STEP)

    def fit_width(self) -> None:
        self._set_zoom(None)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._kind == IMAGE and self._image_scale is None:
            QTimer.singleShot(0, self._refit)

    def _refit(self) -> None:
        if self._kind == IMAGE and self._image_scale is None:
            self._apply_image_zoom()
            self._update_controls()

    # -- keys and wheel on the page -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note_edit:
            if event.type() == QEvent.Type.FocusOut:
                self.flush_note()
            return False
        if event.type() == QEvent.Type.KeyPress and self._handle_key(event):
            return True
        if event.type() == QEvent.Type.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                (self.zoom_in if delta > 0 else self.zoom_out)()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        modifiers = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
            return False
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit_width()
        elif self._kind == PDF and key == Qt.Key.Key_PageDown:
            self.go_to_page(self._page + 1)
        elif self._kind == PDF and key == Qt.Key.Key_PageUp:
            self.go_to_page(self._page - 1)
        elif self._kind == PDF and key == Qt.Key.Key_Home and modifiers == Qt.KeyboardModifier.ControlModifier:
            self.go_to_page(0)
        elif self._kind == PDF and key == Qt.Key.Key_End and modifiers == Qt.KeyboardModifier.ControlModifier:
            self.go_to_page(self._doc.pageCount() - 1)
        else:
            return False
        return True

    # -- notes ----------------------------------------------------------------------------------
    def set_notes_enabled(self, enabled: bool) -> None:
        if not enabled:
            self.flush_note()
        self.note_box.setVisible(enabled)

    def notes_enabled(self) -> bool:
        return not self.note_box.isHidden()

    def set_notes(self, notes: dict[int, str]) -> None:
        self.flush_note()
        self._notes = {int(p): t for p, t in notes.items() if t}
        self._load_note()

    def set_note(self, page: int, text: str) -> None:
        self.flush_note()
        if text:
            self._notes[page] = text
        else:
            self._notes.pop(page, None)
        if page == self._note_page:
            self._load_note()

    def notes(self) -> dict[int, str]:
        self.flush_note()
        return dict(self._notes)

    def _load_note(self) -> None:
        self._note_timer.stop()
        shown = self._kind == PDF or (self._kind == IMAGE and not self.canvas.image.isNull())
        self._note_page = self._page if shown else None
        self._note_loading = True
        try:
            self.note_edit.setPlainText(self._notes.get(self._page, "") if shown else "")
        finally:
            self._note_loading = False

    def _on_note_typed(self) -> None:
        if not self._note_loading and self._note_page is not None:
            self._note_timer.start()

    def flush_note(self) -> None:
        self._note_timer.stop()
        if self._key is None or self._note_page is None:
            return
        page, text = self._note_page, self.note_edit.toPlainText()
        if text == self._notes.get(page, ""):
            return
        if text:
            self._notes[page] = text
        else:
            self._notes.pop(page, None)
        self.note_edited.emit(self._key, page, text)

    def hideEvent(self, event) -> None:
        self.flush_note()
        super().hideEvent(event)


# -- the thumbnails ---------------------------------------------------------------------------------

KEY_ROLE = Qt.ItemDataRole.UserRole


class ThumbnailStrip(QListWidget):
    document_activated = Signal(str)
    files_dropped = Signal(list)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, orientation: Qt.Orientation = Qt.Orientation.Horizontal,
                 thumb_size: int = 96) -> None:
        super().__init__(parent)
        self._box = QSize(thumb_size, thumb_size)
        self._jobs: dict[int, str] = {}  # job id -> key
        self._removable = True
        self._last_activation: tuple[str, QElapsedTimer] | None = None
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight if orientation == Qt.Orientation.Horizontal
                     else QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(self._box)
        line = self.fontMetrics().lineSpacing()
        self.setGridSize(QSize(thumb_size + 28, thumb_size + 2 * line + 14))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        frame = 2 * self.frameWidth()
        if orientation == Qt.Orientation.Horizontal:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll = self.horizontalScrollBar().sizeHint().height()
            self.setFixedHeight(self.gridSize().height() + scroll + frame + 4)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        else:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll = self.verticalScrollBar().sizeHint().width()
            self.setFixedWidth(self.gridSize().width() + scroll + frame + 4)
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setToolTip(self.tr("Drop files here to add them"))
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)
        _workers()[0].done.connect(self._on_thumbnail)

    def set_removable(self, removable: bool) -> None:
        self._removable = removable

    def set_items(self, items: Sequence[tuple[str, str, str, Callable[[], bytes]]]) -> None:
        current = self.currentItem().data(KEY_ROLE) if self.currentItem() else None
        self.clear()
        self._jobs = {}
        for key, name, media_type, loader in items:
            item = QListWidgetItem(QIcon(self._placeholder(media_type)), name)
            item.setData(KEY_ROLE, key)
            item.setToolTip(name)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.addItem(item)
            self._jobs[_submit(functools.partial(_thumbnail, loader, media_type, QSize(self._box)))] = key
        if current is not None:
            self.set_current(current)

    def keys(self) -> list[str]:
        return [self.item(i).data(KEY_ROLE) for i in range(self.count())]

    def _item(self, key: str) -> QListWidgetItem | None:
        for i in range(self.count()):
            if self.item(i).data(KEY_ROLE) == key:
                return self.item(i)
        return None

    def set_current(self, key: str) -> None:
        item = self._item(key)
        if item is not None:
            self.setCurrentItem(item)

    def remove_item(self, key: str) -> None:
        item = self._item(key)
        if item is not None:
            self.takeItem(self.row(item))

    def _on_thumbnail(self, job: int, image: object, reason: str) -> None:
        key = self._jobs.pop(job, None)
        item = self._item(key) if key is not None else None
        if item is None:
            return
        if isinstance(image, QImage):
            item.setIcon(QIcon(QPixmap.fromImage(image)))
        else:
            item.setIcon(QIcon(self._placeholder("", broken=True)))
            if reason == "password":
                tip = self.tr("“%1” is protected by a password and cannot be shown here.")
            else:
                tip = self.tr("“%1” cannot be shown: the file is damaged or not a PDF or an image.")
            item.setToolTip(_fill(tip, item.text()))

    def _placeholder(self, media_type: str, *, broken: bool = False) -> QPixmap:
        """A page-shaped tile while the thumbnail is made (or when it cannot be)."""
        w, h = self._box.width(), self._box.height()
        pixmap = QPixmap(w, h)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        page = QRectF(w * 0.18, 2, w * 0.64, h - 4)
        painter.setPen(QPen(QColor("#9aa3ad"), 1))
        painter.setBrush(QColor("#fdecea") if broken else QColor("#f4f6f8"))
        painter.drawRoundedRect(page, 4, 4)
        painter.setPen(QColor("#b3261e") if broken else QColor("#5f6b7a"))
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(9, h // 7))
        painter.setFont(font)
        kind = "!" if broken else {"application/pdf": "PDF", "image/png": "PNG"}.get(
            media_type.lower(), "JPG" if media_type.lower().startswith("image/") else "…")
        painter.drawText(page, Qt.AlignmentFlag.AlignCenter, kind)
        painter.end()
        return pixmap

    # -- activation, removal, drops -------------------------------------------------------------
    def _activate(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        last = self._last_activation
        if last is not None and last[0] == key and last[1].elapsed() < QApplication.doubleClickInterval():
            return  # the click and the double-click of one gesture
        timer = QElapsedTimer()
        timer.start()
        self._last_activation = (key, timer)
        self.document_activated.emit(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            if self._removable:
                self.remove_requested.emit(item.data(KEY_ROLE))
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and item is not None:
            self._last_activation = None
            self._activate(item)
            return
        super().keyPressEvent(event)

    def context_menu(self, item: QListWidgetItem) -> QMenu:
        key = item.data(KEY_ROLE)
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.document_activated.emit(key))
        remove = menu.addAction(self.tr("Remove…"), lambda: self.remove_requested.emit(key))
        remove.setEnabled(self._removable)
        return menu

    def contextMenuEvent(self, event) -> None:
        item = self.itemAt(event.pos())
        if item is None:
            return
        self.setCurrentItem(item)
        self.context_menu(item).exec(event.globalPos())

    @staticmethod
    def _local_paths(mime) -> list[str]:
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]

    def dragEnterEvent(self, event) -> None:
        if self._local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = self._local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths)

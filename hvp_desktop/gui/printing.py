"""Printing a PDF (issue 20): Qt's print preview over the pages of a PDF the app made (a score
sheet, a round's sheets, the consolidated result).

Qt prints by painting: each page of the PDF is rendered by QtPdf (PDFium) to an image at the
printer's resolution (at most MAX_PRINT_DPI: more is lost on paper and costs memory) and painted
onto one sheet of paper, fitted to the printable area and centred. Nothing is written to disk.

print_pdf(parent, pdf, title, *, preview=None) -> QPrintPreviewDialog
    Shows the preview (A4, high resolution), opened window-modal; Print from it paints the PDF at
    the printer's resolution. `preview` are pages rendered beforehand (`page_images`, off the
    GUI thread) for a long document; without it the preview renders the pages itself.
preview_pdf(parent, make_pdf, title, *, label) -> Task
    `make_pdf(progress, is_cancelled) -> bytes` and the preview's pages both made off the GUI
    thread with progress and Cancel, then `print_pdf`. A failure is told in a message box.
paint_pdf(printer, pdf, *, images=None) -> int
    The painting itself (pages painted); usable with any QPrinter, e.g. PdfFormat into a file.
page_images(pdf, dpi, ...) -> list[QImage]
    Every page rendered at `dpi`; safe on a worker thread (its own QPdfDocument: see the note on
    thread safety in document_viewer.py).

The preview's pages are kept in memory by Qt until the preview closes: for a long document they
are rendered at a lower resolution (PREVIEW_BUDGET: a round's 338 pages at ~55 dpi, ~0.4 GB);
the paper always gets full resolution, page by page.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import settings
from hvp_desktop.gui.tasks import Task, run_task

MAX_PRINT_DPI = 300
PREVIEW_DPI = 150
MIN_PREVIEW_DPI = 50
PREVIEW_BUDGET = 400_000_000  # bytes of page images a preview may hold
A4_INCHES = QSizeF(210 / 25.4, 297 / 25.4)


class UnreadablePdf(ValueError):
    """The bytes are not a PDF QtPdf can render."""


def error_text(exc: BaseException) -> str:
    """What the user is told of a failure: a refusal names its rule or check, in the UI's language."""
    if isinstance(exc, RuleViolation):
        return exc.text(settings.ui_language())
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc) or type(exc).__name__


class _Document:
    """A QPdfDocument over bytes in memory, for one thread (`with` closes it)."""

    def __init__(self, pdf: bytes) -> None:
        self._array = QByteArray(bytes(pdf))
        self._buffer = QBuffer(self._array)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.doc = QPdfDocument()
        self.doc.load(self._buffer)
        if self.doc.status() != QPdfDocument.Status.Ready or self.doc.pageCount() < 1:
            self.close()
            raise UnreadablePdf(QCoreApplication.translate("Printing", "The PDF cannot be read."))

    def __enter__(self) -> _Document:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self.doc.close()
        self._buffer.close()

    def render(self, page: int, dpi: float, *, grey: bool = False) -> QImage:
        points = self.doc.pagePointSize(page)
        size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
        rendered = self.doc.render(page, size)
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))  # PDFium leaves the page transparent
        painter = QPainter(image)
        if not rendered.isNull():
            painter.drawImage(0, 0, rendered)
        painter.end()
        return image.convertToFormat(QImage.Format.Format_Grayscale8) if grey else image


def page_count(pdf: bytes) -> int:
    with _Document(pdf) as d:
        return d.doc.pageCount()


def first_page_landscape(pdf: bytes) -> bool:
    """Whether the PDF's first page is wider than high (the result is A4 landscape)."""
    with _Document(pdf) as d:
        size = d.doc.pagePointSize(0)
        return size.width() > size.height()


def preview_quality(pages: int) -> tuple[float, bool]:
    """(dpi, grey) of the preview's page images: PREVIEW_DPI while the pages fit PREVIEW_BUDGET,
    else a lower resolution (at least MIN_PREVIEW_DPI). Always RGB32: Qt's preview keeps an
    RGB32 image as it is, but converts a grey one to 32 bits a pixel (4 times the memory)."""
    area = A4_INCHES.width() * A4_INCHES.height()
    dpi = math.sqrt(PREVIEW_BUDGET / (max(pages, 1) * area * 4))
    return max(MIN_PREVIEW_DPI, min(PREVIEW_DPI, dpi)), False


def page_images(pdf: bytes, dpi: float | None = None, *, grey: bool | None = None,
                progress: Callable[[int, int], None] = lambda _d, _t: None,
                cancelled: Callable[[], bool] = lambda: False) -> list[QImage]:
    """Every page of `pdf` as an image (at `dpi`, or the preview's quality for its length); an
    empty list when cancelled. Raises UnreadablePdf."""
    with _Document(pdf) as d:
        count = d.doc.pageCount()
        if dpi is None or grey is None:
            auto_dpi, auto_grey = preview_quality(count)
            dpi = auto_dpi if dpi is None else dpi
            grey = auto_grey if grey is None else grey
        images = []
        for page in range(count):
            if cancelled():
                return []
            images.append(d.render(page, dpi, grey=grey))
            progress(page + 1, count)
        return images


def _is_preview(printer: QPrinter) -> bool:
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def _fitted(image_size: QSizeF, area: QRectF) -> QRectF:
    scaled = image_size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRectF(area.x() + (area.width() - scaled.width()) / 2, area.y() + (area.height() - scaled.height()) / 2,
                  scaled.width(), scaled.height())


def paint_pdf(printer: QPrinter, pdf: bytes, *, images: list[QImage] | None = None,
              progress: Callable[[int, int], bool] | None = None) -> int:
    """Paint every page of `pdf` on its own sheet of `printer`, fitted to the printable area.
    `images` (pre-rendered pages) are used for a preview; paper gets pages rendered at the
    printer's resolution (at most MAX_PRINT_DPI). `progress(done, total)` returning False stops
    (the printer job is aborted). Returns the pages painted; raises UnreadablePdf."""
    with _Document(pdf) as d:
        count = d.doc.pageCount()
        use_images = images is not None and len(images) == count and _is_preview(printer)
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(QCoreApplication.translate("Printing", "The printer cannot be used."))
        try:
            area = printer.pageLayout().paintRectPixels(printer.resolution()).toRectF()
            area.moveTo(0, 0)  # the painter's origin is the printable area's corner
            for page in range(count):
                if page:
                    printer.newPage()
                image = images[page] if use_images else d.render(page, dpi)
                painter.drawImage(_fitted(QSizeF(image.size()), area), image)
                if progress is not None and progress(page + 1, count) is False:
                    printer.abort()
                    return page + 1
        finally:
            painter.end()
        return count


class PdfPreviewDialog(QPrintPreviewDialog):
    """The preview holding its printer (Qt's dialog does not own a printer it is given): the
    printer goes with the dialog's wrapper, after the dialog."""

    def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
        super().__init__(printer, parent)
        self.kept_printer = printer
        self.pdf_pages = 0


def a4_printer(title: str, *, landscape: bool = False) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setDocName(title)
    return printer


def print_pdf(parent: QWidget | None, pdf: bytes, title: str, *,
              preview: list[QImage] | None = None) -> QPrintPreviewDialog | None:
    """Qt's print preview of `pdf` (A4); Print in it prints. A PDF that cannot be read is told in
    a message box (None is returned)."""
    try:
        pages = page_count(pdf)
        landscape = first_page_landscape(pdf)
    except UnreadablePdf as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Printing", "Print"), str(exc))
        return None
    dialog = PdfPreviewDialog(a4_printer(title, landscape=landscape), parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print preview: %1").replace("%1", title))
    dialog.pdf_pages = pages

    def paint(target: QPrinter) -> None:
        if _is_preview(target) or pages <= 4:
            paint_pdf(target, pdf, images=preview)
            return
        # To paper: a page at 300 dpi takes a moment; a long job shows its progress and can stop.
        progress = QProgressDialog(QCoreApplication.translate("Printing", "Printing page %1 of %2…").replace("%1", "0").replace("%2", str(pages)),
                                   QCoreApplication.translate("Printing", "Cancel"), 0, pages, dialog)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def step(done: int, total: int) -> bool:
            progress.setLabelText(QCoreApplication.translate("Printing", "Printing page %1 of %2…").replace("%1", str(done)).replace("%2", str(total)))
            progress.setValue(done)
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            paint_pdf(target, pdf, progress=step)
        finally:
            progress.reset()
            progress.deleteLater()

    dialog.paintRequested.connect(paint)
    dialog.finished.connect(dialog.deleteLater)
    size = parent.screen().availableGeometry().size() if parent is not None else QSize(1280, 760)
    dialog.resize(min(1000, size.width() - 40), min(900, size.height() - 60))
    dialog.open()
    return dialog


def preview_pdf(parent: QWidget, make_pdf: Callable[[Callable[[int, int], None], Callable[[], bool]], bytes],
                title: str, *, label: str, on_shown: Callable[[QPrintPreviewDialog | None], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None,
                wanted: Callable[[], bool] = lambda: True) -> Task:
    """Make the PDF and its preview pages off the GUI thread (progress, Cancel), then preview it
    if still `wanted()` (a window locked meanwhile shows nothing of the file)."""

    def work(progress, is_cancelled):
        # the PDF is the first half of the bar, its preview pages the second
        pdf = make_pdf(lambda done, total: progress(500 * done // max(total, 1), 1000), is_cancelled)
        if is_cancelled() or not pdf:
            return None
        images = page_images(pdf, progress=lambda done, total: progress(500 + 500 * done // max(total, 1), 1000),
                             cancelled=is_cancelled)
        return None if is_cancelled() else (pdf, images)

    def done(result) -> None:
        dialog = None
        if result is not None and wanted():
            pdf, images = result
            dialog = print_pdf(parent, pdf, title, preview=images)
        if on_shown is not None:
            on_shown(dialog)

    def failed(exc: BaseException) -> None:
        if on_error is not None:
            on_error(exc)
            return
        QMessageBox.warning(parent, QCoreApplication.translate("Printing", "Print"), QCoreApplication.translate("Printing", "The document could not be prepared for printing: %1")
                            .replace("%1", error_text(exc)))

    return run_task(parent, work, label=label, on_done=done, on_error=failed)

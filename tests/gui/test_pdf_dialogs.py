"""Issue 20 in the GUI: File → Verify a PDF… (valid, refused with the reason, dropped files), Round →
Export score sheets… (files written, progress to the total, cancel, PINs) and printing a PDF
(every page painted on its own sheet). Real demo file, real signed PDFs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from hvp_desktop.gui import printing
from hvp_desktop.gui.pdf_dialogs import ExportSheetsDialog, VerifyPdfDialog, preview_round_sheets
from hvp_desktop.reports import round_reports as reports
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import queries

WAIT_MS = 20_000


def _round(wf, smallest: bool = True) -> int:
    """The round with the fewest (or most) submitted sheets, among those that have some."""
    sized = [(len(reports.submitted_sheets(wf, r.id)), r.id) for r in queries.rounds(wf)]
    sized = [s for s in sized if s[0]]
    return (min(sized) if smallest else max(sized))[1]


@pytest.fixture
def signed(demo_wf, tmp_path) -> list[Path]:
    """The smallest round's sheets, signed by their experts (the demo's keys have no PIN)."""
    out = tmp_path / "signed"
    out.mkdir()
    return reports.export_round_sheets(demo_wf, _round(demo_wf), out, sign=True).files


def _verify(qtbot, dialog: VerifyPdfDialog, paths: list[Path]) -> None:
    dialog.verify(paths)
    qtbot.waitUntil(lambda: dialog.task is None and bool(dialog.results), timeout=WAIT_MS)


def test_a_signed_sheet_is_valid_a_flipped_byte_and_a_non_pdf_are_refused(qtbot, demo_wf, signed, tmp_path):
    dialog = VerifyPdfDialog(demo_wf)
    qtbot.addWidget(dialog)
    dialog.show()
    fingerprint = certs.short_fingerprint(certs.root_fingerprint(demo_wf))
    assert fingerprint in dialog.intro.text()
    _verify(qtbot, dialog, [signed[0]])
    assert dialog.results[0].ok, dialog.reason.text()
    assert dialog.verdict.text() == "Valid signature" and dialog.table.isHidden()  # one file: no list
    report = dialog.results[0].report
    assert dialog.values["signer"].text() == report.signer_name != ""
    assert dialog.values["serial"].text() == report.signer_serial
    assert fingerprint in dialog.values["trusted"].text() and dialog.values["trusted"].text().startswith("Yes")
    assert dialog.values["intact"].text() == "Yes" and dialog.values["added"].text() == "No"
    assert dialog.values["expert"].text() == "Yes"
    assert dialog.reason.text() == report.message_en
    assert dialog.seconds < 5

    flipped = tmp_path / "flipped.pdf"
    data = bytearray(signed[0].read_bytes())
    data[len(data) // 4] ^= 0x01  # inside the signed range
    flipped.write_bytes(bytes(data))
    dialog.results = []
    _verify(qtbot, dialog, [flipped])
    assert not dialog.results[0].ok
    assert dialog.verdict.text() == "Refused"
    assert "changed" in dialog.reason.text(), dialog.reason.text()
    assert dialog.values["intact"].text() == "No"

    not_pdf = tmp_path / "minutes.pdf"
    not_pdf.write_text("not a PDF at all", encoding="utf-8")
    dialog.results = []
    _verify(qtbot, dialog, [not_pdf])
    assert dialog.verdict.text() == "Refused" and dialog.reason.text() == "Not a PDF file."
    assert dialog.values["signer"].text() == "—"

    missing = tmp_path / "gone.pdf"
    dialog.results = []
    _verify(qtbot, dialog, [missing])
    assert dialog.verdict.text() == "Refused" and "cannot be read" in dialog.reason.text()


def _drop_event(cls, paths: list[Path]):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    if cls is QDragEnterEvent:
        return mime, QDragEnterEvent(QPointF(20, 20).toPoint(), Qt.DropAction.CopyAction, mime,
                                     Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    return mime, QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)


def test_dropped_files_each_get_a_verdict(qtbot, demo_wf, signed, tmp_path):
    dialog = VerifyPdfDialog(demo_wf)
    qtbot.addWidget(dialog)
    dialog.show()
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    _mime, enter = _drop_event(QDragEnterEvent, [signed[0], text])
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    _mime2, drop = _drop_event(QDropEvent, [signed[0], signed[1], text])
    QApplication.sendEvent(dialog, drop)
    qtbot.waitUntil(lambda: dialog.task is None and len(dialog.results) == 3, timeout=WAIT_MS)
    assert dialog.table.isVisible() and dialog.table.rowCount() == 3
    assert [dialog.table.item(r, 1).text() for r in range(3)] == ["Valid", "Valid", "Refused"]
    dialog.table.setCurrentCell(2, 0)
    assert dialog.reason.text() == "Not a PDF file."


def test_a_second_signature_table_shows_when_the_report_lists_signatures(qtbot, demo_wf, signed):
    """The report's `signatures` (multi-signature results) are read defensively: objects or dicts."""
    dialog = VerifyPdfDialog(demo_wf)
    qtbot.addWidget(dialog)
    dialog.show()
    _verify(qtbot, dialog, [signed[0]])
    assert dialog.signatures.isHidden() or dialog.signatures.rowCount() >= 1
    dialog._show_signatures([{"name": "张伟", "role": "组长", "time": "2026-11-30T10:00:00+08:00", "ok": True},
                             {"name": "李明", "ok": False}])
    assert dialog.signatures.isVisible() and dialog.signatures.rowCount() == 2
    assert dialog.signatures.item(1, 3).text() == "Refused" and dialog.signatures.item(1, 1).text() == "—"


def _folder(tmp_path: Path) -> Path:
    """An empty folder for the files (the test's own holds the working file)."""
    out = tmp_path / "out"
    out.mkdir()
    return out


def _export(qtbot, dialog: ExportSheetsDialog) -> None:
    task = dialog.export()
    assert task is not None, dialog.message.text()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=WAIT_MS)


def test_the_export_writes_signed_sheets_and_progress_reaches_the_total(qtbot, demo_wf, tmp_path):
    tmp_path = _folder(tmp_path)
    round_id = _round(demo_wf)
    total = len(reports.submitted_sheets(demo_wf, round_id))
    dialog = ExportSheetsDialog(demo_wf, round_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.export_button.isDefault() and dialog.sign.isChecked()
    dialog.folder_edit.setText(str(tmp_path / "missing"))
    assert dialog.export() is None and "existing folder" in dialog.message.text()
    dialog.folder_edit.setText(str(tmp_path))
    _export(qtbot, dialog)
    assert dialog.outcome is not None and not dialog.outcome.cancelled
    assert len(dialog.outcome.files) == dialog.outcome.signed == total
    assert dialog.progress_seen == (total, total)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in dialog.outcome.files)
    assert f"{total} file(s) written" in dialog.message.text() and "signed" in dialog.message.text()
    assert dialog.open_button.isVisible()
    from hvp_desktop.reports.pdf_sign import verify_pdf

    assert verify_pdf(dialog.outcome.files[0].read_bytes(), certs.load_chain(certs.root_certificate_pem(demo_wf))).ok

    combined = tmp_path / "combined"
    combined.mkdir()
    dialog.folder_edit.setText(str(combined))
    dialog.combined.setChecked(True)
    assert not dialog.sign.isEnabled()
    _export(qtbot, dialog)
    assert len(dialog.outcome.files) == 1 and dialog.outcome.signed == 0
    assert "combined" in dialog.message.text()


def test_cancel_stops_early_and_leaves_only_complete_files(qtbot, demo_wf, tmp_path):
    tmp_path = _folder(tmp_path)
    round_id = _round(demo_wf, smallest=False)
    total = len(reports.submitted_sheets(demo_wf, round_id))
    dialog = ExportSheetsDialog(demo_wf, round_id)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path))
    dialog.sign.setChecked(False)
    task = dialog.export()
    qtbot.waitUntil(lambda: dialog.progress_seen[0] >= 1, timeout=WAIT_MS)
    task.cancel()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=WAIT_MS)
    outcome = dialog.outcome
    assert outcome.cancelled and 0 < len(outcome.files) < total
    written = sorted(tmp_path.iterdir())
    assert written == sorted(outcome.files)  # no temp file, no half-written sheet
    for path in written:
        data = path.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert "Cancelled after" in dialog.message.text()


def _answer_pin(pin: str | None, seen: list[str]) -> None:
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog.labelText())
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        if pin is None:
            dialog.reject()
        else:
            dialog.setTextValue(pin)
            dialog.accept()

    QTimer.singleShot(20, poll)


def test_a_pin_is_asked_per_expert_and_a_wrong_one_names_the_expert(qtbot, demo_wf, tmp_path):
    tmp_path = _folder(tmp_path)
    from hvp_desktop.store.ops import certificates as cert_ops

    round_id = _round(demo_wf)
    sheet = reports.submitted_sheets(demo_wf, round_id)[0]
    cert_ops.issue_certificate(demo_wf, sheet.expert_id, "2468")
    dialog = ExportSheetsDialog(demo_wf, round_id)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path))
    seen: list[str] = []
    _answer_pin(None, seen)
    assert dialog.export() is None
    assert sheet.expert in seen[0] and "Nothing was exported" in dialog.message.text()
    assert list(tmp_path.iterdir()) == []
    _answer_pin("0000", seen)
    _export(qtbot, dialog)
    assert dialog.outcome is None and sheet.expert in dialog.message.text() and "Wrong PIN" in dialog.message.text()
    _answer_pin("2468", seen)
    _export(qtbot, dialog)
    assert dialog.outcome is not None and dialog.outcome.signed == len(dialog.sheets)
    assert len(seen) == 3


def _pdfinfo_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils")
def test_every_page_is_painted_on_its_own_sheet(qtbot, demo_wf, signed, tmp_path):
    from hvp_desktop.reports.pdf_combine import combine

    pdf = combine([p.read_bytes() for p in signed[:2]])
    pages = _pdfinfo_pages(signed[0]) + _pdfinfo_pages(signed[1])
    printer = printing.a4_printer("test")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert printing.paint_pdf(printer, pdf) == pages
    assert _pdfinfo_pages(target) == pages
    assert len(printing.page_images(pdf, 40)) == pages
    with pytest.raises(printing.UnreadablePdf):
        printing.page_count(b"not a pdf")


def test_the_round_s_sheets_open_in_the_print_preview(qtbot, demo_wf):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    round_id = _round(demo_wf)
    shown = []
    task = preview_round_sheets(parent, demo_wf, round_id)
    task.finished.connect(lambda: shown.extend(w for w in QApplication.topLevelWidgets()
                                               if isinstance(w, QPrintPreviewDialog) and w.isVisible()))
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    preview = shown[0]
    expected = sum(printing.page_count(reports_pdf) for reports_pdf in
                   [_sheet_pdf(demo_wf, s.sheet_id) for s in reports.submitted_sheets(demo_wf, round_id)])
    assert preview.pdf_pages == expected
    preview.reject()
    del task  # before the parent: the task's closures hold it, the parent's end is told to the task


def _sheet_pdf(wf, sheet_id: int) -> bytes:
    from hvp_desktop.reports.pdf_sheet import render_score_sheet

    return render_score_sheet(reports.score_sheet_report(wf, sheet_id))


def _previews() -> list[QPrintPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintPreviewDialog) and w.isVisible()]


def test_the_scoring_form_prints_a_submitted_sheet_and_not_a_draft(qtbot, demo_wf, make_runner):
    from hvp_desktop.gui.scoring_panel import ScoringPanel

    panel = ScoringPanel(demo_wf, make_runner(demo_wf))
    qtbot.addWidget(panel)
    panel.show()
    found = {}
    for i in range(panel.form.expertCombo.count()):
        panel.form.expertCombo.setCurrentIndex(i)
        for a in panel._assignments:
            found.setdefault(a.state, (panel.form.expertCombo.currentData(), a.application_id))
    assert "draft" in found and "submitted" in found, found
    assert panel.choose(*found["draft"])
    assert not panel.print_button.isEnabled() and panel.print_sheet() is None
    assert panel.choose(*found["submitted"])
    assert panel.print_button.isEnabled()
    panel.print_sheet()
    qtbot.waitUntil(lambda: bool(_previews()), timeout=WAIT_MS)
    preview = _previews()[0]
    assert preview.pdf_pages == printing.page_count(_sheet_pdf(demo_wf, panel.sheet.id))
    preview.reject()


def test_the_ranking_panel_prints_and_exports_the_result(qtbot, demo_wf, make_runner, tmp_path):
    from hvp_desktop.gui.ranking_panel import RankingPanel

    panel = RankingPanel(demo_wf, make_runner(demo_wf))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.loaded is not None and panel.loaded.view is not None, timeout=WAIT_MS)
    assert panel.result_button.isEnabled()
    target = tmp_path / "result"
    panel.export_result_pdf(str(target))
    qtbot.waitUntil(lambda: "result.pdf" in panel.form.messageLabel.text(), timeout=WAIT_MS)  # told when written
    data = (tmp_path / "result.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    panel.print_result()
    qtbot.waitUntil(lambda: bool(_previews()), timeout=WAIT_MS)
    preview = _previews()[0]
    assert preview.pdf_pages == printing.page_count(data)
    from PySide6.QtGui import QPageLayout

    assert preview.kept_printer.pageLayout().orientation() == (
        QPageLayout.Orientation.Landscape if printing.first_page_landscape(data) else QPageLayout.Orientation.Portrait)
    preview.reject()
    dialog = panel.export_sheets()  # the PDF menu also exports the shown round's sheets
    assert isinstance(dialog, ExportSheetsDialog) and dialog.round_id == panel.current_round()
    dialog.reject()


def test_the_dialogs_work_from_the_keyboard(qtbot, demo_wf, tmp_path):
    from PySide6.QtWidgets import QDialog

    dialog = ExportSheetsDialog(demo_wf, _round(demo_wf))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.folder_edit.setFocus()
    order = [dialog.folder_edit]
    for _ in range(6):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    wanted = [dialog.folder_edit, dialog.browse_button, dialog.separate, dialog.sign, dialog.export_button]
    assert [w for w in order if w in wanted][:len(wanted)] == wanted, [type(w).__name__ for w in order]
    dialog.folder_edit.setText(str(tmp_path / "missing"))
    dialog.folder_edit.setFocus()
    qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_Return)  # Enter: the default button, Export
    assert "existing folder" in dialog.message.text()
    qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()

    verify = VerifyPdfDialog(demo_wf)
    qtbot.addWidget(verify)
    verify.show()
    verify.activateWindow()
    qtbot.waitActive(verify)
    assert verify.choose_button.isDefault() and verify.choose_button.text().startswith("&Choose")
    qtbot.keyClick(verify, Qt.Key.Key_Escape)
    assert not verify.isVisible()


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils")
def test_printing_from_the_preview_paints_every_page_at_the_printer_s_resolution(qtbot, signed, tmp_path):
    """What Print in the preview does with a real printer (here one printing to a PDF file): the
    pages rendered anew, a long job with its progress."""
    from PySide6.QtWidgets import QWidget

    from hvp_desktop.reports.pdf_combine import combine

    pdf = combine([p.read_bytes() for p in signed[:3]])
    parent = QWidget()
    qtbot.addWidget(parent)
    preview = printing.print_pdf(parent, pdf, "three sheets")
    assert preview.pdf_pages > 4  # the path with the progress dialog
    printer = printing.a4_printer("three sheets")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    printer.setOutputFileName(str(tmp_path / "paper.pdf"))
    preview.paintRequested.emit(printer)
    assert _pdfinfo_pages(tmp_path / "paper.pdf") == preview.pdf_pages
    preview.reject()


def test_a_preview_no_longer_wanted_is_not_shown(qtbot, demo_wf):
    """The main window locked while the sheets were rendered: nothing of the file appears."""
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    task = preview_round_sheets(parent, demo_wf, _round(demo_wf), wanted=lambda: False)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert _previews() == []
    del task

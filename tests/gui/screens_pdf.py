"""The signed-PDF screens of issue 20 for `screens.py`: Verify a PDF (one valid sheet; several
files, a refused one shown), Export score sheets (before and after), the print preview of a
round's sheets. The PDFs are written to a temp folder; their names and the folder are the disk's
words, the root's fingerprint a code: they count as data."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path


def _wait(condition, settle, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        settle(0.05)
    return condition()


def pdf_screens(win, wf, checker, settle) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QApplication

    from hvp_desktop.gui.pdf_dialogs import ExportSheetsDialog, VerifyPdfDialog, preview_round_sheets
    from hvp_desktop.reports import round_reports as reports
    from hvp_desktop.store import certificates as certs
    from hvp_desktop.store import queries

    sized = sorted((len(reports.submitted_sheets(wf, r.id)), r.id) for r in queries.rounds(wf))
    sized = [s for s in sized if s[0]]
    if not sized:
        checker.problem("verify-pdf", "no round with a submitted sheet in the demo")
        return
    round_id = sized[0][1]
    folder = Path(tempfile.mkdtemp(prefix="hvp-screens-pdf-"))
    try:
        signed = reports.export_round_sheets(wf, round_id, folder, sign=True).files
        flipped = folder / "flipped.pdf"
        data = bytearray(signed[0].read_bytes())
        data[len(data) // 4] ^= 0x01
        flipped.write_bytes(bytes(data))
        notes = folder / "notes.pdf"
        notes.write_text("not a PDF", encoding="utf-8")
        out = folder / "out"
        out.mkdir()
        words = [str(out), str(folder), *(p.name for p in [*signed, flipped, notes])]
        fingerprint = certs.short_fingerprint(certs.root_fingerprint(wf) or "")
        if fingerprint:
            words.append(fingerprint)
        checker.data_ascii[:0] = [re.compile(re.escape(w)) for w in words]

        dialog = VerifyPdfDialog(wf, win)
        dialog.show()
        dialog.verify([signed[0]])
        if not _wait(lambda: dialog.task is None and bool(dialog.results), settle):
            checker.problem("verify-pdf", "the check did not end")
        checker.inspect(dialog, "verify-pdf")
        dialog.results = []
        dialog.verify([signed[0], flipped, notes])
        _wait(lambda: dialog.task is None and len(dialog.results) == 3, settle)
        dialog.table.setCurrentCell(1, 0)
        checker.inspect(dialog, "verify-pdf-several")
        dialog.reject()
        dialog.deleteLater()

        export = ExportSheetsDialog(wf, round_id, win)
        export.folder_edit.setText(str(out))
        export.show()
        checker.inspect(export, "export-sheets")
        # one expert's key under a PIN: the export asks for it, naming the expert
        from hvp_desktop.store.ops import certificates as cert_ops
        from tests.gui.screens import when_modal

        cert_ops.issue_certificate(wf, export.sheets[0].expert_id, "2468")
        asked = []

        def pin(dialog) -> None:
            asked.append(dialog)
            checker.inspect(dialog, "export-sheets-pin")
            dialog.setTextValue("2468")
            dialog.accept()

        when_modal(export.export, pin)
        if not asked:
            checker.problem("export-sheets-pin", "no PIN was asked for a key under a PIN")
        if not _wait(lambda: export.task is None, settle):
            checker.problem("export-sheets", "the export did not end")
        checker.inspect(export, "export-sheets-done")
        export.reject()
        export.deleteLater()

        task = preview_round_sheets(win, wf, round_id)
        if task is None or not _wait(lambda: any(isinstance(w, QPrintPreviewDialog) and w.isVisible()
                                                 for w in QApplication.topLevelWidgets()), settle):
            checker.problem("print-preview", "the preview did not open")
            return
        preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintPreviewDialog)
                       and w.isVisible())
        settle(0.3)
        checker.inspect(preview, "print-preview")
        preview.reject()
        settle(0.05)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

"""Issue 19: the secretariat keeps an application's own documents (申报书, audit reports,
certificates) in the encrypted working file from the application's window — added from a file
dialog or by dropping files, read from memory, removed; an expert's file shows them read-only."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import time
from pathlib import Path

from hvp_desktop.gui.application_detail import ApplicationDetailDialog
from hvp_desktop.gui.runner import Runner
from hvp_desktop.store import queries, visits

MARKER = "DOCMARKER-19-application"


def _pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setTitle(MARKER)
    c.drawString(72, 720, "application form, page 1")
    c.showPage()
    c.save()
    path.write_bytes(out.getvalue())
    return path


def _holds_marker(folder: Path, since: float, skip: Path) -> list[Path]:
    """Files written since the test began that hold the marker (others' files may come and go
    meanwhile: a file that vanishes while looked at is passed over)."""
    found = []
    for f in folder.rglob("*"):
        try:
            if skip in f.parents or not f.is_file() or f.stat().st_mtime < since or f.stat().st_size > 50_000_000:
                continue
            if MARKER.encode() in f.read_bytes():
                found.append(f)
        except OSError:
            continue
    return found


def test_documents_are_added_opened_and_removed_from_the_applications_window(qtbot, demo_wf, tmp_path):
    started = time.time()
    runner = Runner(demo_wf)
    try:
        app = queries.application_rows(demo_wf)[-1].id
        before = len(visits.documents_of(demo_wf, app))
        dialog = ApplicationDetailDialog(runner, app)
        qtbot.addWidget(dialog)
        box = dialog.documents
        assert box.add_button.isVisible() or not dialog.isVisible()
        source = _pdf(tmp_path / "申报书.pdf")
        box.add_files([str(source)])  # as a drop on the strip does
        runner.wait()
        qtbot.waitUntil(lambda: box.count() == before + 1)
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        stored = [d for d in visits.documents_of(demo_wf, app) if d.sha256 == digest]
        assert len(stored) == 1 and visits.attachment_bytes(demo_wf, stored[0].id) == source.read_bytes()
        assert dialog.form.tabs.tabText(dialog.documents_tab).endswith(f"({before + 1})")
        box.open(str(stored[0].id))
        qtbot.waitUntil(lambda: box.dialog.viewer.page_count() >= 1)
        box.dialog.reject()
        source.unlink()  # the user's own copy gone: the bytes live only in the encrypted file now
        # (pytest's own folders — this test's and earlier runs' sources — are not the app's to clean)
        for folder in (Path(tempfile.gettempdir()), Path(os.environ["XDG_CONFIG_HOME"]),
                       Path(os.environ["XDG_DATA_HOME"])):
            assert not _holds_marker(folder, started, skip=tmp_path.parents[1])
        box.remove(str(stored[0].id))
        box.remove_box.accept()
        runner.wait()
        qtbot.waitUntil(lambda: box.count() == before)
    finally:
        runner.close()


def test_a_file_that_is_not_a_document_is_refused_in_the_window(qtbot, demo_wf, tmp_path):
    runner = Runner(demo_wf)
    try:
        app = queries.application_rows(demo_wf)[-1].id
        dialog = ApplicationDetailDialog(runner, app)
        qtbot.addWidget(dialog)
        bad = tmp_path / "说明.docx"
        bad.write_bytes(b"PK\x03\x04 a word document")
        dialog.documents.add_files([str(bad)])
        runner.wait()
        qtbot.waitUntil(lambda: "PDF" in dialog.documents.message.text())
    finally:
        runner.close()

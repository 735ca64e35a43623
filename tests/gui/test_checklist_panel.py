"""The on-site checklist panel (issue 19): a whole visit walked by keyboard, a figure below its
threshold flagged at once, a photo and a PDF attached (found in the encrypted file, no byte of them
left in a temp or cache folder), the total, a veto item failing the assessment with the outcome and
the list to rectify; a 10 MB photo added without holding the GUI thread, the file opening again
afterwards and `check` passing."""

from __future__ import annotations

import os
import time
import uuid
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QElapsedTimer, QIODevice, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QImageWriter

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain.model import SeatRole
from hvp_desktop.gui import document_viewer as dv
from hvp_desktop.gui.checklist_model import BEFORE, CODE, FIGURE, STATUS, ChecklistModel
from hvp_desktop.gui.checklist_panel import ChecklistPanel
from hvp_desktop.gui.scoring_panel import rubric_for
from hvp_desktop.store import queries, visits
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import ranking as ranking_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from hvp_desktop.store.ops.core import Changes
from tests.conftest import DEMO_PASSWORD
from tests.gui.test_document_viewer import _files_holding


# -- files made in memory ------------------------------------------------------------------------
def png_bytes(marker: bytes, width: int = 320, height: int = 240, noise: bool = False) -> bytes:
    if noise:
        image = QImage(os.urandom(width * height * 4), width, height, QImage.Format.Format_RGB32).copy()
    else:
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor("#dfe9f5"))
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"png")
    writer.setText("Description", marker.decode())  # a tEXt chunk, uncompressed
    assert writer.write(image), writer.errorString()
    buffer.close()
    data = array.data()
    assert marker in data
    return data


def pdf_bytes(marker: bytes) -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setTitle(marker.decode())
    pdf.drawString(72, 720, "appointment document of the centre's principal")
    pdf.showPage()
    pdf.save()
    data = out.getvalue()
    assert marker in data
    return data


@pytest.fixture
def marker():
    """In every file of the test; afterwards no file in the temp or cache folders holds it."""
    value = f"HVP-CHECKLIST-{uuid.uuid4().hex[:20]}".encode()
    started = time.time()
    yield value
    dv.wait_for_workers()
    assert _files_holding(value, started) == []


# -- a centre to visit ------------------------------------------------------------------------------
@pytest.fixture
def year2_centre(demo_wf):
    """A 2027 year-2 assessment round of the demo's centres that passed year 1; an expert of the
    demo seated and assigned to one of them."""
    wf = demo_wf
    round_id = ranking_ops.open_assessment_round(wf, 2027, "year2").value
    with wf.engine.connect() as c:
        app_id = c.exec_driver_sql("SELECT min(id) FROM applications WHERE round_id = ?", (round_id,)).scalar()
    expert = panel_ops.add_expert(wf, "周敏", "华南理工大学", "教授").value
    panel_ops.seat(wf, round_id, expert, SeatRole.MEMBER)
    panel_ops.assign(wf, expert, [app_id])
    return wf, expert, app_id


@pytest.fixture
def make_panel(qtbot, make_runner):
    def make(wf) -> ChecklistPanel:
        p = ChecklistPanel(wf, make_runner(wf))
        qtbot.addWidget(p)
        p.resize(1366, 700)
        p.show()
        qtbot.waitExposed(p)
        return p

    return make


def _open(qtbot, p: ChecklistPanel, expert: int, app_id: int) -> None:
    assert p.choose(expert, app_id)
    qtbot.waitUntil(lambda: p.model is not None and p.application_id == app_id, timeout=5000)


def _key(qtbot, p: ChecklistPanel, key) -> None:
    qtbot.keyClick(p.table, key)


def test_a_whole_visit_by_keyboard_with_evidence_total_veto_and_rectification_list(
        qtbot, year2_centre, make_panel, marker, tmp_path):
    wf, expert, app_id = year2_centre
    p = make_panel(wf)
    _open(qtbot, p, expert, app_id)
    checklist = p.model.checklist
    assert p.model.rowCount() == len(checklist.items) and p.table.isColumnHidden(BEFORE)

    # the header, saved as it is typed
    p.form.placeEdit.setText("企业三楼会议室")
    p.form.placeEdit.editingFinished.emit()
    p.form.startEdit.setText("09:30")
    p.form.startEdit.editingFinished.emit()

    # every item by keyboard: the first veto item not met, the others met; N and Down move on
    veto = next(i for i in checklist.items if i.kind == checklists.ItemKind.VETO)
    p.table.setFocus()
    p.table.setCurrentIndex(p.model.index(0, STATUS))
    for n, item in enumerate(p.model.items):
        assert p.current_item() is item
        _key(qtbot, p, Qt.Key.Key_3 if item is veto else Qt.Key.Key_2 if n == 1 else Qt.Key.Key_1)
        _key(qtbot, p, Qt.Key.Key_N if n % 2 else Qt.Key.Key_Down)
    _key(qtbot, p, Qt.Key.Key_P)  # and back one
    assert p.current_item() is p.model.items[-2]
    _key(qtbot, p, Qt.Key.Key_Up)
    assert p.current_item() is p.model.items[-3]
    _key(qtbot, p, Qt.Key.Key_0)  # not checked after all …
    _key(qtbot, p, Qt.Key.Key_1)  # … then met: every key is one saved change
    p.runner.wait()
    saved = visits.get_visit(wf, p.view.id)
    assert saved.place == "企业三楼会议室" and saved.started_at == "09:30"
    assert saved.finding(veto.code).status == checklists.Status.NOT_MET
    assert saved.finding(p.model.items[1].code).status == checklists.Status.PARTLY
    assert sum(f.status == checklists.Status.MET for f in saved.findings.values()) == len(checklist.items) - 2

    # a figure below its threshold: flagged at once, in the table and the detail area
    staff = next(i for i in checklist.items if i.threshold is not None)
    p.table.setCurrentIndex(p.model.index(p.model.row_of(staff.code), STATUS))
    p.form.figureEdit.setFocus()
    p.form.figureEdit.setText(checklists.format_number(staff.threshold.minimum - 1))
    p.form.figureEdit.editingFinished.emit()
    problem = checklists.threshold_problem(staff, staff.threshold.minimum - 1)[1]  # the UI speaks English here
    assert p.form.problemLabel.text() == problem and p.form.problemLabel.isVisible()
    cell = p.model.index(p.model.row_of(staff.code), FIGURE)
    assert p.model.data(cell, Qt.ItemDataRole.ToolTipRole) == problem
    assert p.model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
    p.runner.wait()
    assert visits.get_visit(wf, p.view.id).finding(staff.code).figure == staff.threshold.minimum - 1

    # a note, typed and saved after a pause
    p.form.noteEdit.setPlainText("任命文件已核验")
    qtbot.waitUntil(lambda: not p.note_timer.isActive(), timeout=3000)
    p.runner.wait()
    assert visits.get_visit(wf, p.view.id).finding(staff.code).note == "任命文件已核验"

    # a photo and a PDF: read and stored on the writer thread, shown as thumbnails
    photo, scan = png_bytes(marker), pdf_bytes(marker)
    camera = tmp_path / "camera"
    camera.mkdir()
    (camera / "现场照片.png").write_bytes(photo)
    (camera / "任命文件.pdf").write_bytes(scan)
    p.add_evidence_files([str(camera / "现场照片.png"), str(camera / "任命文件.pdf")])
    p.runner.wait()
    qtbot.waitUntil(lambda: len(p.strip.keys()) == 2, timeout=5000)
    for path in camera.iterdir():  # the expert's own copies go: what is left on disk is the app's
        path.unlink()
    stored = visits.get_visit(wf, p.view.id).evidence[staff.code]
    assert [a.filename for a in stored] == ["现场照片.png", "任命文件.pdf"]
    assert visits.attachment_bytes(wf, stored[0].id) == photo and visits.attachment_bytes(wf, stored[1].id) == scan
    with wf.engine.connect() as c:  # inside the encrypted file, not next to it
        assert c.exec_driver_sql("SELECT count(*) FROM attachments WHERE visit_id = ?", (p.view.id,)).scalar() == 2
    assert marker not in wf.path.read_bytes()
    assert p.model.data(p.model.index(p.model.row_of(staff.code), 8)) == "2"
    p.open_evidence(p.strip.keys()[1])  # the PDF in the viewer, from memory
    qtbot.waitUntil(lambda: p.evidence_dialog.viewer.page_count() == 1, timeout=5000)
    p.evidence_dialog.reject()

    # the total: the expert's sheet on the round's rubric
    rubric = rubric_for(wf, app_id)
    for criterion in rubric.criteria:
        sheet_ops.score(wf, expert, app_id, rubric, criterion.code, criterion.max_points, "现场核实")
    p.apply_changes(Changes(sheets=frozenset({1})))  # as the runner announces a scored sheet
    text = p.form.outcomeLabel.text()
    assert "100" in text  # the total …
    assert veto.code in text and "Rectification period" in text  # … and the veto deciding before points
    due = checklists.assessment_outcome(2, Decimal(100), [veto.code], rectification=False,
                                        decided_on=date.today()).due
    assert f"To rectify by {due.isoformat()}" in text
    for item in checklists.rectification_items(checklist, p.model.current_findings()):
        assert item.code in text  # the veto item, the partly met one, the figure below its threshold
    assert {veto.code, staff.code, p.model.items[1].code} <= {
        i.code for i in checklists.rectification_items(checklist, p.model.current_findings())}

    # a met veto item: the assessment passes on its points
    p.table.setCurrentIndex(p.model.index(p.model.row_of(veto.code), STATUS))
    p.table.setFocus()
    _key(qtbot, p, Qt.Key.Key_1)
    assert "Passed" in p.form.outcomeLabel.text() and "To rectify" not in p.form.outcomeLabel.text()
    p.runner.wait()
    assert queries.replay_report(wf).problems == [] and queries.verify_chain(wf).ok


def test_a_re_assessment_shows_before_and_after_with_the_carried_items_first(demo_wf):
    checklist = visits.default_checklist()
    items = checklist.items
    before = {items[5].code: checklists.Finding(items[5].code, checklists.Status.NOT_MET),
              items[9].code: checklists.Finding(items[9].code, checklists.Status.PARTLY),
              items[0].code: checklists.Finding(items[0].code, checklists.Status.MET)}
    view = visits.VisitView(1, 1, 1, checklist, 0, None, "", "", "", "", "",
                            {items[5].code: checklists.Finding(items[5].code, checklists.Status.MET)})
    model = ChecklistModel(view, before)
    assert [i.code for i in model.items[:2]] == [items[5].code, items[9].code]
    assert model.data(model.index(0, CODE)).startswith("↻")
    assert model.data(model.index(0, BEFORE)) == "Not met" and model.data(model.index(0, STATUS)) == "Met"
    assert model.data(model.index(2, BEFORE)) == "Met"


def test_a_re_assessment_visit_continues_the_earlier_one(qtbot, demo_wf, make_panel):
    """The demo's re-assessment round: the visit opens (continuing the year-1 visit when there is one)."""
    wf = demo_wf
    with wf.engine.connect() as c:
        app_id, expert = c.exec_driver_sql(
            "SELECT a.id, s.expert_id FROM applications a JOIN rounds r ON r.id = a.round_id "
            "JOIN assignments s ON s.application_id = a.id WHERE r.kind = 'rectification' ORDER BY a.id LIMIT 1").one()
    earlier = visits.earlier_visits(wf, app_id)
    p = make_panel(wf)
    _open(qtbot, p, expert, app_id)
    assert p.view.rectification_of == (p._earlier_visit(app_id, expert).id if earlier else None)
    assert p.table.isColumnHidden(BEFORE) == (not earlier)
    text = p.form.outcomeLabel.text()
    assert "points" in text or "No score sheet" in text


def test_a_10_mb_photo_keeps_the_gui_responsive_and_the_file_checks(qtbot, year2_centre, make_panel, marker,
                                                                     tmp_path):
    wf, expert, app_id = year2_centre
    p = make_panel(wf)
    _open(qtbot, p, expert, app_id)
    big = png_bytes(marker, 2300, 1600, noise=True)  # random pixels do not compress: > 10 MB
    assert len(big) > 10_000_000
    path = tmp_path / "big-photo.png"
    path.write_bytes(big)
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer(interval=10, timeout=tick)
    ticker.start()
    p.strip.files_dropped.emit([str(path)])  # dropped on the strip
    qtbot.waitUntil(lambda: len(p.strip.keys()) == 1 and not p.runner.busy(), timeout=30000)
    qtbot.waitUntil(lambda: dv.wait_for_workers(0), timeout=30000)  # the thumbnail made and shown,
    qtbot.wait(200)  # the GUI thread ticking all along
    ticker.stop()
    path.unlink()
    worst = max(gaps)
    print(f"\n10 MB photo ({len(big) / 1e6:.1f} MB): the GUI thread's longest gap {worst} ms over {len(gaps)} ticks")
    assert worst < 100, gaps
    code = p.current_item().code
    p.runner.close()
    file = wf.path
    wf.close()
    with WorkingFile.open(file, DEMO_PASSWORD) as again:
        visit = visits.visits_of(again, app_id, expert)[0]
        assert visits.attachment_bytes(again, visit.evidence[code][0].id) == big
        assert again.integrity_errors() == []
        assert queries.verify_chain(again).ok
        assert queries.replay_report(again).problems == []


def test_a_visit_in_a_confirmed_round_is_read_only(qtbot, demo_wf, make_panel):
    """The demo's year-1 round is confirmed: its visits are shown, item by item, and take no change."""
    wf = demo_wf
    with wf.engine.connect() as c:
        found = c.exec_driver_sql(
            "SELECT v.application_id, v.expert_id FROM visits v JOIN applications a ON a.id = v.application_id "
            "JOIN rounds r ON r.id = a.round_id WHERE r.kind = 'year1' AND v.expert_id IS NOT NULL LIMIT 1").first()
    if found is None:
        pytest.skip("the demo has no year-1 visit")
    app_id, expert = found
    p = make_panel(wf)
    _open(qtbot, p, expert, app_id)
    assert p.locked_on is not None and not p.form.figureEdit.isEnabled() and not p.form.metButton.isEnabled()
    p.runner.wait()  # (showing the panel opened the first centre's visit)
    before = dict(p.model.findings)
    p.table.setFocus()
    _key(qtbot, p, Qt.Key.Key_3)
    _key(qtbot, p, Qt.Key.Key_N)
    assert p.model.findings == before and p.table.currentIndex().row() == 1
    assert not p.runner.busy(), [j.fn for j in p.runner._pending]


def test_in_an_experts_own_file_the_panel_is_that_experts(qtbot, year2_centre, make_panel, tmp_path):
    from hvp_desktop.store import expert_file

    wf, expert, app_id = year2_centre
    path = tmp_path / "expert.hvpdb"
    expert_file.write_expert_file(wf, expert, path, "expert-visit-pass-1")
    with WorkingFile.open(path, "expert-visit-pass-1") as mine:
        me = expert_file.expert_of(mine)
        p = make_panel(mine)
        assert [p.form.expertCombo.itemData(i) for i in range(p.form.expertCombo.count())] == [me]
        assert not p.form.expertCombo.isEnabled()
        qtbot.waitUntil(lambda: p.model is not None, timeout=5000)
        p.table.setFocus()
        _key(qtbot, p, Qt.Key.Key_1)
        p.form.nextButton.click()  # the buttons do what the keys do
        p.form.partlyButton.click()
        p.runner.close()
        saved = visits.get_visit(mine, p.view.id)
        first, second = p.model.items[:2]
        assert saved.finding(first.code).status == checklists.Status.MET
        assert saved.finding(second.code).status == checklists.Status.PARTLY
        assert queries.replay_report(mine).problems == []

"""The expert's scoring form, driven with the keyboard alone from first criterion to signed sheet."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from hvp_desktop.domain.model import SeatRole
from hvp_desktop.gui.scoring_model import COMMENT, SCORE
from hvp_desktop.gui.scoring_panel import ScoringPanel
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import panel, queries, sheets
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops.core import Changes


@pytest.fixture
def assigned(demo_wf):
    rows = [r for r in queries.application_rows(demo_wf) if r.year == 2025 and r.state == "y1_passed"]
    expert = panel_ops.add_expert(demo_wf, "陈静", "中山大学", "教授").value
    panel_ops.seat(demo_wf, rows[0].round_id, expert, SeatRole.MEMBER)
    panel_ops.assign(demo_wf, expert, [rows[0].id, rows[1].id])
    return demo_wf, expert, rows[0].id


def _open_editor(p: ScoringPanel) -> QLineEdit:
    """The cell editor the key press opened (offscreen, the window is not 'active', so the
    application's focus widget is not reliable)."""
    editors = [e for e in p.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "typing a digit must open the score cell's editor"
    return editors[0]


@pytest.fixture
def make_panel(qtbot, make_runner):
    return lambda wf: _panel(qtbot, wf, make_runner(wf))


def _panel(qtbot, wf, runner) -> ScoringPanel:
    p = ScoringPanel(wf, runner)
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_keyboard_only_from_first_criterion_to_submitted_sheet(qtbot, assigned, make_panel):
    wf, expert, app_id = assigned
    p = make_panel(wf)
    p.form.expertCombo.setCurrentIndex(p.form.expertCombo.findData(expert))
    p.form.applicationCombo.setCurrentIndex(p.form.applicationCombo.findData(app_id))
    rubric = p.model.rubric
    p.table.setFocus()
    for criterion in rubric.criteria:
        assert p.table.currentIndex().column() == SCORE
        digits = rubrics.format_points(criterion.max_points)
        qtbot.keyClick(p.table, digits[0])  # the first digit opens the cell's editor …
        editor = _open_editor(p)
        if digits[1:]:
            qtbot.keyClicks(editor, digits[1:])  # … which takes the rest
        if rubrics.comment_required(criterion, criterion.max_points):
            qtbot.keyClick(editor, Qt.Key.Key_Tab)  # the rubric wants a comment: Tab to it
            qtbot.waitUntil(lambda: p.table.currentIndex().column() == COMMENT, timeout=2000)
            editor = _open_editor(p)
            qtbot.keyClicks(editor, "verified on site")
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # commit, go to the next criterion
        # Qt commits an editor in a queued call: wait until the editor has closed
        qtbot.waitUntil(lambda: p.table.state() != QAbstractItemView.State.EditingState, timeout=2000)
    p.runner.wait()  # every score was saved off the GUI thread, in order
    assert p.model.total() == Decimal(100)
    assert "100 / 100" in p.form.totalLabel.text()
    assert all(comment == "verified on site" for points, comment in p.model.entries.values() if comment)
    saved = sheets.get_sheet(wf, p.sheet.id)
    assert saved.total == Decimal(100) and len(saved.entries) == len(rubric.criteria)

    p.form.submitButton.click()
    dialog = p.submit_dialog
    qtbot.addWidget(dialog)
    dialog.form.buttonBox.accepted.emit()
    assert "sign" in dialog.form.messageLabel.text()  # no signature yet (checked before any write)
    pad = dialog.pad
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 40))
    for x in range(25, 200, 15):
        qtbot.mouseMove(pad, QPoint(x, 40 + (x % 30)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(210, 50))
    dialog.form.buttonBox.accepted.emit()
    p.runner.wait()
    assert "statement of no conflict of interest" in dialog.form.messageLabel.text()  # not ticked (English UI)
    qtbot.keyClick(dialog.form.statementCheck, Qt.Key.Key_Space)
    assert dialog.form.statementCheck.isChecked()
    dialog.form.buttonBox.accepted.emit()
    p.runner.wait()
    done = sheets.get_sheet(wf, p.sheet.id)
    assert done.status == "submitted", dialog.form.messageLabel.text()
    assert p.model.read_only and not p.form.submitButton.isEnabled()


def test_a_refused_score_stays_in_its_cell_with_the_reason_until_it_is_fixed(qtbot, assigned, make_panel):
    wf, expert, app_id = assigned
    p = make_panel(wf)
    assert p.choose(expert, app_id)
    first = p.model.rubric.criteria[0]
    index = p.model.index(0, SCORE)
    above = rubrics.format_points(first.max_points + first.step)
    p.model.setData(index, above)
    assert index.data() == above  # what the expert typed stays where they typed it …
    assert "between 0 and" in index.data(Qt.ItemDataRole.ToolTipRole)  # … with the reason on it
    assert "between 0 and" in p.form.messageLabel.text() and p.form.messageLabel.isVisible()
    assert p.model.entries[first.code] == (None, "")  # nothing was saved
    p.model.setData(index, "0.25")
    assert index.data() == "0.25" and "multiple of" in p.form.messageLabel.text()
    p.model.setData(index, rubrics.format_points(first.max_points))
    p.runner.wait()
    assert index.data() == rubrics.format_points(first.max_points)
    assert p.model.refusal(0) is None and p.form.messageLabel.text() == ""  # the reason goes once fixed
    assert sheets.current_sheet(wf, expert, app_id).entries[first.code][0] == first.max_points


def test_enter_on_a_refused_score_keeps_the_cursor_on_it(qtbot, assigned, make_panel):
    wf, expert, app_id = assigned
    p = make_panel(wf)
    assert p.choose(expert, app_id)
    p.focus_first_score()
    qtbot.keyClick(p.table, "9")
    editor = _open_editor(p)
    qtbot.keyClicks(editor, "9")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: p.table.state() != QAbstractItemView.State.EditingState, timeout=2000)
    assert (p.table.currentIndex().row(), p.table.currentIndex().data()) == (0, "99")
    assert p.model.refusal(0)


def test_the_pink_comment_cell_says_why_a_comment_is_required(qtbot, assigned, make_panel):
    wf, expert, app_id = assigned
    p = make_panel(wf)
    assert p.choose(expert, app_id)
    row, criterion = next((r, c) for r, c in enumerate(p.model.criteria)
                          if rubrics.comment_required(c, c.max_points) or rubrics.comment_required(c, Decimal(0)))
    points = c_max if rubrics.comment_required(criterion, c_max := criterion.max_points) else Decimal(0)
    p.model.setData(p.model.index(row, SCORE), rubrics.format_points(points))
    p.runner.wait()
    tip = p.model.index(row, COMMENT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("A comment is required")
    assert p.model.index(row, COMMENT).data(Qt.ItemDataRole.BackgroundRole) is not None
    p.model.setData(p.model.index(row, COMMENT), "材料齐全")
    p.runner.wait()
    assert p.model.index(row, COMMENT).data(Qt.ItemDataRole.ToolTipRole) == "材料齐全"


def test_tab_moves_score_comment_next_score_and_undo_redo_save(qtbot, assigned, make_panel):
    wf, expert, app_id = assigned
    p = make_panel(wf)
    p.form.expertCombo.setCurrentIndex(p.form.expertCombo.findData(expert))
    p.form.applicationCombo.setCurrentIndex(p.form.applicationCombo.findData(app_id))
    p.table.setFocus()
    qtbot.keyClick(p.table, Qt.Key.Key_Tab)
    assert (p.table.currentIndex().row(), p.table.currentIndex().column()) == (0, COMMENT)
    qtbot.keyClick(p.table, Qt.Key.Key_Tab)
    assert (p.table.currentIndex().row(), p.table.currentIndex().column()) == (1, SCORE)
    code = p.model.criteria[1].code
    p.model.setData(p.model.index(1, SCORE), "2")
    p.runner.wait()
    assert sheets.get_sheet(wf, p.sheet.id).entries[code][0] == Decimal(2)
    p.undo()
    p.runner.wait()
    assert sheets.get_sheet(wf, p.sheet.id).entries[code][0] is None  # undo is saved too
    p.redo()
    p.runner.wait()
    assert sheets.get_sheet(wf, p.sheet.id).entries[code][0] == Decimal(2)


def test_a_conflicted_expert_cannot_open_the_sheet(qtbot, assigned, make_panel):
    from hvp_desktop.domain.model import ConflictSource

    wf, expert, app_id = assigned
    p = make_panel(wf)
    panel_ops.record_conflict(wf, expert, app_id, ConflictSource.DECLARED, "曾任该企业顾问")
    p.reload()
    p.form.expertCombo.setCurrentIndex(p.form.expertCombo.findData(expert))
    assert p.form.applicationCombo.findData(app_id) == -1  # the assignment went with the conflict


def _round_titled(wf, word: str) -> int:
    return next(round_id for round_id, title in queries.round_list(wf) if word in title)


def test_sheets_overview_shows_who_is_missing(qtbot, demo_wf, make_panel):
    """On the demo's rectification panel, still at work: submitted, drafts, not started, a declared conflict."""
    from hvp_desktop.gui.scoring_panel import SheetsOverview

    p = make_panel(demo_wf)
    overview = SheetsOverview(demo_wf, _round_titled(demo_wf, "整改"), p)
    qtbot.addWidget(overview)
    states = {overview.table.item(r, c).data(0x0100)
              for r in range(overview.table.rowCount()) for c in range(overview.table.columnCount())}
    assert {"submitted", "draft", "conflicted"} <= states
    overview.only_missing.setChecked(True)
    shown = [r for r in range(overview.table.rowCount()) if not overview.table.isRowHidden(r)]
    assert shown and all(
        any(overview.table.item(r, c).data(0x0100) in ("draft", "not_started")
            for c in range(overview.table.columnCount())) for r in shown)


def test_an_expert_declares_a_conflict_and_the_application_leaves_their_list(qtbot, assigned, make_panel):
    """The button opens a dialog asking the reason (it used to run the step without one and be
    refused); an empty reason is refused in the dialog, a written one takes the application off."""
    from hvp_desktop.gui.scoring_panel import ReasonDialog

    wf, expert, app_id = assigned
    p = make_panel(wf)
    assert p.choose(expert, app_id)
    qtbot.mouseClick(p.form.conflictButton, Qt.MouseButton.LeftButton)
    dialog = p.reason_dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    p.runner.wait()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=2000)
    assert dialog.isVisible() and "reason" in dialog.message.text()  # COI: a reason is required
    assert p.form.applicationCombo.findData(app_id) >= 0
    dialog.text.setFocus()
    from tests.gui.conftest import type_text

    type_text(qtbot, dialog.text, "配偶在该企业任高管")
    with qtbot.waitSignal(p.runner.changed, timeout=5000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert p.form.applicationCombo.findData(app_id) == -1  # off their list
    assert p.form.applicationCombo.count() == 1  # the other assignment stays, now the open one
    matrix = panel.sheet_matrix(wf, queries.application_detail(wf, app_id).round_id)
    assert matrix.cells[(expert, app_id)] == "conflicted"
    conflict = [c for c in panel.round_panel(wf, queries.application_detail(wf, app_id).round_id)
                if c.expert_id == expert]
    assert conflict


def _submitted_sheets(p: ScoringPanel):
    """(expert id, application id) of every submitted sheet the panel lists."""
    return [(p.form.expertCombo.itemData(i), a.application_id) for i in range(p.form.expertCombo.count())
            for a in _assignments_after(p, i) if a.state == "submitted"]


def _show(p: ScoringPanel, at: tuple[int, int]) -> None:
    assert p.choose(*at)


def test_a_submitted_sheet_is_corrected_in_a_new_revision(qtbot, demo_wf, make_panel):
    p = make_panel(demo_wf)
    submitted = next(at for at in _submitted_sheets(p) if _show(p, at) or p.locked_on is None)
    _show(p, submitted)
    assert p.model.read_only and p.form.correctButton.isEnabled()
    first = p.sheet
    p.start_correction("")  # a reason is required
    p.runner.wait()
    assert first.id == p.sheet.id and p.form.messageLabel.text()
    with qtbot.waitSignal(p.runner.changed, timeout=2000) as announced:  # the ranking counts it as missing now
        assert p.start_correction("C1经费核对后更正")
        p.runner.wait()
    assert p.application_id in announced.args[0].applications
    assert (p.sheet.revision, p.sheet.status) == (first.revision + 1, "draft")
    assert not p.model.read_only and p.form.submitButton.isEnabled()
    assert sheets.get_sheet(demo_wf, first.id).status == "submitted"  # both revisions stay


def test_a_consolidated_rounds_sheets_are_read_only_without_correction(qtbot, demo_wf, make_panel):
    p = make_panel(demo_wf)
    locked = next(at for at in _submitted_sheets(p) if _show(p, at) or p.locked_on is not None)
    _show(p, locked)
    assert p.model.read_only
    assert not p.form.correctButton.isEnabled() and not p.form.conflictButton.isEnabled()
    assert not p.form.paperButton.isEnabled()
    assert p.locked_on.isoformat() in p.form.messageLabel.text()
    p.start_correction("想改一下")  # refused by the store too (the round is locked)
    p.runner.wait()
    assert p.sheet.revision == 1 or p.model.read_only


def _assignments_after(p, expert_index):
    p.form.expertCombo.setCurrentIndex(expert_index)
    return list(p._assignments)


def test_secretary_keys_a_paper_sheet_twice_blind_until_both_agree(qtbot, assigned, make_panel):
    from hvp_desktop.gui.paper_entry import PaperEntryDialog

    wf, expert, app_id = assigned
    p = make_panel(wf)
    assert p.choose(expert, app_id)  # looking creates nothing
    assert sheets.current_sheet(wf, expert, app_id) is None
    p.enter_paper_sheet()
    dialog: PaperEntryDialog = p.paper_dialog
    qtbot.addWidget(dialog)
    assert "陈静" in dialog.form.whoLabel.text()  # whose sheet, for which application
    assert queries.application_detail(wf, app_id).data.enterprise_name in dialog.form.whoLabel.text()
    table = dialog.form.entryTable
    criteria = dialog.rubric.criteria

    def key(values, comments=True):
        for r, value in enumerate(values):
            table.item(r, 3).setText(value)
            table.item(r, 4).setCheckState(Qt.CheckState.Checked if comments else Qt.CheckState.Unchecked)

    full = [rubrics.format_points(c.max_points) for c in criteria]
    key(full, comments=False)  # full marks sit on a band's edge: the rubric wants a comment
    assert not dialog.save()
    assert "comment" in dialog.form.messageLabel.text()
    key(full)
    assert "100 / 100" in dialog.form.totalLabel.text()
    assert dialog.save()
    p.runner.wait()
    dialog.form.keyingCombo.setCurrentIndex(1)  # second keying: starts blank (blind)
    assert all(table.item(r, 3).text() == "" for r in range(table.rowCount()))
    slip = list(full)
    slip[2] = rubrics.format_points(criteria[2].max_points - criteria[2].step)
    key(slip)
    assert dialog.save()
    p.runner.wait()
    assert [d[0] for d in dialog.compare()] == [criteria[2].code]
    assert table.item(2, 1).background().color().name() == "#ffe0b2"  # the differing row is highlighted
    assert table.item(1, 1).background().color().alpha() == 0
    dialog.accept_keyings()
    p.runner.wait()
    assert "differ" in dialog.form.messageLabel.text()
    assert sheets.current_sheet(wf, expert, app_id) is None  # refused whole: no half-made sheet
    key(full)
    assert dialog.save()
    p.runner.wait()
    assert dialog.compare() == []
    assert dialog.accept_keyings()
    p.runner.wait()
    sheet = sheets.current_sheet(wf, expert, app_id)
    assert (sheet.status, sheet.transcribed, sheet.total) == ("submitted", True, Decimal(100))


def test_paper_keying_enter_goes_to_the_next_criterion(qtbot, assigned, make_panel):
    wf, expert, app_id = assigned
    p = make_panel(wf)
    assert p.choose(expert, app_id)
    p.enter_paper_sheet()
    dialog = p.paper_dialog
    qtbot.addWidget(dialog)
    table = dialog.form.entryTable
    assert (table.currentRow(), table.currentColumn()) == (0, 3)
    for row in range(3):
        qtbot.keyClick(table, "1")
        editor = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()][0]
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=2000)
        assert (table.currentRow(), table.currentColumn()) == (row + 1, 3)
    assert [table.item(r, 3).text() for r in range(3)] == ["1", "1", "1"]
    assert "3 / 100" in dialog.form.totalLabel.text()


def test_a_failed_save_is_told_and_leaves_no_undo_step(qtbot, assigned, make_panel):
    wf, expert, app_id = assigned
    p = make_panel(wf)
    p.form.expertCombo.setCurrentIndex(p.form.expertCombo.findData(expert))
    p.form.applicationCombo.setCurrentIndex(p.form.applicationCombo.findData(app_id))

    seen = []
    from hvp_desktop.store.ops import sheets as sheet_ops

    original = sheet_ops.score

    def full_disk(*args, **kwargs):
        raise RuntimeError("disk full")

    p.runner.run = lambda op, *a, **k: type(p.runner).run(p.runner, full_disk if op is original else op, *a, **k)
    hook = sys.excepthook
    sys.excepthook = lambda *exc: seen.append(exc[1])  # the crash dialog, here recorded
    try:
        p.model.setData(p.model.index(0, SCORE), "1")
        p.runner.wait()
    finally:
        sys.excepthook = hook
    assert [str(e) for e in seen] == ["disk full"]  # told through the exception hook (log + dialog)
    assert p.model.undo_stack.count() == 0 and p.model.entries[p.model.criteria[0].code] == (None, "")


def test_a_process_killed_right_after_a_score_was_typed_loses_nothing(assigned, demo_file):
    """The form in a child process: a score typed into the cell, then SIGKILL (a flat battery)."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from hvp_desktop.store.engine import WorkingFile
    from tests.conftest import DEMO_PASSWORD

    wf, expert, app_id = assigned
    wf.close()  # the child holds the file
    script = f"""
import os, signal
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
from hvp_desktop.gui.scoring_panel import ScoringPanel
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.gui.runner import Runner
wf = WorkingFile.open({str(demo_file)!r}, {DEMO_PASSWORD!r})
p = ScoringPanel(wf, Runner(wf))
p.show()
p.form.expertCombo.setCurrentIndex(p.form.expertCombo.findData({expert}))
p.form.applicationCombo.setCurrentIndex(p.form.applicationCombo.findData({app_id}))
p.table.setFocus()
QTest.keyClick(p.table, "3")
editor = [e for e in p.table.viewport().findChildren(QLineEdit) if e.isVisible()][0]
QTest.keyClick(editor, Qt.Key.Key_Return)
while p.model.undo_stack.count() == 0:  # pushed once the file holds the score
    app.processEvents()
print("typed", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""
    root = Path(__file__).resolve().parents[2]
    child = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.returncode == -signal.SIGKILL and child.stdout.strip() == "typed", child.stderr[-2000:]
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as again:
        sheet = sheets.current_sheet(again, expert, app_id)
        first = sheets.rubric_by_label(again, sheet.rubric_label).criteria[0].code
        assert sheet.entries[first][0] == Decimal(3)


def test_the_scoring_form_fits_the_experts_1366x768_laptop(qtbot, demo_wf):
    from hvp_desktop.app import Application
    from hvp_desktop.gui.main_window import MainWindow

    app = Application(QApplication.instance())
    app.install_language("zh_CN")  # Chinese labels are the ones that must fit
    try:
        window = MainWindow(demo_wf)
        qtbot.addWidget(window)
        window.form.navigation.setCurrentRow(1)
        window.resize(1366, 768)
        window.show()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768, hint
        assert window.width() == 1366
    finally:
        app.install_language("en")


def test_on_an_experts_own_file_the_form_is_locked_to_them(qtbot, demo_wf, tmp_path, make_panel):
    from hvp_desktop.store import expert_file
    from hvp_desktop.store.engine import WorkingFile

    owner = panel.panel_experts(demo_wf)[0][0]
    path = tmp_path / "mine.hvpdb"
    expert_file.write_expert_file(demo_wf, owner, path, "expert-pass-1")
    with WorkingFile.open(path, "expert-pass-1") as mine:
        p = make_panel(mine)
        assert p.form.expertCombo.count() == 1 and not p.form.expertCombo.isEnabled()
        assert p.form.expertCombo.currentData() == expert_file.expert_of(mine)  # ids are local; the UUID travels
        assert not p.form.overviewButton.isVisible() and not p.form.paperButton.isVisible()
        own = queries.expert_assignments(mine, expert_file.expert_of(mine))
        in_round = [a for a in own if a.round_id == p.form.roundCombo.currentData() and a.state != "conflicted"]
        assert p.form.applicationCombo.count() == len(in_round) > 0
        assert p.form.roundCombo.count() == len({a.round_id for a in own})
        p.deleteLater()


def test_an_assessment_rows_facts_are_its_centres_declared_figures(qtbot, demo_wf):
    """The year-1 row shows what the centre declared (R5–R7 commitments), not blanks."""
    from hvp_desktop.store.models import Application

    year1 = _round_titled(demo_wf, "第一年度考核")
    row = panel.sheet_matrix(demo_wf, year1).applications[0][0]
    with demo_wf.session() as s:
        centre = s.get(Application, row).assesses_application_id
    shown, declared = queries.application_detail(demo_wf, row), queries.application_detail(demo_wf, centre)
    assert shown.data == declared.data and shown.data.ip_staff_count is not None
    assert shown.checks == [] and "第一年度考核" in shown.round_title


def test_the_list_holds_the_chosen_rounds_applications_unscored_first(qtbot, demo_wf, make_panel):
    """Choose the expert, then the round: only that round's applications, those still to score
    first, a draft marked as a draft, a conflict of interest not at all."""
    p = make_panel(demo_wf)
    f = p.form
    seen_draft = False
    for i in range(f.expertCombo.count()):
        f.expertCombo.setCurrentIndex(i)
        own = queries.expert_assignments(demo_wf, f.expertCombo.currentData())
        assert f.roundCombo.count() == len({a.round_id for a in own})
        for j in range(f.roundCombo.count()):
            f.roundCombo.setCurrentIndex(j)
            expected = {a.application_id: a.state for a in own
                        if a.round_id == f.roundCombo.currentData() and a.state != "conflicted"}
            listed = [f.applicationCombo.itemData(k) for k in range(f.applicationCombo.count())]
            assert sorted(listed) == sorted(expected)
            order = [ScoringPanel.ORDER[expected[a]] for a in listed]
            assert order == sorted(order), "unscored first, then drafts, then submitted"
            for k, app in enumerate(listed):
                text = f.applicationCombo.itemText(k)
                assert text.startswith(ScoringPanel.MARKS[expected[app]])
                if expected[app] == "draft":
                    seen_draft = True
                    assert text.endswith("(draft)")
    assert seen_draft  # the demo's rectification round has drafts


def test_type_ahead_finds_an_application_and_the_focus_goes_to_its_first_score(qtbot, assigned, make_panel):
    from tests.gui.conftest import type_text

    wf, expert, app_id = assigned
    p = make_panel(wf)
    combo = p.form.applicationCombo
    p.form.expertCombo.setCurrentIndex(p.form.expertCombo.findData(expert))
    other = combo.itemData(1) if combo.itemData(0) == app_id else combo.itemData(0)
    combo.setCurrentIndex(combo.findData(other))
    name = queries.application_detail(wf, app_id).data.enterprise_name
    combo.lineEdit().setFocus()
    combo.lineEdit().clear()
    type_text(qtbot, combo.lineEdit(), name[2:5])  # a few characters from the middle of the name
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: combo.currentData() == app_id, timeout=2000)
    assert p.application_id == app_id
    assert p.window().focusWidget() is p.table
    assert (p.table.currentIndex().row(), p.table.currentIndex().column()) == (0, SCORE)


def test_a_closed_dialog_keeps_the_choice_and_the_place_in_the_sheet(qtbot, assigned, make_panel):
    wf, expert, app_id = assigned
    p = make_panel(wf)
    assert p.choose(expert, app_id)
    p.model.setData(p.model.index(0, SCORE), "1")
    p.runner.wait()
    p.table.setCurrentIndex(p.model.index(3, SCORE))
    p.start_submit()  # not ready: said in the panel, nothing opens
    p.declare_conflict()
    p.reason_dialog.reject()  # the expert thinks again
    p.runner.run(lambda _wf: Changes(sheets={p.sheet.id}))  # a sheet change announced: the panel refreshes
    p.runner.wait()
    qtbot.waitUntil(lambda: p.form.applicationCombo.currentData() == app_id, timeout=2000)
    assert (p.table.currentIndex().row(), p.table.currentIndex().column()) == (3, SCORE)

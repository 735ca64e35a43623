"""The GUI's one way to change the file (issue 16): operations run off the GUI thread, in order,
one transaction per action; a busy cursor after 100 ms, a progress dialog with Cancel for long
ones; refusals shown one way, in the UI's language; the changes announced to every panel."""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import event

from hvp_desktop.domain.model import SeatRole
from hvp_desktop.gui import settings
from hvp_desktop.gui.scoring_model import SCORE
from hvp_desktop.gui.scoring_panel import ScoringPanel
from hvp_desktop.store import queries, sheets
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops.core import Cancelled, Changes, operation


@pytest.fixture
def write_threads(demo_wf):
    """The threads on which write transactions begin on the demo file."""
    seen: list[threading.Thread] = []

    def began(conn) -> None:
        if conn.get_execution_options().get("hvp_immediate"):
            seen.append(threading.current_thread())

    event.listen(demo_wf.engine, "begin", began)
    yield seen
    event.remove(demo_wf.engine, "begin", began)


def test_typing_a_score_is_one_transaction_on_the_writer_thread(qtbot, demo_wf, make_runner, write_threads):
    rows = [r for r in queries.application_rows(demo_wf) if r.year == 2025 and r.state == "y1_passed"]
    expert = panel_ops.add_expert(demo_wf, "陈静").value
    panel_ops.seat(demo_wf, rows[0].round_id, expert, SeatRole.MEMBER)
    panel_ops.assign(demo_wf, expert, [rows[0].id])
    write_threads.clear()
    runner = make_runner(demo_wf)
    p = ScoringPanel(demo_wf, runner)
    qtbot.addWidget(p)
    p.form.expertCombo.setCurrentIndex(p.form.expertCombo.findData(expert))
    p.form.applicationCombo.setCurrentIndex(p.form.applicationCombo.findData(rows[0].id))
    before = demo_wf.write_transactions
    assert p.model.setData(p.model.index(0, SCORE), "1")  # the first score: the sheet is made too
    runner.wait()
    assert demo_wf.write_transactions - before == 1
    assert p.model.setData(p.model.index(1, SCORE), "1")
    runner.wait()
    assert demo_wf.write_transactions - before == 2
    assert write_threads and all(t is not threading.main_thread() for t in write_threads)
    assert {t.name for t in write_threads} == {"hvp-writer"}
    assert sheets.current_sheet(demo_wf, expert, rows[0].id).entries[p.model.criteria[1].code][0] == Decimal(1)


def test_operations_run_in_the_order_asked(demo_wf, make_runner):
    runner = make_runner(demo_wf)
    done = []
    for i in range(20):
        runner.run(panel_ops.add_expert, f"专家{i:02d}", on_done=lambda c, i=i: done.append((i, c.value)))
    runner.wait()
    assert [i for i, _ in done] == list(range(20))
    ids = [expert for _, expert in done]
    assert ids == sorted(ids)  # written in that order


@operation()
def _slow(tx, seconds: float, *, is_cancelled=None, progress=None):
    """A long operation for the tests: writes an expert, then waits, cancellable."""
    panel_ops.add_expert.__wrapped__(tx, "慢专家")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if is_cancelled and is_cancelled():
            raise Cancelled()
        if progress:
            progress(1, 2)
        time.sleep(0.02)


def test_a_busy_cursor_after_100_ms_and_a_progress_dialog_with_cancel(qtbot, demo_wf, make_runner):
    runner = make_runner(demo_wf)
    experts = _expert_count(demo_wf)
    job = runner.run(_slow, 5.0, long=True, label="Working slowly…")
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is not None, timeout=2000)
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=3000)
    assert job.dialog.labelText() == "Working slowly…"
    job.dialog.canceled.emit()  # the user presses Cancel
    runner.wait()
    assert QApplication.overrideCursor() is None
    assert _expert_count(demo_wf) == experts  # cancelled: rolled back, nothing written


def _expert_count(wf) -> int:
    """Every expert of the file (round_panel lists them all, seated or not)."""
    from hvp_desktop.store import panel

    return len(panel.round_panel(wf, queries.round_list(wf)[0][0]))


def test_a_quick_operation_shows_no_cursor_and_no_dialog(qtbot, demo_wf, make_runner):
    runner = make_runner(demo_wf)
    job = runner.run(panel_ops.add_expert, "快专家")
    runner.wait()
    qtbot.wait(150)
    assert QApplication.overrideCursor() is None and job.dialog is None


@pytest.mark.parametrize(("language", "expected"), [("en", "Input: The expert's name is empty."),
                                                    ("zh_CN", "输入: 专家姓名不能为空")])
def test_a_refusal_is_shown_one_way_in_the_uis_language(qtbot, demo_wf, make_runner, language, expected):
    runner = make_runner(demo_wf)
    settings.set_ui_language(language)
    try:
        runner.run(panel_ops.add_expert, "  ")
        runner.wait()
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "refusal" and w.isVisible()]
        assert [b.text() for b in boxes] == [expected]
        for b in boxes:
            b.close()
    finally:
        settings.set_ui_language("en")


def test_changes_are_announced_with_who_asked(qtbot, demo_wf, make_runner):
    runner = make_runner(demo_wf)
    me = object()
    with qtbot.waitSignal(runner.changed, timeout=5000) as announced:
        runner.run(panel_ops.add_expert, "新专家", initiator=me)
    changes, initiator = announced.args
    assert isinstance(changes, Changes) and changes.experts and initiator is me


def test_an_unexpected_error_goes_to_the_exception_hook_and_the_widget_hears_of_it(demo_wf, make_runner,
                                                                                  monkeypatch):
    import sys

    runner = make_runner(demo_wf)
    hooked, failed = [], []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: hooked.append(exc[1]))

    def broken(wf):
        raise RuntimeError("a bug")

    runner.run(broken, on_failed=failed.append)
    runner.wait()
    assert [str(e) for e in hooked] == [str(e) for e in failed] == ["a bug"]

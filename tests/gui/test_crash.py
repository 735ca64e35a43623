"""An unexpected error is a dialog with an incident number and the log's place, the app keeps
running, and the CLI answers one line and status 2: never a silent exit, never a traceback."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from hvp_desktop import cli, logs
from hvp_desktop.gui import crash
from hvp_desktop.resources import resource_path

pytestmark = pytest.mark.qt_no_exception_capture  # our hook, not pytest-qt's, sees the errors here

SECRET = "广州某某科技有限公司 87.5"


@pytest.fixture
def handler(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("HVP_DATA_DIR", str(tmp_path / "data"))
    logs.setup("gui")
    previous = sys.excepthook
    h = crash.install(qapp)
    yield h
    if h.box is not None:
        h.box.done(0)
    crash.uninstall()
    logs.shutdown()
    assert sys.excepthook is previous


def _log_text() -> str:
    path = logs.current_log_path()
    return "".join(p.read_text(encoding="utf-8") for p in path.parent.glob("*.log*"))


def _close_the_box_when_shown(h: crash.CrashHandler, seen: list[str]) -> None:
    """exec() blocks: a timer reads the box and presses OK from inside its loop."""
    tries = [0]

    def poll() -> None:
        tries[0] += 1
        box = h.box
        if box is not None and box.isVisible():
            seen.append(f"{box.text()}\n{box.informativeText()}")
            box.button(QMessageBox.StandardButton.Ok).click()
        elif tries[0] < 3000:  # up to ~30 s: a loaded machine (CI beside other work) is slow to show it
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def _raise_confidential() -> None:
    raise RuntimeError(SECRET)


def test_excepthook_shows_the_incident_and_the_log_and_the_app_goes_on(handler, qtbot, capsys):
    seen: list[str] = []
    _close_the_box_when_shown(handler, seen)
    try:
        _raise_confidential()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # outside any event loop: the box runs its own
    assert len(seen) == 1, "the dialog was not shown"
    incident = handler.incidents[-1]
    assert "An unexpected error occurred in the program" in seen[0]
    assert "the last saved change is kept" in seen[0]
    assert f"Incident number: {incident}" in seen[0]
    assert f"Log file: {logs.current_log_path()}" in seen[0]
    assert SECRET not in seen[0]
    text = _log_text()
    assert f"incident={incident}" in text and "RuntimeError" in text
    assert "广州某某科技有限公司" not in text and "87.5" not in text
    err = capsys.readouterr().err
    assert "Traceback" not in err and SECRET not in err and incident in err
    alive = []
    QTimer.singleShot(0, lambda: alive.append(True))  # the event loop still runs
    qtbot.waitUntil(lambda: alive == [True])
    assert handler.box is None


class _Emitter(QObject):
    fire = Signal()


def test_an_error_in_a_slot_opens_the_dialog_after_the_slot(handler, qtbot, capsys):
    emitter = _Emitter()
    emitter.fire.connect(_raise_confidential)
    QTimer.singleShot(0, emitter.fire.emit)
    qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible())
    box = handler.box
    incident = handler.incidents[-1]
    assert incident in box.informativeText() and str(logs.current_log_path()) in box.informativeText()
    copy = box.findChild(QObject, "copyDetailsButton")
    copy.click()  # copies and leaves the box open
    assert box.isVisible()
    details = QApplication.clipboard().text()
    assert incident in details and "RuntimeError" in details and SECRET not in details
    QTimer.singleShot(0, emitter.fire.emit)  # another error while the box is open: counted, not stacked
    qtbot.waitUntil(lambda: "1 more" in box.informativeText())
    assert handler.box is box and len(handler.incidents) == 2
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: handler.box is None)
    assert "Traceback" not in capsys.readouterr().err


def test_an_error_in_a_thread_reaches_the_gui_thread(handler, qtbot):
    thread = threading.Thread(target=_raise_confidential, name="worker-1")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible())
    assert "background task" in handler.box.text()
    assert handler.incidents[-1] in handler.box.informativeText()
    assert "where=thread worker-1" in _log_text()
    handler.box.close()  # the close box (and Esc, and quitting the app) is not refused
    qtbot.waitUntil(lambda: handler.box is None)


def test_keyboard_interrupt_goes_to_the_previous_hook(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("HVP_DATA_DIR", str(tmp_path / "data"))
    received = []
    monkeypatch.setattr(sys, "excepthook", lambda *a: received.append(a[0]))
    h = crash.install(qapp)
    try:
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
        assert received == [KeyboardInterrupt] and h.incidents == [] and h.box is None
    finally:
        crash.uninstall()
        logs.shutdown()


def test_a_dialog_that_cannot_be_shown_is_one_line_on_stderr(handler, monkeypatch, capsys):
    def broken(*_args):
        raise RuntimeError("no screen")

    monkeypatch.setattr(handler, "_make_box", broken)
    for _ in range(3):  # no recursion, no loop: one line each, the dialogs given up
        try:
            _raise_confidential()
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    err = capsys.readouterr().err
    assert "Traceback" not in err and SECRET not in err
    assert err.count("could not be shown") == 1 and err.count("), details in ") == 3
    assert handler.dialogs_failed and len(handler.incidents) == 3


def test_the_dialog_speaks_chinese(handler, qapp, qtbot):
    translator = QTranslator()
    if not translator.load("hvp_desktop_zh_CN", str(resource_path("resources", "translations"))):
        pytest.skip("the .qm is built by `make translations`")
    qapp.installTranslator(translator)
    try:
        seen: list[str] = []
        _close_the_box_when_shown(handler, seen)
        sys.excepthook(RuntimeError, RuntimeError(SECRET), None)
    finally:
        qapp.removeTranslator(translator)
    assert "程序发生意外错误" in seen[0]
    assert f"事件编号：{handler.incidents[-1]}" in seen[0] and "日志文件：" in seen[0]


def test_cli_unexpected_error_is_one_line_and_status_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HVP_DATA_DIR", str(tmp_path / "data"))

    def boom(_args):
        raise RuntimeError(SECRET)

    monkeypatch.setattr(cli, "cmd_template", boom)
    try:
        status = cli.main(["template", str(tmp_path / "t.xlsx")])
        log = logs.current_log_path()
        text = log.read_text(encoding="utf-8")
    finally:
        logs.shutdown()
    assert status == 2
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.err + out.out and SECRET not in out.err
    assert "unexpected error (incident " in lines[0] and str(log) in lines[0]
    incident = lines[0].split("(incident ")[1].split(")")[0]
    assert f"incident={incident}" in text and "where=cli template" in text
    assert "广州某某科技有限公司" not in text and "87.5" not in text
    assert log.name == "hvp-desktop-cli.log" and Path(log).parent == tmp_path / "data" / "logs"


def test_cli_known_errors_keep_their_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HVP_DATA_DIR", str(tmp_path / "data"))
    try:
        status = cli.main(["check", str(tmp_path / "missing.hvpdb"), "--password-file", str(tmp_path / "none")])
    finally:
        logs.shutdown()
    err = capsys.readouterr().err
    assert status == 2 and "unexpected error" not in err and "无法读取密码文件" in err

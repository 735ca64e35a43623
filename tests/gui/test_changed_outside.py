"""Issue 18: a working file changed outside the app (its audit chain no longer holds the head kept
beside it) is said at open, in the UI's language; an untouched file opens without a word."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from hvp_desktop.gui.main_window import MainWindow
from hvp_desktop.store import heads
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD


def _window(qtbot, path) -> MainWindow:
    window = MainWindow(WorkingFile.open(path, DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(window) -> None:
    window.runner.close()
    window.wf.close()


def test_an_untouched_file_opens_without_a_warning(qtbot, demo_file):
    window = _window(qtbot, demo_file)
    try:
        assert heads.sidecar(demo_file).exists()
        assert window.warn_if_changed_outside() is False
        assert window.findChild(QMessageBox, "changedOutside") is None
    finally:
        _close(window)


def test_a_head_the_file_no_longer_holds_is_said_at_open(qtbot, demo_file, tmp_path):
    kept = json.loads(heads.sidecar(demo_file).read_text())
    heads.sidecar(demo_file).write_text(json.dumps({"seq": kept["seq"] + 5, "hash": kept["hash"]}))
    window = _window(qtbot, demo_file)
    try:
        assert window.warn_if_changed_outside() is True
        box = window.findChild(QMessageBox, "changedOutside")
        assert box is not None and box.isVisible()
        assert "changed outside the app" in box.text() and "hvp-desktop check" in box.text()
        box.grab().save(str(tmp_path / "changed-outside.png"))
        box.accept()
    finally:
        _close(window)

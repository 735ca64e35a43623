"""The unlock and new-file dialogs, driven like a user would."""

from __future__ import annotations

import hashlib
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from hvp_desktop.gui.unlock_dialog import NewPasswordDialog, UnlockDialog
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_wrong_password_is_refused_clearly_and_file_untouched(qtbot, demo_file):
    dialog = UnlockDialog(str(demo_file))
    qtbot.addWidget(dialog)
    before = _digest(demo_file)
    qtbot.keyClicks(dialog.form.passwordEdit, "not-the-password")
    started = time.perf_counter()
    qtbot.mouseClick(dialog.form.openButton, Qt.MouseButton.LeftButton)
    assert time.perf_counter() - started < 1.0
    assert "Wrong password" in dialog.form.messageLabel.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.working_file is None
    assert _digest(demo_file) == before
    # nothing beside the file but its audit head (which came with the copy): no -wal, no lock left
    assert sorted(p.name for p in demo_file.parent.iterdir()) == ["demo.hvpdb", "demo.hvpdb.head"]


def test_right_password_unlocks_and_is_remembered_as_recent(qtbot, demo_file):
    dialog = UnlockDialog(str(demo_file))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.form.passwordEdit, DEMO_PASSWORD)
    qtbot.keyClick(dialog.form.passwordEdit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.working_file is not None
    dialog.working_file.close()
    again = UnlockDialog()
    qtbot.addWidget(again)
    assert again.form.fileEdit.text() == str(demo_file.resolve())
    assert again.form.recentList.count() >= 1


def test_show_password_toggle(qtbot, demo_file):
    dialog = UnlockDialog(str(demo_file))
    qtbot.addWidget(dialog)
    edit = dialog.form.passwordEdit
    assert edit.echoMode() == edit.EchoMode.Password
    dialog.form.showPasswordCheck.setChecked(True)
    assert edit.echoMode() == edit.EchoMode.Normal


def test_empty_password_asks_for_one(qtbot, demo_file):
    dialog = UnlockDialog(str(demo_file))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.form.openButton, Qt.MouseButton.LeftButton)
    assert "Enter the password" in dialog.form.messageLabel.text()


def test_new_file_dialog_checks_password_then_creates_encrypted_file(qtbot, tmp_path):
    dialog = NewPasswordDialog(ask_file=True)
    qtbot.addWidget(dialog)
    f = dialog.form
    f.fileEdit.setText(str(tmp_path / "panel2026"))
    qtbot.keyClicks(f.passwordEdit, "short")
    qtbot.keyClicks(f.repeatEdit, "short")
    f.buttonBox.accepted.emit()
    assert "at least 8" in f.messageLabel.text()
    f.passwordEdit.setText("long enough 1")
    f.repeatEdit.setText("long enough 2")
    f.buttonBox.accepted.emit()
    assert "differ" in f.messageLabel.text()
    f.repeatEdit.setText("long enough 1")
    f.buttonBox.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    created = tmp_path / "panel2026.hvpdb"
    assert dialog.path == created
    dialog.working_file.close()
    assert not created.read_bytes().startswith(b"SQLite format 3")
    WorkingFile.open(created, "long enough 1").close()


def test_the_demo_is_built_off_the_gui_thread_then_opened(qtbot, tmp_path, monkeypatch):
    from hvp_desktop.gui import unlock_dialog

    target = tmp_path / "demo" / "demo.hvpdb"
    monkeypatch.setattr(unlock_dialog, "demo_path", lambda: target)
    dialog = UnlockDialog()
    qtbot.addWidget(dialog)
    started = time.perf_counter()
    dialog.open_demo()
    assert time.perf_counter() - started < 0.5  # returns at once: the build runs in a worker
    qtbot.waitUntil(lambda: dialog.working_file is not None, timeout=60_000)
    assert dialog.result() == dialog.DialogCode.Accepted and target.is_file()
    dialog.working_file.close()

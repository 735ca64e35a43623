"""Locked when away (issue 18, deliverable 6) and Restore from backup (deliverable 7), on the real
app: the demo working file, the main window, the runner, the lock screen, driven by keyboard."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from hvp_desktop.gui import settings
from hvp_desktop.gui.idle_lock import ClipboardGuard, IdleWatcher, SessionWatcher
from hvp_desktop.gui.scoring_model import COMMENT, SCORE
from hvp_desktop.gui.unlock_dialog import UnlockDialog
from hvp_desktop.store import backups, sheets
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD
from tests.gui.conftest import type_text


@pytest.fixture
def app(qtbot, demo_file):
    from hvp_desktop.app import Application

    application = Application(QApplication.instance())
    application.wf = WorkingFile.open(demo_file, DEMO_PASSWORD)
    application.show_main_window()
    qtbot.waitExposed(application.window)
    application.window.runner.wait()  # the day's first backup
    yield application
    application.shut_down()
    application.window.close()
    application.window.deleteLater()


def _unlock(qtbot, window, password: str = DEMO_PASSWORD) -> None:
    edit = window.lock_screen.password_edit
    qtbot.keyClicks(edit, password)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def type_in_cell(qtbot, table, text: str) -> QLineEdit:
    """Type into the current cell as a user does: the first key opens the cell's editor (and is
    its first character), the others go to the editor. Returns the editor, still open."""
    qtbot.keyClick(table, text[0])
    editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1, "the cell editor did not open"
    if text[1:]:
        qtbot.keyClicks(editors[0], text[1:])
    return editors[0]


def _open_unscored_sheet(window):
    """The scoring panel on an application the chosen expert has not finished; returns (expert, app)."""
    window.form.navigation.setCurrentRow(1)
    scoring = window.scoring
    for i in range(scoring.form.expertCombo.count()):
        scoring.form.expertCombo.setCurrentIndex(i)
        todo = next((a for a in scoring._assignments if a.state in ("not_started", "draft")), None)
        if todo is not None and scoring.choose(scoring.form.expertCombo.currentData(), todo.application_id) \
                and scoring.model is not None and not scoring.model.read_only:
            return scoring.expert_id, scoring.application_id
    raise AssertionError("the demo has no sheet to score")


# -- the rules, as functions ------------------------------------------------------------------------
def test_idle_watcher_fires_once_after_the_time_without_input(qtbot):
    clock = [1000.0]
    watcher = IdleWatcher(600, clock=lambda: clock[0])
    fired = []
    watcher.idle.connect(lambda: fired.append(clock[0]))
    clock[0] += 599
    watcher.check()
    assert fired == []
    edit = QLineEdit()
    qtbot.addWidget(edit)
    qtbot.keyClick(edit, Qt.Key.Key_A)  # any key press in the app counts as use
    clock[0] += 599
    watcher.check()
    assert fired == []
    clock[0] += 2
    watcher.check()
    watcher.check()
    assert fired == [1000.0 + 599 + 599 + 2]  # once
    watcher.set_seconds(0)  # never
    clock[0] += 10_000
    watcher.reset()
    watcher.check()
    assert len(fired) == 1
    QApplication.instance().removeEventFilter(watcher)


def test_os_lock_and_sleep_handlers_lock_and_no_dbus_is_silent(qtbot):
    watcher = SessionWatcher()  # no bus here: it listens to nothing and says nothing
    assert isinstance(watcher.listening, list)
    locks = []
    watcher.lock_now.connect(lambda: locks.append(1))
    watcher.on_prepare_for_sleep(False)  # waking up is not a reason
    watcher.on_active_changed(False)  # nor the screen saver ending
    assert locks == []
    watcher.on_prepare_for_sleep(True)
    watcher.on_active_changed(True)
    watcher.on_session_lock()
    assert locks == [1, 1, 1]


# -- the lock in the main window -----------------------------------------------------------------
def test_lock_hides_everything_and_unlock_comes_back(qtbot, app):
    window = app.window
    name = window.wf.path.name
    assert name in window.windowTitle()
    window.lock_requested.emit()  # File → Lock (Ctrl+L)
    assert window.locked and app.wf is None
    assert name not in window.windowTitle()
    assert window.applications is None and window.scoring is None and window.deadlines is None
    assert window.centralWidget() is window.lock_screen
    assert [a.text() for a in window.menuBar().actions()] == [window.tr("&File")]  # nothing that needs the file
    _unlock(qtbot, window)
    assert not window.locked and app.wf is not None
    assert name in window.windowTitle() and window.scoring is not None
    assert window.lock_screen is None


def test_a_half_typed_score_survives_the_lock(qtbot, app):
    window = app.window
    expert_id, app_id = _open_unscored_sheet(window)
    table = window.scoring.table
    model = window.scoring.model
    max_points = model.criteria[0].max_points
    typed = str(int(max_points) - 1)
    table.setFocus()
    table.setCurrentIndex(model.index(0, SCORE))
    type_in_cell(qtbot, table, typed)  # the cell editor opens on the first key
    assert table.state() == table.State.EditingState  # typed, not entered
    app.lock()
    assert window.locked
    _unlock(qtbot, window)
    scoring = window.scoring
    assert (scoring.expert_id, scoring.application_id) == (expert_id, app_id)
    assert window.form.navigation.currentRow() == 1
    assert scoring.model.index(0, SCORE).data() == typed
    assert scoring.table.currentIndex().row() == 0
    saved = sheets.current_sheet(app.wf, expert_id, app_id)
    assert saved is not None and saved.status == "draft"
    assert str(saved.entries[model.criteria[0].code][0]) in (typed, f"{typed}.0", f"{typed}.00")


def test_a_half_typed_chinese_comment_and_a_refused_score_survive_the_lock(qtbot, app):
    window = app.window
    expert_id, app_id = _open_unscored_sheet(window)
    table, model = window.scoring.table, window.scoring.model
    code = model.criteria[1].code
    table.setFocus()
    table.setCurrentIndex(model.index(1, SCORE))
    editor = type_in_cell(qtbot, table, "999")  # more than any criterion allows: refused, kept in its cell
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    window.runner.wait()
    assert code in model.refused
    table.setCurrentIndex(model.index(0, COMMENT))
    editor = type_in_cell(qtbot, table, "a")
    type_text(qtbot, editor, "现场核查资料齐全")
    app.lock()
    _unlock(qtbot, window)
    model = window.scoring.model
    assert (window.scoring.expert_id, window.scoring.application_id) == (expert_id, app_id)
    assert model.index(0, COMMENT).data() == "a现场核查资料齐全"
    assert model.index(1, SCORE).data() == "999" and code in model.refused  # still marked, still not saved
    assert window.scoring.form.messageLabel.text()  # with its reason
    saved = sheets.current_sheet(app.wf, expert_id, app_id)
    assert saved.entries[model.criteria[0].code][1] == "a现场核查资料齐全"


def test_idle_time_locks_and_the_preference_is_kept(qtbot, app):
    window = app.window
    before = settings.idle_lock_minutes()
    assert before == 10 or before in (0, 1, 5, 15, 30, 60)
    try:
        window.set_idle_minutes(5)
        assert settings.idle_lock_minutes() == 5 and app.idle.seconds == 300
        assert [a.data() for a in window.idle_actions.actions() if a.isChecked()] == [5]
        app.idle.set_seconds(0.3)
        qtbot.waitUntil(lambda: window.locked, timeout=5000)
        assert "min without use" in window.lock_screen.reason_label.text()
        _unlock(qtbot, window)
        assert not window.locked
    finally:
        settings.set_idle_lock_minutes(before)


def test_the_os_locking_the_screen_locks_the_file(qtbot, app):
    app.session.on_active_changed(True)
    assert app.window.locked


def test_clipboard_cleared_on_lock_only_when_it_still_holds_what_the_app_put_there(qtbot, app):
    clipboard = QApplication.clipboard()
    search = app.window.applications.form.searchEdit
    search.setText("confidential")
    search.selectAll()
    search.copy()
    assert clipboard.text() == "confidential"
    app.lock()
    assert clipboard.text() == ""
    _unlock(qtbot, app.window)
    search = app.window.applications.form.searchEdit
    search.setText("ours")
    search.selectAll()
    search.copy()
    app.clipboard._ours_now = lambda _mode: False  # another program writes to the clipboard now
    clipboard.setText("someone else's")
    app.lock()
    assert clipboard.text() == "someone else's"


def test_clipboard_cleared_on_exit(qtbot):
    guard = ClipboardGuard()
    QApplication.clipboard().setText("a score")
    assert guard.holds_ours()
    assert guard.clear() and QApplication.clipboard().text() == ""


def test_unlock_dialog_slows_down_after_three_wrong_passwords(qtbot, demo_file):
    dialog = UnlockDialog(str(demo_file))
    qtbot.addWidget(dialog)
    edit, button = dialog.form.passwordEdit, dialog.form.openButton
    for n in range(3):
        edit.setText(f"wrong {n}")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert not button.isEnabled() and "1" in button.text()
    assert "Wait" in dialog.form.messageLabel.text()
    edit.setText(DEMO_PASSWORD)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # refused without trying while the button waits
    assert dialog.working_file is None
    qtbot.waitUntil(button.isEnabled, timeout=3000)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.working_file is not None
    assert edit.text() == ""  # the password does not stay in the field
    dialog.working_file.close()


def test_lock_screen_waits_too_and_the_wait_carries_over(qtbot, app):
    window = app.window
    app.lock()
    screen = window.lock_screen
    for n in range(4):
        screen.password_edit.setText(f"wrong {n}")
        qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=3000)
        qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    assert not screen.unlock_button.isEnabled()  # 2 s after the 4th
    started = time.monotonic()
    screen.password_edit.setText(DEMO_PASSWORD)
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=4000)
    assert time.monotonic() - started > 1.0
    qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    assert not window.locked


# -- backups and restore -------------------------------------------------------------------------
def test_lock_after_a_change_makes_a_backup_and_restore_brings_it_back(qtbot, app):
    window = app.window
    path = app.wf.path
    assert [b.kind for b in backups.list_backups(path)] == ["daily"]  # the day's first, at unlock
    expert_id, app_id = _open_unscored_sheet(window)
    table, model = window.scoring.table, window.scoring.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, COMMENT))
    qtbot.keyClick(type_in_cell(qtbot, table, "before the backup"), Qt.Key.Key_Return)
    app.lock()  # changed: a backup on close
    kinds = [b.kind for b in backups.list_backups(path)]
    assert kinds.count("close") == 1
    _unlock(qtbot, window)
    close_backup = next(b for b in backups.list_backups(path) if b.kind == "close")
    table, model = window.scoring.table, window.scoring.model
    table.setCurrentIndex(model.index(0, COMMENT))
    table.setFocus()
    qtbot.keyClick(type_in_cell(qtbot, table, "x"), Qt.Key.Key_Return)
    QApplication.processEvents()  # Qt commits an Enter from its event queue
    window.runner.wait()
    assert sheets.current_sheet(app.wf, expert_id, app_id).entries[model.criteria[0].code][1] == "x"

    from hvp_desktop.gui.restore_dialog import RestoreDialog
    from hvp_desktop.store import crypto

    key = crypto.RawKey(bytes(app.wf._key.key), app.wf._key.salt)
    dialog = RestoreDialog(path, key, window, current_open=True)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 1).text(): dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert set(rows) >= {"On close", "Daily"} and all(v.isdigit() for v in rows.values())
    dialog.table.selectRow(next(r for r, i in enumerate(dialog.infos) if i.backup == close_backup))
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen == close_backup
    app.restore(dialog.chosen)
    assert window.locked and "kept as" in window.lock_screen.reason_label.text()
    assert [b.kind for b in backups.list_backups(path)].count("replaced") == 1
    _unlock(qtbot, window)
    restored = sheets.current_sheet(app.wf, expert_id, app_id)
    assert restored.entries[model.criteria[0].code][1] == "before the backup"


def test_a_damaged_file_at_unlock_names_the_damage_and_restores_the_newest_good_backup(qtbot, demo_file, monkeypatch):
    from hvp_desktop.gui.restore_dialog import RestoreDialog

    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        wf.backup("close")
    with open(demo_file, "r+b") as f:  # a flipped run of bytes in page 9
        f.seek(8 * 4096 + 300)
        f.write(bytes(b ^ 0xFF for b in f.read(32)))

    def exec_(self):  # the user chooses the newest good backup (already selected) and clicks Restore
        self.buttons.accepted.emit()
        return self.result()

    monkeypatch.setattr(RestoreDialog, "exec", exec_)
    dialog = UnlockDialog(str(demo_file))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.form.passwordEdit, DEMO_PASSWORD)
    qtbot.keyClick(dialog.form.passwordEdit, Qt.Key.Key_Return)
    message = dialog.form.messageLabel.text()
    assert "damaged" in message and "page 9" in message and "Traceback" not in message
    assert dialog.working_file is None and dialog.restore_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.working_file is not None, dialog.form.messageLabel.text()
    assert dialog.working_file.integrity_errors() == []
    dialog.working_file.close()
    assert [b.kind for b in backups.list_backups(demo_file)].count("replaced") == 1

"""Issue 18, deliverable 1 at the GUI level: File → Change password while an expert keeps saving
scores every 10 ms. Before the fix a save in the gap before the progress dialog landed in a WAL
under the old key (6 of 24 GUI trials left a malformed file). Now the re-keying runs on the
runner's one writer thread and has the file alone: every save that returned is in the re-keyed
file, which opens with the new password and is whole.

HVP_GUI_RACES sets how many times the race is replayed (bench/reliability.py asks for 50)."""

from __future__ import annotations

import os
import shutil
import time
from decimal import Decimal

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from hvp_desktop.gui.main_window import MainWindow
from hvp_desktop.gui.unlock_dialog import NewPasswordDialog
from hvp_desktop.store import sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import sheets as sheet_ops
from tests import trials

RACES = int(os.environ.get("HVP_GUI_RACES", "2"))


@pytest.fixture(scope="module")
def scoring_master(tmp_path_factory):
    path = tmp_path_factory.mktemp("race") / "scoring.hvpdb"
    return path, trials.build_scoring_file(path)


def _acknowledge_messages(seen: list[str]) -> None:
    """"The password was changed." is a modal message box: the secretary reads it and clicks OK."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen.append(box.text())
        box.accept()


def _answer_the_password_dialog(qtbot) -> None:
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, NewPasswordDialog):
        QTimer.singleShot(5, lambda: _answer_the_password_dialog(qtbot))
        return
    dialog.form.passwordEdit.setText(trials.NEW_PASSWORD)
    dialog.form.repeatEdit.setText(trials.NEW_PASSWORD)
    dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.parametrize("race", range(RACES))
def test_saves_every_10_ms_through_a_password_change_all_land(qtbot, scoring_master, tmp_path, race):
    master, ids = scoring_master
    path = tmp_path / "race.hvpdb"
    shutil.copyfile(master, path)
    wf = WorkingFile.open(path, trials.PASSWORD)
    window = MainWindow(wf)
    qtbot.addWidget(window)
    window.show()
    seq = trials._cells(ids)
    saved: list[int] = []
    failed: list[BaseException] = []
    sent = iter(range(len(seq)))

    def save() -> None:
        i = next(sent)
        sheet, code, points = seq[i]
        window.runner.run(sheet_ops.save_entry, sheet, code, Decimal(points),
                          on_done=lambda _c, i=i: saved.append(i), on_failed=failed.append)

    acknowledge = QTimer()
    acknowledge.setInterval(20)
    messages: list[str] = []
    acknowledge.timeout.connect(lambda: _acknowledge_messages(messages))
    acknowledge.start()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(save)
    timer.start()
    qtbot.wait(30 + 20 * race % 100)  # the change comes at a different moment of the saving each time
    QTimer.singleShot(0, lambda: _answer_the_password_dialog(qtbot))
    window.change_password()  # modal: returns once the dialog is answered; the re-keying is queued
    qtbot.waitUntil(lambda: bool(messages or failed), timeout=20000)
    assert messages == ["The password was changed."]
    qtbot.wait(100)  # saves go on after it
    timer.stop()
    window.runner.wait()
    QApplication.processEvents()
    acknowledge.stop()
    assert failed == []
    assert len(saved) >= 5
    window.close()
    window.runner.close()
    wf.close()
    time.sleep(0)

    again, why = trials._whole(path, (trials.NEW_PASSWORD,))
    assert again is not None, why
    try:
        expected = {}
        for i in sorted(saved):
            expected[seq[i][:2]] = Decimal(seq[i][2])
        for (sheet, code), points in expected.items():
            assert sheets.get_sheet(again, sheet).entries[code][0] == points
    finally:
        again.close()

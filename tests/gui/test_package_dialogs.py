"""Issue 21 in the GUI, on real encrypted files: the secretary prepares the round's packages through
the dialog (passphrases shown, slips saved as PDF); an expert opens theirs into a new file with the
passphrase typed loosely; a wrong passphrase says so and writes nothing; the expert returns their
work; the chair merges two returns dropped on the merge dialog; the menus follow the kind of file.
Every dialog is rendered in English and Chinese into tests/screens/ for a person to look at."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hvp_desktop.exchange import packages
from hvp_desktop.gui import package_dialogs as pd
from hvp_desktop.store import expert_file
from hvp_desktop.store.engine import WorkingFile
from tests.poppler import pages as pdf_pages
from tests.unit.exchange.panel import EXPERT_PASSWORD, my_apps, score, unpack_all

SCREENS = Path(__file__).resolve().parents[1] / "screens"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def panel(panel_files):
    return panel_files


@pytest.fixture
def language():
    """Switch the UI language for a test (English again afterwards)."""
    from hvp_desktop.app import Application

    app = Application(QApplication.instance())
    used = []

    def switch(code: str) -> None:
        if code != "en" and not (ROOT / "resources" / "translations" / f"hvp_desktop_{code}.qm").exists():
            pytest.skip("the translations are not built (make translations)")
        app.install_language(code)
        used.append(code)

    yield switch
    app.install_language("en")


def _shot(widget, name: str) -> None:
    SCREENS.mkdir(exist_ok=True)
    QApplication.processEvents()
    assert widget.width() <= 1366 and widget.height() <= 768, (name, widget.size())
    assert widget.grab().save(str(SCREENS / f"{name}.png"))


def _prepare_through_dialog(qtbot, panel, runner, folder: Path) -> pd.PreparedDialog:
    dialog = pd.PrepareDialog(runner, panel.round_id)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(folder))
    assert dialog.prepare()
    qtbot.waitUntil(lambda: dialog.result_dialog is not None, timeout=60_000)
    result = dialog.result_dialog
    qtbot.addWidget(result)
    return result


def test_prepare_packages_through_the_dialog(qtbot, panel, make_runner, tmp_path):
    wf = panel.open()
    try:
        result = _prepare_through_dialog(qtbot, panel, make_runner(wf), tmp_path / "usb")
        assert result.table.rowCount() == 5
        names = [result.table.item(r, 0).text() for r in range(5)]
        assert sorted(names) == sorted(panel.names.values())
        for row, p in enumerate(result.prepared):
            assert p.path.is_file() and p.path.parent == tmp_path / "usb"
            assert result.table.item(row, 1).text() == "6"
            assert result.table.item(row, 2).text() == p.path.name
            edit = result.passphrase_edits[row]
            assert edit.text() == p.passphrase and edit.isReadOnly()
            assert result.table.item(row, 4).text() == "Issued now"
        assert "shown only now" in result.warning.text()

        saved = result.save_slips(str(tmp_path / "slips.pdf"))
        assert saved is not None and result.slips_handled
        text = pdf_pages(saved)
        assert len(text) == 5
        for page, p in zip(text, result.prepared, strict=True):
            assert p.passphrase.replace("-", "") in page.replace(" ", "").replace("-", "")
            assert p.expert_name in page
        result.reject()  # saved: it closes without asking
        assert all(not e.text() for e in result.passphrase_edits)
    finally:
        wf.close()


def test_closing_before_the_slips_asks(qtbot, panel, make_runner, tmp_path):
    wf = panel.open()
    try:
        result = _prepare_through_dialog(qtbot, panel, make_runner(wf), tmp_path / "usb")
        result.show()
        result.close_button.click()
        box = result.question
        assert box is not None and box.isVisible() and "neither saved nor printed" in box.text()
        box.button(QMessageBox.StandardButton.No).click()
        assert result.isVisible() and result.passphrase_edits[0].text()
        result.close_button.click()
        result.question.button(QMessageBox.StandardButton.Yes).click()
        assert not result.isVisible() and not result.passphrase_edits[0].text()
    finally:
        wf.close()


def _open_dialog(qtbot, wf=None, runner=None) -> pd.OpenPackageDialog:
    dialog = pd.OpenPackageDialog(wf, runner)
    qtbot.addWidget(dialog)
    return dialog


def _prepared(panel, folder: Path):
    wf = panel.open()
    try:
        return packages.prepare_round(wf, panel.round_id, folder)
    finally:
        wf.close()


def test_an_expert_opens_their_package_into_a_new_file(qtbot, panel, tmp_path):
    p = _prepared(panel, tmp_path / "usb")[1]
    dialog = _open_dialog(qtbot)
    dialog.show()
    dialog.file_edit.setText(str(p.path))  # chosen with Browse… (a Chinese name: no key presses)
    loose = p.passphrase.lower().replace("-", " ")  # as a person types it off the slip
    qtbot.keyClicks(dialog.passphrase_edit, loose)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)  # Enter goes on
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
    assert p.expert_name in dialog.about.text()
    assert "6 application(s)" in dialog.about.text()
    assert p.root_fingerprint[:4].upper() in dialog.fingerprint.text().replace(" ", "")
    assert dialog.new_radio.isChecked() and not dialog.update_radio.isEnabled()
    target = tmp_path / "laptop" / "mine.hvpdb"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))
    qtbot.keyClicks(dialog.password_edit, "short")
    qtbot.keyClicks(dialog.repeat_edit, "short")
    dialog.finish()
    assert "at least" in dialog.message.text() and not target.exists()
    dialog.password_edit.setText(EXPERT_PASSWORD)
    dialog.repeat_edit.setText(EXPERT_PASSWORD + "x")
    dialog.finish()
    assert "differ" in dialog.message.text() and not target.exists()
    dialog.repeat_edit.setText(EXPERT_PASSWORD)
    with qtbot.waitSignal(dialog.file_opened, timeout=30_000) as opened:
        qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    wf = opened.args[0]
    try:
        assert wf.path == target and expert_file.expert_of(wf) is not None
        assert len(my_apps(wf)) == 6
        assert not dialog.isVisible() and not dialog.passphrase_edit.text() and not dialog.password_edit.text()
    finally:
        wf.close()


@pytest.mark.parametrize("typed, says", [
    ("AAAA-BBBB-CCCC-DDDD-EEEE", "passphrase"),  # well formed, not this package's
    ("hello", "20 characters"),
])
def test_a_wrong_passphrase_says_so_and_writes_nothing(qtbot, panel, tmp_path, typed, says):
    p = _prepared(panel, tmp_path / "usb")[0]
    before = sorted(tmp_path.rglob("*"))
    dialog = _open_dialog(qtbot)
    dialog.file_edit.setText(str(p.path))
    dialog.passphrase_edit.setText(typed)
    task = dialog.next_page()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert task is not None
    assert dialog.pages.currentIndex() == 0
    assert says in dialog.message.text(), dialog.message.text()
    assert sorted(tmp_path.rglob("*")) == before


def test_a_return_package_of_another_kind_is_refused(qtbot, panel, tmp_path):
    dialog = _open_dialog(qtbot)
    bogus = tmp_path / "not-a-package.hvpkg"
    bogus.write_bytes(b"PK\x03\x04 not ours")
    dialog.file_edit.setText(str(bogus))
    dialog.passphrase_edit.setText("AAAA-BBBB-CCCC-DDDD-EEEE")
    dialog.next_page()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert "hvp-desktop package" in dialog.message.text()


def test_the_expert_brings_their_open_file_up_to_date(qtbot, panel, tmp_path, make_runner):
    prepared = _prepared(panel, tmp_path / "usb")
    files = unpack_all(prepared[:1], tmp_path / "laptop")
    again = _prepared(panel, tmp_path / "usb2")[0]  # the secretary prepares a second package
    wf = WorkingFile.open(files[prepared[0].expert_id], EXPERT_PASSWORD)
    try:
        runner = make_runner(wf)
        dialog = _open_dialog(qtbot, wf, runner)
        dialog.file_edit.setText(str(again.path))
        dialog.passphrase_edit.setText(again.passphrase)
        dialog.next_page()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
        assert dialog.update_radio.isChecked() and dialog.update_radio.isEnabled()
        assert dialog.finish_button.text().replace("&", "") == "Bring up to date"
        seen = []
        runner.changed.connect(lambda changes, _who: seen.append(changes))
        dialog.finish()
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=30_000)
        assert seen and seen[-1].applications  # the panels reload
        assert dialog.done_box is not None and "up to date" in dialog.done_box.text()
        dialog.done_box.close()
    finally:
        wf.close()


def _expert_with_scores(panel, prepared, folder: Path, n: int) -> Path:
    files = unpack_all([prepared[n]], folder)
    path = files[prepared[n].expert_id]
    with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
        for i, (_uuid, app) in enumerate(sorted(my_apps(mine).items())):
            if i < 3:
                score(mine, app, panel.label, (30, 12 + i, 20, 7))
    return path


def test_return_then_merge_two_packages_dropped_on_the_dialog(qtbot, panel, tmp_path, make_runner):
    prepared = _prepared(panel, tmp_path / "usb")
    returns = []
    for n in (1, 2):
        path = _expert_with_scores(panel, prepared, tmp_path / f"laptop{n}", n)
        wf = WorkingFile.open(path, EXPERT_PASSWORD)
        try:
            parent = QWidget()
            qtbot.addWidget(parent)
            suggested = pd.suggested_return_name(wf)
            assert packages.safe_name(prepared[n].expert_name) in suggested and suggested.endswith(".hvpkg")
            target = tmp_path / "stick" / suggested
            target.parent.mkdir(exist_ok=True)
            runner = make_runner(wf)
            outcome = pd.return_work(parent, wf, runner, path=str(target))
            qtbot.waitUntil(lambda outcome=outcome: bool(outcome), timeout=30_000)
            assert outcome["sheets"] == 3 and outcome["submitted"] == 3
            box = parent.findChild(QMessageBox, "returnedBox")
            assert box is not None and "Score sheets: 3" in box.text() and str(target) in box.text()
            if n == 1:
                _shot(box, "package-returned-en")
            box.close()
            runner.close()
            returns.append(target)
        finally:
            wf.close()

    chair = panel.open()
    try:
        runner = make_runner(chair)
        dialog = pd.MergeDialog(runner)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.merge_button.isEnabled()
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in returns])
        drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
        dialog.dropEvent(drop)
        assert dialog.paths() == [str(p) for p in returns]
        dialog.dropEvent(QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                    Qt.KeyboardModifier.NoModifier))
        assert dialog.list.count() == 2  # the same files again are not listed twice
        extra = tmp_path / "stray.hvpkg"
        extra.write_bytes(b"nothing")
        dialog.add_files([str(extra)])
        assert dialog.list.count() == 3
        dialog.list.setCurrentRow(2)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
        assert dialog.list.count() == 2
        dialog.add_files([str(extra)])  # back: one package refused whole, the others go in
        seen = []
        runner.changed.connect(lambda changes, _who: seen.append(changes))
        assert dialog.merge()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
        table = dialog.table
        assert table.rowCount() == 3
        rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(3)}
        for n, path in zip((1, 2), returns, strict=True):
            row = rows[path.name]
            assert row[1] == prepared[n].expert_name
            assert row[2:] == ["Merged", "3", "0", "0", "0", "0", "0"], row
        assert rows["stray.hvpkg"][2] == "Refused"
        assert "stray.hvpkg" in dialog.details.toPlainText()
        assert "not an hvp-desktop package" in dialog.details.toPlainText()
        totals = dialog.report.totals()
        assert totals["merged"] == 6 and totals["refused_packages"] == 1
        assert "6 sheet(s) merged" in dialog.totals.text()
        assert seen and seen[-1].applications and seen[-1].experts  # every panel refreshes
        assert dialog.list.count() == 0
        _shot(dialog, "package-merge-en")

        # the same packages again: nothing new
        dialog.add_paths([str(p) for p in returns])
        dialog.merge()
        qtbot.waitUntil(lambda: dialog.list.count() == 0 and not dialog.busy, timeout=60_000)
        assert [dialog.table.item(r, 2).text() for r in range(2)] == ["Nothing new"] * 2
    finally:
        chair.close()


def test_the_menus_follow_the_kind_of_file(qtbot, panel, tmp_path):
    from hvp_desktop.gui.main_window import MainWindow

    prepared = _prepared(panel, tmp_path / "usb")
    files = unpack_all(prepared[:1], tmp_path / "laptop")
    for path, password, expert in ((panel.master, "secretary-pass-1", False),
                                   (files[prepared[0].expert_id], EXPERT_PASSWORD, True)):
        wf = WorkingFile.open(path, password)
        window = MainWindow(wf)
        qtbot.addWidget(window)
        try:
            assert window.return_work_action.isEnabled() is expert
            assert window.prepare_packages_action.isEnabled() is not expert
            assert window.merge_returns_action.isEnabled() is not expert
            assert window.open_package_action.isEnabled()
        finally:
            window.runner.close()
            wf.close()


@pytest.mark.parametrize("code", ["en", "zh_CN"])
def test_screens(qtbot, panel, tmp_path, make_runner, language, code):
    """Every new dialog at its size on a 1366×768 screen, in both languages, for a person to look at."""
    language(code)
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    wf = panel.open()
    try:
        runner = make_runner(wf)
        prepare = pd.PrepareDialog(runner, panel.round_id)
        qtbot.addWidget(prepare)
        prepare.folder_edit.setText(str(tmp_path / "usb"))
        prepare.show()
        _shot(prepare, f"package-prepare-{code}")
        prepare.prepare()
        qtbot.waitUntil(lambda: prepare.result_dialog is not None, timeout=60_000)
        result = prepare.result_dialog
        qtbot.addWidget(result)
        result.show()
        qtbot.waitExposed(result)
        for column in range(result.table.columnCount()):  # nothing cut off in the table
            header = result.table.horizontalHeader()
            assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width() - 2 or column == 2
        edit = result.passphrase_edits[0]
        assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.text())
        _shot(result, f"package-prepared-{code}")
        p = result.prepared[0]
        result.slips_handled = True

        dialog = _open_dialog(qtbot, wf, runner)
        dialog.show()
        dialog.file_edit.setText(str(p.path))
        dialog.passphrase_edit.setText("AAAA-BBBB-CCCC-DDDD-EEEE")
        dialog.next_page()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
        _shot(dialog, f"package-open-wrong-{code}")
        dialog.passphrase_edit.setText(p.passphrase)
        dialog.next_page()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
        _shot(dialog, f"package-open-where-{code}")
        dialog.reject()

        merge = pd.MergeDialog(runner)
        qtbot.addWidget(merge)
        merge.show()
        _shot(merge, f"package-merge-empty-{code}")
        stray = tmp_path / "stray.hvpkg"
        stray.write_bytes(b"nothing")
        merge.add_paths([str(p.path), str(stray)])  # an expert package and a stray file: both refused
        merge.merge()
        qtbot.waitUntil(lambda: merge.report is not None, timeout=60_000)
        _shot(merge, f"package-merge-refused-{code}")

        box = QMessageBox(QMessageBox.Icon.Information, "", pd.returned_text(
            {"sheets": 6, "submitted": 5, "conflicts": 1, "visits": 0, "evidence": 0}, str(tmp_path / "x.hvpkg")))
        qtbot.addWidget(box)
        box.show()
        _shot(box, f"package-returned-{code}")
    finally:
        runner.close()
        wf.close()


def test_an_expert_without_a_file_opens_the_package_from_the_start(qtbot, panel, tmp_path):
    """The unlock dialog offers the package on an expert's first start (no working file yet)."""
    from hvp_desktop.gui.unlock_dialog import UnlockDialog

    p = _prepared(panel, tmp_path / "usb")[0]
    start = UnlockDialog()
    qtbot.addWidget(start)
    start.show()
    start.package_button.click()
    dialog = start.package_dialog
    assert dialog.isVisible() and dialog.update_radio.isHidden()
    dialog.file_edit.setText(str(p.path))
    dialog.passphrase_edit.setText(p.passphrase)
    dialog.next_page()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
    dialog.path_edit.setText(str(tmp_path / "first.hvpdb"))
    dialog.password_edit.setText(EXPERT_PASSWORD)
    dialog.repeat_edit.setText(EXPERT_PASSWORD)
    with qtbot.waitSignal(start.accepted, timeout=30_000):
        dialog.finish()
    try:
        assert start.working_file is not None and expert_file.expert_of(start.working_file) is not None
    finally:
        start.working_file.close()


def test_the_new_expert_file_takes_the_place_of_the_open_one(qtbot, panel, tmp_path):
    """From the secretariat's window: File → Open expert package… into a new file; the app closes
    the open file as a lock does and the window shows the expert's file, its menus with it."""
    from hvp_desktop.app import Application

    p = _prepared(panel, tmp_path / "usb")[0]
    app = Application(QApplication.instance())
    app.wf = panel.open()
    app.show_main_window()
    window = app.window
    try:
        qtbot.waitExposed(window)
        window.runner.wait()
        assert not window.return_work_action.isEnabled()
        window.open_package_action.trigger()
        dialog = window.dialog
        assert isinstance(dialog, pd.OpenPackageDialog) and not dialog.update_radio.isHidden()
        dialog.file_edit.setText(str(p.path))
        dialog.passphrase_edit.setText(p.passphrase)
        dialog.next_page()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
        assert not dialog.update_radio.isEnabled()  # the secretariat's file is not the expert's
        dialog.path_edit.setText(str(tmp_path / "expert.hvpdb"))
        dialog.password_edit.setText(EXPERT_PASSWORD)
        dialog.repeat_edit.setText(EXPERT_PASSWORD)
        dialog.finish()
        qtbot.waitUntil(lambda: app.wf is not None and app.wf.path == tmp_path / "expert.hvpdb", timeout=30_000)
        assert window.wf is app.wf and not window.locked
        assert window.return_work_action.isEnabled() and not window.prepare_packages_action.isEnabled()
        assert "expert.hvpdb" in window.windowTitle()
    finally:
        app.shut_down()
        window.close()
        window.deleteLater()

"""Unlock an existing working file, create a new one, or open the demo; the lock screen that
stands in the main window while the file is locked (issue 18).

Wrong passwords slow down (store/unlock_backoff.py, shared with the CLI and kept across runs):
from the 3rd in a row on a file the Unlock button waits 1, 2, 4 … at most 60 seconds, with a
countdown. After an unlock the password field is emptied (its undo history with it).
A damaged file is named with its damage, and Restore from backup… is offered.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hvp_desktop.gui import settings
from hvp_desktop.gui.forms import load_form
from hvp_desktop.store import unlock_backoff
from hvp_desktop.store.engine import MIN_PASSWORD_LENGTH, DamagedFile, WorkingFile
from hvp_desktop.store.errors import WorkingFileError, WrongPassword

FILE_FILTER = "hvp-desktop (*.hvpdb)"


class Backoff(QObject):
    """Holds `button` disabled with a countdown while wrong passwords make the next try wait."""

    def __init__(self, button: QPushButton, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.button = button
        self._text = button.text()
        self._until = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)

    def left(self) -> int:
        return max(0, int(self._until - time.monotonic() + 0.999))

    def waiting(self) -> bool:
        return self.left() > 0

    def resume(self, path: str | Path) -> None:
        """A wait started earlier for this file (another dialog, the lock screen, the CLI) goes on here."""
        if path:
            self._wait_until(time.monotonic() + unlock_backoff.wait_seconds(path))

    def failed(self, path: str | Path) -> int:
        """One more wrong password; returns the seconds the next try waits."""
        unlock_backoff.record_failure(path)
        delay = unlock_backoff.wait_seconds(path)
        if delay > 0:
            self._wait_until(time.monotonic() + delay)
        return int(delay + 0.999)

    def succeeded(self, path: str | Path) -> None:
        unlock_backoff.clear(path)

    def _wait_until(self, until: float) -> None:
        self._until = until
        if self.waiting():
            self.button.setEnabled(False)
            self._tick()
            self._timer.start()

    def _tick(self) -> None:
        left = self.left()
        if left <= 0:
            self._timer.stop()
            self.button.setText(self._text)
            self.button.setEnabled(True)
            return
        self.button.setText(QCoreApplication.translate("UnlockDialog", "%1 (%2 s)")
                            .replace("%1", self._text).replace("%2", str(left)))


def try_open(path: str, password_edit: QLineEdit, backoff: Backoff, show) -> tuple[WorkingFile | None, DamagedFile | None]:
    """Open `path` with the password typed in `password_edit`; `show(text)` tells what went
    wrong. Returns (the file, None), or (None, the damage found), or (None, None)."""
    if backoff.waiting():
        return None, None
    try:
        wf = WorkingFile.open(path, password_edit.text())
    except WrongPassword:
        delay = backoff.failed(path)
        text = QCoreApplication.translate("UnlockDialog", "Wrong password. The file was not changed.")
        if delay:
            text += " " + QCoreApplication.translate("UnlockDialog", "Wait %n s before the next try.", "", delay)
        show(text)
        password_edit.selectAll()
        password_edit.setFocus()
        return None, None
    except DamagedFile as exc:
        backoff.succeeded(path)  # the password was right
        show(QCoreApplication.translate("UnlockDialog", "The working file is damaged.") + "\n" + str(exc))
        return None, exc
    except (WorkingFileError, OSError) as exc:
        show(str(exc))
        return None, None
    backoff.succeeded(path)
    password_edit.setText("")  # the password leaves the widget: setText also clears the undo history
    return wf, None


def restore_after_damage(parent: QWidget, path: str, password: str) -> str | None:
    """The restore dialog for a file found damaged at open (the password was right); returns the
    message to show after a restore, None when nothing was restored."""
    from hvp_desktop.gui.restore_dialog import RestoreDialog
    from hvp_desktop.store import backups

    key = backups.key_for(path, password)
    if key is None:
        return None
    try:
        dialog = RestoreDialog(Path(path), key, parent, current_open=False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.outcome
    finally:
        key.wipe()


def _toggle_echo(show: bool, *edits: QLineEdit) -> None:
    mode = QLineEdit.EchoMode.Normal if show else QLineEdit.EchoMode.Password
    for edit in edits:
        edit.setEchoMode(mode)


def demo_path() -> Path:
    base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    return base / "demo.hvpdb"


class UnlockDialog(QDialog):
    """On success `working_file` holds the unlocked file."""

    def __init__(self, path: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("hvp-desktop — unlock"))
        self.form = load_form("unlock_dialog", self)
        self.working_file: WorkingFile | None = None
        f = self.form
        for recent in settings.recent_files():
            item = QListWidgetItem(Path(recent).name)
            item.setToolTip(recent)
            item.setData(Qt.ItemDataRole.UserRole, recent)
            f.recentList.addItem(item)
        f.recentList.currentItemChanged.connect(self._recent_chosen)
        f.recentList.itemActivated.connect(lambda _item: f.passwordEdit.setFocus())
        f.browseButton.clicked.connect(self._browse)
        f.showPasswordCheck.toggled.connect(lambda on: _toggle_echo(on, f.passwordEdit))
        self.backoff = Backoff(f.openButton, self)
        self.restore_button = QPushButton(self.tr("Restore from backup…"), self)
        self.restore_button.hide()
        self.restore_button.clicked.connect(self.restore_backup)
        self.layout().addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignRight)
        f.openButton.clicked.connect(self.unlock)
        f.cancelButton.clicked.connect(self.reject)
        f.newButton.clicked.connect(self._new_file)
        f.demoButton.clicked.connect(self.open_demo)
        # An expert's first start: no file yet, only the package the secretariat handed over (issue 21)
        self.package_button = QPushButton(self.tr("Open expert package…"), self)
        self.package_button.clicked.connect(self.open_package)
        f.buttonRow.insertWidget(f.buttonRow.indexOf(f.demoButton) + 1, self.package_button)
        f.passwordEdit.returnPressed.connect(self.unlock)
        if path:
            f.fileEdit.setText(str(path))
        elif f.recentList.count():
            f.recentList.setCurrentRow(0)
        f.fileEdit.textChanged.connect(lambda text: self.backoff.resume(text.strip()))
        self.backoff.resume(f.fileEdit.text().strip())
        f.passwordEdit.setFocus()
        self.resize(600, 420)

    def _recent_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.form.fileEdit.setText(item.data(Qt.ItemDataRole.UserRole))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open working file"), self.form.fileEdit.text(), FILE_FILTER)
        if path:
            self.form.fileEdit.setText(path)
            self.form.passwordEdit.setFocus()

    def show_message(self, text: str) -> None:
        self.form.messageLabel.setText(text)

    def unlock(self) -> None:
        f = self.form
        path = f.fileEdit.text().strip()
        if not path:
            self.show_message(self.tr("Choose a working file first."))
            return
        if not f.passwordEdit.text():
            self.show_message(self.tr("Enter the password."))
            f.passwordEdit.setFocus()
            return
        self.working_file, damaged = try_open(path, f.passwordEdit, self.backoff, self.show_message)
        self.restore_button.setVisible(damaged is not None and damaged.backup is not None)
        if self.working_file is None:
            return
        settings.add_recent_file(path)
        self.accept()

    def restore_backup(self) -> None:
        """The file was found damaged: choose a backup to put in its place, then open it."""
        f = self.form
        outcome = restore_after_damage(self, f.fileEdit.text().strip(), f.passwordEdit.text())
        if outcome is not None:
            self.restore_button.hide()
            self.unlock()
            if self.working_file is None:
                self.show_message(outcome)

    def open_demo(self) -> None:
        from hvp_desktop.demo import DEMO_PASSWORD, create_demo

        path = demo_path()

        def opened(_result=None) -> None:
            self.form.fileEdit.setText(str(path))
            self.form.passwordEdit.setText(DEMO_PASSWORD)
            self.unlock()

        if path.exists():
            opened()
            return
        from hvp_desktop.gui.tasks import run_task

        def build(_progress, _is_cancelled) -> None:  # a whole demo year: seconds, off the GUI thread
            path.parent.mkdir(parents=True, exist_ok=True)
            create_demo(path).close()

        self.demo_task = run_task(self, build, label=self.tr("Building the demo file…"), cancellable=False,
                                  on_done=opened, on_error=lambda exc: self.show_message(str(exc)))

    def open_package(self) -> None:
        """An expert package opened into a new working file of the expert's, which this dialog returns."""
        from hvp_desktop.gui.package_dialogs import OpenPackageDialog

        self.package_dialog = OpenPackageDialog(None, None, self)
        self.package_dialog.file_opened.connect(self._package_opened)
        self.package_dialog.open()

    def _package_opened(self, wf: WorkingFile) -> None:
        self.working_file = wf
        self.accept()

    def _new_file(self) -> None:
        dialog = NewPasswordDialog(self, ask_file=True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.working_file = dialog.working_file
            settings.add_recent_file(dialog.path)
            self.accept()


class NewPasswordDialog(QDialog):
    """A new password, typed twice; with `ask_file` it also creates the new working file."""

    def __init__(self, parent: QWidget | None = None, *, ask_file: bool) -> None:
        super().__init__(parent)
        self.form = load_form("new_file_dialog", self)
        self.ask_file = ask_file
        self.working_file: WorkingFile | None = None
        self.path: Path | None = None
        f = self.form
        self.setWindowTitle(self.tr("New working file") if ask_file else self.tr("Change password"))
        if not ask_file:
            for widget in (f.fileLabel, f.fileEdit, f.browseButton):
                widget.hide()
            f.introLabel.setText(self.tr(
                "The file will be re-encrypted with the new password. Keep the new password safe: "
                "the old one will no longer open the file."))
        f.browseButton.clicked.connect(self._browse)
        f.showPasswordCheck.toggled.connect(lambda on: _toggle_echo(on, f.passwordEdit, f.repeatEdit))
        f.buttonBox.accepted.connect(self._accept)
        f.buttonBox.rejected.connect(self.reject)
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create") if ask_file else self.tr("Change password"))
        self.resize(540, 240)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New working file"), "", FILE_FILTER)
        if path:
            if not path.endswith(".hvpdb"):
                path += ".hvpdb"
            self.form.fileEdit.setText(path)

    def password(self) -> str:
        return self.form.passwordEdit.text()

    def forget_password(self) -> None:
        """Empty both fields (and their undo history) once the password was used."""
        self.form.passwordEdit.setText("")
        self.form.repeatEdit.setText("")

    def _accept(self) -> None:
        f = self.form
        if len(f.passwordEdit.text()) < MIN_PASSWORD_LENGTH:
            f.messageLabel.setText(self.tr("The password needs at least %n characters.", "", MIN_PASSWORD_LENGTH))
            return
        if f.passwordEdit.text() != f.repeatEdit.text():
            f.messageLabel.setText(self.tr("The two passwords differ."))
            return
        if self.ask_file:
            text = f.fileEdit.text().strip()
            if not text:
                f.messageLabel.setText(self.tr("Choose where to save the new file."))
                return
            self.path = Path(text if text.endswith(".hvpdb") else text + ".hvpdb")
            try:
                self.working_file = WorkingFile.create(self.path, f.passwordEdit.text())
            except (WorkingFileError, OSError) as exc:
                f.messageLabel.setText(str(exc))
                return
            self.forget_password()
        self.accept()


class LockScreen(QWidget):
    """What the main window shows while the file is locked: no data, the file's name, the password
    asked again (with the same slow-down as the unlock dialog). `unlocked(wf)` on success."""

    unlocked = Signal(object)
    quit_requested = Signal()

    def __init__(self, path: str | Path, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = str(path)
        self.setObjectName("lockScreen")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMaximumWidth(560)
        box.setMinimumWidth(420)
        row.addWidget(box, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = QLabel(self.tr("The working file is locked"), box)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.title)
        self.file_label = QLabel(self.tr("File: %1").replace("%1", Path(path).name), box)
        self.file_label.setToolTip(self.path)
        layout.addWidget(self.file_label)
        self.reason_label = QLabel(reason or self.tr("Enter the password to go on where you were."), box)
        self.reason_label.setWordWrap(True)
        layout.addWidget(self.reason_label)
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Password:"), box))
        self.password_edit = QLineEdit(box)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setObjectName("lockPasswordEdit")
        form.addWidget(self.password_edit, 1)
        layout.addLayout(form)
        self.show_check = QCheckBox(self.tr("Show password"), box)
        self.show_check.toggled.connect(lambda on: _toggle_echo(on, self.password_edit))
        layout.addWidget(self.show_check)
        self.message_label = QLabel(box)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore from backup…"), box)
        self.restore_button.hide()
        self.restore_button.clicked.connect(self.restore_backup)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        self.quit_button = QPushButton(self.tr("Quit"), box)
        self.quit_button.clicked.connect(self.quit_requested.emit)
        buttons.addWidget(self.quit_button)
        self.unlock_button = QPushButton(self.tr("Unlock"), box)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        self.password_edit.returnPressed.connect(self.unlock)
        self.backoff = Backoff(self.unlock_button, self)
        self.backoff.resume(self.path)
        self.password_edit.setFocus()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)

    def unlock(self) -> None:
        if not self.password_edit.text():
            self.show_message(self.tr("Enter the password."))
            self.password_edit.setFocus()
            return
        wf, damaged = try_open(self.path, self.password_edit, self.backoff, self.show_message)
        self.restore_button.setVisible(damaged is not None and damaged.backup is not None)
        if wf is not None:
            self.message_label.clear()
            self.unlocked.emit(wf)

    def restore_backup(self) -> None:
        outcome = restore_after_damage(self, self.path, self.password_edit.text())
        if outcome is not None:
            self.restore_button.hide()
            self.reason_label.setText(outcome)
            self.unlock()

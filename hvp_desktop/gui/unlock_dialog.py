"""Unlock an existing working file, create a new one, or open the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLineEdit, QListWidgetItem, QWidget

from hvp_desktop.gui import settings
from hvp_desktop.gui.forms import load_form
from hvp_desktop.store.engine import MIN_PASSWORD_LENGTH, WorkingFile
from hvp_desktop.store.errors import WorkingFileError, WrongPassword

FILE_FILTER = "hvp-desktop (*.hvpdb)"


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
        f.openButton.clicked.connect(self.unlock)
        f.cancelButton.clicked.connect(self.reject)
        f.newButton.clicked.connect(self._new_file)
        f.demoButton.clicked.connect(self.open_demo)
        f.passwordEdit.returnPressed.connect(self.unlock)
        if path:
            f.fileEdit.setText(str(path))
        elif f.recentList.count():
            f.recentList.setCurrentRow(0)
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
        try:
            self.working_file = WorkingFile.open(path, f.passwordEdit.text())
        except WrongPassword:
            self.show_message(self.tr("Wrong password. The file was not changed."))
            f.passwordEdit.selectAll()
            f.passwordEdit.setFocus()
            return
        except (WorkingFileError, OSError) as exc:
            self.show_message(str(exc))
            return
        settings.add_recent_file(path)
        self.accept()

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
        self.accept()

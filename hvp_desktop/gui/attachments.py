"""Files from the user's disk into the encrypted working file, and back onto the screen (issue 19).

`read_file` runs on the runner's writer thread (a 10 MB photo never holds the GUI thread): the
bytes stay in memory and go into the working file through an operation; nothing is written
anywhere else. `DocumentDialog` shows one stored file from memory; `DocumentsBox` is an
application's documents as the secretariat keeps them (add from a dialog or by dropping files,
open, remove).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import settings
from hvp_desktop.gui.document_viewer import DocumentViewer, ThumbnailStrip
from hvp_desktop.gui.runner import Runner
from hvp_desktop.store import blobs, visits
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import visits as visit_ops
from hvp_desktop.store.ops.core import Changes


def read_file(path: str) -> tuple[str, bytes]:
    """(name, bytes) of a file the user chose; a file past the attachment limit is refused before
    it is read whole, an unreadable one with the system's reason."""
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
        if size > blobs.MAX_BYTES:
            raise RuleViolation("INPUT", f"“{name}”有{size / (1 << 20):.1f} MB，超过附件上限{blobs.MAX_BYTES >> 20} MB；"
                                         "请压缩或拆分后再添加",
                                f"“{name}” is {size / (1 << 20):.1f} MB, over the {blobs.MAX_BYTES >> 20} MB limit "
                                "of an attachment: compress or split it first.")
        return name, Path(path).read_bytes()
    except OSError as exc:
        raise RuleViolation("INPUT", f"无法读取文件“{name}”：{exc.strerror or exc}",
                            f"“{name}” cannot be read: {exc.strerror or exc}.") from None


def add_document_file(wf: WorkingFile, application_id: int, path: str) -> Changes:
    """On the writer thread: one of the application's documents, read and stored."""
    name, data = read_file(path)
    return visit_ops.add_document(wf, application_id, name, data)


FILE_FILTER = "*.pdf *.jpg *.jpeg *.png"


class DocumentDialog(QDialog):
    """One stored file, shown from memory; nothing of it stays once closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewer = DocumentViewer(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.viewer)
        self.resize(1000, 660)

    def show_file(self, wf: WorkingFile, info: visits.AttachmentInfo, title: str = "") -> None:
        self.setWindowTitle(title or info.filename)
        screen = self.screen().availableGeometry()
        self.resize(min(1000, screen.width() - 40), min(680, screen.height() - 60))
        self.viewer.show_document(str(info.id), info.filename, info.media_type, visits.attachment_bytes(wf, info.id))
        self.show()

    def done(self, result: int) -> None:
        self.viewer.clear()
        super().done(result)


class DocumentsBox(QWidget):
    """An application's own documents (申报书, audit reports, certificates), kept in the working file."""

    def __init__(self, runner: Runner, application_id: int, parent: QWidget | None = None, *,
                 editable: bool = True) -> None:
        super().__init__(parent)
        self.runner, self.wf, self.application_id = runner, runner.wf, application_id
        self.editable = editable
        self.dialog: DocumentDialog | None = None
        self.infos: dict[str, visits.AttachmentInfo] = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        top.addWidget(self.hint, 1)
        self.add_button = QPushButton(self.tr("Add &documents…"), self)
        self.add_button.setMinimumHeight(32)
        self.add_button.clicked.connect(self.choose)
        self.add_button.setVisible(editable)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        self.strip = ThumbnailStrip(self, orientation=Qt.Orientation.Horizontal, thumb_size=120)
        self.strip.set_removable(editable)
        self.strip.setAcceptDrops(editable)
        self.strip.files_dropped.connect(self.add_files)
        self.strip.remove_requested.connect(self.remove)
        self.strip.document_activated.connect(self.open)
        layout.addWidget(self.strip, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        infos = visits.documents_of(self.wf, self.application_id)
        self.infos = {str(i.id): i for i in infos}
        self.strip.set_items([(str(i.id), i.filename, i.media_type, functools.partial(visits.attachment_bytes,
                                                                                     self.wf, i.id))
                              for i in infos])
        if infos:
            self.hint.setText(self.tr("%n document(s), kept encrypted in the working file. Click one to read it.", "",
                                      len(infos)))
        else:
            self.hint.setText(self.tr("No documents yet: add the application form, audit reports and "
                                      "certificates as PDF or photos, or drop them here.") if self.editable else
                              self.tr("No documents for this application."))

    def count(self) -> int:
        return len(self.infos)

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add documents"), "",
                                                self.tr("PDF and photos") + f" ({FILE_FILTER})")
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        for path in paths:
            self.runner.run(add_document_file, self.application_id, str(path), parent=self,
                            label=self.tr("Adding documents…"), on_refused=self._refused,
                            on_done=lambda _c: self.reload())

    def remove(self, key: str) -> None:
        info = self.infos.get(key)
        if info is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove document"),
                          self.tr("Remove “%1” from the working file?").replace("%1", info.filename),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.runner.run(visit_ops.remove_attachment, info.id, parent=self,
                                                     on_refused=self._refused, on_done=lambda _c: self.reload()))
        self.remove_box = box
        box.open()

    def open(self, key: str) -> None:
        info = self.infos.get(key)
        if info is None:
            return
        if self.dialog is None:
            self.dialog = DocumentDialog(self)
        self.dialog.show_file(self.wf, info)

    def _refused(self, exc: RuleViolation) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(exc.text(settings.ui_language()))

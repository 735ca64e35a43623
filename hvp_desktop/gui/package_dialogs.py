"""Packages between laptops in the GUI (issue 21; the core is `exchange/packages.py`).

PrepareDialog(runner, round_id, parent)        Round → Prepare expert packages…  (secretariat)
    A folder; `prepare_round` runs on the runner's thread with progress and Cancel; then
    PreparedDialog lists each expert's package and one-time passphrase (shown only now: they are
    stored nowhere) and saves or prints the hand-over slips (`reports/pdf_handover`).
OpenPackageDialog(wf, runner, parent)          File → Open expert package…  (expert)
    A .hvpkg and its passphrase (spaces, dashes, lower case accepted), opened off the GUI thread;
    then who and what it is for, and either a new working file for the expert (path, password
    twice), opened in place of the current one (`file_opened(wf)`), or, in the expert's own file,
    that file brought up to date (`install_package` on the runner).
return_work(parent, wf, runner)                File → Return my work…  (an expert's own file)
    The PIN if the key has one, where to save, `build_return` on the runner, and what it holds.
MergeDialog(runner, parent)                    Round → Merge return packages…  (chair, secretariat)
    Return packages dropped on the dialog or added; `merge` on the runner with progress; one row a
    package and the reasons of what was refused or not known below. The panels reload after.

A refusal (wrong passphrase, another panel, a newer format) is the RuleViolation's own text in
the UI's language, in the dialog's message line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hvp_desktop import private_files
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.exchange import packages
from hvp_desktop.gui import printing, round_actions, settings
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.tasks import Task, run_task
from hvp_desktop.reports.pdf_handover import HandoverRound, HandoverSlip, render_handover_slips
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import expert_file, queries
from hvp_desktop.store.engine import MIN_PASSWORD_LENGTH, WorkingFile
from hvp_desktop.store.ops.core import EXPERT_OF_FILE, Cancelled, Changes

_RED, _GREEN, _GREY, _AMBER = "#b00020", "#1b7f3b", "#555555", "#8a5a00"
PACKAGE_FILTER = "hvp-desktop (*.hvpkg)"
FILE_FILTER = "hvp-desktop (*.hvpdb)"


def _language() -> str:
    return settings.ui_language()


def _mono_font(size_factor: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if size_factor != 1.0:
        font.setPointSizeF(font.pointSizeF() * size_factor)
    return font


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _say(label: QLabel, text: str, colour: str = _RED) -> None:
    label.setStyleSheet(f"color: {colour};")
    label.setText(text)


def refresh_everything(wf: WorkingFile, value=None) -> Changes:
    """Changes that concern every panel (after a merge or a package brought in: much may differ)."""
    apps = frozenset(r.id for r in queries.application_rows(wf))
    rounds = frozenset(r.id for r in queries.rounds(wf))
    experts = frozenset(int(k) for k in queries.expert_names(wf) if k.isdigit())
    return Changes(applications=apps, rounds=rounds, experts=experts, seats=rounds, assignments=apps,
                   conflicts=apps, decisions=apps, settings=rounds, ranking=rounds, visits=apps, documents=apps,
                   value=value)


# -- the secretariat: prepare ------------------------------------------------------------------------
def prepare_op(wf: WorkingFile, round_id: int, folder: str, progress=None, is_cancelled=None) -> Changes:
    """`prepare_round` as a runner operation: cancelled between experts; the certificates issued
    on the way concern the panel's experts."""
    def step(done: int, total: int) -> bool:
        if progress is not None:
            progress(done, total)
        return not (is_cancelled is not None and is_cancelled())

    prepared = packages.prepare_round(wf, round_id, folder, step)
    issued = frozenset(p.expert_id for p in prepared if p.issued_certificate)
    return Changes(experts=issued, value=prepared)


class PrepareDialog(QDialog):
    """Round → Prepare expert packages…: the folder, then `prepare_round` with progress and Cancel."""

    def __init__(self, runner: Runner, round_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.wf, self.round_id = runner, runner.wf, round_id
        self.prepared: list[packages.PreparedPackage] | None = None
        self.result_dialog: PreparedDialog | None = None
        self.busy = False
        self.title, _places = round_actions.round_info(self.wf, round_id)
        self.setWindowTitle(self.tr("Prepare expert packages: %1").replace("%1", self.title))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "One package for each expert of the round's panel who has applications to score: the applications "
            "and their documents, the rubric, the checklist and the expert's signing certificate, signed with "
            "the panel's root. Each package is encrypted with its own one-time passphrase, shown once afterwards "
            "and printed on a hand-over slip."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder_edit = QLineEdit(self)
        saved = settings.settings().value("packages/folder", "")
        self.folder_edit.setText(str(saved or Path(_documents()) / "hvp-packages"))
        row.addWidget(self.folder_edit, 1)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.browse_button)
        label = QLabel(self.tr("&Folder:"), self)
        label.setBuddy(self.folder_edit)
        form.addRow(label, row)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.prepare_button = self.buttons.addButton(self.tr("&Prepare packages"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.prepare_button.clicked.connect(lambda: self.prepare())
        self.buttons.rejected.connect(self.reject)
        self.prepare_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the expert packages"),
                                                  self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def prepare(self) -> bool:
        if self.busy:
            return False
        text = self.folder_edit.text().strip()
        if not text:
            _say(self.message, self.tr("Choose a folder for the packages."))
            self.folder_edit.setFocus()
            return False
        folder = Path(text).expanduser()
        if folder.exists() and not folder.is_dir():
            _say(self.message, self.tr("%1 is a file, not a folder.").replace("%1", str(folder)))
            return False
        settings.settings().setValue("packages/folder", str(folder))
        self.busy = True
        self.buttons.setEnabled(False)
        _say(self.message, "", _GREY)

        def done(changes: Changes) -> None:
            self.busy = False
            self.buttons.setEnabled(True)
            self.prepared = list(changes.value or [])
            if not self.prepared:
                _say(self.message, self.tr("No package was made: no expert of the round's panel has an application "
                                           "to score (or it was cancelled before the first)."))
                return
            self.result_dialog = PreparedDialog(self.wf, self.round_id, self.prepared, self.parentWidget())
            self.accept()
            self.result_dialog.open()

        def refused(exc: RuleViolation) -> None:
            _say(self.message, exc.text(_language()))

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.buttons.setEnabled(True)
            if not isinstance(exc, RuleViolation | Cancelled):
                _say(self.message, self.tr("The packages could not be written: %1").replace(
                    "%1", printing.error_text(exc)))

        self.runner.run(prepare_op, self.round_id, str(folder), parent=self, on_done=done, on_refused=refused,
                        on_failed=failed, long=True, label=self.tr("Preparing the expert packages…"))
        return True


class PreparedDialog(QDialog):
    """The packages just made: expert, applications, file, passphrase (selectable), certificate;
    the hand-over slips saved as PDF or printed. The passphrases are shown only here."""

    def __init__(self, wf: WorkingFile, round_id: int, prepared: list[packages.PreparedPackage],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prepared = prepared
        self.slips_handled = False  # saved or printed: closing needs no question
        self.saved_path: Path | None = None
        self.print_dialog = None
        self.question: QMessageBox | None = None
        self.title, _places = round_actions.round_info(wf, round_id)
        info = queries.round_info(wf, round_id)
        stored = dict(queries.round_list(wf)).get(round_id, "")
        self.round = HandoverRound(info.year, info.kind, stored)
        self.setWindowTitle(self.tr("Expert packages of %1").replace("%1", self.title))
        layout = QVBoxLayout(self)
        folder = prepared[0].path.parent if prepared else Path()
        self.summary = QLabel(self.tr("%n package(s) written to %1.", "", len(prepared)).replace("%1", str(folder)),
                              self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.warning = QLabel(self.tr(
            "The passphrases are shown only now: they are stored nowhere, not even in this file. Save or print "
            "the hand-over slips before you close this window; give each expert the package and the slip "
            "separately."), self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {_AMBER}; font-weight: bold;")
        layout.addWidget(self.warning)
        fingerprint = certs.short_fingerprint(prepared[0].root_fingerprint) if prepared else ""
        self.fingerprint = QLabel(self.tr("Panel root fingerprint (on every slip): %1").replace("%1", fingerprint),
                                  self)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)

        self.table = QTableWidget(len(prepared), 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Expert"), self.tr("Applications"), self.tr("File"),
                                              self.tr("Passphrase"), self.tr("Signing certificate")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        mono = _mono_font(1.1)
        self.passphrase_edits: list[QLineEdit] = []
        for row, p in enumerate(prepared):
            cells = [p.expert_name, str(p.applications), p.path.name, "",
                     self.tr("Issued now") if p.issued_certificate else self.tr("Already issued")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 2:
                    item.setToolTip(str(p.path))
                self.table.setItem(row, column, item)
            edit = QLineEdit(p.passphrase, self.table)
            edit.setReadOnly(True)  # selectable and copyable, never changed
            edit.setFont(mono)
            edit.setFrame(False)
            edit.setObjectName(f"passphrase{row}")
            edit.setAccessibleName(self.tr("Passphrase of %1").replace("%1", p.expert_name))
            self.passphrase_edits.append(edit)
            self.table.setCellWidget(row, 3, edit)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row in range(len(prepared)):
            self.table.setRowHeight(row, max(self.table.rowHeight(row), self.passphrase_edits[row].sizeHint().height()))
        widest = max((e.fontMetrics().horizontalAdvance(e.text()) for e in self.passphrase_edits), default=100)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(3, widest + 24)
        layout.addWidget(self.table, 1)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("&Save hand-over slips as PDF…"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = self.buttons.addButton(self.tr("&Print hand-over slips…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = self.buttons.addButton(self.tr("&Open the folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(lambda: self.save_slips())
        self.print_button.clicked.connect(self.print_slips)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.ask_close)
        self.save_button.setDefault(True)
        layout.addWidget(self.buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(max(self.sizeHint().width(), 900), screen.width() - 40),
                    min(max(360, 260 + 34 * len(prepared)), screen.height() - 80))

    def slips_pdf(self) -> bytes:
        slips = [HandoverSlip(p.expert_name, p.path.name, p.passphrase, certs.short_fingerprint(p.root_fingerprint),
                              p.applications, p.documents) for p in self.prepared]
        return render_handover_slips(self.round, slips, prepared_on=date.today())

    def save_slips(self, path: str | None = None) -> Path | None:
        if path is None:
            folder = self.prepared[0].path.parent if self.prepared else Path(_documents())
            suggested = folder / f"{self.round.year}-交接单.pdf"
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the hand-over slips"), str(suggested),
                                                        self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        try:
            pdf = self.slips_pdf()
            private_files.write_replacing(target, lambda temp: temp.write_bytes(pdf))
        except OSError as exc:
            _say(self.message, self.tr("The slips could not be saved: %1").replace("%1", printing.error_text(exc)))
            return None
        self.slips_handled = True
        self.saved_path = target
        _say(self.message, self.tr("Hand-over slips saved to %1. Print them, then delete the file: it holds the "
                                   "passphrases.").replace("%1", str(target)), _GREEN)
        return target

    def print_slips(self) -> None:
        self.slips_handled = True
        title = self.tr("Hand-over slips of %1").replace("%1", self.title)
        self.print_dialog = printing.print_pdf(self, self.slips_pdf(), title)

    def open_folder(self) -> bool:
        if not self.prepared:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.prepared[0].path.parent)))

    def ask_close(self) -> None:
        """Close (the button, Esc, the window's X): asked first while the slips were neither saved
        nor printed. A lock closes the dialog without asking (`reject`): the passphrases go."""
        if self.slips_handled or not self.prepared:
            self.reject()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), self.tr(
            "The hand-over slips were neither saved nor printed. Once this window is closed the passphrases "
            "cannot be shown again: the packages would have to be prepared anew. Close anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.setObjectName("closeWithoutSlips")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda answer: self.reject() if answer == QMessageBox.StandardButton.Yes else None)
        box.open()  # window-modal, without a nested event loop
        self.question = box

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.ask_close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if event.spontaneous() and not self.slips_handled and self.prepared:
            event.ignore()
            self.ask_close()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        for edit in self.passphrase_edits:
            edit.setText("")
        super().reject()


# -- the expert: open a package ---------------------------------------------------------------------
def _read_package(path: str) -> bytes:
    p = Path(path)
    if p.stat().st_size > 2 * 1024 ** 3:
        raise RuleViolation("PACKAGE", "数据包过大，不是本程序写出的", "The package is too large to be one this app wrote.")
    return p.read_bytes()


def install_op(wf: WorkingFile, package: packages.ExpertPackage) -> Changes:
    result = packages.install_package(wf, package)
    return refresh_everything(wf, result)


@dataclass
class OpenedPackage:
    path: str
    package: packages.ExpertPackage


class OpenPackageDialog(QDialog):
    """File → Open expert package…: page 1 the file and its passphrase; page 2 who it is for, and
    where it goes (a new working file, or the expert's own open file brought up to date).
    `file_opened(wf)` hands the new working file, open, to the window."""

    file_opened = Signal(object)

    def __init__(self, wf: WorkingFile | None, runner: Runner | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf, self.runner = wf, runner
        self.task: Task | None = None
        self.opened: OpenedPackage | None = None
        self.outcome: dict | None = None
        self.created_path: Path | None = None
        self.done_box: QMessageBox | None = None
        self.owner = wf.meta_value(EXPERT_OF_FILE) if wf is not None else None
        self.setWindowTitle(self.tr("Open expert package"))
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)

        # page 1: the package and its passphrase
        first = QWidget(self.pages)
        p1 = QVBoxLayout(first)
        p1.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr(
            "The secretariat gives you the package (a .hvpkg file, on a USB stick or by e-mail) and, separately, a "
            "hand-over slip with its one-time passphrase."), first)
        intro.setWordWrap(True)
        p1.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file_edit = QLineEdit(first)
        self.file_edit.setPlaceholderText(self.tr("Path of a *.hvpkg package"))
        row.addWidget(self.file_edit, 1)
        self.browse_button = QPushButton(self.tr("&Browse…"), first)
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.browse_button)
        file_label = QLabel(self.tr("&Package:"), first)
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, row)
        self.passphrase_edit = QLineEdit(first)
        self.passphrase_edit.setFont(_mono_font(1.2))
        self.passphrase_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX")
        self.passphrase_edit.returnPressed.connect(lambda: self.next_page())
        pass_label = QLabel(self.tr("Pass&phrase:"), first)
        pass_label.setBuddy(self.passphrase_edit)
        form.addRow(pass_label, self.passphrase_edit)
        hint = QLabel(self.tr("As printed on the slip: capitals or not, with or without the spaces and dashes."), first)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {_GREY};")
        form.addRow("", hint)
        p1.addLayout(form)
        p1.addStretch(1)
        self.pages.addWidget(first)

        # page 2: who it is for, and where it goes
        second = QWidget(self.pages)
        p2 = QVBoxLayout(second)
        p2.setContentsMargins(0, 0, 0, 0)
        self.about = QLabel(second)
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        p2.addWidget(self.about)
        self.fingerprint = QLabel(second)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        p2.addWidget(self.fingerprint)
        box = QGroupBox(self.tr("Where it goes"), second)
        choices = QVBoxLayout(box)
        self.new_radio = QRadioButton(self.tr("Create my &working file from it"), box)
        self.update_radio = QRadioButton(self.tr("Bring the &open file up to date"), box)
        group = QButtonGroup(self)
        group.addButton(self.new_radio)
        group.addButton(self.update_radio)
        choices.addWidget(self.new_radio)
        self.new_fields = QWidget(box)
        nf = QFormLayout(self.new_fields)
        nf.setContentsMargins(24, 0, 0, 0)
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit(self.new_fields)
        path_row.addWidget(self.path_edit, 1)
        self.path_button = QPushButton(self.tr("B&rowse…"), self.new_fields)
        self.path_button.clicked.connect(self.browse_new_file)
        path_row.addWidget(self.path_button)
        path_label = QLabel(self.tr("&File:"), self.new_fields)
        path_label.setBuddy(self.path_edit)
        nf.addRow(path_label, path_row)
        self.password_edit = QLineEdit(self.new_fields)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        pw_label = QLabel(self.tr("Pass&word:"), self.new_fields)
        pw_label.setBuddy(self.password_edit)
        nf.addRow(pw_label, self.password_edit)
        self.repeat_edit = QLineEdit(self.new_fields)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.returnPressed.connect(lambda: self.finish())
        rep_label = QLabel(self.tr("R&epeat:"), self.new_fields)
        rep_label.setBuddy(self.repeat_edit)
        nf.addRow(rep_label, self.repeat_edit)
        self.show_password = QCheckBox(self.tr("Show password"), self.new_fields)
        self.show_password.toggled.connect(self._echo)
        nf.addRow("", self.show_password)
        self.password_hint = QLabel(self.tr(
            "Your working file is encrypted with this password (at least %n characters). Without it nobody, "
            "including you, can open the file again.", "", MIN_PASSWORD_LENGTH), self.new_fields)
        self.password_hint.setWordWrap(True)
        self.password_hint.setStyleSheet(f"color: {_GREY};")
        nf.addRow("", self.password_hint)
        choices.addWidget(self.new_fields)
        choices.addWidget(self.update_radio)
        self.update_note = QLabel(box)
        self.update_note.setWordWrap(True)
        self.update_note.setContentsMargins(24, 0, 0, 0)
        self.update_note.setStyleSheet(f"color: {_GREY};")
        choices.addWidget(self.update_note)
        p2.addWidget(box)
        p2.addStretch(1)
        self.pages.addWidget(second)
        self.new_radio.toggled.connect(self._destination)
        self.update_radio.setEnabled(False)  # until the package shows whose it is
        for widget in (self.update_radio, self.update_note):
            widget.setVisible(wf is not None)  # no file open (the first start): only a new one

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.back_button = self.buttons.addButton(self.tr("< &Back"), QDialogButtonBox.ButtonRole.ActionRole)
        self.next_button = self.buttons.addButton(self.tr("&Next >"), QDialogButtonBox.ButtonRole.ActionRole)
        self.finish_button = self.buttons.addButton(self.tr("&Create and open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(lambda: self.next_page())
        self.finish_button.clicked.connect(lambda: self.finish())
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._page(0)
        self.resize(640, 470)

    # -- page 1 -----------------------------------------------------------------------------------
    def browse(self) -> None:
        folder = settings.settings().value("packages/open_folder", "") or _documents()
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the expert package"), folder,
                                                    PACKAGE_FILTER)
        if path:
            settings.settings().setValue("packages/open_folder", str(Path(path).parent))
            self.file_edit.setText(path)
            self.passphrase_edit.setFocus()

    def _page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.next_button.setVisible(index == 0)
        self.finish_button.setVisible(index == 1)
        self.next_button.setDefault(index == 0)
        self.finish_button.setDefault(index == 1)
        (self.file_edit if index == 0 and not self.file_edit.text() else
         self.passphrase_edit if index == 0 else
         self.path_edit if self.new_radio.isChecked() else self.finish_button).setFocus()

    def back(self) -> None:
        _say(self.message, "")
        self._page(0)

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.pages.setEnabled(not busy)

    def next_page(self) -> Task | None:
        """Open the package with the passphrase, off the GUI thread (the key derivation takes a moment)."""
        if self.task is not None:
            return None
        path = self.file_edit.text().strip()
        if not path:
            _say(self.message, self.tr("Choose the package file first."))
            self.file_edit.setFocus()
            return None
        if not Path(path).is_file():
            _say(self.message, self.tr("There is no file %1.").replace("%1", path))
            self.file_edit.setFocus()
            return None
        if not self.passphrase_edit.text().strip():
            _say(self.message, self.tr("Type the passphrase from the hand-over slip."))
            self.passphrase_edit.setFocus()
            return None
        passphrase = self.passphrase_edit.text()
        self._busy(True)
        _say(self.message, "", _GREY)

        def work(_progress, _cancelled):
            return packages.open_expert_package(_read_package(path), passphrase)

        def done(package: packages.ExpertPackage) -> None:
            self.task = None
            self._busy(False)
            self.opened = OpenedPackage(path, package)
            self._show_package(package)

        def failed(exc: BaseException) -> None:
            self.task = None
            self._busy(False)
            if isinstance(exc, RuleViolation):
                _say(self.message, exc.text(_language()))
                self.passphrase_edit.selectAll()
                self.passphrase_edit.setFocus()
            else:
                _say(self.message, self.tr("The package cannot be read: %1").replace("%1", printing.error_text(exc)))

        self.task = run_task(self, work, label=self.tr("Opening the package…"), on_done=done, on_error=failed,
                             cancellable=False)
        return self.task

    def _show_package(self, package: packages.ExpertPackage) -> None:
        rnd = package.round or {}
        year, kind = rnd.get("year"), rnd.get("kind")
        from hvp_desktop.gui import labels

        title = labels.round_title(year, kind) if year and kind else "—"
        apps = len(package.snapshot.tables.get("assignments", []))
        self.about.setText(self.tr("This package is for %1: %n application(s) of %2 to score.", "", apps)
                           .replace("%1", package.expert_name).replace("%2", title))
        self.fingerprint.setText(self.tr(
            "Panel root fingerprint: %1 — check that it is the one on your hand-over slip; if not, stop and call "
            "the secretariat.").replace("%1", certs.short_fingerprint(package.root_fingerprint)))
        mine = self.owner is not None and self.owner == package.expert_uuid
        self.update_radio.setEnabled(mine)
        if mine:
            self.update_note.setText(self.tr("The open file %1 is yours: what is new in the package is added to it; "
                                             "your scores and notes stay as you left them.")
                                     .replace("%1", self.wf.path.name))
        elif self.owner is not None:
            self.update_note.setText(self.tr("The open file belongs to another expert: the package cannot go into it."))
        else:
            self.update_note.setText(self.tr("The open file is not an expert's own file."))
        (self.update_radio if mine else self.new_radio).setChecked(True)
        if not self.path_edit.text():
            folder = Path(self.wf.path).parent if self.wf is not None else Path(_documents())
            self.path_edit.setText(str(folder / f"{packages.safe_name(package.expert_name)}-{year or ''}.hvpdb"))
        self._destination()
        self._page(1)

    # -- page 2 -----------------------------------------------------------------------------------
    def _echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)

    def _destination(self, *_args) -> None:
        new = self.new_radio.isChecked()
        self.new_fields.setEnabled(new)
        self.finish_button.setText(self.tr("&Create and open") if new else self.tr("&Bring up to date"))

    def browse_new_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("My working file"), self.path_edit.text(),
                                                    FILE_FILTER)
        if path:
            self.path_edit.setText(path if path.endswith(".hvpdb") else path + ".hvpdb")
            self.password_edit.setFocus()

    def forget(self) -> None:
        for edit in (self.passphrase_edit, self.password_edit, self.repeat_edit):
            edit.setText("")  # setText also clears the undo history

    def finish(self):
        if self.opened is None or self.task is not None or not self.buttons.isEnabled():
            return None
        if self.update_radio.isChecked():
            return self._update()
        return self._create()

    def _update(self):
        package = self.opened.package
        self._busy(True)

        def done(changes: Changes) -> None:
            self._busy(False)
            self.outcome = changes.value
            self.forget()
            self.accept()
            added = sum((changes.value or {}).get("added", {}).values())
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Open expert package"), self.tr(
                "Your file is up to date with the package: %n record(s) added.", "", added),
                QMessageBox.StandardButton.Ok, self.parentWidget())
            box.setObjectName("packageInstalled")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # without a nested event loop
            self.done_box = box

        def refused(exc: RuleViolation) -> None:
            _say(self.message, exc.text(_language()))

        def failed(_exc: BaseException) -> None:
            self._busy(False)

        self.runner.run(install_op, package, parent=self, on_done=done, on_refused=refused, on_failed=failed,
                        long=True, cancellable=False, label=self.tr("Bringing the file up to date…"))
        return True

    def _create(self):
        text = self.path_edit.text().strip()
        if not text:
            _say(self.message, self.tr("Choose where to save your working file."))
            self.path_edit.setFocus()
            return None
        target = Path(text if text.endswith(".hvpdb") else text + ".hvpdb").expanduser()
        if target.exists():
            _say(self.message, self.tr("%1 exists already. Choose another name, or open that file and bring it up to "
                                       "date from there.").replace("%1", str(target)))
            self.path_edit.setFocus()
            return None
        if not target.parent.is_dir():
            _say(self.message, self.tr("The folder %1 does not exist.").replace("%1", str(target.parent)))
            return None
        if len(self.password_edit.text()) < MIN_PASSWORD_LENGTH:
            _say(self.message, self.tr("The password needs at least %n characters.", "", MIN_PASSWORD_LENGTH))
            self.password_edit.setFocus()
            return None
        if self.password_edit.text() != self.repeat_edit.text():
            _say(self.message, self.tr("The two passwords differ."))
            self.repeat_edit.selectAll()
            self.repeat_edit.setFocus()
            return None
        held = [self.password_edit.text(), self.passphrase_edit.text()]
        source = self.opened.path
        self._busy(True)
        _say(self.message, "", _GREY)

        def work(_progress, _cancelled):
            password, passphrase = held
            held.clear()
            result = packages.unpack(_read_package(source), passphrase, target, password)
            return result, WorkingFile.open(target, password)

        def done(outcome) -> None:
            self.task = None
            result, wf = outcome
            self.outcome = result
            self.created_path = target
            self.forget()
            settings.add_recent_file(str(target))
            self.accept()
            self.file_opened.emit(wf)

        def failed(exc: BaseException) -> None:
            self.task = None
            self._busy(False)
            text = exc.text(_language()) if isinstance(exc, RuleViolation) else printing.error_text(exc)
            _say(self.message, self.tr("Your working file was not created: %1").replace("%1", text))

        self.task = run_task(self, work, label=self.tr("Creating your working file…"), on_done=done, on_error=failed,
                             cancellable=False)
        return self.task

    def reject(self) -> None:
        if self.task is not None:
            return  # a file being written finishes (or is removed) before the dialog goes
        self.forget()
        super().reject()


# -- the expert: return the work --------------------------------------------------------------------
def return_op(wf: WorkingFile, path: str, pin: str | None) -> Changes:
    data, counts = packages.build_return(wf, pin)
    private_files.write_replacing(Path(path), lambda temp: temp.write_bytes(data))
    return Changes(value=counts)


def suggested_return_name(wf: WorkingFile) -> str:
    expert_id = expert_file.expert_of(wf)
    name = queries.expert_names(wf).get(str(expert_id), "") if expert_id is not None else ""
    return f"{packages.safe_name(name or 'expert')}-回传-{date.today():%Y%m%d}{packages.SUFFIX}"


def returned_text(counts: dict, path: str) -> str:
    """What a return package holds, for the expert."""
    sheets, submitted = counts.get("sheets", 0), counts.get("submitted", 0)
    conflicts, visits, evidence = counts.get("conflicts", 0), counts.get("visits", 0), counts.get("evidence", 0)
    drafts = sheets - submitted
    lines = [QCoreApplication.translate("PackageDialogs", "Saved to %1.").replace("%1", path), "",
             QCoreApplication.translate("PackageDialogs", "Score sheets: %n", "", sheets),
             QCoreApplication.translate("PackageDialogs", "Submitted: %n", "", submitted),
             QCoreApplication.translate("PackageDialogs", "Declared conflicts: %n", "", conflicts),
             QCoreApplication.translate("PackageDialogs", "On-site visits: %n", "", visits),
             QCoreApplication.translate("PackageDialogs", "Evidence files: %n", "", evidence)]
    if drafts > 0:
        lines += ["", QCoreApplication.translate(
            "PackageDialogs", "%n sheet(s) are still drafts: the panel takes only submitted sheets.", "", drafts)]
    lines += ["", QCoreApplication.translate(
        "PackageDialogs", "Give this file to the secretariat (USB stick or e-mail): it is signed with your key and "
                          "encrypted so that only the panel's file opens it.")]
    return "\n".join(lines)


def return_work(parent: QWidget, wf: WorkingFile, runner: Runner, *, path: str | None = None,
                pin: str | None = None):
    """File → Return my work…: the PIN if needed, where to save, then the package and what it holds.
    Returns a dict filled with the counts once written (None when the user stopped)."""
    title = QCoreApplication.translate("PackageDialogs", "Return my work")
    expert_id = expert_file.expert_of(wf)
    if expert_id is None:
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "PackageDialogs", "This is not an expert's own working file: there is no work to return from it."))
        return None
    if pin is None and certs.identity_needs_pin(wf, expert_id):
        dialog = QInputDialog(parent)
        dialog.setObjectName("pinDialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(QCoreApplication.translate(
            "PackageDialogs", "Your signing key is protected by a PIN. Enter it to sign the package:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        pin = dialog.textValue()
        dialog.setTextValue("")
        dialog.deleteLater()
        if not accepted:
            return None
    if path is None:
        folder = settings.settings().value("packages/return_folder", "") or _documents()
        path, _filter = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("PackageDialogs", "Save the return package"),
            str(Path(folder) / suggested_return_name(wf)), PACKAGE_FILTER)
        if not path:
            return None
        if not path.endswith(packages.SUFFIX):
            path += packages.SUFFIX
        settings.settings().setValue("packages/return_folder", str(Path(path).parent))
    outcome: dict = {}

    def done(changes: Changes) -> None:
        outcome.update(changes.value or {})
        box = QMessageBox(QMessageBox.Icon.Information, title, returned_text(outcome, path),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("returnedBox")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    runner.run(return_op, path, pin, parent=parent, on_done=done, long=True, cancellable=False,
               label=QCoreApplication.translate("PackageDialogs", "Signing and sealing your work…"))
    return outcome


# -- the chair: merge ---------------------------------------------------------------------------------
def merge_op(wf: WorkingFile, paths: list[str], progress=None, is_cancelled=None) -> Changes:
    def step(done: int, total: int) -> bool:
        if progress is not None:
            progress(done, total)
        return not (is_cancelled is not None and is_cancelled())

    report = packages.merge(wf, paths, step)
    return refresh_everything(wf, report)


class MergeDialog(QDialog):
    """Merge return packages…: files dropped or added, merged on the runner; one row a package."""

    COLUMNS = 9

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.wf = runner, runner.wf
        self.report: packages.MergeReport | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Merge return packages"))
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The experts' return packages (.hvpkg) go into this file, each whole or not at all: submitted score "
            "sheets, declared conflicts, visits and evidence. A package merged before changes nothing; drafts are "
            "not taken."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.drop_zone = QFrame(self)
        self.drop_zone.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_zone.setFrameShadow(QFrame.Shadow.Sunken)
        zone = QVBoxLayout(self.drop_zone)
        top = QHBoxLayout()
        drop_label = QLabel(self.tr("Drop return packages here, or"), self.drop_zone)
        drop_label.setStyleSheet(f"color: {_GREY};")
        top.addWidget(drop_label, 1, Qt.AlignmentFlag.AlignRight)
        self.add_button = QPushButton(self.tr("&Add files…"), self.drop_zone)
        self.add_button.clicked.connect(lambda: self.add_files())
        top.addWidget(self.add_button, 1, Qt.AlignmentFlag.AlignLeft)
        zone.addLayout(top)
        self.list = QListWidget(self.drop_zone)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(150)
        zone.addWidget(self.list)
        list_buttons = QHBoxLayout()
        self.count_label = QLabel(self.drop_zone)
        list_buttons.addWidget(self.count_label, 1)
        self.remove_button = QPushButton(self.tr("&Remove from the list"), self.drop_zone)
        self.remove_button.clicked.connect(self.remove_selected)
        list_buttons.addWidget(self.remove_button)
        zone.addLayout(list_buttons)
        layout.addWidget(self.drop_zone)
        self.list.installEventFilter(self)  # Delete removes the chosen files from the list
        self.list.itemSelectionChanged.connect(self._update_buttons)

        self.results_title = QLabel(self.tr("Outcome"), self)
        font = self.results_title.font()
        font.setBold(True)
        self.results_title.setFont(font)
        layout.addWidget(self.results_title)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Package"), self.tr("Expert"), self.tr("Status"), self.tr("Merged"), self.tr("Superseded"),
            self.tr("Unchanged"), self.tr("Refused"), self.tr("Unknown"), self.tr("Drafts")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 2)
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.totals)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("What was refused or not known, and why, is listed here."))
        self.details.setObjectName("mergeDetails")
        layout.addWidget(self.details, 1)
        for widget in (self.results_title, self.table, self.totals, self.details):
            widget.setVisible(False)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.merge_button.clicked.connect(lambda: self.merge())
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_buttons()
        screen = self.screen().availableGeometry()
        self.resize(min(900, screen.width() - 40), min(620, screen.height() - 80))

    # -- the list --------------------------------------------------------------------------------
    def paths(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def add_paths(self, paths: list[str]) -> int:
        have = {str(Path(p).resolve()) for p in self.paths()}
        added = 0
        for path in paths:
            resolved = str(Path(path).resolve())
            if resolved in have or not Path(path).is_file():
                continue
            have.add(resolved)
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.list.addItem(item)
            added += 1
        self._update_buttons()
        return added

    def add_files(self, paths: list[str] | None = None) -> None:
        if paths is None:
            folder = settings.settings().value("packages/merge_folder", "") or _documents()
            paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Choose return packages"), folder,
                                                          self.tr("Packages (*.hvpkg);;All files (*)"))
            if not paths:
                return
            settings.settings().setValue("packages/merge_folder", str(Path(paths[0]).parent))
        self.add_paths(paths)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.list and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not self.busy:
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = self.list.count()
        self.count_label.setText(self.tr("%n file(s) to merge", "", count) if count else "")
        self.remove_button.setEnabled(bool(self.list.selectedItems()) and not self.busy)
        self.merge_button.setEnabled(count > 0 and not self.busy)
        self.add_button.setEnabled(not self.busy)
        if count and not self.busy:
            self.merge_button.setDefault(True)

    @staticmethod
    def _local_files(event) -> list[str]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]

    def _highlight(self, on: bool) -> None:
        self.drop_zone.setStyleSheet("QFrame { background-color: #e3eefb; }" if on else "")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event) and not self.busy:
            event.acceptProposedAction()
            self._highlight(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._local_files(event) and not self.busy:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self._highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight(False)
        files = self._local_files(event)
        if not files or self.busy:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths(files)

    # -- merging ---------------------------------------------------------------------------------
    def merge(self) -> bool:
        paths = self.paths()
        if not paths or self.busy:
            return False
        self.busy = True
        self._update_buttons()
        _say(self.message, "", _GREY)

        def done(changes: Changes) -> None:
            self.busy = False
            self.list.clear()
            self._update_buttons()
            self.show_report(changes.value)

        def refused(exc: RuleViolation) -> None:
            _say(self.message, exc.text(_language()))

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._update_buttons()
            if not isinstance(exc, RuleViolation | Cancelled):
                _say(self.message, self.tr("The packages could not be merged: %1").replace(
                    "%1", printing.error_text(exc)))

        self.runner.run(merge_op, paths, parent=self, on_done=done, on_refused=refused, on_failed=failed, long=True,
                        label=self.tr("Merging the return packages…"))
        return True

    def status_text(self, status: str) -> str:
        return {"merged": self.tr("Merged"), "unchanged": self.tr("Nothing new"),
                "older": self.tr("Older than one merged before"), "refused": self.tr("Refused")}.get(status, status)

    def show_report(self, report: packages.MergeReport) -> None:
        self.report = report
        zh = _language().startswith("zh")
        rows = report.results
        self.table.setRowCount(len(rows))
        details: list[str] = []
        for row, result in enumerate(rows):
            s = result.summary
            name = Path(result.path).name
            if s is None:
                cells = [name, "—", self.status_text("refused")] + [""] * 6
                details.append(self.tr("%1: the whole package was refused: %2").replace("%1", name).replace(
                    "%2", result.refused[0] if zh else result.refused[1]))
            else:
                cells = [name, s.expert_name or "—", self.status_text(s.status), str(len(s.merged)),
                         str(len(s.superseded)), str(s.unchanged), str(len(s.refused)), str(len(s.unknown)),
                         str(s.drafts)]
                for refusal in s.refused:
                    what = (self.tr("sheet revision %1").replace("%1", str(refusal["revision"]))
                            if "sheet" in refusal else self._kind(refusal.get("kind", "")))
                    if refusal.get("enterprise"):
                        what = f"{refusal['enterprise']} · {what}"
                    details.append(self.tr("%1 (%2), %3 refused: %4").replace("%1", name).replace(
                        "%2", s.expert_name).replace("%3", what).replace("%4", refusal["zh"] if zh else refusal["en"]))
                for unknown in s.unknown:
                    details.append(self.tr("%1 (%2): a %3 names an application or record this file does not know "
                                           "(%4); it was not taken.").replace("%1", name).replace(
                        "%2", s.expert_name).replace("%3", self._kind(unknown.get("kind", ""))).replace(
                        "%4", str(unknown.get("record", ""))))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 0:
                    item.setToolTip(result.path)
                if column == 2:
                    bad = s is None
                    item.setForeground(Qt.GlobalColor.red if bad else Qt.GlobalColor.darkGreen
                                       if s.status == "merged" else Qt.GlobalColor.darkGray)
                if column == 6 and s is not None and s.refused:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, column, item)
        totals = report.totals()
        self.totals.setText(self.tr(
            "%n package(s): %1 refused whole; %2 sheet(s) merged, %3 superseding an earlier revision, %4 unchanged, "
            "%5 refused, %6 not known.", "", totals["packages"]).replace("%1", str(totals["refused_packages"]))
            .replace("%2", str(totals["merged"])).replace("%3", str(totals["superseded"]))
            .replace("%4", str(totals["unchanged"])).replace("%5", str(totals["refused"]))
            .replace("%6", str(totals["unknown"])))
        self.details.setPlainText("\n".join(details) if details else self.tr("Nothing was refused."))
        for widget in (self.results_title, self.table, self.totals, self.details):
            widget.setVisible(True)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _kind(self, kind: str) -> str:
        return {"sheet": self.tr("score sheet"), "conflict": self.tr("declared conflict"), "visit": self.tr("visit"),
                "finding": self.tr("finding"), "evidence": self.tr("evidence file")}.get(kind, kind)

    def reject(self) -> None:
        if self.busy:
            return  # the merge finishes (each package whole or not at all) before the dialog goes
        super().reject()

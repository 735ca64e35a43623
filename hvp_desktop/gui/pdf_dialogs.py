"""Signed PDFs in the GUI (issue 20): verify a PDF, export a round's score sheets, print them.

VerifyPdfDialog(wf, parent)           File → Verify a PDF…
    Checks one or several PDFs (chosen, or dropped on the dialog) offline against the working
    file's panel root, as `hvp-desktop verify` does. Reading and checking run off the GUI thread.
    One file: its verdict and what was found; several: a list with one verdict each, the chosen
    one's details below.
ExportSheetsDialog(wf, round_id, parent)   Round → Export score sheets…
    The round's submitted sheets as PDFs in a folder (one per sheet, or one combined print copy
    without digital signatures), optionally signed with each expert's key (a PIN asked per expert
    whose key has one). `reports.round_reports.export_round_sheets` runs off the GUI thread with progress
    and Cancel; the summary offers to open the folder.
preview_round_sheets(parent, wf, round_id) Round → Print score sheets…
print_sheet(parent, wf, sheet_id, title)   Print… in the scoring form
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
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
    QPushButton,
    QRadioButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import printing, round_actions, settings
from hvp_desktop.gui.tasks import Task, run_task
from hvp_desktop.reports import round_reports as reports
from hvp_desktop.store import certificates as certs
from hvp_desktop.store.engine import WorkingFile

_RED, _GREEN, _GREY = "#b00020", "#1b7f3b", "#555555"
MAX_PDF_BYTES = 200 * 1024 * 1024  # far beyond a score sheet or a result; more is refused unread


def _zh() -> bool:
    return settings.ui_language().startswith("zh")


# -- verifying ------------------------------------------------------------------------------------
@dataclass
class Checked:
    """One file's outcome: the report, or why it could not be checked."""

    path: Path
    report: object | None = None  # pdf_sign.VerifyReport
    problem: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.report is not None and getattr(self.report, "ok", False))

    def reason(self) -> str:
        if self.report is None:
            return self.problem
        return getattr(self.report, "message_zh" if _zh() else "message_en", "") or ""


def check_files(paths: list[Path], roots: list, progress=lambda _d, _t: None, cancelled=lambda: False) -> list[Checked]:
    """Read and verify each file (on a worker thread); a file that cannot be read gets a message."""
    from hvp_desktop.reports.pdf_sign import verify_pdf

    out: list[Checked] = []
    for n, path in enumerate(paths):
        if cancelled():
            break
        try:
            if path.stat().st_size > MAX_PDF_BYTES:
                out.append(Checked(path, problem=QCoreApplication.translate(
                    "PdfDialogs", "The file is too large to be a score sheet or a result (more than 200 MB).")))
                continue
            data = path.read_bytes()
        except OSError as exc:
            out.append(Checked(path, problem=QCoreApplication.translate("PdfDialogs", "The file cannot be read: %1")
                               .replace("%1", exc.strerror or str(exc))))
            continue
        try:
            out.append(Checked(path, verify_pdf(data, roots)))
        except Exception as exc:  # noqa: BLE001 — a damaged file gets a message, never a traceback
            out.append(Checked(path, problem=QCoreApplication.translate("PdfDialogs", "The PDF cannot be checked: %1")
                               .replace("%1", str(exc) or type(exc).__name__)))
        progress(n + 1, len(paths))
    return out


def _local_time(iso: str) -> str:
    if not iso:
        return "—"
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
        offset = moment.strftime("%z")
        return f"{moment:%Y-%m-%d %H:%M:%S} {offset[:3]}:{offset[3:]}"
    return f"{moment:%Y-%m-%d %H:%M:%S}"


def _common_name(issuer: str) -> str:
    """The issuer's common name out of pyHanko's "Common Name: …, Organization: …" (or it all)."""
    for part in issuer.split(", "):
        if part.startswith("Common Name: "):
            return part[len("Common Name: "):]
    return issuer


def _field(entry, name: str, default=None):
    """An attribute of a signature entry, whether it is an object or a dict."""
    if isinstance(entry, dict):
        return entry.get(name, default)
    return getattr(entry, name, default)


class VerifyPdfDialog(QDialog):
    """Verify a PDF…: choose or drop PDFs; each is checked against the panel's root."""

    def __init__(self, wf: WorkingFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify a signed PDF"))
        self.setAcceptDrops(True)
        self.results: list[Checked] = []
        self.task: Task | None = None
        self.seconds = 0.0  # how long the last check took (read and verify), for the record
        self.roots: list = []
        self.fingerprint = ""
        try:
            pem = certs.root_certificate_pem(wf)
            if pem:
                self.roots = certs.load_chain(pem)
                self.fingerprint = certs.short_fingerprint(certs.root_fingerprint(wf) or "")
        except (ValueError, TypeError):
            self.roots = []
        layout = QVBoxLayout(self)
        if self.roots:
            intro = self.tr("Checks a signed score sheet or result offline against this panel's root certificate "
                            "(fingerprint %1): whether it is intact, who signed it, and whether anything was added "
                            "after signing.").replace("%1", self.fingerprint)
        else:
            intro = self.tr("This working file holds no panel root certificate: a PDF can be checked for being "
                            "intact, but no signer can be recognised as this panel's.")
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.drop_zone = QFrame(self)
        self.drop_zone.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_zone.setFrameShadow(QFrame.Shadow.Sunken)
        zone = QHBoxLayout(self.drop_zone)
        drop_label = QLabel(self.tr("Drop one or several PDF files here, or"), self.drop_zone)
        drop_label.setStyleSheet(f"color: {_GREY};")
        zone.addWidget(drop_label, 1, Qt.AlignmentFlag.AlignRight)
        self.choose_button = QPushButton(self.tr("&Choose PDF files…"), self.drop_zone)
        self.choose_button.clicked.connect(lambda: self.choose())
        zone.addWidget(self.choose_button, 1, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.drop_zone)

        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Verdict")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show(row))
        self.table.setVisible(False)
        layout.addWidget(self.table)

        self.details = QWidget(self)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 4, 0, 0)
        verdict_row = QHBoxLayout()
        self.icon = QLabel(self.details)
        verdict_row.addWidget(self.icon)
        self.verdict = QLabel(self.details)
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.verdict.setFont(font)
        verdict_row.addWidget(self.verdict, 1)
        details.addLayout(verdict_row)
        self.reason = QLabel(self.details)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details.addWidget(self.reason)
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, text in (("file", self.tr("File:")), ("intact", self.tr("Content intact:")),
                          ("signer", self.tr("Signed by:")), ("serial", self.tr("Certificate serial number:")),
                          ("trusted", self.tr("Issued by this panel's root:")), ("time", self.tr("Signed at:")),
                          ("added", self.tr("Added after signing:")),
                          ("expert", self.tr("Signer is the sheet's expert:"))):
            value = QLabel(self.details)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(text, value)
        details.addLayout(self.form)
        self.signatures_title = QLabel(self.tr("Signatures in the file:"), self.details)
        details.addWidget(self.signatures_title)
        self.signatures = QTableWidget(0, 4, self.details)
        self.signatures.setHorizontalHeaderLabels([self.tr("Signer"), self.tr("Role"), self.tr("Signed at"),
                                                   self.tr("Valid")])
        self.signatures.verticalHeader().setVisible(False)
        self.signatures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.signatures.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.signatures.horizontalHeader().setStretchLastSection(True)
        details.addWidget(self.signatures)
        self.unsigned = QLabel(self.details)
        self.unsigned.setWordWrap(True)
        self.unsigned.setVisible(False)
        details.addWidget(self.unsigned)
        self.signatures_title.setVisible(False)
        self.signatures.setVisible(False)
        details.addStretch(1)
        self.details.setVisible(False)
        layout.addWidget(self.details, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choose_button.setDefault(True)
        self.resize(780, 640)

    # -- input ----------------------------------------------------------------------------------
    def choose(self, paths: list[str] | None = None) -> None:
        if paths is None:
            folder = settings.settings().value("verify/folder", "") or QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Choose PDF files to verify"), folder,
                                                          self.tr("PDF files (*.pdf);;All files (*)"))
            if not paths:
                return
            settings.settings().setValue("verify/folder", str(Path(paths[0]).parent))
        self.verify([Path(p) for p in paths])

    @staticmethod
    def _local_files(event) -> list[str]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]

    def _highlight(self, on: bool) -> None:
        self.drop_zone.setStyleSheet("QFrame { background-color: #e3eefb; }" if on else "")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event) and self.task is None:
            event.acceptProposedAction()
            self._highlight(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self._highlight(False)
        super().dragLeaveEvent(event)

    def dragMoveEvent(self, event) -> None:
        if self._local_files(event) and self.task is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight(False)
        files = self._local_files(event)
        if not files or self.task is not None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.verify([Path(f) for f in files])

    # -- checking -------------------------------------------------------------------------------
    def verify(self, paths: list[Path]) -> Task | None:
        """Check `paths` off the GUI thread; the outcome replaces what is shown."""
        if not paths or self.task is not None:
            return None
        roots = list(self.roots)
        started = time.perf_counter()
        self.choose_button.setEnabled(False)
        self.reason.setStyleSheet(f"color: {_GREY};")

        def done(results: list[Checked]) -> None:
            self.seconds = time.perf_counter() - started
            self.task = None
            self.choose_button.setEnabled(True)
            self.show_results(results)

        def failed(exc: BaseException) -> None:
            self.task = None
            self.choose_button.setEnabled(True)
            self.show_results([Checked(p, problem=printing.error_text(exc)) for p in paths])

        label = self.tr("Checking %1…").replace("%1", paths[0].name) if len(paths) == 1 else \
            self.tr("Checking %n files…", "", len(paths))
        self.task = run_task(self, lambda progress, cancelled: check_files(paths, roots, progress, cancelled),
                             label=label, on_done=done, on_error=failed)
        return self.task

    def show_results(self, results: list[Checked]) -> None:
        self.results = results
        table = self.table
        table.setRowCount(len(results))
        for row, checked in enumerate(results):
            name = QTableWidgetItem(checked.path.name)
            name.setToolTip(str(checked.path))
            table.setItem(row, 0, name)
            verdict = QTableWidgetItem(self.tr("Valid") if checked.ok else self.tr("Refused"))
            verdict.setForeground(Qt.GlobalColor.darkGreen if checked.ok else Qt.GlobalColor.red)
            verdict.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton if checked.ok
                                                      else QStyle.StandardPixmap.SP_MessageBoxCritical))
            table.setItem(row, 1, verdict)
        table.setVisible(len(results) > 1)
        if len(results) > 1:  # every row in sight up to five, then it scrolls
            rows = min(len(results), 5)
            table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows * table.rowHeight(0)
                                 + 2 * table.frameWidth() + 2)
        if results:
            table.setCurrentCell(0, 0)
            self._show(0)
        else:
            self.details.setVisible(False)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.results):
            return
        checked = self.results[row]
        report = checked.report
        self.details.setVisible(True)
        ok = checked.ok
        pixmap = QStyle.StandardPixmap.SP_DialogApplyButton if ok else QStyle.StandardPixmap.SP_MessageBoxCritical
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(32, 32))
        self.verdict.setText(self.tr("Valid signature") if ok else self.tr("Refused"))
        self.verdict.setStyleSheet(f"color: {_GREEN if ok else _RED};")
        self.reason.setText(checked.reason())
        self.reason.setStyleSheet(f"color: {_GREEN if ok else _RED};")
        yes, no, none = self.tr("Yes"), self.tr("No"), "—"

        def yes_no(value) -> str:
            return none if value is None else yes if value else no

        signed = report is not None and getattr(report, "signed", False)
        v = self.values
        v["file"].setText(str(checked.path))
        v["intact"].setText(yes_no(getattr(report, "intact", None)) if signed else none)
        v["signer"].setText((getattr(report, "signer_name", "") or none) if signed else none)
        v["serial"].setText((getattr(report, "signer_serial", "") or none) if signed else none)
        if signed:
            issuer = getattr(report, "issuer", "")
            if getattr(report, "trusted", False):
                trusted = self.tr("Yes (root %1)").replace("%1", self.fingerprint)
            elif not getattr(report, "intact", False):
                trusted = self.tr("Not established: the signature does not hold")
            elif self.roots:
                trusted = self.tr("No: issued by %1, not by this panel's root (%2)").replace(
                    "%1", _common_name(issuer) or "?").replace("%2", self.fingerprint)
            else:
                trusted = self.tr("Unknown: this working file holds no panel root")
        else:
            trusted = none
        v["trusted"].setText(trusted)
        v["time"].setText(_local_time(getattr(report, "signing_time", "")) if signed else none)
        if signed and getattr(report, "modified_after_signing", False):
            what = getattr(report, "modification", "")
            v["added"].setText(self.tr("Yes (%1)").replace("%1", what) if what else yes)
        else:
            v["added"].setText(no if signed else none)
        is_expert = getattr(report, "signer_is_sheet_expert", None) if signed else None
        if signed and is_expert is None:
            v["expert"].setText(self.tr("— (the PDF names no expert)"))
        else:
            v["expert"].setText(yes_no(is_expert))
        for key in ("added",):
            v[key].setStyleSheet(f"color: {_RED};" if signed and getattr(report, "modified_after_signing", False)
                                 else "")
        v["intact"].setStyleSheet(f"color: {_RED};" if signed and not getattr(report, "intact", True) else "")
        v["trusted"].setStyleSheet(f"color: {_RED};" if signed and not getattr(report, "trusted", True) else "")
        v["expert"].setStyleSheet(f"color: {_RED};" if is_expert is False else "")
        self._show_signatures(getattr(report, "signatures", None) if report is not None else None,
                              getattr(report, "unsigned_seats", None) if report is not None else None)

    def _role(self, role: str) -> str:
        """The signer's role as the PDF states it (the program's own words), in the UI's language."""
        return {"评审专家": self.tr("Reviewing expert"), "评审组组长": self.tr("Panel chair"),
                "评审组成员": self.tr("Panel member")}.get(role, role)

    def _show_signatures(self, entries, unsigned=None) -> None:
        shown = isinstance(entries, list | tuple) and len(entries) > 0
        waiting = [str(seat) for seat in unsigned or []] if isinstance(unsigned, list | tuple) else []
        self.unsigned.setText(self.tr("Signature fields not signed yet: %1").replace("%1", ", ".join(waiting))
                              if waiting else "")
        self.unsigned.setVisible(bool(waiting))
        self.signatures_title.setVisible(shown)
        self.signatures.setVisible(shown)
        if not shown:
            self.signatures.setRowCount(0)
            return
        self.signatures.setRowCount(len(entries))
        rows = min(len(entries), 4)
        self.signatures.setFixedHeight(self.signatures.horizontalHeader().sizeHint().height()
                                       + rows * max(self.signatures.verticalHeader().defaultSectionSize(), 1)
                                       + 2 * self.signatures.frameWidth() + 2)
        for row, entry in enumerate(entries):
            ok = _field(entry, "ok")
            role = str(_field(entry, "role", "") or "")
            cells = [str(_field(entry, "name", "") or "—"), self._role(role) or "—",
                     _local_time(str(_field(entry, "time", "") or "")),
                     self.tr("Valid") if ok else self.tr("Refused") if ok is not None else "—"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3 and ok is not None:
                    item.setForeground(Qt.GlobalColor.darkGreen if ok else Qt.GlobalColor.red)
                self.signatures.setItem(row, column, item)


# -- exporting ------------------------------------------------------------------------------------
class ExportSheetsDialog(QDialog):
    """Export score sheets…: the folder, one PDF per sheet or a combined print copy, signed or not;
    the export runs off the GUI thread, the dialog then says what was written."""

    def __init__(self, wf: WorkingFile, round_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf, self.round_id = wf, round_id
        self.task: Task | None = None
        self.outcome: reports.SheetExport | None = None
        self.progress_seen: tuple[int, int] = (0, 0)
        self.seconds = 0.0
        self.folder: Path | None = None
        title, _places = round_actions.round_info(wf, round_id)
        self.sheets = reports.submitted_sheets(wf, round_id)
        self.setWindowTitle(self.tr("Export score sheets: %1").replace("%1", title))
        layout = QVBoxLayout(self)
        experts = sorted({s.expert for s in self.sheets})
        if self.sheets:
            intro = self.tr("%n submitted score sheet(s) of %1, by %2 expert(s), the latest revision of each.",
                            "", len(self.sheets)).replace("%1", title).replace("%2", str(len(experts)))
        else:
            intro = self.tr("%1 has no submitted score sheet yet: there is nothing to export.").replace("%1", title)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        form = QFormLayout()
        row = QHBoxLayout()
        self.folder_edit = QLineEdit(self)
        folder = settings.settings().value("export/sheets_folder", "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder_edit.setText(str(folder))
        row.addWidget(self.folder_edit, 1)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.browse_button)
        folder_label = QLabel(self.tr("&Folder:"), self)
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, row)
        layout.addLayout(form)

        box = QGroupBox(self.tr("Files"), self)
        choices = QVBoxLayout(box)
        self.separate = QRadioButton(self.tr("&One PDF per sheet"), box)
        self.combined = QRadioButton(self.tr("One co&mbined file for printing (without digital signatures)"), box)
        self.separate.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.separate)
        group.addButton(self.combined)
        choices.addWidget(self.separate)
        choices.addWidget(self.combined)
        layout.addWidget(box)
        self.sign = QCheckBox(self.tr("&Sign each sheet with its expert's key"), self)
        self.sign.setChecked(True)
        layout.addWidget(self.sign)
        self.combined.toggled.connect(lambda on: self.sign.setEnabled(not on))

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("&Open the folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(lambda: self.export())
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        self.export_button.setDefault(True)
        self.export_button.setEnabled(bool(self.sheets))
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the score sheets"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def _say(self, text: str, colour: str = _RED) -> None:
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)

    def ask_pins(self) -> dict[int, str] | None:
        """The PIN of each expert of the sheets whose key has one; None when one is cancelled."""
        pins: dict[int, str] = {}
        seen: set[int] = set()
        for sheet in self.sheets:
            if sheet.expert_id in seen or getattr(sheet, "transcribed", False):  # a paper sheet is not signed
                continue
            seen.add(sheet.expert_id)
            if not certs.identity_needs_pin(self.wf, sheet.expert_id):
                continue
            dialog = QInputDialog(self)
            dialog.setObjectName("pinDialog")
            dialog.setWindowTitle(self.tr("PIN of %1").replace("%1", sheet.expert))
            dialog.setLabelText(self.tr("The signing key of %1 is protected by a PIN. Enter it to sign their sheets:")
                                .replace("%1", sheet.expert))
            dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
            dialog.setInputMode(QInputDialog.InputMode.TextInput)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            pin = dialog.textValue()
            dialog.setTextValue("")
            dialog.deleteLater()
            if not accepted:
                return None
            pins[sheet.expert_id] = pin
        return pins

    def export(self) -> Task | None:
        if self.task is not None or not self.sheets:
            return None
        text = self.folder_edit.text().strip()
        folder = Path(text).expanduser() if text else None
        if folder is None or not folder.is_dir():
            self._say(self.tr("Choose an existing folder for the files."))
            self.folder_edit.setFocus()
            return None
        combined = self.combined.isChecked()
        sign = self.sign.isChecked() and not combined
        pins: dict[int, str] = {}
        if sign:
            asked = self.ask_pins()
            if asked is None:
                self._say(self.tr("Nothing was exported: a PIN was not given."))
                return None
            pins = asked
        settings.settings().setValue("export/sheets_folder", str(folder))
        self.folder = folder
        names = {s.expert_id: s.expert for s in self.sheets}
        signing: list[int] = []  # the expert whose key is being opened (a SIGN refusal is theirs)
        started = time.perf_counter()

        def pin_for(expert_id: int) -> str | None:
            signing.append(expert_id)
            return pins.get(expert_id)

        def work(progress, cancelled):
            def step(done_count: int, total: int) -> None:
                self.progress_seen = (done_count, total)  # one assignment: read by the tests
                progress(done_count, total)

            return reports.export_round_sheets(self.wf, self.round_id, folder, sign=sign, pin_for=pin_for,
                                               combined=combined, progress=step, cancelled=cancelled)

        def done(outcome: reports.SheetExport) -> None:
            self.seconds = time.perf_counter() - started
            self.task = None
            self.outcome = outcome
            self._finished(outcome, folder, sign)

        def failed(exc: BaseException) -> None:
            self.task = None
            self._set_busy(False)
            if isinstance(exc, RuleViolation) and exc.rule == "SIGN" and signing:
                self._say(self.tr("The sheets of %1 cannot be signed. %2").replace("%1", names.get(signing[-1], "?"))
                          .replace("%2", exc.text(settings.ui_language())))
            else:
                self._say(self.tr("The score sheets could not be exported: %1").replace("%1", printing.error_text(exc)))

        self._set_busy(True)
        self._say("", _GREY)
        label = self.tr("Signing and writing the score sheets…") if sign else self.tr("Writing the score sheets…")
        self.task = run_task(self, work, label=label, on_done=done, on_error=failed)
        return self.task

    def reject(self) -> None:
        """Closing the dialog during an export cancels it (the files written stay, complete)."""
        if self.task is not None:
            self.task.cancel()
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.export_button, self.browse_button, self.folder_edit, self.separate, self.combined):
            widget.setEnabled(not busy)
        self.sign.setEnabled(not busy and not self.combined.isChecked())

    def _finished(self, outcome: reports.SheetExport, folder: Path, sign: bool) -> None:
        self._set_busy(False)
        count = len(outcome.files)
        if outcome.cancelled:
            text = self.tr("Cancelled after %n file(s): the files written are complete; the rest was not written.",
                           "", count)
        elif sign and outcome.signed < count:
            text = self.tr("%n file(s) written to %1: %2 signed with their expert's key; the paper sheets keyed in "
                           "by the secretariat are not (their signature is on the paper).", "", count) \
                .replace("%2", str(outcome.signed))
        elif sign:
            text = self.tr("%n file(s) written to %1, each signed with its expert's key.", "", count)
        elif self.combined.isChecked():
            text = self.tr("%n combined file written to %1 for printing (without digital signatures).", "", count)
        else:
            text = self.tr("%n file(s) written to %1, not signed.", "", count)
        self._say(text.replace("%1", str(folder)), _RED if outcome.cancelled else _GREEN)
        self.open_button.setVisible(count > 0)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setDefault(True)
        if count:
            self.open_button.setFocus()

    def open_folder(self) -> bool:
        if self.folder is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


# -- printing -------------------------------------------------------------------------------------
def _sheets_pdf(wf: WorkingFile, round_id: int, progress, cancelled) -> bytes:
    """The round's latest submitted sheets in one PDF, in memory (a print copy: no signatures)."""
    from hvp_desktop.reports.pdf_combine import combine

    sheets = reports.submitted_sheets(wf, round_id)
    pdfs = []
    for n, sheet in enumerate(sheets):
        if cancelled():
            return b""
        pdfs.append(reports.sheet_pdf(wf, sheet))  # unsigned: a print copy
        progress(n + 1, len(sheets))
    return combine(pdfs, title=f"专家打分表（轮次{round_id}）")


def preview_round_sheets(parent: QWidget, wf: WorkingFile, round_id: int, *,
                         wanted=lambda: True) -> Task | None:
    """Round → Print score sheets…: the round's sheets rendered off the GUI thread, then previewed."""
    from PySide6.QtWidgets import QMessageBox

    title, _places = round_actions.round_info(wf, round_id)
    if not reports.submitted_sheets(wf, round_id):
        QMessageBox.information(parent, QCoreApplication.translate("PdfDialogs", "Print score sheets"),
                                QCoreApplication.translate("PdfDialogs", "%1 has no submitted score sheet yet.")
                                .replace("%1", title))
        return None
    name = QCoreApplication.translate("PdfDialogs", "Score sheets of %1").replace("%1", title)
    return printing.preview_pdf(parent, lambda progress, cancelled: _sheets_pdf(wf, round_id, progress, cancelled),
                                name, label=QCoreApplication.translate("PdfDialogs", "Preparing the score sheets "
                                                                       "for printing…"), wanted=wanted)


def print_sheet(parent: QWidget, wf: WorkingFile, sheet_id: int, title: str) -> Task:
    """One submitted sheet, rendered off the GUI thread, then previewed."""
    from hvp_desktop.reports.pdf_sheet import render_score_sheet

    return printing.preview_pdf(parent, lambda _p, _c: render_score_sheet(reports.score_sheet_report(wf, sheet_id)),
                                title, label=QCoreApplication.translate("PdfDialogs", "Preparing the sheet for "
                                                                        "printing…"))

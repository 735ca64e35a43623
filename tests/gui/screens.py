"""Renders every panel and dialog of the app on a 1366×768 screen, in one language, saves each as
a PNG for a person to look at, and reports what does not hold (issue 17, section 3):

- a top-level window (or its minimum size) larger than the screen;
- a visible string in the other language: in English, Chinese characters that are not data (the
  names and texts the working file holds); in Chinese, English words that are not codes, rule
  ids, units or data.

Run as its own process, so the screen is a real 1366×768 one (Qt's offscreen platform reads its
screens from a JSON file):

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python -m tests.gui.screens LANG DEMO.hvpdb OUT_DIR

It writes OUT_DIR/LANG-report.json: {"shots": [...], "problems": [...]}. `test_screens.py` runs it.
Every dialog is closed without writing anything.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

SCREEN = (1366, 768)
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z']+")
# English words a Chinese UI keeps: codes, units, formats, the program's and Qt's own names.
ALLOWED_IN_CHINESE = {"PCT", "ISO", "RMB", "Excel", "xlsx", "txt", "hvp", "desktop", "hvpdb", "SHA", "Ctrl", "PNG",
                      "PDF", "UUID", "SQLCipher", "IP", "PIN"}


def screen_config(path: Path) -> Path:
    path.write_text(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
                                "screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0],
                                             "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                             "dpr": 1}]}))
    return path


# -- what the working file holds: data, in whatever language it was written ------------------------
def data_strings(wf) -> list[str]:
    """Every text value of the file (names, reasons, notes, rubric texts, audit payloads), split
    where the UI may cut it (a comma list, a line), longest first. Round titles are left out: the
    UI names a round in its own language."""
    from sqlalchemy import text

    found: set[str] = set()

    def take(value) -> None:
        if isinstance(value, str):
            stripped = value.strip()
            if stripped.startswith(("{", "[")):
                try:
                    take(json.loads(stripped))
                    return
                except ValueError:
                    pass
            if stripped:
                found.add(stripped)
                for part in re.split(r"[\n；;、，,：:（）()“”]", stripped):
                    if len(part.strip()) >= 2:
                        found.add(part.strip())
        elif isinstance(value, dict):
            for v in value.values():  # the keys are the program's own ids
                take(v)
        elif isinstance(value, list | tuple):
            for v in value:
                take(v)

    with wf.session() as s:
        tables = [r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))]
        for table in tables:
            rows = s.execute(text(f'SELECT * FROM "{table}"'))
            columns = list(rows.keys())
            for row in rows:
                for column, value in zip(columns, row, strict=True):
                    if table == "rounds" and column == "title":
                        continue
                    take(value)
    found.add(str(wf.path))
    found.add(wf.path.name)
    found.add(wf.path.stem)
    return sorted(found, key=len, reverse=True)


class Checker:
    def __init__(self, lang: str, data: list[str], out: Path) -> None:
        self.lang, self.out = lang, out
        self.data_cjk = [d for d in data if CJK.search(d)]
        # data with Latin letters (codes, file names, a name written in Latin letters), removed as
        # whole words only: a short id in the file must not hide an English word of the UI
        self.data_ascii = [re.compile(rf"(?<![A-Za-z]){re.escape(d)}(?![A-Za-z])") for d in data
                           if ENGLISH_WORD.search(d) and len(d) >= 3]
        self.problems: list[dict] = []
        self.shots: list[str] = []
        self.count = 0

    @staticmethod
    def _without_data(text: str, data: list) -> str:
        for d in data:
            if isinstance(d, str):
                if d in text:
                    text = text.replace(d, " ")
            else:
                text = d.sub(" ", text)
        return text

    def wrong_language(self, text: str) -> str | None:
        """The part of `text` that is in the other language (None when all is well)."""
        if not text:
            return None
        if self.lang == "en":
            if not CJK.search(text):
                return None
            rest = self._without_data(text, self.data_cjk)
            return "".join(CJK.findall(rest)) or None
        words = [w for w in ENGLISH_WORD.findall(text) if w not in ALLOWED_IN_CHINESE]
        if not words:
            return None
        rest = self._without_data(text, self.data_ascii)
        words = [w for w in ENGLISH_WORD.findall(rest) if w not in ALLOWED_IN_CHINESE]
        return " ".join(words) or None

    def problem(self, where: str, what: str, text: str = "") -> None:
        self.problems.append({"where": where, "what": what, "text": text[:300]})

    def inspect(self, top, name: str) -> None:
        """Save the window as a PNG, check its size and every visible string."""
        from PySide6.QtWidgets import QApplication

        settle()
        self.count += 1
        file = self.out / f"{self.lang}-{self.count:02d}-{name}.png"
        top.grab().save(str(file))
        self.shots.append(file.name)
        screen = QApplication.primaryScreen().geometry()
        frame = top.frameGeometry()
        if frame.width() > screen.width() or frame.height() > screen.height():
            self.problem(name, f"window {frame.width()}×{frame.height()} is larger than the screen")
        hint = top.minimumSizeHint()
        if hint.width() > screen.width() or hint.height() > screen.height():
            self.problem(name, f"minimum size {hint.width()}×{hint.height()} is larger than the screen")
        for where, text in visible_texts(top):
            wrong = self.wrong_language(text)
            if wrong:
                self.problem(name, f"{where}: not in the UI's language: {wrong}", text)


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _mnemonic_free(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def visible_texts(top) -> list[tuple[str, str]]:
    """(widget class, text) of every string a person sees in `top`: labels, buttons, group and tab
    titles, headers, list, table and tree items, combo boxes, placeholders, browsers, menus."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QFileDialog,
        QGroupBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QTabBar,
        QTableView,
        QTableWidget,
        QTextBrowser,
        QTreeWidget,
        QWidget,
    )

    out = [("window title", top.windowTitle())]
    in_file_dialog = isinstance(top, QFileDialog)  # its lists, paths and file names are the disk's
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        kind = type(w).__name__
        if isinstance(w, QLabel):
            out.append((kind, _plain(w.text())))
        elif isinstance(w, QAbstractButton):
            out.append((kind, _mnemonic_free(w.text())))
        elif isinstance(w, QGroupBox):
            out.append((kind, w.title()))
        elif isinstance(w, QTabBar):
            out += [(kind, _mnemonic_free(w.tabText(i))) for i in range(w.count())]
        elif isinstance(w, QHeaderView):
            model = w.model()
            if model is not None:
                for i in range(w.count()):
                    if not w.isSectionHidden(i):
                        value = model.headerData(i, w.orientation(), Qt.ItemDataRole.DisplayRole)
                        out.append((kind, str(value) if value is not None else ""))
        elif isinstance(w, QListWidget):
            out += [(kind, w.item(i).text()) for i in range(min(w.count(), 200))]
        elif isinstance(w, QTableWidget):
            for r in range(min(w.rowCount(), 100)):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is not None:
                        out.append((kind, item.text()))
        elif isinstance(w, QTableView) and not in_file_dialog:
            model = w.model()
            if model is not None:
                for r in range(min(model.rowCount(), 60)):
                    for c in range(model.columnCount()):
                        value = model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
                        if value is not None:
                            out.append((kind, str(value)))
        elif isinstance(w, QTreeWidget):
            for i in range(w.topLevelItemCount()):
                item = w.topLevelItem(i)
                for it in [item, *(item.child(j) for j in range(item.childCount()))]:
                    out += [(kind, it.text(c)) for c in range(w.columnCount())]
        elif isinstance(w, QComboBox) and not in_file_dialog:
            out.append((kind, w.currentText()))
        elif isinstance(w, QLineEdit) and not w.text() and not in_file_dialog:
            out.append((kind + " placeholder", w.placeholderText()))
        elif isinstance(w, QTextBrowser):
            out.append((kind, w.toPlainText()))
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            out.append(("menu", _mnemonic_free(action.text())))
            menu = action.menu()
            if menu is not None:
                out += [("menu item", _mnemonic_free(a.text())) for a in menu.actions() if not a.isSeparator()]
    return [(k, t) for k, t in out if t]


def settle(seconds: float = 0.15) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def when_modal(action, handle, timeout: float = 5.0) -> None:
    """Run `action`, which opens a modal dialog with its own event loop (a static QMessageBox,
    QInputDialog or QFileDialog); `handle(dialog)` runs once it shows, and must close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            if time.monotonic() < deadline:
                QTimer.singleShot(50, poll)
            return
        handle(dialog)

    QTimer.singleShot(100, poll)
    action()


def run(lang: str, demo: Path, out: Path) -> dict:
    from PySide6.QtWidgets import QApplication

    qapp = QApplication.instance() or QApplication([sys.argv[0]])
    from hvp_desktop.app import Application
    from hvp_desktop.store.engine import WorkingFile

    app = Application(qapp)
    app.install_language(lang)
    app.wf = WorkingFile.open(demo, os.environ.get("HVP_SCREENS_PASSWORD", "hvp-demo-2026"))
    checker = Checker(lang, data_strings(app.wf), out)
    try:
        app.show_main_window()
        _everything(app, checker)
    finally:
        from hvp_desktop.gui import tasks

        tasks.wait_for_all()
        if app.window is not None:
            app.window.runner.close()
        app.wf.close()
    return {"shots": checker.shots, "problems": checker.problems}


def _everything(app, checker: Checker) -> None:  # noqa: PLR0915 (one screen after another, in order)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from hvp_desktop.domain.rules import RuleViolation
    from hvp_desktop.gui import round_actions
    from hvp_desktop.gui.application_detail import ApplicationDetailDialog, OverrideDialog
    from hvp_desktop.gui.decision_actions import actions_for, run_action
    from hvp_desktop.gui.runner import show_refusal
    from hvp_desktop.store import queries

    win = app.window
    wf = app.wf
    nav = win.form.navigation
    settle(0.3)
    if not win.isMaximized() and (win.width(), win.height()) != (1280, 760):
        checker.problem("main window", f"opened at {win.width()}×{win.height()}, neither maximised nor 1280×760")

    # -- the three panels ----------------------------------------------------------------------
    nav.setCurrentRow(0)
    checker.inspect(win, "applications")
    rows = queries.application_rows(wf)

    nav.setCurrentRow(1)
    scoring = win.scoring
    draft = None
    for i in range(scoring.form.expertCombo.count()):
        scoring.form.expertCombo.setCurrentIndex(i)
        draft = next((a for a in scoring._assignments if a.state == "draft"), None)
        if draft is not None:
            scoring.choose(scoring.form.expertCombo.currentData(), draft.application_id)
            break
    if scoring.model is not None and not scoring.model.read_only:
        criterion = scoring.model.criteria[0]
        scoring.model.setData(scoring.model.index(0, 4), "999")  # refused: stays in its cell, with the reason
        win.runner.wait()
        del criterion
    checker.inspect(win, "scoring")

    nav.setCurrentRow(2)
    ranking = win.ranking
    settle(0.5)
    checker.inspect(win, "ranking")
    for tab in range(1, ranking.form.tabs.count()):
        ranking.form.tabs.setCurrentIndex(tab)
        checker.inspect(win, f"ranking-tab{tab}")
    ranking.form.tabs.setCurrentIndex(0)
    stage = ranking.form.stageCombo
    if stage.isVisible() and stage.count() > 1:
        stage.setCurrentIndex(1)  # the R15 preliminary scores
        checker.inspect(win, "ranking-preliminary")
        stage.setCurrentIndex(0)

    # -- a long message wraps: it never widens the window past the screen ------------------------
    long_message = " ".join(["R16:"] + ["本年度认定名额已满，不能再列入拟认定名单 The places of the year are all taken."] * 12)
    for row, label in ((1, scoring.form.messageLabel), (2, ranking.form.messageLabel), (2, ranking.form.blockersLabel)):
        nav.setCurrentRow(row)
        before = label.text()
        label.setText(long_message)
        settle()
        hint = win.minimumSizeHint()
        if hint.width() > SCREEN[0] or win.width() > SCREEN[0]:
            checker.problem(f"long message in {label.objectName()}",
                            f"the window grows to {max(hint.width(), win.width())} px")
        label.setText(before)

    def show(dialog, name: str) -> None:
        dialog.show()
        checker.inspect(dialog, name)
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()
        dialog.deleteLater()
        settle(0.05)

    # -- applications: the detail dialog, its tabs and its decisions -----------------------------
    nav.setCurrentRow(0)
    rich = max(rows, key=lambda r: len(queries.application_detail(wf, r.id).decisions))
    detail = ApplicationDetailDialog(win.runner, rich.id, win)
    detail.show()
    for tab in range(detail.form.tabs.count()):
        detail.form.tabs.setCurrentIndex(tab)
        checker.inspect(detail, f"application-tab{tab}")
    applied = next((r for r in rows if r.state == "applied"), rows[0])
    shown = queries.application_detail(wf, applied.id)
    if shown.checks:
        show(OverrideDialog(win.runner, applied.id, shown.checks[0], win), "override")
    from hvp_desktop.domain.formal_review import verdict

    for row in rows:  # a decision the rules allow now, with the most to fill in
        centre = queries.application_detail(wf, row.id)
        allowed = [a for a in actions_for(centre.centre, verdict(centre.checks).value, detail.today)
                   if a.refusal is None and a.key != "preliminary"]
        if allowed:
            chosen = max(allowed, key=lambda a: (a.text is not None) + bool(a.confirm) + a.score + bool(a.choices))
            dialog = run_action(win.runner, row.id, chosen, detail, detail.today)
            checker.inspect(dialog, "decision")
            dialog.reject()
            break
    detail.reject()

    # -- the Round menu ------------------------------------------------------------------------
    rounds = queries.rounds(wf)
    recognition = next(r for r in rounds if r.kind == "recognition")
    open_recognition = next((r for r in rounds if r.kind == "recognition" and
                             any(x.round_id == r.id and x.state == "applied" for x in rows)), recognition)
    show(round_actions.PlacesDialog(win.runner, recognition.id, win), "places")
    show(round_actions.SelectionDialog(win.runner, recognition.id, win), "selected-list")
    show(round_actions.AssessmentRoundDialog(win.runner, win), "assessment-round")
    from hvp_desktop.gui.panel_dialog import PanelDialog
    from hvp_desktop.gui.rubric_dialog import RubricDialog

    show(PanelDialog(wf, win.runner, recognition.id, win), "expert-panel")
    show(RubricDialog(win.runner, recognition.id, win), "rubric")

    def confirmation(box) -> None:
        checker.inspect(box, "shortlist-confirmation")
        if box.defaultButton() is not box.button(QMessageBox.StandardButton.No):
            checker.problem("shortlist-confirmation", "an irreversible step must default to No")
        box.reject()

    when_modal(lambda: round_actions.shortlist(win, win.runner, open_recognition.id), confirmation)

    win.applications.form.roundCombo.setCurrentIndex(0)  # all rounds: the menu asks which one

    def choose(dialog) -> None:
        checker.inspect(dialog, "choose-round")
        dialog.reject()

    when_modal(win.set_places, choose)

    def file_dialog(name):
        def handle(dialog) -> None:
            checker.inspect(dialog, name)
            dialog.reject()
        return handle

    when_modal(win.import_holidays, file_dialog("holiday-arrangement"))
    importer = win.import_applications()
    checker.inspect(importer, "import")
    importer.reject()

    # -- scoring dialogs -----------------------------------------------------------------------
    nav.setCurrentRow(1)
    if scoring.application_id is not None:
        scoring.enter_paper_sheet()
        checker.inspect(scoring.paper_dialog, "paper-sheet")
        scoring.paper_dialog.reject()
        scoring.declare_conflict()
        checker.inspect(scoring.reason_dialog, "declare-conflict")
        scoring.reason_dialog.reject()
        from hvp_desktop.gui.scoring_panel import SubmitDialog

        if scoring.sheet is not None:
            show(SubmitDialog(win.runner, scoring.sheet.id, scoring.model.total(), scoring), "submit")
    scoring.show_overview()
    checker.inspect(scoring.overview, "sheets-overview")
    scoring.overview.reject()
    for i in range(scoring.form.expertCombo.count()):  # a submitted sheet: the correction asks why
        scoring.form.expertCombo.setCurrentIndex(i)
        done = next((a for a in scoring._assignments if a.state == "submitted"), None)
        if done is not None and scoring.choose(scoring.form.expertCombo.currentData(), done.application_id) \
                and scoring.locked_on is None:
            scoring.start_correction()
            checker.inspect(scoring.reason_dialog, "correction")
            scoring.reason_dialog.reject()
            break

    # -- ranking dialogs -----------------------------------------------------------------------
    nav.setCurrentRow(2)
    from hvp_desktop.gui.ranking_dialogs import (
        ConsolidateDialog,
        DecideTieDialog,
        ExplainFlagDialog,
        ReopenDialog,
        SettingsDialog,
    )
    from hvp_desktop.store import ranking as store_ranking

    for index in range(ranking.form.roundCombo.count()):
        round_id = ranking.form.roundCombo.itemData(index)
        view = store_ranking.analyse_round(wf, round_id)
        tag = f"r{round_id}"
        show(SettingsDialog(win.runner, view, win), f"ranking-settings-{tag}")
        if view.analysis.flags:
            show(ExplainFlagDialog(win.runner, view, view.analysis.flags, None, win), f"explain-flag-{tag}")
        show(DecideTieDialog(win.runner, view, win), f"decide-tie-{tag}")
        if view.locked:
            show(ReopenDialog(win.runner, view, win), f"withdraw-confirmation-{tag}")
        else:
            show(ConsolidateDialog(win.runner, view, win), f"confirm-result-{tag}")
    ranking.form.roundCombo.setCurrentIndex(0)
    settle(0.3)
    if ranking.loaded is not None and ranking.loaded.view is not None:
        when_modal(lambda: ranking.export(), file_dialog("export-ranking"))

    # -- the file, help and the messages every panel shares ------------------------------------
    from hvp_desktop.gui.unlock_dialog import NewPasswordDialog, UnlockDialog

    show(NewPasswordDialog(win, ask_file=False), "change-password")
    show(UnlockDialog(str(wf.path)), "unlock")

    def about(box) -> None:
        checker.inspect(box, "about")
        box.reject()

    when_modal(win.about, about)
    show_refusal(win, RuleViolation("R16", "本年度名额已满", "The year's places are all taken."))
    settle()
    refusal = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "refusal" and w.isVisible())
    checker.inspect(refusal, "refusal")
    refusal.close()
    from hvp_desktop.gui import crash

    handler = crash.CrashHandler(QApplication.instance())
    log = "/tmp/hvp-desktop/logs/gui.log"
    checker.data_ascii.append(re.compile(re.escape(log)))  # a path: the disk's words
    box = handler._make_box("20260101-000000-0001", "gui", log)
    box.show()
    checker.inspect(box, "unexpected-error")
    box.close()
    from hvp_desktop.store import heads

    kept = heads.sidecar(wf.path).read_bytes() if heads.sidecar(wf.path).exists() else None
    heads.sidecar(wf.path).write_text('{"seq": 999999, "hash": "%s"}' % ("0" * 64))  # a head the file lacks
    if win.warn_if_changed_outside():
        settle()
        changed = win.findChild(QMessageBox, "changedOutside")
        checker.inspect(changed, "changed-outside")
        changed.accept()
    else:
        checker.problem("changed-outside", "no warning for a head the file does not hold")
    if kept is None:
        heads.sidecar(wf.path).unlink()
    else:
        heads.sidecar(wf.path).write_bytes(kept)
    for menu_action in win.menuBar().actions():  # access keys, unique in every menu
        menu = menu_action.menu()
        keys = [k for k in (_access_key(a.text()) for a in menu.actions() if not a.isSeparator()) if k]
        if len(keys) != len(set(keys)):
            checker.problem("menus", f"access keys repeat in {menu_action.text()!r}: {keys}")
    top_keys = [k for k in (_access_key(a.text()) for a in win.menuBar().actions()) if k]
    if len(top_keys) != len(set(top_keys)):
        checker.problem("menus", f"access keys repeat in the menu bar: {top_keys}")

    # -- issue 19: the application's documents beside the scoring form, the findings beside each criterion --
    _scoring_documents(win, wf, checker)

    # -- issue 19: the on-site checklist ---------------------------------------------------------
    _checklist(win, wf, checker)

    # -- issue 20: signed PDFs: verify, export, print ------------------------------------------------
    from tests.gui.screens_pdf import pdf_screens

    pdf_screens(win, wf, checker, settle)

    # -- backups and the lock (issue 18) ---------------------------------------------------------
    from hvp_desktop.gui.restore_dialog import RestoreDialog
    from hvp_desktop.store import crypto

    wf.backup("close")
    from hvp_desktop.store import backups

    checker.data_ascii.insert(0, re.compile(re.escape(backups.folder_of(wf.path).name)))  # a folder: the disk's words
    key = crypto.RawKey(bytes(wf._key.key), wf._key.salt)
    show(RestoreDialog(wf.path, key, win, current_open=True), "restore-backup")
    key.wipe()
    app.lock(QApplication.translate("Application", "Locked after %n min without use.", "", 10))
    win.lock_screen.password_edit.setText("wrong password")
    win.lock_screen.unlock()  # the message a wrong password gets
    checker.inspect(win, "lock-screen")
    win.lock_screen.password_edit.setText(os.environ.get("HVP_SCREENS_PASSWORD", "hvp-demo-2026"))
    win.lock_screen.unlock()  # the file open again for the end of the run
    if win.locked:
        checker.problem("lock-screen", "the lock screen did not unlock with the password")
    del Qt


def _scoring_documents(win, wf, checker: Checker) -> None:
    """An expert's form in an assessment round with the centre's documents open beside it (at
    page 2, with a note) and the on-site findings beside the criteria. What the demo lacks (a
    document, a visit's findings) is added to this copy of it, and counts as the file's data."""
    from hvp_desktop.gui import document_viewer
    from hvp_desktop.store import round_lock, visits
    from hvp_desktop.store.ops import visits as visit_ops
    from tests.gui.test_document_viewer import pdf_bytes

    with wf.engine.connect() as c:
        pairs = c.exec_driver_sql(
            "SELECT a.id, s.expert_id FROM applications a JOIN rounds r ON r.id = a.round_id "
            "JOIN assignments s ON s.application_id = a.id WHERE r.kind <> 'recognition' ORDER BY a.id").all()
    if not pairs:
        checker.problem("scoring-documents", "no assessment round with an assigned expert in the demo")
        return
    open_pairs = [(a, e) for a, e in pairs if round_lock.lock_date_of_application(wf, a) is None] or pairs
    app, expert = next(((a, e) for a, e in open_pairs if visits.documents_of(wf, a) and visits.visits_of(wf, a, e)),
                       open_pairs[0])
    english = checker.lang == "en"
    if not visits.documents_of(wf, app):
        visit_ops.add_document(wf, app, "申报书.pdf", pdf_bytes(b"HVP-SCREENS", pages=3))
        visit_ops.add_document(wf, app, "2025年度专项审计报告.pdf", pdf_bytes(b"HVP-SCREENS", pages=2))
    document = visits.documents_of(wf, app)[0]
    note = "Funding on this page differs from the audit report" if english else "本页经费数字与审计报告不一致"
    visit_ops.note_page(wf, document.id, expert, 1, note)
    visit_ops.remember_page(wf, document.id, expert, 1)
    if not visits.visits_of(wf, app, expert):
        visit = visit_ops.open_visit(wf, app, expert).value
        for item in visits.get_visit(wf, visit).checklist.items[:8]:
            if item.threshold is not None:
                visit_ops.set_finding(wf, visit, item.code, "not_met", item.threshold.minimum - 1,
                                      "现场核实仅2名专职人员，其余为兼职")
            else:
                visit_ops.set_finding(wf, visit, item.code, "partly" if item.code.endswith("2") else "met")
    fresh = Checker(checker.lang, data_strings(wf), checker.out)  # what was added is the file's data now
    checker.data_cjk = sorted(set(checker.data_cjk) | set(fresh.data_cjk), key=len, reverse=True)
    checker.data_ascii = fresh.data_ascii + checker.data_ascii

    win.form.navigation.setCurrentRow(1)
    scoring = win.scoring
    scoring.show_documents(True)
    if not scoring.choose(expert, app):
        checker.problem("scoring-documents", "the expert's form for the assessed centre did not open")
        return
    pane = scoring.documents
    pane.open_document(document.id)
    deadline = time.monotonic() + 10
    while pane.viewer.key() != str(document.id) and time.monotonic() < deadline:
        settle(0.05)
    document_viewer.wait_for_workers()
    settle(0.3)
    row = next((r for r, c in enumerate(scoring.model.criteria) if c.code.startswith("R5.3")), 2)
    scoring.table.setCurrentIndex(scoring.model.index(row, 4))
    checker.inspect(win, "scoring-documents")
    if pane.viewer.page() != 1:
        checker.problem("scoring-documents", f"the document opened at page {pane.viewer.page() + 1}, not where left (2)")


def _checklist(win, wf, checker: Checker) -> None:
    """The on-site checklist at a centre of an open assessment round: statuses, a figure below its
    threshold (the current item, flagged), a photo as evidence, the outcome; then the photo in the
    viewer. What the demo lacks is added to this copy and counts as the file's data."""
    from datetime import date

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    from hvp_desktop.domain import checklist as checklists
    from hvp_desktop.gui import document_viewer
    from hvp_desktop.store import round_lock, visits
    from hvp_desktop.store.ops import visits as visit_ops

    nav = win.form.navigation
    nav.setCurrentRow(3)
    panel = win.checklist
    combo = panel.form.centreCombo
    chosen = None
    for i in range(panel.form.expertCombo.count()):
        panel.form.expertCombo.setCurrentIndex(i)
        for j in range(combo.count()):
            if round_lock.lock_date_of_application(wf, combo.itemData(j)) is None:
                chosen = (panel.form.expertCombo.itemData(i), combo.itemData(j))
                break
        if chosen:
            break
    if chosen is None:
        checker.problem("checklist", "no centre of an open assessment round to visit in the demo")
        return
    expert, app = chosen
    panel.choose(expert, app)
    win.runner.wait()
    deadline = time.monotonic() + 10
    while panel.model is None and time.monotonic() < deadline:
        settle(0.05)
    if panel.model is None:
        checker.problem("checklist", "the visit did not open")
        return
    visit = panel.view.id
    view = visits.get_visit(wf, visit)
    items = view.checklist.items
    if not view.visited_on:
        visit_ops.save_visit_details(wf, visit, visited_on=date(2026, 11, 20),
                                     place="企业研发大楼三楼会议室", enterprise_participants="王总（总经理）、李工（知识产权部）",
                                     panel_participants="专家组3人、工作人员1人", started_at="09:30", ended_at="11:45")
    staff = next(i for i in items if i.threshold is not None)
    veto = next(i for i in items if i.kind == checklists.ItemKind.VETO)
    for n, item in enumerate(items[:14]):
        if view.finding(item.code).status != checklists.Status.NOT_CHECKED:
            continue
        status = "not_met" if item is veto else "partly" if n % 5 == 3 else "met"
        visit_ops.set_finding(wf, visit, item.code, status, None, "制度文件齐全，运行记录抽查3份" if n == 2 else None)
    visit_ops.set_finding(wf, visit, staff.code, "not_met", staff.threshold.minimum - 1, "现场核实仅2名专职人员，其余为兼职")
    if not view.evidence.get(staff.code):
        image = QImage(800, 600, QImage.Format.Format_RGB32)
        image.fill(QColor("#e8eef5"))
        painter = QPainter(image)
        painter.fillRect(60, 60, 420, 300, QColor("#5b8bd6"))
        painter.fillRect(300, 260, 420, 280, QColor("#f0b35b"))
        painter.end()
        array = QByteArray()
        buffer = QBuffer(array)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        visit_ops.add_evidence(wf, visit, staff.code, "现场照片-人员名册.png", array.data())
        visit_ops.add_evidence(wf, visit, staff.code, "劳动合同抽查.png", array.data())
    fresh = Checker(checker.lang, data_strings(wf), checker.out)
    checker.data_cjk = sorted(set(checker.data_cjk) | set(fresh.data_cjk), key=len, reverse=True)
    checker.data_ascii = fresh.data_ascii + checker.data_ascii
    panel._clear()  # shown again as the file holds it now
    panel.choose(expert, app)
    panel.table.setCurrentIndex(panel.model.index(panel.model.row_of(staff.code), 5))
    panel.table.setFocus()
    document_viewer.wait_for_workers()
    settle(0.3)
    checker.inspect(win, "checklist")
    keys = panel.strip.keys()
    if keys:
        panel.open_evidence(keys[0])
        document_viewer.wait_for_workers()
        settle(0.3)
        checker.inspect(panel.evidence_dialog, "checklist-evidence")
        panel.evidence_dialog.reject()
    else:
        checker.problem("checklist", "the evidence did not show")


def _access_key(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def main(argv: list[str]) -> int:
    lang, demo, out = argv[0], Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    report = run(lang, demo, out)
    (out / f"{lang}-report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(report['shots'])} screens, {len(report['problems'])} problems", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

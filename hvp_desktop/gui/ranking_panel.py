"""The chair's ranking panel (issue 5): the round's aggregated ranking with its rule line drawn in
the table, the flags that need a word, the agreement and sensitivity of the result, and the steps
from there to a locked, defensible result (explain, decide a tie, consolidate, reopen).

Everything shown comes from `store.ranking.analyse_round` (or `preliminary_ranking` for the R15
stage); every write goes through one store function in a dialog, then the panel reloads itself
and announces the changes. A round of more than LARGE_ROUND applications is computed off the GUI
thread (1–1.5 s at 1,000 applications × 9 experts); the demo's round takes ~20 ms, directly.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hvp_desktop.domain.model import RoundKind
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import labels, settings
from hvp_desktop.gui import ranking_charts as charts
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.ranking_dialogs import (
    ConsolidateDialog,
    DecideTieDialog,
    ExplainFlagDialog,
    ReopenDialog,
    SettingsDialog,
    tied_applications,
)
from hvp_desktop.gui.ranking_model import (
    LARGE_ROUND,
    LINE_COLOUR,
    STAGE_PRELIMINARY,
    STAGE_REVIEW,
    LineDelegate,
    Loaded,
    RankingModel,
    criterion_title,
    describe_explanation,
    describe_flag,
    line_legend,
    load,
    method_label,
    reviewable_rounds,
    round_size,
    sensitivity_words,
    signed,
)
from hvp_desktop.gui.runner import Runner
from hvp_desktop.gui.tasks import run_task
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.scoring.analysis import Flag
from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops.core import Changes

_RED, _GREEN = "#b00020", "#1b7f3b"
_NAME_WIDTH = 210  # long enterprise names elide in the middle; the whole name is the tooltip


class RankingPanel(QWidget):
    def __init__(self, wf: WorkingFile, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf = wf
        self.runner = runner
        runner.changed.connect(self.apply_changes)
        self.form = f = load_form("ranking_panel", self, margin=0)
        self.loaded: Loaded | None = None
        self.task = None
        self._reload_after_task = False
        self._dirty = True  # loaded when first shown: a large round costs a second
        self.dialog = None  # the open dialog, for tests to drive

        self.model = RankingModel(self)
        f.table.setModel(self.model)
        self.delegate = LineDelegate(self.model, f.table)
        f.table.setItemDelegate(self.delegate)
        f.table.verticalHeader().setVisible(False)
        f.table.horizontalHeader().setHighlightSections(False)
        f.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_detail(current.row()))
        f.lineSwatch.setStyleSheet(f"background-color: {LINE_COLOUR.name()}; border: none;")
        f.splitter.setStretchFactor(0, 3)
        f.splitter.setStretchFactor(1, 2)
        f.splitter.setSizes([700, 460])

        self.dots_view = charts.make_view(f.dotsHolder)
        QVBoxLayout(f.dotsHolder).setContentsMargins(0, 0, 0, 0)
        f.dotsHolder.layout().addWidget(self.dots_view)
        self.distribution_view = charts.make_view(f.distributionTab)
        f.distributionTab.layout().addWidget(self.distribution_view)
        self.box_view = charts.make_view(f.boxTab)
        f.boxTab.layout().addWidget(self.box_view)
        self.leniency_view = charts.make_view(f.leniencyTab)
        f.leniencyTab.layout().addWidget(self.leniency_view)

        f.stageCombo.addItem(self.tr("Expert review"), STAGE_REVIEW)
        f.stageCombo.addItem(self.tr("Preliminary scores (R15)"), STAGE_PRELIMINARY)
        f.roundCombo.currentIndexChanged.connect(lambda _i: self._load())
        f.stageCombo.currentIndexChanged.connect(lambda _i: self._load())
        f.settingsButton.clicked.connect(self.edit_settings)
        f.explainButton.clicked.connect(lambda: self.explain_flag())
        f.tieButton.clicked.connect(self.decide_tie)
        f.consolidateButton.clicked.connect(self.consolidate)
        f.reopenButton.clicked.connect(self.reopen)
        f.exportButton.clicked.connect(lambda: self.export())
        self._add_result_button()
        self._fill_rounds()

    # -- loading ----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    # What a ranking is computed from: sheets, panels, conflicts, decisions, settings, rubrics.
    CONCERNS = ("sheets", "rounds", "seats", "assignments", "conflicts", "decisions", "settings", "ranking",
                "rubrics", "experts")

    def apply_changes(self, changes: Changes, _initiator=None) -> None:
        """Sheets, panels and decisions change the ranking: reload now if shown, else when shown."""
        if not changes.concerns(*self.CONCERNS):
            return
        self._dirty = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        self._fill_rounds()
        self._load()

    def _fill_rounds(self) -> None:
        combo = self.form.roundCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        infos = {r.id: r for r in queries.rounds(self.wf)}
        for round_id, title, kind in reviewable_rounds(self.wf):
            info = infos.get(round_id)
            combo.addItem(labels.round_title(info.year, kind) if info is not None else title, round_id)
            combo.setItemData(combo.count() - 1, kind, Qt.ItemDataRole.UserRole + 1)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def current_round(self) -> int | None:
        return self.form.roundCombo.currentData()

    def _stage(self) -> str:
        kind = self.form.roundCombo.currentData(Qt.ItemDataRole.UserRole + 1)
        return self.form.stageCombo.currentData() if kind == RoundKind.RECOGNITION else STAGE_REVIEW

    def _load(self) -> None:
        self._dirty = False
        round_id = self.current_round()
        kind = self.form.roundCombo.currentData(Qt.ItemDataRole.UserRole + 1)
        self.form.stageCombo.setVisible(kind == RoundKind.RECOGNITION)
        self.form.stageLabel.setVisible(kind == RoundKind.RECOGNITION)
        self.form.messageLabel.clear()
        if round_id is None:
            self._show(None)
            self.form.messageLabel.setText(self.tr("No round has an expert panel yet (Round → Expert panel…)."))
            return
        stage = self._stage()
        if round_size(self.wf, round_id) <= LARGE_ROUND:
            try:
                loaded = load(self.wf, round_id, stage)
            except (RuleViolation, ValueError) as exc:
                self._show(None)
                self.form.messageLabel.setText(str(exc))
                return
            self._show(loaded)
            return
        # What is shown no longer matches the chosen round: nothing to act on until it is computed.
        self._show(None)
        self.form.messageLabel.setText(self.tr("Computing the ranking…"))
        if self.task is not None:  # one computation at a time; the newest choice is loaded after it
            self._reload_after_task = True
            return
        self.task = run_task(self, lambda _progress, _cancelled: load(self.wf, round_id, stage),
                             label=self.tr("Computing the ranking…"), cancellable=False,
                             on_done=self._loaded_in_background, on_error=self._failed_in_background)

    def _loaded_in_background(self, loaded: Loaded) -> None:
        self.task = None
        if self._reload_after_task or loaded.round_id != self.current_round() or loaded.stage != self._stage():
            self._reload_after_task = False
            self._load()
            return
        self._show(loaded)

    def _failed_in_background(self, exc: BaseException) -> None:
        self.task = None
        self._show(None)
        QMessageBox.warning(self, self.tr("Ranking"), str(exc))

    # -- showing ----------------------------------------------------------------------------------
    def _show(self, loaded: Loaded | None) -> None:
        f = self.form
        selected = self.selected_application()
        self.loaded = loaded
        self.model.show(loaded)
        table = f.table
        table.resizeColumnsToContents()
        if self.model.columnCount():
            name = self.model.column_of("name")
            table.setColumnWidth(name, min(max(table.columnWidth(name), 120), _NAME_WIDTH))
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        review = loaded is not None and loaded.view is not None
        f.tabs.setVisible(review)
        for label in (f.kendallLabel, f.sensitivityLabel, f.leniencyLabel, f.blockersLabel):
            label.setVisible(review)
        f.settingsButton.setVisible(review)
        if loaded is not None and loaded.line is not None:
            f.lineLabel.setText(line_legend(loaded.line, self.model.line_after))
            f.lineSwatch.setVisible(True)
        else:
            f.lineLabel.clear()
            f.lineSwatch.setVisible(False)
        if review:
            self._show_summary(loaded)
            self._show_charts(loaded)
        else:
            f.lockLabel.clear()
            f.methodLabel.setText(self.tr("Preliminary scores (Annex 2) ranked with the R15 shortlist line; "
                                          "the recorded state shows what the formal review decided.")
                                  if loaded is not None else "")
        self._update_actions()
        row = self.model.row_of(selected) if selected is not None else -1
        if self.model.rowCount():
            table.selectRow(row if row >= 0 else 0)  # the reset cleared the current row: this shows the detail
        else:
            self._show_detail(-1)

    def _show_summary(self, loaded: Loaded) -> None:
        f = self.form
        view = loaded.view
        a = view.analysis
        method = self.tr("Method: %1 · outlier margin %2 points").replace("%1", method_label(a.settings.method)) \
            .replace("%2", rubrics.format_points(a.settings.margin))
        if a.settings.tie_breaks:
            method += " · " + self.tr("ties compared on %1").replace("%1", labels.list_join(a.settings.tie_breaks))
        f.methodLabel.setText(method)
        w = "—" if a.kendall_w is None else str(a.kendall_w)
        f.kendallLabel.setText(self.tr("Kendall's W %1: %2").replace("%1", w)
                               .replace("%2", labels.agreement_label(a.kendall_w)))
        f.kendallLabel.setToolTip(self.tr("Agreement of the experts' rankings of the same applications: "
                                          "0 none, 1 complete"))
        f.sensitivityLabel.setText(self.tr("Sensitivity: %1").replace("%1", sensitivity_words(view)))
        f.sensitivityLabel.setToolTip(self.tr("Which applications would cross the line if the round were "
                                              "aggregated by one of the other two methods"))
        lean = " · ".join(f"{name} {signed(a.leniency[e])}" for e, name in view.experts.items() if e in a.leniency)
        f.leniencyLabel.setText(self.tr("Leniency (mean difference from the other experts): %1")
                                .replace("%1", lean or "—"))
        blockers = view.blockers(settings.ui_language())
        if view.locked:
            f.blockersLabel.setVisible(False)
        elif blockers:
            f.blockersLabel.setStyleSheet(f"color: {_RED};")
            f.blockersLabel.setText(self.tr("Not ready to confirm the result: %1").replace("%1", "; ".join(blockers)))
        else:
            f.blockersLabel.setStyleSheet(f"color: {_GREEN};")
            f.blockersLabel.setText(self.tr("Ready to confirm the result: every sheet is in, every flag explained, "
                                            "no open tie at the line."))
        f.lockLabel.setText(self._lock_text(view))
        history = self._history_text(view)
        f.lockLabel.setToolTip(history or QTextDocumentFragment.fromHtml(self._lock_text(view)).toPlainText())

    def _lock_text(self, view) -> str:
        if view.lock is not None:
            text = self.tr("Result confirmed on %1: locked").replace("%1", view.lock.decided_on.isoformat())
            return f"<b style='color:{_GREEN}'>{escape(text)}</b>"
        reopened = [h for h in view.history if h.reopened_at is not None]
        if reopened:
            last = reopened[-1]
            text = self.tr("Confirmation withdrawn on %1: %2").replace("%1", last.reopened_at.strftime("%Y-%m-%d")) \
                .replace("%2", last.reopen_reason or "")
            return f"<span style='color:#a15c00'>{escape(text)}</span>"
        return escape(self.tr("Result not confirmed yet"))

    def _history_text(self, view) -> str:
        lines = []
        for h in view.history:
            line = self.tr("Result confirmed on %1 (%2)").replace("%1", h.decided_on.isoformat()) \
                .replace("%2", method_label(h.method))
            if h.reopened_at is not None:
                line += "; " + self.tr("confirmation withdrawn on %1: %2") \
                    .replace("%1", h.reopened_at.strftime("%Y-%m-%d")) \
                    .replace("%2", h.reopen_reason or "")
            lines.append(line)
        return "\n".join(lines)

    def _show_charts(self, loaded: Loaded) -> None:
        view = loaded.view
        charts.set_chart(self.distribution_view, charts.distribution(view.analysis, view.experts))
        charts.set_chart(self.box_view, charts.box_plot(view.analysis, view.experts))
        charts.set_chart(self.leniency_view, charts.leniency_bars(view.analysis, view.experts))

    def _update_actions(self) -> None:
        f = self.form
        view = self.loaded.view if self.loaded is not None else None
        buttons = (f.settingsButton, f.explainButton, f.tieButton, f.consolidateButton, f.reopenButton,
                   f.exportButton, self.result_button)
        for button in buttons:
            button.setToolTip("")
        if view is None:
            for button in buttons:
                button.setEnabled(False)
            if self.loaded is not None:
                why = self.tr("The preliminary stage is read-only: choose the expert review stage.")
                for button in buttons:
                    button.setToolTip(why)
            return
        locked = view.locked
        lock_why = self.tr("Locked since %1: withdraw the confirmation first.").replace(
            "%1", view.lock.decided_on.isoformat()) if locked else ""
        f.settingsButton.setEnabled(not locked)
        f.explainButton.setEnabled(not locked and bool(view.unexplained()))
        f.tieButton.setEnabled(not locked and bool(tied_applications(view)))
        blockers = view.blockers(settings.ui_language())
        f.consolidateButton.setEnabled(not locked and not blockers)
        f.reopenButton.setEnabled(locked and view.reopen_refusal is None)
        f.exportButton.setEnabled(bool(view.analysis.rows))
        self.result_button.setEnabled(bool(view.analysis.rows))
        if locked:
            for button in (f.settingsButton, f.explainButton, f.tieButton, f.consolidateButton):
                button.setToolTip(lock_why)
            if view.reopen_refusal:
                f.reopenButton.setToolTip(view.reopen_refusal[0 if settings.ui_language().startswith('zh') else 1])
        else:
            if not view.unexplained():
                f.explainButton.setToolTip(self.tr("No flag waits for an explanation."))
            if not tied_applications(view):
                f.tieButton.setToolTip(self.tr("No tie at the line to decide."))
            if blockers:
                f.consolidateButton.setToolTip(self.tr("Not ready:") + "\n• " + "\n• ".join(blockers))
            f.reopenButton.setToolTip(self.tr("The result is not confirmed."))

    def export(self, path: str | None = None):
        """The ranking workbook (summary, one sheet per expert, rubric), written off the GUI thread;
        a failed export leaves no half-written file (reports/ranking_excel.py writes and renames)."""
        from PySide6.QtWidgets import QFileDialog

        view = self.loaded.view if self.loaded is not None else None
        if view is None:
            return None
        if path is None:
            suggested = self.tr("%1 ranking.xlsx").replace("%1", view.title)
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the ranking"), suggested,
                                                        self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"

        def work(_progress, _is_cancelled):
            from hvp_desktop.reports.ranking_excel import write_ranking

            write_ranking(view, path)
            return path

        def done(written) -> None:
            self.form.messageLabel.setStyleSheet("color: #1b7f3b;")
            self.form.messageLabel.setText(self.tr("Exported to %1").replace("%1", written))

        def failed(exc) -> None:
            QMessageBox.critical(self, self.tr("Export the ranking"),
                                 self.tr("The workbook could not be written: %1").replace("%1", str(exc)))

        self.export_task = run_task(self, work, label=self.tr("Writing the ranking workbook…"), cancellable=False,
                                    on_done=done, on_error=failed)
        return self.export_task

    # -- the consolidated result as a PDF (issue 20) ------------------------------------------------
    def _add_result_button(self) -> None:
        """PDF ▾ beside Export to Excel: print the result or save it as a PDF (unsigned); export or
        print the round's score sheets (as Round → Export/Print score sheets… do)."""
        from PySide6.QtWidgets import QMenu

        f = self.form
        self.result_button = QPushButton(self.tr("&PDF"), self)
        menu = QMenu(self.result_button)
        self.print_result_action = menu.addAction(self.tr("&Print result…"))
        self.print_result_action.triggered.connect(lambda: self.print_result())
        self.export_result_action = menu.addAction(self.tr("&Export result PDF…"))
        self.export_result_action.triggered.connect(lambda: self.export_result_pdf())
        menu.addSeparator()
        self.export_sheets_action = menu.addAction(self.tr("E&xport score sheets…"))
        self.export_sheets_action.triggered.connect(lambda: self.export_sheets())
        self.print_sheets_action = menu.addAction(self.tr("P&rint score sheets…"))
        self.print_sheets_action.triggered.connect(lambda: self.print_sheets())
        self.result_button.setMenu(menu)
        self.result_button.setEnabled(False)
        f.actionRow.insertWidget(f.actionRow.indexOf(f.exportButton) + 1, self.result_button)

    def export_sheets(self):
        from hvp_desktop.gui.pdf_dialogs import ExportSheetsDialog

        round_id = self.current_round()
        if round_id is None:
            return None
        self.dialog = ExportSheetsDialog(self.wf, round_id, self)
        self.dialog.open()
        return self.dialog

    def print_sheets(self):
        from hvp_desktop.gui.pdf_dialogs import preview_round_sheets

        round_id = self.current_round()
        if round_id is None:
            return None
        self.print_task = preview_round_sheets(self, self.wf, round_id)
        return self.print_task

    def _result_title(self) -> str:
        return self.tr("Result of %1").replace("%1", self.form.roundCombo.currentText())

    def print_result(self):
        """The round's result (reports.round_reports.result_pdf) made off the GUI thread, then previewed."""
        from hvp_desktop.gui import printing
        from hvp_desktop.reports import round_reports as reports

        round_id = self.current_round()
        if round_id is None or self.loaded is None or self.loaded.view is None:
            return None
        self.print_task = printing.preview_pdf(self, lambda _p, _c: reports.result_pdf(self.wf, round_id),
                                               self._result_title(),
                                               label=self.tr("Preparing the result for printing…"))
        return self.print_task

    def export_result_pdf(self, path: str | None = None):
        """The round's result as a PDF file (unsigned: the chair signs it in the result's own step)."""
        from PySide6.QtWidgets import QFileDialog

        from hvp_desktop.gui.printing import error_text
        from hvp_desktop.private_files import write_replacing
        from hvp_desktop.reports import round_reports as reports

        round_id = self.current_round()
        if round_id is None or self.loaded is None or self.loaded.view is None:
            return None
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the result as PDF"),
                                                        self._result_title() + ".pdf", self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"

        def work(_progress, _is_cancelled):
            pdf = reports.result_pdf(self.wf, round_id)
            write_replacing(path, lambda temp: temp.write_bytes(pdf))
            return path

        def done(written) -> None:
            self.form.messageLabel.setStyleSheet(f"color: {_GREEN};")
            self.form.messageLabel.setText(self.tr("Exported to %1").replace("%1", written))

        def failed(exc) -> None:
            QMessageBox.critical(self, self.tr("Export the result as PDF"),
                                 self.tr("The PDF could not be written: %1").replace("%1", error_text(exc)))

        self.export_task = run_task(self, work, label=self.tr("Writing the result PDF…"), cancellable=False,
                                    on_done=done, on_error=failed)
        return self.export_task

    def selected_application(self) -> int | None:
        index = self.form.table.currentIndex()
        return self.model.application(index.row()) if index.isValid() else None

    def select_application(self, application: int) -> None:
        row = self.model.row_of(application)
        if row >= 0:
            self.form.table.selectRow(row)

    def _show_detail(self, row_index: int) -> None:
        f = self.form
        layout = f.flagsLayout
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:  # unparented at once: the next entries replace it now, not later
                widget.setParent(None)
                widget.deleteLater()
        view = self.loaded.view if self.loaded is not None else None
        app = self.model.application(row_index)
        if view is None or app is None:
            f.detailTitle.setText(self.tr("Choose an application in the table.") if view is not None else "")
            f.differenceLabel.clear()
            self.dots_view.setVisible(False)
            return
        name = escape(view.names.get(app, ""))
        row = self.model.analysis_row(row_index)
        if row is None:
            f.detailTitle.setText(f"<b>{name}</b><br>" + escape(self.tr("No submitted sheet counts yet.")))
            f.differenceLabel.setText(self._waiting(self.model.missing_experts(self.model.lines[row_index]), view))
            self.dots_view.setVisible(False)
            return
        facts = self.tr("Rank %1 · aggregate %2 · range %3 · std dev %4").replace("%1", str(row.rank)) \
            .replace("%2", f"{row.score:.2f}").replace("%3", rubrics.format_points(row.range)) \
            .replace("%4", f"{row.stdev:.2f}")
        f.detailTitle.setText(f"<b>{name}</b><br>{escape(facts)}")
        self.dots_view.setVisible(True)
        charts.set_chart(self.dots_view, charts.application_dots(row, view.experts, view.analysis))
        f.differenceLabel.setText(self._difference(row, view) + self._waiting(list(row.missing), view))
        if not row.flags:
            layout.addWidget(QLabel(self.tr("No flag: the experts agree within the margin."), f.flagsContainer))
        for flag in row.flags:
            layout.addWidget(self._flag_entry(flag, view))
        layout.addStretch(1)

    def _difference(self, row, view) -> str:
        diff = row.biggest_difference
        if diff is None:
            return ""
        points = view.points.get(row.application, {})
        high = points.get(diff.high, {}).get(diff.criterion)
        low = points.get(diff.low, {}).get(diff.criterion)
        text = self.tr("Largest difference: %1, %2 gave %3 and %4 gave %5 (a difference of %6)") \
            .replace("%1", criterion_title(view.rubric, diff.criterion)) \
            .replace("%2", view.experts.get(diff.high, "")).replace("%3", rubrics.format_points(high) if high is not None else "—") \
            .replace("%4", view.experts.get(diff.low, "")).replace("%5", rubrics.format_points(low) if low is not None else "—") \
            .replace("%6", rubrics.format_points(diff.range))
        return escape(text)

    def _waiting(self, missing: list[int], view) -> str:
        if not missing:
            return ""
        text = self.tr("Waiting for: %1").replace("%1", "、".join(view.experts.get(e, "") for e in missing))
        return f"<br><span style='color:{_RED}'>{escape(text)}</span>"

    def _flag_entry(self, flag: Flag, view) -> QWidget:
        box = QFrame(self.form.flagsContainer)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(4, 2, 4, 2)
        note = view.explanations.get(flag.key)
        words = describe_flag(flag, view.experts, view.rubric)
        if note is not None:
            words += "\n" + describe_explanation(note)
        else:
            words += "\n" + self.tr("Not explained yet")
        label = QLabel(words, box)
        label.setWordWrap(True)
        explained = note is not None and note.current
        label.setStyleSheet("" if explained else f"color: {_RED};")
        layout.addWidget(label, 1)
        if not explained and not view.locked:
            button = QPushButton(self.tr("Explain…"), box)
            button.clicked.connect(lambda _checked=False, fl=flag: self.explain_flag(fl))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return box

    # -- actions ----------------------------------------------------------------------------------
    def _view(self):
        return self.loaded.view if self.loaded is not None else None

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each holds a whole ranking: not kept
        dialog.open()  # its operation's changes are announced by the runner, and reload this panel

    def edit_settings(self) -> None:
        if self._view() is not None:
            self._open(SettingsDialog(self.runner, self._view(), self))

    def explain_flag(self, flag: Flag | None = None) -> None:
        view = self._view()
        if view is None:
            return
        waiting = view.unexplained()
        if flag is None:
            selected = self.selected_application()
            flag = next((fl for fl in waiting if fl.application == selected), waiting[0] if waiting else None)
        if flag is None:
            return
        flags = waiting if flag in waiting else [flag, *waiting]
        self._open(ExplainFlagDialog(self.runner, view, flags, flag, self))

    def decide_tie(self) -> None:
        view = self._view()
        if view is not None and tied_applications(view):
            self._open(DecideTieDialog(self.runner, view, self))

    def consolidate(self) -> None:
        view = self._view()
        if view is None:
            return
        blockers = view.blockers(settings.ui_language())
        if blockers:  # the button is disabled then; said again if reached another way
            QMessageBox.warning(self, self.tr("Confirm the result"), "\n".join(blockers))
            return
        self._open(ConsolidateDialog(self.runner, view, self))

    def reopen(self) -> None:
        view = self._view()
        if view is not None and view.locked:
            self._open(ReopenDialog(self.runner, view, self))

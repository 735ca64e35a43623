"""The chair's dialogs of the ranking panel: the round's settings, a flag's explanation, the order
of a tie at the line, the consolidation and its reopening.

Each dialog writes through one store function in `submit()`; a refusal (RuleViolation or
ValueError, always with a Chinese message) stays in the dialog in red so the chair can fix the
input, and `changes` holds what a successful write touched. Tests fill the fields and call
`submit()` directly.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QWidget

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui import labels, settings
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.ranking_model import describe_explanation, describe_flag, line_legend, method_label, round_name
from hvp_desktop.gui.runner import Runner
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.analysis import Flag
from hvp_desktop.scoring.ranking import LineKind
from hvp_desktop.store import ranking
from hvp_desktop.store.ops import ranking as ranking_ops
from hvp_desktop.store.ops.core import Changes

_ID = Qt.ItemDataRole.UserRole


class _WriteDialog(QDialog):
    def __init__(self, form: str, runner: Runner, view: ranking.RoundRanking, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.runner, self.wf, self.view = runner, runner.wf, view
        self.changes = Changes()
        self.form = load_form(form, self)
        self.form.buttonBox.accepted.connect(self.submit)
        self.form.buttonBox.rejected.connect(self.reject)

    def _write(self, op, *args) -> bool:
        """Run the dialog's operation off the GUI thread: accepted when it is done, kept open with
        the reason when it is refused."""
        buttons = self.form.buttonBox
        buttons.setEnabled(False)

        def done(changes: Changes) -> None:
            self.changes = changes
            self.accept()

        def refused(exc: RuleViolation) -> None:
            self.form.messageLabel.setText(exc.text(settings.ui_language()))

        self.runner.run(op, *args, parent=self, on_done=done, on_refused=refused,
                        on_failed=lambda _e: buttons.setEnabled(True), label=self.windowTitle(), long=True)
        return True

    def submit(self) -> bool:
        raise NotImplementedError


def _move(widget: QListWidget, step: int) -> None:
    row = widget.currentRow()
    target = row + step
    if row < 0 or not 0 <= target < widget.count():
        return
    item = widget.takeItem(row)
    widget.insertItem(target, item)
    widget.setCurrentRow(target)


class SettingsDialog(_WriteDialog):
    """Method, outlier margin and tie-break order of the round (frozen once consolidated)."""

    def __init__(self, runner: Runner, view: ranking.RoundRanking, parent: QWidget | None = None) -> None:
        super().__init__("ranking_settings_dialog", runner, view, parent)
        self.setWindowTitle(self.tr("Ranking settings of %1").replace("%1", round_name(runner.wf, view.round_id)))
        f = self.form
        settings = view.analysis.settings
        for method in Method:
            f.methodCombo.addItem(method_label(method), method.value)
        f.methodCombo.setCurrentIndex(f.methodCombo.findData(settings.method.value))
        f.marginSpin.setValue(float(settings.margin))
        sections = {s.code: s for s in view.rubric.sections} if view.rubric else {}
        chosen = [c for c in settings.tie_breaks if c in sections]
        for code in chosen + [c for c in sections if c not in chosen]:
            item = QListWidgetItem(f"{code} {sections[code].title}")
            item.setData(_ID, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            f.sectionList.addItem(item)
        f.upButton.clicked.connect(lambda: _move(f.sectionList, -1))
        f.downButton.clicked.connect(lambda: _move(f.sectionList, 1))
        self.resize(520, 460)

    def tie_breaks(self) -> list[str]:
        items = [self.form.sectionList.item(i) for i in range(self.form.sectionList.count())]
        return [i.data(_ID) for i in items if i.checkState() == Qt.CheckState.Checked]

    def submit(self) -> bool:
        f = self.form
        margin = Decimal(rubrics.format_points(Decimal(str(round(f.marginSpin.value(), 1)))))
        return self._write(ranking_ops.set_settings, self.view.round_id, Method(f.methodCombo.currentData()), margin,
                           self.tie_breaks())


class ExplainFlagDialog(_WriteDialog):
    """The written word a flag asks for, by the flagged expert or the chair."""

    def __init__(self, runner: Runner, view: ranking.RoundRanking, flags: list[Flag], chosen: Flag | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("ranking_explain_dialog", runner, view, parent)
        self.setWindowTitle(self.tr("Explain a flag"))
        self.flags = list(flags)
        f = self.form
        for flag in self.flags:
            f.flagCombo.addItem(f"{view.names.get(flag.application, '')} — "
                                f"{describe_flag(flag, view.experts, view.rubric)}")
        if chosen in self.flags:
            f.flagCombo.setCurrentIndex(self.flags.index(chosen))
        f.flagCombo.currentIndexChanged.connect(self._show_flag)
        self._show_flag()
        self.resize(620, 420)

    def flag(self) -> Flag | None:
        index = self.form.flagCombo.currentIndex()
        return self.flags[index] if 0 <= index < len(self.flags) else None

    def _show_flag(self) -> None:
        flag = self.flag()
        if flag is None:
            self.form.detailLabel.setText(self.tr("No flag waits for an explanation."))
            return
        lines = [self.tr("Application: %1").replace("%1", self.view.names.get(flag.application, ""))]
        note = self.view.explanations.get(flag.key)
        if note is not None:
            lines.append(describe_explanation(note))
        self.form.detailLabel.setText("\n".join(lines))

    def submit(self) -> bool:
        flag = self.flag()
        if flag is None:
            return False
        author = "chair" if self.form.chairRadio.isChecked() else "expert"
        return self._write(ranking_ops.explain_flag, flag, author, self.form.textEdit.toPlainText())


def tied_applications(view: ranking.RoundRanking) -> list[int]:
    """What the chair orders: the unresolved tie, or the tie they already decided (to change it)."""
    if view.analysis.unresolved_at_line:
        return list(view.analysis.unresolved_at_line)
    if view.tie is not None and view.tie.applies:
        return list(view.tie.order)
    return []


class DecideTieDialog(_WriteDialog):
    """R16: the order of the applications tied across the places line, with the reason."""

    def __init__(self, runner: Runner, view: ranking.RoundRanking, parent: QWidget | None = None) -> None:
        super().__init__("ranking_tie_dialog", runner, view, parent)
        self.setWindowTitle(self.tr("Decide the tie at the line"))
        f = self.form
        tied = tied_applications(view)
        scores = {r.application: r.score for r in view.analysis.rows}
        inside = max(view.analysis.line.places - sum(1 for r in view.analysis.rows
                                                     if r.inside and r.application not in tied), 0)
        f.infoLabel.setText(self.tr("%1 applications are tied at %2 points across the %3 places line. Put them "
                                    "in the order the panel decided: the first %4 take the places inside the line.")
                            .replace("%1", str(len(tied)))
                            .replace("%2", f"{scores[tied[0]]:.2f}" if tied else "—")
                            .replace("%3", view.analysis.line.rule).replace("%4", str(inside)))
        for app in tied:
            item = QListWidgetItem(view.names.get(app, str(app)))
            item.setData(_ID, app)
            f.orderList.addItem(item)
        f.orderList.setCurrentRow(0)
        if view.tie is not None and view.tie.applies:
            f.reasonEdit.setPlaceholderText(view.tie.reason)
        f.upButton.clicked.connect(lambda: _move(f.orderList, -1))
        f.downButton.clicked.connect(lambda: _move(f.orderList, 1))
        self.resize(560, 460)

    def order(self) -> list[int]:
        return [self.form.orderList.item(i).data(_ID) for i in range(self.form.orderList.count())]

    def submit(self) -> bool:
        return self._write(ranking_ops.decide_tie, self.view.round_id, self.order(), self.form.reasonEdit.toPlainText())


class ConsolidateDialog(_WriteDialog):
    """The chair locks the result: who is inside the line, the decision date, confirm."""

    def __init__(self, runner: Runner, view: ranking.RoundRanking, parent: QWidget | None = None) -> None:
        super().__init__("ranking_consolidate_dialog", runner, view, parent)
        self.setWindowTitle(self.tr("Confirm the result of %1").replace("%1", round_name(runner.wf, view.round_id)))
        f = self.form
        f.dateEdit.setDate(QDate.currentDate())
        f.summaryBrowser.setHtml(self.summary_html())
        self.resize(620, 480)

    def summary_html(self) -> str:
        a = self.view.analysis
        inside = [r for r in a.rows if r.inside]
        outside = [r for r in a.rows if not r.inside]
        if a.line.kind == LineKind.PASS_MARK:
            heads = (self.tr("Pass (%1)"), self.tr("Fail (%1)"))
        else:
            heads = (self.tr("Selected (%1)"), self.tr("Not selected (%1)"))
        w = "—" if a.kendall_w is None else str(a.kendall_w)
        method = self.tr("Method: %1").replace("%1", method_label(a.settings.method))
        agreement = self.tr("Kendall's W %1: %2").replace("%1", w).replace("%2", labels.agreement_label(a.kendall_w))
        facts = [round_name(self.wf, self.view.round_id), method, line_legend(a.line, len(inside)), agreement]
        parts = ["<p>" + "<br>".join(escape(fact) for fact in facts) + "</p>"]
        for head, rows in zip(heads, (inside, outside), strict=True):
            items = "".join(f"<li>{r.rank}. {escape(self.view.names.get(r.application, ''))} — {r.score:.2f}</li>"
                            for r in rows)
            title = escape(head.replace("%1", str(len(rows))))
            parts.append(f"<p><b>{title}</b></p><ul>{items}</ul>" if rows else f"<p><b>{title}</b></p>")
        return "".join(parts)

    def submit(self) -> bool:
        return self._write(ranking_ops.consolidate, self.view.round_id, self.form.dateEdit.date().toPython())


class ReopenDialog(_WriteDialog):
    """Undo the lock with a written reason (refused once a later step was taken on the result)."""

    def __init__(self, runner: Runner, view: ranking.RoundRanking, parent: QWidget | None = None) -> None:
        super().__init__("ranking_reopen_dialog", runner, view, parent)
        self.setWindowTitle(self.tr("Withdraw the confirmation of %1").replace("%1", round_name(runner.wf, view.round_id)))
        f = self.form
        decided = view.lock.decided_on.isoformat() if view.lock else "—"
        f.infoLabel.setText(self.tr("The result was confirmed on %1. Withdrawing the confirmation records it for "
                                    "every application and unlocks the round; the reason is kept.")
                            .replace("%1", decided))
        f.dateEdit.setDate(QDate.currentDate())
        self.resize(520, 340)

    def submit(self) -> bool:
        return self._write(ranking_ops.reopen, self.view.round_id, self.form.reasonEdit.toPlainText(),
                           self.form.dateEdit.date().toPython())

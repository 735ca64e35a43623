"""Review an assessment round's on-site checklist before its visits: the round's own (or the
shipped one), or a table of the secretariat's loaded from Excel, item by item; then choose it for
the round (only before the first visit: it is frozen then, as a rubric is at its first sheet)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QTreeWidgetItem, QWidget

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain.rules import InvalidInput
from hvp_desktop.gui import labels, settings
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner, run_in_dialog
from hvp_desktop.store import queries, visits
from hvp_desktop.store.ops import visits as visit_ops

XLSX_FILTER = "Excel (*.xlsx)"


class ChecklistDialog(QDialog):
    def __init__(self, runner: Runner, round_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.wf, self.round_id = runner, runner.wf, round_id
        info = queries.round_info(self.wf, round_id)
        self.title = labels.round_title(info.year, info.kind)
        chosen = info.checklist_label
        self.checklist = visits.checklist_by_label(self.wf, chosen) if chosen else checklists.default_checklist()
        self.setWindowTitle(self.tr("On-site checklist of %1").replace("%1", self.title))
        self.form = f = load_form("checklist_dialog", self)
        f.versionEdit.setText(f"{info.year}.2")
        f.itemTree.setHeaderLabels([self.tr("Item"), self.tr("Kind"), self.tr("Minimum"), self.tr("Informs")])
        f.loadButton.clicked.connect(lambda: self.load_table())
        f.exportButton.clicked.connect(lambda: self.export_default())
        f.useButton.clicked.connect(self.use)
        f.closeButton.clicked.connect(self.reject)
        self.show_checklist(self.checklist, current=bool(chosen))
        self.resize(880, 620)

    def show_checklist(self, checklist: checklists.Checklist, *, current: bool = False) -> None:
        f = self.form
        self.checklist = checklist
        prefix = self.tr("In use for this round: ") if current else self.tr("Loaded for review: ")
        f.currentLabel.setText(f"{prefix}{checklist.label} · {checklist.source}")
        tree = f.itemTree
        tree.clear()
        lang = 0 if settings.ui_language() == "zh_CN" else 1
        by_rule: dict[str, QTreeWidgetItem] = {}
        for item in checklist.items:
            top = by_rule.get(item.rule)
            if top is None:
                top = by_rule[item.rule] = QTreeWidgetItem([item.rule, "", "", ""])
                tree.addTopLevelItem(top)
            minimum = "" if item.threshold is None else \
                f"≥ {checklists.format_number(item.threshold.minimum)} {item.threshold.unit}"
            child = QTreeWidgetItem([f"{item.code} {item.title}", checklists.KIND_TEXT[item.kind][lang], minimum,
                                     " ".join(item.informs)])
            child.setToolTip(0, f"{item.requirement}\n\n{item.verify}\n\n{item.evidence}")
            top.addChild(child)
        tree.expandAll()
        tree.setColumnWidth(0, 480)
        vetoes = sum(i.kind == checklists.ItemKind.VETO for i in checklist.items)
        f.messageLabel.setText(self.tr("%1 items, %2 of them veto items.").replace("%1", str(len(checklist.items)))
                               .replace("%2", str(vetoes)))
        f.useButton.setEnabled(not current)

    def load_table(self, path: str | None = None) -> bool:
        from hvp_desktop.reports.checklist_excel import read_checklist_table

        f = self.form
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Checklist table"), "", XLSX_FILTER)
            if not path:
                return False
        title = f.titleEdit.text().strip() or Path(path).stem
        try:
            checklist = read_checklist_table(path, title=title, version=f.versionEdit.text().strip())
        except InvalidInput as exc:  # every problem, in the UI's language
            f.messageLabel.setText(self.tr("The table cannot be used:") + "\n" + exc.text(settings.ui_language()))
            f.useButton.setEnabled(False)
            return False
        self.show_checklist(checklist)
        return True

    def export_default(self, path: str | None = None) -> None:
        from hvp_desktop.reports.checklist_excel import write_checklist_table

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the default checklist"), "", XLSX_FILTER)
            if not path:
                return
        write_checklist_table(checklists.default_checklist(), path)

    def use(self) -> bool:
        """Keep the reviewed checklist in the file and choose it for the round: one operation."""
        checklist = self.checklist
        run_in_dialog(self.runner, self, visit_ops.set_round_checklist, self.round_id, checklist,
                      message=self.form.messageLabel, on_done=lambda _c: self.show_checklist(checklist, current=True))
        return True

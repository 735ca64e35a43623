"""Review a rubric before use: the round's current one, or an official table loaded from Excel,
shown section by section; then choose it for the round (only before scoring starts)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QTreeWidgetItem, QWidget

from hvp_desktop.gui import labels
from hvp_desktop.gui.forms import load_form
from hvp_desktop.gui.runner import Runner, run_in_dialog
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import queries, sheets
from hvp_desktop.store.ops import sheets as sheet_ops

XLSX_FILTER = "Excel (*.xlsx)"


class RubricDialog(QDialog):
    def __init__(self, runner: Runner, round_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.wf, self.round_id = runner, runner.wf, round_id
        wf = self.wf
        info = queries.round_info(wf, round_id)
        self.title = labels.round_title(info.year, info.kind)
        self.kind = "recognition" if info.kind == "recognition" else "annual"
        chosen, year = info.rubric_label, info.year
        self.rubric = sheets.rubric_by_label(wf, chosen) if chosen else rubrics.default_rubrics()[self.kind]
        self.setWindowTitle(self.tr("Rubric of %1").replace("%1", self.title))
        self.form = f = load_form("rubric_dialog", self)
        f.versionEdit.setText(f"{year}.2")
        f.rubricTree.setHeaderLabels([self.tr("Section / criterion"), self.tr("Points"), self.tr("Step"),
                                      self.tr("Rules")])
        f.loadButton.clicked.connect(lambda: self.load_table())
        f.exportButton.clicked.connect(lambda: self.export_default())
        f.useButton.clicked.connect(self.use)
        f.closeButton.clicked.connect(self.reject)
        self.show_rubric(self.rubric, current=True)
        self.resize(800, 620)

    def show_rubric(self, rubric: rubrics.Rubric, *, current: bool = False) -> None:
        f = self.form
        self.rubric = rubric
        prefix = self.tr("In use for this round: ") if current else self.tr("Loaded for review: ")
        f.currentLabel.setText(f"{prefix}{rubric.label} · {rubric.source}")
        tree = f.rubricTree
        tree.clear()
        for section in rubric.sections:
            top = QTreeWidgetItem([f"{section.code} {section.title}", rubrics.format_points(section.max_points), "", ""])
            for c in section.criteria:
                child = QTreeWidgetItem([f"{c.code} {c.title}", rubrics.format_points(c.max_points),
                                         rubrics.format_points(c.step), " ".join(c.rules)])
                child.setToolTip(0, c.guidance)
                top.addChild(child)
            tree.addTopLevelItem(top)
        tree.expandAll()
        tree.resizeColumnToContents(0)
        f.messageLabel.setText(self.tr("Total %1 points, %2 criteria.").replace("%1", rubrics.format_points(
            rubric.max_total)).replace("%2", str(len(rubric.criteria))))
        f.useButton.setEnabled(not current)

    def load_table(self, path: str | None = None) -> bool:
        from hvp_desktop.reports.rubric_excel import read_rubric_table

        f = self.form
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Official rubric table"), "", XLSX_FILTER)
            if not path:
                return False
        title = f.titleEdit.text().strip() or Path(path).stem
        try:
            rubric = read_rubric_table(path, kind=self.kind, title=title, version=f.versionEdit.text().strip())
        except (rubrics.RubricError, ValueError) as exc:
            problems = getattr(exc, "problems", [str(exc)])
            f.messageLabel.setText(self.tr("The table cannot be used:") + "\n" + "\n".join(map(str, problems[:12])))
            f.useButton.setEnabled(False)
            return False
        self.show_rubric(rubric)
        return True

    def export_default(self, path: str | None = None) -> None:
        from hvp_desktop.reports.rubric_excel import write_rubric_table

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the default rubric"), "", XLSX_FILTER)
            if not path:
                return
        write_rubric_table(rubrics.default_rubrics()[self.kind], path)

    def use(self) -> bool:
        """Keep the reviewed table in the file and choose it for the round: one operation."""
        rubric = self.rubric
        run_in_dialog(self.runner, self, sheet_ops.set_round_rubric, self.round_id, rubric,
                      message=self.form.messageLabel, on_done=lambda _c: self.show_rubric(rubric, current=True))
        return True

"""Issue 19: the secretariat reviews an assessment round's on-site checklist — the shipped one or a
table of its own from Excel — and chooses it for the round before the first visit."""

from __future__ import annotations

import openpyxl

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain.model import RoundKind
from hvp_desktop.gui.checklist_dialog import ChecklistDialog
from hvp_desktop.gui.runner import Runner
from hvp_desktop.reports.checklist_excel import write_checklist_table
from hvp_desktop.store import queries
from hvp_desktop.store.ops import ranking as ranking_ops


def _round(wf, kind: str) -> int:
    return next(r.id for r in queries.rounds(wf) if r.kind == kind)


def test_a_table_is_reviewed_then_chosen_for_the_round(qtbot, demo_wf, tmp_path):
    runner = Runner(demo_wf)
    try:
        rnd = ranking_ops.open_assessment_round(demo_wf, 2027, RoundKind.YEAR2).value  # no visit yet
        dialog = ChecklistDialog(runner, rnd)
        qtbot.addWidget(dialog)
        shipped = checklists.default_checklist()
        assert dialog.form.itemTree.topLevelItemCount() == len({i.rule for i in shipped.items})
        table = tmp_path / "自制.xlsx"
        write_checklist_table(shipped, table)
        wb = openpyxl.load_workbook(table)
        wb.active["C4"] = "设立独立的知识产权管理部门"
        wb.save(table)
        dialog.form.titleEdit.setText("黄埔区现场核查表")
        assert dialog.load_table(str(table))
        assert dialog.form.useButton.isEnabled()
        dialog.use()
        runner.wait()
        qtbot.waitUntil(lambda: not dialog.form.useButton.isEnabled())
        label = queries.round_info(demo_wf, rnd).checklist_label
        assert label.startswith("黄埔区现场核查表")
        dialog.grab().save(str(tmp_path / "checklist-dialog.png"))
    finally:
        runner.close()


def test_a_table_that_cannot_be_used_is_said_and_not_chosen(qtbot, demo_wf, tmp_path):
    runner = Runner(demo_wf)
    try:
        dialog = ChecklistDialog(runner, _round(demo_wf, "rectification"))
        qtbot.addWidget(dialog)
        bad = tmp_path / "坏.xlsx"
        bad.write_bytes(b"PK not really")
        assert not dialog.load_table(str(bad))
        assert "cannot be read" in dialog.form.messageLabel.text() or "无法读取" in dialog.form.messageLabel.text()
        assert not dialog.form.useButton.isEnabled()
    finally:
        runner.close()


def test_a_round_whose_visits_have_started_keeps_its_checklist(qtbot, demo_wf, tmp_path):
    runner = Runner(demo_wf)
    try:
        rnd = _round(demo_wf, "rectification")  # the demo's re-assessment: visited already
        dialog = ChecklistDialog(runner, rnd)
        qtbot.addWidget(dialog)
        assert not dialog.form.useButton.isEnabled()  # what is in use is shown, not offered again
        table = tmp_path / "另一版.xlsx"
        write_checklist_table(checklists.default_checklist(), table)
        dialog.form.titleEdit.setText("另一版核查表")
        assert dialog.load_table(str(table))
        dialog.use()
        runner.wait()
        qtbot.waitUntil(lambda: "CHECKLIST" in dialog.form.messageLabel.text()
                        or "现场核查" in dialog.form.messageLabel.text() or "visits" in dialog.form.messageLabel.text())
        assert queries.round_info(demo_wf, rnd).checklist_label == checklists.default_checklist().label
    finally:
        runner.close()

"""The secretary's expert panel: add, seat, assign, record a conflict."""

from __future__ import annotations

from hvp_desktop.domain.model import SeatRole
from hvp_desktop.gui.panel_dialog import PanelDialog
from hvp_desktop.store import panel, queries


def _row_of(dialog, name):
    table = dialog.form.expertsTable
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)


def test_secretary_builds_a_panel_and_records_a_conflict(qtbot, demo_wf, make_runner):
    round_id = next(r.round_id for r in queries.application_rows(demo_wf) if r.year == 2025)
    runner = make_runner(demo_wf)
    dialog = PanelDialog(demo_wf, runner, round_id)
    qtbot.addWidget(dialog)
    f = dialog.form
    dialog.add_expert()  # a name is required
    runner.wait()
    assert "name" in f.messageLabel.text()
    f.nameEdit.setText("刘洋")
    f.organisationEdit.setText("暨南大学")
    assert dialog.add_expert()
    runner.wait()
    f.expertsTable.selectRow(_row_of(dialog, "刘洋"))
    assert dialog.seat(SeatRole.CHAIR)
    runner.wait()
    assert f.expertsTable.item(_row_of(dialog, "刘洋"), 3).text() == "Chair"  # (English UI in tests)
    f.expertsTable.selectRow(_row_of(dialog, "刘洋"))
    assert dialog.assign_all()
    runner.wait()
    expert = next(m.expert_id for m in panel.round_panel(demo_wf, round_id) if m.name == "刘洋")
    assigned = [app for app, _name, _state in panel.assignments_of(demo_wf, expert)]
    assert assigned and all(r.state not in ("applied", "rejected")
                            for r in queries.application_rows(demo_wf) if r.id in assigned)
    f.applicationCombo.setCurrentIndex(f.applicationCombo.findData(assigned[0]))
    f.reasonEdit.setText("")
    f.expertsTable.selectRow(_row_of(dialog, "刘洋"))
    dialog.record_conflict()  # a reason is required
    runner.wait()
    assert "reason" in f.messageLabel.text()
    f.reasonEdit.setText("其导师为该企业首席科学家")
    assert dialog.record_conflict()
    runner.wait()
    assert assigned[0] not in [app for app, _n, _s in panel.assignments_of(demo_wf, expert)]
    assert assigned[0] in dialog.changes.applications

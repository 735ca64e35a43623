"""Issue 20 §4 in the submit dialog: a PIN-protected signing key asks for its PIN (hidden as typed),
a wrong one is refused in the UI's language and nothing is submitted, the right one signs the sheet."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLineEdit

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.gui.scoring_panel import SubmitDialog
from hvp_desktop.store import panel, queries, sheets
from hvp_desktop.store.ops import certificates as cert_ops
from hvp_desktop.store.ops import sheets as sheet_ops

STROKES = [[(10.0, 40.0), (60.0, 70.0), (120.0, 30.0), (160.0, 50.0), (200.0, 60.0), (240.0, 45.0)]]


def _a_correction(wf) -> tuple[int, int]:
    for expert_id, app_id in ((e, a.application_id) for e, _n in panel.panel_experts(wf)
                              for a in queries.expert_assignments(wf, e) if a.state == "submitted"):
        sheet = sheets.current_sheet(wf, expert_id, app_id)
        try:
            return sheet_ops.correct(wf, sheet.id, "改正笔误").value.id, expert_id
        except RuleViolation:
            continue
    raise AssertionError("no correctable sheet")


def _dialog(qtbot, runner, sheet_id, expert_id) -> SubmitDialog:
    dialog = SubmitDialog(runner, sheet_id, Decimal(0), expert_id=expert_id)
    qtbot.addWidget(dialog)
    dialog.pad.strokes = [list(s) for s in STROKES]
    dialog.form.statementCheck.setChecked(True)
    return dialog


def test_the_pin_is_asked_for_only_when_the_key_has_one_and_signs(qtbot, demo_wf, make_runner):
    runner = make_runner(demo_wf)
    sheet_id, expert = _a_correction(demo_wf)
    assert not _dialog(qtbot, runner, sheet_id, expert).needs_pin  # the demo's keys have no PIN
    cert_ops.issue_certificate(demo_wf, expert, "2468")
    dialog = _dialog(qtbot, runner, sheet_id, expert)
    f = dialog.form
    assert dialog.needs_pin and not f.pinEdit.isHidden()
    assert f.pinEdit.echoMode() == QLineEdit.EchoMode.Password
    dialog.submit()
    assert "PIN" in f.messageLabel.text() and f.buttonBox.isEnabled()  # asked before anything runs
    f.pinEdit.setText("0000")
    dialog.submit()
    runner.wait()
    assert "Wrong PIN" in f.messageLabel.text(), f.messageLabel.text()
    assert sheets.get_sheet(demo_wf, sheet_id).status == "draft"
    f.pinEdit.setText("2468")
    dialog.submit()
    runner.wait()
    assert sheets.get_sheet(demo_wf, sheet_id).status == "submitted", f.messageLabel.text()
    assert queries.sheet_signature_problems(demo_wf).problems == []

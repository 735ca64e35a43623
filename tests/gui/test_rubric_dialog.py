"""Review an official rubric table before use and choose it for a round, only before scoring."""

from __future__ import annotations

from hvp_desktop.gui.rubric_dialog import RubricDialog
from hvp_desktop.store import queries


def test_load_review_and_choose_an_official_table(qtbot, demo_wf, tmp_path, make_runner):
    round_2025 = next(r.round_id for r in queries.application_rows(demo_wf) if r.year == 2025)
    runner = make_runner(demo_wf)
    dialog = RubricDialog(runner, round_2025)
    qtbot.addWidget(dialog)
    assert not dialog.form.useButton.isEnabled()  # the default shown is what the round uses now
    table = tmp_path / "附件2.xlsx"
    dialog.export_default(str(table))
    dialog.form.titleEdit.setText("正式附件2")
    assert dialog.load_table(str(table))
    assert dialog.form.rubricTree.topLevelItemCount() == len(dialog.rubric.sections)
    assert "100" in dialog.form.messageLabel.text()
    assert dialog.use()
    runner.wait()
    assert queries.round_info(demo_wf, round_2025).rubric_label.startswith("正式附件2")


def test_a_round_already_scored_keeps_its_rubric(qtbot, demo_wf, tmp_path, make_runner):
    round_2026 = next(r.round_id for r in queries.application_rows(demo_wf) if r.year == 2026)
    runner = make_runner(demo_wf)
    dialog = RubricDialog(runner, round_2026)
    qtbot.addWidget(dialog)
    table = tmp_path / "附件2.xlsx"
    dialog.export_default(str(table))
    dialog.form.titleEdit.setText("正式附件2")
    assert dialog.load_table(str(table))
    dialog.use()
    runner.wait()
    text = dialog.form.messageLabel.text()  # the English UI in tests: the round is scored and confirmed
    assert text.startswith(("R16:", "Scoring table:")) and ("fixed" in text or "confirmed" in text)


def test_a_broken_table_shows_its_problems(qtbot, demo_wf, tmp_path, make_runner):
    round_2025 = next(r.round_id for r in queries.application_rows(demo_wf) if r.year == 2025)
    runner = make_runner(demo_wf)
    dialog = RubricDialog(runner, round_2025)
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    assert not dialog.load_table(str(bad))
    assert dialog.form.messageLabel.text() and not dialog.form.useButton.isEnabled()

"""Rubrics from the command line: export the default to Excel, edit it, review it, store it."""

from __future__ import annotations

import openpyxl

from hvp_desktop.store import sheets
from hvp_desktop.store.engine import WorkingFile


def _points_cell(sheet):
    """(row, column) of the first criterion's points in the exported table."""
    for row in sheet.iter_rows(min_row=1, max_row=6):
        for cell in row:
            if cell.value in ("分值", "满分"):
                return cell.row + 1, cell.column
    raise AssertionError("no points column in the exported table")


def test_export_review_and_store_an_edited_rubric(cli, hvpdb, cli_password, tmp_path):
    table = tmp_path / "附件2评分表.xlsx"
    assert cli("rubric", "export", table, "--kind", "recognition").returncode == 0
    shown = cli("rubric", "show", table, "--kind", "recognition", "--title", "正式附件2", "--version", "2026.2")
    assert shown.returncode == 0, shown.stderr
    assert "合计 100 分" in shown.stdout and "正式附件2 2026.2" in shown.stdout
    added = cli("rubric", "add", table, "--file", hvpdb, "--kind", "recognition", "--title", "正式附件2",
                "--version", "2026.2")
    assert added.returncode == 0, added.stderr
    label = next(line for line in added.stdout.splitlines() if line.startswith("正式附件2")).split("  ")[0]
    with WorkingFile.open(hvpdb, cli_password) as wf:
        assert sheets.rubric_by_label(wf, label).max_total == 100


def test_a_table_that_does_not_total_100_is_refused_with_its_problem(cli, tmp_path):
    table = tmp_path / "bad.xlsx"
    assert cli("rubric", "export", table, "--kind", "annual").returncode == 0
    book = openpyxl.load_workbook(table)
    sheet = book.worksheets[0]
    row, column = _points_cell(sheet)
    sheet.cell(row=row, column=column, value=(sheet.cell(row=row, column=column).value or 0) + 1)
    book.save(table)
    done = cli("rubric", "show", table, "--kind", "annual", "--title", "考核表", "--version", "2026.3")
    assert done.returncode == 1
    assert "100" in done.stderr and "Traceback" not in done.stderr


def test_an_official_table_is_chosen_for_a_round_before_scoring_starts(cli, hvpdb, workbook, row, cli_password,
                                                                        tmp_path):
    from hvp_desktop.store import queries
    from hvp_desktop.store.models import Round

    assert cli("import", hvpdb, workbook([row(1)])).returncode == 0  # creates the 2025 round
    table = tmp_path / "附件2.xlsx"
    assert cli("rubric", "export", table, "--kind", "recognition").returncode == 0
    added = cli("rubric", "add", table, "--file", hvpdb, "--kind", "recognition", "--title", "正式附件2",
                "--version", "2026.2", "--round", "2025")
    assert added.returncode == 0, added.stderr
    with WorkingFile.open(hvpdb, cli_password) as wf:
        round_id = queries.application_rows(wf)[0].round_id
        with wf.session() as s:
            assert s.get(Round, round_id).rubric_version.startswith("正式附件2 2026.2")

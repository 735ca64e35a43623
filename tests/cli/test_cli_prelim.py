"""R15: the third party's preliminary scores imported by credit code, all or nothing."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl

from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile


def _scores_xlsx(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年度初审结果（第三方机构）"])  # a title row above the header
    sheet.append(["序号", "申报单位", "统一社会信用代码", "初审得分"])
    for i, (code, score) in enumerate(rows, 1):
        sheet.append([i, f"单位{i}", code, score])
    book.save(path)
    return path


def _scores(path, password):
    with WorkingFile.open(path, password) as wf:
        return {r.credit_code: queries.application_detail(wf, r.id).preliminary_score
                for r in queries.application_rows(wf)}


def test_R15_scores_are_saved_by_credit_code(cli, hvpdb, workbook, row, cli_password, tmp_path):
    assert cli("import", hvpdb, workbook([row(1), row(2)])).returncode == 0
    codes = list(_scores(hvpdb, cli_password))
    xlsx = _scores_xlsx(tmp_path / "s.xlsx", [(codes[0], 88.5), (codes[1], "71")])
    done = cli("prelim", hvpdb, xlsx, "--round", "2025", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["saved"] is True
    assert _scores(hvpdb, cli_password) == {codes[0]: Decimal("88.50"), codes[1]: Decimal("71.00")}


def test_R15_one_bad_row_saves_nothing_and_names_the_row(cli, hvpdb, workbook, row, cli_password, tmp_path):
    assert cli("import", hvpdb, workbook([row(1), row(2)])).returncode == 0
    codes = list(_scores(hvpdb, cli_password))
    xlsx = _scores_xlsx(tmp_path / "s.xlsx", [(codes[0], 88), (codes[1], 101), ("91350100M000100Y43", 60)])
    done = cli("prelim", hvpdb, xlsx, "--round", "2025")
    assert done.returncode == 1
    assert "第4行" in done.stdout and "0到100" in done.stdout  # the score above 100
    assert "第5行" in done.stdout  # a credit code with no application this year
    assert "Traceback" not in done.stderr
    assert set(_scores(hvpdb, cli_password).values()) == {None}

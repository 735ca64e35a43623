"""R3 and R4 registers from the command line: they change the formal review of later applications."""

from __future__ import annotations

from hvp_desktop.store import decisions, queries
from hvp_desktop.store.engine import WorkingFile


def _check(path, password, key):
    with WorkingFile.open(path, password) as wf:
        row = queries.application_rows(wf)[0]
        return next(c for c in decisions.formal_review_of(wf, row.id) if c.key == key)


def test_R3_a_registered_centre_fails_the_same_enterprise(cli, hvpdb, workbook, row, cli_password):
    assert cli("import", hvpdb, workbook([row(1)])).returncode == 0
    code = row(1)["credit_code"]
    done = cli("recognised", hvpdb, code, "某某高价值专利培育中心", "--title", "cultivation", "--year", "2021")
    assert done.returncode == 0, done.stderr
    assert _check(hvpdb, cli_password, "R3.recognised").outcome.value == "fail"


def test_R4_a_recorded_ban_fails_an_application_inside_it(cli, hvpdb, workbook, row, cli_password):
    assert cli("import", hvpdb, workbook([row(1, applied_on="2025-04-01")])).returncode == 0
    code = row(1)["credit_code"]
    done = cli("ban", hvpdb, code, "--since", "2024-05-01", "--reason", "整改后考核仍不合格，取消称号")
    assert done.returncode == 0, done.stderr
    check = _check(hvpdb, cli_password, "R4.ban")
    assert check.outcome.value == "fail" and "2026-05-01" in check.reason


def test_bad_arguments_are_messages(cli, hvpdb):
    done = cli("ban", hvpdb, "91350100M000100Y40", "--since", "2024-05-01", "--reason", "x")
    assert done.returncode == 1 and "校验位" in done.stderr and "Traceback" not in done.stderr
    done = cli("ban", hvpdb, "91350100M000100Y43", "--since", "2024-13-01", "--reason", "x")
    assert done.returncode == 1 and "Traceback" not in done.stderr

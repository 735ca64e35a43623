"""Bounded input through the command line (issue 18): `import`, `rubric show`, `prelim` and `calendar`
refuse a hostile file with exit status 1 and the INPUT message in both languages — never a
traceback, never an "unexpected error"."""

from __future__ import annotations

import json

import pytest

from tests import hostile_workbooks as hostile

RUBRIC_ARGS = ("--kind", "recognition", "--title", "T", "--version", "2026.1")


def _refused(done, *words: str) -> None:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr + done.stdout and "unexpected error" not in done.stderr
    assert "INPUT" in done.stderr, done.stderr
    for word in words:
        assert word in done.stderr, (word, done.stderr)


@pytest.mark.parametrize("make", [hostile.far_cell, hostile.whitespace_bomb, hostile.billion_laughs],
                         ids=["cell_at_XFD1048576", "whitespace_1GB", "billion_laughs"])
def test_import_rubric_show_and_prelim_refuse_a_hostile_workbook(cli, hvpdb, tmp_path, make):
    xlsx = make(tmp_path / "hostile.xlsx")
    _refused(cli("import", hvpdb, xlsx), "hostile.xlsx", "applications workbook")
    _refused(cli("rubric", "show", xlsx, *RUBRIC_ARGS), "hostile.xlsx", "rubric table")
    _refused(cli("prelim", hvpdb, xlsx, "--round", "2025"), "hostile.xlsx", "preliminary scores workbook")


def test_import_json_reports_the_refusal(cli, hvpdb, tmp_path):
    done = cli("import", hvpdb, hostile.far_cell(tmp_path / "far.xlsx", "Z200000"), "--json")
    assert done.returncode == 1
    payload = json.loads(done.stdout)
    assert payload["ok"] is False and "200,000" in payload["error"] and "row 200,000" in payload["error"]


def test_calendar_refuses_year_9999_naming_the_line(cli, hvpdb, tmp_path):
    """`9999-12-31 班` ended in a traceback (the day after 9999-12-31 overflowed)."""
    path = tmp_path / "holidays.txt"
    path.write_text("2027-01-01~2027-01-03 休\n9999-12-31 班\n", encoding="utf-8")
    done = cli("calendar", hvpdb, path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "第2行" in done.stderr and "line 2" in done.stderr


def test_calendar_refuses_a_huge_file_before_reading_it(cli, hvpdb, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"2027-01-01 \xe4\xbc\x91\n" * 200_000)  # 3.2 MB
    done = cli("calendar", hvpdb, path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "huge.txt" in done.stderr and "1 MB" in done.stderr


def test_rubric_show_refuses_a_json_rubric_nested_100000_deep(cli, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"sections": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    _refused(cli("rubric", "show", path), "deep.json", "32 levels")

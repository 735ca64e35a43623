"""Fixtures of the command-line tests: the CLI in a subprocess, real working files and workbooks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from hvp_desktop.domain import credit_code
from hvp_desktop.reports.excel_import import KNOWN_HEADERS, normalise_header, write_template
from hvp_desktop.store.engine import WorkingFile

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CLI_PASSWORD = "cli-测试-password"
HEADER_ROW, FIRST_DATA_ROW = 2, 3  # the template: a title row, then the headers


class Cli:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path

    def __call__(
        self, *args: str, password: str | None = CLI_PASSWORD, new_password: str | None = None, timeout: float = 60
    ) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k not in ("HVP_PASSWORD", "HVP_NEW_PASSWORD")}
        if password is not None:
            env["HVP_PASSWORD"] = password
        if new_password is not None:
            env["HVP_NEW_PASSWORD"] = new_password
        return subprocess.run(
            [sys.executable, "-m", "hvp_desktop", *map(str, args)],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )


@pytest.fixture
def cli(tmp_path) -> Cli:
    return Cli(tmp_path)


@pytest.fixture(scope="session")
def _empty_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli-master") / "empty.hvpdb"
    WorkingFile.create(path, CLI_PASSWORD).close()
    return path


@pytest.fixture
def hvpdb(_empty_master, tmp_path) -> Path:
    """An empty working file under CLI_PASSWORD, closed (a copy of one made by WorkingFile.create)."""
    path = tmp_path / "secretary.hvpdb"
    shutil.copyfile(_empty_master, path)
    return path


def code_for(n: int) -> str:
    return credit_code.make(f"91440112{n:09d}")


def good_row(n: int, **fields: Any) -> dict[str, Any]:
    return {
        "year": 2025,
        "enterprise_name": f"广州命令行测试{n}有限公司",
        "credit_code": code_for(n),
        "registered_in_district": "是",
        "tax_in_district": "是",
        "stats_in_district": "是",
        "independent_legal_person": "是",
        "independent_accounting": "是",
        "good_credit": "否" if n % 2 else "是",
        "normal_operation": "是",
        "sound_financial_system": "是",
        "co1_name": "华南理工大学",
        "co1_kind": "高校",
        "ip_staff_count": 5,
        "ip_budget_yuan": 120,
        "valid_invention_patents": 30 + n,
        "pct_applications": 2,
        "contact_name": "王伟",
        "contact_phone": "020-82000000",
        **fields,
    }


def write_workbook(path: Path, rows: list[dict[str, Any]], extra: dict[str, list[Any]] | None = None) -> Path:
    """The shipped template, filled in: one dict of field id → value per row, from row 3."""
    write_template(path)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    columns = {}
    for cell in sheet[HEADER_ROW]:
        if cell.value is not None:
            columns[KNOWN_HEADERS[normalise_header(cell.value)]] = cell.column
    for offset, row in enumerate(rows):
        for field_id, value in row.items():
            sheet.cell(row=FIRST_DATA_ROW + offset, column=columns[field_id], value=value)
    next_column = sheet.max_column + 1
    for header, values in (extra or {}).items():
        sheet.cell(row=HEADER_ROW, column=next_column, value=header)
        for offset, value in enumerate(values):
            sheet.cell(row=FIRST_DATA_ROW + offset, column=next_column, value=value)
        next_column += 1
    book.save(path)
    return path


@pytest.fixture
def workbook(tmp_path) -> Callable[..., Path]:
    def make(
        rows: list[dict[str, Any]], extra: dict[str, list[Any]] | None = None, name: str = "applications.xlsx"
    ) -> Path:
        return write_workbook(tmp_path / name, rows, extra)

    return make


@pytest.fixture
def row() -> Callable[..., dict[str, Any]]:
    return good_row


@pytest.fixture
def cli_password() -> str:
    return CLI_PASSWORD

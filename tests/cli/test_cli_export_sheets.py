"""`hvp-desktop export-sheets`: one PDF per submitted score sheet of a round (issue 20).

Expectations come from the file itself (`reports.round_reports.submitted_sheets`), not from the demo's figures."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess

import pytest

from hvp_desktop.reports import round_reports as report_data
from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _smallest_round(demo_file) -> tuple[int, list]:
    """The demo round with the fewest submitted sheets (at least one): a quick export."""
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        rounds = [(r, report_data.submitted_sheets(wf, r)) for r, _title in queries.round_list(wf)]
    return min(((r, s) for r, s in rounds if s), key=lambda pair: len(pair[1]))


def test_export_sheets_writes_one_private_pdf_per_submitted_sheet(cli, demo_file, tmp_path):
    round_id, sheets = _smallest_round(demo_file)
    out = tmp_path / "sheets"
    out.mkdir()
    done = cli("export-sheets", demo_file, "--round", round_id, out, "--json", password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    files = sorted(out.iterdir())
    assert len(files) == len(sheets) == len(payload["files"])
    for sheet in sheets:
        name = f"{round_id}-{sheet.enterprise}-{sheet.expert}-r{sheet.revision}.pdf"
        assert (out / name).exists(), name
        assert sheet.enterprise in subprocess.run(["pdftotext", str(out / name), "-"], capture_output=True,
                                            text=True, check=True).stdout
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes().startswith(b"%PDF-")


def test_export_sheets_refuses_a_missing_folder_and_an_unknown_round(cli, demo_file, tmp_path):
    done = cli("export-sheets", demo_file, "--round", 1, tmp_path / "nowhere", password=DEMO_PASSWORD)
    assert done.returncode == 2
    assert "输出文件夹不存在" in done.stderr and "does not exist" in done.stderr
    assert "Traceback" not in done.stderr
    done = cli("export-sheets", demo_file, "--round", 999, tmp_path, password=DEMO_PASSWORD)
    assert done.returncode == 1
    assert "没有编号为999的轮次" in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_combined_export_is_one_print_copy_with_every_sheets_pages(cli, demo_file, tmp_path):
    round_id, sheets = _smallest_round(demo_file)
    single, combined = tmp_path / "single", tmp_path / "combined"
    single.mkdir()
    combined.mkdir()
    assert cli("export-sheets", demo_file, "--round", round_id, single, password=DEMO_PASSWORD).returncode == 0
    done = cli("export-sheets", demo_file, "--round", round_id, combined, "--combined", "--json",
               password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    [one] = list(combined.iterdir())
    assert json.loads(done.stdout)["files"] == [str(one.resolve())]

    def pages(path) -> int:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))

    assert pages(one) == sum(pages(p) for p in single.iterdir())
    text = subprocess.run(["pdftotext", str(one), "-"], capture_output=True, text=True, check=True).stdout
    assert all(sheet.enterprise in text and sheet.expert in text for sheet in sheets)
    assert stat.S_IMODE(one.stat().st_mode) == 0o600

"""`hvp-desktop export-sheets --sign` and `hvp-desktop verify` (issue 20), on the demo."""

from __future__ import annotations

import json
import shutil

import pytest

from hvp_desktop.reports import round_reports as report_data
from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")


def _smallest_round(demo_file) -> int:
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        rounds = [(r, report_data.submitted_sheets(wf, r)) for r, _title in queries.round_list(wf)]
    return min(((r, s) for r, s in rounds if s), key=lambda pair: len(pair[1]))[0]


@pytest.fixture
def signed(cli, demo_file, tmp_path):
    out = tmp_path / "signed"
    out.mkdir()
    done = cli("export-sheets", demo_file, "--round", _smallest_round(demo_file), out, "--sign", "--json",
               password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["signed"] and payload["files"]
    return sorted(out.iterdir())


def test_signed_sheets_verify_with_the_working_files_root_and_an_exported_root(cli, demo_file, signed, tmp_path):
    done = cli("verify", signed[0], "--file", demo_file, password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "通过 OK" in done.stdout and "内容完好 (intact): 是 yes" in done.stdout
    root = tmp_path / "root.pem"
    assert cli("ca", "export-root", demo_file, root, password=DEMO_PASSWORD).returncode == 0
    done = cli("verify", signed[-1], "--root", root, "--json", password=None)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and report["trusted"] and report["signer_is_sheet_expert"]
    assert report["signer_name"] in signed[-1].name


def test_a_changed_byte_is_refused_with_exit_1_and_no_traceback(cli, demo_file, signed):
    data = bytearray(signed[0].read_bytes())
    at = data.index(b"stream", len(data) // 4) + 20
    data[at] ^= 0x01
    signed[0].write_bytes(bytes(data))
    done = cli("verify", signed[0], "--file", demo_file, password=DEMO_PASSWORD)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "不通过 REFUSED" in done.stdout


def test_a_non_pdf_and_an_unsigned_pdf_are_named(cli, demo_file, tmp_path):
    text = tmp_path / "note.pdf"
    text.write_text("not a pdf")
    done = cli("verify", text, "--file", demo_file, password=DEMO_PASSWORD)
    assert done.returncode == 1 and "不是PDF文件" in done.stdout and "Traceback" not in done.stderr
    out = tmp_path / "plain"
    out.mkdir()
    assert cli("export-sheets", demo_file, "--round", _smallest_round(demo_file), out,
               password=DEMO_PASSWORD).returncode == 0
    done = cli("verify", next(out.iterdir()), "--file", demo_file, password=DEMO_PASSWORD)
    assert done.returncode == 1 and "没有数字签名" in done.stdout and "Traceback" not in done.stderr


def test_verify_needs_a_root(cli, tmp_path):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    done = cli("verify", pdf, password=None)
    assert done.returncode == 2 and "--root" in done.stderr and "Traceback" not in done.stderr


def test_a_pin_protected_key_needs_its_pin(cli, demo_file, tmp_path):
    round_id = _smallest_round(demo_file)
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        expert = report_data.submitted_sheets(wf, round_id)[0].expert
    pin = tmp_path / "pin.txt"
    pin.write_text("7391-pin-long\n")
    done = cli("ca", "pin", demo_file, "--expert", expert, "--new-pin-file", pin, password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stdout + done.stderr
    out = tmp_path / "sheets"
    out.mkdir()
    done = cli("export-sheets", demo_file, "--round", round_id, out, "--sign", password=DEMO_PASSWORD)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "PIN" in done.stderr, done.stderr
    done = cli("export-sheets", demo_file, "--round", round_id, out, "--sign", "--pin-file", pin,
               password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stdout + done.stderr

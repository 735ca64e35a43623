"""`audit-pack`, `audit-verify` and `export-assessment` on the command line (issue 20): the pack
is made from the working file and verified with no working file at all."""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
import zipfile

import pytest

from hvp_desktop.reports import round_reports as report_data
from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _round(demo_file, *, consolidated: bool) -> int:
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        rounds = [r for r, _t in queries.round_list(wf)
                  if report_data.result_report(wf, r).consolidated == consolidated and report_data.round_visits(wf, r)]
        return min(rounds, key=lambda r: len(report_data.submitted_sheets(wf, r)))


def test_audit_pack_then_audit_verify_with_no_working_file(cli, demo_file, tmp_path):
    round_id = _round(demo_file, consolidated=True)
    out = tmp_path / "pack.zip"
    done = cli("audit-pack", demo_file, "--round", round_id, out, "--json", password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert made["result_signed"] and made["sheets"] and stat.S_IMODE(out.stat().st_mode) == 0o600
    demo_file.unlink()  # the pack stands on its own
    done = cli("audit-verify", out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "通过 OK" in done.stdout and "按打分表重算排名一致 (ranking computed again agrees): 是 yes" in done.stdout
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            body = src.read(name)
            if name.startswith("sheets/") and name.endswith(".json"):  # every score's first digit changed
                body = re.sub(rb'"score":"(\d)', lambda m: b'"score":"' + (b"1" if m[1] == b"0" else b"0"), body)
            dst.writestr(name, body)
    done = cli("audit-verify", tampered, "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert not report["ok"] and report["problems"] and "Traceback" not in done.stderr
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really")
    done = cli("audit-verify", junk)
    assert done.returncode == 1 and "无法读取审计包" in done.stderr and "Traceback" not in done.stderr


def test_export_assessment_writes_one_report_per_visit(cli, demo_file, tmp_path):
    round_id = _round(demo_file, consolidated=True)
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        visits = report_data.round_visits(wf, round_id)
    done = cli("export-assessment", demo_file, "--round", round_id, tmp_path, "--json", password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    files = json.loads(done.stdout)["files"]
    assert len(files) == len(visits) == len(list(tmp_path.glob("*.pdf")))
    text = subprocess.run(["pdftotext", files[0], "-"], capture_output=True, text=True, check=True).stdout
    assert visits[0].enterprise in text.replace(" ", "").replace("\n", "") or visits[0].enterprise[:6] in text

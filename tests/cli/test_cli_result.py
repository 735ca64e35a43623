"""`export-result`, `countersign` and `verify` on the consolidated result (issue 20), as a
secretary runs them: the chair signs, each member counter-signs, anyone verifies offline."""

from __future__ import annotations

import json
import shutil
import stat

import pytest

from hvp_desktop.reports import round_reports as report_data
from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")


def _rounds(demo_file):
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        return [report_data.result_report(wf, r) for r, _t in queries.round_list(wf)]


def test_the_chair_signs_the_members_counter_sign_and_verify_names_them_all(cli, demo_file, tmp_path):
    data = next(d for d in _rounds(demo_file) if d.consolidated)
    out = tmp_path / "result.pdf"
    done = cli("export-result", demo_file, "--round", data.round_id, out, "--sign", "--json", password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["signed"] and payload["chair"] == data.chair.name
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    root = tmp_path / "root.pem"
    assert cli("ca", "export-root", demo_file, root, password=DEMO_PASSWORD).returncode == 0
    verified = json.loads(cli("verify", out, "--root", root, "--json").stdout)
    assert verified["ok"] and len(verified["signatures"]) == 1 and len(verified["unsigned_seats"]) == len(data.panel) - 1
    members = [p.name for p in data.panel if p.role == "member"]
    for name in members:
        done = cli("countersign", demo_file, out, "--expert", name, password=DEMO_PASSWORD)
        assert done.returncode == 0, done.stderr
    done = cli("verify", out, "--root", root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert all(name in done.stdout for name in [data.chair.name, *members])
    again = cli("countersign", demo_file, out, "--expert", members[0], password=DEMO_PASSWORD)
    assert again.returncode == 1 and "已会签" in again.stderr and "Traceback" not in again.stderr


def test_an_unconsolidated_round_exports_a_preview_but_is_not_signed(cli, demo_file, tmp_path):
    data = next(d for d in _rounds(demo_file) if not d.consolidated and d.rows)
    out = tmp_path / "preview.pdf"
    done = cli("export-result", demo_file, "--round", data.round_id, out, password=DEMO_PASSWORD)
    assert done.returncode == 0 and out.exists(), done.stderr
    refused = cli("export-result", demo_file, "--round", data.round_id, tmp_path / "signed.pdf", "--sign",
                  password=DEMO_PASSWORD)
    assert refused.returncode == 1 and "尚未汇总锁定" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "signed.pdf").exists()
    bad = cli("export-result", demo_file, "--round", data.round_id, tmp_path / "x.txt", password=DEMO_PASSWORD)
    assert bad.returncode == 2 and ".pdf" in bad.stderr

"""`hvp-desktop demo FILE --exports DIR` (issue 20 §8): the demo's signed output beside it, every
PDF verifying against the root written with it, the audit pack verifying offline, and a sheet keyed
from paper never carrying its expert's digital signature."""

from __future__ import annotations

import json
import shutil

import pytest

from hvp_desktop.reports.audit_pack import verify_audit_pack
from hvp_desktop.reports.pdf_sign import verify_pdf
from hvp_desktop.store import certificates as certs
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")


def test_the_demo_writes_signed_examples_that_verify(cli, _demo_master, tmp_path):
    out = tmp_path / "signed"
    done = cli("demo", tmp_path / "demo.hvpdb", "--copy-of", _demo_master, "--exports", out, "--json",
               password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["exports"]) >= 8
    roots = certs.load_chain((out / "专家组根证书.pem").read_text())
    results = sorted(out.glob("汇总评审结果-*.pdf"))
    assert len(results) == 2
    for path in results:
        verdict = verify_pdf(path.read_bytes(), roots)
        assert verdict.ok and len(verdict.signatures) >= 4 and not verdict.unsigned_seats, verdict.message_en
    sheets = sorted((out / "专家打分表").glob("*.pdf"))
    verdicts = [verify_pdf(p.read_bytes(), roots) for p in sheets]
    assert len(sheets) >= 3 and sum(v.ok for v in verdicts) >= 3
    unsigned = [v for v in verdicts if not v.signed]  # the demo's paper sheet is among them
    assert all(v.message_en == "The PDF carries no digital signature." for v in unsigned)
    assert all(v.ok for v in verdicts if v.signed)
    [report] = out.glob("现场核查报告-*.pdf")
    assert report.read_bytes().startswith(b"%PDF-")
    [pack] = out.glob("审计包-*.zip")
    checked = verify_audit_pack(pack)
    assert checked.ok and checked.ranking_recomputed, checked.problems


def test_the_demo_has_an_expert_laptop_and_a_return_waiting_to_be_merged(cli, _demo_master, tmp_path):
    """Issue 21: the expert package handed over, the expert's laptop file opened from it, and their
    return package in the chair's inbox; merging it takes the sheet they scored on the laptop."""
    from hvp_desktop.demo_exchange import DEMO_PASSPHRASE
    from hvp_desktop.exchange import packages
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.expert_file import expert_of

    demo = tmp_path / "demo.hvpdb"
    out = tmp_path / "signed"
    done = cli("demo", demo, "--copy-of", _demo_master, "--exports", out, password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    [handed] = (out / "专家数据包").glob("*.hvpkg")
    assert packages.open_expert_package(handed.read_bytes(), DEMO_PASSPHRASE).expert_name
    [laptop] = (out / "专家笔记本").glob("*.hvpdb")
    with WorkingFile.open(laptop, DEMO_PASSWORD) as mine:
        assert expert_of(mine) is not None
    [waiting] = (out / "待合并").glob("*.hvpkg")
    merged = cli("merge", demo, waiting, "--json", password=DEMO_PASSWORD)
    assert merged.returncode == 0, merged.stderr
    totals = json.loads(merged.stdout)["totals"]
    assert totals["merged"] == 1 and totals["refused"] == 0

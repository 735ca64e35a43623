"""The objection audit pack (issue 20 §7): written from the demo's smallest consolidated round,
verified with no working file, and every kind of tampering named — a score edited in a signed
sheet, a sheet left out, the result's data changed, a file flipped or added, an event edited, the
round's settings changed, an unknown format version, a file that is not a zip."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from hvp_desktop.reports import round_reports as report_data
from hvp_desktop.reports.audit_pack import PackError, sha256, verify_audit_pack
from hvp_desktop.reports.audit_pack_writer import write_audit_pack
from hvp_desktop.scoring import round_codec
from hvp_desktop.scoring.review import review
from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ranking import round_data
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def pack(_demo_master, tmp_path_factory) -> Path:
    """The pack of the demo's consolidated round with the fewest sheets."""
    folder = tmp_path_factory.mktemp("audit-pack")
    demo = folder / "demo.hvpdb"
    shutil.copy2(_demo_master, demo)
    with WorkingFile.open(demo, DEMO_PASSWORD) as wf:
        rounds = [(r, report_data.result_report(wf, r)) for r, _t in queries.round_list(wf)]
        round_id = min((r for r, d in rounds if d.consolidated),
                       key=lambda r: len(report_data.submitted_sheets(wf, r)))
        summary = write_audit_pack(wf, round_id, folder / "pack.zip")
    assert summary.sheets and summary.result_signed and not summary.cancelled
    return folder / "pack.zip"


def _rewrite(pack: Path, out: Path, change, *, relist: bool = True) -> Path:
    """A copy of the pack with `change(members)` applied; the manifest's hashes follow the change
    when `relist` (a forger who rewrites the manifest too)."""
    with zipfile.ZipFile(pack) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    change(members)
    if relist:
        manifest = json.loads(members["manifest.json"])
        manifest["files"] = {n: sha256(b) for n, b in members.items() if n != "manifest.json"}
        members["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return out


def _problems(report) -> str:
    return "\n".join(zh for zh, _en in report.problems)


def test_an_untouched_pack_verifies_and_the_ranking_is_computed_again(pack):
    report = verify_audit_pack(pack)
    assert report.ok, _problems(report)
    assert report.ranking_recomputed and report.result_signed_by and report.events_verified
    assert report.sheets_verified + report.sheets_unsigned == len(json.loads(
        zipfile.ZipFile(pack).read("manifest.json"))["sheets"])
    assert report.pdfs_verified > 0


def _first_signed_sheet(members) -> str:
    manifest = json.loads(members["manifest.json"])
    return next(e["content"] for e in manifest["sheets"] if e["signature"])


def test_a_score_edited_in_a_signed_sheet_is_named(pack, tmp_path):
    def edit(members):
        name = _first_signed_sheet(members)
        content = json.loads(members[name])
        code = next(c for c, e in content["entries"].items() if e["score"] is not None)
        content["entries"][code]["score"] = "0"
        members[name] = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

    report = verify_audit_pack(_rewrite(pack, tmp_path / "edited.zip", edit))
    assert not report.ok and "签名与内容不符" in _problems(report)


def test_a_sheet_left_out_shows_in_the_recomputed_ranking(pack, tmp_path):
    def drop(members):
        manifest = json.loads(members["manifest.json"])
        entry = next(e for e in manifest["sheets"] if e["signature"])
        manifest["sheets"] = [e for e in manifest["sheets"]
                              if (e["application"], e["expert"]) != (entry["application"], entry["expert"])]
        for key in ("content", "signature", "pdf"):
            if entry.get(key):
                members.pop(entry[key], None)
        members["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()

    report = verify_audit_pack(_rewrite(pack, tmp_path / "dropped.zip", drop))
    assert not report.ok and not report.ranking_recomputed
    assert "按打分表重算为" in _problems(report)


def test_the_results_data_changed_is_not_what_the_chair_signed(pack, tmp_path):
    def edit(members):
        result = json.loads(members["result.json"])
        result["rows"][0]["score"] = "99.99"
        members["result.json"] = json.dumps(result, ensure_ascii=False).encode()

    problems = _problems(verify_audit_pack(_rewrite(pack, tmp_path / "result.zip", edit)))
    assert "result.json与组长签署的汇总结果PDF不符" in problems and "汇总得分为99.99" in problems


def test_a_flipped_byte_and_an_extra_file_are_named(pack, tmp_path):
    def flip(members):
        body = bytearray(members["rubric.json"])
        body[10] ^= 0x01
        members["rubric.json"] = bytes(body)
        members["extra.txt"] = b"added later"

    problems = _problems(verify_audit_pack(_rewrite(pack, tmp_path / "flipped.zip", flip, relist=False)))
    assert "文件已被改动（SHA-256与清单不符）：rubric.json" in problems and "清单之外的文件：extra.txt" in problems


def test_an_edited_audit_event_and_changed_round_settings_are_named(pack, tmp_path):
    def edit(members):
        lines = members["events.jsonl"].decode().splitlines()
        event = json.loads(lines[0])
        event["actor"] = "someone else"
        lines[0] = json.dumps(event, ensure_ascii=False)
        members["events.jsonl"] = ("\n".join(lines) + "\n").encode()
        plain = json.loads(members["round.json"])
        plain["review"]["settings"]["method"] = "median" if plain["review"]["settings"]["method"] != "median" else "mean"
        members["round.json"] = json.dumps(plain, ensure_ascii=False).encode()

    problems = _problems(verify_audit_pack(_rewrite(pack, tmp_path / "events.zip", edit)))
    assert "的哈希不符：事件已被改动" in problems
    assert "汇总结果的method为" in problems


def test_an_unknown_version_and_a_file_that_is_no_zip_get_messages(pack, tmp_path):
    def newer(members):
        manifest = json.loads(members["manifest.json"])
        manifest["version"] = 2
        members["manifest.json"] = json.dumps(manifest).encode()

    with pytest.raises(PackError) as refused:
        verify_audit_pack(_rewrite(pack, tmp_path / "v2.zip", newer, relist=False))
    assert "不受支持" in refused.value.zh and "newer hvp-desktop" in refused.value.en
    junk = tmp_path / "junk.zip"
    junk.write_bytes(pack.read_bytes()[: len(pack.read_bytes()) // 2])
    with pytest.raises(PackError):
        verify_audit_pack(junk)


def test_round_data_travels_as_plain_json_and_ranks_the_same(demo_wf):
    for round_id, _title in queries.round_list(demo_wf):
        with demo_wf.session() as s:
            data = round_data(s, round_id)
        plain = json.loads(json.dumps(round_codec.to_plain(data)))
        again = round_codec.from_plain(plain, data.rubric, data.points)
        assert again == data
        assert review(again).analysis == review(data).analysis


def test_a_forged_unsigned_result_and_a_removed_signature_are_named(pack, tmp_path):
    """The review's forgeries: no key needed, each must be named (issue 20 review, P8/P2/P10)."""
    def unsign_result(members):
        members["result.pdf"] = b"%PDF-1.7\n%%EOF\n"  # unreadable, or an unsigned copy: neither vouches

    assert "result.pdf" in _problems(verify_audit_pack(_rewrite(pack, tmp_path / "r.zip", unsign_result)))

    def strip_signature(members):
        manifest = json.loads(members["manifest.json"])
        entry = next(e for e in manifest["sheets"] if e["signature"])
        members.pop(entry["signature"])
        entry["signature"] = entry["signed_by"] = None
        members["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()

    problems = _problems(verify_audit_pack(_rewrite(pack, tmp_path / "s.zip", strip_signature)))
    assert "签名被移除" in problems


def test_swapped_sheet_pdfs_duplicate_members_and_another_root_are_named(pack, tmp_path):
    def swap(members):
        manifest = json.loads(members["manifest.json"])
        with_pdf = [e for e in manifest["sheets"] if e["pdf"] and e["signature"]]
        with_pdf[0]["pdf"], with_pdf[1]["pdf"] = with_pdf[1]["pdf"], with_pdf[0]["pdf"]
        members["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()

    assert "PDF所载的打分表与清单中该条目" in _problems(verify_audit_pack(_rewrite(pack, tmp_path / "w.zip", swap)))
    doubled = tmp_path / "dup.zip"
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(doubled, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        with pytest.warns(UserWarning, match="Duplicate name"):
            dst.writestr("result.pdf", b"%PDF-1.7 forged")
    with pytest.raises(PackError) as refused:
        verify_audit_pack(doubled)
    assert "重名" in refused.value.zh
    report = verify_audit_pack(pack)
    assert not report.root_pinned and any("未指定专家组根证书指纹" in zh for zh, _en in report.notes)
    assert verify_audit_pack(pack, report.root_fingerprint).ok
    assert "不是指定的专家组根证书" in _problems(verify_audit_pack(pack, "0123 4567 89AB CDEF"))

"""The merge's rules that the whole-panel test does not reach (issue 21 §3): a sheet for an
application the chair's file does not know is reported, not dropped; a sheet for a consolidated
round is refused with the reason; the rest of the package still goes in."""

from __future__ import annotations

import json
import uuid
from datetime import date

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.exchange import packages, sealed
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import packages as store_packages
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.expert_file import expert_of
from hvp_desktop.store.ops import ranking as ranking_ops
from tests.unit.exchange.panel import EXPERT_PASSWORD, correct, my_apps, score, unpack_all


def _scored_by_all(panel_files, tmp_path) -> tuple[dict[int, bytes], dict[int, object]]:
    """Every expert scores every application alike (no flag, no tie) and returns."""
    with panel_files.open() as chair:
        prepared = packages.prepare_round(chair, panel_files.round_id, tmp_path / "usb")
    files = unpack_all(prepared, tmp_path / "laptops")
    returns = {}
    for expert, path in files.items():
        with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
            for uuid_, app in sorted(my_apps(mine).items()):
                n = panel_files.apps.index(_local(panel_files, uuid_))
                score(mine, app, panel_files.label, (24 + 3 * n, 10 + n, 20, 6 + n // 2))
            returns[expert] = packages.build_return(mine)[0]
    return returns, files


def _local(panel_files, app_uuid: str) -> int:
    from sqlalchemy import select

    from hvp_desktop.store.models import Application

    with panel_files.open() as chair, chair.session() as s:
        return s.scalar(select(Application.id).where(Application.uuid == app_uuid))


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_sheet_for_an_unknown_application_is_reported_and_the_rest_merged(panel_files, tmp_path):
    returns, files = _scored_by_all(panel_files, tmp_path)
    expert, data = sorted(returns.items())[0]
    with panel_files.open() as chair, WorkingFile.open(files[expert], EXPERT_PASSWORD) as mine:
        opened = sealed.open_with_panel_key(sealed.read(data), *store_packages.exchange_key(chair))
        payload = json.loads(opened.payload)
        stranger = str(uuid.uuid4())  # an application imported on another laptop since
        payload["snapshot"]["tables"]["score_sheets"][0]["application_id"] = stranger
        key, cert, chain = certs.signing_identity(mine, expert_of(mine))
        header = {"kind": "return", "package": str(uuid.uuid4()), "created": "2026-11-30T08:00:00+00:00",
                  "panel": certs.root_fingerprint(chair), "app": "test"}
        forged = sealed.seal_to_panel(header, sealed.canonical(payload), sealed.Sender(key, cert, chain),
                                      store_packages.exchange_key(chair)[1])
        summary = packages.merge(chair, [_write(tmp_path, "x.hvpkg", forged)]).results[0].summary
    assert summary.status == "merged" and len(summary.merged) == 5
    assert summary.unknown == [{"kind": "sheet", "record": payload["snapshot"]["tables"]["score_sheets"][0]["uuid"],
                                "application": stranger, "revision": 1}]


def test_a_correction_after_consolidation_is_refused_with_the_reason(panel_files, tmp_path):
    returns, files = _scored_by_all(panel_files, tmp_path)
    with panel_files.open() as chair:
        report = packages.merge(chair, [_write(tmp_path, f"r{e}.hvpkg", d) for e, d in returns.items()])
        assert report.totals()["merged"] == 30
        ranking_ops.consolidate(chair, panel_files.round_id, date(2025, 7, 1))
    expert = sorted(files)[2]
    with WorkingFile.open(files[expert], EXPERT_PASSWORD) as mine:
        correct(mine, next(iter(my_apps(mine).values())), (40, 20, 30, 10), "会后发现计算错误")
        later = packages.build_return(mine)[0]
    with panel_files.open() as chair:
        summary = packages.merge(chair, [_write(tmp_path, "later.hvpkg", later)]).results[0].summary
    assert summary.unchanged == 6 and not summary.superseded
    [refused] = summary.refused
    assert "consolidated on 2025-07-01" in refused["en"] and "确认汇总" in refused["zh"]


def _reseal(chair, mine, payload) -> bytes:
    key, cert, chain = certs.signing_identity(mine, expert_of(mine))
    header = {"kind": "return", "package": str(uuid.uuid4()), "created": "2026-11-30T08:00:00+00:00",
              "panel": certs.root_fingerprint(chair), "app": "test"}
    return sealed.seal_to_panel(header, sealed.canonical(payload), sealed.Sender(key, cert, chain),
                                store_packages.exchange_key(chair)[1])


def test_a_record_under_another_experts_identity_refuses_the_package_whole(panel_files, tmp_path):
    """An expert's file edited with its password: a sheet carrying the UUID of another expert's
    sheet already merged would shadow it. Refused whole, named, and not a byte written."""
    import hashlib

    returns, files = _scored_by_all(panel_files, tmp_path)
    (a, a_data), (_b, b_data) = sorted(returns.items())[:2]
    with panel_files.open() as chair:
        packages.merge(chair, [_write(tmp_path, "b.hvpkg", b_data)])
        theirs = json.loads(sealed.open_with_panel_key(sealed.read(b_data), *store_packages.exchange_key(chair)).payload)
        payload = json.loads(sealed.open_with_panel_key(sealed.read(a_data), *store_packages.exchange_key(chair)).payload)
    victim = theirs["snapshot"]["tables"]["score_sheets"][0]
    mine_sheet = next(r for r in payload["snapshot"]["tables"]["score_sheets"]
                      if r["application_id"] == victim["application_id"])
    for entry in payload["snapshot"]["tables"]["score_entries"]:
        if entry["sheet_id"] == mine_sheet["uuid"]:
            entry["sheet_id"] = victim["uuid"]
    mine_sheet["uuid"] = victim["uuid"]
    before = hashlib.sha256(panel_files.master.read_bytes()).hexdigest()
    with panel_files.open() as chair, WorkingFile.open(files[a], EXPERT_PASSWORD) as mine:
        result = packages.merge(chair, [_write(tmp_path, "a.hvpkg", _reseal(chair, mine, payload))]).results[0]
    assert result.summary is None and "identity of another expert's record" in result.refused[1]
    assert hashlib.sha256(panel_files.master.read_bytes()).hexdigest() == before


def test_a_consolidated_round_gets_no_packages(panel_files, tmp_path):
    returns, _files = _scored_by_all(panel_files, tmp_path)
    with panel_files.open() as chair:
        packages.merge(chair, [_write(tmp_path, f"r{e}.hvpkg", d) for e, d in returns.items()])
        ranking_ops.consolidate(chair, panel_files.round_id, date(2025, 7, 1))
        try:
            packages.prepare_round(chair, panel_files.round_id, tmp_path / "again")
        except RuleViolation as refused:
            assert refused.rule == "R16" and "consolidated on 2025-07-01" in refused.en
        else:
            raise AssertionError("a consolidated round was packed")
    assert not (tmp_path / "again").exists()

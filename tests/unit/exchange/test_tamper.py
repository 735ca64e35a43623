"""Issue 21's second bar: a package that was damaged, cut short, re-signed by another expert, replayed,
meant for another panel or written by a newer version is refused (or is a no-op) with a clear
message, and the chair's file keeps every byte."""

from __future__ import annotations

import hashlib
import json
import struct

import pytest

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.exchange import packages, sealed
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import packages as store_packages
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.expert_file import expert_of
from tests.unit.exchange.panel import EXPERT_PASSWORD, correct, my_apps, score, unpack_all


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def scored(panel_files, tmp_path):
    """Two experts have scored everything and returned: (panel, {expert: return bytes}, expert files)."""
    with panel_files.open() as chair:
        prepared = packages.prepare_round(chair, panel_files.round_id, tmp_path / "usb")
    files = unpack_all(prepared[:2], tmp_path / "laptops")
    returns = {}
    for expert, path in files.items():
        with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
            for i, app in enumerate(my_apps(mine).values()):
                score(mine, app, panel_files.label, (30 + i, 15, 20, 8))
            returns[expert] = packages.build_return(mine)[0]
    return panel_files, returns, files, prepared


def _merge_refused(chair: WorkingFile, tmp_path, data: bytes, name: str) -> tuple[str, str]:
    path = tmp_path / name
    path.write_bytes(data)
    result = packages.merge(chair, [path]).results[0]
    assert result.summary is None, f"{name} was not refused"
    return result.refused


def test_every_damaged_byte_and_every_cut_is_refused_and_the_file_is_untouched(scored, tmp_path):
    panel, returns, _files, _ = scored
    data = next(iter(returns.values()))
    header_end = len(sealed.MAGIC) + 6 + struct.unpack(">I", data[len(sealed.MAGIC) + 2:len(sealed.MAGIC) + 6])[0]
    # every byte of the plain header, and 300 spread over the encrypted part, its first and last
    positions = sorted({*range(header_end + 16), *range(header_end, len(data), max(1, len(data) // 300)),
                        len(data) - 1})
    before = _digest(panel.master)
    messages = set()
    with panel.open() as chair:
        for pos in positions:
            damaged = bytearray(data)
            damaged[pos] ^= 0x01
            with pytest.raises(RuleViolation) as refused:
                packages.open_return(chair, bytes(damaged))
            messages.add(refused.value.en)
        for cut in (0, 5, len(sealed.MAGIC) + 3, header_end - 1, header_end + 10, len(data) // 2, len(data) - 1):
            zh, en = _merge_refused(chair, tmp_path, data[:cut], f"cut-{cut}.hvpkg")
            assert "truncated" in en or "incomplete" in en or "damaged" in en or "not an hvp-desktop" in en, en
    assert _digest(panel.master) == before
    assert all("Traceback" not in m and m.endswith(".") for m in messages)
    assert any("damaged or was altered" in m for m in messages)


def test_a_package_of_a_newer_format_is_refused_by_name(scored, tmp_path):
    panel, returns, _files, _ = scored
    data = bytearray(next(iter(returns.values())))
    data[len(sealed.MAGIC):len(sealed.MAGIC) + 2] = struct.pack(">H", sealed.FORMAT + 1)
    before = _digest(panel.master)
    with panel.open() as chair:
        zh, en = _merge_refused(chair, tmp_path, bytes(data), "newer.hvpkg")
    assert f"format version {sealed.FORMAT + 1}" in en and "update hvp-desktop" in en and "请升级" in zh
    assert _digest(panel.master) == before


def _payload(chair: WorkingFile, data: bytes) -> dict:
    opened = sealed.open_with_panel_key(sealed.read(data), *store_packages.exchange_key(chair))
    return json.loads(opened.payload)


def _reseal(chair: WorkingFile, payload: dict, signer_wf: WorkingFile, expert_id: int, *, panel: str | None = None,
            key: str | None = None) -> bytes:
    signing_key, cert, chain = certs.signing_identity(signer_wf, expert_id)
    header = {"kind": "return", "package": "00000000-0000-4000-8000-000000000000", "created": "2026-11-30T00:00:00",
              "panel": panel or certs.root_fingerprint(chair), "app": "test"}
    return sealed.seal_to_panel(header, sealed.canonical(payload), sealed.Sender(signing_key, cert, chain),
                                key or store_packages.exchange_key(chair)[1])


def test_another_experts_work_re_signed_is_refused_whole(scored, tmp_path):
    panel, returns, files, _ = scored
    (_a, a_data), (b, _b_data) = sorted(returns.items())
    before = _digest(panel.master)
    with panel.open() as chair, WorkingFile.open(files[b], EXPERT_PASSWORD) as b_file:
        b_id = expert_of(b_file)
        stolen = _payload(chair, a_data)
        # B signs A's work as it is: the signer is not the expert the package names
        zh, en = _merge_refused(chair, tmp_path, _reseal(chair, stolen, b_file, b_id), "as-is.hvpkg")
        assert "signed by another expert" in en and "另一位专家签名" in zh
        # B also names themself as the sender: A's sheets in B's package refuse it whole
        b_uuid = b_file.meta_value("expert_of_this_file")
        renamed = dict(stolen, expert=b_uuid, snapshot=dict(stolen["snapshot"], owner=b_uuid))
        zh, en = _merge_refused(chair, tmp_path, _reseal(chair, renamed, b_file, b_id), "renamed.hvpkg")
        assert "whole package is refused" in en and "another expert's score sheet" in en
    assert _digest(panel.master) == before


def test_a_package_for_another_panel_is_refused(scored, tmp_path):
    panel, returns, files, _ = scored
    a, a_data = sorted(returns.items())[0]
    before = _digest(panel.master)

    with panel.open() as chair, WorkingFile.open(files[a], EXPERT_PASSWORD) as a_file:
        payload = _payload(chair, a_data)
        zh, en = _merge_refused(chair, tmp_path, _reseal(chair, payload, a_file, expert_of(a_file), panel="AB" * 32),
                                "other-root.hvpkg")
        assert "for another panel" in en
        other_key = store_packages.new_exchange_key()[1]
        zh, en = _merge_refused(chair, tmp_path, _reseal(chair, payload, a_file, expert_of(a_file), key=other_key),
                                "other-key.hvpkg")
        assert "encrypted to another panel" in en
    assert _digest(panel.master) == before


def test_a_replayed_older_package_is_a_no_op_and_a_rewritten_file_is_refused(scored, tmp_path):
    panel, returns, files, _ = scored
    a, first = sorted(returns.items())[0]
    first_path = tmp_path / "first.hvpkg"
    first_path.write_bytes(first)
    with panel.open() as chair:
        packages.merge(chair, [first_path])
    with WorkingFile.open(files[a], EXPERT_PASSWORD) as mine:
        correct(mine, next(iter(my_apps(mine).values())), (40, 20, 30, 10))
        second = tmp_path / "second.hvpkg"
        second.write_bytes(packages.build_return(mine)[0])
    with panel.open() as chair:
        assert packages.merge(chair, [second]).results[0].summary.superseded
    before = _digest(panel.master)
    with panel.open() as chair, WorkingFile.open(files[a], EXPERT_PASSWORD) as mine:
        replay = packages.merge(chair, [first_path]).results[0]
        assert replay.summary.status == "older" and not replay.summary.changed()
        # the expert's file edited outside the app and its chain re-hashed: the head the chair
        # merged last is no longer in it, and the package is refused whole
        payload = _payload(chair, second.read_bytes())
        merged_seq = store_packages.receipts(chair)[0]["head_seq"]
        chain = [[s, "f" * 64 if s >= merged_seq - 2 else h] for s, h in payload["chain"]]
        chain.append([merged_seq + 1, "e" * 64])
        forged = _reseal(chair, dict(payload, chain=chain, head=f"{merged_seq + 1}:{'e' * 64}"), mine, expert_of(mine))
        zh, en = _merge_refused(chair, tmp_path, forged, "rewritten.hvpkg")
        assert "was rewritten" in en and f"event {merged_seq}" in en
    assert _digest(panel.master) == before


def test_a_damaged_expert_package_or_a_wrong_passphrase_leaves_no_file(scored, tmp_path):
    _panel, _returns, _files, prepared = scored
    package = prepared[2]
    data = package.path.read_bytes()
    target = tmp_path / "laptop" / "mine.hvpdb"
    target.parent.mkdir()
    wrong = "ABCD-EFGH-JKMN-PQRS-TUVW"
    with pytest.raises(RuleViolation) as refused:
        packages.unpack(data, wrong, target, EXPERT_PASSWORD)
    assert "Wrong passphrase" in refused.value.en
    damaged = bytearray(data)
    damaged[len(damaged) // 2] ^= 0x80
    with pytest.raises(RuleViolation) as refused:
        packages.unpack(bytes(damaged), package.passphrase, target, EXPERT_PASSWORD)
    assert "damaged or was altered" in refused.value.en
    with pytest.raises(RuleViolation) as refused:
        packages.unpack(data, "O0O0-1111", target, EXPERT_PASSWORD)
    assert "hand-over slip" in refused.value.en
    assert list(target.parent.iterdir()) == []
    # typed in lower case with spaces, it opens
    typed = package.passphrase.lower().replace("-", " ")
    assert packages.unpack(data, typed, target, EXPERT_PASSWORD)["created"]

"""The sealed container (exchange/sealed.py) and the record codec, on their own: round trips, the
passphrase as people type it, and the limits a crafted header or payload meets."""

from __future__ import annotations

import json
import struct
from datetime import datetime
from decimal import Decimal

import pytest

from hvp_desktop.exchange import codec, sealed
from hvp_desktop.store import certificates as certs
from hvp_desktop.store.copies import Snapshot
from hvp_desktop.store.packages import new_exchange_key


@pytest.fixture(scope="module")
def sender():
    key, cert = certs.make_root(2026)
    return sealed.Sender(key, cert, [])


def _refused(call, *args) -> str:
    with pytest.raises(sealed.PackageRefused) as refused:
        call(*args)
    return refused.value.en


def _header(kind="return"):
    return {"kind": kind, "package": "p-1", "created": "2026-11-30T00:00:00+00:00", "panel": "F" * 64}


def test_a_return_opens_with_the_panel_key_only(sender):
    private, public = new_exchange_key()
    data = sealed.seal_to_panel(_header(), b'{"x": 1}', sender, public)
    opened = sealed.open_with_panel_key(sealed.read(data), private, public)
    assert opened.payload == b'{"x": 1}' and certs.fingerprint(opened.signer) == certs.fingerprint(sender.certificate)
    other_private, other_public = new_exchange_key()
    assert "another panel" in _refused(sealed.open_with_panel_key, sealed.read(data), other_private, other_public)
    assert b'{"x": 1}' not in data  # compressed and encrypted: nothing of the payload in the clear


def test_the_passphrase_is_typed_as_people_type_it(sender):
    phrase = sealed.new_passphrase()
    assert len(phrase) == 24 and phrase.count("-") == 4
    assert not set(phrase.replace("-", "")) & set("01OIL")
    data = sealed.seal_with_passphrase(_header("expert"), b"payload", sender, phrase)
    for typed in (phrase.lower(), phrase.replace("-", " "), f"  {phrase.replace('-', '')}\n", phrase.replace("-", "—")):
        assert sealed.open_with_passphrase(sealed.read(data), typed).payload == b"payload"
    assert "hand-over slip" in _refused(sealed.open_with_passphrase, sealed.read(data), phrase[:-1])


def _recraft(data: bytes, change) -> bytes:
    """The package with its plain header changed (and its length field fixed)."""
    start = len(sealed.MAGIC) + 6
    (length,) = struct.unpack(">I", data[len(sealed.MAGIC) + 2:start])
    header = json.loads(data[start:start + length])
    change(header)
    raw = sealed.canonical(header)
    return data[:len(sealed.MAGIC) + 2] + struct.pack(">I", len(raw)) + raw + data[start + length:]


def test_a_crafted_key_derivation_is_refused_before_it_runs(sender):
    data = sealed.seal_with_passphrase(_header("expert"), b"payload", sender, sealed.new_passphrase())

    def greedy(header):
        header["key"]["memory_kib"] = 64 * 1024 * 1024  # 64 GiB

    assert "malformed" in _refused(sealed.open_with_passphrase, sealed.read(_recraft(data, greedy)),
                                   sealed.new_passphrase())


def test_a_decompression_bomb_stops_at_the_limit(sender, monkeypatch):
    monkeypatch.setattr(sealed, "MAX_PLAIN", 1024 * 1024)
    private, public = new_exchange_key()
    data = sealed.seal_to_panel(_header(), b"\0" * (4 * 1024 * 1024), sender, public)  # 4 MiB of zeros
    assert len(data) < 16 * 1024  # a few KiB on the stick …
    assert "compression" in _refused(sealed.open_with_panel_key, sealed.read(data), private, public)  # … stopped


def test_records_round_trip_and_a_wrong_type_is_refused():
    row = {"uuid": "u-1", "application_id": "a-1", "expert_id": "e-1", "revision": 2, "status": "submitted",
           "rubric_version": "2025.1", "transcribed_from_paper": False, "correction_reason": None,
           "created_at": datetime(2026, 11, 30, 9, 0, 1), "submitted_at": None, "statement_confirmed_at": None,
           "signature_strokes": None, "signature_png": b"\x89PNG", "content_signature": None, "signed_by": None,
           "signed_content_v": None}
    entry = {"uuid": "x-1", "sheet_id": "u-1", "criterion_code": "A1", "points": Decimal("12.5"), "comment": ""}
    snap = Snapshot({"score_sheets": [row], "score_entries": [entry]}, "e-1", "dev", {}, head="3:" + "a" * 64)
    back = codec.decode(json.loads(json.dumps(codec.encode(snap))), ("score_sheets", "score_entries"))
    assert back.tables == snap.tables and back.owner == "e-1" and back.refs["score_entries"] == {"sheet_id":
                                                                                                   "score_sheets"}
    for column, value in (("revision", "2"), ("revision", True), ("transcribed_from_paper", 0),
                          ("created_at", "yesterday"), ("signature_png", "not base64!"), ("expert_id", 7)):
        bad = json.loads(json.dumps(codec.encode(snap)))
        bad["tables"]["score_sheets"][0][column] = value
        assert f"score_sheets.{column}" in _refused(codec.decode, bad, ("score_sheets", "score_entries"))
    extra = json.loads(json.dumps(codec.encode(snap)))
    extra["tables"]["panel_root_keys"] = []
    assert "does not accept" in _refused(codec.decode, extra, ("score_sheets", "score_entries"))

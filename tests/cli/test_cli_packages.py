"""`hvp-desktop pack | unpack | return | merge | verify IN.hvpkg` (issue 21): the secretary packs, the
expert opens and returns, the chair merges — each a command, with messages instead of tracebacks."""

from __future__ import annotations

import json

import pytest

from hvp_desktop.store.engine import WorkingFile
from tests.poppler import pages as pdf_text
from tests.unit.exchange.panel import EXPERT_PASSWORD, PASSWORD, my_apps, score


@pytest.fixture
def office(panel_files):
    return panel_files


def _secret(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_pack_unpack_return_merge_and_verify(cli, office, tmp_path):
    usb = tmp_path / "usb"
    slips = tmp_path / "slips.pdf"
    packed = cli("pack", office.master, usb, "--round", office.round_id, "--all", "--slip", slips, "--json",
                 password=PASSWORD)
    assert packed.returncode == 0, packed.stderr
    made = json.loads(packed.stdout)["packages"]
    assert len(made) == 5 and all(len(p["passphrase"]) == 24 for p in made)
    text = pdf_text(slips)  # one page an expert, each with its passphrase
    assert len(text) == 5 and all(p["passphrase"].split("-")[0] in "".join(text).replace(" ", "") for p in made)
    mine = made[1]
    laptop = tmp_path / "laptop.hvpdb"
    phrase = _secret(tmp_path, "phrase.txt", mine["passphrase"].lower())
    opened = cli("unpack", mine["file"], laptop, "--passphrase-file", phrase, "--json", password=None,
                 new_password=EXPERT_PASSWORD)
    assert opened.returncode == 0, opened.stderr
    assert json.loads(opened.stdout)["created"] and json.loads(opened.stdout)["applications"] == 6
    with WorkingFile.open(laptop, EXPERT_PASSWORD) as wf:
        for i, app in enumerate(my_apps(wf).values()):
            score(wf, app, office.label, (30, 15, 20 + i, 8))
    back = tmp_path / "back.hvpkg"
    returned = cli("return", laptop, back, "--json", password=EXPERT_PASSWORD)
    assert returned.returncode == 0, returned.stderr
    assert json.loads(returned.stdout)["submitted"] == 6
    # the header says what it is without any secret; the chair's file checks the signature
    seen = cli("verify", back, "--json", password=None)
    assert seen.returncode == 0 and json.loads(seen.stdout)["kind"] == "return"
    assert not json.loads(seen.stdout)["verified"]
    checked = cli("verify", back, "--file", office.master, "--json", password=PASSWORD)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["content"]["submitted"] == 6
    expert_checked = cli("verify", made[0]["file"], "--passphrase-file",
                         _secret(tmp_path, "p0.txt", made[0]["passphrase"]), "--json", password=None)
    assert expert_checked.returncode == 0 and json.loads(expert_checked.stdout)["content"]["applications"] == 6
    merged = cli("merge", office.master, back, "--json", password=PASSWORD)
    assert merged.returncode == 0, merged.stderr
    assert json.loads(merged.stdout)["totals"]["merged"] == 6
    again = cli("merge", office.master, back, password=PASSWORD)
    assert again.returncode == 0 and "无新内容 nothing new" in again.stdout


def test_bad_packages_are_messages_and_a_refusal_exits_1(cli, office, tmp_path):
    junk = tmp_path / "junk.hvpkg"
    junk.write_bytes(b"PK\x03\x04 not a package at all")
    cut = tmp_path / "cut.hvpkg"
    packed = cli("pack", office.master, tmp_path / "one.hvpkg", "--round", office.round_id, "--expert", "李明",
                 "--json", password=PASSWORD)
    assert packed.returncode == 0, packed.stderr
    data = (tmp_path / "one.hvpkg").read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    done = cli("merge", office.master, junk, cut, "--json", password=PASSWORD)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    results = json.loads(done.stdout)["packages"]
    assert [r["status"] for r in results] == ["refused", "refused"]
    assert "not an hvp-desktop package" in results[0]["en"]
    # an expert package is not a return: said so
    wrong_kind = cli("merge", office.master, tmp_path / "one.hvpkg", password=PASSWORD)
    assert wrong_kind.returncode == 1 and "not a return package" in wrong_kind.stdout
    bad_phrase = cli("unpack", tmp_path / "one.hvpkg", tmp_path / "x.hvpdb", "--passphrase-file",
                     _secret(tmp_path, "bad.txt", "ABCD-EFGH-JKMN-PQRS-TUVW"), password=None, new_password="whatever-123")
    assert bad_phrase.returncode == 1 and "口令不对" in bad_phrase.stderr and "Traceback" not in bad_phrase.stderr
    assert not (tmp_path / "x.hvpdb").exists()
    unknown = cli("pack", office.master, tmp_path / "two.hvpkg", "--round", office.round_id, "--expert", "无此人",
                  password=PASSWORD)
    assert unknown.returncode == 1 and "无此人" in unknown.stderr

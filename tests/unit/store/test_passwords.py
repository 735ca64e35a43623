"""Passwords (issue 18): weak new ones refused with the reason, Unicode-normalised so the way a
character was typed does not matter (and files keyed before that still open), and repeated wrong
ones slowed down."""

from __future__ import annotations

import unicodedata

import pytest

from hvp_desktop.store import crypto, engine, password_policy, unlock_backoff
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.errors import WorkingFileError, WrongPassword

COMPOSED = unicodedata.normalize("NFC", "Café-au-lait-7")
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


# ------------------------------------------------------------------------------ strength

WEAK = {
    "12345678": "连续",
    " " * 8: "空格",
    "\t \u3000 \t   ": "空格",
    "aaaaaaaa": "同一个字符",
    "abababab": "不同的字符",
    "abcdabcd": "重复",
    "abcdefgh": "连续",
    "87654321": "连续",
    "qwertyui": "连续",
    "1qaz2wsx": "连续",
    "password": "常用",
    "passw0rd": "常用",
    "Password123!": "常用",
    "P@ssw0rd": "常用",
    "woaini1314": "常用",
    "admin@123": "常用",
    "hvp12345": "常用",
    "hvp-desktop": "常用",
    "iloveyou": "常用",
    "short": "8",
}


@pytest.mark.parametrize("password", list(WEAK))
def test_a_weak_new_password_is_refused_saying_why_in_both_languages(password, tmp_path):
    with pytest.raises(WorkingFileError) as info:
        WorkingFile.create(tmp_path / "w.hvpdb", password)
    message = str(info.value)
    assert WEAK[password] in message
    assert "(" in message and any(c.isascii() and c.isalpha() for c in message.split("(", 1)[1])  # English too
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("password", ["hvp-demo-2026", "store-tests-密码-2026", "新的密码-new-pass", COMPOSED,
                                      "correct horse battery staple", "k7-Fq2zA", "我的密码很长很长"])
def test_a_reasonable_password_is_accepted(password):
    assert password_policy.problem(password) is None
    engine.check_new_password(password)


def test_change_password_refuses_a_weak_one_and_keeps_the_old(tmp_path):
    path = tmp_path / "w.hvpdb"
    with WorkingFile.create(path, COMPOSED) as wf, pytest.raises(WorkingFileError, match="连续"):
        wf.change_password("12345678")
    WorkingFile.open(path, COMPOSED).close()


# ------------------------------------------------------------------------------ normalisation

def test_a_password_typed_decomposed_opens_a_file_made_composed(tmp_path):
    assert COMPOSED != DECOMPOSED
    path = tmp_path / "w.hvpdb"
    WorkingFile.create(path, COMPOSED).close()
    WorkingFile.open(path, DECOMPOSED).close()
    WorkingFile.open(path, COMPOSED).close()
    with pytest.raises(WrongPassword):
        WorkingFile.open(path, "Cafe-au-lait-7")


def test_a_file_made_decomposed_opens_composed_too(tmp_path):
    path = tmp_path / "w.hvpdb"
    WorkingFile.create(path, DECOMPOSED).close()  # normalised at creation: one key for both
    WorkingFile.open(path, COMPOSED).close()


def test_a_file_keyed_before_normalisation_still_opens_with_the_password_as_typed(tmp_path, monkeypatch):
    """Files made by earlier versions were keyed with the raw password: nobody is locked out."""
    path = tmp_path / "old.hvpdb"
    raw_derive = crypto.derive
    monkeypatch.setattr(crypto, "derive", lambda password, salt, normalise=True: raw_derive(password, salt,
                                                                                             normalise=False))
    WorkingFile.create(path, DECOMPOSED).close()  # as the old version did: the NFD bytes
    monkeypatch.undo()
    tries = []
    monkeypatch.setattr(crypto, "derive", lambda *a, **k: tries.append(a[0]) or raw_derive(*a, **k))
    WorkingFile.open(path, DECOMPOSED).close()  # NFC first (fails), then as typed (opens)
    assert tries == [COMPOSED, DECOMPOSED]
    with pytest.raises(WrongPassword):  # typed composed, it never was that file's password
        WorkingFile.open(path, COMPOSED)


def test_an_ascii_password_costs_one_derivation(tmp_path, monkeypatch):
    path = tmp_path / "w.hvpdb"
    WorkingFile.create(path, "plain-ascii-77").close()
    tries = []
    raw_derive = crypto.derive
    monkeypatch.setattr(crypto, "derive", lambda *a, **k: tries.append(a[0]) or raw_derive(*a, **k))
    with pytest.raises(WrongPassword):
        engine._try_keys(path, "plain-ascii-78")
    assert tries == ["plain-ascii-78"]  # no second form to try: its NFC form is itself


# ------------------------------------------------------------------------------ backoff

def test_the_delay_doubles_from_the_third_failure_up_to_a_minute():
    assert [unlock_backoff.delay_after(n) for n in range(0, 10)] == [0, 0, 0, 1, 2, 4, 8, 16, 32, 60]
    assert unlock_backoff.delay_after(1000) == unlock_backoff.MAX_DELAY


def test_failures_are_counted_per_file_and_cleared_by_the_right_password(tmp_path, monkeypatch):
    monkeypatch.setenv("HVP_DATA_DIR", str(tmp_path / "data"))
    a, b = tmp_path / "a.hvpdb", tmp_path / "b.hvpdb"
    for _ in range(3):
        unlock_backoff.record_failure(a)
    assert unlock_backoff.failures(a) == 3 and unlock_backoff.failures(b) == 0
    assert 0 < unlock_backoff.wait_seconds(a) <= 1.0 and unlock_backoff.wait_seconds(b) == 0
    slept = []
    assert unlock_backoff.wait(a, sleep=slept.append) > 0 and slept and 0 < slept[0] <= 1.0
    state = tmp_path / "data" / unlock_backoff.STATE_NAME
    assert str(a) not in state.read_text()  # paths are kept as hashes
    if hasattr(state, "stat") and __import__("os").name == "posix":
        assert state.stat().st_mode & 0o777 == 0o600
    unlock_backoff.clear(a)
    assert unlock_backoff.failures(a) == 0 and unlock_backoff.wait_seconds(a) == 0


def test_a_damaged_or_missing_state_means_no_delay(tmp_path, monkeypatch):
    monkeypatch.setenv("HVP_DATA_DIR", str(tmp_path / "data"))
    assert unlock_backoff.failures(tmp_path / "x") == 0
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / unlock_backoff.STATE_NAME).write_text("{not json")
    assert unlock_backoff.wait_seconds(tmp_path / "x") == 0
    assert unlock_backoff.record_failure(tmp_path / "x") == 1


def test_the_cli_waits_after_the_third_wrong_password_and_forgets_after_the_right_one(tmp_path, monkeypatch, capsys):
    from hvp_desktop import cli

    monkeypatch.setenv("HVP_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "w.hvpdb"
    WorkingFile.create(path, COMPOSED).close()
    slept = []
    monkeypatch.setattr(unlock_backoff.time, "sleep", slept.append)
    monkeypatch.setenv("HVP_PASSWORD", "not-the-password")
    for _ in range(4):
        assert cli.main(["check", str(path)]) == cli.EXIT_USAGE
    assert len(slept) == 1 and 0 < slept[0] <= 1.0  # the 4th try waited (after 3 failures)
    assert "3" in capsys.readouterr().err
    monkeypatch.setenv("HVP_PASSWORD", COMPOSED)
    assert cli.main(["check", str(path)]) == cli.EXIT_OK
    assert len(slept) == 2  # it still waited its turn …
    assert unlock_backoff.failures(path) == 0  # … and the count is gone

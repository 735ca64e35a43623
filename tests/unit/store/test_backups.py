"""Encrypted backups, damage found at open, restore (issue 18, deliverable 7) — on real encrypted
files: the demo working file copied into tmp_path."""

from __future__ import annotations

import os
import stat
import time
from datetime import datetime, timedelta

import pytest
import sqlcipher3

from hvp_desktop.store import backups, crypto
from hvp_desktop.store.engine import DamagedFile, WorkingFile
from hvp_desktop.store.errors import FileLocked, WrongPassword
from tests.conftest import DEMO_PASSWORD

PAGE = 4096


def _count(path, sql: str, password: str = DEMO_PASSWORD):
    """Read with the `PRAGMA key` a stock sqlcipher shell would use (the password, no raw key)."""
    con = sqlcipher3.connect(str(path))
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute(f"PRAGMA key = '{password}'")
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def _damage(path, page: int, *, zero: bool = False, offset: int = 200) -> None:
    """Flip (or zero 64 bytes of) page `page` (1-based), never the first 16 bytes (the salt)."""
    at = (page - 1) * PAGE + offset
    assert at >= 16
    with open(path, "r+b") as f:
        f.seek(at)
        old = f.read(64)
        f.seek(at)
        f.write(bytes(64) if zero else bytes(b ^ 0xFF for b in old))


def test_backup_is_encrypted_under_the_same_password_private_and_rotated(demo_file):
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        started = time.perf_counter()
        first = wf.backup("close")
        took = time.perf_counter() - started
        assert took < 1.0, took
        with open(first, "rb") as f:
            head = f.read(16)
        assert head != b"SQLite format 3\x00" and head == crypto.read_salt(demo_file)
        assert _count(first, "SELECT count(*) FROM applications") == _count(demo_file, "SELECT count(*) FROM applications")
        folder = backups.folder_of(demo_file)
        if os.name == "posix":
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
            assert stat.S_IMODE(first.stat().st_mode) == 0o600
        base = datetime(2026, 3, 1, 9, 0, 0)
        for day in range(10):
            backups.make_backup(wf, "daily", now=base + timedelta(days=day))
        for n in range(8):
            backups.make_backup(wf, "close", now=base + timedelta(minutes=n))
    kept = backups.list_backups(demo_file)
    assert [b.kind for b in kept].count("daily") == 7
    assert [b.kind for b in kept].count("close") == 5
    assert min(b.made_at for b in kept if b.kind == "daily") == base + timedelta(days=3)  # the oldest 3 went
    assert sorted(p.name for p in folder.iterdir()) == sorted(b.path.name for b in kept)  # no temporary left


def test_backup_while_writes_go_on_is_consistent(demo_file):
    """The online backup API copies one consistent state while another connection writes."""
    import threading

    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        stop = threading.Event()

        def write() -> None:
            n = 0
            while not stop.is_set():
                with wf.session(write=True) as s:
                    s.connection().exec_driver_sql(
                        "INSERT OR REPLACE INTO meta(key, value) VALUES ('backup-test', ?)", (str(n),))
                n += 1

        writer = threading.Thread(target=write)
        writer.start()
        try:
            made = [wf.backup("close") for _ in range(3)]
        finally:
            stop.set()
            writer.join()
        key = wf._key
        for path in made:
            assert backups.page_problems(path, key) == []
            assert _count(path, "PRAGMA quick_check") == "ok"


def test_daily_due_once_a_day(demo_file):
    assert backups.daily_due(demo_file)
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        wf.backup("daily")
    assert not backups.daily_due(demo_file)
    assert backups.daily_due(demo_file, today=datetime.now().date() + timedelta(days=1))


@pytest.mark.parametrize(("page", "zero"), [(5, False), (21, False), (300, True), (587, False)])
def test_a_damaged_page_is_named_at_open_with_the_newest_good_backup(demo_file, page, zero):
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        good = wf.backup("close")
    _damage(demo_file, page, zero=zero)
    started = time.perf_counter()
    with pytest.raises(DamagedFile) as caught:
        WorkingFile.open(demo_file, DEMO_PASSWORD)
    assert time.perf_counter() - started < 2.0
    message = str(caught.value)
    assert f"page {page}" in message and "工作文件已损坏" in message and "damaged" in message
    assert good.name in message and caught.value.backup == good
    assert "Traceback" not in message


def test_a_damaged_first_page_is_told_from_a_wrong_password_by_a_backup(demo_file):
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        wf.backup("close")
    _damage(demo_file, 1, offset=100)
    with pytest.raises(DamagedFile, match="page 1"):
        WorkingFile.open(demo_file, DEMO_PASSWORD)
    with pytest.raises(WrongPassword):  # a wrong password stays a wrong password
        WorkingFile.open(demo_file, "not the password")


def test_damage_without_a_backup_says_so(demo_file):
    _damage(demo_file, 40)
    with pytest.raises(DamagedFile, match="No good backup"):
        WorkingFile.open(demo_file, DEMO_PASSWORD)


def test_restore_sets_the_damaged_file_aside_and_opens_with_the_backups_content(demo_file):
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        good = wf.backup("close")
        with wf.session(write=True) as s:  # a change after the backup: the restore goes back before it
            s.connection().exec_driver_sql("INSERT INTO meta(key, value) VALUES ('after-backup', 'x')")
    _damage(demo_file, 12)
    damaged_bytes = demo_file.read_bytes()
    with pytest.raises(DamagedFile) as caught:
        WorkingFile.open(demo_file, DEMO_PASSWORD)
    key = backups.key_for(demo_file, DEMO_PASSWORD)
    info = backups.describe(backups.list_backups(demo_file)[0], key)
    assert info.problem is None and info.applications > 0 and info.last_event_at
    aside = backups.restore(demo_file, caught.value.backup)
    assert aside is not None and aside.read_bytes() == damaged_bytes  # kept, never deleted
    assert good.exists()
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        assert wf.meta_value("after-backup") is None
        assert wf.integrity_errors() == []
    listed = backups.list_backups(demo_file)
    assert [b.kind for b in listed].count("replaced") == 1
    assert backups.describe(next(b for b in listed if b.kind == "replaced"), key).problem  # named unreadable


def test_restore_refuses_while_the_file_is_open(demo_file):
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        made = wf.backup("close")
        with pytest.raises(FileLocked):
            backups.restore(demo_file, made)


def test_closing_wipes_the_key_it_derived(demo_file):
    wf = WorkingFile.open(demo_file, DEMO_PASSWORD)
    key = wf._key
    assert any(key.key)
    wf.close()
    assert not any(key.key) and len(key.key) == crypto.KEY_BYTES

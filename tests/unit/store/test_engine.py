"""The encrypted working file: create, open, refuse, re-key, survive a crash, leak nothing."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from hvp_desktop.store import crypto, engine, migrations, queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.errors import NotAWorkingFile, WorkingFileError, WrongPassword
from hvp_desktop.store.ops import applications as app_ops

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    """The folder's files but the audit head a working file keeps beside it (issue 18)."""
    return sorted(n for n in os.listdir(folder) if not n.endswith(".head"))


# ------------------------------------------------------------------------------ create and open


def test_create_then_open(db_path, password, make_app):
    wf = WorkingFile.create(db_path, password)
    app_ops.import_applications(wf, [("a.xlsx:3", make_app(1))])
    wf.close()
    assert listing(db_path.parent) == [db_path.name]  # no .creating, no -wal left behind

    with WorkingFile.open(db_path, password) as again:
        assert again.schema_version() == migrations.LATEST
        rows = queries.application_rows(again)
    assert [r.credit_code for r in rows] == [make_app(1).credit_code]


def test_open_accepts_str_path(wf, db_path, password):
    wf.close()
    with WorkingFile.open(str(db_path), password) as again:
        assert again.path == db_path


def test_file_on_disk_is_encrypted(wf, db_path):
    wf.close()
    head = db_path.read_bytes()[:16]
    assert head != engine.SQLITE_PLAIN_HEADER
    assert not head.startswith(b"SQLite format 3")
    assert db_path.stat().st_size > 0


def test_each_file_has_its_own_salt(tmp_path, password):
    a = WorkingFile.create(tmp_path / "a.hvpdb", password)
    b = WorkingFile.create(tmp_path / "b.hvpdb", password)
    a.close()
    b.close()
    assert crypto.read_salt(a.path) != crypto.read_salt(b.path)


def test_new_file_uses_wal_journal(wf):
    with wf.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1


def test_integrity_errors_empty_on_fresh_file(wf):
    assert wf.integrity_errors() == []


def test_integrity_errors_empty_after_import(imported):
    assert imported.integrity_errors() == []


def test_session_rolls_back_on_error(imported, sql):
    before = sql(imported).counts()
    with pytest.raises(RuntimeError), imported.session(write=True) as s:
        s.execute(text("DELETE FROM co_applicants"))
        raise RuntimeError("boom")
    assert sql(imported).counts() == before


# ------------------------------------------------------------------------------ wrong password


def test_wrong_password_is_refused_fast_and_changes_nothing(wf, db_path, capfd):
    wf.close()
    before, files = sha256(db_path), listing(db_path.parent)
    started = time.monotonic()
    with pytest.raises(WrongPassword) as info:
        WorkingFile.open(db_path, "not the password")
    assert time.monotonic() - started < 1.0
    assert "密码错误" in str(info.value)
    assert sha256(db_path) == before
    assert listing(db_path.parent) == files == [db_path.name]  # no -wal, -shm or other file
    assert "hmac" not in capfd.readouterr().err.lower()  # SQLCipher's log stays quiet


def test_wrong_password_is_a_working_file_error():
    assert issubclass(WrongPassword, WorkingFileError)


def test_password_is_case_and_space_sensitive(wf, db_path, password):
    wf.close()
    for near in (password.upper(), password + " ", " " + password, password[:-1]):
        with pytest.raises(WrongPassword):
            WorkingFile.open(db_path, near)


# ------------------------------------------------------------------------------ not a working file


def _plain_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE applications (name TEXT)")
    con.execute("INSERT INTO applications VALUES ('明文')")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    "kind, make, error",
    [
        ("plain sqlite", _plain_sqlite, NotAWorkingFile),
        ("empty file", lambda p: p.write_bytes(b""), NotAWorkingFile),
        ("short file", lambda p: p.write_bytes(b"0123456789"), NotAWorkingFile),
        ("folder", lambda p: p.mkdir(), NotAWorkingFile),
        ("missing", lambda p: None, WorkingFileError),
    ],
)
def test_not_a_working_file_is_refused_with_a_message(tmp_path, password, kind, make, error):
    path = tmp_path / "thing.hvpdb"
    make(path)
    before = listing(tmp_path)
    snapshot = sha256(path) if path.is_file() else None
    with pytest.raises(error) as info:
        WorkingFile.open(path, password)
    assert str(path) in str(info.value)
    assert len(str(info.value)) > len(str(path)) + 5  # says why, not just where
    assert listing(tmp_path) == before
    if snapshot is not None:
        assert sha256(path) == snapshot


def test_random_bytes_are_refused_as_wrong_password_or_not_a_file(tmp_path, password):
    path = tmp_path / "noise.hvpdb"
    path.write_bytes(os.urandom(8192))
    before = sha256(path)
    with pytest.raises(WorkingFileError):
        WorkingFile.open(path, password)
    assert sha256(path) == before


# ------------------------------------------------------------------------------ create refuses


def test_create_refuses_to_overwrite_a_working_file(wf, db_path, password, sql):
    before = sql(wf).counts()
    with pytest.raises(WorkingFileError, match="不会覆盖"):
        WorkingFile.create(db_path, password)
    assert sql(wf).counts() == before


def test_create_refuses_to_overwrite_any_file(tmp_path, password):
    path = tmp_path / "report.hvpdb"
    path.write_bytes(b"precious data")
    with pytest.raises(WorkingFileError):
        WorkingFile.create(path, password)
    assert path.read_bytes() == b"precious data"


@pytest.mark.parametrize("short", ["", "a", "1234567", "七个字的密码啊"])
def test_create_refuses_short_password(tmp_path, short):
    assert len(short) < engine.MIN_PASSWORD_LENGTH
    path = tmp_path / "x.hvpdb"
    with pytest.raises(WorkingFileError, match=str(engine.MIN_PASSWORD_LENGTH)):
        WorkingFile.create(path, short)
    assert listing(tmp_path) == []


def test_create_accepts_password_of_minimum_length(tmp_path):
    path = tmp_path / "x.hvpdb"
    password = "k7-Fq2zA"[:engine.MIN_PASSWORD_LENGTH]  # eight characters, none of the weak patterns
    assert len(password) == engine.MIN_PASSWORD_LENGTH
    WorkingFile.create(path, password).close()
    WorkingFile.open(path, password).close()


def test_create_in_missing_folder_raises_working_file_error(tmp_path, password):
    with pytest.raises(WorkingFileError):
        WorkingFile.create(tmp_path / "no-such-folder" / "x.hvpdb", password)


# ------------------------------------------------------------------------------ change password


def test_change_password(imported, db_path, password, chain, sql):
    rows_before = queries.application_rows(imported)
    counts_before = sql(imported).counts()
    events_before = chain(imported).events
    salt_before = crypto.read_salt(db_path)

    imported.change_password("新的密码-new-pass")

    # the open file keeps working under the new key
    assert queries.application_rows(imported) == rows_before
    assert not [n for n in listing(db_path.parent) if n.endswith(".rekey")]
    imported.close()
    assert listing(db_path.parent) == [db_path.name, f"{db_path.name}.backups"]  # one backup, new password
    from hvp_desktop.store import backups

    made = backups.list_backups(db_path)
    assert len(made) == 1 and crypto.read_salt(made[0].path) == crypto.read_salt(db_path)
    assert crypto.read_salt(db_path) != salt_before
    assert not db_path.read_bytes().startswith(b"SQLite format 3")

    with pytest.raises(WrongPassword):
        WorkingFile.open(db_path, password)
    with WorkingFile.open(db_path, "新的密码-new-pass") as again:
        assert queries.application_rows(again) == rows_before
        assert sql(again).counts() == counts_before
        report = chain(again)
        assert report.ok, report.problems
        assert report.events == events_before
        assert again.schema_version() == migrations.LATEST
        assert again.integrity_errors() == []
        with again.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"


def test_change_password_then_write_then_reopen(imported, db_path, make_app):
    imported.change_password("another-password")
    app_ops.import_applications(imported, [("later.xlsx:3", make_app(9))])
    imported.close()
    with WorkingFile.open(db_path, "another-password") as again:
        assert len(queries.application_rows(again)) == 4


def test_change_password_refuses_short_password(imported, db_path, password):
    with pytest.raises(WorkingFileError):
        imported.change_password("short")
    imported.close()
    WorkingFile.open(db_path, password).close()


def _refuse_replace(monkeypatch):
    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(engine.os, "replace", refuse)


def _refuse_check_of_copy(monkeypatch):
    real = engine._raw_connect

    def flaky(path, key):
        if str(path).endswith(".rekey"):
            raise WorkingFileError("simulated: the re-keyed copy cannot be read back")
        return real(path, key)

    monkeypatch.setattr(engine, "_raw_connect", flaky)


FAILURES = [pytest.param(_refuse_replace, id="swap fails"), pytest.param(_refuse_check_of_copy, id="check fails")]


@pytest.mark.parametrize("break_it", FAILURES)
def test_failed_change_password_keeps_old_file_and_password(
    imported, db_path, password, monkeypatch, sql, break_it, make_app
):
    before = sql(imported).counts()
    break_it(monkeypatch)
    with pytest.raises((OSError, WorkingFileError)):
        imported.change_password("never-applied")
    monkeypatch.undo()

    assert sql(imported).counts() == before  # the open file still works with the old key
    app_ops.import_applications(imported, [("after.xlsx:3", make_app(8))])
    imported.close()
    with pytest.raises(WrongPassword):
        WorkingFile.open(db_path, "never-applied")
    with WorkingFile.open(db_path, password) as again:
        assert sql(again).count("applications") == before["applications"] + 1
        assert again.integrity_errors() == []


@pytest.mark.parametrize("break_it", FAILURES)
def test_failed_change_password_leaves_no_temp_file(imported, db_path, monkeypatch, break_it):
    break_it(monkeypatch)
    with pytest.raises((OSError, WorkingFileError)):
        imported.change_password("never-applied")
    monkeypatch.undo()
    imported.close()
    assert listing(db_path.parent) == [db_path.name]


def test_blocked_temp_path_keeps_old_file_and_password(imported, db_path, password, sql):
    before = sql(imported).counts()
    blocker = db_path.with_name(db_path.name + ".rekey")
    blocker.mkdir()  # the temp path is taken by a folder: the re-keyed copy cannot be written
    with pytest.raises(OSError):
        imported.change_password("never-applied")
    assert sql(imported).counts() == before
    imported.close()
    with WorkingFile.open(db_path, password) as again:
        assert sql(again).counts() == before
    assert blocker.is_dir()  # somebody's folder is not deleted either


# ------------------------------------------------------------------------------ crash safety


CHILD = textwrap.dedent(
    """
    import os, signal
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.ops import applications as app_ops
    from hvp_desktop.domain import credit_code
    from hvp_desktop.domain.model import ApplicationData

    rows = [("kill.xlsx:%d" % n, ApplicationData(year=2025, enterprise_name="崩溃测试%d有限公司" % n,
                                                 credit_code=credit_code.make("91440112%09d" % n)))
            for n in range(1, 6)]
    wf = WorkingFile.open({path!r}, {password!r})
    outcome = app_ops.import_applications(wf, rows).value
    print("committed", outcome.added, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.fixture
def crashed(wf, db_path, password) -> Path:
    """A working file whose writer was SIGKILLed right after a committed import of 5 rows."""
    wf.close()
    script = CHILD.format(path=str(db_path), password=password)
    child = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert child.stdout.split() == ["committed", "5"]
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # killed before any checkpoint: recovery is needed
    return db_path


def test_committed_import_survives_sigkill(crashed, password, chain):
    with WorkingFile.open(crashed, password) as again:
        rows = queries.application_rows(again)
        assert sorted(r.enterprise_name for r in rows) == [f"崩溃测试{n}有限公司" for n in range(1, 6)]
        assert again.integrity_errors() == []
        report = chain(again)
        assert report.ok, report.problems
        assert report.events == 1 + 11 + 1  # the new file's baseline, the import, the rows it left


def test_wrong_password_after_crash_loses_nothing(crashed, password):
    with pytest.raises(WrongPassword):
        WorkingFile.open(crashed, "not the password")
    with WorkingFile.open(crashed, password) as again:
        assert len(queries.application_rows(again)) == 5


def test_wrong_password_after_crash_changes_nothing(crashed):
    # The database and its WAL stay byte-identical and present; the -shm wal-index is a
    # shared-memory cache that any reader may refresh, so only its presence is compared.
    folder = crashed.parent

    def state():
        return {p.name: (None if p.name.endswith("-shm") else sha256(p)) for p in folder.iterdir()}

    before = state()
    with pytest.raises(WrongPassword):
        WorkingFile.open(crashed, "not the password")
    assert state() == before


# ------------------------------------------------------------------------------ connections


def test_a_second_session_in_the_same_thread(imported):
    with imported.session() as s:
        assert s.execute(text("SELECT count(*) FROM applications")).scalar_one() == 3
        assert len(queries.application_rows(imported)) == 3


THREADS_CHILD = textwrap.dedent(
    """
    import threading, time
    from sqlalchemy import text
    from hvp_desktop.store.engine import WorkingFile

    wf = WorkingFile.open({path!r}, {password!r})
    errors, threads = [], {threads}
    barrier = threading.Barrier(threads)

    def work():
        try:
            with wf.session() as s:
                barrier.wait()
                for _ in range(20):
                    s.execute(text("SELECT count(*) FROM applications")).scalar_one()
                    time.sleep(0.002)
        except Exception as exc:
            errors.append(repr(exc))

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    wf.close()
    print("errors", len(errors), errors[:1], flush=True)
    """
)


def _threads_child(db_path: Path, password: str, threads: int) -> subprocess.CompletedProcess:
    script = THREADS_CHILD.format(path=str(db_path), password=password, threads=threads)
    return subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)


def test_sessions_in_a_few_threads(wf, db_path, password):
    wf.close()
    done = _threads_child(db_path, password, threads=4)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("errors 0 "), done.stdout


def test_sessions_in_many_threads(wf, db_path, password):
    wf.close()
    done = _threads_child(db_path, password, threads=16)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-500:]}"
    assert done.stdout.startswith("errors 0 "), done.stdout


# ------------------------------------------------------------------------------ no plaintext


def test_no_plaintext_in_file_or_wal(wf, db_path, make_app):
    name = "瑞麟翡翠量子知识产权研究股份有限公司"
    code = make_app(77).credit_code
    contact = "欧阳明远"
    data = make_app(77, enterprise_name=name, contact_name=contact)
    app_ops.import_applications(wf, [("secret.xlsx:3", data)])
    rows = queries.application_rows(wf)
    assert (rows[0].enterprise_name, rows[0].credit_code) == (name, code)  # it is stored ...

    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # ... and still open: the WAL holds the new pages
    folder = {p.name: p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()}
    assert db_path.name in folder
    for needle in (name, code, contact, "华南理工大学"):
        for file_name, raw in folder.items():
            assert needle.encode("utf-8") not in raw, f"{needle!r} in clear in {file_name}"
    wf.close()
    assert name.encode("utf-8") not in db_path.read_bytes()

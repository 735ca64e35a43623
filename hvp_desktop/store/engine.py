"""Open, create and re-key the encrypted working file (*.hvpdb).

Choices, and why:
- SQLCipher 4 defaults (PBKDF2-HMAC-SHA512, 256,000 iterations), key derived once per unlock
  (see crypto.py); each pooled connection is keyed with the raw key in ~0.1 ms.
- WAL journal with synchronous=FULL: a transaction that returned from COMMIT survives a crash
  or power cut. WAL pages are encrypted like the main file.
- temp_store=MEMORY: sorts and temporary tables never reach a temp file on disk.
- A changed password is written to a new encrypted file beside the old one and swapped in with
  an atomic rename: a failure at any point leaves the old file whole.
"""

from __future__ import annotations

import logging
import os
import platform
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from hvp_desktop import private_files
from hvp_desktop.store import crypto, migrations, password_policy
from hvp_desktop.store.errors import FileLocked, NotAWorkingFile, WorkingFileError, WrongPassword

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
MIN_PASSWORD_LENGTH = password_policy.MIN_LENGTH


def _raw_connect(path: Path, key: crypto.RawKey, *, read_only: bool = False) -> sqlcipher3.Connection:
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    con = sqlcipher3.connect(target, uri=read_only, check_same_thread=False, isolation_level=None, timeout=10)
    con.execute("PRAGMA cipher_log_level = NONE")  # a wrong key must not print to stderr
    con.execute(f"PRAGMA key = {key.pragma_value()}")
    # SQLCipher accepts any key; the first read is what tells a wrong one.
    con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    con.execute("PRAGMA synchronous = FULL")
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA temp_store = MEMORY")
    return con


def _check_header(path: Path) -> None:
    if not path.exists():
        raise WorkingFileError(f"文件不存在：{path} (file not found)")
    if path.is_dir():
        raise NotAWorkingFile(f"这是一个文件夹，不是工作文件：{path} (a folder, not a working file)")
    with open(path, "rb") as f:
        head = f.read(16)
    if head == SQLITE_PLAIN_HEADER:
        raise NotAWorkingFile(f"这是未加密的SQLite文件，不是工作文件：{path} (an unencrypted SQLite file)")
    if len(head) < 16:
        raise NotAWorkingFile(f"文件为空或已损坏，不是工作文件：{path} (empty or damaged file)")


def check_new_password(password: str) -> None:
    """Refuse a weak new password with the reason (password_policy's rules) as a WorkingFileError."""
    reason = password_policy.problem(password)
    if reason is not None:
        raise WorkingFileError(reason)


class _OwnerLock:
    """`FILE.lock` held with an OS lock while a WorkingFile is open (KeePassXC's habit).

    A second opener — another window, the CLI, a `passwd` — is refused instead of writing into
    a file that may be swapped underneath it. The OS drops the lock if the process dies, so a
    lock file left by a crash does not block anyone.

    Deleting the lock file is where two openers could both "hold" the file (issue 18: 8,406
    overlaps in 20 s): a process that had opened the old lock file locked it once it was free,
    while a third created and locked a new one under the same name. So the lock file is deleted
    only by its holder, while it still holds the lock, and every opener checks after locking that
    the file it locked is still the one under the name (same inode); if not, it lets go and tries
    again on the file now in place. While one process holds a lock whose file is under the name,
    no other process can pass that check.
    `db_path` must be the real path (symlinks resolved), so every name of a file shares one lock.
    """

    ATTEMPTS = 5

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd = -1
        for _ in range(self.ATTEMPTS):
            fd = private_files.open_fd(self.path, os.O_RDWR | os.O_CREAT)
            try:
                _lock_fd(fd)
            except OSError as exc:
                os.close(fd)
                raise FileLocked(
                    f"文件已在另一个窗口或程序中打开：{db_path}；请先在那里关闭或锁定。"
                    f" (The file is open in another window or program; close it there first.)"
                ) from exc
            if _is_current(fd, self.path):
                self._fd = fd
                break
            _unlock_fd(fd)  # a lock file no longer under its name locks nothing: try the new one
            os.close(fd)
        else:
            raise FileLocked(f"无法锁定文件：{db_path}（锁文件不断被替换） (the lock file keeps being replaced)")
        os.ftruncate(self._fd, 0)
        os.write(self._fd, f"{os.getpid()}@{platform.node()}\n".encode())

    def release(self) -> None:
        if self._fd < 0:
            return
        if os.name == "posix":  # Windows cannot delete a file it has open: the lock file stays there
            try:
                if _is_current(self._fd, self.path):
                    self.path.unlink()  # still locked: whoever opens this file now fails the check
            except OSError:
                pass
        _unlock_fd(self._fd)
        os.close(self._fd)
        self._fd = -1


def _is_current(fd: int, path: Path) -> bool:
    """Whether the open file `fd` is still the one named `path` (POSIX: same device and inode)."""
    if os.name != "posix":
        return True  # Windows does not delete or replace a file another process has open
    try:
        here, there = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def real_path(path: str | os.PathLike) -> Path:
    """The file a path names, symlinks resolved: the lock, WAL, backups and re-keyed copy all sit
    beside the real file, and a password change replaces the real file, never the link."""
    return Path(os.path.realpath(os.fspath(path)))


if os.name == "nt":
    import msvcrt

    def _lock_fd(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def ensure_not_open(path: str | os.PathLike) -> None:
    """Raise FileLocked if some WorkingFile (here or in another process) holds `path` open."""
    _OwnerLock(real_path(path)).release()


class _Gate:
    """Sessions share the file; re-keying has it alone (issue 18): it waits for the sessions under
    way to end, and a session asked for meanwhile waits until the re-keyed file is in place — no
    write can land in a WAL under the old key while the file is re-encrypted."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._users = 0
        self._exclusive = False

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._exclusive)
            self._users += 1
        try:
            yield
        finally:
            with self._cond:
                self._users -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._exclusive)
            self._exclusive = True  # new sessions wait from now on …
            self._cond.wait_for(lambda: self._users == 0)  # … and those under way finish
        try:
            yield
        finally:
            with self._cond:
                self._exclusive = False
                self._cond.notify_all()


class WorkingFile:
    """One unlocked working file. Use `open` or `create`; call `close` to lock it again."""

    def __init__(self, path: Path, key: crypto.RawKey) -> None:
        self._owner = _OwnerLock(path)
        self.path = path
        self._key = key
        self._owns_key = False  # a key handed in (tests share one) is the caller's to wipe
        self._gate = _Gate()
        self.backup_on_close = False  # the command line asks for one; the GUI makes its own
        self.write_transactions = 0  # BEGIN IMMEDIATE issued on this file (tests count them per operation)
        self.engine = self._make_engine()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- life cycle -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike, password: str, *, migrate: bool = True) -> WorkingFile:
        path = real_path(path)  # once, here: a link and its target are one file with one lock
        _check_header(path)
        key = _open_key(path, password)  # issue 18 §7: a damaged page is named, not taken for a wrong password
        wf = cls(path, key)
        wf._owns_key = True  # derived here: wiped when the file is closed
        for own in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            private_files.tighten(own)  # a file made before issue 18 (0644) becomes its owner's alone
        # A re-keyed copy left by a password change that was killed before its swap: the file
        # itself is the old one, whole, and opens with the old password (just done).
        for leftover in (path.with_name(path.name + ".rekey"), path.with_name(path.name + ".rekey-wal"),
                         path.with_name(path.name + ".rekey-shm")):
            if leftover.is_file():  # only our own copy: a folder of that name is somebody else's
                leftover.unlink()
        try:
            wf._migrate(apply=migrate)
        except Exception:
            wf.close()
            raise
        return wf

    @classmethod
    def create(cls, path: str | os.PathLike, password: str) -> WorkingFile:
        path = real_path(path)
        check_new_password(password)
        if path.exists():
            raise WorkingFileError(f"文件已存在，不会覆盖：{path} (file exists; not overwritten)")
        if not path.parent.is_dir():
            raise WorkingFileError(f"文件夹不存在：{path.parent} (folder not found)")
        key = crypto.derive(password, crypto.new_salt())
        # Build it under a temporary name, then rename: a half-made file never carries the real name.
        tmp = path.with_name(path.name + ".creating")
        tmp.unlink(missing_ok=True)
        try:
            # made empty with mode 0o600 first: SQLite keeps the mode and gives it to -wal and -shm
            private_files.create_empty(tmp)
            con = _raw_connect(tmp, key)
            try:
                con.execute("PRAGMA journal_mode = WAL")
                migrations.upgrade(con)
            finally:
                con.close()
            os.replace(tmp, path)
        except (sqlcipher3.Error, OSError) as exc:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                leftover.unlink(missing_ok=True)
            raise WorkingFileError(f"无法创建文件：{path}：{exc} (cannot create the file)") from exc
        _fsync_dir(path.parent)
        wf = cls(path, key)
        wf._owns_key = True
        wf.write_baseline()
        return wf

    def close(self) -> None:
        if self.backup_on_close and self.write_transactions:
            self._backup_quietly()
        self.engine.dispose()  # last connection closed: SQLite checkpoints and removes the WAL
        self._owner.release()
        if self._owns_key:
            self._key.wipe()  # issue 18 §6: the raw key leaves the process with the file (zeroed in place)

    # -- backups (issue 18 §7; naming, rotation and restore in backups.py) ------------------
    def copy_to(self, target: Path) -> None:
        """Copy the database into the empty file `target`, encrypted under the same key and salt,
        with SQLite's online backup API: one consistent read while writes go on (WAL)."""
        with self._gate.shared():  # not while the file is re-keyed
            raw = self.engine.raw_connection()
            try:
                copy = _raw_connect(target, self._key)
                try:
                    raw.driver_connection.backup(copy)
                finally:
                    copy.close()
            finally:
                raw.close()

    def backup(self, kind: str = "close") -> Path:
        """An encrypted, checked backup in `FILE.backups/`, rotated; see backups.py."""
        from hvp_desktop.store import backups

        return backups.make_backup(self, kind)

    def _backup_quietly(self, kind: str = "close") -> None:
        """A backup that never fails what it follows (a close, a password change): logged instead."""
        try:
            self.backup(kind)
        except WorkingFileError as exc:
            logging.getLogger(__name__).warning("no backup: %s", exc)

    def __enter__(self) -> WorkingFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- use --------------------------------------------------------------------------------
    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error.

        `write=True` takes SQLite's write lock at once (BEGIN IMMEDIATE), so what the
        operation reads cannot change under it before it writes.
        """
        with self._gate.shared(), self._sessions() as s, s.begin():
            if write:
                s.connection(execution_options={"hvp_immediate": True})
            yield s

    def meta_value(self, key: str) -> str | None:
        """One value of the file's `meta` table (device id, the expert a file belongs to, …)."""
        with self._gate.shared(), self.engine.connect() as c:
            return c.exec_driver_sql("SELECT value FROM meta WHERE key = ?", (key,)).scalar()

    def schema_version(self) -> int:
        with self._gate.shared(), self.engine.connect() as c:
            return c.exec_driver_sql("PRAGMA user_version").scalar_one()

    def schema_problems(self) -> list[str]:
        """How the file's tables differ from those its schema version promises ([] when sound)."""
        with self._gate.shared(), self.engine.connect() as c:
            return migrations.shape_problems(c.connection.driver_connection)

    def integrity_errors(self) -> list[str]:
        """SQLite's integrity check plus SQLCipher's page HMAC check; [] when all is well."""
        problems: list[str] = []
        for pragma in ("integrity_check", "cipher_integrity_check"):
            try:
                with self._gate.shared(), self.engine.connect() as c:
                    rows = [r[0] for r in c.exec_driver_sql(f"PRAGMA {pragma}")]
            except (sqlcipher3.DatabaseError, DBAPIError) as exc:
                problems.append(f"{pragma}: {getattr(exc, 'orig', exc)}")
                continue
            problems += [r for r in rows if r != "ok"]
        return problems

    def change_password(self, new_password: str) -> None:
        """Re-encrypt under a new password and a new salt; the old file stays until the new one is whole.

        Exclusive: sessions under way finish first and new ones wait until it is done; the WAL is
        checkpointed into the file and closed before the copy, so nothing written under the old key
        is left to be merged into the re-keyed file. A kill at any moment leaves a file that opens
        with one of the two passwords; a `.rekey` copy left by one is removed at the next open.
        """
        check_new_password(new_password)
        new_key = crypto.derive(new_password, crypto.new_salt())
        with self._gate.exclusive():
            self._rekey(new_key)
        self._backup_quietly()  # the old key's backups went with it: one under the new password

    def _rekey(self, new_key: crypto.RawKey) -> None:
        tmp = self.path.with_name(self.path.name + ".rekey")
        tmp.unlink(missing_ok=True)
        self.engine.dispose()
        con = _raw_connect(self.path, self._key)
        try:
            busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            con.close()  # the last connection: SQLite removes the WAL
        if busy:
            raise WorkingFileError("工作文件正被其他连接使用，未更改密码。 (The file is busy; the password was not changed.)")
        for stale in (Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            stale.unlink(missing_ok=True)  # checkpointed and closed: nothing of the old key may follow
        try:
            self._export_rekeyed(tmp, new_key)
            _fsync_file(tmp)
            os.replace(tmp, self.path)
        except BaseException:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                leftover.unlink(missing_ok=True)
            raise
        old_key, self._key = self._key, new_key  # from here on the file on disk is the re-keyed one
        if self._owns_key:
            old_key.wipe()
        self._owns_key = True
        _fsync_dir(self.path.parent)
        # Copies under the old key still open with the old password: a password changed because it
        # leaked must not leave readable copies behind — pre-migration copies and backups go, and
        # a backup under the new password is made (files set aside by a restore are kept: the user's).
        for backup in self.path.parent.glob(f"{self.path.name}.v*.bak"):
            backup.unlink(missing_ok=True)
        from hvp_desktop.store import backups

        for old in backups.list_backups(self.path):
            if old.kind != "replaced":
                old.path.unlink(missing_ok=True)
        self.engine = self._make_engine()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- internals --------------------------------------------------------------------------
    def _export_rekeyed(self, tmp: Path, new_key: crypto.RawKey) -> None:
        """Write the whole database, encrypted under `new_key`, to `tmp`, and check it."""
        private_files.create_empty(tmp)  # 0o600 before SQLite writes a byte into it
        con = _raw_connect(self.path, self._key)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            con.execute(f"ATTACH DATABASE ? AS rekeyed KEY {new_key.pragma_value()}", (str(tmp),))
            con.execute("SELECT sqlcipher_export('rekeyed')")
            con.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
            con.execute("DETACH DATABASE rekeyed")
        finally:
            con.close()
        check = _raw_connect(tmp, new_key)
        try:
            check.execute("PRAGMA journal_mode = WAL")
            if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise WorkingFileError("新文件校验失败，原文件未改动。 (Check of the re-keyed copy failed; original kept.)")
        finally:
            check.close()

    def _make_engine(self) -> Engine:
        path, key = self.path, self._key
        # "sqlite://" would make SQLAlchemy pick SingletonThreadPool (one shared connection per
        # thread): wrong for a file used by the GUI thread and workers alike.
        engine = create_engine("sqlite://", creator=lambda: _raw_connect(path, key), poolclass=QueuePool)

        # The driver runs in autocommit (isolation_level=None); SQLAlchemy's begin emits BEGIN,
        # so transactions and savepoints behave as documented.
        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:
            immediate = conn.get_execution_options().get("hvp_immediate", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
            if immediate:
                self.write_transactions += 1

        return engine

    def _migrate(self, *, apply: bool = True) -> None:
        """Refuse a file from a newer version; upgrade an older one (unless only reading it)."""
        raw = self.engine.raw_connection()
        try:
            pending = migrations.pending(raw.driver_connection)  # raises NewerFileVersion
        finally:
            raw.close()
        if not pending or not apply:
            return
        self.engine.dispose()
        backup = self.path.with_name(f"{self.path.name}.v{pending[0].version - 1}.bak")
        if not backup.exists():  # the oldest copy at that version is kept: a retried upgrade adds none
            private_files.copy_private(self.path, backup)  # an encrypted copy (0o600): the same key opens it
        con = _raw_connect(self.path, self._key)
        try:
            migrations.upgrade(con)
        except sqlcipher3.Error as exc:
            # Each script runs in one transaction: the file is as it was (`check` names how its
            # tables differ from its version number, when that is why).
            raise WorkingFileError(
                f"文件结构与其版本号（{pending[0].version - 1}）不符，无法升级：{exc}。文件未改动。"
                f" (The file's tables do not match its schema version {pending[0].version - 1}; "
                "it was not upgraded and is unchanged.)") from exc
        finally:
            con.close()
        self.write_baseline()  # migrated rows: the replay starts again from here

    def write_baseline(self) -> None:
        """Append a `rows.baseline` audit event holding every row (see replay.py)."""
        from hvp_desktop.store.ops.core import write_baseline  # the one path of every write

        write_baseline(self)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":
        _fsync_file(path)


# -- a damaged file (issue 18 §7) --------------------------------------------------------------
class DamagedFile(WorkingFileError):
    """The password is right but pages of the file fail SQLCipher's HMAC check (flipped or zeroed
    bytes): the message names the damage and the newest good backup, if any."""

    def __init__(self, path: Path, problems: list[str], backup: Path | None) -> None:
        self.path, self.problems, self.backup = path, problems, backup
        what = problems[0] if problems else "?"
        if len(problems) > 1:
            what += f" (+{len(problems) - 1})"
        if backup is not None:
            hint_zh = f"最新的完好备份：{backup}。请在程序中选择“从备份恢复”，或把损坏的文件移开后将该备份复制到原位置。"
            hint_en = (f"The newest good backup is {backup.name}: choose Restore from backup in the app, or move "
                       f"the damaged file aside and copy that backup in its place.")
        else:
            hint_zh, hint_en = "没有可用的备份。", "No good backup was found."
        super().__init__(f"工作文件已损坏（{what}）：{path}。{hint_zh}"
                         f" (The working file is damaged: {what}. {hint_en})")


def _try_keys(path: Path, password: str) -> crypto.RawKey:
    """The key that opens `path`: the password's NFC form first, then (a file made before
    passwords were normalised) the password exactly as typed. Raises WrongPassword."""
    salt = crypto.read_salt(path)
    for form in crypto.password_forms(password):
        key = crypto.derive(form, salt, normalise=False)
        # The key is tried read-only: a read-write connection that fails would still, when
        # closed, checkpoint a WAL left by a crash into the file.
        try:
            _raw_connect(path, key, read_only=True).close()
        except sqlcipher3.DatabaseError as exc:
            if "not a database" in str(exc):
                continue
            raise WorkingFileError(f"无法打开文件：{exc} (cannot open the file)") from exc
        return key
    raise WrongPassword()


def _open_key(path: Path, password: str) -> crypto.RawKey:
    """The key that opens `path`, after a page check of the whole file (`PRAGMA
    cipher_integrity_check`: every page's HMAC, ~6 ms for the 2.4 MB demo file). A damaged first
    page looks like a wrong password; a backup with the same salt that this password opens tells
    them apart."""
    from hvp_desktop.store import backups

    try:
        key = _try_keys(path, password)
    except WrongPassword:
        key = backups.key_for(path, password)
        good = backups.newest_good(path, key) if key is not None else None
        if good is not None:  # the password is right: the file's first page is what fails
            raise DamagedFile(path, ["page 1: HMAC check failed"], good.path) from None
        raise
    except WorkingFileError as exc:  # e.g. "database disk image is malformed" while reading the schema
        if not isinstance(exc.__cause__, sqlcipher3.DatabaseError) or "malformed" not in str(exc.__cause__):
            raise
        key = backups.key_for(path, password)
        good = backups.newest_good(path, key) if key is not None else None
        pages = backups.page_problems(path, key) if key is not None else []  # name the pages when it can
        raise DamagedFile(path, pages or [str(exc.__cause__)], good.path if good else None) from exc
    problems = backups.page_problems(path, key)
    if problems:
        good = backups.newest_good(path, key)
        raise DamagedFile(path, problems, good.path if good else None)
    return key

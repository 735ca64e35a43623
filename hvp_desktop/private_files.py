"""Files the app writes are readable by the user alone (issue 18): 0o600 files, 0o700 folders.

Working files and their -wal/-shm (SQLite gives those the database's own mode on POSIX), lock
files, backups, re-keyed copies, logs and every export go through here. The modes are set
explicitly, so they do not depend on the umask; on Windows, where POSIX modes mean little, the
functions only create, copy and replace.

Plain Python: no Qt here.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
_POSIX = os.name == "posix"


def restrict(path: str | os.PathLike, mode: int = FILE_MODE) -> None:
    """Set `path`'s mode to `mode` (POSIX). Raises OSError like os.chmod."""
    if _POSIX:
        os.chmod(path, mode)


def tighten(path: str | os.PathLike) -> None:
    """Take group and other permissions off an existing file (one made by an older version, or
    copied in); silent when the file is gone or not ours to change."""
    if not _POSIX:
        return
    try:
        mode = os.stat(path).st_mode & 0o777
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except OSError:
        pass


def create_empty(path: str | os.PathLike) -> None:
    """Create `path` empty with mode 0o600; it must not exist yet (FileExistsError)."""
    os.close(open_fd(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))


def open_fd(path: str | os.PathLike, flags: int) -> int:
    """os.open with mode 0o600 on a file it creates (umask-independent: fchmod after open)."""
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    if _POSIX and flags & os.O_CREAT:
        try:
            os.fchmod(fd, FILE_MODE)
        except OSError:
            pass  # not ours (a shared lock file someone else made): its mode is theirs to choose
    return fd


def open_private(path: str | os.PathLike, mode: str = "wb", **kwargs):
    """Like open(path, "w…") but the file is created (or truncated) with mode 0o600."""
    if not mode.startswith(("w", "a", "x")):
        raise ValueError(f"open_private is for writing, not mode {mode!r}")
    flags = os.O_WRONLY | os.O_CREAT
    flags |= {"w": os.O_TRUNC, "a": os.O_APPEND, "x": os.O_EXCL}[mode[0]]
    fd = open_fd(path, flags)
    try:
        return open(fd, mode.replace("x", "w"), **kwargs)
    except BaseException:
        os.close(fd)
        raise


def copy_private(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """Copy `source`'s bytes to `target` (created or truncated, mode 0o600), flushed to disk."""
    with open(source, "rb") as src, open_private(target, "wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
        dst.flush()
        os.fsync(dst.fileno())


def make_dirs(path: str | os.PathLike) -> Path:
    """Create `path` and missing parents; the folders made here get mode 0o700."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    for made in missing:
        restrict(made, DIR_MODE)
    return path


def temp_beside(path: str | os.PathLike, suffix: str = ".part") -> Path:
    """A hidden, unique name in `path`'s folder (same file system: os.replace is atomic)."""
    path = Path(path)
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{suffix}")


def write_replacing(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Call `write(temp)` on a fresh 0o600 file beside `path`, then move it into place: a failed
    write never leaves a half-written file under the real name, and the result is 0o600."""
    path = Path(path)
    temp = temp_beside(path)
    create_empty(temp)
    try:
        write(temp)
        restrict(temp)  # in case `write` replaced the file instead of writing into it
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path

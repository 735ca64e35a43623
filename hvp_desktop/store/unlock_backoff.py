"""Repeated wrong passwords slow down (issue 18): from the 3rd failure in a row on a file, each
try waits, the wait doubling up to a minute (1 s, 2 s, 4 s … 60 s).

The count is kept per working file (by its real path) in the user's data folder, in
`unlock-failures.json` (0o600; the paths are stored as hashes), so it holds across processes:
a script calling `hvp-desktop check` in a loop is slowed like the dialog. A right password
clears the count; failures older than `FORGET_AFTER` are forgotten.

This guards the app's own doors only — the KDF (PBKDF2, 256,000 rounds) is what makes guessing
against a copied file slow. The GUI calls `wait_seconds` to disable its button for that long;
the CLI calls `wait`. Plain Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from hvp_desktop import private_files

FREE_FAILURES = 2  # the 1st and 2nd wrong passwords cost nothing more than the KDF
FIRST_DELAY = 1.0  # seconds before the try after the 3rd failure
MAX_DELAY = 60.0
FORGET_AFTER = 15 * 60  # seconds since the last failure
STATE_NAME = "unlock-failures.json"


def delay_after(failures: int) -> float:
    """Seconds to wait before the next try after `failures` wrong passwords in a row."""
    if failures <= FREE_FAILURES:
        return 0.0
    return min(FIRST_DELAY * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY)


def _state_path() -> Path:
    from hvp_desktop.logs import data_dir

    return data_dir() / STATE_NAME


def _key(path: str | os.PathLike) -> str:
    real = os.path.realpath(os.fspath(path))
    return hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _load() -> dict[str, list[float]]:
    try:
        data = json.loads(_state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    now = time.time()
    kept = {}
    for key, value in data.items():
        if (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int | float) for v in value)
                and now - value[1] < FORGET_AFTER):
            kept[key] = [int(value[0]), float(value[1])]
    return kept


def _save(state: dict[str, list[float]]) -> None:
    path = _state_path()
    try:
        private_files.make_dirs(path.parent)
        private_files.write_replacing(path, lambda temp: temp.write_text(json.dumps(state), encoding="utf-8"))
    except OSError:
        pass  # no data folder: no memory of failures, never a failure to open


def failures(path: str | os.PathLike) -> int:
    """Wrong passwords in a row for this file (within FORGET_AFTER)."""
    return int(_load().get(_key(path), [0, 0])[0])


def wait_seconds(path: str | os.PathLike) -> float:
    """How long the next try on this file must still wait (0 when it may go ahead)."""
    count, last = _load().get(_key(path), [0, 0.0])
    return max(0.0, delay_after(int(count)) - (time.time() - last))


def record_failure(path: str | os.PathLike) -> int:
    """Count one more wrong password for this file; returns the count."""
    state = _load()
    count = int(state.get(_key(path), [0, 0])[0]) + 1
    state[_key(path)] = [count, time.time()]
    _save(state)
    return count


def clear(path: str | os.PathLike) -> None:
    """The right password was given: the count starts again."""
    state = _load()
    if state.pop(_key(path), None) is not None:
        _save(state)


def wait(path: str | os.PathLike, *, sleep: Callable[[float], None] | None = None) -> float:
    """Wait (with one line on stderr) until the next try on this file may go ahead; returns the wait."""
    seconds = wait_seconds(path)
    if seconds > 0:
        count = failures(path)
        try:
            sys.stderr.write(f"密码已连续输错{count}次，请等待{seconds:.0f}秒…"
                             f" ({count} wrong passwords in a row: waiting {seconds:.0f} s)\n")
        except Exception:
            pass
        (sleep or time.sleep)(seconds)
    return seconds

"""One opener at a time: a second window, the CLI or a password change is refused while a
working file is open, and a lock left behind by a dead process blocks nobody."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.errors import FileLocked

PASSWORD = "lock-test-1"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def made(tmp_path) -> Path:
    path = tmp_path / "w.hvpdb"
    WorkingFile.create(path, PASSWORD).close()
    return path


def test_second_open_is_refused_while_the_first_holds_the_file(made):
    first = WorkingFile.open(made, PASSWORD)
    try:
        with pytest.raises(FileLocked, match="另一个窗口或程序"):
            WorkingFile.open(made, PASSWORD)
    finally:
        first.close()
    WorkingFile.open(made, PASSWORD).close()  # free again once closed
    assert not made.with_name(made.name + ".lock").exists()


def test_password_change_from_the_cli_is_refused_while_open(made):
    holder = WorkingFile.open(made, PASSWORD)
    try:
        env = {**os.environ, "HVP_PASSWORD": PASSWORD, "HVP_NEW_PASSWORD": "another-pass-2"}
        done = subprocess.run([sys.executable, "-m", "hvp_desktop", "passwd", str(made)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2
        assert "另一个窗口或程序" in done.stderr and "Traceback" not in done.stderr
    finally:
        holder.close()
    WorkingFile.open(made, PASSWORD).close()  # the old password still opens it: nothing was swapped


def test_a_lock_left_by_a_killed_process_does_not_block(made):
    script = (f"import os, signal; from hvp_desktop.store.engine import WorkingFile;"
              f"WorkingFile.open({str(made)!r}, {PASSWORD!r}); print('held', flush=True);"
              f"os.kill(os.getpid(), signal.SIGKILL)")
    child = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert child.stdout.strip() == "held"
    assert made.with_name(made.name + ".lock").exists()  # left behind by the crash …
    WorkingFile.open(made, PASSWORD).close()  # … but its OS lock died with the process

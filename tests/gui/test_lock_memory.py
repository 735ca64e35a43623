"""After a lock, the password, the raw key and decrypted content are gone from the Python objects
the app controls (issue 18, deliverable 6) — checked in a fresh process (tests/gui/lock_memory.py).

What Python can promise, and what this test asserts: no live Python object (reachable through
the garbage collector) holds the password, the key (hex or raw) or an enterprise name of the file
after the lock: the file is closed (engine disposed, pooled connections closed), its key zeroed
in place (RawKey.wipe), the panels and their models destroyed, the password fields emptied.
What it cannot promise: memory already freed by Python or Qt is not overwritten (a transient
`bytes` from the KDF, the hex string made for each connection's PRAGMA key, a QString of the
typed password) until it is reused. The raw scan of the process's memory below measures that
remainder and prints it; it is not asserted to be zero.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hvp_desktop.store import crypto
from tests.conftest import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def _scan(pid: int, needles: dict[str, list[bytes]]) -> dict[str, int]:
    """Occurrences of each needle in the writable memory of process `pid`."""
    counts = dict.fromkeys(needles, 0)
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in maps:
            match = re.match(r"([0-9a-f]+)-([0-9a-f]+) (\S+)", line)
            if not match or "rw" not in match[3]:
                continue
            start, end = int(match[1], 16), int(match[2], 16)
            try:
                mem.seek(start)
                chunk = mem.read(end - start)
            except (OSError, OverflowError, ValueError):
                continue
            for name, patterns in needles.items():
                counts[name] += sum(chunk.count(p) for p in patterns)
    return counts


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_after_a_lock_no_python_object_holds_the_password_the_key_or_the_files_content(_demo_master, tmp_path):
    demo = tmp_path / "demo.hvpdb"
    shutil.copy2(_demo_master, demo)
    key = crypto.derive(DEMO_PASSWORD, crypto.read_salt(demo))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    child = subprocess.Popen([sys.executable, "-m", "tests.gui.lock_memory", str(demo)], cwd=ROOT, env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        child.stdin.write(DEMO_PASSWORD + "\n")
        child.stdin.flush()
        line = child.stdout.readline()
        assert line, child.stderr.read()[-3000:]
        report = json.loads(line)
        raw = _scan(report["pid"], {
            "password (UTF-8)": [DEMO_PASSWORD.encode()],
            "password (UTF-16, Qt)": [DEMO_PASSWORD.encode("utf-16-le")],
            "key hex": [bytes(key.key).hex().encode(), bytes(key.key).hex().encode("utf-16-le")],
            "key raw": [bytes(key.key)],
        })
        child.stdin.write("done\n")
        child.stdin.flush()
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    print(f"\nafter the lock — Python objects holding: {report['python_objects']}; raw memory (freed, "
          f"not yet reused, Python and Qt): {raw}")
    assert report["locked"]
    assert report["python_objects"] == {"password": 0, "key": 0, "content": 0}

"""Changing the password never damages the file (issue 18, deliverable 1): re-keying has the file
alone — writes asked for meanwhile wait and land in the re-keyed file — and a `.rekey` copy left
by a killed change is removed at the next open."""

from __future__ import annotations

import threading

from hvp_desktop.store import audit, panel
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import panel as panel_ops

NEW_PASSWORD = "新的密码-rekey-2026"


def test_writes_during_a_password_change_wait_and_land_in_the_rekeyed_file(wf, db_path):
    written: list[int] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def keep_writing(prefix: str) -> None:
        n = 0
        while not stop.is_set():
            try:
                written.append(panel_ops.add_expert(wf, f"{prefix}{n}").value)
            except BaseException as exc:  # noqa: BLE001 (any failure is the finding)
                errors.append(exc)
                return
            n += 1

    writers = [threading.Thread(target=keep_writing, args=(p,)) for p in ("甲", "乙")]
    for t in writers:
        t.start()
    while len(written) < 20:
        pass
    wf.change_password(NEW_PASSWORD)  # while both keep writing
    after = len(written)
    while len(written) < after + 20:
        pass
    stop.set()
    for t in writers:
        t.join()
    assert errors == []
    wf.close()
    reopened = WorkingFile.open(db_path, NEW_PASSWORD)
    try:
        assert reopened.integrity_errors() == []
        with reopened.session() as s:
            assert audit.verify(s).ok
        experts = {m.expert_id for m in panel.round_panel(reopened, 0)}
        assert set(written) <= experts and len(written) >= 40  # every write that returned is there
    finally:
        reopened.close()
    assert not db_path.with_name(db_path.name + ".rekey").exists()


def test_a_rekeyed_copy_left_by_a_killed_change_goes_at_the_next_open(wf, db_path, password):
    wf.close()
    leftover = db_path.with_name(db_path.name + ".rekey")
    leftover.write_bytes(b"half a re-keyed copy")
    db_path.with_name(db_path.name + ".rekey-wal").write_bytes(b"")
    again = WorkingFile.open(db_path, password)  # the file itself is whole, under the old password
    try:
        assert again.integrity_errors() == []
    finally:
        again.close()
    assert not leftover.exists() and not db_path.with_name(db_path.name + ".rekey-wal").exists()


def test_a_password_change_killed_at_any_moment_leaves_a_file_one_password_opens(tmp_path, password):
    """SIGKILL at spread moments of a password change (KDF, checkpoint, copy, swap): the file opens
    with the old password or the new one, whole, and no `.rekey` copy outlives the next open."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    from hvp_desktop.store.errors import WrongPassword

    root = Path(__file__).resolve().parents[3]
    outcomes = []
    for i, delay in enumerate((0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5)):
        path = tmp_path / f"kill{i}.hvpdb"
        wf = WorkingFile.create(path, password)
        for n in range(30):
            panel_ops.add_expert(wf, f"专家{n}")
        wf.close()
        script = (f"from hvp_desktop.store.engine import WorkingFile\n"
                  f"wf = WorkingFile.open({str(path)!r}, {password!r})\n"
                  f"print('open', flush=True)\n"
                  f"wf.change_password({NEW_PASSWORD!r})\n"
                  f"print('done', flush=True)\n")
        child = subprocess.Popen([sys.executable, "-c", script], cwd=root, stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "open"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        try:
            reopened, used = WorkingFile.open(path, password), "old"
        except WrongPassword:
            reopened, used = WorkingFile.open(path, NEW_PASSWORD), "new"
        try:
            assert reopened.integrity_errors() == []
            assert len(panel.round_panel(reopened, 0)) == 30
        finally:
            reopened.close()
        assert not path.with_name(path.name + ".rekey").exists()
        outcomes.append(used)
        os.sync()
    assert set(outcomes) <= {"old", "new"} and outcomes[0] == "old"

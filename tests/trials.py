"""Reliability trials of issue 18, shared by the test suite (a bounded sample) and
`bench/reliability.py` (the full report): a writer SIGKILLed at a random moment of scoring, of an
import and of a password change, and saves every 10 ms while the password changes.

Every trial works on a real encrypted file and ends with what a user would check: the file opens
(with the old or the new password), SQLite and SQLCipher find nothing wrong, the audit chain is
intact and replays into the tables, and no change that returned to its caller is missing.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "trials-密码-2026"
NEW_PASSWORD = "trials-new-密码-2027"
IMPORT_ROWS = 120


@dataclass
class Outcome:
    kind: str
    runs: int = 0
    commits: int = 0  # changes that returned to the writer before it died
    lost: int = 0  # of those, not in the file afterwards
    damaged: int = 0  # files that did not open whole, or whose chain or replay failed
    notes: list[str] = field(default_factory=list)

    def add(self, other: Outcome) -> None:
        self.runs += other.runs
        self.commits += other.commits
        self.lost += other.lost
        self.damaged += other.damaged
        self.notes += other.notes


# -- the files the trials start from -------------------------------------------------------------
def build_scoring_file(path: Path) -> dict:
    """Six shortlisted applications, one expert assigned to all, a four-criterion rubric: 24 cells
    to score. Returns ids the child needs."""
    from datetime import date

    from hvp_desktop.domain.model import SeatRole
    from hvp_desktop.scoring import rubric as rubrics
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.ops import applications as app_ops
    from hvp_desktop.store.ops import decisions as decision_ops
    from hvp_desktop.store.ops import panel as panel_ops
    from hvp_desktop.store.ops import sheets as sheet_ops
    from hvp_desktop.store.queries import application_rows
    from tests.unit.store.bureau import shortlist_and_confirm
    from tests.unit.store.scored_round import RECOGNITION_RUBRIC, application, confirm_manual_checks

    wf = WorkingFile.create(path, PASSWORD)
    try:
        app_ops.import_applications(wf, [(f"trial.xlsx:{n + 1}", application(n)) for n in range(1, 7)])
        apps = sorted(r.id for r in application_rows(wf))
        round_id = application_rows(wf)[0].round_id
        confirm_manual_checks(wf, apps)
        decision_ops.set_places(wf, round_id, 3)
        shortlist_and_confirm(wf, round_id, date(2025, 6, 10))
        label = sheet_ops.store_rubric(wf, rubrics.from_dict(RECOGNITION_RUBRIC)).value
        expert = panel_ops.add_expert(wf, "试验专家", "测试大学", "教授").value
        panel_ops.seat(wf, round_id, expert, SeatRole.CHAIR)
        panel_ops.assign(wf, expert, apps)
        sheet_ids = [sheet_ops.open_sheet(wf, expert, a, label).value.id for a in apps]
    finally:
        wf.close()
    return {"sheets": sheet_ids, "codes": ["A1", "A2", "B1", "B2"]}


def _cells(ids: dict) -> list[tuple[int, str, str]]:
    """The scoring sequence: every cell in turn, values stepping by 0.5 (all allowed by the rubric)."""
    seq = []
    for n in range(2000):
        sheet = ids["sheets"][n % len(ids["sheets"])]
        code = ids["codes"][(n // len(ids["sheets"])) % len(ids["codes"])]
        seq.append((sheet, code, str(Decimal(n % 20) / 2)))
    return seq


SCORING_CHILD = """
import sys, json
from decimal import Decimal
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import sheets as sheet_ops
seq = json.loads(sys.argv[2])
wf = WorkingFile.open(sys.argv[1], {password!r})
print("open", flush=True)
for i, (sheet, code, points) in enumerate(seq):
    sheet_ops.save_entry(wf, sheet, code, Decimal(points))
    print("ok", i, flush=True)
"""

IMPORT_CHILD = """
import sys
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import applications as app_ops
from tests.unit.store.conftest import make_application
rows = [(f"big.xlsx:{{n + 2}}", make_application(n)) for n in range(1, {rows} + 1)]
wf = WorkingFile.open(sys.argv[1], {password!r})
print("open", flush=True)
app_ops.import_applications(wf, rows)
print("committed", flush=True)
"""

REKEY_CHILD = """
import sys
from hvp_desktop.store.engine import WorkingFile
wf = WorkingFile.open(sys.argv[1], {password!r})
print("open", flush=True)
wf.change_password({new!r})
print("done", flush=True)
"""


def _spawn(script: str, *args: str) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    first = child.stdout.readline().strip()
    if first != "open":
        child.kill()
        raise RuntimeError(f"trial child did not start: {first!r} {child.stderr.read()[-2000:]}")
    return child


def _whole(path: Path, passwords=(PASSWORD,)) -> tuple[object | None, str]:
    """The file opened with one of `passwords` and found whole (integrity, chain, replay), or why not."""
    from hvp_desktop.store import queries
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.errors import WrongPassword

    for pw in passwords:
        try:
            wf = WorkingFile.open(path, pw)
        except WrongPassword:
            continue
        except Exception as exc:  # noqa: BLE001 — any failure to open is the finding
            return None, f"does not open: {exc}"
        problems = wf.integrity_errors() + queries.verify_chain(wf).problems + queries.replay_report(wf).problems
        if problems:
            wf.close()
            return None, "; ".join(problems[:3])
        return wf, ""
    return None, "opens with neither password"


def kill_during_scoring(work: Path, master: Path, ids: dict, rng: random.Random) -> Outcome:
    import json

    from hvp_desktop.store import sheets

    path = work / f"scoring-{rng.random():.8f}.hvpdb"
    shutil.copyfile(master, path)
    seq = _cells(ids)
    child = _spawn(SCORING_CHILD.format(password=PASSWORD), str(path), json.dumps(seq))
    time.sleep(rng.uniform(0.05, 1.2))
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate()
    done = [int(line.split()[1]) for line in out.splitlines() if line.startswith("ok ")]
    last = done[-1] if done else -1
    outcome = Outcome("scoring", runs=1, commits=len(done))
    wf, why = _whole(path)
    if wf is None:
        outcome.damaged, outcome.notes = 1, [why]
        return outcome
    try:
        expected: dict[tuple[int, str], str] = {}
        for i in range(last + 1):
            sheet, code, points = seq[i]
            expected[(sheet, code)] = points
        in_flight = seq[last + 1] if last + 1 < len(seq) else None  # may have committed before the kill
        for (sheet, code), points in expected.items():
            stored = sheets.get_sheet(wf, sheet).entries.get(code)
            stored = None if stored is None else stored[0]
            allowed = {Decimal(points)}
            if in_flight and (in_flight[0], in_flight[1]) == (sheet, code):
                allowed.add(Decimal(in_flight[2]))
            if stored not in allowed:
                outcome.lost += 1
    finally:
        wf.close()
    path.unlink(missing_ok=True)
    return outcome


def kill_during_import(work: Path, empty: Path, rng: random.Random) -> Outcome:
    from hvp_desktop.store.queries import application_rows

    path = work / f"import-{rng.random():.8f}.hvpdb"
    shutil.copyfile(empty, path)
    child = _spawn(IMPORT_CHILD.format(password=PASSWORD, rows=IMPORT_ROWS), str(path))
    time.sleep(rng.uniform(0.0, 0.6))
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate()
    committed = "committed" in out
    outcome = Outcome("import", runs=1, commits=1 if committed else 0)
    wf, why = _whole(path)
    if wf is None:
        outcome.damaged, outcome.notes = 1, [why]
        return outcome
    try:
        count = len(application_rows(wf))
        if count not in (0, IMPORT_ROWS):
            outcome.damaged, outcome.notes = 1, [f"half an import: {count} of {IMPORT_ROWS} rows"]
        if committed and count != IMPORT_ROWS:
            outcome.lost = 1
    finally:
        wf.close()
    path.unlink(missing_ok=True)
    return outcome


def kill_during_rekey(work: Path, master: Path, experts: int, rng: random.Random) -> Outcome:
    from hvp_desktop.store import panel

    path = work / f"rekey-{rng.random():.8f}.hvpdb"
    shutil.copyfile(master, path)
    child = _spawn(REKEY_CHILD.format(password=PASSWORD, new=NEW_PASSWORD), str(path))
    time.sleep(rng.uniform(0.0, 0.8))
    child.send_signal(signal.SIGKILL)
    child.communicate()
    outcome = Outcome("rekey", runs=1, commits=experts)
    wf, why = _whole(path, (PASSWORD, NEW_PASSWORD))
    if wf is None:
        outcome.damaged, outcome.notes = 1, [why]
        return outcome
    try:
        outcome.lost = max(0, experts - len(panel.round_panel(wf, 0)))
    finally:
        wf.close()
    if path.with_name(path.name + ".rekey").exists():
        outcome.damaged, outcome.notes = 1, [".rekey left after the next open"]
    path.unlink(missing_ok=True)
    return outcome


def password_race(work: Path, master: Path, ids: dict, rng: random.Random) -> Outcome:
    """A save every 10 ms (a scoring expert) while the password changes on another thread."""
    from hvp_desktop.store import sheets
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.ops import sheets as sheet_ops

    path = work / f"race-{rng.random():.8f}.hvpdb"
    shutil.copyfile(master, path)
    wf = WorkingFile.open(path, PASSWORD)
    seq = _cells(ids)
    saved: list[int] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def expert() -> None:
        for i, (sheet, code, points) in enumerate(seq):
            if stop.is_set():
                return
            try:
                sheet_ops.save_entry(wf, sheet, code, Decimal(points))
            except BaseException as exc:  # noqa: BLE001 — any failure is the finding
                errors.append(exc)
                return
            saved.append(i)
            time.sleep(0.01)

    writer = threading.Thread(target=expert)
    writer.start()
    time.sleep(rng.uniform(0.02, 0.2))
    wf.change_password(NEW_PASSWORD)
    time.sleep(0.1)
    stop.set()
    writer.join()
    wf.close()
    outcome = Outcome("password race", runs=1, commits=len(saved))
    if errors:
        outcome.notes.append(f"a save failed: {errors[0]!r}")
        outcome.damaged = 1
    again, why = _whole(path, (NEW_PASSWORD,))
    if again is None:
        outcome.damaged, outcome.notes = 1, [*outcome.notes, why]
        return outcome
    try:
        expected: dict[tuple[int, str], str] = {}
        for i in saved:
            expected[(seq[i][0], seq[i][1])] = seq[i][2]
        for (sheet, code), points in expected.items():
            stored = sheets.get_sheet(again, sheet).entries.get(code)
            if stored is None or stored[0] != Decimal(points):
                outcome.lost += 1
    finally:
        again.close()
    path.unlink(missing_ok=True)
    return outcome


def rekey_master(path: Path, experts: int = 30) -> None:
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.ops import panel as panel_ops

    wf = WorkingFile.create(path, PASSWORD)
    try:
        for n in range(experts):
            panel_ops.add_expert(wf, f"专家{n}")
    finally:
        wf.close()


def run(work: Path, *, scoring: int, imports: int, rekeys: int, races: int, seed: int = 18) -> list[Outcome]:
    """Run the trials; each kind's outcomes summed. `work` is an empty folder."""
    from hvp_desktop.store.engine import WorkingFile

    rng = random.Random(seed)
    scoring_master, empty, rekeyed = work / "scoring.hvpdb", work / "empty.hvpdb", work / "rekey.hvpdb"
    ids = build_scoring_file(scoring_master)
    WorkingFile.create(empty, PASSWORD).close()
    rekey_master(rekeyed)
    totals = {k: Outcome(k) for k in ("scoring", "import", "rekey", "password race")}
    for _ in range(scoring):
        totals["scoring"].add(kill_during_scoring(work, scoring_master, ids, rng))
    for _ in range(imports):
        totals["import"].add(kill_during_import(work, empty, rng))
    for _ in range(rekeys):
        totals["rekey"].add(kill_during_rekey(work, rekeyed, 30, rng))
    for _ in range(races):
        totals["password race"].add(password_race(work, scoring_master, ids, rng))
    return list(totals.values())

"""The reliability report of issue 18: kill trials, password races, fuzzed readers, tampering.

- kill trials: a writer SIGKILLed at a random moment of scoring, of an import and of a password
  change (tests/trials.py); changes lost must be 0, damaged files 0;
- password races: a save every 10 ms while the password changes, at the store level and in the
  real main window (tests/gui/test_password_race.py); 0 damaged, 0 lost;
- fuzzed inputs: every reader's fuzzing (tests/unit/reports/test_reader_fuzz.py, run standalone)
  with HVP_FUZZ_EXAMPLES generated inputs each plus the hand-made malformed workbooks; crashes
  and hangs must be 0;
- tampering: every direct edit of tests/unit/store/test_tamper.py made with the key on a copy of
  the demo, and how many `check` named (must be all).

Usage: python bench/reliability.py [--sample] [trials] [gui] [fuzz] [tamper]
(--sample: the bounded run the suite makes; naming parts runs only those)
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from _common import ROOT, Report, scratch_dir

FULL = {"scoring": 40, "imports": 30, "rekeys": 30, "races": 50, "fuzz": 500}
SAMPLE = {"scoring": 3, "imports": 3, "rekeys": 2, "races": 3, "fuzz": 25}


def kill_trials(report: Report, counts: dict) -> None:
    from tests import trials

    with scratch_dir("reliability") as work:
        started = time.perf_counter()
        outcomes = trials.run(work, scoring=counts["scoring"], imports=counts["imports"], rekeys=counts["rekeys"],
                              races=counts["races"])
        report.seconds("trials_wall_time", time.perf_counter() - started, "s", 1)
    kills = [o for o in outcomes if o.kind != "password race"]
    for o in outcomes:
        name = o.kind.replace(" ", "_")
        report.figure(f"{name}_runs", o.runs, "runs")
        report.figure(f"{name}_commits", o.commits, "changes")
        report.figure(f"{name}_lost", o.lost, "changes")
        report.figure(f"{name}_damaged", o.damaged, "files")
        for note in o.notes[:5]:
            print(f"# {name}: {note}", flush=True)
    report.figure("kill_trials", sum(o.runs for o in kills), "runs")
    report.target("changes_lost", sum(o.lost for o in outcomes), 0, "changes")
    report.target("files_damaged", sum(o.damaged for o in outcomes), 0, "files")


def fuzzing(report: Report, examples: int) -> None:
    """The readers' fuzzing module run standalone (its --json summary: inputs, crashes, hangs)."""
    module = ROOT / "tests" / "unit" / "reports" / "test_reader_fuzz.py"
    env = dict(os.environ, HVP_FUZZ_EXAMPLES=str(examples), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(module), "--json"], cwd=ROOT, env=env, capture_output=True, text=True)
    report.seconds("fuzz_wall_time", time.perf_counter() - started, "s", 1)
    try:
        summary = json.loads(done.stdout.strip().splitlines()[-1])["readers"]
    except (IndexError, ValueError, KeyError):
        print(f"# fuzzing did not report: {done.stderr[-2000:]}", flush=True)
        report.target("fuzz_reported", 1, 0, "failures")
        return
    for reader, counts in sorted(summary.items()):
        report.figure(f"fuzz_{reader}_inputs", counts["inputs"], "inputs")
        report.figure(f"fuzz_{reader}_refused", counts["refused"], "inputs")
        report.figure(f"fuzz_{reader}_slowest", counts["slowest_ms"], "ms")
    report.target("fuzz_crashes", sum(c["crash"] for c in summary.values()), 0, "inputs")
    report.target("fuzz_hangs", sum(c["hang"] for c in summary.values()), 0, "inputs")
    report.target("fuzz_fewest_inputs_shortfall", max(0, examples - min(c["inputs"] for c in summary.values())), 0,
                  "inputs")


def gui_races(report: Report, races: int) -> None:
    """File → Change password in the real main window while saves come every 10 ms (pytest-qt)."""
    env = dict(os.environ, HVP_GUI_RACES=str(races), QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/gui/test_password_race.py"], cwd=ROOT, env=env, capture_output=True, text=True)
    report.seconds("gui_race_wall_time", time.perf_counter() - started, "s", 1)
    tail = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    passed = int(m.group(1)) if (m := re.search(r"(\d+) passed", tail)) else 0
    report.figure("gui_race_runs", races, "runs")
    report.figure("gui_race_passed", passed, "runs")
    report.target("gui_race_failed", races - passed, 0, "runs")


def tampering(report: Report) -> None:
    from hvp_desktop.demo import DEMO_PASSWORD, create_demo
    from hvp_desktop.store import heads
    from tests.unit.store import test_tamper as t

    tries = caught = 0
    with scratch_dir("tamper") as work:
        master = work / "master.hvpdb"
        create_demo(master).close()
        password_file = work / "pw.txt"
        password_file.write_text(DEMO_PASSWORD, encoding="utf-8")
        edits = [(what, change) for what, change, _w, _t in t.DIRECT_EDITS] + [
            ("a forged score with its history and a re-hashed chain", t._forge_a_score_and_its_history),
            ("the newest events deleted and the head moved", t._drop_the_newest_events_and_move_the_head)]
        for what, change in edits:
            path = work / "copy.hvpdb"
            for p in work.glob("copy.hvpdb*"):
                p.unlink()
            import shutil

            shutil.copyfile(master, path)
            heads.follow(master, path, copy=True)
            t.edit(path, change)
            out = subprocess.run([sys.executable, "-m", "hvp_desktop", "check", str(path), "--password-file",
                                  str(password_file), "--json"], cwd=ROOT, capture_output=True, text=True)
            tries += 1
            result = json.loads(out.stdout)
            if not result["ok"]:
                caught += 1
            else:
                print(f"# not caught: {what}", flush=True)
    report.figure("tamper_kinds", tries, "edits")
    report.figure("tamper_caught", caught, "edits")
    report.target("tamper_missed", tries - caught, 0, "edits")


def main(argv: list[str]) -> int:
    counts = SAMPLE if "--sample" in argv else FULL
    parts = [a for a in argv if not a.startswith("--")] or ["trials", "gui", "fuzz", "tamper"]
    report = Report("reliability")
    if "trials" in parts:
        kill_trials(report, counts)
    if "gui" in parts:
        gui_races(report, counts["races"])
    if "fuzz" in parts:
        fuzzing(report, counts["fuzz"])
    if "tamper" in parts:
        tampering(report)
    return report.finish()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main(sys.argv[1:]))

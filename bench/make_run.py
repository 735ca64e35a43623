"""`make run` to a shown main window (issue 16: ≤ 5 s on an installed checkout).

Timed: the wall clock from just before `subprocess.Popen(["make", "run"])` in the checkout until
the app prints `HVP_SHOWN` — the main window on the fresh demo file is shown and the first event
loop pass is done (`HVP_BENCH_QUIT_WHEN_SHOWN=1`; the app then quits). Everything `make run` does
counts: make's checks of the system packages and the venv, the translations, the demo file
(copied from the pristine one), interpreter start-up, imports, the KDF, the window.

Two cases, 3 runs each (medians): **warm** — the pristine demo exists (every `make run` after the
first); **cold** — the pristine demo is deleted first, so the demo year is built (the first run
after a change to the code). Target ≤ 5 s for the warm case; the cold case is reported, with the
demo build alone (`hvp-desktop demo`) for scale.

QT_QPA_PLATFORM=offscreen; Qt's settings go to a temporary folder (XDG_CONFIG_HOME).

Usage: python bench/make_run.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from _common import ROOT, Report, run_main, scratch_dir

REPEATS = 3
PRISTINE = ROOT / "demo" / ".pristine.hvpdb"


def launch(env: dict) -> float:
    t0 = time.perf_counter()
    child = subprocess.Popen(["make", "--no-print-directory", "run"], cwd=str(ROOT), env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    for raw in child.stdout:
        if raw.strip() == b"HVP_SHOWN":
            elapsed = time.perf_counter() - t0
            break
    else:
        child.wait()
        raise RuntimeError(f"make run ended ({child.returncode}) without showing its window")
    child.wait(timeout=60)
    return elapsed


def build_demo(env: dict, folder: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "hvp_desktop", "demo", str(folder / "d.hvpdb"), "--force"], cwd=str(ROOT),
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> int:
    report = Report("make_run")
    with scratch_dir("make-run") as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(folder),
               "HVP_BENCH_QUIT_WHEN_SHOWN": "1", "HVP_DATA_DIR": str(folder / "data")}
        launch(env)  # warm-up: makes the pristine demo if missing, and fills the OS file cache
        warm = report.timings("warm", [launch(env) for _ in range(REPEATS)], "s")
        cold = []
        for _ in range(REPEATS):
            PRISTINE.unlink(missing_ok=True)
            cold.append(launch(env))
        report.timings("cold", cold, "s")
        report.timings("demo_build", [build_demo(env, folder) for _ in range(REPEATS)], "s")
    report.target("warm_median", warm, 5.0, "s")
    return report.finish()


if __name__ == "__main__":
    run_main(main)

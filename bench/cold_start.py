"""Cold start to a shown main window with 1,000 applications, as a separate process.

Set-up (not timed): a working file with 1,000 demo applications (`demo.applications(2026,
1000, seed)` + `import_applications`).

Timed: the wall clock from just before `subprocess.Popen` of `python bench/_cold_child.py app …`
(QT_QPA_PLATFORM=offscreen) until its READY line arrives on the pipe, so interpreter start-up and
every import count. The child unlocks with the password (KDF included, no dialog), builds and
shows the main window and waits until the table holds 1,000 rows, the window is exposed and the
table has painted (see _cold_child.py). One warm-up launch first (reported apart: it pays for a
cold OS file cache), then 5 measured ones. Target <= 1.5 s (median).

Also: the child's own phase offsets (imports, unlock, window construction, until shown), and
the same launch of a bare PySide6 window (QMainWindow + QTableView) for the ratio.
The child's QSettings live in a temporary folder (XDG_CONFIG_HOME).

Usage: python bench/cold_start.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from _common import PASSWORD, ROOT, Report, make_working_file, run_main, scratch_dir

APPLICATIONS = 1000
REPEATS = 5
CHILD = Path(__file__).resolve().parent / "_cold_child.py"


def launch(args: list[str], env: dict, log: Path) -> tuple[float, dict[str, float]]:
    """Wall seconds from launch to the READY line, and the child's phase offsets."""
    with open(log, "wb") as err:
        t0 = time.perf_counter()
        child = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=err,
                                 env=env, cwd=str(ROOT))
        line = child.stdout.readline()
        wall = time.perf_counter() - t0
        rest = child.stdout.read()
        code = child.wait(timeout=60)
    text = line.decode(errors="replace").strip()
    if not text.startswith("READY ") or code != 0:
        raise RuntimeError(f"child failed (exit {code}): {text} {rest.decode(errors='replace')}\n"
                           f"{log.read_text(errors='replace')[-3000:]}")
    fields = text.split()
    phases = {"ready": float(fields[1])}
    phases.update({k: float(v) for k, v in (f.split("=") for f in fields[2:])})
    return wall, phases


def main() -> int:
    report = Report("cold_start")
    with scratch_dir("cold") as tmp:
        path = tmp / "cold.hvpdb"
        make_working_file(path, APPLICATIONS, seed=1000).close()
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")
        env["XDG_CONFIG_HOME"] = str(tmp / "config")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
        app_args = ["app", str(path), PASSWORD, str(APPLICATIONS)]
        log = tmp / "child-stderr.txt"

        first, _ = launch(app_args, env, log)
        walls, phases, bare = [], [], []
        for _ in range(REPEATS):
            wall, ph = launch(app_args, env, log)
            walls.append(wall)
            phases.append(ph)
            bare.append(launch(["baseline"], env, log)[0])

    def phase(fn):
        return [fn(p, w) for p, w in zip(phases, walls, strict=True)]

    report.seconds("first_launch", first, "s")
    m_wall = report.timings("shown", walls, "s")
    report.timings("child_in_process", phase(lambda p, w: p["ready"]), "s")
    report.timings("interpreter_startup", phase(lambda p, w: w - p["ready"]), "s")
    report.timings("imports", phase(lambda p, w: p["imports"]), "s")
    report.timings("unlock", phase(lambda p, w: p["open"] - p["imports"]), "s")
    report.timings("window_construction", phase(lambda p, w: p["window"] - p["open"]), "s")
    report.timings("until_painted", phase(lambda p, w: p["ready"] - p["window"]), "s")
    m_bare = report.timings("bare_pyside6_window", bare, "s")
    report.ratio("shown_vs_bare_pyside6_ratio", m_wall / m_bare)
    report.figure("applications", APPLICATIONS, "rows")
    report.target("shown_median", m_wall, 1.5, "s")
    return report.finish()


if __name__ == "__main__":
    run_main(main)

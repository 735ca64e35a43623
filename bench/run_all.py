"""Run every benchmark of this folder, one after the other, each in its own process.

Prints every line the benchmarks print (stderr passes through), then per benchmark its wall
time and exit status, and exits 1 if any benchmark missed a target or failed.

Usage: python bench/run_all.py [name ...]     (names without .py; default: all, in this order)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BENCHMARKS = ("unlock", "import_rows", "write_ratio", "cold_start", "filter_keystroke", "score_total", "rank_round",
              "make_run", "pdf_sheets", "merge_packages")


def main(argv: list[str]) -> int:
    names = argv or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    env["PYTHONUNBUFFERED"] = "1"
    outcomes: list[tuple[str, int, float]] = []
    started = time.perf_counter()
    for name in names:
        print(f"# --- {name}.py", flush=True)
        t = time.perf_counter()
        with subprocess.Popen([sys.executable, str(HERE / f"{name}.py")], stdout=subprocess.PIPE, env=env,
                              cwd=str(ROOT), text=True, encoding="utf-8", errors="replace") as child:
            for line in child.stdout:
                print(line, end="", flush=True)
            code = child.wait()
        outcomes.append((name, code, time.perf_counter() - t))

    print("# --- summary", flush=True)
    for name, code, seconds in outcomes:
        print(f"run_all.{name}_wall_time: {seconds:.1f} s")
        print(f"run_all.{name}_exit_status: {code} code")
    print(f"run_all.wall_time: {time.perf_counter() - started:.1f} s")
    failed = [f"{name} ({'missed a target' if code == 1 else f'failed, exit {code}'})"
              for name, code, _ in outcomes if code != 0]
    if failed:
        print(f"# run_all: NOT ALL TARGETS MET: {', '.join(failed)}", flush=True)
        return 1
    print("# run_all: all targets met", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Helpers shared by the benchmark scripts of this folder (not a benchmark itself).

Output convention of every script:
- one figure per line, `name: value unit` (name = `<script>.<figure>`), medians unless the
  name says otherwise, with a `<script>.<group>_runs: N runs` line for each group of repetitions;
- one line per target, starting with `# ` so that figure parsers can skip it:
  `# target <figure> <= <limit> <unit>: met (<value>)` or `# TARGET MISSED: ...`;
- exit status 1 when any target was missed, 2 when the benchmark itself failed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/x.py` works without PYTHONPATH too
    sys.path.insert(0, str(ROOT))

PASSWORD = "bench-password-2026"
WRONG_PASSWORD = "bench-password-2027"

_UNITS = {"s": 1.0, "ms": 1e3, "us": 1e6}


def median(values: list[float]) -> float:
    return statistics.median(values)


class Report:
    """Prints figures as they are measured and remembers which targets were missed."""

    def __init__(self, script: str) -> None:
        self.script = script
        self.missed: list[str] = []
        self.started = time.perf_counter()

    def name(self, figure: str) -> str:
        return f"{self.script}.{figure}"

    def figure(self, figure: str, value: float | int | str, unit: str, digits: int = 1) -> None:
        text = f"{value:.{digits}f}" if isinstance(value, float) else str(value)
        print(f"{self.name(figure)}: {text} {unit}", flush=True)

    def runs(self, group: str, count: int) -> None:
        self.figure(f"{group}_runs", count, "runs")

    def seconds(self, figure: str, seconds: float, unit: str = "ms", digits: int | None = None) -> float:
        """Print a duration given in seconds, in `unit`; returns the value in that unit."""
        value = seconds * _UNITS[unit]
        if digits is None:
            digits = 3 if value < 10 else 1 if value < 1000 else 0
        self.figure(figure, value, unit, digits)
        return value

    def timings(self, group: str, samples: list[float], unit: str = "ms", *, show_max: bool = False) -> float:
        """Median (and optionally max) of durations in seconds; returns the median in seconds."""
        mid = median(samples)
        self.seconds(f"{group}_median", mid, unit)
        if show_max:
            self.seconds(f"{group}_max", max(samples), unit)
        self.runs(group, len(samples))
        return mid

    def ratio(self, figure: str, value: float) -> float:
        self.figure(figure, value, "x", 2)
        return value

    def target(self, figure: str, value: float, limit: float, unit: str) -> bool:
        """`value` and `limit` are in `unit`; the figure is met when value <= limit."""
        shown = f"{self.name(figure)} = {value:.3g} {unit}, target <= {limit:g} {unit}"
        if value <= limit:
            print(f"# target met: {shown}", flush=True)
            return True
        print(f"# TARGET MISSED: {shown}", flush=True)
        self.missed.append(self.name(figure))
        return False

    def finish(self) -> int:
        self.seconds("benchmark_wall_time", time.perf_counter() - self.started, "s", 1)
        if self.missed:
            print(f"# {self.script}: {len(self.missed)} target(s) missed: {', '.join(self.missed)}", flush=True)
            return 1
        print(f"# {self.script}: all targets met", flush=True)
        return 0


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


@contextmanager
def scratch_dir(prefix: str):
    """A temporary folder removed afterwards (BENCH_KEEP=1 keeps it, and says where)."""
    path = Path(tempfile.mkdtemp(prefix=f"hvp-bench-{prefix}-"))
    try:
        yield path
    finally:
        if os.environ.get("BENCH_KEEP") == "1":
            print(f"# kept {path}", flush=True)
        else:
            shutil.rmtree(path, ignore_errors=True)


def qt_environment(config_dir: Path) -> None:
    """Headless Qt and a throw-away QSettings location, set before PySide6 is imported."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = str(config_dir)  # the user's hvp-desktop settings stay untouched


def make_working_file(path: Path, count: int, seed: int, year: int = 2026):
    """A fresh encrypted working file with `count` demo applications; returns the open WorkingFile."""
    from hvp_desktop import demo
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.ops import applications as app_ops

    wf = WorkingFile.create(path, PASSWORD)
    rows = [(f"bench:{i + 1}", data) for i, data in enumerate(demo.applications(year, count, seed))]
    app_ops.import_applications(wf, rows)
    return wf


def run_main(main: Callable[[], int]) -> None:
    """Run a benchmark's main; an exception is a failed benchmark (exit 2), not a missed target."""
    try:
        code = main()
    except Exception:
        import traceback

        traceback.print_exc()
        print("# BENCHMARK FAILED (exception above)", flush=True)
        code = 2
    sys.stdout.flush()
    raise SystemExit(code)

"""Encrypted vs plain bulk write on the same SQLite build (the `sqlcipher3` module).

1. Raw: 100,000 rows inserted in one transaction (BEGIN … executemany … COMMIT, timed) into a
   table with the columns and constraints of the `applications` table (foreign keys left out),
   in a fresh file each time, journal_mode=WAL, synchronous=FULL, once keyed with a raw key
   (`PRAGMA key = "x'<64 hex>'"`, no KDF) and once with no key. Repetitions alternate which
   kind goes first. Target: encrypted/plain ratio of the medians <= 1.5.
   For scale, the same insert into an unencrypted in-memory database is timed too.
2. The app's own path: `operations.import_applications` of 2,000 demo applications into a
   fresh encrypted `WorkingFile` vs into a fresh plain file opened by the same engine code.
   The package cannot open a plain file (SQLCipher refuses an empty `PRAGMA key`), so for the
   plain run this script swaps, in its own process only, `engine._raw_connect` for a copy of it
   without the key (same connect arguments and pragmas: synchronous=FULL, foreign_keys=ON,
   temp_store=MEMORY; `WorkingFile.create` then sets WAL and runs the migrations as usual).
   The package's files are not touched. Same target, ratio <= 1.5.

Usage: python bench/write_ratio.py
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

from _common import PASSWORD, Report, run_main, scratch_dir

from hvp_desktop.store.ops import applications as app_ops

BULK_ROWS = 100_000
BULK_REPEATS = 7
MEMORY_REPEATS = 5
APP_ROWS = 2000
APP_REPEATS = 3
PLAIN_HEADER = b"SQLite format 3\x00"

TABLE = """
CREATE TABLE applications (
    id INTEGER NOT NULL PRIMARY KEY,
    round_id INTEGER NOT NULL,
    enterprise_id INTEGER NOT NULL,
    state VARCHAR NOT NULL,
    registered_in_district BOOLEAN,
    tax_in_district BOOLEAN,
    stats_in_district BOOLEAN,
    independent_legal_person BOOLEAN,
    independent_accounting BOOLEAN,
    good_credit BOOLEAN,
    ip_staff_count INTEGER,
    ip_budget_yuan TEXT,
    senior_executive_principal BOOLEAN,
    independent_ip_department BOOLEAN,
    iso56005 BOOLEAN,
    valid_invention_patents INTEGER,
    pct_applications INTEGER,
    contact_name TEXT,
    contact_phone TEXT,
    applied_on DATE,
    source TEXT,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    UNIQUE (round_id, enterprise_id)
)
"""
INSERT = f"INSERT INTO applications VALUES ({', '.join(['?'] * 23)})"


def bulk_rows() -> list[tuple]:
    """100,000 rows shaped like real ones (values cycled from 1,000 demo applications)."""
    from hvp_desktop import demo

    base = demo.applications(2026, 1000, 7)
    stamp = "2026-11-25 09:30:00.000000"
    rows = []
    for i in range(BULK_ROWS):
        d = base[i % len(base)]
        rows.append((
            i + 1, 1 + i // 50_000, i + 1, "applied",
            d.registered_in_district, d.tax_in_district, d.stats_in_district, d.independent_legal_person,
            d.independent_accounting, d.good_credit, d.ip_staff_count, str(d.ip_budget_yuan),
            d.senior_executive_principal, d.independent_ip_department, d.iso56005,
            d.valid_invention_patents, d.pct_applications, d.contact_name, d.contact_phone,
            d.applied_on.isoformat(), f"bench.xlsx:{i + 3}", stamp, stamp,
        ))
    return rows


def bulk_write(path: Path, rows: list[tuple], keyed: bool) -> float:
    import sqlcipher3

    con = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        if keyed:
            con.execute("PRAGMA cipher_log_level = NONE")
            con.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
        con.execute("PRAGMA journal_mode = WAL").fetchone()
        con.execute("PRAGMA synchronous = FULL")
        con.execute(TABLE)
        t = time.perf_counter()
        con.execute("BEGIN")
        con.executemany(INSERT, rows)
        con.execute("COMMIT")
        elapsed = time.perf_counter() - t
        count = con.execute("SELECT count(*) FROM applications").fetchone()[0]
    finally:
        con.close()
    if count != len(rows):
        raise AssertionError(f"{count} rows written of {len(rows)}")
    with open(path, "rb") as f:
        plain = f.read(16) == PLAIN_HEADER
    if plain == keyed:
        raise AssertionError(f"{path.name}: keyed={keyed} but the file header says plain={plain}")
    return elapsed


def bulk_write_memory(rows: list[tuple]) -> float:
    import sqlcipher3

    con = sqlcipher3.connect(":memory:", isolation_level=None)
    try:
        con.execute(TABLE)
        t = time.perf_counter()
        con.execute("BEGIN")
        con.executemany(INSERT, rows)
        con.execute("COMMIT")
        return time.perf_counter() - t
    finally:
        con.close()


class AppPathUnavailable(Exception):
    """The engine can no longer be made to open a plain file without editing the package."""


@contextmanager
def plain_connections():
    """Make the engine connect without a key, in this process only (see the module docstring)."""
    import sqlcipher3

    from hvp_desktop.store import engine

    def plain_connect(path, key):
        con = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        con.execute("PRAGMA synchronous = FULL")
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA temp_store = MEMORY")
        return con

    original = getattr(engine, "_raw_connect", None)
    if original is None:
        raise AppPathUnavailable("hvp_desktop.store.engine has no _raw_connect any more")
    engine._raw_connect = plain_connect
    try:
        yield
    finally:
        engine._raw_connect = original


def app_import(path: Path, rows, keyed: bool) -> float:
    from hvp_desktop.store.engine import WorkingFile

    if keyed:
        wf = WorkingFile.create(path, PASSWORD)
        t = time.perf_counter()
        outcome = app_ops.import_applications(wf, rows).value
        elapsed = time.perf_counter() - t
        wf.close()
    else:
        with plain_connections():
            wf = WorkingFile.create(path, PASSWORD)
            t = time.perf_counter()
            outcome = app_ops.import_applications(wf, rows).value
            elapsed = time.perf_counter() - t
            wf.close()
    if outcome.added != len(rows):
        raise AssertionError(f"import added {outcome.added} of {len(rows)}")
    with open(path, "rb") as f:
        plain = f.read(16) == PLAIN_HEADER
    if plain == keyed:
        if not keyed:
            raise AppPathUnavailable("the engine no longer connects through engine._raw_connect")
        raise AssertionError(f"{path.name}: keyed={keyed} but the file header says plain={plain}")
    return elapsed


def main() -> int:
    from hvp_desktop import demo

    report = Report("write_ratio")
    with scratch_dir("write") as tmp:
        rows = bulk_rows()
        times = {True: [], False: []}
        for rep in range(BULK_REPEATS):
            for keyed in ((True, False) if rep % 2 == 0 else (False, True)):
                path = tmp / f"bulk-{rep}-{'enc' if keyed else 'plain'}.db"
                times[keyed].append(bulk_write(path, rows, keyed))
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
        report.figure("bulk_rows", BULK_ROWS, "rows")
        enc = report.timings("bulk_encrypted", times[True])
        plain = report.timings("bulk_plain", times[False])
        bulk_ratio = report.ratio("bulk_ratio", enc / plain)
        # The same insert into an in-memory database: the part of the cost that is neither I/O
        # nor encryption (binding 23 values per row, B-tree and unique-index work).
        memory = [bulk_write_memory(rows) for _ in range(MEMORY_REPEATS)]
        mem = report.timings("bulk_in_memory", memory)
        report.ratio("bulk_encrypted_vs_in_memory_ratio", enc / mem)
        report.ratio("bulk_plain_vs_in_memory_ratio", plain / mem)

        app_rows = [(f"bench:{i + 1}", d) for i, d in enumerate(demo.applications(2026, APP_ROWS, 11))]
        app_times = {True: [], False: []}
        app_ratio = None
        try:
            for rep in range(APP_REPEATS):
                for keyed in ((True, False) if rep % 2 == 0 else (False, True)):
                    path = tmp / f"app-{rep}-{'enc' if keyed else 'plain'}.hvpdb"
                    app_times[keyed].append(app_import(path, app_rows, keyed))
        except AppPathUnavailable as exc:
            print(f"# app_import ratio skipped: {exc}", flush=True)
        else:
            report.figure("app_import_rows", APP_ROWS, "rows")
            app_enc = report.timings("app_import_encrypted", app_times[True], "s")
            app_plain = report.timings("app_import_plain", app_times[False], "s")
            app_ratio = report.ratio("app_import_ratio", app_enc / app_plain)

    report.target("bulk_ratio", bulk_ratio, 1.5, "x")
    if app_ratio is not None:
        report.target("app_import_ratio", app_ratio, 1.5, "x")
    return report.finish()


if __name__ == "__main__":
    run_main(main)

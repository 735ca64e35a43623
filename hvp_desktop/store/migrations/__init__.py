"""Schema migrations: numbered SQL scripts in this folder, applied in order.

`PRAGMA user_version` holds the schema number of a file. Each script runs in one transaction
together with the bump of user_version, so a file is always at exactly one version. Scripts are
history: never edit a published one, add the next number. The engine copies the file aside
(`*.v<N>.bak`, still encrypted) before it upgrades an existing file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from hvp_desktop.store.errors import NewerFileVersion


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def all_migrations() -> list[Migration]:
    found = []
    for entry in resources.files(__package__).iterdir():
        m = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    assert [mig.version for mig in found] == list(range(1, len(found) + 1)), "migration numbers must be 1..N"
    return found


LATEST = len(all_migrations())
SCHEMA_WITH_REPLAY = 8  # from here every change leaves a `rows` audit event (store/replay.py)


def current_version(con) -> int:
    return con.execute("PRAGMA user_version").fetchone()[0]


def pending(con, target: int | None = None) -> list[Migration]:
    version = current_version(con)
    if version > LATEST:
        raise NewerFileVersion(
            f"此文件由较新版本的hvp-desktop创建（结构版本{version}，本程序支持到{LATEST}），请升级程序。"
            f" (Made by a newer hvp-desktop: schema {version}, this one knows up to {LATEST}.)"
        )
    target = LATEST if target is None else target
    return [m for m in all_migrations() if version < m.version <= target]


def upgrade(con, target: int | None = None) -> list[int]:
    """Apply what is pending on a raw sqlcipher3 connection in autocommit mode."""
    applied = []
    for mig in pending(con, target):
        try:
            con.executescript(f"BEGIN;\n{mig.sql}\nPRAGMA user_version = {mig.version};\nCOMMIT;")
        except Exception:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        applied.append(mig.version)
    return applied


def _shape(con) -> dict[str, list]:
    """Tables, indexes and each table's columns, as SQLite reports them."""
    shape: dict[str, list] = {}
    for kind, name in con.execute(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").fetchall():
        shape[f"{kind} {name}"] = ([tuple(r[1:4]) for r in con.execute(f'PRAGMA table_info("{name}")')]
                                   if kind == "table" else [])
    return shape


def shape_problems(con) -> list[str]:
    """How a file's tables differ from what its version number promises (a file edited by hand, or
    a version number set back): [] when they match."""
    import sqlcipher3

    version = current_version(con)
    if version > LATEST:
        return []  # refused at open anyway
    reference = sqlcipher3.connect(":memory:", isolation_level=None)
    try:
        upgrade(reference, version)
        want = _shape(reference)
    finally:
        reference.close()
    have = _shape(con)
    problems = []
    for name in sorted(set(want) | set(have)):
        if name not in have:
            problems.append(f"结构版本{version}应有{name}，文件中没有 (schema {version} has {name}; the file has not)")
        elif name not in want:
            problems.append(f"文件中的{name}不属于结构版本{version} ({name} is not part of schema {version})")
        elif want[name] != have[name]:
            problems.append(f"{name}的列与结构版本{version}不符 ({name}: columns differ from schema {version})")
    return problems

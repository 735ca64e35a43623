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

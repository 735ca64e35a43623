"""Schema migrations: fresh files are current, old files are upgraded with a backup, newer ones refused."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import sqlcipher3

from hvp_desktop.store import applications, crypto, engine, migrations, models
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.errors import NewerFileVersion, WorkingFileError
from hvp_desktop.store.ops import applications as app_ops

MIGRATIONS_DIR = Path(migrations.__file__).parent


def build_raw_file(path: Path, password: str, target: int | None) -> sqlcipher3.Connection:
    """A keyed file made the way WorkingFile.create makes one, but only up to `target`."""
    con = engine._raw_connect(path, crypto.derive(password, crypto.new_salt()))
    con.execute("PRAGMA journal_mode = WAL")
    migrations.upgrade(con, target=target)
    return con


V1_ROWS = [
    "INSERT INTO rounds (id, year, kind, title, places, created_at) "
    "VALUES (1, 2024, 'recognition', '2024年度认定评审', 20, '2024-03-01 08:00:00')",
    "INSERT INTO enterprises (id, credit_code, name) VALUES (1, '91350100M000100Y43', '旧版本企业甲')",
    "INSERT INTO enterprises (id, credit_code, name) VALUES (2, '914403001922038216', '旧版本企业乙')",
    "INSERT INTO applications (id, round_id, enterprise_id, state, enterprise_name, ip_budget_yuan, created_at, "
    "updated_at) VALUES (1, 1, 1, 'applied', '旧版本企业甲', '1234567.89', '2024-04-01 09:00:00', '2024-04-01 09:00:00')",
    "INSERT INTO applications (id, round_id, enterprise_id, state, enterprise_name, created_at, updated_at) "
    "VALUES (2, 1, 2, 'shortlisted', '旧版本企业乙', '2024-04-02 09:00:00', '2024-04-02 09:00:00')",
    "INSERT INTO co_applicants (application_id, position, name, kind) VALUES (1, 1, '中山大学', 'university')",
]


@pytest.fixture
def v1_file(db_path, password) -> Path:
    con = build_raw_file(db_path, password, target=1)
    try:
        for statement in V1_ROWS:
            con.execute(statement)
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        con.close()
    return db_path


def test_migration_files_are_numbered_one_to_latest():
    files = sorted(p.name for p in MIGRATIONS_DIR.glob("*.sql"))
    assert len(files) == migrations.LATEST >= 2
    assert [int(name[:4]) for name in files] == list(range(1, migrations.LATEST + 1))
    assert [m.version for m in migrations.all_migrations()] == list(range(1, migrations.LATEST + 1))


def test_fresh_file_is_at_latest(wf):
    assert wf.schema_version() == migrations.LATEST
    raw = wf.engine.raw_connection()
    try:
        assert migrations.pending(raw.driver_connection) == []
    finally:
        raw.close()


def test_fresh_file_makes_no_backup(wf, db_path, password):
    wf.close()
    WorkingFile.open(db_path, password).close()
    assert sorted(os.listdir(db_path.parent)) == [db_path.name]


def test_v1_file_is_upgraded_with_rows_intact_and_a_backup(v1_file, password):
    with WorkingFile.open(v1_file, password) as wf:
        assert wf.schema_version() == migrations.LATEST
        with wf.engine.connect() as c:
            assert c.exec_driver_sql("SELECT id, name FROM enterprises ORDER BY id").all() == [
                (1, "旧版本企业甲"),
                (2, "旧版本企业乙"),
            ]
            assert c.exec_driver_sql("SELECT id, state, ip_budget_yuan FROM applications ORDER BY id").all() == [
                (1, "applied", "1234567.89"),
                (2, "shortlisted", None),
            ]
            assert c.exec_driver_sql("SELECT name, kind FROM co_applicants").all() == [("中山大学", "university")]
            assert c.exec_driver_sql("SELECT count(*) FROM import_mappings").scalar_one() == 0  # the v2 table
        assert wf.integrity_errors() == []

    backup = v1_file.with_name(v1_file.name + ".v1.bak")
    assert backup.is_file()
    assert not backup.read_bytes().startswith(b"SQLite format 3")  # still encrypted
    with WorkingFile.open(backup, password, migrate=False) as old:
        assert old.schema_version() == 1
        with old.engine.connect() as c:
            tables = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
            assert "import_mappings" not in tables
            assert c.exec_driver_sql("SELECT count(*) FROM applications").scalar_one() == 2


def test_upgraded_file_is_not_backed_up_again(v1_file, password):
    WorkingFile.open(v1_file, password).close()
    backup = v1_file.with_name(v1_file.name + ".v1.bak")
    backup.unlink()
    WorkingFile.open(v1_file, password).close()
    assert not backup.exists()


def test_upgraded_file_works_with_the_orm(v1_file, password, make_app):
    from hvp_desktop.store import queries

    with WorkingFile.open(v1_file, password) as wf:
        app_ops.remember_mappings(wf, {"备注": "ignore"})
        # (2024 already has a shortlisted application: R15 refuses newcomers there)
        app_ops.import_applications(wf, [("new.xlsx:3", make_app(5, year=2025))])
        assert applications.load_mappings(wf) == {"备注": "ignore"}
        assert len(queries.application_rows(wf)) == 3


def test_newer_file_is_refused(db_path, password):
    con = build_raw_file(db_path, password, target=None)
    con.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    con.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(NewerFileVersion) as info:
        WorkingFile.open(db_path, password)
    assert str(migrations.LATEST + 1) in str(info.value)
    assert issubclass(NewerFileVersion, WorkingFileError)
    assert sorted(os.listdir(db_path.parent)) == [db_path.name]  # no backup, no WAL left
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_failed_migration_leaves_file_at_its_version(wf, db_path, password, monkeypatch):
    real = migrations.all_migrations()
    broken = migrations.Migration(
        migrations.LATEST + 1, "broken", "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);"
    )
    wf.close()
    monkeypatch.setattr(migrations, "all_migrations", lambda: [*real, broken])
    monkeypatch.setattr(migrations, "LATEST", migrations.LATEST + 1)
    for _ in range(3):  # refused the same way each time, with one backup, not one per try
        with pytest.raises(WorkingFileError, match="it was not upgraded and is unchanged"):
            WorkingFile.open(db_path, password)
    monkeypatch.undo()

    with WorkingFile.open(db_path, password) as again:
        assert again.schema_version() == migrations.LATEST
        with again.engine.connect() as c:
            tables = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "half_done" not in tables  # the script and the version bump are one transaction
    assert db_path.with_name(f"{db_path.name}.v{migrations.LATEST}.bak").is_file()


# ------------------------------------------------------------------------------ models ↔ SQL


@pytest.fixture(scope="module")
def migrated_schema(tmp_path_factory) -> dict[str, list[tuple]]:
    path = tmp_path_factory.mktemp("schema") / "schema.hvpdb"
    con = build_raw_file(path, "schema-password", target=None)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: con.execute(f"PRAGMA table_info({t})").fetchall() for t in tables}
    finally:
        con.close()


def test_migrations_build_exactly_the_mapped_tables(migrated_schema):
    assert set(migrated_schema) == set(models.Base.metadata.tables)


@pytest.mark.parametrize("table", sorted(models.Base.metadata.tables))
def test_migrated_columns_match_models(migrated_schema, table):
    mapped = models.Base.metadata.tables[table]
    info = migrated_schema[table]  # (cid, name, type, notnull, default, pk)
    assert [r[1] for r in info] == [c.name for c in mapped.columns]
    assert {r[1]: bool(r[3]) for r in info} == {c.name: not c.nullable for c in mapped.columns}
    assert {r[1] for r in info if r[5]} == {c.name for c in mapped.primary_key.columns}


def test_v6_gives_every_existing_record_a_uuid_and_the_file_a_device_id(v1_file, password):
    """Schema 6 (issue 16): rows made before it get random version-4 UUIDs, each its own."""
    import uuid

    with WorkingFile.open(v1_file, password) as wf:
        with wf.engine.connect() as c:
            for table in ("rounds", "enterprises", "applications", "co_applicants"):
                values = [r[0] for r in c.exec_driver_sql(f"SELECT uuid FROM {table}")]
                assert values and all(uuid.UUID(v).version == 4 for v in values), table
                assert len(set(values)) == len(values)
        device = wf.meta_value("device_id")
        assert uuid.UUID(device).version == 4
        app_ops.import_applications(wf, [])  # the ORM gives new rows their own
    other = v1_file.with_name("other.hvpdb")
    WorkingFile.create(other, password).close()
    with WorkingFile.open(other, password) as second:
        assert second.meta_value("device_id") not in (None, device)  # every file its own device

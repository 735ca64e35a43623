"""Every file the app writes is readable by the user alone (issue 18): working files and their
-wal/-shm, lock files, backups, re-keyed copies, exports, expert files and logs are 0o600, the
folders it makes 0o700 — whatever the umask (the tests run under umask 0, the widest)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hvp_desktop import private_files
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

PASSWORD = "file-modes-测试-2026"


@pytest.fixture
def wide_umask():
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def modes(folder: Path) -> dict[str, int]:
    """Every file and folder under `folder` (relative name → permission bits)."""
    return {str(p.relative_to(folder)): stat.S_IMODE(p.lstat().st_mode) for p in sorted(folder.rglob("*"))}


def assert_private(folder: Path, *, expect: tuple[str, ...] = ()) -> dict[str, int]:
    found = modes(folder)
    for name in expect:
        assert name in found, (name, found)
    wide = {name: oct(mode) for name, mode in found.items()
            if mode != (private_files.DIR_MODE if (folder / name).is_dir() else private_files.FILE_MODE)}
    assert not wide, wide
    return found


def test_create_use_and_re_key_leave_only_private_files(tmp_path, wide_umask, make_app):
    from hvp_desktop.store.ops import applications as app_ops

    path = tmp_path / "w.hvpdb"
    wf = WorkingFile.create(path, PASSWORD)
    try:
        app_ops.import_applications(wf, [("t.xlsx:3", make_app(1))])
        with wf.session() as s:  # a reader keeps the WAL and its index open
            s.connection().exec_driver_sql("SELECT count(*) FROM applications").scalar()
            assert_private(tmp_path, expect=("w.hvpdb", "w.hvpdb-wal", "w.hvpdb-shm", "w.hvpdb.lock"))
        wf.change_password("a-new-pass-7Kq")
        assert_private(tmp_path, expect=("w.hvpdb",))
    finally:
        wf.close()
    assert_private(tmp_path, expect=("w.hvpdb",))


def test_a_file_made_before_issue_18_is_made_private_at_open(tmp_path, wide_umask):
    path = tmp_path / "w.hvpdb"
    WorkingFile.create(path, PASSWORD).close()
    os.chmod(path, 0o644)
    WorkingFile.open(path, PASSWORD).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_backup_made_before_a_migration_is_private(tmp_path, wide_umask):
    from hvp_desktop.store import crypto, engine, migrations

    path = tmp_path / "old.hvpdb"
    con = engine._raw_connect(path, crypto.derive(PASSWORD, crypto.new_salt()))  # SQLite's own 0o644
    try:
        con.execute("PRAGMA journal_mode = WAL")
        migrations.upgrade(con, target=1)
    finally:
        con.close()
    assert stat.S_IMODE(path.stat().st_mode) & 0o044  # as an older version left it
    WorkingFile.open(path, PASSWORD).close()
    found = assert_private(tmp_path)
    assert [n for n in found if n.endswith(".bak")], found


def test_exports_expert_files_and_the_demo_are_private(demo_file, tmp_path, wide_umask):
    from hvp_desktop import cli
    from hvp_desktop.reports.excel_import import parse_workbook, write_rejected, write_template
    from hvp_desktop.reports.ranking_excel import write_ranking
    from hvp_desktop.reports.rubric_excel import write_rubric_table
    from hvp_desktop.scoring import rubric as rubrics
    from hvp_desktop.store import expert_file, ranking
    from hvp_desktop.store.models import Expert, Round

    out = tmp_path / "out"
    out.mkdir(mode=0o700)
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        with wf.session() as s:
            round_id = s.query(Round.id).order_by(Round.id).first()[0]
            expert_id = s.query(Expert.id).order_by(Expert.id).first()[0]
        write_ranking(ranking.analyse_round(wf, round_id), out / "ranking.xlsx")
        expert_file.write_expert_file(wf, expert_id, out / "expert.hvpdb", "expert-file-pass-1")
    write_rubric_table(rubrics.default_rubrics()["recognition"], out / "rubric.xlsx")
    write_template(out / "template.xlsx")
    write_rejected(parse_workbook(out / "template.xlsx"), out / "rejected.xlsx")
    assert cli.main(["demo", str(out / "copied.hvpdb"), "--copy-of", str(demo_file)]) == cli.EXIT_OK
    assert_private(out, expect=("ranking.xlsx", "expert.hvpdb", "rubric.xlsx", "template.xlsx", "rejected.xlsx",
                                "copied.hvpdb"))


def test_the_helpers_ignore_the_umask(tmp_path, wide_umask):
    private_files.create_empty(tmp_path / "a")
    with private_files.open_private(tmp_path / "b", "w", encoding="utf-8") as f:
        f.write("x")
    (tmp_path / "c").write_bytes(b"old")
    os.chmod(tmp_path / "c", 0o666)
    private_files.copy_private(tmp_path / "b", tmp_path / "c")
    private_files.make_dirs(tmp_path / "d" / "e")
    private_files.write_replacing(tmp_path / "d" / "e" / "f", lambda temp: temp.write_bytes(b"whole"))
    assert (tmp_path / "c").read_text() == "x" and (tmp_path / "d" / "e" / "f").read_bytes() == b"whole"
    assert assert_private(tmp_path).keys() == {"a", "b", "c", "d", "d/e", "d/e/f"}


def test_the_log_is_private(tmp_path, monkeypatch, wide_umask):
    from hvp_desktop import logs

    monkeypatch.setenv("HVP_DATA_DIR", str(tmp_path / "data"))
    try:
        log = logs.setup("cli")
        logs.logger.info("a line")
    finally:
        logs.shutdown()
    assert log is not None
    assert_private(tmp_path, expect=("data", f"data/{log.relative_to(tmp_path / 'data')}"))

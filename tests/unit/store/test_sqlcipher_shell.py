"""No lock-in: the stock SQLCipher 4 shell opens the working file with the plain password."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import applications as app_ops

SHELL = Path(__file__).resolve().parents[3] / "tools" / "sqlcipher-shell" / "sqlcipher"

pytestmark = [
    pytest.mark.shell,
    pytest.mark.skipif(
        not SHELL.is_file(),
        reason=f"SQLCipher 4 shell not built at {SHELL} (run tools/build-sqlcipher-shell.sh)",
    ),
]


def shell(path: Path, password: str, query: str) -> subprocess.CompletedProcess:
    quoted = password.replace("'", "''")
    script = f"PRAGMA key='{quoted}';\n{query}\n"
    return subprocess.run([str(SHELL), str(path)], input=script, capture_output=True, text=True, timeout=30)


@pytest.fixture
def four_applications(wf, make_app) -> WorkingFile:
    app_ops.import_applications(wf, [(f"s.xlsx:{n}", make_app(n)) for n in range(1, 5)])
    wf.close()
    return wf


def test_shell_counts_applications_with_the_password(four_applications, password):
    done = shell(four_applications.path, password, "SELECT count(*) FROM applications;")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "4"


def test_shell_reads_chinese_text(four_applications, password, make_app):
    done = shell(four_applications.path, password, "SELECT name FROM enterprises ORDER BY id LIMIT 1;")
    assert done.stdout.splitlines()[-1] == make_app(1).enterprise_name


def test_shell_refuses_wrong_password(four_applications):
    done = shell(four_applications.path, "wrong password", "SELECT count(*) FROM applications;")
    assert "4" not in done.stdout.splitlines()
    assert "not a database" in done.stderr


def test_shell_opens_file_after_change_password(wf, make_app, password):
    app_ops.import_applications(wf, [("s.xlsx:3", make_app(1)), ("s.xlsx:4", make_app(2))])
    wf.change_password("rekeyed password")
    wf.close()
    assert shell(wf.path, "rekeyed password", "SELECT count(*) FROM applications;").stdout.splitlines()[-1] == "2"
    assert "2" not in shell(wf.path, password, "SELECT count(*) FROM applications;").stdout.splitlines()


def test_shell_reads_the_schema_version(four_applications, password):
    from hvp_desktop.store import migrations

    done = shell(four_applications.path, password, "PRAGMA user_version;")
    assert done.stdout.splitlines()[-1] == str(migrations.LATEST)

"""The log file: where it lives, that it rotates, that only its owner reads it, and that an exception
leaves its class and frames in it but never its message (a name or a score)."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest

from hvp_desktop import logs

SECRET_NAME = "广州某某科技有限公司"
SECRET_SCORE = "87.5"


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("HVP_DATA_DIR", str(tmp_path / "data"))
    yield tmp_path / "data"
    logs.shutdown()


def _raise_confidential() -> None:
    score = SECRET_SCORE  # a local value: must not reach the log either
    try:
        raise ValueError(f"score {score} of {SECRET_NAME}")
    except ValueError as exc:
        raise RuntimeError(f"{SECRET_NAME} {SECRET_SCORE}") from exc


def _log_text(path: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(path.parent.glob(path.name + "*")))


def test_data_dir_rules(monkeypatch, tmp_path):
    monkeypatch.setenv("HVP_DATA_DIR", str(tmp_path / "x"))
    assert logs.data_dir() == tmp_path / "x"
    monkeypatch.delenv("HVP_DATA_DIR")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert logs.data_dir() == tmp_path / "xdg" / "hvp-desktop"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert logs.data_dir() == Path.home() / ".local" / "share" / "hvp-desktop"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # ignored, as the XDG spec says
    assert logs.data_dir() == Path.home() / ".local" / "share" / "hvp-desktop"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert logs.data_dir() == tmp_path / "local" / "hvp-desktop"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert logs.data_dir() == Path.home() / "Library" / "Application Support" / "hvp-desktop"


def test_setup_is_idempotent_and_returns_the_file(data_dir):
    path = logs.setup("gui")
    assert path == (data_dir / "logs" / "hvp-desktop-gui.log").absolute()
    assert logs.setup("gui") == path
    handlers = [h for h in logs.logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(handlers) == 1
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (1_000_000, 5)
    assert "start kind=gui" in path.read_text(encoding="utf-8")
    assert logs.current_log_path() == path
    other = logs.setup("cli")  # another entry point: another file, still one handler
    assert other.name == "hvp-desktop-cli.log"
    assert len([h for h in logs.logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]) == 1


def test_the_log_rotates_past_its_size(data_dir, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup("gui")
    for i in range(200):
        logs.logger.info("event=tick n=%d", i)
    files = sorted(path.parent.glob("hvp-desktop-gui.log*"))
    assert path.with_name("hvp-desktop-gui.log.1") in files
    assert len(files) <= 1 + logs.BACKUP_COUNT
    assert all(f.stat().st_size <= 2_000 for f in files)
    assert "n=199" in path.read_text(encoding="utf-8")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_only_the_owner_reads_the_log(data_dir, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 1_000)
    path = logs.setup("gui")
    for i in range(50):
        logs.logger.info("event=tick n=%d", i)
    for f in path.parent.glob("hvp-desktop-gui.log*"):  # the current file and the rotated ones
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_an_exception_is_logged_without_its_message(data_dir):
    path = logs.setup("gui")
    try:
        _raise_confidential()
    except RuntimeError:
        incident = logs.log_exception(*sys.exc_info(), where="gui")
    assert len(incident) == 8 and int(incident, 16) >= 0
    text = _log_text(path)
    assert SECRET_NAME not in text and SECRET_SCORE not in text
    assert f"incident={incident}" in text
    assert "RuntimeError (message not logged)" in text
    assert "caused by ValueError" in text
    assert "test_logs.py:" in text and "in _raise_confidential" in text  # the frames
    assert str(Path.home()) not in text  # module paths, not the user's folders


def test_the_filter_is_a_safety_net_for_careless_records(data_dir):
    path = logs.setup("cli")
    log = logging.getLogger("hvp_desktop.some.module")  # a child logger: the file handler filters it too
    exc = RuntimeError(f"{SECRET_NAME} {SECRET_SCORE}")
    log.error("failed: %s", exc)
    log.warning("imported %s", SECRET_NAME)
    log.warning(f"imported {SECRET_NAME}")  # noqa: G004 (the careless case)
    try:
        _raise_confidential()
    except RuntimeError:
        log.exception("while importing rows=%d", 12)
    text = _log_text(path)
    assert SECRET_NAME not in text and SECRET_SCORE not in text
    assert "failed: <RuntimeError>" in text
    assert "imported <redacted>" in text
    assert "while importing rows=12" in text and "in _raise_confidential" in text


def test_no_log_file_is_not_a_crash(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("HVP_DATA_DIR", str(blocker))  # the folder cannot be made
    try:
        assert logs.setup("gui") is None
        assert logs.current_log_path() is None
        assert logs.log_exception(RuntimeError, RuntimeError("x"), None, "gui")  # still an incident id
    finally:
        logs.shutdown()
    err = capsys.readouterr().err
    assert "no log file" in err and "Traceback" not in err

"""The app's log: a small rotating file in the user's data folder, and nothing confidential in it.

The app logs event names, ids, counts and timings only. As a safety net, every record that reaches
the log file passes `RedactFilter`: an exception is written as its class name and the traceback's
`file:line in function` frames, never its message (which can carry an enterprise name or a score)
nor any local value; an exception given as a message argument becomes its class name; a non-ASCII
message or argument (a Chinese name, a comment) is replaced by a marker.

`setup(kind)` is called once by each entry point ("gui", "cli"); `log_exception` writes an
unexpected error and returns the incident id that the user is shown.

Plain Python: no Qt here.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import secrets
import sys
import threading
from pathlib import Path
from types import TracebackType

from hvp_desktop import __version__, private_files

LOGGER_NAME = "hvp_desktop"
APP_DIR_NAME = "hvp-desktop"
MAX_BYTES = 1_000_000  # per file; with the backups at most 6 MB on disk
BACKUP_COUNT = 5
FILE_MODE = 0o600
FORMAT = "%(asctime)s %(levelname)s pid=%(process)d %(threadName)s %(name)s: %(message)s"
REDACTED = "<redacted>"
MAX_CHAIN = 5  # causes / contexts of an exception that are written

logger = logging.getLogger(LOGGER_NAME)
_lock = threading.Lock()
_handler: _PrivateRotatingFileHandler | None = None


def data_dir() -> Path:
    """The per-user data folder: $HVP_DATA_DIR if set; otherwise %LOCALAPPDATA%\\hvp-desktop (Windows),
    ~/Library/Application Support/hvp-desktop (macOS), $XDG_DATA_HOME/hvp-desktop or
    ~/.local/share/hvp-desktop (Linux and other POSIX systems)."""
    override = os.environ.get("HVP_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base or Path.home() / "AppData" / "Local") / APP_DIR_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = os.environ.get("XDG_DATA_HOME")
    if not base or not os.path.isabs(base):  # the XDG spec: a relative value is ignored
        base = str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME


def log_dir() -> Path:
    return data_dir() / "logs"


def log_path_for(kind: str) -> Path:
    """One file per entry point, so a CLI run never rotates the file a running GUI writes to."""
    return log_dir() / f"hvp-desktop-{kind}.log"


def current_log_path() -> Path | None:
    """The file this process logs to, or None when `setup` was not called or could not open it."""
    handler = _handler
    return Path(handler.baseFilename) if handler is not None else None


# -- redaction ---------------------------------------------------------------------------------
def _frame_file(frame, filename: str) -> str:
    """`hvp_desktop/store/engine.py` from the module name: no user folder in the log."""
    module = frame.f_globals.get("__name__") if frame is not None else None
    base = os.path.basename(filename)
    if isinstance(module, str) and module and module != "__main__" and not module.startswith("<"):
        parts = module.split(".")
        if base == "__init__.py":
            parts.append("__init__")
        return "/".join(parts) + ".py"
    return base or "?"


def _class_name(exc_type: type[BaseException] | None) -> str:
    if exc_type is None:
        return "None"
    module = getattr(exc_type, "__module__", "") or ""
    name = getattr(exc_type, "__qualname__", None) or getattr(exc_type, "__name__", "?")
    return name if module in ("builtins", "") else f"{module}.{name}"


def _frames(tb: TracebackType | None) -> list[str]:
    lines = []
    while tb is not None:
        frame, code = tb.tb_frame, tb.tb_frame.f_code
        function = getattr(code, "co_qualname", code.co_name)
        lines.append(f"  {_frame_file(frame, code.co_filename)}:{tb.tb_lineno} in {function}")
        tb = tb.tb_next
    return lines


def redacted_traceback(exc_type: type[BaseException] | None, exc: BaseException | None,
                       tb: TracebackType | None) -> str:
    """The exception's class and frames, its causes' too; no message text, no local value."""
    lines = [f"{_class_name(exc_type)} (message not logged)", *_frames(tb)]
    seen = {id(exc)}
    current = exc
    for _ in range(MAX_CHAIN):
        if current is None:
            break
        nxt = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if nxt is None or id(nxt) in seen:
            break
        seen.add(id(nxt))
        lines.append(f"caused by {_class_name(type(nxt))}:" if nxt is current.__cause__
                     else f"while handling {_class_name(type(nxt))}:")
        lines += _frames(nxt.__traceback__)
        current = nxt
    return "\n".join(lines)


def _safe_arg(value: object) -> object:
    if isinstance(value, BaseException):
        return f"<{_class_name(type(value))}>"
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    text = value if isinstance(value, str) else None
    if text is None:
        try:
            text = str(value)
        except Exception:
            return REDACTED
    return value if text.isascii() else REDACTED


class RedactFilter(logging.Filter):
    """Keeps confidential content out of a record before any handler formats it (see the module doc)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_hvp_redacted", False):
            return True
        try:
            if not isinstance(record.msg, str) or not record.msg.isascii():
                record.msg = str(_safe_arg(record.msg))
            if isinstance(record.args, dict):
                record.args = {k: _safe_arg(v) for k, v in record.args.items()}
            elif record.args:
                record.args = tuple(_safe_arg(a) for a in record.args)
            if isinstance(record.exc_info, tuple) and record.exc_info[0] is not None:
                trace = redacted_traceback(*record.exc_info)
                record.msg = f"{record.msg}\n{trace.replace('%', '%%') if record.args else trace}"
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        except Exception:  # never let the safety net itself break logging: drop the content instead
            record.msg, record.args, record.exc_info, record.exc_text = REDACTED, (), None, None
        record._hvp_redacted = True
        return True


# -- the file ----------------------------------------------------------------------------------
class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file readable by its owner only (0o600); a write error is one line on stderr."""

    _reported = False

    def _open(self):
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        if "w" in self.mode:
            flags |= os.O_TRUNC
        fd = os.open(self.baseFilename, flags, FILE_MODE)
        try:
            if os.name == "posix":
                os.fchmod(fd, FILE_MODE)  # a file made by an older version keeps no wider mode
            return open(fd, "a", encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(fd)
            raise

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        if not self._reported:  # not logging's traceback on stderr: one line, once
            _PrivateRotatingFileHandler._reported = True
            try:
                sys.stderr.write(f"hvp-desktop: cannot write the log file {self.baseFilename}\n")
            except Exception:
                pass


def setup(kind: str) -> Path | None:
    """Log to `log_path_for(kind)` (rotating, UTF-8, 0o600). Idempotent: a second call for the same
    file changes nothing; for another file (another kind, or HVP_DATA_DIR changed) it moves there.
    Returns the log file, or None when it cannot be opened (the app then runs without a log)."""
    global _handler
    path = log_path_for(kind)
    with _lock:
        if _handler is not None and Path(_handler.baseFilename) == path.absolute():
            return path.absolute()
        if _handler is not None:
            logger.removeHandler(_handler)
            _handler.close()
            _handler = None
        try:
            private_files.make_dirs(path.parent)  # 0o700, the data folder above it too when made here
            handler = _PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                                  encoding="utf-8")
        except OSError as exc:
            try:
                sys.stderr.write(f"hvp-desktop: no log file ({exc.strerror or type(exc).__name__}): {path}\n")
            except Exception:
                pass
            return None
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(RedactFilter())
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > logging.INFO:
            logger.setLevel(logging.INFO)
        _handler = handler
    logger.info("start kind=%s version=%s python=%s platform=%s", kind, __version__,
                platform.python_version(), sys.platform)
    return Path(handler.baseFilename)


def shutdown() -> None:
    """Close the file (tests; the interpreter's exit closes it otherwise)."""
    global _handler
    with _lock:
        if _handler is not None:
            logger.removeHandler(_handler)
            _handler.close()
            _handler = None


def new_incident_id() -> str:
    return secrets.token_hex(4)


def log_exception(exc_type: type[BaseException] | None, exc: BaseException | None,
                  tb: TracebackType | None, where: str) -> str:
    """Write an unexpected error (class name and frames only, see RedactFilter) and return its
    incident id, the short code the user is shown. Never raises."""
    incident = new_incident_id()
    try:
        logger.error("unexpected error incident=%s where=%s", incident, where,
                     exc_info=(exc_type, exc, tb) if exc_type is not None else None)
    except Exception:
        pass
    return incident

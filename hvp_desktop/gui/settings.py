"""What the app remembers between runs (QSettings): recent files, language, window geometry, the
idle time before the file locks itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings("hvp-desktop", "hvp-desktop")


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [p for p in value or [] if p]


def add_recent_file(path: str | Path) -> None:
    path = str(Path(path).resolve())
    files = [path] + [p for p in recent_files() if p != path]
    settings().setValue("recent_files", files[:MAX_RECENT])


def language() -> str:
    """The language chosen for the UI (saved between runs)."""
    return str(settings().value("language", "zh_CN"))


_active = "en"  # the source strings' language, until a translation is installed


def set_ui_language(code: str) -> None:
    global _active
    _active = code


def ui_language() -> str:
    """The language the UI shows now (what `Application.install_language` installed): messages
    built outside Qt's translations, such as refusals, follow it."""
    return _active


def set_language(code: str) -> None:
    settings().setValue("language", code)


def idle_lock_minutes() -> int:
    """Minutes without use before the file locks itself (issue 18); 0 = never. Default 10."""
    from hvp_desktop.gui.idle_lock import DEFAULT_MINUTES

    try:
        return max(int(settings().value("idle_lock_minutes", DEFAULT_MINUTES)), 0)
    except (TypeError, ValueError):
        return DEFAULT_MINUTES


def set_idle_lock_minutes(minutes: int) -> None:
    settings().setValue("idle_lock_minutes", int(minutes))

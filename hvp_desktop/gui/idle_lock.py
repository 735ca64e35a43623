"""When the app locks itself, and what it clears (issue 18, deliverable 6).

- `IdleWatcher`: no keyboard, mouse, wheel, touch or input-method event for the chosen time
  (default 10 minutes, File → Lock when idle) → `idle`. The events are seen by one
  application-wide event filter that only stores a time stamp. The time is CLOCK_BOOTTIME where
  the OS has it (it keeps counting while the laptop sleeps), else the monotonic clock.
- `SessionWatcher`: the OS says the screen was locked or the machine goes to sleep →
  `lock_now`. On Linux, over D-Bus if QtDBus and a bus are there: logind's `PrepareForSleep(true)`
  (lid closed, suspend) and a session's `Lock`, the freedesktop / GNOME screen saver's
  `ActiveChanged(true)`. Without D-Bus (Windows, macOS, a bare X session) it listens to nothing,
  silently: the idle time still locks. (Qt's application state Inactive / Suspended only means
  another window has the focus, not a lock: not used.)
- `ClipboardGuard`: remembers a digest of what the app put on the clipboard (any copy made in
  its widgets, and "Copy details"), and on lock and exit clears the clipboard only if it still
  holds that — never what another program put there.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication

DEFAULT_MINUTES = 10
CHOICES = (0, 1, 5, 10, 15, 30, 60)  # minutes; 0 = never

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.InputMethod,
    QEvent.Type.TabletPress, QEvent.Type.HoverMove, QEvent.Type.Enter,
})


def now() -> float:
    """Seconds on a clock that keeps counting while the machine sleeps, where there is one."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    return time.clock_gettime(boottime) if boottime is not None else time.monotonic()


class IdleWatcher(QObject):
    """Emits `idle` once after `seconds` without user input; `reset()` starts counting again,
    `pause()` stops it (while the file is locked). `check()` is what the timer calls."""

    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None, clock: Callable[[], float] = now) -> None:
        super().__init__(parent)
        self._clock = clock
        self._seconds = 0.0
        self._last = clock()
        self._paused = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self.set_seconds(seconds)
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def seconds(self) -> float:
        return self._seconds

    def set_seconds(self, seconds: float) -> None:
        """0 never locks."""
        self._seconds = max(float(seconds), 0.0)
        self._last = self._clock()
        if self._seconds:
            # checked a few times per period, at most every 5 s: a 10-minute limit locks within 5 s of it
            self._timer.start(int(min(5.0, self._seconds / 4) * 1000) or 1)
        else:
            self._timer.stop()

    def eventFilter(self, _obj, event) -> bool:
        if event.type() in _INPUT:
            self._last = self._clock()
        return False

    def reset(self) -> None:
        self._last = self._clock()
        self._paused = False

    def pause(self) -> None:
        self._paused = True

    def idle_for(self) -> float:
        return self._clock() - self._last

    def check(self) -> None:
        if self._paused or not self._seconds:
            return
        if self.idle_for() >= self._seconds:
            self._paused = True  # once: the lock screen resets it after the unlock
            self.idle.emit()


class SessionWatcher(QObject):
    """`lock_now` when the OS locks the screen or is about to sleep; `listening` names the D-Bus
    signals connected (empty where there is no D-Bus: nothing happens, nothing is shown)."""

    lock_now = Signal()

    SCREEN_SAVERS = (("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
                     ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening: list[str] = []
        try:
            self._connect()
        except Exception:  # noqa: BLE001 (no QtDBus module, no bus, a bus that refuses: the idle time still locks)
            pass

    def _connect(self) -> None:
        from PySide6.QtCore import SLOT
        from PySide6.QtDBus import QDBusConnection

        system = QDBusConnection.systemBus()
        if system.isConnected():
            if system.connect("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                              "PrepareForSleep", self, SLOT("on_prepare_for_sleep(bool)")):
                self.listening.append("login1.PrepareForSleep")
            # a session's Lock (loginctl lock-session, the desktop's lock); any session path
            if system.connect("org.freedesktop.login1", "", "org.freedesktop.login1.Session", "Lock", self,
                              SLOT("on_session_lock()")):
                self.listening.append("login1.Session.Lock")
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, interface in self.SCREEN_SAVERS:
                if session.connect(service, path, interface, "ActiveChanged", self, SLOT("on_active_changed(bool)")):
                    self.listening.append(f"{interface}.ActiveChanged")

    @Slot(bool)
    def on_prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_now.emit()

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        if active:
            self.lock_now.emit()

    @Slot()
    def on_session_lock(self) -> None:
        self.lock_now.emit()


def _digest(clipboard: QClipboard, mode: QClipboard.Mode) -> bytes | None:
    data = clipboard.mimeData(mode)
    if data is None or not data.formats():
        return None
    h = hashlib.sha256()
    for fmt in sorted(data.formats()):
        h.update(fmt.encode() + b"\0" + bytes(data.data(fmt)) + b"\0")
    return h.digest()


class ClipboardGuard(QObject):
    """Clears, on `clear()`, what the app put on the clipboard (and on X11's selection), if it is
    still there. A change counts as the app's when the app owns the clipboard (X11, Windows,
    macOS tell), has the focus, or runs on an in-process clipboard (the offscreen platform)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: dict[QClipboard.Mode, bytes] = {}
        self._clipboard = QGuiApplication.clipboard()
        self._clipboard.changed.connect(self._changed)

    def _ours_now(self, mode: QClipboard.Mode) -> bool:
        cb = self._clipboard
        owns = cb.ownsSelection() if mode == QClipboard.Mode.Selection else cb.ownsClipboard()
        return owns or QGuiApplication.focusWindow() is not None \
            or QGuiApplication.platformName() in ("offscreen", "minimal")

    def _changed(self, mode: QClipboard.Mode) -> None:
        digest = _digest(self._clipboard, mode)
        if digest is not None and self._ours_now(mode):
            self._ours[mode] = digest
        else:
            self._ours.pop(mode, None)

    def holds_ours(self) -> bool:
        return any(_digest(self._clipboard, mode) == digest for mode, digest in self._ours.items())

    def clear(self) -> bool:
        """Clear what is still the app's; True when something was cleared."""
        cleared = False
        for mode, digest in list(self._ours.items()):
            if _digest(self._clipboard, mode) == digest:
                self._clipboard.clear(mode)
                cleared = True
        self._ours.clear()
        return cleared

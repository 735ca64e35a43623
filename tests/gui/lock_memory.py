"""What of the password, the key and the file's content is left in the process after a lock
(issue 18, deliverable 6). Run as its own process by test_lock_memory.py:

    python -m tests.gui.lock_memory DEMO.hvpdb     (the password comes on stdin, one line)

It types the password into the unlock dialog, opens every panel, scores a criterion with a
comment, then locks (Ctrl+L) and answers on stdout, one JSON line: the Python objects still
holding the password, the key's hex or raw bytes, or an enterprise name of the file (found by
walking every object the garbage collector tracks and what they refer to; functions' and code
objects' own strings are the program's text and are left out). Then it waits for a
line on stdin, so that the parent can scan its raw memory (/proc/PID/mem) meanwhile.

The needles are kept reversed, so that the search does not find itself.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import types


def _python_holders(needles: dict[str, list]) -> dict[str, int]:
    """How many str/bytes/bytearray objects reachable from gc-tracked objects hold each needle."""
    found = dict.fromkeys(needles, 0)
    seen: set[int] = set()
    for obj in gc.get_objects():
        if isinstance(obj, types.FunctionType | types.CodeType):
            continue  # the program's own text (a docstring quotes a company name as an example)
        for ref in [obj, *gc.get_referents(obj)]:
            if not isinstance(ref, str | bytes | bytearray) or id(ref) in seen:
                continue
            seen.add(id(ref))
            for name, reversed_needles in needles.items():
                for reversed_needle in reversed_needles:
                    if type(reversed_needle) is not type(ref) and not (
                            isinstance(ref, bytes | bytearray) and isinstance(reversed_needle, bytes)):
                        continue
                    if reversed_needle[::-1] in ref:  # noqa: PLR1714 (made for the comparison, dropped)
                        found[name] += 1
                        if os.environ.get("HVP_LOCK_MEMORY_DEBUG"):
                            print(name, type(obj).__name__, repr(obj)[:200], file=sys.stderr)
    return found


def _read_line() -> bytes:
    line = b""
    while not line.endswith(b"\n"):
        chunk = os.read(0, 1)
        if not chunk:
            break
        line += chunk
    return line.rstrip(b"\n")


def main(demo: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    qapp = QApplication([sys.argv[0]])
    from hvp_desktop.app import Application
    from hvp_desktop.gui.unlock_dialog import UnlockDialog
    from hvp_desktop.store import queries

    app = Application(qapp)
    app.install_language("en")
    password = _read_line().decode()  # not sys.stdin: its text buffer would keep the line
    dialog = UnlockDialog(demo)
    QTest.keyClicks(dialog.form.passwordEdit, password)
    needles = {"password": [password[::-1], password.encode()[::-1]]}
    del password
    QTest.keyClick(dialog.form.passwordEdit, Qt.Key.Key_Return)
    app.wf = dialog.working_file
    dialog.deleteLater()
    del dialog
    key = app.wf._key
    hex_key = key.key.hex()
    needles["key"] = [hex_key[::-1], hex_key.encode()[::-1], bytes(key.key)[::-1]]
    del hex_key, key
    names = sorted({r.enterprise_name for r in queries.application_rows(app.wf)}, key=len, reverse=True)[:5]
    needles["content"] = [n[::-1] for n in names] + [n.encode()[::-1] for n in names]
    del names
    app.show_main_window()
    window = app.window
    for row in range(window.form.navigation.count()):  # every panel reads the file
        window.form.navigation.setCurrentRow(row)
        for _ in range(20):
            qapp.processEvents()
    window.runner.wait()
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    for _ in range(50):
        qapp.processEvents()
    qapp.sendPostedEvents(None, 52)  # QEvent::DeferredDelete: the destroyed panels go now
    import linecache

    linecache.clearcache()  # source lines read for a warning: the program's text, not the file's
    gc.collect()
    report = {"locked": window.locked, "python_objects": _python_holders(needles), "pid": os.getpid()}
    print(json.dumps(report), flush=True)
    _read_line()  # the parent scans our memory meanwhile
    app.shut_down()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))

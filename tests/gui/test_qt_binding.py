"""The Qt binding keeps Python's reference counts: PySide6 6.12.0's wheels under CPython 3.11 drop
a reference to None on every Qt call that returns nothing (and to True/False on every signal
emitted from Python), and the interpreter aborts after ~35,000 such calls — a long session of
normal use. The project pins a binding without that fault; this proves the installed one."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

CALLS = 20_000  # enough to see a drift of one per call, far from the abort


class _Emitter(QObject):
    changed = Signal(bool)


def test_void_qt_calls_and_signals_keep_the_reference_counts_of_none_and_true(qapp: QApplication):
    label, emitter = QLabel(), _Emitter()
    emitter.changed.connect(lambda _flag: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        qapp.processEvents()
        label.setText("评分")
        emitter.changed.emit(True)
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100

"""Loads the Qt Designer forms of `ui/` into widgets.

Forms have a plain QWidget root; the Python class that owns a form (a dialog or a panel) puts it
in its own layout and reaches the named child widgets through `form.<objectName>`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hvp_desktop.resources import resource_path

_loader: QUiLoader | None = None


def ui_path(name: str) -> Path:
    return resource_path("ui", f"{name}.ui")


def load_form(name: str, owner: QWidget, margin: int = 6) -> QWidget:
    """Load ui/<name>.ui as the whole content of `owner` and return the form widget."""
    global _loader
    if _loader is None:
        _loader = QUiLoader()
    f = QFile(str(ui_path(name)))
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"form {name}.ui not found at {ui_path(name)}")
    try:
        form = _loader.load(f, owner)
    finally:
        f.close()
    if form is None:
        raise RuntimeError(f"form {name}.ui could not be loaded: {_loader.errorString()}")
    layout = owner.layout() or QVBoxLayout(owner)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.addWidget(form)
    return form

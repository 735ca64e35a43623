"""Where the shipped files are: beside the package in a checkout, in the bundle when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def base_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # set by PyInstaller
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """ui/… and resources/… live at the top of the checkout (and of the frozen bundle)."""
    return base_dir().joinpath(*parts)

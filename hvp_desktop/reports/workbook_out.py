"""Every workbook the app writes goes out through `save_workbook` (issue 18).

No formula injection: openpyxl turns any string that starts with "=" into a live formula, so an
applicant named `=cmd|' /C calc'!A0` became a formula in every sheet of the ranking export.
Before saving, every text cell is made a text cell again — a string starting with = + - @ or
a tab / carriage return is written as an inline string (never `<f>`), with Excel's "quote
prefix" style so that editing the cell in Excel or LibreOffice keeps it text too. A formula the
app means (the rubric table's total) is written with `formula(cell, text)` and kept.

Readable by the user alone: the workbook is written to a 0o600 file beside the target and moved
into place (a failed save never leaves a half-written workbook under the real name).
"""

from __future__ import annotations

import os
from pathlib import Path
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from hvp_desktop import private_files

RISKY_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may take for a formula

_INTENDED: WeakKeyDictionary[Worksheet, set[str]] = WeakKeyDictionary()


def formula(cell: Cell, text: str) -> Cell:
    """Write a formula the app means, e.g. "=SUM(F3:F20)"; `save_workbook` leaves it a formula."""
    if not text.startswith("="):
        raise ValueError(f"not a formula: {text!r}")
    cell.value = text
    _INTENDED.setdefault(cell.parent, set()).add(cell.coordinate)
    return cell


def as_text(cell: Cell) -> Cell:
    """A string that a spreadsheet could take for a formula is stored, and kept on edit, as text."""
    value = cell.value
    if isinstance(value, str) and value.startswith(RISKY_START):
        cell.data_type = "s"  # openpyxl made it "f" for a leading "="; "s" is written as an inline string
        cell.quotePrefix = True
    return cell


def protect(workbook: Workbook) -> int:
    """Make every text cell of `workbook` text (formulas written with `formula` excepted); returns
    how many cells were changed."""
    changed = 0
    for sheet in workbook.worksheets:
        intended = _INTENDED.get(sheet, set())
        cells = getattr(sheet, "_cells", None)  # openpyxl's store: iter_rows would add empty cells
        for cell in list(cells.values()) if cells is not None else (c for row in sheet.iter_rows() for c in row):
            if cell.coordinate in intended or not isinstance(cell.value, str):
                continue
            if cell.value.startswith(RISKY_START):
                as_text(cell)
                changed += 1
    return changed


def save_workbook(workbook: Workbook, path: str | os.PathLike) -> Path:
    """`protect` the workbook, then save it to `path` (0o600, replaced only once fully written)."""
    protect(workbook)
    return private_files.write_replacing(path, lambda temp: workbook.save(temp))

"""Limits of what is read (issue 18, "Bounded input"): one place for every reader's bounds.

A file from outside — the secretariat's applications workbook, an official rubric table, the
third party's preliminary scores, a holiday file, a rubric in JSON, and the checklists and
packages still to come — is checked against its limits *before* the heavy work starts, and
refused past them with `LimitExceeded` (the named check INPUT, in Chinese and English) in a
second or two and a few tens of MB, whatever the file claims or hides.

The numbers are generous for real files and small next to what the machine can take:

- Workbooks: a real applications workbook holds ~100 applications a year (84 in the demo, two
  rounds); 5,000 rows × 60 columns is 1.2 MB zipped, 13 MB of XML and reads in ~5 s / 160 MB.
  The limits leave 50× that room in rows and refuse what would cost minutes and gigabytes: a
  lone cell at XFD1048576 (8.7 KB: 138 s, 8 GiB before), 1 GB of whitespace in 1 MB, 2 M rows.
  Rows and columns are the highest row and column holding a cell (formatting included), in any
  sheet: openpyxl builds every sheet, hidden ones too. Cells count every `<c>` and every cell
  of a merged range or a linked range. 32,767 characters is Excel's own limit for a cell.
- The zip: the uncompressed sizes declared in the central directory are the most zipfile will
  ever inflate (it stops there and fails the CRC), so their total, each member's compression
  ratio and the number of members are checked before anything is inflated; a sheet's
  `<dimension ref>` is read from its first bytes and refused at once when it claims too much,
  and since it may lie, every sheet is then scanned as a stream (rows, cells, merged ranges,
  tags, text runs) with the same limits, stopping at the first one passed.
- XML: no part may declare a DTD (no Excel part has one; it is how entities — "billion
  laughs" — and external references come in); parts read whole may nest at most 64 deep
  (a chart is ~20); the streamed ones (sheets, shared strings) are bounded by their tag count.
- Text files: a holiday file is a few dozen lines; 1 MB, 10,000 lines of 500 characters.
- JSON rubrics: a rubric nests 6 deep (sections → criteria → bands); 5 MB, 32 levels.

Plain Python (no Qt, no file formats): the xlsx checks themselves are in
`hvp_desktop.reports.xlsx_limits`; the text and JSON checks are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from hvp_desktop.domain.rules import InvalidInput

KB, MB = 1 << 10, 1 << 20
EXCEL_MAX_CELL_CHARS = 32_767  # Excel's own limit of the characters in a cell


class LimitExceeded(InvalidInput):
    """A file past one of its reader's limits (check INPUT); `limit` names which, e.g. "rows"."""

    def __init__(self, limit: str, message: str, english: str) -> None:
        super().__init__(message, english)
        self.limit = limit


@dataclass(frozen=True)
class WorkbookLimits:
    """What an .xlsx reader accepts; see the module docstring for why these numbers."""

    what: tuple[str, str]  # the file's name in messages: (Chinese, English)
    max_file_bytes: int
    max_rows: int  # the highest row number holding a cell, in any sheet
    max_columns: int  # the highest column number holding a cell, in any sheet
    max_cells: int  # cells of all sheets together, merged and linked ranges counted cell by cell
    max_cell_chars: int = EXCEL_MAX_CELL_CHARS
    max_sheets: int = 200
    max_members: int = 2_000  # files inside the zip
    max_uncompressed_bytes: int = 100 * MB  # all members together, as declared in the zip
    max_ratio: int = 100  # uncompressed / compressed, for each member over RATIO_FLOOR_BYTES
    max_tags: int = 5_000_000  # XML tags of all parts together (every `<`)
    max_xml_depth: int = 64  # nesting of the parts read whole (workbook, styles, drawings…)
    max_run_bytes: int = 2 * MB  # a text run, a tag or whitespace between two `<`


RATIO_FLOOR_BYTES = 1 * MB  # small parts (styles, themes) may compress as well as they like

APPLICATIONS = WorkbookLimits(("申报信息表", "applications workbook"), max_file_bytes=20 * MB, max_rows=10_000,
                              max_columns=200, max_cells=400_000)
PRELIMINARY_SCORES = WorkbookLimits(("初审得分表", "preliminary scores workbook"), max_file_bytes=20 * MB,
                                    max_rows=10_000, max_columns=200, max_cells=400_000)
RUBRIC_TABLE = WorkbookLimits(("评分表", "rubric table"), max_file_bytes=5 * MB, max_rows=2_000, max_columns=50,
                              max_cells=50_000, max_tags=1_000_000)
CHECKLIST_TABLE = WorkbookLimits(("现场核查表", "checklist table"), max_file_bytes=5 * MB, max_rows=2_000,
                                 max_columns=50, max_cells=50_000, max_tags=1_000_000)


@dataclass(frozen=True)
class TextLimits:
    what: tuple[str, str]
    max_bytes: int
    max_lines: int
    max_line_chars: int


HOLIDAY_FILE = TextLimits(("节假日安排文件", "holiday file"), max_bytes=1 * MB, max_lines=10_000, max_line_chars=500)


@dataclass(frozen=True)
class JsonLimits:
    what: tuple[str, str]
    max_bytes: int
    max_depth: int


RUBRIC_JSON = JsonLimits(("评分表JSON文件", "rubric JSON file"), max_bytes=5 * MB, max_depth=32)


# ------------------------------------------------------------------------------ messages


def size_text(n: int) -> str:
    """1536 → "1.5 KB", 20971520 → "20 MB": what a file manager shows."""
    for unit, size in (("GB", 1 << 30), ("MB", MB), ("KB", KB)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} B"


def exceeded(limit: str, zh: str, en: str) -> LimitExceeded:
    return LimitExceeded(limit, zh, en)


def check_file_size(path: Path, max_bytes: int, what: tuple[str, str]) -> int:
    """The file's size, refused past `max_bytes` before a byte of it is read (OSError if missing)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise exceeded("file_bytes", f"{what[0]}“{path.name}”有{size_text(size)}，超过上限{size_text(max_bytes)}",
                       f"the {what[1]} '{path.name}' is {size_text(size)}, over the limit of {size_text(max_bytes)}")
    return size


# ------------------------------------------------------------------------------ text and JSON


def check_text(text: str, limits: TextLimits, name: str = "") -> list[str]:
    """The text's lines, refused past the limits (bytes counted as UTF-8 characters at least)."""
    what_zh, what_en = limits.what
    label_zh, label_en = (f"{what_zh}“{name}”", f"the {what_en} '{name}'") if name else (what_zh, f"the {what_en}")
    if len(text) > limits.max_bytes:
        raise exceeded("file_bytes", f"{label_zh}超过上限{size_text(limits.max_bytes)}",
                       f"{label_en} is over the limit of {size_text(limits.max_bytes)}")
    lines = text.splitlines()
    if len(lines) > limits.max_lines:
        raise exceeded("lines", f"{label_zh}有{len(lines)}行，超过上限{limits.max_lines}行",
                       f"{label_en} has {len(lines)} lines, over the limit of {limits.max_lines}")
    for number, line in enumerate(lines, 1):
        if len(line) > limits.max_line_chars:
            raise exceeded("line_chars", f"{label_zh}第{number}行有{len(line)}个字符，超过上限{limits.max_line_chars}",
                           f"line {number} of {label_en} has {len(line)} characters, "
                           f"over the limit of {limits.max_line_chars}")
    return lines


# a string, closed or not (one that never closes runs to the end: no quadratic retries)
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON text (strings skipped), without parsing
    it. Linear, and nothing recurses; malformed text gives a number too: the parser that follows
    says what is wrong."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0)


def check_json(text: str, limits: JsonLimits, name: str = "") -> None:
    """Refuse JSON text past the size or nesting limit, before `json.loads` recurses into it."""
    what_zh, what_en = limits.what
    label_zh, label_en = (f"{what_zh}“{name}”", f"the {what_en} '{name}'") if name else (what_zh, f"the {what_en}")
    if len(text) > limits.max_bytes:
        raise exceeded("file_bytes", f"{label_zh}超过上限{size_text(limits.max_bytes)}",
                       f"{label_en} is over the limit of {size_text(limits.max_bytes)}")
    if json_depth(text) > limits.max_depth:
        raise exceeded("depth", f"{label_zh}嵌套超过{limits.max_depth}层",
                       f"{label_en} nests deeper than {limits.max_depth} levels")

"""An .xlsx checked against its reader's limits before openpyxl touches it (issue 18).

`check_workbook(path, limits)` looks, in this order, at what costs nothing and then at what
costs a single pass, and raises `LimitExceeded` at the first limit passed:

1. the file's size (stat), then the member count in the zip's end record (a 20 MB zip can
   list 400,000 members: `zipfile` would spend seconds and ~200 MB just listing them);
2. the central directory: the declared uncompressed sizes, their total and each member's
   compression ratio (`zipfile` never inflates a member past its declared size: it stops and
   fails the CRC, so these numbers bound everything read afterwards);
3. one streamed pass over every XML part, 1 MB at a time: no DTD (entities, "billion
   laughs"); tags counted; no text run or tag longer than `max_run_bytes`; in sheets the
   declared `<dimension ref>` (refused at once when it claims too much), then the rows,
   cells, merged and linked ranges actually there (the dimension may lie), stopping at the
   first limit passed; in the parts openpyxl parses whole, the nesting depth.

The numbers and their reasons are in `hvp_desktop.domain.limits`. A file that is no zip, or
whose parts cannot be inflated, raises `UnreadableWorkbook`; the reader turns it into its own
"cannot read this file" message.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from xml.parsers import expat

from hvp_desktop.domain.limits import (
    RATIO_FLOOR_BYTES,
    LimitExceeded,
    WorkbookLimits,
    check_file_size,
    exceeded,
    size_text,
)

CHUNK_BYTES = 1 << 20
EXCEL_MAX_ROW, EXCEL_MAX_COLUMN = 1_048_576, 16_384
XML_SUFFIXES = (".xml", ".rels", ".vml")
# parts openpyxl reads as a stream (iterparse): their depth costs nothing, their size is bounded by tags
STREAMED = re.compile(r"^xl/(worksheets/[^/]+|sharedStrings)\.xml$", re.IGNORECASE)
SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)

_P = rb"<(?:[A-Za-z_][\w.-]*:)?"  # an element's start, with or without a namespace prefix
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_DIMENSION = re.compile(_P + rb"dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
_CELL_TAG = re.compile(_P + rb"c[\s/>]")
_CELL_REF = re.compile(_P + rb"c\s[^>]*?\br\s*=\s*[\"']([A-Za-z]*)(\d*)[\"']")
_ROW_TAG = re.compile(_P + rb"row[\s/>]")
_ROW_REF = re.compile(_P + rb"row\s[^>]*?\br\s*=\s*[\"'](\d+)[\"']")
_RANGE_REF = re.compile(_P + rb"(mergeCell|hyperlink)\s[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
_FORMULA = re.compile(_P + rb"f\b")
_REF = re.compile(r"^\$?([A-Za-z]*)\$?(\d*)$")
_ENCODING = re.compile(rb"(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"']*)[\"']")
_ENCODINGS = {b"utf-8", b"utf8", b"us-ascii", b"ascii", b"iso-8859-1", b"latin-1", b"latin1"}
_SHEET_ENTRY = re.compile(rb"<(?:[\w.-]+:)?sheet\s[^>]*>")


class UnreadableWorkbook(Exception):
    """Not a zip, or a part that cannot be inflated: the reader's own "cannot read" message."""


@dataclass
class WorkbookScan:
    """What the pass found; `max_row`/`max_column` bound every sheet (for a read-only pass)."""

    members: int = 0
    uncompressed_bytes: int = 0
    tags: int = 0
    cells: int = 0
    max_row: int = 0
    max_column: int = 0
    formulas: bool = False  # some sheet holds a formula (`<f>`)


def column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _number(digits: bytes | str) -> int:
    """A row number as written; past nine digits it is past every limit (and int() stays cheap)."""
    return int(digits) if len(digits) < 10 else 10**10


def _column(letters: bytes | str) -> int:
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    return column_number(letters) if len(letters) < 4 else EXCEL_MAX_COLUMN + 1


def range_bounds(text: str) -> tuple[int, int, int, int] | None:
    """(min_row, min_col, max_row, max_col) of "A1:C3", "A1", "A:C" or "1:3" (a whole column or
    row reaches Excel's last row or column); None when unreadable."""
    first, colon, last = text.strip().partition(":")
    low, high = _REF.match(first.strip()), _REF.match((last if colon else first).strip())
    if low is None or high is None or not any(low.groups()) or not any(high.groups()):
        return None
    r1, c1 = (_number(low[2]) if low[2] else 1), (_column(low[1]) if low[1] else 1)
    r2 = _number(high[2]) if high[2] else EXCEL_MAX_ROW
    c2 = _column(high[1]) if high[1] else EXCEL_MAX_COLUMN
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


# ------------------------------------------------------------------------------ the checks


def check_workbook(path: Path, limits: WorkbookLimits) -> WorkbookScan:
    """Raise LimitExceeded at the first limit the file passes; UnreadableWorkbook if it is no
    readable zip; OSError if it cannot be opened."""
    check_file_size(path, limits.max_file_bytes, limits.what)
    _check_listed_members(path, limits)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UnreadableWorkbook(str(exc)) from exc
    with archive:
        scan = _check_directory(path, archive, limits)
        _Parts(path, archive, limits, scan).check()
    return scan


def _refuse(limit: str, zh: str, en: str, what: tuple[str, str], name: str) -> LimitExceeded:
    return exceeded(limit, f"{what[0]}“{name}”{zh}", f"the {what[1]} '{name}' {en}")


def _check_listed_members(path: Path, limits: WorkbookLimits) -> None:
    """The member count in the end-of-central-directory record (zip64 too), before zipfile lists them."""
    with path.open("rb") as stream:
        size = stream.seek(0, 2)
        stream.seek(max(0, size - (1 << 16) - 22))
        tail = stream.read()
        end = tail.rfind(b"PK\x05\x06")
        if end < 0 or len(tail) < end + 22:
            raise UnreadableWorkbook("no end of central directory")
        count = int.from_bytes(tail[end + 10 : end + 12], "little")
        locator = end - 20
        if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
            stream.seek(int.from_bytes(tail[locator + 8 : locator + 16], "little"))
            record = stream.read(56)
            if record[:4] == b"PK\x06\x06":
                count = int.from_bytes(record[32:40], "little")
    if count > limits.max_members:
        raise _refuse("members", f"内含{count}个文件，超过上限{limits.max_members}个",
                      f"holds {count} files, over the limit of {limits.max_members}", limits.what, path.name)


def _check_directory(path: Path, archive: zipfile.ZipFile, limits: WorkbookLimits) -> WorkbookScan:
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise _refuse("members", f"内含{len(infos)}个文件，超过上限{limits.max_members}个",
                      f"holds {len(infos)} files, over the limit of {limits.max_members}", limits.what, path.name)
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise _refuse("uncompressed_bytes",
                      f"解压后有{size_text(total)}，超过上限{size_text(limits.max_uncompressed_bytes)}",
                      f"holds {size_text(total)} uncompressed, over the limit of "
                      f"{size_text(limits.max_uncompressed_bytes)}", limits.what, path.name)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > limits.max_ratio:
            raise _refuse("ratio", f"中的“{info.filename}”压缩比为{ratio:.0f}:1（超过{limits.max_ratio}:1），"
                                   "不像正常的Excel文件（疑为压缩炸弹）",
                          f"has a part '{info.filename}' compressed {ratio:.0f}:1 (over {limits.max_ratio}:1): "
                          "not what Excel writes (a zip bomb?)", limits.what, path.name)
    return WorkbookScan(members=len(infos), uncompressed_bytes=total)


class _Depth:
    """Nesting depth of a part openpyxl parses whole, fed as it is inflated (expat, no recursion)."""

    def __init__(self, refuse) -> None:
        self.depth = 0
        self.refuse = refuse
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.broken = False  # malformed: openpyxl says so later, with the reader's message

    def start(self, name, attributes) -> None:
        self.depth += 1
        if self.depth > self.refuse.limits.max_xml_depth:
            raise self.refuse.depth()

    def end(self, name) -> None:
        self.depth -= 1

    def feed(self, data: bytes, final: bool = False) -> None:
        if self.broken:
            return
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError:
            self.broken = True


class _Parts:
    """The streamed pass over every XML part of the zip."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, limits: WorkbookLimits, scan: WorkbookScan) -> None:
        self.path, self.archive, self.limits, self.scan = path, archive, limits, scan
        self.part = ""
        self._titles: dict[str, str] | None = None
        self.sheets = 0

    # -- messages ------------------------------------------------------------------------------
    def where(self) -> tuple[str, str]:
        title = self.titles().get(self.part)
        if title is not None:
            return f"的工作表“{title}”", f"sheet '{title}'"
        return f"中的“{self.part}”", f"part '{self.part}'"

    def refuse(self, limit: str, zh: str, en: str) -> LimitExceeded:
        where_zh, where_en = self.where()
        return _refuse(limit, f"{where_zh}{zh}", f"{where_en} {en}", self.limits.what, self.path.name)

    def depth(self) -> LimitExceeded:
        return self.refuse("xml_depth", f"嵌套超过{self.limits.max_xml_depth}层",
                           f"nests deeper than {self.limits.max_xml_depth} levels")

    def titles(self) -> dict[str, str]:
        """Part name → sheet title, from the (small) workbook part and its relationships."""
        if self._titles is None:
            self._titles = {}
            try:
                book = self._small("xl/workbook.xml")
                rels = self._small("xl/_rels/workbook.xml.rels")
            except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
                return self._titles
            targets = {}
            for tag in re.findall(rb"<(?:[\w.-]+:)?Relationship\s[^>]*>", rels):
                rid, target = re.search(rb'\bId="([^"]*)"', tag), re.search(rb'\bTarget="([^"]*)"', tag)
                if rid and target:
                    name = target.group(1).decode("utf-8", "replace").lstrip("/")
                    targets[rid.group(1)] = name if name.startswith("xl/") else f"xl/{name}"
            for tag in _SHEET_ENTRY.findall(book):
                name, rid = re.search(rb'\bname="([^"]*)"', tag), re.search(rb'\br:id="([^"]*)"', tag)
                if name and rid and rid.group(1) in targets:
                    self._titles[targets[rid.group(1)]] = name.group(1).decode("utf-8", "replace")
        return self._titles

    def _small(self, name: str) -> bytes:
        info = self.archive.getinfo(name)
        if info.file_size > CHUNK_BYTES:
            raise ValueError("too big to name sheets")
        return self.archive.read(info)

    # -- the pass --------------------------------------------------------------------------------
    def check(self) -> None:
        self.count_sheets()
        for info in self.archive.infolist():
            if info.filename.lower().endswith(XML_SUFFIXES):
                try:
                    self.part_pass(info)
                except LimitExceeded:
                    raise
                except Exception as exc:  # CRC, inflating, encryption, an unknown compression: unreadable
                    raise UnreadableWorkbook(f"{info.filename}: {type(exc).__name__}: {exc}") from exc

    def count_sheets(self) -> None:
        workbook = self.archive.NameToInfo.get("xl/workbook.xml")
        if workbook is None or workbook.file_size > self.limits.max_run_bytes:  # bounded by the members then
            return
        try:
            sheets = len(_SHEET_ENTRY.findall(self.archive.read(workbook)))
        except Exception as exc:
            raise UnreadableWorkbook(str(exc)) from exc
        if sheets > self.limits.max_sheets:
            self.part = workbook.filename
            raise self.refuse("sheets", f"有{sheets}个工作表，超过上限{self.limits.max_sheets}个",
                              f"has {sheets} sheets, over the limit of {self.limits.max_sheets}")

    def part_pass(self, info: zipfile.ZipInfo) -> None:
        """Every XML part is read as a sheet could be (the workbook's relationships decide which
        parts openpyxl reads as sheets, and they may point anywhere); the parts not streamed by
        openpyxl are also fed to expat for their depth."""
        self.part = info.filename
        depth = None if STREAMED.match(info.filename) else _Depth(self)
        part = _SheetPart(self)
        tail, first = b"", True
        with self.archive.open(info) as stream:
            while True:
                chunk = stream.read(CHUNK_BYTES)
                if first:
                    self.check_encoding(chunk)
                    first = False
                buffer = tail + chunk
                if b"\x00" in chunk:  # no XML holds one; in UTF-16 every other byte is one
                    raise self.refuse("encoding", "含有空字符（\\0），不是UTF-8编码的合格XML",
                                      "holds a NUL character: not well-formed XML in UTF-8")
                if _DTD.search(buffer):  # before expat sees it: no entity is ever expanded
                    raise self.refuse("dtd", "含有DTD（实体声明），Excel文件不会有，拒绝读取",
                                      "declares a DTD (entities): no Excel part does; refused")
                if not chunk:
                    self.block(buffer, part)
                    break
                if depth is not None:
                    depth.feed(chunk)
                cut = buffer.rfind(b"<")
                if cut <= 0:
                    tail = buffer
                else:
                    self.block(buffer[:cut], part)
                    tail = buffer[cut:]
                if len(tail) > self.limits.max_run_bytes:
                    raise self.refuse("run_bytes", f"有一段超过{size_text(self.limits.max_run_bytes)}的文字或标记"
                                                   f"（单元格最多{self.limits.max_cell_chars}个字符）",
                                      f"holds a text or tag of more than {size_text(self.limits.max_run_bytes)}"
                                      f" (a cell holds at most {self.limits.max_cell_chars} characters)")
        if depth is not None:
            depth.feed(b"", final=True)
        if part.formulas and SHEET_PART.match(info.filename):
            self.scan.formulas = True

    def not_utf8(self) -> LimitExceeded:
        return self.refuse("encoding", "不是UTF-8编码的XML（Excel只写UTF-8）",
                           "is not XML in UTF-8 (Excel writes UTF-8 only)")

    def check_encoding(self, start: bytes) -> None:
        """UTF-8 (or ASCII, Latin-1), as Excel writes: in another encoding (UTF-16, EBCDIC) the
        tags counted here would not be the tags openpyxl reads."""
        if start.startswith((b"\xfe\xff", b"\xff\xfe", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
            raise self.not_utf8()
        declared = _ENCODING.match(start)
        if declared is not None and declared.group(1).lower().replace(b"_", b"-") not in _ENCODINGS:
            raise self.not_utf8()

    def block(self, data: bytes, part: _SheetPart) -> None:
        """Whole tags (the buffer up to its last `<`): counted, and read as a sheet's."""
        self.scan.tags += data.count(b"<")
        if self.scan.tags > self.limits.max_tags:
            raise self.refuse("tags", f"的XML标记超过{self.limits.max_tags:,}个",
                              f"holds more than {self.limits.max_tags:,} XML tags")
        part.read(data)


class _SheetPart:
    """Rows, columns and cells of one sheet, as its XML streams by."""

    def __init__(self, parts: _Parts) -> None:
        self.parts = parts
        self.limits = parts.limits
        self.scan = parts.scan
        self.rows_without_number = 0
        self.max_numbered_row = 0
        self.dimension_seen = False
        self.formulas = False

    def read(self, data: bytes) -> None:
        limits, scan = self.limits, self.scan
        if not self.dimension_seen:
            match = _DIMENSION.search(data)
            if match is not None:
                self.dimension_seen = True
                bounds = range_bounds(match.group(1).decode("ascii", "replace"))
                if bounds is not None:
                    self.extent(bounds[2], bounds[3], declared=True)
        cells = len(_CELL_TAG.findall(data))
        refs = _CELL_REF.findall(data)
        if refs:
            widest = max(map(_column, set(map(itemgetter(0), refs))))
            lowest = max(map(_number, set(map(itemgetter(1), refs)) - {b""}), default=0)
            self.extent(lowest, widest)
        rows = _ROW_TAG.findall(data)
        numbered = list(map(_number, _ROW_REF.findall(data)))
        self.rows_without_number += len(rows) - len(numbered)
        self.max_numbered_row = max(self.max_numbered_row, max(numbered, default=0))
        self.extent(self.max_numbered_row + self.rows_without_number, 0)
        for kind, ref in _RANGE_REF.findall(data):
            bounds = range_bounds(ref.decode("ascii", "replace"))
            if bounds is None:
                continue
            self.extent(bounds[2], bounds[3])
            area = (bounds[2] - bounds[0] + 1) * (bounds[3] - bounds[1] + 1)
            cells += area - 1 if kind == b"mergeCell" else area
        scan.cells += cells
        if scan.cells > limits.max_cells:
            raise self.parts.refuse("cells", f"有超过{limits.max_cells:,}个单元格（含合并单元格）",
                                    f"holds more than {limits.max_cells:,} cells (merged cells counted)")
        if not self.formulas and _FORMULA.search(data):
            self.formulas = True

    def extent(self, row: int, column: int, *, declared: bool = False) -> None:
        limits, scan = self.limits, self.scan
        claims_zh, claims_en = ("声明用到", "declares cells up to") if declared else ("用到", "reaches")
        hint_zh, hint_en = "（请删去多余的行或列，或分成几个文件）", " (delete the unused rows or columns, or split the file)"
        if row > limits.max_rows:
            raise self.parts.refuse("rows", f"{claims_zh}第{row:,}行，超过上限{limits.max_rows:,}行{hint_zh}",
                                    f"{claims_en} row {row:,}, over the limit of {limits.max_rows:,} rows{hint_en}")
        if column > limits.max_columns:
            raise self.parts.refuse("columns", f"{claims_zh}第{column:,}列，超过上限{limits.max_columns}列{hint_zh}",
                                    f"{claims_en} column {column:,}, over the limit of {limits.max_columns} "
                                    f"columns{hint_en}")
        if not declared:
            scan.max_row, scan.max_column = max(scan.max_row, row), max(scan.max_column, column)

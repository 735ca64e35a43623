"""Hostile and malformed .xlsx files, hand-made with zipfile (issue 18, "Bounded input").

openpyxl cannot write most of these (a lone cell at XFD1048576 in 8 KB, a dimension that lies,
a member whose declared size lies, a DTD with entities), so the parts are written as XML text:
the smallest package Excel and openpyxl accept — content types, relationships, a workbook and
its sheets — and whatever hostile part a test asks for.
"""

from __future__ import annotations

import json
import os
import random
import struct
import sys
import time
import traceback
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
BOOK_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
STRINGS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_xml(ref: str, value: object) -> str:
    """A cell with an inline string, a number or a boolean."""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def rows_xml(rows: Iterable[Iterable[object]], first_row: int = 1) -> str:
    out = []
    for number, values in enumerate(rows, first_row):
        cells = "".join(cell_xml(f"{column_letter(c)}{number}", v) for c, v in enumerate(values, 1) if v is not None)
        out.append(f'<row r="{number}">{cells}</row>')
    return "".join(out)


def sheet_xml(sheet_data: str, *, dimension: str | None = None, after: str = "", before: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{before}'
            f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">{dim}<sheetData>{sheet_data}</sheetData>{after}</worksheet>')


def package(
    path: Path,
    sheets: Iterable[str | bytes],
    *,
    shared_strings: str | None = None,
    extra: Mapping[str, str | bytes] | None = None,
    declared_sizes: Mapping[str, int] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """An .xlsx of the given sheet parts (XML text), in the order given, named Sheet1, Sheet2, …

    `declared_sizes` rewrites a member's uncompressed size in the central directory (a lie);
    `extra` adds or replaces members (e.g. "[Content_Types].xml")."""
    sheets = list(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_CT}"/>' for i in range(1, len(sheets) + 1))
    if shared_strings is not None:
        overrides += f'<Override PartName="/xl/sharedStrings.xml" ContentType="{STRINGS_CT}"/>'
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{CT}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{BOOK_CT}"/>{overrides}</Types>'),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
            + "".join(f'<sheet name="Sheet{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, len(sheets) + 1))
            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, len(sheets) + 1))
            + (f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
               if shared_strings is not None else "")
            + "</Relationships>"),
    }
    for i, sheet in enumerate(sheets, 1):
        members[f"xl/worksheets/sheet{i}.xml"] = sheet
    if shared_strings is not None:
        members["xl/sharedStrings.xml"] = shared_strings
    members.update(extra or {})
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    if declared_sizes:
        _lie_about_sizes(path, declared_sizes)
    return path


def _lie_about_sizes(path: Path, sizes: Mapping[str, int]) -> None:
    """Rewrite the uncompressed size of members in the central directory (and local headers)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        infos = {info.filename: info for info in archive.infolist()}
    end = data.rfind(b"PK\x05\x06")
    directory = int.from_bytes(data[end + 16 : end + 20], "little")
    offset = directory
    while data[offset : offset + 4] == b"PK\x01\x02":
        name_len = int.from_bytes(data[offset + 28 : offset + 30], "little")
        extra_len = int.from_bytes(data[offset + 30 : offset + 32], "little")
        comment_len = int.from_bytes(data[offset + 32 : offset + 34], "little")
        name = data[offset + 46 : offset + 46 + name_len].decode("utf-8")
        if name in sizes:
            data[offset + 24 : offset + 28] = sizes[name].to_bytes(4, "little")
            local = infos[name].header_offset
            data[local + 22 : local + 26] = sizes[name].to_bytes(4, "little")
        offset += 46 + name_len + extra_len + comment_len
    path.write_bytes(bytes(data))


# ------------------------------------------------------------------------------ the files


def far_cell(path: Path, ref: str = "XFD1048576", *, dimension: str | None = "same") -> Path:
    """One cell far away (the issue: XFD1048576 in 8.7 KB ran 138 s and 8 GiB)."""
    dim = f"A1:{ref}" if dimension == "same" else dimension
    return package(path, [sheet_xml(f'<row r="1">{cell_xml("A1", "申报单位名称")}</row>'
                                    f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}">{cell_xml(ref, "x")}</row>',
                                    dimension=dim)])


def whitespace_bomb(path: Path, megabytes: int = 1024, *, lie: bool = False) -> Path:
    """A sheet padded with `megabytes` MB of whitespace between two cells: 1 GB in ~1 MB (the
    issue's file), built in a second: one MB of spaces deflated once, its byte-aligned block
    repeated (a full flush makes each copy independent of the one before).

    With `lie`, the central directory and the local header claim the sheet is 10 KB."""
    head, foot = sheet_xml(rows_xml([["申报单位名称", "统一社会信用代码"]]) + "@@").encode().split(b"@@")
    spaces = b" " * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(spaces) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(foot) + compressor.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(megabytes):
        crc = zlib.crc32(spaces, crc)
    crc = zlib.crc32(foot, crc)
    size = len(head) + megabytes * len(spaces) + len(foot)
    base = Path(str(path) + ".base")
    package(base, [""])
    members = []
    with zipfile.ZipFile(base) as template:
        for info in template.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                data = template.read(info.filename)
                members.append((info.filename, zlib.compress(data, 9)[2:-4], zlib.crc32(data), len(data)))
    base.unlink()
    sheet = ("xl/worksheets/sheet1.xml", [first, *[block] * megabytes, last], crc, 10_000 if lie else size)
    _write_zip(path, [*members, sheet])
    return path


def _write_zip(path: Path, members: list[tuple[str, bytes | list[bytes], int, int]]) -> None:
    """A zip of raw deflate streams, written by hand: (name, stream or its pieces, CRC-32, size)."""
    directory, offset = [], 0
    with path.open("wb") as out:
        for name, data, crc, size in members:
            pieces = data if isinstance(data, list) else [data]
            compressed = sum(map(len, pieces))
            encoded = name.encode()
            fields = struct.pack("<HHHHHIII", 20, 0x800, 8, 0, 0x21, crc, compressed, size)
            out.write(b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded)
            for piece in pieces:
                out.write(piece)
            directory.append(b"PK\x01\x02" + struct.pack("<H", 20) + fields
                             + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
            offset += 30 + len(encoded) + compressed
        start = offset
        for entry in directory:
            out.write(entry)
        length = sum(map(len, directory))
        out.write(b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(directory), len(directory), length, start, 0))


def many_rows(path: Path, rows: int, *, dimension: str | None = None, columns: int = 2) -> Path:
    """`rows` rows of `columns` small numbers under a two-column header."""
    body = "".join(
        f'<row r="{n}">' + "".join(f'<c r="{column_letter(c)}{n}"><v>{n}</v></c>' for c in range(1, columns + 1))
        + "</row>" for n in range(2, rows + 1))
    header = f'<row r="1">{cell_xml("A1", "统一社会信用代码")}{cell_xml("B1", "初审得分")}</row>'
    return package(path, [sheet_xml(header + body, dimension=dimension)])


def billion_laughs(path: Path, where: str = "sheet") -> Path:
    """Entities that expand to ~3 GB (a DTD, which no Excel part has)."""
    dtd = ('<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
           + "]>")
    if where == "sheet":
        return package(path, [sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
                                        before=dtd)])
    strings = (f'<?xml version="1.0" encoding="UTF-8"?>{dtd}<sst xmlns="{MAIN}" count="1" uniqueCount="1">'
               "<si><t>&lol9;</t></si></sst>")
    return package(path, [sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')], shared_strings=strings)


def deep_nesting(path: Path, depth: int = 100_000, where: str = "cell") -> Path:
    """Elements nested `depth` deep inside a cell, or around the sheet data."""
    nest = "<x>" * depth + "</x>" * depth
    if where == "cell":
        return package(path, [sheet_xml(f'<row r="1"><c r="A1"><v>1</v>{nest}</c></row>')])
    return package(path, [sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>', after=f"<extLst>{nest}</extLst>")])


def streamed_rows(path: Path, rows: int, *, dimension: str | None = None) -> Path:
    """`rows` rows of one number each, written as a stream (2 M rows: ~3 s, 5 MB zipped)."""
    base = Path(str(path) + ".base")
    package(base, [""])
    head, foot = sheet_xml("@@", dimension=dimension).encode().split(b"@@")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with zipfile.ZipFile(base) as template:
            for info in template.infolist():
                if info.filename != "xl/worksheets/sheet1.xml":
                    archive.writestr(info.filename, template.read(info.filename))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            member.write(head)
            member.write(f'<row r="1">{cell_xml("A1", "统一社会信用代码")}{cell_xml("B1", "初审得分")}</row>'.encode())
            for start in range(2, rows + 1, 10_000):
                member.write("".join(f'<row r="{n}"><c r="B{n}"><v>{n}</v></c></row>'
                                     for n in range(start, min(start + 10_000, rows + 1))).encode())
            member.write(foot)
    base.unlink()
    return path


def merged_everywhere(path: Path, ref: str = "A1:XFD1048576", kind: str = "mergeCell") -> Path:
    """A small sheet whose one merged (or linked) range covers the whole sheet: openpyxl makes a
    cell of every position of a merge, and of a linked range."""
    if kind == "mergeCell":
        after = f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
    else:
        after = f'<hyperlinks><hyperlink ref="{ref}" display="x" location="Sheet1!A1"/></hyperlinks>'
    return package(path, [sheet_xml(rows_xml([["申报单位名称", "统一社会信用代码"]]), dimension="A1:B1", after=after)])


def long_text(path: Path, chars: int) -> Path:
    """A cell of `chars` random Chinese characters (random: they compress as real text does)."""
    text = "".join(map(chr, random.Random(chars).choices(range(0x4E00, 0x9FA5), k=chars)))
    return package(path, [sheet_xml(rows_xml([["申报单位名称", "统一社会信用代码"], [text, "x"]]))])


def utf16_sheet(path: Path) -> Path:
    """A sheet in UTF-16 (expat reads it; a byte scan for tags would not see them)."""
    text = sheet_xml(f'<row r="1048576">{cell_xml("XFD1048576", "x")}</row>').replace('encoding="UTF-8"',
                                                                                     'encoding="UTF-16"')
    return package(path, [text.encode("utf-16")])


def many_members(path: Path, count: int = 2_001) -> Path:
    return package(path, [sheet_xml(rows_xml([["申报单位名称"]]))],
                   extra={f"xl/media/m{i}.bin": b"" for i in range(count)})


def many_sheets(path: Path, count: int = 201) -> Path:
    return package(path, [sheet_xml("")] * count)


def big_file(path: Path, megabytes: int = 21) -> Path:
    """A real workbook with an incompressible picture of `megabytes` MB."""
    return package(path, [sheet_xml(rows_xml([["申报单位名称"]]))],
                   extra={"xl/media/image1.png": random.Random(1).randbytes(megabytes << 20)},
                   compression=zipfile.ZIP_STORED)


def deep_workbook(path: Path, depth: int = 100_000) -> Path:
    """The workbook part (parsed whole by openpyxl) nested `depth` deep."""
    book = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            f'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
            + "<extLst>" + "<x>" * depth + "</x>" * depth + "</extLst></workbook>")
    return package(path, [sheet_xml(rows_xml([["申报单位名称"]]))], extra={"xl/workbook.xml": book})


# ------------------------------------------------------------------------------ measuring


def _readers() -> dict[str, Callable[[Path], object]]:
    from hvp_desktop.reports.excel_import import parse_workbook
    from hvp_desktop.reports.preliminary_scores import parse_scores
    from hvp_desktop.reports.rubric_excel import read_rubric_table

    return {
        "applications": parse_workbook,
        "rubric": lambda p: read_rubric_table(p, kind="recognition", title="T", version="2026.1"),
        "preliminary": parse_scores,
    }


def _outcome(read: Callable[[Path], object], path: Path) -> dict[str, object]:
    started = time.perf_counter()
    outcome: dict[str, object] = {"error": None}
    try:
        read(path)
    except Exception as exc:  # recorded, judged by the test
        outcome = {"error": type(exc).__name__, "rule": getattr(exc, "rule", None),
                   "limit": getattr(exc, "limit", None), "zh": getattr(exc, "zh", str(exc)),
                   "en": getattr(exc, "en", None), "traceback": "".join(traceback.format_exception(exc))[-2000:]}
    outcome["seconds"] = time.perf_counter() - started
    return outcome


def measure(paths: list[Path]) -> dict[str, dict[str, object]]:
    """Each file read by each reader in a child of this process (fork), its time, its outcome
    and the child's peak resident memory (MB), which includes the interpreter and its imports."""
    readers = _readers()
    results: dict[str, dict[str, object]] = {}
    for path in paths:
        if not hasattr(os, "fork"):  # Windows: one process, the peak of all so far
            found = {name: _outcome(read, path) for name, read in readers.items()}
            found["peak_mb"] = resource_peak_mb()
            results[path.name] = found
            continue
        read_end, write_end = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - the child
            os.close(read_end)
            found = {name: _outcome(read, path) for name, read in readers.items()}
            found["peak_mb"] = resource_peak_mb()
            with os.fdopen(write_end, "w") as out:
                json.dump(found, out)
            os._exit(0)
        os.close(write_end)
        with os.fdopen(read_end) as incoming:
            results[path.name] = json.load(incoming)
        os.waitpid(child, 0)
    return results


def resource_peak_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


if __name__ == "__main__":  # python -m tests.hostile_workbooks FILE…: the measurements as JSON
    _readers()  # imports done before the first fork, as in the app
    print(json.dumps(measure([Path(p) for p in sys.argv[1:]]), ensure_ascii=False))

"""Fuzzing the readers of outside files (issue 18, deliverable 8): no exception but the reader's
documented refusals, and no hang, whatever the file holds.

Generated inputs (hypothesis), per reader:
- the three workbook readers (applications, rubric tables, preliminary scores) get .xlsx files
  written as XML, as a hostile or careless producer would: the reader's own headers (so the
  rows are read, not just the header search), cells of every type with values that do not fit
  it (NaN, inf, 1e309, "abc" as a number, a date "0000-00-00", an error "#DIV/0!", a shared
  string index out of range), formulas with and without a cached value, styles that do not
  exist, rows and cells without or with repeated references, merged ranges over anything,
  a dimension that lies; text with control characters, RTL, emoji, full-width digits; and a
  share of them damaged afterwards (XML cut, spliced or garbled, zip truncated or a byte flipped);
- the holiday reader gets lines made of dates (any year, day, separator, digit form), ranges,
  休/班 and noise; the JSON rubric reader gets JSON of any shape and depth.

Hand-made malformed files (`MALFORMED`): a truncated zip, wrong content types, non-xlsx bytes,
an empty sheet, merged cells everywhere, formulas, error values, dates as text, huge numbers,
NaN/inf, control characters, RTL, emoji, a missing part, a shared-string index out of range...

`FUZZ_EXAMPLES` generated inputs per reader: a small sample by default (the suite stays fast),
`HVP_FUZZ_EXAMPLES=500` for the full run; `python tests/unit/reports/test_reader_fuzz.py` runs
them all standalone and prints the counts (what bench/reliability.py reports).
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

if __name__ == "__main__":  # standalone: the project on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from hvp_desktop.domain.dates import ArrangementError, parse_arrangement, read_arrangement
from hvp_desktop.domain.limits import LimitExceeded
from hvp_desktop.reports.excel_import import FIELDS, WorkbookError, parse_workbook
from hvp_desktop.reports.preliminary_scores import parse_scores
from hvp_desktop.reports.rubric_excel import read_rubric_table
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.scoring.rubric import RubricError
from tests import hostile_workbooks as hostile

DEFAULT_EXAMPLES = 25  # per reader in the ordinary suite
EXAMPLES = int(os.environ.get("HVP_FUZZ_EXAMPLES", DEFAULT_EXAMPLES))
READERS = ("applications", "rubric", "preliminary", "calendar", "rubric_json")
FUZZ_EXAMPLES = dict.fromkeys(READERS, EXAMPLES)  # generated inputs per reader in this run
HANG_SECONDS = 20  # one input taking longer is a hang (a tiny file reads in ~20 ms)

# What each reader may raise: its documented refusals; anything else is a crash.
REFUSALS: dict[str, tuple[type[BaseException], ...]] = {
    "applications": (WorkbookError, LimitExceeded),
    "rubric": (RubricError, LimitExceeded),
    "preliminary": (WorkbookError, LimitExceeded),
    "calendar": (ArrangementError,),
    "rubric_json": (RubricError, LimitExceeded),
}

# reader → Counter of outcomes ("read", "refused", "crash", "hang"); "slowest" in ms
RESULTS: dict[str, Counter] = {reader: Counter() for reader in READERS}

_WORK = Path(tempfile.mkdtemp(prefix="hvp-fuzz-"))
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)


def _read_rubric(path: Path):
    return read_rubric_table(path, kind="recognition", title="模糊测试", version="2026.1")


WORKBOOK_READERS: dict[str, Callable[[Path], object]] = {
    "applications": parse_workbook,
    "rubric": _read_rubric,
    "preliminary": parse_scores,
}


def _settings() -> settings:
    return settings(max_examples=EXAMPLES, deadline=timedelta(seconds=HANG_SECONDS), database=None,
                    derandomize=os.environ.get("HVP_FUZZ_RANDOM") is None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


@contextmanager
def _no_hang(seconds: float) -> Iterator[None]:
    """A hang fails the example instead of the run (SIGALRM where there is one, main thread)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def hung(signum, frame):
        raise TimeoutError(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_reader(reader: str, read: Callable[[], object]) -> None:
    """Run one input through a reader: recorded; a crash or a hang fails the example."""
    started = time.perf_counter()
    try:
        with _no_hang(HANG_SECONDS):
            read()
        RESULTS[reader]["read"] += 1
    except REFUSALS[reader] as exc:
        RESULTS[reader]["refused"] += 1
        _check_message(exc)
    except TimeoutError:
        RESULTS[reader]["hang"] += 1
        raise
    except Exception:
        RESULTS[reader]["crash"] += 1
        raise
    finally:
        elapsed = int((time.perf_counter() - started) * 1000)
        RESULTS[reader]["slowest_ms"] = max(RESULTS[reader]["slowest_ms"], elapsed)


def _check_message(exc: BaseException) -> None:
    """A refusal says something; a LimitExceeded says it in both languages."""
    assert str(exc).strip()
    if isinstance(exc, LimitExceeded):
        assert exc.rule == "INPUT" and exc.zh and exc.en and exc.en != exc.zh


# ------------------------------------------------------------------------------ workbook strategies

REQUIRED = {  # the headers a reader needs to read rows at all, then the others it knows
    "applications": ["申报单位名称", "统一社会信用代码"],
    "rubric": ["一级指标", "二级指标", "分值"],
    "preliminary": ["统一社会信用代码", "初审得分"],
}
OPTIONAL = {
    "applications": [spec.label for spec in FIELDS.values() if spec.label not in REQUIRED["applications"]],
    "rubric": ["评分标准", "步长", "评分档次", "对应条款", "评语要求", "编号", "一级指标编号"],
    "preliminary": ["序号", "申报单位", "备注"],
}
WORDS = [
    "是", "否", "有", "无", "√", "×", "高校", "科研院所", "知识产权服务机构", "华南理工大学", "120万元", "1,500,000元",
    "91440112000000001X", "9144011200000000", "２０２５", "2025年4月1日", "2025-04-01", "45383", "四十五", "合计", "注：",
    "一、基础条件（20分）", "10", "0.5", "优 9-10分：很好\n良 6-8分：好", "R15、R16", "低于60%", "边界", "#DIV/0!",
    "=SUM(A1:A3)", "=cmd|' /C calc'!A0", "示例", "(1)", "—", "", " ", "\u200b", "مرحبا بالعالم", "שלום", "\u202eabc",
    "😀👍🏽🇨🇳", "𠀀𪚥", "ｱｲｳ", "NaN", "inf", "-0", "1e309", "9" * 30, "١٢٣", "\t", "a\r\nb",
]
NUMBERS = ["NaN", "nan", "INF", "-inf", "1e309", "-1e309", "1E-400", "0x1F", "", "abc", "1,000", " 12 ", "1e5", "-0",
           "99999999999999999999", "3.14159265358979323846", "1.", ".5", "+7", "١٢"]
ERRORS = ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA"]
DATES = ["2025-04-01", "2025-04-01T10:00:00", "2025-04-01T10:00:00Z", "9999-12-31", "0001-01-01"]
POISON_DATES = ["0000-00-00", "2025-02-30", "x", "", "45383"]

# any text, control characters included (raw in XML they make it ill-formed: a refusal, not a crash)
any_text = st.text(max_size=30)
# text XML can hold: any character but the C0 controls other than tab, newline and return
xml_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=[
    chr(c) for c in range(32) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]), max_size=30)
cell_text = st.one_of(st.sampled_from(WORDS), xml_text)
number_text = st.one_of(st.integers(-(10**12), 10**12).map(str), st.floats(allow_nan=False, allow_infinity=False,
                                                                          width=64).map(repr),
                        st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-1000,
                                    max_value=1000).map(str))
poison_number = st.one_of(st.sampled_from(NUMBERS), st.integers().map(str),
                          st.floats(allow_nan=True, allow_infinity=True).map(repr))


@st.composite
def cells(draw, poison: bool) -> str:
    """One `<c>` element ("{ref}" where its reference goes): a type and a value, maybe a formula or
    a style. In a poisoned file, values that do not fit their type (one of them makes openpyxl
    refuse the whole file: few cells are poisoned, so most files are read past the load)."""
    bad = poison and draw(st.integers(0, 3)) == 0
    kind = draw(st.sampled_from(["n", "s", "s", "inlineStr", "inlineStr", "str", "b", "e", "d", None, None]
                                + (["zz"] if bad else [])))
    if kind in (None, "n"):
        body = f"<v>{escape(draw(poison_number if bad else number_text))}</v>"
    elif kind == "s":
        top = len(WORDS) + 3 if bad else len(WORDS) - 1
        body = f"<v>{draw(st.integers(min_value=-2 if bad else 0, max_value=top))}</v>"
    elif kind in ("inlineStr", "zz"):
        body = f'<is><t xml:space="preserve">{escape(draw(any_text if bad else cell_text))}</t></is>'
    elif kind == "str":
        body = f"<v>{escape(draw(cell_text))}</v>"
    elif kind == "b":
        body = f"<v>{draw(st.sampled_from(['0', '1', '2', 'true', ''] if bad else ['0', '1']))}</v>"
    elif kind == "e":
        body = f"<v>{escape(draw(st.sampled_from(ERRORS + (['garbage', ''] if bad else []))))}</v>"
    else:
        body = f"<v>{draw(st.sampled_from(DATES + (POISON_DATES if bad else [])))}</v>"
    if draw(st.integers(0, 7)) == 0:  # a formula, with or without its cached value
        formula = escape(draw(st.sampled_from(["SUM(A1:A3)", "1/0", "A1&B1", "NOW()", "'x'!A1", ""])))
        body = f"<f>{formula}</f>" + (body if draw(st.booleans()) else "")
    attributes = f' t="{kind}"' if kind else ""
    if bad and draw(st.booleans()):
        attributes += f' s="{draw(st.integers(0, 9))}"'
    return f"<c{{ref}}{attributes}>{body}</c>"


@st.composite
def sheets(draw, reader: str) -> tuple[str, str]:
    """A sheet (and its shared strings): the reader's header at row 1–3 (its required columns and
    some others, in any order), then rows of fuzzed cells; rows and cells now and then without a
    reference, repeated or backwards; merged ranges; a dimension that may lie."""
    poison = draw(st.integers(0, 3)) == 0
    header_row = draw(st.integers(1, 3))
    headers = draw(st.lists(st.sampled_from(OPTIONAL[reader]), max_size=8, unique=True))
    headers = draw(st.permutations(REQUIRED[reader] + headers))
    rows = [f'<row r="{header_row}">' + "".join(
        hostile.cell_xml(f"{hostile.column_letter(i)}{header_row}", h) for i, h in enumerate(headers, 1)) + "</row>"]
    number = header_row
    for _ in range(draw(st.integers(0, 6))):
        number += draw(st.sampled_from([1, 1, 1, 1, 1, 2, 0, -1]))  # now and then repeated, skipped, backwards
        numbered = draw(st.integers(0, 9)) > 0
        parts = []
        column = 0
        for _ in range(draw(st.integers(0, len(headers) + 2))):
            column += draw(st.sampled_from([1, 1, 1, 1, 2, 0]))
            with_ref = draw(st.integers(0, 9)) > 0
            ref = f' r="{hostile.column_letter(max(column, 1))}{max(number, 1)}"' if with_ref else ""
            parts.append(draw(cells(poison)).replace("{ref}", ref))
        rows.append((f'<row r="{max(number, 1)}">' if numbered else "<row>") + "".join(parts) + "</row>")
    merges = draw(st.lists(st.sampled_from(["A1:C1", "A2:A4", "B3:D5", "A1:A1", "C2:B1", "A2:B3", "C1:C9"]
                                           + (["A1:XFD1", "A0:B2", "ZZZZ1:A1", "A:A", "1:2", "", "A1:B2 C3:D4"]
                                              if poison else [])), max_size=3))
    after = ""
    if merges:
        after = f'<mergeCells count="{len(merges)}">' + "".join(
            f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
    dimension = draw(st.sampled_from([None, None, "A1", "A1:B2", "A1:Z30"]
                                     + (["B2:A1", "A1:XFD1048576", "garbage", ""] if poison else [])))
    strings = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{hostile.MAIN}">'
               + "".join(f'<si><t xml:space="preserve">{escape(w)}</t></si>' for w in WORDS) + "</sst>")
    return hostile.sheet_xml("".join(rows), dimension=dimension, after=after), strings


def _default_table_rows() -> list[list[object]]:
    """The default rubric as the table `write_rubric_table` writes: header, then one row a criterion."""
    from openpyxl import load_workbook

    from hvp_desktop.reports.rubric_excel import write_rubric_table

    path = _WORK / "default-rubric.xlsx"
    write_rubric_table(rubrics.default_rubrics()["recognition"], path)
    sheet = load_workbook(path).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@st.composite
def rubric_tables(draw) -> str:
    """The default rubric's table with a few cells changed (points, steps, bands, a section, a
    total), rows dropped or repeated: read as far as the schema check, and now and then through it."""
    rows = [list(row) for row in _DEFAULT_TABLE]
    for _ in range(draw(st.integers(0, 3))):
        row = draw(st.integers(0, len(rows) - 1))
        column = draw(st.integers(0, len(rows[row]) - 1))
        rows[row][column] = draw(st.one_of(st.sampled_from(WORDS), number_text, st.none(),
                                           st.sampled_from(["10", "0.5", "0.25", "100", "-5", "1e3", "十",
                                                            "优 9-10分：很好", "低于60%", "R15", "合计"])))
    if draw(st.booleans()):
        at = draw(st.integers(2, len(rows) - 1))
        rows.insert(at, list(rows[at])) if draw(st.booleans()) else rows.pop(at)
    return hostile.sheet_xml(hostile.rows_xml([[v if not isinstance(v, str) or not v.startswith("=") else None
                                                for v in row] for row in rows]))


@st.composite
def damage(draw, data: bytes) -> bytes:
    """Cut, splice, garble or insert into a part."""
    how = draw(st.sampled_from(["cut", "splice", "garble", "insert"]))
    at = draw(st.integers(0, len(data)))
    if how == "cut":
        return data[:at]
    if how == "splice":
        other = draw(st.integers(0, len(data)))
        return data[:at] + data[other:]
    if how == "garble":
        return data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at + 8 :]
    return data[:at] + draw(st.sampled_from([b"<", b">", b"&", b"<!DOCTYPE x>", b"<x>" * 80, b"\x00", b"\xff\xfe",
                                             b"&lol;", b"]]>", b"<c r='A1048577'/>"])) + data[at:]


@st.composite
def workbooks(draw, reader: str) -> Path:
    """An .xlsx on disk for `reader`: a fuzzed sheet; in one file of four, then damaged: a part cut,
    spliced or garbled, the content types replaced, the zip truncated or a byte flipped."""
    sheet, strings = draw(sheets(reader))
    if reader == "rubric" and draw(st.booleans()):
        sheet = draw(rubric_tables())
    sheet_bytes, strings_bytes, extra = sheet.encode("utf-8"), strings.encode("utf-8"), {}
    harm = draw(st.sampled_from(["none"] * 6 + ["sheet", "strings", "content_types", "truncate", "flip"]))
    if harm == "sheet":
        sheet_bytes = draw(damage(sheet_bytes))
    elif harm == "strings":
        strings_bytes = draw(damage(strings_bytes))
    elif harm == "content_types":
        extra["[Content_Types].xml"] = draw(st.sampled_from([b"", b"<Types/>", b"garbage", b"<Types xmlns='x'>"]))
    path = _WORK / f"{reader}.xlsx"
    hostile.package(path, [sheet_bytes], shared_strings=strings_bytes.decode("utf-8", "replace"), extra=extra)
    if harm in ("truncate", "flip"):
        data = bytearray(path.read_bytes())
        at = draw(st.integers(0, len(data) - 1))
        if harm == "truncate":
            del data[at:]
        else:
            data[at] ^= draw(st.integers(1, 255))
        path.write_bytes(bytes(data))
    return path


def _fuzz_workbook(reader: str, path: Path) -> None:
    check_reader(reader, lambda: WORKBOOK_READERS[reader](path))


@pytest.mark.slow
@_settings()
@given(workbooks("applications"))
def test_fuzz_applications_reader(path):
    _fuzz_workbook("applications", path)


@pytest.mark.slow
@_settings()
@given(workbooks("rubric"))
def test_fuzz_rubric_table_reader(path):
    _fuzz_workbook("rubric", path)


@pytest.mark.slow
@_settings()
@given(workbooks("preliminary"))
def test_fuzz_preliminary_scores_reader(path):
    _fuzz_workbook("preliminary", path)


# ------------------------------------------------------------------------------ holiday files and JSON

years = st.one_of(st.integers(1995, 2105), st.sampled_from([0, 1, 9999, 10000, -1]))
date_text = st.one_of(
    st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", years, st.integers(0, 13), st.integers(0, 32)),
    st.sampled_from(["2027-01-01", "9999-12-31", "２０２７-０１-０１", "2027/01/01", "20270101", "2027-W01-1",
                     "2027-1-1", "", "~", "2027-01-01T00:00"]),
    any_text,
)
lines = st.one_of(
    st.builds(lambda a, sep, b, kind: f"{a}{sep}{b} {kind}", date_text, st.sampled_from(["~", "～", "~~", ""]),
              st.one_of(date_text, st.just("")), st.sampled_from(["休", "班", "休息", "", "班 休"])),
    st.builds(lambda a, kind: f"{a} {kind}", date_text, st.sampled_from(["休", "班"])),
    st.sampled_from(["", "# 注释", "   ", "2027-01-01 休 # 元旦", "\u3000", "\x00", "\ufeff2027-01-01 休"]),
    any_text,
)


good_lines = st.one_of(
    st.builds(lambda d, kind: f"{d.isoformat()} {kind}", st.dates(date(2000, 1, 1), date(2100, 12, 31)),
              st.sampled_from(["休", "班"])),
    st.builds(lambda d, n, sep: f"{d.isoformat()}{sep}{(d + timedelta(days=n)).isoformat()} 休",
              st.dates(date(2000, 1, 1), date(2100, 11, 30)), st.integers(0, 40), st.sampled_from(["~", "～"])),
    st.sampled_from(["", "# 注释", "2027-01-01 休 # 元旦", "\ufeff2027-01-01 休", "  2027-10-01~2027-10-07   休  "]),
)


@pytest.mark.slow
@_settings()
@given(st.one_of(st.lists(good_lines, max_size=12), st.lists(st.one_of(good_lines, good_lines, lines), max_size=12))
       .map("\n".join))
def test_fuzz_holiday_reader(text):
    check_reader("calendar", lambda: parse_arrangement(text, source="fuzz.txt"))


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=10), st.sampled_from(["recognition", "annual", "2026.1", "10", "0.5", "R15"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(["id", "kind", "title", "version", "sections", "criteria",
                                                             "code", "max_points", "step", "bands", "rules", "low",
                                                             "high", "label", "x"]), inner, max_size=6)),
    max_leaves=30,
)


def _rubric_shaped(data):
    return {"id": "fuzz", "kind": "recognition", "title": "T", "version": "2026.1", "sections": data}


@st.composite
def changed_rubrics(draw) -> str:
    """The default rubric's JSON with a few values replaced (a number, a list, a key removed)."""
    data = rubrics.to_dict(rubrics.default_rubrics()[draw(st.sampled_from(rubrics.KINDS))])
    for _ in range(draw(st.integers(0, 3))):
        node, parent, key = data, None, None
        for _ in range(draw(st.integers(1, 6))):
            keys = list(node) if isinstance(node, dict) else list(range(len(node))) if isinstance(node, list) else []
            if not keys:
                break
            parent, key = node, draw(st.sampled_from(keys))
            if not isinstance(node[key], dict | list) or draw(st.integers(0, 2)) == 0:
                break
            node = node[key]
        if parent is None:
            continue
        if isinstance(parent, dict) and draw(st.integers(0, 4)) == 0:
            del parent[key]
        else:
            parent[key] = draw(st.one_of(json_values, st.sampled_from(["0.5", "10", "-1", "1e400", "NaN", "", "R99"])))
    return json.dumps(data, ensure_ascii=False, default=str)


@pytest.mark.slow
@_settings()
@given(st.one_of(changed_rubrics(), changed_rubrics(), json_values.map(json.dumps), json_values.map(_rubric_shaped).map(json.dumps),
                 st.builds(lambda d: "[" * d + "]" * d, st.integers(0, 5000)), any_text,
                 json_values.map(json.dumps).flatmap(lambda t: st.integers(0, len(t)).map(lambda i: t[:i]))))
def test_fuzz_rubric_json_reader(text):
    check_reader("rubric_json", lambda: rubrics.loads(text))


# ------------------------------------------------------------------------------ hand-made malformed files


def _sheet(rows: list[list[object]], **options) -> str:
    return hostile.sheet_xml(hostile.rows_xml(rows), **options)


APPLICATION_HEADER = [spec.label for spec in FIELDS.values()][:12]


def _malformed() -> dict[str, Callable[[Path], Path]]:
    header = ["统一社会信用代码", "初审得分", "一级指标", "二级指标", "评分标准", "分值", *APPLICATION_HEADER]
    header = list(dict.fromkeys(header))
    raw = hostile.package

    def cells_row(*cell_xml: str) -> str:
        return hostile.sheet_xml(hostile.rows_xml([header]) + '<row r="2">' + "".join(cell_xml) + "</row>")

    def bytes_file(data: bytes) -> Callable[[Path], Path]:
        def make(path: Path) -> Path:
            path.write_bytes(data)
            return path
        return make

    def truncated(path: Path) -> Path:
        data = raw(path, [_sheet([header, ["x"] * len(header)])]).read_bytes()
        path.write_bytes(data[: len(data) // 2])
        return path

    def without(member: str) -> Callable[[Path], Path]:
        def make(path: Path) -> Path:
            raw(path, [_sheet([header])])
            with zipfile.ZipFile(path) as source:
                kept = {i.filename: source.read(i) for i in source.infolist() if i.filename != member}
            with zipfile.ZipFile(path, "w") as target:
                for name, data in kept.items():
                    target.writestr(name, data)
            return path
        return make

    merges = "".join(f'<mergeCell ref="{hostile.column_letter(c)}{r}:{hostile.column_letter(c + 1)}{r + 1}"/>'
                     for r in range(1, 40, 2) for c in range(1, 30, 2))
    return {
        "empty_file": bytes_file(b""),
        "pdf_bytes": bytes_file(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"),
        "png_bytes": bytes_file(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "csv_text": bytes_file("统一社会信用代码,初审得分\n91440112000000001X,88\n".encode()),
        "xls_ole_bytes": bytes_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504),
        "zip_of_nothing": lambda p: (zipfile.ZipFile(p, "w").close(), p)[1],
        "truncated_zip": truncated,
        "no_workbook_part": without("xl/workbook.xml"),
        "no_sheet_part": without("xl/worksheets/sheet1.xml"),
        "no_content_types": without("[Content_Types].xml"),
        "wrong_content_types": lambda p: raw(p, [_sheet([header])], extra={"[Content_Types].xml": "<Types/>"}),
        "content_types_garbage": lambda p: raw(p, [_sheet([header])], extra={"[Content_Types].xml": "\x00\x01"}),
        "empty_sheet": lambda p: raw(p, [hostile.sheet_xml("")]),
        "header_only": lambda p: raw(p, [_sheet([header])]),
        "merged_cells_everywhere": lambda p: raw(p, [_sheet([header] + [["合并"] * 30] * 40,
                                                            after=f"<mergeCells>{merges}</mergeCells>")]),
        "formulas_without_values": lambda p: raw(p, [cells_row('<c r="A2"><f>1/0</f></c>', '<c r="B2"><f>SUM(B1)</f></c>',
                                                               '<c r="F2"><f>RAND()</f></c>')]),
        "error_values": lambda p: raw(p, [cells_row(*(f'<c r="{hostile.column_letter(i)}2" t="e"><v>{e}</v></c>'
                                                      for i, e in enumerate(ERRORS[:8], 1)))]),
        "dates_as_text": lambda p: raw(p, [_sheet([header, ["2025年4月1日", "2025/4/1", "四月一日", "45383"] * 5])]),
        "date_cells_out_of_range": lambda p: raw(p, [cells_row('<c r="A2" t="d"><v>0000-00-00</v></c>',
                                                               '<c r="B2" t="d"><v>99999-01-01</v></c>')]),
        "huge_numbers": lambda p: raw(p, [cells_row('<c r="A2"><v>1e308</v></c>', '<c r="B2"><v>1e309</v></c>',
                                                    '<c r="F2"><v>' + "9" * 400 + "</v></c>")]),
        "nan_and_inf": lambda p: raw(p, [cells_row('<c r="A2"><v>NaN</v></c>', '<c r="B2"><v>inf</v></c>',
                                                   '<c r="F2"><v>-Infinity</v></c>')]),
        "control_characters_escaped": lambda p: raw(p, [cells_row('<c r="A2" t="inlineStr"><is><t>&#1;&#27;</t></is></c>')]),
        "control_characters_raw": lambda p: raw(p, [_sheet([header, ["\x01\x02\x1b[31m", "\x7f", "\u0085"]])]),
        "rtl_and_emoji": lambda p: raw(p, [_sheet([header, ["\u202eمرحبا שלום", "😀👍🏽🇨🇳", "𠀀𪚥", "\u200b\u200d"] * 4])]),
        "shared_string_out_of_range": lambda p: raw(p, [cells_row('<c r="A2" t="s"><v>99</v></c>')],
                                                    shared_strings=f'<sst xmlns="{hostile.MAIN}"><si><t>x</t></si></sst>'),
        "style_out_of_range": lambda p: raw(p, [cells_row('<c r="A2" s="999"><v>1</v></c>')]),
        "cell_reference_garbage": lambda p: raw(p, [cells_row('<c r="1A"><v>1</v></c>', '<c r="A-1"><v>1</v></c>')]),
        "cell_row_beyond_excel": lambda p: raw(p, [cells_row('<c r="A99999999999"><v>1</v></c>')]),
        "rows_backwards_and_repeated": lambda p: raw(p, [hostile.sheet_xml(
            '<row r="5"><c r="A5"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'
            '<row r="2"><c r="A2"><v>3</v></c></row>')]),
        "sheet_not_xml": lambda p: raw(p, [b"\x00\x01\x02 not xml"]),
        "sheet_latin1": lambda p: raw(p, [_sheet([header, ["caf\xe9"]]).replace('encoding="UTF-8"',
                                                                                 'encoding="ISO-8859-1"')
                                          .encode("latin-1", "replace")]),
        "sheet_ebcdic": lambda p: raw(p, [_sheet([header]).replace('encoding="UTF-8"', 'encoding="cp500"')
                                          .encode("cp500", "replace")]),
        "deep_nest_in_cell": lambda p: hostile.deep_nesting(p, 5_000),
        "stored_not_deflated": lambda p: raw(p, [_sheet([header, ["x"]])], compression=zipfile.ZIP_STORED),
        "bzip2_members": lambda p: raw(p, [_sheet([header, ["x"]])], compression=zipfile.ZIP_BZIP2),
        "two_sheets_one_hidden": lambda p: raw(p, [_sheet([header]), _sheet([["隐藏"]])],
                                               extra={"xl/workbook.xml": (
                                                   f'<workbook xmlns="{hostile.MAIN}" xmlns:r="{hostile.REL}"><sheets>'
                                                   '<sheet name="A" sheetId="1" r:id="rId1" state="hidden"/>'
                                                   '<sheet name="B" sheetId="2" r:id="rId2" state="hidden"/>'
                                                   "</sheets></workbook>")}),
        "rubric_points_as_text": lambda p: raw(p, [_sheet([["一级指标", "二级指标", "评分标准", "分值"],
                                                           ["基础", "人员", "", "十分"], ["基础", "经费", "", "NaN"],
                                                           ["合计", "", "", "1e309"]])]),
        "preliminary_scores_odd": lambda p: raw(p, [_sheet([["统一社会信用代码", "初审得分"],
                                                            ["91440112000000001X", "NaN"], ["x", "inf"],
                                                            ["91440112000000001X", "-0"], ["", "1e309"]])]),
    }


MALFORMED = _malformed()
_DEFAULT_TABLE = _default_table_rows()


@pytest.mark.parametrize("name", MALFORMED)
def test_hand_made_malformed_workbooks_are_read_or_refused(tmp_path, name):
    path = MALFORMED[name](tmp_path / f"{name}.xlsx")
    for reader in WORKBOOK_READERS:
        check_reader(reader, lambda reader=reader: WORKBOOK_READERS[reader](path))


@pytest.mark.parametrize("data", [b"", b"\xff\xfe2\x000\x00", "2027-01-01 休\n".encode("gbk"), b"\x00" * 100,
                                  "2027-01-01\u3000休\n2027-13-01 休".encode(), "9999-12-31 班".encode(),
                                  "2027-01-01～2027-01-03 休\r\n2027-02-14 班\r\n".encode("utf-8-sig"),
                                  "\u202e2027-01-01 休".encode(), "😀 休".encode(), b"2027-01-01 \xe4\xbc"])
def test_hand_made_holiday_files_are_read_or_refused(tmp_path, data):
    path = tmp_path / "holidays.txt"
    path.write_bytes(data)
    check_reader("calendar", lambda: read_arrangement(path))


def test_a_crash_is_not_a_refusal():
    """The harness itself: an unexpected exception fails the example and is counted."""
    before = RESULTS["applications"]["crash"]
    with pytest.raises(ZeroDivisionError):
        check_reader("applications", lambda: 1 / 0)
    assert RESULTS["applications"]["crash"] == before + 1
    RESULTS["applications"]["crash"] = before


# ------------------------------------------------------------------------------ standalone


FUZZ_TESTS: dict[str, Callable[[], None]] = {
    "applications": test_fuzz_applications_reader,
    "rubric": test_fuzz_rubric_table_reader,
    "preliminary": test_fuzz_preliminary_scores_reader,
    "calendar": test_fuzz_holiday_reader,
    "rubric_json": test_fuzz_rubric_json_reader,
}


def run_all() -> dict[str, dict[str, int]]:
    """Every reader's fuzzing (FUZZ_EXAMPLES generated inputs each: HVP_FUZZ_EXAMPLES, read when this
    module is imported), then the hand-made files through the workbook readers; the outcome counts
    per reader: inputs, read, refused, crash, hang, slowest_ms."""
    for reader, test in FUZZ_TESTS.items():
        try:
            test()
        except Exception as exc:  # counted in RESULTS; the first failure is shown
            print(f"{reader}: FAILED {type(exc).__name__}: {exc}", file=sys.stderr)
    for name, make in MALFORMED.items():
        path = make(_WORK / f"{name}.xlsx")
        for reader, read in WORKBOOK_READERS.items():
            try:
                check_reader(reader, lambda read=read, path=path: read(path))
            except Exception as exc:
                print(f"{reader} on {name}: FAILED {type(exc).__name__}: {exc}", file=sys.stderr)
    kinds = ("read", "refused", "crash", "hang", "slowest_ms")
    return {reader: {"inputs": sum(counts[k] for k in kinds[:4]), **{k: counts[k] for k in kinds}}
            for reader, counts in RESULTS.items()}


if __name__ == "__main__":  # HVP_FUZZ_EXAMPLES=500 python tests/unit/reports/test_reader_fuzz.py [--json]
    started = time.perf_counter()
    summary = run_all()
    if "--json" in sys.argv:
        print(json.dumps({"examples_per_reader": FUZZ_EXAMPLES, "hand_made_workbooks": len(MALFORMED),
                          "readers": summary}))
    else:
        print(f"{'reader':<14}{'inputs':>8}{'read':>8}{'refused':>9}{'crash':>7}{'hang':>6}{'slowest':>10}")
        for reader, counts in summary.items():
            print(f"{reader:<14}{counts['inputs']:>8}{counts['read']:>8}{counts['refused']:>9}{counts['crash']:>7}"
                  f"{counts['hang']:>6}{counts['slowest_ms']:>8}ms")
        print(f"{EXAMPLES} generated inputs per reader, {len(MALFORMED)} hand-made workbooks through each workbook"
              f" reader; {time.perf_counter() - started:.0f} s")
    sys.exit(1 if any(c["crash"] or c["hang"] for c in summary.values()) else 0)

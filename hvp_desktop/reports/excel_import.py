"""Import the year's applications from an Excel workbook; write the template and the rejected rows.

The secretariat's spreadsheets come from many hands: title rows, merged cells, full-width
digits, 是/否 spelt ten ways, amounts in 万元 or 元. Reading is lenient about form and strict
about content: every problem of a row is reported, in Chinese, against its Excel row and column.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from hvp_desktop.domain import credit_code
from hvp_desktop.domain.model import (
    MAX_CO_APPLICANTS,
    ApplicationData,
    CoApplicant,
    CoApplicantKind,
)
from hvp_desktop.reports import cells
from hvp_desktop.reports.cells import CellError

IGNORE = "ignore"  # header_map target: the column is read by no field
# Columns every office sheet has and no field needs: ignored without asking.
IGNORED_HEADERS = frozenset({"序号"})
HEADER_SEARCH_ROWS = 15
MIN_HEADER_MATCHES = 2  # one matching cell could be chance; two make a header row
PROGRESS_EVERY = 100
ERROR_COLUMN_TITLE = "错误原因"
TEMPLATE_SHEET = "申报信息"
TEMPLATE_NOTES_SHEET = "填写说明"
TEMPLATE_TITLE = "黄埔区高价值专利培育布局中心申报汇总表"
TEMPLATE_DATA_ROWS = 1000
TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "resources" / "templates" / "申报信息导入模板.xlsx"


# ---------------------------------------------------------------------------------- the fields


@dataclass(frozen=True)
class FieldSpec:
    id: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    # text, year, credit_code, bool, count, amount, date, co_name, co_kind
    kind: str = "text"


def _spec(field_id: str, label: str, synonyms: str, kind: str = "text") -> FieldSpec:
    """A field whose synonyms are given space-separated (headers never contain spaces)."""
    required = field_id in ("year", "enterprise_name", "credit_code")
    return FieldSpec(field_id, label, tuple(synonyms.split()), required, kind)


_NUMERALS = {1: "一", 2: "二", 3: "三"}
_CO_STEMS = ("联合申报单位", "合作单位", "共同申报单位", "联合单位")


def _co_applicant_specs(index: int) -> tuple[FieldSpec, FieldSpec]:
    """联合申报单位1 / 联合申报单位一 / 合作单位1名称 …, and 联合申报单位1类型 / …性质 / …类别."""
    names = [f"{stem}{n}" for stem in _CO_STEMS for n in (index, _NUMERALS[index])]
    name_synonyms = [*names, *(f"{n}名称" for n in names)]
    kind_synonyms = [f"{n}{suffix}" for n in names for suffix in ("类型", "性质", "类别")]
    label = f"联合申报单位{index}"
    return (
        _spec(f"co{index}_name", label, " ".join(name_synonyms[1:]), "co_name"),
        _spec(f"co{index}_kind", f"{label}类型", " ".join(kind_synonyms[1:]), "co_kind"),
    )


# fmt: off
_SPECS: tuple[FieldSpec, ...] = (
    _spec("year", "申报年度", "年度 申报年份 年份", "year"),
    _spec("enterprise_name", "申报单位名称",
          "企业名称 单位名称 申报单位 申报企业 企业 申报企业名称 牵头单位 牵头企业 牵头申报单位 申报主体"),
    _spec("credit_code", "统一社会信用代码",
          "信用代码 社会信用代码 统一代码 统一信用代码 企业信用代码", "credit_code"),
    _spec("registered_in_district", "注册地在本区",
          "注册地在黄埔区 注册地是否在本区 注册在本区 工商注册在本区", "bool"),
    _spec("tax_in_district", "税务关系在本区", "税务关系在黄埔区 税务关系是否在本区 税务在本区", "bool"),
    _spec("stats_in_district", "统计关系在本区", "统计关系在黄埔区 统计关系是否在本区 统计在本区", "bool"),
    _spec("independent_legal_person", "独立法人", "是否独立法人 独立法人资格 具有独立法人资格", "bool"),
    _spec("independent_accounting", "独立核算", "是否独立核算", "bool"),
    _spec("good_credit", "信用良好", "是否信用良好 信用状况良好 信用记录良好", "bool"),
    *_co_applicant_specs(1),
    *_co_applicant_specs(2),
    *_co_applicant_specs(3),  # read only so that it can be refused (R2)
    _spec("affiliation_group", "所属集团/关联企业", "所属集团 关联企业 所属集团或关联企业 集团/关联企业 关联公司"),
    _spec("ip_staff_count", "知识产权专职人员数",
          "知识产权专职人员 知识产权专职人员数量 专职知识产权人员数 专职人员数", "count"),
    _spec("ip_budget_yuan", "年度知识产权工作经费",
          "知识产权工作经费 年度知识产权经费 知识产权经费 工作经费", "amount"),
    _spec("senior_executive_principal", "高管负责人",
          "高管担任负责人 由高管担任负责人 高级管理人员担任负责人 负责人为高管", "bool"),
    _spec("independent_ip_department", "独立知识产权部门",
          "设立独立知识产权部门 知识产权部门 有独立知识产权部门", "bool"),
    _spec("iso56005", "实施ISO56005", "ISO56005 贯彻ISO56005 实施ISO56005标准", "bool"),
    _spec("valid_invention_patents", "有效发明专利数", "有效发明专利 有效发明专利数量 有效发明专利量", "count"),
    _spec("pct_applications", "PCT申请数", "PCT申请 PCT申请量 PCT专利申请数 PCT国际申请数", "count"),
    _spec("contact_name", "联系人", "联系人姓名"),
    _spec("contact_phone", "联系电话", "电话 联系方式 手机 手机号码 联系人电话"),
    _spec("applied_on", "申报日期", "申请日期 填报日期 日期", "date"),
)
# fmt: on

FIELDS: dict[str, FieldSpec] = {spec.id: spec for spec in _SPECS}

_CO_PAIRS = tuple((f"co{i}_name", f"co{i}_kind") for i in (1, 2, 3))
# Fields with rules of their own; the others are converted by kind alone.
_READ_APART = frozenset({"year", "enterprise_name", "credit_code", *(f for pair in _CO_PAIRS for f in pair)})

_KIND_WORDS: dict[CoApplicantKind, tuple[str, ...]] = {
    CoApplicantKind.UNIVERSITY: ("高校", "高等院校", "大学", "高等学校", "university"),
    CoApplicantKind.RESEARCH_INSTITUTE: (
        "科研院所",
        "科研机构",
        "研究院",
        "研究所",
        "research institute",
        "research_institute",
    ),
    CoApplicantKind.IP_SERVICE_AGENCY: (
        "知识产权服务机构",
        "服务机构",
        "知识产权服务",
        "IP service agency",
        "ip_service_agency",
    ),
}


def _kind_key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold().replace("_", "")


_KINDS_BY_WORD = {_kind_key(word): kind for kind, words in _KIND_WORDS.items() for word in words}


def co_applicant_kind(value: object) -> CoApplicantKind | None:
    """R2: the kind of a co-applicant from the words people write; None for an empty cell."""
    text = cells.to_text(value)
    if text is None:
        return None
    kind = _KINDS_BY_WORD.get(_kind_key(text))
    if kind is None:
        raise CellError(f"联合申报单位类型“{text}”无法识别，应为高校、科研院所或知识产权服务机构")
    return kind


# ------------------------------------------------------------------------------ header matching

_NOTE_RE = re.compile(r"\([^()]*\)$")
_STARS = "*"  # ＊ becomes * under NFKC


def normalise_header(text: object) -> str:
    """The form headers are compared in: NFKC, no whitespace, no */＊, no trailing (note), lower case."""
    if text is None:
        return ""
    compact = "".join(unicodedata.normalize("NFKC", str(text)).split())
    previous = None
    while compact != previous:
        previous = compact
        compact = _NOTE_RE.sub("", compact.strip(_STARS)).strip(_STARS)
    return compact.casefold()


def _known_headers() -> dict[str, str]:
    known: dict[str, str] = {}
    for spec in FIELDS.values():
        for text in (spec.label, *spec.synonyms):
            key = normalise_header(text)
            if known.setdefault(key, spec.id) != spec.id:
                raise AssertionError(f"header {text!r} names both {known[key]} and {spec.id}")
    return known


KNOWN_HEADERS: dict[str, str] = _known_headers()


# ------------------------------------------------------------------------------ results


class ImportCancelled(Exception):
    """The user cancelled a running import."""


class WorkbookError(ValueError):
    """The file as a whole cannot be read (message in Chinese)."""


@dataclass(frozen=True)
class RowError:
    row: int  # Excel row number, 1-based
    column: str  # header text as in the file; '' for the whole row
    code: str
    message: str


@dataclass(frozen=True)
class ParsedRow:
    row: int
    data: ApplicationData


@dataclass(frozen=True)
class RejectedRow:
    row: int
    values: list[Any]  # raw cell values in column order
    errors: list[RowError]


@dataclass(frozen=True)
class UnknownColumn:
    header: str
    column: str  # letter, e.g. "F"
    has_data: bool
    sample: str = ""  # the first value under it, so the user sees what the column holds


@dataclass
class ParseResult:
    header_row: int
    headers: list[str]
    rows: list[ParsedRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    unknown_columns: list[UnknownColumn] = field(default_factory=list)
    total_rows: int = 0  # data rows read, blank rows excluded
    # labels of the required fields the file has no column for
    missing_columns: list[str] = field(default_factory=list)
    sheet_title: str = ""

    @property
    def errors(self) -> list[RowError]:
        return sorted((e for r in self.rejected for e in r.errors), key=lambda e: e.row)

    @property
    def unmapped_data_columns(self) -> list[UnknownColumn]:
        """Columns that hold data nobody said what to do with: the import must not proceed."""
        return [c for c in self.unknown_columns if c.has_data]


# ------------------------------------------------------------------------------ reading the sheet


@dataclass
class Sheet:
    """The first visible sheet of a workbook, as read by `read_sheet`."""

    title: str
    grid: list[list[Any]]  # values, merged ranges filled with their top-left value
    blank: list[bool]  # per row, judged before merges were filled
    # (row, column), 1-based: formula cells without a cached value
    uncalculated: set[tuple[int, int]]


def _load(path: Path, **options: Any) -> Workbook:
    try:
        with warnings.catch_warnings():
            # openpyxl warns about every extension it drops: noise for the user
            warnings.simplefilter("ignore")
            return load_workbook(path, keep_links=False, **options)
    except FileNotFoundError as exc:
        raise WorkbookError(f"找不到文件：{path}") from exc
    except Exception as exc:  # openpyxl fails in many ways on foreign files
        raise WorkbookError(f"无法读取文件“{path.name}”，请确认是Excel .xlsx格式（.xls请先另存为.xlsx）") from exc


def _first_visible(workbook: Workbook) -> Worksheet:
    for sheet in workbook.worksheets:
        if sheet.sheet_state == "visible":
            return sheet
    raise WorkbookError("文件中没有可见的工作表")


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_sheet(path: Path) -> Sheet:
    """The first visible sheet's values (cached formula results); WorkbookError when unreadable.

    Shared with the other readers of reports (rubric tables, preliminary scores).
    """
    workbook = _load(path, data_only=True)
    sheet = _first_visible(workbook)
    grid = [list(row) for row in sheet.iter_rows(min_row=1, min_col=1, values_only=True)]
    blank = [all(_is_blank(v) for v in row) for row in grid]
    _fill_merged(sheet, grid)
    uncalculated = _uncalculated_formulas(path, sheet.title, grid)
    return Sheet(sheet.title, grid, blank, uncalculated)


def _fill_merged(sheet: Worksheet, grid: list[list[Any]]) -> None:
    for merged in sheet.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                grid[r][c] = value


_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f\b")


def _contains_formulas(path: Path) -> bool:
    """Cheap test on the raw XML, so files without formulas are not read twice."""
    with zipfile.ZipFile(path) as archive:
        return any(
            _FORMULA_TAG.search(archive.read(name))
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        )


def _uncalculated_formulas(path: Path, title: str, grid: list[list[Any]]) -> set[tuple[int, int]]:
    """Formula cells whose cached value is missing: data_only reads them as empty, wrongly."""
    if not _contains_formulas(path):
        return set()
    workbook = _load(path, read_only=True, data_only=False)
    try:
        found = set()
        for row in workbook[title].iter_rows():
            for cell in row:
                if getattr(cell, "data_type", None) == "f" and _grid_value(grid, cell.row, cell.column) is None:
                    found.add((cell.row, cell.column))
        return found
    finally:
        workbook.close()


def _grid_value(grid: list[list[Any]], row: int, column: int) -> Any:
    if row > len(grid) or column > len(grid[row - 1]):
        return None
    return grid[row - 1][column - 1]


# ------------------------------------------------------------------------------ header and columns


def _find_header_row(grid: list[list[Any]], known: Iterable[str]) -> int:
    """The 1-based row among the first rows that matches most known headers."""
    known = set(known)
    best_row, best_score = 0, 0
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        score = len({key for key in map(normalise_header, row) if key in known})
        if score > best_score:
            best_row, best_score = index + 1, score
    if best_score < MIN_HEADER_MATCHES:
        raise WorkbookError(f"前{HEADER_SEARCH_ROWS}行中找不到表头行（应含“申报单位名称”“统一社会信用代码”等列名）")
    return best_row


def _header_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _checked_header_map(header_map: Mapping[str, str] | None) -> dict[str, str]:
    checked = {}
    for header, target in (header_map or {}).items():
        if target != IGNORE and target not in FIELDS:
            raise ValueError(f"header_map: unknown field id {target!r} for {header!r}")
        checked[normalise_header(header)] = target
    return checked


@dataclass
class _Columns:
    by_field: dict[str, int]  # field id → 0-based column index
    unknown: list[UnknownColumn]


def _map_columns(
    headers: Sequence[str], header_map: Mapping[str, str], has_data: Sequence[bool], samples: Sequence[str]
) -> _Columns:
    """Explicit mappings first, then known headers; a second column for a taken field is unknown."""
    by_field: dict[str, int] = {}
    automatic: list[int] = []
    for index, header in enumerate(headers):
        target = header_map.get(normalise_header(header))
        if target is None:
            automatic.append(index)
        elif target != IGNORE:
            if target in by_field:
                raise WorkbookError(f"列“{headers[by_field[target]]}”和列“{header}”都被指定为“{FIELDS[target].label}”")
            by_field[target] = index
    unknown = []
    for index in automatic:
        field_id = KNOWN_HEADERS.get(normalise_header(headers[index]))
        if field_id is not None and field_id not in by_field:
            by_field[field_id] = index
        elif field_id is None and normalise_header(headers[index]) in IGNORED_HEADERS:
            continue
        elif headers[index] or has_data[index]:
            unknown.append(
                UnknownColumn(headers[index], get_column_letter(index + 1), has_data[index], samples[index])
            )
    return _Columns(by_field, unknown)


# ------------------------------------------------------------------------------ one row


class _RowReader:
    """Turns the values of one data row into ApplicationData, collecting every problem."""

    def __init__(
        self,
        headers: Sequence[str],
        columns: Mapping[str, int],
        round_year: int | None,
        uncalculated: set[tuple[int, int]],
    ) -> None:
        self.headers = headers
        self.columns = columns
        self.round_year = round_year
        self.uncalculated = uncalculated
        self.units = {
            fid: cells.unit_from_header(headers[i]) for fid, i in columns.items() if FIELDS[fid].kind == "amount"
        }

    def column_title(self, field_id: str) -> str:
        index = self.columns.get(field_id)
        return self.headers[index] if index is not None else FIELDS[field_id].label

    def read(self, number: int, values: Sequence[Any]) -> _RowOutcome:
        return _RowOutcome(self, number, values)


class _RowOutcome:
    def __init__(self, reader: _RowReader, number: int, values: Sequence[Any]) -> None:
        self.reader = reader
        self.number = number
        self.values = values
        self.errors: list[RowError] = []
        self.failed: set[str] = set()  # fields that already have an error
        # (credit code, year) when both are valid: for the duplicate check
        self.key: tuple[str, int] | None = None
        self.data = self._build()

    # -- helpers

    def error(self, field_id: str, code: str, message: str) -> None:
        self.failed.add(field_id)
        self.errors.append(RowError(self.number, self.reader.column_title(field_id), code, message))

    def convert(self, field_id: str, converter: Callable[[Any], Any]) -> Any:
        """The converted value of the field's cell; None when absent, empty or wrong (error recorded)."""
        index = self.reader.columns.get(field_id)
        if index is None:
            return None
        if (self.number, index + 1) in self.reader.uncalculated:
            self.error(
                field_id,
                "formula_not_calculated",
                "公式没有计算结果，请在Excel或WPS中打开文件、重新计算并保存后再导入",
            )
            return None
        try:
            return converter(self.values[index] if index < len(self.values) else None)
        except CellError as exc:
            self.error(field_id, "bad_value", str(exc))
            return None

    def missing(self, field_id: str, code: str, message: str) -> None:
        """An error for an empty cell, unless the cell already has one (an uncalculated formula, say)."""
        if field_id not in self.failed:
            self.error(field_id, code, message)

    def require(self, field_id: str, value: Any) -> Any:
        if value is None:
            self.missing(field_id, "missing_required", f"“{FIELDS[field_id].label}”必须填写")
        return value

    # -- fields

    def _build(self) -> ApplicationData | None:
        year = self._year()
        name = self.require("enterprise_name", self.convert("enterprise_name", cells.to_name))
        code = self._credit_code()
        if code is not None and year is not None:
            self.key = (code, year)
        co_applicants = self._co_applicants()
        others = {spec.id: self._plain_field(spec) for spec in FIELDS.values() if spec.id not in _READ_APART}
        if self.errors:
            return None
        return ApplicationData(
            year=year,
            enterprise_name=name,
            credit_code=code,
            co_applicants=co_applicants,
            **others,
        )

    def _plain_field(self, spec: FieldSpec) -> Any:
        if spec.kind == "amount":
            unit = self.reader.units.get(spec.id)
            return self.convert(spec.id, lambda value: cells.to_amount(value, unit))
        return self.convert(spec.id, _CONVERTERS[spec.kind])

    def _year(self) -> int | None:
        year = self.convert("year", cells.to_year)
        round_year = self.reader.round_year
        if round_year is None or "year" in self.failed:
            return self.require("year", year)
        if year is None:
            return round_year
        if year != round_year:
            self.error("year", "year_mismatch", f"申报年度{year}与导入轮次{round_year}不一致")
            return None
        return year

    def _credit_code(self) -> str | None:
        text = self.require("credit_code", self.convert("credit_code", cells.to_text))
        if text is None:
            return None
        try:
            return credit_code.validate(text)
        except credit_code.CreditCodeError as exc:
            raw = self.values[self.reader.columns["credit_code"]]
            hint = "（单元格是数字，长代码会被Excel截断，请将该列设为文本格式）" if isinstance(raw, int | float) else ""
            self.error(
                "credit_code",
                "invalid_credit_code",
                f"统一社会信用代码无效：{exc}{hint}",
            )
            return None

    def _co_applicants(self) -> tuple[CoApplicant, ...]:
        found = []
        for position, (name_id, kind_id) in enumerate(_CO_PAIRS, start=1):
            name = self.convert(name_id, cells.to_name)
            kind_text = self.convert(kind_id, cells.to_text)
            if name is None and kind_text is None:
                continue
            if position > MAX_CO_APPLICANTS:
                self.error(
                    name_id if name else kind_id,
                    "too_many_co_applicants",
                    f"R2：联合申报单位至多{MAX_CO_APPLICANTS}家，第{position}家不予受理",
                )
                continue
            kind = self._co_applicant_kind(position, kind_id, kind_text)
            if name is None:
                self.missing(name_id, "co_applicant_name_missing", f"已填联合申报单位{position}的类型，但未填其名称")
            elif kind is not None:
                found.append(CoApplicant(name, kind))
        return tuple(found)

    def _co_applicant_kind(self, position: int, kind_id: str, kind_text: str | None) -> CoApplicantKind | None:
        if kind_text is None:
            self.missing(kind_id, "co_applicant_kind_missing", f"已填联合申报单位{position}，但未填其类型")
            return None
        try:
            return co_applicant_kind(kind_text)
        except CellError as exc:
            self.error(kind_id, "unknown_co_applicant_kind", str(exc))
            return None


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "text": cells.to_text,
    "bool": cells.to_bool,
    "count": cells.to_count,
    "date": cells.to_date,
}


# ------------------------------------------------------------------------------ the import


def parse_workbook(
    path: str | Path,
    *,
    round_year: int | None = None,
    header_map: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ParseResult:
    """Read the applications of the first visible sheet; see the module docstring."""
    path = Path(path)
    explicit = _checked_header_map(header_map)
    sheet = read_sheet(path)
    _check_cancelled(is_cancelled)
    header_row = _find_header_row(sheet.grid, [*KNOWN_HEADERS, *explicit])
    width = _used_width(sheet, header_row)
    headers = [_header_text(v) for v in _padded(sheet.grid[header_row - 1], width)]
    data_rows = [
        (n, _padded(sheet.grid[n - 1], width))
        for n in range(header_row + 1, len(sheet.grid) + 1)
        if not sheet.blank[n - 1]
    ]
    samples = [next((str(values[c]) for _, values in data_rows if not _is_blank(values[c])), "") for c in range(width)]
    has_data = [bool(sample) for sample in samples]
    columns = _map_columns(headers, explicit, has_data, samples)
    result = ParseResult(
        header_row,
        headers,
        unknown_columns=columns.unknown,
        sheet_title=sheet.title,
        missing_columns=_missing_columns(columns.by_field, round_year),
    )
    reader = _RowReader(headers, columns.by_field, round_year, sheet.uncalculated)
    _read_rows(reader, data_rows, result, progress, is_cancelled)
    return result


def _check_cancelled(is_cancelled: Callable[[], bool] | None) -> None:
    if is_cancelled is not None and is_cancelled():
        raise ImportCancelled()


def _used_width(sheet: Sheet, header_row: int) -> int:
    """Columns up to the last one holding a header or a value (formatting alone does not count)."""
    width = 0
    for row in sheet.grid[header_row - 1 :]:
        for index in range(len(row), width, -1):
            if not _is_blank(row[index - 1]):
                width = index
                break
    return width


def _padded(row: list[Any], width: int) -> list[Any]:
    return row[:width] + [None] * (width - len(row))


def _missing_columns(by_field: Mapping[str, int], round_year: int | None) -> list[str]:
    return [
        spec.label
        for spec in FIELDS.values()
        if spec.required and spec.id not in by_field and not (spec.id == "year" and round_year is not None)
    ]


def _read_rows(
    reader: _RowReader,
    data_rows: list[tuple[int, list[Any]]],
    result: ParseResult,
    progress: Callable[[int, int], None] | None,
    is_cancelled: Callable[[], bool] | None,
) -> None:
    first_row_of: dict[tuple[str, int], int] = {}
    total = len(data_rows)
    for done, (number, values) in enumerate(data_rows):
        if done % PROGRESS_EVERY == 0:
            _check_cancelled(is_cancelled)
            if progress is not None:
                progress(done, total)
        outcome = reader.read(number, values)
        _check_duplicate(outcome, first_row_of, reader)
        if outcome.errors:
            result.rejected.append(RejectedRow(number, values, outcome.errors))
        else:
            result.rows.append(ParsedRow(number, outcome.data))
    result.total_rows = total
    if progress is not None:
        progress(total, total)


def _check_duplicate(outcome: _RowOutcome, first_row_of: dict[tuple[str, int], int], reader: _RowReader) -> None:
    """Same credit code and year as an earlier row (even a rejected one: fixing it would clash)."""
    if outcome.key is None:
        return
    earlier = first_row_of.setdefault(outcome.key, outcome.number)
    if earlier != outcome.number:
        outcome.errors.append(
            RowError(
                outcome.number,
                reader.column_title("credit_code"),
                "duplicate",
                f"与第{earlier}行重复（统一社会信用代码和申报年度相同）",
            )
        )
        outcome.data = None


# ------------------------------------------------------------------------------ writing


def _bold_header(sheet: Worksheet, row: int, titles: Sequence[str]) -> None:
    for index, title in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=index, value=title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _write_value(sheet: Worksheet, row: int, column: int, value: Any) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # a text that looks like a formula stays text


def _error_text(errors: Iterable[RowError]) -> str:
    return "；".join(f"{e.column}：{e.message}" if e.column else e.message for e in errors)


def write_rejected(result: ParseResult, out_path: str | Path) -> None:
    """The rejected rows as the file had them, plus a last column saying what is wrong."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "未导入的行"
    titles = [*result.headers, ERROR_COLUMN_TITLE]
    _bold_header(sheet, 1, titles)
    for out_row, rejected in enumerate(result.rejected, start=2):
        for column, value in enumerate(_padded(list(rejected.values), len(result.headers)), start=1):
            _write_value(sheet, out_row, column, value)
        sheet.cell(row=out_row, column=len(titles), value=_error_text(rejected.errors))
    for index, title in enumerate(titles, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _column_width(title)
    sheet.column_dimensions[get_column_letter(len(titles))].width = 60
    sheet.freeze_panes = "A2"
    workbook.save(out_path)


_TEMPLATE_NOTES: dict[str, str] = {
    "year": "（必填）",
    "enterprise_name": "（必填）",
    "credit_code": "（必填）",
    "co3_name": "（R2：至多2家，填写即不予受理）",
    "co3_kind": "（R2：至多2家，填写即不予受理）",
    "ip_staff_count": "（人）",
    "ip_budget_yuan": "（万元）",
    "valid_invention_patents": "（件）",
    "pct_applications": "（件）",
}

_TEMPLATE_WIDTHS = {
    "enterprise_name": 32,
    "credit_code": 24,
    "affiliation_group": 24,
    "co1_name": 28,
    "co2_name": 28,
    "co3_name": 28,
    "contact_phone": 16,
    "applied_on": 14,
}

_KIND_CHOICES = "高校,科研院所,知识产权服务机构"

_EXPLANATIONS: dict[str, str] = {
    "year": "四位年份，如2025。按轮次导入时可留空，取导入轮次的年度。",
    "enterprise_name": "牵头申报企业的全称。",
    "credit_code": "18位统一社会信用代码，系统校验末位校验码；同一年度同一代码只能出现一次。",
    "affiliation_group": "所属集团或关联企业名称（R3审查用），没有可留空。",
    "ip_staff_count": "知识产权专职人员人数，整数（R5要求不少于3人）。",
    "ip_budget_yuan": "年度知识产权工作经费，单位万元，不含人员工资（R7要求不少于100万元）；"
    "也可写“1,000,000元”或“100万元”。",
    "valid_invention_patents": "有效发明专利件数，整数。",
    "pct_applications": "PCT国际专利申请件数，整数。",
    "contact_name": "联系人姓名。",
    "contact_phone": "手机或座机号码。",
    "applied_on": "日期，如2025-03-01或2025年3月1日。",
}


def _template_header(spec: FieldSpec) -> str:
    note = _TEMPLATE_NOTES.get(spec.id, "（是/否）" if spec.kind == "bool" else "")
    return spec.label + note


def _column_width(title: str) -> float:
    return min(max(10, len(title) * 2 + 2), 30)


def _explanation(spec: FieldSpec) -> str:
    if spec.kind == "bool":
        return "填“是”或“否”（也可写Y/N、√/×）；留空表示未声明，形式审查时需人工确认。"
    if spec.id in ("co3_name", "co3_kind"):
        return "R2：联合申报单位至多2家。本列仅用于识别超限申报：填写即整行不予受理。"
    if spec.kind == "co_name":
        return "可选。联合申报的高校、科研院所或知识产权服务机构名称（R2：至多2家）。"
    if spec.kind == "co_kind":
        return "填写了对应联合申报单位时必填：高校、科研院所或知识产权服务机构（下拉选择）。"
    return _EXPLANATIONS[spec.id]


def write_template(out_path: str | Path) -> None:
    """The import template the app ships: a data sheet and a sheet of instructions."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = TEMPLATE_SHEET
    specs = list(FIELDS.values())
    _template_title(sheet, len(specs))
    _bold_header(sheet, 2, [_template_header(spec) for spec in specs])
    sheet.row_dimensions[2].height = 45
    for index, spec in enumerate(specs, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _TEMPLATE_WIDTHS.get(spec.id, _column_width(spec.label))
        _template_column_format(sheet, letter, spec)
    _template_validations(sheet, specs)
    sheet.freeze_panes = "A3"
    _template_instructions(workbook.create_sheet(TEMPLATE_NOTES_SHEET), specs)
    workbook.save(out_path)


def _template_title(sheet: Worksheet, width: int) -> None:
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    title = sheet.cell(row=1, column=1, value=TEMPLATE_TITLE)
    title.font = Font(bold=True, size=14)
    title.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 28


def _data_range(letter: str) -> str:
    return f"{letter}3:{letter}{TEMPLATE_DATA_ROWS + 2}"


def _template_column_format(sheet: Worksheet, letter: str, spec: FieldSpec) -> None:
    """Text format where Excel would mangle what is typed: 18-digit codes, phone numbers."""
    number_format = {
        "credit_code": "@",
        "contact_phone": "@",
        "applied_on": "yyyy-mm-dd",
    }.get(spec.id)
    if number_format is not None:
        sheet.column_dimensions[letter].number_format = number_format


def _template_validations(sheet: Worksheet, specs: Sequence[FieldSpec]) -> None:
    yes_no = DataValidation(
        type="list",
        formula1='"是,否"',
        allow_blank=True,
        error="请选择“是”或“否”",
        errorTitle="输入有误",
        showErrorMessage=True,
    )
    kinds = DataValidation(
        type="list",
        formula1=f'"{_KIND_CHOICES}"',
        allow_blank=True,
        error="请选择高校、科研院所或知识产权服务机构",
        errorTitle="输入有误",
        showErrorMessage=True,
    )
    for index, spec in enumerate(specs, start=1):
        if spec.kind == "bool":
            yes_no.add(_data_range(get_column_letter(index)))
        elif spec.kind == "co_kind":
            kinds.add(_data_range(get_column_letter(index)))
    sheet.add_data_validation(yes_no)
    sheet.add_data_validation(kinds)


def _template_instructions(sheet: Worksheet, specs: Sequence[FieldSpec]) -> None:
    _bold_header(sheet, 1, ["列名", "是否必填", "填写说明"])
    for row, spec in enumerate(specs, start=2):
        required = "必填" if spec.required else "选填"
        if spec.id == "year":
            required = "必填（按轮次导入时可空）"
        sheet.cell(row=row, column=1, value=_template_header(spec))
        sheet.cell(row=row, column=2, value=required)
        sheet.cell(row=row, column=3, value=_explanation(spec)).alignment = Alignment(wrap_text=True)
    footer = len(specs) + 3
    sheet.cell(
        row=footer,
        column=1,
        value="说明：第1行标题、第2行列名请勿修改；每家申报单位填一行；空行会被跳过。",
    )
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 24
    sheet.column_dimensions["C"].width = 80
    sheet.freeze_panes = "A2"


# ------------------------------------------------------------------------------ command line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="申报信息导入模板")
    parser.add_argument(
        "--write-template",
        metavar="PATH",
        type=Path,
        nargs="?",
        const=TEMPLATE_PATH,
        help=f"write the import template (default {TEMPLATE_PATH})",
    )
    args = parser.parse_args(argv)
    if args.write_template is None:
        parser.print_help()
        return 2
    args.write_template.parent.mkdir(parents=True, exist_ok=True)
    write_template(args.write_template)
    print(args.write_template)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

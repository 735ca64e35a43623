"""Import the year's applications from an Excel workbook; write the template and the rejected rows.

The secretariat's spreadsheets come from many hands: title rows, merged cells, full-width
digits, 是/否 spelt ten ways, amounts in 万元 or 元. Reading is lenient about form and strict
about content: every problem of a row is reported, in Chinese, against its Excel row and column,
saying what was found and what would be accepted.

Built for kinds of mess, not for a list of files (issue 17):
- where the table is: the visible sheet whose header names most fields; the header is the row
  (or a group row over its sub-headers) among the first 30 that names most fields, in other
  words too (`guess_field`: read by meaning, shown as such); a row of units under it is read;
- what is no application: notes, titles, totals, signatures, examples, repeated headers, column
  numbers, rows numbered in advance and left empty are passed over and listed (`skipped`);
- cells: see `cells` (units, remarks, dates in any form, placeholders, yes/no phrases); a note
  such as "金额单位：万元" gives amount columns their unit;
- what a cell says beyond its value (a principal's name in a yes/no column, a remark, a 备注
  column) has no field in ApplicationData: it is kept in the application's source note
  (`ParsedRow.source`: "file.xlsx:12（高管负责人：张三（总经理））"), shown as "Imported from";
- an answer a rule allows (R1: 单独入统分公司 in the legal-person column) declares what it is
  (`separately_counted_branch`), and the formal review passes it as the rule says;
- the rejected rows' workbook keeps each row's number and the user's column choices, and
  imports back as it is.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from hvp_desktop.domain import credit_code
from hvp_desktop.domain.limits import APPLICATIONS, LimitExceeded, WorkbookLimits
from hvp_desktop.domain.model import (
    MAX_CO_APPLICANTS,
    ApplicationData,
    CoApplicant,
    CoApplicantKind,
)
from hvp_desktop.reports import cells
from hvp_desktop.reports.cells import CellError
from hvp_desktop.reports.workbook_out import as_text, save_workbook
from hvp_desktop.reports.xlsx_limits import UnreadableWorkbook, WorkbookScan, check_workbook

IGNORE = "ignore"  # header_map target: the column is read by no field
# header_map target: the column's text is kept with each application, in its source note (备注, 说明)
NOTE = "note"
NOTE_HEADERS = frozenset({"备注", "备注说明", "附注", "说明", "情况说明", "其他说明", "其他情况"})
ERROR_COLUMN_TITLE = "错误原因"
ROW_COLUMN_TITLE = "原行号"  # the rejected rows' workbook: each row's number in the file it came from
# Columns every office sheet has and no field needs, and the rejected rows' own: ignored without asking.
IGNORED_HEADERS = frozenset({"序号", "编号", "no", "no.", ROW_COLUMN_TITLE, ERROR_COLUMN_TITLE})
HEADER_SEARCH_ROWS = 30
MIN_HEADER_MATCHES = 2  # one matching cell could be chance; two make a header row
PROGRESS_EVERY = 100
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
    # bool: answers a rule itself allows, as (phrase, the field they declare yes): R1 counts a branch
    # separately counted in the statistics (单独入统分公司) as an independent legal person
    rule_answers: tuple[tuple[str, str], ...] = ()
    # bool: the answer may be a name (who the principal is, what the department is called): yes, name kept
    names_mean_yes: bool = False
    # bool: the answer may be a place (where the enterprise is registered, pays tax, is counted): the
    # district means yes, another place no
    places: bool = False


def _spec(field_id: str, label: str, synonyms: str, kind: str = "text", **extra: Any) -> FieldSpec:
    """A field whose synonyms are given space-separated (headers never contain spaces)."""
    required = field_id in ("year", "enterprise_name", "credit_code")
    return FieldSpec(field_id, label, tuple(synonyms.split()), required, kind, **extra)


_NUMERALS = {1: "一", 2: "二", 3: "三"}
_BRANCH_PHRASES = ("单独入统", "单独统计", "单独纳统", "独立入统")
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
          "注册地在黄埔区 注册地是否在本区 注册在本区 工商注册在本区 注册登记地在本区 注册登记地在黄埔区", "bool",
          places=True),
    _spec("tax_in_district", "税务关系在本区",
          "税务关系在黄埔区 税务关系是否在本区 税务在本区 税务征管关系在本区 税务征管关系在黄埔区", "bool",
          places=True),
    _spec("stats_in_district", "统计关系在本区", "统计关系在黄埔区 统计关系是否在本区 统计在本区", "bool",
          places=True),
    # R1: a branch separately counted in the statistics (单独入统分公司) counts as an independent legal
    # person: written in this column, it declares the branch, and the formal review passes it as such
    _spec("independent_legal_person", "独立法人", "是否独立法人 独立法人资格 具有独立法人资格", "bool",
          rule_answers=tuple((phrase, "separately_counted_branch") for phrase in _BRANCH_PHRASES)),
    _spec("separately_counted_branch", "单独入统分公司",
          "是否单独入统分公司 单独入统的分公司 是否为单独入统的分公司 单独入统 是否单独入统", "bool"),
    _spec("independent_accounting", "独立核算", "是否独立核算 实行独立核算", "bool"),
    _spec("good_credit", "信用良好",
          "是否信用良好 信用状况良好 信用记录良好 符合信用管理相关规定 符合信用管理规定", "bool"),
    _spec("normal_operation", "正常开展研发、生产和经营活动",
          "正常开展研发生产和经营活动 正常开展研发、生产、经营活动 正常经营 是否正常经营 正常开展经营活动", "bool"),
    _spec("sound_financial_system", "有健全财务制度",
          "健全财务制度 财务制度健全 是否有健全财务制度 有健全的财务制度", "bool"),
    *_co_applicant_specs(1),
    *_co_applicant_specs(2),
    *_co_applicant_specs(3),  # read only so that it can be refused (R2)
    _spec("affiliation_group", "所属集团/关联企业", "所属集团 关联企业 所属集团或关联企业 集团/关联企业 关联公司"),
    _spec("ip_staff_count", "知识产权专职人员数",
          "知识产权专职人员 知识产权专职人员数量 专职知识产权人员数 专职人员数 专职知识产权工作人员 "
          "专职知识产权工作人员数", "count"),
    _spec("ip_budget_yuan", "年度知识产权工作经费",
          "知识产权工作经费 年度知识产权经费 知识产权经费 工作经费", "amount"),
    _spec("senior_executive_principal", "高管负责人",
          "高管担任负责人 由高管担任负责人 高级管理人员担任负责人 负责人为高管 中心负责人 高管负责人姓名",
          "bool", names_mean_yes=True),
    _spec("independent_ip_department", "独立知识产权部门",
          "设立独立知识产权部门 知识产权部门 有独立知识产权部门", "bool", names_mean_yes=True),
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
    CoApplicantKind.UNIVERSITY: ("高校", "高等院校", "大学", "高等学校", "院校", "高等学府", "university"),
    CoApplicantKind.RESEARCH_INSTITUTE: (
        "科研院所",
        "科研机构",
        "科研单位",
        "研究机构",
        "研究院",
        "研究所",
        "research institute",
        "research_institute",
    ),
    CoApplicantKind.IP_SERVICE_AGENCY: (
        "知识产权服务机构",
        "服务机构",
        "知识产权服务",
        "知识产权代理机构",
        "专利代理机构",
        "代理机构",
        "IP service agency",
        "ip_service_agency",
    ),
}


def _kind_key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold().replace("_", "")


_KINDS_BY_WORD = {_kind_key(word): kind for kind, words in _KIND_WORDS.items() for word in words}


def co_applicant_kind(value: object) -> CoApplicantKind | None:
    """R2: the kind of a co-applicant from the words people write; None for an empty cell."""
    text = None if cells.means_none(value) else cells.to_text(value)
    if text is None:
        return None
    kind = _KINDS_BY_WORD.get(_kind_key(text))
    if kind is None:  # 高校（985）, 科研院所(省级)
        main, _remark = cells.split_remark(text)
        kind = _KINDS_BY_WORD.get(_kind_key(str(main or "")))
    if kind is None:
        raise CellError(f"联合申报单位类型“{text}”无法识别，应为高校、科研院所或知识产权服务机构")
    return kind


# ------------------------------------------------------------------------------ header matching

_NOTE_RE = re.compile(r"\([^()]*\)$")
_STARS = "*"  # ＊ becomes * under NFKC


# "1.企业名称", "（2）信用代码", "三、联合申报单位": official forms number their columns
_ENUMERATOR_RE = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}[.、:)]|[一二三四五六七八九十]{1,3}[、.])(?=.)")


def _compact(text: object) -> str:
    """NFKC, no whitespace, no leading enumerator."""
    text = re.sub(r"^\s*[\u2460-\u2473\u2776-\u277f]", "", str(text))  # ① ❶
    return _ENUMERATOR_RE.sub("", "".join(unicodedata.normalize("NFKC", text).split()))


def normalise_header(text: object) -> str:
    """The form headers are compared in: NFKC, no whitespace, no leading 1. or 一、, no */＊, no
    trailing (note), lower case."""
    if text is None:
        return ""
    compact = _compact(text)
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

# Headers written in other words than the known ones are read by their meaning: a field whose
# pattern (and not its exclusion) matches the normalised header, when exactly one field does.
# The preview shows such columns as "read by meaning" so that the user can check them.
_DISTRICT = r"(本区|黄埔|区内|辖区|开发区|本地|在区)"
# fmt: off
_GUESSES: dict[str, tuple[str, str]] = {
    "year": (r"^(申报|认定|评审)?(年度|年份)$", ""),
    "enterprise_name": (
        r"(申报|牵头|申请|企业|单位|公司|主体).*名称|^(申报|牵头|申请)(单位|企业|主体|人)|^(企业|公司|单位)(全称)?$",
        r"联合|合作|共同|参与|集团|关联|代码|类型|性质|地址|联系|负责|部门|服务"),
    "credit_code": (r"信用代码|统一代码|社会信用|机构代码|纳税人识别号|税号", ""),
    # a registered address is a place: in the district it says yes (see FieldSpec.places)
    "registered_in_district": (rf"^(?=.*(注册|登记))(?=.*{_DISTRICT})|是否.*(注册|登记)|^(工商)?注册(登记)?地(址|点)?$",
                               r"资本|时间|日期"),
    "tax_in_district": (rf"^(?=.*税)(?=.*({_DISTRICT[1:-1]}|关系|征管))|是否.*税", r"识别号|税号|额|收入"),
    "stats_in_district": (rf"^(?=.*统计)(?=.*({_DISTRICT[1:-1]}|关系))|是否.*统计|入统", r"单独"),
    "independent_legal_person": (r"法人", r"代表"),
    "separately_counted_branch": (r"单独(入统|统计|纳统)|分公司", ""),
    "normal_operation": (r"正常(开展|经营|运营)|(经营|运营).*正常", ""),
    "sound_financial_system": (r"财务制度|财务管理制度", ""),
    "independent_accounting": (r"核算", ""),
    "good_credit": (r"信用(良好|记录|状况|管理|评价|情况)|失信|诚信", r"代码"),
    "affiliation_group": (r"集团|关联|母公司|控股", ""),
    "ip_staff_count": (r"(知识产权|ip|专利).*(人员|人数|人才|团队)|专职.*(人员|人数)", r"联系|负责"),
    "ip_budget_yuan": (r"经费|投入|预算|资金", ""),
    "senior_executive_principal": (r"负责人|高管|高级管理", r"联系|电话|手机"),
    "independent_ip_department": (r"(知识产权|ip|专利).*(部门|机构|部|中心|办公室)|独立.*部门",
                                  r"服务|联合|合作|人员|负责"),
    "iso56005": (r"56005|贯标|创新管理", ""),
    "valid_invention_patents": (r"发明专利|有效专利", r"申请|pct"),
    "pct_applications": (r"pct|国际专利申请|国际申请", ""),
    "contact_name": (r"联系人|经办人|填报人|填表人", r"电话|手机|方式|号码|邮箱|职务"),
    "contact_phone": (r"电话|手机|联系方式|号码|tel|phone", r"传真|邮箱|联系人(及|和|与|/|、)"),
    "applied_on": (r"(申报|申请|填报|提交|填表|报送).*(日期|时间)|^(日期|时间)$", r"成立|注册|认定"),
}
# fmt: on
_GUESS_RES = {fid: (re.compile(inc), re.compile(exc) if exc else None) for fid, (inc, exc) in _GUESSES.items()}
_MAX_GUESSED_HEADER = 20  # a longer cell is a title or a note, not a header
_NOT_A_HEADER_RE = re.compile(r"汇总|一览|申报表|名单|说明|^注:|填表|填报")

_CO_INDEX = {"1": 1, "2": 2, "3": 3, "一": 1, "二": 2, "三": 3}
_CO_HEADER_RE = re.compile(
    r"(?:联合申报|联合|合作|共同申报|共同|参与)(?:申报)?(?:单位|方|机构|企业)?(?:的)?"
    r"(?P<part>名称|全称|类型|性质|类别|单位类型|机构类型)?"
)


def _co_header(header: object) -> tuple[int | None, str] | None:
    """(index or None, "name" or "kind") for a co-applicant column: 联合申报单位1, 合作单位（二）类型,
    联合申报单位名称 (no index: the next free one)."""
    compact = _compact(header or "").strip(_STARS)
    compact = re.sub(r"\(([123一二三])\)", r"\1", compact)
    compact = _NOTE_RE.sub("", compact) if not compact.endswith(tuple(f"({i})" for i in _CO_INDEX)) else compact
    indices = [ch for ch in compact if ch in _CO_INDEX]
    if len(indices) > 1:
        return None
    bare = compact.replace(indices[0], "", 1) if indices else compact
    match = _CO_HEADER_RE.fullmatch(bare)
    if match is None:
        return None
    part = "kind" if match.group("part") and "类" in match.group("part") or (
        match.group("part") or "") == "性质" else "name"
    return (_CO_INDEX[indices[0]] if indices else None), part


def guess_field(header: object) -> str | None:
    """The field a header not known word for word means, if exactly one field fits (see _GUESSES)."""
    key = normalise_header(header)
    if not key or len(key) > _MAX_GUESSED_HEADER or _NOT_A_HEADER_RE.search(key):
        return None
    co = _co_header(header)
    if co is not None:
        index, part = co
        return f"co{index or 1}_{part}"
    found = [fid for fid, (inc, exc) in _GUESS_RES.items() if inc.search(key) and not (exc and exc.search(key))]
    return found[0] if len(found) == 1 else None


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
    message: str  # says what was found and what would be accepted
    field: str = ""  # the field id the column was read as
    found: str = ""  # the cell as written, when its value could not be read


@dataclass(frozen=True)
class ParsedRow:
    row: int
    data: ApplicationData
    # What cells said beyond the value read ("高管负责人：张三（总经理）", "独立法人：单独入统分公司"):
    # ApplicationData has no place for it, so it is kept in the application's source note.
    notes: tuple[str, ...] = ()

    def source(self, file_name: str) -> str:
        """Where the application came from, as stored with it: "file.xlsx:12", and the notes."""
        base = f"{file_name}:{self.row}"
        return f"{base}（{'；'.join(self.notes)}）" if self.notes else base


@dataclass(frozen=True)
class RejectedRow:
    row: int
    values: list[Any]  # raw cell values in column order
    errors: list[RowError]


# Rows that hold no application, passed over and listed so that nothing goes unseen.
SKIP_REASONS = {
    "note": "说明、标题或合计行",
    "repeated_header": "重复的表头行",
    "column_numbers": "列序号行",
    "units": "单位行",
    "example": "填写示例行",
    "no_identity": "未填申报单位名称和统一社会信用代码的行",
}


@dataclass(frozen=True)
class SkippedRow:
    row: int
    reason: str  # a key of SKIP_REASONS
    text: str  # what the row holds, shortened


@dataclass(frozen=True)
class UnknownColumn:
    header: str
    column: str  # letter, e.g. "F"
    has_data: bool
    sample: str = ""  # the first value under it, so the user sees what the column holds


@dataclass(frozen=True)
class ColumnUse:
    """How one column of the file is read."""

    column: str  # letter
    header: str
    field: str | None  # field id, IGNORE, or None when unknown
    # known (a known header), guessed (read by its meaning), mapped (as the user said), ignored, unknown
    how: str


# What each kind of field accepts, for the messages about a column that cannot be read.
ACCEPTED = {
    "text": "文字",
    "year": "四位年份，如2025或2025年度",
    "credit_code": "18位统一社会信用代码（字母大小写、空格、连字符均可）",
    "bool": "是/否、有/无、Y/N、√/×，或写明情况的文字（如负责人姓名）",
    "count": "整数，如5或5人",
    "amount": "金额，如150万元、1,500,000元或1500000",
    "date": "日期，如2025-04-01、2025/4/1、2025年4月1日或20250401",
    "co_name": "联合申报单位名称",
    "co_kind": "高校、科研院所或知识产权服务机构",
}
_UNREADABLE_CODES = frozenset({"bad_value", "invalid_credit_code", "unknown_co_applicant_kind"})


@dataclass(frozen=True)
class ColumnProblem:
    """A column some of whose values cannot be read as the field it was taken for: the user may
    map it to another field or ignore it."""

    column: str  # letter
    header: str
    field: str
    rows: int  # how many rows hold a value it could not read
    found: str  # the first such value
    accepted: str  # what the field accepts

    @property
    def message(self) -> str:
        label = FIELDS[self.field].label
        return (f"列“{self.header}”（{self.column}列，按“{label}”读取）有{self.rows}行无法识别，"
                f"如“{self.found}”；应为{self.accepted}")


@dataclass
class ParseResult:
    header_row: int
    headers: list[str]
    rows: list[ParsedRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    unknown_columns: list[UnknownColumn] = field(default_factory=list)
    total_rows: int = 0  # data rows read: blank, note, title and total rows excluded
    # labels of the required fields the file has no column for
    missing_columns: list[str] = field(default_factory=list)
    sheet_title: str = ""
    skipped: list[SkippedRow] = field(default_factory=list)
    columns: list[ColumnUse] = field(default_factory=list)
    # the amount unit a note of the sheet states ("金额单位：万元"), for columns whose header states none
    sheet_unit: str | None = None
    # per column, the unit its amounts were read in when the header does not say it (for write_rejected)
    column_units: dict[int, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[RowError]:
        return sorted((e for r in self.rejected for e in r.errors), key=lambda e: e.row)

    @property
    def unmapped_data_columns(self) -> list[UnknownColumn]:
        """Columns that hold data nobody said what to do with: the import must not proceed."""
        return [c for c in self.unknown_columns if c.has_data]

    def value(self, values: Sequence[Any], field_id: str) -> Any:
        """The value a row holds in the column read as `field_id` (None when no column is)."""
        for use in self.columns:
            if use.field == field_id:
                index = column_index_from_string(use.column) - 1
                return values[index] if index < len(values) else None
        return None

    @property
    def unreadable_columns(self) -> list[ColumnProblem]:
        """Columns with values that cannot be read as their field, in column order."""
        by_header: dict[str, list[RowError]] = {}
        for error in self.errors:
            if error.code in _UNREADABLE_CODES and error.field:
                by_header.setdefault(error.column, []).append(error)
        problems = []
        for use in self.columns:
            errors = by_header.pop(use.header, None)
            if errors and use.field in FIELDS:
                spec = FIELDS[use.field]
                problems.append(ColumnProblem(use.column, use.header, spec.id, len(errors),
                                              errors[0].found, ACCEPTED[spec.kind]))
        return problems


# ------------------------------------------------------------------------------ reading the sheet


@dataclass
class Sheet:
    """One visible sheet of a workbook, as read by `read_sheet`."""

    title: str
    grid: list[list[Any]]  # values, merged ranges filled with their top-left value
    blank: list[bool]  # per row, judged before merges were filled
    # (row, column), 1-based: formula cells without a cached value
    uncalculated: set[tuple[int, int]]
    formulas: bool = False  # the workbook's sheets hold formulas (its XML has <f>)


def _checked(path: Path, limits: WorkbookLimits) -> WorkbookScan:
    """The file against its reader's limits, before openpyxl reads it (issue 18): LimitExceeded
    (check INPUT, Chinese and English) past one; WorkbookError when it is no readable .xlsx."""
    try:
        return check_workbook(path, limits)
    except FileNotFoundError as exc:
        raise WorkbookError(f"找不到文件：{path}") from exc
    except (UnreadableWorkbook, OSError) as exc:
        raise WorkbookError(_UNREADABLE.format(name=path.name)) from exc


_UNREADABLE = "无法读取文件“{name}”，请确认是Excel .xlsx格式（.xls请先另存为.xlsx）"


def _load(path: Path, **options: Any) -> Workbook:
    """openpyxl's workbook, once `_checked` passed."""
    try:
        with warnings.catch_warnings():
            # openpyxl warns about every extension it drops: noise for the user
            warnings.simplefilter("ignore")
            return load_workbook(path, keep_links=False, **options)
    except FileNotFoundError as exc:
        raise WorkbookError(f"找不到文件：{path}") from exc
    except Exception as exc:  # openpyxl fails in many ways on foreign files
        raise WorkbookError(_UNREADABLE.format(name=path.name)) from exc


def _visible(workbook: Workbook) -> list[Worksheet]:
    sheets = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    if not sheets:
        raise WorkbookError("文件中没有可见的工作表")
    return sheets


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _sheet_values(sheet: Worksheet, limits: WorkbookLimits, path: Path) -> Sheet:
    """The sheet's values from the cells openpyxl holds, never creating one for an empty position
    (`iter_rows` would: a lone far cell made millions). Within the limits `_checked` enforced;
    checked again here for what the stream cannot tell (cells without a reference), and for the
    length of each text."""
    cells = sheet._cells  # (row, column) → cell: openpyxl's own map of the cells it read
    height = max((row for row, _ in cells), default=0)
    width = max((column for _, column in cells), default=0)
    _check_extent(sheet.title, height, width, limits, path)
    grid = [[None] * width for _ in range(height)]
    for (row, column), cell in cells.items():
        value = grid[row - 1][column - 1] = cell.value
        if isinstance(value, str) and len(value) > limits.max_cell_chars:
            _refuse_text(sheet.title, row, column, len(value), limits, path)
    blank = [all(_is_blank(v) for v in row) for row in grid]
    _fill_merged(sheet, grid)
    return Sheet(sheet.title, grid, blank, set())


def _check_extent(title: str, height: int, width: int, limits: WorkbookLimits, path: Path) -> None:
    what_zh, what_en = limits.what
    if height > limits.max_rows:
        raise LimitExceeded("rows", f"{what_zh}“{path.name}”的工作表“{title}”用到第{height:,}行，"
                                    f"超过上限{limits.max_rows:,}行",
                            f"sheet '{title}' of the {what_en} '{path.name}' reaches row {height:,}, "
                            f"over the limit of {limits.max_rows:,} rows")
    if width > limits.max_columns:
        raise LimitExceeded("columns", f"{what_zh}“{path.name}”的工作表“{title}”用到第{width:,}列，"
                                       f"超过上限{limits.max_columns}列",
                            f"sheet '{title}' of the {what_en} '{path.name}' reaches column {width:,}, "
                            f"over the limit of {limits.max_columns} columns")


def _refuse_text(title: str, row: int, column: int, length: int, limits: WorkbookLimits, path: Path) -> None:
    where = f"{get_column_letter(column)}{row}"
    raise LimitExceeded(
        "cell_chars",
        f"{limits.what[0]}“{path.name}”的工作表“{title}”单元格{where}有{length:,}个字符，"
        f"超过Excel的上限{limits.max_cell_chars:,}",
        f"cell {where} of sheet '{title}' in the {limits.what[1]} '{path.name}' holds "
        f"{length:,} characters, over Excel's limit of {limits.max_cell_chars:,}")


def read_sheet(path: Path, limits: WorkbookLimits = APPLICATIONS) -> Sheet:
    """The first visible sheet's values (cached formula results); WorkbookError when unreadable,
    LimitExceeded past `limits` (checked before the work starts).

    Shared with the other readers of reports (rubric tables, preliminary scores).
    """
    scan = _checked(path, limits)
    sheet = _sheet_values(_visible(_load(path, data_only=True))[0], limits, path)
    sheet.formulas = scan.formulas
    sheet.uncalculated = _uncalculated_formulas(path, sheet)
    return sheet


def read_sheets(path: Path, limits: WorkbookLimits = APPLICATIONS) -> list[Sheet]:
    """Every visible sheet's values, without the formula check (`read_sheet` for one sheet)."""
    scan = _checked(path, limits)
    sheets = [_sheet_values(sheet, limits, path) for sheet in _visible(_load(path, data_only=True))]
    for sheet in sheets:
        sheet.formulas = scan.formulas
    return sheets


def _fill_merged(sheet: Worksheet, grid: list[list[Any]]) -> None:
    for merged in sheet.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(grid) else None
        for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                grid[r][c] = value


def _uncalculated_formulas(path: Path, sheet: Sheet) -> set[tuple[int, int]]:
    """Formula cells whose cached value is missing: data_only reads them as empty, wrongly.

    Only when the checks saw formulas, so files without them are not read twice; the read-only
    pass stops at the grid's extent (a far cell or a lying dimension cannot stretch it)."""
    if not sheet.formulas or not sheet.grid:
        return set()
    grid, width = sheet.grid, max(map(len, sheet.grid))
    workbook = _load(path, read_only=True, data_only=False)
    try:
        found = set()
        for row in workbook[sheet.title].iter_rows(max_row=len(grid), max_col=max(width, 1)):
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


def _header_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _checked_header_map(header_map: Mapping[str, str] | None) -> dict[str, str]:
    checked = {}
    for header, target in (header_map or {}).items():
        if target not in (IGNORE, NOTE) and target not in FIELDS:
            raise ValueError(f"header_map: unknown field id {target!r} for {header!r}")
        checked[normalise_header(header)] = target
    return checked


# A header ending so is ignored, or kept as a note: write_rejected marks so the columns the user
# ignored or kept as notes, and anyone may.
_IGNORED_MARK = "(不导入)"
_NOTE_MARK = "(备注)"


def _marked_ignored(header: str) -> bool:
    return "".join(unicodedata.normalize("NFKC", header).split()).endswith(_IGNORED_MARK)


def _marked_note(header: str) -> bool:
    return "".join(unicodedata.normalize("NFKC", header).split()).endswith(_NOTE_MARK)


def _header_key(text: Any, explicit: Mapping[str, str]) -> str | None:
    """What a header cell names, for finding the header row: a field, an explicit mapping, or None."""
    key = normalise_header(text)
    if not key:
        return None
    if key in explicit:
        return f"map:{key}"
    return KNOWN_HEADERS.get(key) or guess_field(text)


def _header_score(row: Sequence[Any], explicit: Mapping[str, str]) -> int:
    return len({k for k in (_header_key(v, explicit) for v in row) if k})


def _combined(upper: Sequence[Any], lower: Sequence[Any], explicit: Mapping[str, str]) -> list[str]:
    """A header of two rows (a group over its sub-headers: 联合申报单位1 over 名称 / 类型), read
    as one: each column's group and sub-header together when that names a field, else the
    sub-header alone. A title across the whole row is no group."""
    width = max(len(upper), len(lower))
    upper = [_header_text(v) for v in _padded(list(upper), width)]
    lower = [_header_text(v) for v in _padded(list(lower), width)]
    if len({u for u in upper if u}) <= 1:
        return lower
    out = []
    for u, low in zip(upper, lower, strict=True):
        if not u or u == low:
            out.append(low)
        elif not low:
            out.append(u)
        else:
            both = u + low
            out.append(both if _header_key(both, explicit) else low)
    return out


_UNIT_CELL_RE = re.compile(r"\(?(?:单位:?)?(亿元|万元|千元|元|人|个|件|项|名|家|是/否|是或否|Y/N|%)\)?")


def _units_row(row: Sequence[Any]) -> bool:
    """A row under the header that gives each column's unit: (万元) (人) (件) …"""
    texts = [cells.to_text(v) for v in row if not _is_blank(v)]
    return bool(texts) and all(isinstance(t, str) and _UNIT_CELL_RE.fullmatch(t.replace(" ", "")) for t in texts)


@dataclass
class _Layout:
    sheet: Sheet
    header_row: int  # 1-based, the last row of the header
    headers: list[str]
    first_data_row: int
    score: int
    units_row: int | None = None


def _layouts(sheet: Sheet, explicit: Mapping[str, str]) -> _Layout | None:
    """The sheet's best header: the row (or pair of rows) among its first rows naming most fields."""
    best: _Layout | None = None
    for index, row in enumerate(sheet.grid[:HEADER_SEARCH_ROWS]):
        if sheet.blank[index]:
            continue
        candidates = [[_header_text(v) for v in row]]
        if index > 0 and not sheet.blank[index - 1]:
            candidates.append(_combined(sheet.grid[index - 1], row, explicit))
        for headers in candidates:
            score = _header_score(headers, explicit)
            if best is None or score > best.score:
                best = _Layout(sheet, index + 1, headers, index + 2, score)
    if best is None or best.score < MIN_HEADER_MATCHES:
        return None
    below = best.header_row  # 0-based index of the row under the header
    if below < len(sheet.grid) and not sheet.blank[below] and _units_row(sheet.grid[below]):
        units = _padded(list(sheet.grid[below]), len(best.headers))
        best.headers = [h + (f"({cells.to_text(u)})".replace("((", "(").replace("))", ")") if not _is_blank(u) else "")
                        for h, u in zip(best.headers, units, strict=False)]
        best.units_row, best.first_data_row = below + 1, below + 2
    return best


def _choose_layout(sheets: Sequence[Sheet], explicit: Mapping[str, str]) -> _Layout:
    """The sheet holding the applications: the one whose header names most fields (the first on a tie)."""
    found = [layout for layout in (_layouts(sheet, explicit) for sheet in sheets) if layout is not None]
    if not found:
        where = "各工作表" if len(sheets) > 1 else ""
        raise WorkbookError(f"{where}前{HEADER_SEARCH_ROWS}行中找不到表头行（应含“申报单位名称”“统一社会信用代码”等列名）")
    return max(found, key=lambda layout: layout.score)


@dataclass
class _Columns:
    by_field: dict[str, int]  # field id → 0-based column index
    unknown: list[UnknownColumn]
    uses: list[ColumnUse]

    @property
    def notes(self) -> list[int]:
        """Columns kept as notes (备注), 0-based."""
        return [column_index_from_string(use.column) - 1 for use in self.uses if use.how == "note"]


_KIND_ALONE_RE = re.compile(r"(单位)?(类型|性质|类别)")


def _map_columns(
    headers: Sequence[str], header_map: Mapping[str, str], has_data: Sequence[bool], samples: Sequence[str]
) -> _Columns:
    """Explicit mappings first, then known headers, then headers read by their meaning; a second
    column for a taken field is unknown."""
    by_field: dict[str, int] = {}
    how: dict[int, tuple[str | None, str]] = {}
    pending: list[int] = []
    for index, header in enumerate(headers):
        key = normalise_header(header)
        target = header_map.get(key)
        if target == IGNORE or (target is None and (key in IGNORED_HEADERS or _marked_ignored(header))):
            how[index] = (IGNORE, "ignored")
        elif target == NOTE or (target is None and (key in NOTE_HEADERS or _marked_note(header))):
            how[index] = (NOTE, "note")
        elif target is not None:
            if target in by_field:
                raise WorkbookError(f"列“{headers[by_field[target]]}”和列“{header}”都被指定为“{FIELDS[target].label}”")
            by_field[target] = index
            how[index] = (target, "mapped")
        else:
            pending.append(index)
    guessed = []
    for index in pending:
        field_id = KNOWN_HEADERS.get(normalise_header(headers[index]))
        if field_id is not None and field_id not in by_field:
            by_field[field_id] = index
            how[index] = (field_id, "known")
        elif field_id is None:
            guessed.append(index)
    for index in guessed:
        field_id = _guessed_field(headers, index, by_field, how)
        if field_id is not None:
            by_field[field_id] = index
            how[index] = (field_id, "guessed")
    unknown, uses = [], []
    for index, header in enumerate(headers):
        letter = get_column_letter(index + 1)
        target, kind = how.get(index, (None, "unknown"))
        if kind == "unknown":
            if not header and not has_data[index]:
                continue
            unknown.append(UnknownColumn(header, letter, has_data[index], samples[index]))
        uses.append(ColumnUse(letter, header, target, kind))
    return _Columns(by_field, unknown, uses)


def _guessed_field(
    headers: Sequence[str], index: int, by_field: Mapping[str, int], how: Mapping[int, tuple[str | None, str]]
) -> str | None:
    header = headers[index]
    co = _co_header(header)
    previous = how.get(index - 1, (None, ""))[0] or ""
    if co is None and _KIND_ALONE_RE.fullmatch(normalise_header(header)) and previous.endswith("_name"):
        co = (int(previous[2]), "kind")  # a 类型 column right after a co-applicant's name is its kind
    if co is not None:
        position, part = co
        if position is None:
            if part == "kind" and previous.startswith("co") and previous.endswith("_name"):
                position = int(previous[2])
            else:
                position = next((i for i in (1, 2, 3) if f"co{i}_{part}" not in by_field), 3)
        field_id = f"co{position}_{part}"
    else:
        field_id = guess_field(header)
    return field_id if field_id is not None and field_id not in by_field else None


# ------------------------------------------------------------------------------ rows that are no application

_NOTE_START_RE = re.compile(r"(注[:\d]|注$|备注|说明|填表|填报|制表|审核|合计|总计|小计|附[:件表]|数据来源|本表|以上|单位:|金额单位)")
_EXAMPLE_RE = re.compile(r"(示例|样例|填写示例|例:|例如|举例)")
_UNIT_NOTE_RE = re.compile(r"(?:金额|经费|资金)?单位\s*(?::|为|是)?\s*(?:人民币)?\s*(亿元|万元|千元|元)")
NOTE_LENGTH = 50  # a longer cell in the name column is a note


def _note_like(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    text = cells.to_text(value) or ""
    return ":" in text or len(text) > NOTE_LENGTH or _NOTE_START_RE.match(text) is not None


def _column_numbers(values: Sequence[Any]) -> bool:
    """1 2 3 4 … under the header, as official forms number their columns."""
    numbers = []
    for value in values:
        text = cells.to_text(value) or ""
        digits = text.strip("()[]（）")
        if not digits.isdigit():
            return False
        numbers.append(int(digits))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _shortened(values: Sequence[Any]) -> str:
    text = " ".join(dict.fromkeys(str(cells.to_text(v)) for v in values if not _is_blank(v)))
    return text if len(text) <= 60 else text[:60] + "…"


def _skip_reason(values: Sequence[Any], header_keys: Sequence[str], identity: Sequence[int]) -> str | None:
    """Why a non-blank row under the header holds no application, or None when it may hold one.

    An application is known by its name and its credit code: a row with neither (nothing in those
    columns that could be a name or a code) is a note, a title, a total, a signature, or a row of
    the form numbered in advance and left empty; a row of one value (a note under the table, a
    title merged across it) holds no application either. Any other row is read, so that its
    errors are shown.
    """
    nonblank = [v for v in values if not _is_blank(v)]
    keys = [normalise_header(v) if isinstance(v, str) else "" for v in values]
    if sum(1 for k, h in zip(keys, header_keys, strict=False) if k and k == h) >= MIN_HEADER_MATCHES:
        return "repeated_header"
    if _column_numbers(nonblank):
        return "column_numbers"
    if any(isinstance(v, str) and _EXAMPLE_RE.match(cells.to_text(v) or "") for v in nonblank[:3]):
        return "example"
    if len({str(v).strip() for v in nonblank}) == 1:
        return "note"  # one cell, or a title or a section merged across the table: no application
    ids = [values[i] for i in identity if i < len(values)]
    if ids and all(_is_blank(v) or _note_like(v) or cells.is_placeholder(v) for v in ids):
        return "note" if any(_note_like(v) for v in nonblank) or len(nonblank) <= 1 else "no_identity"
    return None


def _code_text(value: Any) -> str:
    """A credit code as people write it, separators dropped: 9144-0116-… , 9144 0116 …"""
    text = cells.to_text(value) or ""
    return re.sub(r"[-—–_·./\\\s'‘’`]", "", text)


def _sheet_unit(texts: Iterable[Any]) -> str | None:
    for value in texts:
        if isinstance(value, str):
            match = _UNIT_NOTE_RE.search(cells.to_text(value) or "")
            if match:
                return match.group(1)
    return None


# ------------------------------------------------------------------------------ one row


class _RowReader:
    """Turns the values of one data row into ApplicationData, collecting every problem."""

    def __init__(
        self,
        headers: Sequence[str],
        columns: Mapping[str, int],
        round_year: int | None,
        uncalculated: set[tuple[int, int]],
        sheet_unit: str | None = None,
        note_columns: Sequence[int] = (),
    ) -> None:
        self.headers = headers
        self.note_columns = note_columns
        self.columns = columns
        self.round_year = round_year
        self.uncalculated = uncalculated
        self.units = {
            fid: cells.unit_from_header(headers[i]) or (cells.unit_from_header(sheet_unit) if sheet_unit else None)
            for fid, i in columns.items()
            if FIELDS[fid].kind == "amount"
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
        self.notes: list[str] = []
        self.implied: dict[str, bool] = {}  # fields an answer a rule allows declares (单独入统 → branch)
        self.failed: set[str] = set()  # fields that already have an error
        # (credit code, year) when both are valid: for the duplicate check
        self.key: tuple[str, int] | None = None
        self.data = self._build()

    # -- helpers

    def error(self, field_id: str, code: str, message: str, found: str = "") -> None:
        self.failed.add(field_id)
        self.errors.append(RowError(self.number, self.reader.column_title(field_id), code, message, field_id, found))

    def note(self, field_id: str) -> None:
        """Keep the cell as written (not normalised: its brackets stay full-width)."""
        written = " ".join(str(self.raw(field_id)).split())
        self.notes.append(f"{self.reader.column_title(field_id)}：{written}")

    def raw(self, field_id: str) -> Any:
        index = self.reader.columns.get(field_id)
        return self.values[index] if index is not None and index < len(self.values) else None

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
        raw = self.raw(field_id)
        try:
            return converter(raw)
        except CellError as exc:
            self.error(field_id, "bad_value", str(exc), cells.to_text(raw) or "")
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
        name = self.require("enterprise_name", self.convert("enterprise_name", _name))
        code = self._credit_code()
        if code is not None and year is not None:
            self.key = (code, year)
        co_applicants = self._co_applicants()
        others = {spec.id: self._plain_field(spec) for spec in FIELDS.values() if spec.id not in _READ_APART}
        for index in self.reader.note_columns:
            value = self.values[index] if index < len(self.values) else None
            if not _is_blank(value):
                self.notes.append(f"{self.reader.headers[index]}：{' '.join(str(value).split())}")
        for declared, value in self.implied.items():
            if others.get(declared) is None:
                others[declared] = value
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
        if spec.kind == "bool":
            raw = self.raw(spec.id)  # a text of invisible characters only cleans to None (found by fuzzing)
            written = "".join(((cells.to_text(raw) or "") if isinstance(raw, str) else "").split())
            for phrase, declared in spec.rule_answers:
                if phrase in written:
                    self.implied[declared] = True
                    self.note(spec.id)
                    return None
            answer = self.convert(spec.id, lambda value: _read_bool(value, spec))
            if answer is None:
                return None
            value, said = answer
            if said:
                self.note(spec.id)
            return value
        if spec.kind == "amount":
            unit = self.reader.units.get(spec.id)
            reading = self.convert(spec.id, lambda raw: cells.read_amount(raw, unit))
            value, in_yuan = reading if reading is not None else (None, False)
            if in_yuan:  # 1,500,000 in a 万元 column: the yuan that were written, said so
                self.notes.append(f"{self.reader.column_title(spec.id)}：{cells.to_text(self.raw(spec.id))}"
                                  f"（按元读取）")
        else:
            value = self.convert(spec.id, _CONVERTERS[spec.kind])
        if spec.kind in ("count", "amount", "date") and spec.id not in self.failed:
            remark = cells.remark(self.raw(spec.id))
            if remark and cells.unit_from_header(remark) is None:
                self.note(spec.id)
        return value

    def _year(self) -> int | None:
        year = self.convert("year", lambda v: None if cells.is_placeholder(v) else cells.to_year(v))
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
        text = self.require("credit_code", self.convert("credit_code", _code_or_none))
        if text is None:
            return None
        try:
            return credit_code.validate(text)
        except credit_code.CreditCodeError as exc:
            raw = self.raw("credit_code")
            hint = "（单元格是数字，长代码会被Excel截断，请将该列设为文本格式）" if isinstance(raw, int | float) else ""
            shown = cells.to_text(raw) or ""
            self.error(
                "credit_code",
                "invalid_credit_code",
                f"统一社会信用代码无效：{exc}；所填为“{shown}”，应为{ACCEPTED['credit_code']}{hint}",
                shown,
            )
            return None

    def _co_applicants(self) -> tuple[CoApplicant, ...]:
        listed = self._listed_co_applicants()
        if listed is not None:
            return listed
        found = []
        for position, (name_id, kind_id) in enumerate(_CO_PAIRS, start=1):
            name = self.convert(name_id, _name)
            kind_text = self.convert(kind_id, cells.to_optional_text)
            if name is not None and kind_text is None:
                name, kind_text = _name_and_kind(name)
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

    def _listed_co_applicants(self) -> tuple[CoApplicant, ...] | None:
        """"华南理工大学（高校）、广州某研究院（科研院所）": the co-applicants listed in one cell (the
        kinds after the names, or listed alike in the kind cell). None when the cell holds one name."""
        raw = self.raw("co1_name")
        if not isinstance(raw, str) or any(self.raw(f) is not None for f in ("co2_name", "co2_kind", "co3_name")):
            return None
        names = [n for n in _LIST_RE.split(raw.strip()) if n.strip()]
        if len(names) < 2:
            return None
        kinds_raw = self.raw("co1_kind")
        kinds = [k for k in _LIST_RE.split(kinds_raw.strip()) if k.strip()] if isinstance(kinds_raw, str) else []
        if len(names) > MAX_CO_APPLICANTS:
            self.error("co1_name", "too_many_co_applicants",
                       f"R2：联合申报单位至多{MAX_CO_APPLICANTS}家，本格列出{len(names)}家，不予受理")
            return ()
        found = []
        for position, written in enumerate(names, start=1):
            name, kind_text = _name_and_kind(cells.to_name(written) or written)
            if kind_text is None and len(kinds) == len(names):
                kind_text = kinds[position - 1]
            kind = self._co_applicant_kind(position, "co1_kind", kind_text)
            if kind is not None:
                found.append(CoApplicant(name, kind))
        return tuple(found)

    def _co_applicant_kind(self, position: int, kind_id: str, kind_text: str | None) -> CoApplicantKind | None:
        if kind_text is None:
            self.missing(kind_id, "co_applicant_kind_missing",
                         f"已填联合申报单位{position}，但未填其类型（应为{ACCEPTED['co_kind']}）")
            return None
        try:
            return co_applicant_kind(kind_text)
        except CellError as exc:
            self.error(kind_id, "unknown_co_applicant_kind", str(exc), kind_text)
            return None


_LIST_RE = re.compile(r"\s*(?:[、;；\n]|[,，](?!\d))\s*")
_IN_DISTRICT_RE = re.compile(r"黄埔|本区|区内|广州开发区|开发区|知识城|科学城")
_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{2,}(省|市|区|县)")


def _read_bool(value: Any, spec: FieldSpec) -> tuple[bool | None, str | None]:
    try:
        return cells.read_bool(value, names_mean_yes=spec.names_mean_yes)
    except CellError:
        text = cells.to_text(value) if isinstance(value, str) else None
        if spec.places and text:  # 广州市黄埔区: yes; 天河区: no
            if _IN_DISTRICT_RE.search(text):
                return True, text
            if _PLACE_RE.search(text):
                return False, text
        raise


def _name(value: Any) -> str | None:
    return None if cells.means_none(value) else cells.to_name(value)


def _code_or_none(value: Any) -> str | None:
    if cells.is_placeholder(value):
        return None
    text = cells.to_text(value)
    return _code_text(text) if text is not None else None


def _name_and_kind(name: str) -> tuple[str, str | None]:
    """"华南理工大学（高校）": a co-applicant's kind written after its name."""
    main, remark = cells.split_remark(name)
    if remark is not None and _kind_key(remark) in _KINDS_BY_WORD:
        return cells.to_name(main) or name, remark
    return name, None


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "text": cells.to_optional_text,
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
    """Read the applications of the workbook's sheet that holds them; see the module docstring."""
    path = Path(path)
    explicit = _checked_header_map(header_map)
    sheets = read_sheets(path, APPLICATIONS)
    _check_cancelled(is_cancelled)
    layout = _choose_layout(sheets, explicit)
    sheet = layout.sheet
    named = max((i + 1 for i, h in enumerate(layout.headers) if h), default=0)
    width = max(_used_width(sheet, layout.header_row), named)
    headers = [_header_text(v) for v in _padded(list(layout.headers), width)]
    candidates = [
        (n, _padded(sheet.grid[n - 1], width))
        for n in range(layout.first_data_row, len(sheet.grid) + 1)
        if not sheet.blank[n - 1]
    ]
    # the name and code columns, to tell notes from applications, then the columns again on the data rows
    first = _map_columns(headers, explicit, *_data_profile(candidates, width))
    identity = [first.by_field[f] for f in ("enterprise_name", "credit_code") if f in first.by_field]
    header_keys = [normalise_header(h) for h in headers]
    data_rows, skipped = [], []
    for number, values in candidates:
        reason = _skip_reason(values, header_keys, identity)
        if reason is None:
            data_rows.append((number, values))
        else:
            skipped.append(SkippedRow(number, reason, _shortened(values)))
    if layout.units_row is not None:
        skipped.insert(0, SkippedRow(layout.units_row, "units", _shortened(sheet.grid[layout.units_row - 1])))
    above = [v for row in sheet.grid[: layout.header_row - 1] for v in row]
    notes = [v for s in skipped if s.reason == "note" for v in sheet.grid[s.row - 1]]
    sheet_unit = _sheet_unit([*above, *notes])
    columns = _map_columns(headers, explicit, *_data_profile(data_rows, width))
    result = ParseResult(
        layout.header_row,
        headers,
        unknown_columns=columns.unknown,
        sheet_title=sheet.title,
        missing_columns=_missing_columns(columns.by_field, round_year),
        skipped=skipped,
        columns=columns.uses,
        sheet_unit=sheet_unit,
    )
    if sheet_unit is not None:
        result.column_units = {
            index: sheet_unit
            for fid, index in columns.by_field.items()
            if FIELDS[fid].kind == "amount" and cells.unit_from_header(headers[index]) is None
        }
    uncalculated = _uncalculated_formulas(path, sheet)
    reader = _RowReader(headers, columns.by_field, round_year, uncalculated, sheet_unit, columns.notes)
    _read_rows(reader, data_rows, result, progress, is_cancelled)
    return result


def _data_profile(rows: Sequence[tuple[int, list[Any]]], width: int) -> tuple[list[bool], list[str]]:
    """Per column: whether any row holds a value, and the first value (what the column holds)."""
    samples = [next((str(values[c]) for _, values in rows if not _is_blank(values[c])), "") for c in range(width)]
    return [bool(sample) for sample in samples], samples


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
            result.rows.append(ParsedRow(number, outcome.data, tuple(outcome.notes)))
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
                "credit_code",
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
    as_text(sheet.cell(row=row, column=column, value=value))  # a text that looks like a formula stays text


def _error_text(errors: Iterable[RowError]) -> str:
    """One line per problem (a message itself may hold a "；")."""
    return "\n".join(f"{e.column}：{e.message}" if e.column else e.message for e in errors)


def rejected_headers(result: ParseResult) -> list[str]:
    """The headers of the rejected rows' workbook, written so that it imports back without a
    question: a column the user mapped carries its field's name, a column the user ignored says
    "（不导入）", an amount column read in the sheet's unit says the unit."""
    uses = {column_index_from_string(use.column) - 1: use for use in result.columns}
    written = []
    for index, header in enumerate(result.headers):
        use = uses.get(index)
        title = header
        if use is not None and use.how == "mapped" and use.field in FIELDS:
            title = FIELDS[use.field].label
        elif (use is not None and use.how == "ignored" and normalise_header(header) not in IGNORED_HEADERS
              and not _marked_ignored(header)):
            title = f"{header}（不导入）"
        elif (use is not None and use.how == "note" and normalise_header(header) not in NOTE_HEADERS
              and not _marked_note(header)):
            title = f"{header}（备注）"
        unit = result.column_units.get(index)
        if unit is not None and cells.unit_from_header(title) is None:
            title = f"{title}（{unit}）"
        written.append(title)
    return written


def write_rejected(result: ParseResult, out_path: str | Path) -> None:
    """The rejected rows as the file had them: first their row number in that file, last a column
    saying what is wrong. Corrected, the workbook imports as it is (both columns are ignored)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "未导入的行"
    titles = [ROW_COLUMN_TITLE, *rejected_headers(result), ERROR_COLUMN_TITLE]
    _bold_header(sheet, 1, titles)
    for out_row, rejected in enumerate(result.rejected, start=2):
        sheet.cell(row=out_row, column=1, value=rejected.row)
        for column, value in enumerate(_padded(list(rejected.values), len(result.headers)), start=2):
            _write_value(sheet, out_row, column, value)
        reason = sheet.cell(row=out_row, column=len(titles), value=_error_text(rejected.errors))
        reason.alignment = Alignment(wrap_text=True, vertical="top")
    for index, title in enumerate(titles, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _column_width(title)
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions[get_column_letter(len(titles))].width = 60
    sheet.freeze_panes = "B2"
    save_workbook(workbook, out_path)  # every text cell text (issue 18), 0o600


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
    if spec.rule_answers:
        return ("填“是”或“否”；单独入统的分公司可填“单独入统分公司”（R1：视同具有独立法人资格）；"
                "留空表示未声明，形式审查时需人工确认。")
    if spec.names_mean_yes:
        return "填“是”或“否”，也可写明情况（如负责人姓名、部门名称，视为“是”并保留原文）；留空表示未声明。"
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
    save_workbook(workbook, out_path)


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

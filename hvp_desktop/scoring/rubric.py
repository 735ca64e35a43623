"""Rubrics: sections of criteria totalling 100 points, kept as data and checked on load.

A rubric lives in resources/rubrics/*.json (the shipped defaults standing in for Annex 2 and
Annex 3) or comes from an official table imported from Excel (reports/rubric_excel.py). Every number
is a Decimal: scores go in steps such as 0.5, and a total must equal the sum the expert sees to
the last half point, so a float is refused wherever a number enters.

`Rubric.digest` fingerprints the exact content (SHA-256 of the canonical JSON): a round freezes
the rubric it is scored on as `to_json(rubric)` and a sheet names it by `Rubric.label`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property
from pathlib import Path
from typing import Any, NamedTuple

from cryptography.hazmat.primitives import hashes

from hvp_desktop.domain.limits import RUBRIC_JSON, check_json, exceeded, size_text
from hvp_desktop.resources import resource_path

KINDS = ("recognition", "annual")  # Annex 2 (R15, R16) and Annex 3 (R17, R18)
MAX_TOTAL = Decimal(100)
DEFAULT_STEP = Decimal(1)
DEFAULT_FILES = {"recognition": "recognition-2026.1.json", "annual": "annual-2026.1.json"}

VERSION_RE = re.compile(r"\d{4}\.\d{1,3}")  # "2026.1": the year, then a revision
ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,15}")  # ASCII: codes key scores and paths
RULE_RE = re.compile(r"R(?:[1-9]|1[0-9]|2[01])")  # R1 … R21 of programme/RULES.md
_NUMBER_RE = re.compile(r"-?\d+(?:\.\d+)?")


# ------------------------------------------------------------------------------ the objects


def _require_decimal(owner: str, name: str, value: object, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if not isinstance(value, Decimal):
        kind = "float（浮点数会丢失精度）" if isinstance(value, float) else type(value).__name__
        raise TypeError(f"{owner}.{name} 必须是Decimal，不接受{kind}")


@dataclass(frozen=True)
class Band:
    """A scoring band (档次): scores low..high, both included, described for the expert."""

    low: Decimal
    high: Decimal
    description: str
    label: str = ""  # 优 / 良 / 中 / 差 …

    def __post_init__(self) -> None:
        _require_decimal("Band", "low", self.low)
        _require_decimal("Band", "high", self.high)


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    guidance: str  # what to look for and in which documents
    max_points: Decimal
    step: Decimal = DEFAULT_STEP
    bands: tuple[Band, ...] = ()  # ascending, not overlapping; gaps allowed
    rules: tuple[str, ...] = ()  # the rule ids it serves, e.g. ("R5",)
    comment_below_share: Decimal | None = None  # a comment is required when score < share × max
    comment_at_band_extremes: bool = False  # … and when a score sits on a band's low or high end

    def __post_init__(self) -> None:
        _require_decimal("Criterion", "max_points", self.max_points)
        _require_decimal("Criterion", "step", self.step)
        _require_decimal("Criterion", "comment_below_share", self.comment_below_share, optional=True)
        object.__setattr__(self, "bands", tuple(self.bands))
        object.__setattr__(self, "rules", tuple(self.rules))


@dataclass(frozen=True)
class Section:
    """A 一级指标. `kind`: "scored" (counts to the 100), "bonus" (加分项: its points count up to
    `cap`, the total staying within 100) or "veto" (否决项: each criterion is 1 when found, and then
    fails the assessment whatever the points, e.g. fewer than 3 full-time IP staff)."""

    code: str
    title: str
    criteria: tuple[Criterion, ...]
    kind: str = "scored"
    cap: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "criteria", tuple(self.criteria))

    @cached_property
    def max_points(self) -> Decimal:
        return sum((c.max_points for c in self.criteria), Decimal(0))


@dataclass(frozen=True)
class Rubric:
    id: str
    version: str
    kind: str  # "recognition" | "annual"
    title: str
    sections: tuple[Section, ...]
    source: str  # "默认评分表…" for a shipped default, the file name for an imported table

    def __post_init__(self) -> None:
        object.__setattr__(self, "sections", tuple(self.sections))

    @cached_property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for s in self.sections for c in s.criteria)

    @cached_property
    def _by_code(self) -> dict[str, Criterion]:
        return {c.code: c for c in self.criteria}

    def criterion(self, code: str) -> Criterion:
        return self._by_code[code]

    @property
    def max_total(self) -> Decimal:
        return sum((s.max_points for s in self.sections if s.kind == "scored"), Decimal(0))

    def total_of(self, scores: Mapping[str, Decimal | None]) -> Decimal:
        """The sheet's total by the table: scored points, plus bonus points up to each cap, never
        above the table's maximum; veto items count no points."""
        base = bonus = Decimal(0)
        for section in self.sections:
            points = total({c.code: scores.get(c.code) for c in section.criteria})
            if section.kind == "scored":
                base += points
            elif section.kind == "bonus":
                bonus += min(points, section.cap if section.cap is not None else points)
        return min(base + bonus, self.max_total) if bonus else base

    def vetoes(self, scores: Mapping[str, Decimal | None]) -> list[str]:
        """The veto items (否决项) found on a sheet: their codes."""
        return [c.code for s in self.sections if s.kind == "veto" for c in s.criteria
                if (scores.get(c.code) or Decimal(0)) > 0]

    @cached_property
    def digest(self) -> str:
        sha = hashes.Hash(hashes.SHA256())
        sha.update(to_json(self).encode("utf-8"))
        return sha.finalize().hex()

    @property
    def label(self) -> str:
        """What a score sheet prints: which rubric, which version, which exact content."""
        return f"{self.title} {self.version} ({self.digest[:8]})"


class RubricError(ValueError):
    """A rubric that cannot be used; `problems` lists every one, each led by its path or row."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__(f"评分表有{len(self.problems)}处问题：\n" + "\n".join(self.problems))


class Problem(NamedTuple):
    path: str  # ASCII, e.g. "sections[2].criteria[0].max_points"
    message: str  # Chinese

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


# ------------------------------------------------------------------------------ numbers


def format_points(value: Decimal) -> str:
    """Points as people write them: 10, 0.5, 7.25 (no exponent, no trailing zeros)."""
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text


def _exact(value: object) -> Decimal:
    """A score as a Decimal; a float (or anything else inexact) is a programming error."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    kind = "float（浮点数会丢失精度）" if isinstance(value, float) else type(value).__name__
    raise TypeError(f"分值必须是Decimal，不接受{kind}")


# ------------------------------------------------------------------------------ the schema check

_RUBRIC_KEYS = ({"id", "version", "kind", "title", "source", "sections"}, set())
_SECTION_KEYS = ({"code", "title", "criteria"}, {"kind", "cap"})
SECTION_KINDS = ("scored", "bonus", "veto")  # 计分项; 加分项 (capped); 否决项 (a yes/no that fails the whole)
_CRITERION_KEYS = (
    {"code", "title", "guidance", "max_points"},
    {"step", "bands", "rules", "comment_below_share", "comment_at_band_extremes"},
)
_BAND_KEYS = ({"low", "high", "description"}, {"label"})
_MISSING = object()
_NUMBER_LIMIT = Decimal(1_000_000)
_MAX_DECIMALS = 6


class _Checker:
    """Walks a rubric's plain data, collecting every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.code_paths: dict[str, str] = {}
        self.total = Decimal(0)
        self.total_known = True  # False once a max_points is unreadable: its total means nothing

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def mapping(self, value: Any, path: str, keys: tuple[set[str], set[str]]) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.add(path or "(root)", "应为对象（{…}）")
            return None
        required, optional = keys
        for key in sorted(required - value.keys()):
            self.add(f"{path}.{key}" if path else key, "缺少必填项")
        for key in sorted(value.keys() - required - optional, key=str):
            self.add(f"{path}.{key}" if path else str(key), "未知字段（拼写是否有误？）")
        return value

    def text(self, obj: Mapping[str, Any], key: str, path: str, *, allow_empty: bool = False) -> str | None:
        value = obj.get(key, _MISSING)
        if value is _MISSING:
            return None  # reported by mapping()
        if not isinstance(value, str):
            self.add(path, "应为文本")
            return None
        if not allow_empty and not value.strip():
            self.add(path, "不能为空")
            return None
        return value

    def matching(self, obj: Mapping[str, Any], key: str, path: str, pattern: re.Pattern[str], hint: str) -> str | None:
        value = self.text(obj, key, path)
        if value is not None and not pattern.fullmatch(value):
            self.add(path, f"“{value}”格式不对：{hint}")
            return None
        return value

    def number(self, obj: Mapping[str, Any], key: str, path: str, default: Decimal | None = None) -> Decimal | None:
        value = obj.get(key, _MISSING)
        if value is _MISSING or (value is None and default is not None):
            return default
        number = _decimal_or_none(value)
        if number is None:
            shown = "null" if value is None else value
            hint = '不接受浮点数，请写成文本，如"2.5"' if isinstance(value, float) else f"应为数字，实为“{shown}”"
            self.add(path, hint)
        elif not _reasonable(number):
            self.add(path, f"{format_points(number)}超出范围（应小于1000000，至多6位小数）")
            return None
        return number

    def positive(self, obj: Mapping[str, Any], key: str, path: str, default: Decimal | None = None) -> Decimal | None:
        number = self.number(obj, key, path, default)
        if number is not None and number <= 0:
            self.add(path, "必须大于0")
            return None
        return number

    def code(self, obj: Mapping[str, Any], path: str) -> str | None:
        code = self.matching(obj, "code", f"{path}.code", CODE_RE, "只能用字母、数字和 . _ -，不超过16个字符")
        if code is None:
            return None
        earlier = self.code_paths.setdefault(code, path)
        if earlier != path:
            self.add(f"{path}.code", f"编号“{code}”重复（已用于{earlier}）")
            return None
        return code


def _decimal_or_none(value: Any) -> Decimal | None:
    """An exact number from JSON data: int, Decimal or a numeric string; never a float or bool."""
    if isinstance(value, bool) or isinstance(value, float):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str) and _NUMBER_RE.fullmatch(value.strip()):
        return Decimal(value.strip())
    return None


def _reasonable(number: Decimal) -> bool:
    """Bounded, so that max % step and the like stay exact within Decimal's 28 digits."""
    return abs(number) < _NUMBER_LIMIT and number.normalize().as_tuple().exponent >= -_MAX_DECIMALS  # type: ignore[operator]


def _list(obj: Mapping[str, Any], key: str, path: str, checker: _Checker, *, required: bool) -> list[Any] | None:
    value = obj.get(key, _MISSING)
    if value is _MISSING:
        return None if required else []
    if not isinstance(value, list | tuple):
        checker.add(path, "应为列表（[…]）")
        return None
    if required and not value:
        checker.add(path, "不能为空列表")
        return None
    return list(value)


def _parse_band(data: Any, path: str, checker: _Checker) -> Band | None:
    before = len(checker.problems)  # a missing key is reported by mapping(): count it too
    obj = checker.mapping(data, path, _BAND_KEYS)
    if obj is None:
        return None
    low = checker.number(obj, "low", f"{path}.low")
    high = checker.number(obj, "high", f"{path}.high")
    description = checker.text(obj, "description", f"{path}.description")
    label = checker.text(obj, "label", f"{path}.label", allow_empty=True) if "label" in obj else ""
    if low is not None and high is not None and low > high:
        checker.add(path, f"下限{format_points(low)}大于上限{format_points(high)}")
    if len(checker.problems) > before or low is None or high is None or description is None or label is None:
        return None
    return Band(low, high, description, label)


def _check_band_range(
    band: Band, path: str, max_points: Decimal | None, step: Decimal | None, checker: _Checker
) -> None:
    for name, bound in (("low", band.low), ("high", band.high)):
        if bound < 0:
            checker.add(f"{path}.{name}", "不能小于0")
        elif max_points is not None and bound > max_points:
            checker.add(f"{path}.{name}", f"不能超过满分{format_points(max_points)}")
        elif step is not None and bound % step != 0:
            checker.add(f"{path}.{name}", f"{format_points(bound)}不是步长{format_points(step)}的整数倍")


def _parse_bands(
    obj: Mapping[str, Any], path: str, max_points: Decimal | None, step: Decimal | None, checker: _Checker
) -> tuple[Band, ...] | None:
    raw = _list(obj, "bands", f"{path}.bands", checker, required=False)
    if raw is None:
        return None
    bands: list[Band] = []
    previous: tuple[int, Band] | None = None
    for index, item in enumerate(raw):
        band_path = f"{path}.bands[{index}]"
        band = _parse_band(item, band_path, checker)
        if band is None:
            continue
        _check_band_range(band, band_path, max_points, step, checker)
        if previous is not None:
            _check_band_order(previous, (index, band), band_path, checker)
        previous = (index, band)
        bands.append(band)
    return tuple(bands) if len(bands) == len(raw) else None


def _check_band_order(previous: tuple[int, Band], current: tuple[int, Band], path: str, checker: _Checker) -> None:
    (before_index, before), (_, band) = previous, current
    if band.low < before.low:
        checker.add(path, f"档次应按分值从低到高排列（在bands[{before_index}]之后却更低）")
    elif band.low <= before.high:
        span = f"{format_points(before.low)}–{format_points(before.high)}"
        checker.add(path, f"与bands[{before_index}]（{span}）重叠")


def _parse_rules(obj: Mapping[str, Any], path: str, checker: _Checker) -> tuple[str, ...] | None:
    raw = _list(obj, "rules", f"{path}.rules", checker, required=False)
    if raw is None:
        return None
    bad = [(i, r) for i, r in enumerate(raw) if not isinstance(r, str) or not RULE_RE.fullmatch(r)]
    for index, rule in bad:
        checker.add(f"{path}.rules[{index}]", f"应为R1–R21之一，实为“{rule}”")
    return None if bad else tuple(raw)


def _parse_share(obj: Mapping[str, Any], path: str, checker: _Checker) -> tuple[bool, Decimal | None]:
    """(readable, share): None means no comment rule; the share must be in (0, 1]."""
    if obj.get("comment_below_share") is None:
        return True, None
    share = checker.number(obj, "comment_below_share", f"{path}.comment_below_share")
    if share is not None and not Decimal(0) < share <= Decimal(1):
        checker.add(f"{path}.comment_below_share", "应在0到1之间（如0.6表示低于满分60%须填评语）")
        return False, None
    return share is not None, share


def _parse_flag(obj: Mapping[str, Any], key: str, path: str, checker: _Checker) -> bool | None:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        checker.add(f"{path}.{key}", "应为true或false")
        return None
    return value


def _parse_criterion(data: Any, path: str, checker: _Checker) -> Criterion | None:
    before = len(checker.problems)  # a missing key is reported by mapping(): count it too
    obj = checker.mapping(data, path, _CRITERION_KEYS)
    if obj is None:
        return None
    code = checker.code(obj, path)
    title = checker.text(obj, "title", f"{path}.title")
    guidance = checker.text(obj, "guidance", f"{path}.guidance", allow_empty=True)
    max_points = checker.positive(obj, "max_points", f"{path}.max_points")
    step = checker.positive(obj, "step", f"{path}.step", default=DEFAULT_STEP)
    _add_to_total(max_points, checker)
    if max_points is not None and step is not None and max_points % step != 0:
        checker.add(f"{path}.step", f"满分{format_points(max_points)}不是步长{format_points(step)}的整数倍")
    bands = _parse_bands(obj, path, max_points, step, checker)
    rules = _parse_rules(obj, path, checker)
    share_ok, share = _parse_share(obj, path, checker)
    at_extremes = _parse_flag(obj, "comment_at_band_extremes", path, checker)
    if at_extremes and bands == ():
        checker.add(f"{path}.comment_at_band_extremes", "要求档次边界填评语，但没有设置评分档次（bands）")
    parts = (code, title, guidance, max_points, step, bands, rules, at_extremes)
    if len(checker.problems) > before or not share_ok or any(part is None for part in parts):
        return None
    return Criterion(code, title, guidance, max_points, step, bands, rules, share, at_extremes)  # type: ignore[arg-type]


def _add_to_total(max_points: Decimal | None, checker: _Checker) -> None:
    if max_points is None:
        checker.total_known = False
    else:
        checker.total += max_points


def _parse_section(data: Any, path: str, checker: _Checker) -> Section | None:
    before = len(checker.problems)  # a missing key is reported by mapping(): count it too
    obj = checker.mapping(data, path, _SECTION_KEYS)
    if obj is None:
        checker.total_known = False
        return None
    code = checker.code(obj, path)
    title = checker.text(obj, "title", f"{path}.title")
    kind = obj.get("kind", "scored")
    if kind not in SECTION_KINDS:
        checker.add(f"{path}.kind", f"应为scored（计分）、bonus（加分项）或veto（否决项），实为“{kind}”")
    cap = _decimal_or_none(obj.get("cap")) if "cap" in obj else None
    if kind == "bonus" and (cap is None or cap <= 0):
        checker.add(f"{path}.cap", "加分项须给出大于0的加分上限（cap）")
    if kind != "bonus" and "cap" in obj:
        checker.add(f"{path}.cap", "只有加分项有加分上限（cap）")
    raw = _list(obj, "criteria", f"{path}.criteria", checker, required=True)
    if raw is None:
        checker.total_known = False
        return None
    counted = checker.total
    criteria = [_parse_criterion(item, f"{path}.criteria[{i}]", checker) for i, item in enumerate(raw)]
    if kind in ("bonus", "veto"):
        checker.total = counted  # only the scored sections make the table's 100
    if kind == "veto":
        for i, c in enumerate(criteria):
            if c is not None and (c.max_points != 1 or c.step != 1):
                checker.add(f"{path}.criteria[{i}]", "否决项记1（存在）或0（不存在）：满分和步长应为1")
    if len(checker.problems) > before or code is None or title is None:
        return None
    return Section(code, title, tuple(c for c in criteria if c is not None), kind, cap)


def _parse_rubric(data: Any, checker: _Checker, check_total: bool) -> Rubric | None:
    obj = checker.mapping(data, "", _RUBRIC_KEYS)
    if obj is None:
        return None
    rubric_id = checker.matching(obj, "id", "id", ID_RE, "只能用小写字母、数字和 . _ -")
    version = checker.matching(obj, "version", "version", VERSION_RE, "应如2026.1（年份.修订号）")
    kind = checker.text(obj, "kind", "kind")
    if kind is not None and kind not in KINDS:
        checker.add("kind", f"应为recognition（认定，附件2）或annual（年度考核，附件3），实为“{kind}”")
    title = checker.text(obj, "title", "title")
    source = checker.text(obj, "source", "source")
    raw = _list(obj, "sections", "sections", checker, required=True)
    sections = [] if raw is None else [_parse_section(s, f"sections[{i}]", checker) for i, s in enumerate(raw)]
    if raw is not None and check_total and checker.total_known and checker.total != MAX_TOTAL:
        checker.add("sections", f"各项满分合计为{format_points(checker.total)}分，应为{format_points(MAX_TOTAL)}分")
    if checker.problems or None in (rubric_id, version, kind, title, source):
        return None
    return Rubric(rubric_id, version, kind, title, tuple(s for s in sections if s is not None), source)  # type: ignore[arg-type]


def validate(data: Any, *, check_total: bool = True) -> list[Problem]:
    """Every problem of a rubric's plain data (as JSON gives it), each with its path."""
    checker = _Checker()
    _parse_rubric(data, checker, check_total)
    return checker.problems


# ------------------------------------------------------------------------------ load and save


def from_dict(data: Mapping[str, Any]) -> Rubric:
    checker = _Checker()
    rubric = _parse_rubric(data, checker, check_total=True)
    if rubric is None:
        raise RubricError([str(p) for p in checker.problems])
    return rubric


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"不接受{name}")


def loads(text: str, name: str = "") -> Rubric:
    """A rubric from JSON text; decimals are read exactly (2.5 stays 2.5, never a float).

    Within `limits.RUBRIC_JSON` (size, nesting), checked before the parser recurses into it:
    LimitExceeded (check INPUT) past them."""
    check_json(text, RUBRIC_JSON, name)
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise RubricError([f"json (line {exc.lineno}, col {exc.colno}): JSON格式错误：{exc.msg}"]) from exc
    except ValueError as exc:
        raise RubricError([f"json: {exc}"]) from exc
    return from_dict(data)


def load(path_or_dict: str | Path | Mapping[str, Any]) -> Rubric:
    """A rubric from a JSON file (read up to its size limit only), or from data already parsed
    (numbers as int, Decimal or text)."""
    if isinstance(path_or_dict, Mapping):
        return from_dict(path_or_dict)
    path = Path(path_or_dict)
    try:
        with path.open("rb") as stream:
            raw = stream.read(RUBRIC_JSON.max_bytes + 1)
    except OSError as exc:
        raise RubricError([f"file: 无法读取评分表文件“{path.name}”：{exc.strerror or exc}"]) from exc
    if len(raw) > RUBRIC_JSON.max_bytes:
        raise exceeded("file_bytes", f"{RUBRIC_JSON.what[0]}“{path.name}”超过上限{size_text(RUBRIC_JSON.max_bytes)}",
                       f"the {RUBRIC_JSON.what[1]} '{path.name}' is over the limit of "
                       f"{size_text(RUBRIC_JSON.max_bytes)}")
    try:
        text = raw.decode("utf-8-sig")  # a BOM from Notepad is harmless
    except UnicodeDecodeError as exc:
        raise RubricError([f"file: 评分表文件“{path.name}”不是UTF-8编码"]) from exc
    return loads(text, path.name)


def _band_dict(band: Band) -> dict[str, Any]:
    return {
        "label": band.label,
        "low": format_points(band.low),
        "high": format_points(band.high),
        "description": band.description,
    }


def _criterion_dict(criterion: Criterion) -> dict[str, Any]:
    share = criterion.comment_below_share
    return {
        "code": criterion.code,
        "title": criterion.title,
        "guidance": criterion.guidance,
        "max_points": format_points(criterion.max_points),
        "step": format_points(criterion.step),
        "rules": list(criterion.rules),
        "comment_below_share": None if share is None else format_points(share),
        "comment_at_band_extremes": criterion.comment_at_band_extremes,
        "bands": [_band_dict(b) for b in criterion.bands],
    }


def _section_dict(section: Section) -> dict[str, Any]:
    out: dict[str, Any] = {"code": section.code, "title": section.title}
    if section.kind != "scored":  # written only when used: the digests of earlier tables stay as they were
        out["kind"] = section.kind
    if section.cap is not None:
        out["cap"] = format_points(section.cap)
    out["criteria"] = [_criterion_dict(c) for c in section.criteria]
    return out


def to_dict(rubric: Rubric) -> dict[str, Any]:
    return {
        "id": rubric.id,
        "version": rubric.version,
        "kind": rubric.kind,
        "title": rubric.title,
        "source": rubric.source,
        "sections": [_section_dict(s) for s in rubric.sections],
    }


def to_json(rubric: Rubric) -> str:
    """The canonical JSON: fixed key order, numbers as exact text, UTF-8 Chinese; `digest` hashes it."""
    return json.dumps(to_dict(rubric), ensure_ascii=False, indent=2) + "\n"


@cache
def _defaults() -> tuple[tuple[str, Rubric], ...]:
    return tuple((kind, load(resource_path("resources", "rubrics", name))) for kind, name in DEFAULT_FILES.items())


def default_rubrics() -> dict[str, Rubric]:
    """The shipped rubrics by kind: "recognition" (stands in for Annex 2), "annual" (Annex 3)."""
    return dict(_defaults())


# ------------------------------------------------------------------------------ scores


def check_score(criterion: Criterion, value: Decimal) -> str | None:
    """None when the score may be entered; else why not (outside 0..max, or off the step)."""
    number = _exact(value)
    if not number.is_finite():
        return "分值不是有效数字"
    if not Decimal(0) <= number <= criterion.max_points:
        return f"分值应在0至{format_points(criterion.max_points)}分之间"
    if number % criterion.step != 0:
        return f"分值应为{format_points(criterion.step)}分的整数倍"
    return None


def band_of(criterion: Criterion, value: Decimal) -> Band | None:
    number = _exact(value)
    return next((b for b in criterion.bands if b.low <= number <= b.high), None)


def comment_required(criterion: Criterion, value: Decimal | None) -> str | None:
    """Why the rubric requires a comment for this score, or None; an invalid score gets None
    (check_score reports it)."""
    if value is None or check_score(criterion, value) is not None:
        return None
    reasons = []
    share = criterion.comment_below_share
    if share is not None and value < share * criterion.max_points:
        threshold = format_points(share * criterion.max_points)
        reasons.append(f"得分低于满分的{format_points(share * 100)}%（{threshold}分）")
    band = band_of(criterion, value) if criterion.comment_at_band_extremes else None
    if band is not None and value in (band.low, band.high):
        name = f"“{band.label}”档" if band.label else "档次"
        reasons.append(f"得分处于{name}（{format_points(band.low)}–{format_points(band.high)}分）的边界")
    return "；".join(reasons) + "，须填写评语" if reasons else None


def total(scores: Mapping[str, Decimal | None]) -> Decimal:
    """The exact sum of the entered scores; None is "not entered", never zero."""
    result = Decimal(0)
    for value in scores.values():
        if value is not None:
            result += _exact(value)
    return result


class SectionProgress(NamedTuple):
    section_code: str
    filled: int  # criteria with a score entered
    count: int
    subtotal: Decimal
    section_max: Decimal


def section_progress(rubric: Rubric, scores: Mapping[str, Decimal | None]) -> list[SectionProgress]:
    progress = []
    for section in rubric.sections:
        entered = [_exact(v) for v in (scores.get(c.code) for c in section.criteria) if v is not None]
        subtotal = sum(entered, Decimal(0))
        progress.append(
            SectionProgress(section.code, len(entered), len(section.criteria), subtotal, section.max_points)
        )
    return progress

"""The on-site checklist (现场核查表) of the annual assessments (R17, R18), as plain data.

A checklist walks through the construction tasks a centre took on (§三, R5–R13): each item states
the requirement in the plan's own words, how an expert verifies it on site (documents to see,
people to talk to), what evidence to collect, the annual-rubric criteria (Annex 3) it informs, and
its kind: a plain check, a threshold (a figure with a minimum: ≥ 3 full-time IP staff, ≥ 1,000,000
RMB of IP work funding a year) or a veto item (否决项: not met, the assessment fails whatever the
points).

A template lives in resources/checklists/*.json, is schema-checked on load like a rubric
(scoring/rubric.py) and fingerprinted by `Checklist.digest` (SHA-256 of `canonical`), so a round
freezes the exact checklist its visits use and a visit names it by `Checklist.label`.

The findings of a visit (`Finding`) then give the veto items failed (`vetoed`), the items to
rectify (`rectification_items`), the re-assessment's before / after (`before_after`), and with
the assessment total the outcome under R17/R18 (`assessment_outcome`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path
from typing import Any, NamedTuple

from hvp_desktop.domain import rules
from hvp_desktop.domain.dates import add_months, add_years
from hvp_desktop.domain.limits import MB, JsonLimits, check_json, exceeded, size_text
from hvp_desktop.domain.rules import InvalidInput
from hvp_desktop.resources import resource_path

DEFAULT_FILE = "annual-2026.1.json"  # resources/checklists/
CHECKLIST_JSON = JsonLimits(("现场核查表JSON文件", "checklist JSON file"), max_bytes=5 * MB, max_depth=32)

VERSION_RE = re.compile(r"\d{4}\.\d{1,3}")  # "2026.1": the year, then a revision
ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,15}")  # ASCII, like a rubric's criterion codes
RULE_RE = re.compile(r"R(?:[5-9]|1[0-3])")  # the construction tasks of §三: R5 … R13
FIGURE_RE = re.compile(r"[a-z][a-z0-9_]{0,63}")  # "ip_staff_count", "ip_budget_yuan"
_NUMBER_RE = re.compile(r"-?\d+(?:\.\d+)?")
_NUMBER_LIMIT = Decimal(10) ** 15
_MAX_DECIMALS = 6


class ItemKind(StrEnum):
    CHECK = "check"  # 核查项: met / partly / not met by the expert's judgement
    THRESHOLD = "threshold"  # 量化指标: a figure found on site, checked against a minimum
    VETO = "veto"  # 否决项: not met fails the assessment whatever the points


class Status(StrEnum):
    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"
    NOT_CHECKED = "not_checked"


class Consequence(StrEnum):
    PASSED = "passed"
    RECTIFICATION = "rectification"  # R17/R18: a 2-month rectification period
    TITLE_WITHDRAWN = "title_withdrawn"  # R17/R18 after a failed rectification, with the R4 ban


# (Chinese, English) words for the GUI, the Chinese as the secretariat writes it (GLOSSARY).
STATUS_TEXT: dict[Status, tuple[str, str]] = {
    Status.MET: ("符合", "Met"),
    Status.PARTLY: ("部分符合", "Partly met"),
    Status.NOT_MET: ("不符合", "Not met"),
    Status.NOT_CHECKED: ("未核查", "Not checked"),
}
KIND_TEXT: dict[ItemKind, tuple[str, str]] = {
    ItemKind.CHECK: ("核查项", "Check"),
    ItemKind.THRESHOLD: ("量化指标", "Threshold"),
    ItemKind.VETO: ("否决项", "Veto item"),
}
CONSEQUENCE_TEXT: dict[Consequence, tuple[str, str]] = {
    Consequence.PASSED: ("考核合格", "Passed"),
    Consequence.RECTIFICATION: (f"整改期（{rules.RECTIFICATION_MONTHS}个月）",
                                f"Rectification period ({rules.RECTIFICATION_MONTHS} months)"),
    Consequence.TITLE_WITHDRAWN: (f"取消称号（{rules.BAN_YEARS}年内不得重新申报）",
                                  f"Title withdrawn (no new application for {rules.BAN_YEARS} years)"),
}


class FigureText(NamedTuple):
    zh: str  # what the figure counts, in the plan's words
    en: str
    requirement_zh: str  # how the plan states the minimum: "{minimum}以上" / "不少于{minimum}"


# The figures the default checklist measures; a template's own figure is named by its item's title.
FIGURES: dict[str, FigureText] = {
    "ip_staff_count": FigureText("专职知识产权工作人员", "Full-time IP staff", "{minimum}以上"),  # R5
    "ip_budget_yuan": FigureText("知识产权工作经费（不包含人员薪酬）", "IP work funding (salaries excluded)",
                                 "不少于{minimum}"),  # R7
}
UNIT_EN = {"人": "persons", "元": "RMB", "万元": "× 10,000 RMB", "件": "items", "次": "times"}


# ------------------------------------------------------------------------------ the objects


def _exact(owner: str, value: object, *, optional: bool = False) -> Decimal | None:
    """A figure as a Decimal (an int is taken as it is); a float is a programming error."""
    if value is None and optional:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    kind = "float（浮点数会丢失精度）" if isinstance(value, float) else type(value).__name__
    raise TypeError(f"{owner}必须是Decimal，不接受{kind}")


@dataclass(frozen=True)
class Threshold:
    """A figure found on site with its minimum, included: the plan's 以上 / 不少于 (3 staff meet ≥ 3)."""

    figure: str  # "ip_staff_count", "ip_budget_yuan"
    unit: str  # "人", "元"
    minimum: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "minimum", _exact("Threshold.minimum", self.minimum))

    def met(self, found: Decimal) -> bool:
        return _exact("found figure", found) >= self.minimum


@dataclass(frozen=True)
class Item:
    code: str  # "R5.1"
    rule: str  # "R5" … "R13"
    title: str
    requirement: str  # the plan's words (§三)
    verify: str  # how to verify on site: documents to see, people to talk to
    evidence: str  # what to collect
    informs: tuple[str, ...]  # codes of the annual rubric's criteria it informs
    kind: ItemKind
    threshold: Threshold | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "informs", tuple(self.informs))
        object.__setattr__(self, "kind", ItemKind(self.kind))


@dataclass(frozen=True)
class Checklist:
    id: str
    version: str
    title: str
    source: str  # "默认现场核查表…" for the shipped default, the file name for the secretariat's own
    items: tuple[Item, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))

    @cached_property
    def _by_code(self) -> dict[str, Item]:
        return {i.code: i for i in self.items}

    def item(self, code: str) -> Item:
        """The item of that code (KeyError if the checklist has none)."""
        return self._by_code[code]

    @cached_property
    def digest(self) -> str:
        return hashlib.sha256(canonical(self).encode("utf-8")).hexdigest()

    @property
    def label(self) -> str:
        """What a visit names: which checklist, which version, which exact content."""
        return f"{self.title} {self.version} ({self.digest[:8]})"


@dataclass(frozen=True)
class Finding:
    """One item as found on site: its status, the figure found (threshold items), a note."""

    code: str
    status: Status
    figure: Decimal | None = None
    note: str = ""

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "status", Status(self.status))
        except ValueError:
            raise InvalidInput(f"核查结论“{self.status}”无效（应为符合、部分符合、不符合或未核查）",
                               f"'{self.status}' is not a finding (met, partly, not_met or not_checked).") from None
        object.__setattr__(self, "figure", _exact("Finding.figure", self.figure, optional=True))
        if self.figure is not None and not self.figure.is_finite():
            raise InvalidInput(f"检查项{self.code}的核查数值不是有效数字",
                               f"The figure found for item {self.code} is not a number.")
        object.__setattr__(self, "note", self.note or "")


# ------------------------------------------------------------------------------ numbers and thresholds


def format_number(value: Decimal) -> str:
    """3, 0.5, 999999.99: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text


def _amount_zh(value: Decimal, unit: str) -> str:
    """A figure as a notice writes it: yuan in whole hundreds as 万元 (1000000 → 100万元)."""
    if unit == "元" and value >= 10000 and value % 100 == 0:
        return f"{format_number(value / 10000)}万元"
    return f"{format_number(value)}{unit}"


def _amount_en(value: Decimal, unit: str) -> str:
    if unit == "元":
        return f"{format(value.normalize(), ',f')} RMB"  # 1,000,000 RMB; 999,999.99 RMB
    return f"{format_number(value)} {UNIT_EN.get(unit, unit)}"


def threshold_problem(item: Item, figure: Decimal | None) -> tuple[str, str] | None:
    """(Chinese, English) when the figure found is below the item's minimum, e.g.
    "专职知识产权工作人员2人，未达要求（3人以上）"; None when it meets it, or there is no figure or
    no threshold."""
    threshold = item.threshold
    if threshold is None or figure is None:
        return None
    found = _exact("found figure", figure)
    if threshold.met(found):
        return None
    names = FIGURES.get(threshold.figure)
    minimum_zh = _amount_zh(threshold.minimum, threshold.unit)
    if names is None:
        name_zh, name_en, required_zh = item.title, f"Item {item.code}", f"不少于{minimum_zh}"
    else:
        name_zh, name_en, required_zh = names.zh, names.en, names.requirement_zh.format(minimum=minimum_zh)
    return (f"{name_zh}{_amount_zh(found, threshold.unit)}，未达要求（{required_zh}）",
            f"{name_en}: {_amount_en(found, threshold.unit)}, below the requirement "
            f"(at least {_amount_en(threshold.minimum, threshold.unit)})")


def below_threshold(item: Item, finding: Finding | None) -> bool:
    return finding is not None and threshold_problem(item, finding.figure) is not None


# ------------------------------------------------------------------------------ findings


def _findings_by_code(checklist: Checklist, findings: Mapping[str, Finding] | Iterable[Finding]) -> dict[str, Finding]:
    """The findings by item code; a finding for an item the checklist lacks is refused."""
    values = findings.values() if isinstance(findings, Mapping) else findings
    out: dict[str, Finding] = {}
    for finding in values:
        if finding.code not in checklist._by_code:
            raise InvalidInput(f"现场核查表“{checklist.title}”没有检查项{finding.code}",
                               f"The checklist '{checklist.id}' {checklist.version} has no item {finding.code}.")
        out[finding.code] = finding
    return out


def vetoed(checklist: Checklist, findings: Mapping[str, Finding] | Iterable[Finding]) -> list[str]:
    """The codes of the veto items (否决项) found not met, in the checklist's order."""
    found = _findings_by_code(checklist, findings)
    return [i.code for i in checklist.items
            if i.kind == ItemKind.VETO and i.code in found and found[i.code].status == Status.NOT_MET]


def needs_rectification(item: Item, finding: Finding | None) -> bool:
    """Not met, partly met, or a figure below the item's threshold (whatever the status says)."""
    if finding is None:
        return False
    return finding.status in (Status.NOT_MET, Status.PARTLY) or below_threshold(item, finding)


def rectification_items(checklist: Checklist, findings: Mapping[str, Finding] | Iterable[Finding]) -> list[Item]:
    """The items to rectify after a failed assessment, in the checklist's order."""
    found = _findings_by_code(checklist, findings)
    return [i for i in checklist.items if needs_rectification(i, found.get(i.code))]


def before_after(
    checklist: Checklist, before: Mapping[str, Finding], after: Mapping[str, Finding]
) -> list[tuple[Item, Finding | None, Finding | None]]:
    """Every item with its finding at the failed assessment and at the re-assessment: the items
    to rectify first, then the others, each part in the checklist's order."""
    old, new = _findings_by_code(checklist, before), _findings_by_code(checklist, after)
    rectify = {i.code for i in rectification_items(checklist, old)}
    ordered = [i for i in checklist.items if i.code in rectify] + [i for i in checklist.items if i.code not in rectify]
    return [(i, old.get(i.code), new.get(i.code)) for i in ordered]


# ------------------------------------------------------------------------------ the outcome


@dataclass(frozen=True)
class AssessmentOutcome:
    passed: bool
    total: Decimal
    pass_mark: Decimal
    vetoed: tuple[str, ...]  # veto items found not met: they fail the assessment whatever the points
    consequence: str  # a Consequence: "passed" | "rectification" | "title_withdrawn"
    due: date | None  # the end of the rectification period
    ban_until: date | None  # no new application before this day (R4)
    rule: str  # "R17" (year 1) or "R18" (year 2)


def assessment_outcome(year: int, total: Decimal, vetoed: Iterable[str], *, rectification: bool,
                       decided_on: date) -> AssessmentOutcome:
    """R17/R18: pass at 70 (year 1) / 75 (year 2), the mark included, unless a veto item is not
    met. A failed assessment gives a 2-month rectification period from the decision; a failed
    re-assessment after rectification (`rectification=True`) withdraws the title, with a 2-year ban."""
    if year not in rules.PASS_MARK:
        raise InvalidInput(f"年度考核只有第一年度和第二年度，不是第{year}年度",
                           f"An annual assessment is for year 1 or year 2, not year {year}.")
    score = _exact("total", total)
    if not score.is_finite() or not Decimal(0) <= score <= Decimal(100):
        raise InvalidInput("考核得分应在0到100分之间", "An assessment score is between 0 and 100.")
    failed_items = tuple(vetoed)
    rule = "R17" if year == 1 else "R18"
    passed = rules.passes(year, score) and not failed_items
    if passed:
        consequence, due, ban_until = Consequence.PASSED, None, None
    elif rectification:
        consequence, due, ban_until = Consequence.TITLE_WITHDRAWN, None, add_years(decided_on, rules.BAN_YEARS)
    else:
        consequence, due, ban_until = Consequence.RECTIFICATION, add_months(decided_on, rules.RECTIFICATION_MONTHS), None
    return AssessmentOutcome(passed, score, rules.PASS_MARK[year], failed_items, consequence, due, ban_until, rule)


def outcome_text(outcome: AssessmentOutcome, year: int) -> tuple[str, str]:
    """The outcome in a sentence, (Chinese, English), in the plan's words."""
    year_zh = {1: "第一年度考核", 2: "第二年度考核（期末验收）"}.get(year, f"第{year}年度考核")
    mark = format_number(outcome.pass_mark)
    points = f"{format_number(outcome.total)}分（{mark}分以上为合格）"
    points_en = f"{format_number(outcome.total)} points (pass mark {mark}, included)"
    if outcome.consequence == Consequence.PASSED:
        zh = "通过期末验收" if year == 2 else "第一年度考核合格"
        return f"{zh}：{points}", f"Year-{year} assessment passed: {points_en}"
    why_zh = f"否决项{'、'.join(outcome.vetoed)}不符合" if outcome.vetoed else f"得分{points}"
    why_en = f"veto item(s) {', '.join(outcome.vetoed)} not met" if outcome.vetoed else points_en
    if outcome.consequence == Consequence.TITLE_WITHDRAWN:
        return (f"整改后仍考核不合格（{why_zh}）：取消“高价值专利培育布局中心”称号，"
                f"{rules.BAN_YEARS}年内（至{outcome.ban_until}）不得重新申报",
                f"Failed again after rectification ({why_en}): the title is withdrawn; no new application "
                f"for {rules.BAN_YEARS} years (until {outcome.ban_until})")
    return (f"{year_zh}不合格（{why_zh}）：给予{rules.RECTIFICATION_MONTHS}个月整改期（至{outcome.due}）",
            f"Year-{year} assessment failed ({why_en}): rectification period of {rules.RECTIFICATION_MONTHS} "
            f"months (until {outcome.due})")


# ------------------------------------------------------------------------------ the schema check


class Problem(NamedTuple):
    path: str  # ASCII, naming the item and the field: "items[2](R5.3).threshold.minimum"
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.path}: {self.zh}"


class ChecklistError(InvalidInput):
    """A checklist that cannot be used (check INPUT); `problems` lists every one, each led by the
    item and the field it is in."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        zh = f"现场核查表有{len(self.problems)}处问题：\n" + "\n".join(f"{p.path}: {p.zh}" for p in self.problems)
        en = f"The checklist has {len(self.problems)} problem(s):\n" + "\n".join(
            f"{p.path}: {p.en}" for p in self.problems)
        super().__init__(zh, en)


_CHECKLIST_KEYS = ({"id", "version", "title", "source", "items"}, set())
_ITEM_KEYS = ({"code", "rule", "title", "requirement", "verify", "evidence"}, {"informs", "kind", "threshold"})
_THRESHOLD_KEYS = ({"figure", "unit", "minimum"}, set())
_MISSING = object()


def _shown(value: Any) -> str:
    text = "null" if value is None else str(value)
    return text if len(text) <= 40 else text[:40] + "…"


class _Checker:
    """Walks a checklist's plain data, collecting every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.code_paths: dict[str, str] = {}

    def add(self, path: str, zh: str, en: str) -> None:
        self.problems.append(Problem(path or "(root)", zh, en))

    def mapping(self, value: Any, path: str, keys: tuple[set[str], set[str]]) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.add(path, "应为对象（{…}）", "should be an object ({...})")
            return None
        required, optional = keys
        for key in sorted(required - value.keys()):
            self.add(f"{path}.{key}" if path else key, "缺少必填项", "is missing")
        for key in sorted(value.keys() - required - optional, key=str):
            self.add(f"{path}.{key}" if path else str(key), "未知字段（拼写是否有误？）", "unknown field (a typo?)")
        return value

    def text(self, obj: Mapping[str, Any], key: str, path: str) -> str | None:
        value = obj.get(key, _MISSING)
        if value is _MISSING:
            return None  # reported by mapping()
        if not isinstance(value, str):
            self.add(path, "应为文本", "should be text")
            return None
        if not value.strip():
            self.add(path, "不能为空", "must not be empty")
            return None
        return value

    def matching(self, obj: Mapping[str, Any], key: str, path: str, pattern: re.Pattern[str],
                 hint: tuple[str, str]) -> str | None:
        value = self.text(obj, key, path)
        if value is not None and not pattern.fullmatch(value):
            self.add(path, f"“{_shown(value)}”格式不对：{hint[0]}", f"'{_shown(value)}' is malformed: {hint[1]}")
            return None
        return value

    def number(self, obj: Mapping[str, Any], key: str, path: str) -> Decimal | None:
        value = obj.get(key, _MISSING)
        if value is _MISSING:
            return None
        number = _decimal_or_none(value)
        if number is None:
            if isinstance(value, float):
                self.add(path, '不接受浮点数，请写成文本，如"3"', 'a float is not accepted: write it as text, e.g. "3"')
            else:
                self.add(path, f"应为数字，实为“{_shown(value)}”", f"should be a number, not '{_shown(value)}'")
            return None
        if number < 0 or number >= _NUMBER_LIMIT or -number.as_tuple().exponent > _MAX_DECIMALS:
            self.add(path, f"{format_number(number)}超出范围（应为0以上、小于10^15，至多6位小数）",
                     f"{format_number(number)} is out of range (0 or more, below 10^15, at most 6 decimals)")
            return None
        return number


def _decimal_or_none(value: Any) -> Decimal | None:
    if isinstance(value, bool) or isinstance(value, float):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str) and _NUMBER_RE.fullmatch(value.strip()):
        try:
            return Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern admits only plain numbers
            return None
    return None


def _parse_threshold(obj: Mapping[str, Any], path: str, kind: ItemKind | None, checker: _Checker) -> tuple[bool, Threshold | None]:
    """(readable, threshold) of an item: a threshold item has one, the others none."""
    raw = obj.get("threshold")
    if kind is None:
        return raw is None, None
    if kind != ItemKind.THRESHOLD:
        if raw is not None:
            kind_zh = KIND_TEXT[kind][0]
            checker.add(f"{path}.threshold", f"{kind_zh}不设数值要求（threshold）；有数值要求的应为threshold类",
                        f"a {kind.value} item has no threshold; an item with a minimum is of kind threshold")
            return False, None
        return True, None
    if raw is None:
        checker.add(f"{path}.threshold", "量化指标须给出数值要求（figure、unit、minimum）",
                    "a threshold item needs its threshold (figure, unit, minimum)")
        return False, None
    before = len(checker.problems)
    data = checker.mapping(raw, f"{path}.threshold", _THRESHOLD_KEYS)
    if data is None:
        return False, None
    figure = checker.matching(data, "figure", f"{path}.threshold.figure", FIGURE_RE,
                              ("应如ip_staff_count（小写字母、数字和_）", "like ip_staff_count (a-z, 0-9, _)"))
    unit = checker.text(data, "unit", f"{path}.threshold.unit")
    minimum = checker.number(data, "minimum", f"{path}.threshold.minimum")
    if len(checker.problems) > before or figure is None or unit is None or minimum is None:
        return False, None
    return True, Threshold(figure, unit, minimum)


def _parse_informs(obj: Mapping[str, Any], path: str, checker: _Checker) -> tuple[str, ...] | None:
    raw = obj.get("informs", [])
    if not isinstance(raw, list):
        checker.add(f"{path}.informs", "应为评分表指标编号的列表（[…]）", "should be a list of rubric criterion codes ([...])")
        return None
    bad = [(i, c) for i, c in enumerate(raw) if not isinstance(c, str) or not CODE_RE.fullmatch(c)]
    for index, code in bad:
        checker.add(f"{path}.informs[{index}]", f"“{_shown(code)}”不是评分表指标编号（如R5.1）",
                    f"'{_shown(code)}' is not a rubric criterion code (like R5.1)")
    repeated = sorted({c for c in raw if isinstance(c, str) and raw.count(c) > 1})
    for code in repeated:
        checker.add(f"{path}.informs", f"指标编号“{code}”重复", f"the criterion code '{code}' is listed twice")
    return None if bad or repeated else tuple(raw)


def _parse_item(data: Any, index: int, checker: _Checker) -> Item | None:
    path = f"items[{index}]"
    before = len(checker.problems)
    if isinstance(data, Mapping) and isinstance(data.get("code"), str) and CODE_RE.fullmatch(data["code"]):
        path = f"{path}({data['code']})"  # the item is named in every problem of it
    obj = checker.mapping(data, path, _ITEM_KEYS)
    if obj is None:
        return None
    code = checker.matching(obj, "code", f"{path}.code", CODE_RE,
                            ("只能用字母、数字和 . _ -，不超过16个字符", "letters, digits and . _ - only, at most 16"))
    if code is not None:
        earlier = checker.code_paths.setdefault(code, path)
        if earlier != path:
            checker.add(f"{path}.code", f"编号“{code}”重复（已用于{earlier}）", f"the code '{code}' is used twice (also {earlier})")
    rule = checker.matching(obj, "rule", f"{path}.rule", RULE_RE,
                            ("应为建设任务R5–R13之一", "one of the construction tasks R5-R13"))
    texts = {key: checker.text(obj, key, f"{path}.{key}") for key in ("title", "requirement", "verify", "evidence")}
    kind_value = obj.get("kind", ItemKind.CHECK.value)
    kind: ItemKind | None = None
    if kind_value in tuple(ItemKind):
        kind = ItemKind(kind_value)
    else:
        checker.add(f"{path}.kind", f"应为check（核查项）、threshold（量化指标）或veto（否决项），实为“{_shown(kind_value)}”",
                    f"should be check, threshold or veto, not '{_shown(kind_value)}'")
    threshold_ok, threshold = _parse_threshold(obj, path, kind, checker)
    informs = _parse_informs(obj, path, checker)
    parts = (code, rule, *texts.values(), kind, informs)
    if len(checker.problems) > before or not threshold_ok or any(p is None for p in parts):
        return None
    return Item(code, rule, texts["title"], texts["requirement"], texts["verify"], texts["evidence"],  # type: ignore[arg-type]
                informs, kind, threshold)  # type: ignore[arg-type]


def _parse_checklist(data: Any, checker: _Checker) -> Checklist | None:
    obj = checker.mapping(data, "", _CHECKLIST_KEYS)
    if obj is None:
        return None
    checklist_id = checker.matching(obj, "id", "id", ID_RE, ("只能用小写字母、数字和 . _ -", "a-z, 0-9 and . _ - only"))
    version = checker.matching(obj, "version", "version", VERSION_RE, ("应如2026.1（年份.修订号）", "like 2026.1 (year.revision)"))
    title = checker.text(obj, "title", "title")
    source = checker.text(obj, "source", "source")
    raw = obj.get("items", _MISSING)
    items: list[Item | None] = []
    if raw is not _MISSING:
        if not isinstance(raw, list):
            checker.add("items", "应为检查项的列表（[…]）", "should be a list of items ([...])")
        elif not raw:
            checker.add("items", "至少需要一个检查项", "needs at least one item")
        else:
            items = [_parse_item(item, i, checker) for i, item in enumerate(raw)]
    if checker.problems or None in (checklist_id, version, title, source):
        return None
    return Checklist(checklist_id, version, title, source, tuple(i for i in items if i is not None))  # type: ignore[arg-type]


def validate(data: Any) -> list[Problem]:
    """Every problem of a checklist's plain data (as JSON gives it), each with its item and field."""
    checker = _Checker()
    _parse_checklist(data, checker)
    return checker.problems


def unknown_informs(checklist: Checklist, criterion_codes: Iterable[str]) -> list[Problem]:
    """The `informs` codes that name no criterion of the rubric given (its criterion codes)."""
    known = set(criterion_codes)
    return [Problem(f"items[{n}]({item.code}).informs[{k}]", f"评分表中没有指标“{code}”",
                    f"the rubric has no criterion '{code}'")
            for n, item in enumerate(checklist.items) for k, code in enumerate(item.informs) if code not in known]


# ------------------------------------------------------------------------------ load and save


def from_dict(data: Mapping[str, Any]) -> Checklist:
    checker = _Checker()
    checklist = _parse_checklist(data, checker)
    if checklist is None:
        raise ChecklistError(checker.problems)
    return checklist


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"不接受{name}")


def loads(text: str, name: str = "") -> Checklist:
    """A checklist from JSON text, numbers read exactly; within `CHECKLIST_JSON` (size, nesting),
    checked before the parser recurses into it (LimitExceeded past them)."""
    check_json(text, CHECKLIST_JSON, name)
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ChecklistError([Problem(f"json (line {exc.lineno}, col {exc.colno})", f"JSON格式错误：{exc.msg}",
                                      f"malformed JSON: {exc.msg}")]) from exc
    except ValueError as exc:
        raise ChecklistError([Problem("json", f"无法读取：{exc}", f"unreadable: {exc}")]) from exc
    return from_dict(data)


def load(path_or_dict: str | Path | Mapping[str, Any]) -> Checklist:
    """A checklist from a JSON file (read up to its size limit only) or from data already parsed."""
    if isinstance(path_or_dict, Mapping):
        return from_dict(path_or_dict)
    path = Path(path_or_dict)
    try:
        with path.open("rb") as stream:
            raw = stream.read(CHECKLIST_JSON.max_bytes + 1)
    except OSError as exc:
        raise ChecklistError([Problem("file", f"无法读取现场核查表文件“{path.name}”：{exc.strerror or exc}",
                                      f"cannot read the checklist file '{path.name}': {exc.strerror or exc}")]) from exc
    if len(raw) > CHECKLIST_JSON.max_bytes:
        limit = size_text(CHECKLIST_JSON.max_bytes)
        raise exceeded("file_bytes", f"{CHECKLIST_JSON.what[0]}“{path.name}”超过上限{limit}",
                       f"the {CHECKLIST_JSON.what[1]} '{path.name}' is over the limit of {limit}")
    try:
        text = raw.decode("utf-8-sig")  # a BOM from Notepad is harmless
    except UnicodeDecodeError as exc:
        raise ChecklistError([Problem("file", f"现场核查表文件“{path.name}”不是UTF-8编码",
                                      f"the checklist file '{path.name}' is not UTF-8")]) from exc
    return loads(text, path.name)


def _item_dict(item: Item) -> dict[str, Any]:
    threshold = item.threshold
    return {
        "code": item.code,
        "rule": item.rule,
        "title": item.title,
        "requirement": item.requirement,
        "verify": item.verify,
        "evidence": item.evidence,
        "informs": list(item.informs),
        "kind": item.kind.value,
        "threshold": None if threshold is None else {
            "figure": threshold.figure, "unit": threshold.unit, "minimum": format_number(threshold.minimum)},
    }


def to_dict(checklist: Checklist) -> dict[str, Any]:
    return {
        "id": checklist.id,
        "version": checklist.version,
        "title": checklist.title,
        "source": checklist.source,
        "items": [_item_dict(i) for i in checklist.items],
    }


def canonical(checklist: Checklist) -> str:
    """The canonical JSON: fixed key order, numbers as exact text, UTF-8 Chinese; `digest` hashes it."""
    return json.dumps(to_dict(checklist), ensure_ascii=False, indent=2) + "\n"


@cache
def default_checklist() -> Checklist:
    """The shipped on-site checklist of the annual assessments (resources/checklists/)."""
    return load(resource_path("resources", "checklists", DEFAULT_FILE))

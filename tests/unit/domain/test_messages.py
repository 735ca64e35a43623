"""Every refusal speaks both languages (issue 16): a rule id or a named check, a Chinese message and
an English one.

The check reads the source with `ast` (nothing is imported): every call of `RuleViolation(...)` and
`InvalidInput(...)` under hvp_desktop/, and every call of a helper that passes its arguments on to
one (HELPERS), must give

  (a) a rule that is an R-id ("R15", "R17/R18") or a key of rules.CHECKS, written as a literal, as a
      conditional between such literals, or as a local name only ever assigned such literals; any
      other rule (a parameter passed through, a computed one) only at the places in PASS_THROUGH;
  (b) an English message, not the same expression as the Chinese one;
  (c) no Chinese in the English message's literal parts.

The checker is tested on synthetic sources at the end, so a check that stops catching anything
fails here too. Then a few real refusals show their text in both languages.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from hvp_desktop.domain import lifecycle, selection
from hvp_desktop.domain.lifecycle import Centre, Event, Kind
from hvp_desktop.domain.model import ApplicationState as S
from hvp_desktop.domain.rules import CHECKS, InvalidInput, RuleViolation

SOURCE_ROOT = Path(__file__).resolve().parents[3] / "hvp_desktop"

R_ID = re.compile(r"R([0-9]|1[0-9]|2[01])(/R([0-9]|1[0-9]|2[01]))*")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")

# A call's arguments: (rule, Chinese, English) positions and keywords. InvalidInput's rule is "INPUT".
REFUSALS = {
    "RuleViolation": ((0, "rule"), (1, "message"), (2, "english")),
    "InvalidInput": (None, (0, "message"), (1, "english")),
}

# Helpers that raise a RuleViolation with the rule and messages they are given: their calls are
# checked as refusals, (module, function) → the positions of (rule, Chinese, English).
HELPERS = {
    ("domain/lifecycle.py", "_require_state"): ((2, "rule"), (3, "message"), (4, "english")),
}

# Where the rule is not a literal: (module, enclosing function) → why that is right.
PASS_THROUGH = {
    ("domain/lifecycle.py", "_require_state"): "the helper's rule, checked at its calls (HELPERS)",
    ("domain/lifecycle.py", "_publicity_over"): "the rule of the publicity's purpose, R16 or R19, from its callers",
    ("domain/lifecycle.py", "apply"): "_reopen_rule: the rule of the result being reopened, R16 or R17",
    ("domain/lifecycle.py", "_document"): "the rule of the bureau's decision that needs the number: R15, R16 or R19",
    ("domain/lifecycle.py", "_list_approved"): "the rule of the list's purpose, R16 or R19",
    ("store/ops/applications.py", "import_applications"): "the first refused row's own rule",
    ("store/ops/decisions.py", "override_check"): "the rule of the formal-review check, e.g. R1 of 'R1.registered'",
    ("store/ops/decisions.py", "add_ban"): "the ban's rule (R4, R21), given by the secretary",
    ("store/ops/ranking.py", "consolidate"): "the rule of the round's line, R16 or R17/R18",
    ("store/ops/ranking.py", "reopen"): "the rule of the confirmed line; the messages are reopen_refusal's (zh, en)",
}


@dataclass(frozen=True)
class Problem:
    module: str
    line: int
    function: str
    what: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line} in {self.function or '<module>'}: {self.what}"


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _argument(call: ast.Call, where: tuple[int, str] | None) -> ast.expr | None:
    if where is None:
        return None
    index, keyword = where
    positional = [a for a in call.args if not isinstance(a, ast.Starred)]
    if len(positional) == len(call.args) and index < len(call.args):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _rule_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(R_ID.fullmatch(node.value)) or node.value in CHECKS
    if isinstance(node, ast.IfExp):
        return _rule_literal(node.body) and _rule_literal(node.orelse)
    return False


def _literal_parts(node: ast.expr) -> Iterator[str]:
    """The string literals written in an expression (f-string text, concatenations, arguments)."""
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child.value


def _assignments(function: ast.AST | None) -> dict[str, list[ast.expr]]:
    found: dict[str, list[ast.expr]] = {}
    if function is None:
        return found
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name):
            found.setdefault(node.target.id, []).append(node.value)
        elif isinstance(node, (ast.For, ast.comprehension)):  # a loop variable is not a literal
            for target in ast.walk(node.target):
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(target)
    return found


def _functions(tree: ast.AST) -> Iterator[tuple[ast.Call, ast.AST | None, str]]:
    """Every call with its innermost enclosing function and that function's name."""
    def visit(node: ast.AST, function: ast.AST | None, name: str) -> Iterator[tuple[ast.Call, ast.AST | None, str]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield from visit(child, child, child.name)
            else:
                if isinstance(child, ast.Call):
                    yield child, function, name
                yield from visit(child, function, name)
    yield from visit(tree, None, "")


def _check(call: ast.Call, function: ast.AST | None, positions, passed_through: bool) -> Iterator[str]:
    """What is wrong with one refusal (nothing when it is right)."""
    rule_at, zh_at, en_at = positions
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        if not passed_through:
            yield "arguments passed as *args/**kwargs: the rule and messages cannot be checked"
        return
    rule = _argument(call, rule_at)
    if rule_at is not None:
        if rule is None:
            yield "no rule"
        elif not _rule_literal(rule) and not passed_through:
            local = _assignments(function).get(rule.id, []) if isinstance(rule, ast.Name) else []
            if not (local and all(_rule_literal(value) for value in local)):
                yield f"the rule {ast.unparse(rule)!r} is neither an R-id nor a named check (CHECKS)"
    zh, en = _argument(call, zh_at), _argument(call, en_at)
    if zh is None:
        yield "no Chinese message"
    if en is None:
        yield "no English message"
        return
    if isinstance(en, ast.Constant) and en.value in (None, ""):
        yield "an empty English message"
    if zh is not None and ast.dump(zh) == ast.dump(en):
        yield "the English message is the Chinese one"
    chinese = [part for part in _literal_parts(en) if CJK.search(part)]
    if chinese:
        yield f"Chinese in the English message: {chinese[0]!r}"


def problems(source: str, module: str, helpers=HELPERS, pass_through=PASS_THROUGH) -> list[Problem]:
    found = []
    for call, function, name in _functions(ast.parse(source)):
        callee = _callee(call)
        positions = REFUSALS.get(callee) or helpers.get((module, callee))
        if positions is not None:
            for what in _check(call, function, positions, (module, name) in pass_through):
                found.append(Problem(module, call.lineno, name, f"{callee}(): {what}"))
    return found


def _modules() -> Iterator[tuple[str, str]]:
    for path in sorted(SOURCE_ROOT.rglob("*.py")):
        yield path.relative_to(SOURCE_ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_every_refusal_names_a_rule_and_speaks_english():
    found = [str(p) for module, source in _modules() for p in problems(source, module)]
    assert not found, "refusals without a rule id or an English message:\n" + "\n".join(found)


def test_the_allowed_places_exist():
    """An entry of PASS_THROUGH or HELPERS that names no refusal any more is stale."""
    sources = dict(_modules())
    for module, function in (*PASS_THROUGH, *HELPERS):
        tree = ast.parse(sources[module])
        names = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        assert function in names, f"{module}: no function {function}"
    for module, function in PASS_THROUGH:
        tree = ast.parse(sources[module])
        body = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == function)
        calls = [_callee(c) for c in ast.walk(body) if isinstance(c, ast.Call)]
        assert "RuleViolation" in calls or "InvalidInput" in calls, f"{module}:{function} raises no refusal"


def test_refusals_are_found_everywhere():
    """The scan sees the refusals it should: a few hundred lines of each package cannot all be clean
    by accident, and at least the known modules raise refusals."""
    counted = {}
    for module, source in _modules():
        calls = [c for c, _f, _n in _functions(ast.parse(source)) if _callee(c) in REFUSALS]
        if calls:
            counted[module] = len(calls)
    for module in ("domain/lifecycle.py", "domain/selection.py", "store/ops/sheets.py", "store/ops/ranking.py"):
        assert counted.get(module, 0) > 0, module
    assert sum(counted.values()) > 100


# -- the checker on synthetic sources ------------------------------------------------------------
@pytest.mark.parametrize("source, expected", [
    ('raise RuleViolation("R16", "名额已满")', "no English message"),
    ('raise RuleViolation("评分表", "没有指标", "No criterion.")', "neither an R-id nor a named check"),
    ('raise RuleViolation("回避", "已回避", "Stepped aside.")', "neither an R-id nor a named check"),
    ('raise RuleViolation("R22", "x", "x y")', "neither an R-id nor a named check"),
    ('raise InvalidInput(f"没有编号为{n}的轮次")', "no English message"),
    ('raise RuleViolation("R1", "没有", "没有")', "the English message is the Chinese one"),
    ('raise RuleViolation("R1", m, m)', "the English message is the Chinese one"),
    ('raise RuleViolation("R1", "不通过", f"Failed: {n}个")', "Chinese in the English message"),
    ('raise InvalidInput("名称为空", "Empty name（名称）")', "Chinese in the English message"),
    ('raise RuleViolation("R1", "不通过", "")', "an empty English message"),
    ('raise rules.RuleViolation("R1", "不通过")', "no English message"),
    ('raise RuleViolation(rule="R1", message="不通过")', "no English message"),
    ('raise RuleViolation("R1", *pair)', "passed as *args"),
    ('def f(rule):\n    raise RuleViolation(rule, "不通过", "Failed.")', "neither an R-id nor a named check"),
    ('def f(x):\n    rule = x.rule\n    raise RuleViolation(rule, "不通过", "Failed.")', "neither an R-id"),
    ('for rule in rules:\n    raise RuleViolation(rule, "不通过", "Failed.")', "neither an R-id"),
    ('_require_state(c, {S.APPLIED}, "R1", "只有已申报的申报")', "no English message"),
    ('_require_state(c, {S.APPLIED}, "入围", "只有", "Only.")', "neither an R-id"),
])
def test_the_checker_catches_a_bare_refusal(source, expected):
    found = problems(source, "domain/lifecycle.py")
    assert found, source
    assert any(expected in p.what for p in found), [str(p) for p in found]


@pytest.mark.parametrize("source", [
    'raise RuleViolation("R16", "名额已满", "No places left.")',
    'raise RuleViolation("R17/R18", "未达合格分数", "Below the pass mark.")',
    'raise RuleViolation("RUBRIC", f"没有指标{c}", f"No criterion {c}.")',
    'raise RuleViolation("R16" if p else "R19", "尚未公示", "Not yet publicised.")',
    'raise RuleViolation(rule="COI", message="已回避", english="Stepped aside.")',
    'raise InvalidInput(f"没有编号为{n}的轮次", f"no round with id {n}")',
    'raise RuleViolation("SHEET", "不能提交：" + "；".join(p), "Cannot submit: " + "; ".join(p))',
    'def f(p):\n    rule = "R16" if p else "R19"\n    raise RuleViolation(rule, "尚未公示", "Not yet publicised.")',
    'def _require_state(c, allowed, rule, message, english):\n    raise RuleViolation(rule, message, english)',
    '_require_state(c, {S.APPLIED}, "R1", "只有已申报的申报", "Only an application.")',
    'raise ValueError("不是RuleViolation")',
])
def test_the_checker_passes_a_good_refusal(source):
    assert problems(source, "domain/lifecycle.py") == []


def test_a_pass_through_must_be_listed():
    source = 'def g(rule):\n    raise RuleViolation(rule, "不通过", "Failed.")'
    assert problems(source, "store/x.py")
    assert problems(source, "store/x.py", pass_through={("store/x.py", "g"): "test"}) == []


def test_the_checker_finds_a_bare_refusal_in_a_module_like_ours():
    source = (SOURCE_ROOT / "domain" / "selection.py").read_text(encoding="utf-8")
    source += '\n\ndef check_more(n):\n    if n > 3:\n        raise RuleViolation("R16", f"拟认定{n}家")\n'
    found = problems(source, "domain/selection.py")
    assert [(p.function, p.what) for p in found] == [("check_more", "RuleViolation(): no English message")]


# -- real refusals in both languages -------------------------------------------------------------
def _refusal(action) -> RuleViolation:
    with pytest.raises(RuleViolation) as info:
        action()
    return info.value


def _both(exc: RuleViolation) -> tuple[str, str]:
    en, zh = exc.text("en"), exc.text("zh_CN")
    assert not CJK.search(en), en
    assert CJK.search(zh), zh
    assert str(exc).startswith(f"{exc.rule}: "), str(exc)
    assert zh.startswith(f"{exc.label('zh')}: ")
    return en, zh


def test_an_illegal_step_of_the_lifecycle_in_both_languages():
    exc = _refusal(lambda: lifecycle.apply(Centre(), Event.of(Kind.SELECTED, date(2026, 5, 1))))
    en, zh = _both(exc)
    assert exc.rule == "R16"
    assert zh.startswith("R16: ") and "进入专家评审" in zh and "入围" not in zh
    assert en.startswith("R16: ") and "expert review" in en


def test_an_assessment_out_of_order_in_both_languages():
    centre = Centre(state=S.RECOGNISED, last_on=date(2026, 6, 1), recognised_on=date(2026, 6, 1))
    exc = _refusal(lambda: lifecycle.apply(centre, Event.of(Kind.ASSESSED, date(2027, 6, 1), year=2,
                                                            score=Decimal("80"))))
    en, zh = _both(exc)
    assert exc.rule == "R18"
    assert zh == "R18: " + exc.zh and "第一年度考核合格" in zh
    assert "year-1 assessment is passed" in en


def test_a_date_out_of_order_and_the_selection_count_in_both_languages():
    centre = Centre(last_on=date(2026, 6, 1))
    exc = _refusal(lambda: lifecycle.apply(centre, Event.of(Kind.SHORTLISTED, date(2026, 5, 1))))
    en, zh = _both(exc)
    assert exc.rule == "R0"
    assert zh.startswith("决定顺序: ") and "2026-05-01" in zh and "2026-06-01" in zh
    assert en.startswith("Decision order: ") and "2026-05-01" in en and "2026-06-01" in en

    exc = _refusal(lambda: selection.check_selection(21, 20))
    en, zh = _both(exc)
    assert "拟认定" in zh and "拟入选" not in zh and "21" in zh and "20" in zh
    assert "21" in en and "20" in en


def test_an_invalid_input_is_a_named_check():
    exc = InvalidInput("没有编号为3的轮次", "no round with id 3")
    assert isinstance(exc, ValueError) and exc.rule == "INPUT"
    assert exc.text("en") == "Input: no round with id 3"
    assert exc.text("zh") == "输入: 没有编号为3的轮次"

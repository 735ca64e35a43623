"""Which rules of RULES.md (R1…R21) the test_rules_* modules prove, read from the test names.

A test proves rule Rn when `Rn` is one of the underscore-separated words of its name
(e.g. test_R15_fewer_than_40_all_go_to_expert_review).

R5–R13 (the commitments of §三, verified by the annual assessment checklist) are not implemented
in domain/rules.py or domain/lifecycle.py; they live in domain/commitments.py and are proved by
test_rules_commitments.py, so all 21 rules are required here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from hvp_desktop.domain import commitments

HERE = Path(__file__).parent
ALL_RULES = {f"R{n}" for n in range(1, 22)}
CHECKLIST_RULES = {f"R{n}" for n in range(5, 14)}


def rule_ids_in_test_names(pattern: str = "test_rules_*.py") -> dict[str, list[str]]:
    covered: dict[str, list[str]] = {}
    for path in sorted(HERE.glob(pattern)):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
                for word in node.name.split("_"):
                    if re.fullmatch(r"R\d+", word):
                        covered.setdefault(word, []).append(f"{path.name}::{node.name}")
    return covered


def coverage_table(covered: dict[str, list[str]]) -> str:
    return ", ".join(f"{r}×{len(covered.get(r, []))}" for r in sorted(ALL_RULES, key=lambda r: int(r[1:])))


def test_every_rule_is_named_by_a_test_rules_test():
    covered = rule_ids_in_test_names()
    missing = sorted(ALL_RULES - set(covered), key=lambda r: int(r[1:]))
    assert not missing, f"rules without a test named after them: {missing} (coverage: {coverage_table(covered)})"


def test_no_test_names_a_rule_that_does_not_exist():
    unknown = set(rule_ids_in_test_names("test_*.py")) - ALL_RULES - {"R0"}  # R0: decisions in date order
    assert not unknown


def test_the_checklist_rules_live_in_commitments_not_in_rules_or_lifecycle():
    """If rules.py or lifecycle.py starts to implement a checklist rule, test it there too."""
    assert {c.rule for c in commitments.COMMITMENTS} == CHECKLIST_RULES
    package = Path(commitments.__file__).parent
    text = "\n".join((package / name).read_text(encoding="utf-8") for name in ("rules.py", "lifecycle.py"))
    mentioned = {f"R{n}" for n in re.findall(r"\bR(\d+)\b", text)} & CHECKLIST_RULES
    assert not mentioned, f"{sorted(mentioned)} now appear in rules.py/lifecycle.py: add test_rules_* tests"

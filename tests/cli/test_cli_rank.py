"""`hvp-desktop rank` and `export-ranking`: a round's aggregated ranking from the command line.

Expectations come from `analyse_round` on the same file, not from the demo's figures."""

from __future__ import annotations

import json
import re

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hvp_desktop.reports.ranking_excel import SUMMARY_SHEET
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.store import queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, Decision
from hvp_desktop.store.ranking import analyse_round
from tests.conftest import DEMO_PASSWORD

NO_SUCH_ROUND = 999


@pytest.fixture
def scored(demo_file):
    """The demo file, its round with a scoring panel, its ranking by its own method and by another."""
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf:
        round_id = next(r for r, _title in queries.round_list(wf) if analyse_round(wf, r).analysis.rows)
        view = analyse_round(wf, round_id)
        other = next(m for m in Method if m != view.analysis.settings.method)
        preview = analyse_round(wf, round_id, other)
    return demo_file, round_id, view, preview


def _no_traceback(done) -> None:
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout


def test_rank_shows_the_ranking_with_the_line_the_agreement_and_what_blocks_consolidation(cli, scored):
    demo_file, round_id, view, _preview = scored
    done = cli("rank", demo_file, "--round", round_id, password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    a = view.analysis
    rows = [line for line in lines if re.match(r"\d+ ", line)]  # the table's rows start with the rank
    assert len(rows) == len(a.rows)
    for line, row in zip(rows, a.rows, strict=True):
        assert view.names[row.application] in line and str(row.score) in line
        assert ("★" in line) == row.inside
    line_row = next(i for i, text in enumerate(lines) if text.startswith("—— ") and "名额线" in text)
    assert f"{a.line.rule} 名额线（{a.line.places}家）" in lines[line_row]
    assert lines[line_row - 1] == rows[a.ranking.inside_count - 1]  # drawn right under the last one inside
    assert a.agreement in done.stdout and "方法敏感性" in done.stdout
    for blocker in view.blockers():
        assert blocker in done.stdout


def test_rank_uses_the_rounds_method_unless_another_is_previewed(cli, scored):
    demo_file, round_id, view, preview = scored
    own_method, other = view.analysis.settings.method, preview.analysis.settings.method
    own = json.loads(cli("rank", demo_file, "--round", round_id, "--json", password=DEMO_PASSWORD).stdout)
    assert own["method"] == own["round_method"] == own_method.value
    done = cli("rank", demo_file, "--round", round_id, "--method", other.value, "--json", password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert (payload["method"], payload["round_method"]) == (other.value, own_method.value)
    assert [(r["application_id"], r["score"]) for r in payload["rows"]] == [
        (r.application, str(r.score)) for r in preview.analysis.rows]
    text = cli("rank", demo_file, "--round", round_id, "--method", other.value, password=DEMO_PASSWORD).stdout
    assert "预览" in text.splitlines()[0]


def test_rank_json_gives_everything_with_exact_decimals(cli, scored):
    demo_file, round_id, view, _preview = scored
    done = cli("rank", demo_file, "--round", round_id, "--json", password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    a = view.analysis
    assert payload["round"] == round_id and payload["line"]["rule"] == a.line.rule
    assert payload["kendall_w"] == (None if a.kendall_w is None else str(a.kendall_w))
    assert payload["agreement"] == a.agreement and payload["blockers"] == view.blockers()
    assert set(payload["sensitivity"]) == {m.value for m in a.sensitivity}
    for got, row in zip(payload["rows"], a.rows, strict=True):
        assert got["application_id"] == row.application and got["rank"] == row.rank
        assert got["score"] == str(row.score) and got["range"] == str(row.range) and got["stdev"] == str(row.stdev)
        assert got["inside_line"] == row.inside and got["sheets"] == len(row.totals)
        assert got["totals"] == {str(e): str(t) for e, t in row.totals.items()}
        assert [m["expert_id"] for m in got["missing"]] == list(row.missing)
        assert [(f["expert_id"], f["kind"], f["deviation"]) for f in got["flags"]] == [
            (f.expert, f.kind.value, str(f.deviation)) for f in row.flags]


@pytest.mark.parametrize("command", ["rank", "export-ranking"])
def test_a_round_that_does_not_exist_is_a_clear_message(cli, demo_file, tmp_path, command):
    out = tmp_path / "排名.xlsx"
    extra = [out] if command == "export-ranking" else []
    done = cli(command, demo_file, "--round", NO_SUCH_ROUND, *extra, password=DEMO_PASSWORD)
    assert done.returncode == 1
    assert f"没有编号为{NO_SUCH_ROUND}的轮次" in done.stderr and "现有轮次" in done.stderr
    _no_traceback(done)
    assert not out.exists()
    as_json = cli(command, demo_file, "--round", NO_SUCH_ROUND, *extra, "--json", password=DEMO_PASSWORD)
    assert json.loads(as_json.stdout)["ok"] is False


def test_export_ranking_writes_the_workbook_with_the_rounds_numbers(cli, scored, tmp_path):
    demo_file, round_id, view, _preview = scored
    out = tmp_path / "汇总排名.xlsx"
    done = cli("export-ranking", demo_file, "--round", round_id, out, "--json", password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["file"] == str(out.resolve()) and payload["rows"] == len(view.analysis.rows)
    book = load_workbook(out)
    assert book.sheetnames[0] == SUMMARY_SHEET and len(book.sheetnames) == 2 + len(view.experts)
    scores = [row[2] for row in book[SUMMARY_SHEET].iter_rows(min_row=5, max_row=4 + len(view.analysis.rows),
                                                              values_only=True)]
    assert [round(s, 2) for s in scores] == [float(r.score) for r in view.analysis.rows]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".part") == []


def test_export_ranking_to_an_unwritable_place_says_so_and_leaves_nothing(cli, scored, tmp_path):
    demo_file, round_id, _view, _preview = scored
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")  # refused even to root, unlike a chmod
    before = sorted(tmp_path.iterdir())
    for out in (blocker / "排名.xlsx", tmp_path / "no-such-folder" / "排名.xlsx"):
        done = cli("export-ranking", demo_file, "--round", round_id, out, password=DEMO_PASSWORD)
        assert done.returncode == 2
        assert "无法写入" in done.stderr and str(out) in done.stderr
        _no_traceback(done)
    assert sorted(tmp_path.iterdir()) == before  # no workbook, no half-written part


def test_export_ranking_wants_an_xlsx_name(cli, scored, tmp_path):
    demo_file, round_id, _view, _preview = scored
    done = cli("export-ranking", demo_file, "--round", round_id, tmp_path / "排名.csv", password=DEMO_PASSWORD)
    assert done.returncode == 2 and ".xlsx" in done.stderr
    _no_traceback(done)
    assert not (tmp_path / "排名.csv").exists()


def test_R15_rank_preliminary_draws_the_shortlist_line_the_round_applied(cli, scored):
    demo_file, round_id, _view, _preview = scored
    done = cli("rank", demo_file, "--round", round_id, "--preliminary", "--json", password=DEMO_PASSWORD)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf, wf.session() as s:
        went_through = set(s.scalars(select(Decision.application_id).join(
            Application, Application.id == Decision.application_id).where(
            Application.round_id == round_id, Decision.kind == "shortlisted")))
    inside = {r["application_id"] for r in payload["rows"] if r["inside_line"]}
    assert payload["line"] == {"rule": "R15", "inside": len(inside)}
    assert inside == went_through  # the line the CLI draws is the shortlist the round recorded
    scores = [float(r["score"]) for r in payload["rows"]]
    assert scores == sorted(scores, reverse=True)
    text = cli("rank", demo_file, "--round", round_id, "--preliminary", password=DEMO_PASSWORD).stdout
    assert f"R15 入围线：{len(inside)}家入围" in text


@pytest.mark.parametrize("value", ["abc", "1e999999", "", "-5", "NaN"])
def test_a_score_edited_to_something_not_a_number_is_told_not_a_traceback(cli, scored, value):
    """Issue 18: a score changed behind the app's back into text never crashes `rank`; `check` names it."""
    demo_file, round_id, _view, _preview = scored
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf, wf.engine.begin() as c:
        c.exec_driver_sql(
            "UPDATE score_entries SET points = ? WHERE id = (SELECT min(e.id) FROM score_entries e "
            "JOIN score_sheets s ON s.id = e.sheet_id JOIN applications a ON a.id = s.application_id "
            "WHERE a.round_id = ? AND s.status = 'submitted')", (value, round_id))
    done = cli("rank", demo_file, "--round", round_id, password=DEMO_PASSWORD)
    _no_traceback(done)
    assert done.returncode == 1 and "FILE" in done.stderr and "not a possible number" in done.stderr
    checked = cli("check", demo_file, password=DEMO_PASSWORD)
    _no_traceback(checked)
    assert checked.returncode == 1

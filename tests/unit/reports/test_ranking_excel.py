"""The ranking workbook (issue 5): numbers as numbers, equal to the analysis; the line, the flags,
one sheet per expert, the rubric; print-ready; written atomically; and LibreOffice reads the
same numbers back."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hvp_desktop.domain import credit_code
from hvp_desktop.domain.model import ApplicationData, SeatRole
from hvp_desktop.reports import ranking_excel
from hvp_desktop.reports.ranking_excel import RUBRIC_SHEET, SUMMARY_HEADERS, SUMMARY_SHEET, write_ranking
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.scoring.analysis import FlagKind
from hvp_desktop.store import queries, ranking
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import ranking as ranking_ops
from hvp_desktop.store.ops import sheets as sheet_ops

PASSWORD = "ranking-export-测试"
SIGNATURE = ([[[10, 10], [20, 15], [30, 12]]], b"\x89PNG fake but present")
EXPERTS = ("李明", "王芳", "张伟", "陈静")  # the first is the chair
# Each application's totals by expert (in EXPERTS order); None: a draft, never counted as zero.
TOTALS = {
    1: (90, 88, 86, 92),
    2: (85, 84, 83, 60),  # 陈静 is 24 below the others: a total flag, and a criterion one
    3: (80, 80, 80, 80),
    4: (81, 79, 80, 80),  # tied with 3 across the two-place line: the chair decides
    5: (70, 72, 68, None),
    6: (None,),  # only a draft: listed apart, not ranked
}
HEADER_ROW = 4  # the summary's title, settings and state rows come first


def _points(rubric, total: int) -> dict[str, tuple[Decimal, str]]:
    """Full marks less `total`'s shortfall, taken from the criteria in rubric order, on each step."""
    short = Decimal(100) - total
    out = {}
    for c in rubric.criteria:
        take = min(c.max_points, short // c.step * c.step)
        short -= take
        out[c.code] = (c.max_points - take, "评语：依据申报材料与现场核查")
    assert short == 0
    return out


def build_round(wf: WorkingFile) -> tuple[int, dict[int, int], dict[str, int]]:
    """A 2026 round of six applications and two places, scored by a panel of four."""
    app_ops.import_applications(wf, [
        (f"test:{n}", ApplicationData(2026, f"广州排名测试{n}科技有限公司", credit_code.make(f"91440112{n:09d}")))
        for n in TOTALS])
    by_name = {r.enterprise_name: r for r in queries.application_rows(wf)}
    apps = {n: by_name[f"广州排名测试{n}科技有限公司"].id for n in TOTALS}
    round_id = by_name["广州排名测试1科技有限公司"].round_id
    decision_ops.set_places(wf, round_id, 2)
    rubric = rubrics.default_rubrics()["recognition"]
    label = sheet_ops.store_rubric(wf, rubric).value
    experts = {name: panel_ops.add_expert(wf, name, "华南理工大学", "教授").value for name in EXPERTS}
    for i, expert in enumerate(experts.values()):
        panel_ops.seat(wf, round_id, expert, SeatRole.CHAIR if i == 0 else SeatRole.MEMBER)
        panel_ops.assign(wf, expert, [apps[n] for n, totals in TOTALS.items() if i < len(totals)])
    for n, totals in TOTALS.items():
        for expert, total in zip(experts.values(), totals, strict=False):
            sheet = sheet_ops.open_sheet(wf, expert, apps[n], label).value
            if total is not None:
                sheet_ops.save_entries(wf, sheet.id, _points(rubric, total))
                sheet_ops.submit(wf, sheet.id, statement_confirmed=True, signature_strokes=SIGNATURE[0],
                              signature_png=SIGNATURE[1])
    view = ranking.analyse_round(wf, round_id)
    ranking_ops.decide_tie(wf, round_id, [apps[4], apps[3]], "两家并列，B部分得分相同，经专家组讨论以现场核查情况排序")
    flag = next(f for f in view.analysis.flags if f.kind == FlagKind.TOTAL)
    ranking_ops.explain_flag(wf, flag, "expert", "现场核查发现经费台账不完整，故扣分较多")
    return round_id, apps, experts


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The round's view and its workbook, built once for the module (scoring 20 sheets takes a while)."""
    folder = tmp_path_factory.mktemp("ranking-export")
    with WorkingFile.create(folder / "round.hvpdb", PASSWORD) as wf:
        round_id, apps, experts = build_round(wf)
        view = ranking.analyse_round(wf, round_id)
    path = write_ranking(view, folder / "排名.xlsx")
    return view, path, apps, experts


def _decimal(value) -> Decimal:
    """A numeric cell as read back (openpyxl gives floats), compared at the analysis' 2 places."""
    assert isinstance(value, (int, float)) and not isinstance(value, bool), f"not a number: {value!r}"
    return Decimal(repr(value)).quantize(Decimal("0.01"))


def _summary_rows(sheet) -> list[dict[str, object]]:
    header = [c.value for c in sheet[HEADER_ROW]]
    rows = []
    for values in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if values[0] is None or not isinstance(values[0], int):
            break
        rows.append(dict(zip(header, values, strict=True)))
    return rows


def test_the_round_built_for_these_tests_has_what_the_export_must_show(exported):
    view, _path, apps, _experts = exported
    a = view.analysis
    kinds = {f.kind for f in a.flags}
    assert kinds == {FlagKind.TOTAL, FlagKind.CRITERION}
    assert a.ranking.inside_count == 2 and any(r.chair_placed for r in a.rows)
    assert any(r.missing for r in a.rows) and a.without_sheets == [apps[6]]


def test_the_summary_numbers_are_numbers_equal_to_the_analysis(exported):
    view, path, _apps, _experts = exported
    book = load_workbook(path)
    assert book.sheetnames[0] == SUMMARY_SHEET and book.active.title == SUMMARY_SHEET
    sheet = book[SUMMARY_SHEET]
    rows = _summary_rows(sheet)
    a = view.analysis
    assert len(rows) == len(a.rows)
    for got, row in zip(rows, a.rows, strict=True):
        assert got["名次"] == row.rank
        assert got["申报单位"] == view.names[row.application]
        assert _decimal(got["汇总得分"]) == row.score
        assert _decimal(got["极差"]) == row.range and _decimal(got["标准差"]) == row.stdev
        assert got["有效评分表"] == len(row.totals)
    for column in (3, 6, 7):  # shown with two places, as computed
        assert sheet.cell(row=HEADER_ROW + 1, column=column).number_format == "0.00"


def test_the_summary_says_the_line_the_flags_and_their_explanations(exported):
    view, path, apps, _experts = exported
    sheet = load_workbook(path)[SUMMARY_SHEET]
    rows = {r["申报单位"]: r for r in _summary_rows(sheet)}
    a = view.analysis
    line_header = next(c.value for c in sheet[HEADER_ROW] if c.value and "名额线" in c.value)
    assert line_header == "名额线（R16）"
    status = [r[line_header] for r in _summary_rows(sheet)]
    assert status == ["入选"] * 2 + ["未入选"] * (len(a.rows) - 2)
    flagged = rows[view.names[apps[2]]]
    assert "陈静 总分偏离-" in flagged["偏离标记"] and "指标分歧" in flagged["偏离标记"]
    assert "陈静总分：专家说明 现场核查发现经费台账不完整" in flagged["说明"] and "待说明" in flagged["说明"]
    assert rows[view.names[apps[5]]]["缺评分表"] == "陈静"
    assert {r["组长决定"] for n, r in rows.items() if n in (view.names[apps[3]], view.names[apps[4]])} == {"组长决定"}
    # the line itself: a thick border under the last row inside, and nowhere else
    thick = [r for r in range(HEADER_ROW + 1, HEADER_ROW + 1 + len(a.rows))
             if sheet.cell(row=r, column=1).border.bottom.style == "thick"]
    assert thick == [HEADER_ROW + 2]
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "R16 名额线（2家）" in text and f"W = {a.kendall_w}" in text and a.agreement in text
    assert "方法敏感性" in text and "尚无已提交评分表的申报" in text and view.names[apps[6]] in text
    assert "组长并列决定理由：两家并列" in text and "未汇总" in text


def test_one_sheet_per_expert_with_their_points_and_leniency(exported):
    view, path, _apps, experts = exported
    book = load_workbook(path)
    assert book.sheetnames == [SUMMARY_SHEET, *(f"专家-{name}" for name in EXPERTS), RUBRIC_SHEET]
    codes = [c.code for c in view.rubric.criteria]
    for name, expert in experts.items():
        sheet = book[f"专家-{name}"]
        assert name in sheet["A1"].value
        assert _decimal(sheet["B2"].value) == view.analysis.leniency[expert]
        header = [c.value for c in sheet[3]]
        assert header[:2] == ["名次", "申报单位"] and header[-1] == "总分"
        assert [h.split(" ")[0] for h in header[2:-1]] == codes
        assert "企业经营与创新基础" in header[2]
        scored = [r for r in view.analysis.rows if expert in r.totals]
        data = list(sheet.iter_rows(min_row=4, values_only=True))
        assert len(data) == len(scored)
        for values, row in zip(data, scored, strict=True):
            assert values[1] == view.names[row.application]
            assert [_decimal(v) for v in values[2:-1]] == [view.points[row.application][expert][c] for c in codes]
            assert _decimal(values[-1]) == row.totals[expert]


def test_the_rubric_sheet_lists_every_criterion_with_its_maximum(exported):
    view, path, _apps, _experts = exported
    sheet = load_workbook(path)[RUBRIC_SHEET]
    assert [c.value for c in sheet[2]] == ["部分", "指标代码", "指标名称", "满分"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    criteria = view.rubric.criteria
    assert [(r[1], r[2], _decimal(r[3])) for r in rows[:len(criteria)]] == [
        (c.code, c.title, c.max_points) for c in criteria]
    assert rows[len(criteria)][2:] == ("合计", 100)


def test_every_sheet_is_set_up_for_print_and_frozen_below_its_header(exported):
    _view, path, _apps, _experts = exported
    book = load_workbook(path)
    for sheet in book.worksheets:
        header = HEADER_ROW if sheet.title == SUMMARY_SHEET else 2 if sheet.title == RUBRIC_SHEET else 3
        assert sheet.freeze_panes.endswith(str(header + 1)), sheet.title
        assert sheet.print_title_rows == f"${header}:${header}", sheet.title
        assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert all(sheet.column_dimensions[c].width >= 6 for c in "ABCD")
    assert [c.value for c in book[SUMMARY_SHEET][HEADER_ROW]][:9] == list(SUMMARY_HEADERS[:9])


def test_a_failed_export_leaves_no_file_and_keeps_the_old_one(exported, tmp_path, monkeypatch):
    view, _path, _apps, _experts = exported
    target = tmp_path / "排名.xlsx"
    target.write_bytes(b"the good export of yesterday")

    def broken_save(self, filename):
        Path(filename).write_bytes(b"half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ranking_excel.Workbook, "save", broken_save)
    with pytest.raises(OSError, match="No space"):
        write_ranking(view, target)
    assert target.read_bytes() == b"the good export of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["排名.xlsx"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_export_is_readable_by_its_owner_alone_whatever_the_umask(exported, tmp_path):
    """Scores are confidential (issue 18): 0o600 even under a permissive umask, and over a 0o644 file."""
    view, _path, _apps, _experts = exported
    (tmp_path / "out.xlsx").write_bytes(b"old")
    os.chmod(tmp_path / "out.xlsx", 0o644)
    umask = os.umask(0)
    try:
        written = write_ranking(view, tmp_path / "out.xlsx")
    finally:
        os.umask(umask)
    assert written.stat().st_mode & 0o777 == 0o600


def _soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui (make system-deps)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_libreoffice_reads_the_same_numbers(exported, tmp_path):
    """The bar: the .xlsx opens in LibreOffice headless, with the same numbers (about 2 s)."""
    soffice = _soffice()
    view, path, _apps, experts = exported
    # a private profile, so parallel runs and a user's open LibreOffice do not clash
    profile = (tmp_path / "lo-profile").as_uri()
    # CSV filter: comma, quote, UTF-8 (76), raw values not as shown (9th), every sheet to its own file (-1)
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    done = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", csv_filter,
                           "--outdir", str(tmp_path), str(path)],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    summary = tmp_path / f"{path.stem}-{SUMMARY_SHEET}.csv"
    assert done.returncode == 0 and summary.exists(), done.stdout + done.stderr
    with summary.open(encoding="utf-8") as handle:
        lines = list(csv.reader(handle))
    header = HEADER_ROW - 1
    assert lines[header][:3] == ["名次", "申报单位", "汇总得分"]
    got = [(int(r[0]), r[1], Decimal(r[2]), int(r[4]), Decimal(r[5]), Decimal(r[6]))
           for r in lines[header + 1: header + 1 + len(view.analysis.rows)]]
    assert got == [(r.rank, view.names[r.application], r.score, len(r.totals), r.range, r.stdev)
                   for r in view.analysis.rows]
    name, expert = next(iter(experts.items()))
    with (tmp_path / f"{path.stem}-专家-{name}.csv").open(encoding="utf-8") as handle:
        totals = [Decimal(r[-1]) for r in list(csv.reader(handle))[3:] if r and r[0]]
    assert totals == [r.totals[expert] for r in view.analysis.rows if expert in r.totals]

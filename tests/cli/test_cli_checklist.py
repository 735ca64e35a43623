"""Issue 19: `hvp-desktop checklist export | show | add` — the on-site checklist as a table the
secretariat edits, reviewed, kept in the working file and chosen for an assessment round."""

from __future__ import annotations

import openpyxl

from hvp_desktop.store import visits
from hvp_desktop.store.engine import WorkingFile
from tests.conftest import DEMO_PASSWORD


def test_export_edit_show_and_add_to_an_assessment_round(cli, demo_file, tmp_path):
    table = tmp_path / "核查表.xlsx"
    assert cli("checklist", "export", table).returncode == 0
    wb = openpyxl.load_workbook(table)
    wb.active["C3"] = "中心主要负责人为企业高级管理人员"  # the secretariat rewords an item
    wb.save(table)
    shown = cli("checklist", "show", table, "--title", "黄埔区核查表", "--version", "2026.2")
    assert shown.returncode == 0, shown.stderr
    assert "中心主要负责人为企业高级管理人员" in shown.stdout and "26 items" in shown.stdout
    frozen = cli("checklist", "add", table, "--file", demo_file, "--title", "黄埔区核查表", "--version", "2026.2",
                 "--round", "2026", "--kind", "rectification", password=DEMO_PASSWORD)
    assert frozen.returncode == 1 and "visits have started" in frozen.stderr  # the demo's re-assessment: visited
    opened = cli("assessment-round", demo_file, "--year", "2027", "--kind", "year2", password=DEMO_PASSWORD)
    assert opened.returncode == 0, opened.stderr
    added = cli("checklist", "add", table, "--file", demo_file, "--title", "黄埔区核查表", "--version", "2026.2",
                "--round", "2027", "--kind", "year2", password=DEMO_PASSWORD)
    assert added.returncode == 0, added.stderr
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as wf, wf.engine.connect() as c:
        label = c.exec_driver_sql("SELECT checklist_version FROM rounds WHERE kind = 'year2'").scalar()
        with wf.session() as s:
            assert visits.checklist_in(s, label).items[0].title == "中心主要负责人为企业高级管理人员"


def test_a_table_that_is_not_a_workbook_is_refused_without_a_traceback(cli, tmp_path):
    bad = tmp_path / "坏表.xlsx"
    bad.write_bytes(b"not a zip at all")
    done = cli("checklist", "show", bad, "--title", "t", "--version", "2026.1")
    assert done.returncode in (1, 2)
    assert "Traceback" not in done.stderr and "cannot be read" in done.stderr

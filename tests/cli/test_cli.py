"""The command line, run as users run it: `python -m hvp_desktop …` in a subprocess.

Each run costs ~0.6 s (interpreter, imports, the KDF), so a test runs the CLI only for what it
is about and checks the outcome in-process.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from hvp_desktop.demo import DEMO_PASSWORD
from hvp_desktop.reports.excel_import import ERROR_COLUMN_TITLE, parse_workbook
from hvp_desktop.store import applications, migrations, queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.errors import WrongPassword
from hvp_desktop.store.ops import applications as app_ops
from tests.cli.conftest import code_for
from tests.messy_workbooks import messy_workbook


def no_traceback(done) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    assert "Traceback" not in done.stdout


def as_json(done) -> dict:
    return json.loads(done.stdout)


def stored_rows(path: Path, password: str):
    with WorkingFile.open(path, password) as wf:
        return queries.application_rows(wf)


def import_in_process(path: Path, password: str, xlsx: Path) -> None:
    """What `import` does for a clean workbook, without a subprocess."""
    result = parse_workbook(xlsx)
    assert not result.rejected and not result.unmapped_data_columns
    with WorkingFile.open(path, password) as wf:
        app_ops.import_applications(wf, [(f"{xlsx.name}:{r.row}", r.data) for r in result.rows])


# ------------------------------------------------------------------------------ demo


def test_demo_creates_file_prints_path_and_password_and_refuses_to_overwrite(cli, tmp_path, cli_password):
    path = tmp_path / "demo.hvpdb"
    done = cli("demo", path)
    assert done.returncode == 0, done.stderr
    assert str(path.resolve()) in done.stdout
    assert cli_password in done.stdout  # HVP_PASSWORD is the password of the new file
    rows = stored_rows(path, cli_password)
    assert len(rows) == 84
    assert {r.year for r in rows} == {2025, 2026}

    before = path.read_bytes()
    again = cli("demo", path)
    assert again.returncode == 2
    assert "--force" in again.stderr
    no_traceback(again)
    assert path.read_bytes() == before


def test_demo_json_without_password_uses_demo_password(cli, tmp_path):
    path = tmp_path / "demo.hvpdb"
    done = cli("demo", path, "--json", password=None)
    assert done.returncode == 0, done.stderr
    assert as_json(done) == {"file": str(path.resolve()), "password": DEMO_PASSWORD}
    assert len(stored_rows(path, DEMO_PASSWORD)) == 84


def test_demo_force_with_password_file(cli, hvpdb, tmp_path, cli_password):
    pw = tmp_path / "pw.txt"
    pw.write_text("demo-from-file\n", encoding="utf-8")
    done = cli("demo", hvpdb, "--force", "--password-file", pw, "--json")
    assert done.returncode == 0, done.stderr
    assert as_json(done)["password"] == "demo-from-file"  # the file wins over HVP_PASSWORD
    assert len(stored_rows(hvpdb, "demo-from-file")) == 84
    with pytest.raises(WrongPassword):
        WorkingFile.open(hvpdb, cli_password)


def test_demo_into_missing_folder_is_a_message(cli, tmp_path):
    done = cli("demo", tmp_path / "no-such-folder" / "demo.hvpdb")
    no_traceback(done)
    assert done.returncode == 2


# ------------------------------------------------------------------------------ import


def test_import_good_file_then_reimport(cli, hvpdb, workbook, row, cli_password):
    xlsx = workbook([row(n) for n in range(1, 5)])
    done = cli("import", hvpdb, xlsx, "--json")
    assert done.returncode == 0, done.stderr
    result = as_json(done)
    assert (result["rows"], result["valid"], result["rejected"]) == (4, 4, 0)
    assert (result["added"], result["updated"], result["unchanged"], result["imported"]) == (4, 0, 0, True)
    assert result["errors"] == [] and result["unknown_columns"] == []

    rows = {r.credit_code: r for r in stored_rows(hvpdb, cli_password)}
    assert set(rows) == {row(n)["credit_code"] for n in range(1, 5)}
    first = rows[row(1)["credit_code"]]
    assert (first.enterprise_name, first.eligibility, first.co_applicants) == (row(1)["enterprise_name"], "no", 1)
    assert rows[row(2)["credit_code"]].eligibility == "ok"
    assert first.ip_budget_yuan == 1_200_000  # 120 in the 万元 column

    again = cli("import", hvpdb, xlsx, "--json")
    assert again.returncode == 0, again.stderr
    result = as_json(again)
    # nothing was added or changed: "imported" says so
    assert (result["added"], result["updated"], result["unchanged"], result["imported"]) == (0, 0, 4, False)
    assert result["preview"]["unchanged"] == 4 and "未写入任何数据" not in again.stdout


def test_one_invalid_row_imports_nothing(cli, hvpdb, workbook, row, cli_password):
    good = row(2)["credit_code"]
    bad_code = good[:17] + ("0" if good[17] != "0" else "1")
    xlsx = workbook([row(1), row(2, credit_code=bad_code), row(3)])
    done = cli("import", hvpdb, xlsx, "--json")
    assert done.returncode == 1
    no_traceback(done)
    result = as_json(done)
    assert result["imported"] is False
    assert (result["rows"], result["valid"], result["rejected"], result["added"]) == (3, 2, 1, 0)
    [error] = result["errors"]
    assert error["row"] == 4  # Excel row: title, header, then rows 3, 4, 5
    assert "统一社会信用代码" in error["column"]
    assert error["code"] == "invalid_credit_code"
    assert f"应为{good[17]}" in error["message"]
    assert stored_rows(hvpdb, cli_password) == []
    assert not list(xlsx.parent.glob("*.rejected.xlsx"))


def test_skip_invalid_imports_valid_rows_and_writes_rejected(cli, hvpdb, workbook, row, cli_password):
    xlsx = workbook([row(1), row(2, enterprise_name=None), row(3), row(4, ip_staff_count="很多")])
    done = cli("import", hvpdb, xlsx, "--skip-invalid", "--json")
    assert done.returncode == 1  # some input was rejected
    no_traceback(done)
    result = as_json(done)
    assert result["imported"] is True
    assert (result["added"], result["rejected"]) == (2, 2)
    assert [(e["row"], e["code"]) for e in result["errors"]] == [(4, "missing_required"), (6, "bad_value")]
    assert {r.credit_code for r in stored_rows(hvpdb, cli_password)} == {row(1)["credit_code"], row(3)["credit_code"]}

    rejected = Path(result["rejected_file"])
    assert rejected == xlsx.with_name("applications.rejected.xlsx")
    sheet = load_workbook(rejected).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[-1] == ERROR_COLUMN_TITLE
    lines = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [line[header.index("统一社会信用代码（必填）")] for line in lines] == [
        row(2)["credit_code"],
        row(4)["credit_code"],
    ]
    assert "申报单位名称" in lines[0][-1]
    assert "知识产权专职人员数" in lines[1][-1]


def test_messy_workbook_imports_22_rejects_8_and_the_corrected_rows_import_back(cli, hvpdb, tmp_path, cli_password):
    messy = messy_workbook(tmp_path / "各单位汇总.xlsx")
    done = cli("import", hvpdb, messy.path, "--skip-invalid", "--json")
    no_traceback(done)
    assert done.returncode == 1, done.stderr  # some rows were rejected
    result = as_json(done)
    preview = result["preview"]
    assert (preview["add"], preview["update"], preview["unchanged"], preview["reject"]) == (22, 0, 0, 8)
    assert [r["row"] for r in preview["rows"] if r["status"] == "add"] == sorted(messy.good_rows)
    assert [s["row"] for s in result["skipped"]] == messy.skipped_rows
    assert (result["added"], result["rejected"], result["imported"]) == (22, 8, True)
    assert {e["row"]: e["code"] for e in result["errors"]} == {row: c for row, (_w, c) in messy.defect_rows.items()}
    assert len(stored_rows(hvpdb, cli_password)) == 22

    rejected = Path(result["rejected_file"])
    assert rejected.is_file()
    book = load_workbook(rejected)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert (header[0], header[-1]) == ("原行号", ERROR_COLUMN_TITLE)
    assert [r[0].value for r in sheet.iter_rows(min_row=2)] == sorted(messy.defect_rows)  # the original rows
    fixes: dict[str, dict[str | tuple[str, int], object]] = {  # each defect corrected, as a secretary would
        "bad check character": {"统一社会信用代码": code_for(931)},
        "no name": {"企业名称（盖章）": "广州市改正后科技有限公司"},
        "negative staff": {"专职知识产权工作人员": 3},
        "budget that is no amount": {"知识产权工作经费": "150万元"},
        "a third co-applicant (R2)": {"联合申报单位3": None, ("联合申报单位3", 1): None},
        "unknown co-applicant kind": {("联合申报单位1", 1): "高校"},
        "an impossible date": {"申报日期": "2025-02-28"},
        "the credit code of an earlier row, same year": {"统一社会信用代码": code_for(938)},
    }
    for line in sheet.iter_rows(min_row=2):
        what = messy.defect_rows[line[0].value][0]
        for where, value in fixes[what].items():
            title, offset = where if isinstance(where, tuple) else (where, 0)
            line[header.index(title) + offset].value = value
    book.save(rejected)
    again = cli("import", hvpdb, rejected, "--json")  # no mapping asked: 原行号 and 错误原因 are ignored
    no_traceback(again)
    assert again.returncode == 0, again.stdout
    result = as_json(again)
    assert result["unknown_columns"] == [] and result["errors"] == []
    assert (result["added"], result["imported"]) == (8, True)
    assert len(stored_rows(hvpdb, cli_password)) == 30


def test_preview_writes_nothing(cli, hvpdb, workbook, row, cli_password):
    import_in_process(hvpdb, cli_password, workbook([row(1)], name="first.xlsx"))
    xlsx = workbook([row(1, co1_name="中山大学"), row(2), row(3, ip_staff_count="很多")])
    done = cli("import", hvpdb, xlsx, "--preview", "--json")
    no_traceback(done)
    result = as_json(done)
    preview = result["preview"]
    assert (preview["add"], preview["update"], preview["unchanged"], preview["reject"]) == (1, 1, 0, 1)
    assert [(r["row"], r["status"]) for r in preview["rows"]] == [(3, "update"), (4, "add"), (5, "reject")]
    assert preview["rows"][0]["changed"] == ["co_applicants"]
    assert result["imported"] is False and len(stored_rows(hvpdb, cli_password)) == 1
    text = cli("import", hvpdb, xlsx, "--preview")
    assert "预览" in text.stdout and "新增 1，更新 1，未变 0，拒绝 1" in text.stdout and "未写入" in text.stdout


def test_a_remembered_mapping_is_shown_and_can_be_forgotten(cli, hvpdb, workbook, row, cli_password):
    xlsx = workbook([row(1)], extra={"推荐单位意见": ["同意"]})
    assert cli("import", hvpdb, xlsx, "--map", "推荐单位意见=ignore").returncode == 0
    shown = as_json(cli("import", hvpdb, xlsx, "--preview", "--json"))
    assert shown["remembered_mappings"] == {"推荐单位意见": "ignore"}
    assert "--forget-map" in cli("import", hvpdb, xlsx, "--preview").stdout
    done = cli("import", hvpdb, "--forget-map", "推荐单位意见", "--json")
    assert done.returncode == 0, done.stderr
    assert as_json(done) == {"forgotten": ["推荐单位意见"], "remembered_mappings": {}}
    with WorkingFile.open(hvpdb, cli_password) as wf:
        assert applications.load_mappings(wf) == {}
    again = cli("import", hvpdb, "--forget-map", "推荐单位意见")
    assert again.returncode == 1 and "推荐单位意见" in again.stderr
    no_traceback(again)


def test_a_column_that_cannot_be_read_says_what_was_found_and_offers_map_or_ignore(cli, hvpdb, tmp_path):
    book = Workbook()
    for line in (["企业名称", "信用代码", "年度", "项目负责人"], ["甲公司", code_for(1), 2025, "13800000000"],
                 ["乙公司", code_for(2), 2025, "13900000000"]):
        book.active.append(line)
    xlsx = tmp_path / "phones.xlsx"
    book.save(xlsx)
    done = cli("import", hvpdb, xlsx)
    assert done.returncode == 1
    assert "项目负责人" in done.stdout and "13800000000" in done.stdout  # which column, what was found
    assert "应为是/否" in done.stdout  # what would be accepted
    assert '--map "项目负责人=ignore"' in done.stdout
    result = as_json(cli("import", hvpdb, xlsx, "--json"))
    [problem] = result["unreadable_columns"]
    assert (problem["header"], problem["field"], problem["rows"]) == ("项目负责人", "senior_executive_principal", 2)


def test_unknown_column_with_data_imports_nothing(cli, hvpdb, workbook, row, cli_password):
    xlsx = workbook([row(1), row(2)], extra={"推荐单位意见": ["同意", "同意推荐"]})
    done = cli("import", hvpdb, xlsx)
    assert done.returncode == 1
    no_traceback(done)
    assert "推荐单位意见" in done.stdout
    assert "--map" in done.stdout
    assert stored_rows(hvpdb, cli_password) == []


def test_map_imports_and_is_remembered(cli, hvpdb, workbook, row, cli_password):
    rows = [row(1), row(2)]
    for r in rows:
        del r["contact_name"]
    xlsx = workbook(rows, extra={"推荐单位意见": ["同意", "同意推荐"], "项目负责人": ["李敏", "陈婷"]})
    done = cli("import", hvpdb, xlsx, "--map", "推荐单位意见=ignore", "--map", "项目负责人=contact_name", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert as_json(done)["added"] == 2
    with WorkingFile.open(hvpdb, cli_password) as wf:
        assert applications.load_mappings(wf) == {"推荐单位意见": "ignore", "项目负责人": "contact_name"}
        assert {r.contact_name for r in queries.application_rows(wf)} == {"李敏", "陈婷"}

    again = cli("import", hvpdb, xlsx, "--json")  # no --map: the remembered mappings apply
    assert again.returncode == 0, again.stdout + again.stderr
    assert (as_json(again)["added"], as_json(again)["unchanged"]) == (0, 2)


def test_map_to_unknown_field_is_a_usage_error(cli, hvpdb, workbook, row, cli_password):
    xlsx = workbook([row(1)], extra={"推荐单位意见": ["同意"]})
    done = cli("import", hvpdb, xlsx, "--map", "推荐单位意见=no_such_field")
    assert done.returncode == 2
    assert "no_such_field" in done.stderr
    no_traceback(done)
    assert stored_rows(hvpdb, cli_password) == []


def test_reimport_with_changed_co_applicant(cli, hvpdb, workbook, row, cli_password):
    import_in_process(hvpdb, cli_password, workbook([row(1)]))
    changed = workbook([row(1, co1_name="中山大学")], name="corrected.xlsx")
    done = cli("import", hvpdb, changed, "--json")
    no_traceback(done)
    assert done.returncode == 0
    assert as_json(done)["updated"] == 1


# ------------------------------------------------------------------------------ errors, no tracebacks


def test_wrong_password(cli, hvpdb, workbook, row):
    before = hvpdb.read_bytes()
    done = cli("import", hvpdb, workbook([row(1)]), password="not-the-password")
    assert done.returncode == 2
    assert "密码错误" in done.stderr and "Wrong password" in done.stderr
    no_traceback(done)
    assert "ERROR CORE" not in done.stderr and "hmac" not in done.stderr.lower()
    assert hvpdb.read_bytes() == before
    assert sorted(p.name for p in hvpdb.parent.iterdir()) == ["applications.xlsx", hvpdb.name]


def test_missing_working_file(cli, tmp_path, workbook, row):
    done = cli("import", tmp_path / "nope.hvpdb", workbook([row(1)]))
    assert done.returncode == 2
    assert "nope.hvpdb" in done.stderr
    no_traceback(done)
    assert not (tmp_path / "nope.hvpdb").exists()


def test_missing_xlsx(cli, hvpdb, tmp_path):
    done = cli("import", hvpdb, tmp_path / "nope.xlsx")
    assert done.returncode == 2
    assert "nope.xlsx" in done.stderr
    no_traceback(done)


def test_plain_sqlite_as_working_file(cli, tmp_path):
    path = tmp_path / "plain.hvpdb"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.close()
    done = cli("check", path)
    assert done.returncode == 2
    assert "未加密" in done.stderr
    no_traceback(done)


def test_non_xlsx_is_a_message(cli, hvpdb, tmp_path, cli_password):
    fake = tmp_path / "applications.xlsx"
    fake.write_text("企业名称,统一社会信用代码\n", encoding="utf-8")  # a CSV renamed to .xlsx
    done = cli("import", hvpdb, fake)
    no_traceback(done)
    assert done.returncode in (1, 2)
    assert "applications.xlsx" in done.stderr + done.stdout


def test_no_password_given(cli, hvpdb):
    done = cli("check", hvpdb, password=None)
    assert done.returncode == 2
    assert "HVP_PASSWORD" in done.stderr
    no_traceback(done)


def test_unknown_option_is_usage_error(cli, hvpdb):
    done = cli("check", hvpdb, "--no-such-option")
    assert done.returncode == 2
    assert "--no-such-option" in done.stderr
    no_traceback(done)


# ------------------------------------------------------------------------------ check


def test_check_ok_then_tampered(cli, hvpdb, workbook, row, cli_password):
    import_in_process(hvpdb, cli_password, workbook([row(1), row(2)]))
    done = cli("check", hvpdb, "--json")
    assert done.returncode == 0, done.stderr
    result = as_json(done)
    assert result["ok"] is True
    assert result["audit_events"] == 7  # baseline, round, 2 × (enterprise, application), the rows left
    assert result["replayed"] is True and result["replay_problems"] == [] and result["head_problems"] == []
    assert result["integrity"] == ["ok"] and result["audit_problems"] == []
    assert result["schema_version"] == migrations.LATEST

    with WorkingFile.open(hvpdb, cli_password) as wf, wf.engine.begin() as c:
        c.exec_driver_sql("UPDATE audit_events SET payload = replace(payload, '王伟', '张三') WHERE seq = 4")
    done = cli("check", hvpdb, "--json")
    assert done.returncode == 1
    result = as_json(done)
    assert result["ok"] is False
    assert any("event 4" in p for p in result["audit_problems"])


# ------------------------------------------------------------------------------ passwords


def test_passwd_with_password_file_and_env(cli, hvpdb, tmp_path, cli_password, workbook, row):
    import_in_process(hvpdb, cli_password, workbook([row(1)]))
    old = tmp_path / "old.txt"
    old.write_text(cli_password + "\n", encoding="utf-8")
    done = cli("passwd", hvpdb, "--password-file", old, password=None, new_password="全新的密码-2027")
    assert done.returncode == 0, done.stderr
    assert "Password changed" in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["old.txt", "applications.xlsx", hvpdb.name,
                                                                 f"{hvpdb.name}.head", f"{hvpdb.name}.backups"])

    with pytest.raises(WrongPassword):
        WorkingFile.open(hvpdb, cli_password)
    rows = stored_rows(hvpdb, "全新的密码-2027")
    assert [r.credit_code for r in rows] == [row(1)["credit_code"]]


def test_passwd_with_new_password_file(cli, hvpdb, tmp_path):
    new = tmp_path / "new.txt"
    new.write_text("from-a-file-pw\nsecond line ignored\n", encoding="utf-8")
    done = cli("passwd", hvpdb, "--new-password-file", new)
    assert done.returncode == 0, done.stderr
    WorkingFile.open(hvpdb, "from-a-file-pw").close()


def test_passwd_refuses_short_new_password(cli, hvpdb, cli_password):
    done = cli("passwd", hvpdb, new_password="short")
    assert done.returncode == 2
    assert "8" in done.stderr
    no_traceback(done)
    WorkingFile.open(hvpdb, cli_password).close()


def test_passwd_without_new_password_and_no_terminal(cli, hvpdb, cli_password):
    done = cli("passwd", hvpdb)
    assert done.returncode == 2
    assert "HVP_NEW_PASSWORD" in done.stderr
    no_traceback(done)
    WorkingFile.open(hvpdb, cli_password).close()


def test_password_file_first_line_wins_over_environment(cli, hvpdb, tmp_path, cli_password):
    pw = tmp_path / "pw.txt"
    pw.write_text(f"{cli_password}\r\nnot this\n", encoding="utf-8")
    done = cli("check", hvpdb, "--password-file", pw, "--json", password="wrong-env-password")
    assert done.returncode == 0, done.stderr
    assert as_json(done)["ok"] is True


@pytest.mark.parametrize("content", [None, ""], ids=["missing", "empty"])
def test_unreadable_password_file(cli, hvpdb, tmp_path, content):
    pw = tmp_path / "pw.txt"
    if content is not None:
        pw.write_text(content, encoding="utf-8")
    done = cli("check", hvpdb, "--password-file", pw, password=None)
    assert done.returncode == 2
    assert "pw.txt" in done.stderr
    no_traceback(done)


def test_password_file_not_utf8_is_a_message(cli, hvpdb, tmp_path):
    pw = tmp_path / "pw.txt"
    pw.write_bytes("密码12345678\n".encode("gbk"))
    done = cli("check", hvpdb, "--password-file", pw, password=None)
    no_traceback(done)
    assert done.returncode == 2


def test_password_file_with_bom(cli, hvpdb, tmp_path, cli_password):
    pw = tmp_path / "pw.txt"
    pw.write_bytes(b"\xef\xbb\xbf" + cli_password.encode("utf-8") + b"\r\n")
    done = cli("check", hvpdb, "--password-file", pw, password=None)
    assert done.returncode == 0, done.stderr


def test_newer_file_version_is_a_message(cli, tmp_path, cli_password):
    from hvp_desktop.store import crypto, engine

    path = tmp_path / "future.hvpdb"
    con = engine._raw_connect(path, crypto.derive(cli_password, crypto.new_salt()))
    migrations.upgrade(con)
    con.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    con.close()
    done = cli("check", path, "--json")
    assert done.returncode == 2
    assert str(migrations.LATEST + 1) in done.stderr
    no_traceback(done)


# ------------------------------------------------------------------------------ template, version


def test_template_command_writes_the_template(cli, tmp_path):
    out = tmp_path / "模板.xlsx"
    done = cli("template", out)
    assert done.returncode == 0, done.stderr
    result = parse_workbook(out)
    assert (result.header_row, result.total_rows, result.unknown_columns) == (2, 0, [])


def test_version(cli):
    done = cli("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("hvp-desktop ")


def test_a_command_that_changed_the_file_leaves_a_backup_and_passwd_keeps_none_under_the_old_key(
        cli, hvpdb, cli_password, workbook, row, tmp_path):
    from hvp_desktop.store import backups, crypto

    done = cli("import", hvpdb, workbook([row(1)]))
    assert done.returncode == 0, done.stderr
    made = backups.list_backups(hvpdb)
    assert len(made) == 1 and crypto.read_salt(made[0].path) == crypto.read_salt(hvpdb)  # same key
    assert cli("check", hvpdb).returncode == 0
    assert len(backups.list_backups(hvpdb)) == 1  # a diagnosis changes nothing: no backup either
    assert cli("passwd", hvpdb, new_password="全新的密码-2028").returncode == 0
    after = backups.list_backups(hvpdb)
    assert made[0].path not in [b.path for b in after]  # the old password no longer opens any copy
    assert len(after) == 1 and crypto.read_salt(after[0].path) == crypto.read_salt(hvpdb)

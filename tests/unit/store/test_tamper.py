"""Issue 18: `check` names what was changed behind the app's back — with the password and a SQLCipher
connection of one's own, as an editor with the key would (the same as the `sqlcipher` shell).

Each edit is made on a fresh copy of the demo year (every table in use: submitted and draft sheets,
a paper sheet, conflicts, a consolidated and locked round, decisions, bans), then `check --json`
must fail and name the edit. The last ones rewrite the audit chain as well, so that the file agrees
with itself: only the head kept outside it (the sidecar, an export) can tell.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from hvp_desktop import cli
from hvp_desktop.store import audit, crypto, heads
from hvp_desktop.store.engine import _raw_connect
from tests.conftest import DEMO_PASSWORD

SUBMITTED_ENTRY = ("SELECT e.id FROM score_entries e JOIN score_sheets s ON s.id = e.sheet_id "
                   "WHERE s.status = 'submitted' AND e.points IS NOT NULL ORDER BY e.id LIMIT 1")
LOCKED_ROUND = "SELECT round_id FROM consolidations WHERE reopened_at IS NULL ORDER BY id LIMIT 1"


def one(con, sql: str, *args):
    row = con.execute(sql, args).fetchone()
    assert row is not None, sql
    return row[0]


def _swap_scores_of_two_experts(con) -> None:
    sheet_a, sheet_b = [r[0] for r in con.execute(
        "SELECT s.id FROM score_sheets s WHERE s.status = 'submitted' AND s.application_id = "
        "(SELECT application_id FROM score_sheets WHERE status = 'submitted' GROUP BY application_id "
        " HAVING count(*) >= 2 ORDER BY application_id LIMIT 1) ORDER BY s.id LIMIT 2")]
    code = one(con, "SELECT a.criterion_code FROM score_entries a JOIN score_entries b ON "
                    "a.criterion_code = b.criterion_code AND b.sheet_id = ? WHERE a.sheet_id = ? "
                    "AND a.points <> b.points LIMIT 1", sheet_b, sheet_a)
    pa = one(con, "SELECT points FROM score_entries WHERE sheet_id = ? AND criterion_code = ?", sheet_a, code)
    pb = one(con, "SELECT points FROM score_entries WHERE sheet_id = ? AND criterion_code = ?", sheet_b, code)
    con.execute("UPDATE score_entries SET points = ? WHERE sheet_id = ? AND criterion_code = ?", (pb, sheet_a, code))
    con.execute("UPDATE score_entries SET points = ? WHERE sheet_id = ? AND criterion_code = ?", (pa, sheet_b, code))


def _move_sheet_to_another_expert(con) -> None:
    sheet, app, expert = con.execute(
        "SELECT id, application_id, expert_id FROM score_sheets s WHERE status = 'submitted' AND "
        "(SELECT count(DISTINCT expert_id) FROM score_sheets WHERE application_id = s.application_id) < "
        "(SELECT count(*) FROM experts) ORDER BY id LIMIT 1").fetchone()
    other = one(con, "SELECT id FROM experts WHERE id <> ? AND id NOT IN "
                     "(SELECT expert_id FROM score_sheets WHERE application_id = ?) ORDER BY id LIMIT 1", expert, app)
    con.execute("UPDATE score_sheets SET expert_id = ? WHERE id = ?", (other, sheet))


def _highest_sheet_of_the_locked_round(con) -> int:
    """The sheet the trimmed mean drops: the highest total of an application scored by 5 or more."""
    return one(con, "SELECT s.id FROM score_sheets s JOIN applications a ON a.id = s.application_id "
                    "JOIN score_entries e ON e.sheet_id = s.id WHERE a.round_id = (" + LOCKED_ROUND + ") "
                    "AND s.status = 'submitted' GROUP BY s.id ORDER BY sum(CAST(e.points AS REAL)) DESC LIMIT 1")


def _edit_a_dropped_score(con) -> None:
    sheet = _highest_sheet_of_the_locked_round(con)
    con.execute("UPDATE score_entries SET points = CAST(points AS REAL) + 1 WHERE id = "
                "(SELECT min(id) FROM score_entries WHERE sheet_id = ?)", (sheet,))


def _edit_a_score_and_the_stored_result(con) -> None:
    _edit_a_dropped_score(con)
    result = json.loads(one(con, "SELECT result FROM consolidations WHERE round_id = (" + LOCKED_ROUND + ")"))
    con.execute("UPDATE consolidations SET result = ? WHERE round_id = (" + LOCKED_ROUND + ")",
                (json.dumps(result, ensure_ascii=False) + " ",))


def sql(*statements: str) -> Callable:
    def run(con) -> None:
        for statement in statements:
            assert con.execute(statement).rowcount != 0 or statement.startswith("INSERT"), statement
    return run


# (what an editor did, the edit, a word of what check must say, the English of the table)
DIRECT_EDITS = [
    ("a score edited", sql(f"UPDATE score_entries SET points = CAST(points AS REAL) - 1 WHERE id = ({SUBMITTED_ENTRY})"),
     "points", "score"),
    ("a score set to 999", sql(f"UPDATE score_entries SET points = '999' WHERE id = ({SUBMITTED_ENTRY})"),
     "999", "score"),
    ("a score set to NULL", sql(f"UPDATE score_entries SET points = NULL WHERE id = ({SUBMITTED_ENTRY})"),
     "points", "score"),
    ("a score made text", sql(f"UPDATE score_entries SET points = 'abc' WHERE id = ({SUBMITTED_ENTRY})"),
     "abc", "score"),
    ("a comment edited", sql("UPDATE score_entries SET comment = 'changed' WHERE id = "
                             "(SELECT min(id) FROM score_entries WHERE comment IS NOT NULL)"), "comment", "score"),
    ("a comment removed", sql("UPDATE score_entries SET comment = NULL WHERE id = "
                              "(SELECT min(id) FROM score_entries WHERE comment IS NOT NULL)"), "comment", "score"),
    ("a score deleted", sql(f"DELETE FROM score_entries WHERE id = ({SUBMITTED_ENTRY})"), "deleted", "score"),
    ("a score added", sql("INSERT INTO score_entries (sheet_id, criterion_code, points, uuid) SELECT id, 'X9', '5', "
                          "'00000000-0000-4000-8000-000000000009' FROM score_sheets ORDER BY id LIMIT 1"),
     "added", "score"),
    ("a draft marked submitted", sql("UPDATE score_sheets SET status = 'submitted' WHERE id = "
                                     "(SELECT min(id) FROM score_sheets WHERE status = 'draft')"), "status",
     "score sheet"),
    ("a submitted sheet made a draft again", sql("UPDATE score_sheets SET status = 'draft' WHERE id = "
                                                 "(SELECT min(id) FROM score_sheets WHERE status = 'submitted')"),
     "status", "score sheet"),
    ("a sheet deleted", sql("DELETE FROM score_entries WHERE sheet_id = (SELECT min(id) FROM score_sheets)",
                            "DELETE FROM score_sheets WHERE id = (SELECT min(id) FROM score_sheets)"), "deleted",
     "score sheet"),
    ("a sheet moved to another expert", _move_sheet_to_another_expert, "expert_id", "score sheet"),
    ("two experts' scores swapped", _swap_scores_of_two_experts, "points", "score"),
    ("a signature image replaced", sql("UPDATE score_sheets SET signature_png = x'89504e47' WHERE id = "
                                       "(SELECT min(id) FROM score_sheets WHERE signature_png IS NOT NULL)"),
     "signature_png", "score sheet"),
    ("a signature's strokes edited", sql("UPDATE score_sheets SET signature_strokes = '[]' WHERE id = "
                                         "(SELECT min(id) FROM score_sheets WHERE signature_strokes IS NOT NULL)"),
     "signature_strokes", "score sheet"),
    ("a submission time moved", sql("UPDATE score_sheets SET submitted_at = '2020-01-01 00:00:00.000000' WHERE id = "
                                    "(SELECT min(id) FROM score_sheets WHERE submitted_at IS NOT NULL)"),
     "submitted_at", "score sheet"),
    ("a sheet's rubric changed", sql("UPDATE score_sheets SET rubric_version = 'other' WHERE id = "
                                     "(SELECT min(id) FROM score_sheets)"), "rubric_version", "score sheet"),
    ("a conflict deleted", sql("DELETE FROM conflicts WHERE id = (SELECT min(id) FROM conflicts)"), "deleted",
     "conflict of interest"),
    ("a conflict's reason edited", sql("UPDATE conflicts SET reason = 'none' WHERE id = (SELECT min(id) FROM conflicts)"),
     "reason", "conflict of interest"),
    ("an assignment deleted", sql("DELETE FROM assignments WHERE id = (SELECT max(id) FROM assignments)"), "deleted",
     "assignment"),
    ("an assignment added", sql("INSERT INTO assignments (application_id, expert_id, uuid) SELECT a.id, e.id, "
                                "'00000000-0000-4000-8000-000000000001' FROM applications a, experts e WHERE NOT "
                                "EXISTS (SELECT 1 FROM assignments x WHERE x.application_id = a.id AND "
                                "x.expert_id = e.id) LIMIT 1"), "added", "assignment"),
    ("a decision deleted", sql("DELETE FROM decisions WHERE id = (SELECT max(id) FROM decisions)"), "deleted",
     "decision"),
    ("a decision's date edited", sql("UPDATE decisions SET decided_on = '2020-01-01' WHERE id = "
                                     "(SELECT min(id) FROM decisions)"), "decided_on", "decision"),
    ("an application's state edited", sql("UPDATE applications SET state = CASE state WHEN 'recognised' "
                                          "THEN 'rejected' ELSE 'recognised' END WHERE id = "
                                          "(SELECT min(id) FROM applications)"), "state",
     "application"),
    ("a preliminary score edited", sql("UPDATE applications SET preliminary_score = '99' WHERE id = "
                                       "(SELECT min(id) FROM applications WHERE preliminary_score IS NOT NULL)"),
     "preliminary_score", "application"),
    ("an enterprise's credit code edited", sql("UPDATE enterprises SET credit_code = '91440101000000000X' WHERE id = "
                                               "(SELECT min(id) FROM enterprises)"), "credit_code", "enterprise"),
    ("an expert renamed", sql("UPDATE experts SET name = '冒名' WHERE id = (SELECT min(id) FROM experts)"), "name",
     "expert"),
    ("a member made chair", sql("UPDATE panel_seats SET role = 'chair' WHERE id = "
                                "(SELECT min(id) FROM panel_seats WHERE role <> 'chair')"), "role", "panel seat"),
    ("a round's places changed", sql("UPDATE rounds SET places = 19 WHERE id = (SELECT min(id) FROM rounds)"),
     "places", "round"),
    ("a ban deleted", sql("DELETE FROM bans WHERE id = (SELECT min(id) FROM bans)"), "deleted", "bans"),
    ("a formal-review override deleted", sql("DELETE FROM review_overrides WHERE id = "
                                             "(SELECT min(id) FROM review_overrides)"), "deleted", "review_overrides"),
    ("a tie decision's reason edited", sql("UPDATE tie_decisions SET reason = 'x' WHERE id = "
                                           "(SELECT min(id) FROM tie_decisions)"), "reason", "tie_decisions"),
    ("a flag's explanation edited", sql("UPDATE flag_explanations SET text = 'x' WHERE id = "
                                        "(SELECT min(id) FROM flag_explanations)"), "text", "flag_explanations"),
    ("a paper keying edited", sql("UPDATE paper_keyings SET entries = '{}' WHERE id = "
                                  "(SELECT min(id) FROM paper_keyings)"), "entries", "paper_keyings"),
    ("a recognised centre deleted", sql("DELETE FROM recognised_centres"), "deleted", "recognised_centres"),
    ("the expert a file belongs to set", sql("INSERT INTO meta (key, value) VALUES ('expert_of_this_file', 'x')"),
     "added", "meta"),
    ("in a locked round, a score the trimmed mean drops", _edit_a_dropped_score, "points", "score"),
    ("in a locked round, a score and the stored result", _edit_a_score_and_the_stored_result, "result",
     "consolidated result"),
]


@pytest.fixture
def demo(demo_file) -> Path:
    return demo_file


def edit(path: Path, change: Callable) -> None:
    """An editor with the key: a SQLCipher connection of their own, outside the app."""
    key = crypto.derive(DEMO_PASSWORD, crypto.read_salt(path))
    con = _raw_connect(path, key)
    try:
        con.execute("BEGIN")
        change(con)
        con.execute("COMMIT")
    finally:
        con.close()


def check(path: Path, capsys, *against: Path) -> dict:
    password_file = path.with_name("password.txt")
    password_file.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    args = ["check", str(path), "--password-file", str(password_file), "--json"]
    for export in against:
        args += ["--against", str(export)]
    status = cli.main(args)
    result = json.loads(capsys.readouterr().out)
    assert status == (0 if result["ok"] else 1)
    return result


def test_the_untouched_demo_passes(demo, capsys):
    result = check(demo, capsys)
    assert result["ok"], result
    assert result["replayed"] is True


@pytest.mark.parametrize("what, change, word, table", DIRECT_EDITS, ids=[e[0] for e in DIRECT_EDITS])
def test_a_direct_edit_is_named_by_check(demo, capsys, what, change, word, table):
    edit(demo, change)
    result = check(demo, capsys)
    assert not result["ok"], what
    named = [p for p in result["replay_problems"] if f"({table} " in p and word in p]
    assert named, (what, result["replay_problems"])
    assert result["audit_problems"] == []  # the chain itself is intact: only the replay sees it


def test_there_are_thirty_kinds_of_direct_edit():
    assert len(DIRECT_EDITS) >= 30


# -- edits that rewrite the chain too --------------------------------------------------------
def rehash_from(con, seq: int) -> None:
    """Recompute every hash from `seq` on and move the head: the chain agrees with itself again."""
    prev = con.execute("SELECT hash FROM audit_events WHERE seq = ?", (seq - 1,)).fetchone()
    prev = prev[0] if prev else audit.GENESIS
    rows = con.execute("SELECT seq, at, uuid, device, role, person, actor, action, entity, entity_id, payload "
                       "FROM audit_events WHERE seq >= ? ORDER BY seq", (seq,)).fetchall()
    for r in rows:
        digest = audit.event_hash_v2(*r[:10], r[10], prev)
        con.execute("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, r[0]))
        prev = digest
    last = rows[-1][0] if rows else seq - 1
    con.execute("UPDATE meta SET value = ? WHERE key = ?", (str(last), audit.HEAD_SEQ))
    con.execute("UPDATE meta SET value = ? WHERE key = ?", (prev, audit.HEAD_HASH))


def _forge_a_score_and_its_history(con, entry_sql: str = SUBMITTED_ENTRY) -> None:
    """The perfect forgery inside the file: the score, the `rows` event that recorded it, the chain."""
    entry_id, uuid = con.execute(f"SELECT id, uuid FROM score_entries WHERE id = ({entry_sql})").fetchone()
    con.execute("UPDATE score_entries SET points = '0' WHERE id = ?", (entry_id,))
    seq, payload = con.execute("SELECT seq, payload FROM audit_events WHERE action IN ('rows', 'rows.baseline') "
                               "AND payload LIKE ? ORDER BY seq DESC LIMIT 1", (f"%{uuid}%",)).fetchone()
    body = json.loads(payload)
    body["rows"]["score_entries"][uuid]["points"] = "0"
    con.execute("UPDATE audit_events SET payload = ? WHERE seq = ?", (audit.canonical(body), seq))
    rehash_from(con, seq)


def _drop_the_newest_events_and_move_the_head(con) -> None:
    last = one(con, "SELECT max(seq) FROM audit_events WHERE action = 'rows'")
    con.execute("DELETE FROM audit_events WHERE seq >= ?", (last - 1,))
    rehash_from(con, last - 1)


def test_a_forged_history_agrees_with_itself_but_not_with_the_sidecar(demo, capsys):
    assert heads.sidecar(demo).exists()  # the demo's head, written at its last change
    edit(demo, _forge_a_score_and_its_history)
    result = check(demo, capsys)
    assert result["audit_problems"] == [] and result["replay_problems"] == []  # consistent inside …
    assert not result["ok"]
    assert any("the chain was rewritten outside the app" in p for p in result["head_problems"]), result


def test_the_newest_events_deleted_with_the_head_moved_are_caught(demo, capsys):
    edit(demo, _drop_the_newest_events_and_move_the_head)
    result = check(demo, capsys)
    assert result["audit_problems"] == []
    assert any("which the file no longer holds" in p for p in result["head_problems"]), result
    assert result["replay_problems"]  # the rows the dropped events recorded are unexplained too


def test_a_forged_history_is_caught_by_an_export_made_before(demo, capsys, tmp_path):
    export = tmp_path / "ranking.xlsx"
    password_file = tmp_path / "pw.txt"
    password_file.write_text(DEMO_PASSWORD, encoding="utf-8")
    rnd = None
    key = crypto.derive(DEMO_PASSWORD, crypto.read_salt(demo))
    con = _raw_connect(demo, key)
    try:
        rnd = one(con, LOCKED_ROUND)
    finally:
        con.close()
    assert cli.main(["export-ranking", str(demo), "--round", str(rnd), str(export), "--password-file",
                     str(password_file)]) == 0
    capsys.readouterr()
    assert heads.read_export(export) is not None
    edit(demo, _forge_a_score_and_its_history)
    heads.sidecar(demo).unlink()  # the editor removed the sidecar as well
    result = check(demo, capsys, export)
    assert not result["ok"]
    assert any("ranking.xlsx" in p and "rewritten" in p for p in result["head_problems"]), result


def test_an_export_without_a_head_is_named(demo, capsys, tmp_path):
    stray = tmp_path / "stray.xlsx"
    shutil.copy(Path(__file__).parents[3] / "resources" / "templates" / "申报信息导入模板.xlsx", stray)
    result = check(demo, capsys, stray)
    assert any("stray.xlsx carries no audit head" in p for p in result["head_problems"])


def test_a_file_whose_tables_do_not_match_its_version_is_named_and_not_backed_up_again(demo, capsys):
    """Issue 18: a version number set back passed `check` while every other command failed and wrote a
    new backup each time."""
    edit(demo, lambda con: con.execute("PRAGMA user_version = 6"))
    result = check(demo, capsys)
    assert not result["ok"]
    assert result["schema_problems"], result
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.errors import WorkingFileError

    for _ in range(2):
        with pytest.raises(WorkingFileError, match="do not match its schema version 6"):
            WorkingFile.open(demo, DEMO_PASSWORD)
    assert len(list(demo.parent.glob("*.bak"))) == 1

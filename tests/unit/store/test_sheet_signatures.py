"""Issue 20 §4: score sheets signed as data. At submission the sheet's canonical content is signed
with the expert's key; `check` verifies every submitted sheet against the certificate it was signed
with, so an edit behind the app's back — even one whose audit history is forged to match — is named.

The demo is built at test time (conftest), after the experts' certificates are issued, so its
electronic sheets are signed; its paper sheet, keyed by the secretariat, is not.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from hvp_desktop.domain import sheet_content
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import certificates, heads, queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import ScoreSheet, SigningIdentity
from hvp_desktop.store.ops import certificates as cert_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from tests.conftest import DEMO_PASSWORD
from tests.unit.store.test_tamper import _forge_a_score_and_its_history, check, edit, one

SIGNED_ENTRY = ("SELECT e.id FROM score_entries e JOIN score_sheets s ON s.id = e.sheet_id "
                "WHERE s.status = 'submitted' AND s.content_signature IS NOT NULL AND e.points IS NOT NULL "
                "ORDER BY e.id LIMIT 1")
SIGNED_SHEET = "SELECT min(id) FROM score_sheets WHERE content_signature IS NOT NULL"
MISMATCH = "the signature does not match the content: edited after submission"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
STROKES = [[[0, 0], [10, 10]]]


# -- the content -------------------------------------------------------------------------------
def _content(**changes) -> bytes:
    fields = dict(round_uuid="r", application_uuid="a", expert_uuid="e", rubric_label="认定评分表 v1",
                  rubric_digest="d" * 64, revision=1,
                  entries=[("B1", Decimal("7.50"), ""), ("A1", Decimal("10"), "很好")], signature_png=PNG,
                  statement_confirmed_at=datetime(2026, 11, 30, 8, 0, 0, 123456),
                  submitted_at=datetime(2026, 11, 30, 8, 0, 0, 123456), transcribed=False)
    return sheet_content.canonical_content(**{**fields, **changes})


def test_the_canonical_content_is_sorted_json_with_exact_decimals_and_the_image_hash():
    data = _content()
    body = json.loads(data.decode("utf-8"))
    assert body["v"] == 1 and list(body) == sorted(body)
    assert list(body["entries"]) == ["A1", "B1"]
    assert body["entries"]["B1"] == {"score": "7.50", "comment": ""}  # the decimal exactly as typed
    assert body["entries"]["A1"]["comment"] == "很好" and "很好".encode() in data  # UTF-8, not escaped
    assert body["signature_sha256"] == hashlib.sha256(PNG).hexdigest() and PNG not in data
    assert body["submitted_at"] == "2026-11-30T08:00:00.123456"
    assert _content(entries=[("A1", Decimal("10"), "很好"), ("B1", Decimal("7.50"), "")]) == data  # any order
    for change in ({"revision": 2}, {"expert_uuid": "x"}, {"transcribed": True}, {"signature_png": PNG + b"!"},
                   {"entries": [("A1", Decimal("10"), "很好"), ("B1", Decimal("7.5"), "")]}):
        assert _content(**change) != data, change


# -- the demo ----------------------------------------------------------------------------------
def test_the_demo_sheets_are_signed_and_verify(demo_wf):
    report = queries.sheet_signature_problems(demo_wf)
    assert report.problems == []
    assert report.checked > 50 and report.unsigned == 0
    assert report.unsigned_paper >= 1  # the paper sheet keyed by the secretariat
    with demo_wf.session() as s:
        sheet = s.scalar(select(ScoreSheet).where(ScoreSheet.content_signature.is_not(None)).limit(1))
        identity = s.scalar(select(SigningIdentity).where(SigningIdentity.fingerprint == sheet.signed_by))
        assert identity.expert_id == sheet.expert_id and sheet.signed_content_v == 1
        cert = certificates.load_certificate(identity.certificate)
        data = certificates.sheet_content(s, sheet)
        assert certificates.verify_signature(cert, sheet.content_signature, data)
        assert not certificates.verify_signature(cert, sheet.content_signature, data.replace(b'"v":1', b'"v":2'))
        paper = s.scalar(select(ScoreSheet).where(ScoreSheet.transcribed_from_paper.is_(True),
                                                  ScoreSheet.status == "submitted").limit(1))
        assert paper is not None and paper.content_signature is None and paper.signed_by is None


def test_check_verifies_the_untouched_demo_and_notes_the_paper_sheet(demo_file, capsys):
    result = check(demo_file, capsys)
    assert result["ok"], result
    assert result["signature_problems"] == []
    assert result["sheet_signatures"]["verified"] > 50
    assert result["sheet_signatures"]["unsigned_paper"] >= 1


# -- edits behind the app's back ---------------------------------------------------------------
def _forge_a_signed_score_and_its_history(con) -> None:
    """A score of a signed sheet, the `rows` event that recorded it and the chain, all rewritten."""
    _forge_a_score_and_its_history(con, SIGNED_ENTRY)


def test_a_score_forged_with_its_history_is_caught_by_construction(demo_file, capsys):
    edit(demo_file, _forge_a_signed_score_and_its_history)
    heads.sidecar(demo_file).unlink()  # the editor removed the head kept beside the file too
    result = check(demo_file, capsys)
    assert result["audit_problems"] == [] and result["replay_problems"] == [] and result["head_problems"] == []
    assert not result["ok"]  # the replay alone misses it; the expert's signature does not
    assert len(result["signature_problems"]) == 1
    assert MISMATCH in result["signature_problems"][0] and "签名与内容不符" in result["signature_problems"][0]


@pytest.mark.parametrize("what, statement", [
    ("a score", f"UPDATE score_entries SET points = CAST(points AS REAL) - 1 WHERE id = ({SIGNED_ENTRY})"),
    ("a comment", "UPDATE score_entries SET comment = 'changed' WHERE id = (SELECT min(e.id) FROM score_entries e "
                  "JOIN score_sheets s ON s.id = e.sheet_id WHERE s.content_signature IS NOT NULL)"),
    ("a revision", f"UPDATE score_sheets SET revision = revision + 5 WHERE id = ({SIGNED_SHEET})"),
    ("a submission time", f"UPDATE score_sheets SET submitted_at = '2020-01-01 00:00:00.000000' "
                          f"WHERE id = ({SIGNED_SHEET})"),
])
def test_an_edit_of_signed_content_is_named(demo_file, capsys, what, statement):
    edit(demo_file, lambda con: con.execute(statement))
    result = check(demo_file, capsys)
    assert not result["ok"]
    assert [p for p in result["signature_problems"] if MISMATCH in p], (what, result["signature_problems"])


def test_a_sheet_moved_to_another_expert_is_named(demo_file, capsys):
    def move(con):
        sheet, app = con.execute("SELECT id, application_id FROM score_sheets s WHERE content_signature IS NOT NULL "
                                 "AND EXISTS (SELECT 1 FROM experts e WHERE e.id NOT IN (SELECT expert_id FROM "
                                 "score_sheets WHERE application_id = s.application_id)) ORDER BY id LIMIT 1"
                                 ).fetchone()
        other = one(con, "SELECT id FROM experts WHERE id NOT IN (SELECT expert_id FROM score_sheets "
                         "WHERE application_id = ?) ORDER BY id LIMIT 1", app)
        con.execute("UPDATE score_sheets SET expert_id = ? WHERE id = ?", (other, sheet))

    edit(demo_file, move)
    result = check(demo_file, capsys)
    assert [p for p in result["signature_problems"] if "another expert's key" in p], result["signature_problems"]


def _resign_with_another_experts_key(path: Path, *, claim_own: bool) -> str:
    """Sign a sheet's true content with another expert's key (the app's own code, outside the app)."""
    wf = WorkingFile.open(path, DEMO_PASSWORD)
    try:
        with wf.session() as s:
            sheet = s.scalar(select(ScoreSheet).where(ScoreSheet.content_signature.is_not(None)).limit(1))
            other = s.scalar(select(SigningIdentity).where(SigningIdentity.expert_id != sheet.expert_id).limit(1))
            signature = certificates.sign(certificates.unlock_key(other.private_key, False, None),
                                          certificates.sheet_content(s, sheet))
            sheet_id, fingerprint = sheet.id, (sheet.signed_by if claim_own else other.fingerprint)
    finally:
        wf.close()
    edit(path, lambda con: con.execute("UPDATE score_sheets SET content_signature = ?, signed_by = ? WHERE id = ?",
                                       (signature, fingerprint, sheet_id)))
    return sheet_id


@pytest.mark.parametrize("claim_own", [False, True], ids=["naming the other key", "claiming the expert's own"])
def test_a_sheet_signed_with_another_experts_key_is_named(demo_file, capsys, claim_own):
    _resign_with_another_experts_key(demo_file, claim_own=claim_own)
    result = check(demo_file, capsys)
    assert not result["ok"]
    named = result["signature_problems"]
    assert len(named) == 1 and "signed with another expert's key" in named[0] and "另一位专家" in named[0], named


# -- submission --------------------------------------------------------------------------------
def _correction(wf) -> tuple[int, int]:
    with wf.session() as s:
        rows = [(sh.id, sh.expert_id) for sh in s.scalars(
            select(ScoreSheet).where(ScoreSheet.status == "submitted", ScoreSheet.transcribed_from_paper.is_(False))
            .order_by(ScoreSheet.id.desc()))]
    for sheet_id, expert_id in rows:
        try:
            new = sheet_ops.correct(wf, sheet_id, "改正笔误").value
        except RuleViolation:
            continue
        return new.id, expert_id
    raise AssertionError("no correctable sheet")


def test_a_correction_is_signed_at_its_own_submission(demo_wf):
    new_id, _expert = _correction(demo_wf)
    sheet_ops.submit(demo_wf, new_id, statement_confirmed=True, signature_strokes=STROKES, signature_png=PNG)
    with demo_wf.session() as s:
        sheet = s.get(ScoreSheet, new_id)
        assert sheet.revision >= 2 and sheet.content_signature is not None
    assert queries.sheet_signature_problems(demo_wf).problems == []


def test_a_pin_protected_key_signs_only_with_its_pin(demo_wf):
    new_id, expert = _correction(demo_wf)
    fingerprint = cert_ops.issue_certificate(demo_wf, expert, "2468").value  # the old identity is replaced
    assert queries.identity_needs_pin(demo_wf, expert)
    for pin, words in ((None, "PIN"), ("0000", "Wrong PIN")):
        with pytest.raises(RuleViolation, match="SIGN") as refused:
            sheet_ops.submit(demo_wf, new_id, statement_confirmed=True, signature_strokes=STROKES,
                             signature_png=PNG, pin=pin)
        assert refused.value.rule == "SIGN" and words in refused.value.en
        with demo_wf.session() as s:
            assert s.get(ScoreSheet, new_id).status == "draft"  # nothing submitted
    sheet_ops.submit(demo_wf, new_id, statement_confirmed=True, signature_strokes=STROKES, signature_png=PNG,
                     pin="2468")
    with demo_wf.session() as s:
        assert s.get(ScoreSheet, new_id).signed_by == fingerprint
    report = queries.sheet_signature_problems(demo_wf)
    assert report.problems == []  # the expert's earlier sheets still verify under the replaced identity


def test_an_expert_without_a_certificate_submits_unsigned_and_check_notes_it(demo_wf):
    new_id, expert = _correction(demo_wf)
    with demo_wf.session() as s:  # the demo's experts all have one: this one's is taken away
        for row in s.scalars(select(SigningIdentity).where(SigningIdentity.expert_id == expert)):
            row.replaced_at = row.replaced_at or datetime(2026, 1, 1)
        s.commit()
    assert not queries.identity_needs_pin(demo_wf, expert)
    sheet_ops.submit(demo_wf, new_id, statement_confirmed=True, signature_strokes=STROKES, signature_png=PNG)
    report = queries.sheet_signature_problems(demo_wf)
    assert report.problems == [] and report.unsigned == 1



def test_a_sheet_signed_in_the_experts_own_file_verifies_in_the_master(demo_wf, tmp_path):
    """The key lives in the expert's file: the sheet is signed there and travels back with its signature."""
    from hvp_desktop.store import copies, expert_file, panel
    from hvp_desktop.store.ops import copies as copy_ops

    experts = {name: i for i, name in panel.panel_experts(demo_wf)}
    path = tmp_path / "mine.hvpdb"
    expert_file.write_expert_file(demo_wf, experts["李明"], path, "expert-pass-1")
    with WorkingFile.open(path, "expert-pass-1") as mine:
        new_id, _expert = _correction(mine)
        sheet_ops.submit(mine, new_id, statement_confirmed=True, signature_strokes=STROKES, signature_png=PNG)
        with mine.session() as s:
            uuid = s.get(ScoreSheet, new_id).uuid
            theirs = copies.whole(s, owner=mine.meta_value("expert_of_this_file"))
        assert queries.sheet_signature_problems(mine).problems == []
    copy_ops.install(demo_wf, copies.Snapshot(theirs.tables, None, theirs.device, theirs.refs, blind=True))
    with demo_wf.session() as s:
        sheet = s.scalar(select(ScoreSheet).where(ScoreSheet.uuid == uuid))
        assert sheet is not None and sheet.content_signature is not None
    report = queries.sheet_signature_problems(demo_wf)
    assert report.problems == [] and report.unsigned == 0

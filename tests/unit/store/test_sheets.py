"""Score sheets in the encrypted file: drafts saved at once, bounds and steps enforced, submission
with statement and signature, corrections as revisions, paper sheets keyed twice."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hvp_desktop.domain.model import ConflictSource, SeatRole
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import queries, sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from tests.conftest import DEMO_PASSWORD

ON_PAPER = [c.code for c in rubrics.default_rubrics()["recognition"].criteria]  # every comment written there

ROOT = Path(__file__).resolve().parents[3]
SIGNATURE = ([[[10, 10], [20, 15], [30, 12]]], b"\x89PNG fake but present")


@pytest.fixture
def setup(demo_wf):
    """A 2026 panel of two experts, assigned to two selected applications; the default rubric stored."""
    rows = [r for r in queries.application_rows(demo_wf) if r.year == 2025 and r.state == "y1_passed"]
    round_id, apps = rows[0].round_id, [r.id for r in rows[:2]]
    chair = panel_ops.add_expert(demo_wf, "李明", "华南理工大学", "教授").value
    member = panel_ops.add_expert(demo_wf, "王芳", "广东省知识产权保护中心", "研究员").value
    panel_ops.seat(demo_wf, round_id, chair, SeatRole.CHAIR)
    panel_ops.seat(demo_wf, round_id, member)
    panel_ops.assign(demo_wf, chair, apps)
    panel_ops.assign(demo_wf, member, apps[:1])
    rubric = rubrics.default_rubrics()["recognition"]
    label = sheet_ops.store_rubric(demo_wf, rubric).value
    return demo_wf, rubric, label, chair, member, apps


def _fill(wf, rubric, sheet_id, *, comments=True):
    sheet = None
    for criterion in rubric.criteria:
        points = criterion.max_points  # full marks: no comment needed below 60 %
        sheet = sheet_ops.save_entry(wf, sheet_id, criterion.code, points, "材料齐全" if comments else "").value
    return sheet


def test_opening_needs_an_assignment_and_no_conflict(setup):
    wf, _rubric, label, chair, member, apps = setup
    with pytest.raises(RuleViolation, match="未被分配"):
        sheet_ops.open_sheet(wf, member, apps[1], label)
    panel_ops.record_conflict(wf, member, apps[0], ConflictSource.DECLARED, "近三年为该企业提供咨询服务")
    with pytest.raises(RuleViolation, match="利害关系"):
        sheet_ops.open_sheet(wf, member, apps[0], label)


def test_a_score_outside_the_bounds_or_off_the_step_is_refused(setup):
    wf, rubric, label, chair, _member, apps = setup
    sheet = sheet_ops.open_sheet(wf, chair, apps[0], label).value
    first = rubric.criteria[0]
    for bad in (first.max_points + first.step, Decimal("-0.5"), first.step / 2):
        with pytest.raises(RuleViolation, match=first.code):
            sheet_ops.save_entry(wf, sheet.id, first.code, bad)
    assert sheets.get_sheet(wf, sheet.id).entries == {}
    saved = sheet_ops.save_entry(wf, sheet.id, first.code, first.max_points).value
    assert saved.total == first.max_points


def test_the_total_is_the_exact_sum_of_what_was_entered(setup):
    wf, rubric, label, chair, _member, apps = setup
    sheet = sheet_ops.open_sheet(wf, chair, apps[0], label).value
    entered = {}
    for criterion in rubric.criteria[:5]:
        points = criterion.max_points - criterion.step
        entered[criterion.code] = points
        sheet = sheet_ops.save_entry(wf, sheet.id, criterion.code, points, "扣分：材料不全").value
    assert sheet.total == sum(entered.values()) and isinstance(sheet.total, Decimal)


def test_submission_needs_every_score_the_statement_and_a_signature(setup):
    wf, rubric, label, chair, _member, apps = setup
    sheet = sheet_ops.open_sheet(wf, chair, apps[0], label).value
    sheet_ops.save_entry(wf, sheet.id, rubric.criteria[0].code, Decimal("0"))  # far below 60 %: comment needed
    with pytest.raises(RuleViolation) as refused:
        sheet_ops.submit(wf, sheet.id, statement_confirmed=False, signature_strokes=None, signature_png=None)
    text = str(refused.value)
    assert "尚未评分" in text and "评语" in text and sheets.STATEMENT in text and "签名" in text
    _fill(wf, rubric, sheet.id)
    done = sheet_ops.submit(wf, sheet.id, statement_confirmed=True, signature_strokes=SIGNATURE[0],
                         signature_png=SIGNATURE[1]).value
    assert done.status == "submitted" and done.total == Decimal(100)
    with pytest.raises(RuleViolation, match="已提交"):
        sheet_ops.save_entry(wf, sheet.id, rubric.criteria[0].code, Decimal("1"))


def test_a_correction_is_a_new_revision_and_both_stay(setup):
    wf, rubric, label, chair, _member, apps = setup
    sheet = sheet_ops.open_sheet(wf, chair, apps[0], label).value
    _fill(wf, rubric, sheet.id)
    sheet_ops.submit(wf, sheet.id, statement_confirmed=True, signature_strokes=SIGNATURE[0], signature_png=SIGNATURE[1])
    with pytest.raises(RuleViolation, match="理由"):
        sheet_ops.correct(wf, sheet.id, "")
    revision = sheet_ops.correct(wf, sheet.id, "A1误填，按现场核查更正").value
    assert (revision.revision, revision.status, revision.correction_reason) == (2, "draft", "A1误填，按现场核查更正")
    assert revision.entries == sheets.get_sheet(wf, sheet.id).entries
    assert sheets.get_sheet(wf, sheet.id).status == "submitted"  # the first revision stays as it was
    assert sheet_ops.open_sheet(wf, chair, apps[0], label).value.id == revision.id


def test_the_rubric_is_frozen_into_the_round_once_scoring_starts(setup):
    wf, rubric, label, chair, member, apps = setup
    sheet_ops.open_sheet(wf, chair, apps[0], label)
    official = dataclasses.replace(rubrics.default_rubrics()["recognition"], title="正式附件2", version="2026.2")
    other = sheet_ops.store_rubric(wf, official).value
    with pytest.raises(RuleViolation, match="不能改用"):
        sheet_ops.open_sheet(wf, member, apps[0], other)


def test_paper_sheets_count_only_when_two_blind_keyings_agree(setup):
    wf, rubric, label, _chair, member, apps = setup
    keyed = {c.code: c.max_points for c in rubric.criteria}
    slip = dict(keyed, **{rubric.criteria[3].code: rubric.criteria[3].max_points - rubric.criteria[3].step})
    sheet_ops.save_keying(wf, member, apps[0], 1, keyed, ON_PAPER)
    sheet_ops.save_keying(wf, member, apps[0], 2, slip, ON_PAPER)
    differences = sheets.keying_differences(wf, member, apps[0])
    assert [d[0] for d in differences] == [rubric.criteria[3].code]
    with pytest.raises(RuleViolation, match="不一致"):
        sheet_ops.accept_keyings(wf, member, apps[0], label)
    sheet_ops.save_keying(wf, member, apps[0], 2, keyed, ON_PAPER)  # re-keyed after checking the paper
    sheet = sheet_ops.accept_keyings(wf, member, apps[0], label).value
    assert (sheet.status, sheet.transcribed, sheet.total) == ("submitted", True, Decimal(100))


def test_a_killed_process_loses_no_saved_score(setup, demo_file):
    wf, rubric, label, chair, _member, apps = setup
    sheet = sheet_ops.open_sheet(wf, chair, apps[0], label).value
    wf.close()  # the child holds the file now
    code = rubric.criteria[2].code
    script = (
        "import os, signal\n"
        "from decimal import Decimal\n"
        "from hvp_desktop.store.engine import WorkingFile\n"
        "from hvp_desktop.store.ops import sheets\n"
        f"wf = WorkingFile.open({str(demo_file)!r}, {DEMO_PASSWORD!r})\n"
        f"sheets.save_entry(wf, {sheet.id}, {code!r}, Decimal('2.5'), '现场核查后扣分')\n"
        "print('saved', flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    child = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                           env={**os.environ})
    assert child.returncode == -signal.SIGKILL and child.stdout.strip() == "saved", child.stderr
    with WorkingFile.open(demo_file, DEMO_PASSWORD) as again:
        assert sheets.get_sheet(again, sheet.id).entries[code] == (Decimal("2.5"), "现场核查后扣分")


def test_a_conflict_recorded_after_the_draft_stops_scoring_and_submitting(setup):
    wf, rubric, label, chair, _member, apps = setup
    sheet = sheet_ops.open_sheet(wf, chair, apps[0], label).value
    _fill(wf, rubric, sheet.id)
    panel_ops.record_conflict(wf, chair, apps[0], ConflictSource.RECORDED, "其子女在该企业任职（秘书核实）")
    with pytest.raises(RuleViolation, match="利害关系"):
        sheet_ops.save_entry(wf, sheet.id, rubric.criteria[0].code, Decimal("1"))
    with pytest.raises(RuleViolation, match="利害关系"):
        sheet_ops.submit(wf, sheet.id, statement_confirmed=True, signature_strokes=SIGNATURE[0],
                      signature_png=SIGNATURE[1])
    assert sheets.get_sheet(wf, sheet.id).status == "draft"


def test_bad_paper_keyings_leave_no_half_made_sheet(setup):
    wf, rubric, label, _chair, member, apps = setup
    with pytest.raises(RuleViolation, match="有效数字"):
        sheet_ops.save_keying(wf, member, apps[0], 1, {rubric.criteria[0].code: Decimal("NaN")})
    over = {c.code: c.max_points for c in rubric.criteria}
    over[rubric.criteria[0].code] += rubric.criteria[0].step
    sheet_ops.save_keying(wf, member, apps[0], 1, over)
    sheet_ops.save_keying(wf, member, apps[0], 2, over)
    with pytest.raises(RuleViolation, match="录入有误"):
        sheet_ops.accept_keyings(wf, member, apps[0], label)
    assert sheets.current_sheet(wf, member, apps[0]) is None


def test_save_entries_names_an_unknown_criterion(setup):
    wf, _rubric, label, chair, _member, apps = setup
    sheet = sheet_ops.open_sheet(wf, chair, apps[0], label).value
    with pytest.raises(RuleViolation, match="ZZ"):
        sheet_ops.save_entries(wf, sheet.id, {"ZZ": (Decimal("1"), "")})


def test_a_round_rubric_can_be_chosen_only_before_scoring(setup):
    wf, _rubric, label, chair, _member, apps = setup
    official = dataclasses.replace(rubrics.default_rubrics()["recognition"], title="正式附件2", version="2026.2")
    annual = sheet_ops.store_rubric(wf, official).value  # (another recognition table)
    round_id = queries.application_detail(wf, apps[0]).round_id
    sheet_ops.set_round_rubric(wf, round_id, annual)
    sheet_ops.set_round_rubric(wf, round_id, label)  # changed again: still nothing scored
    sheet_ops.open_sheet(wf, chair, apps[0], label)
    with pytest.raises(RuleViolation, match="固定"):
        sheet_ops.set_round_rubric(wf, round_id, annual)


def test_a_rubrics_kind_must_match_its_round_in_the_store(rnd):
    """Annex 2 for a recognition round, Annex 3 for an assessment round: refused by the store itself."""
    annual = rubrics.default_rubrics()["annual"]
    with pytest.raises(RuleViolation) as refused:
        sheet_ops.set_round_rubric(rnd.wf, rnd.round_id, annual)
    assert refused.value.rule == "RUBRIC" and "附件2" in refused.value.zh and "Annex 2" in refused.value.en
    panel_ops.assign(rnd.wf, rnd.reserve, [rnd.apps[0]])
    with pytest.raises(RuleViolation, match="^RUBRIC: "):
        sheet_ops.score(rnd.wf, rnd.reserve, rnd.apps[0], annual, annual.criteria[0].code, None, "")


def test_a_paper_sheet_missing_a_comment_the_rubric_asks_for_is_not_accepted(setup):
    """A score the rubric wants a comment for counts from paper only when both keyers saw the
    comment written on the sheet (the comment itself stays on the archived paper)."""
    wf, rubric, label, _chair, member, apps = setup
    low = next(c for c in rubric.criteria if rubrics.comment_required(c, Decimal(0)))
    keyed = {c.code: (Decimal(0) if c is low else c.max_points) for c in rubric.criteria}
    others = [c.code for c in rubric.criteria if c is not low]
    sheet_ops.save_keying(wf, member, apps[0], 1, keyed, others)
    sheet_ops.save_keying(wf, member, apps[0], 2, keyed, [*others, low.code])  # only one keyer saw it
    with pytest.raises(RuleViolation, match=f"^PAPER: .*{low.code}：纸质打分表上缺少评分表要求的评语") as refused:
        sheet_ops.accept_keyings(wf, member, apps[0], label)
    assert low.code in refused.value.en and "comment" in refused.value.en
    assert sheets.current_sheet(wf, member, apps[0]) is None  # nothing half-made
    sheet_ops.save_keying(wf, member, apps[0], 1, keyed, [*others, low.code])
    assert sheet_ops.accept_keyings(wf, member, apps[0], label).value.status == "submitted"


def test_a_refused_submission_says_what_is_missing_in_both_languages(setup):
    import re

    wf, rubric, label, chair, _member, apps = setup
    sheet = sheet_ops.open_sheet(wf, chair, apps[0], label).value
    with pytest.raises(RuleViolation) as refused:
        sheet_ops.submit(wf, sheet.id, statement_confirmed=False, signature_strokes=None, signature_png=None)
    assert "尚未评分" in refused.value.zh and sheets.STATEMENT in refused.value.zh
    assert "not scored yet" in refused.value.en and "signature" in refused.value.en
    assert not re.search(r"[\u3400-\u9fff]", refused.value.en)  # no Chinese in the English UI's message

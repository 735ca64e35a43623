"""Issue 21's first bar: a whole panel between laptops. The secretary prepares a package for each of
five experts; each opens theirs on their own laptop (a file of their own), scores — one steps aside
from an application, one corrects a submitted sheet, one leaves a draft — and returns their work;
the chair merges every return in random order, twice. The chair's ranking is the one computed from
the experts' own files, every revision is kept, and merging again changes nothing."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from hvp_desktop.exchange import packages
from hvp_desktop.scoring.review import review
from hvp_desktop.store import audit, queries, sheets
from hvp_desktop.store import certificates as certs
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, AuditEvent, Conflict, Expert, PackageReceipt, ScoreSheet
from hvp_desktop.store.ops import sheets as sheet_ops
from hvp_desktop.store.ranking import analyse_round, round_data
from tests.unit.exchange.panel import (
    EXPERT_PASSWORD,
    SIGNATURE,
    correct,
    criteria,
    declare_conflict,
    draft,
    me,
    my_apps,
    score,
    totals_by_uuid,
    unpack_all,
)


def _points_by_uuid(wf: WorkingFile) -> dict[tuple[str, str], dict[str, Decimal]]:
    """(application, expert) → the points of the latest submitted sheet that counts (no conflict)."""
    out: dict[tuple[str, str], tuple[int, dict]] = {}
    with wf.session() as s:
        conflicted = {(c.application_id, c.expert_id) for c in s.scalars(select(Conflict))}
        for sheet in s.scalars(select(ScoreSheet).where(ScoreSheet.status == "submitted")):
            if (sheet.application_id, sheet.expert_id) in conflicted:
                continue
            key = (s.get(Application, sheet.application_id).uuid, s.get(Expert, sheet.expert_id).uuid)
            if key not in out or out[key][0] < sheet.revision:
                out[key] = (sheet.revision, {e.criterion_code: e.points for e in sheet.entries})
    return {k: v[1] for k, v in out.items()}


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def played(panel_files, tmp_path):
    """The panel played out: (panel, return package paths, expert files, what each expert did)."""
    chair = panel_files.open()
    prepared = packages.prepare_round(chair, panel_files.round_id, tmp_path / "usb")
    chair.close()
    files = unpack_all(prepared, tmp_path / "laptops")
    returns = []
    rng = random.Random(21)
    conflicted_app = None
    for n, (_expert_id, path) in enumerate(sorted(files.items())):
        with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
            apps = sorted(my_apps(mine).items())
            for i, (uuid, app) in enumerate(apps):
                if n == 2 and i == 0:  # the third expert steps aside from the first application
                    declare_conflict(mine, app)
                    conflicted_app = uuid
                    continue
                if n == 4 and i == 5:  # the fifth leaves one sheet a draft
                    draft(mine, app, panel_files.label, (30, 15, 20, 8))
                    continue
                score(mine, app, panel_files.label, (28 + rng.randint(0, 10), 12 + i, 18 + n, 7))
            if n == 1:  # the second corrects a submitted sheet
                correct(mine, apps[3][1], (39, 19, 29, 9), "复核财务数据后更正")
            data, counts = packages.build_return(mine)
        out = tmp_path / "returns" / f"return-{n}.hvpkg"
        out.parent.mkdir(exist_ok=True)
        out.write_bytes(data)
        returns.append(out)
    return panel_files, returns, files, conflicted_app


def test_the_chair_ranks_what_the_experts_scored_on_their_laptops(played):
    panel, returns, files, conflicted_app = played
    expected: dict[tuple[str, str], dict[str, Decimal]] = {}
    for path in files.values():
        with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
            expected.update(_points_by_uuid(mine))
    order = list(returns)
    random.Random(7).shuffle(order)
    with panel.open() as chair:
        report = packages.merge(chair, order)
        assert [r.refused for r in report.results] == [None] * 5
        totals = report.totals()
        # 5 experts × 6 applications − 1 conflict − 1 draft = 28 first revisions, 1 correction
        assert (totals["merged"], totals["superseded"], totals["refused"], totals["unknown"]) == (28, 1, 0, 0)
        assert sum(r.summary.drafts for r in report.results) == 1
        assert sum(r.summary.conflicts for r in report.results) == 1
        assert _points_by_uuid(chair) == expected
        with chair.session() as s:
            # both revisions of the corrected sheet stay
            assert s.scalar(select(ScoreSheet.revision).order_by(ScoreSheet.revision.desc()).limit(1)) == 2
            assert s.query(ScoreSheet).count() == 29  # the draft stays on the laptop
            conflict = s.scalars(select(Conflict)).one()
            assert s.get(Application, conflict.application_id).uuid == conflicted_app
            assert s.query(PackageReceipt).count() == 5
            merged_events = s.scalars(select(AuditEvent).where(AuditEvent.action == "package.merged")).all()
            assert len(merged_events) == 5 and all('"device"' in e.payload for e in merged_events)
            assert audit.verify(s).ok
            data = round_data(s, panel.round_id)
        # the ranking, computed here, equals the one computed from the experts' own scores
        ids = {}
        with chair.session() as s:
            ids = {(a.uuid, e.uuid): (a.id, e.id) for a in s.scalars(select(Application))
                   for e in s.scalars(select(Expert))}
        theirs: dict[int, dict[int, dict[str, Decimal]]] = {}
        for key, points in expected.items():
            app, expert = ids[key]
            theirs.setdefault(app, {})[expert] = points
        mine = analyse_round(chair, panel.round_id)
        from_laptops = review(replace(data, points=theirs))
        assert [(r.application, r.rank, r.score) for r in mine.analysis.rows] == \
               [(r.application, r.rank, r.score) for r in from_laptops.analysis.rows]
        assert len(mine.analysis.rows) == 6
        # what `check` looks at: the replay of every row, the sheets' signatures, the chain's head
        assert queries.replay_report(chair).problems == []
        assert certs.sheet_signature_problems(chair).problems == []
        assert queries.head_problems(chair) == []
    # the second time, in another order: nothing changes, not a byte
    before = _digest(panel.master)
    random.Random(8).shuffle(order)
    with panel.open() as chair:
        again = packages.merge(chair, order)
    assert {r.summary.status for r in again.results} == {"unchanged"}
    assert again.totals()["unchanged"] == 29 and again.totals()["merged"] == 0
    assert _digest(panel.master) == before


def test_a_newer_return_supersedes_and_an_older_one_changes_nothing(played, tmp_path):
    panel, returns, files, _ = played
    expert_id, path = sorted(files.items())[0]
    with panel.open() as chair:
        packages.merge(chair, [returns[0]])
    with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
        app = sorted(my_apps(mine).items())[2][1]
        correct(mine, app, (40, 20, 30, 10), "漏看一项专利证书")
        newer, _ = packages.build_return(mine)
    newer_path = tmp_path / "newer.hvpkg"
    newer_path.write_bytes(newer)
    with panel.open() as chair:
        report = packages.merge(chair, [newer_path])
        assert report.results[0].summary.superseded and report.results[0].summary.unchanged == 6
        before_totals = totals_by_uuid(chair)
    before = _digest(panel.master)
    with panel.open() as chair:  # the first package again, after the newer one: a no-op, said so
        old = packages.merge(chair, [returns[0]])
        assert old.results[0].summary.status == "older"
        assert totals_by_uuid(chair) == before_totals
    assert _digest(panel.master) == before


def test_merging_old_and_new_together_in_any_order_gives_the_same_file(played, tmp_path):
    panel, returns, files, _ = played
    expert_id, path = sorted(files.items())[1]
    with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
        app = sorted(my_apps(mine).items())[0][1]
        correct(mine, app, (20, 10, 15, 5), "更正")
        newer, _ = packages.build_return(mine)
    newer_path = tmp_path / "newer.hvpkg"
    newer_path.write_bytes(newer)
    with panel.open() as chair:
        report = packages.merge(chair, [newer_path, returns[1]])  # newest given first
        statuses = sorted(r.summary.status for r in report.results)
        # the older is merged first (it is older), the newer then supersedes
        assert statuses == ["merged", "merged"]
        with chair.session() as s:
            assert s.query(ScoreSheet).count() == 8  # 6 first revisions, the earlier correction, this one


def test_a_draft_begun_at_the_office_and_submitted_on_the_laptop_replaces_the_draft(panel_files, tmp_path):
    expert, app = panel_files.experts[1], panel_files.apps[0]
    with panel_files.open() as office:
        sheet = sheet_ops.open_sheet(office, expert, app, panel_files.label).value
        sheet_ops.save_entries(office, sheet.id, {"A1": (Decimal(10), "")})
        prepared = [p for p in packages.prepare_round(office, panel_files.round_id, tmp_path / "usb")
                    if p.expert_id == expert]
    path = unpack_all(prepared, tmp_path / "laptop")[expert]
    with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
        for local in my_apps(mine).values():
            current = sheets.current_sheet(mine, me(mine), local)
            if current is not None and current.status == "draft":
                sheet_ops.save_entries(mine, current.id, {c: (p, "") for c, p in criteria((33, 16, 25, 9)).items()})
                sheet_ops.submit(mine, current.id, statement_confirmed=True, signature_strokes=SIGNATURE[0],
                                 signature_png=SIGNATURE[1])
            else:
                score(mine, local, panel_files.label, (30, 15, 20, 8))
        data, _ = packages.build_return(mine)
    back = tmp_path / "back.hvpkg"
    back.write_bytes(data)
    with panel_files.open() as office:
        report = packages.merge(office, [back])
        assert len(report.results[0].summary.merged) == 6 and not report.results[0].summary.refused
        with office.session() as s:
            rows = s.scalars(select(ScoreSheet).where(ScoreSheet.expert_id == expert,
                                                      ScoreSheet.application_id == app)).all()
            assert [(r.status, r.revision) for r in rows] == [("submitted", 1)]
            assert sum(e.points for e in rows[0].entries) == 83
        assert queries.replay_report(office).problems == []
        assert certs.sheet_signature_problems(office).problems == []


def test_a_second_package_keeps_the_experts_own_work_and_their_stepping_aside(panel_files, tmp_path):
    """The secretary sends a second package before the first return is merged: the expert's drafts,
    sheets and the conflict they declared on the laptop stay as they were."""
    expert = panel_files.experts[2]
    with panel_files.open() as office:
        first = [p for p in packages.prepare_round(office, panel_files.round_id, tmp_path / "usb1")
                 if p.expert_id == expert]
    path = unpack_all(first, tmp_path / "laptop")[expert]
    with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
        apps = sorted(my_apps(mine).items())
        declare_conflict(mine, apps[0][1])
        score(mine, apps[1][1], panel_files.label, (30, 15, 20, 8))
        draft(mine, apps[2][1], panel_files.label, (31, 15, 20, 8))
    with panel_files.open() as office:
        second = [p for p in packages.prepare_round(office, panel_files.round_id, tmp_path / "usb2")
                  if p.expert_id == expert][0]
    result = packages.unpack(second.path.read_bytes(), second.passphrase, path, EXPERT_PASSWORD)
    assert not result["created"]
    with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
        assert apps[0][0] not in my_apps(mine)  # still stepped aside
        assert sheets.current_sheet(mine, me(mine), apps[1][1]).status == "submitted"
        assert sheets.current_sheet(mine, me(mine), apps[2][1]).status == "draft"
        assert queries.replay_report(mine).problems == []

"""Merging a panel's return packages into the chair's file (issue 21 target: 20 return packages of
200 applications each merged in ≤ 5 s).

Two figures, in the same run, each on a fresh copy of the secretary's file:
- `merge_median` (the target): `exchange.packages.merge(chair, paths)` of the 20 return packages,
  as File → Merge returns does: each package read, decrypted with the panel's exchange key (HPKE),
  its signature checked against the panel's root, its snapshot decoded, then merged in its own
  transaction (`store.ops.packages.merge_return`: every submitted sheet's scores checked against the
  rubric and its content signature verified, sheets and entries inserted, the audit event and the
  replay record of the rows written, the receipt kept);
- `again_median`: the same 20 packages merged a second time into that file (nothing new: every
  sheet compared with the one merged before, nothing written). Held to the same target.

Set-up (not timed, reported as `setup_*`): the secretary's file with a shortlisted recognition round
of 200 applications, the default recognition rubric (20 criteria), 20 experts (the chair first) all
assigned all 200, the panel's root; `prepare_round` makes the 20 expert packages (a signing
certificate issued to each expert); each is unpacked into the expert's own file, where the expert
scores and submits all 200 (signed with their key; one transaction per expert) and corrects a few
(`CORRECTED` per expert: a second, signed revision); `build_return` makes the 20 return packages.
The build is made once per run and copied for each repetition. `BENCH_MERGE_EXPERTS` and
`BENCH_MERGE_APPS` shrink it (defaults: the issue's 20 and 200; the target is only judged at that
size); `BENCH_MERGE_CACHE=<folder>` keeps the build in a sub-folder of it and reuses it on the next run.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from _common import PASSWORD, Report, median, run_main, scratch_dir

RUNS = 5
TARGET_S = 5.0
EXPERTS = int(os.environ.get("BENCH_MERGE_EXPERTS", "20"))
APPLICATIONS = int(os.environ.get("BENCH_MERGE_APPS", "200"))
CORRECTED = 5  # applications each expert corrects after submitting (a second revision)
EXPERT_PASSWORD = "bench-expert-laptop"
YEAR = 2026
PLACES = 20
ISSUE_SIZE = (EXPERTS, APPLICATIONS) == (20, 200)

_STROKES = [[[10, 10], [20, 15], [30, 12]]]
_PNG = b"\x89PNG bench signature"


def _application(n: int):
    from hvp_desktop.domain import credit_code
    from hvp_desktop.domain.model import ApplicationData

    return ApplicationData(
        year=YEAR, enterprise_name=f"广州合并基准{n}号科技有限公司", credit_code=credit_code.make(f"91440112{500000 + n:09d}"),
        registered_in_district=True, tax_in_district=True, stats_in_district=True, independent_legal_person=True,
        independent_accounting=True, good_credit=True, ip_staff_count=5, ip_budget_yuan=Decimal("1000000"),
        senior_executive_principal=True, independent_ip_department=True, iso56005=False, valid_invention_patents=20,
        pct_applications=2, contact_name=f"联系人{n}", contact_phone="020-88880000", applied_on=date(YEAR, 4, 1))


def _marks(rubric, quality: float, rng: random.Random) -> dict[str, tuple[Decimal, str]]:
    from hvp_desktop.scoring import rubric as rubrics

    out = {}
    for c in rubric.criteria:
        share = min(max(quality + rng.uniform(-0.08, 0.08), 0), 1)
        points = (c.max_points * Decimal(str(round(share, 3))) / c.step).quantize(Decimal(1)) * c.step
        out[c.code] = (points, "材料基本齐全，现场核实无误" if rubrics.comment_required(c, points) else "")
    return out


def build_master(path: Path) -> tuple[int, str]:
    """The secretary's file: the round shortlisted, the rubric, the panel seated and assigned, the root."""
    from sqlalchemy import select

    from hvp_desktop.domain.formal_review import Outcome
    from hvp_desktop.domain.model import SeatRole
    from hvp_desktop.scoring import rubric as rubrics
    from hvp_desktop.store import decisions
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.models import Application
    from hvp_desktop.store.ops import applications as app_ops
    from hvp_desktop.store.ops import certificates as cert_ops
    from hvp_desktop.store.ops import decisions as decision_ops
    from hvp_desktop.store.ops import panel as panel_ops
    from hvp_desktop.store.ops import sheets as sheet_ops
    from hvp_desktop.store.ops.core import batch

    wf = WorkingFile.create(path, PASSWORD)
    try:
        app_ops.import_applications(wf, [(f"merge.xlsx:{n + 2}", _application(n)) for n in range(1, APPLICATIONS + 1)])
        with wf.session() as s:
            rows = list(s.scalars(select(Application).order_by(Application.id)))
            app_ids, round_id = [a.id for a in rows], rows[0].round_id
        manual = [(a, c.key) for a in app_ids for c in decisions.formal_review_of(wf, a) if c.outcome == Outcome.MANUAL]
        with batch(wf):
            for app_id, key in manual:
                decision_ops.override_check(wf, app_id, key, Outcome.PASS, "已核对原件，确认符合")
            decision_ops.set_places(wf, round_id, min(PLACES, max(1, APPLICATIONS // 2)))
            decision_ops.set_preliminary_scores(wf, {a: Decimal(60 + i % 40) for i, a in enumerate(app_ids)})
        on = date(YEAR, 6, 10)
        outcome = decision_ops.shortlist_round(wf, round_id, on, APPLICATIONS if APPLICATIONS >= 40 else None).value
        assert sorted(outcome.shortlisted) == app_ids, "every application is shortlisted"
        decision_ops.confirm_shortlist(wf, round_id, on, "穗埔知字〔基准〕1号")
        label = sheet_ops.set_round_rubric(wf, round_id, rubrics.default_rubrics()["recognition"]).value
        with batch(wf):
            for i in range(EXPERTS):
                expert = panel_ops.add_expert(wf, f"专家{i + 1:02d}", "基准大学", "教授").value
                panel_ops.seat(wf, round_id, expert, SeatRole.CHAIR if i == 0 else SeatRole.MEMBER)
                panel_ops.assign(wf, expert, app_ids)
        cert_ops.create_panel_ca(wf, YEAR)
    finally:
        wf.close()
    return round_id, label


def score_expert_file(path: Path, label: str, rng: random.Random) -> dict:
    """The expert scores and submits every application (signed), corrects a few; the return package."""
    from hvp_desktop.exchange import packages
    from hvp_desktop.scoring import rubric as rubrics
    from hvp_desktop.store import expert_file, panel, sheets
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.ops import sheets as sheet_ops
    from hvp_desktop.store.ops.core import batch

    wf = WorkingFile.open(path, EXPERT_PASSWORD)
    try:
        me = expert_file.expert_of(wf)
        apps = [a for a, _n, _st in panel.assignments_of(wf, me)]
        rubric = rubrics.default_rubrics()["recognition"]
        lean = rng.uniform(-0.05, 0.05)
        with batch(wf):  # the expert's whole scoring in one transaction (each sheet still its own events)
            for app in apps:
                sheet = sheet_ops.open_sheet(wf, me, app, label).value
                sheet_ops.save_entries(wf, sheet.id, _marks(rubric, 0.75 + lean, rng))
                sheet_ops.submit(wf, sheet.id, statement_confirmed=True, signature_strokes=_STROKES,
                                 signature_png=_PNG)
        current = [sheets.current_sheet(wf, me, a).id for a in rng.sample(apps, min(CORRECTED, len(apps)))]
        with batch(wf):
            for sheet_id in current:
                new = sheet_ops.correct(wf, sheet_id, "复核材料后更正").value
                sheet_ops.save_entries(wf, new.id, _marks(rubric, 0.6 + lean, rng))
                sheet_ops.submit(wf, new.id, statement_confirmed=True, signature_strokes=_STROKES,
                                 signature_png=_PNG)
        data, counts = packages.build_return(wf)
    finally:
        wf.close()
    return {"data": data, "counts": counts}


def build(folder: Path) -> dict:
    """Everything merged later, in `folder`; returns the manifest (also written as build.json)."""
    from hvp_desktop.exchange import packages
    from hvp_desktop.store.engine import WorkingFile

    manifest_path = folder / "build.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text("utf-8"))
        if (manifest.get("experts"), manifest.get("applications")) == (EXPERTS, APPLICATIONS):
            print(f"# reusing the build in {folder} (the setup figures are that build's)", flush=True)
            return manifest
    if folder.exists():  # an unfinished build: this script's own sub-folder, made again
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = random.Random(21)
    t0 = time.perf_counter()
    round_id, label = build_master(folder / "secretary.hvpdb")
    t1 = time.perf_counter()
    wf = WorkingFile.open(folder / "secretary.hvpdb", PASSWORD)
    try:
        prepared = packages.prepare_round(wf, round_id, folder / "out")
    finally:
        wf.close()
    assert len(prepared) == EXPERTS and all(p.applications == APPLICATIONS for p in prepared)
    t2 = time.perf_counter()
    experts_dir, returns_dir = folder / "experts", folder / "returns"
    experts_dir.mkdir()
    returns_dir.mkdir()
    unpack_s = score_s = 0.0
    paths, sheets = [], 0
    for p in prepared:
        path = experts_dir / f"expert-{p.expert_id}.hvpdb"
        t = time.perf_counter()
        packages.unpack(p.path.read_bytes(), p.passphrase, path, EXPERT_PASSWORD)
        unpack_s += time.perf_counter() - t
        t = time.perf_counter()
        done = score_expert_file(path, label, rng)
        score_s += time.perf_counter() - t
        assert done["counts"]["submitted"] == APPLICATIONS + min(CORRECTED, APPLICATIONS), done["counts"]
        sheets += done["counts"]["submitted"]
        out = returns_dir / f"return-{p.expert_id:03d}.hvpkg"
        out.write_bytes(done["data"])
        paths.append(out.name)
    t3 = time.perf_counter()
    manifest = {"experts": EXPERTS, "applications": APPLICATIONS, "returns": paths, "sheets": sheets,
                "return_bytes": sum((returns_dir / n).stat().st_size for n in paths),
                "setup": {"master": t1 - t0, "prepare": t2 - t1, "unpack": unpack_s, "score_and_return": score_s,
                          "total": t3 - t0}}
    manifest_path.write_text(json.dumps(manifest), "utf-8")
    return manifest


def fresh_chair(folder: Path, into: Path) -> Path:
    if into.exists():
        shutil.rmtree(into)
    into.mkdir(parents=True)
    for name in ("secretary.hvpdb", "secretary.hvpdb.head"):
        if (folder / name).exists():
            shutil.copyfile(folder / name, into / name)
    return into / "secretary.hvpdb"


def check(report, expect_sheets: int, *, again: bool) -> None:
    totals = report.totals()
    assert totals["refused_packages"] == 0 and totals["refused"] == 0 and totals["unknown"] == 0, report.as_json()
    if again:
        assert totals["merged"] == totals["superseded"] == 0 and totals["unchanged"] == expect_sheets, totals
        assert all(r.summary.status == "unchanged" for r in report.results), totals
    else:
        corrected = EXPERTS * min(CORRECTED, APPLICATIONS)
        assert totals["merged"] == expect_sheets - corrected and totals["superseded"] == corrected, totals


def main() -> int:
    from hvp_desktop.exchange import packages
    from hvp_desktop.store.engine import WorkingFile

    report = Report("merge_packages")
    cache = os.environ.get("BENCH_MERGE_CACHE")
    with scratch_dir("merge") as scratch:
        folder = (Path(cache) if cache else scratch) / f"build-{EXPERTS}x{APPLICATIONS}"
        manifest = build(folder)
        setup = manifest["setup"]
        report.seconds("setup_master", setup["master"], "s", 1)
        report.seconds("setup_prepare_packages", setup["prepare"], "s", 1)
        report.seconds("setup_unpack", setup["unpack"], "s", 1)
        report.seconds("setup_score_and_return", setup["score_and_return"], "s", 1)
        report.seconds("setup_total", setup["total"], "s", 1)
        report.figure("packages", EXPERTS, f"return packages of {APPLICATIONS} applications")
        report.figure("sheets", manifest["sheets"], "submitted sheets (revisions) in them")
        report.figure("return_bytes", round(manifest["return_bytes"] / 2**20, 2), "MiB in all")
        paths = [folder / "returns" / n for n in manifest["returns"]]
        first, again = [], []
        for n in range(RUNS):
            chair_path = fresh_chair(folder, scratch / f"chair-{n}")
            chair = WorkingFile.open(chair_path, PASSWORD)
            try:
                t = time.perf_counter()
                merged = packages.merge(chair, paths)
                first.append(time.perf_counter() - t)
                check(merged, manifest["sheets"], again=False)
                t = time.perf_counter()
                repeated = packages.merge(chair, paths)
                again.append(time.perf_counter() - t)
                check(repeated, manifest["sheets"], again=True)
            finally:
                chair.close()
            shutil.rmtree(chair_path.parent, ignore_errors=True)
            print(f"# run {n + 1}: merge {first[-1]:.3f} s, again {again[-1]:.3f} s", flush=True)
        mid = report.timings("merge", first, "s", show_max=True)
        mid_again = report.timings("again", again, "s", show_max=True)
        report.seconds("merge_per_package", mid / EXPERTS, "ms")
        report.seconds("again_per_package", mid_again / EXPERTS, "ms")
        if ISSUE_SIZE:
            report.target("merge_median", mid, TARGET_S, "s")
            report.target("again_median", mid_again, TARGET_S, "s")
        else:
            print(f"# not the issue's size ({EXPERTS} × {APPLICATIONS}): targets not judged "
                  f"(median {median(first):.3f} s)", flush=True)
    return report.finish()


if __name__ == "__main__":
    run_main(main)

"""A review panel between laptops, for the exchange tests: the secretary's file with one shortlisted
recognition round of six applications, a four-criterion rubric, five experts (the chair first), all
assigned, and the panel's root; and the experts' own files opened from their packages."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from hvp_desktop.domain.model import ConflictSource, SeatRole
from hvp_desktop.exchange import packages
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import expert_file, panel, sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, Expert
from hvp_desktop.store.ops import applications as app_ops
from hvp_desktop.store.ops import certificates as cert_ops
from hvp_desktop.store.ops import decisions as decision_ops
from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import sheets as sheet_ops
from tests.unit.store.bureau import shortlist_and_confirm
from tests.unit.store.scored_round import (
    PLACES,
    RECOGNITION_RUBRIC,
    SIGNATURE,
    YEAR,
    application,
    confirm_manual_checks,
    criteria,
)

PASSWORD = "secretary-pass-1"
EXPERT_PASSWORD = "expert-laptop-1"


@dataclass
class Panel:
    master: Path
    round_id: int
    experts: list[int]  # the chair first
    apps: list[int]
    label: str
    names: dict[int, str] = field(default_factory=dict)

    def open(self) -> WorkingFile:
        return WorkingFile.open(self.master, PASSWORD)


def build_master(path: Path) -> Panel:
    wf = WorkingFile.create(path, PASSWORD)
    try:
        app_ops.import_applications(wf, [(f"panel.xlsx:{n + 1}", application(n)) for n in range(1, 7)])
        with wf.session() as s:
            rows = list(s.scalars(select(Application).order_by(Application.id)))
            app_ids, round_id = [a.id for a in rows], rows[0].round_id
        confirm_manual_checks(wf, app_ids)
        decision_ops.set_places(wf, round_id, PLACES)
        shortlist_and_confirm(wf, round_id, date(YEAR, 6, 10))
        label = sheet_ops.store_rubric(wf, rubrics.from_dict(RECOGNITION_RUBRIC)).value
        sheet_ops.set_round_rubric(wf, round_id, label)
        names = {}
        experts = []
        for i, name in enumerate(("王组长", "李明", "张伟", "陈静", "刘洋")):
            expert = panel_ops.add_expert(wf, name, "测试大学", "教授").value
            panel_ops.seat(wf, round_id, expert, SeatRole.CHAIR if i == 0 else SeatRole.MEMBER)
            panel_ops.assign(wf, expert, app_ids)
            experts.append(expert)
            names[expert] = name
        cert_ops.create_panel_ca(wf, YEAR)
    finally:
        wf.close()
    return Panel(path, round_id, experts, app_ids, label, names)


def copy_panel(built: Panel, folder: Path) -> Panel:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "secretary.hvpdb"
    shutil.copyfile(built.master, path)
    head = built.master.with_name(built.master.name + ".head")
    if head.exists():
        shutil.copyfile(head, path.with_name(path.name + ".head"))
    return Panel(path, built.round_id, list(built.experts), list(built.apps), built.label, dict(built.names))


# -- on an expert's laptop ---------------------------------------------------------------------------
def my_apps(mine: WorkingFile) -> dict[str, int]:
    """Application UUID → local id of what the file's expert is assigned."""
    me = expert_file.expert_of(mine)
    with mine.session() as s:
        return {s.get(Application, a).uuid: a for a, _n, _st in panel.assignments_of(mine, me)}


def me(mine: WorkingFile) -> int:
    return expert_file.expert_of(mine)


def score(mine: WorkingFile, app: int, label: str, values, comment: str = "") -> None:
    sheet = sheet_ops.open_sheet(mine, me(mine), app, label).value
    sheet_ops.save_entries(mine, sheet.id, {c: (p, comment) for c, p in criteria(values).items()})
    sheet_ops.submit(mine, sheet.id, statement_confirmed=True, signature_strokes=SIGNATURE[0],
                     signature_png=SIGNATURE[1])


def draft(mine: WorkingFile, app: int, label: str, values) -> None:
    sheet = sheet_ops.open_sheet(mine, me(mine), app, label).value
    sheet_ops.save_entries(mine, sheet.id, {c: (p, "") for c, p in criteria(values).items()})


def correct(mine: WorkingFile, app: int, values, reason: str = "复核后更正") -> None:
    current = sheets.current_sheet(mine, me(mine), app)
    new = sheet_ops.correct(mine, current.id, reason).value
    sheet_ops.save_entries(mine, new.id, {c: (p, "") for c, p in criteria(values).items()})
    sheet_ops.submit(mine, new.id, statement_confirmed=True, signature_strokes=SIGNATURE[0],
                     signature_png=SIGNATURE[1])


def declare_conflict(mine: WorkingFile, app: int, reason: str = "曾为该企业提供咨询服务") -> None:
    panel_ops.record_conflict(mine, me(mine), app, ConflictSource.DECLARED, reason)


def totals_by_uuid(wf: WorkingFile) -> dict[tuple[str, str], Decimal]:
    """(application UUID, expert UUID) → total of the latest submitted revision."""
    from hvp_desktop.store.models import ScoreSheet

    out: dict[tuple[str, str], tuple[int, Decimal]] = {}
    with wf.session() as s:
        for sheet in s.scalars(select(ScoreSheet).where(ScoreSheet.status == "submitted")):
            key = (s.get(Application, sheet.application_id).uuid, s.get(Expert, sheet.expert_id).uuid)
            total = sum((e.points for e in sheet.entries), Decimal(0))
            if key not in out or out[key][0] < sheet.revision:
                out[key] = (sheet.revision, total)
    return {k: v[1] for k, v in out.items()}


def unpack_all(prepared, folder: Path) -> dict[int, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for p in prepared:
        path = folder / f"expert-{p.expert_id}.hvpdb"
        packages.unpack(p.path.read_bytes(), p.passphrase, path, EXPERT_PASSWORD)
        out[p.expert_id] = path
    return out

"""An expert's own working file, for their laptop (blind scoring): only the applications assigned
to them, the round's rubric, their own seat and their own sheets — no other expert's scores, and
nothing of the applications they declared a conflict with.

The copy keeps the master's ids so that a later exchange package (see DESIGN.md) can bring the
sheets back to the secretary's file. The file is locked to the expert: the scoring panel offers
no other expert.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert, select

from hvp_desktop.store.audit import AuditLog
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import (
    Application,
    Assignment,
    CoApplicantRow,
    Enterprise,
    Expert,
    Meta,
    PanelSeat,
    Round,
    ScoreEntry,
    ScoreSheet,
    StoredRubric,
)

EXPERT_OF_FILE = "expert_of_this_file"  # meta key: the expert this file belongs to


def expert_of(wf: WorkingFile) -> int | None:
    with wf.session() as s:
        row = s.get(Meta, EXPERT_OF_FILE)
        return int(row.value) if row else None


def write_expert_file(master: WorkingFile, expert_id: int, path: str | Path, password: str) -> dict[str, int]:
    """Create the expert's file at `path` under its own password; returns how many rows of each
    table it holds. Rows are copied table by table, in foreign-key order, with their ids."""
    with master.session() as s:
        if s.get(Expert, expert_id) is None:
            raise ValueError(f"没有编号为{expert_id}的专家")
        app_ids = list(s.scalars(select(Assignment.application_id).where(Assignment.expert_id == expert_id)))
        apps = select(Application).where(Application.id.in_(app_ids))
        round_ids = {a.round_id for a in s.scalars(apps)}
        labels = {r.rubric_version for r in s.scalars(select(Round).where(Round.id.in_(round_ids)))
                  if r.rubric_version}
        # only what the expert still scores: a conflicted application is neither assigned nor copied
        sheet_ids = list(s.scalars(select(ScoreSheet.id).where(ScoreSheet.expert_id == expert_id,
                                                               ScoreSheet.application_id.in_(app_ids))))
        wanted = [
            (Round, Round.id.in_(round_ids)),
            (Enterprise, Enterprise.id.in_(select(Application.enterprise_id).where(Application.id.in_(app_ids)))),
            (Application, Application.id.in_(app_ids)),
            (CoApplicantRow, CoApplicantRow.application_id.in_(app_ids)),
            (Expert, Expert.id == expert_id),
            (PanelSeat, (PanelSeat.expert_id == expert_id) & PanelSeat.round_id.in_(round_ids)),
            (Assignment, Assignment.expert_id == expert_id),
            (StoredRubric, StoredRubric.label.in_(labels)),
            (ScoreSheet, ScoreSheet.id.in_(sheet_ids)),
            (ScoreEntry, ScoreEntry.sheet_id.in_(sheet_ids)),
        ]
        copied = {model.__tablename__: [dict(row) for row in s.execute(select(model.__table__).where(where)).mappings()]
                  for model, where in wanted}
    for row in copied[Application.__tablename__]:
        row["assesses_application_id"] = None  # the assessed centre's own application stays on the master
    target = WorkingFile.create(path, password)
    try:
        with target.session(write=True) as t:
            for model, _where in wanted:
                if copied[model.__tablename__]:
                    t.execute(insert(model.__table__), copied[model.__tablename__])
            t.add(Meta(key=EXPERT_OF_FILE, value=str(expert_id)))
            AuditLog(t).append("expert_file.created", "expert", expert_id,
                               {"applications": sorted(app_ids), "sheets": sheet_ids})
    except Exception:
        target.close()
        for leftover in (Path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    target.close()
    return {name: len(rows) for name, rows in copied.items()}

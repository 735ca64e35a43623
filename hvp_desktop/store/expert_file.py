"""An expert's own working file, for their laptop (blind scoring): only the applications assigned
to them (and the declared figures of the centres they assess), the round's rubric, their own seat
and their own sheets, their own signing key and the panel's root certificate (issue 20) — no other
expert's scores or keys, nothing of the applications they stepped aside
from.

The copy is a plain snapshot (`copies.snapshot`) installed by one operation (`ops.copies.install`)
that keeps every record's UUID and checks what it installs; the file then belongs to the expert:
its operations act for them only.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import or_, select

from hvp_desktop.domain.rules import InvalidInput
from hvp_desktop.store import copies
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import (
    Application,
    Assignment,
    Attachment,
    BlobChunk,
    CoApplicantRow,
    Enterprise,
    Expert,
    Finding,
    PanelRoot,
    PanelSeat,
    Round,
    ScoreEntry,
    ScoreSheet,
    SigningIdentity,
    StoredChecklist,
    StoredRubric,
    Visit,
)
from hvp_desktop.store.ops import copies as copy_ops
from hvp_desktop.store.ops.core import EXPERT_OF_FILE


def expert_of(wf: WorkingFile) -> int | None:
    """The local id of the expert this file belongs to, or None for a secretary's file."""
    owner = wf.meta_value(EXPERT_OF_FILE)
    if owner is None:
        return None
    with wf.session() as s:
        return s.scalar(select(Expert.id).where(Expert.uuid == owner))


def expert_snapshot(master: WorkingFile, expert_id: int, round_id: int | None = None) -> copies.Snapshot:
    """What an expert's file holds, read from the master in one transaction: every round they are
    assigned in, or only `round_id`'s applications (an expert package, issue 21)."""
    with master.session() as s:
        expert = s.get(Expert, expert_id)
        if expert is None:
            raise InvalidInput(f"没有编号为{expert_id}的专家", f"no expert with id {expert_id}")
        if round_id is not None and s.get(Round, round_id) is None:
            raise InvalidInput(f"没有编号为{round_id}的轮次", f"no round with id {round_id}")
        # only what the expert still scores: a conflicted application is neither assigned nor copied
        assigned = select(Assignment.application_id).where(Assignment.expert_id == expert_id)
        if round_id is not None:
            assigned = assigned.join(Application, Application.id == Assignment.application_id).where(
                Application.round_id == round_id)
        centres = select(Application.assesses_application_id).where(Application.id.in_(assigned))
        # the centre's earlier assessments too: a re-assessment starts from their visits (issue 19)
        earlier = Application.assesses_application_id.in_(
            select(Application.assesses_application_id).where(Application.id.in_(assigned)))
        apps = or_(Application.id.in_(assigned), Application.id.in_(centres), earlier)
        rounds = select(Application.round_id).where(apps)
        labels = select(Round.rubric_version).where(Round.id.in_(rounds))
        sheets = select(ScoreSheet.id).where(ScoreSheet.expert_id == expert_id, ScoreSheet.application_id.in_(assigned))
        # the expert's own visits, and the earlier ones a re-assessment continues; the documents of
        # their applications and the evidence of those visits (issue 19: they travel with the file)
        shown = or_((Visit.expert_id == expert_id) & Visit.application_id.in_(assigned),
                    Visit.application_id.in_(select(Application.id).where(earlier).where(Application.id.not_in(assigned))))
        # and the visit each of those continues (a re-assessment's rectification_of), wherever it is
        visits = select(Visit.id).where(or_(shown, Visit.id.in_(select(Visit.rectification_of).where(shown))))
        files = or_((Attachment.kind == "document") & Attachment.application_id.in_(select(Application.id).where(apps)),
                    Attachment.visit_id.in_(visits))
        snap = copies.snapshot(s, [
            (Round, Round.id.in_(rounds)),
            (Enterprise, Enterprise.id.in_(select(Application.enterprise_id).where(apps))),
            (Application, apps),
            (CoApplicantRow, CoApplicantRow.application_id.in_(select(Application.id).where(apps))),
            (Expert, (Expert.id == expert_id) | Expert.id.in_(select(Visit.expert_id).where(Visit.id.in_(visits)))),
            (PanelSeat, (PanelSeat.expert_id == expert_id) & PanelSeat.round_id.in_(rounds)),
            (Assignment, (Assignment.expert_id == expert_id) & Assignment.application_id.in_(assigned)),
            (StoredRubric, StoredRubric.label.in_(labels)),
            (ScoreSheet, ScoreSheet.id.in_(sheets)),
            (ScoreEntry, ScoreEntry.sheet_id.in_(sheets)),
            (StoredChecklist, StoredChecklist.label.in_(select(Round.checklist_version).where(Round.id.in_(rounds)))
             | StoredChecklist.label.in_(select(Visit.checklist_label).where(Visit.id.in_(visits)))),
            (Visit, Visit.id.in_(visits)),
            (Finding, Finding.visit_id.in_(visits)),
            (Attachment, files),
            (BlobChunk, BlobChunk.digest.in_(select(Attachment.sha256).where(files))),
            # issue 20: the panel's root certificate (never its key, a table of its own that stays in
            # the master) and this expert's own signing identities, so that they sign on their laptop
            (PanelRoot, PanelRoot.id.is_not(None)),
            (SigningIdentity, SigningIdentity.expert_id == expert_id),
        ], owner=expert.uuid)
    # Blind scoring (issue 18): no outcome of other reviews travels — the state an application
    # reached (shortlisted, selected, passed …) and the third party's preliminary score stay in the
    # master. The copy is as the application stood before any decision, as its (empty) history says.
    return copies.withhold_outcomes(snap)


def write_expert_file(master: WorkingFile, expert_id: int, path: str | Path, password: str) -> dict[str, int]:
    """Create the expert's file at `path` under its own password, at the office (`expert-file`; an
    expert package does the same on the expert's laptop, issue 21); returns how many records of
    each table it holds. The file knows the panel's exchange key, so its expert returns their work
    in a return package like everyone else. A failure leaves no file behind."""
    from hvp_desktop.store.ops import packages as package_ops

    panel_key = package_ops.ensure_exchange_key(master).value  # so that the expert can return their work
    snap = expert_snapshot(master, expert_id)
    target = WorkingFile.create(path, password)
    try:
        copy_ops.install(target, snap)
        package_ops.remember_panel_key(target, panel_key)
    except BaseException:
        target.close()
        for leftover in (Path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    target.close()
    return {table: len(rows) for table, rows in snap.tables.items()}

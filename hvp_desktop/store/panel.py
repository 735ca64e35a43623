"""Who scores what, read side (issue 4): the sheets overview of a round, who may be assigned,
each expert's assignments, a round's panel. The changes are operations in `store/ops/panel.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from hvp_desktop.domain.model import RoundKind, SheetStatus
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, Assignment, Conflict, Expert, PanelSeat, Round, ScoreSheet


class SheetState:
    NOT_ASSIGNED = "not_assigned"
    NOT_STARTED = "not_started"
    DRAFT = SheetStatus.DRAFT.value
    SUBMITTED = SheetStatus.SUBMITTED.value
    CONFLICTED = "conflicted"


@dataclass(frozen=True)
class Matrix:
    """The sheets overview of one round: experts × applications → SheetState."""

    experts: list[tuple[int, str, str]]  # (id, name, role)
    applications: list[tuple[int, str]]  # (id, enterprise name)
    cells: dict[tuple[int, int], str]  # (expert id, application id) → state

    def missing(self) -> list[tuple[int, int]]:
        """Assigned pairs without a submitted sheet: who the chair is still waiting for."""
        return [key for key, state in self.cells.items() if state in (SheetState.NOT_STARTED, SheetState.DRAFT)]


def sheet_matrix(wf: WorkingFile, round_id: int) -> Matrix:
    with wf.session() as s:
        return matrix_in(s, round_id)


def matrix_in(s, round_id: int) -> Matrix:
    if True:
        seats = list(s.execute(select(Expert.id, Expert.name, PanelSeat.role).join(
            PanelSeat, PanelSeat.expert_id == Expert.id).where(PanelSeat.round_id == round_id)
            .order_by(PanelSeat.role, Expert.name)))
        apps = list(s.execute(select(Application.id, Application.enterprise_name)
                              .where(Application.round_id == round_id).order_by(Application.enterprise_name)))
        in_round = select(Application.id).where(Application.round_id == round_id)
        # Plain column tuples, not ORM objects: a round of 1,000 × 9 loads in a few tens of ms.
        assigned = set(map(tuple, s.execute(select(Assignment.expert_id, Assignment.application_id)
                                 .where(Assignment.application_id.in_(in_round)))))
        conflicts = set(map(tuple, s.execute(select(Conflict.expert_id, Conflict.application_id)
                                  .where(Conflict.application_id.in_(in_round)))))
        latest: dict[tuple[int, int], str] = {}
        for expert_id, app_id, status in s.execute(
                select(ScoreSheet.expert_id, ScoreSheet.application_id, ScoreSheet.status)
                .where(ScoreSheet.application_id.in_(in_round)).order_by(ScoreSheet.revision)):
            latest[(expert_id, app_id)] = status
        app_ids = [a[0] for a in apps]
        cells = {}
        for expert_id, _name, _role in seats:
            for app_id in app_ids:
                key = (expert_id, app_id)
                if key in conflicts:
                    cells[key] = SheetState.CONFLICTED
                elif key in latest:
                    cells[key] = latest[key]
                elif key in assigned:
                    cells[key] = SheetState.NOT_STARTED
                else:
                    cells[key] = SheetState.NOT_ASSIGNED
        return Matrix([(e, n, r) for e, n, r in seats], [(a, n) for a, n in apps], cells)


# Who a recognition round's panel scores: the shortlisted (and those decided after them).
_UNDER_REVIEW = ("shortlisted", "selected", "not_selected", "recognised", "y1_passed", "rectifying", "accepted")


def assignable(wf: WorkingFile, round_id: int) -> list[tuple[int, str]]:
    """(id, enterprise name) of the rows a round's experts may be assigned to: the shortlisted of a
    recognition round, every row (centre) of an assessment round."""
    with wf.session() as s:
        query = select(Application.id, Application.enterprise_name).where(Application.round_id == round_id)
        if s.get(Round, round_id).kind == RoundKind.RECOGNITION:
            query = query.where(Application.state.in_(_UNDER_REVIEW))
        return [(i, n) for i, n in s.execute(query.order_by(Application.enterprise_name))]


def panel_experts(wf: WorkingFile) -> list[tuple[int, str]]:
    """Every expert who sits on some panel, by name."""
    with wf.session() as s:
        rows = s.execute(select(Expert.id, Expert.name).where(
            Expert.id.in_(select(PanelSeat.expert_id))).order_by(Expert.name))
        return [(i, n) for i, n in rows]


def assignments_of(wf: WorkingFile, expert_id: int) -> list[tuple[int, str, str]]:
    """(application id, enterprise name, sheet state) of what this expert scores: their own only."""
    with wf.session() as s:
        apps = list(s.execute(select(Application.id, Application.enterprise_name, Application.round_id)
                              .join(Assignment, Assignment.application_id == Application.id)
                              .where(Assignment.expert_id == expert_id).order_by(Application.enterprise_name)))
    out = []
    for app_id, name, round_id in apps:
        state = sheet_matrix(wf, round_id).cells.get((expert_id, app_id), SheetState.NOT_STARTED)
        out.append((app_id, name, state))
    return out


@dataclass(frozen=True)
class PanelMember:
    expert_id: int
    name: str
    organisation: str | None
    title: str | None
    role: str | None  # "chair" | "member" | None (not on this round's panel)


def round_panel(wf: WorkingFile, round_id: int) -> list[PanelMember]:
    """Every expert of the file, with their seat on this round's panel if any."""
    with wf.session() as s:
        roles = {p.expert_id: p.role for p in s.scalars(select(PanelSeat).where(PanelSeat.round_id == round_id))}
        return [PanelMember(e.id, e.name, e.organisation, e.title, roles.get(e.id))
                for e in s.scalars(select(Expert).order_by(Expert.name))]

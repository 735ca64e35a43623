"""Who scores what (issue 4): experts, their seats on a round's panel, assignments to
applications, and conflicts of interest. A conflicted expert gets no sheet for that application
(and the ranking leaves such a sheet out).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from hvp_desktop.domain.model import ConflictSource, RoundKind, SeatRole, SheetStatus
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store.audit import AuditLog
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, Assignment, Conflict, Expert, PanelSeat, Round, ScoreSheet
from hvp_desktop.store.operations import Changes
from hvp_desktop.store.round_lock import refuse_if_application_locked, refuse_if_locked

CONFLICT_RULE = "回避"  # not an R-rule of the work plan: the panel's own conflict-of-interest duty


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def add_expert(wf: WorkingFile, name: str, organisation: str | None = None, title: str | None = None,
               field: str | None = None, phone: str | None = None) -> int:
    if not name.strip():
        raise ValueError("专家姓名不能为空")
    with wf.session(write=True) as s:
        expert = Expert(name=name.strip(), organisation=organisation, title=title, field=field, phone=phone)
        s.add(expert)
        s.flush()
        AuditLog(s).append("expert.added", "expert", expert.id,
                           {"name": expert.name, "organisation": organisation, "title": title, "field": field})
        return expert.id


def seat(wf: WorkingFile, round_id: int, expert_id: int, role: SeatRole = SeatRole.MEMBER) -> None:
    """Put an expert on a round's panel; a round has one chair."""
    with wf.session(write=True) as s:
        refuse_if_locked(s, round_id)
        if role == SeatRole.CHAIR:
            chair = s.scalar(select(PanelSeat).where(PanelSeat.round_id == round_id,
                                                     PanelSeat.role == SeatRole.CHAIR.value,
                                                     PanelSeat.expert_id != expert_id))
            if chair is not None:
                raise ValueError("本轮已有组长")
        existing = s.scalar(select(PanelSeat).where(PanelSeat.round_id == round_id, PanelSeat.expert_id == expert_id))
        if existing is None:
            s.add(PanelSeat(round_id=round_id, expert_id=expert_id, role=SeatRole(role).value))
        else:
            existing.role = SeatRole(role).value
        AuditLog(s).append("panel.seat", "round", round_id, {"expert": expert_id, "role": SeatRole(role)})


def _conflicted(s, expert_id: int, application_id: int) -> Conflict | None:
    return s.scalar(select(Conflict).where(Conflict.expert_id == expert_id, Conflict.application_id == application_id))


def assign(wf: WorkingFile, expert_id: int, application_ids: Iterable[int]) -> Changes:
    """Assign an expert to applications of rounds they sit on; a conflict refuses the pair."""
    ids = list(application_ids)
    with wf.session(write=True) as s:
        audit = AuditLog(s)
        for app_id in ids:
            app = s.get(Application, app_id)
            if app is None:
                raise ValueError(f"没有编号为{app_id}的申报")
            refuse_if_locked(s, app.round_id)
            if s.scalar(select(PanelSeat).where(PanelSeat.round_id == app.round_id,
                                                PanelSeat.expert_id == expert_id)) is None:
                raise ValueError("专家不在该轮次的专家组中")
            conflict = _conflicted(s, expert_id, app_id)
            if conflict is not None:
                raise RuleViolation(CONFLICT_RULE, f"专家与{app.enterprise_name}存在利益冲突（{conflict.reason}），不能分配")
            if s.scalar(select(Assignment).where(Assignment.expert_id == expert_id,
                                                 Assignment.application_id == app_id)) is None:
                s.add(Assignment(expert_id=expert_id, application_id=app_id))
                audit.append("panel.assigned", "application", app_id, {"expert": expert_id})
    return Changes(applications=frozenset(ids))


def record_conflict(wf: WorkingFile, expert_id: int, application_id: int, source: ConflictSource,
                    reason: str) -> Changes:
    """A conflict of interest, declared by the expert or recorded by the secretary, with its reason.

    The assignment goes (the expert no longer scores it); a draft sheet stays in the file for the
    record but is marked out by the conflict, and the ranking leaves it out.
    """
    if not reason or not reason.strip():
        raise RuleViolation(CONFLICT_RULE, "利益冲突须写明原因")
    with wf.session(write=True) as s:
        refuse_if_application_locked(s, application_id)
        if _conflicted(s, expert_id, application_id) is not None:
            raise ValueError("该利益冲突已经登记")
        s.add(Conflict(expert_id=expert_id, application_id=application_id, source=ConflictSource(source).value,
                       reason=reason.strip(), recorded_at=_now()))
        for assignment in s.scalars(select(Assignment).where(Assignment.expert_id == expert_id,
                                                             Assignment.application_id == application_id)):
            s.delete(assignment)
        AuditLog(s).append("panel.conflict", "application", application_id,
                           {"expert": expert_id, "source": ConflictSource(source), "reason": reason.strip()})
    return Changes(applications=frozenset({application_id}))


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

"""Operations on who scores what (issue 4): experts, their seats on a round's panel, assignments
to applications, and conflicts of interest (回避): a conflicted expert gets no sheet for that
application, and the ranking leaves such a sheet out."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from hvp_desktop.domain.model import ConflictSource, SeatRole
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.store.models import Application, Assignment, Conflict, Expert, PanelSeat
from hvp_desktop.store.ops.core import Tx, now, operation
from hvp_desktop.store.sheets import conflict_of


@operation()
def add_expert(tx: Tx, name: str, organisation: str | None = None, title: str | None = None,
               field: str | None = None, phone: str | None = None) -> int:
    """A new expert in the file's roster; the value is their id."""
    if not name or not name.strip():
        raise InvalidInput("专家姓名不能为空", "The expert's name is empty.")
    expert = Expert(name=name.strip(), organisation=organisation, title=title, field=field, phone=phone)
    tx.s.add(expert)
    tx.s.flush()
    tx.log("expert.added", "expert", expert.uuid,
           {"name": expert.name, "organisation": organisation, "title": title, "field": field, "phone": phone})
    tx.touch(experts={expert.id})
    return expert.id


@operation()
def seat(tx: Tx, round_id: int, expert_id: int, role: SeatRole = SeatRole.MEMBER) -> None:
    """Put an expert on a round's panel (组员, or 组长: one per round)."""
    tx.refuse_if_locked(round_id)
    role = SeatRole(role)
    if role == SeatRole.CHAIR:
        chair = tx.s.scalar(select(PanelSeat).where(PanelSeat.round_id == round_id,
                                                    PanelSeat.role == SeatRole.CHAIR.value,
                                                    PanelSeat.expert_id != expert_id))
        if chair is not None:
            raise InvalidInput("本轮专家组已有组长", "The round's panel already has a chair.")
    existing = tx.s.scalar(select(PanelSeat).where(PanelSeat.round_id == round_id, PanelSeat.expert_id == expert_id))
    if existing is not None and existing.role == role.value:
        return
    if existing is None:
        existing = PanelSeat(round_id=round_id, expert_id=expert_id, role=role.value)
        tx.s.add(existing)
    else:
        existing.role = role.value
    tx.s.flush()
    tx.log("panel.seat", "round", round_id,
           {"seat": existing.uuid, "expert": tx.s.get(Expert, expert_id).uuid, "role": role})
    tx.touch(seats={round_id}, rounds={round_id}, experts={expert_id})


def refuse_conflicted_assignment(tx: Tx, expert_id: int, app: Application) -> None:
    conflict = conflict_of(tx.s, expert_id, app.id)
    if conflict is not None:
        raise RuleViolation("COI", f"专家与{app.enterprise_name}存在利害关系（{conflict.reason}），已回避，不能分配",
                            f"The expert stepped aside from {app.enterprise_name} ({conflict.reason}): "
                            "they cannot be assigned.")


@operation()
def assign(tx: Tx, expert_id: int, application_ids: Iterable[int]) -> None:
    """Assign an expert to applications of rounds they sit on; a conflict refuses the pair."""
    expert = tx.s.get(Expert, expert_id)
    for app_id in list(application_ids):
        app = tx.s.get(Application, app_id)
        if app is None or expert is None:
            raise InvalidInput(f"没有编号为{app_id}的申报", f"no application with id {app_id}")
        tx.refuse_if_locked(app.round_id)
        if tx.s.scalar(select(PanelSeat.id).where(PanelSeat.round_id == app.round_id,
                                                  PanelSeat.expert_id == expert_id)) is None:
            raise InvalidInput("专家不在该轮次的专家组中", "The expert is not on this round's panel.")
        refuse_conflicted_assignment(tx, expert_id, app)
        if tx.s.scalar(select(Assignment.id).where(Assignment.expert_id == expert_id,
                                                   Assignment.application_id == app_id)) is None:
            row = Assignment(expert_id=expert_id, application_id=app_id)
            tx.s.add(row)
            tx.s.flush()
            tx.log("panel.assigned", "application", app_id,
                   {"assignment": row.uuid, "expert": expert.uuid, "application": app.uuid})
            tx.touch(assignments={app_id}, applications={app_id})


@operation(expert_file=True)
def record_conflict(tx: Tx, expert_id: int, application_id: int, source: ConflictSource, reason: str) -> None:
    """A conflict of interest, declared by the expert (申请回避) or recorded by the secretary, with
    its reason. The assignment goes; a draft sheet stays for the record but no longer counts."""
    source = ConflictSource(source)
    if source == ConflictSource.DECLARED or tx.owner is not None:
        tx.act_as_expert(expert_id)
    if not reason or not reason.strip():
        raise RuleViolation("COI", "申请回避须写明原因", "Stepping aside needs a written reason.")
    app = tx.s.get(Application, application_id)
    if app is None:
        raise InvalidInput(f"没有编号为{application_id}的申报", f"no application with id {application_id}")
    tx.refuse_if_locked(app.round_id)
    if conflict_of(tx.s, expert_id, application_id) is not None:
        raise RuleViolation("COI", "该回避已经登记", "This conflict is already recorded.")
    row = Conflict(expert_id=expert_id, application_id=application_id, source=source.value,
                   reason=reason.strip(), recorded_at=now())
    tx.s.add(row)
    for assignment in tx.s.scalars(select(Assignment).where(Assignment.expert_id == expert_id,
                                                            Assignment.application_id == application_id)):
        tx.s.delete(assignment)
    tx.s.flush()
    tx.log("panel.conflict", "application", application_id,
           {"conflict": row.uuid, "expert": tx.s.get(Expert, expert_id).uuid, "application": app.uuid,
            "source": source, "reason": reason.strip()})
    tx.touch(conflicts={application_id}, assignments={application_id}, applications={application_id})

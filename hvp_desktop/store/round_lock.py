"""A round the chair has consolidated is locked (issue 5): its sheets, conflicts, ranking settings,
flag explanations and tie decision cannot change until the chair reopens it with a reason."""

from __future__ import annotations

from sqlalchemy import select

from hvp_desktop.domain.model import RoundKind
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store.models import Application, Consolidation, Round


def locked(s, round_id: int) -> Consolidation | None:
    """The round's standing consolidation, if the chair has locked it."""
    return s.scalar(select(Consolidation).where(Consolidation.round_id == round_id,
                                                Consolidation.reopened_at.is_(None)))


def refuse_if_locked(s, round_id: int) -> None:
    lock = locked(s, round_id)
    if lock is not None:
        rule = "R16" if s.get(Round, round_id).kind == RoundKind.RECOGNITION else "R17"
        raise RuleViolation(rule, f"本轮评审结果已于{lock.decided_on}由组长汇总锁定；须先重新开放（写明理由）才能修改")


def refuse_if_application_locked(s, application_id: int) -> None:
    app = s.get(Application, application_id)
    if app is not None:
        refuse_if_locked(s, app.round_id)


def lock_date_of_application(wf, application_id: int):
    """The date the application's round was consolidated, or None while it is open (for views)."""
    with wf.session() as s:
        app = s.get(Application, application_id)
        lock = locked(s, app.round_id) if app is not None else None
        return lock.decided_on if lock is not None else None

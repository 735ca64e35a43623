"""A round the chair has confirmed (consolidated) is locked (issue 5): its sheets, conflicts,
ranking settings, flag explanations and tie decision cannot change until the chair withdraws the
confirmation with a reason. The guard itself is `Tx.refuse_if_locked`, the one path of every
operation; this module answers the question for views."""

from __future__ import annotations

from sqlalchemy import select

from hvp_desktop.store.models import Application, Consolidation


def locked(s, round_id: int) -> Consolidation | None:
    """The round's standing consolidation, if the chair has confirmed its result."""
    return s.scalar(select(Consolidation).where(Consolidation.round_id == round_id,
                                                Consolidation.reopened_at.is_(None)))


def lock_date_of_application(wf, application_id: int):
    """The date the application's round was confirmed, or None while it is open (for views)."""
    with wf.session() as s:
        app = s.get(Application, application_id)
        lock = locked(s, app.round_id) if app is not None else None
        return lock.decided_on if lock is not None else None

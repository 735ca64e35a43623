"""The one path every change to a working file takes (see `ops/__init__.py`).

`@operation` turns `fn(tx, ...)` into `fn(wf, ...) -> Changes`: it opens one write transaction
(BEGIN IMMEDIATE), refuses what an expert's own file may not do, gives the function a `Tx` that
carries the audit chain (with who is acting), the round-lock guard and the record of what was
touched, and returns the `Changes`. Anything raised rolls the transaction back: a refusal leaves
the file as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from functools import wraps
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hvp_desktop.domain.model import RoundKind, SeatRole
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import heads, replay
from hvp_desktop.store.audit import Actor, AuditLog
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, Expert, Meta, PanelSeat, Round
from hvp_desktop.store.round_lock import locked

DEVICE_ID = "device_id"  # meta: this working file's own id (schema 6)
EXPERT_OF_FILE = "expert_of_this_file"  # meta: the UUID of the expert an expert's file belongs to
SECRETARY_NAME = "secretary_name"  # meta: who keeps this file, named in its audit events


class Cancelled(Exception):
    """The user cancelled; the transaction was rolled back and nothing was written."""


@dataclass(frozen=True)
class Changes:
    """What one operation touched, by local id, so each panel refreshes only what concerns it.
    `value` is what the operation made or found (a sheet, a new id, an import's counts)."""

    applications: frozenset[int] = frozenset()
    sheets: frozenset[int] = frozenset()
    rounds: frozenset[int] = frozenset()
    experts: frozenset[int] = frozenset()
    seats: frozenset[int] = frozenset()  # rounds whose panel changed
    assignments: frozenset[int] = frozenset()  # applications whose experts changed
    conflicts: frozenset[int] = frozenset()  # applications with a new conflict
    rubrics: frozenset[str] = frozenset()  # labels
    calendar: frozenset[int] = frozenset()  # years
    decisions: frozenset[int] = frozenset()  # applications with a new lifecycle decision
    settings: frozenset[int] = frozenset()  # rounds whose ranking settings, places or rubric changed
    ranking: frozenset[int] = frozenset()  # rounds with a new explanation, tie decision or lock
    register: frozenset[str] = frozenset()  # credit codes: the R3 register and R4/R21 bans
    mappings: frozenset[str] = frozenset()  # remembered import headers
    visits: frozenset[int] = frozenset()  # applications whose on-site visits or findings changed
    documents: frozenset[int] = frozenset()  # applications whose attached documents changed
    value: Any = field(default=None, compare=False)

    KINDS = ("applications", "sheets", "rounds", "experts", "seats", "assignments", "conflicts", "rubrics",
             "calendar", "decisions", "settings", "ranking", "register", "mappings", "visits", "documents")

    def __bool__(self) -> bool:
        return any(getattr(self, k) for k in self.KINDS)

    def __or__(self, other: Changes) -> Changes:
        return replace(self, **{k: getattr(self, k) | getattr(other, k) for k in self.KINDS})

    def concerns(self, *kinds: str) -> bool:
        return any(getattr(self, k) for k in kinds)

    def describe(self) -> dict[str, list]:
        return {k: sorted(getattr(self, k)) for k in self.KINDS if getattr(self, k)}


assert set(Changes.KINDS) == {f.name for f in fields(Changes)} - {"value"}


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Tx:
    """One operation's unit of work: the session, the audit chain, the guards, what was touched."""

    def __init__(self, session: Session, wf: WorkingFile, role: str, *, within: Tx | None = None) -> None:
        self.s = session
        self.wf = wf
        if within is None:
            self.device = _meta(session, DEVICE_ID) or ""
            self.owner = _meta(session, EXPERT_OF_FILE)  # an expert's own file: their UUID
            self.secretary = _meta(session, SECRETARY_NAME) or ""
            self.audit = AuditLog(session)
            replay.track(session)
        else:  # an operation composed into a batch: the same transaction and chain
            self.device, self.owner, self.secretary, self.audit = within.device, within.owner, within.secretary, \
                within.audit
        self.audit.actor = Actor(self.device, role, self.secretary, self.secretary)
        self._touched: dict[str, set] = {}

    # -- who acts ---------------------------------------------------------------------------
    def act_as_expert(self, expert_id: int) -> Expert:
        """The change is the expert's own (their sheet, their declaration). In an expert's file
        only that expert may act."""
        expert = self.s.get(Expert, expert_id)
        if expert is None:
            raise RuleViolation("FILE", f"没有编号为{expert_id}的专家", f"no expert with id {expert_id}")
        if self.owner is not None and expert.uuid != self.owner:
            raise RuleViolation("FILE", "这是另一位专家的工作文件，不能代其评分",
                                "This is another expert's working file: you cannot score for them.")
        self.audit.actor = Actor(self.device, "expert", expert.uuid, expert.name)
        return expert

    def act_as_chair(self, round_id: int) -> None:
        chair = self.s.scalar(select(Expert).join(PanelSeat, PanelSeat.expert_id == Expert.id).where(
            PanelSeat.round_id == round_id, PanelSeat.role == SeatRole.CHAIR.value))
        self.audit.actor = Actor(self.device, "chair", chair.uuid if chair else "", chair.name if chair else "")

    # -- guards -----------------------------------------------------------------------------
    def refuse_if_locked(self, round_id: int) -> None:
        lock = locked(self.s, round_id)
        if lock is not None:
            rnd = self.s.get(Round, round_id)
            rule = "R16" if rnd.kind == RoundKind.RECOGNITION else "R17"
            raise RuleViolation(
                rule, f"本轮评审结果已于{lock.decided_on}确认；须先撤回确认（写明理由）才能修改",
                f"The round's result was confirmed on {lock.decided_on}; withdraw the confirmation "
                f"(with a reason) before changing it.")

    def refuse_if_application_locked(self, application_id: int) -> None:
        app = self.s.get(Application, application_id)
        if app is not None:
            self.refuse_if_locked(app.round_id)

    # -- record -----------------------------------------------------------------------------
    def log(self, action: str, entity: str, entity_id=None, payload: dict | None = None) -> None:
        self.audit.append(action, entity, entity_id, payload)

    def touch(self, **kinds) -> None:
        for kind, ids in kinds.items():
            if kind not in Changes.KINDS:
                raise TypeError(f"unknown kind of change: {kind}")
            self._touched.setdefault(kind, set()).update(ids)

    def changes(self, value=None) -> Changes:
        return Changes(**{k: frozenset(v) for k, v in self._touched.items()}, value=value)


def _meta(s: Session, key: str) -> str | None:
    row = s.get(Meta, key)
    return row.value if row is not None else None


_batches = threading.local()  # the batch open on this thread, per working file


@contextmanager
def batch(wf: WorkingFile) -> Iterator[Tx]:
    """Compose several operations into one transaction: each still applies its own guards and
    writes its own audit event, and a refusal anywhere leaves the file as it was before the batch.
    For actions made of many steps (building the demo year, a package's merge). Reads through
    query functions do not see the batch's writes until it ends: read first, then write."""
    open_ = getattr(_batches, "open", {})
    if id(wf) in open_:
        yield open_[id(wf)]
        return
    with wf.session(write=True) as s:
        tx = Tx(s, wf, "secretary")
        _batches.open = {**open_, id(wf): tx}
        try:
            yield tx
            replay.log_rows(s, tx.audit)
        finally:
            _batches.open = open_
    heads.record(wf, tx.audit.head)


def operation(*, role: str = "secretary", expert_file: bool = False) -> Callable:
    """Make `fn(tx, *args)` an operation on a working file: `fn(wf, *args) -> Changes`.

    `role` is who does it (an operation that acts for an expert or the chair says so through
    `tx.act_as_*`); `expert_file=False` refuses it in an expert's own file (blind scoring: that
    file holds the expert's sheets, nothing of the secretariat's work).
    """

    def wrap(fn: Callable) -> Callable:
        @wraps(fn)
        def run(wf: WorkingFile, *args, **kwargs) -> Changes:
            outer = getattr(_batches, "open", {}).get(id(wf))
            if outer is not None:
                return _apply(Tx(outer.s, wf, role, within=outer), args, kwargs)
            with wf.session(write=True) as s:
                tx = Tx(s, wf, role)
                changes = _apply(tx, args, kwargs)
            heads.record(wf, tx.audit.head)  # committed: the head leaves the file too
            return changes

        def _apply(tx: Tx, args, kwargs) -> Changes:
            if tx.owner is not None and not expert_file:
                raise RuleViolation("FILE", "专家本人的工作文件只能用于评分和申请回避",
                                    "An expert's own working file is for scoring and declaring conflicts only.")
            value = fn(tx, *args, **kwargs)
            replay.log_rows(tx.s, tx.audit)  # the rows it left, for `check` to replay
            return value if isinstance(value, Changes) else tx.changes(value)

        run.operation = True
        return run

    return wrap


@operation(role="system", expert_file=True)
def write_baseline(tx: Tx) -> None:
    """Every row of the file in one audit event, from which `check` replays: written when a file
    is made and after each migration (a migration changes rows no operation recorded)."""
    replay.log_baseline(tx.s, tx.audit)

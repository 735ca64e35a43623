"""The audit chain: every change appends an event whose hash covers the one before.

Since schema 6 (v = 2) an event names who did it — the working file's device id, the role
(secretary, expert, chair, system) and the person (an expert's UUID, the named secretary) — and
carries its own UUID, so the same event is recognised on another laptop:
hash_n = SHA-256(canonical JSON of [2, seq, at, uuid, device, role, person, actor, action, entity,
entity_id, payload, hash_{n-1}]); events written before schema 6 keep their v1 hash over
[seq, at, actor, action, entity, entity_id, payload, hash_{n-1}]. hash_0 = 64 zeros. The head (last seq and hash) is kept in `meta` in the same transaction,
so removing the newest events is caught as well as editing or removing any earlier one.
The chain proves integrity of the history to anyone who holds the file, not authorship:
whoever has the password could rebuild it, which signed exports (later issues) address.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum

from cryptography.hazmat.primitives import hashes
from sqlalchemy import select
from sqlalchemy.orm import Session

from hvp_desktop.domain.identity import new_uuid
from hvp_desktop.store.models import AuditEvent, Meta

GENESIS = "0" * 64
HEAD_SEQ, HEAD_HASH = "audit_head_seq", "audit_head_hash"


def _plain(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (Decimal, date, datetime)):
        return str(value)
    raise TypeError(f"cannot put {type(value).__name__} in an audit payload")


def canonical(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_plain)


def event_hash(seq: int, at: str, actor: str, action: str, entity: str, entity_id, payload: str, prev: str) -> str:
    digest = hashes.Hash(hashes.SHA256())
    digest.update(canonical([seq, at, actor, action, entity, entity_id, payload, prev]).encode("utf-8"))
    return digest.finalize().hex()


def event_hash_v2(seq: int, at: str, uuid: str, device: str, role: str, person: str, actor: str, action: str,
                  entity: str, entity_id, payload: str, prev: str) -> str:
    digest = hashes.Hash(hashes.SHA256())
    digest.update(canonical([2, seq, at, uuid, device, role, person, actor, action, entity, entity_id, payload,
                             prev]).encode("utf-8"))
    return digest.finalize().hex()


@dataclass(frozen=True)
class Actor:
    """Who does a change: the file's device, a role and a person (not the OS login)."""

    device: str
    role: str  # "secretary" | "expert" | "chair" | "system"
    person: str = ""  # an expert's UUID; the secretary's name when the file knows it
    name: str = ""  # shown in histories: the expert's or the secretary's name


SYSTEM = Actor(device="", role="system")


class AuditLog:
    """Appends to the chain within a session; keeps the head in memory for bulk work.
    `actor` may be changed between appends (an operation learns whose sheet it touches)."""

    def __init__(self, session: Session, actor: Actor = SYSTEM) -> None:
        self.session = session
        self.actor = actor
        self._head_seq = session.get(Meta, HEAD_SEQ) or Meta(key=HEAD_SEQ, value="0")
        self._head_hash = session.get(Meta, HEAD_HASH) or Meta(key=HEAD_HASH, value=GENESIS)
        session.add_all([self._head_seq, self._head_hash])
        self._seq = int(self._head_seq.value)
        self._hash = self._head_hash.value

    @property
    def head(self) -> tuple[int, str]:
        return self._seq, self._hash

    def append(self, action: str, entity: str, entity_id=None, payload: dict | None = None) -> AuditEvent:
        seq = self._seq + 1
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        entity_id = None if entity_id is None else str(entity_id)
        body = canonical(payload or {})
        a = self.actor
        uid, shown = new_uuid(), a.name or a.role
        h = event_hash_v2(seq, at, uid, a.device, a.role, a.person, shown, action, entity, entity_id, body, self._hash)
        event = AuditEvent(
            seq=seq, at=at, actor=shown, action=action, entity=entity, entity_id=entity_id, payload=body,
            prev_hash=self._hash, hash=h, uuid=uid, device=a.device, role=a.role, person=a.person, v=2,
        )
        self.session.add(event)
        self._head_seq.value, self._head_hash.value = str(seq), h
        self._seq, self._hash = seq, h
        return event


def recompute(ev: AuditEvent) -> str:
    if ev.v == 1:
        return event_hash(ev.seq, ev.at, ev.actor, ev.action, ev.entity, ev.entity_id, ev.payload, ev.prev_hash)
    return event_hash_v2(ev.seq, ev.at, ev.uuid, ev.device, ev.role, ev.person, ev.actor, ev.action, ev.entity,
                         ev.entity_id, ev.payload, ev.prev_hash)


@dataclass(frozen=True)
class ChainReport:
    events: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session) -> ChainReport:
    problems: list[str] = []
    prev, expected_seq, count = GENESIS, 1, 0
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).yield_per(2000):
        count += 1
        if ev.seq != expected_seq:
            problems.append(f"审计事件{expected_seq}缺失（下一条为{ev.seq}） (event {expected_seq} missing)")
        if ev.prev_hash != prev:
            problems.append(f"审计事件{ev.seq}的前序哈希不符 (event {ev.seq}: previous hash does not match)")
        recomputed = recompute(ev)
        if recomputed != ev.hash:
            problems.append(f"审计事件{ev.seq}已被改动 (event {ev.seq} was edited)")
        prev, expected_seq = ev.hash, ev.seq + 1
    head_seq = session.get(Meta, HEAD_SEQ)
    head_hash = session.get(Meta, HEAD_HASH)
    recorded = (int(head_seq.value) if head_seq else 0, head_hash.value if head_hash else GENESIS)
    if recorded != (expected_seq - 1, prev):
        problems.append(
            f"审计链末端不符：记录为第{recorded[0]}条，实际为第{expected_seq - 1}条 (chain head does not match: events removed?)"
        )
    return ChainReport(count, problems)

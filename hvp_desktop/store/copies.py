"""Plain snapshots of records, keyed by their UUIDs, for copying between working files.

A record is a dict of its columns without the local integer id; a reference to another record
(a foreign key) holds that record's UUID, since integer ids are local to one file. Installing a
snapshot is one operation (`ops/copies.py`); reading one is `snapshot` here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import select

from hvp_desktop.store.models import Base


@dataclass(frozen=True)
class Snapshot:
    tables: dict[str, list[dict]]  # table → records, in an order that respects references
    owner: str | None = None  # the expert a copy belongs to (their UUID)
    device: str = ""  # the device it was read on
    refs: dict[str, dict[str, str]] = field(default_factory=dict)  # table → column → referenced table
    blind: bool = False  # read from or for an expert's file: outcomes withheld (WITHHELD_FROM_EXPERTS)
    head: str = ""  # the audit chain's head of the file it was read from ("SEQ:HASH", issue 18)


def references(table) -> dict[str, str]:
    """column → referenced table, for the table's foreign keys."""
    return {col.name: next(iter(col.foreign_keys)).column.table.name for col in table.columns if col.foreign_keys}


def _uuid_maps(s, tables: set[str]) -> dict[str, dict[int, str]]:
    meta = Base.metadata.tables
    return {t: dict(s.execute(select(meta[t].c.id, meta[t].c.uuid)).all()) for t in tables}


def records(s, model, where) -> list[dict]:
    """The records of `model` matching `where`, references as UUIDs."""
    table = model.__table__
    refs = references(table)
    ids = _uuid_maps(s, set(refs.values()))
    out = []
    order = [table.c.id] if "id" in table.c else list(table.primary_key.columns)
    for row in s.execute(select(table).where(where).order_by(*order)).mappings():
        rec = {k: v for k, v in row.items() if k != "id"}
        for col, target in refs.items():
            if rec[col] is not None:
                rec[col] = ids[target][rec[col]]
        out.append(rec)
    return out


def snapshot(s, selection, *, owner: str | None = None) -> Snapshot:
    """`selection`: (model, where) pairs, referenced tables before the tables that refer to them."""
    from hvp_desktop.store import heads
    from hvp_desktop.store.models import Meta

    device = s.get(Meta, "device_id")
    return Snapshot({m.__tablename__: records(s, m, where) for m, where in selection}, owner,
                    device.value if device else "",
                    {m.__tablename__: references(m.__table__) for m, _ in selection}, head=heads.current(s).text())


def by_uuid(s, tables) -> dict[str, dict[str, dict]]:
    """Every record of `tables` (models), table → key (its UUID, or its content address) → record:
    for comparing two files."""
    out = {}
    for model in tables:
        table = model.__table__
        cols = record_key(table)
        out[model.__tablename__] = {":".join(str(r[c]) for c in cols): r
                                    for r in records(s, model, table.c[cols[0]].is_not(None))}
    return out


# What travels between files, referenced tables first (the audit chain stays with its file; an
# expert's page notes and reading places stay in the expert's file).
TRAVELLING = ("rounds", "enterprises", "applications", "co_applicants", "experts", "panel_seats", "assignments",
              "conflicts", "rubrics", "score_sheets", "score_entries", "checklists", "visits", "findings",
              "attachments", "blob_chunks", "panel_roots", "signing_identities")
# Never travelling: the panel's root key (`panel_root_keys`, issue 20) stays in the secretary's file.


def record_key(table) -> list[str]:
    """The columns that name a record in every file: its UUID, or (file chunks) its content address."""
    return ["uuid"] if "uuid" in table.c else [c.name for c in table.primary_key.columns]


# Blind scoring (issue 18): what an expert's copy never carries — the outcome of other reviews —
# with the value the copy holds instead (the application as it stood before any decision).
WITHHELD_FROM_EXPERTS = {"applications": {"state": "applied", "preliminary_score": None}}


def withhold_outcomes(snap: Snapshot) -> Snapshot:
    for table, blanks in WITHHELD_FROM_EXPERTS.items():
        for record in snap.tables.get(table, []):
            record.update(blanks)
    return replace(snap, blind=True)


# What an expert may change in their own file without it counting as a different record: the PIN
# their signing key is encrypted under (issue 20, `ops.certificates.set_pin`).
KEPT_BY_EXPERTS = {"signing_identities": ("private_key", "pin_protected")}


def same_record(table: str, mine: dict, theirs: dict, *, from_expert: bool) -> bool:
    """Whether two versions of a record agree; an expert's copy is compared without what it withholds
    and what the expert keeps as they chose it."""
    if not from_expert:
        return mine == theirs
    skip = {*WITHHELD_FROM_EXPERTS.get(table, {}), *KEPT_BY_EXPERTS.get(table, ())}
    return {k: v for k, v in mine.items() if k not in skip} == {k: v for k, v in theirs.items() if k not in skip}


def whole(s, *, owner: str | None = None) -> Snapshot:
    """Every travelling record of a file."""
    from hvp_desktop.store.models import Base

    models = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}
    every = [(models[t], models[t].__table__.c[record_key(models[t].__table__)[0]].is_not(None)) for t in TRAVELLING]
    snap = snapshot(s, every, owner=owner)
    return replace(snap, blind=owner is not None)

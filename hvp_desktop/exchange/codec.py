"""Records (store/copies.py: columns by name, references as UUIDs) to JSON and back.

Each value is written as JSON can hold it (bytes in base64, dates and times in ISO 8601, decimals
as text) and read back by the column's own type, so a value of the wrong type is refused as a
malformed package rather than stored. Which tables a package may carry is the caller's list; the
references between them are this app's (`copies.references`), never the package's.
"""

from __future__ import annotations

import base64
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary

from hvp_desktop.exchange.sealed import PackageRefused
from hvp_desktop.store.copies import Snapshot, references
from hvp_desktop.store.models import Base, DecimalText

TABLES = Base.metadata.tables


def _out(value):
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def encode(snap: Snapshot) -> dict:
    return {"owner": snap.owner, "device": snap.device, "head": snap.head, "blind": snap.blind,
            "tables": {t: [{k: _out(v) for k, v in rec.items()} for rec in rows] for t, rows in snap.tables.items()}}


def _bad(table: str, column: str) -> PackageRefused:
    return PackageRefused(f"数据包中的记录有误（{table}.{column}）：文件已损坏或被改动",
                          f"A record in the package is malformed ({table}.{column}): the file is damaged or altered.")


def _in(table: str, column, value):
    if value is None:
        if not column.nullable and column.name != "id":
            raise _bad(table, column.name)
        return None
    kind = column.type
    try:
        if column.foreign_keys:  # a reference: the record's UUID
            if not isinstance(value, str):
                raise TypeError
            return value
        if isinstance(kind, DecimalText):
            if not isinstance(value, str):
                raise TypeError
            number = Decimal(value)
            if not number.is_finite() or abs(number) > 10 ** 15:  # no score or figure is NaN or that big
                raise ValueError
            return number
        if isinstance(kind, LargeBinary):
            return base64.b64decode(value, validate=True)
        if isinstance(kind, DateTime):
            return datetime.fromisoformat(value)
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise TypeError
            return value
        if isinstance(kind, Integer):
            if not isinstance(value, int) or isinstance(value, bool) or not -2 ** 63 <= value < 2 ** 63:
                raise TypeError
            return value
        if not isinstance(value, str):
            raise TypeError
        return value
    except (TypeError, ValueError, InvalidOperation) as exc:
        raise _bad(table, column.name) from exc


def decode(data, allowed: tuple[str, ...]) -> Snapshot:
    """A snapshot from its JSON form, holding only `allowed` tables in `allowed`'s order."""
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        raise _bad("snapshot", "tables")
    tables = data["tables"]
    unknown = set(tables) - set(allowed)
    if unknown:
        raise PackageRefused(f"数据包中有本程序不接收的内容（{', '.join(sorted(unknown))}）",
                             f"The package holds what this app does not accept ({', '.join(sorted(unknown))}).")
    out: dict[str, list[dict]] = {}
    for name in allowed:
        if name not in tables:
            continue
        rows = tables[name]
        columns = {c.name: c for c in TABLES[name].columns if c.name != "id"}
        if not isinstance(rows, list):
            raise _bad(name, "*")
        decoded = []
        for rec in rows:
            if not isinstance(rec, dict) or set(rec) != set(columns):
                raise _bad(name, "*")
            decoded.append({k: _in(name, columns[k], v) for k, v in rec.items()})
        out[name] = decoded
    owner, device, head = data.get("owner"), data.get("device", ""), data.get("head", "")
    if not (owner is None or isinstance(owner, str)) or not isinstance(device, str) or not isinstance(head, str):
        raise _bad("snapshot", "owner")
    return Snapshot(out, owner, device, {t: references(TABLES[t]) for t in out}, blind=bool(data.get("blind")),
                    head=head)

"""The working file rebuilt from its audit chain, and compared with its tables (issue 18).

Every operation ends with one audit event, `rows`, holding the stored image of each row it
added, changed or removed — keyed by the row's UUID (by its primary key in the few tables without
one), the bytes of a signature image or an attachment as their SHA-256. A file made or migrated
since schema 8 starts its replay from a `rows.baseline` event holding every row. `check` folds
the events into the tables they describe and names each row that differs from what is stored:
a score or a comment edited, a draft marked submitted, a sheet deleted or moved to another
expert, a conflict removed, a decision or a stored result changed — whatever the table.

What this cannot see is an edit made together with a forged `rows` event and a re-hashed chain:
the chain's head kept outside the file (`heads.py`) catches that.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from hvp_desktop.store.audit import HEAD_HASH, HEAD_SEQ, AuditLog, canonical
from hvp_desktop.store.models import AuditEvent, Base

ROWS, BASELINE = "rows", "rows.baseline"
_UNTRACKED_TABLES = {AuditEvent.__tablename__}
_UNTRACKED_META = {HEAD_SEQ, HEAD_HASH}  # the chain's own head changes with every event


def _tables():
    return [t for t in Base.metadata.sorted_tables if t.name not in _UNTRACKED_TABLES]


def _key_columns(table) -> list[str]:
    return ["uuid"] if "uuid" in table.c else [c.name for c in table.primary_key.columns]


def _key(table, row: dict) -> str:
    return "|".join(str(row[c]) for c in _key_columns(table))


def _image(row: dict) -> dict:
    """A row as stored (SQLite's own values), bytes as their digest: comparable and JSON-able."""
    return {k: ("sha256:" + hashlib.sha256(v).hexdigest()) if isinstance(v, (bytes, memoryview)) else v
            for k, v in row.items()}


def _stored_rows(session: Session, table, keys: Iterable[str] | None = None) -> Iterator[tuple[str, dict]]:
    con = session.connection()
    cols = _key_columns(table)
    sql = f'SELECT * FROM "{table.name}"'
    params: tuple = ()
    if keys is not None:
        keys = list(keys)
        if not keys:
            return
        if len(cols) != 1:  # a composite key: read the table (these tables are small)
            wanted = set(keys)
            for key, img in _stored_rows(session, table):
                if key in wanted:
                    yield key, img
            return
        sql += f' WHERE "{cols[0]}" IN ({",".join("?" * len(keys))})'
        params = tuple(keys)
    cursor = con.exec_driver_sql(sql, params)
    names = list(cursor.keys())
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        if table.name == "meta" and row["key"] in _UNTRACKED_META:
            continue
        yield _key(table, row), _image(row)


# -- writing: which rows an operation touched --------------------------------------------------
class RowTracker:
    """Collects, flush by flush, the rows an operation touches (new, changed, deleted)."""

    def __init__(self) -> None:
        self.touched: dict[str, set[str]] = {}
        self.deleted: dict[str, set[str]] = {}

    def note(self, obj, *, deleted: bool) -> None:
        table = getattr(obj, "__table__", None)
        if table is None or table.name in _UNTRACKED_TABLES:
            return
        if table.name == "meta" and obj.key in _UNTRACKED_META:
            return
        key = "|".join(str(getattr(obj, c)) for c in _key_columns(table))
        (self.deleted if deleted else self.touched).setdefault(table.name, set()).add(key)
        if deleted:
            self.touched.get(table.name, set()).discard(key)
        else:
            self.deleted.get(table.name, set()).discard(key)

    def take(self, session: Session) -> dict[str, dict[str, dict | None]]:
        """The images of the rows touched since the last call (None: removed), then forget them."""
        rows: dict[str, dict[str, dict | None]] = {}
        by_name = {t.name: t for t in _tables()}
        for name, keys in self.touched.items():
            found = dict(_stored_rows(session, by_name[name], sorted(keys)))
            for key in keys:
                rows.setdefault(name, {})[key] = found.get(key)
        for name, keys in self.deleted.items():
            for key in keys:
                rows.setdefault(name, {})[key] = None
        self.touched, self.deleted = {}, {}
        return rows


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _context) -> None:
    tracker = session.info.get("rows")
    if tracker is None:
        return
    for obj in session.new:
        tracker.note(obj, deleted=False)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            tracker.note(obj, deleted=False)
    for obj in session.deleted:
        tracker.note(obj, deleted=True)


def track(session: Session) -> RowTracker:
    tracker = session.info.get("rows")
    if tracker is None:
        tracker = session.info["rows"] = RowTracker()
    return tracker


def note_written(session: Session, table: str, keys: Iterable[str]) -> None:
    """Rows added by a bulk insert (no ORM objects, so no flush event sees them): logged as touched."""
    tracker = track(session)
    keys = set(keys)
    tracker.touched.setdefault(table, set()).update(keys)
    tracker.deleted.get(table, set()).difference_update(keys)


def log_rows(session: Session, audit: AuditLog) -> None:
    """End an operation: one `rows` event with what it left in the tables it touched."""
    tracker = session.info.get("rows")
    if tracker is None:
        return
    session.flush()
    rows = tracker.take(session)
    if rows:
        audit.append(ROWS, "rows", None, {"rows": rows})


def log_baseline(session: Session, audit: AuditLog) -> None:
    """Every row of the file, from which the replay starts (a new file, a migrated one)."""
    rows = {t.name: dict(_stored_rows(session, t)) for t in _tables()}
    audit.append(BASELINE, "rows", None, {"rows": {name: imgs for name, imgs in rows.items() if imgs}})


# -- checking: the tables against their replay --------------------------------------------------
@dataclass(frozen=True)
class ReplayReport:
    baseline: bool  # False: a file from before schema 8, which has nothing to start from
    events: int
    problems: list[str]


def rebuild(session: Session) -> tuple[dict[str, dict[str, dict]], int, bool]:
    """The tables as the audit chain describes them: table → key → image."""
    state: dict[str, dict[str, dict]] = {}
    count, baseline = 0, False
    stmt = (select(AuditEvent.action, AuditEvent.payload).where(AuditEvent.action.in_((ROWS, BASELINE)))
            .order_by(AuditEvent.seq))
    for action, payload in session.execute(stmt).yield_per(500):
        count += 1
        try:
            rows = json.loads(payload)["rows"]
        except (ValueError, KeyError, TypeError):
            continue  # an unreadable event: the chain check names it
        if action == BASELINE:
            state, baseline = {}, True
        for name, images in rows.items():
            table = state.setdefault(name, {})
            for key, img in images.items():
                if img is None:
                    table.pop(key, None)
                else:
                    table[key] = img
    return state, count, baseline


def compare(session: Session) -> ReplayReport:
    expected, count, baseline = rebuild(session)
    if not baseline:
        return ReplayReport(False, count, [])
    problems: list[str] = []
    describe = _Describer(session)
    for table in _tables():
        want = expected.get(table.name, {})
        have = dict(_stored_rows(session, table))
        for key in sorted(set(want) | set(have)):
            w, h = want.get(key), have.get(key)
            if w == h:
                continue
            what = describe(table.name, h or w)
            if h is None:
                problems.append(f"{what}：审计记录中存在，但已从文件中删除 ({_en(table.name)} {key} was deleted "
                                "outside the app)")
            elif w is None:
                problems.append(f"{what}：文件中有此记录，但审计记录中没有 ({_en(table.name)} {key} was added "
                                "outside the app)")
            else:
                cols = [c for c in sorted(set(w) | set(h)) if w.get(c) != h.get(c)]
                shown = "；".join(f"{c} 文件中为{_show(h.get(c))}，审计记录为{_show(w.get(c))}" for c in cols)
                shown_en = "; ".join(f"{c}: {_show(h.get(c))} in the file, {_show(w.get(c))} in the audit"
                                     for c in cols)
                problems.append(f"{what}：{shown} ({_en(table.name)} {key} changed outside the app: {shown_en})")
    return ReplayReport(True, count, problems)


def _show(value) -> str:
    text = canonical(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "…"


_TABLE_NAMES = {
    "score_sheets": ("专家打分表", "score sheet"), "score_entries": ("评分", "score"),
    "assignments": ("分配", "assignment"), "conflicts": ("回避", "conflict of interest"),
    "decisions": ("决定", "decision"), "applications": ("申报", "application"),
    "consolidations": ("汇总结果", "consolidated result"), "panel_seats": ("专家组席位", "panel seat"),
    "experts": ("专家", "expert"), "rounds": ("轮次", "round"), "enterprises": ("企业", "enterprise"),
}


def _en(table: str) -> str:
    return _TABLE_NAMES.get(table, (table, table))[1]


class _Describer:
    """Names a row as a secretary would: whose sheet, which application, which criterion."""

    def __init__(self, session: Session) -> None:
        con = session.connection()
        self.experts = dict(con.exec_driver_sql("SELECT id, name FROM experts").all())
        self.apps = dict(con.exec_driver_sql("SELECT id, enterprise_name FROM applications").all())
        self.sheets = {r[0]: (r[1], r[2], r[3]) for r in con.exec_driver_sql(
            "SELECT id, expert_id, application_id, revision FROM score_sheets")}

    def _pair(self, expert_id, app_id) -> str:
        return f"专家{self.experts.get(expert_id, expert_id)}对{self.apps.get(app_id, app_id)}"

    def __call__(self, table: str, img: dict) -> str:
        zh = _TABLE_NAMES.get(table, (table, table))[0]
        if table == "score_entries":
            sheet = self.sheets.get(img.get("sheet_id"))
            whose = self._pair(sheet[0], sheet[1]) + f"的打分表（第{sheet[2]}版）" if sheet else f"打分表{img.get('sheet_id')}"
            return f"{whose}指标{img.get('criterion_code')}的{zh}"
        if table in ("score_sheets", "assignments", "conflicts") and "expert_id" in img:
            return f"{self._pair(img['expert_id'], img['application_id'])}的{zh}"
        if "application_id" in img:
            return f"{self.apps.get(img['application_id'], img['application_id'])}的{zh}"
        return zh

"""Installing a snapshot of records from another working file (an expert's file made from the
master, and the way back), matched by UUID: a record already here with the same content is left
alone, a new one is added with its UUID, and one that differs is refused (merging two versions
of a record is the exchange's work). Sheets are checked as the scoring operations check them."""

from __future__ import annotations

from sqlalchemy import select

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store.copies import Snapshot, record_key, records, same_record
from hvp_desktop.store.models import Assignment, Base, Meta, ScoreSheet
from hvp_desktop.store.ops.core import EXPERT_OF_FILE, Tx, operation
from hvp_desktop.store.sheets import conflict_of, rubric_in

MODELS = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}
KIND_OF_TABLE = {"applications": "applications", "rounds": "rounds", "experts": "experts", "score_sheets": "sheets",
                 "panel_seats": "seats", "assignments": "assignments", "rubrics": "rubrics"}


# What an expert makes and changes in their own file: an update from the secretariat (a second
# expert package) keeps the expert's version of these records.
EXPERTS_OWN = ("conflicts", "score_sheets", "score_entries", "visits", "findings", "attachments")


@operation(expert_file=True)
def install(tx: Tx, snap: Snapshot) -> dict[str, dict[str, int]]:
    """Install `snap` in one transaction; the value counts added and unchanged records per table.
    In an expert's own file only a copy made for that expert is installed, and their own work there
    is kept as they left it ("kept")."""
    s = tx.s
    if tx.owner is not None and snap.owner != tx.owner:
        raise RuleViolation("FILE", "该文件属于另一位专家", "This file belongs to another expert.")
    if snap.owner is not None:
        s.merge(Meta(key=EXPERT_OF_FILE, value=snap.owner))
    local: dict[str, dict[str, int]] = {}  # table → uuid → local id

    def local_id(table: str, uuid: str) -> int:
        ids = local.setdefault(table, {})
        if uuid not in ids:
            found = s.scalar(select(Base.metadata.tables[table].c.id).where(Base.metadata.tables[table].c.uuid == uuid))
            if found is None:
                raise RuleViolation("FILE", f"复制的记录引用了不存在的记录（{table} {uuid}）",
                                    f"A copied record refers to a missing record ({table} {uuid}).")
            ids[uuid] = found
        return ids[uuid]

    counts: dict[str, dict[str, int]] = {}
    for table, rows in snap.tables.items():
        model, refs = MODELS[table], snap.refs.get(table, {})
        cols = record_key(model.__table__)

        def key(rec: dict, cols=cols) -> tuple:
            return tuple(rec[c] for c in cols)

        first = model.__table__.c[cols[0]]
        mine = {key(r): r for r in records(s, model, first.in_({r[cols[0]] for r in rows}))} if rows else {}
        added = unchanged = kept = 0
        for rec in rows:
            if key(rec) in mine:
                if tx.owner is not None and table in EXPERTS_OWN:
                    kept += 1
                    continue
                if not same_record(table, mine[key(rec)], rec, from_expert=snap.blind):
                    raise RuleViolation("FILE", f"记录{key(rec)[0]}（{table}）在两个文件中内容不同，不能覆盖",
                                        f"Record {key(rec)[0]} ({table}) differs between the two files; "
                                        "it is not overwritten.")
                unchanged += 1
                continue
            if tx.owner is not None and table == "assignments" and _stepped_aside(s, rec):
                kept += 1  # declared on this laptop, not merged at the office yet: the expert stays aside
                continue
            values = dict(rec)
            for col, target in refs.items():
                if values[col] is not None:
                    values[col] = local_id(target, values[col])
            row = model(**values)
            if table == "score_entries":
                _check_entry(s, values)
            s.add(row)
            s.flush()
            if table == "score_sheets":
                _check_sheet(s, row)
            if "uuid" in rec:
                local.setdefault(table, {})[rec["uuid"]] = row.id
            if table in KIND_OF_TABLE:
                tx.touch(**{KIND_OF_TABLE[table]: {row.id if table != "rubrics" else row.label}})
            added += 1
        counts[table] = {"added": added, "unchanged": unchanged, **({"kept": kept} if kept else {})}
    tx.log("copy.installed", "file", snap.owner or "", {
        "from_device": snap.device, "from_head": snap.head, "owner": snap.owner, "counts": counts,
        "records": {t: [":".join(str(r[c]) for c in record_key(MODELS[t].__table__)) for r in rows]
                    for t, rows in snap.tables.items()}})
    return counts


def _stepped_aside(s, assignment: dict) -> bool:
    from hvp_desktop.store.models import Application, Conflict, Expert

    return s.scalar(select(Conflict.id).join(Expert, Expert.id == Conflict.expert_id)
                    .join(Application, Application.id == Conflict.application_id)
                    .where(Expert.uuid == assignment["expert_id"],
                           Application.uuid == assignment["application_id"])) is not None


def _check_sheet(s, sheet: ScoreSheet) -> None:
    """A copied sheet belongs to an expert assigned to the application and not stepped aside."""
    if conflict_of(s, sheet.expert_id, sheet.application_id) is not None:
        raise RuleViolation("COI", "复制的专家打分表属于已回避的专家", "A copied sheet belongs to an expert who stepped aside.")
    if s.scalar(select(Assignment.id).where(Assignment.expert_id == sheet.expert_id,
                                            Assignment.application_id == sheet.application_id)) is None:
        raise RuleViolation("SHEET", "复制的专家打分表的专家未被分配评审该申报",
                            "A copied sheet's expert is not assigned to its application.")
    rubric_in(s, sheet.rubric_version)


def _check_entry(s, values: dict) -> None:
    sheet = s.get(ScoreSheet, values["sheet_id"])
    rubric = rubric_in(s, sheet.rubric_version)
    criterion = next((c for c in rubric.criteria if c.code == values["criterion_code"]), None)
    problem = "评分表中没有该指标" if criterion is None else (
        rubrics.check_score(criterion, values["points"]) if values["points"] is not None else None)
    if problem:
        raise RuleViolation("SHEET", f"复制的分值有误：{values['criterion_code']} {problem}",
                            f"A copied score is wrong: {values['criterion_code']} {problem}")



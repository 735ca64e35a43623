"""Operations on the applications (issue 2): the Excel import and its remembered header mappings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from hvp_desktop.domain.identity import new_uuid
from hvp_desktop.domain.model import ApplicationData, ApplicationState, RoundKind
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.store.applications import APPLICATION_FIELDS as _APPLICATION_FIELDS
from hvp_desktop.store.applications import application_data
from hvp_desktop.store.models import Application, CoApplicantRow, Enterprise, ImportMapping, Round
from hvp_desktop.store.ops.core import Cancelled, Tx, now, operation  # noqa: F401  (Cancelled: for callers)

ROUND_TITLES = {
    RoundKind.RECOGNITION: "{year}年度认定评审",
    RoundKind.YEAR1: "{year}年度第一年度考核",
    RoundKind.YEAR2: "{year}年度第二年度考核（期末验收）",
    RoundKind.RECTIFICATION: "{year}年度整改后重新考核",
}


@dataclass(frozen=True)
class ImportOutcome:
    added: int
    updated: int
    unchanged: int


def _ensure_round(tx: Tx, rounds: dict, year: int, kind: RoundKind = RoundKind.RECOGNITION) -> Round:
    rnd = rounds.get((year, kind))
    if rnd is None:
        rnd = Round(year=year, kind=kind, title=ROUND_TITLES[kind].format(year=year), places=20, created_at=now())
        tx.s.add(rnd)
        tx.s.flush()
        tx.log("round.created", "round", rnd.id, {"round": rnd.uuid, "year": year, "kind": kind, "places": 20})
        tx.touch(rounds={rnd.id})
        rounds[(year, kind)] = rnd
    return rnd


@operation()
def import_applications(
    tx: Tx,
    rows: Iterable[tuple[str, ApplicationData]],
    *,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    remember: dict[str, str] | None = None,
) -> ImportOutcome:
    """Add or update applications keyed by (year, credit code). All or nothing.

    `rows` pairs each application with where it came from ("file.xlsx:12"). Importing the
    same data again changes nothing and appends nothing to the audit chain. `remember`: header
    mappings the user chose for this file, kept in the same transaction.
    """
    rows = list(rows)
    added = updated = unchanged = 0
    touched: set[int] = set()
    new_rounds: set[int] = set()
    s = tx.s
    if True:
        # Ids are assigned here rather than by per-row flushes: one flush at the end is ~10x faster.
        next_id = {
            model: (s.scalar(select(func.max(model.id))) or 0) + 1 for model in (Enterprise, Application)
        }
        rounds = {(r.year, RoundKind(r.kind)): r for r in s.scalars(select(Round))}
        enterprises = {e.credit_code: e for e in s.scalars(select(Enterprise))}
        existing = {
            (a.round_id, a.enterprise_id): a
            for a in s.scalars(select(Application).options(selectinload(Application.co_applicants)))
        }
        year_of_round = {r.id: r.year for r in rounds.values()}
        latest_year: dict[int, int] = {}
        for (round_id, enterprise_id) in existing:
            latest_year[enterprise_id] = max(latest_year.get(enterprise_id, 0), year_of_round[round_id])
        decided_rounds = {a.round_id for a in existing.values() if a.state != ApplicationState.APPLIED}
        refusals: list[tuple[str, str]] = []
        for done, (source, data) in enumerate(rows, 1):
            if is_cancelled and done % 50 == 0 and is_cancelled():
                raise Cancelled()
            known_rounds = len(rounds)
            rnd = _ensure_round(tx, rounds, data.year)
            if len(rounds) != known_rounds:
                new_rounds.add(rnd.id)
            ent = enterprises.get(data.credit_code)
            if ent is None:
                ent = Enterprise(id=next_id[Enterprise], credit_code=data.credit_code, uuid=new_uuid(),
                                 name=data.enterprise_name, affiliation_group=data.affiliation_group)
                next_id[Enterprise] += 1
                s.add(ent)
                tx.log("enterprise.created", "enterprise", ent.id,
                       {"enterprise": ent.uuid, "credit_code": ent.credit_code, "name": ent.name,
                        "affiliation_group": ent.affiliation_group})
                enterprises[data.credit_code] = ent
            _update_enterprise(tx, ent, data, latest_year)
            app = existing.get((rnd.id, ent.id))
            if app is None and rnd.id in decided_rounds:
                refusals.append(("R15", f"{source}：{rnd.title}已确定备选单位，不能再增加申报（{data.enterprise_name}）",
                                 f"{source}: the shortlist of {rnd.year} is decided; no application can be added "
                                 f"({data.enterprise_name})"))
            elif app is not None and app.state != ApplicationState.APPLIED and application_data(app) != data:
                refusals.append(("R1", f"{source}：{data.enterprise_name}已进入评审，申报信息不能再通过导入修改",
                                 f"{source}: {data.enterprise_name} is under review; its application can no longer "
                                 "be changed by an import"))
            elif app is None:
                app = _new_application(s, next_id[Application], rnd, ent, data, source)
                next_id[Application] += 1
                existing[(rnd.id, ent.id)] = app
                tx.log("application.imported", "application", app.id,
                       {"application": app.uuid, "enterprise": ent.uuid, "round": rnd.uuid, "source": source,
                        **asdict(data)})
                added += 1
                touched.add(app.id)
            elif application_data(app) != data:
                before = asdict(application_data(app))
                _update_application(s, app, data, source)
                after = asdict(data)
                diff = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
                tx.log("application.updated", "application", app.id,
                       {"application": app.uuid, "source": source, "changed": diff})
                updated += 1
                touched.add(app.id)
            else:
                unchanged += 1
            if progress and done % 100 == 0:
                progress(done, len(rows))
        if refusals:  # all or nothing: the decisions already taken stand on the data they were taken on
            raise RuleViolation(refusals[0][0], "导入被拒绝：\n" + "\n".join(zh for _r, zh, _en in refusals[:20]),
                                "Import refused:\n" + "\n".join(en for _r, _zh, en in refusals[:20]))
        if is_cancelled and is_cancelled():
            raise Cancelled()
    if remember:
        _remember(tx, remember)
    if progress:
        progress(len(rows), len(rows))
    tx.touch(applications=touched, rounds=new_rounds)
    return ImportOutcome(added, updated, unchanged)


def _co_rows(data: ApplicationData) -> list[CoApplicantRow]:
    return [CoApplicantRow(position=i, name=c.name, kind=c.kind) for i, c in enumerate(data.co_applicants, 1)]


def _new_application(s, app_id: int, rnd: Round, ent: Enterprise, data: ApplicationData, source: str) -> Application:
    stamp = now()
    app = Application(id=app_id, round=rnd, enterprise=ent, state=ApplicationState.APPLIED, source=source,
                      created_at=stamp, updated_at=stamp, co_applicants=_co_rows(data), uuid=new_uuid(),
                      **{name: getattr(data, name) for name in _APPLICATION_FIELDS})
    s.add(app)
    return app


def _update_enterprise(tx: Tx, ent: Enterprise, data: ApplicationData, latest_year: dict[int, int]) -> None:
    """The enterprise row follows its most recent application (names change between years)."""
    if data.year < latest_year.get(ent.id, 0):
        return
    latest_year[ent.id] = data.year
    if (ent.name, ent.affiliation_group) != (data.enterprise_name, data.affiliation_group):
        tx.log("enterprise.updated", "enterprise", ent.id, {"enterprise": ent.uuid,
            "name": [ent.name, data.enterprise_name],
            "affiliation_group": [ent.affiliation_group, data.affiliation_group]})
        ent.name = data.enterprise_name
        ent.affiliation_group = data.affiliation_group


def _update_application(s, app: Application, data: ApplicationData, source: str) -> None:
    for name in _APPLICATION_FIELDS:
        setattr(app, name, getattr(data, name))
    if [(c.name, c.kind) for c in app.co_applicants] != [(c.name, c.kind) for c in data.co_applicants]:
        app.co_applicants.clear()
        s.flush()  # delete the old rows before inserting new ones at the same positions
        app.co_applicants.extend(_co_rows(data))
    app.source = source
    app.updated_at = now()


@operation()
def remember_mappings(tx: Tx, mapping: dict[str, str]) -> None:
    """Spreadsheet headers mapped to fields once, remembered for the next import."""
    _remember(tx, mapping)


@operation()
def forget_mappings(tx: Tx, headers: Iterable[str]) -> None:
    """Remembered header mappings forgotten: the next import asks again (or reads the header by
    its meaning). Headers are given as remembered (normalised, see `load_mappings`)."""
    headers = list(dict.fromkeys(headers))
    known = {m.header: m for m in tx.s.scalars(select(ImportMapping).where(ImportMapping.header.in_(headers)))}
    unknown = [h for h in headers if h not in known]
    if unknown:
        shown = "、".join(f"“{h}”" for h in unknown)
        raise InvalidInput(f"没有记住的列名对应关系：{shown}",
                           "No remembered column mapping for: " + ", ".join(f"'{h}'" for h in unknown))
    for header in headers:
        tx.log("import.mapping_forgotten", "import_mapping", header, {"header": header, "field": known[header].field})
        tx.s.delete(known[header])
    tx.touch(mappings=set(headers))


def _remember(tx: Tx, mapping: dict[str, str]) -> None:
    known = {m.header: m for m in tx.s.scalars(select(ImportMapping))}
    for header, field_id in mapping.items():
        if header in known and known[header].field == field_id:
            continue
        tx.s.merge(ImportMapping(header=header, field=field_id))
        tx.log("import.mapping", "import_mapping", header, {"header": header, "field": field_id})
        tx.touch(mappings={header})

"""Operations on the working file (DESIGN.md, "Operations that say what changed").

Each function is one unit of work: it runs in one transaction, appends to the audit chain,
and returns what it touched so the GUI refreshes only that. They are safe to run off the GUI
thread (each opens its own session).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from hvp_desktop.domain.model import ApplicationData, ApplicationState, CoApplicant, CoApplicantKind, RoundKind
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store.audit import AuditLog
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, CoApplicantRow, Enterprise, ImportMapping, Round

ROUND_TITLES = {
    RoundKind.RECOGNITION: "{year}年度认定评审",
    RoundKind.YEAR1: "{year}年度第一年考核",
    RoundKind.YEAR2: "{year}年度第二年考核（验收）",
    RoundKind.RECTIFICATION: "{year}年度整改复核",
}

# Fields of ApplicationData stored on the application row itself.
_APPLICATION_FIELDS = tuple(
    name for name in ApplicationData.__dataclass_fields__
    if name not in ("year", "credit_code", "co_applicants")
)


class Cancelled(Exception):
    """The user cancelled; the transaction was rolled back and nothing was written."""


@dataclass(frozen=True)
class Changes:
    applications: frozenset[int] = frozenset()
    rounds: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.applications or self.rounds)


@dataclass(frozen=True)
class ImportOutcome:
    added: int
    updated: int
    unchanged: int
    changes: Changes = field(default_factory=Changes)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _ensure_round(session, audit: AuditLog, rounds: dict, year: int, kind: RoundKind = RoundKind.RECOGNITION) -> Round:
    rnd = rounds.get((year, kind))
    if rnd is None:
        rnd = Round(year=year, kind=kind, title=ROUND_TITLES[kind].format(year=year), places=20, created_at=_now())
        session.add(rnd)
        session.flush()
        audit.append("round.created", "round", rnd.id, {"year": year, "kind": kind, "places": 20})
        rounds[(year, kind)] = rnd
    return rnd


def application_data(app: Application) -> ApplicationData:
    """The declared data of a stored application, as the import would produce it."""
    return ApplicationData(
        year=app.round.year,
        credit_code=app.enterprise.credit_code,
        co_applicants=tuple(CoApplicant(c.name, CoApplicantKind(c.kind)) for c in app.co_applicants),
        **{name: getattr(app, name) for name in _APPLICATION_FIELDS},
    )


def import_applications(
    wf: WorkingFile,
    rows: Iterable[tuple[str, ApplicationData]],
    *,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ImportOutcome:
    """Add or update applications keyed by (year, credit code). All or nothing.

    `rows` pairs each application with where it came from ("file.xlsx:12"). Importing the
    same data again changes nothing and appends nothing to the audit chain.
    """
    rows = list(rows)
    added = updated = unchanged = 0
    touched: set[int] = set()
    new_rounds: set[int] = set()
    with wf.session(write=True) as s:
        audit = AuditLog(s)
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
            rnd = _ensure_round(s, audit, rounds, data.year)
            if len(rounds) != known_rounds:
                new_rounds.add(rnd.id)
            ent = enterprises.get(data.credit_code)
            if ent is None:
                ent = Enterprise(id=next_id[Enterprise], credit_code=data.credit_code,
                                 name=data.enterprise_name, affiliation_group=data.affiliation_group)
                next_id[Enterprise] += 1
                s.add(ent)
                audit.append("enterprise.created", "enterprise", ent.id,
                             {"credit_code": ent.credit_code, "name": ent.name,
                              "affiliation_group": ent.affiliation_group})
                enterprises[data.credit_code] = ent
            _update_enterprise(audit, ent, data, latest_year)
            app = existing.get((rnd.id, ent.id))
            if app is None and rnd.id in decided_rounds:
                refusals.append(("R15", f"{source}：{rnd.title}已确定入围名单，不能再增加申报（{data.enterprise_name}）"))
            elif app is not None and app.state != ApplicationState.APPLIED and application_data(app) != data:
                refusals.append(("R1", f"{source}：{data.enterprise_name}已进入评审，申报信息不能再通过导入修改"))
            elif app is None:
                app = _new_application(s, next_id[Application], rnd, ent, data, source)
                next_id[Application] += 1
                existing[(rnd.id, ent.id)] = app
                audit.append("application.imported", "application", app.id, {"source": source, **asdict(data)})
                added += 1
                touched.add(app.id)
            elif application_data(app) != data:
                before = asdict(application_data(app))
                _update_application(s, app, data, source)
                after = asdict(data)
                diff = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
                audit.append("application.updated", "application", app.id, {"source": source, "changed": diff})
                updated += 1
                touched.add(app.id)
            else:
                unchanged += 1
            if progress and done % 100 == 0:
                progress(done, len(rows))
        if refusals:  # all or nothing: the decisions already taken stand on the data they were taken on
            raise RuleViolation(refusals[0][0], "导入被拒绝：\n" + "\n".join(text for _rule, text in refusals[:20]))
        if is_cancelled and is_cancelled():
            raise Cancelled()
    if progress:
        progress(len(rows), len(rows))
    return ImportOutcome(added, updated, unchanged, Changes(frozenset(touched), frozenset(new_rounds)))


def _co_rows(data: ApplicationData) -> list[CoApplicantRow]:
    return [CoApplicantRow(position=i, name=c.name, kind=c.kind) for i, c in enumerate(data.co_applicants, 1)]


def _new_application(s, app_id: int, rnd: Round, ent: Enterprise, data: ApplicationData, source: str) -> Application:
    now = _now()
    app = Application(id=app_id, round=rnd, enterprise=ent, state=ApplicationState.APPLIED, source=source,
                      created_at=now, updated_at=now, co_applicants=_co_rows(data),
                      **{name: getattr(data, name) for name in _APPLICATION_FIELDS})
    s.add(app)
    return app


def _update_enterprise(audit: AuditLog, ent: Enterprise, data: ApplicationData, latest_year: dict[int, int]) -> None:
    """The enterprise row follows its most recent application (names change between years)."""
    if data.year < latest_year.get(ent.id, 0):
        return
    latest_year[ent.id] = data.year
    if (ent.name, ent.affiliation_group) != (data.enterprise_name, data.affiliation_group):
        audit.append("enterprise.updated", "enterprise", ent.id, {
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
    app.updated_at = _now()


def load_mappings(wf: WorkingFile) -> dict[str, str]:
    with wf.session() as s:
        return {m.header: m.field for m in s.scalars(select(ImportMapping))}


def remember_mappings(wf: WorkingFile, mapping: dict[str, str]) -> None:
    with wf.session(write=True) as s:
        audit = AuditLog(s)
        known = {m.header: m for m in s.scalars(select(ImportMapping))}
        for header, field_id in mapping.items():
            if header in known and known[header].field == field_id:
                continue
            s.merge(ImportMapping(header=header, field=field_id))
            audit.append("import.mapping", "import_mapping", header, {"header": header, "field": field_id})

"""Applications, read side: the declared data of a stored application, the remembered mappings,
and what an import would do (its preview)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hvp_desktop.domain.model import ApplicationData, ApplicationState, CoApplicant, CoApplicantKind, RoundKind
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, Enterprise, ImportMapping, Round

# Fields of ApplicationData stored on the application row itself.
APPLICATION_FIELDS = tuple(
    name for name in ApplicationData.__dataclass_fields__
    if name not in ("year", "credit_code", "co_applicants")
)


def application_data(app: Application) -> ApplicationData:
    """The declared data of a stored application, as the import would produce it."""
    return ApplicationData(
        year=app.round.year,
        credit_code=app.enterprise.credit_code,
        co_applicants=tuple(CoApplicant(c.name, CoApplicantKind(c.kind)) for c in app.co_applicants),
        **{name: getattr(app, name) for name in APPLICATION_FIELDS},
    )


def load_mappings(wf: WorkingFile) -> dict[str, str]:
    with wf.session() as s:
        return {m.header: m.field for m in s.scalars(select(ImportMapping))}


# ------------------------------------------------------------------------------ import preview

ADD, UPDATE, UNCHANGED, REFUSED = "add", "update", "unchanged", "refused"


@dataclass(frozen=True)
class RowPreview:
    """What importing one application would do, before anything is written."""

    status: str  # ADD, UPDATE, UNCHANGED or REFUSED
    changed: tuple[str, ...] = ()  # for an update: the fields it changes
    rule: str = ""  # for a refusal: the rule, and why (Chinese, English)
    reason: str = ""
    reason_en: str = ""


def preview_import(wf: WorkingFile, rows: Iterable[ApplicationData]) -> list[RowPreview]:
    """Per row, what `ops.applications.import_applications` would do with it: add an application,
    update one (which fields), leave one unchanged, or refuse the import (R15: the year's
    shortlist is decided; R1: the application is under review and the data differ). Read-only."""
    with wf.session() as s:
        rounds = {r.year: r.id for r in s.scalars(select(Round).where(Round.kind == RoundKind.RECOGNITION))}
        enterprises = {e.credit_code: e.id for e in s.scalars(select(Enterprise))}
        existing = {
            (a.round_id, a.enterprise_id): a
            for a in s.scalars(select(Application).options(selectinload(Application.co_applicants),
                                                           selectinload(Application.round),
                                                           selectinload(Application.enterprise)))
        }
        decided = {a.round_id for a in existing.values() if a.state != ApplicationState.APPLIED}
        previews = []
        for data in rows:
            round_id = rounds.get(data.year)
            app = existing.get((round_id, enterprises.get(data.credit_code)))
            if app is None:
                if round_id in decided:
                    previews.append(RowPreview(
                        REFUSED, rule="R15", reason=f"{data.year}年度已确定备选单位，不能再增加申报",
                        reason_en=f"the shortlist of {data.year} is decided; no application can be added"))
                else:
                    previews.append(RowPreview(ADD))
                continue
            stored = application_data(app)
            if stored == data:
                previews.append(RowPreview(UNCHANGED))
            elif app.state != ApplicationState.APPLIED:
                previews.append(RowPreview(
                    REFUSED, rule="R1", reason="已进入评审，申报信息不能再通过导入修改",
                    reason_en="under review; its application can no longer be changed by an import"))
            else:
                before, after = asdict(stored), asdict(data)
                previews.append(RowPreview(UPDATE, tuple(k for k in after if before[k] != after[k])))
        return previews

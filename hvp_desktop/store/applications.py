"""Applications, read side: the declared data of a stored application and the remembered mappings."""

from __future__ import annotations

from sqlalchemy import select

from hvp_desktop.domain.model import ApplicationData, CoApplicant, CoApplicantKind
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, ImportMapping

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

"""Read-only views of the working file, shaped for the panels and the command line."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from hvp_desktop.domain import formal_review, lifecycle
from hvp_desktop.domain.model import ELIGIBILITY_FACTS, ApplicationData, eligibility_summary
from hvp_desktop.store import decisions
from hvp_desktop.store.applications import application_data
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.models import Application, AuditEvent, CoApplicantRow, Decision, Enterprise, Round


@dataclass(frozen=True, slots=True)
class ApplicationListRow:
    id: int
    round_id: int
    year: int
    round_title: str
    enterprise_name: str
    credit_code: str
    state: str
    eligibility: str  # "ok" | "no" | "unknown", see ApplicationData.eligibility_summary
    co_applicants: int
    ip_staff_count: int | None
    ip_budget_yuan: Decimal | None
    valid_invention_patents: int | None
    pct_applications: int | None
    applied_on: date | None
    contact_name: str | None
    review: str = "manual"  # formal review verdict (R1–R4): "pass" | "fail" | "manual"
    next_due: date | None = None
    next_due_detail: str = ""
    next_due_what: str = ""  # the deadline's key (lifecycle.Deadline.what), for the UI's own words
    next_due_rule: str = ""


def application_rows(wf: WorkingFile) -> list[ApplicationListRow]:
    """Every application, in one query (the list panel loads 10,000 of these)."""
    co_count = (
        select(CoApplicantRow.application_id, func.count().label("n"))
        .group_by(CoApplicantRow.application_id)
        .subquery()
    )
    facts = [getattr(Application, name) for name in ELIGIBILITY_FACTS]
    stmt = (
        select(
            Application.id, Round.id, Round.year, Round.title, Application.enterprise_name, Enterprise.credit_code,
            Application.state, func.coalesce(co_count.c.n, 0), Application.ip_staff_count,
            Application.ip_budget_yuan, Application.valid_invention_patents, Application.pct_applications,
            Application.applied_on, Application.contact_name, *facts,
        )
        .join(Round, Application.round_id == Round.id)
        .join(Enterprise, Application.enterprise_id == Enterprise.id)
        .outerjoin(co_count, co_count.c.application_id == Application.id)
        .where(Application.assesses_application_id.is_(None))  # an assessment round's rows are not applications
        .order_by(Round.year.desc(), Application.enterprise_name)
    )
    with wf.session() as s:
        verdicts, dues = decisions.list_facts(s)
        rows = []
        for r in s.execute(stmt):
            due = dues.get(r[0])
            rows.append(ApplicationListRow(*r[:7], eligibility_summary(r[14:]), *r[7:14], verdicts.get(r[0], "manual"),
                                           due.due if due else None, due.detail if due else "",
                                           due.what if due else "", due.rule if due else ""))
        return rows


@dataclass(frozen=True)
class HistoryEntry:
    seq: int
    at: str
    actor: str
    action: str
    payload: dict


@dataclass(frozen=True)
class DecisionEntry:
    on: date
    kind: str
    rule: str | None
    note: str | None
    data: dict


@dataclass(frozen=True)
class ApplicationDetail:
    id: int
    round_title: str
    state: str
    source: str | None
    data: ApplicationData
    history: list[HistoryEntry]
    decisions: list[DecisionEntry] = field(default_factory=list)
    checks: list[formal_review.Check] = field(default_factory=list)
    centre: lifecycle.Centre = field(default_factory=lifecycle.Centre)
    preliminary_score: Decimal | None = None
    round_id: int | None = None


def application_detail(wf: WorkingFile, application_id: int) -> ApplicationDetail | None:
    with wf.session() as s:
        app = s.scalars(
            select(Application)
            .where(Application.id == application_id)
            .options(selectinload(Application.co_applicants), selectinload(Application.round),
                     selectinload(Application.enterprise))
        ).one_or_none()
        if app is None:
            return None
        events = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity == "application", AuditEvent.entity_id == str(application_id))
            .order_by(AuditEvent.seq)
        )
        history = [HistoryEntry(e.seq, e.at, e.actor, e.action, json.loads(e.payload)) for e in events]
        rows = s.scalars(select(Decision).where(Decision.application_id == application_id).order_by(Decision.id))
        entries = [DecisionEntry(d.decided_on, d.kind, d.rule, d.note, json.loads(d.data or "{}")) for d in rows]
        if app.assesses_application_id is not None:  # an assessment row: the centre's declared figures,
            declared = s.get(Application, app.assesses_application_id)  # no formal review of its own
            return ApplicationDetail(app.id, app.round.title, app.state, app.source, application_data(declared),
                                     history, entries, [], decisions.centre_of(s, app.id), None, app.round_id)
        return ApplicationDetail(app.id, app.round.title, app.state, app.source, application_data(app), history,
                                 entries, decisions.review_checks(s, app), decisions.centre_of(s, app.id),
                                 app.preliminary_score, app.round_id)


def round_list(wf: WorkingFile) -> list[tuple[int, str]]:
    with wf.session() as s:
        return [(r.id, r.title) for r in s.scalars(select(Round).order_by(Round.year.desc(), Round.kind))]


def round_ids(wf: WorkingFile, year: int, kinds: list[str]) -> list[int]:
    """The rounds of `year` of the given kinds."""
    with wf.session() as s:
        return list(s.scalars(select(Round.id).where(Round.year == year, Round.kind.in_(kinds))))


def round_kind(wf: WorkingFile, round_id: int) -> str | None:
    with wf.session() as s:
        rnd = s.get(Round, round_id)
        return rnd.kind if rnd is not None else None


def round_rubric_label(wf: WorkingFile, round_id: int) -> str | None:
    """The rubric a round is scored on (frozen by its first sheet), or None before it is chosen."""
    with wf.session() as s:
        rnd = s.get(Round, round_id)
        return rnd.rubric_version if rnd is not None else None


def application_ids_by_credit_code(wf: WorkingFile, year: int) -> dict[str, int]:
    """credit code → application id, for a year's recognition round (the preliminary scores' key)."""
    with wf.session() as s:
        return dict(s.execute(
            select(Enterprise.credit_code, Application.id).join(Application.enterprise).join(Application.round)
            .where(Round.year == year, Application.assesses_application_id.is_(None))).all())


def round_row_count(wf: WorkingFile, round_id: int) -> int:
    with wf.session() as s:
        return s.scalar(select(func.count()).select_from(Application).where(Application.round_id == round_id))


def verify_chain(wf: WorkingFile):
    """The audit chain, recomputed (`audit.ChainReport`)."""
    from hvp_desktop.store import audit

    with wf.session() as s:
        return audit.verify(s)


def replay_report(wf: WorkingFile):
    """The tables compared with their replay from the audit chain (`replay.ReplayReport`)."""
    from hvp_desktop.store import replay

    with wf.session() as s:
        return replay.compare(s)


def head_problems(wf: WorkingFile, exports: list[Path] = ()) -> list[str]:
    """The chain's head kept beside the file and stamped on `exports`, each compared with the chain."""
    from hvp_desktop.store import heads

    kept = [h for h in [heads.read_sidecar(wf.path)] if h is not None]
    problems = []
    for path in exports:
        head = heads.read_export(Path(path))
        if head is None:
            problems.append(f"{Path(path).name}中没有审计链记录 ({Path(path).name} carries no audit head)")
        else:
            kept.append(head)
    with wf.session() as s:
        return problems + heads.mismatches(s, kept)


def rubric_choice(wf: WorkingFile, application_id: int) -> tuple[str | None, str]:
    """The rubric label the application's round is scored on (None until chosen or frozen) and
    the kind of rubric it takes ("recognition" or "annual")."""
    with wf.session() as s:
        rnd = s.get(Round, s.get(Application, application_id).round_id)
        return rnd.rubric_version, "recognition" if rnd.kind == "recognition" else "annual"


def reviewable_rounds(wf: WorkingFile) -> list[tuple[int, str, str]]:
    """(id, title, kind) of the rounds that have a panel: those a chair aggregates."""
    from hvp_desktop.store.models import PanelSeat

    with wf.session() as s:
        rows = s.execute(select(Round.id, Round.title, Round.kind).where(Round.id.in_(select(PanelSeat.round_id)))
                         .order_by(Round.year.desc(), Round.kind))
        return [(i, t, k) for i, t, k in rows]


@dataclass(frozen=True)
class RoundInfo:
    id: int
    year: int
    kind: str
    title: str
    places: int
    places_override_reason: str | None
    rubric_label: str | None
    checklist_label: str | None = None  # the on-site checklist, once chosen or frozen (issue 19)


def round_info(wf: WorkingFile, round_id: int) -> RoundInfo | None:
    with wf.session() as s:
        r = s.get(Round, round_id)
        return None if r is None else RoundInfo(r.id, r.year, r.kind, r.title, r.places, r.places_override_reason,
                                                r.rubric_version, r.checklist_version)


# -- the GUI's scoring flow (issue 17) ------------------------------------------------------------
def rounds(wf: WorkingFile) -> list[RoundInfo]:
    """Every round, newest year first: the GUI names each in its own language from (year, kind)."""
    with wf.session() as s:
        return [RoundInfo(r.id, r.year, r.kind, r.title, r.places, r.places_override_reason, r.rubric_version,
                          r.checklist_version)
                for r in s.scalars(select(Round).order_by(Round.year.desc(), Round.kind))]


@dataclass(frozen=True)
class ExpertAssignment:
    application_id: int
    round_id: int
    enterprise_name: str
    state: str  # panel.SheetState: "not_started" | "draft" | "submitted" | "conflicted"


def expert_assignments(wf: WorkingFile, expert_id: int) -> list[ExpertAssignment]:
    """What this expert is assigned to score, with their sheet's state, by name (one query per
    table, not one per application)."""
    from hvp_desktop.store.models import Assignment, Conflict, ScoreSheet

    with wf.session() as s:
        apps = list(s.execute(select(Application.id, Application.round_id, Application.enterprise_name)
                              .join(Assignment, Assignment.application_id == Application.id)
                              .where(Assignment.expert_id == expert_id).order_by(Application.enterprise_name)))
        conflicted = set(s.scalars(select(Conflict.application_id).where(Conflict.expert_id == expert_id)))
        latest = dict(s.execute(select(ScoreSheet.application_id, ScoreSheet.status)
                                .where(ScoreSheet.expert_id == expert_id).order_by(ScoreSheet.revision)).all())
    return [ExpertAssignment(app_id, round_id, name,
                             "conflicted" if app_id in conflicted else latest.get(app_id, "not_started"))
            for app_id, round_id, name in apps]


def expert_names(wf: WorkingFile) -> dict[str, str]:
    """Every expert's name by UUID and by local id (as text): the audit entries name them so."""
    from hvp_desktop.store.models import Expert

    with wf.session() as s:
        out = {}
        for expert_id, uuid, name in s.execute(select(Expert.id, Expert.uuid, Expert.name)):
            out[str(uuid)] = out[str(expert_id)] = name
        return out


def passed_centres(wf: WorkingFile) -> dict[int, list[int]]:
    """year → the centres (recognition applications) that passed that year's assessment and are
    not yet on an approved list for it: what the party group approves before the R19 publicity."""
    out: dict[int, list[int]] = {}
    with wf.session() as s:
        for app_id in s.scalars(select(Application.id).where(Application.assesses_application_id.is_(None))):
            centre = decisions.centre_of(s, app_id)
            for year in centre.passed:
                if f"support_y{year}" not in centre.approvals:
                    out.setdefault(year, []).append(app_id)
    return out


def sheet_signature_problems(wf: WorkingFile):
    """Every submitted sheet's signature checked against its expert's certificate (issue 20 §4):
    see store/certificates.sheet_signature_problems."""
    from hvp_desktop.store import certificates

    return certificates.sheet_signature_problems(wf)


def identity_needs_pin(wf: WorkingFile, expert_id: int) -> bool:
    """Whether the expert's signing key is protected by a PIN (asked for at submission)."""
    from hvp_desktop.store import certificates

    return certificates.identity_needs_pin(wf, expert_id)

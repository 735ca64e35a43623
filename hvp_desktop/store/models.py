"""SQLAlchemy 2.0 mappings of the domain objects (DESIGN.md, "The main objects").

The schema itself is created and evolved only by `migrations.py`; a test checks that the
tables the migrations build match these mappings column for column.
Amounts and scores are exact decimals, stored as text so SQLite never rounds them.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from hvp_desktop.domain.identity import new_uuid
from hvp_desktop.domain.model import (
    ApplicationState,
    CoApplicantKind,
    ConflictSource,
    RoundKind,
    SeatRole,
    SheetStatus,
)


class DecimalText(TypeDecorator):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Round(Base):
    __tablename__ = "rounds"
    __table_args__ = (UniqueConstraint("year", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    kind: Mapped[RoundKind] = mapped_column(String)
    title: Mapped[str] = mapped_column(Text)
    places: Mapped[int] = mapped_column(default=20)  # R14: at most 20 a year
    rubric_version: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    places_override_reason: Mapped[str | None] = mapped_column(Text)  # R14: why more than 20
    method: Mapped[str] = mapped_column(String, default="trimmed_mean")  # aggregation, frozen at consolidation
    outlier_margin: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(15))
    tie_breaks: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of rubric section codes, in order
    applications: Mapped[list[Application]] = relationship(back_populates="round")
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)
    checklist_version: Mapped[str | None] = mapped_column(Text)  # the on-site checklist, frozen at the first visit


class Enterprise(Base):
    __tablename__ = "enterprises"
    id: Mapped[int] = mapped_column(primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(Text)
    affiliation_group: Mapped[str | None] = mapped_column(Text)  # R3
    bans: Mapped[list[Ban]] = relationship(back_populates="enterprise")
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class Ban(Base):
    """R4 / R21: no application for 2 years after revocation or withdrawal."""

    __tablename__ = "bans"
    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"))
    rule: Mapped[str] = mapped_column(String)
    reason: Mapped[str] = mapped_column(Text)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    enterprise: Mapped[Enterprise] = relationship(back_populates="bans")
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class Application(Base):
    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("round_id", "enterprise_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"))
    state: Mapped[ApplicationState] = mapped_column(String, default=ApplicationState.APPLIED)
    # As declared in this year's application; the enterprise row keeps the latest known name.
    enterprise_name: Mapped[str] = mapped_column(Text)
    affiliation_group: Mapped[str | None] = mapped_column(Text)
    registered_in_district: Mapped[bool | None]
    tax_in_district: Mapped[bool | None]
    stats_in_district: Mapped[bool | None]
    independent_legal_person: Mapped[bool | None]
    independent_accounting: Mapped[bool | None]
    good_credit: Mapped[bool | None]
    ip_staff_count: Mapped[int | None]
    ip_budget_yuan: Mapped[Decimal | None] = mapped_column(DecimalText)
    senior_executive_principal: Mapped[bool | None]
    independent_ip_department: Mapped[bool | None]
    iso56005: Mapped[bool | None]
    valid_invention_patents: Mapped[int | None]
    pct_applications: Mapped[int | None]
    contact_name: Mapped[str | None] = mapped_column(Text)
    contact_phone: Mapped[str | None] = mapped_column(Text)
    applied_on: Mapped[date | None]
    source: Mapped[str | None] = mapped_column(Text)  # file and row it was imported from
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    preliminary_score: Mapped[Decimal | None] = mapped_column(DecimalText)  # R15: Annex 2, by the third party
    # In an assessment round: the recognition application whose centre this row assesses.
    assesses_application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"))
    assessed_year: Mapped[int | None]  # 1 or 2: which pass mark applies (R17 70 / R18 75)
    round: Mapped[Round] = relationship(back_populates="applications")
    enterprise: Mapped[Enterprise] = relationship()
    co_applicants: Mapped[list[CoApplicantRow]] = relationship(
        back_populates="application", order_by="CoApplicantRow.position", cascade="all, delete-orphan"
    )
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)
    normal_operation: Mapped[bool | None]  # R1 (schema 7)
    sound_financial_system: Mapped[bool | None]  # R1 (schema 7)
    separately_counted_branch: Mapped[bool | None]  # R1: 单独入统的分公司 (schema 7)


class CoApplicantRow(Base):
    __tablename__ = "co_applicants"
    __table_args__ = (
        UniqueConstraint("application_id", "position"),
        CheckConstraint("position IN (1, 2)", name="r2_at_most_two_co_applicants"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[CoApplicantKind] = mapped_column(String)
    application: Mapped[Application] = relationship(back_populates="co_applicants")
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class Expert(Base):
    __tablename__ = "experts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class PanelSeat(Base):
    __tablename__ = "panel_seats"
    __table_args__ = (UniqueConstraint("round_id", "expert_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    role: Mapped[SeatRole] = mapped_column(String)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class Assignment(Base):
    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("application_id", "expert_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class Conflict(Base):
    __tablename__ = "conflicts"
    __table_args__ = (UniqueConstraint("application_id", "expert_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    source: Mapped[ConflictSource] = mapped_column(String)
    reason: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class ScoreSheet(Base):
    """One expert × one application; a correction is a new revision, never an edit."""

    __tablename__ = "score_sheets"
    __table_args__ = (UniqueConstraint("application_id", "expert_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    revision: Mapped[int] = mapped_column(default=1)
    status: Mapped[SheetStatus] = mapped_column(String, default=SheetStatus.DRAFT)
    rubric_version: Mapped[str] = mapped_column(Text)
    transcribed_from_paper: Mapped[bool] = mapped_column(default=False)
    correction_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    statement_confirmed_at: Mapped[datetime | None]  # 本人与该申报单位不存在利益冲突
    signature_strokes: Mapped[str | None] = mapped_column(Text)  # JSON vector strokes
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    entries: Mapped[list[ScoreEntry]] = relationship(cascade="all, delete-orphan")
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)
    # schema 11: the canonical content (domain/sheet_content.py) signed with the expert's key at submission
    content_signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    signed_by: Mapped[str | None] = mapped_column(Text)  # the signing certificate's SHA-256 fingerprint
    signed_content_v: Mapped[int | None]


class ScoreEntry(Base):
    __tablename__ = "score_entries"
    __table_args__ = (UniqueConstraint("sheet_id", "criterion_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("score_sheets.id", ondelete="CASCADE"))
    criterion_code: Mapped[str] = mapped_column(String)
    points: Mapped[Decimal | None] = mapped_column(DecimalText)
    comment: Mapped[str | None] = mapped_column(Text)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class Decision(Base):
    """A step of the lifecycle: shortlisted, selected, recognised, passed, revoked, …"""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    kind: Mapped[str] = mapped_column(String)
    rule: Mapped[str | None] = mapped_column(String)
    decided_on: Mapped[date]
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    data: Mapped[str] = mapped_column(Text, default="{}")  # the lifecycle event's data, JSON
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class Attachment(Base):
    """A file kept inside the encrypted working file, never beside it (issue 19): an application's
    document (申报书, audit report, certificate) or a visit's evidence for one checklist item. The
    bytes are hash-addressed chunks (BlobChunk), stored once however often the file is attached."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    item_code: Mapped[str | None] = mapped_column(String)  # the checklist item evidence is for
    kind: Mapped[str] = mapped_column(String)  # "document" | "evidence"
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    added_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class BlobChunk(Base):
    """One MiB of a stored file, addressed by the whole file's SHA-256 and the chunk's number."""

    __tablename__ = "blob_chunks"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    n: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class StoredChecklist(Base):
    """An on-site checklist template as loaded and reviewed, kept whole; rounds and visits refer to
    its label (schema 9)."""

    __tablename__ = "checklists"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    body: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)


class Visit(Base):
    """An expert's on-site visit to a centre being assessed: when, where, who; its findings per
    checklist item. A re-assessment's visit names the visit whose failed items it checks again."""

    __tablename__ = "visits"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    expert_id: Mapped[int | None] = mapped_column(ForeignKey("experts.id"))
    checklist_label: Mapped[str] = mapped_column(Text)
    rectification_of: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    visited_on: Mapped[date | None]
    place: Mapped[str | None] = mapped_column(Text)
    enterprise_participants: Mapped[str | None] = mapped_column(Text)
    panel_participants: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[str | None] = mapped_column(String)  # "HH:MM", as the expert writes it
    ended_at: Mapped[str | None] = mapped_column(String)
    created_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)


class Finding(Base):
    """One checklist item as found on site: met / partly / not met / not checked, the figure found
    where the item has one, a note."""

    __tablename__ = "findings"
    __table_args__ = (UniqueConstraint("visit_id", "item_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    item_code: Mapped[str] = mapped_column(String)
    status: Mapped[str] = mapped_column(String)
    figure: Mapped[Decimal | None] = mapped_column(DecimalText)
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)


class PageNote(Base):
    """An expert's private note on one page of an application's document (stays in their file)."""

    __tablename__ = "page_notes"
    __table_args__ = (UniqueConstraint("attachment_id", "expert_id", "page"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    page: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)


class ReadingPosition(Base):
    """The page of a document an expert left, where it opens again."""

    __tablename__ = "reading_positions"
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"), primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"), primary_key=True)
    page: Mapped[int]


class AuditEvent(Base):
    """One change; `hash` covers this event and the previous event's hash."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_action", "action", "seq"),)  # schema 8: the replay's events
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String)  # ISO 8601 UTC, as hashed
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String)
    entity: Mapped[str] = mapped_column(String)
    entity_id: Mapped[str | None] = mapped_column(String)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON, as hashed
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)
    device: Mapped[str] = mapped_column(String, default="")  # the working file's device id
    role: Mapped[str] = mapped_column(String, default="")  # secretary | expert | chair | system
    person: Mapped[str] = mapped_column(Text, default="")  # the expert's uuid, or the named secretary
    v: Mapped[int] = mapped_column(default=1)  # hash version: 2 covers the identities


class ImportMapping(Base):
    """A spreadsheet header the user mapped to a field once, remembered for the next import."""

    __tablename__ = "import_mappings"
    header: Mapped[str] = mapped_column(Text, primary_key=True)
    field: Mapped[str] = mapped_column(String)


class ReviewOverride(Base):
    """The secretary's confirmation or override of one formal-review check, with the reason."""

    __tablename__ = "review_overrides"
    __table_args__ = (UniqueConstraint("application_id", "check_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    check_key: Mapped[str] = mapped_column(String)
    outcome: Mapped[str] = mapped_column(String)
    reason: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class RecognisedCentre(Base):
    """R3: enterprises already recognised (by this programme or the earlier cultivation-centre one)."""

    __tablename__ = "recognised_centres"
    __table_args__ = (UniqueConstraint("credit_code", "title"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18))
    name: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String)
    affiliation_group: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class CalendarDay(Base):
    """A statutory holiday or make-up working day the secretary entered for a year."""

    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    source: Mapped[str | None] = mapped_column(Text)


class StoredRubric(Base):
    """A rubric as loaded and reviewed, kept whole: sheets and rounds refer to its label."""

    __tablename__ = "rubrics"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String)
    body: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class PaperKeying(Base):
    """One of the two blind keyings of a paper sheet (DESIGN.md: entered once, checked by another)."""

    __tablename__ = "paper_keyings"
    __table_args__ = (UniqueConstraint("application_id", "expert_id", "keying"),
                      CheckConstraint("keying IN (1, 2)"))
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    keying: Mapped[int]
    entries: Mapped[str] = mapped_column(Text)  # JSON {criterion code: "points"}
    keyed_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class FlagExplanation(Base):
    """The written word an outlier flag asks for, by the expert or the chair, before consolidation.
    It answers the flag as it stood (`deviation`): a changed score raises the flag anew."""

    __tablename__ = "flag_explanations"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    kind: Mapped[str] = mapped_column(String)  # "total" | "criterion"
    criterion_code: Mapped[str] = mapped_column(String)  # "" for a total flag
    deviation: Mapped[Decimal] = mapped_column(DecimalText)
    author: Mapped[str] = mapped_column(String)  # "expert" | "chair"
    text: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class TieDecision(Base):
    """The chair's order of applications still tied at the places line, with the reason. It holds
    while the tie is the same applications at the same scores."""

    __tablename__ = "tie_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    applications: Mapped[str] = mapped_column(Text)  # JSON list of ids, in the chair's order
    scores: Mapped[str] = mapped_column(Text)  # JSON {id: score} the decision was made on
    reason: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)


class Consolidation(Base):
    """The chair's lock of a round's result; reopening is recorded, never deleted."""

    __tablename__ = "consolidations"
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    method: Mapped[str] = mapped_column(String)
    decided_on: Mapped[date]
    result: Mapped[str] = mapped_column(Text)  # JSON: the ranking as locked
    consolidated_at: Mapped[datetime]
    reopened_at: Mapped[datetime | None]
    reopened_on: Mapped[date | None]  # the date the chair gave for reopening
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)  # stable across laptops (schema 6)



class PanelRoot(Base):
    """The panel's root certificate (issue 20): public, it travels to the experts' files so that
    anyone holding it can check a signed sheet. Its private key is `PanelRootKey`, apart."""

    __tablename__ = "panel_roots"
    id: Mapped[int] = mapped_column(primary_key=True)
    certificate: Mapped[str] = mapped_column(Text)  # PEM
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of the DER, hex upper case
    not_after: Mapped[datetime]
    created_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)


class PanelRootKey(Base):
    """The root's private key, PKCS#8 PEM, never copied out of the secretary's file. It is not
    encrypted again: the working file's SQLCipher encryption (the file's password) protects it, as
    it protects everything else in the file; a second password only the same secretary would type
    would add nothing but a way to lose the key. A BLOB, so the audit chain holds its digest only."""

    __tablename__ = "panel_root_keys"
    __table_args__ = (UniqueConstraint("root_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    root_id: Mapped[int] = mapped_column(ForeignKey("panel_roots.id"))
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)


class SigningIdentity(Base):
    """An expert's key and certificate for signing sheets (issue 20): issued by the panel's root or
    imported from the expert's own PKCS#12. The key is PKCS#8 PEM, encrypted under the expert's PIN
    when they set one (a shared laptop: nobody else can sign as them), otherwise protected by the
    working file's encryption. The newest row of an expert that is not replaced is the one in use."""

    __tablename__ = "signing_identities"
    __table_args__ = (CheckConstraint("source IN ('issued', 'imported')", name="ck_identity_source"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    certificate: Mapped[str] = mapped_column(Text)  # PEM
    chain: Mapped[str] = mapped_column(Text)  # PEM of the issuers (the panel's root, or the p12's CAs)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    pin_protected: Mapped[bool]
    source: Mapped[str] = mapped_column(String)  # "issued" | "imported"
    issued_by_panel: Mapped[bool]  # the certificate chains to this panel's root
    fingerprint: Mapped[str] = mapped_column(String(64))
    not_after: Mapped[datetime]
    created_at: Mapped[datetime]
    replaced_at: Mapped[datetime | None]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)


class PanelExchangeKey(Base):
    """The panel's X25519 key that return packages are encrypted to (issue 21). Its public half
    travels, signed by the root, in every expert package; the private half never leaves this file."""

    __tablename__ = "panel_exchange_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw 32 bytes; a BLOB: the chain keeps its digest
    public_key: Mapped[str] = mapped_column(String(64))  # raw 32 bytes, hex
    created_at: Mapped[datetime]
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)


class PackageReceipt(Base):
    """The last return package merged from one expert's file (expert × device): its audit-chain head.
    An older package is a no-op; one whose chain no longer holds this head is refused."""

    __tablename__ = "package_receipts"
    __table_args__ = (UniqueConstraint("expert_uuid", "device"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    expert_uuid: Mapped[str] = mapped_column(String(36))
    device: Mapped[str] = mapped_column(String)
    package_id: Mapped[str] = mapped_column(String(36))
    head_seq: Mapped[int]
    head_hash: Mapped[str] = mapped_column(String(64))
    merged_at: Mapped[datetime]
    evidence: Mapped[str] = mapped_column(Text, default="[]")  # JSON: the evidence UUIDs that package carried
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)

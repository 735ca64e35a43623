"""The on-site assessment (issue 19): checklists, visits, findings, evidence, the application's
documents and an expert's page notes — one operation per action, as the expert ticks an item or
adds a photo on site, so every change is saved at once and nothing is lost on a flat battery.

A visit is one expert's record of one centre's assessment (on their own laptop, in their own
file); the round's checklist is frozen at its first visit, as a rubric is at its first sheet. A
re-assessment's visit names the earlier visit whose failed items it checks again.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain.model import RoundKind
from hvp_desktop.domain.rules import InvalidInput, RuleViolation
from hvp_desktop.store import blobs
from hvp_desktop.store.models import (
    Application,
    Assignment,
    Attachment,
    Finding,
    PageNote,
    ReadingPosition,
    Round,
    StoredChecklist,
    Visit,
)
from hvp_desktop.store.ops.core import Tx, now, operation
from hvp_desktop.store.visits import checklist_in, default_checklist

TEXT_LIMIT = 4000  # a note, a place, a list of participants


# -- checklists ----------------------------------------------------------------------------------
def _store_checklist(tx: Tx, checklist: checklists.Checklist) -> str:
    if tx.s.scalar(select(StoredChecklist.id).where(StoredChecklist.digest == checklist.digest)) is None:
        tx.s.add(StoredChecklist(label=checklist.label, digest=checklist.digest,
                                 body=checklists.canonical(checklist), added_at=now()))
        tx.log("checklist.stored", "checklist", checklist.digest[:16], {"label": checklist.label,
                                                                         "source": checklist.source})
    return checklist.label


@operation()
def store_checklist(tx: Tx, checklist: checklists.Checklist) -> str:
    """Keep a reviewed checklist in the file (once per digest); the value is its label."""
    return _store_checklist(tx, checklist)


@operation()
def set_round_checklist(tx: Tx, round_id: int, checklist: checklists.Checklist | str) -> str:
    """Choose the on-site checklist of an assessment round, before its first visit."""
    label = _store_checklist(tx, checklist) if isinstance(checklist, checklists.Checklist) else checklist
    checklist_in(tx.s, label)
    rnd = _round(tx, round_id)
    tx.refuse_if_locked(round_id)
    visited = tx.s.scalar(select(Visit.id).join(Application, Visit.application_id == Application.id)
                          .where(Application.round_id == round_id).limit(1))
    if visited is not None and rnd.checklist_version != label:
        raise RuleViolation("CHECKLIST", f"本轮现场核查已开始，核查清单已固定为“{rnd.checklist_version}”",
                            f"On-site visits have started: the round's checklist is fixed as “{rnd.checklist_version}”.")
    if rnd.checklist_version != label:
        tx.log("round.checklist", "round", round_id, {"checklist": [rnd.checklist_version, label]})
        rnd.checklist_version = label
        tx.touch(rounds={round_id}, settings={round_id})
    return label


def _round(tx: Tx, round_id: int) -> Round:
    rnd = tx.s.get(Round, round_id)
    if rnd is None:
        raise InvalidInput(f"没有编号为{round_id}的轮次", f"no round with id {round_id}")
    if RoundKind(rnd.kind) == RoundKind.RECOGNITION:
        raise RuleViolation("CHECKLIST", "认定评审不作现场核查；现场核查用于年度考核（第一年度、第二年度、整改后重新考核）",
                            "A recognition round has no on-site visit: visits belong to the annual assessments.")
    return rnd


# -- visits ------------------------------------------------------------------------------------
def _visit(tx: Tx, visit_id: int) -> Visit:
    visit = tx.s.get(Visit, visit_id)
    if visit is None:
        raise InvalidInput(f"没有编号为{visit_id}的现场核查", f"no visit with id {visit_id}")
    if visit.expert_id is not None:
        tx.act_as_expert(visit.expert_id)
    return visit


@operation(expert_file=True)
def open_visit(tx: Tx, application_id: int, expert_id: int | None, *, rectification_of: int | None = None,
               checklist: checklists.Checklist | str | None = None) -> int:
    """The expert's visit to this centre (created if there is none): the value is its id. The first
    visit of a round freezes the round's checklist (the shipped one unless the round chose its own)."""
    if expert_id is not None:
        tx.act_as_expert(expert_id)
    elif tx.owner is not None:
        raise RuleViolation("FILE", "专家本人的工作文件中，现场核查须由该专家记录",
                            "In an expert's own file, a visit is that expert's.")
    app = tx.s.get(Application, application_id)
    if app is None:
        raise InvalidInput(f"没有编号为{application_id}的申报", f"no application with id {application_id}")
    rnd = _round(tx, app.round_id)
    tx.refuse_if_locked(rnd.id)
    if expert_id is not None and tx.s.scalar(select(Assignment.id).where(
            Assignment.expert_id == expert_id, Assignment.application_id == application_id)) is None:
        raise RuleViolation("CHECKLIST", "该专家未被分配考核此建设单位", "This expert is not assigned to assess this centre.")
    whose = Visit.expert_id.is_(None) if expert_id is None else Visit.expert_id == expert_id
    found = tx.s.scalar(select(Visit).where(Visit.application_id == application_id, whose))
    if found is not None:
        return found.id
    if rectification_of is not None:
        earlier = tx.s.get(Visit, rectification_of)
        earlier_app = tx.s.get(Application, earlier.application_id) if earlier else None
        if earlier_app is None or earlier_app.assesses_application_id != app.assesses_application_id \
                or earlier_app.id == app.id:
            raise RuleViolation("CHECKLIST", "整改后重新考核只能接续同一建设单位此前的现场核查",
                                "A re-assessment continues an earlier visit to the same centre only.")
    label = (_store_checklist(tx, checklist) if isinstance(checklist, checklists.Checklist) else checklist) \
        or rnd.checklist_version or _store_checklist(tx, default_checklist())
    checklist_in(tx.s, label)
    if rnd.checklist_version is None:
        rnd.checklist_version = label  # frozen: visits have started
        tx.log("round.checklist_frozen", "round", rnd.id, {"checklist": label})
        tx.touch(rounds={rnd.id}, settings={rnd.id})
    elif rnd.checklist_version != label:
        raise RuleViolation("CHECKLIST", f"本轮现场核查已采用“{rnd.checklist_version}”，不能改用“{label}”",
                            f"The round's visits use “{rnd.checklist_version}”, not “{label}”.")
    visit = Visit(application_id=application_id, expert_id=expert_id, checklist_label=label,
                  rectification_of=rectification_of, created_at=now())
    tx.s.add(visit)
    tx.s.flush()
    tx.log("visit.opened", "application", application_id,
           {"visit": visit.uuid, "application": app.uuid, "checklist": label, "rectification_of": rectification_of})
    tx.touch(visits={application_id})
    return visit.id


def _text(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > TEXT_LIMIT:
        raise RuleViolation("INPUT", f"{what}过长（{len(value)}字，上限{TEXT_LIMIT}字）",
                            f"{what}: too long ({len(value)} characters, at most {TEXT_LIMIT}).")
    return value or None


@operation(expert_file=True)
def save_visit_details(tx: Tx, visit_id: int, *, visited_on: date | None = None, place: str | None = None,
                       enterprise_participants: str | None = None, panel_participants: str | None = None,
                       started_at: str | None = None, ended_at: str | None = None) -> None:
    """The visit's date, place, who took part (enterprise and panel), start and end ("HH:MM")."""
    visit = _visit(tx, visit_id)
    tx.refuse_if_application_locked(visit.application_id)
    for hhmm in (started_at, ended_at):
        if hhmm and not _is_time(hhmm):
            raise RuleViolation("INPUT", f"时间“{hhmm}”应写作时:分，如 09:30", f"Time “{hhmm}” should read HH:MM, e.g. 09:30.")
    if started_at and ended_at and _is_time(started_at) and _is_time(ended_at) and ended_at < started_at:
        raise RuleViolation("INPUT", "结束时间早于开始时间", "The visit ends before it starts.")
    values = {"visited_on": visited_on, "place": _text(place, "地点"),
              "enterprise_participants": _text(enterprise_participants, "企业参加人员"),
              "panel_participants": _text(panel_participants, "专家组参加人员"),
              "started_at": started_at or None, "ended_at": ended_at or None}
    changed = {k: v for k, v in values.items() if getattr(visit, k) != v}
    if not changed:
        return
    for k, v in changed.items():
        setattr(visit, k, v)
    tx.log("visit.details", "application", visit.application_id, {"visit": visit.uuid, **changed})
    tx.touch(visits={visit.application_id})


def _is_time(text: str) -> bool:
    hh, _, mm = text.partition(":")
    return len(text) == 5 and hh.isdigit() and mm.isdigit() and int(hh) < 24 and int(mm) < 60


@operation(expert_file=True)
def set_finding(tx: Tx, visit_id: int, code: str, status: checklists.Status | str,
                figure: Decimal | str | None = None, note: str | None = None) -> checklists.Finding:
    """One item as found: status, the figure found (threshold items), a note. Saved at once."""
    visit = _visit(tx, visit_id)
    tx.refuse_if_application_locked(visit.application_id)
    checklist = checklist_in(tx.s, visit.checklist_label)
    item = next((i for i in checklist.items if i.code == code), None)
    if item is None:
        raise RuleViolation("CHECKLIST", f"核查清单中没有事项{code}", f"The checklist has no item {code}.")
    try:
        status = checklists.Status(status)
    except ValueError:
        raise RuleViolation("INPUT", f"核查结论“{status}”无效", f"“{status}” is not a finding.") from None
    figure = _figure(figure, item)
    row = tx.s.scalar(select(Finding).where(Finding.visit_id == visit_id, Finding.item_code == code))
    note = _text(note, "核查说明") if note is not None else (row.note if row else None)
    if row is None:
        row = Finding(visit_id=visit_id, item_code=code, status=status.value, figure=figure, note=note,
                      updated_at=now())
        tx.s.add(row)
        tx.s.flush()
    elif (row.status, row.figure, row.note) == (status.value, figure, note):
        return checklists.Finding(code, status, figure, note or "")
    else:
        row.status, row.figure, row.note, row.updated_at = status.value, figure, note, now()
    tx.log("visit.finding", "application", visit.application_id,
           {"visit": visit.uuid, "finding": row.uuid, "item": code, "status": status.value, "figure": figure,
            "note": note})
    tx.touch(visits={visit.application_id})
    return checklists.Finding(code, status, figure, note or "")


def _figure(figure, item: checklists.Item) -> Decimal | None:
    if figure is None or (isinstance(figure, str) and not figure.strip()):
        return None
    if item.threshold is None:
        raise RuleViolation("CHECKLIST", f"事项{item.code}不记录数值", f"Item {item.code} takes no figure.")
    try:
        value = Decimal(str(figure).strip().replace(",", "").replace("，", ""))
    except InvalidOperation:
        raise RuleViolation("INPUT", f"{item.code}：“{figure}”不是数字", f"{item.code}: “{figure}” is not a number.") \
            from None
    if not value.is_finite() or value < 0 or value > Decimal("1e12"):
        raise RuleViolation("INPUT", f"{item.code}：数值{figure}不合理", f"{item.code}: {figure} is not a plausible figure.")
    return value


# -- files -------------------------------------------------------------------------------------
def _attach(tx: Tx, filename: str, data: bytes, **where) -> Attachment:
    filename = (filename or "").strip() or "未命名"
    if len(filename) > 255:
        filename = filename[:255]
    blobs.check_size(data, filename)
    media_type = blobs.media_type_of(data, filename)
    digest = blobs.put(tx.s, data)
    row = Attachment(filename=filename, media_type=media_type, sha256=digest, size=len(data), added_at=now(), **where)
    tx.s.add(row)
    tx.s.flush()
    return row


@operation(expert_file=True)
def add_evidence(tx: Tx, visit_id: int, item_code: str, filename: str, data: bytes) -> int:
    """A photo, scan or PDF found on site, for one checklist item; the value is the attachment's id."""
    visit = _visit(tx, visit_id)
    tx.refuse_if_application_locked(visit.application_id)
    if not any(i.code == item_code for i in checklist_in(tx.s, visit.checklist_label).items):
        raise RuleViolation("CHECKLIST", f"核查清单中没有事项{item_code}", f"The checklist has no item {item_code}.")
    row = _attach(tx, filename, data, kind="evidence", visit_id=visit_id, item_code=item_code,
                  application_id=visit.application_id)
    tx.log("visit.evidence", "application", visit.application_id,
           {"visit": visit.uuid, "item": item_code, "attachment": row.uuid, "file": row.filename,
            "sha256": row.sha256, "size": row.size})
    tx.touch(visits={visit.application_id})
    return row.id


@operation()
def add_document(tx: Tx, application_id: int, filename: str, data: bytes) -> int:
    """One of the application's own documents (申报书, audit report, certificate); the value is its id."""
    app = tx.s.get(Application, application_id)
    if app is None:
        raise InvalidInput(f"没有编号为{application_id}的申报", f"no application with id {application_id}")
    row = _attach(tx, filename, data, kind="document", application_id=application_id)
    tx.log("application.document", "application", application_id,
           {"application": app.uuid, "attachment": row.uuid, "file": row.filename, "sha256": row.sha256,
            "size": row.size})
    tx.touch(documents={application_id})
    return row.id


@operation(expert_file=True)
def remove_attachment(tx: Tx, attachment_id: int) -> None:
    """Take a file off (evidence: by its visit's expert; documents: by the secretariat). Its bytes go
    when nothing else refers to them."""
    row = tx.s.get(Attachment, attachment_id)
    if row is None:
        raise InvalidInput(f"没有编号为{attachment_id}的附件", f"no attachment with id {attachment_id}")
    if row.kind == "evidence":
        visit = _visit(tx, row.visit_id)
        tx.refuse_if_application_locked(visit.application_id)
        tx.touch(visits={visit.application_id})
    else:
        if tx.owner is not None:
            raise RuleViolation("FILE", "申报材料由秘书处管理，专家本人的工作文件中不能删除",
                                "The application's documents are the secretariat's: not removed in an expert's file.")
        tx.touch(documents={row.application_id})
    for note in tx.s.scalars(select(PageNote).where(PageNote.attachment_id == attachment_id)):
        tx.s.delete(note)
    for place in tx.s.scalars(select(ReadingPosition).where(ReadingPosition.attachment_id == attachment_id)):
        tx.s.delete(place)
    digest = row.sha256
    tx.log("attachment.removed", "application", row.application_id,
           {"attachment": row.uuid, "file": row.filename, "sha256": digest})
    tx.s.delete(row)
    blobs.drop_if_unused(tx.s, digest)


# -- reading the documents -----------------------------------------------------------------------
@operation(expert_file=True)
def note_page(tx: Tx, attachment_id: int, expert_id: int, page: int, text: str) -> None:
    """The expert's private note on one page of a document (empty: the note goes)."""
    tx.act_as_expert(expert_id)
    text = _text(text, "批注") or ""
    row = tx.s.scalar(select(PageNote).where(PageNote.attachment_id == attachment_id, PageNote.expert_id == expert_id,
                                             PageNote.page == page))
    if row is None and not text:
        return
    if row is not None and row.text == text:
        return
    if row is None:
        row = PageNote(attachment_id=attachment_id, expert_id=expert_id, page=page, text=text, updated_at=now())
        tx.s.add(row)
        tx.s.flush()
    elif not text:
        tx.s.delete(row)
    else:
        row.text, row.updated_at = text, now()
    tx.log("document.note", "attachment", attachment_id, {"note": row.uuid, "page": page, "chars": len(text)})
    app_id = tx.s.scalar(select(Attachment.application_id).where(Attachment.id == attachment_id))
    tx.touch(documents={app_id} if app_id else set())


@operation(expert_file=True)
def remember_page(tx: Tx, attachment_id: int, expert_id: int, page: int) -> None:
    """Where the expert left a document: it opens there next time (not audited beyond its row)."""
    tx.act_as_expert(expert_id)
    row = tx.s.get(ReadingPosition, (attachment_id, expert_id))
    if row is None:
        tx.s.add(ReadingPosition(attachment_id=attachment_id, expert_id=expert_id, page=max(page, 0)))
    elif row.page != page:
        row.page = max(page, 0)

"""The exchange's changes to a working file (issue 21): the panel's exchange key, the key an
expert's file returns its work to, and the chair's merge of one return package.

The merge is one transaction. What would make the whole package untrustworthy refuses it whole
(another expert's sheet in it, a rewritten chain); each sheet that cannot be taken is named with
its reason and the rest goes in; nothing is ever overwritten: a submitted revision is kept as it
is, a newer one is added beside it. A package with nothing new writes nothing at all.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain import sheet_content as content
from hvp_desktop.domain.model import ConflictSource, RoundKind, SheetStatus
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import blobs, replay
from hvp_desktop.store import certificates as certs
from hvp_desktop.store.copies import records
from hvp_desktop.store.models import (
    Application,
    Assignment,
    Attachment,
    BlobChunk,
    Conflict,
    Expert,
    Finding,
    Meta,
    PackageReceipt,
    PanelExchangeKey,
    PanelRoot,
    Round,
    ScoreEntry,
    ScoreSheet,
    SigningIdentity,
    StoredRubric,
    Visit,
)
from hvp_desktop.store.ops.core import Tx, now, operation
from hvp_desktop.store.ops.visits import TEXT_LIMIT, _figure, _is_time
from hvp_desktop.store.packages import PANEL_EXCHANGE_KEY, ReturnedWork, new_exchange_key
from hvp_desktop.store.round_lock import locked
from hvp_desktop.store.sheets import rubric_in
from hvp_desktop.store.visits import checklist_in


@operation()
def ensure_exchange_key(tx: Tx) -> str:
    """The panel's exchange key, made the first time packages are prepared; the value is its public half."""
    row = tx.s.scalar(select(PanelExchangeKey).order_by(PanelExchangeKey.id.desc()).limit(1))
    if row is not None:
        return row.public_key
    private, public = new_exchange_key()
    row = PanelExchangeKey(private_key=private, public_key=public, created_at=now())
    tx.s.add(row)
    tx.s.flush()
    tx.log("exchange.key_created", "panel_exchange_key", row.uuid, {"public_key": public, "algorithm": "X25519"})
    return public


@operation(expert_file=True)
def remember_panel_key(tx: Tx, public_hex: str) -> None:
    """An expert's file keeps the panel's exchange key its return packages are encrypted to."""
    current = tx.s.get(Meta, PANEL_EXCHANGE_KEY)
    if current is not None and current.value == public_hex:
        return
    tx.s.merge(Meta(key=PANEL_EXCHANGE_KEY, value=public_hex))
    tx.log("exchange.panel_key", "file", None, {"public_key": public_hex})


# -- the merge -------------------------------------------------------------------------------------
@dataclass
class MergeSummary:
    """What one return package did to the chair's file. `status`: "merged" (something went in),
    "unchanged" (nothing new: the same package again), "older" (a package older than one merged
    before: nothing looked at)."""

    package_id: str
    expert: str  # UUID
    expert_name: str
    device: str
    status: str = "unchanged"
    merged: list[str] = field(default_factory=list)  # sheets taken as their first revision (uuids)
    superseded: list[str] = field(default_factory=list)  # new revisions that supersede an older one
    unchanged: int = 0
    refused: list[dict] = field(default_factory=list)  # {"sheet", "application", "revision", "zh", "en"}
    unknown: list[dict] = field(default_factory=list)  # records naming what this file does not know
    drafts: int = 0  # not submitted on the laptop yet: not merged
    conflicts: int = 0  # declared conflicts recorded
    visits: int = 0  # visits added or updated
    findings: int = 0
    evidence: int = 0  # evidence files added or removed

    def changed(self) -> bool:
        return bool(self.merged or self.superseded or self.conflicts or self.visits or self.findings
                    or self.evidence)

    def as_json(self) -> dict:
        return {"package": self.package_id, "expert": self.expert, "expert_name": self.expert_name,
                "device": self.device, "status": self.status, "merged": len(self.merged),
                "superseded": len(self.superseded), "unchanged": self.unchanged, "refused": self.refused,
                "unknown": self.unknown, "drafts": self.drafts, "conflicts": self.conflicts, "visits": self.visits,
                "findings": self.findings, "evidence": self.evidence}


def _whole_refusal(zh: str, en: str) -> RuleViolation:
    return RuleViolation("PACKAGE", f"整个数据包不予合并：{zh}", f"The whole package is refused: {en}")


def _refuse_foreign(work: ReturnedWork) -> None:
    """Every record must be the sender's own: one that is not refuses the package whole."""
    t = work.snapshot.tables
    who = work.expert
    if any(r["expert_id"] != who for r in t.get("score_sheets", [])):
        raise _whole_refusal("其中有另一位专家的打分表", "it carries another expert's score sheet.")
    if any(r["expert_id"] != who for r in t.get("conflicts", [])):
        raise _whole_refusal("其中有另一位专家的回避申请", "it carries another expert's conflict of interest.")
    if any(r["expert_id"] != who for r in t.get("visits", [])):
        raise _whole_refusal("其中有另一位专家的现场核查记录", "it carries another expert's on-site visit.")
    sheets = {r["uuid"] for r in t.get("score_sheets", [])}
    visits = {r["uuid"] for r in t.get("visits", [])}
    if any(r["sheet_id"] not in sheets for r in t.get("score_entries", [])):
        raise _whole_refusal("其中有不属于任何打分表的分值", "it carries scores outside its sheets.")
    if any(r["visit_id"] not in visits for r in t.get("findings", [])) or any(
            r["kind"] != "evidence" or r["visit_id"] not in visits for r in t.get("attachments", [])):
        raise _whole_refusal("其中有不属于该专家现场核查的记录", "it carries records outside the expert's visits.")
    digests = {r["sha256"] for r in t.get("attachments", [])}
    if any(r["digest"] not in digests for r in t.get("blob_chunks", [])):
        raise _whole_refusal("其中有不属于任何佐证材料的文件数据", "it carries file data outside its evidence.")


def _in_chunks(s, query, column, keys) -> list:
    keys = list(keys)
    out: list = []
    for i in range(0, len(keys), 500):
        out += s.execute(query.where(column.in_(keys[i:i + 500]))).all()
    return out


def _refuse_taken(s, work: ReturnedWork) -> None:
    """A record the package carries under a UUID this file already holds must be the same record of
    the same expert, where it was: another expert's sheet, visit or file, or one moved to another
    application or visit, refuses the package whole (it would overwrite or shadow it)."""
    t, who = work.snapshot.tables, work.expert
    expert_uuid = Expert.uuid.label("expert")

    def check(query, column, keys, ok) -> None:
        for row in _in_chunks(s, query, column, keys):
            if not ok(row):
                raise _whole_refusal("其中的记录与本文件中另一位专家或另一处的记录同号",
                                     "it carries a record under the identity of another expert's record, or moves "
                                     "one of the expert's records elsewhere.")

    incoming = {name: {r["uuid"]: r for r in t.get(name, [])} for name in
                ("score_sheets", "score_entries", "conflicts", "visits", "findings", "attachments")}
    check(select(ScoreSheet.uuid, expert_uuid, Application.uuid).join(Expert, Expert.id == ScoreSheet.expert_id)
          .join(Application, Application.id == ScoreSheet.application_id), ScoreSheet.uuid, incoming["score_sheets"],
          lambda r: r[1] == who and incoming["score_sheets"][r[0]]["application_id"] == r[2])
    check(select(ScoreEntry.uuid, ScoreSheet.uuid).join(ScoreSheet, ScoreSheet.id == ScoreEntry.sheet_id),
          ScoreEntry.uuid, incoming["score_entries"], lambda r: incoming["score_entries"][r[0]]["sheet_id"] == r[1])
    check(select(Conflict.uuid, expert_uuid).join(Expert, Expert.id == Conflict.expert_id), Conflict.uuid,
          incoming["conflicts"], lambda r: r[1] == who)
    check(select(Visit.uuid, expert_uuid, Application.uuid).join(Expert, Expert.id == Visit.expert_id, isouter=True)
          .join(Application, Application.id == Visit.application_id), Visit.uuid, incoming["visits"],
          lambda r: r[1] == who and incoming["visits"][r[0]]["application_id"] == r[2])
    check(select(Finding.uuid, Visit.uuid).join(Visit, Visit.id == Finding.visit_id), Finding.uuid,
          incoming["findings"], lambda r: incoming["findings"][r[0]]["visit_id"] == r[1])
    check(select(Attachment.uuid, Visit.uuid).join(Visit, Visit.id == Attachment.visit_id, isouter=True),
          Attachment.uuid, incoming["attachments"], lambda r: incoming["attachments"][r[0]]["visit_id"] == r[1])


def _ids(s, model, uuids) -> dict[str, int]:
    uuids = list(uuids)
    out: dict[str, int] = {}
    for i in range(0, len(uuids), 500):
        out.update(s.execute(select(model.uuid, model.id).where(model.uuid.in_(uuids[i:i + 500]))).all())
    return out


class _Merge:
    """The state of one package's merge: local ids by UUID, what was found, what goes in."""

    def __init__(self, tx: Tx, work: ReturnedWork, expert: Expert, summary: MergeSummary) -> None:
        self.tx, self.s, self.work, self.expert, self.summary = tx, tx.s, work, expert, summary
        t = work.snapshot.tables
        self.tables = t
        app_uuids = {r["application_id"] for name in ("score_sheets", "conflicts", "visits") for r in t.get(name, [])}
        self.apps = {row.uuid: row for row in self.s.scalars(select(Application).where(
            Application.uuid.in_(app_uuids)))} if app_uuids else {}
        self.rounds: dict[int, Round] = {}
        self._locks: dict[int, object] = {}
        self.carried_before: set[str] = set()  # evidence the last package from this expert file carried

    def lock_of(self, app: Application):
        if app.round_id not in self._locks:
            self._locks[app.round_id] = locked(self.s, app.round_id)
        return self._locks[app.round_id]

    def round_of(self, app: Application) -> Round:
        if app.round_id not in self.rounds:
            self.rounds[app.round_id] = self.s.get(Round, app.round_id)
        return self.rounds[app.round_id]

    def round_uuid(self, app: Application) -> str:
        return self.round_of(app).uuid

    def refuse(self, what: str, rec: dict, zh: str, en: str) -> None:
        app = self.apps.get(rec.get("application_id"))
        self.summary.refused.append({what: rec["uuid"], "kind": what, "application": rec.get("application_id"),
                                     "enterprise": app.enterprise_name if app is not None else "", "zh": zh,
                                     "en": en})

    def unknown(self, what: str, rec: dict) -> None:
        self.summary.unknown.append({"kind": what, "record": rec["uuid"], "application": rec["application_id"],
                                     "revision": rec.get("revision")})

    def locked_reason(self, app: Application) -> tuple[str, str] | None:
        lock = self.lock_of(app)
        if lock is None:
            return None
        return (f"本轮评审结果已于{lock.decided_on}确认汇总，不再接收新的评分",
                f"the round's result was consolidated on {lock.decided_on}; it takes no new scores")


@operation()
def merge_return(tx: Tx, work: ReturnedWork) -> MergeSummary:
    """Merge one opened, signature-checked return package (see the module's docstring)."""
    s = tx.s
    expert = s.scalar(select(Expert).where(Expert.uuid == work.expert))
    if expert is None:
        raise _whole_refusal("本文件中没有寄出该数据包的专家", "the expert who sent it is not in this file.")
    summary = MergeSummary(work.package_id, expert.uuid, expert.name, work.device)
    receipt = s.scalar(select(PackageReceipt).where(PackageReceipt.expert_uuid == work.expert,
                                                    PackageReceipt.device == work.device))
    if receipt is not None and work.head_seq < receipt.head_seq:
        summary.status = "older"
        return summary
    if receipt is not None and work.chain.get(receipt.head_seq) != receipt.head_hash:
        raise _whole_refusal(
            f"该专家的工作文件在上次合并（{receipt.merged_at:%Y-%m-%d %H:%M}）之后被改写：其审计链中已没有当时的第"
            f"{receipt.head_seq}条事件", f"the expert's file was rewritten after the package merged on "
            f"{receipt.merged_at:%Y-%m-%d %H:%M}: its audit chain no longer holds event {receipt.head_seq} as it was.")
    _refuse_foreign(work)
    _refuse_taken(s, work)
    merge = _Merge(tx, work, expert, summary)
    merge.carried_before = set(json.loads(receipt.evidence)) if receipt is not None else set()
    _merge_conflicts(merge)
    _merge_sheets(merge)
    _merge_visits(merge)
    moved = receipt is None or work.head_seq > receipt.head_seq
    if not summary.changed() and not moved:
        return summary  # the same package again: nothing is written
    summary.status = "merged" if summary.changed() else "unchanged"
    carried = json.dumps(sorted(r["uuid"] for r in work.snapshot.tables.get("attachments", [])))
    if receipt is None:
        receipt = PackageReceipt(expert_uuid=work.expert, device=work.device, package_id=work.package_id,
                                 head_seq=work.head_seq, head_hash=work.head_hash, merged_at=now(), evidence=carried)
        s.add(receipt)
    else:
        receipt.package_id, receipt.head_seq, receipt.head_hash = work.package_id, work.head_seq, work.head_hash
        receipt.merged_at, receipt.evidence = now(), carried
    tx.log("package.merged", "expert", expert.uuid, {
        "package": work.package_id, "device": work.device, "head": f"{work.head_seq}:{work.head_hash}",
        "signer": work.signer_fingerprint, "merged": summary.merged, "superseded": summary.superseded,
        "unchanged": summary.unchanged, "refused": summary.refused, "unknown": summary.unknown,
        "drafts": summary.drafts, "conflicts": summary.conflicts, "visits": summary.visits,
        "findings": summary.findings, "evidence": summary.evidence})
    return summary


# -- conflicts -------------------------------------------------------------------------------------
def _merge_conflicts(m: _Merge) -> None:
    s, tx = m.s, m.tx
    for rec in m.tables.get("conflicts", []):
        app = m.apps.get(rec["application_id"])
        if app is None:
            m.unknown("conflict", rec)
            continue
        if s.scalar(select(Conflict.id).where(Conflict.expert_id == m.expert.id,
                                              Conflict.application_id == app.id)) is not None:
            continue  # recorded already (this package before, or by the secretary)
        reason = m.locked_reason(app)
        if reason is not None:
            m.refuse("conflict", rec, *reason)
            continue
        if rec["source"] != ConflictSource.DECLARED.value or not rec["reason"].strip() or \
                len(rec["reason"]) > TEXT_LIMIT:
            m.refuse("conflict", rec, "专家交回的回避须是本人申请并写明原因",
                     "a conflict from an expert's laptop is declared by them, with a reason")
            continue
        row = Conflict(uuid=rec["uuid"], expert_id=m.expert.id, application_id=app.id, source=rec["source"],
                       reason=rec["reason"].strip(), recorded_at=rec["recorded_at"])
        s.add(row)
        for assignment in s.scalars(select(Assignment).where(Assignment.expert_id == m.expert.id,
                                                             Assignment.application_id == app.id)):
            s.delete(assignment)
        s.flush()
        tx.log("panel.conflict", "application", app.id, {"conflict": row.uuid, "expert": m.expert.uuid,
                                                          "application": app.uuid, "source": row.source,
                                                          "reason": row.reason, "from_package": m.work.package_id})
        tx.touch(conflicts={app.id}, assignments={app.id}, applications={app.id})
        m.summary.conflicts += 1


# -- sheets ----------------------------------------------------------------------------------------
def _merge_sheets(m: _Merge) -> None:
    s, summary = m.s, m.summary
    incoming = m.tables.get("score_sheets", [])
    if not incoming:
        return
    entries_of: dict[str, list[dict]] = defaultdict(list)
    for e in m.tables.get("score_entries", []):
        entries_of[e["sheet_id"]].append(e)
    mine = {r["uuid"]: r for r in records(s, ScoreSheet, ScoreSheet.expert_id == m.expert.id)}
    my_entries: dict[str, dict[str, dict]] = defaultdict(dict)
    if mine:
        for e in records(s, ScoreEntry, ScoreEntry.sheet_id.in_(select(ScoreSheet.id).where(
                ScoreSheet.expert_id == m.expert.id))):
            my_entries[e["sheet_id"]][e["uuid"]] = e
    taken = {(r["application_id"], r["revision"]): r["uuid"] for r in mine.values()}
    latest: dict[str, int] = {}
    for r in mine.values():
        latest[r["application_id"]] = max(latest.get(r["application_id"], 0), r["revision"])
    assigned = set(s.scalars(select(Assignment.application_id).where(Assignment.expert_id == m.expert.id)))
    conflicted = dict(s.execute(select(Conflict.application_id, Conflict.reason)
                                .where(Conflict.expert_id == m.expert.id)).all())
    signers = _signers(m)
    rubrics_by_label: dict[str, tuple] = {}
    accepted: list[dict] = []
    replaced: list[str] = []  # drafts here that the expert submitted on their laptop

    def refuse(rec: dict, zh: str, en: str) -> None:
        m.refuse("sheet", rec, zh, en)
        summary.refused[-1]["revision"] = rec["revision"]

    for rec in sorted(incoming, key=lambda r: (r["application_id"], r["revision"])):
        if rec["status"] != SheetStatus.SUBMITTED.value:
            summary.drafts += 1
            continue
        app = m.apps.get(rec["application_id"])
        if app is None:
            m.unknown("sheet", rec)
            continue
        if rec["uuid"] in mine and mine[rec["uuid"]]["status"] == SheetStatus.DRAFT.value:
            # a draft begun on this laptop and finished on the expert's: the draft gives way below
            replaced.append(rec["uuid"])
            del taken[(rec["application_id"], rec["revision"])]
        elif rec["uuid"] in mine:
            theirs = {e["uuid"]: e for e in entries_of[rec["uuid"]]}
            if mine[rec["uuid"]] == rec and my_entries[rec["uuid"]] == theirs:
                summary.unchanged += 1
            else:
                refuse(rec, "与此前合并的同一修订版内容不同（提交后的打分表不会改变：专家的文件可能被改动）",
                       "differs from the same revision merged before (a submitted sheet never changes: the "
                       "expert's file may have been altered)")
            continue
        key = (rec["application_id"], rec["revision"])
        if key in taken:
            refuse(rec, f"本文件已有该专家对此申报的第{rec['revision']}版打分表（另一份）",
                   f"this file already holds another revision {rec['revision']} of the expert's sheet")
            continue
        reason = m.locked_reason(app)
        if reason is not None:
            refuse(rec, *reason)
            continue
        if app.id in conflicted:
            refuse(rec, f"该专家已就此申报申请回避（{conflicted[app.id]}）",
                   f"the expert stepped aside from this application ({conflicted[app.id]})")
            continue
        if app.id not in assigned:
            refuse(rec, "该专家未被分配评审此申报", "the expert is not assigned to this application")
            continue
        if rec["rubric_version"] != m.round_of(app).rubric_version:
            refuse(rec, f"所用评分表{rec['rubric_version']}不是本轮的评分表（{m.round_of(app).rubric_version}）",
                   f"it is scored on {rec['rubric_version']}, not the round's rubric "
                   f"({m.round_of(app).rubric_version})")
            continue
        if rec["rubric_version"] not in rubrics_by_label:
            try:
                rubric = rubric_in(s, rec["rubric_version"])
                digest = s.scalar(select(StoredRubric.digest).where(StoredRubric.label == rec["rubric_version"])
                                  .limit(1))
                rubrics_by_label[rec["rubric_version"]] = (rubric, digest)
            except RuleViolation:
                rubrics_by_label[rec["rubric_version"]] = (None, None)
        rubric, digest = rubrics_by_label[rec["rubric_version"]]
        if rubric is None:
            refuse(rec, f"本文件中没有评分表{rec['rubric_version']}", f"this file has no rubric {rec['rubric_version']}")
            continue
        problem = _scores_problem(rubric, entries_of[rec["uuid"]]) or _signature_problem(
            m, rec, entries_of[rec["uuid"]], m.round_uuid(app), digest, signers)
        if problem is not None:
            refuse(rec, *problem)
            continue
        earlier = latest.get(rec["application_id"], 0) if rec["uuid"] not in replaced else rec["revision"] - 1
        (summary.superseded if earlier else summary.merged).append(rec["uuid"])
        latest[rec["application_id"]] = max(latest.get(rec["application_id"], 0), rec["revision"])
        taken[key] = rec["uuid"]
        accepted.append(rec)
    if not accepted:
        return
    taken_now = {r["uuid"] for r in accepted}
    for uuid in (u for u in replaced if u in taken_now):
        s.delete(s.scalar(select(ScoreSheet).where(ScoreSheet.uuid == uuid)))
    s.flush()
    expert_id = m.expert.id
    # Core inserts: every record carries every column, so one executemany each (the ORM's bulk mode
    # groups rows by which values are None and runs ~300 statements a package)
    s.execute(ScoreSheet.__table__.insert(), [{**rec, "application_id": m.apps[rec["application_id"]].id,
                                    "expert_id": expert_id} for rec in accepted])
    ids = _ids(s, ScoreSheet, [rec["uuid"] for rec in accepted])
    new_entries = [{**e, "sheet_id": ids[rec["uuid"]]} for rec in accepted for e in entries_of[rec["uuid"]]]
    if new_entries:
        s.execute(ScoreEntry.__table__.insert(), new_entries)
    replay.note_written(s, "score_sheets", ids)
    replay.note_written(s, "score_entries", [e["uuid"] for e in new_entries])
    m.tx.touch(sheets=set(ids.values()), applications={m.apps[r["application_id"]].id for r in accepted})
    _keep_signers(m, signers, {rec["signed_by"] for rec in accepted})


def _scores_problem(rubric, entries: list[dict]) -> tuple[str, str] | None:
    codes = {c.code: c for c in rubric.criteria}
    given = {e["criterion_code"]: e for e in entries}
    if set(given) != set(codes) or len(given) != len(entries):
        return ("分值与评分表的指标不一致", "its scores do not match the rubric's criteria")
    for code, e in given.items():
        if e["points"] is None:
            return (f"指标{code}未评分", f"criterion {code} has no score")
        problem = rubrics.check_score(codes[code], e["points"])
        if problem:
            return (f"分值有误：{code} {problem}", f"a score is wrong: {code} {problem}")
    return None


def _signers(m: _Merge) -> dict[str, tuple[object, bool]]:
    """fingerprint → (certificate, known in this file) of the certificates the expert may sign with:
    their identities here, and those the package names that the panel's root issued to them."""
    s = m.s
    out: dict[str, tuple[object, bool]] = {}
    for row in s.scalars(select(SigningIdentity).where(SigningIdentity.expert_id == m.expert.id)):
        try:
            out[row.fingerprint] = (certs.load_certificate(row.certificate), True)
        except ValueError:
            continue
    root = s.scalar(select(PanelRoot).order_by(PanelRoot.id.desc()).limit(1))
    root_cert = certs.load_certificate(root.certificate) if root else None
    for fp, pem in m.work.certificates.items():
        if fp in out:
            continue
        try:
            cert = certs.load_certificate(pem)
        except ValueError:
            continue
        if (root_cert is not None and certs.fingerprint(cert) == fp and certs.issued_by(cert, root_cert)
                and certs.subject_serial(cert) == m.expert.uuid):
            out[fp] = (cert, False)
    return out


def _signature_problem(m: _Merge, rec: dict, entries: list[dict], round_uuid: str, digest: str | None,
                       signers: dict) -> tuple[str, str] | None:
    if rec["transcribed_from_paper"]:
        return ("专家笔记本上不会有纸质录入的打分表", "a paper sheet is never keyed on an expert's laptop")
    if not rec["content_signature"] or not rec["signed_by"]:
        return ("打分表未经专家签名", "the sheet is not signed by its expert")
    signer = signers.get(rec["signed_by"])
    if signer is None:
        return ("签名证书不是本专家组为该专家签发的", "it was not signed with a certificate the panel issued to the expert")
    if rec["signed_content_v"] != content.VERSION:
        return (f"签名内容版本{rec['signed_content_v']}未知", f"unknown signed content version {rec['signed_content_v']}")
    data = content.canonical_content(
        round_uuid=round_uuid, application_uuid=rec["application_id"], expert_uuid=m.expert.uuid,
        rubric_label=rec["rubric_version"], rubric_digest=digest, revision=rec["revision"],
        entries=[(e["criterion_code"], e["points"], e["comment"]) for e in entries],
        signature_png=rec["signature_png"], statement_confirmed_at=rec["statement_confirmed_at"],
        submitted_at=rec["submitted_at"], transcribed=rec["transcribed_from_paper"])
    if not certs.verify_signature(signer[0], rec["content_signature"], data):
        return ("签名与打分表内容不符（签名后被改动）", "its signature does not match its content (changed after signing)")
    return None


def _keep_signers(m: _Merge, signers: dict, used: set[str]) -> None:
    """A certificate the merged sheets were signed with that this file did not hold yet is kept
    (without any key), so that `check` verifies those sheets here too."""
    for fp in sorted(used):
        cert, known = signers[fp]
        if known:
            continue
        m.s.add(SigningIdentity(expert_id=m.expert.id, certificate=certs.cert_pem(cert), chain="",
                                private_key=b"", pin_protected=False, source="issued", issued_by_panel=True,
                                fingerprint=fp, not_after=cert.not_valid_after_utc.replace(tzinfo=None),
                                created_at=now(), replaced_at=now()))
        signers[fp] = (cert, True)
    m.s.flush()


# -- on-site visits, findings, evidence ------------------------------------------------------------
def _visit_problem(m: _Merge, rec: dict, app: Application, rectifies: int | None) -> tuple[str, str] | None:
    """What `open_visit` and `save_visit_details` would refuse in a visit from a laptop."""
    s, rnd = m.s, m.round_of(app)
    if RoundKind(rnd.kind) == RoundKind.RECOGNITION:
        return ("认定评审没有现场核查", "a recognition round has no on-site visits")
    if s.scalar(select(Assignment.id).where(Assignment.expert_id == m.expert.id,
                                            Assignment.application_id == app.id)) is None:
        return ("该专家未被分配考核此建设单位（或已申请回避）", "the expert is not assigned to this centre (or stepped aside)")
    other = s.scalar(select(Visit.uuid).where(Visit.application_id == app.id, Visit.expert_id == m.expert.id,
                                              Visit.uuid != rec["uuid"]))
    if other is not None:
        return ("该专家对此建设单位已有另一次现场核查记录", "the expert already has another visit to this centre")
    if rnd.checklist_version not in (None, rec["checklist_label"]):
        return (f"本轮现场核查采用“{rnd.checklist_version}”", f"the round's visits use “{rnd.checklist_version}”")
    try:
        checklist_in(s, rec["checklist_label"])
    except RuleViolation:
        return (f"本文件中没有核查表“{rec['checklist_label']}”", f"this file has no checklist “{rec['checklist_label']}”")
    if rectifies is not None:
        earlier = s.get(Visit, rectifies)
        earlier_app = s.get(Application, earlier.application_id) if earlier else None
        if earlier_app is None or earlier_app.assesses_application_id != app.assesses_application_id \
                or earlier_app.id == app.id:
            return ("整改后重新考核只能接续同一建设单位此前的现场核查",
                    "a re-assessment continues an earlier visit to the same centre only")
    if any(t and not _is_time(t) for t in (rec["started_at"], rec["ended_at"])) or any(
            v and len(v) > TEXT_LIMIT for v in (rec["place"], rec["enterprise_participants"],
                                                rec["panel_participants"])):
        return ("现场核查的时间或文字不合格式", "the visit's times or texts are not well formed")
    return None


def _merge_visits(m: _Merge) -> None:
    s, summary = m.s, m.summary
    visits = m.tables.get("visits", [])
    if not visits:
        return
    mine = {r["uuid"]: r for r in records(s, Visit, Visit.uuid.in_([v["uuid"] for v in visits]))}
    changed_apps: set[int] = set()
    known_visits: set[str] = set()
    for rec in sorted(visits, key=lambda r: r["rectification_of"] is not None):
        app = m.apps.get(rec["application_id"])
        if app is None:
            m.unknown("visit", rec)
            continue
        reason = m.locked_reason(app)
        if reason is not None:  # a consolidated round's visits stay as they were, findings and files too
            if not (rec["uuid"] in mine and mine[rec["uuid"]] == rec and _same_findings(m, rec["uuid"])):
                m.refuse("visit", rec, *reason)
            continue
        if rec["uuid"] in mine and mine[rec["uuid"]] == rec:
            known_visits.add(rec["uuid"])
            continue
        rectifies = None
        if rec["rectification_of"] is not None:
            rectifies = _ids(s, Visit, [rec["rectification_of"]]).get(rec["rectification_of"])
            if rectifies is None:
                m.unknown("visit", rec)
                continue
        problem = _visit_problem(m, rec, app, rectifies)
        if problem is not None:
            m.refuse("visit", rec, *problem)
            continue
        values = {**rec, "application_id": app.id, "expert_id": m.expert.id, "rectification_of": rectifies}
        if rec["uuid"] in mine:
            row = s.scalar(select(Visit).where(Visit.uuid == rec["uuid"]))
            for k, v in values.items():
                setattr(row, k, v)
        else:
            s.add(Visit(**values))
        rnd = m.round_of(app)
        if rnd.checklist_version is None:  # the round's first visit freezes its checklist, as open_visit does
            rnd.checklist_version = rec["checklist_label"]
            m.tx.log("round.checklist_frozen", "round", rnd.id, {"checklist": rec["checklist_label"]})
            m.tx.touch(rounds={rnd.id}, settings={rnd.id})
        s.flush()
        known_visits.add(rec["uuid"])
        summary.visits += 1
        changed_apps.add(app.id)
    _merge_findings(m, known_visits, changed_apps)
    _merge_evidence(m, known_visits, changed_apps)
    if changed_apps:
        m.tx.touch(visits=changed_apps)


_MODEL_OF = {"applications": Application, "experts": Expert, "visits": Visit}


def _same_findings(m: _Merge, visit_uuid: str) -> bool:
    """Whether the package's findings and evidence of a visit are what this file holds."""
    vid = _ids(m.s, Visit, [visit_uuid]).get(visit_uuid)
    mine = {r["uuid"]: r for r in records(m.s, Finding, Finding.visit_id == vid)}
    theirs = {r["uuid"]: r for r in m.tables.get("findings", []) if r["visit_id"] == visit_uuid}
    files = {r["uuid"] for r in records(m.s, Attachment, Attachment.visit_id == vid)}
    return mine == theirs and files == {r["uuid"] for r in m.tables.get("attachments", [])
                                        if r["visit_id"] == visit_uuid}


def _finding_problem(rec: dict, items: dict) -> tuple[str, str] | None:
    """What `set_finding` would refuse in a finding from a laptop."""
    item = items.get(rec["item_code"])
    if item is None:
        return (f"核查清单中没有事项{rec['item_code']}", f"the checklist has no item {rec['item_code']}")
    try:
        checklists.Status(rec["status"])
        if _figure(rec["figure"], item) != rec["figure"]:
            raise ValueError
    except (ValueError, RuleViolation):
        return (f"事项{rec['item_code']}的核查结论或数值无效", f"item {rec['item_code']}: the finding or figure is not valid")
    if rec["note"] is not None and len(rec["note"]) > TEXT_LIMIT:
        return (f"事项{rec['item_code']}的核查说明过长", f"item {rec['item_code']}: the note is too long")
    return None


def _checklist_items(m: _Merge, label: str) -> dict:
    return {i.code: i for i in checklist_in(m.s, label).items}


def _merge_findings(m: _Merge, visits: set[str], changed_apps: set[int]) -> None:
    s = m.s
    incoming = [f for f in m.tables.get("findings", []) if f["visit_id"] in visits]
    if not incoming:
        return
    visit_ids = _ids(s, Visit, visits)
    mine = {r["uuid"]: r for r in records(s, Finding, Finding.visit_id.in_(list(visit_ids.values())))}
    of_visit = {vid: (app, label) for vid, app, label in s.execute(
        select(Visit.id, Visit.application_id, Visit.checklist_label).where(Visit.id.in_(list(visit_ids.values()))))}
    items = {label: _checklist_items(m, label) for _app, label in of_visit.values()}
    new, updated = [], []
    for rec in incoming:
        if mine.get(rec["uuid"]) == rec:
            continue
        if rec["uuid"] in mine and mine[rec["uuid"]]["updated_at"] >= rec["updated_at"]:
            continue  # this file's is as new or newer (another file of the expert's, an older copy)
        vid = visit_ids[rec["visit_id"]]
        problem = _finding_problem(rec, items[of_visit[vid][1]])
        if problem is not None:
            m.refuse("finding", rec, *problem)
            continue
        values = {**rec, "visit_id": vid}
        (updated if rec["uuid"] in mine else new).append(values)
        changed_apps.add(of_visit[vid][0])
    if new:
        s.execute(Finding.__table__.insert(), new)
    for values in updated:
        row = s.scalar(select(Finding).where(Finding.uuid == values["uuid"]))
        for k, v in values.items():
            setattr(row, k, v)
    s.flush()
    replay.note_written(s, "findings", [v["uuid"] for v in new])
    m.summary.findings += len(new) + len(updated)


def _merge_evidence(m: _Merge, visits: set[str], changed_apps: set[int]) -> None:
    s = m.s
    visit_ids = _ids(s, Visit, visits)
    if not visit_ids:
        return
    incoming = {a["uuid"]: a for a in m.tables.get("attachments", []) if a["visit_id"] in visits}
    here = {r["uuid"]: r for r in records(s, Attachment, (Attachment.kind == "evidence")
                                          & Attachment.visit_id.in_(list(visit_ids.values())))}
    chunks: dict[str, list[dict]] = defaultdict(list)
    for c in m.tables.get("blob_chunks", []):
        chunks[c["digest"]].append(c)
    of_visit = {vid: (app, label) for vid, app, label in s.execute(
        select(Visit.id, Visit.application_id, Visit.checklist_label).where(Visit.id.in_(list(visit_ids.values()))))}
    for uuid, rec in incoming.items():
        if uuid in here:
            continue
        app_id, label = of_visit[visit_ids[rec["visit_id"]]]
        if rec["item_code"] not in _checklist_items(m, label) or rec["size"] < 0 or len(rec["filename"]) > 255:
            m.refuse("evidence", rec, f"佐证材料{rec['filename'][:40]}不属于核查清单中的事项",
                     f"the evidence file {rec['filename'][:40]} is not for an item of the checklist")
            continue
        digest = rec["sha256"]
        if s.scalar(select(BlobChunk.n).where(BlobChunk.digest == digest).limit(1)) is None:
            parts = sorted(chunks.get(digest, []), key=lambda c: c["n"])
            data = b"".join(c["data"] for c in parts)
            if [c["n"] for c in parts] != list(range(len(parts))) or hashlib.sha256(data).hexdigest() != digest \
                    or len(data) != rec["size"] or blobs.media_type_of(data, rec["filename"]) != rec["media_type"]:
                raise _whole_refusal(f"佐证材料{rec['filename']}的数据不完整或与其摘要不符",
                                     f"the data of the evidence file {rec['filename']} is incomplete or does not "
                                     "match its digest.")
            s.execute(BlobChunk.__table__.insert(), parts)
            replay.note_written(s, "blob_chunks", [f"{c['digest']}|{c['n']}" for c in parts])
        vid = visit_ids[rec["visit_id"]]
        s.add(Attachment(**{**rec, "visit_id": vid, "application_id": app_id}))  # as add_evidence records it
        changed_apps.add(app_id)
        m.summary.evidence += 1
    for uuid, rec in here.items():  # taken off on the laptop since the last package (never the office's own)
        if uuid not in incoming and uuid in m.carried_before:
            row = s.scalar(select(Attachment).where(Attachment.uuid == uuid))
            changed_apps.add(of_visit[row.visit_id][0])
            s.delete(row)
            s.flush()
            blobs.drop_if_unused(s, rec["sha256"])
            m.summary.evidence += 1
    s.flush()


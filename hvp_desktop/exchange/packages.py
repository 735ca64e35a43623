"""The two packages between laptops (issue 21; the format is docs/exchange-format.md).

- **Expert package** (secretary → expert): one round's applications assigned to the expert (never
  one they stepped aside from) with their documents, the frozen rubric and checklist, the expert's
  signing credential, the panel's root certificate and exchange key. Signed by the panel's root;
  encrypted under a one-time passphrase the secretary hands over on paper (Argon2id).
  `unpack` creates the expert's own working file from it, or brings an existing one up to date.
- **Return package** (expert → panel): the expert's sheets (every revision), declared conflicts,
  visits, findings and evidence, the file's audit chain as hashes. Signed with the expert's key;
  encrypted to the panel's exchange key (HPKE), so only the secretary's file opens it.
  `merge` takes it into the chair's file (store/ops/packages.merge_return).
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from hvp_desktop import __version__, private_files
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.exchange import codec
from hvp_desktop.exchange.sealed import (
    MAX_PACKAGE,
    SUFFIX,
    Opened,
    PackageRefused,
    Sender,
    canonical,
    new_passphrase,
    open_with_panel_key,
    open_with_passphrase,
    read,
    seal_to_panel,
    seal_with_passphrase,
)
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import copies, expert_file, packages, panel, queries
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.errors import database_errors
from hvp_desktop.store.ops import certificates as cert_ops
from hvp_desktop.store.ops import copies as copy_ops
from hvp_desktop.store.ops import packages as package_ops

EXPERT, RETURN = "expert", "return"


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _header(kind: str, panel_fp: str) -> dict:
    return {"kind": kind, "package": str(uuid.uuid4()), "created": _now(), "panel": panel_fp,
            "app": f"hvp-desktop {__version__}"}


def _json(opened: Opened) -> dict:
    try:
        data = json.loads(opened.payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PackageRefused("数据包内容无法读取：文件已损坏或被改动",
                             "The package's content cannot be read: the file is damaged or altered.") from exc
    if not isinstance(data, dict) or data.get("kind") != opened.header.get("kind"):
        raise PackageRefused("数据包内容与其文件头不符", "The package's content does not match its header.")
    return data


# -- secretary → expert ----------------------------------------------------------------------------
@dataclass(frozen=True)
class PreparedPackage:
    expert_id: int
    expert_name: str
    path: Path
    passphrase: str
    applications: int
    documents: int
    root_fingerprint: str
    issued_certificate: bool  # a signing certificate was issued for the expert to make this package


def build_expert_package(master: WorkingFile, round_id: int, expert_id: int, *,
                         passphrase: str | None = None) -> tuple[bytes, str, dict]:
    """(package bytes, its passphrase, counts) for one expert of one round. The panel's exchange key
    is made the first time; an expert without a signing certificate is issued one (recorded). The
    passphrase is a new random one unless given (the public demo's is fixed)."""
    if expert_file.expert_of(master) is not None:
        raise RuleViolation("PACKAGE", "专家数据包只能由秘书处的工作文件生成",
                            "Expert packages are made from the secretariat's working file.")
    rnd = packages.round_of(master, round_id)  # refused before anything is written when confirmed
    root_key, root_cert = packages.root_signer(master)
    issued = False
    if not _has_identity(master, expert_id):
        cert_ops.issue_certificate(master, expert_id)
        issued = True
    public = package_ops.ensure_exchange_key(master).value
    snap = expert_file.expert_snapshot(master, expert_id, round_id)
    counts = {t: len(rows) for t, rows in snap.tables.items()}
    expert = next(r for r in snap.tables["experts"] if r["uuid"] == snap.owner)
    payload = canonical({"kind": EXPERT, "expert": {"uuid": snap.owner, "name": expert["name"]},
                         "round": {"uuid": rnd["uuid"], "year": rnd["year"], "kind": rnd["kind"]},
                         "exchange_key": public, "snapshot": codec.encode(snap)})
    passphrase = passphrase or new_passphrase()
    fp = certs.fingerprint(root_cert)
    data = seal_with_passphrase(_header(EXPERT, fp), payload, Sender(root_key, root_cert, []), passphrase)
    return data, passphrase, {"applications": counts.get("assignments", 0),
                              "documents": sum(1 for a in snap.tables.get("attachments", []) if a["kind"] == "document"),
                              "issued_certificate": issued, "root_fingerprint": fp}


def _has_identity(wf: WorkingFile, expert_id: int) -> bool:
    return any(info.expert_id == expert_id for info in certs.expert_certificates(wf))


def safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._") or "expert"


def prepare_round(master: WorkingFile, round_id: int, folder: str | os.PathLike,
                  progress: Callable[[int, int], bool] | None = None) -> list[PreparedPackage]:
    """An expert package for every expert of the round's panel with an application to score, into
    `folder` (each written whole or not at all). `progress(done, total)` returning False cancels."""
    rnd = packages.round_of(master, round_id)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    experts = [(m.expert_id, m.name) for m in panel.round_panel(master, round_id) if m.role is not None]
    out = []
    for n, (expert_id, name) in enumerate(experts):
        if progress is not None and progress(n, len(experts)) is False:
            break
        data, passphrase, counts = build_expert_package(master, round_id, expert_id)
        if not counts["applications"]:
            continue
        path = folder / f"{rnd['year']}-{safe_name(name)}{SUFFIX}"
        private_files.write_replacing(path, lambda temp, data=data: temp.write_bytes(data))
        out.append(PreparedPackage(expert_id, name, path, passphrase, counts["applications"], counts["documents"],
                                   counts["root_fingerprint"], counts["issued_certificate"]))
    if progress is not None:
        progress(len(experts), len(experts))
    return out


@dataclass(frozen=True)
class ExpertPackage:
    header: dict
    expert_uuid: str
    expert_name: str
    round: dict
    exchange_key: str
    root_fingerprint: str
    snapshot: copies.Snapshot


def open_expert_package(data: bytes, passphrase: str) -> ExpertPackage:
    sealed = read(data)
    if sealed.kind != EXPERT:
        raise PackageRefused("这是专家交回的数据包，应由秘书处合并，不能在专家笔记本上打开",
                             "This is an expert's return package: the secretariat merges it; it is not opened "
                             "on an expert's laptop.")
    opened = open_with_passphrase(sealed, passphrase)
    body = _json(opened)
    snap = codec.decode(body.get("snapshot"), copies.TRAVELLING)
    roots = [r for r in snap.tables.get("panel_roots", []) if r["fingerprint"] == sealed.header.get("panel")]
    signer_fp = certs.fingerprint(opened.signer)
    if not roots or signer_fp != sealed.header.get("panel") or not certs.issued_by(opened.signer, opened.signer):
        raise PackageRefused("数据包不是由其中的专家组根证书签名的", "The package is not signed by the panel root it carries.")
    expert = body.get("expert") or {}
    if not isinstance(expert, dict) or snap.owner is None or expert.get("uuid") != snap.owner or not isinstance(
            body.get("exchange_key"), str) or not re.fullmatch(r"[0-9a-f]{64}", body["exchange_key"]):
        raise PackageRefused("数据包内容不完整", "The package's content is incomplete.")
    return ExpertPackage(sealed.header, snap.owner, str(expert.get("name", "")), body.get("round") or {},
                         body["exchange_key"], signer_fp, snap)


def install_package(wf: WorkingFile, package: ExpertPackage) -> dict:
    """Bring an expert's file (new, or theirs from an earlier package) up to date from `package`:
    one transaction for the records, their own work kept as they left it."""
    have = certs.root_fingerprint(wf)
    if have is not None and have != package.root_fingerprint:
        raise PackageRefused("数据包来自另一个专家组（根证书不同），不能并入此文件",
                             "The package is from another panel (another root): not taken into this file.")
    if expert_file.expert_of(wf) is None and (queries.round_list(wf) or certs.root_certificate_pem(wf)):
        raise PackageRefused("这是秘书处的工作文件，专家数据包只能打开为专家本人的文件",
                             "This is the secretariat's working file: an expert package opens into the expert's "
                             "own file.")
    counts = copy_ops.install(wf, package.snapshot).value
    package_ops.remember_panel_key(wf, package.exchange_key)
    assigned = counts.get("assignments", {})
    return {"file": str(wf.path.resolve()), "expert": package.expert_name, "round": package.round,
            "root_fingerprint": package.root_fingerprint,
            "applications": assigned.get("added", 0) + assigned.get("unchanged", 0),
            "added": {t: c["added"] for t, c in counts.items() if c["added"]}}


def unpack(data: bytes, passphrase: str, path: str | os.PathLike, password: str) -> dict:
    """Open an expert package into the expert's own file at `path`: created under `password`, or,
    when it exists, opened with it and brought up to date. A new file that fails is not left behind."""
    package = open_expert_package(data, passphrase)
    path = Path(path)
    created = not path.exists()
    wf = WorkingFile.create(path, password) if created else WorkingFile.open(path, password)
    try:
        result = install_package(wf, package)
    except BaseException:
        wf.close()
        if created:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), path.with_name(path.name + ".head")):
                leftover.unlink(missing_ok=True)
        raise
    wf.close()
    return {**result, "created": created}


# -- expert → panel --------------------------------------------------------------------------------
def build_return(wf: WorkingFile, pin: str | None = None) -> tuple[bytes, dict]:
    """(package bytes, counts) of everything the expert has done in their own file."""
    panel_key = packages.panel_key_of(wf)
    if panel_key is None:
        raise RuleViolation("PACKAGE", "此文件不是由专家数据包打开的，不知道交回给哪个专家组",
                            "This file was not opened from an expert package: it does not know which panel to "
                            "return to.")
    snap, chain, pems = packages.returned_work(wf)
    expert_id = expert_file.expert_of(wf)
    key, cert, chain_certs = certs.signing_identity(wf, expert_id, pin)
    root_fp = certs.root_fingerprint(wf) or ""
    seq, _, digest = snap.head.partition(":")
    payload = canonical({"kind": RETURN, "expert": snap.owner, "device": snap.device, "head": snap.head,
                         "chain": sorted([s, h] for s, h in chain.items()), "certificates": pems,
                         "snapshot": codec.encode(snap)})
    data = seal_to_panel(_header(RETURN, root_fp), payload, Sender(key, cert, chain_certs), panel_key)
    sheets = snap.tables["score_sheets"]
    return data, {"sheets": len(sheets), "submitted": sum(1 for r in sheets if r["status"] == "submitted"),
                  "conflicts": len(snap.tables["conflicts"]), "visits": len(snap.tables["visits"]),
                  "evidence": len(snap.tables["attachments"]), "head": int(seq or 0), "digest": digest}


def open_return(chair: WorkingFile, data: bytes) -> packages.ReturnedWork:
    """A return package opened with the panel's exchange key and checked: signed by an expert the
    panel's root issued a certificate to, naming that expert, for this panel."""
    sealed = read(data)
    if sealed.kind != RETURN:
        raise PackageRefused("这是发给专家的数据包（用口令打开），不是专家交回的数据包",
                             "This is a package for an expert (opened with a passphrase), not a return package.")
    root_pem = certs.root_certificate_pem(chair)
    if root_pem is None:
        raise PackageRefused("本文件没有专家组根证书，无法核验数据包", "This file has no panel root to check the package with.")
    root = certs.load_certificate(root_pem)
    if sealed.header.get("panel") != certs.fingerprint(root):
        raise PackageRefused("数据包是交给另一个专家组的（根证书不同）", "The package is for another panel (another root).")
    key = packages.exchange_key(chair)
    if key is None:
        raise PackageRefused("本文件从未生成专家数据包，没有交换密钥，无法打开交回的数据包",
                             "This file never prepared expert packages: it has no exchange key to open returns with.")

    def trust(signer, _chain) -> None:  # before the payload is even inflated
        if not certs.issued_by(signer, root):
            raise PackageRefused("数据包的签名证书不是本专家组根证书签发的",
                                 "The package was signed with a certificate this panel's root did not issue.")
        now = datetime.now(UTC)
        if not signer.not_valid_before_utc <= now <= signer.not_valid_after_utc:
            raise PackageRefused(f"数据包的签名证书已过期或尚未生效（有效期至{signer.not_valid_after_utc:%Y-%m-%d}）",
                                 f"The package's signing certificate is not valid now (valid until "
                                 f"{signer.not_valid_after_utc:%Y-%m-%d}).")
        replaced = packages.identity_replaced_at(chair, certs.fingerprint(signer))
        if replaced is not None:
            raise PackageRefused(f"数据包的签名证书已于{replaced:%Y-%m-%d}被更换（如笔记本丢失后重新签发），不再接受",
                                 f"The package's signing certificate was replaced on {replaced:%Y-%m-%d} (e.g. "
                                 "re-issued after a lost laptop): no longer accepted.")

    opened = open_with_panel_key(sealed, *key, trust=trust)
    body = _json(opened)
    expert = body.get("expert")
    if certs.subject_serial(opened.signer) != expert:
        raise PackageRefused("数据包由另一位专家签名，与其中的专家不符",
                             "The package was signed by another expert than the one it names.")
    snap = codec.decode(body.get("snapshot"), packages.RETURNED)
    head = str(body.get("head", ""))
    seq, _, digest = head.partition(":")
    try:
        chain = {int(s): str(h) for s, h in body.get("chain") or []
                 if isinstance(s, int) and not isinstance(s, bool) and 0 < s < 2 ** 62}
    except (TypeError, ValueError) as exc:
        raise PackageRefused("数据包中的审计链有误", "The package's audit chain is malformed.") from exc
    if not re.fullmatch(r"[0-9]{1,18}", seq) or len(chain) != len(body.get("chain") or []):
        raise PackageRefused("数据包中的审计链有误", "The package's audit chain is malformed.")
    pems = body.get("certificates") or {}
    if (snap.owner != expert or not seq.isdigit() or chain.get(int(seq)) != digest or not isinstance(pems, dict)
            or not isinstance(body.get("device"), str) or not body["device"]):
        raise PackageRefused("数据包内容不完整或自相矛盾", "The package's content is incomplete or contradicts itself.")
    return packages.ReturnedWork(str(sealed.header.get("package", "")), expert, body["device"], int(seq), digest,
                                 chain, snap, certs.fingerprint(opened.signer), {str(k): str(v) for k, v in pems.items()})


@dataclass
class MergeResult:
    """One file given to `merge`: its summary, or why it was refused (nothing of it went in)."""

    path: str
    summary: package_ops.MergeSummary | None = None
    refused: tuple[str, str] | None = None  # (zh, en)
    rule: str = ""

    def as_json(self) -> dict:
        out = {"file": self.path}
        if self.summary is not None:
            out.update(self.summary.as_json())
        else:
            out.update({"status": "refused", "rule": self.rule, "zh": self.refused[0], "en": self.refused[1]})
        return out


def _unexpected(path: str, exc: BaseException) -> MergeResult:
    """A package that made the merge fail in a way no check names: refused, logged as an incident
    (the class and frames only, never the content), the file rolled back."""
    from hvp_desktop import logs

    incident = logs.log_exception(type(exc), exc, exc.__traceback__, "merge package")
    return MergeResult(path, refused=(f"数据包无法合并（内部错误，事件编号 {incident}），文件未改动",
                                      f"The package could not be merged (internal error, incident {incident}); "
                                      "the file is unchanged."), rule="PACKAGE")


@dataclass
class MergeReport:
    results: list[MergeResult] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        done = [r.summary for r in self.results if r.summary is not None]
        return {"packages": len(self.results), "refused_packages": sum(1 for r in self.results if r.refused),
                "merged": sum(len(s.merged) for s in done), "superseded": sum(len(s.superseded) for s in done),
                "unchanged": sum(s.unchanged for s in done), "refused": sum(len(s.refused) for s in done),
                "unknown": sum(len(s.unknown) for s in done), "older": sum(1 for s in done if s.status == "older")}

    def as_json(self) -> dict:
        return {"totals": self.totals(), "packages": [r.as_json() for r in self.results]}


def merge(chair: WorkingFile, paths: Iterable[str | os.PathLike],
          progress: Callable[[int, int], bool] | None = None) -> MergeReport:
    """Merge return packages into the chair's file, each in its own transaction: a refused package
    leaves the file as it was and the others still go in. The packages of one expert's file are
    merged oldest first whatever the order given, so a batch's outcome does not depend on it."""
    report = MergeReport()
    opened: list[tuple[str, packages.ReturnedWork]] = []
    paths = [str(p) for p in paths]
    total = len(paths) * 2
    for n, path in enumerate(paths):
        if progress is not None and progress(n, total) is False:
            return report
        try:
            if Path(path).stat().st_size > MAX_PACKAGE:
                raise PackageRefused("数据包过大，不是本程序写出的", "The package is too large to be one this app wrote.")
            data = Path(path).read_bytes()
            opened.append((path, open_return(chair, data)))
        except RuleViolation as exc:
            report.results.append(MergeResult(path, refused=(exc.zh, exc.en), rule=exc.rule))
        except OSError as exc:
            report.results.append(MergeResult(path, refused=(f"无法读取：{exc.strerror or exc}",
                                                             f"cannot be read: {exc.strerror or exc}"), rule="INPUT"))
        except (MemoryError, RecursionError, ValueError, TypeError, KeyError, AttributeError) as exc:
            report.results.append(_unexpected(path, exc))
    opened.sort(key=lambda item: (item[1].expert, item[1].device, item[1].head_seq))
    for n, (path, work) in enumerate(opened):
        if progress is not None and progress(len(paths) + n, total) is False:
            break
        try:
            report.results.append(MergeResult(path, summary=package_ops.merge_return(chair, work).value))
        except RuleViolation as exc:
            report.results.append(MergeResult(path, refused=(exc.zh, exc.en), rule=exc.rule))
        except database_errors() as exc:  # a constraint a crafted package breaks: rolled back, named
            if "locked" in str(exc) or "busy" in str(exc):
                raise
            report.results.append(MergeResult(path, refused=(
                "数据包中的记录与本文件的约束冲突，未合并（文件未改动）",
                "The package's records conflict with this file's constraints: not merged (the file is "
                "unchanged)."), rule="PACKAGE"))
        except (MemoryError, RecursionError, ValueError, TypeError, KeyError, AttributeError,
                ArithmeticError) as exc:  # rolled back; the other packages still go in
            report.results.append(_unexpected(path, exc))
    if progress is not None:
        progress(total, total)
    return report


# -- looking at a package ----------------------------------------------------------------------------
def describe(data: bytes) -> dict:
    """What a package's plain header says, checked for shape; nothing is decrypted."""
    sealed = read(data)
    return {"kind": sealed.kind, "format": sealed.header.get("format"), "package": sealed.header.get("package"),
            "created": sealed.header.get("created"), "panel": sealed.header.get("panel"),
            "encryption": sealed.header["key"].get("method"), "size": len(data), "app": sealed.header.get("app")}

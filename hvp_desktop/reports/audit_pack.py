"""The objection audit pack (issue 20 §7, R16/R19): its format, and its verification offline with
no working file (`verify_audit_pack`). `reports/audit_pack_writer.py` writes it.

A pack is a zip (format "hvp-audit-pack", version 1, see docs/audit-pack.md):

    manifest.json          the round, the audit head, every sheet's entry, every file's SHA-256
    root.pem               the panel's root certificate
    rubric.json            the round's frozen rubric (canonical JSON: its digest is the sheets')
    round.json             the round's review data but its points (scoring/round_codec), its
                           conflicts and the uuids of its rows and experts
    certificates/*.pem     the experts' signing certificates, by fingerprint
    sheets/*.json, *.sig   each submitted revision's canonical content as signed, and the signature
    sheet-pdfs/*.pdf       the latest sheets as PDFs (signed by their experts where the key allowed)
    result.json, result.pdf  the consolidated result's data and its PDF (signed by the chair)
    events.jsonl           the round's audit events

`verify_audit_pack` checks every file against the manifest, every sheet's signature against its
certificate and the root, every sheet PDF and the result PDF with `pdf_sign.verify_pdf` (and that
each PDF names the data beside it: `hvp-content:` / `hvp-digest:`), every audit event's hash,
and computes the ranking again from the signed sheets, naming any difference from the result the
chair signed. It reads the zip in memory, bounded; nothing is extracted.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

FORMAT, VERSION = "hvp-audit-pack", 1
MAX_ENTRIES = 50_000
MAX_MEMBER_BYTES = 64 << 20
MAX_TOTAL_BYTES = 1 << 30
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MiB


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dump(obj) -> bytes:
    """Canonical JSON bytes (sorted keys, no spaces, UTF-8 as is)."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass
class PackReport:
    """What `verify_audit_pack` found; `ok` only when nothing is named in `problems`."""

    ok: bool = False
    round_title: str = ""
    round_uuid: str = ""
    root_fingerprint: str = ""
    files: int = 0
    sheets_verified: int = 0
    sheets_unsigned: int = 0  # paper sheets keyed by the secretariat, and older unsigned ones
    pdfs_verified: int = 0
    pdfs_unsigned: int = 0
    result_signed_by: list[str] = field(default_factory=list)
    ranking_recomputed: bool = False
    root_pinned: bool = False
    events_verified: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (zh, en)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def problem(self, zh: str, en: str) -> None:
        self.problems.append((zh, en))

    def as_json(self) -> dict:
        plain = asdict(self)
        plain["problems"] = [{"zh": zh, "en": en} for zh, en in self.problems]
        plain["notes"] = [{"zh": zh, "en": en} for zh, en in self.notes]
        return plain


class PackError(ValueError):
    """The pack cannot be read at all (not a zip, too big, an unknown format or version)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} ({en})")
        self.zh, self.en = zh, en


def _open(path: Path) -> tuple[zipfile.ZipFile, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise PackError(f"无法读取审计包：{exc}", f"The audit pack cannot be read: {exc}") from exc
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackError(f"审计包中文件过多（{len(infos)}个）", f"Too many files in the pack ({len(infos)}).")
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise PackError("审计包解压后过大", "The pack is too large once uncompressed.")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise PackError("审计包中有重名的文件", "The pack holds two members of the same name.")
    if any(n.startswith(("/", "\\")) or ".." in n.replace("\\", "/").split("/") for n in names):
        raise PackError("审计包中有非法的文件路径", "The pack holds a member with an unsafe path.")
    members: dict[str, bytes] = {}
    for info in infos:
        if info.is_dir():
            continue
        if info.file_size > MAX_MEMBER_BYTES or (
                info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise PackError(f"审计包中的{info.filename}过大或压缩比异常",
                            f"{info.filename} in the pack is too large or compressed suspiciously well.")
        try:
            members[info.filename] = archive.read(info)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:  # CRC error, truncation
            raise PackError(f"审计包中的{info.filename}已损坏：{exc}",
                            f"{info.filename} in the pack is damaged: {exc}") from exc
    return archive, members


def _json(members: dict[str, bytes], name: str):
    try:
        return json.loads(members[name].decode("utf-8"))
    except KeyError as exc:
        raise PackError(f"审计包缺少{name}", f"The pack has no {name}.") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackError(f"审计包中的{name}无法读取：{exc}", f"{name} in the pack cannot be read: {exc}") from exc


def verify_audit_pack(path: str | Path, root_fingerprint: str | None = None) -> PackReport:
    """Every check of the module's docstring; a pack that cannot be read raises PackError.
    `root_fingerprint` (the panel's, as printed on the result or read aloud; spaces ignored, a
    prefix of 16 hex digits or more) pins the trust anchor: without it the pack's own root is
    trusted, and a forger with a root of their own passes, so the report says it is not pinned."""
    archive, members = _open(Path(path))
    archive.close()
    manifest = _json(members, "manifest.json")
    if not (isinstance(manifest, dict) and isinstance(manifest.get("round"), dict)
            and isinstance(manifest.get("files"), dict) and isinstance(manifest.get("sheets"), list)
            and all(isinstance(e, dict) for e in manifest["sheets"])):
        raise PackError("这不是hvp-desktop的审计包（清单格式不符）", "This is not an hvp-desktop audit pack (manifest).")
    if manifest.get("format") != FORMAT:
        raise PackError("这不是hvp-desktop的审计包", "This is not an hvp-desktop audit pack.")
    if manifest.get("version") != VERSION:
        raise PackError(f"审计包格式版本{manifest.get('version')!r}不受支持（本程序读取版本{VERSION}），请使用更新的hvp-desktop",
                        f"Audit pack format version {manifest.get('version')!r} is not supported (this program "
                        f"reads version {VERSION}); use a newer hvp-desktop.")
    report = PackReport(round_title=str(manifest["round"]["title"]), round_uuid=str(manifest["round"]["uuid"]))
    try:
        _check_files(report, manifest, members)
        roots = _check_root(report, members)
        _check_pin(report, roots, root_fingerprint)
        certs = _certificates(report, members, roots)
        rubric = _check_rubric(report, members)
        contents = _check_sheets(report, manifest, members, certs, rubric)
        _check_sheet_pdfs(report, manifest, members, roots, contents)
        result = _check_result(report, members, roots)
        _recompute(report, members, rubric, contents, result)
        _check_events(report, members)
    except PackError as exc:
        report.problem(exc.zh, exc.en)
    except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError, IndexError,
            RecursionError) as exc:  # a malformed entry of a sound zip
        report.problem(f"审计包内容格式有误：{exc!r}", f"The pack's content is malformed: {exc!r}")
    report.ok = not report.problems
    return report


def _check_files(report: PackReport, manifest: dict, members: dict[str, bytes]) -> None:
    listed: dict[str, str] = manifest["files"]
    report.files = len(listed)
    for name, digest in sorted(listed.items()):
        if name not in members:
            report.problem(f"清单所列文件缺失：{name}", f"A file the manifest lists is missing: {name}")
        elif sha256(members[name]) != digest:
            report.problem(f"文件已被改动（SHA-256与清单不符）：{name}",
                           f"A file was changed (its SHA-256 is not the manifest's): {name}")
    for name in sorted(set(members) - set(listed) - {"manifest.json"}):
        report.problem(f"清单之外的文件：{name}", f"A file the manifest does not list: {name}")


def _check_root(report: PackReport, members: dict[str, bytes]) -> list:
    from hvp_desktop.store import certificates as certs

    try:
        roots = certs.load_chain(members["root.pem"].decode("ascii"))
    except (KeyError, UnicodeDecodeError, ValueError) as exc:
        raise PackError("审计包中没有可读的专家组根证书", "The pack has no readable panel root certificate.") from exc
    if not roots:
        raise PackError("审计包中没有专家组根证书", "The pack has no panel root certificate.")
    report.root_fingerprint = certs.short_fingerprint(certs.fingerprint(roots[0]))
    return roots


def _check_pin(report: PackReport, roots: list, pinned: str | None) -> None:
    from hvp_desktop.store import certificates as certs

    full = certs.fingerprint(roots[0]).replace(":", "").upper()
    if pinned is None:
        report.notes.append(("未指定专家组根证书指纹（--root-fingerprint）：所信任的是包内自带的根证书，请与公示结果上的指纹核对",
                             "The root is not pinned (--root-fingerprint): the pack's own root is trusted; compare "
                             "its fingerprint with the one printed on the published result."))
        return
    wanted = "".join(pinned.split()).replace(":", "").upper()
    report.root_pinned = True
    if len(wanted) < 16 or not full.startswith(wanted):
        report.problem(f"审计包的根证书（{report.root_fingerprint}）不是指定的专家组根证书（{pinned}）",
                       f"The pack's root ({report.root_fingerprint}) is not the pinned panel root ({pinned}).")


def _certificates(report: PackReport, members: dict[str, bytes], roots: list) -> dict:
    """fingerprint → certificate of every expert certificate the root issued (others are named)."""
    from hvp_desktop.store import certificates as certs

    out = {}
    for name, data in members.items():
        if not (name.startswith("certificates/") and name.endswith(".pem")):
            continue
        cert = certs.load_certificate(data)
        fp = certs.fingerprint(cert)
        if not any(certs.issued_by(cert, root) for root in roots):
            report.problem(f"证书{certs.subject_name(cert)}（{certs.short_fingerprint(fp)}）不是由专家组根证书签发的",
                           f"The certificate of {certs.subject_name(cert)} ({certs.short_fingerprint(fp)}) was not "
                           "issued by the panel's root.")
            continue
        out[fp] = cert
    return out


def _check_rubric(report: PackReport, members: dict[str, bytes]):
    from hvp_desktop.domain.rules import InvalidInput
    from hvp_desktop.scoring import rubric as rubrics

    if "rubric.json" not in members:
        return None
    try:
        return rubrics.loads(members["rubric.json"].decode("utf-8"), "rubric.json")
    except (InvalidInput, UnicodeDecodeError, ValueError) as exc:
        report.problem(f"评分表无法读取：{exc}", f"The rubric cannot be read: {exc}")
        return None


@dataclass(frozen=True)
class SignedSheet:
    application: str  # uuids
    expert: str
    revision: int
    content: dict
    sha256: str


def _check_sheets(report: PackReport, manifest: dict, members: dict[str, bytes], certs: dict, rubric) -> list:
    """The sheets whose signature holds (or paper sheets, counted as unsigned), as signed."""
    from hvp_desktop.store.certificates import subject_name, verify_signature

    good: list[SignedSheet] = []
    for entry in manifest["sheets"]:
        label_zh = f"{entry['expert_name']}对{entry['enterprise_name']}的打分表（第{entry['revision']}版）"
        label_en = f"{entry['expert_name']}'s sheet for {entry['enterprise_name']} (revision {entry['revision']})"
        data = members.get(entry["content"])
        if data is None:
            continue  # named by the file check
        content = json.loads(data.decode("utf-8"))
        if content.get("round") != report.round_uuid:
            report.problem(f"{label_zh}不属于本轮", f"{label_en} is not of this round.")
            continue
        if rubric is not None and content.get("rubric", {}).get("digest") != rubric.digest:
            report.problem(f"{label_zh}所用评分表与审计包中的评分表不符",
                           f"{label_en} was scored on another rubric than the pack's.")
            continue
        if not isinstance(content, dict) or (content.get("application"), content.get("expert"),
                                             content.get("revision")) != (entry["application"], entry["expert"],
                                                                          entry["revision"]):
            report.problem(f"{label_zh}：内容与清单所列的申报、专家或版本不符",
                           f"{label_en}: its content is not the application, expert or revision the manifest lists.")
            continue
        if entry.get("signature") is None:
            if _has_certificate(certs, content.get("expert")):
                report.problem(f"{label_zh}未签名，但该专家有本专家组签发的证书（签名被移除？）",
                               f"{label_en} is unsigned although its expert has a panel certificate (signature removed?).")
                continue
            report.sheets_unsigned += 1
            report.notes.append((f"{label_zh}未经专家数字签名（{'据纸质打分表录入' if entry.get('transcribed') else '无证书'}）",
                                 f"{label_en} is not digitally signed ({'keyed from paper' if entry.get('transcribed') else 'no certificate'})"))
            good.append(SignedSheet(content["application"], content["expert"], int(content["revision"]), content,
                                    sha256(data)))
            continue
        signature = base64.b64decode(members[entry["signature"]]) if entry["signature"] in members else b""
        cert = certs.get(entry.get("signed_by", ""))
        if cert is None:
            report.problem(f"{label_zh}：签名证书不在审计包中或不是本专家组签发的",
                           f"{label_en}: its certificate is not in the pack or not the panel's.")
            continue
        from hvp_desktop.reports.pdf_sign import _asn1_cert

        serial = str(_asn1_cert(cert).subject.native.get("serial_number", ""))
        if serial != content.get("expert"):
            report.problem(f"{label_zh}：由另一位专家（{subject_name(cert)}）的密钥签名",
                           f"{label_en}: signed with another expert's key ({subject_name(cert)}'s).")
            continue
        if not verify_signature(cert, signature, data):
            report.problem(f"{label_zh}：签名与内容不符（签名后被改动）",
                           f"{label_en}: the signature does not match the content (changed after signing).")
            continue
        report.sheets_verified += 1
        good.append(SignedSheet(content["application"], content["expert"], int(content["revision"]), content,
                                sha256(data)))
    return good


def _serial(cert) -> str:
    from cryptography.x509.oid import NameOID

    values = cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    return str(values[0].value) if values else ""


def _has_certificate(certs: dict, expert_uuid) -> bool:
    return any(_serial(cert) == expert_uuid for cert in certs.values())


def _keywords_of_first_revision(pdf: bytes) -> str:
    """The /Keywords of the revision the first signature covers (later revisions cannot change them)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    signatures = reader.embedded_signatures
    if signatures:
        byte_range = list(signatures[0].sig_object["/ByteRange"])
        reader = PdfFileReader(io.BytesIO(pdf[:byte_range[2] + byte_range[3]]), strict=False)
    info = reader.trailer_view.get("/Info")
    return "" if info is None else str(info.get_object().get("/Keywords", ""))


def _keyword(words: str, prefix: str) -> str:
    return next((w[len(prefix):] for w in words.split() if w.startswith(prefix)), "")


def _check_sheet_pdfs(report: PackReport, manifest: dict, members: dict[str, bytes], roots: list,
                      contents: list[SignedSheet]) -> None:
    """Each sheet PDF: readable, and when signed, valid, by this entry's expert, naming this entry's content."""
    from hvp_desktop.reports.pdf_sheet import CONTENT_KEYWORD, EXPERT_KEYWORD
    from hvp_desktop.reports.pdf_sign import verify_pdf

    del contents
    for entry in manifest["sheets"]:
        name = entry.get("pdf")
        if not name or name not in members:
            continue
        pdf = members[name]
        verdict = verify_pdf(pdf, roots)
        if not verdict.readable:
            report.problem(f"{name}：{verdict.message_zh}", f"{name}: {verdict.message_en}")
            continue
        if not verdict.signed:
            report.pdfs_unsigned += 1
            continue
        if not verdict.ok:
            report.problem(f"{name}：{verdict.message_zh}", f"{name}: {verdict.message_en}")
            continue
        words = _keywords_of_first_revision(pdf)
        content = members.get(entry["content"], b"")
        if (_keyword(words, CONTENT_KEYWORD) != sha256(content) or _keyword(words, EXPERT_KEYWORD) != entry["expert"]
                or verdict.signer_serial != entry["expert"]):
            report.problem(f"{name}：PDF所载的打分表与清单中该条目（专家签署的数据）不符",
                           f"{name}: the PDF is not the sheet its manifest entry names (the data its expert signed).")
            continue
        report.pdfs_verified += 1


def _check_result(report: PackReport, members: dict[str, bytes], roots: list):
    """The result's data, when the chair's signed PDF vouches for it (or, unsigned, with a note)."""
    from hvp_desktop.domain.result_report import PanelSigner, ResultReport, ResultRow
    from hvp_desktop.reports.pdf_result import DIGEST_KEYWORD, report_digest
    from hvp_desktop.reports.pdf_sign import verify_pdf

    if "result.json" not in members:
        report.notes.append(("审计包中没有汇总结果", "The pack holds no consolidated result."))
        return None
    plain = json.loads(members["result.json"].decode("utf-8"))
    plain["panel"] = tuple(PanelSigner(**p) for p in plain["panel"])
    plain["rows"] = tuple(ResultRow(**{**r, "totals": tuple(r["totals"]), "notes": tuple(r["notes"])})
                          for r in plain["rows"])
    for key in ("experts", "without_sheets", "explanations"):
        plain[key] = tuple(plain[key])
    result = ResultReport(**plain)
    pdf = members.get("result.pdf")
    if pdf is None:
        report.notes.append(("审计包中没有汇总结果PDF", "The pack holds no result PDF."))
        return result
    verdict = verify_pdf(pdf, roots)
    if not verdict.readable:
        report.problem(f"result.pdf：{verdict.message_zh}", f"result.pdf: {verdict.message_en}")
        return result
    if not verdict.signed:
        if result.consolidated:  # a consolidated result without the chair's signature vouches for nothing
            report.problem("汇总结果已汇总锁定，但result.pdf没有组长签名：无法核实结果",
                           "The result is consolidated but result.pdf carries no chair's signature: it cannot be verified.")
        else:
            report.notes.append(("汇总结果尚未汇总锁定，PDF未签名", "The result is not consolidated; its PDF is unsigned."))
        return result
    if not verdict.ok:
        report.problem(f"result.pdf：{verdict.message_zh}", f"result.pdf: {verdict.message_en}")
        return result
    chair = result.chair
    if chair is None or verdict.signatures[0].serial != chair.expert_uuid:
        report.problem("result.pdf的首个签名不是本轮组长的签名", "result.pdf's first signature is not the round's chair's.")
    report.result_signed_by = [s.name for s in verdict.signatures]
    if _keyword(_keywords_of_first_revision(pdf), DIGEST_KEYWORD) != report_digest(result):
        report.problem("result.json与组长签署的汇总结果PDF不符", "result.json is not the data of the result PDF the chair signed.")
    return result


def _recompute(report: PackReport, members: dict[str, bytes], rubric, contents: list[SignedSheet], result) -> None:
    """The ranking computed again from the signed sheets, compared with the signed result."""
    from hvp_desktop.reports.pdf_result import result_data
    from hvp_desktop.scoring import round_codec
    from hvp_desktop.scoring.review import review

    if result is None or "round.json" not in members:
        return
    plain = json.loads(members["round.json"].decode("utf-8"))
    app_ids = {u: int(a) for a, u in plain["application_uuids"].items()}
    expert_ids = {u: int(e) for e, u in plain["expert_uuids"].items()}
    conflicted = {(int(a), int(e)) for a, e in plain["conflicts"]}
    latest: dict[tuple[int, int], SignedSheet] = {}
    for sheet in contents:
        key = (app_ids.get(sheet.application, -1), expert_ids.get(sheet.expert, -1))
        if -1 in key:
            report.problem(f"签名打分表所属的申报或专家不在本轮（{sheet.application}）",
                           f"A signed sheet's application or expert is not in the round ({sheet.application}).")
            continue
        if key not in latest or latest[key].revision < sheet.revision:
            latest[key] = sheet
    points: dict[int, dict[int, dict[str, Decimal]]] = {}
    for (app, expert), sheet in sorted(latest.items()):
        if (app, expert) in conflicted:
            continue
        scores = {code: Decimal(e["score"]) for code, e in sheet.content["entries"].items() if e["score"] is not None}
        points.setdefault(app, {})[expert] = scores
    data = round_codec.from_plain(plain["review"], rubric, points)
    again = result_data(review(data), result.panel, round_uuid=result.round_uuid)
    differences = _differences(result, again)
    for zh, en in differences:
        report.problem(zh, en)
    report.ranking_recomputed = not differences


def _differences(signed, again) -> list[tuple[str, str]]:
    out = []
    for name in ("method", "line", "inside_count", "experts"):
        if getattr(signed, name) != getattr(again, name):
            out.append((f"汇总结果的{name}为{getattr(signed, name)}，按打分表重算为{getattr(again, name)}",
                        f"The result's {name} is {getattr(signed, name)}; from the sheets it is {getattr(again, name)}."))
    before = {r.enterprise_name: r for r in signed.rows}
    after = {r.enterprise_name: r for r in again.rows}
    for name in sorted(set(before) | set(after)):
        a, b = before.get(name), after.get(name)
        if a is None or b is None:
            where = "重算结果" if a is None else "汇总结果"
            out.append((f"{name}只出现在{'重算结果' if a is None else '汇总结果'}中",
                        f"{name} appears only in the {'recomputed' if a is None else 'signed'} result ({where})."))
            continue
        for attr, word in (("rank", "名次"), ("score", "汇总得分"), ("totals", "各专家总分"), ("status", "结果")):
            if getattr(a, attr) != getattr(b, attr):
                out.append((f"{name}：汇总结果中{word}为{getattr(a, attr)}，按打分表重算为{getattr(b, attr)}",
                            f"{name}: the result's {attr} is {getattr(a, attr)}; from the sheets it is {getattr(b, attr)}."))
    return out


def _check_events(report: PackReport, members: dict[str, bytes]) -> None:
    from hvp_desktop.store.audit import event_hash, event_hash_v2

    if "events.jsonl" not in members:
        report.problem("审计包缺少审计事件（events.jsonl）", "The pack has no audit events (events.jsonl).")
        return
    fields = {"seq", "at", "actor", "action", "entity", "entity_id", "payload", "prev_hash", "hash", "uuid",
              "device", "role", "person", "v"}
    for line in members["events.jsonl"].decode("utf-8").splitlines():
        ev = json.loads(line)
        if not isinstance(ev, dict) or set(ev) != fields:
            report.problem("审计事件格式不符（字段缺少或多余）", "An audit event has missing or extra fields.")
            continue
        if ev.get("v", 2) == 1:
            expected = event_hash(ev["seq"], ev["at"], ev["actor"], ev["action"], ev["entity"], ev["entity_id"],
                                  ev["payload"], ev["prev_hash"])
        else:
            expected = event_hash_v2(ev["seq"], ev["at"], ev["uuid"], ev["device"], ev["role"], ev["person"],
                                     ev["actor"], ev["action"], ev["entity"], ev["entity_id"], ev["payload"],
                                     ev["prev_hash"])
        if expected != ev["hash"]:
            report.problem(f"审计事件{ev['seq']}（{ev['action']}）的哈希不符：事件已被改动",
                           f"Audit event {ev['seq']} ({ev['action']}): its hash does not match (edited).")
        else:
            report.events_verified += 1

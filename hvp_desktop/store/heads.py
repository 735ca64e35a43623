"""The audit chain's head, kept where an editor of the working file cannot quietly move it (issue 18).

Whoever holds the password can edit a table, forge the audit events that describe it and
re-hash the chain: the file then agrees with itself. It cannot agree with what the app handed
out before: after every committed change the head (last event's number and hash) is written to a
small sidecar beside the file (`FILE.head`), and every export carries the head it was made at.
`check` compares them: the chain must still hold an event with that number and that hash. The
sidecar is written after the commit without waiting for the disk, so it may lag one change behind
after a crash — an older head is still a head of the same chain; it never runs ahead of it, except
when a backup is restored, which writes the sidecar again.
"""

from __future__ import annotations

import json
import logging
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hvp_desktop import private_files
from hvp_desktop.store.models import AuditEvent

SUFFIX = ".head"
XLSX_PROPERTY = "hvp_audit_head"  # a workbook's custom document property: "SEQ:HASH"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str
    source: str  # where it was read: the sidecar, an export's name

    def text(self) -> str:
        return f"{self.seq}:{self.hash}"


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def record(wf, head: tuple[int, str]) -> None:
    """After a commit: the head beside the file. A failure to write it never fails the change."""
    seq, digest = head
    if not seq:
        return
    target = sidecar(wf.path)
    tmp = target.with_name(target.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"seq": seq, "hash": digest}, f)
        os.replace(tmp, target)
    except OSError as exc:  # a read-only folder: the file itself is sound
        log.warning("audit head not written beside the file: %s", exc.strerror)


def follow(src: Path, dst: Path, *, copy: bool = False) -> None:
    """`src` was renamed (or copied) to `dst`: its sidecar goes with it; a sidecar of an older `dst`
    must not stay to accuse the new file."""
    try:
        if copy and sidecar(src).exists():
            private_files.copy_private(sidecar(src), sidecar(dst))
        elif sidecar(src).exists():
            os.replace(sidecar(src), sidecar(dst))
        else:
            sidecar(dst).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("audit head not moved with the file: %s", exc.strerror)


def read_sidecar(path: Path) -> Head | None:
    try:
        data = json.loads(sidecar(path).read_text(encoding="utf-8"))
        return Head(int(data["seq"]), str(data["hash"]), sidecar(path).name)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Head(-1, "", sidecar(path).name)  # unreadable: compared, and named


def parse(text: str, source: str) -> Head | None:
    seq, _, digest = (text or "").strip().partition(":")
    if not seq.isdigit() or len(digest) != 64:
        return None
    return Head(int(seq), digest, source)


def current(session: Session) -> Head:
    """The head to stamp on an export made now."""
    row = session.execute(select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first()
    return Head(row[0], row[1], "") if row else Head(0, "0" * 64, "")


def read_export(path: Path) -> Head | None:
    """The head stamped on an export (a workbook's custom document property), None if it has none.
    Read straight from the zip with a size cap: an export handed back may be anything."""
    if path.suffix.lower() != ".xlsx":
        return None
    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("docProps/custom.xml")
            if info.file_size > 65536:
                return None
            xml = z.read(info).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError):
        return None
    m = re.search(rf'name="{XLSX_PROPERTY}"[^>]*>\s*<vt:lpwstr[^>]*>([^<]*)</vt:lpwstr>', xml)
    return parse(m.group(1), path.name) if m else None


def mismatches(session: Session, heads: list[Head]) -> list[str]:
    """Each head the chain no longer holds, named by where it was kept."""
    problems = []
    for head in heads:
        if head.seq < 0:
            problems.append(f"{head.source}无法读取 ({head.source} is unreadable)")
            continue
        if head.seq == 0:
            continue
        found = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == head.seq))
        if found is None:
            problems.append(f"{head.source}记录审计链至第{head.seq}条，文件中已没有该事件：文件在本程序之外被改动 "
                            f"({head.source} records event {head.seq}, which the file no longer holds: "
                            "it was changed outside the app)")
        elif found != head.hash:
            problems.append(f"{head.source}记录的第{head.seq}条审计事件与文件中的不同：审计链在本程序之外被重写 "
                            f"({head.source} records another event {head.seq}: the chain was rewritten "
                            "outside the app)")
    return problems

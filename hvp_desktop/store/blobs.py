"""Files inside the encrypted working file (issue 19): hash-addressed 1 MiB chunks.

A file is its SHA-256 and its chunks (`blob_chunks`: digest, n, data); the same photo attached
to three items, or the same 申报书 in two rounds, is stored once. The bytes never touch the disk
outside the encrypted file: they are read into memory and rendered from there. What a file may be
is checked here before anything is written: a known kind by its first bytes (PDF, PNG, JPEG) and
at most `MAX_BYTES`.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store.models import Attachment, BlobChunk

CHUNK = 1 << 20
MAX_BYTES = 40 << 20  # a phone's photo is 3–12 MB, a scanned 申报书 rarely over 30 MB
MEDIA_TYPES = {b"%PDF-": "application/pdf", b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def media_type_of(data: bytes, filename: str) -> str:
    """The file's kind by its first bytes (its name may say anything); refused when not one we show."""
    for magic, media_type in MEDIA_TYPES.items():
        if data.startswith(magic):
            return media_type
    raise RuleViolation("INPUT", f"“{filename}”不是PDF、JPEG或PNG文件，不能作为附件",
                        f"“{filename}” is not a PDF, JPEG or PNG file: it cannot be attached.")


def check_size(data: bytes, filename: str) -> None:
    if len(data) > MAX_BYTES:
        raise RuleViolation("INPUT", f"“{filename}”有{len(data) / (1 << 20):.1f} MB，超过附件上限{MAX_BYTES >> 20} MB；"
                                     "请压缩或拆分后再添加",
                            f"“{filename}” is {len(data) / (1 << 20):.1f} MB, over the {MAX_BYTES >> 20} MB limit "
                            "of an attachment: compress or split it first.")
    if not data:
        raise RuleViolation("INPUT", f"“{filename}”是空文件", f"“{filename}” is empty.")


def put(s: Session, data: bytes) -> str:
    """Store `data` (once) and return its digest."""
    digest = hashlib.sha256(data).hexdigest()
    if s.scalar(select(BlobChunk.n).where(BlobChunk.digest == digest).limit(1)) is None:
        for n, start in enumerate(range(0, len(data), CHUNK)):
            s.add(BlobChunk(digest=digest, n=n, data=data[start:start + CHUNK]))
    return digest


def get(s: Session, digest: str) -> bytes:
    """The file's bytes, checked against its digest (a damaged or edited chunk is named)."""
    data = b"".join(s.scalars(select(BlobChunk.data).where(BlobChunk.digest == digest).order_by(BlobChunk.n)))
    if hashlib.sha256(data).hexdigest() != digest:
        raise RuleViolation("FILE", "附件内容与其校验值不符（文件在本程序之外被改动）",
                            "An attachment's content does not match its digest (changed outside the app).")
    return data


def drop_if_unused(s: Session, digest: str) -> None:
    """Remove a file's chunks once no attachment refers to it."""
    s.flush()
    if not s.scalar(select(func.count()).select_from(Attachment).where(Attachment.sha256 == digest)):
        for chunk in s.scalars(select(BlobChunk).where(BlobChunk.digest == digest)):
            s.delete(chunk)  # through the session: the audit's `rows` event records each removal


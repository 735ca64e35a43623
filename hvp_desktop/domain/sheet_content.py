"""A submitted score sheet's canonical content: the bytes its expert signs (issue 20 §4).

Plain Python. The content is JSON with sorted keys, UTF-8, no spaces, every score an exact decimal
as text (never a float), times as naive UTC ISO 8601 with microseconds, and the drawn signature by
its SHA-256 only. `"v"` is the layout's version: a sheet keeps the version it was signed under
(`score_sheets.signed_content_v`), so a later layout never invalidates an older signature.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal

VERSION = 1


def _time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds")


def _points(value: Decimal | None) -> str | None:
    return None if value is None else str(Decimal(value))


def canonical_content(*, round_uuid: str, application_uuid: str, expert_uuid: str, rubric_label: str,
                      rubric_digest: str | None, revision: int,
                      entries: Iterable[tuple[str, Decimal | None, str | None]],
                      signature_png: bytes | None, statement_confirmed_at: datetime | None,
                      submitted_at: datetime | None, transcribed: bool, version: int = VERSION) -> bytes:
    """The bytes to sign: `entries` are (criterion code, score, comment), in any order."""
    if version != VERSION:
        raise ValueError(f"unknown sheet content version {version}")
    body = {
        "v": VERSION,
        "round": round_uuid,
        "application": application_uuid,
        "expert": expert_uuid,
        "rubric": {"label": rubric_label, "digest": rubric_digest},
        "revision": int(revision),
        "entries": {code: {"score": _points(points), "comment": comment or ""}
                    for code, points, comment in sorted(entries, key=lambda e: e[0])},
        "signature_sha256": hashlib.sha256(signature_png).hexdigest() if signature_png else None,
        "statement_confirmed_at": _time(statement_confirmed_at),
        "submitted_at": _time(submitted_at),
        "transcribed": bool(transcribed),
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

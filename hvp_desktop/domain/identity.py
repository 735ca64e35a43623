"""Stable identities (DESIGN.md, "Identity"): a record that may travel between laptops carries a
UUID made where it is born and kept by every copy; integer keys are local to one file."""

from __future__ import annotations

import uuid


def new_uuid() -> str:
    return str(uuid.uuid4())

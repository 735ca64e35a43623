"""What a score sheet's PDF prints (issue 20), as plain values: built by `reports/round_reports.py` from the
working file, laid out by `reports/pdf_sheet.py` (which knows nothing of the store).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CriterionRow:
    section: str  # the 一级指标's code
    code: str
    title: str
    max_points: str  # numbers as the sheet prints them ("10", "7.5")
    score: str  # "" when not scored
    comment: str


@dataclass(frozen=True)
class SectionRow:
    code: str
    title: str
    kind: str  # "scored" | "bonus" | "veto"
    max_points: str
    subtotal: str


@dataclass(frozen=True)
class SheetReport:
    """What one submitted sheet prints: plain values only (no store objects)."""

    round_title: str
    enterprise_name: str
    credit_code: str
    expert_name: str
    expert_organisation: str
    rubric_title: str
    rubric_version: str
    rubric_digest: str  # the rubric's SHA-256 (hex); the sheet prints its first 8 characters
    sections: tuple[SectionRow, ...]
    rows: tuple[CriterionRow, ...]
    total: str
    max_total: str
    vetoes: tuple[str, ...]  # codes of the veto items found
    statement: str
    statement_confirmed_at: str  # "" when not confirmed
    submitted_at: str  # "YYYY-MM-DD HH:MM"
    revision: int
    correction_reason: str
    sheet_uuid: str
    audit_head: str  # "SEQ:HASH" of the audit chain when the report was made
    transcribed: bool = False
    signature_png: bytes | None = None
    content_sha256: str = ""  # of the canonical content the expert signed at submission ("" when unsigned)

    @property
    def document_id(self) -> str:
        return f"{self.sheet_uuid}-r{self.revision}"

"""What the consolidated result's PDF prints (issue 20), as plain values: built from a round's
ranking by `reports/pdf_result.result_data`, laid out by `reports/pdf_result.render_result`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PanelSigner:
    """A panel seat that signs the result: the chair first, then each member."""

    name: str
    organisation: str
    role: str  # "chair" | "member"
    expert_uuid: str

    @property
    def field(self) -> str:
        """The PDF signature field of this seat (ASCII: every PDF tool shows it)."""
        return f"sig-{self.role}-{self.expert_uuid}"


@dataclass(frozen=True)
class ResultRow:
    rank: int
    enterprise_name: str
    totals: tuple[str, ...]  # one per expert column, "" where the expert has no sheet
    score: str
    method: str  # the method as it applied to this row
    range: str
    status: str  # the line's word: 入选 / 未入选 / 合格 / 并列待定 …
    inside: bool
    notes: tuple[str, ...]  # flags, missing sheets, the chair's placing, veto items


@dataclass(frozen=True)
class ResultReport:
    """The round's consolidated result: plain strings only, so its digest is stable."""

    round_id: int
    round_uuid: str
    round_title: str
    year: int
    kind: str
    rubric: str  # title, version and digest's first characters
    method: str
    method_rule: str  # how the aggregate is computed, in words
    line: str  # the rule line, e.g. "R16 名额线（20家）"
    experts: tuple[str, ...]  # the expert columns, in order
    rows: tuple[ResultRow, ...]
    inside_count: int
    without_sheets: tuple[str, ...]
    explanations: tuple[str, ...]  # every flag with its written word
    tie: str  # the chair's decision at the line with its reason, "" when none
    agreement: str
    status: str  # consolidated (with the date and method) or not
    consolidated: bool
    panel: tuple[PanelSigner, ...]
    audit_head: str
    generated_for: str = ""  # "" for the record; a preview says so

    @property
    def document_id(self) -> str:
        return f"result-{self.round_uuid}"

    @property
    def chair(self) -> PanelSigner | None:
        return next((p for p in self.panel if p.role == "chair"), None)

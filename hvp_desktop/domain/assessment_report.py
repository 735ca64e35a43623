"""What an on-site assessment report's PDF prints (现场核查报告, issue 20), as plain values: built by
`store/visits.assessment_report` from the working file, laid out by `reports/pdf_assessment.py`
(which knows nothing of the store). Words are already in the plan's Chinese (GLOSSARY); numbers
and dates are text as the report prints them; thumbnails are small JPEG bytes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EvidenceEntry:
    """One file attached to an item: a photo as a thumbnail, anything else (a PDF scan) by name."""

    filename: str
    media_type: str
    size: str  # "1.2 MB", as printed
    sha256: str  # of the stored file: the thumbnail is not the evidence, the file is
    thumbnail: bytes | None = None  # a small JPEG; None for a PDF, or a picture that could not be read
    unreadable: bool = False  # a picture the report could not decode: printed as a placeholder


@dataclass(frozen=True)
class ItemRow:
    """One checklist item as found on site."""

    code: str  # "R5.3"
    rule: str  # "R5" … "R13"
    title: str
    kind: str  # 核查项 / 量化指标 / 否决项
    veto: bool
    status: str  # 符合 / 部分符合 / 不符合 / 未核查
    status_key: str  # the domain's Status value ("met", …): the layout colours by it
    figure: str  # the figure found, "" when none ("2 人", "1,150,000 元")
    requirement: str  # the threshold in the plan's words: "3人以上", "不少于100万元"; "" when none
    problem: str  # "专职知识产权工作人员2人，未达要求（3人以上）", "" when none
    note: str
    informs: tuple[str, ...]  # the annual rubric's criteria the item informs
    carried: bool = False  # a re-assessment: on the failed assessment's rectification list
    evidence: tuple[EvidenceEntry, ...] = ()


@dataclass(frozen=True)
class ScoreRow:
    """One 一级指标 of the expert's annual-assessment score sheet."""

    code: str
    title: str
    max_points: str
    subtotal: str


@dataclass(frozen=True)
class BeforeAfterRow:
    """A re-assessment: an item of the rectification list, at the failed assessment and now."""

    code: str
    title: str
    before: str  # "不符合 · 2 · 现场核实…"
    after: str


@dataclass(frozen=True)
class AssessmentReport:
    """What one visit's report prints: plain values only (no store objects)."""

    visit_uuid: str
    round_title: str
    assessment: str  # 第一年度考核 / 第二年度考核（期末验收） / 整改后重新考核
    enterprise_name: str
    credit_code: str
    expert_name: str
    expert_organisation: str
    visited_on: str  # "2026-10-27", "" when not recorded
    time_span: str  # "09:30—11:50", "" when not recorded
    place: str
    enterprise_participants: str
    panel_participants: str
    checklist_title: str
    checklist_version: str
    checklist_digest: str  # the checklist's SHA-256 (hex); printed as its first 8 characters
    items: tuple[ItemRow, ...]
    counts: str  # "符合 20 项，部分符合 3 项，不符合 2 项，未核查 0 项"
    vetoed: tuple[str, ...]  # codes of the veto items found not met
    scores: tuple[ScoreRow, ...]  # the expert's sheet by 一级指标; empty with no sheet
    sheet_state: str  # "已提交（第 1 版）", "草稿", "" with no sheet
    total: str  # the sheet's total, "" with no sheet
    max_total: str
    outcome: str  # outcome_text's Chinese sentence, "" when there is nothing to decide on
    consequence: str  # 考核合格 / 整改期（2个月） / 取消称号（…）, "" as above
    passed: bool | None  # None when there is no outcome
    rule: str  # "R17" | "R18", "" as above
    rectification_head: str  # "整改事项（整改期至2027-01-27）：", "" when passed
    rectification: tuple[str, ...]  # "R5.3 专职知识产权工作人员…"
    before_after: tuple[BeforeAfterRow, ...]  # a re-assessment only
    before_visited_on: str  # the failed assessment's visit date, "" when not a re-assessment
    audit_head: str  # "SEQ:HASH" of the audit chain when the report was made

    @property
    def document_id(self) -> str:
        return self.visit_uuid

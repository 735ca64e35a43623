"""A round's expert review as the chair sees it (issue 5), built from one plain snapshot of the
round (`RoundData`, read once by `store.ranking.round_data`) by pure functions: the analysis of
`analysis.py`, which explanations still answer their flag, whether the chair's tie order still
applies, and what stands in the way of confirming the result."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from hvp_desktop.scoring import analysis
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.analysis import Analysis, Flag, Settings
from hvp_desktop.scoring.ranking import Line
from hvp_desktop.scoring.rubric import Rubric


@dataclass(frozen=True)
class Explanation:
    author: str
    text: str
    recorded_at: datetime
    current: bool  # written for the flag as it stands now


@dataclass(frozen=True)
class TieView:
    order: list[int]
    reason: str
    recorded_at: datetime
    applies: bool  # the same applications are still tied at the same scores


@dataclass(frozen=True)
class LockView:
    decided_on: date
    method: str
    consolidated_at: datetime
    reopened_at: datetime | None
    reopen_reason: str | None
    reopened_on: date | None = None


@dataclass(frozen=True)
class StoredExplanation:
    author: str
    text: str
    recorded_at: datetime
    deviation: Decimal  # the flag's deviation it answered


@dataclass(frozen=True)
class StoredTie:
    order: list[int]
    scores: dict[int, Decimal]  # the scores it was decided on
    reason: str
    recorded_at: datetime


@dataclass(frozen=True)
class RoundData:
    """Everything a round's review is computed from, read in one transaction."""

    round_id: int
    title: str
    kind: str
    year: int
    settings: Settings
    line: Line
    rubric: Rubric | None
    names: dict[int, str]  # application → enterprise name
    experts: dict[int, str]  # expert → name, the round's panel
    chair: int | None
    points: dict[int, dict[int, dict[str, Decimal]]]  # application → expert → criterion → points
    missing: dict[int, list[int]]  # application → experts whose sheet is not in
    applications: list[int]  # every row that must be scored
    explanations: dict[tuple[int, int, str, str], StoredExplanation]
    tie: StoredTie | None
    history: list[LockView]
    reopen_refusal: tuple[str, str] | None  # (Chinese, English)
    audit_head: str = ""  # "SEQ:HASH" of the audit chain when read: stamped on exports (issue 18)
    checklist_vetoes: dict[int, list[str]] = field(default_factory=dict)  # 否决项 most on-site visits found


@dataclass(frozen=True)
class RoundRanking:
    """Everything the chair's panel, the CLI and the export show of one round."""

    round_id: int
    title: str
    kind: str
    year: int
    analysis: Analysis
    names: dict[int, str]
    experts: dict[int, str]
    chair: int | None
    rubric: Rubric | None
    points: dict[int, dict[int, dict[str, Decimal]]]
    explanations: dict[tuple[int, int, str, str], Explanation]
    tie: TieView | None
    lock: LockView | None
    history: list[LockView] = field(default_factory=list)  # every consolidation, oldest first
    missing: dict[int, list[int]] = field(default_factory=dict)
    reopen_refusal: tuple[str, str] | None = None  # why a confirmed result can no longer be withdrawn
    vetoed: dict[int, list[str]] = field(default_factory=dict)  # application → veto items most sheets found
    audit_head: str = ""  # the audit chain's head the data was read at ("SEQ:HASH")

    @property
    def locked(self) -> bool:
        return self.lock is not None

    def unexplained(self) -> list[Flag]:
        return [f for f in self.analysis.flags
                if not (f.key in self.explanations and self.explanations[f.key].current)]

    def blocker_items(self) -> list[tuple[str, str]]:
        """Why the round's result cannot be confirmed yet, (Chinese, English); empty when it can."""
        out = []
        missing = sum(len(experts) for experts in self.missing.values())
        if missing:
            out.append((f"还有{missing}份专家打分表未提交（草稿或未开始）",
                        f"{missing} score sheet(s) not submitted yet (draft or not started)"))
        unassigned = [a for a in self.analysis.without_sheets if not self.missing.get(a)]
        if unassigned:
            out.append((f"{len(unassigned)}件申报尚未分配评审专家", f"{len(unassigned)} application(s) have no expert"))
        unexplained = self.unexplained()
        if unexplained:
            out.append((f"还有{len(unexplained)}个偏离标记缺少书面说明",
                        f"{len(unexplained)} flag(s) still need a written explanation"))
        tied = self.analysis.unresolved_at_line
        if tied:
            rule = self.analysis.line.rule
            out.append((f"{rule}：名额线处{len(tied)}件申报并列，须由组长决定并写明理由",
                        f"{rule}: {len(tied)} applications tied at the line; the chair decides, with a reason"))
        if not self.analysis.rows:
            out.append(("本轮还没有已提交的专家打分表", "No submitted score sheet in this round yet"))
        return out

    def blockers(self, language: str = "zh") -> list[str]:
        return [zh if language.startswith("zh") else en for zh, en in self.blocker_items()]


BONUS = "+"  # the synthetic criterion that carries a sheet's capped bonus points into the analysis


def _by_the_table(rubric: Rubric, points: dict[int, dict[int, dict[str, Decimal]]]):
    """A table with bonus or veto items (加分项, 否决项): each sheet's scored points as they are, its
    bonus points as one capped figure (within the table's 100), its veto items apart; an
    application is vetoed when more than half of its counted sheets found the same veto item."""
    scored = [c.code for s in rubric.sections if s.kind == "scored" for c in s.criteria]
    shaped: dict[int, dict[int, dict[str, Decimal]]] = {}
    vetoed: dict[int, list[str]] = {}
    for app, by_expert in points.items():
        found: dict[str, int] = {}
        for expert, sheet in by_expert.items():
            row = {code: sheet[code] for code in scored if code in sheet}
            if any(s.kind == "bonus" for s in rubric.sections):
                row[BONUS] = rubric.total_of(sheet) - sum(row.values(), Decimal(0))
            shaped.setdefault(app, {})[expert] = row
            for code in rubric.vetoes(sheet):
                found[code] = found.get(code, 0) + 1
        majority = [code for code, n in sorted(found.items()) if 2 * n > len(by_expert)]
        if majority:
            vetoed[app] = majority
    return shaped, vetoed


def review(data: RoundData, method: Method | None = None) -> RoundRanking:
    """The round's ranking by its settings (or, to compare, by another method)."""
    settings = data.settings if method is None else replace(data.settings, method=Method(method))
    rubric = data.rubric
    points, vetoed = data.points, {}
    maxima = {c.code: c.max_points for c in rubric.criteria} if rubric else {}
    sections = {sec.code: [c.code for c in sec.criteria] for sec in rubric.sections} if rubric else {}
    if rubric is not None and any(s.kind != "scored" for s in rubric.sections):
        points, vetoed = _by_the_table(rubric, data.points)
        maxima = {c.code: c.max_points for s in rubric.sections if s.kind == "scored" for c in s.criteria}
        bonus_cap = sum((s.cap for s in rubric.sections if s.kind == "bonus" and s.cap), Decimal(0))
        if bonus_cap:
            maxima[BONUS] = bonus_cap
        sections = {sec.code: [c.code for c in sec.criteria] for sec in rubric.sections if sec.kind == "scored"}
    for app, items in data.checklist_vetoes.items():  # the on-site checklist's veto items (issue 19)
        vetoed[app] = sorted(set(vetoed.get(app, [])) | set(items))
    tie = data.tie
    result = analysis.analyse(points, data.line, settings, maxima=maxima, sections=sections,
                              missing=data.missing, chair_order=tie.order if tie else None,
                              chair_basis=tie.scores if tie else None, applications=data.applications)
    if vetoed:  # a veto item fails the application whatever its points (R17/R18 tables' 否决项)
        result = replace(result, rows=[replace(r, inside=False) if r.application in vetoed else r
                                       for r in result.rows],
                         ranking=replace(result.ranking, entries=[
                             replace(e, inside=False) if e.application in vetoed else e
                             for e in result.ranking.entries]))
    current = {f.key: f.deviation for f in result.flags}
    explained = {k: Explanation(n.author, n.text, n.recorded_at, current.get(k) == n.deviation)
                 for k, n in data.explanations.items()}
    tie_view = TieView(tie.order, tie.reason, tie.recorded_at, result.ranking.chair_order_applied) if tie else None
    lock = next((h for h in data.history if h.reopened_at is None), None)
    return RoundRanking(data.round_id, data.title, data.kind, data.year, result, data.names, data.experts, data.chair,
                        rubric, data.points, explained, tie_view, lock, data.history, data.missing,
                        data.reopen_refusal, vetoed, data.audit_head)

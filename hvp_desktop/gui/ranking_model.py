"""The chair's ranking as a Qt table model, the delegate that draws the rule line in the table,
and the words the ranking panel, its dialogs and its charts share.

The model shows one `store.ranking.RoundRanking` (expert review) or the R15 preliminary ranking,
in rank order; nothing is computed here that the store has not computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate

from hvp_desktop.domain import rules
from hvp_desktop.domain.model import RoundKind
from hvp_desktop.gui import labels
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.analysis import Flag, FlagKind
from hvp_desktop.scoring.ranking import Line, LineKind, Ranking
from hvp_desktop.store import panel, queries, ranking
from hvp_desktop.store.engine import WorkingFile

APPLICATION_ROLE = Qt.ItemDataRole.UserRole + 1
LINE_COLOUR = QColor("#d84315")
_TIED = QColor("#ffe0b2")  # still tied across the line: the chair must decide
_CHAIR_PLACED = QColor("#ede7f6")
_FLAGGED = QColor("#ffcdd2")
_MISSING = QColor("#b00020")
_UNRANKED = QColor("#777777")
_NO_PARENT = QModelIndex()

STAGE_REVIEW, STAGE_PRELIMINARY = "review", "preliminary"
LARGE_ROUND = 150  # ~1 s to load 1,000 applications × 9 experts (~20 ms the demo's 8): above this, off the GUI thread


def _t(text: str) -> str:
    return QCoreApplication.translate("RankingText", text)


# -- words ---------------------------------------------------------------------------------------
def method_label(method: Method | str) -> str:
    return _t({
        Method.MEAN: QT_TRANSLATE_NOOP("RankingText", "Mean"),
        Method.TRIMMED_MEAN: QT_TRANSLATE_NOOP("RankingText", "Trimmed mean"),
        Method.MEDIAN: QT_TRANSLATE_NOOP("RankingText", "Median"),
    }[Method(method)])


def method_word(method: Method | str) -> str:
    """The method as a sentence names it: “the trimmed mean”."""
    return _t({
        Method.MEAN: QT_TRANSLATE_NOOP("RankingText", "the mean"),
        Method.TRIMMED_MEAN: QT_TRANSLATE_NOOP("RankingText", "the trimmed mean"),
        Method.MEDIAN: QT_TRANSLATE_NOOP("RankingText", "the median"),
    }[Method(method)])


def line_word(line: Line) -> str:
    """What the line is called in a sentence: the places line, the shortlist line, the pass mark."""
    return _t({
        LineKind.PLACES: QT_TRANSLATE_NOOP("RankingText", "places line"),
        LineKind.SHORTLIST: QT_TRANSLATE_NOOP("RankingText", "shortlist line"),
        LineKind.PASS_MARK: QT_TRANSLATE_NOOP("RankingText", "pass mark"),
    }[line.kind])


def line_legend(line: Line, inside: int) -> str:
    """The rule and its figure, as the legend beside the table says it."""
    if line.kind == LineKind.PLACES:
        text = QCoreApplication.translate("RankingText", "%1 places line: %2 (%3 inside)")
        return text.replace("%1", line.rule).replace("%2", labels.places(line.places)).replace("%3", str(inside))
    if line.kind == LineKind.PASS_MARK:
        text = QCoreApplication.translate("RankingText", "%1 pass mark: %2 points (%3 pass)")
        marks = "/".join(rubrics.format_points(m) for m in sorted({line.pass_mark, *dict(line.row_marks).values()}))
        return text.replace("%1", line.rule).replace("%2", marks).replace("%3", str(inside))
    if line.applied is not None and line.applied < rules.ALL_TO_EXPERT_REVIEW_BELOW:
        text = QCoreApplication.translate("RankingText", "%1: fewer than %2 applied, all go to expert review")
        return text.replace("%1", line.rule).replace("%2", str(rules.ALL_TO_EXPERT_REVIEW_BELOW))
    text = QCoreApplication.translate("RankingText", "%1 shortlist line: at least %2, ties kept (%3 shortlisted)")
    return text.replace("%1", line.rule).replace("%2", str(2 * line.places)).replace("%3", str(inside))


def signed(value: Decimal) -> str:
    return ("+" if value > 0 else "−" if value < 0 else "±") + f"{abs(value):.2f}"


def criterion_title(rubric: rubrics.Rubric | None, code: str) -> str:
    if rubric is not None:
        for c in rubric.criteria:
            if c.code == code:
                return f"{code} {c.title}"
    return code


def describe_flag(flag: Flag, experts: dict[int, str], rubric: rubrics.Rubric | None) -> str:
    name = experts.get(flag.expert, str(flag.expert))
    if flag.kind == FlagKind.TOTAL:
        text = QCoreApplication.translate("RankingText", "%1: total %2 points from the other experts' mean")
        return text.replace("%1", name).replace("%2", signed(flag.deviation))
    text = QCoreApplication.translate("RankingText", "%1: criterion %2, %3 points from the other experts' mean")
    return text.replace("%1", name).replace("%2", criterion_title(rubric, flag.criterion)) \
        .replace("%3", signed(flag.deviation))


def describe_explanation(note: ranking.Explanation) -> str:
    author = _t(QT_TRANSLATE_NOOP("RankingText", "the expert") if note.author == "expert"
                else QT_TRANSLATE_NOOP("RankingText", "the chair"))
    text = QCoreApplication.translate("RankingText", "Explained by %1 on %2: %3")
    words = text.replace("%1", author).replace("%2", note.recorded_at.strftime("%Y-%m-%d")).replace("%3", note.text)
    if not note.current:
        words += " " + _t(QT_TRANSLATE_NOOP("RankingText", "(written for an earlier deviation: explain again)"))
    return words


def names_list(ids: list[int], names: dict[int, str], limit: int = 3) -> str:
    shown = "、".join(names.get(a, str(a)) for a in ids[:limit])  # the names are Chinese: their own comma
    if len(ids) > limit:
        shown += QCoreApplication.translate("RankingText", " and %1 more").replace("%1", str(len(ids) - limit))
    return shown


def sensitivity_words(view: ranking.RoundRanking) -> str:
    """Which applications would cross the line under each of the other two methods, naming the
    method in use and the alternative: “by the median instead of the trimmed mean, A would cross …”."""
    a = view.analysis
    in_use = a.settings.method
    changes = {m: apps for m, apps in a.sensitivity.items() if apps and m != in_use}
    if not changes:
        return _t(QT_TRANSLATE_NOOP("RankingText", "The three methods give the same result."))
    parts = []
    for method, apps in changes.items():  # one clause per other method
        text = QCoreApplication.translate("RankingText", "by %1 instead of %2 (in use), %3 would cross the %4")
        parts.append(text.replace("%1", method_word(method)).replace("%2", method_word(in_use))
                     .replace("%3", names_list(apps, view.names)).replace("%4", line_word(a.line)))
    return "; ".join(parts)


def round_name(wf: WorkingFile, round_id: int) -> str:
    """The round as the UI names it, in its language."""
    info = queries.round_info(wf, round_id)
    return labels.round_title(info.year, info.kind) if info is not None else ""


# -- loading ---------------------------------------------------------------------------------------
@dataclass
class Loaded:
    """What the panel shows of one round; built off the GUI thread for a large round."""

    round_id: int
    kind: str
    stage: str
    view: ranking.RoundRanking | None = None
    cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (expert, application) → SheetState
    preliminary: Ranking | None = None
    names: dict[int, str] = field(default_factory=dict)
    states: dict[int, str] = field(default_factory=dict)  # application → recorded state (preliminary stage)
    line: Line | None = None


def reviewable_rounds(wf: WorkingFile) -> list[tuple[int, str, str]]:
    return queries.reviewable_rounds(wf)


def round_size(wf: WorkingFile, round_id: int) -> int:
    return queries.round_row_count(wf, round_id)


def load(wf: WorkingFile, round_id: int, stage: str) -> Loaded:
    """Reads only; safe to run in a worker thread (every store call opens its own session)."""
    info = queries.round_info(wf, round_id)
    kind, places = info.kind, info.places
    if stage == STAGE_PRELIMINARY and kind == RoundKind.RECOGNITION:
        result, names = ranking.preliminary_ranking(wf, round_id)
        states = {r.id: r.state for r in queries.application_rows(wf) if r.round_id == round_id}
        return Loaded(round_id, kind, stage, preliminary=result, names=names, states=states,
                      line=Line.shortlist_line(places, len(names)))
    view = ranking.analyse_round(wf, round_id)
    cells = panel.sheet_matrix(wf, round_id).cells
    return Loaded(round_id, kind, STAGE_REVIEW, view=view, cells=cells, names=view.names, line=view.analysis.line)


# -- the table ------------------------------------------------------------------------------------
_HEADERS = {
    "rank": QT_TRANSLATE_NOOP("RankingModel", "Rank"),
    "name": QT_TRANSLATE_NOOP("RankingModel", "Application"),
    "score": QT_TRANSLATE_NOOP("RankingModel", "Score"),
    "preliminary": QT_TRANSLATE_NOOP("RankingModel", "Preliminary score"),
    "sheets": QT_TRANSLATE_NOOP("RankingModel", "Sheets"),
    "range": QT_TRANSLATE_NOOP("RankingModel", "Range"),
    "stdev": QT_TRANSLATE_NOOP("RankingModel", "Std dev"),
    "flags": QT_TRANSLATE_NOOP("RankingModel", "Flags"),
    "status": QT_TRANSLATE_NOOP("RankingModel", "Line"),
    "state": QT_TRANSLATE_NOOP("RankingModel", "Recorded state"),
}
_HEADER_TIPS = {
    "score": QT_TRANSLATE_NOOP("RankingModel", "The aggregated score, by the round's method"),
    "sheets": QT_TRANSLATE_NOOP("RankingModel", "Submitted sheets that count / sheets expected"),
    "range": QT_TRANSLATE_NOOP("RankingModel", "Highest minus lowest expert total"),
    "stdev": QT_TRANSLATE_NOOP("RankingModel", "Standard deviation of the expert totals"),
    "flags": QT_TRANSLATE_NOOP("RankingModel", "Deviations that need a written explanation before the result is confirmed"),
}


@dataclass(frozen=True)
class _Line:
    """One table row: a ranked row of the analysis, an application without any counted sheet, or
    an entry of the preliminary ranking."""

    application: int
    rank: int | None
    score: Decimal | None
    inside: bool
    row: object = None  # scoring.analysis.Row when ranked by the experts


class RankingModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.loaded: Loaded | None = None
        self.columns: list[str | tuple[str, int]] = []
        self.lines: list[_Line] = []
        self.experts: dict[int, str] = {}
        self.chair: int | None = None
        self._flags_by_cell: dict[tuple[int, int], list[Flag]] = {}

    # -- content --------------------------------------------------------------------------------
    def show(self, loaded: Loaded | None) -> None:
        self.beginResetModel()
        self.loaded = loaded
        self.lines, self.columns, self.experts, self.chair = [], [], {}, None
        self._flags_by_cell = {}
        if loaded is not None and loaded.view is not None:
            view = loaded.view
            self.experts, self.chair = view.experts, view.chair
            self.lines = [_Line(r.application, r.rank, r.score, r.inside, r) for r in view.analysis.rows]
            self.lines += [_Line(a, None, None, False) for a in view.analysis.without_sheets]
            self.columns = ["rank", "name", "score", "sheets", *(("expert", e) for e in view.experts),
                            "range", "stdev", "flags", "status"]
            for flag in view.analysis.flags:
                self._flags_by_cell.setdefault((flag.application, flag.expert), []).append(flag)
        elif loaded is not None and loaded.preliminary is not None:
            self.lines = [_Line(e.application, e.rank, e.score, e.inside) for e in loaded.preliminary.entries]
            unscored = sorted(set(loaded.names) - {e.application for e in loaded.preliminary.entries})
            self.lines += [_Line(a, None, None, False) for a in unscored]
            self.columns = ["rank", "name", "preliminary", "status", "state"]
        self.endResetModel()

    @property
    def line_after(self) -> int:
        """How many rows are inside the line: the line is drawn under that many rows."""
        return sum(1 for line in self.lines if line.inside)

    def application(self, row: int) -> int | None:
        return self.lines[row].application if 0 <= row < len(self.lines) else None

    def row_of(self, application: int) -> int:
        return next((i for i, line in enumerate(self.lines) if line.application == application), -1)

    def analysis_row(self, row: int):
        return self.lines[row].row if 0 <= row < len(self.lines) else None

    def column_of(self, key) -> int:
        return self.columns.index(key)

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        key = self.columns[section]
        if isinstance(key, tuple):
            expert = key[1]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.experts[expert] + (" ★" if expert == self.chair else "")
            if role == Qt.ItemDataRole.ToolTipRole and self.loaded and self.loaded.view:
                lean = self.loaded.view.analysis.leniency.get(expert)
                tip = self.tr("%1's total on each application").replace("%1", self.experts[expert])
                if expert == self.chair:
                    tip += "\n" + self.tr("Chair of the panel")
                if lean is not None:
                    tip += "\n" + self.tr("Leniency: %1 points from the other experts' mean on average") \
                        .replace("%1", signed(lean))
                return tip
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RankingModel", _HEADERS[key])
        if role == Qt.ItemDataRole.ToolTipRole and key in _HEADER_TIPS:
            return QCoreApplication.translate("RankingModel", _HEADER_TIPS[key])
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        key = self.columns[index.column()]
        if role == APPLICATION_ROLE:
            return line.application
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), line, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("name", "status", "state"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if key != "flags" \
                else int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(line, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.rank is None:
                return _UNRANKED
            if isinstance(key, tuple) and line.row is not None and key[1] in line.row.missing:
                return _MISSING
        if role == Qt.ItemDataRole.DecorationRole and key == "flags" and line.row is not None and line.row.flags:
            style = QApplication.style()
            unexplained = self._unexplained(line)
            icon = QStyle.StandardPixmap.SP_MessageBoxWarning if unexplained else QStyle.StandardPixmap.SP_DialogApplyButton
            return style.standardIcon(icon)
        if role == Qt.ItemDataRole.FontRole and key == "score" and line.inside:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _unexplained(self, line: _Line) -> list[Flag]:
        view = self.loaded.view
        return [f for f in line.row.flags
                if not (f.key in view.explanations and view.explanations[f.key].current)]

    def _display(self, line: _Line, key) -> str | None:
        row = line.row
        if key == "rank":
            return "—" if line.rank is None else str(line.rank)
        if key == "name":
            return self.loaded.names.get(line.application, str(line.application))
        if key in ("score", "preliminary"):
            return "—" if line.score is None else f"{line.score:.2f}"
        if key == "sheets":
            counted = len(row.totals) if row else 0
            expected = counted + len(self.missing_experts(line))
            return f"{counted}/{expected}"
        if isinstance(key, tuple):
            expert = key[1]
            if row is not None and expert in row.totals:
                return rubrics.format_points(row.totals[expert])
            if expert in self.missing_experts(line):
                return self.tr("missing")
            return "—"
        if key == "range":
            return "" if row is None else rubrics.format_points(row.range)
        if key == "stdev":
            return "" if row is None else f"{row.stdev:.2f}"
        if key == "flags":
            if row is None or not row.flags:
                return ""
            return str(len(row.flags))  # the icon says whether any still waits for its explanation
        if key == "status":
            return self._status(line)
        if key == "state":
            state = self.loaded.states.get(line.application)
            return labels.state_label(state) if state else ""
        return None

    def missing_experts(self, line: _Line) -> list[int]:
        if line.row is not None:
            return list(line.row.missing)
        return [e for (e, a), state in self.loaded.cells.items()
                if a == line.application and state in (panel.SheetState.NOT_STARTED, panel.SheetState.DRAFT)]

    def _status(self, line: _Line) -> str:
        if line.rank is None:
            if self.loaded.view is not None:
                return self.tr("No submitted sheet")
            return self.tr("No preliminary score")
        kind = self.loaded.line.kind
        row = line.row
        if row is not None and row.tied_at_line:
            return self.tr("Tied at the line")
        if kind == LineKind.PASS_MARK:
            text = self.tr("Passes") if line.inside else self.tr("Fails")
        elif kind == LineKind.SHORTLIST:
            text = self.tr("Shortlisted") if line.inside else self.tr("Not shortlisted")
        else:
            text = self.tr("Inside") if line.inside else self.tr("Outside")
        if row is not None and row.chair_placed:
            text += " · " + self.tr("placed by the chair")
        return text

    def _background(self, line: _Line, key):
        row = line.row
        if row is None:
            return None
        if isinstance(key, tuple) and any(f.kind == FlagKind.TOTAL for f in
                                          self._flags_by_cell.get((line.application, key[1]), [])):
            return _FLAGGED
        if row.tied_at_line:
            return _TIED
        if row.chair_placed:
            return _CHAIR_PLACED
        return None

    def _tooltip(self, index: int, line: _Line, key) -> str | None:
        view = self.loaded.view
        row = line.row
        parts: list[str] = []
        if key == "name":
            parts.append(self.loaded.names.get(line.application, ""))
        elif isinstance(key, tuple) and view is not None:
            expert = key[1]
            name = self.experts.get(expert, "")
            if row is not None and expert in row.totals:
                parts.append(self.tr("%1: total %2").replace("%1", name)
                             .replace("%2", rubrics.format_points(row.totals[expert])))
            elif expert in self.missing_experts(line):
                parts.append(self.tr("%1: sheet not submitted yet (draft or not started)").replace("%1", name))
            elif self.loaded.cells.get((expert, line.application)) == panel.SheetState.CONFLICTED:
                parts.append(self.tr("%1: conflict of interest, does not score").replace("%1", name))
            else:
                parts.append(self.tr("%1: not assigned").replace("%1", name))
            for flag in self._flags_by_cell.get((line.application, expert), []):
                parts.append(self._flag_tip(flag))
        elif key == "flags" and row is not None and row.flags:
            parts += [self._flag_tip(f) for f in row.flags]
        elif key == "sheets" and view is not None:
            missing = self.missing_experts(line)
            if missing:
                parts.append(self.tr("Waiting for: %1").replace("%1", "、".join(self.experts.get(e, "") for e in missing)))
        elif key == "status" and row is not None:
            if row.tied_at_line:
                parts.append(self.tr("Tied across the line with the same score: the chair decides the order, "
                                     "with a written reason (Decide tie…)"))
            if row.chair_placed and view.tie is not None:
                parts.append(self.tr("Order decided by the chair: %1").replace("%1", view.tie.reason))
        if index == self.line_after - 1 and self.loaded.line is not None:
            parts.append(self.tr("The line runs under this row: %1")
                         .replace("%1", line_legend(self.loaded.line, self.line_after)))
        return "\n".join(p for p in parts if p) or None

    def _flag_tip(self, flag: Flag) -> str:
        view = self.loaded.view
        words = describe_flag(flag, view.experts, view.rubric)
        note = view.explanations.get(flag.key)
        if note is not None:
            return words + "\n    " + describe_explanation(note)
        return words + "\n    " + self.tr("Not explained yet")


class LineDelegate(QStyledItemDelegate):
    """Paints the rule line, 3 px thick, under the last row inside it (over the first row when
    no row is inside), so the line reads in the table itself."""

    THICKNESS = 3

    def __init__(self, model: RankingModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model

    @property
    def line_after(self) -> int:
        return self.model.line_after

    def line_row(self) -> int:
        """The row whose bottom edge carries the line (or 0, drawn on its top edge, when none is inside);
        -1 when there is nothing to draw."""
        if not self.model.lines or self.model.loaded is None or self.model.loaded.line is None:
            return -1
        return max(self.line_after - 1, 0)

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        if index.row() != self.line_row():
            return
        r = option.rect
        y = r.bottom() - self.THICKNESS + 1 if self.line_after > 0 else r.top()
        painter.fillRect(QRect(r.left(), y, r.width(), self.THICKNESS), LINE_COLOUR)

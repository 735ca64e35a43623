"""The ranking panel's charts (QtCharts): one application's expert totals around its aggregate,
every application's totals around the aggregate with the rule line, the distribution of each
expert's totals (box plot) and each expert's leniency. Display only: floats are fine here, the
figures themselves come from `scoring.analysis` as Decimals."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QBoxPlotSeries,
    QBoxSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from hvp_desktop.gui.ranking_model import LINE_COLOUR, line_word
from hvp_desktop.scoring.analysis import Analysis, Row
from hvp_desktop.scoring.ranking import Line, LineKind

# Distinct on screen and in grey print; one colour per expert in every chart of the panel.
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"]
AGGREGATE_COLOUR = QColor("#212121")


def expert_colour(position: int) -> QColor:
    return QColor(PALETTE[position % len(PALETTE)])


def make_view(parent=None) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(160)
    return view


def set_chart(view: QChartView, chart: QChart) -> None:
    """A chart view does not own the chart it replaces: delete it, or every reload leaks one."""
    old = view.chart()
    view.setChart(chart)
    if old is not None and old is not chart:
        old.deleteLater()


def _axes(chart: QChart, x, y) -> None:
    """The horizontal axis at the bottom, the vertical one on the left, both on every series."""
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for series in chart.series():
        series.attachAxis(x)
        series.attachAxis(y)


def _chart() -> QChart:
    chart = QChart()
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    font = chart.legend().font()
    font.setPointSizeF(max(font.pointSizeF() - 1, 7))
    chart.legend().setFont(font)
    return chart


def line_score(analysis: Analysis) -> Decimal | None:
    """Where the line runs on the score axis: the pass mark, or the score of the last row inside."""
    line = analysis.line
    if line.kind == LineKind.PASS_MARK:
        return line.pass_mark
    inside = analysis.ranking.inside_count
    return analysis.rows[inside - 1].score if 0 < inside <= len(analysis.rows) else None


def _line_name(line: Line) -> str:
    return f"{line.rule} {line_word(line)}"


def _dashed(colour: QColor, width: float = 2) -> QPen:
    pen = QPen(colour, width)
    pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _score_range(values: list[float], pad: float = 4) -> tuple[float, float]:
    low, high = min(values) - pad, max(values) + pad
    return max(low, 0.0), min(high, 100.0)


def application_dots(row: Row, experts: dict[int, str], analysis: Analysis) -> QChart:
    """One application: each expert's total as a dot on their own line, the aggregate and the
    rule line as vertical lines."""
    chart = _chart()
    order = list(experts)
    top_down = {e: len(order) - 1 - i for i, e in enumerate(order)}  # the y axis runs bottom-up
    dots = []
    for e in order:
        if e not in row.totals:
            continue
        series = QScatterSeries()
        series.setName(experts[e])
        series.setColor(expert_colour(order.index(e)))
        series.setMarkerSize(11)
        series.append(float(row.totals[e]), float(top_down[e]))
        chart.addSeries(series)
        dots.append(series)
    top = len(order) - 0.5
    aggregate = QLineSeries()
    aggregate.setName(QCoreApplication.translate("RankingCharts", "Aggregate %1").replace("%1", f"{row.score:.2f}"))
    aggregate.setPen(QPen(AGGREGATE_COLOUR, 2))
    aggregate.append(QPointF(float(row.score), -0.5))
    aggregate.append(QPointF(float(row.score), top))
    chart.addSeries(aggregate)
    values = [float(v) for v in row.totals.values()] + [float(row.score)]
    mark = line_score(analysis)
    if mark is not None:
        rule = QLineSeries()
        rule.setName(_line_name(analysis.line))
        rule.setPen(_dashed(LINE_COLOUR))
        rule.append(QPointF(float(mark), -0.5))
        rule.append(QPointF(float(mark), top))
        chart.addSeries(rule)
        values.append(float(mark))
    x = QValueAxis()
    x.setRange(*_score_range(values))
    x.setLabelFormat("%.0f")
    x.setTitleText(QCoreApplication.translate("RankingCharts", "Total"))
    y = QCategoryAxis()
    y.setStartValue(-0.5)
    for e in reversed(order):
        y.append(experts[e], top_down[e] + 0.5)
    y.setRange(-0.5, top)
    y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
    _axes(chart, x, y)
    for series in dots:  # the expert names are on the axis: the legend names the two lines only
        for marker in chart.legend().markers(series):
            marker.setVisible(False)
    return chart


def distribution(analysis: Analysis, experts: dict[int, str]) -> QChart:
    """Every application in rank order: the experts' totals as dots, the aggregate as a line, and
    the rule line across."""
    if not analysis.rows:
        return empty_chart(QCoreApplication.translate("RankingCharts", "No submitted sheet counts yet."))
    chart = _chart()
    rows = analysis.rows
    order = list(experts)
    values: list[float] = []
    for position, e in enumerate(order):
        series = QScatterSeries()
        series.setName(experts[e])
        series.setColor(expert_colour(position))
        series.setBorderColor(expert_colour(position))
        series.setMarkerSize(7)
        for i, r in enumerate(rows, 1):
            if e in r.totals:
                series.append(float(i), float(r.totals[e]))
                values.append(float(r.totals[e]))
        chart.addSeries(series)
    aggregate = QLineSeries()
    aggregate.setName(QCoreApplication.translate("RankingCharts", "Aggregate"))
    aggregate.setPen(QPen(AGGREGATE_COLOUR, 2))
    for i, r in enumerate(rows, 1):
        aggregate.append(float(i), float(r.score))
        values.append(float(r.score))
    chart.addSeries(aggregate)
    mark = line_score(analysis)
    if mark is not None and rows:
        rule = QLineSeries()
        rule.setName(_line_name(analysis.line))
        rule.setPen(_dashed(LINE_COLOUR))
        rule.append(0.5, float(mark))
        rule.append(len(rows) + 0.5, float(mark))
        chart.addSeries(rule)
        values.append(float(mark))
    x = QValueAxis()
    x.setRange(0.5, max(len(rows), 1) + 0.5)
    x.setLabelFormat("%d")
    x.setTickType(QValueAxis.TickType.TicksDynamic)
    x.setTickAnchor(1)
    x.setTickInterval(max(1, round(len(rows) / 10)))
    x.setTitleText(QCoreApplication.translate("RankingCharts", "Rank"))
    y = QValueAxis()
    y.setRange(*(_score_range(values) if values else (0, 100)))
    y.setLabelFormat("%.0f")
    y.setTitleText(QCoreApplication.translate("RankingCharts", "Total"))
    _axes(chart, x, y)
    return chart


def _quartiles(values: list[float]) -> tuple[float, float, float, float, float]:
    """Minimum, lower hinge, median, upper hinge, maximum (Tukey's hinges: small samples read well)."""
    v = sorted(values)

    def median(part: list[float]) -> float:
        n = len(part)
        return part[n // 2] if n % 2 else (part[n // 2 - 1] + part[n // 2]) / 2

    half = len(v) // 2
    lower, upper = (v[: half + len(v) % 2], v[half:]) if len(v) > 1 else (v, v)
    return v[0], median(lower), median(v), median(upper), v[-1]


def box_plot(analysis: Analysis, experts: dict[int, str]) -> QChart:
    """Each expert's totals over the round: who scores high, low, wide or narrow."""
    if not analysis.rows:
        return empty_chart(QCoreApplication.translate("RankingCharts", "No submitted sheet counts yet."))
    chart = _chart()
    series = QBoxPlotSeries()
    series.setName(QCoreApplication.translate("RankingCharts", "Totals per expert"))
    names, values = [], []
    for position, e in enumerate(experts):
        totals = [float(r.totals[e]) for r in analysis.rows if e in r.totals]
        names.append(experts[e])
        box = QBoxSet(experts[e])
        if totals:
            low, q1, med, q3, high = _quartiles(totals)
            box.setValue(QBoxSet.ValuePositions.LowerExtreme, low)
            box.setValue(QBoxSet.ValuePositions.LowerQuartile, q1)
            box.setValue(QBoxSet.ValuePositions.Median, med)
            box.setValue(QBoxSet.ValuePositions.UpperQuartile, q3)
            box.setValue(QBoxSet.ValuePositions.UpperExtreme, high)
            values += totals
        box.setBrush(expert_colour(position).lighter(150))
        box.setPen(QPen(expert_colour(position).darker(130), 1.5))
        series.append(box)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(names)
    y = QValueAxis()
    y.setRange(*(_score_range(values) if values else (0, 100)))
    y.setLabelFormat("%.0f")
    y.setTitleText(QCoreApplication.translate("RankingCharts", "Total"))
    _axes(chart, x, y)
    chart.legend().setVisible(False)
    return chart


def empty_chart(text: str) -> QChart:
    """Nothing to draw yet: the chart says why instead of showing empty axes."""
    chart = _chart()
    chart.setTitle(text)
    chart.legend().setVisible(False)
    return chart


def leniency_bars(analysis: Analysis, experts: dict[int, str]) -> QChart:
    """Each expert's mean difference from the other experts on the same applications (only the
    experts it can be computed for; a chart that says so when there is none)."""
    shown = [e for e in experts if e in analysis.leniency]
    if not shown:
        return empty_chart(QCoreApplication.translate(
            "RankingCharts", "No leniency yet: it needs submitted sheets of several experts on the same applications."))
    chart = _chart()
    bars = QBarSet(QCoreApplication.translate("RankingCharts", "Mean difference from the other experts"))
    names = []
    values = []
    for e in reversed(shown):  # categories run bottom-up: the table's first expert on top
        names.append(experts[e])
        value = float(analysis.leniency[e])
        bars.append(value)
        values.append(value)
    bars.setColor(QColor("#5c6bc0"))
    bars.setLabelColor(QColor("#212121"))  # the default white label is invisible outside the bar
    series = QHorizontalBarSeries()
    series.append(bars)
    chart.addSeries(series)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    y = QBarCategoryAxis()
    y.append(names)
    x = QValueAxis()
    reach = max([abs(v) for v in values] + [1.0]) * 1.3
    x.setRange(-reach, reach)
    x.setLabelFormat("%+.0f" if reach >= 5 else "%+.1f")
    x.setTitleText(QCoreApplication.translate("RankingCharts", "Points (positive: more lenient)"))
    _axes(chart, x, y)
    chart.legend().setVisible(False)
    return chart

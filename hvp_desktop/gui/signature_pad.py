"""A hand-drawn signature: mouse, touch or pen strokes kept as vectors and rendered to PNG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[tuple[float, float]]] = []
        self.setMinimumSize(360, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def is_empty(self) -> bool:
        """A click or a dot is not a signature: something must be drawn across some width."""
        xs = [x for stroke in self.strokes for x, _y in stroke]
        points = sum(len(stroke) for stroke in self.strokes)
        return points < 5 or max(xs) - min(xs) < 30

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    # -- input: mouse (and touch, which Qt synthesises as mouse) and tablet pens ----------------
    def _begin(self, point: QPointF) -> None:
        self.strokes.append([(round(point.x(), 1), round(point.y(), 1))])

    def _extend(self, point: QPointF) -> None:
        if self.strokes:
            self.strokes[-1].append((round(point.x(), 1), round(point.y(), 1)))
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())
        self.changed.emit()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove and event.pressure() > 0:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self.changed.emit()
        event.accept()

    # -- output ---------------------------------------------------------------------------------
    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#0b2a6f"), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            if len(stroke) < 2:
                continue
            path = QPainterPath(QPointF(*stroke[0]))
            for x, y in stroke[1:]:
                path.lineTo(x, y)
            painter.drawPath(path)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#c8c8c8"), 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.75)
        painter.drawLine(12, baseline, self.width() - 12, baseline)
        self._paint(painter)

    def to_png(self) -> bytes:
        image = QImage(self.size(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._paint(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(data)

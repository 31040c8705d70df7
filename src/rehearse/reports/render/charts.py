"""Timeline charts drawn for the PDF with ``reportlab.graphics``: one ``Drawing`` per chart.

A chart is a title row with its legend, the plot (grid, target band, the series as a line
with a dot per window), a strip under the time axis with a triangle per filler and a bar
per long pause, and the time labels.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from rehearse.reports.render import palette
from rehearse.reports.render.fonts import Fonts
from rehearse.reports.render.timeline import Chart

TITLE_ROW = 16.0
LEFT = 28.0  # room for the value labels
RIGHT = 8.0  # room for the last time label
STRIP = 11.0
LABEL_ROW = 11.0
TICK_SIZE = 7.0
TITLE_SIZE = 8.5

_Scale = Callable[[float], float]


def colour(hex_colour: str) -> Color:
    return HexColor(hex_colour)


def chart_drawing(
    chart: Chart, width: float, plot_height: float, fonts: Fonts, markers: bool = True
) -> Drawing:
    """``chart`` as a drawing ``width`` wide; ``markers`` adds the filler and pause strip."""
    strip = STRIP if markers else 3.0
    height = LABEL_ROW + strip + plot_height + TITLE_ROW
    bottom = LABEL_ROW + strip
    right = width - RIGHT
    line = colour(palette.ACCENT if chart.band else palette.ACCENT_SOFT)
    drawing = Drawing(width, height)

    def x(seconds: float) -> float:
        return LEFT + chart.time.at(seconds) * (right - LEFT)

    def y(value: float) -> float:
        return bottom + chart.values.at(value) * plot_height

    _title(drawing, chart, fonts, width=width, baseline=height - 10.0, markers=markers)
    if chart.band is not None:
        low, high = y(chart.band[0]), y(chart.band[1])
        drawing.add(
            Rect(
                LEFT,
                low,
                right - LEFT,
                high - low,
                fillColor=colour(palette.BAND),
                strokeColor=None,
            )
        )
    for value in chart.values.ticks:
        drawing.add(
            Line(LEFT, y(value), right, y(value), strokeColor=colour(palette.RULE), strokeWidth=0.5)
        )
        drawing.add(_text(LEFT - 4, y(value) - 2.5, chart.value_label(value), fonts, "end"))
    drawing.add(
        Line(LEFT, bottom, right, bottom, strokeColor=colour(palette.FAINT), strokeWidth=0.7)
    )
    for seconds in chart.time.ticks:
        drawing.add(
            Line(
                x(seconds),
                bottom,
                x(seconds),
                bottom - 2.5,
                strokeColor=colour(palette.FAINT),
                strokeWidth=0.7,
            )
        )
        drawing.add(_text(x(seconds), 2.0, chart.time_label(seconds), fonts, "middle"))
    if markers:
        _markers(drawing, chart, x, bottom)
    for run in chart.runs:
        points = [coordinate for t, v in run for coordinate in (x(t), y(v))]
        if len(run) > 1:
            drawing.add(PolyLine(points, strokeColor=line, strokeWidth=1.4, strokeLineJoin=1))
        for t, v in run:
            drawing.add(Circle(x(t), y(v), 1.5, fillColor=line, strokeColor=None))
    return drawing


def _markers(drawing: Drawing, chart: Chart, x: _Scale, bottom: float) -> None:
    top = bottom - 3.0
    for start, end in chart.pauses:
        drawing.add(
            Rect(
                x(start),
                top - 6.5,
                max(x(end) - x(start), 1.5),
                6.5,
                rx=1,
                ry=1,
                fillColor=colour(palette.PAUSE),
                strokeColor=None,
            )
        )
    for seconds in chart.fillers:
        at = x(seconds)
        drawing.add(
            Polygon(
                [at, top, at - 3.2, top - 6.5, at + 3.2, top - 6.5],
                fillColor=colour(palette.FILLER),
                strokeColor=None,
            )
        )


def _title(
    drawing: Drawing, chart: Chart, fonts: Fonts, *, width: float, baseline: float, markers: bool
) -> None:
    drawing.add(
        String(
            0,
            baseline,
            chart.title,
            fontName=fonts.bold,
            fontSize=TITLE_SIZE,
            fillColor=colour(palette.INK),
        )
    )
    offset = stringWidth(chart.title, fonts.bold, TITLE_SIZE) + 4
    drawing.add(
        String(
            offset,
            baseline,
            f"({chart.unit})",
            fontName=fonts.regular,
            fontSize=TITLE_SIZE - 0.5,
            fillColor=colour(palette.MUTED),
        )
    )
    keys: list[tuple[str, str]] = []
    if chart.band is not None:
        keys.append((palette.BAND, chart.band_label))
    if markers:
        keys += [(palette.FILLER, "filler"), (palette.PAUSE, "long pause")]
    at = width - RIGHT
    for swatch, label in reversed(keys):
        at -= stringWidth(label, fonts.regular, TICK_SIZE)
        drawing.add(
            String(
                at,
                baseline,
                label,
                fontName=fonts.regular,
                fontSize=TICK_SIZE,
                fillColor=colour(palette.MUTED),
            )
        )
        at -= 12
        edge = colour(palette.BAND_EDGE) if swatch == palette.BAND else None
        drawing.add(
            Rect(
                at,
                baseline - 0.5,
                8,
                6.5,
                rx=1,
                ry=1,
                fillColor=colour(swatch),
                strokeColor=edge,
                strokeWidth=0.5,
            )
        )
        at -= 10


def _text(x: float, y: float, text: str, fonts: Fonts, anchor: str) -> String:
    return String(
        x,
        y,
        text,
        fontName=fonts.regular,
        fontSize=TICK_SIZE,
        fillColor=colour(palette.MUTED),
        textAnchor=anchor,
    )

"""A timeline ``Chart`` laid out in SVG user units, for the HTML template to draw.

Everything here is numbers and plain labels; the template writes the elements (and escapes
the labels). The y axis points down, as SVG's does.
"""

from __future__ import annotations

from dataclasses import dataclass

from rehearse.reports.render.timeline import Chart

WIDTH = 720.0
LEFT, RIGHT = 46.0, 12.0
TOP = 8.0
STRIP = 14.0  # the marker strip under the plot: fillers and long pauses
LABELS = 20.0  # room for the time labels under the strip


@dataclass(frozen=True)
class SvgChart:
    width: float
    height: float
    left: float
    top: float
    right: float
    bottom: float
    strip_top: float
    x_ticks: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]
    band: tuple[float, float] | None  # (y, height)
    band_label: str  # "target 120-160", or ""
    lines: tuple[str, ...]  # polyline points, "x,y x,y ..."
    dots: tuple[tuple[float, float], ...]
    fillers: tuple[float, ...]  # x of each filler
    pauses: tuple[tuple[float, float], ...]  # (x, width) of each long pause
    title: str
    unit: str
    description: str
    markers: bool  # whether the chart has a marker strip


def svg_chart(chart: Chart, plot_height: float = 120.0, markers: bool = True) -> SvgChart:
    """``chart`` laid out ``WIDTH`` wide with a plot ``plot_height`` high."""
    right = WIDTH - RIGHT
    bottom = TOP + plot_height
    strip = STRIP if markers else 0.0
    height = bottom + strip + LABELS

    def x(seconds: float) -> float:
        return round(LEFT + chart.time.at(seconds) * (right - LEFT), 1)

    def y(value: float) -> float:
        return round(bottom - chart.values.at(value) * plot_height, 1)

    band = None
    if chart.band is not None:
        high, low = y(chart.band[1]), y(chart.band[0])
        band = (high, round(low - high, 1))
    return SvgChart(
        width=WIDTH,
        height=height,
        left=LEFT,
        top=TOP,
        right=right,
        bottom=bottom,
        strip_top=bottom + 3,
        x_ticks=tuple((x(t), chart.time_label(t)) for t in chart.time.ticks),
        y_ticks=tuple((y(v), chart.value_label(v)) for v in chart.values.ticks),
        band=band,
        band_label=chart.band_label,
        lines=tuple(
            " ".join(f"{x(t)},{y(v)}" for t, v in run) for run in chart.runs if len(run) > 1
        ),
        dots=tuple((x(t), y(v)) for run in chart.runs for t, v in run),
        fillers=tuple(x(t) for t in chart.fillers),
        pauses=tuple((x(a), max(round(x(b) - x(a), 1), 2.0)) for a, b in chart.pauses),
        title=chart.title,
        unit=chart.unit,
        description=describe(chart),
        markers=markers,
    )


def describe(chart: Chart) -> str:
    """The chart in one sentence, for screen readers."""
    values = [v for run in chart.runs for _, v in run]
    parts = [
        f"{chart.title} over {chart.time_label(chart.time.high)}, "
        f"from {min(values):.0f} to {max(values):.0f} {chart.unit}"
    ]
    if chart.band is not None:
        inside = sum(chart.band[0] <= v <= chart.band[1] for v in values)
        parts.append(
            f"{inside} of {len(values)} windows inside the target "
            f"{chart.band[0]:.0f}-{chart.band[1]:.0f}"
        )
    if chart.fillers:
        parts.append(f"{len(chart.fillers)} fillers")
    if chart.pauses:
        parts.append(f"{len(chart.pauses)} long pauses")
    return "; ".join(parts) + "."

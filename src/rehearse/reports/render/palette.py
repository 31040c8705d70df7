"""The report's colours, shared by the PDF and the HTML page (hex strings, WCAG AA on white)."""

from __future__ import annotations

INK = "#1f2933"  # body text
MUTED = "#52606d"  # secondary text: 6.5:1 on white
FAINT = "#7b8794"  # axis lines and ticks only, never text
RULE = "#d9e2ec"  # hairlines, table borders
PANEL = "#f5f7fa"  # card and table-header backgrounds
ACCENT = "#243b53"  # headings, the pace line
ACCENT_SOFT = "#486581"  # the pitch line
BAND = "#dcefe7"  # the target band behind a chart
BAND_EDGE = "#8fc9ae"
FILLER = "#a0440c"  # filler markers and text: 6.3:1 on white, 5.4:1 on FILLER_BACK
FILLER_BACK = "#fdebd3"
PAUSE = "#4f6a85"  # long-pause markers and "[3.1 s]": 5.6:1
FOUND = "#2f7d4f"  # ✓: 5.0:1
MISSING = "#b42318"  # ✗: 6.5:1

LABELS = {
    "strong": "#2f7d4f",
    "good": "#2c6e8f",
    "fair": "#a15c07",
    "weak": "#b42318",
    "not measured": "#616e7c",
}


def label_colour(label: str) -> str:
    """The colour of a score label ("strong", "good", "fair", "weak", "not measured")."""
    return LABELS.get(label, MUTED)

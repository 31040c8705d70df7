"""The report as one self-contained HTML page: inline CSS and SVG, no scripts, no fetches.

Rendered by Jinja2 from ``templates/report.html`` with autoescaping on, so every string that
came from the candidate or the interviewer is escaped.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from rehearse.feedback.report import Report
from rehearse.reports.render import palette, practice, text
from rehearse.reports.render.svg import SvgChart, svg_chart
from rehearse.reports.render.timeline import Timed, eye_contact_chart, pace_chart, pitch_chart


def render_html(report: Report) -> str:
    """The whole report as an HTML5 document."""
    return _environment().get_template("report.html").render(report=report)


def charts(answer: Timed) -> list[SvgChart]:
    """The answer's pace chart (with its filler and pause strip), pitch and eye contact charts,
    each if measured."""
    pace, pitch, eyes = pace_chart(answer), pitch_chart(answer), eye_contact_chart(answer)
    found = [svg_chart(pace)] if pace else []
    if pitch:
        found.append(svg_chart(pitch, plot_height=70.0, markers=False))
    if eyes:
        found.append(svg_chart(eyes, plot_height=70.0, markers=False))
    return found


# What the report's templates call to word values; the web pages' templates use them too.
TEMPLATE_HELPERS: dict[str, Any] = {
    "palette": palette,
    "label_colour": palette.label_colour,
    "capital": text.capital,
    "on_camera": text.on_camera,
    "joined": text.joined,
    "score_value": text.score_value,
    "measured": text.measured,
    "target": text.target,
    "earned": text.earned,
    "lost": text.lost,
    "top_measurements": text.top_measurements,
    "when": text.when,
    "gain": text.gain,
    "star_parts": text.star_parts,
    "parts_heading": text.parts_heading,
    "judged_parts": text.judged_parts,
    "stronger_pieces": text.stronger_pieces,
    "stronger_note": text.STRONGER_NOTE,
    "coach_lines": text.coach_lines,
    "coach_heading": text.COACH_HEADING,
    "meta": text.meta,
    "conversation": text.conversation,
    "move": text.move,
    "decided_on": text.decided_on,
    "why": text.why,
    "reply_meta": text.reply_meta,
    "closing": text.closing,
    "scored_on": text.scored_on,
    "practise_link": practice.practise_link,
    "practise_label": practice.PRACTISE,
    "practice_about": practice.ABOUT,
    "practice_meta": practice.practice_meta,
    "practice_nothing_yet": practice.NOTHING_YET,
    "baseline_name": practice.baseline_name,
    "shows_previous": practice.shows_previous,
    "change_word": practice.change_word,
    "change_colour": practice.change_colour,
    "attempt_header": practice.ATTEMPT_HEADER,
    "attempt_row": practice.attempt_row,
    "attempt_notes": practice.attempt_notes,
    "point_name": practice.point_name,
    "quote_label": practice.quote_label,
    "content_line": practice.content_line,
    "measure_line": practice.measure_line,
    "length_line": practice.length_line,
}


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("rehearse.reports.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(TEMPLATE_HELPERS, charts=charts, transcript=text.transcript)
    return environment

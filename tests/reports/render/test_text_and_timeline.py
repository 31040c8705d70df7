"""What both renderings share: the wording of values and the geometry of the timeline charts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rehearse.feedback.measures import Measurement, Score
from rehearse.feedback.report import AnswerReport, Report, TimedWord, TimelinePoint
from rehearse.reports.render import text
from rehearse.reports.render.svg import svg_chart
from rehearse.reports.render.timeline import pace_chart, pitch_chart


def _measurement(name: str, value: float | None, points: float, lost: float) -> Measurement:
    return Measurement(name, value, "share", "all", None, 0.5, points, lost, "", "")


def _answer(**changes: object) -> AnswerReport:
    blank = AnswerReport(
        1, "Q?", "technical", "t", True, "", 30.0, None, (), (), {}, (), (), (), ()
    )
    return replace(blank, **changes)  # type: ignore[arg-type]


def test_measurements_read_with_their_units_and_points() -> None:
    assert text.measured(_measurement("covered", 0.889, 40, 5)) == "89 %"
    pace = Measurement("pace", 182.4, "words/min", "120-160", 0.6, 0.3, 18.0, 12.0, "", "")
    assert text.measured(pace) == "182 words/min"
    assert text.measured(replace(pace, value=3.0, unit="per 100 words")) == "3 per 100 words"
    assert text.measured(replace(pace, value=None)) == "not measured"
    assert text.earned(pace) == "+18.0"
    assert text.lost(pace) == "\u221212.0"
    assert text.lost(replace(pace, lost=0.0)) == "0"


def test_a_band_no_coach_would_set_is_shown_as_what_the_best_rated_answers_reached() -> None:
    pace = Measurement("pace", 182.4, "words/min", "120-160", 0.6, 0.3, 18.0, 12.0, "", "")
    assert text.target(pace) == "target 120-160"
    fitted = replace(pace, name="mean sentence length", target="at least 29.2", advised=False)
    assert text.target(fitted) == "best-rated answers: at least 29.2"


def test_the_top_measurements_are_the_ones_that_lost_most_and_skip_the_unmeasured() -> None:
    score = Score(
        "content",
        70.0,
        "good",
        (
            _measurement("a", 1, 30, 0),
            _measurement("b", 1, 10, 20),
            _measurement("c", None, 0, 0),
            _measurement("d", 1, 20, 0),
            _measurement("e", 1, 5, 5),
        ),
        "",
    )
    assert [m.name for m in text.top_measurements(score)] == ["b", "e", "a"]


def test_dates_durations_and_scores_read_plainly() -> None:
    assert text.when("2025-03-14T15:42:07Z") == "14 March 2025, 15:42 UTC"
    assert text.when("yesterday") == "yesterday"
    assert text.duration(65.9) == "1:05"
    assert text.duration(None) == ""
    assert text.score_value(None) == "not measured"
    assert text.score_value(72.6) == "73"
    assert text.joined("Rehearse", "", "Ada") == "Rehearse · Ada"


def test_star_parts_come_in_story_order() -> None:
    star = {"result": False, "action": True, "situation": True, "task": True}
    assert text.star_parts(star) == [
        ("Situation", True), ("Task", True), ("Action", True), ("Result", False),
    ]  # fmt: skip


def test_the_transcript_has_fillers_and_pauses_or_else_the_typed_text() -> None:
    words = (
        TimedWord(" um", 0.5, 0.7, filler=True),
        TimedWord(" I", 0.8, 0.9),
        TimedWord(" left", 4.2, 4.5, pause_before=3.08),
    )
    assert text.transcript(_answer(words=words, text="ignored")) == [
        text.Token("um", filler=True),
        text.Token("I"),
        text.Token("[3.1 s]", pause=True),
        text.Token("left"),
    ]
    assert text.transcript(_answer(text="Typed.")) == [text.Token("Typed.")]
    assert text.transcript(_answer(answered=False)) == []


def test_a_word_said_again_is_a_token_of_its_own_kind() -> None:
    words = (TimedWord(" I", 0.0, 0.2), TimedWord(" I", 0.4, 0.6, repeated=True))
    assert text.transcript(_answer(words=words)) == [
        text.Token("I"),
        text.Token("I", repeated=True),
    ]


def test_pace_is_charted_in_runs_split_where_nothing_was_measured() -> None:
    timeline = (
        TimelinePoint(0, 5, 120, 180, 0, False),
        TimelinePoint(5, 10, 190, 190, 1, False),
        TimelinePoint(10, 15, None, None, 0, True),
        TimelinePoint(15, 20, 150, None, 2, False),
    )
    chart = pace_chart(_answer(timeline=timeline, duration_seconds=20.0))
    assert chart is not None
    assert chart.runs == (((2.5, 120), (7.5, 190)), ((17.5, 150),))
    assert chart.band == (120.0, 160.0)
    assert chart.values.low == 0
    assert chart.values.high >= 200
    assert chart.time.ticks == (0, 5, 10, 15, 20)
    assert chart.fillers == (7.5, 17.5, 17.5)  # from the windows, as there are no words
    assert chart.pauses == ((10, 15),)
    pitch = pitch_chart(_answer(timeline=timeline, duration_seconds=20.0))
    assert pitch is not None
    assert pitch.runs == (((2.5, 180), (7.5, 190)),)
    assert pitch.values.low <= 170
    assert pitch.values.high >= 200


def test_nothing_is_charted_without_a_timeline(report: Report) -> None:
    typed = next(a for a in report.answers if a.answered and not a.words)
    assert pace_chart(typed) is None
    assert pitch_chart(typed) is None


def test_the_svg_layout_puts_the_band_between_its_values(report: Report) -> None:
    chart = pace_chart(report.answers[0])
    assert chart is not None
    layout = svg_chart(chart)
    assert layout.band is not None
    band_top, band_height = layout.band
    assert layout.top < band_top < band_top + band_height < layout.bottom
    assert len(layout.fillers) == sum(w.filler for w in report.answers[0].words)
    assert all(layout.left <= x <= layout.right for x in layout.fillers)
    xs = [float(point.split(",")[0]) for point in layout.lines[0].split()]
    assert xs == sorted(xs)
    first_x, first_label = layout.x_ticks[0]
    assert first_x == pytest.approx(layout.left)
    assert first_label == "0:00"


def test_a_storys_parts_are_headed_star_and_other_forms_parts_are_not() -> None:
    assert text.parts_heading({"situation": True, "result": False}) == "STAR"
    assert text.parts_heading({"present": True, "past": True, "future": False}) == (
        "Parts of the answer"
    )

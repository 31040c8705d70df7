"""What ``rehearse practise`` prints of a comparison: the lead, then each point before → after
with both quotes, the content, the hidden tests, the delivery and the lengths."""

from __future__ import annotations

from rehearse.feedback.practice.content import SAME_WITHIN
from rehearse.practice.schemas import ComparedPublic, ComparisonPublic, MeasureChangePublic
from rehearse.reports.render.practice import change_word, quote_label
from rehearse.reports.render.text import capital

_UNITS = {"pace": "words a minute", "fillers": "per 100 words", "long pauses": "a minute"}


def render_compared(compared: ComparedPublic, baseline: str, notes: tuple[str, str]) -> str:
    """The latest attempt against ``baseline`` (what it is, in words) and against the attempt
    before it; ``notes`` say why either comparison's content was not judged, when it was not."""
    attempts = f"{compared.attempts} attempt{'s' if compared.attempts != 1 else ''}"
    blocks = [
        f"What changed ({attempts} so far)",
        render_comparison(baseline, compared.baseline, notes[0]),
    ]
    if compared.previous is not None:
        blocks.append(render_comparison("Against your attempt before", compared.previous, notes[1]))
    return "\n\n".join(blocks)


def render_comparison(title: str, view: ComparisonPublic, content_note: str) -> str:
    lines = [f"{title}:", f"  {view.lead}"]
    if view.tests is not None:
        before, after = view.tests.before, view.tests.after
        change = f" ({change_word(view.tests.change)})" if view.tests.change else ""
        lines.append(
            f"  Tests passed: {before.passed}/{before.total} → {after.passed}/{after.total}{change}"
        )
    else:
        lines.append(f"  Content: {_content(view, content_note)}")
        if None not in view.on_topic:
            lines.append(f"  On topic: {_yes(view.on_topic[0])} → {_yes(view.on_topic[1])}")
    for point in view.points:
        name = f"Story part “{point.point}”" if point.is_part else f"Key point “{point.point}”"
        lines.append(f"  {name}: {point.before} → {point.after} ({change_word(point.change)})")
        if point.before_quote:
            lines.append(f"      before: {quote_label(point.before)}“{point.before_quote}”")
        if point.after_quote:
            lines.append(f"      after:  {quote_label(point.after)}“{point.after_quote}”")
    if view.delivery:
        lines += [f"  {_measure(measure)}" for measure in view.delivery]
    else:
        lines.append("  Delivery: compared when both attempts were spoken.")
    lines.append(f"  Length: {_length(view)}")
    return "\n".join(lines)


def _content(view: ComparisonPublic, note: str) -> str:
    if view.content == "same":
        return f"about the same (the content judge's scores within {SAME_WITHIN:g} points)"
    if view.content is not None:
        return f"{view.content} (the content judge's score moved more than {SAME_WITHIN:g} points)"
    if view.judging:
        return "still being judged"
    return f"not judged: {note}" if note else "not judged"


def _measure(measure: MeasureChangePublic) -> str:
    name = capital(measure.name)
    change = change_word(measure.change) if measure.change else "not compared: a noisy recording"
    if measure.name == "eye contact":  # a share of the frames
        first, second = measure.first * 100, measure.second * 100
        return f"{name}: {first:.0f} → {second:.0f} % of the time, into the lens ({change})"
    unit = _UNITS.get(measure.name, "")
    return f"{name}: {measure.first:.1f} → {measure.second:.1f} {unit} ({change})"


def _length(view: ComparisonPublic) -> str:
    words = f"{view.words[0]} → {view.words[1]} words"
    if view.seconds == (None, None):
        return words
    before, after = (f"{s:.1f} s" if s is not None else "typed" for s in view.seconds)
    return f"{words}; {before} → {after}"


def _yes(value: bool | None) -> str:
    return "yes" if value else "no"

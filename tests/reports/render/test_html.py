"""The HTML page: self-contained, escaped, accessible, with the same content as the PDF."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from markupsafe import escape

from rehearse.feedback.judge.points import STAR_GAPS
from rehearse.feedback.report import Report
from rehearse.reports.render import text
from rehearse.reports.render.html import render_html


class _Outline(HTMLParser):
    """Headings in order, table header cells per table, and every tag and attribute seen."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.tables: list[int] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "table":
            self.tables.append(0)
        elif tag == "th":
            self.tables[-1] += 1


def _outline(page: str) -> _Outline:
    outline = _Outline()
    outline.feed(page)
    return outline


def test_the_page_has_every_question_and_recommendation(html: str, report: Report) -> None:
    for answer in report.answers:
        assert str(escape(answer.question)) in html
    for recommendation in report.recommendations:
        assert str(escape(recommendation.title)) in html
    assert str(escape(report.next_session[0])) in html
    assert "Renée Okafor" in html
    assert "not measured" in html


def test_the_transcript_marks_fillers_and_long_pauses(html: str) -> None:
    assert '<mark class="filler">Um</mark> I thought it was too risky' in html
    assert '<span class="pause">[2.6 s]</span> We found eleven mismatches' in html


def test_a_chart_for_each_spoken_reply_and_none_for_the_typed_or_skipped(
    html: str, report: Report
) -> None:
    replies = [x.reply for a in report.answers for x in text.conversation(a) if x.reply]
    spoken = [r for r in replies if r.timeline]
    assert len(spoken) == 9  # eight spoken answers, one with a reply to a follow-up
    pitched = [r for r in spoken if any(p.pitch_hz for p in r.timeline)]
    assert html.count("<svg ") == len(spoken) + len(pitched)
    assert 'aria-label="Pace over 1:04, from 96 to 192 words/min;' in html


def test_a_follow_up_is_shown_with_its_reason_before_its_reply(html: str, report: Report) -> None:
    answer = next(a for a in report.answers if len(a.thread) > 1)
    asked = answer.thread[1].asked
    said = html.index("she wrote the next two sections of the guide herself")  # reply 1
    follow_up = html.index(str(escape(asked.say)))
    reason = html.index(str(escape(f"Why: {asked.reason}")))
    reply = html.index("I set a fifteen minute check in with her")
    assert said < follow_up < reason < reply
    assert "Follow-up · Decided on the live transcript" in html


def test_a_question_with_markup_is_escaped(report: Report) -> None:
    hostile = "Explain <script>alert('x')</script> & why"
    answers = (replace(report.answers[0], question=hostile), *report.answers[1:])
    page = render_html(replace(report, answers=answers))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; why" in page


def test_the_page_is_self_contained(html: str) -> None:
    tags = _outline(html).tags
    names = {tag for tag, _ in tags}
    assert names.isdisjoint({"script", "link", "img", "iframe", "object"})
    for _, attributes in tags:
        for name in ("src", "href"):
            assert not re.match(r"\s*(https?:)?//", attributes.get(name) or "", re.IGNORECASE)
    assert not re.search(r"url\(|@import", html)


def test_the_page_is_accessible(html: str) -> None:
    outline = _outline(html)
    assert re.search(r'<html lang="en">', html)
    assert outline.headings[0] == 1
    for before, after in zip(outline.headings, outline.headings[1:], strict=False):
        assert after <= before + 1, outline.headings
    assert outline.tables
    assert all(headers > 0 for headers in outline.tables)
    svgs = [attributes for tag, attributes in outline.tags if tag == "svg"]
    assert all(a.get("role") == "img" and a.get("aria-label") for a in svgs)


def test_an_empty_report_renders(empty: Report) -> None:
    page = render_html(empty)
    assert "This session has no answers yet." in page
    assert "No recommendations for this session." in page
    assert _outline(page).headings[0] == 1


def test_a_judged_story_shows_its_star_parts_in_its_own_words(judged_story: Report) -> None:
    page = render_html(judged_story)
    assert "Our checkout timed out every Friday." in page
    assert "Situation" in page
    assert "Result" in page


def test_the_stronger_answer_keeps_the_candidates_words_and_marks_its_gaps(
    judged_story: Report,
) -> None:
    page = render_html(judged_story)
    assert "A stronger answer, in your own words" in page
    assert "I profiled it and added an index." in page
    assert f"<mark>{STAR_GAPS['task']}</mark>" in page


def test_the_overall_shows_how_far_it_agrees_with_people(report: Report) -> None:
    sentence = "The overall agrees with human interviewers at Overall rho 0.50 [0.20, 0.70]."
    page = render_html(replace(report, overall_agreement=sentence))
    assert f"data-overall-agreement>{escape(sentence)}<" in page


def test_each_answer_links_to_practising_its_question_again(practised: Report) -> None:
    page = render_html(practised)
    assert '<a href="/sessions/s-1/questions/q-1/practise" data-practise>' in page
    assert page.count("data-practise>") == 1  # the other answers carry no question id


def test_the_practice_section_follows_the_answers(practised: Report) -> None:
    page = render_html(practised)
    last_answer = page.index(str(escape(practised.answers[-1].question)))
    assert page.index('<h2 id="practice">Practice</h2>') > last_answer
    assert "The latest attempt against your answer in the interview" in page


def test_the_practice_section_leads_with_what_changed_and_quotes_both_attempts(
    practised: Report,
) -> None:
    page = render_html(practised)
    compared = practised.practice[0].compared
    assert compared is not None
    assert str(escape(compared.lead)) in page
    gained = next(p for p in compared.points if not p.is_part)
    assert (gained.before, gained.after) == ("missing", "covered")
    assert f"“{escape(gained.before_quote)}”" in page
    assert f"“{escape(gained.after_quote)}”" in page
    assert "Fillers: 8 per 100 words → 2 per 100 words (better)" in page


def test_a_practised_report_is_accessible(practised: Report) -> None:
    outline = _outline(render_html(practised))
    for before, after in zip(outline.headings, outline.headings[1:], strict=False):
        assert after <= before + 1, outline.headings
    assert all(headers > 0 for headers in outline.tables)


def test_a_report_without_practice_has_no_practice_section(html: str) -> None:
    assert 'id="practice"' not in html


def test_the_latest_attempt_is_also_set_against_the_one_before_it(practised: Report) -> None:
    page = render_html(practised)
    previous = practised.practice[0].previous
    assert previous is not None
    at = page.index("The latest attempt against the one before it")
    assert page.index("The latest attempt against your answer in the interview") < at
    assert str(escape(previous.lead)) in page[at:]
    assert "Fillers: 5 per 100 words → 2 per 100 words" in page[at:]

"""The report as an A4 PDF: a summary page, a "What to work on" page, the answers, then the
questions practised again, each attempt with its scores and the latest against the baseline.

Each answer starts on a new page unless there is room for its heading, scores and charts;
section headings never end a page. Laid out with ReportLab's platypus; the charts come from
``charts``, the fonts from ``fonts``, the wording from ``text``. Every string from the report
is escaped before it becomes Paragraph markup. Each page has a footer with the session and
"Page N of M".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from rehearse.feedback.measures import Score
from rehearse.feedback.report import (
    AnswerReport,
    InterviewerTurn,
    PointMove,
    PracticeComparison,
    QuestionPractice,
    Recommendation,
    Reply,
    Report,
    StudyItem,
)
from rehearse.reports.render import palette, practice, text
from rehearse.reports.render.charts import chart_drawing, colour
from rehearse.reports.render.fonts import Fonts, fonts
from rehearse.reports.render.timeline import Timed, eye_contact_chart, pace_chart, pitch_chart

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm  # from the paper's edge to the content
BOTTOM = 24 * mm  # room for the footer
FRAME_PADDING = 6.0  # ReportLab's frames pad their content by this much on every side
WIDTH = PAGE_WIDTH - 2 * MARGIN
GAP = 10.0  # between the two columns of score cards
PAD = 9.0  # inside a card
SECTION_ROOM = 80.0  # room a section heading needs below it: a table head and a row, or 3 lines
ANSWER_ROOM = 380.0  # an answer starts on a new page unless this much is left: heading to charts
POINTS_COLUMN = 80.0  # a card's right column: the value, then points earned and lost


@dataclass(frozen=True)
class Kit:
    """The fonts and paragraph styles one rendering uses."""

    fonts: Fonts
    eyebrow: ParagraphStyle
    title: ParagraphStyle
    meta: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    question: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    bullet: ParagraphStyle
    bullet_small: ParagraphStyle
    bullet_cell: ParagraphStyle
    reflection: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    quote: ParagraphStyle
    transcript: ParagraphStyle
    big: ParagraphStyle
    number: ParagraphStyle

    def para(self, value: str, style: ParagraphStyle) -> Paragraph:
        """A paragraph of plain ``value``, escaped."""
        return Paragraph(self.esc(value), style)

    def esc(self, value: str) -> str:
        """``value`` escaped for Paragraph markup and reduced to what the font draws."""
        return escape(self.fonts.plain(value))


def render_pdf(report: Report) -> bytes:
    """The whole report as PDF bytes."""
    kit = _kit(fonts())
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN - FRAME_PADDING,
        rightMargin=MARGIN - FRAME_PADDING,
        topMargin=MARGIN - FRAME_PADDING,
        bottomMargin=BOTTOM - FRAME_PADDING,
        title=kit.fonts.plain(f"{report.title}: interview report"),
        author=kit.fonts.plain(report.candidate),
        subject=kit.fonts.plain(report.role),
        creator="Rehearse",
        invariant=True,
    )
    footer = kit.fonts.plain(text.joined("Rehearse", report.title, report.candidate))
    document.build(
        list(_story(report, kit)),
        canvasmaker=partial(_NumberedCanvas, footer=footer, fonts=kit.fonts),
    )
    return buffer.getvalue()


def _story(report: Report, kit: Kit) -> Iterator[Flowable]:
    yield from _summary(report, kit)
    yield PageBreak()
    yield from _work_on(report, kit)
    if report.answers:
        yield CondPageBreak(ANSWER_ROOM + 60)
        yield Spacer(1, 16)
        yield kit.para("Answers", kit.h1)
    for index, answer in enumerate(report.answers):
        if index:
            yield CondPageBreak(ANSWER_ROOM)
            yield _rule()
        yield from _answer(answer, len(report.answers), kit)
    if report.practice:
        yield CondPageBreak(ANSWER_ROOM + 60)
        yield Spacer(1, 16)
        yield kit.para("Practice", kit.h1)
        yield kit.para(practice.ABOUT, kit.small)
    for index, item in enumerate(report.practice):
        if index:
            yield CondPageBreak(SECTION_ROOM * 2)
            yield _rule()
        yield from _practice(item, kit)


def _rule() -> Flowable:
    """The line between two answers, or two practised questions."""
    return HRFlowable(
        width="100%", thickness=0.8, color=colour(palette.RULE), spaceBefore=14, spaceAfter=14
    )


# The summary page.


def _summary(report: Report, kit: Kit) -> Iterator[Flowable]:
    yield kit.para("REHEARSE \u00b7 INTERVIEW REPORT", kit.eyebrow)
    yield kit.para(report.title, kit.title)
    if report.role:
        yield kit.para(report.role, kit.meta)
    yield kit.para(text.joined(report.candidate, text.when(report.created_at)), kit.meta)
    yield Spacer(1, 16)
    yield _overall(report, kit)
    yield Spacer(1, 18)
    yield kit.para("Scores", kit.h1)
    if report.scores:
        yield _cards(report.scores, kit)
    else:
        yield kit.para("Nothing in this session could be scored.", kit.body)
    if report.caveats:
        yield Spacer(1, 14)
        yield _panel(
            [
                kit.para("About these scores", kit.h2),
                *_bullets(report.caveats, kit, small=True),
            ]
        )


def _overall(report: Report, kit: Kit) -> Table:
    answered = sum(answer.answered for answer in report.answers)
    if report.overall is None:
        shade = palette.label_colour(text.NOT_MEASURED)
        number = Paragraph(f'<font color="{shade}">{text.NOT_MEASURED}</font>', kit.h2)
    else:
        number = Paragraph(
            f'<font color="{palette.ACCENT}">{text.score_value(report.overall)}</font>', kit.big
        )
    lines = [
        kit.para("overall score, of 100", kit.h2),
        kit.para(
            f"{answered} of {len(report.answers)} questions answered \u00b7 "
            f"{sum(s.value is not None for s in report.scores)} of {len(report.scores)} "
            "competencies measured",
            kit.small,
        ),
    ]
    lines += [
        kit.para(note, kit.small)
        for note in (report.overall_note, report.overall_agreement)
        if note
    ]
    table = Table([[number, lines]], colWidths=[110, WIDTH - 110])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour(palette.PANEL)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 16),
                ("TOPPADDING", (0, 0), (-1, -1), 12),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
            ]
        )
    )
    return table


def _cards(scores: Sequence[Score], kit: Kit) -> Table:
    width = (WIDTH - GAP) / 2
    cards = [_card(score, width, kit) for score in scores]
    if len(cards) % 2:
        cards.append(Spacer(1, 1))
    rows = [cards[i : i + 2] for i in range(0, len(cards), 2)]
    grid = Table(rows, colWidths=[width + GAP / 2, width + GAP / 2])
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), GAP / 2),
                ("LEFTPADDING", (1, 0), (1, -1), GAP / 2),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), GAP),
            ]
        )
    )
    return grid


def _card(score: Score, width: float, kit: Kit) -> Table:
    """A bordered card ``width`` wide: name, value, bar and the measurements that moved it."""
    inner = width - 2 * PAD  # column widths include the cells' padding
    value = _badge(score.value, score.label, kit, size=15)
    rows: list[list[Any]] = [
        [kit.para(text.capital(score.name), kit.h2), Paragraph(value, kit.cell_right)],
    ]
    if score.agreement:
        rows.append([kit.para(score.agreement, kit.small), ""])
    if score.value is None:
        rows.append([kit.para(score.rests_on, kit.small), ""])
    else:
        rows.append([_bar(score.value, palette.label_colour(score.label), inner), ""])
        for m in text.top_measurements(score):
            rows.append(
                [
                    Paragraph(
                        f"<b>{kit.esc(text.capital(m.name))}</b> {kit.esc(text.measured(m))}"
                        f'<font color="{palette.MUTED}"> \u00b7 {kit.esc(text.target(m))}</font>',
                        kit.cell,
                    ),
                    Paragraph(
                        f'<font color="{palette.FOUND}">{kit.esc(text.earned(m))}</font><br/>'
                        f'<font color="{palette.MISSING if m.lost else palette.MUTED}">'
                        f"{kit.esc(text.lost(m))}</font>",
                        kit.cell_right,
                    ),
                ]
            )
    card = Table(rows, colWidths=[width - POINTS_COLUMN, POINTS_COLUMN])
    card.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colour(palette.RULE)),
                ("SPAN", (0, 1), (1, 1)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("TOPPADDING", (0, 0), (-1, 0), PAD),
                ("BOTTOMPADDING", (0, -1), (-1, -1), PAD),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
            ]
        )
    )
    return card


def _bar(value: float, fill: str, width: float) -> Drawing:
    bar = Drawing(width, 5)
    bar.add(Rect(0, 0, width, 5, rx=2.5, ry=2.5, fillColor=colour(palette.PANEL), strokeColor=None))
    bar.add(
        Rect(
            0,
            0,
            max(width * value / 100, 5),
            5,
            rx=2.5,
            ry=2.5,
            fillColor=colour(fill),
            strokeColor=None,
        )
    )
    return bar


def _badge(value: float | None, label: str, kit: Kit, size: float) -> str:
    """Paragraph markup: the score in its label's colour, then the label."""
    shade = palette.label_colour(label)
    if value is None:
        return f'<font color="{shade}">{text.NOT_MEASURED}</font>'
    return (
        f'<font color="{shade}" size="{size}"><b>{text.score_value(value)}</b></font>'
        f'<font color="{shade}" size="{max(size * 0.55, 7.5):.1f}"> {kit.esc(label)}</font>'
    )


# What to work on.


def _work_on(report: Report, kit: Kit) -> Iterator[Flowable]:
    yield kit.para("What to work on", kit.h1)
    recommendations = sorted(report.recommendations, key=lambda r: r.priority)
    if not recommendations:
        yield kit.para("No recommendations for this session.", kit.body)
    for index, recommendation in enumerate(recommendations, start=1):
        yield _recommendation(index, recommendation, kit)
    if report.next_session:
        yield Spacer(1, 6)
        yield kit.para("Your next session", kit.h2)
        yield from _bullets(report.next_session, kit)
    if report.study_plan:
        yield Spacer(1, 6)
        yield kit.para("Study plan", kit.h2)
        yield Spacer(1, 3)
        yield _table(
            ["Topic", "Why", "Read", "Practise"],
            [_study(item, kit) for item in report.study_plan],
            [72, 150, 120, WIDTH - 342],
            kit,
        )
    if report.reflections:
        yield Spacer(1, 6)
        yield kit.para("Your reflections", kit.h2)
        for note in report.reflections:
            yield from _bullets([note.text], kit, style=kit.reflection)
            if note.response:
                yield kit.para(f"Coach: {note.response}", kit.bullet_small)


def _recommendation(index: int, recommendation: Recommendation, kit: Kit) -> Flowable:
    tag = f"{text.capital(recommendation.competency)} \u00b7 {text.gain(recommendation.gain)}"
    body = [
        Paragraph(
            f"{kit.esc(recommendation.title)}"
            f'<font name="{kit.fonts.regular}" size="8.5" color="{palette.MUTED}">'
            f"\u2003{kit.esc(tag)}</font>",
            kit.h2,
        ),
        Paragraph(f"<b>Evidence.</b> {kit.esc(recommendation.evidence)}", kit.body),
        Paragraph(f"<b>Do this.</b> {kit.esc(recommendation.action)}", kit.body),
    ]
    table = Table([[Paragraph(str(index), kit.number), body]], colWidths=[28, WIDTH - 28])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBEFORE", (1, 0), (1, 0), 2, colour(palette.ACCENT)),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("LEFTPADDING", (1, 0), (1, 0), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return KeepTogether([table, Spacer(1, 7)])


def _study(item: StudyItem, kit: Kit) -> list[Any]:
    """A row of the study plan: topic, why, notes to read, questions to practise."""
    return [
        Paragraph(f"<b>{kit.esc(text.capital(item.topic))}</b>", kit.cell),
        kit.para(item.why, kit.cell),
        _bullets(item.notes, kit, style=kit.bullet_cell),
        _bullets(item.practice, kit, style=kit.bullet_cell),
    ]


# One answer.


def _answer(answer: AnswerReport, total: int, kit: Kit) -> Iterator[Flowable]:
    yield kit.para(f"QUESTION {answer.position} OF {total}", kit.eyebrow)
    yield kit.para(answer.question, kit.question)
    details = text.meta(answer)
    if answer.overall is not None:
        details += f" \u00b7 overall {text.score_value(answer.overall)}"
    yield kit.para(details, kit.meta)
    yield Spacer(1, 8)
    if not answer.answered:
        yield kit.para("Not answered.", kit.body)
    for warning in answer.warnings:
        yield _warning(warning, kit)
    if answer.scores:
        yield _compact_scores(answer.scores, kit)
    for line in text.scored_on(answer):
        yield kit.para(line, kit.small)
    if said := text.coach_lines(answer.coach):
        yield from _heading(text.COACH_HEADING, kit)
        yield from _bullets(said, kit)
    yield from _conversation(answer, kit)
    if seen := text.on_camera(answer.video):
        yield from _heading("On camera", kit)
        yield from _bullets(seen, kit)
    if answer.highlights:
        yield from _heading("What went well", kit)
        yield from _bullets(answer.highlights, kit)
    if answer.key_points:
        yield from _heading("Key points", kit)
        yield _table(
            ["", "Key point", "Where you said it (or came nearest)"],
            [
                [_mark(k.found, kit), kit.para(k.point, kit.cell), kit.para(k.sentence, kit.quote)]
                for k in answer.key_points
            ],
            [22, 180, WIDTH - 202],
            kit,
        )
    if told := text.judged_parts(answer):
        yield from _heading("STAR", kit)
        yield _table(
            ["", "Part", "In your words"],
            [
                [_mark(p.status != "missing", kit), kit.para(_told(p), kit.cell),
                 kit.para(p.quote, kit.quote)]
                for p in told
            ],
            [22, 180, WIDTH - 202],
            kit,
        )  # fmt: skip
    elif answer.star:
        yield from _heading(text.parts_heading(answer.star), kit)
        yield _star(answer.star, kit)
    if stronger := text.stronger_pieces(answer):
        yield from _heading("A stronger answer, in your own words", kit)
        shade = palette.FILLER
        markup = " ".join(
            f'<font color="{shade}"><b>{kit.esc(piece)}</b></font>' if gap else kit.esc(piece)
            for piece, gap in stronger
        )
        yield Paragraph(markup, kit.body)
        yield kit.para(text.STRONGER_NOTE, kit.bullet_small)


def _told(part: text.JudgedPart) -> str:
    return f"{part.name} (in part)" if part.status == "partly" else part.name


def _conversation(answer: AnswerReport, kit: Kit) -> Iterator[Flowable]:
    """Each exchange: what the interviewer asked and why (for follow-ups), then the reply with
    its own charts, moments and transcript; then how the interviewer moved on."""
    exchanges = text.conversation(answer)
    several = len(exchanges) > 1
    for exchange in exchanges:
        if exchange.asked.move != "question":
            yield _asked(exchange.asked, kit)
        reply = exchange.reply
        if reply is None:
            if exchange.asked.move != "question":
                yield kit.para("Not answered.", kit.body)
            continue
        if several:
            yield from _heading(text.reply_meta(reply), kit)
        for warning in reply.warnings if several else ():
            yield _warning(warning, kit)
        yield from _reply(reply, kit)
    if several and answer.closing is not None:
        yield Spacer(1, 6)
        yield kit.para(text.closing(answer.closing), kit.small)


def _asked(turn: InterviewerTurn, kit: Kit) -> Flowable:
    """The interviewer's follow-up or clarification in a panel, with why it was asked."""
    label = text.joined(text.move(turn).upper(), text.decided_on(turn))
    lines = [kit.para(label, kit.head), kit.para(turn.say, kit.h2)]
    if reason := text.why(turn):
        lines.append(kit.para(reason, kit.small))
    return KeepTogether([Spacer(1, 10), _panel(lines), Spacer(1, 2)])


def _reply(reply: Reply, kit: Kit) -> Iterator[Flowable]:
    """One reply's charts, moments and transcript."""
    yield from _charts(reply, kit)
    if reply.moments:
        yield from _heading("Moments", kit)
        yield _table(
            ["When", "What", "What to do"],
            [
                [
                    kit.para(m.when, kit.cell),
                    kit.para(m.what, kit.cell),
                    kit.para(text.capital(m.advice), kit.cell),
                ]
                for m in reply.moments
            ],
            [62, 150, WIDTH - 212],
            kit,
        )
    tokens = text.transcript(reply)
    if tokens:
        yield from _heading("Transcript" if reply.words else "Answer (typed)", kit)
        if reply.words:
            yield Paragraph(
                f'<font backColor="{palette.FILLER_BACK}" color="{palette.FILLER}">'
                f"highlighted</font> words are fillers; <u>underlined</u> words were said "
                f'again; <font color="{palette.PAUSE}">[3.1 s]</font> marks a long pause.',
                kit.small,
            )
            yield Spacer(1, 4)
        yield Paragraph(_transcript_markup(tokens, kit), kit.transcript)


def _compact_scores(scores: Sequence[Score], kit: Kit) -> Table:
    width = WIDTH / len(scores)
    head = [kit.para(text.capital(s.name), kit.head) for s in scores]
    values = [Paragraph(_badge(s.value, s.label, kit, size=12), kit.cell) for s in scores]
    table = Table([head, values], colWidths=[width] * len(scores))
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour(palette.PANEL)),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, colour("#ffffff")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 0),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 7),
            ]
        )
    )
    return table


def _charts(answer: Timed, kit: Kit) -> Iterator[Flowable]:
    """Pace (with fillers and long pauses on the time axis), pitch and eye contact, kept on
    one page."""
    pace, pitch, eyes = pace_chart(answer), pitch_chart(answer), eye_contact_chart(answer)
    charts: list[Flowable] = []
    if pace:
        charts += [Spacer(1, 12), chart_drawing(pace, WIDTH, 92, kit.fonts)]
    if pitch:
        charts += [Spacer(1, 6), chart_drawing(pitch, WIDTH, 46, kit.fonts, markers=False)]
    if eyes:
        charts += [Spacer(1, 6), chart_drawing(eyes, WIDTH, 46, kit.fonts, markers=False)]
    if charts:
        yield KeepTogether(charts)


def _star(star: dict[str, bool], kit: Kit) -> Table:
    parts = text.star_parts(star)
    cells = [
        Paragraph(f"{_mark_markup(present, kit)} {kit.esc(part)}", kit.cell)
        for part, present in parts
    ]
    table = Table([cells], colWidths=[WIDTH / 4] * len(cells), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colour(palette.RULE)),
                ("INNERGRID", (0, 0), (-1, -1), 0.6, colour(palette.RULE)),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _transcript_markup(tokens: Sequence[text.Token], kit: Kit) -> str:
    pieces = []
    for token in tokens:
        word = kit.esc(token.text)
        if token.filler:
            word = f'<font backColor="{palette.FILLER_BACK}" color="{palette.FILLER}">{word}</font>'
        elif token.repeated:
            word = f"<u>{word}</u>"
        elif token.pause:
            word = f'<font color="{palette.PAUSE}" size="8">{word}</font>'
        pieces.append(word)
    return " ".join(pieces)


def _mark(found: bool, kit: Kit) -> Paragraph:
    return Paragraph(_mark_markup(found, kit), kit.cell)


def _mark_markup(found: bool, kit: Kit) -> str:
    shade, sign = (palette.FOUND, "✓") if found else (palette.MISSING, "✗")
    return f'<font color="{shade}"><b>{kit.esc(sign)}</b></font>'


def _warning(message: str, kit: Kit) -> Flowable:
    table = Table([[kit.para(message, kit.body)]], colWidths=[WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("LINEBEFORE", (0, 0), (0, 0), 2.5, colour(palette.LABELS["fair"])),
                ("LEFTPADDING", (0, 0), (0, 0), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return KeepTogether([table, Spacer(1, 6)])


# A question practised again.


def _practice(item: QuestionPractice, kit: Kit) -> Iterator[Flowable]:
    yield kit.para(f"QUESTION {item.position} \u00b7 PRACTISED", kit.eyebrow)
    yield kit.para(item.question, kit.question)
    yield kit.para(practice.practice_meta(item), kit.meta)
    yield from _heading("Attempts", kit)
    rows = [practice.attempt_row(attempt) for attempt in item.attempts]
    yield _table(
        practice.ATTEMPT_HEADER,
        [
            [kit.para(r.name, kit.cell), kit.para(r.when, kit.cell), kit.para(r.length, kit.cell),
             kit.para(r.content, kit.cell), kit.para(r.pace, kit.cell),
             kit.para(r.fillers, kit.cell), kit.para(r.pauses, kit.cell)]
            for r in rows
        ],
        [56, 104, 80, 50, 64, 64, WIDTH - 418],
        kit,
    )  # fmt: skip
    for note in practice.attempt_notes(item):
        yield kit.para(note, kit.small)
    if item.compared is None:
        yield Spacer(1, 6)
        yield kit.para(practice.NOTHING_YET, kit.body)
        return
    yield from _heading(f"The latest attempt against {practice.baseline_name(item)}", kit)
    yield from _comparison(item.compared, kit)


def _comparison(compared: PracticeComparison, kit: Kit) -> Iterator[Flowable]:
    """The lead, each point before and after with both quotes, then content, delivery and
    length."""
    yield kit.para(compared.lead, kit.h2)
    yield Spacer(1, 4)
    if compared.points:
        yield _table(
            ["Point", "Before", "Now", "Change"],
            [
                [kit.para(practice.point_name(p), kit.cell),
                 Paragraph(_said(p.before, p.before_quote, kit), kit.cell),
                 Paragraph(_said(p.after, p.after_quote, kit), kit.cell),
                 Paragraph(_change(p), kit.cell)]
                for p in compared.points
            ],
            [130, 145, 145, WIDTH - 420],
            kit,
        )  # fmt: skip
        yield Spacer(1, 4)
    lines = [practice.content_line(compared)]
    lines += [practice.measure_line(m) for m in compared.delivery]
    lines.append(practice.length_line(compared))
    yield from _bullets(lines, kit)


def _said(status: str, quote: str, kit: Kit) -> str:
    """Paragraph markup: the point's status, then the attempt's words for it."""
    if not quote:
        return kit.esc(status)
    return (
        f'{kit.esc(status)}<br/><font name="{kit.fonts.italic}" color="{palette.MUTED}">'
        f"{practice.quote_label(status)}\u201c{kit.esc(quote)}\u201d</font>"
    )


def _change(move: PointMove) -> str:
    shade = practice.change_colour(move.change)
    return f'<font color="{shade}"><b>{practice.change_word(move.change)}</b></font>'


# Shared pieces.


def _heading(title: str, kit: Kit) -> Iterator[Flowable]:
    """A section heading, on the next page unless there is room for some of its section."""
    yield CondPageBreak(SECTION_ROOM)
    yield kit.para(title.upper(), kit.h3)


def _table(
    header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], kit: Kit
) -> Table:
    table = Table(
        [[kit.para(h, kit.head) for h in header], *rows], colWidths=list(widths), repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colour(palette.PANEL)),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colour(palette.RULE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
            ]
        )
    )
    return table


def _panel(content: list[Flowable]) -> Table:
    table = Table([[content]], colWidths=[WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour(palette.PANEL)),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return table


def _bullets(
    items: Iterable[str], kit: Kit, small: bool = False, style: ParagraphStyle | None = None
) -> list[Flowable]:
    style = style or (kit.bullet_small if small else kit.bullet)
    return [Paragraph(kit.esc(item), style, bulletText="\u2022") for item in items]


def _kit(chosen: Fonts) -> Kit:
    def style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
        settings: dict[str, Any] = {
            "fontName": chosen.regular,
            "fontSize": size,
            "leading": leading,
            "textColor": colour(palette.INK),
        }
        settings.update(extra)
        return ParagraphStyle(name, **settings)

    bold = {"fontName": chosen.bold}
    muted = {"textColor": colour(palette.MUTED)}
    accent = {"textColor": colour(palette.ACCENT)}
    bullet = {"leftIndent": 12, "bulletIndent": 2, "spaceAfter": 2}
    return Kit(
        fonts=chosen,
        eyebrow=style("eyebrow", 8, 11, spaceAfter=6, **muted, **bold),
        title=style("title", 24, 29, spaceAfter=6, **accent, **bold),
        meta=style("meta", 10, 14, **muted),
        h1=style("h1", 15, 19, spaceAfter=8, **accent, **bold),
        h2=style("h2", 11, 14, spaceAfter=2, **accent, **bold),
        h3=style("h3", 8, 11, spaceBefore=12, spaceAfter=4, **muted, **bold),
        question=style("question", 15, 20, spaceAfter=4, **accent, **bold),
        body=style("body", 9.5, 13.5, spaceAfter=3),
        small=style("small", 8.5, 12, spaceAfter=2, **muted),
        bullet=style("bullet", 9.5, 13.5, **bullet),
        bullet_small=style("bullet_small", 8.5, 12, **bullet, **muted),
        bullet_cell=style("bullet_cell", 8.5, 11, leftIndent=8, bulletIndent=0, spaceAfter=2),
        reflection=style("reflection", 9.5, 13.5, **bullet, fontName=chosen.italic),
        cell=style("cell", 8.5, 11),
        cell_right=style("cell_right", 8.5, 11, alignment=TA_RIGHT),
        head=style("head", 7.5, 10, **muted, **bold),
        quote=style("quote", 8.5, 11, fontName=chosen.italic, **muted),
        transcript=style("transcript", 9.5, 15.5),
        big=style("big", 34, 36, **bold),
        number=style("number", 16, 18, **accent, **bold),
    )


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type hints
    """A canvas that holds its pages back until the end, to write "Page N of M" on each.

    ReportLab's own recipe: ``showPage`` keeps the page's state instead of emitting it, and
    ``save`` replays every page with its footer once the total is known.
    """

    def __init__(self, *args: Any, footer: str, fonts: Fonts, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer_text = footer
        self._fonts = fonts

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for page in self._pages:
            self.__dict__.update(page)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        y = BOTTOM - 12 * mm
        self.saveState()
        self.setStrokeColor(colour(palette.RULE))
        self.setLineWidth(0.6)
        self.line(MARGIN, y + 10, PAGE_WIDTH - MARGIN, y + 10)
        self.setFont(self._fonts.regular, 7.5)
        self.setFillColor(colour(palette.MUTED))
        self.drawString(MARGIN, y, _fit(self._footer_text, self._fonts.regular, WIDTH - 90))
        self.drawRightString(PAGE_WIDTH - MARGIN, y, f"Page {self.getPageNumber()} of {total}")
        self.restoreState()


def _fit(value: str, font: str, width: float, size: float = 7.5) -> str:
    """``value`` cut with an ellipsis to fit ``width`` points."""
    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "...", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "..."

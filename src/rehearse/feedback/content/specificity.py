"""How concrete an answer is: quantities, the candidate's own actions, named technologies,
examples and stated outcomes, each kept as the words that were counted, and a 0..1 index.

The index is a weighted sum of five parts, each saturating at a target, so one more number
past the target adds nothing:

=============  ======  =========================  ==================================
part           target  behavioural and project    technical, scenario and coding
=============  ======  =========================  ==================================
quantities     3       0.30                       0.25
actions        3       0.35 (past actions only)   0.15 (past and planned actions)
outcomes       2       0.25                       0.10
technologies   2       0.10                       0.25
examples       2       0                          0.25
=============  ======  =========================  ==================================

A story is concrete when it says what *I* did and what came of it, with numbers ("I rewrote
the migration", "from 2.4 seconds to 180 milliseconds"). An explanation or a plan is concrete
when it names tools, gives numbers and examples, and lists steps ("I'd check the query plan").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rehearse.feedback.content import cues
from rehearse.feedback.content.sentences import Sentence
from rehearse.feedback.content.skills import named_technologies

TARGETS = {"quantities": 3, "actions": 3, "outcomes": 2, "technologies": 2, "examples": 2}
STORY_WEIGHTS = {
    "quantities": 0.30,
    "actions": 0.35,
    "outcomes": 0.25,
    "technologies": 0.10,
    "examples": 0.0,
}
OTHER_WEIGHTS = {
    "quantities": 0.25,
    "actions": 0.15,
    "outcomes": 0.10,
    "technologies": 0.25,
    "examples": 0.25,
}


@dataclass(frozen=True)
class Specificity:
    quantities: tuple[str, ...]  # numbers, percentages, money and durations, as written
    actions: tuple[str, ...]  # "I" + an action verb in the past tense: "I restored"
    planned_actions: tuple[str, ...]  # "I'd check", "I would ask"
    team_actions: tuple[str, ...]  # "we" + an action verb: what the team did
    technologies: tuple[str, ...]  # canonical skill ids of the technologies named
    examples: tuple[str, ...]  # "for example", "such as", "like a"
    outcome_sentences: tuple[int, ...]  # sentences that state an outcome
    index: float  # 0..1, see the module docstring


def _found(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    return tuple(" ".join(match.group(0).split()) for match in pattern.finditer(text))


def specificity_index(counts: Mapping[str, int], *, story: bool) -> float:
    """The weighted sum of ``counts`` (keyed like ``TARGETS``), each capped at its target."""
    weights = STORY_WEIGHTS if story else OTHER_WEIGHTS
    index = sum(weight * min(counts[part] / TARGETS[part], 1.0) for part, weight in weights.items())
    return round(index, 4)


def measure_specificity(answer: str, sentences: Sequence[Sentence], *, story: bool) -> Specificity:
    quantities = _found(cues.QUANTITY, answer)
    actions = _found(cues.I_ACTION, answer)
    planned = _found(cues.PLANNED_ACTION, answer)
    technologies = named_technologies(answer)
    examples = _found(cues.EXAMPLE, answer)
    outcomes = tuple(sentence.index for sentence in sentences if cues.RESULT.search(sentence.text))
    counts = {
        "quantities": len(quantities),
        "actions": len(actions) if story else len(actions) + len(planned),
        "outcomes": len(outcomes),
        "technologies": len(technologies),
        "examples": len(examples),
    }
    return Specificity(
        quantities=quantities,
        actions=actions,
        planned_actions=planned,
        team_actions=_found(cues.WE_ACTION, answer),
        technologies=technologies,
        examples=examples,
        outcome_sentences=outcomes,
        index=specificity_index(counts, story=story),
    )

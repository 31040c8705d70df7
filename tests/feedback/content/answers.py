"""Hand-written answers to bank questions, labelled before anything was measured.

For each answer, ``covered`` lists the key points (by position in the bank question) a reader
finds in it, and ``arguable`` those a reader could count either way; the rest are missed. They
calibrate the thresholds of ``rehearse.feedback.content`` (docs/content-evaluation.md) and
``test_calibration.py`` checks the measured numbers still hold. ``UNRELATED`` answers are about
something else entirely.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rehearse.feedback.content import AskedQuestion, QuestionKind
from rehearse.interviewer.bank.schema import load_bank

Quality = Literal["strong", "partial", "weak"]
_KINDS: dict[str, QuestionKind] = {
    "behavioural": "behavioural",
    "technical": "technical",
    "scenario": "scenario",
    "coding": "coding",
}


def bank_question(question_id: str, kind: QuestionKind | None = None) -> AskedQuestion:
    """A question of the bank, optionally asked as another kind (a project question, say)."""
    for topic in load_bank().topics:
        for question in topic.questions:
            if question.id == question_id:
                asked_as = kind or _KINDS[question.type.value]
                return AskedQuestion(question.text, asked_as, topic.topic, question.key_points)
    raise KeyError(question_id)


@dataclass(frozen=True)
class LabelledAnswer:
    question_id: str
    quality: Quality
    text: str
    covered: frozenset[int]
    arguable: frozenset[int] = frozenset()

    @property
    def question(self) -> AskedQuestion:
        return bank_question(self.question_id)


ANSWERS: tuple[LabelledAnswer, ...] = (
    LabelledAnswer(
        "conflict-001",
        "strong",
        (
            "Last spring my teammate Priya and I disagreed about how to fix slow search on our "
            "course-booking site. She wanted to add Elasticsearch, because she expected search to "
            "grow, while I wanted to add a Postgres index first, because it was a one-day change. "
            "Before arguing my case I asked her to walk me through her reasons, and I realised her "
            "real worry was typo-tolerant search, which an index would not give us. We agreed to "
            "decide with data: we built a small prototype of each and measured the p95 latency on "
            "a copy of production. The index alone brought search from 2.4 seconds to 180 "
            "milliseconds, so we shipped that in a week and put typo tolerance on the roadmap. As "
            "a result we kept the simpler design, and Priya and I still pair on performance work; "
            "she told me later she appreciated that I had listened first."
        ),
        frozenset({0, 1, 2, 3}),
    ),
    LabelledAnswer(
        "conflict-001",
        "weak",
        (
            "I think disagreements happen all the time in teams. Usually I try to stay calm and be "
            "open minded. Communication is really important, and in general I believe that if "
            "everyone respects each other things work out. I'm a team player, so I'm pretty "
            "flexible about how things get done."
        ),
        frozenset(),
        frozenset({1}),
    ),
    LabelledAnswer(
        "failure-001",
        "strong",
        (
            "In my second month as a junior developer I ran a database migration on the staging "
            "server that I had not tested against real data, and it deleted the phone numbers of "
            "about 3,000 test customers. I noticed it twenty minutes later, when the QA team's "
            "checks started failing. I told my lead and the QA team straight away in our channel, "
            "and said it was my migration that caused it. I restored the column from the nightly "
            "backup, which took about an hour, and then rewrote the migration so it copied data "
            "before dropping anything. Since then I always run migrations against a fresh copy of "
            "production data first, and I added a checklist step for it to our pull-request "
            "template."
        ),
        frozenset({0, 1, 2, 3, 4}),
    ),
    LabelledAnswer(
        "failure-001",
        "weak",
        (
            "My biggest mistake is probably that I care too much and work too hard. Sometimes I "
            "take on too many things at once. I'm working on it and I've gotten better at saying "
            "no. Everyone makes mistakes and the important thing is to learn from them."
        ),
        frozenset(),
    ),
    LabelledAnswer(
        "teamwork-002",
        "strong",
        (
            "During our final-year project I noticed that Tom, who owned the payment module, had "
            "been quiet in stand-ups for a week and his tickets hadn't moved. I asked him "
            "privately over coffee how it was going, rather than raising it in front of the team, "
            "and he admitted he was stuck on the Stripe webhooks. I offered to pair with him for "
            "an hour each afternoon, and I explained how signature verification worked instead of "
            "just writing it for him. To keep my own work on track I moved my reporting tasks to "
            "the mornings and told our supervisor about the change. He finished the module four "
            "days later, we demoed on time, and he went on to own the payments code for the rest "
            "of the year."
        ),
        frozenset({0, 1, 2, 3, 4}),
    ),
    LabelledAnswer(
        "teamwork-002",
        "weak",
        (
            "I always help people when they need it. One time a colleague was struggling with "
            "something so I helped them out with it. It went fine in the end. I think helping "
            "others is part of being on a team."
        ),
        frozenset(),
        frozenset({0, 4}),
    ),
    LabelledAnswer(
        "leadership-001",
        "strong",
        (
            "In my second year our group of five had a database assignment due in three weeks, and "
            "after the first week nobody had started because no one owned the plan. I set up a "
            "shared board, split the work into schema design, queries, the report and testing, and "
            "asked each person to pick the part they wanted. I set two internal deadlines and ran "
            "a fifteen-minute check-in every Monday. When two people disagreed about the schema, I "
            "asked them to present both options and let the group vote, instead of deciding it "
            "myself. We handed the project in two days early and got 82 percent, the highest mark "
            "in the module. I learned that with peers you lead by making the work visible and "
            "letting people choose, not by giving orders."
        ),
        frozenset({0, 1, 2, 3, 4}),
    ),
    LabelledAnswer(
        "leadership-001",
        "weak",
        (
            "I'm a natural leader. People tend to follow me because I'm confident. I led a lot of "
            "projects at university and they always went well."
        ),
        frozenset(),
    ),
    LabelledAnswer(
        "databases-003",
        "strong",
        (
            "An index is a separate data structure, usually a B-tree, that maps column values to "
            "row locations, so the database can find matching rows without scanning the whole "
            "table. It makes lookups by that column fast, and it also helps range queries, joins "
            "on the column and sometimes ORDER BY. You don't index every column because every "
            "insert, update and delete has to update each index too, so writes get slower. Indexes "
            "also take disk space and memory, and they compete with the table data for the buffer "
            "cache. And an index on a low-selectivity column, like a boolean flag, usually isn't "
            "used by the query planner at all, because scanning is cheaper."
        ),
        frozenset({0, 1, 2, 3, 4}),
    ),
    LabelledAnswer(
        "databases-003",
        "weak",
        (
            "An index makes queries faster, kind of like the index at the back of a book. You "
            "should add indexes to columns you search on. I'm not sure why you wouldn't index "
            "everything, maybe it's just not needed."
        ),
        frozenset(),
        frozenset({0, 1}),
    ),
    LabelledAnswer(
        "python-002",
        "strong",
        (
            "I use a list when order matters, when I need to append and change items, and when "
            "duplicates are fine, like a queue of jobs to process in order. A tuple is for a fixed "
            "record that shouldn't change, like a latitude and longitude pair, and because it's "
            "hashable I can use it as a dict key. A set is for membership tests and removing "
            "duplicates: checking whether something is in a set is O(1) on average, compared with "
            "O(n) for a list. A dict maps keys to values with O(1) average lookup, and since "
            "Python 3.7 it keeps insertion order. Choosing wrongly can hurt: I once saw a check "
            "like 'if user_id in big_list' inside a loop, which made the whole thing quadratic, "
            "and switching to a set made it run in under a second."
        ),
        frozenset({0, 1, 2, 3, 4}),
    ),
    LabelledAnswer(
        "python-002",
        "weak",
        (
            "They're all collections. Lists use square brackets, tuples use round brackets, sets "
            "and dicts use curly braces. I mostly use lists because they're the most common, and "
            "dicts for JSON."
        ),
        frozenset(),
    ),
    LabelledAnswer(
        "system-design-001",
        "strong",
        (
            "A load balancer sits in front of a group of servers and spreads incoming requests "
            "across them, so no single server gets overloaded, and if one fails traffic goes to "
            "the others. A layer 4 balancer works at the transport level: it forwards TCP or UDP "
            "connections based on IP and port without looking at the content, which makes it very "
            "fast and works for any protocol. A layer 7 balancer understands HTTP, so it can route "
            "by URL path, host name or headers, terminate TLS, and retry failed requests. For "
            "choosing a server, the common algorithms are round robin, least connections, and "
            "consistent hashing when you need the same client to hit the same server."
        ),
        frozenset({0, 2, 3, 4}),
    ),
    LabelledAnswer(
        "system-design-001",
        "weak",
        (
            "A load balancer balances the load between servers. Layer 4 and layer 7 are different "
            "layers of the network. Layer 7 is higher up. We used one at my last job, it was from "
            "AWS."
        ),
        frozenset(),
        frozenset({0}),
    ),
    LabelledAnswer(
        "web-backend-001",
        "strong",
        (
            "GET reads a resource, POST creates one or triggers processing, PUT replaces a "
            "resource entirely, PATCH updates part of it, and DELETE removes it. GET, HEAD and "
            "OPTIONS are safe, meaning they shouldn't change anything on the server. PUT and "
            "DELETE are idempotent along with the safe methods: sending the same request twice "
            "leaves the server in the same state as sending it once. POST and PATCH are not "
            "guaranteed to be idempotent, so if a client blindly retries a POST after a timeout it "
            "might create two orders. It matters because browsers, proxies and client libraries "
            "rely on these properties: they cache and prefetch GETs and automatically retry "
            "idempotent requests."
        ),
        frozenset({0, 1, 2, 3, 4}),
    ),
    LabelledAnswer(
        "web-backend-001",
        "weak",
        (
            "There's GET and POST mainly, and some others like PUT. GET is for getting data and "
            "POST is for sending data. I usually just use POST for everything because it's "
            "simpler."
        ),
        frozenset(),
        frozenset({0}),
    ),
    LabelledAnswer(
        "testing-002",
        "strong",
        (
            "A good unit test checks one behaviour and its name says what should happen, like "
            "'refund is rejected after thirty days'. It's deterministic: it doesn't depend on the "
            "clock, the network or on other tests running first, so it gives the same result every "
            "time. It tests behaviour through the public interface rather than private methods, so "
            "I can refactor the code without rewriting the tests. And it fails for the right "
            "reason, with a message that tells you what went wrong. When I review code, a red flag "
            "is a test that mocks everything and asserts which internal methods were called."
        ),
        frozenset({0, 2, 3, 4}),
    ),
    LabelledAnswer(
        "testing-002",
        "weak",
        (
            "A good test is one that passes. You should have high coverage, ideally 100 percent. I "
            "write tests after the code is finished to make sure it works."
        ),
        frozenset(),
    ),
    LabelledAnswer(
        "failure-001",
        "partial",
        (
            "Last year I pushed a config change that pointed our staging app at the production "
            "payments key. I fixed it by rotating the key and reverting the change, and the whole "
            "thing took about two hours."
        ),
        frozenset({0, 3}),
    ),
    LabelledAnswer(
        "teamwork-002",
        "partial",
        (
            "In my internship a new graduate on my team, Sam, kept asking the same questions about "
            "our deployment scripts in the team chat. I sat with him for two afternoons and walked "
            "him through how the scripts and the staging environment fit together."
        ),
        frozenset({0, 2}),
        frozenset({1}),
    ),
    LabelledAnswer(
        "conflict-001",
        "partial",
        (
            "My teammate wanted to rewrite our scheduling service in Go, while I wanted to keep it "
            "in Python because the team knew it better. In the end our manager decided to keep "
            "Python, and my teammate was annoyed with me for a few weeks."
        ),
        frozenset({0, 3}),
    ),
    LabelledAnswer(
        "leadership-001",
        "partial",
        (
            "Our group project had no plan two weeks before the deadline, so I stepped in. I ended "
            "up writing most of the code myself over one weekend, and we submitted it on time."
        ),
        frozenset({0, 3}),
    ),
    LabelledAnswer(
        "databases-003",
        "partial",
        (
            "An index is like a sorted lookup structure, a B-tree, so the database doesn't have to "
            "scan every row to find a match. The downside is that every write has to update the "
            "index as well, so inserts get slower."
        ),
        frozenset({0, 2}),
        frozenset({1}),
    ),
    LabelledAnswer(
        "system-design-001",
        "partial",
        (
            "It distributes requests over several backend servers and stops sending traffic to a "
            "server when its health check fails. Layer 7 balancers can look at the HTTP request, "
            "so they can send /api to one pool and /static to another."
        ),
        frozenset({0, 1, 3}),
    ),
    LabelledAnswer(
        "adaptability-004",
        "strong",
        (
            "I'd be frustrated for a minute, but I'd accept it and not take it out on my manager, "
            "because requirements do change. First I'd ask why it changed, what new information "
            "came in, so I understand the goal behind the new requirements. Then I'd go through "
            "what I've built and pick out what can be reused, like the data model or the tests. "
            "I'd re-plan the remaining work, write the new requirements down and confirm them with "
            "my manager before I start coding again. If this kept happening, I'd raise it calmly "
            "and suggest we validate requirements earlier, for example with a quick prototype."
        ),
        frozenset({0, 1, 2, 3, 4}),
    ),
    LabelledAnswer(
        "adaptability-004",
        "weak",
        (
            "I would just do whatever the manager says. It's their decision in the end. I'd start "
            "again from scratch."
        ),
        frozenset(),
        frozenset({0}),
    ),
    LabelledAnswer(
        "adaptability-004",
        "partial",
        (
            "I'd ask my manager what changed and why, so I know what they need now. Then I'd start "
            "on the new version."
        ),
        frozenset({1}),
        frozenset({3}),
    ),
    LabelledAnswer(
        "product-management-012",
        "strong",
        (
            "First I'd check the drop is real and not a measurement problem, for example a broken "
            "tracking event or a logging outage. Then I'd segment the numbers by platform, "
            "country, app version, acquisition channel and signup cohort to see where the drop is "
            "concentrated. I'd line it up against what we changed, releases, experiments and "
            "pricing, and against outside factors like a public holiday or a competitor launch. "
            "From that I'd list hypotheses, most likely first, and test each one with the data. "
            "While that's going on I'd send a short update to leadership every day so they know "
            "what we've ruled out."
        ),
        frozenset({0, 1, 2, 3, 4}),
    ),
    LabelledAnswer(
        "product-management-012",
        "weak",
        (
            "I'd look into it and try to figure out why users dropped. Maybe they don't like the "
            "product anymore. I'd probably talk to the team and see what they think."
        ),
        frozenset(),
    ),
    LabelledAnswer(
        "product-management-012",
        "partial",
        (
            "I'd break the drop down by platform and app version to see if one release caused it. "
            "If it's all on one version I'd check what shipped in that release."
        ),
        frozenset({1, 2}),
    ),
    LabelledAnswer(
        "technical-support-001",
        "strong",
        (
            "I'd ask what they were trying to do, what they expected to happen and what happened "
            "instead. I'd ask for the exact error message, or a screenshot if they can send one. "
            "Then I'd ask when it started, whether it ever worked, and whether anything changed "
            "recently, like an update or a new password. I'd check whether their colleagues are "
            "seeing the same thing, which tells me if it's just them or a wider outage. Finally "
            "I'd get their account, device, browser and location, and ask them to walk me through "
            "the steps so I can reproduce it."
        ),
        frozenset({0, 1, 2, 3, 4}),
    ),
    LabelledAnswer(
        "technical-support-001",
        "weak",
        (
            "I'd tell them to restart their computer and try again. Most of the time that fixes "
            "it. If not I'd escalate it."
        ),
        frozenset(),
    ),
    LabelledAnswer(
        "technical-support-001",
        "partial",
        ("I'd ask them for a screenshot of the error and which browser they're using."),
        frozenset({1}),
        frozenset({4}),
    ),
    LabelledAnswer(
        "databases-008",
        "strong",
        (
            "That's the N+1 problem: the ORM runs one query to load the orders and then one extra "
            "query per order to load its customer, lazily. I'd fix it with eager loading, "
            "select_related or a join for the customer and prefetch_related, which does a second "
            "query with IN, for the line items. I'd also make sure the page only loads the columns "
            "it shows and paginates instead of loading every order. Then I'd add a test that "
            "asserts the number of queries, so it doesn't come back. It's worth checking the "
            "templates and serializers too, because touching a lazy relation there causes the same "
            "thing."
        ),
        frozenset({0, 1, 2, 3, 4}),
    ),
    LabelledAnswer(
        "databases-008",
        "weak",
        (
            "The database is probably too slow, so I'd add more memory to the server or add some "
            "caching. Maybe also an index."
        ),
        frozenset(),
    ),
    LabelledAnswer(
        "databases-008",
        "partial",
        (
            "It's the N+1 query problem, where each row triggers another query for its related "
            "data. Using select_related in Django fixes it."
        ),
        frozenset({0, 1}),
    ),
)

UNRELATED: tuple[str, ...] = (
    (
        "I spend most weekends hiking in the hills near my town with my dog. Last month we walked "
        "twelve miles along the coast and camped overnight. I also enjoy cooking Italian food for "
        "my friends."
    ),
    (
        "My favourite film is Spirited Away. I watched it first when I was ten and I still rewatch "
        "it every winter because the music and the animation are beautiful."
    ),
)

# Two long answers to conflict-001: a focused story and one that goes round in circles.
FOCUSED_STORY = (
    "Last spring my teammate Priya and I disagreed about how to fix slow search on our "
    "course-booking site, which about four thousand students use to book seminars. She wanted to "
    "add Elasticsearch, because she expected search to grow and wanted typo tolerance, while I "
    "wanted to add a Postgres index first, because it was a one-day change and we had a release in "
    "two weeks. Before arguing my case I asked her to walk me through her reasons, and I realised "
    "her real worry was typo-tolerant search, which an index would not give us, and that she had "
    "seen students give up after misspelling a lecturer's name. We agreed to decide with data "
    "rather than opinions: we built a small prototype of each and measured the p95 latency on a "
    "copy of production with a realistic query log. I wrote the load script and she set up the "
    "Elasticsearch cluster, and we reviewed the numbers together with our lead on the Friday. The "
    "index alone brought search from 2.4 seconds to 180 milliseconds, while Elasticsearch reached "
    "90 milliseconds but needed another service to run, monitor and keep in sync. So we shipped "
    "the index that week, and we put typo tolerance on the roadmap with her prototype attached, so "
    "the work she had done was not wasted. As a result we kept the simpler design for that "
    "release, search complaints to the help desk dropped from about thirty a week to two, and the "
    "typo-tolerant search shipped the next term. Priya and I still pair on performance work; she "
    "told me later she appreciated that I had listened first, and I learned to ask what problem "
    "someone is really solving before I defend my own option."
)
RAMBLING_STORY = (
    "So, yeah, disagreements, I mean, they happen a lot on teams, and I think that on my team we "
    "had a lot of disagreements, like, about a lot of things, and I think the important thing with "
    "disagreements is communication, because communication is really the key to solving "
    "disagreements. And so there was this one time, I think it was last year or maybe the year "
    "before, where we had a disagreement about the problem, and the problem was kind of "
    "complicated, and everybody had a different idea about the problem. And I think communication "
    "was really important there too, because without communication you can't really solve a "
    "problem like that. So we talked about it, and we talked about it a lot, and I think in the "
    "end we kind of solved the problem, or at least the problem kind of went away. And I think "
    "what I learned is that communication is really important and that disagreements are normal on "
    "a team, and that you should always communicate, because if you don't communicate then the "
    "disagreement just gets worse, and then the team has more disagreements. So yeah, I think "
    "that's a good example of a disagreement I had with a teammate, and how communication helped "
    "solve the problem, and I think I'm generally a good communicator, so disagreements don't "
    "really bother me that much, and I'm pretty good at getting the team to communicate about "
    "problems. Anyway, I think that's basically it, communication and talking about the problem is "
    "what helps with disagreements, at least in my experience on the teams I've been on, and I've "
    "been on a lot of teams. Yeah, and like I said, the problem went away in the end, so I think "
    "it worked out, and the team was happy, mostly."
)


def answer(question_id: str, quality: Quality) -> LabelledAnswer:
    """The labelled answer of that quality to that question."""
    return next(
        labelled
        for labelled in ANSWERS
        if labelled.question_id == question_id and labelled.quality == quality
    )

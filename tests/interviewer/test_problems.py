"""Every coding problem is solvable: a reference solution passes all its hidden tests; a stored
grading says how many passed."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from rehearse.interviewer.coding.problems import grade, load_problems, passed_tests, problem

SOLUTIONS = {
    "two-sum": """
def two_sum(numbers, target):
    seen = {}
    for index, number in enumerate(numbers):
        if target - number in seen:
            return [seen[target - number], index]
        seen[number] = index
""",
    "valid-brackets": """
def is_balanced(text):
    pairs, stack = {')': '(', ']': '[', '}': '{'}, []
    for char in text:
        if char in '([{':
            stack.append(char)
        elif char in pairs and (not stack or stack.pop() != pairs[char]):
            return False
    return not stack
""",
    "merge-intervals": """
def merge(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
""",
    "word-frequencies": """
import re
from collections import Counter
def top_words(text, k):
    counts = Counter(re.findall('[a-z]+', text.lower()))
    return [w for w, _ in sorted(counts.items(), key=lambda p: (-p[1], p[0]))[:k]]
""",
    "rate-limiter": """
from collections import deque
def allowed(times, limit, window):
    recent, out = deque(), []
    for now in times:
        while recent and recent[0] <= now - window:
            recent.popleft()
        ok = len(recent) < limit
        if ok:
            recent.append(now)
        out.append(ok)
    return out
""",
    "flatten": """
def flatten(items):
    out = []
    for item in items:
        out.extend(flatten(item) if isinstance(item, list) else [item])
    return out
""",
    "lru-cache": """
from collections import OrderedDict
def run_cache(capacity, operations):
    cache, out = OrderedDict(), []
    for op in operations:
        if op[0] == 'get':
            if op[1] in cache:
                cache.move_to_end(op[1])
                out.append(cache[op[1]])
            else:
                out.append(-1)
        else:
            cache[op[1]] = op[2]
            cache.move_to_end(op[1])
            if len(cache) > capacity:
                cache.popitem(last=False)
    return out
""",
    "anagram-groups": """
def group_anagrams(words):
    groups = {}
    for word in words:
        groups.setdefault(''.join(sorted(word)), []).append(word)
    return sorted(sorted(group) for group in groups.values())
""",
    "shortest-path": """
from collections import deque
def fewest_hops(links, start, goal):
    queue, seen = deque([(start, 0)]), {start}
    while queue:
        node, hops = queue.popleft()
        if node == goal:
            return hops
        for nxt in links.get(node, []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, hops + 1))
    return -1
""",
    "moving-average": """
def moving_average(values, size):
    return [round(sum(values[i:i + size]) / size, 2) for i in range(len(values) - size + 1)]
""",
    "log-errors": """
def error_counts(lines):
    counts = {}
    for line in lines:
        fields = dict(part.split('=', 1) for part in line.split()[1:3])
        if fields.get('level') == 'ERROR':
            counts[fields['service']] = counts.get(fields['service'], 0) + 1
    return counts
""",
    "roman-numerals": """
def to_roman(number):
    table = [(1000, 'M'), (900, 'CM'), (500, 'D'), (400, 'CD'), (100, 'C'), (90, 'XC'),
             (50, 'L'), (40, 'XL'), (10, 'X'), (9, 'IX'), (5, 'V'), (4, 'IV'), (1, 'I')]
    out = ''
    for value, letters in table:
        while number >= value:
            out, number = out + letters, number - value
    return out
""",
}


def test_every_problem_has_a_reference_solution_here() -> None:
    assert {problem.id for problem in load_problems()} == set(SOLUTIONS)


@pytest.mark.parametrize("problem_id", sorted(SOLUTIONS))
def test_the_reference_solution_passes_every_hidden_test(problem_id: str) -> None:
    result = grade(problem_id, SOLUTIONS[problem_id])
    assert result.status == "passed", result.summary


def test_the_starter_code_fails_the_tests() -> None:
    problem = load_problems()[0]
    assert grade(problem.id, problem.starter).status == "failed"


# Two sum, looking only at neighbours: fails the one hidden test whose pair is apart.
NEIGHBOURS_ONLY = """
def two_sum(numbers, target):
    for index in range(len(numbers) - 1):
        if numbers[index] + numbers[index + 1] == target:
            return [index, index + 1]
"""


def test_passed_tests_counts_a_stored_grading() -> None:
    total = len(problem("two-sum").tests)
    graded = asdict(grade("two-sum", NEIGHBOURS_ONLY))  # as the grading job stores it
    assert passed_tests("two-sum", graded) == (total - 1, total)


def test_code_that_does_not_run_passed_none_of_the_problems_tests() -> None:
    graded = asdict(grade("two-sum", "def two_sum(:"))
    assert passed_tests("two-sum", graded) == (0, len(problem("two-sum").tests))

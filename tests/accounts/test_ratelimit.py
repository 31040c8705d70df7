"""Rate limits count attempts per key, in memory or in the real Redis."""

from __future__ import annotations

import pytest

from rehearse.accounts.ratelimit import RateLimiter
from rehearse.errors import RateLimited
from tests.conftest import REDIS_URL


def _exhaust(limiter: RateLimiter) -> None:
    for _ in range(3):
        limiter.hit("3/minute", scope="sign-in", keys=["ip:1.2.3.4"], message="Too many.")


def test_the_attempt_past_the_limit_is_refused_with_a_wait() -> None:
    limiter = RateLimiter(None)
    _exhaust(limiter)
    with pytest.raises(RateLimited, match=r"Too many\. Try again in") as refused:
        limiter.hit("3/minute", scope="sign-in", keys=["ip:1.2.3.4"], message="Too many.")
    assert 0 < refused.value.retry_after_seconds <= 60


def test_other_keys_are_not_affected() -> None:
    limiter = RateLimiter(None)
    _exhaust(limiter)
    limiter.hit("3/minute", scope="sign-in", keys=["ip:5.6.7.8"], message="Too many.")


@pytest.mark.redis
def test_limits_are_shared_through_redis(redis_namespace: str) -> None:
    first = RateLimiter(REDIS_URL, namespace=redis_namespace)
    second = RateLimiter(REDIS_URL, namespace=redis_namespace)
    _exhaust(first)
    with pytest.raises(RateLimited):
        second.hit("3/minute", scope="sign-in", keys=["ip:1.2.3.4"], message="Too many.")
    first.reset()

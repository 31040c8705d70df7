"""Rate limits on sign-in and password resets: in memory by default, in Redis when scaled out."""

from __future__ import annotations

import math
import time

from limits import parse, storage, strategies

from rehearse.errors import RateLimited


class RateLimiter:
    """A moving-window limiter; each call counts one attempt against every key given."""

    def __init__(self, storage_url: str | None, *, namespace: str = "rehearse-limits") -> None:
        url = storage_url or "memory://"
        options: dict[str, str] = {"key_prefix": namespace} if url.startswith("redis") else {}
        self._storage = storage.storage_from_string(url, **options)
        self._limiter = strategies.MovingWindowRateLimiter(self._storage)

    def hit(self, limit: str, *, scope: str, keys: list[str], message: str) -> None:
        """Count one attempt under each ``scope:key``; raise RateLimited once any is over."""
        item = parse(limit)
        for key in keys:
            if not self._limiter.hit(item, scope, key):
                reset_time, _ = self._limiter.get_window_stats(item, scope, key)
                retry_after = max(1, math.ceil(reset_time - time.time()))
                raise RateLimited(
                    f"{message} Try again in {retry_after} seconds.",
                    retry_after_seconds=retry_after,
                )

    def reset(self) -> None:
        self._storage.reset()

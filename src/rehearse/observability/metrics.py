"""The Prometheus metrics Rehearse exports at ``/metrics``."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

HTTP_REQUESTS = Counter(
    "rehearse_http_requests_total",
    "HTTP requests served, by route template, method and status.",
    ["route", "method", "status"],
)
HTTP_SECONDS = Histogram(
    "rehearse_http_request_seconds",
    "Time to serve an HTTP request, by route template.",
    ["route", "method"],
)
JOBS_FINISHED = Counter(
    "rehearse_jobs_finished_total",
    "Job runs that ended, by kind and the status they ended in.",
    ["kind", "status"],
)
JOB_SECONDS = Histogram(
    "rehearse_job_seconds",
    "Time one job run took, by kind.",
    ["kind"],
    buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600),
)

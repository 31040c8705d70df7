"""Background jobs: durable rows in the store, dispatched in-process or through Dramatiq on Redis.

A job row is the truth; a queue message only says "look at job X". Running a job claims
the row atomically, so a message delivered twice runs the job once, and a job whose worker
died (no heartbeat for a lease) is put back in the queue.
"""

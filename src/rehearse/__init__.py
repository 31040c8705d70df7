"""Rehearse: an open-source AI interview coach."""

import os

# numpy's OpenBLAS keeps a thread per core, and after every matrix product each waits for the
# next by calling sched_yield in a loop for about 0.1 s: beside Whisper's own threads that is
# a core's worth of time spent on nothing (a test streaming captions: 12.5 s of system time in
# 63 s of CPU; with one thread 0.9 s in 47). Our products are small enough for one thread.
# It must be set before numpy is first imported; a value the operator set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"

"""Pure analysis libraries: plain inputs (a path, bytes, samples, text) in, typed results out.

Nothing here imports the web layer, the store or the job system; the CLI, the workers and
the benchmarks all call the same entry points.
"""

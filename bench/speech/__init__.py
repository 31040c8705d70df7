"""Speech analysis benchmark: ``python -m bench.speech``."""

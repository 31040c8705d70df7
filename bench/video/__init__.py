"""Video analysis benchmark: ``python -m bench.video``."""

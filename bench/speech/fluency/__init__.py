"""Fillers and repeats on real disfluent voices: FluencyBank's development episodes.

- ``clips.py``: the clips and how many of three annotators marked each event;
- ``frames.py``: Whisper base's encoder frames of each clip, as the product's decode sees them;
- ``fit.py``: the readings of ``rehearse.analysis.speech.sounds`` fitted to them, out of fold
  by episode (``python -m bench.speech.fluency.fit`` writes ``sounds.json``);
- ``__main__.py``: the product against plain faster-whisper, clip by clip.
"""

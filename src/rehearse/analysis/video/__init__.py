"""Video analysis: visual presence in one camera recording (face, gaze, blinks, expression,
posture), as a pure library. Entry points: ``analyzer.VideoAnalyzer`` and
``live.LiveGazeMeter``."""

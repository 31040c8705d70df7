"""Speech analysis: voice activity, recognition and delivery metrics of one spoken answer."""

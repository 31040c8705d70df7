"""Why a recording cannot be analysed. Each is a 4xx domain error: the input is at fault,
so a job fails at once with the message instead of retrying."""

from __future__ import annotations

from rehearse.errors import ValidationFailed


class MediaError(ValidationFailed):
    code = "media_error"


class EmptyMedia(MediaError):
    code = "empty_media"


class NotMedia(MediaError):
    code = "not_media"


class NoAudioTrack(MediaError):
    code = "no_audio_track"


class NoVideoTrack(MediaError):
    code = "no_video_track"


class CorruptMedia(MediaError):
    code = "corrupt_media"


class MediaTooShort(MediaError):
    code = "media_too_short"


class MediaTooLong(MediaError):
    code = "media_too_long"

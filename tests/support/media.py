"""Small real files made in code: a WAV tone or of given samples, a one-page PDF, a DOCX, a
WebM header."""

from __future__ import annotations

import io
import math
import struct
import wave
import zipfile
from collections.abc import Sequence
from typing import cast


def wav_bytes(seconds: float = 0.5, rate: int = 16_000, frequency: float = 220.0) -> bytes:
    """A mono 16-bit PCM WAV of a sine tone."""
    amplitude = 12_000 / 32_767
    tone = [
        amplitude * math.sin(2 * math.pi * frequency * i / rate) for i in range(int(seconds * rate))
    ]
    return samples_wav(tone, rate)


def samples_wav(samples: Sequence[float], rate: int = 16_000) -> bytes:
    """Mono float samples in [-1, 1] as a 16-bit PCM WAV."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        clipped = (max(-1.0, min(1.0, float(sample))) for sample in samples)
        writer.writeframes(b"".join(struct.pack("<h", int(32767 * x)) for x in clipped))
    return buffer.getvalue()


def pdf_bytes(text: str = "Jane Doe - Software Engineer, Python and PostgreSQL") -> bytes:
    """A valid one-page PDF showing ``text``, with a correct cross-reference table (a résumé
    is read on upload: keep ``text`` at 40 characters or more, or it counts as scanned)."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def docx_bytes(text: str = "Jane Doe - Software Engineer") -> bytes:
    """A minimal Word document (the parts Word itself requires)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


# The EBML header MediaRecorder writes at the start of every WebM recording (DocType "webm").
WEBM_HEADER = bytes.fromhex(
    "1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102"
)


def encoded_bytes(
    container_format: str, *, audio_codec: str | None, video_codec: str | None = None
) -> bytes:
    """One second of a tone (and/or a grey picture) encoded by PyAV, as a browser or a phone
    would send it: e.g. ("webm", "libopus"), ("mp4", "aac"), ("webm", None, "libvpx")."""
    import av  # noqa: PLC0415 (PyAV is heavy; only media tests need it)
    import numpy as np  # noqa: PLC0415

    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=container_format) as container:
        # Every stream is added before the first packet is written: a container's header
        # lists them all.
        audio = video = None
        if audio_codec is not None:
            audio = cast("av.AudioStream", container.add_stream(audio_codec, rate=48_000))
            audio.layout = "mono"
        if video_codec is not None:
            video = cast("av.VideoStream", container.add_stream(video_codec, rate=10))
            video.width, video.height, video.pix_fmt = 64, 64, "yuv420p"
        if audio is not None:
            tone = np.sin(2 * np.pi * 220 * np.arange(48_000) / 48_000).astype(np.float32)
            frame = av.AudioFrame.from_ndarray(tone.reshape(1, -1), format="flt", layout="mono")
            frame.sample_rate = 48_000
            for packet in [*audio.encode(frame), *audio.encode(None)]:
                container.mux(packet)
        if video is not None:
            grey = np.full((64, 64, 3), 128, dtype=np.uint8)
            for _ in range(10):
                picture = av.VideoFrame.from_ndarray(grey, format="rgb24")
                for packet in video.encode(picture):
                    container.mux(packet)
            for packet in video.encode(None):
                container.mux(packet)
    return buffer.getvalue()


def mp4_cut_before_its_index() -> bytes:
    """An MP4 recording whose index (the moov box, written last) never made it to disk."""
    whole = encoded_bytes("mp4", audio_codec="aac")
    return whole[: whole.rindex(b"moov") - 4]

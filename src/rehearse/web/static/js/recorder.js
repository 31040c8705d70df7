/** The microphone (and camera), and recording an answer with MediaRecorder. */

const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];
const VIDEO_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'];
const CHUNK_MS = 1000;

/**
 * Ask for the microphone, and the camera when ``camera`` is set.
 * Loudness is measured, so the browser must not level it out.
 * @param {boolean} camera
 * @returns {Promise<MediaStream>}
 */
export function openDevices(camera) {
  return navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: false, autoGainControl: false, channelCount: 1 },
    video: camera ? { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15 } } : false,
  });
}

/**
 * The microphone, and the camera while it is chosen, opened once and kept until the choice
 * changes or ``close``; the camera's picture is shown in ``preview`` (an element holding a
 * <video>), hidden without it.
 */
export class Devices {
  /** @param {HTMLElement} preview */
  constructor(preview) {
    this.preview = preview;
    /** @type {MediaStream | null} */
    this.stream = null;
    this.hasCamera = false;
  }

  /** @param {boolean} camera @returns {Promise<MediaStream>} */
  async open(camera) {
    if (this.stream && this.hasCamera === camera) return this.stream;
    this.close();
    this.stream = await openDevices(camera);
    this.hasCamera = camera;
    this.preview.hidden = !camera;
    if (camera) {
      const video = /** @type {HTMLVideoElement} */ (this.preview.querySelector('video'));
      video.srcObject = this.stream;
      video.play().catch(() => {});
    }
    return this.stream;
  }

  /** Stop every track, so the browser no longer shows the devices in use. */
  close() {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
  }
}

/** @param {MediaStream} stream @returns {string} the first recording type the browser supports */
export function recordingType(stream) {
  const types = stream.getVideoTracks().length ? VIDEO_TYPES : AUDIO_TYPES;
  return types.find((type) => MediaRecorder.isTypeSupported(type)) || '';
}

/** Records one answer, handing each second of it to ``onChunk`` as it is made. */
export class AnswerRecorder {
  /**
   * @param {MediaStream} stream
   * @param {(chunk: Blob) => void} onChunk
   */
  constructor(stream, onChunk) {
    this.type = recordingType(stream);
    this.recorder = new MediaRecorder(stream, this.type ? { mimeType: this.type, audioBitsPerSecond: 64000 } : {});
    this.type = this.recorder.mimeType || this.type || 'audio/webm';
    /** @type {Blob[]} */
    this.chunks = [];
    this.recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size) {
        this.chunks.push(event.data);
        onChunk(event.data);
      }
    });
  }

  start() {
    this.recorder.start(CHUNK_MS);
  }

  /** @returns {Promise<Blob>} the whole recording */
  stop() {
    return new Promise((resolve) => {
      this.recorder.addEventListener('stop', () => resolve(new Blob(this.chunks, { type: this.type })), { once: true });
      if (this.recorder.state !== 'inactive') this.recorder.stop();
    });
  }
}

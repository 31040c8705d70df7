/**
 * The live eye-contact indicator: a few camera frames a second, as small JPEG images, to the
 * server's /api/live/gaze socket, which answers each with whether the face looks at the lens.
 * A frame is sent only after the previous one was answered, so the reading is never stale.
 */

const FRAME_MS = 250;
const WIDTH = 320;
const HEIGHT = 240;

/**
 * @typedef {object} Gaze
 * @property {boolean} face_found
 * @property {boolean | null} looking_at_camera
 * @property {number | null} offset in tolerances; up to 1 is eye contact
 */

export class LiveGaze {
  /**
   * @param {HTMLVideoElement} video the camera preview
   * @param {string} sessionId its calibration, if any, is used
   * @param {(gaze: Gaze, share: number | null) => void} onGaze with the share of readings so far
   */
  constructor(video, sessionId, onGaze) {
    this.video = video;
    this.sessionId = sessionId;
    this.onGaze = onGaze;
    this.socket = null;
    this.timer = 0;
    this.waiting = false;
    this.looked = 0;
    this.faced = 0;
    this.canvas = document.createElement('canvas');
    this.canvas.width = WIDTH;
    this.canvas.height = HEIGHT;
  }

  start() {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const query = new URLSearchParams({ session: this.sessionId });
    const socket = new WebSocket(`${scheme}://${window.location.host}/api/live/gaze?${query}`);
    this.socket = socket;
    socket.addEventListener('message', (event) => this.receive(JSON.parse(event.data)));
    this.timer = window.setInterval(() => this.send(), FRAME_MS);
  }

  send() {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN || this.waiting) return;
    if (this.video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    const context = this.canvas.getContext('2d');
    if (!context) return;
    context.drawImage(this.video, 0, 0, WIDTH, HEIGHT);
    this.waiting = true;
    this.canvas.toBlob((blob) => {
      if (blob && socket.readyState === WebSocket.OPEN) socket.send(blob);
      else this.waiting = false;
    }, 'image/jpeg', 0.7);
  }

  /** @param {{type: string} & Gaze} message */
  receive(message) {
    if (message.type === 'ready') return;
    this.waiting = false;
    if (message.type !== 'gaze') return;
    if (message.looking_at_camera !== null) {
      this.faced += 1;
      if (message.looking_at_camera) this.looked += 1;
    }
    this.onGaze(message, this.faced ? this.looked / this.faced : null);
  }

  stop() {
    window.clearInterval(this.timer);
    this.socket?.close();
    this.socket = null;
  }
}

/**
 * The live meter: the microphone goes through an AudioWorklet (16 kHz, 16-bit, 250 ms frames)
 * to the server's /api/live/speech socket, which answers each batch with pace, fillers and
 * the current pause. The lag shown is one frame plus the round trip of the latest answer.
 */

const FRAME_SECONDS = 0.25;

/**
 * @typedef {object} Partial
 * @property {number} frames frames measured so far
 * @property {number} elapsed_seconds
 * @property {boolean} speaking
 * @property {number} current_pause_seconds
 * @property {number | null} words_per_minute
 * @property {number | null} recent_words_per_minute
 * @property {number} likely_fillers
 * @property {number} processing_ms
 */

export class LiveMeter {
  /**
   * @param {(partial: Partial, lagMs: number) => void} onPartial
   * @param {(live: boolean) => void} onState
   */
  constructor(onPartial, onState) {
    this.onPartial = onPartial;
    this.onState = onState;
    /** @type {number[]} when each frame was sent */
    this.sentAt = [];
    this.ready = false;
    this.socket = null;
    this.context = null;
    this.node = null;
  }

  /** @param {MediaStream} stream */
  async start(stream) {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}/api/live/speech`);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', () => this.onState(false));
    socket.addEventListener('error', () => this.onState(false));

    const context = new AudioContext();
    this.context = context;
    await context.audioWorklet.addModule('/static/js/pcm-worklet.js');
    const node = new AudioWorkletNode(context, 'pcm-16k', { processorOptions: { frameSeconds: FRAME_SECONDS } });
    this.node = node;
    // Frames are sent from the server's "ready" on: the ones before it would reach a meter
    // still loading and make it start seconds behind the voice. The recording keeps them all.
    node.port.onmessage = (event) => {
      if (this.ready && socket.readyState === WebSocket.OPEN) this.sendFrame(event.data);
    };
    const silent = context.createGain();
    silent.gain.value = 0;  // the worklet must be pulled by the graph; nothing is heard
    context.createMediaStreamSource(stream).connect(node).connect(silent).connect(context.destination);
    if (context.state === 'suspended') await context.resume();
  }

  /** @param {ArrayBuffer} frame */
  sendFrame(frame) {
    this.sentAt.push(performance.now());
    this.socket?.send(frame);
  }

  /** @param {string} text */
  receive(text) {
    const message = JSON.parse(text);
    if (message.type === 'ready') {
      this.ready = true;
      this.onState(true);
      return;
    }
    if (message.type !== 'partial') return;
    const sent = this.sentAt[message.frames - 1];
    const lag = FRAME_SECONDS * 1000 + (sent === undefined ? 0 : performance.now() - sent);
    this.onPartial(message, lag);
  }

  stop() {
    this.node?.port.close();
    this.node?.disconnect();
    this.context?.close().catch(() => {});
    const socket = this.socket;
    if (socket && socket.readyState === WebSocket.OPEN) socket.close(1000);
    else if (socket && socket.readyState === WebSocket.CONNECTING) {
      socket.addEventListener('open', () => socket.close(1000), { once: true });
    }
    this.node = null;
    this.context = null;
    this.socket = null;
    this.onState(false);
  }
}

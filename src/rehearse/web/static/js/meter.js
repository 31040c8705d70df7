/**
 * The live meter and live captions: the microphone goes through an AudioWorklet (16 kHz,
 * 16-bit, 250 ms frames) to the server's /api/live/speech socket, which answers each batch
 * with pace, fillers and the current pause and, for a question (or when asked for captions
 * alone), with captions as the words are read. The meter's lag is one frame plus the round trip of the latest answer; a
 * caption's lag is the time from when its newest word was spoken (its end, on the clock of
 * the frames captured) to when it is shown.
 */

const FRAME_SECONDS = 0.25;
// Frames captured before the server is ready are kept for the captions (at most this many).
const MAX_EARLY_FRAMES = 240;
// Recorder chunks made before the server is ready (a second each) are kept to send then; the
// server hears the recording only whole from its first chunk, so past this it is not sent.
const MAX_EARLY_CHUNKS = 60;

/**
 * @typedef {object} Partial
 * @property {number} frames frames measured so far
 * @property {number} elapsed_seconds
 * @property {boolean} speaking
 * @property {number} current_pause_seconds
 * @property {number | null} words_per_minute
 * @property {number | null} recent_words_per_minute
 * @property {number} likely_fillers
 * @property {string} pace_from "words" or "syllables"
 * @property {number} processing_ms
 */

/**
 * @typedef {object} Caption
 * @property {string} committed the words read for good
 * @property {string} tentative the words still to be confirmed
 * @property {number | null} newest_end when the newest word ended (s from the first frame)
 * @property {string | null} [live_transcript_id] in the final message: the id the turn claims
 */

export class LiveMeter {
  /**
   * @param {(partial: Partial, lagMs: number) => void} onPartial
   * @param {(live: boolean) => void} onState
   * @param {{questionId?: string, attempt?: boolean, captions?: boolean, onCaption?: (caption: Caption, lagMs: number | null) => void}} [captions]
   *   a question's captions (kept as its live transcript for the turn; ``attempt``: a practice
   *   attempt's, which no turn claims), or captions alone
   */
  constructor(onPartial, onState, captions = {}) {
    this.onPartial = onPartial;
    this.onState = onState;
    this.questionId = captions.questionId || null;
    this.attempt = Boolean(captions.attempt);
    this.captioned = Boolean(this.questionId || captions.captions);
    this.onCaption = captions.onCaption || (() => {});
    /** @type {number[]} when each frame was sent */
    this.sentAt = [];
    /** @type {number[]} when each frame sent was captured */
    this.capturedAt = [];
    /** @type {{frame: ArrayBuffer, at: number}[]} */
    this.early = [];
    /** @type {Blob[]} recorder chunks made before "ready" */
    this.earlyChunks = [];
    this.chunksSent = 0;
    this.chunksDropped = false;
    this.newestEnd = 0;
    this.ready = false;
    this.socket = null;
    this.context = null;
    this.node = null;
    /** @type {((caption: Caption | null) => void) | null} */
    this.onFinal = null;
  }

  /** @param {MediaStream} stream */
  async start(stream) {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    let query = this.captioned ? '?captions=1' : '';
    if (this.questionId) query = `?question=${encodeURIComponent(this.questionId)}${this.attempt ? '&attempt=1' : ''}`;
    const socket = new WebSocket(`${scheme}://${window.location.host}/api/live/speech${query}`);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', () => this.closed());
    socket.addEventListener('error', () => this.closed());

    const context = new AudioContext();
    this.context = context;
    await context.audioWorklet.addModule('/static/js/pcm-worklet.js');
    const node = new AudioWorkletNode(context, 'pcm-16k', { processorOptions: { frameSeconds: FRAME_SECONDS } });
    this.node = node;
    // Without captions, frames are sent from the server's "ready" on: the ones before it
    // would reach a meter still loading and make it start seconds behind the voice. With
    // captions they are kept and sent at "ready", so the live transcript has the whole answer.
    node.port.onmessage = (event) => {
      const at = performance.now();
      if (this.ready && socket.readyState === WebSocket.OPEN) this.sendFrame(event.data, at);
      else if (this.captioned && this.early.length < MAX_EARLY_FRAMES) this.early.push({ frame: event.data, at });
    };
    const silent = context.createGain();
    silent.gain.value = 0;  // the worklet must be pulled by the graph; nothing is heard
    context.createMediaStreamSource(stream).connect(node).connect(silent).connect(context.destination);
    if (context.state === 'suspended') await context.resume();
  }

  /**
   * @param {ArrayBuffer} frame
   * @param {number} capturedAt
   */
  sendFrame(frame, capturedAt) {
    this.sentAt.push(performance.now());
    this.capturedAt.push(capturedAt);
    this.socket?.send(frame);
  }

  /**
   * A chunk of the answer's recording, as the recorder makes it: for a question, the server
   * hears the recording while it is made, so its feedback is ready soon after Done. Sent in
   * order from the first chunk on, or not at all.
   * @param {Blob} chunk
   */
  sendRecording(chunk) {
    if (!this.questionId || this.chunksDropped) return;
    const socket = this.socket;
    if (!this.ready || !socket || socket.readyState !== WebSocket.OPEN) {
      if (this.earlyChunks.length < MAX_EARLY_CHUNKS) this.earlyChunks.push(chunk);
      else this.chunksDropped = true;
      return;
    }
    for (const early of this.earlyChunks.splice(0)) this.sendChunk(socket, early);
    this.sendChunk(socket, chunk);
  }

  /** @param {WebSocket} socket @param {Blob} chunk */
  sendChunk(socket, chunk) {
    socket.send(JSON.stringify({ type: 'recording', sequence: this.chunksSent }));
    socket.send(chunk);
    this.chunksSent += 1;
  }

  /** @param {number} seconds from the first frame @returns {number} when it was captured */
  spokenAt(seconds) {
    const index = Math.min(Math.floor(seconds / FRAME_SECONDS), this.capturedAt.length - 1);
    return this.capturedAt[index] - ((index + 1) * FRAME_SECONDS - seconds) * 1000;
  }

  /** @param {string} text */
  receive(text) {
    const message = JSON.parse(text);
    if (message.type === 'ready') {
      this.ready = true;
      this.onState(true);
      for (const { frame, at } of this.early.splice(0)) this.sendFrame(frame, at);
      return;
    }
    if (message.type === 'caption' || message.type === 'final') {
      const newest = message.newest_end;
      const fresh = newest !== null && newest > this.newestEnd && this.capturedAt.length > 0;
      if (fresh) this.newestEnd = newest;
      this.onCaption(message, fresh ? performance.now() - this.spokenAt(newest) : null);
      if (message.type === 'final') this.settle(message);
      return;
    }
    if (message.type !== 'partial') return;
    const sent = this.sentAt[message.frames - 1];
    const lag = FRAME_SECONDS * 1000 + (sent === undefined ? 0 : performance.now() - sent);
    this.onPartial(message, lag);
  }

  /**
   * The answer is over: stop listening and ask the server for the rest of the captions.
   * @param {number} timeoutMs how long to wait for them
   * @returns {Promise<Caption | null>} the final captions (null without them)
   */
  end(timeoutMs) {
    const socket = this.socket;
    const waiting = this.questionId && this.ready && socket && socket.readyState === WebSocket.OPEN;
    const final = new Promise((resolve) => {
      this.onFinal = resolve;
      if (!waiting) this.settle(null);
      else window.setTimeout(() => this.settle(null), timeoutMs);
    });
    if (waiting) socket.send(JSON.stringify({ type: 'end' }));
    this.stopListening();
    return /** @type {Promise<Caption | null>} */ (final);
  }

  /** @param {Caption | null} final */
  settle(final) {
    const resolve = this.onFinal;
    this.onFinal = null;
    if (!resolve) return;
    resolve(final);
    this.stop();
  }

  closed() {
    this.settle(null);
    this.onState(false);
  }

  stopListening() {
    this.node?.port.close();
    this.node?.disconnect();
    this.context?.close().catch(() => {});
    this.node = null;
    this.context = null;
  }

  stop() {
    this.stopListening();
    const socket = this.socket;
    if (socket && socket.readyState === WebSocket.OPEN) socket.close(1000);
    else if (socket && socket.readyState === WebSocket.CONNECTING) {
      socket.addEventListener('open', () => socket.close(1000), { once: true });
    }
    this.socket = null;
    this.onState(false);
  }
}

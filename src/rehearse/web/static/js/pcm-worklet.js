/**
 * An AudioWorklet that turns the microphone into 16 kHz mono 16-bit frames for the live
 * meter: it averages the input over each output sample's span (a box filter, enough against
 * aliasing for pace and pauses) and posts a frame every ``frameSeconds`` (0.25 s).
 */
const TARGET_RATE = 16000;

class Pcm16k extends AudioWorkletProcessor {
  /** @param {{processorOptions?: {frameSeconds?: number}}} options */
  constructor(options) {
    super();
    const seconds = (options.processorOptions && options.processorOptions.frameSeconds) || 0.25;
    this.ratio = sampleRate / TARGET_RATE;
    this.size = Math.round(TARGET_RATE * seconds);
    this.frame = new Int16Array(this.size);
    this.filled = 0;
    this.position = 0;
    this.sum = 0;
    this.count = 0;
  }

  /** @param {Float32Array[][]} inputs */
  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true;
    const length = channels[0].length;
    for (let i = 0; i < length; i += 1) {
      let sample = 0;
      for (const channel of channels) sample += channel[i];
      this.sum += sample / channels.length;
      this.count += 1;
      this.position += 1;
      if (this.position >= this.ratio) {
        this.position -= this.ratio;
        this.push(this.sum / this.count);
        this.sum = 0;
        this.count = 0;
      }
    }
    return true;
  }

  /** @param {number} value */
  push(value) {
    const clamped = Math.max(-1, Math.min(1, value));
    this.frame[this.filled] = clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff;
    this.filled += 1;
    if (this.filled === this.size) {
      this.port.postMessage(this.frame.buffer, [this.frame.buffer]);
      this.frame = new Int16Array(this.size);
      this.filled = 0;
    }
  }
}

registerProcessor('pcm-16k', Pcm16k);

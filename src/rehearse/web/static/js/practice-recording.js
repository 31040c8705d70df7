/**
 * Recording a practice attempt as the interview records an answer: the microphone, and the
 * camera when the candidate allowed it for this session (prefs.js); each second kept in this
 * browser until the server has it (uploads.js, to the question's /attempts); the live meter and
 * live captions (meter.js, for the question: its recording heard while it is made, and no
 * live transcript kept, since an attempt has no turn to claim one);
 * and the live eye contact with the camera on.
 */
import { $ } from './dom.js';
import { LiveGaze } from './gaze.js';
import { resetCaptions, resetGaze, resetMeter, showCaption, showGaze, showLive, showPartial } from './live-panel.js';
import { LiveMeter } from './meter.js';
import { cameraFor } from './prefs.js';
import { AnswerRecorder, Devices } from './recorder.js';
import * as uploads from './uploads.js';
import { hush } from './voice.js';

/** @type {Devices | null} made once the page's camera preview is there */
let inputDevices = null;
/** @type {{recorder: AnswerRecorder, meter: LiveMeter, gaze: LiveGaze | null, upload: {id: string}} | null} */
let take = null;

/** @param {string} sessionId @returns {Promise<MediaStream>} */
function devices(sessionId) {
  inputDevices = inputDevices || new Devices($('[data-camera]'));
  return inputDevices.open(cameraFor(sessionId));
}

/**
 * Start recording an attempt; throws when the devices cannot be opened.
 * @param {string} sessionId
 * @param {string} questionId
 * @param {() => void} onSecond called as each second is recorded
 */
export async function startRecording(sessionId, questionId, onSecond) {
  hush();
  const media = await devices(sessionId);
  const recorder = new AnswerRecorder(media, (chunk) => {
    if (take) {
      uploads.keepChunk(take.upload.id, chunk);
      take.meter.sendRecording(chunk);
    }
    onSecond();
  });
  const upload = await uploads.begin(sessionId, questionId, recorder.type, 'attempts');
  const meter = new LiveMeter(showPartial, (live) => showLive(live, take !== null), { questionId, attempt: true, onCaption: showCaption });
  resetMeter();
  resetCaptions();
  recorder.start();
  take = { recorder, meter, upload, gaze: null };
  meter.start(media).catch(() => showLive(false, take !== null));
  const camera = Boolean(inputDevices?.hasCamera);
  resetGaze(camera);
  if (camera) {
    take.gaze = new LiveGaze($('video', $('[data-camera]')), sessionId, showGaze);
    take.gaze.start();
  }
}

/**
 * Stop recording; the attempt stays kept in this browser for uploads.send.
 * @returns {Promise<string | null>} its upload's id, or null when nothing was recorded
 */
export async function stopRecording() {
  const finished = take;
  if (!finished) return null;
  take = null;
  finished.meter.stop();
  finished.gaze?.stop();
  const blob = await finished.recorder.stop();
  inputDevices?.close();
  $('[data-camera]').hidden = true;
  if (!blob.size) {
    await uploads.discard(finished.upload.id);
    return null;
  }
  await uploads.finish(finished.upload.id, blob);
  return finished.upload.id;
}

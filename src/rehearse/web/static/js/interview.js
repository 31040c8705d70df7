/**
 * The live interview. Each question is shown and read aloud; the candidate answers out loud
 * (recorded with MediaRecorder while the live meter streams pace and fillers and shows live
 * captions) or types. The answer is kept in this browser until the server has it, then
 * analysed; the interviewer's turn decides what comes next: a follow-up on the same question,
 * or the next one. A spoken answer's turn is decided at once from its live transcript when
 * there is one, and after the recording's analysis otherwise.
 */
import { api, ApiError, describe } from './api.js';
import { $, $$, clock, pageData, sleep } from './dom.js';
import { LiveGaze } from './gaze.js';
import { resetCaptions, resetGaze, resetMeter, showCaption, showGaze, showLive, showPartial } from './live-panel.js';
import { LiveMeter } from './meter.js';
import { wireOptions } from './options.js';
import { cameraFor } from './prefs.js';
import { AnswerRecorder, Devices } from './recorder.js';
import * as uploads from './uploads.js';
import { hush, speak } from './voice.js';

const page = pageData();
const sessionId = page.session_id;
const base = `/api/sessions/${sessionId}`;
const POLL_MS = 1000;
const FOLLOW_UPS = new Set(['follow_up', 'clarify']);
// How long "Done" waits for the rest of the live captions while their socket is open (a
// closed socket settles at once). Without them the turn waits for the recording's full
// analysis, which is always slower, so only a server that stopped answering is given up on.
const FINAL_CAPTIONS_MS = 60_000;

/** @type {any[]} the planned questions, in order */
let questions = [];
/** @type {Set<string>} questions with at least one stored answer */
const answered = new Set();
/** @type {{question: any, prompt: string, followUp: boolean, reason: string} | null} */
let current = null;
/** @type {Devices | null} the microphone and camera, opened at the first answer */
let inputDevices = null;
/** @type {{recorder: AnswerRecorder, meter: LiveMeter, gaze: LiveGaze | null, upload: {id: string}, recorded: number} | null} */
/** @typedef {Promise<import('./meter.js').Caption | null> | null} LiveFinal the live captions of an answer, once it ended */
let take = null;

// Skipped questions are remembered, so a reload does not ask them again.
const skippedKey = `rehearse.skipped.${sessionId}`;
/** @returns {Set<string>} */
const skipped = () => new Set(JSON.parse(window.localStorage.getItem(skippedKey) || '[]'));
/** @param {string} id */
function markSkipped(id) {
  window.localStorage.setItem(skippedKey, JSON.stringify([...skipped(), id]));
}

// The view.

/** @param {string} name one of loading, asking, finished, completed, unplanned */
function show(name) {
  for (const section of $$('[data-state]')) section.hidden = section.dataset.state !== name;
}

/**
 * @param {string} text
 * @param {'idle' | 'recording' | 'busy'} [mode]
 */
function setStatus(text, mode = 'idle') {
  const line = $('[data-status]');
  line.replaceChildren();
  if (mode === 'recording') line.append(Object.assign(document.createElement('span'), { className: 'rec-dot' }));
  if (mode === 'busy') line.append(Object.assign(document.createElement('span'), { className: 'spinner' }));
  line.append(document.createTextNode(text));
  $('[data-loading-text]').textContent = text;
}

/** @param {string} message "" hides the box */
function setError(message) {
  const box = $('[data-error]');
  box.textContent = message;
  box.hidden = !message;
}

/** @param {'ready' | 'recording' | 'busy' | 'typing'} mode */
function setControls(mode) {
  const coding = current?.question.kind === 'coding';
  const button = (/** @type {string} */ name) => $(`[data-action="${name}"]`);
  button('start').hidden = mode !== 'ready' || coding;
  button('done').hidden = mode !== 'recording';
  button('submit-typed').hidden = mode !== 'typing';
  button('type-instead').hidden = mode !== 'ready' || coding;
  $('[data-typed]').hidden = mode !== 'typing';
  for (const name of ['repeat', 'skip', 'end']) button(name).disabled = mode === 'busy';
  button('skip').title = mode === 'recording' ? 'Skip this question; the recording so far is discarded' : '';
}

function renderProgress() {
  const gone = skipped();
  const index = current ? questions.indexOf(current.question) : questions.length;
  $('[data-count]').textContent = current
    ? `Question ${index + 1} of ${questions.length}`
    : `${questions.length} questions`;
  $('[data-dots]').replaceChildren(
    ...questions.map((question, i) => {
      const dot = document.createElement('span');
      if (i === index) dot.className = 'current';
      else if (answered.has(question.id)) dot.className = 'done';
      else if (gone.has(question.id)) dot.className = 'skipped';
      return dot;
    }),
  );
}

/** @type {Map<string, string>} question id → what happened to its answer */
const answerStates = new Map();

function renderSaved() {
  const list = $('[data-saved]');
  if (!answerStates.size) {
    list.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'None yet.' }));
    return;
  }
  list.replaceChildren(
    ...[...answerStates].map(([questionId, state]) => {
      const question = questions.find((q) => q.id === questionId);
      const item = document.createElement('li');
      item.textContent = `Question ${question ? question.position : '?'}: ${state}`;
      return item;
    }),
  );
}

window.addEventListener('rehearse:upload', (event) => {
  const detail = /** @type {CustomEvent} */ (event).detail;
  if (detail.sessionId !== sessionId || detail.destination === 'attempts') return;  // practice is not the interview
  const labels = {
    sending: detail.attempt ? 'sending again…' : 'sending…',
    retrying: `connection lost, retrying in ${Math.ceil(detail.delay / 1000)} s (kept in this browser)`,
    saved: 'saved',
    failed: `refused: ${detail.message}`,
    'signed-out': 'waiting for you to sign in again (kept in this browser)',
  };
  answerStates.set(detail.questionId, labels[/** @type {keyof labels} */ (detail.state)] || detail.state);
  renderSaved();
  if (detail.state === 'retrying') {
    setStatus(`The connection dropped. Your answer is kept in this browser; trying again in ${Math.ceil(detail.delay / 1000)} s…`, 'busy');
  }
});

/** @param {boolean} live the live meter's state, shown with whether an answer is recording */
const onLive = (live) => showLive(live, take !== null);

// Asking.

/**
 * The first question after ``position`` not answered or skipped yet.
 * @param {number} position
 */
function nextOpen(position) {
  const gone = skipped();
  return questions.find((q) => q.position > position && !answered.has(q.id) && !gone.has(q.id)) || null;
}

/**
 * @param {any} question
 * @param {{prompt?: string, followUp?: boolean, reason?: string}} [options]
 */
function ask(question, { prompt, followUp = false, reason } = {}) {
  setError('');
  if (!question) {
    current = null;
    renderProgress();
    show('finished');
    speak('That was the last question. Well done.');
    $('[data-action="finish"]').focus();
    return;
  }
  current = { question, prompt: prompt || question.text, followUp, reason: reason ?? question.reason };
  const kind = $('[data-kind]');
  kind.textContent = followUp ? 'Follow-up' : question.kind.replace('_', ' ');
  kind.classList.toggle('follow', followUp);
  $('[data-prompt]').textContent = current.prompt;
  $('[data-reason]').textContent = followUp ? `Why: ${current.reason}` : current.reason ? `Why this question: ${current.reason}` : '';
  const coding = question.kind === 'coding';
  $('[data-typed-label]').textContent = coding ? 'Your code (Python)' : 'Your answer';
  /** @type {HTMLTextAreaElement} */ ($('#typed-answer')).value = '';
  show('asking');
  renderProgress();
  setControls(coding ? 'typing' : 'ready');
  setStatus(coding ? 'Write your solution, then submit it: it is run against hidden tests.' : 'Press “Start answering” when you are ready.');
  $('[data-prompt]').focus();
  speak(current.prompt);
}

function repeat() {
  if (!current) return;
  speak(current.prompt);
  $('[data-prompt]').focus();
}

// Recording.

function devices() {
  inputDevices = inputDevices || new Devices($('[data-camera]'));
  return inputDevices.open(cameraFor(sessionId));
}

async function startAnswer() {
  if (!current || take) return;
  hush();
  setError('');
  setControls('busy');
  let media;
  try {
    media = await devices();
  } catch (error) {
    setControls('ready');
    setError(`Rehearse cannot use your microphone${cameraFor(sessionId) ? ' or camera' : ''}: ${error instanceof Error ? error.message : error}. Allow it in the address bar, or type your answer instead.`);
    return;
  }
  const timer = $('[data-timer]');
  const recorder = new AnswerRecorder(media, (chunk) => {
    if (!take) return;
    uploads.keepChunk(take.upload.id, chunk);
    take.meter.sendRecording(chunk);
    take.recorded += 1;  // a chunk a second of recording: the recording's own clock
    timer.dataset.recordedSeconds = String(take.recorded);
    timer.textContent = clock(take.recorded);  // what is recorded, not the wall clock
  });
  const upload = await uploads.begin(sessionId, current.question.id, recorder.type);
  const meter = new LiveMeter(showPartial, onLive, { questionId: current.question.id, onCaption: showCaption });
  resetMeter();
  resetCaptions();
  recorder.start();
  take = { recorder, meter, upload, recorded: 0, gaze: null };
  timer.textContent = '0:00';
  timer.dataset.recordedSeconds = '0';
  setStatus('Recording. Press “Done” when you have finished.', 'recording');
  setControls('recording');
  $('[data-action="done"]').focus();
  meter.start(media).catch(() => onLive(false));
  resetGaze(cameraFor(sessionId));
  if (cameraFor(sessionId)) {
    take.gaze = new LiveGaze($('video', $('[data-camera]')), sessionId, showGaze);
    take.gaze.start();
  }
}

/**
 * Stop recording; the recording is kept (``keep``) or thrown away.
 * @returns {Promise<{id: string, live: LiveFinal} | null>} the kept upload and its live captions
 */
async function stopTake(keep = true) {
  const finished = take;
  if (!finished) return null;
  take = null;
  $('[data-timer]').textContent = '';
  const live = keep ? finished.meter.end(FINAL_CAPTIONS_MS) : null;
  if (!keep) finished.meter.stop();
  finished.gaze?.stop();
  const blob = await finished.recorder.stop();
  if (!keep || !blob.size) {
    await uploads.discard(finished.upload.id);
    return null;
  }
  await uploads.finish(finished.upload.id, blob);
  return { id: finished.upload.id, live };
}

async function finishAnswer() {
  if (!current) return;
  setControls('busy');
  const kept = await stopTake();
  if (!kept) {
    setControls('ready');
    setError('Nothing was recorded. Check your microphone and try again.');
    return;
  }
  await handIn(kept.id, current.question, kept.live);
}

async function submitTyped() {
  if (!current) return;
  const text = /** @type {HTMLTextAreaElement} */ ($('#typed-answer')).value.trim();
  if (!text) {
    setError('Write your answer first.');
    return;
  }
  setControls('busy');
  const upload = await uploads.keepText(sessionId, current.question.id, text);
  await handIn(upload.id, current.question);
}

/**
 * Send a kept answer, then follow the interviewer's turn.
 * @param {string} uploadId
 * @param {any} question
 * @param {LiveFinal} [live] the answer's live captions
 */
async function handIn(uploadId, question, live = null) {
  setStatus('Saving your answer…', 'busy');
  answerStates.set(question.id, 'sending…');
  renderSaved();
  let answer;
  try {
    answer = await uploads.send(uploadId);
  } catch (error) {
    setError(describe(error));
    setControls('ready');
    return;
  }
  if (!answer) return;
  answered.add(question.id);
  await continueAfter(answer, live);
}

/** @param {string} jobId */
async function waitForJob(jobId) {
  for (;;) {
    try {
      const job = await api(`/api/jobs/${jobId}`);
      if (job.status === 'done' || job.status === 'failed') return job;
      const stage = job.stage ? ` (${job.stage})` : '';
      setStatus(`Listening back to your answer${stage}…`, 'busy');
    } catch (error) {
      if (error instanceof ApiError) throw error;
      setStatus('Waiting for the connection to come back…', 'busy');
    }
    await sleep(POLL_MS);
  }
}

/**
 * The interviewer's reply decided at once from what the live captions read, or null when
 * there is no live transcript to decide it on (the recording's analysis is waited for then).
 * @param {any} answer
 * @param {LiveFinal} live
 */
async function liveTurn(answer, live) {
  const final = live ? await live : null;
  if (!final?.live_transcript_id) return null;
  try {
    return await api(`${base}/answers/${answer.id}/turn`, { method: 'POST', json: { live_transcript_id: final.live_transcript_id } });
  } catch {
    return null;
  }
}

/**
 * The interviewer's reply to ``answer``: from its live transcript, or once its recording has
 * been analysed.
 * @param {any} answer
 * @param {LiveFinal} [live]
 * @returns {Promise<any | null>} null when there is no reply to follow (the error is shown)
 */
async function turnAfter(answer, live = null) {
  const quick = await liveTurn(answer, live);
  if (quick) return quick;
  setStatus('Listening back to your answer…', 'busy');
  if (answer.analysis_job_id) {
    try {
      await waitForJob(answer.analysis_job_id);
    } catch {
      // The job is gone: the turn below says whether the answer can be used.
    }
  }
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await api(`${base}/answers/${answer.id}/turn`, { method: 'POST' });
    } catch (error) {
      if (error instanceof ApiError) {
        setError(`${error.message} Moving on to the next question.`);
        return null;
      }
      await sleep(Math.min(10_000, 1000 * 2 ** attempt));
    }
  }
}

/**
 * Ask what follows ``answer``: its follow-up, or the next open question.
 * @param {any} answer
 * @param {LiveFinal} [live] the answer's live captions
 */
async function continueAfter(answer, live = null) {
  const question = questions.find((q) => q.id === answer.question_id);
  if (!question) return ask(nextOpen(0));
  answerStates.set(question.id, 'saved');
  renderSaved();
  if (skipped().has(question.id)) return ask(nextOpen(question.position));
  setControls('busy');
  const turn = await turnAfter(answer, live);
  if (turn && FOLLOW_UPS.has(turn.move)) {
    return ask(question, { prompt: turn.say || 'Can you say more about that?', followUp: true, reason: turn.reason });
  }
  return ask(nextOpen(question.position));
}

async function skip() {
  if (!current) return;
  hush();
  if (take) await stopTake(false);
  markSkipped(current.question.id);
  ask(nextOpen(current.question.position));
}

async function finish() {
  const button = $('[data-action="finish"]');
  button.disabled = true;
  hush();
  if (take) await stopTake();
  show('finished');
  const waiting = await uploads.resumePending(sessionId);
  if (waiting.length) {
    setStatus('Saving your last answers…', 'busy');
    await Promise.allSettled(waiting.map((item) => item.sent));
  }
  for (let attempt = 0; ; attempt += 1) {
    try {
      await api(`${base}/complete`, { method: 'POST' });
      break;
    } catch (error) {
      if (error instanceof ApiError) {
        setError(error.message);
        button.disabled = false;
        return;
      }
      await sleep(Math.min(10_000, 1000 * 2 ** attempt));
    }
  }
  inputDevices?.close();
  window.location.assign(`/sessions/${sessionId}`);
}

function confirmEnd() {
  const dialog = /** @type {HTMLDialogElement} */ ($('[data-end-dialog]'));
  dialog.showModal();
}


// Calibration: three seconds of looking into the lens tell the server where this candidate's
// eyes point when they do; eye contact is judged by it from then on.

const CALIBRATION_SECONDS = 3;

async function calibrate() {
  if (take) return;
  const status = $('[data-calibration-status]');
  const button = /** @type {HTMLButtonElement} */ ($('[data-action="calibrate"]'));
  button.disabled = true;
  try {
    const picture = new MediaStream((await devices()).getVideoTracks());
    const recorder = new MediaRecorder(picture);
    /** @type {Blob[]} */
    const chunks = [];
    recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
    const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
    recorder.start();
    for (let left = CALIBRATION_SECONDS; left > 0; left -= 1) {
      status.textContent = `Look into the camera lens… ${left}`;
      await sleep(1000);
    }
    recorder.stop();
    await stopped;
    status.textContent = 'Measuring…';
    const form = new FormData();
    form.append('file', new Blob(chunks, { type: recorder.mimeType || 'video/webm' }), 'calibration.webm');
    await api(`${base}/calibration`, { method: 'PUT', form });
    status.textContent = 'Calibrated: eye contact is now judged for your face.';
  } catch (error) {
    status.textContent = describe(error);
  } finally {
    button.disabled = false;
  }
}

function wireActions() {
  /** @type {Record<string, () => unknown>} */
  const actions = {
    start: startAnswer,
    done: finishAnswer,
    'submit-typed': submitTyped,
    repeat,
    skip,
    'type-instead': () => {
      setControls('typing');
      $('#typed-answer').focus();
    },
    end: confirmEnd,
    finish,
    'confirm-end': () => {
      $('[data-end-dialog]').close();
      finish();
    },
    'cancel-end': () => $('[data-end-dialog]').close(),
    calibrate,
  };
  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target).closest('[data-action]');
    const action = target && actions[/** @type {HTMLElement} */ (target).dataset.action || ''];
    if (!action) return;
    Promise.resolve()
      .then(action)
      .catch((error) => {
        setError(`Something went wrong: ${error instanceof Error ? error.message : error}. Reload the page to carry on; your answers are kept.`);
      });
  });
}

// Starting: continue where this interview stands, after any answer still on its way.

async function load() {
  if (page.status === 'completed') {
    show('completed');
    return;
  }
  questions = await api(`${base}/questions`);
  if (!questions.length) {
    show('unplanned');
    return;
  }
  const waiting = await uploads.resumePending(sessionId);
  if (waiting.length) {
    show('asking');
    setControls('busy');
    setStatus('Sending the answer you gave before the page was closed…', 'busy');
    await Promise.allSettled(waiting.map((item) => item.sent));
  }
  // Practice attempts (docs/practice.md) are not part of the interview.
  const answers = (await api(`${base}/answers`)).filter((answer) => !answer.practice);
  for (const answer of answers) {
    answered.add(answer.question_id);
    answerStates.set(answer.question_id, 'saved');
  }
  renderSaved();
  const latest = answers[answers.length - 1];
  if (latest) await continueAfter(latest);
  else ask(nextOpen(0));
}

wireOptions(sessionId, (on) => {
  $('[data-calibration]').hidden = !on;
});
wireActions();
load().catch((error) => {
  show('asking');
  setError(`${describe(error)} Reload the page to try again.`);
});

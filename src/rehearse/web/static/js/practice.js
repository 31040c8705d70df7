/**
 * Practise one question again: record (with the camera if allowed, the live meter and live
 * captions: practice-recording.js) or type an attempt, keep it in this browser until
 * /api/sessions/{id}/questions/{qid}/attempts has it (uploads.js, retried as an interview's
 * answer is), and show what changed as each analysis finishes, naming what is still running.
 */
import { api, ApiError, describe, judgingWait } from './api.js';
import { $, pageData, sleep } from './dom.js';
import { wireOptions } from './options.js';
import { startRecording, stopRecording } from './practice-recording.js';
import * as uploads from './uploads.js';
import { speak } from './voice.js';

const data = pageData();
const base = `/api/sessions/${data.session_id}/questions/${data.question_id}`;
const POLL_MS = 1000;
const CHANGE_WORDS = { better: 'better', worse: 'worse', same: 'about the same' };
/** What the content judge's change means: "same" is a move within its margin, not beyond. */
const CONTENT_WORDS = {
  better: "better (the content judge's score rose by more than its margin)",
  worse: "worse (the content judge's score fell by more than its margin)",
  same: "about the same (the content judge's score moved less than its margin)",
};

/**
 * A point's verdict with the attempt's words: the sentence that makes it, or, for a point not
 * made, the nearest one said (shown as such, never as evidence of the point).
 * @param {string} status @param {string} quote
 */
function verdict(status, quote) {
  if (!quote) return status;
  return status === 'missing' ? `missing (nearest: “${quote}”)` : `${status}: “${quote}”`;
}
/** @type {string | null} the attempt whose analysis the page follows */
let following = null;

function setStatus(text) {
  $('[data-status]').textContent = text;
}

function setError(message) {
  const box = $('[data-error]');
  box.textContent = message || '';
  box.hidden = !message;
}

function setControls(mode) {
  for (const action of ['start', 'type']) {
    const button = /** @type {HTMLButtonElement} */ ($(`[data-action="${action}"]`));
    button.hidden = mode !== 'idle';
    button.disabled = false;  // rendered disabled until this script listens
  }
  $('[data-action="done"]').hidden = mode !== 'recording';
  $('[data-action="submit-typed"]').hidden = mode !== 'typing';
  $('[data-typed]').hidden = mode !== 'typing';
}

async function start() {
  setError('');
  let seconds = 0;
  const status = $('[data-status]');
  try {
    await startRecording(data.session_id, data.question_id, () => {
      seconds += 1;  // a chunk a second
      status.dataset.recordedSeconds = String(seconds);
      setStatus(`Recording… ${seconds} s. Press Done when you have finished.`);
    });
  } catch (error) {
    const camera = $('[data-option="camera"]').checked ? ' or the camera' : '';
    setError(`The microphone${camera} could not be opened (${error instanceof Error ? error.message : error}): allow it in the browser, or type your answer instead.`);
    return;
  }
  status.dataset.recordedSeconds = '0';
  setControls('recording');
  setStatus('Recording… press Done when you have finished.');
}

async function done() {
  setControls('sending');
  const id = await stopRecording();
  if (!id) {
    setControls('idle');
    setError('Nothing was recorded. Check your microphone and try again.');
    return;
  }
  await send(id);
}

async function submitTyped() {
  const text = $('#typed-attempt').value.trim();
  if (!text) {
    setError('Write your answer first.');
    return;
  }
  setControls('sending');
  const kept = await uploads.keepText(data.session_id, data.question_id, text, 'attempts');
  await send(kept.id);
}

/** Send an attempt kept in this browser (retried until the server has it), then follow it. */
async function send(/** @type {string} */ id) {
  setControls('sending');
  setStatus('Sending your answer…');
  try {
    const attempt = await uploads.send(id);
    // null: another tab of this browser sent it; the comparison shows the latest all the same.
    await follow(attempt);
  } catch (error) {
    setError(describe(error));
    setControls('idle');
    setStatus('');
  }
}

/** How a kept attempt's upload is going, from uploads.js's announcements. */
function showUpload(/** @type {Event} */ event) {
  const detail = /** @type {CustomEvent} */ (event).detail;
  if (detail.sessionId !== data.session_id || detail.questionId !== data.question_id) return;
  if (detail.destination !== 'attempts') return;
  const line = $('[data-upload]');
  const labels = {
    sending: detail.attempt ? 'Saved in this browser, sending again…' : '',
    retrying: `The connection dropped. Your attempt is saved in this browser; sending it again in ${Math.ceil(detail.delay / 1000)} s…`,
    saved: '',
    failed: '',  // the error box says why
    'signed-out': 'Sign in again: your attempt is saved in this browser and sent then.',
  };
  line.textContent = labels[/** @type {keyof labels} */ (detail.state)] ?? '';
  line.hidden = !line.textContent;
  line.dataset.upload = detail.state;
  // An attempt an earlier page left, sent now: follow it as if it were just given.
  if (detail.state === 'saved' && detail.answer && following === null && $('[data-action="start"]').hidden === false) {
    follow(detail.answer).catch((error) => setError(describe(error)));
  }
}

/** Show the comparison as soon as there is one, and again as each analysis finishes. */
async function follow(attempt) {
  following = attempt ? attempt.id : '';
  setControls('sending');
  const model = await api('/api/settings/llm');
  for (;;) {
    const attempts = await api(`${base}/attempts`);
    const mine = (attempt && attempts.find((item) => item.id === attempt.id)) || attempt || attempts[attempts.length - 1];
    const compared = await comparison();
    const running = [];
    if (mine && mine.media && ['received', 'processing'].includes(mine.status)) running.push('transcribing your answer');
    if (compared && compared.baseline.watching) running.push('measuring your eye contact');
    if (compared && compared.baseline.judging) {
      const wait = await judgingWait();
      running.push(wait ? `judging what you said (${wait})` : 'judging what you said');
    }
    if (compared) render(compared, model.judges_content);
    if (mine && mine.status === 'failed') {
      setStatus(mine.error || 'This attempt could not be analysed.');
      break;
    }
    if (!running.length) {
      setStatus(compared ? 'Done.' : 'Saved. Practise once more to compare two attempts.');
      break;
    }
    setStatus(`Still ${running.join(' and ')}…`);
    await sleep(POLL_MS);
  }
  following = null;
  setControls('idle');
  $('[data-action="start"]').textContent = 'Practise again';
}

/** The comparison, or null while there is nothing to compare (409). */
async function comparison() {
  try {
    return await api(`${base}/comparison`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return null;
    throw error;
  }
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

/** A measure's value as read: eye contact as a share of the time, the others as numbers. */
function shown(measure, value) {
  return measure.name === 'eye contact' ? `${Math.round(value * 100)} %` : value.toFixed(1);
}

/** Which comparison is shown: against the baseline (the interview's answer, or the first
 * attempt) or against the attempt before; with its last data, to show again on a switch. */
let against = 'baseline';
/** @type {[any, boolean] | null} */
let lastShown = null;

function render(compared, judged) {
  lastShown = [compared, judged];
  const choice = $('[data-compare-with]');
  choice.hidden = !compared.previous;
  if (!compared.previous) against = 'baseline';
  for (const button of choice.querySelectorAll('[data-with]')) {
    button.setAttribute('aria-pressed', String(button.dataset.with === against));
  }
  const view = compared[against] || compared.baseline;
  $('[data-comparison]').hidden = false;
  $('[data-lead]').textContent = view.lead;
  let content = 'Content: not judged (the content judge is off on this server).';
  if (view.content) content = `Content: ${CONTENT_WORDS[view.content]}.`;
  else if (judged) content = 'Content: not judged yet.';
  if (view.tests) {
    const { before: first, after: second, change } = view.tests;
    content = `Hidden tests passed: ${first.passed} of ${first.total} → ${second.passed} of ${second.total}`
      + (change ? `, ${CHANGE_WORDS[change]}.` : ' (the problem\'s tests changed).');
  }
  $('[data-content]').textContent = content;
  $('[data-points-table]').hidden = !view.points.length;
  $('[data-delivery-none]').hidden = view.delivery.length > 0;
  const rows = $('[data-points]');
  rows.replaceChildren();
  for (const point of view.points) {
    const row = document.createElement('tr');
    row.dataset.point = point.point;
    row.dataset.change = point.change;
    row.append(
      cell(point.point),
      cell(verdict(point.before, point.before_quote)),
      cell(verdict(point.after, point.after_quote)),
    );
    rows.append(row);
  }
  const delivery = $('[data-delivery]');
  delivery.replaceChildren();
  for (const measure of view.delivery) {
    const item = document.createElement('li');
    const change = measure.change ? CHANGE_WORDS[measure.change] : 'not compared (a noisy recording)';
    item.textContent = `${measure.name}: ${shown(measure, measure.first)} → ${shown(measure, measure.second)}, ${change}`;
    item.dataset.measure = measure.name;
    delivery.append(item);
  }
  const [before, after] = view.words;
  $('[data-length]').textContent = `${before} words before, ${after} this time.`;
}

for (const button of document.querySelectorAll('[data-with]')) {
  button.addEventListener('click', () => {
    against = button.dataset.with;
    if (lastShown) render(...lastShown);
  });
}
window.addEventListener('rehearse:upload', showUpload);
wireOptions(data.session_id);
$('[data-action="start"]').addEventListener('click', start);
$('[data-action="done"]').addEventListener('click', done);
$('[data-action="type"]').addEventListener('click', () => setControls('typing'));
$('[data-action="submit-typed"]').addEventListener('click', submitTyped);
setControls('idle');
speak(data.question);

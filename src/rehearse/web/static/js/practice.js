/**
 * Practise one question again: record (or type) an attempt, send it to
 * /api/sessions/{id}/questions/{qid}/attempts, and show what changed as each analysis finishes,
 * naming what is still running.
 */
import { api, ApiError, describe } from './api.js';
import { $, pageData, sleep } from './dom.js';
import { AnswerRecorder, openDevices } from './recorder.js';
import { speak } from './voice.js';

const data = pageData();
const base = `/api/sessions/${data.session_id}/questions/${data.question_id}`;
const POLL_MS = 1000;
const CHANGE_WORDS = { better: 'better', worse: 'worse', same: 'about the same' };
let recorder = null;
let stream = null;

function setStatus(text) {
  $('[data-status]').textContent = text;
}

function setError(message) {
  const box = $('[data-error]');
  box.textContent = message || '';
  box.hidden = !message;
}

function setControls(mode) {
  $('[data-action="start"]').hidden = mode !== 'idle';
  $('[data-action="type"]').hidden = mode !== 'idle';
  $('[data-action="done"]').hidden = mode !== 'recording';
  $('[data-action="submit-typed"]').hidden = mode !== 'typing';
  $('[data-typed]').hidden = mode !== 'typing';
}

async function start() {
  setError('');
  try {
    stream = await openDevices(false);
  } catch {
    setError('The microphone could not be opened: allow it in the browser, or type your answer instead.');
    return;
  }
  let seconds = 0;
  const status = $('[data-status]');
  recorder = new AnswerRecorder(stream, () => {
    seconds += 1;  // a chunk a second
    status.dataset.recordedSeconds = String(seconds);
    setStatus(`Recording… ${seconds} s. Press Done when you have finished.`);
  });
  recorder.start();
  status.dataset.recordedSeconds = '0';
  setControls('recording');
  setStatus('Recording… press Done when you have finished.');
}

async function done() {
  const blob = await recorder.stop();
  stream.getTracks().forEach((track) => track.stop());
  const form = new FormData();
  form.append('media', blob, `attempt-${Date.now()}.webm`);
  await send(form);
}

async function submitTyped() {
  const text = $('#typed-attempt').value.trim();
  if (!text) {
    setError('Write your answer first.');
    return;
  }
  const form = new FormData();
  form.append('text', text);
  await send(form);
}

async function send(form) {
  setControls('sending');
  setStatus('Sending your answer…');
  try {
    const attempt = await api(`${base}/attempts`, { method: 'POST', form });
    await follow(attempt);
  } catch (error) {
    setError(describe(error));
    setControls('idle');
    setStatus('');
  }
}

/** Show the comparison as soon as there is one, and again as each analysis finishes. */
async function follow(attempt) {
  const model = await api('/api/settings/llm');
  for (;;) {
    const attempts = await api(`${base}/attempts`);
    const mine = attempts.find((item) => item.id === attempt.id) || attempt;
    const compared = await comparison();
    const running = [];
    if (mine.media && ['received', 'processing'].includes(mine.status)) running.push('transcribing your answer');
    if (compared && compared.baseline.judging) running.push('judging what you said');
    if (compared) render(compared, model.judges_content);
    if (mine.status === 'failed') {
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

function render(compared, judged) {
  const view = compared.baseline;
  $('[data-comparison]').hidden = false;
  $('[data-lead]').textContent = view.lead;
  let content = 'Content: not judged (the content judge is off on this server).';
  if (view.content) content = `Content: ${CHANGE_WORDS[view.content]} (the content judge's score, beyond its margin).`;
  else if (judged) content = 'Content: not judged yet.';
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
      cell(`${point.before}${point.before_quote ? `: “${point.before_quote}”` : ''}`),
      cell(`${point.after}${point.after_quote ? `: “${point.after_quote}”` : ''}`),
    );
    rows.append(row);
  }
  const delivery = $('[data-delivery]');
  delivery.replaceChildren();
  for (const measure of view.delivery) {
    const item = document.createElement('li');
    const change = measure.change ? CHANGE_WORDS[measure.change] : 'not compared (a noisy recording)';
    item.textContent = `${measure.name}: ${measure.first.toFixed(1)} → ${measure.second.toFixed(1)}, ${change}`;
    item.dataset.measure = measure.name;
    delivery.append(item);
  }
  const [before, after] = view.words;
  $('[data-length]').textContent = `${before} words before, ${after} this time.`;
}

$('[data-action="start"]').addEventListener('click', start);
$('[data-action="done"]').addEventListener('click', done);
$('[data-action="type"]').addEventListener('click', () => setControls('typing'));
$('[data-action="submit-typed"]').addEventListener('click', submitTyped);
setControls('idle');
speak(data.question);

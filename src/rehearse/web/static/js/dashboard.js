/**
 * The session dashboard: each reply's recording (the answer's, and each reply to a follow-up)
 * drives its own timeline (a playhead follows the player; a click on a chart, a moment or a
 * word replays from there), reflections are saved with the coach's response, and the page
 * refreshes itself once pending analyses finish.
 */
import { api, describe, judgingWait } from './api.js';
import { $, $$, pageData, setBusy, showError, sleep, toast } from './dom.js';
import { onSubmit } from './forms.js';

const page = pageData();
const POLL_MS = 3000;

/**
 * @param {SVGSVGElement} svg
 * @param {number} seconds
 */
function xFor(svg, seconds) {
  const left = Number(svg.dataset.left);
  const right = Number(svg.dataset.right);
  const total = Number(svg.dataset.seconds) || 1;
  return left + (Math.min(Math.max(seconds, 0), total) / total) * (right - left);
}

/**
 * The moment of the recording under a click on ``svg``.
 * @param {SVGSVGElement} svg
 * @param {MouseEvent} event
 */
function secondsAt(svg, event) {
  const matrix = svg.getScreenCTM();
  if (!matrix) return 0;
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  const left = Number(svg.dataset.left);
  const right = Number(svg.dataset.right);
  const share = Math.min(Math.max((point.x - left) / (right - left), 0), 1);
  return share * (Number(svg.dataset.seconds) || 0);
}

/** @param {HTMLElement} replay one reply's player with its charts, moments and words */
function wireReplay(replay) {
  const video = /** @type {HTMLVideoElement | null} */ ($('video', replay));
  if (!video) return;
  const charts = /** @type {SVGSVGElement[]} */ ($$('svg[data-seek-chart]', replay));
  const words = /** @type {HTMLElement[]} */ ($$('[data-transcript] [data-t]', replay));

  /** @param {number} seconds */
  const play = (seconds) => {
    video.currentTime = seconds;
    video.play().catch(() => {});
  };

  video.addEventListener('loadedmetadata', () => {
    if (!video.videoWidth) replay.classList.add('audio-only');
  });
  // Charts, moments and words replay the recording from their moment.
  const follow = () => {
    const now = video.currentTime;
    for (const svg of charts) {
      const head = svg.querySelector('.playhead');
      if (!head) continue;
      const x = String(xFor(svg, now));
      head.setAttribute('x1', x);
      head.setAttribute('x2', x);
      head.setAttribute('visibility', 'visible');
    }
    let spoken = null;
    for (const word of words) {
      if (Number(word.dataset.t) <= now + 0.05) spoken = word;
      word.classList.remove('now');
    }
    if (spoken && !video.paused) spoken.classList.add('now');
  };
  video.addEventListener('timeupdate', follow);
  video.addEventListener('seeked', follow);
  for (const svg of charts) svg.addEventListener('click', (event) => play(secondsAt(svg, event)));
  for (const button of $$('[data-seek]', replay)) {
    button.addEventListener('click', () => play(Number(button.dataset.seek)));
  }
  for (const word of words) word.addEventListener('click', () => play(Number(word.dataset.t)));
}

for (const replay of $$('[data-replay]')) wireReplay(replay);

// Reflections.

const reflection = /** @type {HTMLFormElement | null} */ ($('form[data-reflection]'));
if (reflection) {
  onSubmit(reflection, async (event) => {
    event.preventDefault();
    showError(reflection, '');
    const field = /** @type {HTMLTextAreaElement} */ ($('textarea', reflection));
    const text = field.value.trim();
    if (!text) {
      showError(reflection, 'Write your note first.');
      return;
    }
    const button = /** @type {HTMLButtonElement} */ ($('button[type="submit"]', reflection));
    setBusy(button, true);
    try {
      const note = await api(`/api/sessions/${page.session_id}/reflections`, { method: 'POST', json: { text } });
      const item = document.createElement('li');
      const said = Object.assign(document.createElement('p'), { className: 'said', textContent: `“${note.text}”` });
      item.append(said);
      if (note.coach_response) {
        const coach = Object.assign(document.createElement('p'), { className: 'coach' });
        coach.append(Object.assign(document.createElement('strong'), { textContent: 'Coach:' }), ` ${note.coach_response}`);
        item.append(coach);
      }
      $('[data-notes]').append(item);
      field.value = '';
      toast('Note saved.');
    } catch (error) {
      showError(reflection, describe(error));
    } finally {
      setBusy(button, false);
    }
  });
}

// Work still under way on the session's answers: analyses, then the content judge (a job after
// each analysis). The page refreshes itself once it is done.

/**
 * @param {string} path what to ask the API
 * @param {(found: any) => boolean} done whether what it answered says the work is done
 * @param {() => Promise<void>} [meanwhile] what to refresh on the page between rounds
 */
async function reloadWhen(path, done, meanwhile) {
  for (;;) {
    await sleep(POLL_MS);
    try {
      if (done(await api(path))) {
        window.location.reload();
        return;
      }
      if (meanwhile) await meanwhile();
    } catch {
      // offline for a moment: ask again on the next round
    }
  }
}

/** The judge's line, as the banner says it: "(3 answers ahead of yours, about 1 minute)". */
async function showJudgingWait() {
  const text = await judgingWait();
  const shown = $('[data-judging-wait]');
  if (shown) shown.textContent = text ? ` (${text})` : '';
}

const analysing = (/** @type {any} */ a) =>
  a.analysis_job_id && (a.status === 'received' || a.status === 'processing');
const judging = (/** @type {any} */ a) =>
  a.warnings.includes(page.judging_note);
// A practice attempt's judgement joins the report (and its kept snapshot) the same way.
const practising = (/** @type {any} */ p) =>
  p.attempts.some((/** @type {any} */ a) => a.note === page.judging_note);

if (page.pending) {
  reloadWhen(`/api/sessions/${page.session_id}/answers`, (answers) => !answers.some(analysing));
} else if (page.judging) {
  reloadWhen(
    `/api/sessions/${page.session_id}/report`,
    (report) => !report.answers.some(judging) && !report.practice.some(practising),
    showJudgingWait,
  );
}

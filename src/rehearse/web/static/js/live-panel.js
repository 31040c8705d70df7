/**
 * What a page shows while an answer is recorded: the live meter's readings (pace, fillers,
 * the current pause, its lag), the live captions and the live eye contact. Shared by the
 * interview page and the practice page; the markup is templates/live_meter.html and the
 * [data-captions] box.
 */
import { $, clock } from './dom.js';

const PACE_SCALE = 220;

export function resetMeter() {
  for (const [name, text] of [['wpm', '–'], ['recent', '–'], ['fillers', '0'], ['pause', '0.0'], ['elapsed', '0:00'], ['lag', 'connecting…']]) {
    $(`[data-meter="${name}"]`).textContent = text;
  }
  $('[data-needle]').style.left = '0%';
}

/**
 * @param {import('./meter.js').Partial} partial
 * @param {number} lagMs
 */
export function showPartial(partial, lagMs) {
  const wpm = partial.words_per_minute;
  const recent = partial.recent_words_per_minute;
  $('[data-meter="wpm"]').textContent = wpm === null ? '–' : String(Math.round(wpm));
  $('[data-meter="recent"]').textContent = recent === null ? '–' : String(Math.round(recent));
  $('[data-meter="fillers"]').textContent = String(partial.likely_fillers);
  $('[data-meter="pause"]').textContent = partial.current_pause_seconds.toFixed(1);
  $('[data-meter="elapsed"]').textContent = clock(partial.elapsed_seconds);
  $('[data-meter="lag"]').textContent = `${(lagMs / 1000).toFixed(2)} s behind your voice`;
  $('.meter').dataset.lagMs = String(Math.round(lagMs));
  const shown = recent ?? wpm;
  if (shown !== null) $('[data-needle]').style.left = `${Math.min(100, (shown / PACE_SCALE) * 100)}%`;
}

export function resetCaptions() {
  $('[data-caption-committed]').textContent = '';
  $('[data-caption-tentative]').textContent = '';
  $('[data-captions]').hidden = true;
}

/**
 * @param {import('./meter.js').Caption} caption
 * @param {number | null} lagMs how far behind the voice its newest word is shown (null: no new word)
 */
export function showCaption(caption, lagMs) {
  const box = $('[data-captions]');
  box.hidden = !caption.committed && !caption.tentative;
  $('[data-caption-committed]').textContent = caption.committed;
  $('[data-caption-tentative]').textContent = caption.tentative ? ` ${caption.tentative}` : '';
  box.scrollTop = box.scrollHeight;
  if (lagMs !== null) box.dataset.lagMs = String(Math.round(lagMs));
  window.dispatchEvent(new CustomEvent('rehearse:caption', { detail: { ...caption, lagMs } }));
}

/**
 * @param {import('./gaze.js').Gaze} gaze
 * @param {number | null} share of this answer's readings with eye contact
 */
export function showGaze(gaze, share) {
  const now = !gaze.face_found ? 'no face' : gaze.looking_at_camera ? 'yes' : 'away';
  $('[data-meter="gaze"]').textContent = now;
  $('[data-meter="eye-share"]').textContent = share === null ? '–' : `${Math.round(share * 100)} %`;
}

/** Before an answer: the eye-contact readings shown (and cleared) only with the camera on. */
export function resetGaze(/** @type {boolean} */ camera) {
  $('[data-eyes]').hidden = !camera;
  $('[data-meter="gaze"]').textContent = '–';
  $('[data-meter="eye-share"]').textContent = '–';
}

/**
 * @param {boolean} live whether the meter's socket is open
 * @param {boolean} recording whether an answer is being recorded
 */
export function showLive(live, recording) {
  const badge = $('[data-live]');
  badge.classList.toggle('on', live);
  badge.textContent = live ? 'Live' : 'Off';
  if (!live && recording) $('[data-meter="lag"]').textContent = 'meter unavailable; still recording';
}

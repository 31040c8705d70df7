/**
 * Setting up an interview: create the session, upload the résumé, plan the questions, then
 * open the live interview. A failed step can be retried without creating a second session.
 */
import { api, describe } from './api.js';
import { $, setBusy, showError } from './dom.js';
import { getPref, setCameraFor } from './prefs.js';
import { onSubmit } from './forms.js';

const form = /** @type {HTMLFormElement} */ ($('#new-interview'));
const fileInput = /** @type {HTMLInputElement} */ ($('#resume'));
const camera = /** @type {HTMLInputElement} */ ($('#camera'));
camera.checked = getPref('camera');

/** @type {string | null} the session made by an earlier, failed attempt */
let sessionId = null;
/** @type {File | null} the résumé it already holds */
let uploaded = null;

/** @param {string} text */
function progress(text) {
  $('[data-progress]').hidden = !text;
  $('[data-progress-text]').textContent = text;
}

/** @param {Record<string, FormDataEntryValue>} data */
function title(data) {
  const role = String(data.role || '').trim();
  const company = String(data.company || '').trim();
  if (role && company) return `${role} at ${company}`;
  return role || company || 'Mock interview';
}

const dropzone = $('[data-dropzone]');
dropzone.addEventListener('dragover', (/** @type {DragEvent} */ event) => {
  event.preventDefault();
  dropzone.classList.add('over');
});
dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
dropzone.addEventListener('drop', (/** @type {DragEvent} */ event) => {
  event.preventDefault();
  dropzone.classList.remove('over');
  if (event.dataTransfer && event.dataTransfer.files.length) fileInput.files = event.dataTransfer.files;
});

onSubmit(form, async (event) => {
  event.preventDefault();
  showError(form, '');
  const data = Object.fromEntries(new FormData(form));
  const description = /** @type {HTMLTextAreaElement} */ ($('#job_description'));
  if (!description.value.trim()) {
    description.setAttribute('aria-invalid', 'true');
    showError(form, 'Paste the job description: the questions are planned from it.');
    return;
  }
  description.removeAttribute('aria-invalid');
  const length = Number(data.length) || 5;
  const setup = {
    title: title(data),
    role: String(data.role || '').trim(),
    company: String(data.company || '').trim(),
    job_description: description.value,
    interview_type: String(data.interview_type || 'mixed'),
    question_count: length,
  };
  const button = /** @type {HTMLButtonElement} */ ($('button[type="submit"]', form));
  setBusy(button, true);
  try {
    progress('Saving the job…');
    if (sessionId) await api(`/api/sessions/${sessionId}`, { method: 'PATCH', json: setup });
    else sessionId = (await api('/api/sessions', { method: 'POST', json: setup })).id;
    const file = fileInput.files && fileInput.files[0];
    if (file && file !== uploaded) {
      progress('Reading your résumé…');
      const upload = new FormData();
      upload.append('file', file);
      await api(`/api/sessions/${sessionId}/resume`, { method: 'PUT', form: upload });
      uploaded = file;
    }
    progress('Planning your questions (the first time takes a little longer)…');
    await api(`/api/sessions/${sessionId}/plan`, {
      method: 'POST',
      json: { interview_type: setup.interview_type, length },
    });
    setCameraFor(String(sessionId), camera.checked);
    progress('Ready. Opening your interview…');
    window.location.assign(`/sessions/${sessionId}/interview`);
  } catch (error) {
    progress('');
    showError(form, describe(error));
    setBusy(button, false);
  }
});

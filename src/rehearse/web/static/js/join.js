/** Joining a class: the e-mailed invitation (accepted as the page opens) or a join code. */
import { api, ApiError, describe } from './api.js';
import { $, markInvalid, setBusy, showError, showOk } from './dom.js';

/** @type {Record<string, (data: Record<string, string>) => Promise<{name: string, role: string}>>} */
const joins = {
  invite: (data) => api('/api/organisations/invites/accept', { method: 'POST', json: { token: data.token } }),
  code: (data) => api('/api/organisations/join', { method: 'POST', json: { code: data.code.trim() } }),
};

/** @param {HTMLFormElement} form */
async function submit(form) {
  showError(form, '');
  showOk(form, '');
  const data = /** @type {Record<string, string>} */ (Object.fromEntries(new FormData(form)));
  const button = /** @type {HTMLButtonElement} */ ($('button[type="submit"]', form));
  setBusy(button, true);
  try {
    const joined = await joins[form.dataset.join || ''](data);
    showOk(form, `You are in ${joined.name} as a ${joined.role}.`);
  } catch (error) {
    if (error instanceof ApiError) markInvalid(form, error.details);
    showError(form, describe(error));
  } finally {
    setBusy(button, false);
  }
}

for (const form of /** @type {NodeListOf<HTMLFormElement>} */ (document.querySelectorAll('form[data-join]'))) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form);
  });
  if (form.dataset.auto === 'yes') submit(form);
}

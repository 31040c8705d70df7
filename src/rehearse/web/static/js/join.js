/** Joining a class: the e-mailed invitation (accepted as the page opens) or a join code. */
import { api } from './api.js';
import { showOk } from './dom.js';
import { handleForm, submitForm } from './forms.js';

/** @type {Record<string, (data: Record<string, string>) => Promise<{name: string, role: string}>>} */
const joins = {
  invite: (data) => api('/api/organisations/invites/accept', { method: 'POST', json: { token: data.token } }),
  code: (data) => api('/api/organisations/join', { method: 'POST', json: { code: data.code.trim() } }),
};

for (const form of /** @type {NodeListOf<HTMLFormElement>} */ (document.querySelectorAll('form[data-join]'))) {
  /** @param {Record<string, string>} data */
  const join = async (data) => {
    const joined = await joins[form.dataset.join || ''](data);
    showOk(form, `You are in ${joined.name} as a ${joined.role}.`);
  };
  handleForm(form, join);
  if (form.dataset.auto === 'yes') submitForm(form, join);
}

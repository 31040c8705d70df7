/** The signed-out forms: sign in, sign up, forgot and reset password, confirm e-mail. */
import { api, ApiError, describe } from './api.js';
import { $, markInvalid, setBusy, showError, showOk } from './dom.js';
import { onSubmit } from './forms.js';

/**
 * @param {HTMLFormElement} form
 * @returns {Record<string, string>}
 */
function values(form) {
  return Object.fromEntries(
    [...new FormData(form)].map(([key, value]) => [key, typeof value === 'string' ? value.trim() : '']),
  );
}

/** @param {string} path */
function signIn(path) {
  window.location.assign(path.startsWith('/') && !path.startsWith('//') ? path : '/');
}

/** @type {Record<string, (form: HTMLFormElement, data: Record<string, string>) => Promise<void>>} */
const handlers = {
  async signin(form, data) {
    await api('/api/auth/login', { method: 'POST', json: { email: data.email, password: data.password } });
    signIn(form.dataset.next || '/');
  },
  async signup(form, data) {
    await api('/api/auth/signup', { method: 'POST', json: data });
    try {
      await api('/api/auth/login', { method: 'POST', json: { email: data.email, password: data.password } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        showOk(form, `Account created. ${error.message}`);
        return;
      }
      throw error;
    }
    signIn('/');
  },
  async forgot(form, data) {
    const answer = await api('/api/auth/password/forgot', { method: 'POST', json: { email: data.email } });
    showOk(form, `${answer.status} Check your inbox (on a local install, the outbox folder in the data directory).`);
  },
  async reset(form, data) {
    await api('/api/auth/password/reset', { method: 'POST', json: data });
    showOk(form, 'Your password has been changed. Sign in with it now.');
    window.setTimeout(() => signIn('/signin'), 1500);
  },
  async confirm(form, data) {
    await api('/api/auth/confirm-email', { method: 'POST', json: { token: data.token } });
    showOk(form, 'Thank you: your e-mail address is confirmed.');
  },
};

for (const form of /** @type {NodeListOf<HTMLFormElement>} */ (document.querySelectorAll('form[data-form]'))) {
  const handler = handlers[form.dataset.form || ''];
  onSubmit(form, async (event) => {
    event.preventDefault();
    showError(form, '');
    showOk(form, '');
    const data = values(form);
    const missing = [...form.querySelectorAll('[required]')].find(
      (field) => !(/** @type {HTMLInputElement} */ (field).value.trim()),
    );
    if (missing) {
      missing.setAttribute('aria-invalid', 'true');
      const label = $(`label[for="${missing.id}"]`, form);
      showError(form, `${label ? label.textContent.trim() : 'This field'} is required.`);
      return;
    }
    const button = /** @type {HTMLButtonElement} */ ($('button[type="submit"]', form));
    setBusy(button, true);
    try {
      await handler(form, data);
    } catch (error) {
      if (error instanceof ApiError) markInvalid(form, error.details);
      showError(form, describe(error));
    } finally {
      setBusy(button, false);
    }
  });
  if (form.dataset.auto === 'yes') form.requestSubmit();
}

if (new URLSearchParams(window.location.search).get('deleted') === '1') {
  const form = /** @type {HTMLFormElement | null} */ (document.querySelector('form[data-form]'));
  if (form) showOk(form, 'Your account and everything in it have been deleted.');
}

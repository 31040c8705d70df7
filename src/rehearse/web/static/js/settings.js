/** Settings: preferences in this browser, the password change and deleting the account. */
import { api, ApiError, describe } from './api.js';
import { $, markInvalid, setBusy, showError, showOk, toast } from './dom.js';
import { getPref, setPref } from './prefs.js';

for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('[data-pref]'))) {
  const name = /** @type {'voice' | 'camera'} */ (box.dataset.pref);
  box.checked = getPref(name);
  box.addEventListener('change', () => {
    setPref(name, box.checked);
    toast('Saved in this browser.');
  });
}

/**
 * @param {HTMLFormElement} form
 * @param {(data: Record<string, string>) => Promise<void>} action
 */
function handle(form, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(form, '');
    showOk(form, '');
    const data = /** @type {Record<string, string>} */ (Object.fromEntries(new FormData(form)));
    const button = /** @type {HTMLButtonElement} */ ($('button[type="submit"]', form));
    setBusy(button, true);
    try {
      await action(data);
    } catch (error) {
      if (error instanceof ApiError) markInvalid(form, error.details);
      showError(form, describe(error));
    } finally {
      setBusy(button, false);
    }
  });
}

const resend = document.querySelector('[data-resend]');
resend?.addEventListener('click', async () => {
  try {
    await api('/api/auth/confirm-email/resend', { method: 'POST' });
    toast('The link is on its way.');
  } catch (error) {
    toast(describe(error));
  }
});

const profileForm = /** @type {HTMLFormElement} */ ($('form[data-profile]'));
handle(profileForm, async (data) => {
  const user = await api('/api/me', { method: 'PATCH', json: { display_name: data.display_name } });
  showOk(profileForm, `Saved: you are ${user.display_name}.`);
});

const passwordForm = /** @type {HTMLFormElement} */ ($('form[data-password]'));
handle(passwordForm, async (data) => {
  await api('/api/auth/password/change', { method: 'POST', json: data });
  passwordForm.reset();
  showOk(passwordForm, 'Your password has been changed. Other browsers have been signed out.');
});

const deleteForm = /** @type {HTMLFormElement} */ ($('form[data-delete]'));
handle(deleteForm, async (data) => {
  if (!data.sure) {
    showError(deleteForm, 'Tick the box to confirm that you want to delete everything.');
    return;
  }
  if (!data.password) {
    showError(deleteForm, 'Enter your password to confirm.');
    return;
  }
  await api('/api/me', { method: 'DELETE', json: { password: data.password } });
  window.location.assign('/signin?deleted=1');
});

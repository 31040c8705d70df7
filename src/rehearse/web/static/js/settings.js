/** Settings: preferences in this browser, the password change and deleting the account. */
import { api, describe } from './api.js';
import { $, showError, showOk, toast } from './dom.js';
import { handleForm } from './forms.js';
import { getPref, setPref } from './prefs.js';

for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('[data-pref]'))) {
  const name = /** @type {'voice' | 'camera'} */ (box.dataset.pref);
  box.checked = getPref(name);
  box.addEventListener('change', () => {
    setPref(name, box.checked);
    toast('Saved in this browser.');
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
handleForm(profileForm, async (data) => {
  const user = await api('/api/me', { method: 'PATCH', json: { display_name: data.display_name } });
  showOk(profileForm, `Saved: you are ${user.display_name}.`);
});

const passwordForm = /** @type {HTMLFormElement} */ ($('form[data-password]'));
handleForm(passwordForm, async (data) => {
  await api('/api/auth/password/change', { method: 'POST', json: data });
  passwordForm.reset();
  showOk(passwordForm, 'Your password has been changed. Other browsers have been signed out.');
});

const deleteForm = /** @type {HTMLFormElement} */ ($('form[data-delete]'));
handleForm(deleteForm, async (data) => {
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

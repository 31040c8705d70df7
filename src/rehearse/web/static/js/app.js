/**
 * Runs on every page: the sign-out button, and (when signed in) sending any answer that a
 * dropped connection or a closed tab left waiting in this browser.
 */
import { api } from './api.js';
import { resumePending } from './uploads.js';

const signOut = document.querySelector('[data-sign-out]');
if (signOut) {
  signOut.addEventListener('click', async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch {
      // Signed out already (the session ended), or offline: the sign-in page says which.
    }
    window.location.assign('/signin');
  });
  resumePending().catch(() => {});
}

/** The home page: deleting an interview takes a second, confirming click. */
import { api, describe } from './api.js';
import { toast } from './dom.js';

for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('[data-delete-session]'))) {
  const original = button.innerHTML;
  let armed = 0;
  button.addEventListener('click', async () => {
    if (!armed) {
      button.textContent = 'Confirm delete';
      button.classList.add('danger');
      armed = window.setTimeout(() => {
        armed = 0;
        button.innerHTML = original;
        button.classList.remove('danger');
      }, 4000);
      return;
    }
    window.clearTimeout(armed);
    button.disabled = true;
    try {
      await api(`/api/sessions/${button.dataset.deleteSession}`, { method: 'DELETE' });
      button.closest('tr')?.remove();
      toast(`Deleted “${button.dataset.title}”.`);
    } catch (error) {
      toast(describe(error));
      button.disabled = false;
    }
  });
}

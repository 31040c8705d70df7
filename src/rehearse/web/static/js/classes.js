/** The classes pages: create a class; as its coach, invite, make a join code, change roles and
 * remove members; as anyone in it, leave. Each action calls the API, then the page reloads. */
import { api, describe } from './api.js';
import { showOk } from './dom.js';
import { handleForm } from './forms.js';

const page = /** @type {HTMLElement | null} */ (document.querySelector('[data-class]'));
const base = page ? `/api/organisations/${page.dataset.class}` : '/api/organisations';

/** @param {string} message */
function pageError(message) {
  const box = /** @type {HTMLElement | null} */ (document.querySelector('[data-page-error]'));
  if (box) {
    box.textContent = message;
    box.hidden = !message;
  }
}

/**
 * @param {string} selector
 * @param {(button: HTMLElement) => Promise<void>} action
 */
function onClick(selector, action) {
  for (const button of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(selector))) {
    button.addEventListener('click', async () => {
      pageError('');
      try {
        await action(button);
      } catch (error) {
        pageError(describe(error));
      }
    });
  }
}

handleForm(document.querySelector('form[data-create-class]'), async (data) => {
  const made = await api('/api/organisations', { method: 'POST', json: { name: data.name } });
  window.location.assign(`/classes/${made.id}`);
});

handleForm(document.querySelector('form[data-invite]'), async (data) => {
  await api(`${base}/invites`, { method: 'POST', json: { email: data.email.trim(), role: data.role } });
  window.location.reload();
});

const codeForm = /** @type {HTMLFormElement | null} */ (document.querySelector('form[data-join-code]'));
handleForm(codeForm, async (data) => {
  const made = await api(`${base}/join-code`, { method: 'POST', json: { days: Number(data.days) } });
  if (codeForm) showOk(codeForm, `The code is ${made.code}. Give it to your class: it is shown only now.`);
});

onClick('[data-end-code]', async () => {
  await api(`${base}/join-code`, { method: 'DELETE' });
  window.location.reload();
});

onClick('[data-withdraw]', async (button) => {
  await api(`${base}/invites/${button.dataset.withdraw}`, { method: 'DELETE' });
  window.location.reload();
});

onClick('[data-role]', async (button) => {
  await api(`${base}/members/${button.dataset.user}`, { method: 'PATCH', json: { role: button.dataset.role } });
  window.location.reload();
});

onClick('[data-remove]', async (button) => {
  if (!window.confirm(`Remove ${button.dataset.name} from the class? They keep their own practice.`)) return;
  await api(`${base}/members/${button.dataset.remove}`, { method: 'DELETE' });
  window.location.reload();
});

onClick('[data-leave]', async () => {
  if (!window.confirm('Leave the class? Its coaches stop seeing what you did in it.')) return;
  await api(`${base}/members/${page?.dataset.me}`, { method: 'DELETE' });
  window.location.assign('/classes');
});

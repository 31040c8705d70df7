/** A form whose submission calls the API: its error box says what went wrong, its fields
 * the API named are marked, and its button is busy meanwhile. */
import { ApiError, describe } from './api.js';
import { $, markInvalid, setBusy, showError, showOk } from './dom.js';

/**
 * Run ``action`` with the form's fields, as the form's own submission.
 * @param {HTMLFormElement} form
 * @param {(data: Record<string, string>) => Promise<void>} action
 */
export async function submitForm(form, action) {
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
}

/**
 * Take over ``form``'s submission with ``listener``; a submission held back while the page
 * loaded (guard.js) is sent now, through it.
 * @param {HTMLFormElement} form
 * @param {(event: SubmitEvent) => void} listener
 */
export function onSubmit(form, listener) {
  form.addEventListener('submit', /** @type {EventListener} */ (listener));
  form.setAttribute('data-ready', '');
  if (form.hasAttribute('data-held')) {
    form.removeAttribute('data-held');
    const by = /** @type {HTMLElement | undefined} */ (/** @type {any} */ (form).heldBy);
    form.requestSubmit(by && form.contains(by) ? by : undefined);
  }
}

/**
 * Submit ``form`` through ``action`` instead of the browser.
 * @param {HTMLFormElement | null} form
 * @param {(data: Record<string, string>) => Promise<void>} action
 */
export function handleForm(form, action) {
  if (!form) return;
  onSubmit(form, (event) => {
    event.preventDefault();
    submitForm(form, action);
  });
}

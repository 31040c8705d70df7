/** Small helpers the pages share. */

/**
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {any}
 */
export const $ = (selector, root = document) => root.querySelector(selector);

/**
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {any[]}
 */
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

/** @returns {Record<string, any>} the JSON the server put in the page */
export function pageData() {
  const element = document.getElementById('page-data');
  return element ? JSON.parse(element.textContent || '{}') : {};
}

/**
 * Show (or, with "", hide) the form's error box and move focus to it.
 * @param {HTMLElement} form
 * @param {string} message
 */
export function showError(form, message) {
  const box = $('.form-error', form);
  if (!box) return;
  box.textContent = message;
  box.hidden = !message;
  if (message) {
    box.tabIndex = -1;
    box.focus();
  }
}

/**
 * @param {HTMLElement} form
 * @param {string} message
 */
export function showOk(form, message) {
  const box = $('.form-ok', form);
  if (!box) return;
  box.textContent = message;
  box.hidden = !message;
}

/**
 * Mark the fields a validation error names.
 * @param {HTMLFormElement} form
 * @param {unknown} details
 */
export function markInvalid(form, details) {
  for (const field of $$('[aria-invalid]', form)) field.removeAttribute('aria-invalid');
  const problems = /** @type {{problems?: {location: string[]}[]}} */ (details || {}).problems || [];
  for (const problem of problems) {
    const name = problem.location[problem.location.length - 1];
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLElement) field.setAttribute('aria-invalid', 'true');
  }
}

/**
 * @param {HTMLButtonElement} button
 * @param {boolean} busy
 */
export function setBusy(button, busy) {
  button.disabled = busy;
  button.setAttribute('aria-busy', String(busy));
}

/** @param {string} message */
export function toast(message) {
  const element = document.getElementById('toast');
  if (!element) return;
  element.textContent = message;
  element.classList.add('show');
  window.setTimeout(() => element.classList.remove('show'), 3500);
}

/** @param {number} seconds @returns {string} "m:ss" */
export function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => window.setTimeout(resolve, ms));

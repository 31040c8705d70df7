/**
 * Calls to the Rehearse API from a signed-in page. The session cookie goes along by itself;
 * every write also carries the CSRF token that sign-in left in a readable cookie.
 */

/** An answer from the API that is not a success, in its one error shape. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {Record<string, unknown>} details
   */
  constructor(status, code, message, details) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** @returns {string} the CSRF token given at sign-in, or "" */
export function csrfToken() {
  const entry = document.cookie.split('; ').find((part) => part.startsWith('rehearse_csrf='));
  return entry ? decodeURIComponent(entry.slice('rehearse_csrf='.length)) : '';
}

const BUSY_RETRIES = 5;

/**
 * @param {Response} response
 * @returns {number} the seconds a 503 asks to wait (1 to 30; 2 when it does not say)
 */
function retryAfterSeconds(response) {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) : 2;
}

/**
 * @param {number} seconds
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<void>}
 */
function waitSeconds(seconds, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, seconds * 1000);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * @param {string} path
 * @param {{method?: string, json?: unknown, form?: FormData, signal?: AbortSignal}} [options]
 * @returns {Promise<any>} the parsed JSON body, or null when there is none
 * @throws {ApiError} when the server refuses; a TypeError when the network fails
 */
export async function api(path, { method = 'GET', json, form, signal } = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken();
  let response = await fetch(path, { method, headers, body, signal, credentials: 'same-origin' });
  // A busy server sheds load with 503 and Retry-After before it commits anything, so the
  // same request, writes included, is sent again after the time it asks for.
  for (let attempt = 1; response.status === 503 && attempt <= BUSY_RETRIES; attempt += 1) {
    await waitSeconds(retryAfterSeconds(response), signal);
    response = await fetch(path, { method, headers, body, signal, credentials: 'same-origin' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = (data && data.error) || {};
    throw new ApiError(
      response.status,
      error.code || `http_${response.status}`,
      error.message || `The server answered ${response.status}; try again in a moment.`,
      error.details || {},
    );
  }
  return data;
}

/**
 * A message for the person reading the page, whatever went wrong.
 * @param {unknown} error
 */
export function describe(error) {
  if (error instanceof ApiError) return error.message;
  return 'The server cannot be reached. Check your connection and try again.';
}

/**
 * The caller's place in the content judge's line, as the pages say it ("3 answers ahead of
 * yours, about 1 minute"); '' when none of theirs is waiting or the server cannot say.
 * @returns {Promise<string>}
 */
export async function judgingWait() {
  try {
    return (await api('/api/jobs/wait?kind=answer.judge_content')).text;
  } catch {
    return '';
  }
}

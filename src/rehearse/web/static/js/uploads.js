/**
 * Answers on their way to the server, kept safe until it confirms them.
 *
 * A recording is written to IndexedDB while it is being made (a chunk a second) and stays
 * there until the server answers 201. A failed send is retried with backoff (1 s, 2 s, 4 s ...
 * at most 30 s, at once when the browser comes back online); a page opened later sends
 * whatever an earlier one left, including a recording cut short by a closed tab. Before a
 * retry the answers already stored are checked (by the recording's unique file name), so a
 * send whose confirmation was lost is not stored twice; and one browser sends a record from
 * one tab at a time (a Web Lock per record), so two tabs never send the same one at once.
 *
 * A record goes to a destination: "answers" (the interview's
 * /api/sessions/{id}/questions/{qid}/answers) or "attempts" (a practice attempt,
 * /api/sessions/{id}/questions/{qid}/attempts). A typed attempt may repeat an earlier one word
 * for word, so the attempts with its text before it was first sent are noted and never taken
 * for its copy.
 *
 * Progress is announced as "rehearse:upload" events on window:
 * {id, sessionId, questionId, destination,
 *  state: "sending" | "retrying" | "saved" | "failed" | "signed-out", attempt, delay, message, answer}.
 */
import { api, ApiError } from './api.js';
import * as store from './idb.js';

const PAGE = crypto.randomUUID();
const MAX_DELAY_MS = 30_000;
const ABANDONED_MS = 10_000;  // a recording with no new chunk for this long was left by a closed page

/** @type {Map<string, Promise<any>>} */
const sending = new Map();
/** @type {Map<string, Promise<void>>} */
const writing = new Map();

/**
 * @typedef {'answers' | 'attempts'} Destination
 */

/**
 * @typedef {object} Upload
 * @property {string} id
 * @property {string} sessionId
 * @property {string} questionId
 * @property {Destination} [destination] "answers" when absent (kept by an older page)
 * @property {string[]} [known] a typed attempt's: the attempts with its text before it was sent
 * @property {'recording' | 'pending'} state
 * @property {string} page the page that made it (a recording from a closed page is finished later)
 * @property {string} filename unique per recording, so the server's copy can be recognised
 * @property {string} type
 * @property {Blob[]} chunks
 * @property {Blob | null} blob
 * @property {string} text
 * @property {number} createdAt
 * @property {number} [touchedAt] when the last chunk arrived
 */

/**
 * @param {string} id
 * @param {string} state
 * @param {Record<string, unknown>} [extra]
 */
function announce(id, state, extra = {}) {
  window.dispatchEvent(new CustomEvent('rehearse:upload', { detail: { id, state, ...extra } }));
}

/** @param {string} type @returns {string} */
function extension(type) {
  if (type.includes('ogg')) return 'ogg';
  if (type.includes('mp4')) return 'mp4';
  return 'webm';
}

/** @param {Upload} record @returns {Destination} */
const destinationOf = (record) => record.destination || 'answers';

/**
 * Start keeping a recording for a question.
 * @param {string} sessionId
 * @param {string} questionId
 * @param {string} type the recording's MIME type
 * @param {Destination} [destination]
 * @returns {Promise<Upload>}
 */
export async function begin(sessionId, questionId, type, destination = 'answers') {
  const id = crypto.randomUUID();
  const name = destination === 'attempts' ? 'attempt' : 'answer';
  /** @type {Upload} */
  const record = {
    id, sessionId, questionId, destination, type, state: 'recording', page: PAGE,
    filename: `${name}-${id}.${extension(type)}`, chunks: [], blob: null, text: '', createdAt: Date.now(),
  };
  await store.put(record);
  return record;
}

/**
 * Change a stored record, one change at a time per record.
 * @param {string} id
 * @param {(record: Upload) => void} change
 */
function update(id, change) {
  const previous = writing.get(id) || Promise.resolve();
  const next = previous.then(async () => {
    const record = /** @type {Upload | undefined} */ (await store.get(id));
    if (!record) return;
    change(record);
    await store.put(record);
  });
  writing.set(id, next.catch(() => {}));
  return next;
}

/** @param {string} id @param {Blob} chunk */
export const keepChunk = (id, chunk) =>
  update(id, (record) => {
    record.chunks.push(chunk);
    record.touchedAt = Date.now();
  });

/** @param {string} id @param {Blob} blob the whole recording */
export const finish = (id, blob) =>
  update(id, (record) => {
    record.blob = blob;
    record.chunks = [];
    record.state = 'pending';
  });

/** @param {string} id forget a recording that was abandoned */
export async function discard(id) {
  await (writing.get(id) || Promise.resolve());
  await store.remove(id);
}

/**
 * Keep a typed answer until it is sent.
 * @param {string} sessionId @param {string} questionId @param {string} text
 * @param {Destination} [destination]
 * @returns {Promise<Upload>}
 */
export async function keepText(sessionId, questionId, text, destination = 'answers') {
  const id = crypto.randomUUID();
  /** @type {Upload} */
  const record = {
    id, sessionId, questionId, destination, type: '', state: 'pending', page: PAGE, filename: '',
    chunks: [], blob: null, text, createdAt: Date.now(),
  };
  await store.put(record);
  return record;
}

/** @param {number} status */
const retryable = (status) => status === 408 || status === 425 || status === 429 || status >= 500;

/** @param {Upload} record @returns {string} where it is posted, and its kind listed */
const questionPath = (record) => `/api/sessions/${record.sessionId}/questions/${record.questionId}`;

/**
 * What the server stored of this upload's kind: the session's answers, or the question's attempts.
 * @param {Upload} record
 * @returns {Promise<any[]>}
 */
function storedOfKind(record) {
  if (destinationOf(record) === 'attempts') return api(`${questionPath(record)}/attempts`);
  return api(`/api/sessions/${record.sessionId}/answers`);
}

/**
 * Whether a stored answer is this upload, going by its file name or its text.
 * @param {Upload} record
 * @param {any} answer
 */
function isCopy(record, answer) {
  if (answer.question_id !== record.questionId) return false;
  if (record.filename) return Boolean(answer.media && answer.media.filename === record.filename);
  return !answer.media && answer.text === record.text && !(record.known || []).includes(answer.id);
}

/**
 * The server's copy of this upload, if an earlier send reached it.
 * @param {Upload} record
 */
async function storedCopy(record) {
  return (await storedOfKind(record)).find((/** @type {any} */ a) => isCopy(record, a));
}

/**
 * Before a typed attempt is first sent: note the attempts that already have its words.
 * @param {Upload} record
 */
async function noteKnown(record) {
  if (destinationOf(record) !== 'attempts' || record.filename || record.known) return;
  const known = (await storedOfKind(record)).filter((/** @type {any} */ a) => isCopy(record, a));
  record.known = known.map((/** @type {any} */ a) => a.id);
  await update(record.id, (stored) => {
    stored.known = record.known;
  });
}

/** @param {Upload} record */
function post(record) {
  const form = new FormData();
  if (record.blob) form.append('media', new File([record.blob], record.filename, { type: record.type }));
  if (record.text) form.append('text', record.text);
  return api(`${questionPath(record)}/${destinationOf(record)}`, { method: 'POST', form });
}

/** @param {number} ms */
function pause(ms) {
  return new Promise((resolve) => {
    const done = () => {
      window.clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve(undefined);
    };
    const timer = window.setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}

/**
 * Run ``work`` while holding this record's lock, so no other tab of this browser sends it at
 * the same time (without Web Locks, at once).
 * @template T
 * @param {string} id
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
function alone(id, work) {
  if (!navigator.locks) return work();
  return navigator.locks.request(`rehearse.upload.${id}`, work);
}

/**
 * Send a record until the server has it; null when it is gone (another tab sent it).
 * @param {string} id
 * @returns {Promise<any>}
 */
async function deliver(id) {
  await (writing.get(id) || Promise.resolve());
  for (let attempt = 0; ; attempt += 1) {
    const record = /** @type {Upload | undefined} */ (await store.get(id));
    if (!record) return null;
    const about = { sessionId: record.sessionId, questionId: record.questionId, destination: destinationOf(record), attempt };
    try {
      announce(id, 'sending', about);
      await noteKnown(record);
      const answer = (attempt > 0 && (await storedCopy(record))) || (await post(record));
      await store.remove(id);
      announce(id, 'saved', { ...about, answer });
      return answer;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        announce(id, 'signed-out', { ...about, message: 'Sign in again: the answer is kept in this browser and sent then.' });
        throw error;
      }
      if (error instanceof ApiError && !retryable(error.status)) {
        await store.remove(id);
        announce(id, 'failed', { ...about, message: error.message });
        throw error;
      }
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
      announce(id, 'retrying', { ...about, delay, message: error instanceof Error ? error.message : '' });
      await pause(delay);
    }
  }
}

/**
 * Send a kept answer; resolves with the stored answer once the server confirms it.
 * @param {string} id
 * @returns {Promise<any>}
 */
export function send(id) {
  let promise = sending.get(id);
  if (!promise) {
    promise = alone(id, () => deliver(id)).finally(() => sending.delete(id));
    sending.set(id, promise);
  }
  return promise;
}

/**
 * Send everything earlier pages left behind (optionally only for one session); a recording
 * whose page closed mid-answer is sent as far as it got.
 * @param {string} [sessionId]
 * @returns {Promise<{record: Upload, sent: Promise<any>}[]>}
 */
export async function resumePending(sessionId) {
  let records;
  try {
    records = /** @type {Upload[]} */ (await store.all());
  } catch {
    return [];  // storage unavailable (private mode): nothing can have been left
  }
  const found = [];
  for (const record of records.sort((a, b) => a.createdAt - b.createdAt)) {
    if (sessionId && record.sessionId !== sessionId) continue;
    if (record.state === 'recording') {
      const quiet = Date.now() - (record.touchedAt || record.createdAt);
      if (record.page === PAGE || quiet < ABANDONED_MS) continue;  // still being recorded
      if (!record.chunks.length) {
        await store.remove(record.id);
        continue;
      }
      await finish(record.id, new Blob(record.chunks, { type: record.type }));
    }
    const sent = send(record.id);
    sent.catch(() => {});
    found.push({ record, sent });
  }
  return found;
}

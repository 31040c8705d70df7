/** The browser's IndexedDB as a few promises: one store of records keyed by their id. */

const NAME = 'rehearse';
const VERSION = 1;
export const UPLOADS = 'uploads';

/** @type {Promise<IDBDatabase> | null} */
let opening = null;

/** @returns {Promise<IDBDatabase>} */
function database() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = window.indexedDB.open(NAME, VERSION);
      request.addEventListener('upgradeneeded', () => {
        request.result.createObjectStore(UPLOADS, { keyPath: 'id' });
      });
      request.addEventListener('success', () => resolve(request.result));
      request.addEventListener('error', () => reject(request.error));
    });
  }
  return opening;
}

/**
 * @template T
 * @param {'readonly' | 'readwrite'} mode
 * @param {(store: IDBObjectStore) => IDBRequest<T>} operation
 * @returns {Promise<T>}
 */
async function run(mode, operation) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(UPLOADS, mode);
    const request = operation(transaction.objectStore(UPLOADS));
    transaction.addEventListener('complete', () => resolve(request.result));
    transaction.addEventListener('error', () => reject(transaction.error));
    transaction.addEventListener('abort', () => reject(transaction.error));
  });
}

/** @param {Record<string, any>} record */
export const put = (record) => run('readwrite', (store) => store.put(record));

/** @param {string} id @returns {Promise<Record<string, any> | undefined>} */
export const get = (id) => run('readonly', (store) => store.get(id));

/** @param {string} id */
export const remove = (id) => run('readwrite', (store) => store.delete(id));

/** @returns {Promise<Record<string, any>[]>} */
export const all = () => run('readonly', (store) => store.getAll());

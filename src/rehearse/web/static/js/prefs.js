/** Preferences kept in this browser's localStorage: the voice and the camera. */

const KEY = 'rehearse.prefs';

/** @returns {Record<string, unknown>} */
function read() {
  try {
    return JSON.parse(window.localStorage.getItem(KEY) || '{}');
  } catch {
    return {};
  }
}

/**
 * @param {'voice' | 'camera'} name
 * @returns {boolean}
 */
export function getPref(name) {
  const value = read()[name];
  return typeof value === 'boolean' ? value : name === 'voice';
}

/**
 * @param {'voice' | 'camera'} name
 * @param {boolean} value
 */
export function setPref(name, value) {
  window.localStorage.setItem(KEY, JSON.stringify({ ...read(), [name]: value }));
}

/** @param {string} sessionId @returns {boolean} whether this interview records the camera */
export function cameraFor(sessionId) {
  const value = window.localStorage.getItem(`rehearse.camera.${sessionId}`);
  return value === null ? getPref('camera') : value === 'on';
}

/** @param {string} sessionId @param {boolean} on */
export function setCameraFor(sessionId, on) {
  window.localStorage.setItem(`rehearse.camera.${sessionId}`, on ? 'on' : 'off');
}

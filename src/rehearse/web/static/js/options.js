/** The interview and practice pages' options: "Read questions aloud" and "Record my camera". */
import { $ } from './dom.js';
import { cameraFor, getPref, setCameraFor, setPref } from './prefs.js';
import { hush } from './voice.js';

/**
 * Bind the options to the preferences (the voice for every page, the camera per session);
 * ``onCamera`` hears the camera's choice now and on every change.
 * @param {string} sessionId
 * @param {(on: boolean) => void} [onCamera]
 */
export function wireOptions(sessionId, onCamera = () => {}) {
  const voice = /** @type {HTMLInputElement} */ ($('[data-option="voice"]'));
  voice.checked = getPref('voice');
  voice.addEventListener('change', () => {
    setPref('voice', voice.checked);
    if (!voice.checked) hush();
  });
  const camera = /** @type {HTMLInputElement} */ ($('[data-option="camera"]'));
  camera.checked = cameraFor(sessionId);
  onCamera(camera.checked);
  camera.addEventListener('change', () => {
    setCameraFor(sessionId, camera.checked);
    onCamera(camera.checked);
  });
}

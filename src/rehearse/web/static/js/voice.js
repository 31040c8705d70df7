/** The interviewer's voice: the browser's speech synthesis, unless muted in the preferences. */
import { getPref } from './prefs.js';

/** @param {string} text */
export function speak(text) {
  if (!getPref('voice') || !('speechSynthesis' in window) || !text) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'en-US';
  utterance.rate = 0.98;
  // No voice installed, or speech refused: the question is on the screen anyway.
  utterance.addEventListener('error', () => {});
  window.speechSynthesis.speak(utterance);
}

export function hush() {
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
}

/** A coach's review of one attempt: comment on an answer (or on the moment its recording is
 * at), score it on the rubric, flag a verdict of the judge as wrong. Each saves through the
 * API; a comment or a flag reloads the page, which shows it as the member will read it. */
import { api, describe } from './api.js';
import { $, clock, showOk } from './dom.js';
import { handleForm } from './forms.js';

const page = /** @type {HTMLElement} */ ($('[data-review]'));
const base = page.dataset.review;

for (const answer of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-answer-id]'))) {
  const path = `${base}/answers/${answer.dataset.answerId}`;
  const player = /** @type {HTMLMediaElement | null} */ ($('[data-player]', answer));
  const moment = $('[data-moment]', answer);
  player?.addEventListener('timeupdate', () => {
    if (moment) moment.textContent = clock(player.currentTime);
  });

  handleForm($('form[data-comment]', answer), async (data) => {
    const atSeconds = data.at_moment === 'on' && player ? player.currentTime : null;
    await api(`${path}/comments`, { method: 'POST', json: { body: data.body, at_seconds: atSeconds } });
    window.location.reload();
  });

  const rubric = /** @type {HTMLFormElement | null} */ ($('form[data-rubric]', answer));
  handleForm(rubric, async (data) => {
    /** @type {Record<string, number | null>} */
    const levels = {};
    for (const [criterion, level] of Object.entries(data)) levels[criterion] = level ? Number(level) : null;
    await api(`${path}/rubric`, { method: 'PUT', json: { levels } });
    if (rubric) showOk(rubric, 'Saved.');
  });

  for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (answer.querySelectorAll('[data-flag]'))) {
    button.addEventListener('click', async () => {
      const reason = window.prompt('Why is the judge wrong here? (The member reads this.)', '');
      if (reason === null) return;
      const box = /** @type {HTMLElement} */ ($('[data-verdict-error]', answer));
      box.hidden = true;
      try {
        await api(`${path}/flags`, { method: 'POST', json: { verdict: button.dataset.flag, reason } });
        window.location.reload();
      } catch (error) {
        box.textContent = describe(error);
        box.hidden = false;
      }
    });
  }
}

/** Assignments: a member starts (or tries again) with one button, which makes the attempt and
 * opens its interview; a coach gives the class a new one, or deletes one. */
import { api, describe } from './api.js';
import { handleForm } from './forms.js';

for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('[data-start-assignment]'))) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const attempt = await api(`/api/assignments/${button.dataset.startAssignment}/attempts`, { method: 'POST' });
      window.location.assign(`/sessions/${attempt.id}/interview`);
    } catch (error) {
      const box = /** @type {HTMLElement | null} */ (document.querySelector('[data-page-error]'));
      if (box) {
        box.textContent = describe(error);
        box.hidden = false;
      }
      button.disabled = false;
    }
  });
}

/**
 * Written questions as typed: a question on a line of its own, then its key points, one per
 * line starting with "-"; a blank line between questions.
 * @param {string} text
 */
export function writtenQuestions(text) {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length)
    .map((lines) => ({
      text: lines.filter((line) => !line.startsWith('-')).join(' '),
      key_points: lines.filter((line) => line.startsWith('-')).map((line) => line.replace(/^-\s*/, '')),
    }));
}

/**
 * A rubric as typed: a criterion a line, "Name: lowest / ... / highest".
 * @param {string} text
 */
export function rubric(text) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, levels = ''] = line.split(/:(.*)/s);
      return {
        name: name.trim(),
        levels: levels.split('/').map((level) => level.trim()).filter(Boolean).map((label) => ({ label })),
      };
    });
}

/** @param {Record<string, string>} data @param {HTMLFormElement} form */
function questionSource(data, form) {
  if (data.source === 'bank') {
    const topics = /** @type {HTMLSelectElement} */ (form.elements.namedItem('topics'));
    return {
      source: 'bank',
      topics: Array.from(topics.selectedOptions).map((option) => option.value),
      difficulty: Number(data.difficulty),
      count: Number(data.count),
    };
  }
  if (data.source === 'job') {
    return { source: 'job', job_description: data.job_description, count: Number(data.count) };
  }
  return { source: 'written', questions: writtenQuestions(data.written || '') };
}

const form = /** @type {HTMLFormElement | null} */ (document.querySelector('form[data-new-assignment]'));
if (form) {
  const sources = /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll('[data-source-fields]'));
  const choose = () => {
    const chosen = /** @type {HTMLSelectElement} */ (form.elements.namedItem('source')).value;
    for (const fields of sources) fields.hidden = fields.dataset.sourceFields !== chosen;
  };
  form.elements.namedItem('source')?.addEventListener('change', choose);
  choose();
  handleForm(form, async (data) => {
    const due = new Date(data.due_at);
    const made = await api(`/api/organisations/${form.dataset.newAssignment}/assignments`, {
      method: 'POST',
      json: {
        title: data.title,
        instructions: data.instructions || '',
        role: data.role || '',
        questions: questionSource(data, form),
        due_at: Number.isNaN(due.getTime()) ? data.due_at : due.toISOString(),
        attempts_allowed: Number(data.attempts_allowed),
        video_required: data.video_required === 'on',
        rubric: rubric(data.rubric || ''),
      },
    });
    window.location.assign(`/classes/${form.dataset.newAssignment}/assignments/${made.id}`);
  });
}

const edit = /** @type {HTMLFormElement | null} */ (document.querySelector('form[data-edit-assignment]'));
handleForm(edit, async (data) => {
  /** @type {Record<string, unknown>} */
  const changes = { attempts_allowed: Number(data.attempts_allowed), video_required: data.video_required === 'on' };
  if (data.due_at) changes.due_at = new Date(data.due_at).toISOString();
  await api(`/api/assignments/${edit?.dataset.editAssignment}`, { method: 'PATCH', json: changes });
  window.location.reload();
});

for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('[data-delete-assignment]'))) {
  button.addEventListener('click', async () => {
    if (!window.confirm('Delete this assignment? Its members keep their attempts as their own practice.')) return;
    await api(`/api/assignments/${button.dataset.deleteAssignment}`, { method: 'DELETE' });
    window.location.assign(`/classes/${button.dataset.organisation}`);
  });
}

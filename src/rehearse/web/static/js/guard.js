/* A classic script, run before the page is drawn: until a page's module script has taken
 * over a form (forms.js ``onSubmit``, which marks it data-ready), the browser's own
 * submission of it is held back, and sent through the script once it has. A click made
 * while the page still loads is then neither lost nor posted to the page's own address. */
document.addEventListener(
  'submit',
  (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.hasAttribute('data-ready')) return;
    event.preventDefault();
    form.setAttribute('data-held', '');
    form.heldBy = event.submitter;
  },
  true,
);

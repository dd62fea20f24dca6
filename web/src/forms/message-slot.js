// Where a field's error text goes, linked by aria-describedby. The page's own
// element is reused when it has one ([data-support-error-for="<input id>"], or
// an element with data-support-error among the ids the input already lists);
// otherwise one is added right after the control (after its <label> when the
// label wraps it, or when it is a check box's label that follows it). Text only: the core's message and hint as text nodes.
import { describedBy, linkDescription, unlinkDescription, uid } from './described-by.js';

export class MessageSlot {
  constructor(control) {
    this.control = control;
    const own = findOwn(control);
    this.owned = !own;
    this.node = own || create(control);
    if (!this.node.id) this.node.id = uid('support-error');
    // An id the page itself listed stays listed; ours comes and goes with the error.
    this.pageLinked = describedBy(control).includes(this.node.id);
    this.shown = null;
  }

  show(error) {
    const key = `${error.message}\u0000${error.hint || ''}`;
    if (this.shown !== key) {
      this.shown = key;
      const message = span('support-error-message', error.message || '');
      const parts = [message];
      // The core's messages carry no final stop, its hints do: read as two sentences.
      if (error.hint) parts.push(document.createTextNode(/[.!?…]$/.test(error.message || '') ? ' ' : '. '), span('support-error-hint', error.hint));
      this.node.replaceChildren(...parts);
    }
    this.node.hidden = false;
    linkDescription(this.control, this.node.id);
  }

  clear() {
    if (this.shown !== null) {
      this.shown = null;
      this.node.replaceChildren();
    }
    if (this.owned) this.node.hidden = true;
    if (!this.pageLinked) unlinkDescription(this.control, this.node.id);
  }

  remove() {
    this.clear();
    if (this.owned) this.node.remove();
  }
}

function findOwn(control) {
  const form = control.form || document;
  if (control.id) {
    const marked = form.querySelector(`[data-support-error-for="${CSS.escape(control.id)}"]`);
    if (marked) return marked;
  }
  for (const id of describedBy(control)) {
    const el = document.getElementById(id);
    if (el && el.hasAttribute('data-support-error')) return el;
  }
  return null;
}

function create(control) {
  const p = document.createElement('p');
  p.className = 'support-error';
  p.hidden = true;
  // After the wrapping <label>, or after a check box's own label that follows it.
  const wrapping = control.closest('label');
  const next = control.labels && [...control.labels].find((l) => control.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING);
  const after = wrapping || ((control.type === 'checkbox' || control.type === 'radio') && next) || control;
  after.after(p);
  return p;
}

function span(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

// A password's strength as the person types: a <meter> (0-4), the core's
// verdict in words and its reasons (what to add, what to avoid), all texts
// from the core's catalogs. Linked to the input by aria-describedby while shown;
// the page's own element is reused when marked [data-support-strength-for="<input id>"].
import { linkDescription, unlinkDescription, uid } from './described-by.js';

export class StrengthMeter {
  constructor(control, after) {
    this.control = control;
    const form = control.form || document;
    const own = control.id ? form.querySelector(`[data-support-strength-for="${CSS.escape(control.id)}"]`) : null;
    this.owned = !own;
    this.node = own || document.createElement('div');
    this.node.classList.add('support-strength');
    if (!this.node.id) this.node.id = uid('support-strength');
    this.label = el('span', 'support-strength-label');
    this.label.id = `${this.node.id}-label`;
    this.meter = document.createElement('meter');
    this.meter.min = 0;
    this.meter.max = 4;
    this.meter.low = 2;
    this.meter.high = 3;
    this.meter.optimum = 4;
    this.meter.setAttribute('aria-labelledby', this.label.id);
    this.verdict = el('span', 'support-strength-text');
    this.verdict.setAttribute('aria-live', 'polite');
    this.reasons = el('ul', 'support-strength-reasons');
    const row = el('p', 'support-strength-row');
    row.append(this.label, ' ', this.meter, ' ', this.verdict);
    this.node.replaceChildren(row, this.reasons);
    this.node.hidden = true;
    if (this.owned) after.after(this.node);
  }

  // result: the core's password() answer, or null for an empty field.
  render(result, labelText) {
    if (!result) {
      this.node.hidden = true;
      unlinkDescription(this.control, this.node.id);
      return;
    }
    this.label.textContent = labelText;
    this.meter.value = result.score;
    this.verdict.textContent = result.strength || '';
    this.node.dataset.score = String(result.score);
    this.reasons.replaceChildren(...(result.messages || []).map((m) => {
      const li = el('li', 'support-strength-reason');
      li.dataset.code = m.code;
      li.textContent = m.hint ? `${m.message}. ${m.hint}` : m.message;
      return li;
    }));
    this.node.hidden = false;
    linkDescription(this.control, this.node.id);
  }

  remove() {
    unlinkDescription(this.control, this.node.id);
    if (this.owned) this.node.remove();
    else this.node.hidden = true;
  }
}

function el(tag, className) {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}

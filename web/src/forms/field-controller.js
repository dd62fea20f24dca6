// One control of an enhanced form: its kind (data-support-validate), its mask,
// and its error state shown the way people expect: nothing while the first
// characters are typed; checked when they leave the field (or submit); live
// from then on, so the error goes as soon as the value is right. The state
// reaches the browser through the constraint validation API (setCustomValidity:
// validity.valid and :invalid), aria-invalid and the message slot.
import { maskFor } from '../widget/masks.js';
import { MessageSlot } from './message-slot.js';
import { StrengthMeter } from './strength-meter.js';

// data-support-validate values -> the core's kinds ('password' has its own call).
export const KINDS = new Set(['snils', 'inn', 'inn10', 'inn12', 'ogrn', 'ogrnip', 'passport', 'phone', 'email', 'name', 'date', 'birth_date', 'datetime', 'password']);
// A valid value of these takes its canonical form when the person leaves the field.
const CANONICAL = new Set(['snils', 'phone', 'passport']);
// Which of the person's own data a field holds (a password must not contain them).
const USER_DATA = { name: 'name', birth_date: 'birth_date', phone: 'phone', email: 'email' };

export class FieldController {
  // control: an <input>, <textarea> or <select> (the first of a radio group); kind: a KINDS value or null.
  constructor(control, kind) {
    this.control = control;
    this.kind = kind;
    this.name = control.name || '';
    this.mask = kind ? maskFor(kind) : null;
    this.shown = false; // the person has left the field once (or submitted): its error may show
    this.error = null; // {code, message, hint} or null, from the last check
    this.strength = null; // the core's password() answer
    this.slot = null;
    this.meter = null;
    const d = control.dataset.supportUser;
    this.userData = d && Object.values(USER_DATA).includes(d) ? d : USER_DATA[kind] || (kind === 'date' && /birth/i.test(this.name) ? 'birth_date' : null);
  }

  get value() {
    const c = this.control;
    if (c.type === 'checkbox') return c.checked;
    if (c.type === 'file') return [...(c.files || [])].map((f) => ({ name: f.name, size: f.size }));
    if (c.type === 'radio') {
      const list = c.form && c.form.elements.namedItem(c.name);
      return list && 'value' in list ? list.value : c.checked ? c.value : '';
    }
    return c.value;
  }

  get empty() {
    const v = this.value;
    return v === false || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'string' && v.trim() === '');
  }

  // Typing at the end of the field: the mask shapes it (never on deletion or mid-text edits).
  applyMask(event) {
    const c = this.control;
    if (!this.mask || typeof c.value !== 'string') return;
    const typing = event.inputType === 'insertText' || event.inputType === 'insertFromPaste';
    if (!typing || c.selectionStart !== c.value.length) return;
    const masked = this.mask(c.value);
    if (masked !== c.value) c.value = masked;
  }

  // The core's verdict on this control's own kind; null when valid, empty or not ours.
  kindError(core, locale, user) {
    if (!this.kind || this.empty) {
      this.strength = null;
      return null;
    }
    const value = String(this.value);
    if (this.kind === 'password') {
      const r = core.password(value, user, locale);
      // No word lists (they failed to load): no verdict here; the server still checks.
      if (r.error) {
        this.strength = null;
        return null;
      }
      this.strength = r;
      if (r.valid) return null;
      const first = (r.messages || []).find((m) => (r.errors || []).includes(m.code)) || (r.messages || [])[0];
      return first ? { code: first.code, message: first.message, hint: first.hint } : { code: 'password.invalid', message: '', hint: '' };
    }
    const r = core.validate(this.kind, value, locale);
    this.lastResult = r;
    return r.valid ? null : { code: r.error, message: r.message || r.error, hint: r.hint || '' };
  }

  // Leaving the field: a valid value takes its canonical form (+7 916 123-45-67).
  canonicalize() {
    const r = this.lastResult;
    if (!CANONICAL.has(this.kind) || !r || !r.valid || !r.formatted) return;
    if (r.input === this.control.value && r.formatted !== this.control.value) this.control.value = r.formatted;
  }

  render(strengthLabel) {
    const c = this.control;
    const e = this.shown ? this.error : null;
    if (e) {
      this.slot ||= new MessageSlot(c);
      c.setCustomValidity(e.message || e.code);
      c.setAttribute('aria-invalid', 'true');
      this.slot.show(e);
    } else {
      c.setCustomValidity('');
      c.removeAttribute('aria-invalid');
      if (this.slot) this.slot.clear();
    }
    if (this.kind === 'password') {
      this.meter ||= new StrengthMeter(c, this.slot ? this.slot.node : c);
      this.meter.render(this.strength, strengthLabel);
    }
  }

  // Back to the page's own behaviour (the core could not load, or the form is released).
  release() {
    this.control.setCustomValidity('');
    this.control.removeAttribute('aria-invalid');
    if (this.slot) this.slot.remove();
    if (this.meter) this.meter.remove();
    this.slot = null;
    this.meter = null;
  }
}

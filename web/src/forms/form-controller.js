// One enhanced <form data-support-schema="feedback">: its fields (controls
// with data-support-validate, and the controls named after the schema's
// fields), one check of everything per change (the core's validateForm on
// the schema's fields by name, plus each control's own kind), and the submit
// gate: an invalid form is stopped before the page's own handlers see it,
// with the errors shown and focus on the first one; a valid one goes on as
// it always did. Until the core is there the page's form works unchanged
// (masks aside); if the core cannot load, it stays that way.
import { FieldController, KINDS } from './field-controller.js';

const WAIT_FOR_CORE_MS = 4000; // a submit while the core loads waits this long at most, then goes on

export class FormController {
  // locale: the page's language; formLocale: this form's own (data-support-locale), or null.
  constructor(form, { locale, formLocale, emit }) {
    this.form = form;
    this.schemaId = form.dataset.supportSchema || '';
    this.localeOverride = formLocale || '';
    this.pageLocale = locale;
    this.emit = emit;
    this.core = null;
    this.schema = null;
    this.state = 'waiting'; // waiting | ready | released
    this.fields = [];
    this.byControl = new Map();
    this.passThrough = false;
    this.pending = null;
    this.pageNoValidate = form.noValidate;
    this.strengthLabel = '';
    this.onInput = (e) => this.handleInput(e);
    this.onLeave = (e) => this.handleLeave(e);
    this.onChange = (e) => this.handleChange(e);
    form.addEventListener('input', this.onInput);
    form.addEventListener('focusout', this.onLeave);
    form.addEventListener('change', this.onChange);
    this.onPointer = (e) => this.pointer(e.type === 'pointerdown');
    for (const type of ['pointerdown', 'pointerup', 'pointercancel']) document.addEventListener(type, this.onPointer, true);
    // Masks help from the start; the kinds are known without the core.
    for (const control of form.querySelectorAll('[data-support-validate]')) {
      const kind = control.dataset.supportValidate;
      if (!KINDS.has(kind)) {
        this.emit(form, 'error', { code: 'unknown_kind', kind, name: control.name || control.id || '', message: `data-support-validate="${kind}" is not a known kind (${[...KINDS].join(', ')})` });
        continue;
      }
      this.add(control, kind);
    }
    // The page's own messages stay out of the way: ours are inline, in the page's language.
    form.noValidate = true;
  }

  get locale() {
    return this.localeOverride || this.pageLocale;
  }

  add(control, kind) {
    if (this.byControl.has(control)) return this.byControl.get(control);
    const field = new FieldController(control, kind);
    this.fields.push(field);
    this.byControl.set(control, field);
    return field;
  }

  // The core is loaded: the schema's fields join, and everything already shown is checked.
  attach(core) {
    if (this.state === 'released') return;
    this.core = core;
    this.schema = this.schemaId ? core.schema(this.schemaId) : null;
    if (this.schemaId && !this.schema) {
      this.emit(this.form, 'error', { code: 'unknown_schema', schema: this.schemaId, message: `data-support-schema="${this.schemaId}": no such form schema; only the fields' own checks apply` });
    }
    const missing = [];
    for (const f of this.schema ? this.schema.fields : []) {
      const named = this.form.elements.namedItem(f.name);
      const control = named && 'length' in named && !(named instanceof HTMLSelectElement) ? named[0] : named;
      if (control) this.add(control, control.dataset.supportValidate && KINDS.has(control.dataset.supportValidate) ? control.dataset.supportValidate : null).schemaField = f;
      else if (f.required) missing.push(f.name);
    }
    if (missing.length) {
      this.emit(this.form, 'error', { code: 'schema_fields_missing', schema: this.schemaId, fields: missing, message: `the form has no control named ${missing.join(', ')}: the schema requires them, the server will refuse the request` });
    }
    this.fields.sort((a, b) => (a.control.compareDocumentPosition(b.control) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    this.state = 'ready';
    this.refresh();
    this.emit(this.form, 'ready', { schema: this.schema ? this.schemaId : null, locale: this.locale });
  }

  // The core could not load: the form goes back to exactly what the page had.
  release(reason) {
    if (this.state === 'released') return;
    this.state = 'released';
    this.form.removeEventListener('input', this.onInput);
    this.form.removeEventListener('focusout', this.onLeave);
    this.form.removeEventListener('change', this.onChange);
    for (const type of ['pointerdown', 'pointerup', 'pointercancel']) document.removeEventListener(type, this.onPointer, true);
    for (const f of this.fields) f.release();
    this.form.noValidate = this.pageNoValidate;
    this.emit(this.form, 'error', reason);
  }

  // The values the schema knows, by the controls' names; empty ones left out.
  values() {
    const out = {};
    for (const f of this.fields) {
      if (!f.schemaField || f.empty) continue;
      out[f.name] = f.value;
    }
    return out;
  }

  user() {
    const out = {};
    for (const f of this.fields) if (f.userData && !f.empty) out[f.userData] = String(f.value);
    return out;
  }

  // One check of the whole form; every field keeps its error, shown or not.
  check() {
    const core = this.core;
    const locale = this.locale;
    const schemaErrors = {};
    if (this.schema) {
      const r = core.validateForm(this.schemaId, this.values(), locale);
      for (const e of r.errors || []) {
        const name = String(e.path).replace(/\[.*$/, '');
        schemaErrors[name] ||= { code: e.code, message: e.message, hint: e.hint };
      }
    }
    const user = this.user();
    for (const f of this.fields) {
      f.error = f.kindError(core, locale, user) || schemaErrors[f.name] || this.requiredError(f);
    }
    return this.fields.filter((f) => f.error);
  }

  // A control the page marked required that the schema does not know.
  requiredError(f) {
    if (f.schemaField || !f.control.required || !f.empty) return null;
    return { code: 'form.required', message: this.core.format("forms.form.required", {}, this.locale), hint: this.core.format("forms.form.required_hint", {}, this.locale) };
  }

  refresh() {
    if (this.state !== 'ready') return [];
    const invalid = this.check();
    this.strengthLabel = this.core.format("ui.forms.strength", {}, this.locale);
    for (const f of this.fields) f.render(this.strengthLabel);
    return invalid;
  }

  handleInput(e) {
    const f = this.byControl.get(e.target);
    if (!f) return;
    f.applyMask(e);
    this.refresh();
  }

  handleLeave(e) {
    const f = this.byControl.get(e.target);
    if (!f || this.state !== 'ready') return;
    if (!f.empty) f.shown = true;
    f.canonicalize();
    // Left by a press on something below (the submit button): an error shown now would
    // move that target before the press ends, and the click would be lost. Shown after it.
    if (this.pressing) this.afterPress = true;
    else this.refresh();
  }

  pointer(down) {
    this.pressing = down;
    if (down || !this.afterPress) return;
    this.afterPress = false;
    setTimeout(() => this.refresh()); // after the click that this release makes
  }

  handleChange(e) {
    const f = this.byControl.get(e.target);
    if (!f || this.state !== 'ready') return;
    if (e.target.type === 'checkbox' || e.target.type === 'file' || e.target.tagName === 'SELECT' || e.target.type === 'radio') f.shown = true;
    this.refresh();
  }

  // Everything checked and shown; {valid, errors: [{name, code, message, hint}]}.
  validate() {
    if (this.state !== 'ready') return { valid: true, errors: [], checked: false };
    for (const f of this.fields) f.shown = true;
    const invalid = this.refresh();
    return { valid: invalid.length === 0, errors: invalid.map((f) => ({ name: f.name, kind: f.kind, ...f.error })), checked: true };
  }

  // The submit gate, called first (window, capture phase) for this form's submit events.
  handleSubmit(e) {
    if (this.passThrough || this.state === 'released') return;
    if (this.state === 'waiting') {
      // The core is on its way: hold the submit, then let it go (checked, or not if the core fails).
      e.preventDefault();
      e.stopImmediatePropagation();
      const submitter = e.submitter;
      this.pending ||= new Promise((resolve) => {
        const timer = setTimeout(resolve, WAIT_FOR_CORE_MS);
        this.whenSettled = () => {
          clearTimeout(timer);
          resolve();
        };
      }).then(() => {
        this.pending = null;
        if (this.state === 'ready' && !this.gate()) return;
        this.resubmit(submitter);
      });
      return;
    }
    if (!this.gate()) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }

  // true when the form may go; else the errors are shown and focus is on the first.
  gate() {
    const r = this.validate();
    if (r.valid) return true;
    const first = this.fields.find((f) => f.error);
    first.control.focus();
    this.emit(this.form, 'invalid', { schema: this.schemaId, errors: r.errors });
    return false;
  }

  resubmit(submitter) {
    this.passThrough = true;
    try {
      this.form.requestSubmit(submitter && submitter.form === this.form ? submitter : undefined);
    } finally {
      this.passThrough = false;
    }
  }

  settled() {
    if (this.whenSettled) this.whenSettled();
  }
}

// The form: one block per schema field (label, hint, control, error with its
// fix), linked by aria-describedby and aria-invalid; a summary of errors on
// submit whose links move focus; attachments by picker or drop; the state of
// delivery from the outbox.
import { h, attr, text, uid } from './dom.js';
import { acceptDrops } from './drop-zone.js';

const INPUT_TYPES = {
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel' },
  email: { type: 'text', inputmode: 'email', autocomplete: 'email', spellcheck: 'false' },
  person_name: { type: 'text', autocomplete: 'name' },
  inn: { type: 'text', inputmode: 'numeric' },
  snils: { type: 'text', inputmode: 'numeric' },
  password: { type: 'password', autocomplete: 'new-password' },
};

export class FormView {
  constructor(ctx, form) {
    this.ctx = ctx;
    this.form = form;
    this.schema = null; // the schema the controls were built for
    this.fields = new Map(); // name -> {field, control, error, errorText, fixText, hint}
    this.el = h('div', { class: 'form-view', part: 'form' });
  }

  build(state) {
    const f = state.form;
    this.schema = f.schema;
    this.fields.clear();
    const titleId = uid('sw-form-title');
    this.title = h('h3', { id: titleId, class: 'view-title', tabindex: '-1' });
    this.summaryTitle = h('p', { class: 'summary-title' });
    this.summaryList = h('ul', {});
    this.summary = h('div', { class: 'summary', part: 'summary', tabindex: '-1', hidden: true }, this.summaryTitle, this.summaryList);
    this.submitButton = h('button', { type: 'submit', class: 'primary', part: 'submit' });
    this.delivery = h('p', { class: 'delivery', role: 'status' });
    this.progress = h('progress', { class: 'upload', max: '100', value: '0', hidden: true });
    this.another = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => this.form.begin({ schema: this.schema, fresh: true }) });
    const blocks = f.fields.map((field) => this.fieldBlock(field));
    this.formEl = h('form', { class: 'form', novalidate: true, 'aria-labelledby': titleId, onsubmit: (e) => this.onSubmit(e) },
      this.title, this.summary, ...blocks, this.submitButton, this.delivery, this.progress, this.another);
    this.el.replaceChildren(this.formEl);
  }

  fieldBlock(field) {
    const id = uid(`sw-${field.name}`);
    const hint = h('p', { class: 'hint', id: `${id}-hint` });
    const errorText = h('span', { class: 'error-text' });
    const fixText = h('span', { class: 'error-fix' });
    const error = h('p', { class: 'error', part: 'error', id: `${id}-error`, hidden: true }, errorText, ' ', fixText);
    const label = h('label', { for: id, class: 'label' });
    const entry = { field, id, hint, error, errorText, fixText, label };
    let control;
    const onInput = (e) => {
      const el = e.target;
      const atEnd = el.selectionStart === el.value.length;
      const typing = e.inputType === 'insertText' || e.inputType === 'insertFromPaste';
      const v = this.form.input(field.name, el.value, { mask: atEnd && typing });
      if (v !== el.value) el.value = v;
    };
    if (field.type === 'attachments') return this.filesBlock(entry);
    if (field.type === 'boolean') {
      control = h('input', { type: 'checkbox', id, class: 'check', onchange: (e) => this.form.input(field.name, e.target.checked), onblur: () => this.form.blur(field.name) });
      entry.control = control;
      this.fields.set(field.name, entry);
      return h('div', { class: 'field field-check', part: 'field' }, control, label, hint, error);
    }
    if (field.type === 'choice') {
      control = h('select', { id, onchange: (e) => this.form.input(field.name, e.target.value), onblur: () => this.form.blur(field.name) },
        h('option', { value: '' }), ...(field.options || []).map((o) => h('option', { value: o })));
    } else if (field.multiline) {
      control = h('textarea', { id, rows: '4', oninput: onInput, onblur: () => this.form.blur(field.name) });
    } else {
      control = h('input', { id, ...(INPUT_TYPES[field.type] || { type: 'text' }), oninput: onInput, onblur: () => this.form.blur(field.name) });
    }
    if (field.max_length) control.setAttribute('maxlength', String(field.max_length));
    entry.control = control;
    const parts = [label, hint, control];
    if (field.type === 'password') {
      // The strength estimate's word lists come only with a password field: the meter fills once they are in.
      this.passwords ??= this.ctx.core.loadPasswords().then(() => this.last && this.render(this.last), () => {});
      entry.meter = h('meter', { min: '0', max: '4', value: '0', class: 'strength' });
      entry.meterText = h('span', { class: 'strength-text' });
      entry.meterLabel = h('span', { class: 'strength-label' });
      parts.push(h('p', { class: 'strength-row' }, entry.meterLabel, ' ', entry.meter, ' ', entry.meterText));
    }
    parts.push(error);
    this.fields.set(field.name, entry);
    return h('div', { class: 'field', part: 'field' }, ...parts);
  }

  filesBlock(entry) {
    const { field, id, hint, error, label } = entry;
    const input = h('input', { type: 'file', id, multiple: true, accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', onchange: (e) => {
      const list = [...e.target.files];
      e.target.value = '';
      if (list.length) this.form.addFiles(list);
    } });
    entry.control = input;
    entry.limit = h('p', { class: 'hint limit', id: `${id}-limit` });
    entry.count = h('p', { class: 'hint count', id: `${id}-count` });
    entry.list = h('ul', { class: 'files', part: 'files' });
    entry.drop = h('span', { class: 'drop-text' });
    const zone = h('div', { class: 'dropzone', part: 'dropzone' }, input, entry.drop);
    acceptDrops(zone, (files) => this.form.addFiles(files));
    this.fields.set(field.name, entry);
    return h('div', { class: 'field field-files', part: 'field' }, label, hint, zone, entry.limit, entry.count, entry.list, error);
  }

  onSubmit(e) {
    e.preventDefault();
    this.form.submit().then((r) => {
      if (r && !r.valid) {
        this.ctx.store.flush();
        this.summary.focus();
      }
    });
  }

  render(state) {
    const f = state.form;
    if (!f) return;
    this.last = state;
    if (this.schema !== f.schema || this.generation !== f.generation) {
      this.build(state);
      this.generation = f.generation;
    }
    const tx = this.ctx.texts;
    const l = state.locale;
    const base = `schema.${f.schema}`;
    text(this.title, tx.t(l, `${base}.title`));
    text(this.submitButton, tx.t(l, "ui.form.submit"));
    this.submitButton.disabled = f.busy;
    for (const [name, entry] of this.fields) {
      const { field, control } = entry;
      const key = `${base}.field.${name}`;
      text(entry.label, tx.t(l, `${key}.label`) + (field.required ? ' *' : ''));
      const hintText = tx.maybe(l, `${key}.hint`);
      text(entry.hint, hintText || '');
      entry.hint.hidden = !hintText;
      if (field.required) attr(control, 'aria-required', 'true');
      const err = f.shown[name] || f.summary ? f.errors[name] : null;
      const described = [hintText ? entry.hint.id : null];
      if (field.type === 'attachments') {
        this.renderFiles(entry, f, l);
        described.push(entry.limit.id, entry.count.id);
      } else if (field.type === 'boolean') {
        control.checked = Boolean(f.values[name]);
      } else {
        if (field.type === 'choice') {
          const opts = control.options;
          text(opts[0], tx.t(l, "ui.widget.form_choose"));
          for (let i = 1; i < opts.length; i++) text(opts[i], tx.t(l, `${key}.option.${opts[i].value}`));
        }
        const value = f.values[name] ?? '';
        if (control.value !== value && this.ctx.element.shadowRoot.activeElement !== control) control.value = value;
      }
      const fileErr = field.type === 'attachments' ? this.fileError(f) : null;
      const shownError = err || fileErr;
      error(entry, shownError);
      if (shownError) described.push(entry.error.id);
      attr(control, 'aria-invalid', shownError ? 'true' : null);
      attr(control, 'aria-describedby', described.filter(Boolean).join(' ') || null);
      if (entry.meter) this.renderStrength(entry, f, l);
    }
    this.renderSummary(f, l);
    this.renderDelivery(f, l);
  }

  fileError(f) {
    if (f.fileProblem) return { message: `${f.fileProblem.name}: ${f.fileProblem.message}`, hint: f.fileProblem.hint };
    const e = f.fileErrors[0];
    return e ? { message: e.message, hint: e.hint } : null;
  }

  renderFiles(entry, f, l) {
    const tx = this.ctx.texts;
    const p = f.profile;
    if (p) {
      text(entry.limit, tx.t(l, "ui.form.attachments_limit", {
        max_files: p.max_files, types: (p.allowed_types || []).map((t) => t.toUpperCase()).join(', '), max_bytes: p.max_file_bytes,
      }));
    }
    text(entry.count, tx.t(l, "ui.form.attachments_count", { count: f.files.length }));
    text(entry.drop, tx.t(l, "ui.widget.form_drop"));
    const ids = f.files.map((x) => x.id).join(',');
    if (entry.listFor !== ids || entry.listLocale !== l) {
      entry.listFor = ids;
      entry.listLocale = l;
      entry.list.replaceChildren(...f.files.map((x) =>
        h('li', { class: 'file' },
          h('span', {}, tx.t(l, "ui.widget.form_file_ok", { name: x.name, size: x.size })),
          h('button', { type: 'button', class: 'remove', 'aria-label': tx.t(l, "ui.widget.form_remove_file", { name: x.name }), onclick: () => this.form.removeFile(x.id) }, h('span', { 'aria-hidden': 'true' }, '×')))));
    }
  }

  renderStrength(entry, f, l) {
    const tx = this.ctx.texts;
    const v = f.values[entry.field.name] || '';
    const checked = v ? this.ctx.core.password(v, { name: f.values.full_name || '', phone: f.values.phone || '', email: f.values.email || '' }, l) : null;
    const r = checked && !checked.error ? checked : null;  // no verdict until the word lists are loaded
    entry.meter.value = r ? r.score : 0;
    text(entry.meterLabel, tx.t(l, "ui.widget.form_strength"));
    text(entry.meterText, r ? tx.t(l, `ui.password.strength.${r.score}`) : '');
  }

  renderSummary(f, l) {
    const tx = this.ctx.texts;
    const items = f.summary || [];
    this.summary.hidden = items.length === 0;
    attr(this.summary, 'role', items.length ? 'alert' : null);
    if (!items.length) return;
    text(this.summaryTitle, tx.t(l, "ui.form.errors_summary", { count: items.length }));
    this.summaryList.replaceChildren(...items.map((item) => {
      const entry = this.fields.get(item.name);
      return h('li', {}, h('a', { href: `#${entry.id}`, onclick: (e) => {
        e.preventDefault();
        entry.control.focus();
      } }, `${entry.label.textContent.replace(/ \*$/, '')}: ${item.message}`));
    }));
  }

  renderDelivery(f, l) {
    const d = f.delivery;
    text(this.delivery, d ? d.text : '');
    this.delivery.hidden = !d;
    this.delivery.className = `delivery${d ? ` delivery-${d.type}` : ''}`;
    const uploading = d && d.type === 'progress' && d.total > 0;
    this.progress.hidden = !uploading;
    if (uploading) {
      this.progress.value = Math.floor((100 * d.loaded) / d.total);
      attr(this.progress, 'aria-label', this.ctx.texts.t(l, "ui.outbox.progress_label"));
    }
    this.another.hidden = !f.sent;
    text(this.another, this.ctx.texts.t(l, "ui.widget.form_another"));
    this.submitButton.hidden = Boolean(f.sent);
  }

  focusTarget() {
    const first = this.fields.values().next().value;
    return first ? first.control : this.title;
  }
}

function error(entry, e) {
  entry.error.hidden = !e;
  text(entry.errorText, e ? e.message || '' : '');
  text(entry.fixText, e ? e.hint || '' : '');
}

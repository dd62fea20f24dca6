// The form: fields from the schema, live validation of the whole form by the
// core (one crossing per check), attachments checked by content before upload,
// and the submit path: package -> outbox.enqueue(request, files) -> events.
import { maskFor } from './masks.js';

const DEBOUNCE_MS = 120;
const SNIFF_HEAD_BYTES = 64 * 1024; // the core decides by the head when the file is over the limit

async function sha256Hex(blob) {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

let fileIds = 0;
let generations = 0;

export class FormSession {
  constructor(ctx) {
    this.ctx = ctx;
    this.timer = null;
    this.files = new Map(); // id -> File, kept out of the state
    this.timings = []; // ms per whole-form check, for the benchmark
  }

  get store() {
    return this.ctx.store;
  }

  get form() {
    return this.store.state.form;
  }

  patch(change) {
    this.store.update((s) => ({ form: { ...s.form, ...(typeof change === 'function' ? change(s.form) : change) } }));
  }

  async begin({ schema = 'feedback', topic = '', requestType = '', subject = '', fresh = false } = {}) {
    const core = await this.ctx.corePromise;
    await core.loadForms();
    this.ctx.texts.refresh();
    const spec = core.schema(schema);
    if (!spec) throw new RangeError(`unknown form "${schema}"`);
    const current = this.form;
    if (current && current.schema === schema && !current.sent && !fresh) {
      if (topic) this.patch({ topic });
      if (requestType && !current.values.request_type) this.input('request_type', requestType);
      if (subject && !current.values.subject) this.input('subject', subject);
      return;
    }
    const values = {};
    for (const f of spec.fields) values[f.name] = f.type === 'boolean' ? false : '';
    const choice = spec.fields.find((f) => f.name === 'request_type');
    if (requestType && choice && (choice.options || []).includes(requestType)) values.request_type = requestType;
    if (subject && 'subject' in values) values.subject = subject;
    this.files.clear();
    this.store.update({
      form: {
        generation: ++generations,
        schema,
        fields: spec.fields,
        profile: this.profileOf(spec),
        values,
        errors: {},
        shown: {},
        summary: null,
        fileErrors: [],
        fileProblem: null,
        files: [],
        topic,
        delivery: null,
        sent: null,
        busy: false,
      },
    });
    this.validateNow();
  }

  profileOf(spec) {
    const field = spec.fields.find((f) => f.type === 'attachments');
    if (!field) return null;
    const data = this.ctx.core.dataFile('forms/data/attachment_profiles.json');
    const profiles = (data && data.profiles) || data || {};
    const p = Array.isArray(profiles) ? profiles.find((x) => x.id === field.profile) : profiles[field.profile];
    return p || null;
  }

  // Typing: masked, then checked after a short pause; a shown error updates live.
  input(name, value, { mask = false } = {}) {
    const field = this.form.fields.find((f) => f.name === name);
    const masked = mask && field && typeof value === 'string' ? maskFor(field.type)(value) : value;
    // The moment consent was given travels with the request (152-FZ).
    if (field && field.must_be_true) this.consentAt = value === true ? this.ctx.now() : '';
    this.patch((f) => ({ values: { ...f.values, [name]: masked } }));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.validateNow(), DEBOUNCE_MS);
    return masked;
  }

  blur(name) {
    clearTimeout(this.timer);
    const value = this.form.values[name];
    // A valid value takes its canonical form (+7 916 123-45-67, 112-233-445 95).
    const field = this.form.fields.find((f) => f.name === name);
    if (field && typeof value === 'string' && value && ['phone', 'snils', 'inn'].includes(field.type)) {
      const r = this.ctx.core.validate(field.type, value, this.store.state.locale);
      if (r && r.valid && r.formatted && r.formatted !== value) this.patch((f) => ({ values: { ...f.values, [name]: r.formatted } }));
    }
    if (value !== '' && value !== false) this.patch((f) => ({ shown: { ...f.shown, [name]: true } }));
    this.validateNow();
  }

  // What the core checks: text fields as typed, files as {name, size}.
  valuesForCore() {
    const out = {};
    for (const f of this.form.fields) {
      const v = this.form.values[f.name];
      if (f.type === 'attachments') {
        if (this.form.files.length) out[f.name] = this.form.files.map((x) => ({ name: x.name, size: x.size }));
      } else if (f.type === 'boolean') out[f.name] = Boolean(v);
      else if (typeof v === 'string' && v.trim() !== '') out[f.name] = v;
    }
    return out;
  }

  validateNow() {
    if (!this.form) return null;
    const t0 = performance.now();
    const r = this.ctx.core.validateForm(this.form.schema, this.valuesForCore(), this.store.state.locale, this.ctx.now());
    this.timings.push(performance.now() - t0);
    const errors = {};
    const fileErrors = [];
    for (const e of r.errors || []) {
      const m = /^(\w+)\[(\d+)\]/.exec(e.path);
      if (m) fileErrors.push({ index: Number(m[2]), message: e.message, hint: e.hint });
      else if (!errors[e.path]) errors[e.path] = { message: e.message, hint: e.hint, code: e.code };
    }
    this.patch((f) => ({ errors, fileErrors, summary: f.summary ? this.summaryOf(errors, f) : null }));
    return r;
  }

  summaryOf(errors, f = this.form) {
    return f.fields.filter((x) => errors[x.name]).map((x) => ({ name: x.name, message: errors[x.name].message }));
  }

  // Files picked or dropped: each checked by its content before it is kept.
  async addFiles(list) {
    const core = this.ctx.core;
    const locale = this.store.state.locale;
    let problem = null;
    const kept = [];
    for (const file of list) {
      const head = new Uint8Array(await file.slice(0, Math.min(file.size, SNIFF_HEAD_BYTES)).arrayBuffer());
      const bytes = file.size <= SNIFF_HEAD_BYTES ? head : (this.form.profile && file.size <= (this.form.profile.max_file_bytes || 0) ? new Uint8Array(await file.arrayBuffer()) : head);
      const v = core.sniff(bytes, file.name, file.type || '', locale, this.form.schema, file.size);
      if (!v.valid) {
        problem = { name: file.name, message: v.message, hint: v.hint, code: v.error };
        continue;
      }
      const id = ++fileIds;
      this.files.set(id, file);
      kept.push({ id, name: file.name, size: file.size, type: v.detected || file.type });
    }
    this.patch((f) => ({ files: [...f.files, ...kept], fileProblem: problem }));
    this.validateNow();
    return { kept: kept.length, problem };
  }

  removeFile(id) {
    this.files.delete(id);
    this.patch((f) => ({ files: f.files.filter((x) => x.id !== id), fileProblem: null }));
    this.validateNow();
  }

  prefill(values) {
    const known = new Set(this.form.fields.map((f) => f.name));
    const next = { ...this.form.values };
    for (const [k, v] of Object.entries(values)) {
      if (!known.has(k) || k === 'attachments') continue;
      next[k] = typeof v === 'boolean' ? v : String(v);
      const field = this.form.fields.find((f) => f.name === k);
      if (field.must_be_true) this.consentAt = v === true ? this.ctx.now() : '';
    }
    this.patch({ values: next });
    this.validateNow();
  }

  // Submit: errors -> summary with links; else packaged and handed to the outbox.
  async submit() {
    clearTimeout(this.timer);
    const r = this.validateNow();
    const shown = Object.fromEntries(this.form.fields.map((f) => [f.name, true]));
    if (!r.valid || this.form.fileErrors.length) {
      this.patch({ shown, summary: this.summaryOf(this.form.errors) });
      return { valid: false, errors: r.errors };
    }
    const { core, store, emit } = this.ctx;
    const locale = store.state.locale;
    this.patch({ busy: true, summary: null, shown });
    const files = this.form.files.map((x) => ({ name: x.name, blob: this.files.get(x.id) }));
    const facts = [];
    for (const [i, f] of files.entries()) facts.push({ type: this.form.files[i].type, sha256: await sha256Hex(f.blob) });
    const client = {
      locale,
      widget_version: __SW_VERSION__,
      platform: 'web',
      page: location.pathname,
      topic: this.form.topic || '',
      transcript: this.ctx.chatTranscript ? this.ctx.chatTranscript() : [],
    };
    if (this.consentAt) client.consent_at = this.consentAt;
    const pkg = core.packageRequest(this.form.schema, this.valuesForCore(), client, facts, locale, this.ctx.now());
    if (!pkg.valid) {
      this.patch({ busy: false });
      emit('error', { code: 'package_invalid', errors: pkg.errors });
      return { valid: false, errors: pkg.errors };
    }
    emit('submit', { schema: this.form.schema, topic: this.form.topic || null });
    const outbox = await this.ctx.outbox();
    // A corrected request replaces the one the server sent back for fixing,
    // so that one's personal data do not stay in the browser.
    const { id } = await outbox.enqueue(pkg.request, files, { replaces: this.form.key || null });
    this.patch({ busy: false, key: id });
    return { valid: true, id };
  }

  // Outbox events for this form's request.
  onDelivery(type, detail) {
    if (!this.form || (this.form.key && detail.id !== this.form.key && !detail.resumed)) return;
    const { texts, store } = this.ctx;
    const m = detail.message;
    const text = m ? texts.t(store.state.locale, m.key, m.params || {}) : '';
    if (type === 'sent') {
      this.patch({ delivery: { type, text }, sent: { number: detail.number, due: detail.due_date } });
      return;
    }
    if (type === 'needs-fix') {
      const errors = {};
      for (const e of detail.errors || []) if (!errors[e.path]) errors[e.path] = { message: e.message, hint: e.hint, code: e.code };
      this.patch((f) => ({ delivery: { type, text }, errors: { ...f.errors, ...errors }, summary: this.summaryOf({ ...f.errors, ...errors }, f) }));
      return;
    }
    if (type === 'progress' || type === 'queued' || type === 'sending' || type === 'failed') {
      this.patch({ delivery: { type, text, loaded: detail.loaded, total: detail.total } });
    }
  }

  relabel() {
    if (this.form) this.validateNow();
  }
}

// The WASM core for a web page: loads the module and the data packs the page
// needs (build/web/manifest.json names them), and exposes the facade's calls.
// Each call returns the same JSON object that `supportctl` prints for the
// same input. The core reads no clock: this module passes Moscow time in.
//
//   const core = await loadCore({ base: new URL('/assets/', location.href), locale: 'ru' });
//   core.validate('snils', '112-233-445 95').valid  // true

import { moduleFiles, packsFor, partsFor } from './core-files.js';

const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;  // UTC+3, no daylight saving

// "YYYY-MM-DDTHH:MM", Moscow time, from a Date (default: now).
export function moscowNow(date = new Date()) {
  return new Date(date.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 16);
}

export class CoreLoadError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CoreLoadError';
  }
}

// options: base (URL of the folder holding manifest.json), locale, chat (load
// the knowledge base; false for forms-only pages, which then get the smaller
// forms-only module when manifest.json names one: moduleForms/wasmForms),
// forms (load the texts of forms and their errors now; else loadForms() when
// a form opens), fetch (defaults to the page's), wasmBinary (for hosts that
// cannot fetch the .wasm: its bytes, or a function of the manifest's file name
// returning them, since which module is loaded depends on `chat`), manifest
// (a Promise of manifest.json already being fetched: preloadCore()).
// Every file the manifest names is fetched with its integrity, so a file
// changed on its way (a CDN) is refused. On a core loaded with chat: false the
// chat calls throw CoreLoadError.
export async function loadCore({ base, locale = 'ru', chat = true, forms = true, fetch: fetchImpl = globalThis.fetch, wasmBinary, manifest: early } = {}) {
  const baseUrl = new URL(base);
  const getText = async (name, integrity) => {
    let response;
    try {
      response = await fetchImpl(new URL(name, baseUrl), integrity ? { integrity } : undefined);
    } catch (e) {
      throw new CoreLoadError(`${name}: ${e.message}`);
    }
    if (!response.ok) throw new CoreLoadError(`${name}: HTTP ${response.status}`);
    return response.text();
  };
  // The early fetch's manifest, or (none, or it failed) our own.
  const manifest = (await Promise.resolve(early).catch(() => null)) ?? JSON.parse(await getText('manifest.json'));
  // Each pack is fetched once, the first ones while the module compiles; a
  // failed fetch is forgotten, so a later call (a locale switch) tries again.
  const texts = new Map();
  const fetchText = (name) => {
    if (!texts.has(name)) texts.set(name, getText(name, manifest.integrity?.[name]).catch((e) => { texts.delete(name); throw e; }));
    return texts.get(name);
  };
  const parts = partsFor(chat, forms);
  const first = packsFor(parts, [locale]).map((n) => manifest.packs[n]).filter(Boolean);
  first.forEach((file) => fetchText(file).catch(() => {}));  // a failure is reported when the pack is used
  const files = moduleFiles(manifest, chat);
  const { default: createSupportCore } = await import(new URL(files.module, baseUrl).href);
  const bytes = typeof wasmBinary === 'function' ? await wasmBinary(files.wasm) : wasmBinary;
  const wasm = instantiate(bytes, () => fetchImpl(new URL(files.wasm, baseUrl), { credentials: 'same-origin', integrity: manifest.integrity?.[files.wasm] }), files.wasm);
  const module = await Promise.race([createSupportCore({ instantiateWasm: wasm.start }), wasm.failed]);
  const core = new SupportCore(module, manifest, fetchText, parts);
  await core.useLocale(locale);
  return core;
}

// The module's instantiateWasm hook: from the given bytes, or streamed from a
// fetch that checks the file's integrity; `failed` rejects with why (the glue
// itself would only log it).
function instantiate(bytes, fetchWasm, name) {
  let fail;
  const failed = new Promise((_, reject) => (fail = reject));
  const start = (imports, receive) => {
    const compiled = bytes
      ? WebAssembly.instantiate(bytes, imports)
      : fetchWasm().then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const streaming = typeof WebAssembly.instantiateStreaming === 'function' && response.headers.get('content-type') === 'application/wasm';
        return streaming ? WebAssembly.instantiateStreaming(response, imports) : response.arrayBuffer().then((b) => WebAssembly.instantiate(b, imports));
      });
    compiled.then((r) => receive(r.instance, r.module), (e) => fail(new CoreLoadError(`${name}: ${e.message}`)));
    return {};
  };
  return { start, failed };
}

const parse = (text) => JSON.parse(text);
const json = (value) => (typeof value === 'string' ? value : JSON.stringify(value ?? {}));

export class SupportCore {
  constructor(module, manifest, fetchText, parts) {
    this._module = module;
    this._native = new module.Core();
    this._manifest = manifest;
    this._fetchText = fetchText;
    this._packs = new Set();
    this._parts = parts;
    this._locales = [];
    this.locale = null;
  }

  get locales() {
    return [...this._manifest.locales];
  }

  // Loads another locale's texts (once) and makes it the default for calls.
  async useLocale(locale) {
    if (!this._manifest.locales.includes(locale)) throw new CoreLoadError(`unsupported locale "${locale}"`);
    await this._load([...this._locales, locale]);
    this.locale = locale;
  }

  // The texts of forms and their errors, in every loaded locale (once).
  async loadForms() {
    this._parts.add('forms');
    await this._load(this._locales);
  }

  // The strength estimate's word lists (common passwords; Russian words,
  // names and places in both layouts), for pages with a password field:
  // until then password() answers {error: 'passwords_not_loaded'}.
  async loadPasswords() {
    this._parts.add('passwords');
    await this._load(this._locales);
  }

  // Packs the loaded parts need in `locales`; each is fetched and added once.
  async _load(locales) {
    const fresh = packsFor(this._parts, locales).filter((n) => !this._packs.has(n));
    if (fresh.length === 0) return;
    const texts = await Promise.all(fresh.map((n) => {
      const file = this._manifest.packs[n];
      if (!file) throw new CoreLoadError(`no data pack "${n}" in manifest.json`);
      return this._fetchText(file);
    }));
    fresh.forEach((name, i) => {
      const error = this._native.addPack(texts[i]);
      if (error) throw new CoreLoadError(`${this._manifest.packs[name]}: ${error}`);
    });
    const error = this._native.load();
    if (error) throw new CoreLoadError(error);
    fresh.forEach((n) => this._packs.add(n));
    this._locales = [...new Set([...this._locales, ...locales])];
  }

  validate(kind, value, locale = this.locale, now = moscowNow()) {
    return parse(this._native.validate(String(kind), String(value), locale ?? '', now));
  }

  // user: {name, birth_date, phone, email}: a password must not contain them.
  // After loadPasswords(); before, {error: 'passwords_not_loaded'}.
  password(value, user = {}, locale = this.locale) {
    return parse(this._native.password(String(value), json(user), locale ?? ''));
  }

  validateForm(schema, form, locale = this.locale, now = moscowNow()) {
    return parse(this._native.validateForm(String(schema), json(form), locale ?? '', now));
  }

  // bytes: a Uint8Array of the file, or of its head when size is over the limit.
  sniff(bytes, name, mime = '', locale = this.locale, schema = '', size = bytes.length) {
    return parse(this._native.sniff(bytes, size, String(name), String(mime), locale ?? '', String(schema)));
  }

  // Whether the chat calls work: the knowledge base was asked for (chat: true)
  // and the module has them (the forms-only module has not).
  get hasChat() {
    return this._parts.has('chat') && Boolean(this._module.withChat);
  }

  // The chat calls on a core without the chat: a clear error, not a missing function.
  _chat(call) {
    if (!this.hasChat) {
      throw new CoreLoadError(`${call}: this core was loaded without the chat (loadCore({ chat: false })); load one with chat: true`);
    }
    return this._native;
  }

  match(text, locale = this.locale) {
    return parse(this._chat('match').match(String(text), locale));
  }

  // The conversation: each returns {reply, state}; keep `state` (a string) and hand it back.
  chatStart(locale = this.locale, savedState = '', now = moscowNow()) {
    return this._step(this._chat('chatStart').chatStart(savedState ?? '', locale, now));
  }

  chatText(state, text, locale = this.locale, now = moscowNow()) {
    return this._step(this._chat('chatText').chatText(state ?? '', String(text), locale, now));
  }

  chatButton(state, action, locale = this.locale, now = moscowNow()) {
    return this._step(this._chat('chatButton').chatButton(state ?? '', String(action), locale, now));
  }

  _step(text) {
    const out = parse(text);
    if (out.state) out.state = JSON.stringify(out.state);
    return out;
  }

  // client: {locale, widget_version, platform, page, topic, transcript, consent_at};
  // attachments: [{type, sha256}] in the form's order.
  packageRequest(schema, form, client, attachments = [], locale = this.locale, now = moscowNow()) {
    return parse(this._native.packageRequest(String(schema), json(form), json(client), JSON.stringify(attachments), locale ?? '', now));
  }

  emailFallback(schema, form, number = '', locale = this.locale, now = moscowNow()) {
    return parse(this._native.emailFallback(String(schema), json(form), String(number), locale ?? '', now));
  }

  // One catalog message as text.
  format(key, params = {}, locale = this.locale) {
    const out = parse(this._native.format(String(key), JSON.stringify(params), locale ?? ''));
    return out.text ?? `[${key}]`;
  }

  // A loaded data file as JSON (a form schema, a catalog), or null.
  dataFile(path) {
    const text = this._native.dataFile(String(path));
    return text ? JSON.parse(text) : null;
  }

  // Bytes held by the module's allocator (tests: nothing leaks across the boundary).
  heapInUse() {
    return this._module.heapInUse();
  }

  schema(id) {
    return this.dataFile(`forms/schemas/${id}.json`);
  }
}

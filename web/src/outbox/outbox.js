// The outbox: a submitted request is saved (IndexedDB) with its attachments and
// one Idempotency-Key before anything is sent, then sent in order by one tab,
// retried until the server answers for it, and replaced by a small record
// (number, access token, due date, status) after 201. See README.md here.
//
//   const outbox = await openOutbox({ endpoint: '/api/v1', locale: 'ru' });
//   outbox.on('sent', ({ id, number, due_date, status }) => …);
//   const { id, saved } = await outbox.enqueue(packagedRequestJson, files);
//
// Events (each detail has `id`, and `message`: {key, params}, what the person reads):
// queued, sending, progress {loaded, total}, sent {number, access_token,
// due_date, resumed}, failed {transient, code, retryInMs}, needs-fix {errors}.

import { DEFAULT_BACKOFF, backoffDelay, retryAfterDelay } from './backoff.js';
import { leaseLock, webLocksLock } from './lock.js';
import { sendOnce } from './sender.js';
import { statusOf } from './status.js';
import { MemoryStore, openIndexedDbStore } from './store.js';
import { isIdempotencyKey, newIdempotencyKey } from './uuid.js';

const EVENTS = ['queued', 'sending', 'progress', 'sent', 'failed', 'needs-fix'];
const STATES = new Set(['queued', 'needs-fix', 'failed']);
const MAX_REQUEST_BYTES = 1024 * 1024; // the server's limit for the JSON part
const OTHER_TAB_RECHECK_MS = 1500; // another tab sends; look again in case it goes away
const OFFLINE_RECHECK_MS = 60000; // navigator.onLine can be wrong: try now and then anyway
const STORAGE_RECHECK_MS = 5000;
const OPEN_TIMEOUT_MS = 5000;

function readRequest(request) {
  let text;
  if (typeof request === 'string') text = request;
  else if (request && typeof request === 'object') text = JSON.stringify(request);
  else throw new TypeError('outbox: the packaged request must be a JSON string or an object');
  if (text.length > MAX_REQUEST_BYTES) throw new RangeError('outbox: the packaged request is larger than 1 MB');
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TypeError('outbox: the packaged request is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('outbox: the packaged request must be a JSON object');
  return { text, form: typeof parsed.form === 'string' ? parsed.form : null };
}

function readFiles(files) {
  if (files == null) return [];
  if (!Array.isArray(files)) throw new TypeError('outbox: files must be an array');
  return files.map((f, i) => {
    const blob = f instanceof Blob ? f : f && f.blob;
    const name = f && typeof f.name === 'string' ? f.name : null;
    if (!(blob instanceof Blob) || !name) throw new TypeError(`outbox: file ${i} needs a Blob and a name`);
    return { name, type: blob.type || 'application/octet-stream', blob };
  });
}

// Entries come back from storage that a person, an extension or an old
// version may have changed: only well-formed ones are sent.
function wellFormed(e) {
  return (
    e &&
    typeof e === 'object' &&
    isIdempotencyKey(e.key) &&
    typeof e.request === 'string' &&
    STATES.has(e.state) &&
    Array.isArray(e.files) &&
    e.files.every((f) => f && typeof f.name === 'string' && f.blob instanceof Blob)
  );
}

const finite = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export class Outbox {
  constructor({ store, storageProblem, lock, endpoint, locale, backoff, stallMs, now, random, win, loadId, channel }) {
    this.store = store; // IndexedDB, or null when it cannot be had
    this.storageProblem = storageProblem; // null | 'unavailable' | 'quota' | 'failed'
    this.memory = new MemoryStore(); // requests that could not be saved
    this.lock = lock;
    this.url = endpoint.replace(/\/+$/, '') + '/support/requests';
    this.locale = locale;
    this.backoff = backoff;
    this.stallMs = stallMs;
    this.now = now;
    this.random = random;
    this.win = win;
    this.loadId = loadId;
    this.channel = channel;
    this.handlers = new Map(EVENTS.map((t) => [t, new Set()]));
    this.draining = false;
    this.again = false;
    this.timer = null;
    this.closed = false;
    this.onlineAt = 0; // waits caused by the network end when it comes back
    this.announced = new Map(); // id -> last status key, so a recheck does not repeat itself
    this.unsendable = new Set(); // sent, but storage would not let go of the entry
  }

  get online() {
    const nav = this.win.navigator;
    return !nav || nav.onLine !== false;
  }

  on(type, handler) {
    const set = this.handlers.get(type);
    if (!set) throw new TypeError(`outbox: unknown event ${type}`);
    set.add(handler);
    return () => set.delete(handler);
  }

  emit(type, detail, { remote = false } = {}) {
    const full = { ...detail, message: detail.message || statusOf(type, detail), remote };
    for (const h of this.handlers.get(type)) {
      try {
        h(full);
      } catch (e) {
        // A host page's handler must not stop the queue.
        setTimeout(() => {
          throw e;
        });
      }
    }
    if (!remote && this.channel) {
      try {
        this.channel.postMessage({ type, detail: { ...full, remote: true } });
      } catch {
        // Not clonable (cannot happen with our details) or closed: other tabs just miss it.
      }
    }
  }

  setLocale(locale) {
    this.locale = locale;
  }

  // Saves the request, then starts sending. Resolves once it is saved (or,
  // when storage fails, held in memory and sending directly): {id, saved}.
  // options.replaces: the id of a request that needed fixing (or failed) and
  // that this corrected one replaces; it is deleted once this one is saved.
  async enqueue(request, files, { replaces = null } = {}) {
    if (this.closed) throw new Error('outbox: closed');
    const { text, form } = readRequest(request);
    const entry = {
      key: newIdempotencyKey(),
      request: text,
      form,
      files: readFiles(files),
      state: 'queued',
      attempts: 0,
      notBefore: 0,
      waitReason: null,
      createdAt: this.now(),
      loadId: this.loadId,
    };
    let saved = false;
    if (this.store) {
      try {
        await this.store.add(entry);
        saved = true;
      } catch (e) {
        this.storageProblem = e.kind || 'failed';
      }
    } else if (!this.storageProblem) {
      this.storageProblem = 'unavailable';
    }
    if (!saved) await this.memory.add(entry);
    if (replaces) await this.discardUnsendable(replaces);
    this.announce('queued', { id: entry.key, saved, offline: !this.online, storageProblem: saved ? null : this.storageProblem });
    this.drain();
    return { id: entry.key, saved };
  }

  // Queued, failed and needs-fix requests, without their bodies.
  async entries() {
    const list = [];
    for (const [store, saved] of this.stores()) {
      for (const e of await store.all()) {
        const ok = wellFormed(e);
        list.push({
          id: ok ? e.key : `corrupt:${e && e.seq}`,
          state: ok ? e.state : 'failed',
          saved,
          attempts: finite(e && e.attempts),
          created_at: finite(e && e.createdAt),
          errors: ok && Array.isArray(e.errors) ? e.errors : [],
          code: ok ? e.code || null : 'corrupt',
          files: ok ? e.files.map((f) => ({ name: f.name, size: f.blob.size })) : [],
        });
      }
    }
    return list;
  }

  // The whole entry (packaged request and files), e.g. to put a request that
  // needs fixing back into the form.
  async get(id) {
    const found = await this.find(id);
    return found ? { id, request: found.entry.request, files: found.entry.files.map((f) => ({ name: f.name, blob: f.blob })), errors: found.entry.errors || [] } : null;
  }

  async records() {
    const all = [];
    for (const [store] of this.stores()) all.push(...(await store.records()));
    return all.sort((a, b) => finite(a.sent_at) - finite(b.sent_at));
  }

  // The status view refreshes a record with what GET …/{number} said.
  async updateRecord(number, changes) {
    for (const [store] of this.stores()) {
      const r = (await store.records()).find((x) => x.number === number);
      if (r) return store.putRecord({ ...r, ...changes, number, access_token: r.access_token });
    }
  }

  // Drops a request the person gave up on (needs-fix or failed).
  async discard(id) {
    const found = await this.find(id);
    if (found) await found.store.remove(found.entry.seq);
    this.announced.delete(id);
    return Boolean(found);
  }

  async discardUnsendable(id) {
    const found = await this.find(id);
    if (found && found.entry.state !== 'queued') await this.discard(id);
  }

  // A failed request queued again, with the same key.
  async retry(id) {
    const found = await this.find(id);
    if (!found || found.entry.state !== 'failed') return false;
    await found.store.update(found.entry.seq, { state: 'queued', notBefore: 0, attempts: 0, code: null });
    this.drain();
    return true;
  }

  resume() {
    this.drain();
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    if (this.detach) this.detach();
    if (this.channel) this.channel.close();
    if (this.store) this.store.close();
  }

  *stores() {
    if (this.store) yield [this.store, true];
    yield [this.memory, false];
  }

  async find(id) {
    for (const [store] of this.stores()) {
      const entry = (await store.all()).find((e) => e && e.key === id);
      if (entry) return { store, entry };
    }
    if (id.startsWith('corrupt:') && this.store) {
      const seq = Number(id.slice(8));
      const entry = await this.store.get(seq);
      if (entry) return { store: this.store, entry: { ...entry, seq } };
    }
    return null;
  }

  // Emits a status once per change, so rechecks while offline stay quiet.
  announce(type, detail) {
    const message = statusOf(type, detail);
    const sig = type + ' ' + (message ? message.key : '');
    if (this.announced.get(detail.id) === sig && type !== 'progress') return;
    this.announced.set(detail.id, sig);
    this.emit(type, { ...detail, message });
  }

  // One loop at a time per tab; a trigger during a loop runs it again after.
  async drain() {
    if (this.closed) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    clearTimeout(this.timer);
    let wakeAt = Infinity;
    try {
      do {
        this.again = false;
        wakeAt = await this.drainOnce();
      } while (this.again && !this.closed);
    } finally {
      this.draining = false;
    }
    this.schedule(wakeAt);
  }

  schedule(wakeAt) {
    if (this.closed || !Number.isFinite(wakeAt)) return;
    const delay = Math.min(Math.max(0, wakeAt - this.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => this.drain(), delay);
  }

  async drainOnce() {
    let wakeAt = Infinity;
    if (this.store) {
      try {
        const r = await this.lock.tryWithLock(() => this.sendAll(this.store, true));
        if (r.ran) {
          wakeAt = r.value;
        } else {
          const waiting = (await this.store.all()).filter((e) => wellFormed(e) && e.state === 'queued');
          for (const e of waiting) this.announce('queued', { id: e.key, saved: true, otherTab: true });
          if (waiting.length) wakeAt = this.now() + OTHER_TAB_RECHECK_MS;
        }
      } catch {
        // Storage went away under us (cleared, quota, a broken profile); the
        // entries stay where they are and the loop tries again.
        wakeAt = this.now() + STORAGE_RECHECK_MS;
      }
    }
    return Math.min(wakeAt, await this.sendAll(this.memory, false));
  }

  // Sends the due entries of one store in submission order; returns when to
  // look again (Infinity: nothing left).
  async sendAll(store, saved) {
    while (!this.closed) {
      const all = (await store.all()).sort((a, b) => finite(a && a.seq) - finite(b && b.seq));
      const queue = [];
      for (const e of all) {
        if (!wellFormed(e)) {
          await this.markCorrupt(store, e);
          continue;
        }
        if (e.state === 'queued' && !this.unsendable.has(e.key)) queue.push(e);
      }
      if (queue.length === 0) return Infinity;
      const now = this.now();
      if (!this.online) {
        for (const e of queue) this.announce('queued', { id: e.key, saved, offline: true });
        return now + OFFLINE_RECHECK_MS;
      }
      const head = queue[0];
      const due = this.dueAt(head, now);
      if (due > now) return due;
      await this.sendEntry(store, head, saved);
    }
    return Infinity;
  }

  dueAt(e, now) {
    const at = finite(e.notBefore);
    // A network wait ends when the network comes back; a stored time too far
    // ahead (a changed clock, tampering) is not trusted.
    if (e.waitReason === 'network' && finite(e.failedAt) <= this.onlineAt) return 0;
    if (at > now + this.backoff.retryAfterCapMs + this.backoff.capMs) return 0;
    return at;
  }

  async markCorrupt(store, e) {
    const id = `corrupt:${e && e.seq}`;
    if (e && e.state !== 'failed' && typeof e.seq === 'number') {
      try {
        await store.update(e.seq, { state: 'failed', code: 'corrupt' });
      } catch {
        // Reported below all the same.
      }
    }
    this.announce('failed', { id, saved: true, transient: false, code: 'corrupt' });
  }

  async sendEntry(store, entry, saved) {
    const id = entry.key;
    const attempt = finite(entry.attempts) + 1;
    const resumed = entry.loadId !== this.loadId;
    await store.update(entry.seq, { attempts: attempt, lastAttemptAt: this.now() });
    this.announced.delete(id);
    this.emit('sending', { id, attempt, saved, resumed });
    const hasFiles = entry.files.length > 0;
    const result = await sendOnce({
      url: this.url,
      key: entry.key,
      requestText: entry.request,
      files: entry.files,
      locale: this.locale,
      stallMs: this.stallMs,
      now: this.now,
      XHR: this.win.XMLHttpRequest,
      onProgress: hasFiles ? (loaded, total) => this.emit('progress', { id, loaded, total, saved }) : null,
    });
    const now = this.now();
    if (result.kind === 'created') {
      const record = { ...result.created, key: entry.key, form: entry.form || null, sent_at: now };
      try {
        await store.complete(entry.seq, record);
      } catch {
        // Could not swap entry for record: at least do not send it again from
        // this page (a later load would, and get the same answer back).
        this.unsendable.add(entry.key);
        await this.memory.putRecord(record);
      }
      this.announced.delete(id);
      this.emit('sent', { id, ...record, saved, resumed, attempts: attempt });
    } else if (result.kind === 'retry') {
      const serverSaid = result.retryAfterMs != null;
      const wait = serverSaid ? retryAfterDelay(result.retryAfterMs, this.random) : backoffDelay(attempt, this.backoff, this.random);
      await store.update(entry.seq, { notBefore: now + wait, waitReason: serverSaid ? 'server' : 'network', failedAt: now });
      this.announced.delete(id);
      this.emit('failed', { id, transient: true, saved, code: result.code, httpStatus: result.status, retryInMs: wait, offline: !this.online, attempts: attempt });
    } else if (result.kind === 'fix') {
      await store.update(entry.seq, { state: 'needs-fix', errors: result.errors, problem: result.problem });
      this.announced.delete(id);
      this.emit('needs-fix', { id, saved, errors: result.errors, problem: result.problem });
    } else {
      await store.update(entry.seq, { state: 'failed', code: result.code, problem: result.problem });
      this.announced.delete(id);
      this.emit('failed', { id, transient: false, saved, code: result.code, httpStatus: result.status, problem: result.problem });
    }
  }

  // Browser signals that the queue may move: back online, the tab shown
  // again, the page restored from the back-forward cache.
  attach() {
    const w = this.win;
    const onOnline = () => {
      this.onlineAt = this.now();
      this.announced.clear();
      this.drain();
    };
    const onVisible = () => {
      if (!w.document || w.document.visibilityState === 'visible') this.drain();
    };
    const onPageShow = (e) => e.persisted && this.drain();
    // Requests held only in memory are lost with the page: ask before leaving.
    const onBeforeUnload = (e) => {
      if (this.memory.entries.size > 0) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    w.addEventListener('online', onOnline);
    w.addEventListener('pageshow', onPageShow);
    w.addEventListener('beforeunload', onBeforeUnload);
    if (w.document) w.document.addEventListener('visibilitychange', onVisible);
    if (this.channel) {
      this.channel.onmessage = (m) => {
        const { type, detail } = m.data || {};
        if (EVENTS.includes(type) && detail && typeof detail === 'object') this.emit(type, detail, { remote: true });
      };
    }
    this.detach = () => {
      w.removeEventListener('online', onOnline);
      w.removeEventListener('pageshow', onPageShow);
      w.removeEventListener('beforeunload', onBeforeUnload);
      if (w.document) w.document.removeEventListener('visibilitychange', onVisible);
    };
  }
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);
}

// Opens the outbox of this origin and starts sending what earlier pages left.
export async function openOutbox({
  endpoint = '/api/v1',
  locale = 'ru',
  indexedDB = globalThis.indexedDB,
  locks = globalThis.navigator && globalThis.navigator.locks,
  backoff = DEFAULT_BACKOFF,
  stallMs = 30000,
  leaseTtlMs = 10000,
  now = Date.now,
  random = Math.random,
  win = globalThis,
  start = true,
} = {}) {
  let store = null;
  let storageProblem = null;
  try {
    store = await withTimeout(openIndexedDbStore(indexedDB), OPEN_TIMEOUT_MS);
  } catch (e) {
    storageProblem = e.kind || 'unavailable';
  }
  const loadId = newIdempotencyKey();
  const lock = store ? webLocksLock(locks) || leaseLock(store, { owner: loadId, ttlMs: leaseTtlMs, now }) : null;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('support-outbox') : null;
  const outbox = new Outbox({ store, storageProblem, lock, endpoint, locale, backoff: { ...DEFAULT_BACKOFF, ...backoff }, stallMs, now, random, win, loadId, channel });
  outbox.attach();
  if (start) outbox.drain();
  return outbox;
}

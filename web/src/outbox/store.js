// Where queued requests live: IndexedDB (survives reloads, tab closes and
// restarts; Blobs are stored as they are), or memory when IndexedDB cannot be
// had (some private windows, a broken profile, quota). Both have one interface.
//
// Stores: entries (queued requests, in the order they were submitted),
// records (what remains after 201: number, access token, due date, status),
// meta (the cross-tab lease when the Web Locks API is missing).

export const DB_NAME = 'support-outbox';
const DB_VERSION = 1;

const done = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const finished = (tx) =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new DOMException('transaction aborted', 'AbortError'));
  });

export class StorageError extends Error {
  constructor(kind, cause) {
    super(`outbox storage: ${kind}${cause && cause.message ? ': ' + cause.message : ''}`);
    this.kind = kind; // 'unavailable' | 'quota' | 'failed'
    this.cause = cause;
  }
}

const kindOf = (e) => (e && (e.name === 'QuotaExceededError' || e.code === 22) ? 'quota' : 'failed');

export async function openIndexedDbStore(idb = globalThis.indexedDB, name = DB_NAME) {
  if (!idb || typeof idb.open !== 'function') throw new StorageError('unavailable');
  let db;
  try {
    const request = idb.open(name, DB_VERSION);
    request.onupgradeneeded = () => {
      const d = request.result;
      if (!d.objectStoreNames.contains('entries')) d.createObjectStore('entries', { keyPath: 'seq', autoIncrement: true }).createIndex('key', 'key', { unique: true });
      if (!d.objectStoreNames.contains('records')) d.createObjectStore('records', { keyPath: 'number' });
      if (!d.objectStoreNames.contains('meta')) d.createObjectStore('meta');
    };
    request.onblocked = () => {};
    db = await done(request);
  } catch (e) {
    throw new StorageError('unavailable', e);
  }
  return new IndexedDbStore(db);
}

class IndexedDbStore {
  constructor(db) {
    this.db = db;
    this.persistent = true;
    // Another page upgrading the database asks us to let go.
    db.onversionchange = () => db.close();
  }

  async run(stores, mode, work) {
    let tx;
    try {
      tx = this.db.transaction(stores, mode);
    } catch (e) {
      throw new StorageError('failed', e);
    }
    let result;
    try {
      result = work(tx);
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already finished
      }
      throw new StorageError(kindOf(e), e);
    }
    try {
      await finished(tx);
    } catch (e) {
      throw new StorageError(kindOf(e), e);
    }
    return result instanceof IDBRequest ? result.result : result;
  }

  async add(entry) {
    const request = await this.run(['entries'], 'readwrite', (tx) => tx.objectStore('entries').add(entry));
    return request;
  }

  async all() {
    return this.run(['entries'], 'readonly', (tx) => tx.objectStore('entries').getAll());
  }

  async get(seq) {
    return this.run(['entries'], 'readonly', (tx) => tx.objectStore('entries').get(seq));
  }

  async update(seq, changes) {
    return this.run(['entries'], 'readwrite', (tx) => {
      const os = tx.objectStore('entries');
      const r = os.get(seq);
      r.onsuccess = () => {
        if (r.result) os.put({ ...r.result, ...changes });
      };
    });
  }

  async remove(seq) {
    return this.run(['entries'], 'readwrite', (tx) => tx.objectStore('entries').delete(seq));
  }

  // 201: the entry (with the person's form and files) goes, the record comes,
  // in one transaction: there is never a moment with both or neither.
  async complete(seq, record) {
    return this.run(['entries', 'records'], 'readwrite', (tx) => {
      tx.objectStore('entries').delete(seq);
      tx.objectStore('records').put(record);
    });
  }

  async records() {
    return this.run(['records'], 'readonly', (tx) => tx.objectStore('records').getAll());
  }

  async putRecord(record) {
    return this.run(['records'], 'readwrite', (tx) => tx.objectStore('records').put(record));
  }

  // Atomic read-modify-write of a meta value: IndexedDB runs readwrite
  // transactions on one store one after another, across tabs too.
  async swapMeta(name, decide) {
    return this.run(['meta'], 'readwrite', (tx) => {
      const os = tx.objectStore('meta');
      const holder = { value: undefined };
      const r = os.get(name);
      r.onsuccess = () => {
        const next = decide(r.result);
        holder.value = next;
        if (next === null) os.delete(name);
        else if (next !== undefined) os.put(next, name);
      };
      return holder;
    }).then((h) => h.value);
  }

  close() {
    this.db.close();
  }
}

// The same interface in memory: used for requests that could not be saved.
export class MemoryStore {
  constructor() {
    this.persistent = false;
    this.entries = new Map();
    this.recordMap = new Map();
    this.next = 1;
  }
  async add(entry) {
    const seq = this.next++;
    this.entries.set(seq, { ...entry, seq });
    return seq;
  }
  async all() {
    return [...this.entries.values()];
  }
  async get(seq) {
    return this.entries.get(seq);
  }
  async update(seq, changes) {
    const e = this.entries.get(seq);
    if (e) this.entries.set(seq, { ...e, ...changes });
  }
  async remove(seq) {
    this.entries.delete(seq);
  }
  async complete(seq, record) {
    this.entries.delete(seq);
    this.recordMap.set(record.number, record);
  }
  async records() {
    return [...this.recordMap.values()];
  }
  async putRecord(record) {
    this.recordMap.set(record.number, record);
  }
  close() {}
}

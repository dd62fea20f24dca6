// The outbox on a test page: shows each status text (from the catalogs) and the
// field errors of a 422 the way a form view would, as text, never as HTML.
// Query: ?locale=ru|en&base=MS (backoff base) &stall=MS &lease=MS
import { openOutbox } from '../../web/src/outbox/outbox.js';

const params = new URLSearchParams(location.search);
const locale = params.get('locale') || 'ru';
const num = (name, fallback) => (params.has(name) ? Number(params.get(name)) : fallback);

const catalog = await (await fetch(`../../i18n/messages/${locale}.json`)).json();
const plural = new Intl.PluralRules(locale);

// Enough of the catalogs' MessageFormat for these texts: {x}, {x, type},
// {x, plural, … other {…}}. The widget formats with the core instead.
function format(key, args) {
  let m = key.split('.').reduce((o, k) => (o ? o[k] : undefined), catalog);
  if (typeof m !== 'string') return `[missing ${key}]`;
  m = m.replace(/\{(\w+), plural,((?:[^{}]|\{[^{}]*\})*)\}/g, (_, name, body) => {
    const n = Number(args[name]);
    const branches = Object.fromEntries([...body.matchAll(/(=?\w+)\s*\{([^{}]*)\}/g)].map((x) => [x[1], x[2]]));
    return (branches['=' + n] ?? branches[plural.select(n)] ?? branches.other).replace(/#/g, String(n));
  });
  return m.replace(/\{(\w+)(?:, \w+)?\}/g, (_, name) => String(args[name] ?? ''));
}

const statusEl = document.getElementById('status');
const progressEl = document.getElementById('progress');
const events = [];
const outbox = await openOutbox({
  endpoint: '/api/v1',
  locale,
  backoff: { baseMs: num('base', 1000), capMs: num('cap', 300000) },
  stallMs: num('stall', 30000),
  leaseTtlMs: num('lease', 10000),
});

async function showRecords() {
  const list = document.getElementById('records');
  list.replaceChildren(
    ...(await outbox.records()).map((r) => {
      const li = document.createElement('li');
      li.textContent = `${r.number} ${r.due_date} ${r.status}`;
      return li;
    }),
  );
}

for (const type of ['queued', 'sending', 'progress', 'sent', 'failed', 'needs-fix']) {
  outbox.on(type, (detail) => {
    const { message, ...rest } = detail;
    events.push({ type, at: Date.now(), ...rest, statusKey: message && message.key, text: message ? format(message.key, message.params) : '' });
    if (message) statusEl.textContent = format(message.key, message.params);
    if (type === 'progress') progressEl.value = Math.floor((100 * detail.loaded) / detail.total);
    if (type === 'sent') showRecords();
    if (type === 'needs-fix') {
      for (const e of detail.errors) {
        const field = document.getElementById(e.path);
        const out = document.getElementById(`${e.path}-error`);
        if (field && out) {
          field.setAttribute('aria-invalid', 'true');
          out.textContent = e.message || e.code;
        }
      }
    }
  });
}

// What the tests drive: enqueue takes the packaged request and files given as
// {name, type, base64} (bytes cross from the test process that way).
window.outboxTest = {
  outbox,
  events,
  enqueue(request, files = [], options = {}) {
    const blobs = files.map((f) => new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return outbox.enqueue(request, blobs, options);
  },
  entries: () => outbox.entries(),
  records: () => outbox.records(),
};
document.documentElement.dataset.ready = 'true';

// What the outbox tests add to the shared harness (harness.mjs): the server
// serving the outbox test page, the repository's web/ and the catalogs under
// /__outbox__/ (--web-root, with its strict CSP header); the requests it
// stored (numbers, subjects in order); every POST a page makes. The soak
// (scripts/soak-delivery.mjs) puts a faulty proxy before the server and gets
// the same files through browser routing instead, so only the API is faulted.
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { CSP, ROOT, startServer as startSharedServer, until as sharedUntil } from './harness.mjs';

export { CSP, ROOT, SERVER, launchBrowser } from './harness.mjs';
// Deliveries wait out backoffs and throttled uploads while other browser tests
// share the two cores: a longer default than the shared 15 s.
export const until = (check, { timeout = 45000, every = 100 } = {}) => sharedUntil(check, { timeout, every });
export const PAGE_PREFIX = '/__outbox__/';
export const REQUESTS_PATH = '/api/v1/support/requests';
const SERVED = ['web/', 'tests/browser/', 'i18n/messages/'];

// support-api on a free port with a fresh database, serving the outbox page.
export async function startServer(args = []) {
  const server = await startSharedServer({ args, webRoots: SERVED.map((p) => `${PAGE_PREFIX}${p.slice(0, -1)}=${join(ROOT, p)}`) });
  const { sql } = server;
  return {
    ...server,
    servesPages: true,
    numbers: () => sql('SELECT number FROM requests ORDER BY id').split('\n').filter(Boolean),
    // Subjects in the order the server numbered them.
    subjects: () => {
      const out = sql("SELECT json_extract(body, '$.subject') FROM requests ORDER BY id");
      return out === '' ? [] : out.split('\n');
    },
  };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json' };
// A browser context that records every CSP violation in window.__cspViolations.
// Unless the server serves them (servedByServer), its pages see the
// repository's web/, tests/browser/ and catalogs under ORIGIN/__outbox__/
// through routing, with the strict CSP header.
export async function newContext(browser, origin, { servedByServer = false } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (servedByServer) return context;
  await context.route(`${origin}${PAGE_PREFIX}**`, async (route) => {
    const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname.slice(PAGE_PREFIX.length)));
    const type = TYPES[extname(path)];
    if (!type || path.includes('..') || !SERVED.some((p) => path.startsWith(p))) return route.fulfill({ status: 404, body: 'not served' });
    try {
      return route.fulfill({ status: 200, headers: { 'Content-Type': type, 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' }, body: readFileSync(join(ROOT, path)) });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  return context;
}

export async function openPage(context, origin, query = '') {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGE_PREFIX}tests/browser/outbox-page.html${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  return page;
}

// Every POST of a request the page makes (those routing lets through or not),
// with its Idempotency-Key.
export function watchPosts(page) {
  const posts = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === REQUESTS_PATH) posts.push({ key: r.headers()['idempotency-key'], at: Date.now() });
  });
  return posts;
}

export async function events(page) {
  return page.evaluate(() => window.outboxTest.events);
}

export const asBase64 = (files) => files.map((f) => ({ name: f.name, type: 'image/png', base64: Buffer.from(f.bytes).toString('base64') }));

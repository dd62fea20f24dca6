// What the outbox tests share: the real reference server (support-api) on
// loopback with a fresh SQLite database, headless Debian chromium through
// playwright-core, the outbox test page served on the server's own origin
// (by page routing, until the server serves a --web-root) under the strict CSP,
// and the rows the server really stored.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = process.env.SUPPORT_API || join(ROOT, 'build/native/server/support-api');
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
export const PAGE_PREFIX = '/__outbox__/';
export const REQUESTS_PATH = '/api/v1/support/requests';

// The server serves the test page itself (with its CSP header) when it has
// --web-root; an older build gets the page through browser routing instead.
let webRootSupport = null;
function serverHasWebRoot() {
  if (webRootSupport === null) webRootSupport = execFileSync(SERVER, ['--help'], { encoding: 'utf8' }).includes('--web-root');
  return webRootSupport;
}
const SERVED = ['web/', 'tests/browser/', 'i18n/messages/'];

// Starts support-api on a free port; resolves when it listens.
export async function startServer(extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-test-'));
  const db = join(dir, 'requests.db');
  const servesPages = serverHasWebRoot();
  const mounts = servesPages ? SERVED.flatMap((p) => ['--web-root', `${PAGE_PREFIX}${p.slice(0, -1)}=${join(ROOT, p)}`]) : [];
  const child = spawn(SERVER, ['--port', '0', '--db', db, '--quiet', '--rate-limit', '0', ...mounts, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const port = await new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`support-api did not start: ${stderr}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
    child.on('exit', (code) => rej(new Error(`support-api exited ${code}: ${stderr}`)));
  });
  const sql = (query) => execFileSync('sqlite3', ['-batch', '-noheader', db, query], { encoding: 'utf8' }).trim();
  return {
    port,
    servesPages,
    origin: `http://127.0.0.1:${port}`,
    db,
    sql,
    rows: () => Number(sql('SELECT count(*) FROM requests')),
    numbers: () => sql('SELECT number FROM requests ORDER BY id').split('\n').filter(Boolean),
    // Subjects in the order the server numbered them.
    subjects: () => {
      const out = sql("SELECT json_extract(body, '$.subject') FROM requests ORDER BY id");
      return out === '' ? [] : out.split('\n');
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
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

export async function until(check, { timeout = 30000, every = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

export const asBase64 = (files) => files.map((f) => ({ name: f.name, type: 'image/png', base64: Buffer.from(f.bytes).toString('base64') }));

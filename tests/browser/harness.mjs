// What every browser test shares: the REAL reference server (support-api) on
// 127.0.0.1 with a free port and a temp SQLite database, serving the built
// widget (build/web at /widget/) and the test pages (tests/browser/pages at /)
// with the strict CSP as a response header; Debian's chromium through
// playwright-core; CSP violations collected from the page; axe-core; and
// screenshots under build/browser-artifacts/.
//
//   const server = await startServer();
//   const browser = await launchBrowser();
//   const page = await openPage(browser, server, '/');
//   ... expect(await cspViolations(page)).toEqual([]); await server.stop();
//
// SUPPORT_API and SUPPORT_WEB point at other builds (a developer's own tree).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = process.env.SUPPORT_API || join(ROOT, 'build/native/server/support-api');
export const WEB = process.env.SUPPORT_WEB || join(ROOT, 'build/web');
export const PAGES = join(ROOT, 'tests/browser/pages');
export const ARTIFACTS = process.env.SUPPORT_ARTIFACTS || join(ROOT, 'build/browser-artifacts');
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

// Starts support-api on a free loopback port with a fresh database; resolves once it listens.
export async function startServer({ args = [], webRoots = [`/=${PAGES}`, `/widget=${WEB}`] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'support-browser-'));
  const db = join(dir, 'requests.db');
  const argv = ['--host', '127.0.0.1', '--port', '0', '--db', db, '--quiet', '--rate-limit', '0', ...webRoots.flatMap((w) => ['--web-root', w]), ...args];
  const child = spawn(SERVER, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const port = await new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`support-api did not start: ${stderr}`)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`support-api exited ${code}: ${stderr}`));
    });
  });
  const sql = (query) => execFileSync('sqlite3', ['-readonly', '-batch', '-noheader', db, query], { encoding: 'utf8' }).trim();
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    db,
    sql,
    // Rows the server really stored.
    rows: () => Number(sql('SELECT count(*) FROM requests')),
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

// Every CSP violation the page reports (the securitypolicyviolation event, in
// the document and in shadow roots, which it reaches composed) and every
// console message of Chromium about the policy, whichever comes first.
const watched = new WeakSet();
async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    const record = (e) => window.__cspViolations.push(`${e.effectiveDirective || e.violatedDirective} ${e.blockedURI} ${e.sourceFile || ''}:${e.lineNumber || 0}`);
    window.addEventListener('securitypolicyviolation', record, true);
    document.addEventListener('securitypolicyviolation', record, true);
  });
}

// A fresh context (its own storage) and a page at `path` of the server.
// options: width, height (viewport), colorScheme, reducedMotion, waitFor ('launcher' | 'load' | null)
export async function openPage(browser, server, path = '/', { width = 1280, height = 800, colorScheme = 'light', reducedMotion = 'no-preference', context: existing, waitFor = 'launcher' } = {}) {
  const context = existing || (await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion }));
  if (!watched.has(context)) {
    watched.add(context);
    await watchCsp(context);
  }
  const page = await context.newPage();
  page.consoleCsp = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) page.consoleCsp.push(m.text());
  });
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(String(e)));
  page.requests = [];
  page.on('request', (r) => page.requests.push({ url: r.url(), method: r.method() }));
  await page.goto(server.origin + path);
  if (waitFor === 'launcher') await page.locator('support-widget .launcher').waitFor({ state: 'visible' });
  return page;
}

export async function cspViolations(page) {
  const events = await page.evaluate(() => window.__cspViolations || []);
  return [...events, ...page.consoleCsp];
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// axe-core's WCAG 2.1 A/AA rules on the whole page, shadow DOM included. It is
// injected through the DevTools protocol, which the page's CSP does not govern.
// axe itself adds a <style> while it runs, which the CSP rightly refuses: the
// reports of that window are axe's, not the widget's, and are dropped.
export async function axe(page) {
  const before = await page.evaluate(() => window.__cspViolations.length);
  const consoleBefore = page.consoleCsp.length;
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }),
  );
  await new Promise((r) => setTimeout(r, 50)); // console reports arrive a little later
  await page.evaluate((n) => window.__cspViolations.splice(n), before);
  page.consoleCsp.splice(consoleBefore);
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export async function until(check, { timeout = 15000, every = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

// Shadow-piercing locators of the widget's parts (Playwright's CSS pierces open shadow roots).
export const widget = (page) => ({
  launcher: page.locator('support-widget .launcher'),
  panel: page.locator('support-widget .panel'),
  input: page.locator('support-widget .compose-input'),
  messages: page.locator('support-widget .messages > li'),
  botMessages: page.locator('support-widget .messages > li.from-bot'),
  choices: page.locator('support-widget .choices button'),
  tab: (view) => page.locator(`support-widget .tab[data-view="${view}"]`),
  field: (name) => page.locator(`support-widget [id^="sw-${name}-"]:is(input, textarea, select)`),
  error: (name) => page.locator(`support-widget .field [id^="sw-${name}-"][id$="-error"]`),
});

// The element that has focus, through shadow roots: "tag.class" or its id.
export const focused = (page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}${a.className ? '.' + String(a.className).split(' ').join('.') : ''}` : null;
  });

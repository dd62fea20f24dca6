// What forms-only mode costs a page, measured in Debian's headless chromium
// against the real reference server (not a test: it prints figures).
//   every file /forms fetches (gzip -9 of the bytes served), until its form is
//   checked by the core (support:ready), and with the password field's word
//   lists; next to the widget's download until its first chat answer on the
//   same web folder; time from DOMContentLoaded to support:ready on a cold cache.
//
//   node bench/forms_budget.mjs   (SUPPORT_DEMO: the built demo, default build/demo;
//                                  SUPPORT_WEB, SUPPORT_API as for the browser tests;
//                                  SUPPORT_WIDGET_WEB: another web folder for the widget's side)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGES, ROOT, WEB, launchBrowser, openPage, startServer } from '../tests/browser/harness.mjs';

const DEMO = process.env.SUPPORT_DEMO || join(ROOT, 'build/demo');
const WIDGET_WEB = process.env.SUPPORT_WIDGET_WEB || WEB;
const RUNS = Number(process.env.RUNS || 5);
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => x.toFixed(1);

// The bytes of a fetched path, from the folder the server serves it from.
const fileOf = (path, web = WEB) => (path.startsWith('/widget/') ? join(web, path.slice('/widget/'.length)) : join(DEMO, path === '/forms' ? 'forms.html' : path.slice(1)));

function table(title, paths, web = WEB) {
  let total = 0;
  console.log(title);
  for (const u of paths) {
    const bytes = readFileSync(fileOf(u, web));
    total += gz(bytes);
    console.log(`  ${u.padEnd(50)} ${String(bytes.length).padStart(8)} B ${String(gz(bytes)).padStart(8)} B gzip -9`);
  }
  console.log(`  ${'total'.padEnd(50)} ${''.padStart(10)} ${String(total).padStart(8)} B gzip -9`);
  return total;
}

// The paths a page fetched that the server answered with 200, in order, once each.
const served = (responses) => [...new Set(responses.filter((r) => r.status === 200).map((r) => new URL(r.url).pathname))];

const server = await startServer({ webRoots: [`/=${DEMO}`, `/widget=${WEB}`] });
const browser = await launchBrowser();
try {
  const readyTimes = [];
  let formsFiles = null;
  let passwordFiles = null;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      document.addEventListener('support:ready', () => (window.__ready = performance.now()), { once: true });
    });
    const responses = [];
    context.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
    const p = await openPage(browser, server, '/forms', { context, waitFor: 'load' });
    await p.focus('#subject'); // the first use: the core is fetched now if the idle page has not yet
    await p.waitForFunction(() => window.__ready);
    readyTimes.push(await p.evaluate(() => window.__ready - performance.getEntriesByType('navigation')[0].domContentLoadedEventStart));
    if (!formsFiles) {
      formsFiles = served(responses);
      await p.focus('#password');
      await p.keyboard.type('Pass');
      await p.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/data\/passwords\./.test(e.name)));
      await p.waitForTimeout(200);
      passwordFiles = served(responses).filter((u) => !formsFiles.includes(u));
    }
    await context.close();
  }
  const widgetLike = (u) => /support-widget|widget-|\/data\/chat/.test(u);
  const css = formsFiles.filter((u) => u.endsWith('.css'));
  const product = formsFiles.filter((u) => u.startsWith('/widget/'));
  const page = formsFiles.filter((u) => !u.startsWith('/widget/') && !u.endsWith('.css'));
  console.log(`forms-only mode: /forms, cold cache, ${RUNS} loads`);
  const pageTotal = table(' the portal page itself (not ours):', [...page, ...css]);
  const formsTotal = table(' fetched for forms-only mode until the form is checked (support:ready):', product);
  const pwTotal = passwordFiles.length ? table(' and when the password field is used:', passwordFiles) : 0;
  if (product.some(widgetLike)) console.log('  !! the forms page fetched widget or chat files');

  // The widget's first answer, for comparison: the test pages' cold.html (the one
  // script tag, nothing else) with the same web folder, or SUPPORT_WIDGET_WEB's.
  const widgetServer = await startServer({ webRoots: [`/=${PAGES}`, `/widget=${WIDGET_WEB}`] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const responses = [];
  context.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  const wp = await context.newPage();
  await wp.goto(`${widgetServer.origin}/cold.html`);
  await wp.locator('support-widget .launcher').waitFor({ state: 'visible' });
  await wp.evaluate(() => new Promise((resolve) => {
    window.SupportWidget.on('answer', resolve);
    document.querySelector('support-widget').shadowRoot.querySelector('.launcher').click();
    window.SupportWidget.ask('не могу войти');
  }));
  const widgetTotal = table('the widget until its first chat answer (ru, cold cache):', served(responses).filter((u) => u.startsWith('/widget/')), WIDGET_WEB);
  await context.close();
  await widgetServer.stop();
  console.log(`forms-only download ${formsTotal} B gzip -9 (${formsTotal + pwTotal} B with the password lists) against the widget's ${widgetTotal} B: ${((100 * formsTotal) / widgetTotal).toFixed(0)} % (${((100 * (formsTotal + pwTotal)) / widgetTotal).toFixed(0)} %)`);
  console.log(`  the portal page's own files, for scale: ${pageTotal} B gzip -9`);
  console.log(`form checked after DOMContentLoaded (the core fetched, compiled and loaded on first use): median ${fmt(median(readyTimes))} ms, max ${fmt(Math.max(...readyTimes))} ms over ${RUNS}`);
  console.log(`  machine load average while measuring: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
} finally {
  await browser.close();
  await server.stop();
}

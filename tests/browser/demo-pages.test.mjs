// The demo site (build/demo at /, the web folder at /widget/) on the real
// server: the portal page's widget answers, /status lists what this browser
// filed, and every page in both locales at 1280 and 360 px is served with the
// CSP header and has no CSP violation, no axe violation and no error; each is
// photographed into build/screenshots/<page>-<desktop|mobile>-<ru|en>.png.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test as nodeTest } from 'node:test';
import { CSP, ROOT, WEB, axe, cspViolations, launchBrowser, openPage, until, widget } from './harness.mjs';
import { LOCALES, SCREENSHOTS, demoPages, pageUrl, startDemoServer } from './demo-site.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 120_000 }, fn);

let server;
let browser;
before(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const catalog = (l) => JSON.parse(readFileSync(join(ROOT, 'i18n/messages', `${l}.json`), 'utf8'));
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 360, height: 740 } };

async function done(p) {
  assert.deepEqual(await cspViolations(p), [], 'no CSP violation');
  assert.deepEqual(p.pageErrors, [], 'no uncaught error');
  await p.context().close();
}

// Files a request through the widget's form on the portal page; its number.
async function fileRequest(p) {
  await p.evaluate(() => window.SupportWidget.open({ view: 'form' }));
  const w = widget(p);
  await w.field('subject').fill('Не приходит SMS-код');
  await w.field('description').fill('Третий день не могу войти: код не приходит.');
  await w.field('phone').fill('+7 916 123-45-67');
  await w.field('email').fill('ivan.petrov@mail.ru');
  await w.field('consent').check();
  const sent = p.evaluate(() => new Promise((r) => window.SupportWidget.on('sent', r)));
  await p.locator('support-widget button[part="submit"]').click();
  return sent;
}

describe('the portal page', () => {
  test('/ embeds the widget by its one script tag, with the hash of the built loader', async () => {
    const p = await openPage(browser, server, '/');
    const tags = await p.evaluate(() => [...document.scripts].map((s) => ({ src: s.getAttribute('src'), integrity: s.integrity, crossorigin: s.crossOrigin, locale: s.dataset.locale })));
    const files = JSON.parse(readFileSync(join(WEB, 'widget-files.json'), 'utf8')).files;
    assert.deepEqual(tags, [{ src: '/widget/support-widget.js', integrity: files['support-widget.js'].integrity, crossorigin: 'anonymous', locale: 'ru' }]);
    await done(p);
  });

  for (const [locale, question, topic] of [['ru', 'не могу войти в личный кабинет', /^access\./], ['en', 'I forgot my password', /^access\./]]) {
    test(`${pageUrl('index', locale)}: the widget opens from the launcher and answers (${locale})`, async () => {
      const p = await openPage(browser, server, pageUrl('index', locale));
      const w = widget(p);
      assert.equal(await w.launcher.getAttribute('aria-label'), catalog(locale).ui.widget.launcher);
      await w.launcher.click();
      await w.panel.waitFor({ state: 'visible' });
      await w.botMessages.first().waitFor();
      const answered = p.evaluate(() => new Promise((r) => window.SupportWidget.on('answer', r)));
      await w.input.fill(question);
      await w.input.press('Enter');
      assert.match((await answered).topic, topic);
      await until(async () => (await w.botMessages.count()) >= 2);
      await done(p);
    });
  }
});

describe('/status', () => {
  for (const locale of LOCALES) {
    test(`empty in a fresh browser (${locale})`, async () => {
      const p = await openPage(browser, server, pageUrl('status', locale), { waitFor: null });
      const message = p.locator('#requests .status-message');
      await until(async () => (await message.textContent()) === catalog(locale).ui.widget.status_empty);
      assert.equal(await p.locator('#requests .record').count(), 0);
      await done(p);
    });
  }

  test('a request filed through the widget shows up with its number, topic, status and due date, in ru and en', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const portal = await openPage(browser, server, '/', { context });
    const { number, due_date: due } = await fileRequest(portal);
    assert.match(number, /^\d{4}-\d{7}$/);
    await portal.close();

    const p = await openPage(browser, server, '/status', { context, waitFor: null });
    const record = p.locator(`#requests .record[data-number="${number}"]`);
    await record.waitFor();
    const ru = catalog('ru');
    await until(async () => (await record.textContent()).includes(ru.status.accepted));
    const text = await record.textContent();
    assert.ok(text.includes(ru.ui.widget.status_number.replace('{number}', number)), text);
    assert.ok(text.includes(ru.schema.feedback.title), `the topic: ${text}`);
    const [y, , d] = due.split('-').map(Number);
    assert.ok(text.includes(`${d} `) && text.includes(String(y)), `the due date ${due}: ${text}`);
    assert.ok(p.requests.some((r) => r.method === 'GET' && r.url.endsWith(`/api/v1/support/requests/${number}`)), 'the status comes from the API');
    assert.deepEqual(await axe(p), []);
    await done(p); // closes its context too

    // The English page, from another browser's request filed on the English portal page.
    const context2 = await browser.newContext({ viewport: VIEWPORTS.mobile });
    const portal2 = await openPage(browser, server, '/en/', { context: context2 });
    const second = await fileRequest(portal2);
    await portal2.close();
    const p2 = await openPage(browser, server, '/en/status', { context: context2, waitFor: null });
    const record2 = p2.locator(`#requests .record[data-number="${second.number}"]`);
    await record2.waitFor();
    const enCatalog = catalog('en');
    await until(async () => (await record2.textContent()).includes(enCatalog.status.accepted));
    assert.ok((await record2.textContent()).includes(enCatalog.schema.feedback.title));
    await done(p2);
  });
});

describe('every page', () => {
  const pages = demoPages();
  test('the site has the pages the issue asks for', () => {
    for (const page of ['index', 'mobile', 'status']) assert.ok(pages.includes(page), page);
  });
  for (const page of pages) {
    for (const locale of LOCALES) {
      for (const [device, viewport] of Object.entries(VIEWPORTS)) {
        test(`${pageUrl(page, locale)} at ${viewport.width} px: CSP header, no violation, axe clean; screenshot`, async () => {
          const context = await browser.newContext({ viewport, isMobile: device === 'mobile', hasTouch: device === 'mobile' });
          const response = [];
          context.on('response', (r) => r.url() === server.origin + pageUrl(page, locale) && response.push(r));
          const p = await openPage(browser, server, pageUrl(page, locale), { context, waitFor: null });
          await p.waitForLoadState('networkidle');
          assert.equal(response[0].status(), 200);
          assert.equal(response[0].headers()['content-security-policy'], CSP);
          assert.equal(await p.evaluate(() => document.documentElement.lang), locale);
          const alternates = await p.evaluate(() => Object.fromEntries([...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => [l.hreflang, new URL(l.href).pathname])));
          assert.deepEqual(alternates, Object.fromEntries(LOCALES.map((l) => [l, pageUrl(page, l)])), 'the page in every language');
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px too wide)`);
          assert.deepEqual(await axe(p), []);
          mkdirSync(SCREENSHOTS, { recursive: true });
          await p.screenshot({ path: join(SCREENSHOTS, `${page}-${device}-${locale}.png`) });
          await done(p);
        });
      }
    }
  }
});

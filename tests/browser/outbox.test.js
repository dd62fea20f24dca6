// The outbox under faults (issue 12): real support-api with its own SQLite
// database, real IndexedDB in headless chromium; each test counts the rows the
// server stored.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { asBase64, events, launchBrowser, newContext, openPage, REQUESTS_PATH, ROOT, startServer, until, watchPosts } from './outbox-harness.mjs';
import { packaged, png } from './outbox-fixtures.mjs';

const ru = JSON.parse(readFileSync(join(ROOT, 'i18n/messages/ru.json'), 'utf8')).ui.outbox;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const enqueue = (page, request, files = []) => page.evaluate(([r, f]) => window.outboxTest.enqueue(r, f), [request, asBase64(files)]);
const sentEvents = async (page) => (await events(page)).filter((e) => e.type === 'sent' && !e.remote);
const statusText = (page) => page.textContent('#status');
const noCspViolations = async (page) => assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
});

// A server, a context and one page on it; cleaned up by the caller's finally.
async function setUp(query = '') {
  const server = await startServer();
  const context = await newContext(browser, server.origin, { servedByServer: server.servesPages });
  const page = await openPage(context, server.origin, query);
  return { server, context, page, done: async () => (await context.close(), await server.stop()) };
}

describe('outbox faults', () => {
  test('offline at submit: queued state shown, back online, exactly one request, its number shown', async () => {
    const { server, context, page, done } = await setUp();
    try {
      const posts = watchPosts(page);
      await context.setOffline(true);
      const { id, saved } = await enqueue(page, packaged('Нет связи при отправке'));
      assert.equal(saved, true);
      await until(async () => (await statusText(page)) === ru.offline);
      await sleep(500);
      assert.equal(server.rows(), 0);
      assert.equal(posts.length, 0, 'nothing is sent while offline');

      await context.setOffline(false);
      const [sent] = await until(() => sentEvents(page).then((s) => s.length && s));
      assert.equal(sent.id, id);
      assert.equal(server.rows(), 1);
      const number = server.numbers()[0];
      assert.equal(sent.number, number);
      assert.match(await statusText(page), new RegExp(`№ ${number}`));
      assert.equal((await page.evaluate(() => window.outboxTest.records()))[0].number, number);
      assert.deepEqual(await page.evaluate(() => window.outboxTest.entries()), [], 'the body is gone after 201');
      await noCspViolations(page);
    } finally {
      await done();
    }
  });

  test('the server stores the request but the response is lost: retried with the same key, exactly one', async () => {
    const { server, page, done } = await setUp('?base=200');
    try {
      const posts = watchPosts(page);
      let storedBeforeAbort = null;
      await page.route(`**${REQUESTS_PATH}`, async (route) => {
        if (storedBeforeAbort !== null) return route.continue();
        const response = await route.fetch();
        storedBeforeAbort = { status: response.status(), rows: server.rows() };
        await route.abort('connectionreset');
      });
      const { id } = await enqueue(page, packaged('Ответ потерялся'));
      const [sent] = await until(() => sentEvents(page).then((s) => s.length && s));
      assert.deepEqual(storedBeforeAbort, { status: 201, rows: 1 });
      assert.ok(posts.length >= 2);
      assert.deepEqual(new Set(posts.map((p) => p.key)), new Set([posts[0].key]), 'one Idempotency-Key for every attempt');
      assert.ok((await events(page)).some((e) => e.type === 'failed' && e.transient && e.id === id));
      assert.equal(server.rows(), 1);
      assert.equal(sent.number, server.numbers()[0]);
      assert.match(await statusText(page), new RegExp(`№ ${sent.number}`));
    } finally {
      await done();
    }
  });

  for (const reachedServer of [true, false]) {
    test(`the page is reloaded while the POST is in flight (${reachedServer ? 'server stored it' : 'not yet at the server'}): exactly one after the next load`, async () => {
      const { server, context, page, done } = await setUp();
      try {
        let held = 0;
        let stored = false;
        await context.route(`**${REQUESTS_PATH}`, async (route) => {
          if (held++ > 0) return route.continue();
          if (reachedServer) {
            await route.fetch();
            stored = true;
          }
          // Never answered: the reload cuts it off.
        });
        const posts = watchPosts(page);
        await enqueue(page, packaged('Перезагрузка во время отправки'));
        await until(() => posts.length === 1 && (!reachedServer || stored));
        assert.equal(server.rows(), reachedServer ? 1 : 0);
        await page.reload();
        await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
        const [sent] = await until(() => sentEvents(page).then((s) => s.length && s));
        assert.equal(sent.resumed, true, 'the next load finishes the job and says so');
        assert.equal(await statusText(page), ru.sent_earlier.replace('{number}', sent.number).replace('{due, date}', sent.due_date));
        assert.equal(server.rows(), 1);
        assert.deepEqual(new Set(posts.map((p) => p.key)).size, 1);
      } finally {
        await done();
      }
    });
  }

  test('503 with Retry-After twice, then success: waits as told, exactly one', async () => {
    const { server, page, done } = await setUp();
    try {
      const posts = watchPosts(page);
      let refusals = 0;
      await page.route(`**${REQUESTS_PATH}`, (route) => {
        if (refusals >= 2) return route.continue();
        refusals++;
        return route.fulfill({ status: 503, headers: { 'Retry-After': '1', 'Content-Type': 'application/problem+json' }, body: '{"code":"internal_error"}' });
      });
      await enqueue(page, packaged('Сервер перегружен'));
      await until(() => sentEvents(page).then((s) => s.length));
      assert.equal(posts.length, 3);
      for (let i = 1; i < posts.length; i++) assert.ok(posts[i].at - posts[i - 1].at >= 1000, `attempt ${i + 1} came ${posts[i].at - posts[i - 1].at} ms after the previous one`);
      const failed = (await events(page)).filter((e) => e.type === 'failed');
      assert.equal(failed.length, 2);
      assert.ok(failed.every((e) => e.transient && e.httpStatus === 503 && e.retryInMs >= 1000));
      for (const e of failed) {
        assert.equal(e.statusKey, 'ui.outbox.retrying');
        assert.ok(e.text.startsWith(ru.retrying.split('{')[0]) && e.text.includes(String(Math.ceil(e.retryInMs / 1000))), e.text);
      }
      assert.equal(server.rows(), 1);
    } finally {
      await done();
    }
  });

  test('the tab shown again (visibilitychange) resumes a queue whose retry timer the browser never ran', async () => {
    const { server, page, done } = await setUp();
    try {
      let failures = 0;
      await page.route(`**${REQUESTS_PATH}`, (route) =>
        failures++ === 0 ? route.fulfill({ status: 503, headers: { 'Retry-After': '2' }, body: '' }) : route.continue(),
      );
      await enqueue(page, packaged('Вкладка снова видна'));
      await until(async () => (await events(page)).some((e) => e.type === 'failed'));
      // A frozen or throttled background tab: the timer is gone.
      await page.evaluate(() => clearTimeout(window.outboxTest.outbox.timer));
      await sleep(3000);
      assert.equal(server.rows(), 0, 'nothing moves without a trigger');
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await until(() => sentEvents(page).then((s) => s.length));
      assert.equal(server.rows(), 1);
    } finally {
      await done();
    }
  });

  for (const locks of ['Web Locks', 'IndexedDB lease']) {
    test(`two tabs open on the queued request when the network returns (${locks}): one POST, exactly one request`, async () => {
      const server = await startServer();
      const context = await newContext(browser, server.origin, { servedByServer: server.servesPages });
      try {
        if (locks !== 'Web Locks') await context.addInitScript(() => delete Navigator.prototype.locks);
        // Slow answers, so both tabs are awake while the request is in flight.
        await context.route(`**${REQUESTS_PATH}`, async (route) => {
          await sleep(700);
          await route.continue();
        });
        const a = await openPage(context, server.origin);
        const b = await openPage(context, server.origin);
        assert.equal(await b.evaluate(() => 'locks' in navigator), locks === 'Web Locks');
        const posts = [...[a, b].map(watchPosts)];
        await context.setOffline(true);
        await enqueue(a, packaged('Две вкладки'));
        await until(async () => (await statusText(b)) === ru.offline || (await statusText(a)) === ru.offline);
        await context.setOffline(false);
        await until(() => sentEvents(a).then(async (s) => s.length || (await sentEvents(b)).length));
        await sleep(2500); // time for the other tab's recheck to (not) send it again
        assert.equal(posts[0].length + posts[1].length, 1, `POSTs: tab A ${posts[0].length}, tab B ${posts[1].length}`);
        assert.equal(server.rows(), 1);
        // The tab that did not send hears of it too.
        await until(async () => (await statusText(a)).includes(server.numbers()[0]) && (await statusText(b)).includes(server.numbers()[0]));
      } finally {
        await context.close();
        await server.stop();
      }
    });
  }

  test('422 for a field: the form shows that field\'s error, nothing stored, not retried', async () => {
    const { server, page, done } = await setUp();
    try {
      const posts = watchPosts(page);
      const { id } = await enqueue(page, packaged('Неверный телефон', { phone: '+7916' }));
      await until(async () => (await events(page)).some((e) => e.type === 'needs-fix'));
      const fix = (await events(page)).find((e) => e.type === 'needs-fix');
      assert.equal(fix.id, id);
      assert.deepEqual(fix.errors.map((e) => [e.path, e.code]), [['phone', 'phone.too_short']]);
      assert.equal(await page.getAttribute('#phone', 'aria-invalid'), 'true');
      assert.equal(await page.textContent('#phone-error'), fix.errors[0].message);
      assert.match(fix.errors[0].message, /цифр/, 'the server\'s Russian message');
      assert.equal(await statusText(page), ru.needs_fix.replace(/\{count, plural.*\}\}/, '1 поле'));
      await sleep(1500);
      assert.equal(posts.length, 1);
      assert.equal(server.rows(), 0);
      const entries = await page.evaluate(() => window.outboxTest.entries());
      assert.deepEqual(entries.map((e) => [e.id, e.state]), [[id, 'needs-fix']], 'kept for the person to fix, never sent again by itself');
      // The corrected form is a new request (a new key) that replaces the old one.
      const fixed = await page.evaluate(([r, old]) => window.outboxTest.enqueue(r, [], { replaces: old }), [packaged('Неверный телефон'), id]);
      assert.notEqual(fixed.id, id);
      await until(() => sentEvents(page).then((s) => s.length));
      assert.equal(server.rows(), 1);
      assert.deepEqual(await page.evaluate(() => window.outboxTest.entries()), [], 'nothing of either form is left');
    } finally {
      await done();
    }
  });

  test('the real server\'s rate limit (429 with Retry-After): every request sent once, in order, after the waits it asks for', async () => {
    const server = await startServer(['--rate-limit', '30', '--rate-burst', '3']);
    const context = await newContext(browser, server.origin, { servedByServer: server.servesPages });
    try {
      const page = await openPage(context, server.origin);
      const posts = watchPosts(page);
      await context.setOffline(true);
      const subjects = ['Первое из шести', 'Второе из шести', 'Третье из шести', 'Четвёртое из шести', 'Пятое из шести', 'Шестое из шести'];
      for (const s of subjects) await enqueue(page, packaged(s));
      await context.setOffline(false);
      await until(() => sentEvents(page).then((s) => s.length === subjects.length), { timeout: 90000 });
      const limited = (await events(page)).filter((e) => e.type === 'failed' && e.httpStatus === 429);
      assert.ok(limited.length >= 1, 'the limiter answered 429 at least once');
      assert.ok(limited.every((e) => e.transient && e.retryInMs >= 1000), JSON.stringify(limited.map((e) => e.retryInMs)));
      assert.deepEqual(server.subjects(), subjects);
      assert.equal(new Set(posts.map((p) => p.key)).size, subjects.length);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  test('100 requests queued offline, then online: exactly 100, in order, none twice', async () => {
    const { server, context, page, done } = await setUp();
    try {
      const posts = watchPosts(page);
      await context.setOffline(true);
      const subjects = Array.from({ length: 100 }, (_, i) => `Обращение ${String(i + 1).padStart(3, '0')}`);
      const ids = [];
      for (const s of subjects) ids.push((await enqueue(page, packaged(s))).id);
      assert.equal(new Set(ids).size, 100);
      assert.equal((await page.evaluate(() => window.outboxTest.entries())).length, 100);
      await context.setOffline(false);
      await until(() => sentEvents(page).then((s) => s.length === 100), { timeout: 120000 });
      assert.equal(server.rows(), 100);
      assert.deepEqual(server.subjects(), subjects, 'stored in the order they were submitted');
      assert.equal(posts.length, 100);
      assert.equal(new Set(posts.map((p) => p.key)).size, 100);
      const sent = await sentEvents(page);
      assert.deepEqual(sent.map((e) => e.id), ids);
      assert.equal(new Set(sent.map((e) => e.number)).size, 100);
      assert.equal((await page.evaluate(() => window.outboxTest.records())).length, 100);
    } finally {
      await done();
    }
  });
});

// The outbox when storage fails or lies, and upload progress for attachments:
// real support-api, real IndexedDB (broken on purpose where said).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { asBase64, events, launchBrowser, newContext, openPage, ROOT, startServer, until, watchPosts } from './outbox-harness.mjs';
import { packaged, png } from './outbox-fixtures.mjs';

const ru = JSON.parse(readFileSync(join(ROOT, 'i18n/messages/ru.json'), 'utf8')).ui.outbox;
const en = JSON.parse(readFileSync(join(ROOT, 'i18n/messages/en.json'), 'utf8')).ui.outbox;
const enqueue = (page, request, files = []) => page.evaluate(([r, f]) => window.outboxTest.enqueue(r, f), [request, asBase64(files)]);
const sentEvents = async (page) => (await events(page)).filter((e) => e.type === 'sent' && !e.remote);
const statusText = (page) => page.textContent('#status');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
});

async function withServer(work) {
  const server = await startServer();
  const context = await newContext(browser, server.origin, { servedByServer: server.servesPages });
  try {
    await work(server, context);
  } finally {
    await context.close();
    await server.stop();
  }
}

describe('outbox storage failures', () => {
  test('IndexedDB unavailable (a private window): sent directly with a clear message, exactly one', () =>
    withServer(async (server, context) => {
      await context.addInitScript(() => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
        };
      });
      const page = await openPage(context, server.origin);
      const posts = watchPosts(page);
      await context.setOffline(true);
      const { saved } = await enqueue(page, packaged('Без хранилища'));
      assert.equal(saved, false);
      await until(async () => (await statusText(page)) === ru.unsaved_offline);
      await context.setOffline(false);
      const [sent] = await until(() => sentEvents(page).then((s) => s.length && s));
      assert.equal(sent.saved, false);
      assert.equal(server.rows(), 1);
      assert.equal(posts.length, 1);
      assert.equal(sent.number, server.numbers()[0]);
    }));

  test('quota exceeded when saving: sent directly, the person told to keep the page open, exactly one', () =>
    withServer(async (server, context) => {
      await context.addInitScript(() => {
        IDBObjectStore.prototype.add = function () {
          throw new DOMException('Quota exceeded', 'QuotaExceededError');
        };
      });
      const page = await openPage(context, server.origin, '?locale=en');
      const seen = [];
      await page.exposeFunction('__seen', (t) => seen.push(t));
      await page.evaluate(() => window.outboxTest.outbox.on('queued', (e) => window.__seen(e.message.key)));
      const { saved } = await enqueue(page, packaged('Quota exceeded'));
      assert.equal(saved, false);
      const [sent] = await until(() => sentEvents(page).then((s) => s.length && s));
      assert.deepEqual(seen, ['ui.outbox.unsaved']);
      assert.ok((await events(page)).some((e) => e.type === 'queued' && e.text === en.unsaved));
      assert.equal(server.rows(), 1);
      assert.equal(sent.number, server.numbers()[0]);
    }));

  test('tampered stored entries: a clear failure for the broken one, the good ones still sent once', () =>
    withServer(async (server, context) => {
      let page = await openPage(context, server.origin);
      await context.setOffline(true);
      const good = await enqueue(page, packaged('Уцелевшее обращение'));
      // Break what is stored: garbage beside the good entry, and nonsense
      // counters on the good one (a day-long wait, a non-number attempt count).
      await page.evaluate(async (goodKey) => {
        const db = await new Promise((res, rej) => {
          const r = indexedDB.open('support-outbox');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const tx = db.transaction('entries', 'readwrite');
        const os = tx.objectStore('entries');
        os.add({ key: 'not-a-uuid', request: 42, files: 'x', state: 'queued' });
        os.add({ key: crypto.randomUUID(), request: '{"form":"feedback"}', files: [{ name: 'a.png', blob: 'not a blob' }], state: 'queued' });
        const all = os.getAll();
        all.onsuccess = () => {
          const e = all.result.find((x) => x.key === goodKey);
          os.put({ ...e, attempts: 'many', notBefore: Date.now() + 1e12, waitReason: 'server' });
        };
        await new Promise((r) => (tx.oncomplete = r));
        db.close();
      }, good.id);
      await page.close();
      await context.setOffline(false);
      page = await openPage(context, server.origin);
      const [sent] = await until(() => sentEvents(page).then((s) => s.length && s));
      assert.equal(sent.id, good.id);
      const failed = (await events(page)).filter((e) => e.type === 'failed');
      assert.equal(failed.length, 2);
      assert.ok(failed.every((e) => e.code === 'corrupt' && !e.transient && e.text === ru.corrupt));
      const entries = await page.evaluate(() => window.outboxTest.entries());
      assert.deepEqual(entries.map((e) => [e.state, e.code]), [['failed', 'corrupt'], ['failed', 'corrupt']], 'kept (not silently dropped) until discarded');
      assert.equal(server.rows(), 1);
      // Discarding them leaves an empty outbox.
      await page.evaluate(async () => {
        for (const e of await window.outboxTest.entries()) await window.outboxTest.outbox.discard(e.id);
      });
      assert.deepEqual(await page.evaluate(() => window.outboxTest.entries()), []);
    }));

  test('bad input to enqueue is refused with a clear error, nothing queued', () =>
    withServer(async (server, context) => {
      const page = await openPage(context, server.origin);
      const errors = await page.evaluate(async () => {
        const out = [];
        for (const [request, files] of [['{not json', []], ['[1,2]', []], [42, []], ['{"form":"feedback"}', [{ name: 'x.png' }]], ['x'.repeat(1024 * 1024 + 1), []]]) {
          try {
            await window.outboxTest.outbox.enqueue(request, files);
            out.push('accepted');
          } catch (e) {
            out.push(e.message);
          }
        }
        return out;
      });
      assert.deepEqual(errors, [
        'outbox: the packaged request is not valid JSON',
        'outbox: the packaged request must be a JSON object',
        'outbox: the packaged request must be a JSON string or an object',
        'outbox: file 0 needs a Blob and a name',
        'outbox: the packaged request is larger than 1 MB',
      ]);
      assert.deepEqual(await page.evaluate(() => window.outboxTest.entries()), []);
      assert.equal(server.rows(), 0);
    }));
});

describe('outbox attachments', () => {
  test('upload progress for attachments, the files stored byte for byte, the body deleted after 201', () =>
    withServer(async (server, context) => {
      const page = await openPage(context, server.origin);
      // A phone-like uplink (about 8 Mbit/s), so the upload takes long enough to report on.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
      const files = [
        { name: 'screen-1.png', bytes: png(3 * 1024 * 1024, 1) },
        { name: 'screen-2.png', bytes: png(1024 * 1024, 2) },
      ];
      await enqueue(page, packaged('С вложениями', { files }), files);
      const [sent] = await until(() => sentEvents(page).then((s) => s.length && s));
      const progress = (await events(page)).filter((e) => e.type === 'progress');
      assert.ok(progress.length >= 2, `${progress.length} progress events`);
      const total = progress[0].total;
      assert.ok(total > 4 * 1024 * 1024);
      for (let i = 1; i < progress.length; i++) assert.ok(progress[i].loaded >= progress[i - 1].loaded);
      assert.equal(progress.at(-1).loaded, total);
      assert.equal(progress.at(-1).text, ru.progress.replace('{percent}', '100'));
      assert.equal(await page.evaluate(() => document.getElementById('progress').value), 100);
      assert.equal(server.rows(), 1);
      const digest = (b) => createHash('sha256').update(b).digest('hex');
      const stored = server.sql("SELECT name || ' ' || sha256 || ' ' || length(content) FROM attachments ORDER BY position").split('\n');
      assert.deepEqual(stored, files.map((f) => `${f.name} ${digest(f.bytes)} ${f.bytes.length}`));
      // Nothing of the person's form is left in this browser: only the record.
      assert.deepEqual(await page.evaluate(() => window.outboxTest.entries()), []);
      const kept = await page.evaluate(() => window.outboxTest.records());
      assert.deepEqual(Object.keys(kept[0]).sort(), ['access_token', 'created_at', 'due_date', 'form', 'key', 'number', 'priority', 'sent_at', 'status']);
      assert.equal(kept[0].number, sent.number);
    }));
});

// /mobile: the widget in the app's webview, with each of the three native
// hosts a webview offers stubbed before the page starts (React Native,
// iOS WKWebView, Android). Events reach the host as JSON with type and
// version; the app's commands work by the way each platform sends them;
// malformed commands are answered with an error event, never a throw.
import assert from 'node:assert/strict';
import { after, before, describe, test as nodeTest } from 'node:test';
import { cspViolations, launchBrowser, openPage, until, widget } from './harness.mjs';
import { startDemoServer } from './demo-site.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 90_000 }, fn);

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

// Each host: how the stub is installed, how its messages read back as JSON
// text, and how the app sends a command (evaluateJavascript calls the global;
// React Native's webView.postMessage dispatches a message event).
const HOSTS = {
  'React Native': {
    install: () => (window.ReactNativeWebView = { postMessage: (m) => window.__toApp.push(m) }),
    text: true,
    send: (p, c) => p.evaluate((data) => window.dispatchEvent(new MessageEvent('message', { data })), c),
  },
  'iOS WKWebView': {
    install: () => (window.webkit = { messageHandlers: { support: { postMessage: (m) => window.__toApp.push(m) } } }),
    text: false, // WKScriptMessage.body: an object
    send: (p, c) => p.evaluate((data) => window.SupportWidgetBridge.receive(data), c),
  },
  Android: {
    install: () => (window.SupportBridge = { postMessage: (m) => window.__toApp.push(m) }),
    text: true,
    send: (p, c) => p.evaluate((data) => window.SupportWidgetBridge.receive(data), c),
  },
};

async function mobilePage(host, path = '/mobile') {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await context.addInitScript(`window.__toApp = []; (${HOSTS[host].install})();`);
  const p = await openPage(browser, server, path, { context, waitFor: null });
  return p;
}

// What the host received, each checked to be what the platform carries.
async function received(p, host) {
  const raw = await p.evaluate(() => window.__toApp);
  return raw.map((m) => {
    assert.equal(typeof m, HOSTS[host].text ? 'string' : 'object', `a ${HOSTS[host].text ? 'string' : 'plain object'} for ${host}`);
    const message = HOSTS[host].text ? JSON.parse(m) : m;
    assert.equal(typeof message.type, 'string');
    assert.equal(message.version, 1);
    return message;
  });
}
const waitFor = (p, host, match) => until(async () => (await received(p, host)).find(match));
const errorsOf = async (p, host) => (await received(p, host)).filter((m) => m.type === 'error');

async function done(p) {
  assert.deepEqual(await cspViolations(p), [], 'no CSP violation');
  assert.deepEqual(p.pageErrors, [], 'nothing thrown in the page');
  await p.context().close();
}

for (const host of Object.keys(HOSTS)) {
  describe(`the bridge with ${host}`, () => {
    test('no launcher; ready, then open, ask, setLocale and close work as commands', async () => {
      const p = await mobilePage(host);
      const w = widget(p);
      const ready = await waitFor(p, host, (m) => m.type === 'ready');
      assert.equal(ready.locale, 'ru');
      assert.equal(await w.launcher.isVisible(), false, 'the app opens the widget itself');

      await HOSTS[host].send(p, JSON.stringify({ type: 'open', version: 1, id: 'o1' }));
      await w.panel.waitFor({ state: 'visible' });
      assert.equal((await waitFor(p, host, (m) => m.type === 'open')).view, 'chat');
      // No launcher to keep clear: the panel fills the phone's screen (0.5rem margins).
      await p.waitForTimeout(250); // its opening animation
      const box = await w.panel.boundingBox();
      assert.deepEqual([box.x, box.y, box.x + box.width, box.y + box.height].map(Math.round), [8, 8, 352, 732]);

      await HOSTS[host].send(p, { type: 'ask', version: 1, id: 2, text: 'не могу войти в личный кабинет' });
      const answer = await waitFor(p, host, (m) => m.type === 'answer');
      assert.match(answer.topic, /^access\./);
      await until(async () => (await w.messages.allTextContents()).some((t) => t.includes('не могу войти в личный кабинет')));

      await HOSTS[host].send(p, JSON.stringify({ type: 'setLocale', version: 1, locale: 'en' }));
      await until(async () => (await w.panel.textContent()).includes('Your message'));

      await HOSTS[host].send(p, { type: 'close', version: 1 });
      await waitFor(p, host, (m) => m.type === 'close');
      await w.panel.waitFor({ state: 'hidden' });
      assert.deepEqual(await errorsOf(p, host), [], 'no error event for good commands');
      // The demo page's log shows what the app got, and what its own buttons send.
      const log = () => p.locator('#bridge-log li').allTextContents();
      for (const type of ['ready', 'open', 'answer', 'close']) assert.ok((await log()).some((t) => t.includes(`"type":"${type}"`)), `${type} in the log`);
      await p.locator('button[data-type="ask"]').click();
      await until(async () => (await log()).some((t) => t.startsWith('приложение → виджет') && t.includes('"type":"ask"')));
      await until(async () => (await received(p, host)).filter((m) => m.type === 'answer').length === 2);
      await done(p);
    });

    test('malformed commands are refused with an error event naming the problem and the id', async () => {
      const p = await mobilePage(host);
      await waitFor(p, host, (m) => m.type === 'ready');
      const cases = [
        ['{"type": "open", "version": 1', { code: 'invalid_json' }],
        ['[1, 2]', { code: 'invalid_command' }],
        [JSON.stringify({ type: 'fly', version: 1, id: 'c3' }), { code: 'unknown_type', id: 'c3' }],
        [JSON.stringify({ type: 'open', version: 2, id: 4 }), { code: 'unsupported_version', id: 4 }],
        [JSON.stringify({ type: 'ask', version: 1, id: 5, text: 42 }), { code: 'invalid_field', id: 5, field: 'text' }],
        [JSON.stringify({ type: 'setLocale', version: 1, id: 6, locale: 'de' }), { code: 'invalid_field', id: 6, field: 'locale' }],
        [JSON.stringify({ type: 'open', version: 1, id: 7, script: 'alert(1)' }), { code: 'unknown_field', id: 7, field: 'script' }],
        [JSON.stringify({ type: 'ask', version: 1, id: 8, text: 'а'.repeat(1_000_000) }), { code: 'too_large' }],
        [JSON.stringify({ type: 'ask', version: 1, id: 9, text: 'а'.repeat(5000) }), { code: 'too_large', id: 9, field: 'text' }],
      ];
      for (const [command, expected] of cases) {
        const before = (await errorsOf(p, host)).length;
        await HOSTS[host].send(p, command);
        const errors = await until(async () => {
          const e = await errorsOf(p, host);
          return e.length > before && e;
        });
        assert.deepEqual(errors.at(-1), { type: 'error', version: 1, ...expected }, command.slice(0, 80));
      }
      // Nothing of it reached the widget: closed, no chat message sent.
      assert.equal(await widget(p).panel.isVisible(), false);
      assert.equal((await received(p, host)).filter((m) => m.type !== 'error' && m.type !== 'ready').length, 0);
      await done(p);
    });
  });
}

test('a request filed in the webview: the app hears submit, queued and sent with the number and due date', async () => {
  const p = await mobilePage('Android');
  await waitFor(p, 'Android', (m) => m.type === 'ready');
  await HOSTS.Android.send(p, JSON.stringify({ type: 'open', version: 1, view: 'form' }));
  const w = widget(p);
  await w.field('subject').fill('Не приходит SMS-код');
  await w.field('description').fill('Третий день не могу войти: код не приходит.');
  await w.field('phone').fill('+7 916 123-45-67');
  await w.field('email').fill('ivan.petrov@mail.ru');
  await w.field('consent').check();
  await p.locator('support-widget button[part="submit"]').click();
  const sent = await waitFor(p, 'Android', (m) => m.type === 'sent');
  assert.match(sent.number, /^\d{4}-\d{7}$/);
  assert.match(sent.due_date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(server.sql(`SELECT count(*) FROM requests WHERE number = '${sent.number}'`), '1');
  const types = (await received(p, 'Android')).map((m) => m.type);
  assert.deepEqual(types.filter((t) => ['submit', 'queued', 'sent'].includes(t)), ['submit', 'queued', 'sent']);
  await done(p);
});

test('another window\'s postMessage is never a command (only events the page dispatched)', async () => {
  const p = await mobilePage('React Native');
  await waitFor(p, 'React Native', (m) => m.type === 'ready');
  // A real postMessage has a source window; React Native's own events have none.
  await p.evaluate(() => window.postMessage(JSON.stringify({ type: 'open', version: 1 }), '*'));
  await p.evaluate(() => window.postMessage('not json', '*'));
  await p.waitForTimeout(300);
  assert.equal(await widget(p).panel.isVisible(), false);
  assert.deepEqual((await received(p, 'React Native')).map((m) => m.type), ['ready']);
  // Dispatched on document (React Native on Android does so) it is one.
  await p.evaluate(() => document.dispatchEvent(new MessageEvent('message', { data: '{"type":"open","version":1}' })));
  await widget(p).panel.waitFor({ state: 'visible' });
  await done(p);
});

test('a host object that throws, or commands before the page is ready, break nothing', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addInitScript(() => {
    window.__calls = 0;
    window.SupportBridge = { postMessage: () => { window.__calls++; throw new Error('native side crashed'); } };
    // The app's first command arrives as soon as the global exists, before the bridge's file has loaded.
    document.addEventListener('DOMContentLoaded', () => setTimeout(() => window.SupportWidgetBridge.receive('{"type":"open","version":1}')));
  });
  const p = await openPage(browser, server, '/en/mobile', { context, waitFor: null });
  await widget(p).panel.waitFor({ state: 'visible' });
  await until(() => p.evaluate(() => window.__calls >= 2)); // ready and open were posted, and threw
  await p.evaluate(() => window.SupportWidgetBridge.receive('nonsense'));
  assert.equal(await p.evaluate(() => typeof window.SupportWidgetBridge.receive({ type: 'close', version: 1 })), 'undefined');
  await done(p);
});

test('without a native host (a plain browser) the page logs what the app would get', async () => {
  const p = await openPage(browser, server, '/en/mobile', { width: 360, height: 740, waitFor: null });
  assert.equal(await p.locator('#no-host').isVisible(), true);
  await until(async () => (await p.locator('#bridge-log li').allTextContents()).some((t) => t.includes('"type":"ready"')));
  await p.locator('button[data-type="malformed"]').click();
  const last = p.locator('#bridge-log li.error').last();
  await last.waitFor();
  assert.match(await last.textContent(), /invalid_json.*not JSON/);
  await p.locator('button[data-type="open"]').click();
  await widget(p).panel.waitFor({ state: 'visible' });
  await done(p);
});

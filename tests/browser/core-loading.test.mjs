// How the widget gets its core in a real browser: the loader fetches
// manifest.json and has the browser fetch the module, the .wasm and the first
// packs while the widget's own code is still on its way, each file once; and a
// file changed on its way (a CDN) fails its integrity and is named, and opening
// again once it is right starts the chat.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cspViolations, launchBrowser, openPage, startServer, until, widget } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const name = (url) => new URL(url).pathname.replace(/^\/widget\//, '');

test('the core files are fetched beside the widget code, not after it, and each once', async () => {
  const context = await browser.newContext();
  // The widget's module is held back 600 ms: what the browser asks for meanwhile is what the loader preloaded.
  let released = false;
  const whileHeld = [];
  context.on('request', (r) => {
    if (!released) whileHeld.push(name(r.url()));
  });
  await context.route(/\/widget\/widget-[A-Z0-9]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    released = true;
    await route.continue();
  });
  const p = await openPage(browser, server, '/cold.html', { context });
  const ready = p.evaluate(() => new Promise((r) => window.SupportWidget.on('ready', r)));
  await widget(p).launcher.click();
  await ready;
  const held = whileHeld.filter((n) => !n.startsWith('/'));
  assert.ok(held.includes('manifest.json'), `manifest.json requested while the widget code was held: ${held}`);
  assert.ok(held.some((n) => /^support-core\.[0-9a-f]+\.wasm$/.test(n)), `the .wasm preloaded: ${held}`);
  assert.ok(held.some((n) => /^support-core\.[0-9a-f]+\.mjs$/.test(n)), `the module preloaded: ${held}`);
  assert.ok(held.some((n) => /^data\/chat-ru\./.test(n)), `the Russian chat texts preloaded: ${held}`);
  assert.ok(!held.some((n) => /^data\/(en|chat-en|forms-ru)\./.test(n)), `nothing another locale or the form needs: ${held}`);
  // Every core file went over the network once (a preload its fetch did not reuse would show twice).
  const coreFiles = p.requests.map((r) => name(r.url)).filter((n) => /^(manifest\.json|support-core|data\/)/.test(n));
  assert.deepEqual(coreFiles.filter((n, i) => coreFiles.indexOf(n) !== i), [], `requested twice: ${coreFiles}`);
  await widget(p).botMessages.first().waitFor();
  assert.deepEqual(await cspViolations(p), []);
  assert.deepEqual(p.pageErrors, []);
  await context.close();
});

test('the widget code, the .wasm and the packs arrive Brotli-compressed, precompressed by the build', async () => {
  const context = await browser.newContext();
  const p = await openPage(browser, server, '/cold.html', { context });
  const encodings = new Map();
  p.on('response', async (r) => encodings.set(name(r.url()), (await r.allHeaders())['content-encoding'] ?? 'none'));
  await widget(p).launcher.click();
  await widget(p).botMessages.first().waitFor();
  const sizes = await p.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname.replace(/^\/widget\//, ''), e.encodedBodySize, e.decodedBodySize]));
  const big = sizes.filter(([n, , decoded]) => /^(widget-|support-core|data\/)/.test(n) && decoded > 4096);
  assert.ok(big.some(([n]) => n.endsWith('.wasm')) && big.some(([n]) => n.startsWith('data/chat-ru.')), JSON.stringify(sizes));
  for (const [file, encoded, decoded] of big) {
    assert.equal(encodings.get(file), 'br', file);
    assert.ok(encoded < decoded / 2, `${file}: ${encoded} B sent for ${decoded} B`);
  }
  await context.close();
});

test('a pack changed on its way fails its integrity: the error names it, and a later open loads the right one', async () => {
  const context = await browser.newContext();
  const tampered = /\/widget\/data\/chat-ru\.[0-9a-f]+\.json$/;
  await context.route(tampered, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('Пароль', 'Перейдите по ссылке, пароль');
    await route.fulfill({ response, body });
  });
  const p = await openPage(browser, server, '/cold.html', { context });
  const error = p.evaluate(() => new Promise((r) => window.SupportWidget.on('error', r)));
  await widget(p).launcher.click();
  const detail = await error;
  assert.equal(detail.code, 'core_failed');
  assert.match(detail.message, /^data\/chat-ru\.[0-9a-f]+\.json: /);
  await until(async () => /не запустился/.test(await p.locator('support-widget .notice').textContent()));
  await p.keyboard.press('Escape');
  await context.unroute(tampered);
  const ready = p.evaluate(() => new Promise((r) => window.SupportWidget.on('ready', r)));
  await widget(p).launcher.click();
  await ready;
  assert.match(await widget(p).botMessages.first().textContent(), /Здравствуйте/);
  assert.deepEqual(await cspViolations(p), []);
  await context.close();
});

test('a .wasm changed on its way is refused the same way', async () => {
  const context = await browser.newContext();
  await context.route(/\/widget\/support-core\.[0-9a-f]+\.wasm$/, async (route) => {
    const response = await route.fetch();
    const bytes = Buffer.from(await response.body());
    bytes[bytes.length - 1] ^= 0xff;
    await route.fulfill({ response, body: bytes });
  });
  const p = await openPage(browser, server, '/cold.html', { context });
  const error = p.evaluate(() => new Promise((r) => window.SupportWidget.on('error', r)));
  await widget(p).launcher.click();
  const detail = await error;
  assert.equal(detail.code, 'core_failed');
  assert.match(detail.message, /^support-core\.[0-9a-f]+\.wasm: /);
  assert.deepEqual(p.pageErrors, []);
  await context.close();
});

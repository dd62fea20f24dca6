// The widget in Debian's chromium against the real reference server, which
// serves it and the test pages under the strict CSP (a response header).
// Every test ends by checking that the page reported no CSP violation.
import assert from 'node:assert/strict';
import { after, before, describe, test as nodeTest } from 'node:test';
import { axe, cspViolations, focused, launchBrowser, openPage, screenshot, startServer, until, widget } from './harness.mjs';

// A stuck page fails its test instead of hanging the run.
const test = (name, fn) => nodeTest(name, { timeout: 90_000 }, fn);

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

// Wednesday 2 December 2026, 10:00 in Moscow: chat operators are on duty.
const WORKDAY_10AM = new Date('2026-12-02T07:00:00Z');

async function page(path = '/', options = {}) {
  return openPage(browser, server, path, options);
}

async function done(p) {
  assert.deepEqual(await cspViolations(p), [], 'no CSP violation');
  assert.deepEqual(p.pageErrors, [], 'no uncaught error');
  await p.context().close();
}

async function openPanel(p) {
  const w = widget(p);
  await w.launcher.click();
  await w.panel.waitFor({ state: 'visible' });
  await w.botMessages.first().waitFor();
  // The panel has finished opening: axe would otherwise judge colours mid-fade.
  await w.panel.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  return w;
}

// SupportWidget.ask through the page: the reply's topic and confidence.
const ask = (p, text) => p.evaluate((t) => window.SupportWidget.ask(t), text);

describe('launcher', () => {
  test('is painted before any of the widget module or WASM loads', async () => {
    const p = await page('/cold.html');
    const w = widget(p);
    assert.ok(await w.launcher.isVisible());
    assert.equal(await w.launcher.getAttribute('aria-label'), 'Открыть чат поддержки');
    assert.equal(await w.launcher.getAttribute('aria-expanded'), 'false');
    await p.waitForTimeout(300);
    const fetched = p.requests.map((r) => new URL(r.url).pathname);
    assert.ok(fetched.includes('/widget/support-widget.js'));
    assert.deepEqual(fetched.filter((u) => /\.wasm$|widget-|manifest\.json|\/data\//.test(u)), [], 'nothing but the loader before interaction');
    const box = await w.launcher.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, 'a target of at least 44 px');
    assert.ok(box.x + box.width <= 1280 && box.y + box.height <= 800, 'inside the viewport, bottom right');
    assert.ok(box.x > 1000 && box.y > 600);
    await screenshot(p, 'closed-1280');
    await done(p);
  });

  test('loads the rest when the pointer comes near, not before', async () => {
    const p = await page('/cold.html');
    await p.mouse.move(100, 100);
    await p.waitForTimeout(200);
    assert.equal(p.requests.filter((r) => r.url.endsWith('.wasm')).length, 0);
    const box = await widget(p).launcher.boundingBox();
    await p.mouse.move(box.x - 60, box.y - 20);
    await until(() => p.requests.some((r) => r.url.endsWith('.wasm')));
    await done(p);
  });

  test('the idle page loads the widget by itself and stays closed', async () => {
    // Recorded from the start: on a fast load the widget is ready before a test line could listen.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => document.addEventListener('support:ready', () => (window.__supportReady = true)));
    const p = await openPage(browser, server, '/', { context });
    await p.waitForFunction(() => window.__supportReady === true);
    assert.equal(await widget(p).panel.isVisible(), false);
    assert.ok(p.requests.some((r) => r.url.endsWith('.wasm')));
    assert.deepEqual(await axe(p), [], 'axe: closed');
    await done(p);
  });
});

describe('embedding', () => {
  test('a core that cannot load: the panel says so in the locale and an error event names the file', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('**/widget/manifest.json', (r) => r.fulfill({ status: 503, body: 'down' }));
    const p = await openPage(browser, server, '/cold.html', { context });
    const error = p.evaluate(() => new Promise((r) => window.SupportWidget.on('error', r)));
    await widget(p).launcher.click();
    const detail = await error;
    assert.equal(detail.code, 'core_failed');
    assert.match(detail.message, /manifest\.json: HTTP 503/);
    const notice = p.locator('support-widget .notice');
    await until(async () => /не запустился/.test(await notice.textContent()));
    assert.equal(await p.locator('support-widget .panel').getAttribute('role'), 'dialog');
    await p.keyboard.press('Escape');
    await widget(p).panel.waitFor({ state: 'hidden' });
    // The service is back: opening again tries again, and the chat starts.
    await context.unroute('**/widget/manifest.json');
    const ready = p.evaluate(() => new Promise((r) => window.SupportWidget.on('ready', r)));
    await widget(p).launcher.click();
    await ready;
    await widget(p).botMessages.first().waitFor();
    assert.match(await widget(p).botMessages.first().textContent(), /Здравствуйте/);
    assert.deepEqual(await cspViolations(p), []);
    await context.close();
  });

  test('imported as an ES module it is the same widget, in the page language', async () => {
    const p = await page('/module.html');
    assert.equal(await p.evaluate(() => window.importedWidget === window.SupportWidget), true);
    assert.equal(await widget(p).launcher.getAttribute('aria-label'), 'Open the support chat');
    const r = await ask(p, 'forgot my password');
    assert.equal(r.topic, 'access.password_reset');
    const core = await p.evaluate(async () => (await window.SupportWidget.core).validate('snils', '112-233-445 95'));
    assert.equal(core.valid, true);
    assert.equal(core.formatted, '112-233-445 95');
    await done(p);
  });
});

describe('keyboard and focus', () => {
  test('Tab reaches the launcher, Enter opens the dialog with focus inside, Escape closes it and focus returns', async () => {
    const p = await page('/cold.html');
    const w = widget(p);
    for (let i = 0; i < 5 && !(await focused(p))?.includes('launcher'); i++) await p.keyboard.press('Tab');
    assert.match(await focused(p), /button\.launcher/);
    await p.evaluate(() => {
      window.__seen = [];
      window.SupportWidget.on('open', (d) => window.__seen.push(`open:${d.view}`));
      const off = window.SupportWidget.on('close', () => window.__seen.push('close'));
      window.SupportWidget.on('close', () => off()); // unsubscribing works: a second close is not seen
    });
    await p.keyboard.press('Enter');
    await w.panel.waitFor({ state: 'visible' });
    await w.botMessages.first().waitFor();
    assert.equal(await w.panel.getAttribute('role'), 'dialog');
    const labelledBy = await w.panel.getAttribute('aria-labelledby');
    assert.equal(await p.locator(`support-widget #${labelledBy}`).textContent(), 'Поддержка');
    assert.equal(await w.launcher.getAttribute('aria-expanded'), 'true');
    await until(async () => /textarea.*compose-input/.test(await focused(p)));
    // Forward through the composer to the rest of the dialog, every stop a control.
    const order = [];
    for (let i = 0; i < 6; i++) {
      await p.keyboard.press('Tab');
      order.push(await focused(p));
    }
    assert.match(order[0], /button.*send/);
    assert.match(order[1], /button.*save/);
    // The reply's buttons come before the composer: Shift+Tab from the input reaches them.
    await w.input.focus();
    await p.keyboard.press('Shift+Tab');
    assert.match(await focused(p), /button\.choice/);
    await p.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    assert.match(await focused(p), /button\.launcher/);
    assert.equal(await w.launcher.getAttribute('aria-expanded'), 'false');
    await p.keyboard.press('Enter');
    await w.panel.waitFor({ state: 'visible' });
    await p.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    assert.deepEqual(await p.evaluate(() => window.__seen), ['open:chat', 'close', 'open:chat']);
    await done(p);
  });
});

describe('chat', () => {
  for (const [name, path, text, topic] of [
    ['Russian', '/', 'не могу войти', 'access.login_error'],
    ['English', '/en.html', "I can't log in", 'access.login_error'],
    ['a typo', '/', 'не магу вайти в личный кабинет', 'access.login_error'],
    ['the wrong keyboard layout', '/', 'yt vjue djqnb', 'access.login_error'],
    ['English, another topic', '/en.html', 'forgot my password', 'access.password_reset'],
  ]) {
    test(`a free-text question is answered with the right topic: ${name}`, async () => {
      const p = await page(path);
      const w = await openPanel(p);
      const events = p.evaluate(() => new Promise((r) => window.SupportWidget.on('answer', r)));
      const domEvent = p.evaluate(() => new Promise((r) => document.addEventListener('support:answer', (e) => r(e.detail), { once: true })));
      await w.input.fill(text);
      await w.input.press('Enter');
      await until(async () => (await w.botMessages.count()) >= 2);
      const detail = await events;
      assert.equal(detail.topic, topic);
      assert.ok(detail.confidence > 0.5 && detail.confidence <= 1);
      assert.deepEqual(await domEvent, detail, 'the same event as a DOM CustomEvent that bubbles out of the shadow root');
      const answer = w.botMessages.last();
      assert.ok((await answer.locator('.steps li').count()) >= 2, 'numbered steps');
      const user = w.messages.nth(-2);
      assert.equal((await user.textContent()).replace(/^[^:]+: /, ''), text);
      // "Did this help?" as buttons.
      assert.ok(await p.locator('support-widget .choices button[data-action="helped:yes"]').isVisible());
      // Announced once: the live region holds the newest answer only, not the history.
      const live = await p.locator('support-widget [aria-live="polite"]').textContent();
      assert.ok(live.includes((await answer.locator('.steps li').first().textContent()).trim()));
      assert.ok(!live.includes(text) && !live.includes((await w.botMessages.first().textContent()).replace(/^[^:]+: /, '').slice(0, 30)));
      await done(p);
    });
  }

  test('ask() returns the reply with topic and confidence, and untrusted text stays text', async () => {
    const p = await page('/');
    const r = await ask(p, 'не приходит смс код');
    assert.equal(r.topic, 'access.sms_code');
    assert.ok(r.confidence > 0.5);
    assert.ok(r.steps.length > 0);
    const hostile = '<img src=x onerror="window.__owned=1"><b>жирный</b>';
    await ask(p, hostile);
    await widget(p).panel.evaluate(() => 0).catch(() => {});
    const shadowImgs = await p.evaluate(() => document.querySelector('support-widget').shadowRoot.querySelectorAll('.messages img, .messages b').length);
    assert.equal(shadowImgs, 0);
    assert.equal(await p.evaluate(() => window.__owned), undefined);
    await p.evaluate(() => window.SupportWidget.open());
    const texts = await widget(p).messages.allTextContents();
    assert.ok(texts.some((t) => t.includes(hostile)), 'shown literally');
    await done(p);
  });

  test('an answer while the panel is closed shows an unread badge, in the launcher name too', async () => {
    const p = await page('/');
    await ask(p, 'не могу войти');
    const badge = p.locator('support-widget .badge');
    await badge.waitFor({ state: 'visible' });
    assert.equal(await badge.textContent(), '1');
    assert.equal(await widget(p).launcher.getAttribute('aria-label'), 'Открыть чат поддержки, 1 новый ответ');
    await widget(p).launcher.click();
    await badge.waitFor({ state: 'hidden' });
    assert.equal(await widget(p).launcher.getAttribute('aria-label'), 'Открыть чат поддержки');
    await done(p);
  });

  test('a message with a password gets the privacy warning and is stored masked', async () => {
    const p = await page('/');
    const w = await openPanel(p);
    await w.input.fill('не могу войти, мой пароль Qwerty123!');
    await w.input.press('Enter');
    await until(async () => (await w.botMessages.count()) >= 2);
    assert.ok(await p.locator('support-widget .messages .privacy').first().isVisible());
    const stored = await p.evaluate(() => localStorage.getItem('support-widget.chat'));
    assert.ok(stored.includes('не могу войти'));
    assert.ok(!stored.includes('Qwerty123!'), 'the secret is not stored');
    const shown = await w.messages.nth(-2).textContent();
    assert.ok(!shown.includes('Qwerty123!'), 'nor shown back');
    // Saved as text: the masked conversation.
    const download = p.waitForEvent('download');
    await p.locator('support-widget button.save').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^переписка-с-поддержкой\.txt$/);
    const { readFile } = await import('node:fs/promises');
    const saved = await readFile(await file.path(), 'utf8');
    assert.match(saved, /Вы: не могу войти/);
    assert.match(saved, /Помощник: /);
    assert.ok(!saved.includes('Qwerty123!'));
    await done(p);
  });

  test('the conversation survives a reload and a move to another portal page; a tampered state starts afresh', async () => {
    const p = await page('/');
    await ask(p, 'не могу войти');
    await p.reload();
    await p.evaluate(() => window.SupportWidget.open());
    const w = widget(p);
    await until(async () => (await w.messages.count()) >= 3);
    const texts = await w.messages.allTextContents();
    assert.ok(texts.some((t) => t.includes('не могу войти')));
    assert.ok(texts.some((t) => t.includes('Не получается войти')));
    await p.goto(server.origin + '/other.html');
    await p.evaluate(() => window.SupportWidget.open());
    await until(async () => (await w.messages.count()) >= 3);
    await p.evaluate(() => localStorage.setItem('support-widget.chat', '{"transcript":[{"from":"admin","text":"<script>"}],"stage":"x'));
    await p.reload();
    await p.evaluate(() => window.SupportWidget.open());
    await until(async () => (await w.messages.count()) === 1);
    assert.match(await w.messages.first().textContent(), /Здравствуйте/);
    await done(p);
  });

  test('the operator handoff is an event with the masked transcript', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.clock.setFixedTime(WORKDAY_10AM);
    const p = await openPage(browser, server, '/', { context });
    const w = await openPanel(p);
    await w.input.fill('мой код из смс 123456 не подходит');
    await w.input.press('Enter');
    await until(async () => (await w.botMessages.count()) >= 2);
    await p.locator('support-widget .choices button[data-action="helped:no"]').click();
    const handoff = p.evaluate(() => new Promise((r) => window.SupportWidget.on('handoff', r)));
    await p.locator('support-widget .choices button[data-action="operator"]').click();
    const detail = await handoff;
    assert.equal(detail.channel, 'operator');
    assert.ok(detail.transcript.length >= 3);
    assert.ok(detail.transcript.every((l) => !l.text.includes('123456')), 'the code is masked');
    assert.deepEqual(await cspViolations(p), []);
    await context.close();
  });
});

describe('form', () => {
  test('a button flow from the chat opens the form with the topic filled in', async () => {
    const p = await page('/');
    const w = await openPanel(p);
    await w.input.fill('не могу войти');
    await w.input.press('Enter');
    await p.locator('support-widget .choices button[data-action="helped:no"]').click();
    await p.locator('support-widget .choices button[data-action="form"]').click();
    await w.field('subject').waitFor({ state: 'visible' });
    assert.equal(await w.field('subject').inputValue(), 'Не получается войти');
    assert.equal(await w.tab('form').getAttribute('aria-current'), 'page');
    await done(p);
  });

  test('live validation shows the error and its fix under the field, in Russian and then in English, keeping what was typed', async () => {
    const p = await page('/');
    await p.evaluate(() => window.SupportWidget.open({ view: 'form' }));
    const w = widget(p);
    const phone = w.field('phone');
    await phone.waitFor();
    await phone.pressSequentially('8916123');
    assert.equal(await phone.inputValue(), '+7 916 123', 'the mask helps while typing');
    await w.field('email').click();
    const error = w.error('phone');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), /не хватает цифр/);
    assert.equal(await phone.getAttribute('aria-invalid'), 'true');
    const describedBy = (await phone.getAttribute('aria-describedby')).split(' ');
    assert.ok(describedBy.includes(await error.getAttribute('id')));
    // Typing on updates the shown error live, and a complete number clears it.
    await phone.focus();
    await phone.pressSequentially('4567');
    await error.waitFor({ state: 'hidden' });
    assert.equal(await phone.getAttribute('aria-invalid'), null);
    await phone.fill('+7 916 12');
    await w.field('email').pressSequentially('ivan@mail,ru');
    await w.field('subject').click();
    await w.error('email').waitFor({ state: 'visible' });
    assert.match(await w.error('email').textContent(), /запят/i);
    await p.locator('support-widget select.lang').selectOption('en');
    await until(async () => /comma/i.test(await w.error('email').textContent()));
    assert.equal(await w.field('email').inputValue(), 'ivan@mail,ru', 'nothing typed is lost');
    assert.equal(await p.locator('support-widget .tab[data-view="form"]').textContent(), 'Request');
    assert.equal(await w.launcher.getAttribute('aria-label'), 'Open the support chat');
    await done(p);
  });

  test('prefill() fills the form from the host page', async () => {
    const p = await page('/');
    await p.evaluate(() => window.SupportWidget.prefill({ email: 'ivan.petrov@mail.ru', phone: '+7 916 123-45-67', unknown: 'x' }));
    await p.evaluate(() => window.SupportWidget.open({ view: 'form' }));
    const w = widget(p);
    await w.field('email').waitFor();
    assert.equal(await w.field('email').inputValue(), 'ivan.petrov@mail.ru');
    assert.equal(await w.field('phone').inputValue(), '+7 916 123-45-67');
    await done(p);
  });

  test('submitting with mistakes shows a summary whose links move focus to each field', async () => {
    const p = await page('/');
    await p.evaluate(() => window.SupportWidget.open({ view: 'form' }));
    const w = widget(p);
    await w.field('subject').fill('Ошибка');
    await p.locator('support-widget button[part="submit"]').click();
    const summary = p.locator('support-widget .summary');
    await summary.waitFor({ state: 'visible' });
    assert.match(await focused(p), /div\.summary/);
    const links = summary.locator('a');
    assert.ok((await links.count()) >= 4, 'description, phone, e-mail, consent');
    assert.match(await summary.locator('.summary-title').textContent(), /Исправьте \d+ ошиб/);
    await links.nth(0).click();
    assert.match(await focused(p), /textarea#sw-description/);
    assert.equal(p.requests.filter((r) => r.method === 'POST').length, 0);
    await screenshot(p, 'form-errors-1280');
    assert.deepEqual(await axe(p), [], 'axe: form with errors');
    await done(p);
  });

  test('a spoofed attachment is refused by its content before upload', async () => {
    const p = await page('/');
    await p.evaluate(() => window.SupportWidget.open({ view: 'form' }));
    const w = widget(p);
    const input = w.field('attachments');
    await input.waitFor({ state: 'attached' });
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200)]);
    await input.setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: exe });
    const error = w.error('attachments');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), /invoice\.pdf/);
    assert.match(await error.textContent(), /исполня|программ/i);
    assert.equal(await p.locator('support-widget .files li').count(), 0);
    await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
    await until(async () => /photo\.png/.test(await error.textContent()));
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a90000000049454e44ae426082', 'hex');
    await input.setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: png });
    await until(async () => (await p.locator('support-widget .files li').count()) === 1);
    assert.match(await p.locator('support-widget .field-files .count').textContent(), /Приложен 1 файл/);
    assert.equal(p.requests.filter((r) => r.method === 'POST').length, 0, 'nothing was uploaded');
    await done(p);
  });

  test('submit -> the request number is shown, the server stored exactly one request, and it is in My requests', async () => {
    const p = await page('/');
    const rowsBefore = server.rows();
    await p.evaluate(() => window.SupportWidget.open({ view: 'form' }));
    const w = widget(p);
    await w.field('subject').fill('Не приходит SMS-код');
    await w.field('description').fill('Третий день не могу войти: код не приходит.');
    await w.field('phone').fill('+7 916 123-45-67');
    await w.field('email').fill('ivan.petrov@mail.ru');
    await w.field('consent').check();
    await p.evaluate(() => {
      window.__events = [];
      for (const n of ['submit', 'queued', 'sent']) window.SupportWidget.on(n, (d) => window.__events.push([n, d]));
    });
    const sent = p.evaluate(() => new Promise((r) => window.SupportWidget.on('sent', r)));
    await p.locator('support-widget button[part="submit"]').click();
    const { number } = await sent;
    const events = await p.evaluate(() => window.__events);
    assert.deepEqual(events.map(([n]) => n), ['submit', 'queued', 'sent']);
    assert.equal(events[0][1].schema, 'feedback');
    assert.equal(events[1][1].saved, true, 'kept in IndexedDB before sending');
    assert.match(number, /^\d{4}-\d{7}$/);
    const delivery = p.locator('support-widget .delivery');
    await until(async () => (await delivery.textContent()).includes(number));
    assert.equal(server.rows(), rowsBefore + 1);
    assert.equal(server.sql(`SELECT count(*) FROM requests WHERE number = '${number}'`), '1');
    await screenshot(p, 'form-sent-1280');
    await w.tab('status').click();
    const record = p.locator(`support-widget .record[data-number="${number}"]`);
    await record.waitFor();
    assert.match(await record.textContent(), /Принято|Принят/);
    // The status comes from the API, asked with that request's own access token.
    await until(() => p.requests.some((r) => r.method === 'GET' && r.url.endsWith(`/api/v1/support/requests/${number}`)));
    await screenshot(p, 'status-1280');
    assert.deepEqual(await axe(p), [], 'axe: status');
    await done(p);
  });
  test('a 422 from the server puts its error on the field; the corrected request replaces it and nothing of the first is left', async () => {
    const p = await page('/');
    const rowsBefore = server.rows();
    // The server refuses the first send for its phone (a rule the page does not know).
    let refused = 0;
    await p.route('**/api/v1/support/requests', (route) => {
      if (route.request().method() !== 'POST' || refused > 0) return route.continue();
      refused++;
      return route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', status: 422, code: 'validation_failed', title: 'Проверьте поля', detail: '',
          errors: [{ path: 'phone', code: 'phone.not_mobile', key: 'forms.phone.not_mobile', params: {},
            message: 'Этот номер не принимает SMS', hint: 'Укажите мобильный номер' }] }),
      });
    });
    await p.evaluate(() => window.SupportWidget.open({ view: 'form' }));
    const w = widget(p);
    await w.field('subject').fill('Не приходит SMS-код');
    await w.field('description').fill('Третий день не могу войти: код не приходит.');
    await w.field('phone').fill('+7 495 123-45-67');
    await w.field('email').fill('ivan.petrov@mail.ru');
    await w.field('consent').check();
    await p.locator('support-widget button[part="submit"]').click();
    const phone = w.field('phone');
    await until(async () => (await phone.getAttribute('aria-invalid')) === 'true');
    const described = await phone.getAttribute('aria-describedby');
    const errorText = await p.locator('support-widget').evaluate((el, ids) => ids.split(' ').map((id) => el.shadowRoot.getElementById(id)?.textContent ?? '').join(' '), described);
    assert.match(errorText, /не принимает SMS/);
    assert.equal(server.rows(), rowsBefore, 'nothing stored');
    const sent = p.evaluate(() => new Promise((r) => window.SupportWidget.on('sent', r)));
    await phone.fill('+7 916 123-45-67');
    await p.locator('support-widget button[part="submit"]').click();
    const { number } = await sent;
    assert.equal(server.rows(), rowsBefore + 1);
    assert.equal(server.sql(`SELECT count(*) FROM requests WHERE number = '${number}'`), '1');
    // The outbox holds no entry any more: the refused request and its personal data are gone.
    const left = await p.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('support-outbox');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('entries', 'readonly');
        const count = tx.objectStore('entries').count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
      };
    }));
    assert.equal(left, 0);
    await done(p);
  });
});

describe('layout and accessibility', () => {
  for (const [width, height, scheme] of [[1280, 800, 'light'], [360, 740, 'light'], [360, 740, 'dark'], [1280, 800, 'dark']]) {
    test(`every state at ${width} px (${scheme}): axe finds nothing, screenshots written`, async () => {
      const p = await page('/', { width, height, colorScheme: scheme });
      const name = (state) => `${state}-${width}${scheme === 'dark' ? '-dark' : ''}`;
      await screenshot(p, name('closed'));
      assert.deepEqual(await axe(p), [], 'closed');
      const w = await openPanel(p);
      await screenshot(p, name('open'));
      assert.deepEqual(await axe(p), [], 'open');
      await w.input.fill('не могу войти');
      await w.input.press('Enter');
      await until(async () => (await w.botMessages.count()) >= 2);
      await screenshot(p, name('answer'));
      assert.deepEqual(await axe(p), [], 'answer');
      await w.tab('form').click();
      await w.field('subject').waitFor();
      await p.locator('support-widget button[part="submit"]').click();
      await p.locator('support-widget .summary').waitFor();
      await screenshot(p, name('form-errors'));
      assert.deepEqual(await axe(p), [], 'form with errors');
      await w.tab('status').click();
      await p.locator('support-widget .status-message').waitFor();
      await screenshot(p, name('status'));
      assert.deepEqual(await axe(p), [], 'status');
      await done(p);
    });
  }

  for (const [width, height, label] of [[320, 640, '320 px'], [360, 740, 'a 360 px phone'], [640, 400, '200 % zoom of a 1280 px window']]) {
    test(`${label}: the panel fits and nothing is cut off`, async () => {
      const p = await page('/', { width, height });
      const w = await openPanel(p);
      await ask(p, 'не могу войти');
      const fits = async () =>
        p.evaluate(([vw]) => {
          const root = document.querySelector('support-widget').shadowRoot;
          const panel = root.querySelector('.panel').getBoundingClientRect();
          const bad = [];
          if (panel.left < 0 || panel.right > vw) bad.push(`panel ${panel.left}..${panel.right}`);
          // Nothing pushed out of sight: the panel itself never scrolls (what does not fit scrolls inside
          // it), and the message input and the save link stay within it.
          const scrolled = root.querySelector('.panel').scrollTop;
          if (scrolled !== 0) bad.push(`panel scrolled by ${scrolled}`);
          for (const sel of ['.compose', '.save']) {
            const el = root.querySelector(sel);
            if (!el || el.getClientRects().length === 0) continue;
            const r = el.getBoundingClientRect();
            if (r.top < panel.top - 0.5 || r.bottom > panel.bottom + 0.5) bad.push(`${sel} ${r.top}..${r.bottom} outside ${panel.top}..${panel.bottom}`);
          }
          for (const el of root.querySelectorAll('.panel button, .panel input, .panel select, .panel textarea, .panel p, .panel li, .panel a')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue; // hidden
            if (el.closest('.sr-only')) continue;
            if (r.left < panel.left - 0.5 || r.right > panel.right + 0.5) bad.push(`${el.tagName}.${el.className} ${r.left}..${r.right}`);
            if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto' && el.tagName !== 'SELECT') bad.push(`${el.tagName}.${el.className} overflows`);
          }
          return bad;
        }, [width]);
      assert.deepEqual(await fits(), []);
      await w.tab('form').click();
      await w.field('subject').waitFor();
      await p.locator('support-widget button[part="submit"]').click();
      await p.locator('support-widget .summary').waitFor();
      assert.deepEqual(await fits(), []);
      await screenshot(p, `form-errors-${width}`);
      await done(p);
    });
  }

  test('prefers-reduced-motion: the panel and the launcher do not animate', async () => {
    const motion = async (reducedMotion) => {
      const p = await page('/', { reducedMotion });
      await openPanel(p);
      const r = await p.evaluate(() => {
        const root = document.querySelector('support-widget').shadowRoot;
        return { panel: getComputedStyle(root.querySelector('.panel')).animationName, launcher: getComputedStyle(root.querySelector('.launcher')).transitionDuration };
      });
      await done(p);
      return r;
    };
    assert.deepEqual(await motion('no-preference'), { panel: 'sw-in', launcher: '0.15s' });
    assert.deepEqual(await motion('reduce'), { panel: 'none', launcher: '0s' });
  });

  test('a right-to-left page mirrors the widget (logical properties)', async () => {
    const p = await page('/rtl.html');
    const w = await openPanel(p);
    const launcher = await w.launcher.boundingBox();
    const panel = await w.panel.boundingBox();
    assert.ok(launcher.x < 100, `launcher at the inline end, on the left: x=${launcher.x}`);
    assert.ok(panel.x < 100 && panel.x + panel.width < 1280 / 2 + 200, 'the panel too');
    const user = await (async () => {
      await w.input.fill('не могу войти');
      await w.input.press('Enter');
      await until(async () => (await w.botMessages.count()) >= 2);
      return w.messages.nth(-2).boundingBox();
    })();
    assert.ok(user.x < panel.x + panel.width / 2, "the person's own message sits at the inline end");
    await screenshot(p, 'answer-1280-rtl');
    await done(p);
  });

  test('the CSP collector itself sees a violation (so zero means zero)', async () => {
    const p = await page('/');
    await p.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'body { color: red; }';
      document.head.append(s);
    });
    await until(async () => (await cspViolations(p)).length > 0);
    assert.match((await cspViolations(p))[0], /style-src/);
    await p.context().close();
  });
});

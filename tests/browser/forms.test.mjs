// Forms-only mode on /forms (demo/forms.html): a plain portal form with one
// script tag, support-forms.js. Against the real server, which serves the
// built demo (build/demo, SUPPORT_DEMO) at / and the built web folder
// (build/web, SUPPORT_WEB) at /widget under the strict CSP. Texts are checked
// against the core's own answers in the page, and submits against the
// requests the server really received.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test as nodeTest } from 'node:test';
import { ROOT, WEB, axe, cspViolations, launchBrowser, openPage, startServer, until } from './harness.mjs';

const DEMO = process.env.SUPPORT_DEMO || join(ROOT, 'build/demo');
const test = (name, fn) => nodeTest(name, { timeout: 90_000 }, fn);

let server;
let browser;
before(async () => {
  server = await startServer({ webRoots: [`/=${DEMO}`, `/widget=${WEB}`] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// A page of the demo in a fresh context; the script's events are recorded from
// the start in window.__events. route(context): requests to hold or refuse.
async function formsPage(path = '/forms', { route } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__events = [];
    for (const name of ['ready', 'invalid', 'error']) {
      document.addEventListener(`support:${name}`, (e) => window.__events.push({ type: name, detail: e.detail }));
    }
  });
  if (route) await route(context);
  const consoleMessages = [];
  context.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
  const p = await openPage(browser, server, path, { waitFor: 'load', context });
  p.consoleMessages = consoleMessages;
  return p;
}

async function ready(p) {
  await p.focus('#subject'); // first use loads the core (idle would too)
  await p.waitForFunction(() => window.__events.some((e) => e.type === 'ready'));
}

async function done(p) {
  assert.deepEqual(await cspViolations(p), [], 'no CSP violation');
  assert.deepEqual(p.pageErrors, [], 'no uncaught error');
  await p.context().close();
}

// The core's own verdict, in the page.
const verdict = (p, kind, value, locale = 'ru') =>
  p.evaluate(async ([k, v, l]) => (await window.SupportForms.core()).validate(k, v, l), [kind, value, locale]);

// What assistive technology and the constraint validation API see of a control.
const state = (p, id) =>
  p.evaluate((i) => {
    const el = document.getElementById(i);
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return {
      valid: el.validity.valid,
      matchesInvalid: el.matches(':invalid'),
      ariaInvalid: el.getAttribute('aria-invalid'),
      message: el.validationMessage,
      describedBy: ids,
      described: ids.map((x) => document.getElementById(x)).filter((d) => d && !d.hidden).map((d) => d.textContent),
    };
  }, id);

const requests = (p) => p.requests.filter((r) => r.method === 'POST' && r.url.includes('/api/v1/support/requests'));

describe('a field', () => {
  test('invalid SNILS: no error while typing, then invalid on leaving, with the text linked; corrected -> valid at once', async () => {
    const p = await formsPage();
    await ready(p);
    await p.click('#snils');
    await p.keyboard.type('112');
    let s = await state(p, 'snils');
    assert.equal(s.valid, true, 'no error while the first characters are typed');
    assert.equal(s.ariaInvalid, null);
    await p.keyboard.type('23344596');
    assert.equal(await p.inputValue('#snils'), '112-233-445 96', 'the mask shapes it');
    assert.equal((await state(p, 'snils')).valid, true, 'still none before leaving the field');
    await p.keyboard.press('Tab');
    s = await state(p, 'snils');
    const core = await verdict(p, 'snils', '112-233-445 96');
    assert.equal(core.error, 'snils.checksum');
    assert.equal(s.valid, false);
    assert.equal(s.matchesInvalid, true, ':invalid applies');
    assert.equal(s.ariaInvalid, 'true');
    assert.equal(s.message, core.message, 'setCustomValidity got the core\'s message');
    assert.equal(s.describedBy[0], 'snils-hint', 'the page\'s own describedby id is kept');
    assert.equal(s.describedBy.length, 2);
    assert.equal(s.described[1], `${core.message}. ${core.hint}`, 'the linked element says what is wrong and how to fix it');
    // Corrected: live from now on, valid without leaving the field again.
    await p.click('#snils');
    await p.keyboard.press('Backspace');
    await p.keyboard.type('5');
    s = await state(p, 'snils');
    assert.equal(s.valid, true);
    assert.equal(s.ariaInvalid, null);
    assert.deepEqual(s.describedBy, ['snils-hint'], 'the error id goes with the error');
    assert.equal(await p.locator('#snils ~ .support-error').isHidden(), true);
    await done(p);
  });

  test('the page\'s own error element is reused and its describedby list kept', async () => {
    const p = await formsPage();
    await ready(p);
    await p.fill('#email', 'ivan@');
    await p.press('#email', 'Tab');
    const s = await state(p, 'email');
    const core = await verdict(p, 'email', 'ivan@');
    assert.deepEqual(s.describedBy, ['email-hint', 'email-error']);
    assert.equal(await p.textContent('#email-error'), `${core.message}. ${core.hint}`);
    assert.equal(await p.locator('#email ~ .support-error').count(), 0, 'no second error element');
    await p.fill('#email', 'ivan@mail.ru');
    assert.equal(await p.textContent('#email-error'), '');
    assert.deepEqual((await state(p, 'email')).describedBy, ['email-hint', 'email-error'], 'the page listed it: it stays');
    await done(p);
  });

  test('masks: phone, SNILS and date take their shape as they are typed; a valid phone its canonical form on leaving', async () => {
    const p = await formsPage();
    await ready(p);
    await p.click('#phone');
    await p.keyboard.type('89161234567');
    assert.equal(await p.inputValue('#phone'), '+7 916 123-45-67');
    await p.click('#birth_date');
    await p.keyboard.type('01021990');
    assert.equal(await p.inputValue('#birth_date'), '01.02.1990');
    await p.fill('#phone', '8 (916) 1234567');
    await p.press('#phone', 'Tab');
    assert.equal(await p.inputValue('#phone'), (await verdict(p, 'phone', '8 (916) 1234567')).formatted);
    assert.equal((await state(p, 'phone')).valid, true);
    await done(p);
  });

  test('password strength shows the core\'s reasons, with the person\'s own data from the form', async () => {
    const p = await formsPage();
    await ready(p);
    await p.fill('#full_name', 'Иванов Иван');
    await p.fill('#birth_date', '01.02.1990');
    await p.click('#password');
    await p.keyboard.type('Ivanov1990!');
    await until(() => p.locator('.support-strength:not([hidden])').count());
    const shown = () => p.evaluate(() => {
      const box = document.querySelector('.support-strength');
      return {
        score: Number(box.querySelector('meter').value),
        verdict: box.querySelector('.support-strength-text').textContent,
        codes: [...box.querySelectorAll('li')].map((li) => li.dataset.code),
        linked: document.getElementById('password').getAttribute('aria-describedby').split(' ').includes(box.id),
      };
    });
    const core = (user) => p.evaluate(async (u) => (await window.SupportForms.core()).password('Ivanov1990!', u, 'ru'), user);
    const withUser = await core({ name: 'Иванов Иван', birth_date: '01.02.1990' });
    assert.ok(withUser.messages.some((m) => m.code === 'password.personal_data'), 'the core finds the name in it');
    let s = await shown();
    assert.equal(s.score, withUser.score);
    assert.equal(s.verdict, withUser.strength);
    assert.deepEqual(s.codes, withUser.messages.map((m) => m.code));
    assert.ok(s.linked, 'the strength is linked to the field');
    // Without the person's data the same password is judged without that reason.
    await p.fill('#full_name', '');
    await p.fill('#birth_date', '');
    await p.click('#password');
    await p.keyboard.press('End');
    await p.keyboard.type('x');
    await p.keyboard.press('Backspace');
    s = await shown();
    const alone = await core({});
    assert.ok(!alone.messages.some((m) => m.code === 'password.personal_data'));
    assert.deepEqual(s.codes, alone.messages.map((m) => m.code));
    await done(p);
  });
});

describe('submit', () => {
  test('an invalid form is stopped before the page\'s handler, errors shown, focus on the first', async () => {
    const p = await formsPage();
    await ready(p);
    await p.fill('#phone', '123');
    await p.click('button[type="submit"]');
    await p.waitForTimeout(300);
    assert.deepEqual(requests(p), [], 'nothing was sent');
    assert.equal(await p.evaluate(() => document.getElementById('feedback').dataset.state), undefined, 'the page\'s own handler did not run');
    assert.equal(await p.evaluate(() => document.activeElement.id), 'subject', 'focus on the first invalid field');
    const invalid = await p.evaluate(() => window.__events.find((e) => e.type === 'invalid').detail.errors);
    assert.deepEqual(invalid.map((e) => e.name), ['subject', 'description', 'phone', 'email', 'consent']);
    assert.equal(invalid.find((e) => e.name === 'phone').code, (await verdict(p, 'phone', '123')).error);
    for (const id of ['subject', 'description', 'phone', 'email', 'consent']) {
      const s = await state(p, id);
      assert.equal(s.valid, false, id);
      assert.equal(s.ariaInvalid, 'true', id);
      assert.ok(s.described.some((t) => t.startsWith(s.message)), `${id}: its message is linked`);
    }
    await done(p);
  });

  test('a valid form goes to the page\'s own handler, which really sends it', async () => {
    const p = await formsPage();
    await ready(p);
    const before = server.rows();
    await p.fill('#subject', 'Не приходит SMS-код');
    await p.fill('#description', 'Третий день не могу войти в личный кабинет: код из SMS не приходит.');
    await p.fill('#phone', '+7 916 123-45-67');
    await p.fill('#email', 'ivan.petrov@mail.ru');
    await p.check('#consent');
    await p.click('button[type="submit"]');
    await p.waitForFunction(() => ['sent', 'failed'].includes(document.getElementById('feedback').dataset.state));
    assert.equal(requests(p).length, 1, 'one request');
    assert.equal(server.rows(), before + 1, 'the server stored it');
    const number = server.sql('SELECT number FROM requests ORDER BY rowid DESC LIMIT 1');
    assert.ok((await p.textContent('#feedback-status')).includes(number), 'the page shows the number the server gave');
    assert.deepEqual(p.consoleMessages.filter((m) => !/Failed to load resource.*portal\.css|favicon/.test(m)), []);
    await done(p);
  });

  test('a submit before the core has loaded waits for it, then is checked', async () => {
    let release;
    const held = new Promise((r) => (release = r));
    const p = await formsPage('/forms', {
      route: (context) => context.route('**/widget/manifest.json', async (route) => {
        await held;
        await route.continue();
      }),
    });
    await p.click('button[type="submit"]'); // the core is still on its way
    await p.waitForTimeout(200);
    assert.deepEqual(await p.evaluate(() => window.__events.map((e) => e.type)), [], 'held, not yet judged');
    assert.equal(await p.evaluate(() => document.getElementById('feedback').dataset.state), undefined, 'and not passed on');
    release();
    await p.waitForFunction(() => window.__events.some((e) => e.type === 'invalid'));
    assert.deepEqual(requests(p), []);
    assert.equal((await state(p, 'subject')).ariaInvalid, 'true');
    await done(p);
  });
});

describe('in English', () => {
  test('/en/forms shows the core\'s English texts; setLocale switches a shown error', async () => {
    const p = await formsPage('/en/forms');
    await ready(p);
    assert.equal(await p.evaluate(() => window.SupportForms.locale), 'en');
    await p.fill('#inn', '7707083894');
    await p.press('#inn', 'Tab');
    const en = await verdict(p, 'inn', '7707083894', 'en');
    assert.equal((await state(p, 'inn')).message, en.message);
    await p.evaluate(() => window.SupportForms.setLocale('ru'));
    const ru = await verdict(p, 'inn', '7707083894', 'ru');
    assert.notEqual(ru.message, en.message);
    assert.equal((await state(p, 'inn')).message, ru.message);
    await assert.rejects(p.evaluate(() => window.SupportForms.setLocale('de')), /unsupported locale "de"/);
    await done(p);
  });
});

describe('without the core', () => {
  test('the form keeps working as the page made it, and nothing is written to the console', async () => {
    const p = await formsPage('/forms', { route: (context) => context.route('**/widget/manifest.json', (route) => route.fulfill({ status: 503, body: '' })) });
    await p.fill('#subject', 'Тема');
    await p.fill('#description', 'Описание проблемы, достаточно длинное.');
    await p.fill('#phone', '123');
    await p.fill('#email', 'not an address');
    await p.check('#consent');
    await p.waitForFunction(() => window.__events.some((e) => e.type === 'error'));
    const error = await p.evaluate(() => window.__events.find((e) => e.type === 'error').detail);
    assert.equal(error.code, 'core_failed');
    assert.match(error.message, /manifest\.json: HTTP 503/);
    assert.equal(await p.evaluate(() => document.getElementById('feedback').noValidate), false, 'the page\'s own (native) validation is back');
    await p.click('button[type="submit"]');
    await p.waitForFunction(() => document.getElementById('feedback').dataset.state === 'failed');
    assert.equal((await state(p, 'phone')).ariaInvalid, null, 'no half-working checks left behind');
    assert.deepEqual(p.consoleMessages.filter((m) => !/Failed to load resource/.test(m)), [], 'console-free');
    await done(p);
  });
});

describe('hostile input', () => {
  test('a 1 MB paste gets a clear error at once, and the page stays responsive', async () => {
    const p = await formsPage();
    await ready(p);
    const ms = await p.evaluate(() => {
      const el = document.getElementById('snils');
      el.focus();
      const t0 = performance.now();
      el.value = '1'.repeat(1 << 20);
      el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
      el.blur();
      return performance.now() - t0;
    });
    assert.ok(ms < 2000, `handled in ${ms.toFixed(0)} ms`);
    const s = await state(p, 'snils');
    const core = await verdict(p, 'snils', '1'.repeat(1 << 20));
    assert.equal(s.valid, false);
    assert.equal(s.message, core.message);
    assert.match(core.error, /^(input\.too_long|snils\.length)$/);
    await done(p);
  });

  test('invalid UTF-16 (lone surrogates) is refused with the core\'s message, not a crash', async () => {
    const p = await formsPage();
    await ready(p);
    await p.evaluate(() => {
      const el = document.getElementById('full_name');
      el.focus();
      el.value = 'Иван\uD800ов';
      el.dispatchEvent(new InputEvent('input', { inputType: 'insertText', bubbles: true }));
      el.blur();
    });
    const s = await state(p, 'full_name');
    const core = await verdict(p, 'name', 'Иван\uD800ов');
    assert.equal(core.valid, false);
    assert.ok(core.message);
    assert.equal(s.valid, false);
    assert.equal(s.message, core.message);
    await done(p);
  });

  test('a form with an unknown schema or kind: a clear error event; the fields\' own checks still work', async () => {
    const p = await formsPage();
    await ready(p);
    const events = await p.evaluate(async () => {
      const form = document.createElement('form');
      form.dataset.supportSchema = 'no_such_form';
      const label = document.createElement('label');
      label.htmlFor = 'x-snils';
      label.textContent = 'SNILS';
      const snils = document.createElement('input');
      snils.id = 'x-snils';
      snils.name = 'snils';
      snils.dataset.supportValidate = 'snils';
      const odd = document.createElement('input');
      odd.name = 'odd';
      odd.dataset.supportValidate = 'no_such_kind';
      odd.setAttribute('aria-label', 'odd');
      form.append(label, snils, odd);
      document.querySelector('main').append(form);
      const seen = [];
      form.addEventListener('support:error', (e) => seen.push(e.detail));
      form.addEventListener('submit', (e) => e.preventDefault());
      window.SupportForms.enhance(form);
      await new Promise((r) => setTimeout(r, 50));
      return seen;
    });
    assert.deepEqual(events.map((e) => e.code).sort(), ['unknown_kind', 'unknown_schema']);
    assert.match(events.find((e) => e.code === 'unknown_schema').message, /no_such_form/);
    assert.match(events.find((e) => e.code === 'unknown_kind').message, /no_such_kind/);
    await p.fill('#x-snils', '112-233-445 96');
    await p.press('#x-snils', 'Tab');
    assert.equal((await state(p, 'x-snils')).ariaInvalid, 'true');
    const r = await p.evaluate(() => window.SupportForms.validate(document.querySelector('form[data-support-schema="no_such_form"]')));
    assert.equal(r.valid, false);
    assert.deepEqual(r.errors.map((e) => e.code), ['snils.checksum']);
    await assert.rejects(p.evaluate(() => window.SupportForms.enhance(document.body)), /expected a <form> element/);
    await done(p);
  });
});

describe('accessibility and CSP', () => {
  test('no axe violation and no CSP violation, empty and with every error shown', async () => {
    const p = await formsPage();
    await ready(p);
    assert.deepEqual(await axe(p), []);
    await p.fill('#password', 'abc');
    await p.click('button[type="submit"]');
    await p.waitForFunction(() => window.__events.some((e) => e.type === 'invalid'));
    assert.deepEqual(await axe(p), []);
    const fetched = p.requests.map((r) => new URL(r.url).pathname);
    assert.ok(!fetched.some((u) => /chat|support-widget|widget-/.test(u)), `no chat, no widget: ${fetched.join(' ')}`);
    assert.equal(await p.locator('support-widget').count(), 0, 'no launcher');
    await done(p);
  });
});

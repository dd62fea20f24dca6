// The validators' playground on /playground and /en/playground
// (demo/playground.html): every validator live in both languages, the core's
// JSON beside the human text, a file judged by its content. Against the real
// server with the built demo (build/demo, SUPPORT_DEMO) at / and the web
// folder (build/web, SUPPORT_WEB) at /widget. The identifiers' verdicts are
// also checked against an independent implementation (ru-validation-codes).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test as nodeTest } from 'node:test';
import { ROOT, WEB, axe, cspViolations, launchBrowser, openPage, startServer } from './harness.mjs';

const require = createRequire(import.meta.url);
const peer = require('ru-validation-codes');
const DEMO = process.env.SUPPORT_DEMO || join(ROOT, 'build/demo');
const test = (name, fn) => nodeTest(name, { timeout: 120_000 }, fn);

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

const PAGES = { ru: '/playground', en: '/en/playground' };
// How the page puts the core's message and hint together: two sentences.
const sentences = ({ message, hint }) => `${message}${/[.!?…]$/.test(message) ? ' ' : '. '}${hint}`;

async function playground(locale) {
  const p = await openPage(browser, server, PAGES[locale], { waitFor: 'load' });
  await p.waitForFunction(() => document.querySelector('main').dataset.ready === 'true');
  return p;
}

async function done(p) {
  assert.deepEqual(await cspViolations(p), [], 'no CSP violation');
  assert.deepEqual(p.pageErrors, [], 'no uncaught error');
  await p.context().close();
}

// A right and a wrong value of each validator; `peer` is the independent check where there is one.
const SAMPLES = [
  { kind: 'snils', good: '112-233-445 95', bad: '112-233-445 96', peer: (v) => peer.checkSnils(v) },
  { kind: 'inn', good: '7707083893', bad: '7707083894', peer: (v) => peer.checkINN(v) },
  { kind: 'ogrn', good: '1027700132195', bad: '1027700132196', peer: (v) => peer.checkOgrn(v) },
  { kind: 'ogrnip', good: '304500116000157', bad: '304500116000158', peer: (v) => peer.checkOgrnip(v) },
  { kind: 'passport', good: '4510 123456', bad: '45 10' },
  { kind: 'phone', good: '89161234567', bad: '+7 916' },
  { kind: 'email', good: 'ivan.petrov@mail.ru', bad: 'ivan@' },
  { kind: 'name', good: 'Иванов Иван Иванович', bad: 'Иванов 1' },
  { kind: 'date', good: '01.02.1990', bad: '31.02.2020' },
];

// What the page shows for an input, and what the core says about the value.
const shownAndCore = (p, kind, value) =>
  p.evaluate(async ([k, v]) => {
    const input = document.getElementById(`pg-${k}`);
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const core = await window.SupportForms.core();
    return {
      text: document.getElementById(`pg-${k}-verdict`).textContent,
      valid: document.getElementById(`pg-${k}-verdict`).dataset.valid,
      json: JSON.parse(document.getElementById(`pg-${k}-json`).textContent),
      core: core.validate(k, v, window.SupportForms.locale),
      valid_text: core.format('ui.playground.valid', {}, window.SupportForms.locale),
    };
  }, [kind, value]);

for (const locale of ['ru', 'en']) {
  describe(`the playground in ${locale}`, () => {
    test('every validator gives the core\'s verdict, in words and as JSON', async () => {
      const p = await playground(locale);
      assert.equal(await p.getAttribute('html', 'lang'), locale);
      assert.equal(await p.evaluate(() => window.SupportForms.locale), locale);
      for (const s of SAMPLES) {
        const good = await shownAndCore(p, s.kind, s.good);
        assert.equal(good.core.valid, true, `${s.kind} ${s.good}`);
        assert.deepEqual(good.json, good.core, `${s.kind}: the JSON is the core's answer`);
        assert.equal(good.valid, 'true');
        assert.ok(good.text.startsWith(good.valid_text), `${s.kind}: "${good.text}"`);
        if (good.core.formatted !== s.good) assert.ok(good.text.includes(good.core.formatted), `${s.kind}: shows the canonical form`);
        const bad = await shownAndCore(p, s.kind, s.bad);
        assert.equal(bad.core.valid, false, `${s.kind} ${s.bad}`);
        assert.deepEqual(bad.json, bad.core);
        assert.equal(bad.valid, 'false');
        assert.equal(bad.text, sentences(bad.core), `${s.kind}: the core's message and hint`);
        if (s.peer) {
          assert.equal(s.peer(s.good), true, `${s.kind}: the independent check agrees on ${s.good}`);
          assert.equal(s.peer(s.bad), false, `${s.kind}: the independent check agrees on ${s.bad}`);
        }
      }
      await done(p);
    });

    test('password strength with its reasons, and the person\'s own data', async () => {
      const p = await playground(locale);
      const run = (password, name) => p.evaluate(async ([pw, n]) => {
        document.getElementById('pg-password-name').value = n;
        const input = document.getElementById('pg-password');
        input.value = pw;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const core = await window.SupportForms.core();
        return {
          codes: [...document.querySelectorAll('#pg-password-reasons li')].map((li) => li.dataset.code),
          json: JSON.parse(document.getElementById('pg-password-json').textContent),
          core: core.password(pw, n ? { name: n } : {}, window.SupportForms.locale),
          text: document.getElementById('pg-password-verdict').textContent,
        };
      }, [password, name]);
      const weak = await run('abc', '');
      assert.deepEqual(weak.json, weak.core);
      assert.deepEqual(weak.codes, weak.core.messages.map((m) => m.code));
      assert.ok(weak.codes.includes('password.too_short'));
      assert.ok(weak.text.includes(weak.core.strength));
      const own = await run('Petrov2024!x', 'Petrov Ivan');
      assert.ok(own.codes.includes('password.personal_data'), `the name is found: ${own.codes}`);
      assert.deepEqual(own.json, own.core);
      await done(p);
    });

    test('a file is judged by its content: a PNG renamed .pdf is refused, by the input and by a drop', async () => {
      const p = await playground(locale);
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a90000000049454e44ae426082', 'hex');
      const verdict = () => p.evaluate(() => ({
        text: document.getElementById('pg-file-verdict').textContent,
        valid: document.getElementById('pg-file-verdict').dataset.valid,
        json: JSON.parse(document.getElementById('pg-file-json').textContent || 'null'),
      }));
      await p.setInputFiles('#pg-file', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: png });
      await p.waitForFunction(() => document.getElementById('pg-file-json').textContent.includes('scan.pdf'));
      let v = await verdict();
      assert.equal(v.valid, 'false');
      assert.equal(v.json.detected, 'png');
      assert.equal(v.json.error, 'attachment.extension_mismatch');
      assert.ok(v.text.includes(v.json.message), 'the core\'s message in words');
      await p.setInputFiles('#pg-file', { name: 'screen.png', mimeType: 'image/png', buffer: png });
      await p.waitForFunction(() => document.getElementById('pg-file-json').textContent.includes('screen.png'));
      v = await verdict();
      assert.equal(v.valid, 'true');
      assert.equal(v.json.valid, true);
      assert.ok(v.text.includes('PNG'));
      // The same spoofed file dropped on the zone.
      await p.evaluate((bytes) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], 'dropped.pdf', { type: 'application/pdf' }));
        document.getElementById('pg-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, [...png]);
      await p.waitForFunction(() => document.getElementById('pg-file-json').textContent.includes('dropped.pdf'));
      v = await verdict();
      assert.equal(v.valid, 'false');
      assert.equal(v.json.error, 'attachment.extension_mismatch');
      await done(p);
    });

    test('hostile input: a 1 MB paste and lone surrogates get the core\'s clear error', async () => {
      const p = await playground(locale);
      const big = await shownAndCore(p, 'inn', '7'.repeat(1 << 20));
      assert.equal(big.valid, 'false');
      assert.equal(big.text, sentences(big.core));
      assert.ok(big.core.message);
      const broken = await shownAndCore(p, 'email', 'ivan\uDC00@mail.ru');
      assert.equal(broken.valid, 'false');
      assert.equal(broken.text, sentences(broken.core));
      await done(p);
    });

    test('no axe violation and no CSP violation, with verdicts shown', async () => {
      const p = await playground(locale);
      await shownAndCore(p, 'snils', '112-233-445 96');
      await shownAndCore(p, 'phone', '+7 916 123-45-67');
      assert.deepEqual(await axe(p), []);
      const fetched = p.requests.map((r) => new URL(r.url).pathname);
      assert.ok(!fetched.some((u) => /\/data\/chat|support-widget|widget-/.test(u)), `no chat, no widget: ${fetched.join(' ')}`);
      await done(p);
    });
  });
}

test('the language switch leads to the other language\'s playground', async () => {
  const p = await playground('ru');
  const ru = await p.textContent('h1');
  await p.click('nav.languages a[hreflang="en"]');
  await p.waitForURL('**/en/playground');
  await p.waitForFunction(() => document.querySelector('main').dataset.ready === 'true');
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  assert.notEqual(await p.textContent('h1'), ru);
  const r = await shownAndCore(p, 'snils', '112');
  assert.equal(r.text, sentences(r.core));
  assert.match(r.core.message, /SNILS/);
  await done(p);
});

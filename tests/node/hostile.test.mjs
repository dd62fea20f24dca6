// Bad input through the WASM boundary: invalid UTF-8, NUL, 10 MB strings,
// malformed and hostile JSON, tampered conversation state, truncated files.
// Each gets the same answer as natively (where supportctl can be asked), a
// clear error otherwise, and never a trap; calls leave no memory behind.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { openCore, supportctl, lines } from './support/core.mjs';

const NOW = '2026-11-21T14:30';
let core;
before(async () => {
  core = await openCore({ locale: 'ru' });
});

test('invalid UTF-8 and NUL bytes: the same answers as natively', () => {
  const values = [
    Buffer.from([0xff, 0xfe, 0x41]),
    Buffer.from([0xd0]),                                   // a cut two-byte letter
    Buffer.from('Иван\u0000ов'),
    Buffer.from([0xed, 0xa0, 0x80]),                       // an encoded surrogate
    Buffer.from([0xc0, 0xaf]),                             // an overlong slash
    Buffer.concat([Buffer.from('112-233-445 95'), Buffer.from([0x80])]),
  ];
  for (const kind of ['snils', 'phone', 'email', 'name', 'date']) {
    const native = lines(supportctl(['--locale', 'ru', '--now', NOW, 'validate', kind], Buffer.concat(values.flatMap((v) => [v, Buffer.from('\n')]))));
    values.forEach((v, i) => assert.equal(core._native.validate(kind, new Uint8Array(v), 'ru', NOW), native[i], `${kind} ${v.toString('hex')}`));
  }
  const match = JSON.parse(core._native.match(new Uint8Array([0xff, 0xd0, 0xbf, 0xd0]), 'ru'));
  assert.equal(match.answer, 'none');
});

test('a password check before the word lists are loaded gives no verdict, then the native one', async () => {
  // A fresh core: a page without a password field never fetches the lists.
  const fresh = await openCore({ locale: 'ru' });
  assert.deepEqual(fresh.password('qwerty123'), { error: 'passwords_not_loaded' });
  assert.deepEqual(fresh.password('Jyfnfif1985!', { name: 'Наталья' }, 'en'), { error: 'passwords_not_loaded' });
  await fresh.loadPasswords();
  const native = lines(supportctl(['--locale', 'ru', 'password', '--user-name', 'Наталья'], Buffer.from('qwerty123\nJyfnfif1985!\n')));
  assert.equal(fresh._native.password('qwerty123', JSON.stringify({ name: 'Наталья' }), 'ru'), native[0]);
  assert.equal(fresh._native.password('Jyfnfif1985!', JSON.stringify({ name: 'Наталья' }), 'ru'), native[1]);
  assert.ok(fresh.password('qwerty123').score <= 1);
});

test('10 MB strings: refused or cut, answered quickly, no trap', async () => {
  await core.loadPasswords();
  const huge = 'а'.repeat(5 * 1024 * 1024);  // 10 MB of UTF-8
  for (const kind of ['snils', 'email', 'name', 'phone']) {
    const out = core.validate(kind, huge);
    assert.equal(out.valid, false, kind);
    assert.match(out.error, /too_long|length|character|format|invalid/, `${kind}: ${out.error}`);
  }
  assert.equal(core.match(huge).answer, 'none');
  assert.equal(core.password(huge).valid, false);
  const form = core.validateForm('feedback', JSON.stringify({ subject: huge }));
  assert.equal(form.valid, false);
  const start = core.chatStart('ru');
  const step = core.chatText(start.state, huge);
  assert.ok(step.reply.kind);
  assert.ok(step.state.length < 400 * 1024, 'the stored state stays bounded');
});

test('malformed JSON arguments get an error result', () => {
  for (const text of ['', '{', '[1,2', '"just a string"', '{"subject": 1e999999}', '{"a":'.repeat(10000), 'null', '[]']) {
    const out = core.validateForm('feedback', text);
    assert.equal(out.valid, false, text.slice(0, 20));
    assert.ok(out.errors.length > 0);
  }
  assert.equal(core.validateForm('no-such-form', {}).error, 'unknown_schema');
  assert.equal(JSON.parse(core._native.validate('no-such-kind', 'x', 'ru', NOW)).error, 'unknown_kind');
  assert.equal(JSON.parse(core._native.validate('snils', 'x', 'ru', 'yesterday')).error, 'bad_now');
  assert.equal(JSON.parse(core._native.format('ui.x', '[1]', 'ru')).error, 'params_not_object');
  assert.equal(JSON.parse(core._native.password('x', '[1]', 'ru')).error, 'user_not_object');
  const pkg = core.packageRequest('feedback', { subject: 'x' }, '{"locale": 5}');
  assert.equal(pkg.valid, false);
  for (const client of ['{', '[]', '{"locale": 5}', '{"transcript": [{"from": 1, "text": "x"}]}', '{"evil": true}']) {
    const valid = JSON.parse(supportctl(['--now', NOW, 'validate-form', 'feedback', `${process.cwd()}/forms/examples/feedback.json`])).values;
    const out = core.packageRequest('feedback', valid, client, [{ type: 'png', sha256: 'ab'.repeat(32) }]);
    assert.equal(out.valid, false, client);
    assert.equal(out.errors[0].code, 'package.client', client);
  }
});

test('a tampered conversation state starts afresh and says why', () => {
  const good = JSON.parse(core.chatStart('ru').state);
  const tampered = [
    '{', 'null', '[]', '"x"', '{}',
    JSON.stringify({ ...good, version: 2 }),
    JSON.stringify({ ...good, stage: 'hacked' }),
    JSON.stringify({ ...good, topic: '<img src=x onerror=alert(1)>' }),
    JSON.stringify({ ...good, options: Array(100).fill('access.password_reset') }),
    JSON.stringify({ ...good, transcript: Array(1000).fill({ from: 'user', text: 'x' }) }),
    JSON.stringify({ ...good, transcript: [{ from: 'admin', text: 'x' }] }),
    JSON.stringify({ ...good, locale: 'x'.repeat(1000) }),
    JSON.stringify({ ...good, extra: 1 }),
  ];
  for (const state of tampered) {
    const out = JSON.parse(core._native.chatText(state, 'забыл пароль', 'ru', NOW));
    assert.ok(out.state_error, `no state_error for ${state.slice(0, 60)}`);
    assert.equal(out.reply.topic, 'access.password_reset');
    assert.equal(out.state.transcript.length, 2, 'a fresh conversation: the message and the answer');
  }
  // A state naming a topic that does not exist is not an error, and no crash.
  const unknown = JSON.stringify({ ...good, stage: 'answered', topic: 'no.such_topic' });
  const out = JSON.parse(core._native.chatButton(unknown, 'helped:no', 'ru', NOW));
  assert.ok(out.reply.kind);
});

test('truncated and hostile files are named for what they are', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
  const cases = [
    [png, 'photo.png'],
    [new TextEncoder().encode('%PDF-1.4\n'), 'doc.pdf'],
    [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), 'pic.png'],
    [new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'report.pdf'],
    [new Uint8Array(0), 'empty.jpg'],
  ];
  for (const [bytes, name] of cases) {
    const out = core.sniff(bytes, name);
    assert.equal(out.valid, false, name);
    assert.ok(out.error.startsWith('attachment.'), out.error);
    assert.ok(out.message && out.hint, 'the error is explained');
  }
  const big = core.sniff(new Uint8Array(16), 'big.pdf', '', 'ru', '', 50 * 1024 * 1024);
  assert.equal(big.error, 'attachment.too_large');
});

test('no memory left behind after 10,000 calls across the boundary', () => {
  const heap = () => core.heapInUse();
  const round = (i) => {
    core.validate('snils', `112-233-445 ${String(i % 100).padStart(2, '0')}`);
    core.validate('email', `user${i}@почта.рф`);
    core.match(i % 2 ? 'не приходит смс код' : 'I forgot my password', i % 2 ? 'ru' : 'en');
    core.validateForm('feedback', { subject: 'Тема', description: 'x'.repeat(i % 50), phone: '+7 916 123-45-67', email: 'a@b.ru' });
    const s = core.chatStart('ru');
    core.chatText(s.state, 'забыл пароль');
    core.sniff(new Uint8Array([0x25, 0x50, 0x44, 0x46]), 'a.pdf');
    core.validate('name', new Uint8Array([0xff, 0x41]));
  };
  for (let i = 0; i < 200; i++) round(i);  // lazily built tables and pools settle
  const before = heap();
  for (let i = 0; i < 10000 / 8; i++) round(i);
  const after = heap();
  assert.equal(after, before, `heap in use ${before} -> ${after} bytes`);
});

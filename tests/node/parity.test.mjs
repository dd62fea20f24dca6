// The WASM module gives, byte for byte, the JSON that the native supportctl
// prints for the same input: identifiers, forms, files, matching on every
// evaluation set, conversations, packaging, e-mail fallback, messages.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

import { openCore, supportctl, lines, root } from './support/core.mjs';
import { KINDS, exampleForms, nativeVectors } from './support/vectors.mjs';

const NOW = '2026-11-21T14:30';
let core;
before(async () => {
  core = await openCore({ locale: 'ru' });
  await core.useLocale('en');
  await core.loadPasswords();  // supportctl has every word list
});

test('validate: every native vector under every kind, with and without texts', () => {
  const values = nativeVectors();
  assert.ok(values.length > 150, `only ${values.length} vectors found`);
  let compared = 0;
  for (const locale of ['', 'ru', 'en']) {
    for (const kind of KINDS) {
      const args = [...(locale ? ['--locale', locale] : []), '--now', NOW, 'validate', kind];
      const native = lines(supportctl(args, values.join('\n') + '\n'));
      assert.equal(native.length, values.length);
      values.forEach((value, i) => {
        assert.equal(core._native.validate(kind, value, locale, NOW), native[i], `${kind} ${JSON.stringify(value)} ${locale}`);
        compared++;
      });
    }
  }
  assert.equal(compared, values.length * KINDS.length * 3);
});

test('password: policy, strength and the person\'s own data', () => {
  const passwords = ['P@ssw0rd', 'Jyfnfif1985!', 'correct horse battery staple', 'Ivanov1985!', 'Qwerty123!', 'xK9#mQ2$vL7@', '', 'пароль', 'a'.repeat(500)];
  const user = { name: 'Иванов Иван', birth_date: '1985-03-12', phone: '+7 916 123-45-67', email: 'ivanov@mail.ru' };
  for (const locale of ['', 'ru', 'en']) {
    const args = [...(locale ? ['--locale', locale] : []), 'password', '--user-name', user.name, '--user-birth-date', user.birth_date,
      '--user-phone', user.phone, '--user-email', user.email];
    const native = lines(supportctl(args, passwords.join('\n') + '\n'));
    passwords.forEach((p, i) => assert.equal(core._native.password(p, JSON.stringify(user), locale), native[i], p));
  }
});

const forms = exampleForms;

test('validate-form: every example form, in both languages', () => {
  for (const { file, text } of forms()) {
    for (const locale of ['', 'ru', 'en']) {
      const native = supportctl([...(locale ? ['--locale', locale] : []), '--now', NOW, 'validate-form', 'feedback', file]);
      assert.equal(core._native.validateForm('feedback', text, locale, NOW) + '\n', native, `${file} ${locale}`);
    }
  }
});

test('package and email: the request and the mail of the example form', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parity-'));
  const client = { locale: 'ru', widget_version: '1.0.0', platform: 'web', page: 'https://example.test/help?x=1',
    topic: 'access.password_reset', consent_at: '2026-11-21T14:29:00+03:00',
    transcript: [{ from: 'user', text: 'мой пароль Qwerty123! не подходит' }, { from: 'bot', text: 'Восстановление пароля' }] };
  // What the page knows of the example's one attachment: its type by content and its digest.
  const facts = [{ type: 'png', sha256: 'ab'.repeat(32) }];
  writeFileSync(join(tmp, 'client.json'), JSON.stringify(client));
  writeFileSync(join(tmp, 'facts.json'), JSON.stringify(facts));
  for (const { file, text } of forms()) {
    const native = supportctl(['--locale', 'ru', '--now', NOW, 'package', 'feedback', file, '--client', join(tmp, 'client.json'),
      '--attachments', join(tmp, 'facts.json')]);
    assert.equal(core._native.packageRequest('feedback', text, JSON.stringify(client), JSON.stringify(facts), 'ru', NOW) + '\n', native, file);
    for (const locale of ['ru', 'en']) {
      const mail = supportctl(['--locale', locale, '--now', NOW, 'email', 'feedback', file, '--number', '12345']);
      assert.equal(core._native.emailFallback('feedback', text, '12345', locale, NOW) + '\n', mail, `${file} ${locale}`);
    }
  }
  const valid = JSON.parse(core._native.packageRequest('feedback', forms().find((f) => !f.file.includes('mistakes')).text, JSON.stringify(client), JSON.stringify(facts), 'ru', NOW));
  assert.equal(valid.valid, true, JSON.stringify(valid.errors));
  assert.ok(!JSON.stringify(valid.request).includes('Qwerty123!'), 'a password in the transcript is masked');
});

test('sniff: real and spoofed files by content', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sniff-'));
  const files = {
    'doc.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), Buffer.alloc(200, 32), Buffer.from('\n%%EOF\n')]),
    'photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    'invoice.pdf': Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this is a program', 'latin1'),
    'scan.jpg': Buffer.from('<html><script>alert(1)</script></html>'),
    'empty.png': Buffer.alloc(0),
  };
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(tmp, name), bytes);
    for (const locale of ['', 'ru', 'en']) {
      const native = supportctl([...(locale ? ['--locale', locale] : []), 'sniff', join(tmp, name)]);
      assert.equal(core._native.sniff(new Uint8Array(bytes), bytes.length, name, '', locale, '') + '\n', native, `${name} ${locale}`);
    }
  }
});

test('match: every evaluation set, row by row', () => {
  const dir = join(root, 'chat/eval');
  const tsv = [];
  const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.tsv') && tsv.push(join(d, e.name))));
  walk(dir);
  assert.ok(tsv.length >= 2);
  let rows = 0;
  for (const file of tsv) {
    const [header, ...body] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const cols = header.split('\t');
    const li = cols.indexOf('locale'), qi = cols.indexOf('query');
    const queries = body.map((l) => l.split('\t')).map((c) => [c[li], c[qi]]).filter(([l, q]) => l && q !== undefined);
    const native = lines(supportctl(['match'], queries.map(([l, q]) => `${l}\t${q}`).join('\n') + '\n'));
    assert.equal(native.length, queries.length, file);
    queries.forEach(([l, q], i) => assert.equal(core._native.match(q, l), native[i], `${file}: ${q}`));
    rows += queries.length;
  }
  assert.ok(rows > 500, `${rows} rows`);
});

test('chat: conversations step by step, state through JSON each time', () => {
  const conversations = [
    ['не могу войти', '/helped:no', '/form'],
    ['здравствуйте', 'мне пришла смс с кодом 123456 от незнакомца', '/restart', 'забыл пароль', '/helped:yes'],
    ['I forgot my password', '/helped:no', '/operator'],
    ['', 'asdfgh', 'пароль', '/topic:access.sms_code', 'спасибо'],
  ];
  for (const [n, messages] of conversations.entries()) {
    const locale = n === 2 ? 'en' : 'ru';
    const native = lines(supportctl(['--locale', locale, '--now', NOW, 'chat'], messages.join('\n') + '\n'));
    let step = JSON.parse(core._native.chatStart('', locale, NOW));
    assert.equal(JSON.stringify(step.reply), native[0]);
    messages.forEach((m, i) => {
      const state = JSON.stringify(step.state);
      const raw = m.startsWith('/') ? core._native.chatButton(state, m.slice(1), locale, NOW) : core._native.chatText(state, m, locale, NOW);
      step = JSON.parse(raw);
      assert.equal(JSON.stringify(step.reply), native[i + 1], `conversation ${n}, step ${i}: ${m}`);
    });
  }
});

test('format: catalog messages with plurals and arguments', () => {
  for (const [key, params] of [['ui.password.strength.3', {}], ['forms.snils.length', { min: '11', actual: '3' }], ['no.such.key', {}]]) {
    for (const locale of ['ru', 'en']) {
      const native = supportctl(['--locale', locale, 'format', key, JSON.stringify(params)]);
      assert.equal(core._native.format(key, JSON.stringify(params), locale) + '\n', native, `${key} ${locale}`);
    }
  }
});

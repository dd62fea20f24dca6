// The forms-only module: what loadCore({ chat: false }) loads when manifest.json
// names one. It gives the forms calls byte for byte what supportctl prints,
// and a chat call on it is a clear error, not a missing function.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

import { CoreLoadError, loadCore } from '../../web/core/support-core.js';
import { fileFetch, manifest, openCore, supportctl, lines, wasmBytes, webBase, webDir } from './support/core.mjs';
import { KINDS, exampleForms, nativeVectors } from './support/vectors.mjs';

const NOW = '2026-11-21T14:30';
let core;
let files;  // manifest.json
let fetched;  // what loadCore fetched: names relative to the web folder
let binaries;  // the .wasm files whose bytes it asked for
before(async () => {
  files = await manifest();
  fetched = [];
  binaries = [];
  const recording = (url) => (fetched.push(String(url).slice(String(webBase).length)), fileFetch(url));
  core = await loadCore({ base: webBase, fetch: recording, locale: 'ru', chat: false,
    wasmBinary: (name) => (binaries.push(name), wasmBytes(name)) });
  await core.useLocale('en');
  await core.loadPasswords();  // supportctl has every word list
});

test('manifest.json names the forms-only module with its integrity', () => {
  for (const key of ['moduleForms', 'wasmForms']) {
    const name = files[key];
    assert.match(name ?? '', /^support-core-forms\.[0-9a-f]{12}\.(mjs|wasm)$/, key);
    const digest = createHash('sha384').update(readFileSync(join(webDir, name))).digest('base64');
    assert.equal(files.integrity[name], `sha384-${digest}`, name);
  }
  assert.notEqual(files.wasmForms, files.wasm);
});

test('loadCore({ chat: false }) loads the forms-only module and no chat data', () => {
  // The glue is imported (not fetched): its module says which one it is.
  assert.deepEqual(binaries, [files.wasmForms]);
  assert.ok(fetched.includes(files.packs.forms), fetched.join(' '));
  for (const pack of ['chat', 'chat-ru', 'chat-en']) assert.ok(!fetched.includes(files.packs[pack]), pack);
  assert.equal(core._module.withChat, false);
  assert.equal(core.hasChat, false);
  for (const call of ['match', 'chatStart', 'chatText', 'chatButton']) assert.equal(core._native[call], undefined, call);
});

test('a chat call on it throws a clear error', () => {
  const calls = {
    match: () => core.match('не могу войти'),
    chatStart: () => core.chatStart('ru'),
    chatText: () => core.chatText('', 'забыл пароль'),
    chatButton: () => core.chatButton('', 'restart'),
  };
  for (const [name, call] of Object.entries(calls)) {
    assert.throws(call, (e) => e instanceof CoreLoadError && e.message.startsWith(`${name}: `) && e.message.includes('chat: false'), name);
  }
  // The core still works after them.
  assert.equal(core.validate('snils', '112-233-445 95').valid, true);
});

test('the full module loaded without the chat refuses chat calls the same way', async () => {
  const full = await openCore({ locale: 'ru' });
  assert.equal(full.hasChat, true);
  assert.equal(full.match('забыл пароль').answer, 'access.password_reset');
  // A manifest without a forms-only module: chat: false falls back to the full one.
  const { moduleForms, wasmForms, ...older } = files;
  const fetchOlder = (url) => (String(url).endsWith('/manifest.json') ? new Response(JSON.stringify(older)) : fileFetch(url));
  const names = [];
  const fallback = await loadCore({ base: webBase, fetch: fetchOlder, chat: false, wasmBinary: (n) => (names.push(n), wasmBytes(n)) });
  assert.deepEqual(names, [files.wasm]);
  assert.equal(fallback._module.withChat, true);
  assert.equal(fallback.hasChat, false);
  assert.throws(() => fallback.match('забыл пароль'), CoreLoadError);
  assert.equal(fallback.validate('snils', '112-233-445 95', '', NOW).formatted, core.validate('snils', '112-233-445 95', '', NOW).formatted);
});

test('validate: every native vector under every kind, with and without texts', () => {
  const values = nativeVectors();
  assert.ok(values.length > 150, `only ${values.length} vectors found`);
  for (const locale of ['', 'ru', 'en']) {
    for (const kind of KINDS) {
      const native = lines(supportctl([...(locale ? ['--locale', locale] : []), '--now', NOW, 'validate', kind], values.join('\n') + '\n'));
      assert.equal(native.length, values.length);
      values.forEach((value, i) => assert.equal(core._native.validate(kind, value, locale, NOW), native[i], `${kind} ${JSON.stringify(value)} ${locale}`));
    }
  }
});

test('password, forms, files and messages: the same bytes as supportctl', () => {
  const user = { name: 'Иванов Иван', birth_date: '1985-03-12', phone: '+7 916 123-45-67', email: 'ivanov@mail.ru' };
  const passwords = ['P@ssw0rd', 'Jyfnfif1985!', 'Ivanov1985!', 'xK9#mQ2$vL7@', '', 'пароль'];
  const tmp = mkdtempSync(join(tmpdir(), 'forms-only-'));
  const files = { 'photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    'invoice.pdf': Buffer.from('MZ\x90\x00\x03\x00 a program', 'latin1'), 'scan.jpg': Buffer.from('<html><script>x</script>') };
  for (const locale of ['', 'ru', 'en']) {
    const loc = locale ? ['--locale', locale] : [];
    const native = lines(supportctl([...loc, 'password', '--user-name', user.name, '--user-birth-date', user.birth_date,
      '--user-phone', user.phone, '--user-email', user.email], passwords.join('\n') + '\n'));
    passwords.forEach((p, i) => assert.equal(core._native.password(p, JSON.stringify(user), locale), native[i], p));
    for (const { file, text } of exampleForms()) {
      assert.equal(core._native.validateForm('feedback', text, locale, NOW) + '\n', supportctl([...loc, '--now', NOW, 'validate-form', 'feedback', file]), file);
    }
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(tmp, name), bytes);
      assert.equal(core._native.sniff(new Uint8Array(bytes), bytes.length, name, '', locale, '') + '\n', supportctl([...loc, 'sniff', join(tmp, name)]), name);
    }
    if (locale) {
      const params = JSON.stringify({ min: '11', actual: '3' });
      assert.equal(core._native.format('forms.snils.length', params, locale) + '\n', supportctl([...loc, 'format', 'forms.snils.length', params]));
    }
  }
});

test('packaging a request: the same bytes as supportctl, the transcript masked', () => {
  // No chat topic: a forms-only page has none (the chat's urgent topics are not loaded).
  const client = { locale: 'ru', widget_version: '1.0.0', platform: 'web', page: 'https://example.test/form',
    consent_at: '2026-11-21T14:29:00+03:00', transcript: [{ from: 'user', text: 'мой пароль Qwerty123! не подходит' }] };
  const facts = [{ type: 'png', sha256: 'ab'.repeat(32) }];
  const tmp = mkdtempSync(join(tmpdir(), 'forms-only-'));
  writeFileSync(join(tmp, 'client.json'), JSON.stringify(client));
  writeFileSync(join(tmp, 'facts.json'), JSON.stringify(facts));
  let valid = 0;
  for (const { file, text } of exampleForms()) {
    const native = supportctl(['--locale', 'ru', '--now', NOW, 'package', 'feedback', file, '--client', join(tmp, 'client.json'), '--attachments', join(tmp, 'facts.json')]);
    const wasm = core._native.packageRequest('feedback', text, JSON.stringify(client), JSON.stringify(facts), 'ru', NOW);
    assert.equal(wasm + '\n', native, file);
    if (JSON.parse(wasm).valid) {
      valid++;
      assert.ok(!wasm.includes('Qwerty123!'), 'a password in the transcript is masked');
    }
  }
  assert.ok(valid > 0, 'an example form is packaged');
  // The e-mail fallback needs the support channels, which come with the chat.
  const form = exampleForms().find((f) => JSON.parse(core._native.validateForm('feedback', f.text, '', NOW)).valid);
  assert.equal(core.emailFallback('feedback', JSON.parse(form.text), '1', 'ru', NOW).error, 'channels_not_loaded');
});

test('10,000 calls leave the heap where it was', () => {
  const form = exampleForms()[0].text;
  const run = () => {
    for (let i = 0; i < 2000; i++) {
      core._native.validate('snils', `112-233-445 ${i % 100}`, 'ru', NOW);
      core._native.validateForm('feedback', form, 'ru', NOW);
      core._native.password(`Pw${i}!x`, '{}', 'en');
      core._native.sniff(new Uint8Array([0x25, 0x50, 0x44, 0x46, i & 255]), 5, 'a.pdf', '', 'ru', '');
      core._native.format('forms.snils.length', '{"min":"11","actual":"3"}', 'ru');
    }
  };
  run();  // first calls may grow caches that stay
  const baseline = core.heapInUse();
  run();
  assert.equal(core.heapInUse(), baseline);
});

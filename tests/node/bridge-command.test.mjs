// The webview bridge's check of the app's commands (web/src/bridge/command.js):
// every well-formed command passes as it came; everything else gets the code
// the app reads, with the command's id when it had a usable one; nothing throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BRIDGE_VERSION, MAX_COMMAND_CHARS, MAX_TEXT_CHARS, parseCommand } from '../../web/src/bridge/command.js';

const LOCALES = ['ru', 'en'];
const parse = (input) => parseCommand(input, LOCALES);
const error = (input) => parse(input).error;

test('well-formed commands pass, as text or as an object', () => {
  const good = [
    { type: 'open', version: 1 },
    { type: 'open', version: 1, view: 'status', id: 'a-1' },
    { type: 'close', version: 1, id: 7 },
    { type: 'ask', version: 1, text: 'не могу войти' },
    { type: 'ask', version: 1, text: 'я'.repeat(MAX_TEXT_CHARS) },
    { type: 'setLocale', version: 1, locale: 'en' },
  ];
  for (const c of good) {
    assert.deepEqual(parse(c), { command: c }, JSON.stringify(c));
    assert.deepEqual(parse(JSON.stringify(c)), { command: c }, 'as JSON text');
  }
  assert.equal(BRIDGE_VERSION, 1);
});

test('text that is not JSON, or JSON that is not an object', () => {
  for (const bad of ['', '{"type": "open", "version": 1', 'open', '{type: "open"}', '\u{d800}']) assert.deepEqual(error(bad), { code: 'invalid_json' }, bad);
  for (const bad of ['[]', '42', 'null', '"open"', '[{"type":"open","version":1}]']) assert.deepEqual(error(bad), { code: 'invalid_command' }, bad);
  for (const bad of [null, undefined, 42, true, [], () => {}, Symbol('x'), 10n]) assert.deepEqual(error(bad), { code: 'invalid_command' }, String(bad));
  const cyclic = { type: 'open', version: 1 };
  cyclic.self = cyclic;
  assert.deepEqual(error(cyclic), { code: 'invalid_command' });
});

test('a command larger than the limit is refused before it is parsed', () => {
  const huge = JSON.stringify({ type: 'ask', version: 1, text: 'x'.repeat(MAX_COMMAND_CHARS) });
  assert.deepEqual(error(huge), { code: 'too_large' });
  assert.deepEqual(error(JSON.parse(huge)), { code: 'too_large' });
  assert.deepEqual(error('['.repeat(MAX_COMMAND_CHARS + 1)), { code: 'too_large' }, 'deep nesting never reaches JSON.parse');
  // Under the command limit, but longer than a question: named by its field.
  assert.deepEqual(error({ type: 'ask', version: 1, id: 3, text: 'x'.repeat(MAX_TEXT_CHARS + 1) }), { code: 'too_large', id: 3, field: 'text' });
});

test('type and version: known and supported, with the id echoed', () => {
  assert.deepEqual(error({ type: 'fly', version: 1, id: 'c1' }), { code: 'unknown_type', id: 'c1' });
  assert.deepEqual(error({ version: 1, id: 2 }), { code: 'unknown_type', id: 2 });
  for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'OPEN', 42]) assert.equal(error({ type, version: 1 }).code, 'unknown_type', String(type));
  assert.equal(error('{"__proto__": {"type": "open"}, "version": 1}').code, 'unknown_type');
  for (const version of [undefined, 0, 2, '1', 1.5, null]) assert.deepEqual(error({ type: 'open', version, id: 1 }), { code: 'unsupported_version', id: 1 }, String(version));
});

test('fields: typed, known, required', () => {
  assert.deepEqual(error({ type: 'ask', version: 1, id: 5, text: 42 }), { code: 'invalid_field', id: 5, field: 'text' });
  assert.deepEqual(error({ type: 'ask', version: 1, text: '   ' }), { code: 'invalid_field', field: 'text' });
  assert.deepEqual(error({ type: 'ask', version: 1 }), { code: 'invalid_field', field: 'text' });
  assert.deepEqual(error({ type: 'ask', version: 1, text: ['не могу войти'] }), { code: 'invalid_field', field: 'text' });
  assert.deepEqual(error({ type: 'setLocale', version: 1, locale: 'de' }), { code: 'invalid_field', field: 'locale' });
  assert.deepEqual(error({ type: 'setLocale', version: 1, locale: { toString: () => 'en' } }), { code: 'invalid_field', field: 'locale' });
  assert.deepEqual(error({ type: 'setLocale', version: 1 }), { code: 'invalid_field', field: 'locale' });
  assert.deepEqual(error({ type: 'open', version: 1, view: 'settings' }), { code: 'invalid_field', field: 'view' });
  assert.deepEqual(error({ type: 'open', version: 1, id: 9, text: 'x' }), { code: 'unknown_field', id: 9, field: 'text' });
  assert.deepEqual(error({ type: 'close', version: 1, ['k'.repeat(500)]: 1 }), { code: 'unknown_field', field: 'k'.repeat(64) });
});

test('an id that is not a short string or a safe integer is refused and not echoed', () => {
  for (const id of [1.5, 'x'.repeat(65), { a: 1 }, [1], true, null, 2 ** 53]) {
    assert.deepEqual(error({ type: 'open', version: 1, id }), { code: 'invalid_field', field: 'id' }, JSON.stringify(id));
  }
});

// The outbox's pure parts in Node: backoff with full jitter, Retry-After,
// classification of answers, and its texts in both catalogs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_BACKOFF, backoffDelay, parseRetryAfter, retryAfterDelay } from '../../web/src/outbox/backoff.js';
import { classify, readCreated } from '../../web/src/outbox/sender.js';
import { statusOf } from '../../web/src/outbox/status.js';
import { isIdempotencyKey, newIdempotencyKey } from '../../web/src/outbox/uuid.js';
import { ROOT } from './outbox-harness.mjs';

test('full jitter: uniform between 0 and base * 2^(attempt-1), capped', () => {
  const o = { baseMs: 1000, capMs: 60000 };
  assert.equal(backoffDelay(1, o, () => 0), 0);
  assert.equal(backoffDelay(1, o, () => 0.999999), 999);
  assert.equal(backoffDelay(3, o, () => 0.5), 2000);
  assert.equal(backoffDelay(30, o, () => 0.999999), 59999);
  assert.equal(backoffDelay(1e9, o, () => 0.5), 30000, 'huge attempt counts stay finite');
  const spread = new Set(Array.from({ length: 200 }, () => backoffDelay(5, o)));
  assert.ok(spread.size > 150, 'delays are spread, not in step');
  assert.ok([...spread].every((d) => d >= 0 && d < 16000));
});

test('Retry-After: seconds or an HTTP date, clamped; garbage ignored', () => {
  const now = Date.parse('2026-12-02T06:00:00Z');
  assert.equal(parseRetryAfter('3', now), 3000);
  assert.equal(parseRetryAfter(' 0 ', now), 0);
  assert.equal(parseRetryAfter('Wed, 02 Dec 2026 06:00:10 GMT', now), 10000);
  assert.equal(parseRetryAfter('Wed, 02 Dec 2026 05:00:00 GMT', now), 0, 'a date in the past means now');
  assert.equal(parseRetryAfter('99999999', now), DEFAULT_BACKOFF.retryAfterCapMs);
  for (const bad of [null, '', 'soon', '-5', '1.5', '12345678901']) assert.equal(parseRetryAfter(bad, now), null, String(bad));
  const d = retryAfterDelay(2000, () => 0.999);
  assert.ok(d >= 2000 && d < 2500);
});

test('answers: 201 kept, 422 field errors to fix, other 4xx final, 5xx/429/network retried', () => {
  const created = '{"number":"2026-0000001","access_token":"t","due_date":"2026-12-09","status":"accepted","created_at":"x","priority":"standard"}';
  assert.equal(classify(201, created, null, 0).kind, 'created');
  assert.deepEqual(classify(201, '{"number":1}', null, 0), { kind: 'retry', status: 201, retryAfterMs: null, code: 'unreadable_response' });
  assert.equal(classify(201, '<html>', null, 0).kind, 'retry');
  const fix = classify(422, '{"code":"validation_failed","errors":[{"path":"phone","code":"phone.too_short","key":"k","params":{"actual":4},"message":"m"},{"nopath":1}]}', null, 0);
  assert.equal(fix.kind, 'fix');
  assert.deepEqual(fix.errors, [{ path: 'phone', code: 'phone.too_short', key: 'k', params: { actual: '4' }, message: 'm', hint: null }]);
  assert.equal(classify(422, '{"code":"idempotency_key_reused"}', null, 0).kind, 'fatal');
  for (const s of [400, 404, 413, 415]) assert.equal(classify(s, '{}', null, 0).kind, 'fatal', String(s));
  for (const s of [0, 408, 429, 500, 502, 503, 504]) assert.equal(classify(s, '', null, 0).kind, 'retry', String(s));
  assert.equal(classify(503, '', '7', 0).retryAfterMs, 7000);
  assert.equal(classify(429, 'not json', '2', 0).retryAfterMs, 2000);
  assert.equal(readCreated({ number: 'x'.repeat(65), access_token: 't', due_date: 'd' }), null);
});

test('Idempotency-Keys are version 4 UUIDs, also without randomUUID', () => {
  assert.ok(isIdempotencyKey(newIdempotencyKey()));
  const key = newIdempotencyKey({ getRandomValues: (a) => a.fill(0xff) });
  assert.equal(key, 'ffffffff-ffff-4fff-bfff-ffffffffffff');
  assert.ok(!isIdempotencyKey('ffffffff-ffff-4fff-bfff-fffffffffff'));
});

test('every ui.outbox text the outbox uses is in both catalogs, and they hold the same ui.outbox keys', () => {
  const dir = join(ROOT, 'web/src/outbox');
  const used = new Set();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/"(ui\.outbox\.[a-z_]+)"/g)) used.add(m[1]);
  }
  assert.ok(used.size >= 10, `found ${used.size} keys`);
  const keys = (locale) => Object.keys(JSON.parse(readFileSync(join(ROOT, `i18n/messages/${locale}.json`), 'utf8')).ui.outbox).map((k) => `ui.outbox.${k}`);
  const ru = new Set(keys('ru'));
  const en = new Set(keys('en'));
  assert.deepEqual([...ru].sort(), [...en].sort());
  for (const k of used) assert.ok(ru.has(k), k);
  // Every event a person can see maps to one of them.
  for (const [type, detail] of [['queued', { saved: true }], ['queued', { saved: false, offline: true }], ['sending', {}], ['progress', { loaded: 1, total: 2 }], ['sent', { number: 'n', due_date: 'd' }], ['failed', { transient: true, retryInMs: 1 }], ['failed', { transient: false }], ['needs-fix', { errors: [] }]]) {
    assert.ok(ru.has(statusOf(type, detail).key), `${type} ${JSON.stringify(detail)}`);
  }
});

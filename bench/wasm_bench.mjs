// The WASM module in Node, through the facade as a page calls it: start time,
// one field, a whole form, a chat match, a dialogue step; and the JS peers a
// portal would otherwise use (ru-validation-codes, validator) on the same
// inputs in the same run, as ratios. Prints figures; asserts nothing.
//   node bench/wasm_bench.mjs [WEB_DIR]     (default build/web)
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { loadCore, moscowNow } from '../web/core/support-core.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const webDir = resolve(root, process.argv[2] ?? 'build/web');
const require = createRequire(import.meta.url);
const ruCodes = require('ru-validation-codes');
const validator = require('validator');

const fetchFile = async (url) => new Response(readFileSync(new URL(url)));
const manifest = JSON.parse(readFileSync(join(webDir, 'manifest.json'), 'utf8'));
const wasmBinary = readFileSync(join(webDir, manifest.wasm));

const t0 = performance.now();
const core = await loadCore({ base: pathToFileURL(webDir + '/'), locale: 'ru', fetch: fetchFile, wasmBinary });
const startMs = performance.now() - t0;
// A forms-only page: the forms-only module when the manifest names one (a fresh instance, compiled anew).
const wasmOf = (name) => readFileSync(join(webDir, name));
const t1 = performance.now();
await loadCore({ base: pathToFileURL(webDir + '/'), locale: 'ru', chat: false, fetch: fetchFile, wasmBinary: wasmOf });
const formsStartMs = performance.now() - t1;
// What a locale switch or loadForms() costs once the code is warm: load() reads every file again.
const t2 = performance.now();
core._native.load();
const reloadMs = performance.now() - t2;

// Valid SNILS: nine digits and their checksum (the portal's rules).
function snils(i) {
  const d = String(100000000 + ((i * 7919) % 899999999)).padStart(9, '0');
  let sum = 0;
  for (let k = 0; k < 9; k++) sum += Number(d[k]) * (9 - k);
  let c = sum % 101;
  if (c === 100) c = 0;
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${String(c).padStart(2, '0')}`;
}
const snilsValues = Array.from({ length: 2000 }, (_, i) => snils(i + 1000));
const emails = Array.from({ length: 2000 }, (_, i) => `user.${i}@example${i % 7}.ru`);

// Median and p99 of per-call microseconds over `rounds` passes of `fn` over `items`.
function time(items, fn, rounds = 15) {
  for (const x of items) fn(x);  // warm up: the engine compiles the hot path
  const perCall = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const x of items) fn(x);
    perCall.push(((performance.now() - start) * 1000) / items.length);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}
function latencies(items, fn) {
  for (const x of items.slice(0, 50)) fn(x);
  const us = items.map((x) => {
    const start = performance.now();
    fn(x);
    return (performance.now() - start) * 1000;
  }).sort((a, b) => a - b);
  return { p50: us[Math.floor(us.length / 2)], p99: us[Math.min(us.length - 1, Math.floor(us.length * 0.99))] };
}

const now = moscowNow();
const f = (n) => n.toFixed(2);
const wasmSnils = time(snilsValues, (v) => core._native.validate('snils', v, '', now));
const peerSnils = time(snilsValues, (v) => ruCodes.checkSnils(v));
const wasmEmail = time(emails, (v) => core._native.validate('email', v, '', now));
const peerEmail = time(emails, (v) => validator.isEmail(v));
const example = readFileSync(join(root, 'forms/examples/feedback.json'), 'utf8');
const wasmForm = time(Array(500).fill(example), (v) => core._native.validateForm('feedback', v, 'ru', now));
const queries = [];
for (const file of readdirSync(join(root, 'chat/eval'), { recursive: true }).filter((n) => n.endsWith('.tsv'))) {
  const [header, ...rows] = readFileSync(join(root, 'chat/eval', file), 'utf8').split('\n').filter(Boolean);
  const cols = header.split('\t');
  for (const r of rows) {
    const c = r.split('\t');
    queries.push([c[cols.indexOf('query')], c[cols.indexOf('locale')]]);
  }
}
const match = latencies(queries, ([q, l]) => core._native.match(q, l));
const greeting = core.chatStart('ru');
const dialogue = latencies(queries.filter(([, l]) => l === 'ru').slice(0, 400).map(([q]) => q), (q) => core.chatText(greeting.state, q));

console.log(`module start (compile + instantiate + data packs ru): ${f(startMs)} ms   (target <= 150 ms)`);
console.log(`forms-only start (loadCore({ chat: false }), ${manifest.wasmForms ? 'forms-only module' : 'full module'}): ${f(formsStartMs)} ms`);
console.log(`load() again, warm (a locale switch, loadForms()): ${f(reloadMs)} ms`);
console.log(`one field, SNILS:   wasm ${f(wasmSnils)} us   ru-validation-codes ${f(peerSnils)} us   ratio ${f(wasmSnils / peerSnils)}`);
console.log(`one field, e-mail:  wasm ${f(wasmEmail)} us   validator.isEmail ${f(peerEmail)} us   ratio ${f(wasmEmail / peerEmail)}`);
console.log(`whole feedback form (JSON in, result JSON out): ${f(wasmForm)} us   (target <= 1000 us)`);
console.log(`chat match over ${queries.length} eval queries: p50 ${f(match.p50)} us, p99 ${f(match.p99)} us   (target p99 <= 2000 us)`);
console.log(`dialogue step (state in, reply + state out): p50 ${f(dialogue.p50)} us, p99 ${f(dialogue.p99)} us`);

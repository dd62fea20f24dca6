// wasm/check-data.mjs, the check a portal team runs after editing data and
// re-packing: the built folder passes; a knowledge-base topic with a wrong type,
// a pack or the forms-only module edited after packing, and a data file that is not JSON are each
// refused with the file (and JSON path) named, before any page meets them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { root, webDir } from './support/core.mjs';

const wasmDir = join(root, process.env.SUPPORT_WASM_DIR ?? 'build/wasm');
// What the native build made (the chat's learned model).
const generatedDir = join(root, process.env.SUPPORT_GENERATED_DIR ?? 'build/native/generated');
const run = (script, args) => spawnSync(process.execPath, [join(root, script), ...args], { encoding: 'utf8' });

let work;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'check-data-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

// A copy of the repository's data files, changed by `edit`, packed into a web folder.
function packEdited(name, edit) {
  const data = join(work, name, 'root');
  const listFile = join(wasmDir, 'bundled-files.txt');
  for (const f of readFileSync(listFile, 'utf8').split('\n').filter(Boolean)) {
    mkdirSync(dirname(join(data, f)), { recursive: true });
    cpSync(existsSync(join(root, f)) ? join(root, f) : join(generatedDir, f), join(data, f));
  }
  edit(data);
  const out = join(work, name, 'web');
  const packed = run('wasm/pack.mjs', ['--root', data, '--files', listFile, '--module', join(wasmDir, 'wasm/support-core.mjs'), '--out', out]);
  return { out, packed };
}

test('the folder the build wrote is ready to deploy', () => {
  const r = run('wasm/check-data.mjs', ['--web', webDir]);
  assert.equal(r.status, 0, r.stderr);
  const withForms = Boolean(JSON.parse(readFileSync(join(webDir, 'manifest.json'), 'utf8')).wasmForms);
  assert.match(r.stdout, withForms ? /ok \(2 locales, \d+ packs, \d+ schemas, forms-only module\)/ : /ok \(2 locales, \d+ packs, \d+ schemas\)/);
});

test('a forms-only module changed after packing: refused by its integrity', (t) => {
  const manifest = JSON.parse(readFileSync(join(webDir, 'manifest.json'), 'utf8'));
  if (!manifest.wasmForms) return t.skip('this web folder has no forms-only module');
  const copy = join(work, 'tampered-forms');
  cpSync(webDir, copy, { recursive: true });
  const wasm = join(copy, manifest.wasmForms);
  const bytes = readFileSync(wasm);
  bytes[bytes.length - 1] ^= 1;
  writeFileSync(wasm, bytes);
  const r = run('wasm/check-data.mjs', ['--web', copy]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`${manifest.wasmForms.replace(/\./g, '\\.')}: its bytes do not match`));
});

test('a topic whose steps are a number: refused, naming the file and the JSON path', () => {
  const { out, packed } = packEdited('wrong-type', (data) => {
    const path = join(data, 'chat/kb/topics/access.json');
    const kb = JSON.parse(readFileSync(path, 'utf8'));
    kb.topics[1].ru.steps = 42;
    writeFileSync(path, JSON.stringify(kb));
  });
  assert.equal(packed.status, 0, packed.stderr);
  const r = run('wasm/check-data.mjs', ['--web', out]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /chat\/kb\/topics\/access\.json: \/topics\/1\/ru\/steps: expected an array of strings/);
});

test('a pack changed after packing: refused by its integrity', () => {
  const copy = join(work, 'tampered');
  cpSync(webDir, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  const pack = join(copy, manifest.packs['chat-ru']);
  writeFileSync(pack, readFileSync(pack, 'utf8').replace('Пароль', 'Паролъ'));
  const r = run('wasm/check-data.mjs', ['--web', copy]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`${manifest.packs['chat-ru'].replace(/\./g, '\\.')}: its bytes do not match`));
});

test('a data file that is not JSON: the packer names it', () => {
  const { packed } = packEdited('not-json', (data) => writeFileSync(join(data, 'forms/schemas/feedback.json'), '{"fields": [1, 2,'));
  assert.equal(packed.status, 1);
  assert.match(packed.stderr, /forms\/schemas\/feedback\.json: /);
});

test('a folder without a manifest: a clear error, not a stack trace', () => {
  const r = run('wasm/check-data.mjs', ['--web', join(work, 'nowhere')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /check-data: .*nowhere: ENOENT/);
});

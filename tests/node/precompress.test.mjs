// web/precompress.mjs: the Brotli and gzip copies the server sends decode to
// the file byte for byte, only pay where they are smaller, and follow rebuilds
// (changed files rewritten, orphans removed).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { precompress } from '../../web/precompress.mjs';

function site() {
  const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  mkdirSync(join(dir, 'data'));
  const texts = {
    'index.html': `<!doctype html><title>Госуслуги</title>${'<p>Поддержка портала. '.repeat(200)}`,
    'data/chat-ru.0123abcd.json': JSON.stringify({ topics: Array.from({ length: 300 }, (_, i) => ({ id: `t${i}`, ru: 'не могу войти' })) }),
    'widget.js': 'export const x = "' + 'abc'.repeat(500) + '";',
  };
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'logo.png'), Buffer.alloc(4000, 7));  // already compressed, in real life
  writeFileSync(join(dir, 'tiny.json'), '{}');
  return { dir, texts };
}

test('every copy decodes to its file', () => {
  const { dir, texts } = site();
  const report = precompress(dir);
  assert.equal(report.files, 4);
  for (const name of Object.keys(texts)) {
    const file = readFileSync(join(dir, name));
    const br = readFileSync(join(dir, `${name}.br`));
    const gz = readFileSync(join(dir, `${name}.gz`));
    assert.deepEqual(brotliDecompressSync(br), file, name);
    assert.deepEqual(gunzipSync(gz), file, name);
    assert.ok(br.length < file.length / 4 && gz.length < file.length / 4, name);
  }
  assert.ok(report.compressed < report.bytes / 4);
});

test('copies only where they are smaller, and none of images', () => {
  const { dir } = site();
  precompress(dir);
  assert.equal(existsSync(join(dir, 'tiny.json.br')), false);  // "{}" does not get smaller
  assert.equal(existsSync(join(dir, 'tiny.json.gz')), false);
  assert.equal(existsSync(join(dir, 'logo.png.br')), false);
});

test('a rebuild: changed files get new copies, orphans go, the rest is left alone', () => {
  const { dir } = site();
  precompress(dir);
  const untouched = readFileSync(join(dir, 'index.html.br'));
  // All of that was built a minute ago.
  const earlier = new Date(Date.now() - 60000);
  for (const f of readdirSync(dir, { recursive: true })) utimesSync(join(dir, f), earlier, earlier);
  // The knowledge base is redeployed with other content; widget.js is emptied.
  const kb = join(dir, 'data/chat-ru.0123abcd.json');
  writeFileSync(kb, JSON.stringify({ topics: Array.from({ length: 400 }, (_, i) => ({ id: `n${i}`, en: 'cannot sign in' })) }));
  const emptied = join(dir, 'widget.js');  // its copies are no longer smaller
  writeFileSync(emptied, '');
  const report = precompress(dir);
  assert.deepEqual(brotliDecompressSync(readFileSync(`${kb}.br`)), readFileSync(kb));
  assert.deepEqual(gunzipSync(readFileSync(`${kb}.gz`)), readFileSync(kb));
  assert.equal(existsSync(join(dir, 'widget.js.br')), false);
  assert.equal(existsSync(join(dir, 'widget.js.gz')), false);
  assert.deepEqual(readFileSync(join(dir, 'index.html.br')), untouched);
  assert.equal(report.written, 2);
  assert.equal(report.removed, 2);

  // A copy whose file is gone entirely.
  writeFileSync(join(dir, 'gone.js.br'), 'stale');
  assert.equal(precompress(dir).removed, 1);
  assert.equal(existsSync(join(dir, 'gone.js.br')), false);
  // Nothing left to do.
  const again = precompress(dir);
  assert.equal(again.written + again.removed, 0);
});

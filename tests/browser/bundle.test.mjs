// The built widget (build/web, from web/build.mjs): the loader within the
// issue's 4 KB gzip limit, every file of ours content-hashed but the loader,
// and no HTML or code-from-string sink anywhere in what we ship.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { WEB } from './harness.mjs';

const report = JSON.parse(readFileSync(join(WEB, 'widget-files.json'), 'utf8'));

test('the loader is at most 4 KB gzip -9', () => {
  const bytes = readFileSync(join(WEB, report.loader));
  assert.ok(gzipSync(bytes, { level: 9 }).length <= 4096, `${gzipSync(bytes, { level: 9 }).length} B`);
});

test('every widget file but the entry scripts has a content hash in its name, and its integrity matches', async () => {
  const { createHash } = await import('node:crypto');
  for (const [name, facts] of Object.entries(report.files)) {
    // The entry scripts keep stable names (a host page's script tag names them); the rest are content-hashed.
    if (!/^support-(widget\.m?js|forms\.js)$/.test(name)) assert.match(name, /-[A-Z0-9]{8}\.(js|css)$/, name);
    const bytes = readFileSync(join(WEB, name));
    assert.equal(facts.integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, name);
  }
  assert.ok(report.files[report.module] && report.files[report.css]);
});

test('no innerHTML, document.write, eval or new Function in what we ship', () => {
  for (const name of Object.keys(report.files).filter((n) => n.endsWith('.js') || n.endsWith('.mjs'))) {
    const code = readFileSync(join(WEB, name), 'utf8');
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'setAttribute("style"', "setAttribute('style'"]) {
      assert.ok(!code.includes(sink), `${name} contains ${sink}`);
    }
  }
});

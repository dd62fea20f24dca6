// scripts/run.sh, the main command, without its install and build step
// (RUN_BUILD=0): it serves the demo site and the API on the PORT it is given,
// every page with the CSP header, prints the URLs, and Ctrl-C stops it with
// exit code 0 and no server left behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO = process.env.SUPPORT_DEMO || join(ROOT, 'build/demo');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
const tmp = mkdtempSync(join(tmpdir(), 'run-sh-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function start(name) {
  const port = await freePort();
  const child = spawn(join(ROOT, 'scripts/run.sh'), [], {
    env: { ...process.env, RUN_BUILD: '0', PORT: String(port), DB: join(tmp, `${name}.db`), SUPPORT_DEMO: DEMO },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as in a terminal
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const origin = `http://127.0.0.1:${port}`;
  const end = Date.now() + 20000;
  for (;;) {
    try {
      const res = await fetch(`${origin}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`run.sh did not serve ${origin}: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, origin, exited, output: () => out };
}

const refused = (origin) => fetch(`${origin}/api/v1/health`).then(() => false, () => true);

test('serves the pages with the CSP header, prints the URLs, and Ctrl-C (the whole group) ends it with 0', async () => {
  const { child, origin, exited, output } = await start('group');
  for (const path of ['/', '/mobile', '/status', '/en/', '/en/mobile']) {
    const res = await fetch(origin + path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('content-security-policy'), CSP, path);
    assert.match(res.headers.get('content-type'), /^text\/html/, path);
  }
  assert.equal((await fetch(`${origin}/widget/support-widget.js`)).status, 200);
  assert.equal((await fetch(`${origin}/api/v1/openapi.json`)).status, 200);
  for (const path of ['/', '/mobile', '/playground', '/forms', '/status', '/api/v1/openapi.json']) assert.ok(output().includes(`${origin}${path} `), `prints ${path}`);
  assert.doesNotMatch(output(), /supportctl/, 'no CLI examples any more');
  process.kill(-child.pid, 'SIGINT');
  assert.deepEqual(await exited, { code: 0, signal: null });
  assert.equal(await refused(origin), true, 'the server is gone');
});

test('SIGINT to the script alone stops its server too', async () => {
  const { child, origin, exited } = await start('script');
  child.kill('SIGINT');
  assert.deepEqual(await exited, { code: 0, signal: null });
  assert.equal(await refused(origin), true, 'the server is gone');
});

test('a port in use: the error of the server, a non-zero exit, and no URLs printed', async () => {
  const busy = createServer();
  await new Promise((r) => busy.listen(0, '127.0.0.1', r));
  const { port } = busy.address();
  const child = spawn(join(ROOT, 'scripts/run.sh'), [], {
    env: { ...process.env, RUN_BUILD: '0', PORT: String(port), DB: join(tmp, 'busy.db'), SUPPORT_DEMO: DEMO },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise((r) => child.once('exit', r));
  busy.close();
  assert.notEqual(code, 0);
  assert.match(out, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}`));
  assert.doesNotMatch(out, /Ctrl-C stops the server/);
});

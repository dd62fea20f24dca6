#!/usr/bin/env node
// Soak test of delivery (issue 12), not part of scripts/test.sh: 1,000
// requests go through the outbox in headless chromium while a TCP proxy on
// 127.0.0.1, between the page and the real support-api, drops, delays and
// resets connections at random; the page is also reloaded now and then.
// Prints what the server's SQLite database holds: created, duplicates, lost.
//
//   node scripts/soak-delivery.mjs [--requests 1000] [--drop 0.05] [--reset 0.05]
//        [--delay 0.1] [--delay-max-ms 1500] [--reload-every-s 20] [--seed 1]
//   SUPPORT_API=build/<dir>/server/support-api to pick the server binary.
//
// drop: a client chunk (part of a request) is thrown away and the connection
// closed, so the request may or may not have reached the server; reset: the
// server's answer is cut off by a TCP reset after the server stored the
// request; delay: a chunk waits up to delay-max-ms either way.
import { createServer, connect } from 'node:net';
import { launchBrowser, newContext, openPage, startServer } from '../tests/browser/outbox-harness.mjs';
import { packaged } from '../tests/browser/outbox-fixtures.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg('requests', 1000);
const P_DROP = arg('drop', 0.05);
const P_RESET = arg('reset', 0.05);
const P_DELAY = arg('delay', 0.1);
const DELAY_MAX_MS = arg('delay-max-ms', 1500);
const RELOAD_EVERY_MS = arg('reload-every-s', 20) * 1000;
const TIMEOUT_MS = arg('timeout-s', 1500) * 1000;

// A small deterministic generator (mulberry32), so a run can be repeated.
let seed = arg('seed', 1) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const faults = { connections: 0, drops: 0, resets: 0, delays: 0 };

function startProxy(upstreamPort) {
  const proxy = createServer((client) => {
    faults.connections++;
    const upstream = connect(upstreamPort, '127.0.0.1');
    let closed = false;
    const kill = (resetClient) => {
      if (closed) return;
      closed = true;
      if (resetClient && typeof client.resetAndDestroy === 'function') client.resetAndDestroy();
      else client.destroy();
      upstream.destroy();
    };
    client.on('error', () => kill(false));
    upstream.on('error', () => kill(false));
    client.on('close', () => kill(false));
    upstream.on('close', () => kill(false));
    // Chunks keep their order: each waits for the one before it.
    const relay = (from, to, onChunk) => {
      let chain = Promise.resolve();
      from.on('data', (chunk) => {
        chain = chain.then(async () => {
          if (closed) return;
          const fate = onChunk();
          if (fate === 'kill') return;
          if (random() < P_DELAY) {
            faults.delays++;
            await new Promise((r) => setTimeout(r, random() * DELAY_MAX_MS));
          }
          if (!closed) to.write(chunk);
        });
      });
    };
    relay(client, upstream, () => {
      if (random() < P_DROP) {
        faults.drops++;
        kill(false);
        return 'kill';
      }
      return 'pass';
    });
    relay(upstream, client, () => {
      if (random() < P_RESET) {
        faults.resets++;
        kill(true);
        return 'kill';
      }
      return 'pass';
    });
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy)));
}

const server = await startServer();
const proxy = await startProxy(server.port);
const origin = `http://127.0.0.1:${proxy.address().port}`;
const browser = await launchBrowser();
const started = Date.now();
let reloads = 0;
try {
  const context = await newContext(browser, origin);
  // Short stall and backoff: a soak, not a phone in a tunnel.
  const query = '?base=100&cap=2000&stall=4000';
  let page = await openPage(context, origin, query);
  const subjects = Array.from({ length: REQUESTS }, (_, i) => `Нагрузка ${String(i + 1).padStart(5, '0')}`);
  for (let i = 0; i < REQUESTS; i += 50) {
    const batch = subjects.slice(i, i + 50).map((s) => packaged(s));
    await page.evaluate(async (list) => {
      for (const r of list) await window.outboxTest.enqueue(r);
    }, batch);
  }
  console.log(`soak: ${REQUESTS} requests queued in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let lastReload = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const left = await page.evaluate(() => window.outboxTest.entries()).catch(() => null);
    if (left && left.length === 0) break;
    if (left && left.some((e) => e.state !== 'queued')) {
      console.log('soak: entries stopped:', JSON.stringify(left.filter((e) => e.state !== 'queued').slice(0, 3)));
      break;
    }
    if (Date.now() - started > TIMEOUT_MS) {
      console.log(`soak: timed out with ${left ? left.length : '?'} entries left`);
      break;
    }
    if (RELOAD_EVERY_MS > 0 && Date.now() - lastReload > RELOAD_EVERY_MS) {
      reloads++;
      lastReload = Date.now();
      await page.reload().catch(() => {});
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true').catch(() => {});
    }
  }
  const records = await page.evaluate(() => window.outboxTest.records());
  const stored = server.subjects();
  const distinct = new Set(stored);
  const expected = new Set(subjects);
  const lost = subjects.filter((s) => !distinct.has(s)).length;
  const inOrder = stored.every((s, i) => i === 0 || s > stored[i - 1]);
  console.log(`soak: rates drop ${P_DROP} per client chunk, reset ${P_RESET} per server chunk, delay ${P_DELAY} per chunk (up to ${DELAY_MAX_MS} ms); page reloaded every ${RELOAD_EVERY_MS / 1000} s`);
  console.log(`soak: faults injected: ${faults.drops} drops, ${faults.resets} resets, ${faults.delays} delays over ${faults.connections} connections; ${reloads} reloads`);
  console.log(`soak: ${((Date.now() - started) / 1000).toFixed(1)} s; local records ${records.length}; stored in submission order: ${inOrder}`);
  console.log(`created ${stored.length}`);
  console.log(`duplicates ${stored.length - distinct.size}`);
  console.log(`lost ${lost}`);
  console.log(`unexpected ${[...distinct].filter((s) => !expected.has(s)).length}`);
  process.exitCode = stored.length === REQUESTS && distinct.size === REQUESTS && lost === 0 ? 0 : 1;
} finally {
  await browser.close();
  proxy.close();
  await server.stop();
}

// The declarations a host page types against (web/types/support-widget.d.ts)
// are the API window.SupportWidget really has: every declared member exists and
// nothing undeclared is exposed; every declared event is one `on` accepts, and
// an undeclared one is refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ts from 'typescript';
import { ROOT, launchBrowser, openPage, startServer } from './harness.mjs';

function interfaceMembers(name) {
  const file = join(ROOT, 'web/types/support-widget.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const node = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(node, `interface ${name} in support-widget.d.ts`);
  return node.members.map((m) => m.name.text).sort();
}

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('window.SupportWidget has exactly the declared members and events', async () => {
  const page = await openPage(browser, server, '/');
  const runtime = await page.evaluate(() => Object.keys(window.SupportWidget).sort());
  assert.deepEqual(runtime, interfaceMembers('SupportWidgetApi'));

  const events = interfaceMembers('WidgetEvents');
  const accepted = await page.evaluate((names) => names.map((n) => {
    try {
      window.SupportWidget.on(n, () => {})();
      return n;
    } catch (e) {
      return `${n}: ${e.name}`;
    }
  }), [...events, 'opened']);
  assert.deepEqual(accepted, [...events, 'opened: TypeError']);
  await page.context().close();
});

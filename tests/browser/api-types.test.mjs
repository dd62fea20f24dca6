// The declarations a host page types against (web/types/*.d.ts) are the API
// the built scripts really expose: window.SupportWidget, window.SupportForms
// (forms-only mode on the demo's /forms) and window.SupportWidgetBridge (the
// webview bridge on /mobile) have every declared member and nothing
// undeclared; every declared widget event is one `on` accepts, and an
// undeclared one is refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ts from 'typescript';
import { ROOT, launchBrowser, openPage, startServer } from './harness.mjs';
import { startDemoServer } from './demo-site.mjs';

function declarations(file) {
  const path = join(ROOT, 'web/types', file);
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
}

function interfaceMembers(name, file = 'support-widget.d.ts') {
  const node = declarations(file).statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(node, `interface ${name} in ${file}`);
  return node.members.map((m) => m.name.text).sort();
}

// The members of `interface Window { NAME?: {…} }` in a file's `declare global`.
function windowMembers(file, name) {
  let found = null;
  const visit = (node) => {
    if (ts.isPropertySignature(node) && node.name.text === name && node.type && ts.isTypeLiteralNode(node.type)) {
      found = node.type.members.map((m) => m.name.text).sort();
    }
    ts.forEachChild(node, visit);
  };
  visit(declarations(file));
  assert.ok(found, `Window.${name} in ${file}`);
  return found;
}

let server;
let demo;
let browser;
before(async () => {
  server = await startServer();
  demo = await startDemoServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await demo?.stop();
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

test('window.SupportForms on the /forms page has exactly the declared members', async () => {
  const page = await openPage(browser, demo, '/forms', { waitFor: 'load' });
  const runtime = await page.evaluate(() => Object.keys(window.SupportForms).sort());
  assert.deepEqual(runtime, interfaceMembers('SupportFormsApi', 'support-forms.d.ts'));
  await page.context().close();
});

test('window.SupportWidgetBridge on the /mobile page has exactly the declared members', async () => {
  const page = await openPage(browser, demo, '/mobile', { waitFor: 'load' });
  await page.waitForFunction(() => window.SupportWidgetBridge);
  const runtime = await page.evaluate(() => Object.keys(window.SupportWidgetBridge).sort());
  assert.deepEqual(runtime, windowMembers('support-bridge.d.ts', 'SupportWidgetBridge'));
  await page.context().close();
});

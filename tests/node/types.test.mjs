// The TypeScript declarations of the public JS API (web/types/) against the
// code: tsc checks a typed host page (web/types/usage-example.ts, with misuse
// that must stay an error), and the declared members of SupportCore and the
// module's exports are exactly what web/core/support-core.js has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

import * as coreModule from '../../web/core/support-core.js';
import { root } from './support/core.mjs';

const types = join(root, 'web/types');

function declarations(file) {
  const source = ts.createSourceFile(file, readFileSync(join(types, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const exported = new Set();
  const classes = new Map();
  for (const node of source.statements) {
    const isExported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!isExported || !node.name) continue;
    if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) exported.add(node.name.text);
    if (ts.isClassDeclaration(node)) classes.set(node.name.text, new Set(node.members.filter((m) => m.name).map((m) => m.name.text)));
  }
  return { exported, classes };
}

test('tsc accepts the typed usage example and refuses its marked misuse', () => {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(types, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc --noEmit failed:\n${e.stdout}${e.stderr}`);
  }
});

test('support-core.d.ts declares exactly the exports and SupportCore members of support-core.js', () => {
  const { exported, classes } = declarations('support-core.d.ts');
  const runtimeExports = Object.keys(coreModule).filter((n) => typeof coreModule[n] === 'function');
  assert.deepEqual([...exported].sort(), runtimeExports.sort());

  const proto = coreModule.SupportCore.prototype;
  const methods = Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor' && !n.startsWith('_'));
  // Instance fields set in the constructor that are public.
  const fields = ['locale'];
  assert.deepEqual([...classes.get('SupportCore')].sort(), [...methods, ...fields].sort());
});

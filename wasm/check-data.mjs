// Checks a web folder before it is deployed: loads its manifest, the module and
// every data pack, in every locale, the way a page does, and prints the load
// error (file and JSON path) that pages would otherwise meet at start.
// A portal team runs it after editing the knowledge base, a schema, a catalog
// or the channels and re-running wasm/pack.mjs.
//
//   node wasm/check-data.mjs [--web build/web]     exit 0: ready to deploy; 1: broken, with the reason
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { loadCore } from '../web/core/support-core.js';
import { integrity } from './integrity.mjs';

const { values: opts } = parseArgs({ options: { web: { type: 'string', default: 'build/web' } } });
const web = resolve(opts.web);

// Serves the folder as a static server would, and checks each file against the
// manifest's integrity, as a browser with Subresource Integrity would.
async function check() {
  const manifest = JSON.parse(await readFile(join(web, 'manifest.json'), 'utf8'));
  const verify = (name, bytes) => {
    const expected = manifest.integrity?.[name];
    if (expected !== integrity(bytes)) throw new Error(`${name}: its bytes do not match manifest.json's integrity (edited after packing? run wasm/pack.mjs again)`);
  };
  const fetchFile = async (url) => {
    const name = new URL(url).pathname.slice(pathToFileURL(web + '/').pathname.length);
    let bytes;
    try {
      bytes = await readFile(new URL(url));
    } catch {
      return new Response('not found', { status: 404 });
    }
    if (name !== 'manifest.json') verify(name, bytes);
    return new Response(bytes);
  };
  const wasmBinary = async (name) => {
    const bytes = await readFile(join(web, name));
    verify(name, bytes);
    return bytes;
  };
  const core = await loadCore({ base: pathToFileURL(web + '/'), locale: manifest.locales[0], fetch: fetchFile, wasmBinary });
  for (const locale of manifest.locales) await core.useLocale(locale);
  await core.loadForms();
  await core.loadPasswords();
  // Every schema the forms pack holds must validate a form (an empty one gets errors, not a failure).
  const schemas = Object.keys(JSON.parse(await readFile(join(web, manifest.packs.forms), 'utf8')).files)
    .filter((p) => p.startsWith('forms/schemas/'));
  // The forms-only module, when there is one, loads the same forms data.
  const formsCore = manifest.wasmForms
    ? await loadCore({ base: pathToFileURL(web + '/'), locale: manifest.locales[0], chat: false, fetch: fetchFile, wasmBinary })
    : null;
  for (const locale of manifest.locales) await formsCore?.useLocale(locale);
  for (const path of schemas) {
    const id = path.slice('forms/schemas/'.length, -'.json'.length);
    for (const c of [core, formsCore].filter(Boolean)) {
      for (const locale of manifest.locales) {
        const out = c.validateForm(id, {}, locale);
        if (out.schema !== id || !Array.isArray(out.errors)) throw new Error(`${path}: the core does not validate forms with it`);
      }
    }
  }
  for (const locale of manifest.locales) {
    const step = core.chatStart(locale);
    if (!step.reply || step.error) throw new Error(`chat in ${locale}: ${step.error ?? 'no greeting'}`);
  }
  return `${manifest.locales.length} locales, ${Object.keys(manifest.packs).length} packs, ${schemas.length} schemas${formsCore ? ', forms-only module' : ''}`;
}

try {
  console.log(`check-data: ${web}: ok (${await check()})`);
} catch (e) {
  console.error(`check-data: ${web}: ${e.message}`);
  process.exit(1);
}

// Puts the WASM module and the data it runs on into one folder a web server
// serves (build/web/), every file under a content-hashed name, with a
// manifest.json that names them and gives their Subresource Integrity hashes.
//
//   node wasm/pack.mjs --root . --files build/wasm/bundled-files.txt \
//        --generated build/native/generated --module build/wasm/wasm/support-core.mjs --out build/web
//
// --generated: where the files that the build makes (the chat's learned
// model, chat/kb/model.json, trained by the native build) are found.
//
// The data files are split into packs so that a page fetches only what it
// shows (facade/data_pack.hpp merges them back):
//   forms         schemas, policies, attachment rules, calendar, locales
//   passwords     the word lists of the strength estimate (only where a password field is)
//   chat          the knowledge base without its texts
//   <locale>      that locale's catalog: the widget's own texts and the chat's
//   forms-<locale> the catalog's texts of forms and their errors (when a form opens)
//   chat-<locale> that locale's texts of the knowledge base
// A portal team edits a data file and runs this again: no WASM rebuild.
//
// The forms-only module (support-core-forms.mjs/.wasm, built beside the full
// one; --module-forms names another) goes in as moduleForms/wasmForms: pages
// that only validate forms load it with loadCore({ chat: false }).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';

import { transformSync } from 'esbuild';

import { integrity } from './integrity.mjs';

const { values: opts } = parseArgs({
  options: {
    root: { type: 'string', default: '.' }, generated: { type: 'string' }, files: { type: 'string' }, module: { type: 'string' },
    'module-forms': { type: 'string' }, out: { type: 'string' },
  },
});

const hash = (bytes) => createHash('sha256').update(bytes).digest();
const shortHash = (bytes) => hash(bytes).toString('hex').slice(0, 12);

// Reads a data file strictly: a syntax error names the file and position.
function readJson(path) {
  const inRoot = join(opts.root, path);
  const text = readFileSync(!existsSync(inRoot) && opts.generated ? join(opts.generated, path) : inRoot, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: ${e.message}`);
  }
}

const locales = readJson('i18n/locales.json').locales;
// Areas of a catalog that only a form needs.
const FORM_AREAS = new Set(['forms', 'schema', 'mail', 'api']);
// Areas of the catalog's `ui` that only pages with forms show (forms-only mode,
// the playground): they travel with the form texts, not in every page's pack.
const FORM_UI_AREAS = new Set(['forms', 'playground']);
// The password policy travels with the forms; the strength estimate's word
// lists (password_dictionary*.json, 13 KB gzip) are fetched only where a
// password field is: core.password() answers passwords_not_loaded until then.
const BASE_PASSWORD_FILES = new Set(['forms/data/password_policy.json']);

// Removes every key named after a locale, recursively; returns the removed
// parts as overlays {locale: value-with-only-those-keys}. Array elements keep
// their "id" in the overlay so the merge can check it.
function splitLocales(value) {
  const overlays = {};
  const put = (locale, v) => (overlays[locale] = v);
  if (Array.isArray(value)) {
    const base = [];
    const parts = Object.fromEntries(locales.map((l) => [l, []]));
    let any = false;
    for (const item of value) {
      const split = splitLocales(item);
      base.push(split.base);
      for (const l of locales) {
        const o = split.overlays[l];
        if (o !== undefined) any = true;
        const withId = item && typeof item === 'object' && 'id' in item ? { id: item.id, ...(o ?? {}) } : (o ?? {});
        parts[l].push(withId);
      }
    }
    if (any) for (const l of locales) put(l, parts[l]);
    return { base, overlays };
  }
  if (value && typeof value === 'object') {
    const base = {};
    const parts = {};
    for (const [key, v] of Object.entries(value)) {
      if (locales.includes(key)) {
        (parts[key] ??= {})[key] = v;
        continue;
      }
      const split = splitLocales(v);
      base[key] = split.base;
      for (const [l, o] of Object.entries(split.overlays)) (parts[l] ??= {})[key] = o;
    }
    for (const [l, o] of Object.entries(parts)) put(l, o);
    return { base, overlays };
  }
  return { base: value, overlays };
}

const packs = { forms: {}, passwords: {}, chat: {} };
for (const l of locales) {
  packs[l] = {};
  packs[`forms-${l}`] = {};
  packs[`chat-${l}`] = {};
}
const files = readFileSync(opts.files, 'utf8').split('\n').filter(Boolean);
for (const path of files) {
  if (path.startsWith('server/')) continue;  // the API's own document, not the browser's
  const content = readJson(path);
  const catalog = path.match(/^i18n\/messages\/([a-z-]+)\.json$/);
  if (catalog) {
    const [ui, form] = [{}, {}];
    for (const [area, texts] of Object.entries(content)) (FORM_AREAS.has(area) ? form : ui)[area] = texts;
    for (const area of FORM_UI_AREAS) {
      if (ui.ui?.[area] === undefined) continue;
      (form.ui ??= {})[area] = ui.ui[area];
      ui.ui = Object.fromEntries(Object.entries(ui.ui).filter(([k]) => k !== area));
    }
    packs[catalog[1]][path] = ui;
    packs[`forms-${catalog[1]}`][path] = form;
  } else if (path.startsWith('forms/data/password_') && !BASE_PASSWORD_FILES.has(path)) {
    packs.passwords[path] = content;
  } else if (path.startsWith('chat/kb/')) {
    const { base, overlays } = splitLocales(content);
    packs.chat[path] = base;
    for (const [l, o] of Object.entries(overlays)) packs[`chat-${l}`][path] = o;
  } else {
    packs.forms[path] = content;
  }
}

rmSync(opts.out, { recursive: true, force: true });
mkdirSync(join(opts.out, 'data'), { recursive: true });
const manifest = { format: 'support-web/1', locales, module: null, wasm: null, moduleForms: null, wasmForms: null, packs: {}, integrity: {} };
const emit = (name, bytes) => {
  writeFileSync(join(opts.out, name), bytes);
  manifest.integrity[name] = integrity(bytes);
  return name;
};
for (const [name, content] of Object.entries(packs)) {
  const bytes = Buffer.from(JSON.stringify({ format: 'support-data/1', files: content }));
  manifest.packs[name] = emit(`data/${name}.${shortHash(bytes)}.json`, bytes);
}
// A module's glue and its .wasm, under the names `stem`.<hash>.mjs/.wasm.
// Debian's emcc cannot run Closure, so the glue comes out with its long local
// names; esbuild's minifier renames only locals (embind looks everything up by
// string) and takes it from 46.0 KB to 24.5 KB raw, 11.6 to 8.8 KB gzip.
const emitModule = (path, stem) => {
  const glue = readFileSync(path, 'utf8');
  const moduleBytes = Buffer.from(transformSync(glue, { minify: true, format: 'esm', legalComments: 'none' }).code);
  const wasmBytes = readFileSync(path.replace(/\.mjs$/, '.wasm'));
  return [emit(`${stem}.${shortHash(moduleBytes)}.mjs`, moduleBytes), emit(`${stem}.${shortHash(wasmBytes)}.wasm`, wasmBytes)];
};
[manifest.module, manifest.wasm] = emitModule(opts.module, 'support-core');
const formsModule = opts['module-forms'] ?? opts.module.replace(/\.mjs$/, '-forms.mjs');
if (opts['module-forms'] || existsSync(formsModule)) {
  [manifest.moduleForms, manifest.wasmForms] = emitModule(formsModule, 'support-core-forms');
}
writeFileSync(join(opts.out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
const modules = [manifest.wasm, manifest.module, manifest.wasmForms, manifest.moduleForms].filter(Boolean);
console.log(`pack: ${Object.keys(packs).length} data packs, ${modules.map((m) => basename(m)).join(', ')} -> ${opts.out}`);

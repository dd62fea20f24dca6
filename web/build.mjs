// Builds the widget into the web folder beside the WASM core (build/web):
//   support-widget.js   the loader for the one script tag (stable name, tiny)
//   support-widget.mjs  the same loader as an ES module
//   widget-<hash>.js (+ chunks), widget-<hash>.css   the rest, loaded on interaction
//   support-forms.js    forms-only mode (web/src/forms): validators on the page's own forms, no chat
//   widget-files.json   what was written, with sizes and integrity hashes
// The loader carries its launcher stylesheet and the launcher's texts from the
// catalogs, so it paints without another request.
//
//   node web/build.mjs [--out build/web]
import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

import { integrity } from '../wasm/integrity.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'build/web') } } });
const out = opts.out;
const TARGET = ['chrome100', 'firefox100', 'safari15.4'];
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

// Texts the loader needs before the core (and its catalogs) are loaded.
const LOADER_KEYS = ['launcher', 'title', 'close', 'loading', 'load_failed'];
const locales = JSON.parse(readFileSync(join(ROOT, 'i18n/locales.json'), 'utf8')).locales;
const texts = {};
for (const l of locales) {
  const catalog = JSON.parse(readFileSync(join(ROOT, `i18n/messages/${l}.json`), 'utf8'));
  texts[l] = Object.fromEntries(LOADER_KEYS.map((k) => {
    const t = catalog.ui?.widget?.[k];
    if (typeof t !== 'string') throw new Error(`i18n/messages/${l}.json: missing ui.widget.${k}`);
    return [k, t];
  }));
}

// Earlier widget files go; the core's files (written by wasm/pack.mjs) stay.
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (/^(support-widget\.m?js|support-forms\.js|widget[-.].*)$/.test(f)) rmSync(join(out, f), { force: true });

const widget = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: { widget: 'web/src/widget/widget.js', 'widget-style': 'web/src/widget/widget.css', bridge: 'web/src/bridge/bridge.js' },
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: TARGET,
  outdir: out,
  entryNames: 'widget-[hash]',
  chunkNames: 'widget-chunk-[hash]',
  metafile: true,
  legalComments: 'none',
  define: { __SW_VERSION__: JSON.stringify(VERSION) },
  logLevel: 'warning',
});
const outputs = Object.entries(widget.metafile.outputs);
const named = (entry) => basename(outputs.find(([, o]) => o.entryPoint === entry)[0]);
const files = { module: named('web/src/widget/widget.js'), css: named('web/src/widget/widget.css'), bridge: named('web/src/bridge/bridge.js') };

const launcherCss = (await esbuild.transform(readFileSync(join(ROOT, 'web/src/loader/launcher.css'), 'utf8'), { loader: 'css', minify: true })).code;
const define = {
  __SW_LAUNCHER_CSS__: JSON.stringify(launcherCss.trim()),
  __SW_TEXTS__: JSON.stringify(texts),
  __SW_FILES__: JSON.stringify(files),
  __SW_VERSION__: JSON.stringify(VERSION),
};
const loaderOptions = { absWorkingDir: ROOT, bundle: true, minify: true, target: TARGET, define, legalComments: 'none', logLevel: 'warning' };
await esbuild.build({ ...loaderOptions, entryPoints: ['web/src/loader/classic.js'], format: 'iife', outfile: join(out, 'support-widget.js') });
await esbuild.build({ ...loaderOptions, entryPoints: ['web/src/loader/module.js'], format: 'esm', outfile: join(out, 'support-widget.mjs') });
// Forms-only mode: one classic script, no chat, no launcher; the core comes when a form is used.
await esbuild.build({ ...loaderOptions, define: { __SW_VERSION__: define.__SW_VERSION__, __SF_LOCALES__: JSON.stringify(locales) }, entryPoints: ['web/src/forms/entry.js'], format: 'iife', outfile: join(out, 'support-forms.js') });

const report = { version: VERSION, loader: 'support-widget.js', module: files.module, css: files.css, forms: 'support-forms.js', bridge: files.bridge, files: {} };
for (const f of readdirSync(out).filter((f) => /^(support-widget\.m?js|support-forms\.js|widget[-.].*)$/.test(f)).sort()) {
  const bytes = readFileSync(join(out, f));
  report.files[f] = {
    bytes: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    integrity: integrity(bytes),
  };
}
writeFileSync(join(out, 'widget-files.json'), JSON.stringify(report, null, 1) + '\n');
const loader = report.files['support-widget.js'];
console.log(`web: loader ${loader.bytes} B (${loader.gzip} B gzip), ${files.module}, ${files.css} -> ${relative(process.cwd(), out) || out}`);

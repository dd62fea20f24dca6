// Builds the demo site (build/demo) from demo/: every page in every locale,
// its scripts bundled, the rest copied.
//   demo/*.html        each page twice: build/demo/<page>.html (ru, the default)
//                      and build/demo/en/<page>.html; the server serves clean
//                      URLs (/mobile, /en/mobile; / and /en/ for index.html)
//   demo/js/*.js       page scripts, bundled by esbuild (they may import product
//                      code from web/src and web/core) into build/demo/js/
//   demo/data/<locale>.json  the demo-only copy ({{t demo.…}}), not copied
//   anything else      copied as it is (css/, images; not build.mjs or *.md)
// Placeholders in pages (anything else in {{ }} stops the build with its file and line):
//   {{integrity NAME}}  the SRI hash of a widget file (build/web/widget-files.json)
//                       or a core file (build/web/manifest.json), e.g. support-widget.js
//   {{t KEY}}           a text: demo.* from demo/data/<locale>.json (demo-only copy),
//                       anything else from i18n/messages/<locale>.json (the product's);
//                       HTML-escaped; a missing key or a non-string stops the build
//   {{locale}}          ru | en
//   {{url LOCALE}}      this page's URL in that locale (the language switch, hreflang)
//   {{home}}            the site's root in this locale: / or /en/
//   {{include NAME}}    demo/partials/NAME.html, with the same placeholders (the
//                       site's header and footer: one copy for every page)
//   {{current PAGE}}    ' aria-current="page"' on this page's own link, else nothing
//
//   node demo/build.mjs [--web build/web] [--out build/demo] [--src demo]
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    web: { type: 'string', default: join(ROOT, 'build/web') },
    out: { type: 'string', default: join(ROOT, 'build/demo') },
    src: { type: 'string', default: join(ROOT, 'demo') }, // another site's sources (the build's own tests)
  },
});
const SRC = opts.src;
const LOCALES = JSON.parse(readFileSync(join(ROOT, 'i18n/locales.json'), 'utf8')).locales;
const DEFAULT_LOCALE = LOCALES[0];

class BuildError extends Error {}
const readJson = (path, missing = 'missing') => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new BuildError(`${relative(ROOT, path)}: ${e.code === 'ENOENT' ? missing : e.message}`);
  }
};

// Every integrity hash the web folder declares, by file name.
function integrities(web) {
  const widget = readJson(join(web, 'widget-files.json'), 'missing (build the web folder first: web/build.mjs)');
  const manifest = readJson(join(web, 'manifest.json'), 'missing (build the web folder first: wasm/pack.mjs)');
  const all = { ...(manifest.integrity || {}) };
  for (const [name, f] of Object.entries(widget.files || {})) all[name] = f.integrity;
  return all;
}

let texts = null; // per locale: the demo's copy and the product's catalog
const lookup = (tree, key) => key.split('.').reduce((o, k) => (o && typeof o === 'object' && Object.hasOwn(o, k) ? o[k] : undefined), tree);
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The URL of a page in a locale: the default locale at the root, others under /<locale>/.
const pageUrl = (page, locale) => `${locale === DEFAULT_LOCALE ? '/' : `/${locale}/`}${page === 'index' ? '' : page}`;

const MAX_INCLUDE_DEPTH = 4; // a partial that includes itself stops the build

function render(source, file, page, locale, sri, depth = 0) {
  return source.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole, inside, offset) => {
    const where = `${relative(ROOT, join(SRC, file))}:${source.slice(0, offset).split('\n').length}`;
    const [name, arg, ...rest] = inside.split(/\s+/);
    const fail = (why) => {
      throw new BuildError(`${where}: ${whole}: ${why}`);
    };
    if (rest.length) fail('one argument at most');
    switch (name) {
      case 'integrity':
        if (!arg) fail('which file?');
        if (!sri[arg]) fail(`no integrity for "${arg}" in ${relative(ROOT, opts.web)}/widget-files.json or manifest.json`);
        return sri[arg];
      case 't': {
        if (!arg) fail('which key?');
        const { demo, product } = texts[locale];
        const value = arg.startsWith('demo.') ? lookup(demo, arg.slice(5)) : lookup(product, arg);
        if (typeof value !== 'string') fail(`no text "${arg}" in ${arg.startsWith('demo.') ? relative(ROOT, join(SRC, `data/${locale}.json`)) : `i18n/messages/${locale}.json`}`);
        return escapeHtml(value);
      }
      case 'locale':
        if (arg) fail('takes no argument');
        return locale;
      case 'url':
        if (!LOCALES.includes(arg)) fail(`unknown locale "${arg}" (${LOCALES.join(', ')})`);
        return pageUrl(page, arg);
      case 'home':
        if (arg) fail('takes no argument');
        return pageUrl('index', locale);
      case 'include': {
        if (!/^[a-z0-9-]+$/.test(arg || '')) fail('which partial (a name in demo/partials/)?');
        if (depth >= MAX_INCLUDE_DEPTH) fail(`included ${MAX_INCLUDE_DEPTH} levels deep: does a partial include itself?`);
        const partial = join('partials', `${arg}.html`);
        if (!existsSync(join(SRC, partial))) fail(`no ${relative(ROOT, join(SRC, partial))}`);
        return render(readFileSync(join(SRC, partial), 'utf8').replace(/\n$/, ''), partial, page, locale, sri, depth + 1);
      }
      case 'current':
        if (!arg) fail('which page?');
        return arg === page ? ' aria-current="page"' : '';
      default:
        return fail('unknown placeholder (integrity, t, locale, url, home, include, current)');
    }
  });
}

function build() {
  const out = opts.out;
  texts = Object.fromEntries(
    LOCALES.map((l) => [l, { demo: readJson(join(SRC, `data/${l}.json`)), product: readJson(join(ROOT, `i18n/messages/${l}.json`)) }]),
  );
  const sri = integrities(opts.web);
  const pages = readdirSync(SRC).filter((f) => f.endsWith('.html')).sort();
  if (pages.length === 0) throw new BuildError(`${relative(ROOT, SRC) || SRC}: no pages`);
  const rendered = [];
  for (const file of pages) {
    const source = readFileSync(join(SRC, file), 'utf8');
    const page = file.slice(0, -'.html'.length);
    for (const locale of LOCALES) rendered.push([join(locale === DEFAULT_LOCALE ? '' : locale, file), render(source, file, page, locale, sri)]);
  }
  // Everything checked: now replace the old output.
  rmSync(out, { recursive: true, force: true });
  for (const [path, html] of rendered) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), html);
  }
  const copy = (dir) => {
    for (const name of readdirSync(join(SRC, dir))) {
      const rel = join(dir, name);
      if (statSync(join(SRC, rel)).isDirectory()) {
        if (rel !== 'js' && rel !== 'data' && rel !== 'partials') copy(rel);
      } else if (dir !== '' || !/\.(html|mjs|md)$/.test(name)) {
        mkdirSync(join(out, dir), { recursive: true });
        copyFileSync(join(SRC, rel), join(out, rel));
      }
    }
  };
  copy('');
  const scripts = existsSync(join(SRC, 'js')) ? readdirSync(join(SRC, 'js')).filter((f) => f.endsWith('.js')) : [];
  if (scripts.length) {
    esbuild.buildSync({
      absWorkingDir: ROOT,
      entryPoints: scripts.map((f) => join(SRC, 'js', f)),
      bundle: true,
      format: 'esm',
      minify: true,
      target: ['chrome100', 'firefox100', 'safari15.4'],
      outdir: join(out, 'js'),
      define: { __SW_VERSION__: '"demo"' },
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
  console.log(`demo: ${pages.length} pages x ${LOCALES.length} locales, ${scripts.length} scripts -> ${relative(process.cwd(), out) || out}`);
}

try {
  build();
} catch (e) {
  if (!(e instanceof BuildError)) throw e;
  console.error(`demo/build.mjs: ${e.message}`);
  process.exit(1);
}

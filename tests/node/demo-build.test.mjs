// demo/build.mjs: every page in every locale with its placeholders filled
// (SRI hashes from the web folder, texts from the catalogs and the demo's
// copy), and a clear failure, naming file and line, for anything it cannot fill.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'demo-build-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

// A web folder with the two files the build reads, and known hashes.
const web = join(tmp, 'web');
mkdirSync(web);
writeFileSync(join(web, 'widget-files.json'), JSON.stringify({ files: { 'support-widget.js': { integrity: 'sha384-LOADER' } } }));
writeFileSync(join(web, 'manifest.json'), JSON.stringify({ integrity: { 'data/ru.0123456789ab.json': 'sha384-PACK' } }));

let n = 0;
function site(pages, { data = { ru: { x: { hello: 'Привет <мир> & "друзья"' } }, en: { x: { hello: 'Hello' } } }, files = {} } = {}) {
  const src = join(tmp, `src-${++n}`);
  mkdirSync(join(src, 'data'), { recursive: true });
  for (const [l, d] of Object.entries(data)) writeFileSync(join(src, `data/${l}.json`), JSON.stringify(d));
  for (const [name, text] of Object.entries({ ...pages, ...files })) {
    mkdirSync(dirname(join(src, name)), { recursive: true });
    writeFileSync(join(src, name), text);
  }
  const out = join(tmp, `out-${n}`);
  const r = spawnSync(process.execPath, [join(ROOT, 'demo/build.mjs'), '--src', src, '--web', web, '--out', out], { encoding: 'utf8' });
  return { ...r, out, read: (p) => readFileSync(join(out, p), 'utf8') };
}

test('each page in each locale, placeholders filled and text escaped', () => {
  const page = [
    '<html lang="{{locale}}"><a href="{{url ru}}">ru</a><a href="{{url en}}">en</a><a href="{{home}}status">s</a>',
    '<p>{{t demo.x.hello}}</p><p>{{ t ui.widget.title }}</p>',
    '<script src="/widget/support-widget.js" integrity="{{integrity support-widget.js}}"></script>',
    '<link href="x" integrity="{{integrity data/ru.0123456789ab.json}}">',
  ].join('\n');
  const r = site({ 'index.html': page, 'mobile.html': page }, { files: { 'css/site.css': 'body{}', 'js/page.js': `import { h } from ${JSON.stringify(join(ROOT, 'web/src/widget/dom.js'))}; window.x = h;`, 'NOTES.md': 'x' } });
  assert.equal(r.status, 0, r.stderr);
  const ru = r.read('mobile.html');
  const en = r.read('en/mobile.html');
  assert.match(ru, /^<html lang="ru"><a href="\/mobile">ru<\/a><a href="\/en\/mobile">en<\/a><a href="\/status">s<\/a>/);
  assert.match(en, /^<html lang="en"><a href="\/mobile">ru<\/a><a href="\/en\/mobile">en<\/a><a href="\/en\/status">s<\/a>/);
  assert.match(r.read('index.html'), /<a href="\/">ru<\/a><a href="\/en\/">en<\/a>/);
  assert.match(ru, /<p>Привет &#60;мир&#62; &#38; &#34;друзья&#34;<\/p>/);
  const catalog = (l) => JSON.parse(readFileSync(join(ROOT, `i18n/messages/${l}.json`), 'utf8')).ui.widget.title;
  assert.ok(ru.includes(`<p>${catalog('ru')}</p>`) && en.includes(`<p>${catalog('en')}</p>`));
  assert.match(ru, /integrity="sha384-LOADER"/);
  assert.match(ru, /integrity="sha384-PACK"/);
  assert.equal(r.read('css/site.css'), 'body{}');
  assert.match(r.read('js/page.js'), /createElement/, 'page scripts are bundled with what they import');
  assert.equal(existsSync(join(r.out, 'NOTES.md')) || existsSync(join(r.out, 'data')), false, 'notes and the copy files stay out');
});

test('partials: one header for every page, each marking its own link, nested and in every locale', () => {
  const header = '<nav><a href="{{home}}"{{current index}}>home</a><a href="{{home}}status"{{current status}}>status</a>{{include note}}</nav>\n';
  const r = site(
    { 'index.html': '{{include header}}<main></main>', 'status.html': '<body>\n{{include header}}\n</body>' },
    { files: { 'partials/header.html': header, 'partials/note.html': '<small>{{t demo.x.hello}}</small>' } },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.read('index.html'), '<nav><a href="/" aria-current="page">home</a><a href="/status">status</a><small>Привет &#60;мир&#62; &#38; &#34;друзья&#34;</small></nav><main></main>');
  assert.equal(r.read('en/status.html'), '<body>\n<nav><a href="/en/">home</a><a href="/en/status" aria-current="page">status</a><small>Hello</small></nav>\n</body>');
  assert.equal(existsSync(join(r.out, 'partials')), false, 'partials are not pages of the site');
  const missing = site({ 'index.html': '{{include nowhere}}' });
  assert.match(missing.stderr, /index\.html:1: \{\{include nowhere\}\}: no .*partials\/nowhere\.html/);
  const loop = site({ 'index.html': '{{include self}}' }, { files: { 'partials/self.html': '\n{{include self}}' } });
  assert.match(loop.stderr, /partials\/self\.html:2: .*levels deep/);
  const broken = site({ 'index.html': '{{include bad}}' }, { files: { 'partials/bad.html': '<p>{{t demo.x.missing}}</p>' } });
  assert.match(broken.stderr, /partials\/bad\.html:1: .*no text "demo\.x\.missing"/, 'an error inside a partial names the partial');
  assert.match(site({ 'index.html': '{{include ../x}}' }).stderr, /which partial/);
});

test('anything it cannot fill stops the build with the file and line', () => {
  const cases = [
    ['<p>\n{{bogus}}</p>', /index\.html:2: \{\{bogus\}\}: unknown placeholder/],
    ['<p>{{integrity nope.js}}</p>', /index\.html:1: .*no integrity for "nope\.js"/],
    ['<p>{{integrity}}</p>', /which file/],
    ['\n\n<p>{{t demo.x.missing}}</p>', /index\.html:3: .*no text "demo\.x\.missing" in .*data\/ru\.json/],
    ['<p>{{t ui.widget}}</p>', /no text "ui\.widget" in i18n\/messages\/ru\.json/],
    ['<p>{{t ui.nothing.here}}</p>', /no text "ui\.nothing\.here"/],
    ['<p>{{url de}}</p>', /unknown locale "de"/],
    ['<p>{{t a b}}</p>', /one argument at most/],
    ['<p>{{locale ru}}</p>', /takes no argument/],
  ];
  for (const [page, message] of cases) {
    const r = site({ 'index.html': page });
    assert.equal(r.status, 1, page);
    assert.match(r.stderr, message, page);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'a message, not a stack trace');
    assert.equal(existsSync(r.out), false, 'nothing written');
  }
  // A key only the English copy has: the Russian build fails.
  const r = site({ 'index.html': '{{t demo.x.only}}' }, { data: { ru: {}, en: { x: { only: 'x' } } } });
  assert.match(r.stderr, /no text "demo\.x\.only" in .*data\/ru\.json/);
});

test('a web folder that was not built is named', () => {
  const src = join(tmp, 'src-missing-web');
  mkdirSync(join(src, 'data'), { recursive: true });
  writeFileSync(join(src, 'index.html'), '<p></p>');
  for (const l of ['ru', 'en']) writeFileSync(join(src, `data/${l}.json`), '{}');
  const r = spawnSync(process.execPath, [join(ROOT, 'demo/build.mjs'), '--src', src, '--web', join(tmp, 'nowhere'), '--out', join(tmp, 'o')], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /widget-files\.json: missing \(build the web folder first/);
});

const WEB = process.env.SUPPORT_WEB || join(ROOT, 'build/web');
test('the real demo builds against the built web folder', () => {
  const out = join(tmp, 'real');
  const r = spawnSync(process.execPath, [join(ROOT, 'demo/build.mjs'), '--web', WEB, '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const sri = JSON.parse(readFileSync(join(WEB, 'widget-files.json'), 'utf8')).files['support-widget.js'].integrity;
  for (const page of ['index.html', 'en/index.html', 'mobile.html', 'en/mobile.html']) {
    const html = readFileSync(join(out, page), 'utf8');
    assert.ok(html.includes(`integrity="${sri}" crossorigin="anonymous"`), `${page}: the loader with its hash ${sri}`);
    assert.doesNotMatch(html, /\{\{|\}\}/, `${page}: nothing left unfilled`);
  }
});

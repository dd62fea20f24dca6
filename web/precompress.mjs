// Writes the precompressed copies a server sends instead of compressing every
// response: FILE.br (Brotli, quality 11) and FILE.gz (gzip -9) beside each
// text, JSON and WASM file of the served folders. A copy is kept only when it
// is smaller than the file; copies whose file is gone or changed are removed
// or rewritten, so running it again after any build is always right.
//   node web/precompress.mjs DIR...     (scripts/build.sh: build/web build/demo)
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|wasm|svg|txt|map)$/i;
const ENCODINGS = [
  { suffix: '.br', compress: (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }) },
  { suffix: '.gz', compress: (bytes) => gzipSync(bytes, { level: 9 }) },
];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

// Precompresses every file under `dir`; returns what it did, for the build's log.
export function precompress(dir) {
  const report = { files: 0, written: 0, removed: 0, bytes: 0, compressed: 0 };
  const all = [...files(dir)];
  const present = new Set(all);
  for (const path of all) {
    const encoding = ENCODINGS.find((e) => path.endsWith(e.suffix));
    if (encoding) {
      const source = path.slice(0, -encoding.suffix.length);
      // An orphan (its file removed by a rebuild) or a copy of a file we do not compress.
      if (!present.has(source) || !COMPRESSIBLE.test(source)) {
        rmSync(path);
        report.removed++;
      }
      continue;
    }
    if (!COMPRESSIBLE.test(path)) continue;
    const bytes = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    report.files++;
    report.bytes += bytes.length;
    let best = bytes.length;
    for (const { suffix, compress } of ENCODINGS) {
      const copy = path + suffix;
      // Up to date: written after the file, so the server would send it anyway.
      const existing = present.has(copy) ? statSync(copy) : null;
      if (existing && existing.mtimeMs >= mtime) {
        best = Math.min(best, existing.size);
        continue;
      }
      const packed = compress(bytes);
      if (packed.length < bytes.length) {
        writeFileSync(copy, packed);
        report.written++;
        best = Math.min(best, packed.length);
      } else if (existing) {
        rmSync(copy);
        report.removed++;
      }
    }
    report.compressed += best;
  }
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node web/precompress.mjs DIR...');
    process.exit(2);
  }
  for (const dir of dirs) {
    const r = precompress(dir);
    console.log(`precompress: ${dir}: ${r.files} files, ${r.bytes} B -> ${r.compressed} B as sent (${r.written} copies written, ${r.removed} removed)`);
  }
}

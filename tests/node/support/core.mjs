// Test support for the WASM module under Node: loads it from the web folder the
// way a browser does (fetch of the manifest and packs; the .wasm handed in as
// bytes, which Debian's Emscripten output cannot fetch from a file path), and
// runs the native supportctl for comparison. Folders: build/web and
// build/native, or SUPPORT_WEB_DIR and SUPPORT_NATIVE_DIR.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';

import { loadCore } from '../../../web/core/support-core.js';

export const root = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const webDir = resolve(root, process.env.SUPPORT_WEB_DIR ?? 'build/web');
export const nativeDir = resolve(root, process.env.SUPPORT_NATIVE_DIR ?? 'build/native');
export const supportctlPath = join(nativeDir, 'cli/supportctl');
export const webBase = pathToFileURL(webDir + '/');

// fetch() for file: URLs, as a static server would answer.
export async function fileFetch(url) {
  try {
    return new Response(await readFile(new URL(url)));
  } catch {
    return new Response('not found', { status: 404 });
  }
}

export async function manifest() {
  return JSON.parse(await readFile(join(webDir, 'manifest.json'), 'utf8'));
}

export async function wasmBytes(name = undefined) {
  return readFile(join(webDir, name ?? (await manifest()).wasm));
}

// loadCore picks the module (the forms-only one for chat: false) and asks for its bytes by name.
export async function openCore(options = {}) {
  return loadCore({ base: webBase, fetch: fileFetch, wasmBinary: (name) => wasmBytes(name), ...options });
}

// supportctl's output lines; exit codes 0 and 1 are both results.
export function supportctl(args, input = undefined) {
  try {
    return execFileSync(supportctlPath, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    if (e.status === 1) return e.stdout;
    throw new Error(`supportctl ${args.join(' ')}: exit ${e.status}: ${e.stderr}`);
  }
}

export const lines = (text) => text.split('\n').filter((l) => l.length > 0);

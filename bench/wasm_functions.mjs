// Lists the largest functions of a .wasm file built with --profiling-funcs
// (names in the "name" section): node bench/wasm_functions.mjs FILE [N]
import { readFileSync } from 'node:fs';

const bytes = readFileSync(process.argv[2]);
const top = Number(process.argv[3] ?? 20);
let pos = 8;
const u32 = () => {
  let result = 0, shift = 0, b;
  do { b = bytes[pos++]; result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
  return result >>> 0;
};
const name = () => { const n = u32(); const s = bytes.subarray(pos, pos + n).toString('utf8'); pos += n; return s; };

let imported = 0;
const bodies = [];
const names = new Map();
const sections = [];
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const end = pos + size;
  const start = pos;
  let label = String(id);
  if (id === 0) label = `custom:${name()}`;
  sections.push({ id, label, size });
  if (id === 2) {  // imports: functions are numbered after them
    for (let i = 0, n = u32(); i < n; i++) {
      name(); name();
      const kind = bytes[pos++];
      if (kind === 0) { u32(); imported++; }
      else if (kind === 1) { pos++; const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; u32(); }
    }
  } else if (id === 10) {
    for (let i = 0, n = u32(); i < n; i++) { const s = u32(); bodies.push({ index: imported + i, size: s }); pos += s; }
  } else if (label === 'custom:name') {
    while (pos < end) {
      const sub = bytes[pos++]; const len = u32(); const subEnd = pos + len;
      if (sub === 1) for (let i = 0, n = u32(); i < n; i++) { const idx = u32(); names.set(idx, name()); }
      pos = subEnd;
    }
  }
  pos = end;
  void start;
}
const kinds = { 1: 'type', 2: 'import', 3: 'function', 5: 'memory', 6: 'global', 7: 'export', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount', 13: 'tag' };
console.log('sections (raw bytes):');
for (const s of sections) console.log(`  ${(kinds[s.id] ?? s.label).padEnd(20)} ${s.size}`);
bodies.sort((a, b) => b.size - a.size);
console.log(`top ${top} of ${bodies.length} functions (raw bytes):`);
for (const b of bodies.slice(0, top)) console.log(`  ${String(b.size).padStart(7)}  ${(names.get(b.index) ?? `func${b.index}`).slice(0, 150)}`);

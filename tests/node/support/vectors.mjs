// Inputs the parity tests share: the native tests' identifier vectors, the
// kinds of `supportctl validate`, the example forms.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { root } from './core.mjs';

export const KINDS = ['snils', 'inn', 'inn10', 'inn12', 'ogrn', 'ogrnip', 'passport', 'phone', 'email', 'name', 'date', 'birth_date', 'datetime'];

// Every string literal of the native identifier, phone, e-mail, name and date
// tests: the vectors, valid and invalid, whatever kind they were written for.
export function nativeVectors() {
  const out = new Set(['', ' ', '0', '\u0000', '112-233-445 95']);
  for (const file of ['identifiers_test.cpp', 'phone_email_test.cpp', 'names_dates_test.cpp', 'hostile_input_test.cpp']) {
    const source = readFileSync(join(root, 'tests/unit', file), 'utf8');
    for (const m of source.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
      try {
        out.add(JSON.parse(`"${m[1]}"`));
      } catch { /* a C++ escape JSON does not share (\x..): skip */ }
    }
  }
  return [...out].filter((v) => !v.includes('\n') && !v.includes('\r'));
}

// The example forms: {file, text}.
export function exampleForms() {
  const dir = join(root, 'forms/examples');
  return readdirSync(dir).map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

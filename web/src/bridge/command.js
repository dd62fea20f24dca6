// A command from the app, checked before anything runs: JSON text or an
// object, {"type": "open" | "close" | "ask" | "setLocale", "version": 1, "id"?, ...}.
// The answer is { command } or { error: { code, id?, field? } } for the app;
// nothing here throws, whatever arrives.

export const BRIDGE_VERSION = 1;
export const MAX_COMMAND_CHARS = 16384; // a whole command as JSON text
export const MAX_TEXT_CHARS = 2000; // ask's text: longer than any question a person types
const MAX_ID_CHARS = 64;
const VIEWS = ['chat', 'form', 'status'];

// Each command's own fields: a check returning true when the value is right,
// and whether the field must be there.
const COMMANDS = {
  open: { view: [(v) => VIEWS.includes(v), false] },
  close: {},
  ask: { text: [(v) => typeof v === 'string' && v.trim() !== '' && v.length <= MAX_TEXT_CHARS, true] },
  setLocale: { locale: [(v, locales) => locales.includes(v), true] },
};

const isId = (v) => (typeof v === 'string' && v.length <= MAX_ID_CHARS) || Number.isSafeInteger(v);

export function parseCommand(input, locales) {
  let c = input;
  if (typeof c === 'string') {
    if (c.length > MAX_COMMAND_CHARS) return { error: { code: 'too_large' } };
    try {
      c = JSON.parse(c);
    } catch {
      return { error: { code: 'invalid_json' } };
    }
  } else {
    let text;
    try {
      text = JSON.stringify(c);
    } catch {
      text = undefined; // cyclic or a BigInt: not a command
    }
    if (text === undefined) return { error: { code: 'invalid_command' } };
    if (text.length > MAX_COMMAND_CHARS) return { error: { code: 'too_large' } };
  }
  if (!c || typeof c !== 'object' || Array.isArray(c)) return { error: { code: 'invalid_command' } };
  const fail = (code, field) => ({ error: { code, ...(isId(c.id) ? { id: c.id } : {}), ...(field ? { field } : {}) } });
  if (c.id !== undefined && !isId(c.id)) return fail('invalid_field', 'id');
  if (typeof c.type !== 'string' || !Object.hasOwn(COMMANDS, c.type)) return fail('unknown_type');
  if (c.version !== BRIDGE_VERSION) return fail('unsupported_version');
  const fields = COMMANDS[c.type];
  for (const key of Object.keys(c)) {
    if (key !== 'type' && key !== 'version' && key !== 'id' && !Object.hasOwn(fields, key)) return fail('unknown_field', key.slice(0, MAX_ID_CHARS));
  }
  for (const [key, [ok, required]] of Object.entries(fields)) {
    if (c[key] === undefined ? required : !ok(c[key], locales)) return fail(key === 'text' && typeof c.text === 'string' && c.text.length > MAX_TEXT_CHARS ? 'too_large' : 'invalid_field', key);
  }
  return { command: c };
}

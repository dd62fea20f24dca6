// Which files of the web folder (manifest.json) a core needs: one answer for
// loadCore and for the loaders that ask the browser to fetch them early.

// The parts a core loads at start: the chat's knowledge base, the forms' texts.
export const partsFor = (chat, forms) => new Set([...(chat ? ['chat'] : []), ...(forms ? ['forms'] : [])]);

// The packs that the loaded parts ('chat', 'forms', 'passwords') need in these locales.
export function packsFor(parts, locales) {
  const names = ['forms', ...(parts.has('chat') ? ['chat'] : []), ...(parts.has('passwords') ? ['passwords'] : [])];
  for (const l of locales) {
    names.push(l);
    if (parts.has('chat')) names.push(`chat-${l}`);
    if (parts.has('forms')) names.push(`forms-${l}`);
  }
  return [...new Set(names)];
}

// The module's glue and .wasm: the smaller forms-only build when there is no chat and the manifest has one.
export function moduleFiles(manifest, chat) {
  return !chat && manifest.moduleForms && manifest.wasmForms
    ? { module: manifest.moduleForms, wasm: manifest.wasmForms }
    : { module: manifest.module, wasm: manifest.wasm };
}

// Fetches manifest.json from `base` and has the browser fetch, in parallel,
// what a core with these parts needs first (module, .wasm, packs), before the
// code that loads it has arrived. Resolves the manifest, for loadCore's
// `manifest` option; link preloads are requests loadCore's own fetches reuse
// (same URL, mode and integrity), so nothing is downloaded twice.
export function preloadCore({ base, locale, chat = true, forms = true }) {
  const manifest = fetch(new URL('manifest.json', base)).then((r) => {
    if (!r.ok) throw new Error(`manifest.json: HTTP ${r.status}`);
    return r.json();
  });
  manifest.then((m) => {
    const files = moduleFiles(m, chat);
    const link = (rel, name, as) => {
      const l = document.createElement('link');
      l.rel = rel;
      l.href = new URL(name, base).href;
      if (as) l.as = as;
      l.crossOrigin = 'anonymous';
      if (m.integrity?.[name]) l.integrity = m.integrity[name];
      document.head.append(l);
    };
    link('modulepreload', files.module);
    link('preload', files.wasm, 'fetch');
    for (const n of packsFor(partsFor(chat, forms), [locale])) if (m.packs[n]) link('preload', m.packs[n], 'fetch');
  }, () => {}); // loadCore fetches the manifest again and reports the failure
  return manifest;
}

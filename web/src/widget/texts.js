// Every text the widget shows, from the catalogs the core loaded (ui.widget.*,
// schema.*, status.*): nothing is written in the code.
export class Texts {
  constructor(core) {
    this.core = core;
    this.catalogs = new Map();
  }

  // The catalog as loaded (forms texts arrive with core.loadForms()).
  catalog(locale) {
    const c = this.core.dataFile(`i18n/messages/${locale}.json`) || {};
    this.catalogs.set(locale, c);
    return c;
  }

  refresh() {
    this.catalogs.clear();
  }

  has(locale, key) {
    const c = this.catalogs.get(locale) || this.catalog(locale);
    return typeof key.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), c) === 'string';
  }

  t(locale, key, params = {}) {
    return this.core.format(key, params, locale);
  }

  // A text when the catalog has it, else null (optional hints).
  maybe(locale, key, params = {}) {
    return this.has(locale, key) ? this.t(locale, key, params) : null;
  }
}

// The WASM core for forms-only pages, loaded once and only when a form is
// about to be used: without the chat (loadCore picks the smaller forms-only
// module when the manifest names one). A failure is kept, not retried: the
// page's forms then work as they did without us, and the server validates.
import { loadCore } from '../../core/support-core.js';

export class CoreLoader {
  constructor({ base, locale }) {
    this.base = base;
    this.locale = locale;
    this.core = null;
    this.error = null;
    this.promise = null;
    this.passwords = null;
  }

  load() {
    if (!this.promise) {
      this.promise = loadCore({ base: this.base, locale: this.locale, chat: false, forms: true }).then(
        (core) => (this.core = core),
        (e) => {
          this.error = e;
          throw e;
        },
      );
    }
    return this.promise;
  }

  // The strength estimate's further word lists, fetched when a password field is first used.
  loadPasswords() {
    if (!this.passwords) this.passwords = this.load().then((core) => core.loadPasswords());
    return this.passwords;
  }
}

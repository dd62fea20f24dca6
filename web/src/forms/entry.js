// Forms-only mode: the core's validators on the portal's existing forms, with
// no chat and no launcher. One classic script tag; the WASM core (forms-only
// module, forms data) is fetched when a form is about to be used, or when the
// page is idle.
//
//   <script src=".../support-forms.js" integrity="sha384-…" data-locale="ru" defer></script>
//   <form data-support-schema="feedback" action="/api/feedback" method="post">
//     <input name="phone" data-support-validate="phone" required> …
//
// Markup it reads
//   form[data-support-schema]      schema id (forms/schemas/<id>.json); the whole form is checked
//                                  against it before submit, fields matched by their `name`
//   form[data-support-locale]      this form's language (else the script's data-locale, else <html lang>)
//   [data-support-validate=KIND]   snils inn inn10 inn12 ogrn ogrnip passport phone email name date
//                                  birth_date datetime password: the control's own check and mask
//   [data-support-user=WHAT]       name | birth_date | phone | email: the person's own data, which a
//                                  password must not contain (name/phone/email kinds, and a date
//                                  named *birth*, count without it)
//   [data-support-error-for=ID]    the page's own element for the error text of control #ID (else an
//                                  element with data-support-error among its aria-describedby ids,
//                                  else a <p class="support-error"> is added after the control)
//   [data-support-strength-for=ID] the page's own element for the password strength of control #ID
//   script[data-locale]            default language; script[data-preload="interaction"]: load the
//                                  core only when a form is used (default "idle": also when idle)
//
// What it sets: setCustomValidity (validity.valid, :invalid), aria-invalid="true", the error
// text linked by aria-describedby (the page's own ids kept), novalidate on the form while the core
// works (the inline messages replace the browser's bubbles; restored if the core cannot load).
// Classes for styling: .support-error (> .support-error-message, .support-error-hint),
// .support-strength (> .support-strength-row > .support-strength-label, meter,
// .support-strength-text; ul.support-strength-reasons > li[data-code]; [data-score="0".."4"]).
//
// window.SupportForms
//   version: string
//   locale: string                            the page's current language
//   core(): Promise<SupportCore>              the WASM core (web/core/support-core.js; loaded once,
//                                             chat: false); rejects with CoreLoadError
//   enhance(form): FormHandle                 a form added later (forms present at start are
//                                             enhanced by themselves); the same handle if done
//   validate(form): Promise<ValidationResult> check and show everything now (loads the core)
//   setLocale(locale): Promise<void>          'ru' | 'en': texts re-rendered; RangeError otherwise
// FormHandle { form, schema: string, validate(): ValidationResult, release(): void }
// ValidationResult { valid: boolean, checked: boolean (false: no core, nothing was checked),
//                    errors: [{ name, kind, code, message, hint }] }
//
// Events (CustomEvent, bubbling, on the form): support:ready {schema, locale} once the core
// checks it; support:invalid {schema, errors} when a submit was stopped; support:error
// {code, message, …} with code core_failed (the form is left as the page made it, the server
// validates anyway), unknown_schema, unknown_kind, schema_fields_missing. Nothing is written to
// the console.
import { CoreLoader } from './core-loader.js';
import { FormController } from './form-controller.js';

const LOCALES = __SF_LOCALES__; // from i18n/locales.json at build time

const script = document.currentScript;
const options = (script && script.dataset) || {};
const pick = (l) => {
  const short = String(l || '').slice(0, 2).toLowerCase();
  return LOCALES.includes(short) ? short : null;
};
let locale = pick(options.locale) || pick(document.documentElement.lang) || LOCALES[0];
const loader = new CoreLoader({ base: new URL('./', script ? script.src : location.href), locale });
const controllers = new Map(); // form -> FormController

const emit = (target, name, detail) => target.dispatchEvent(new CustomEvent(`support:${name}`, { detail, bubbles: true }));

const failed = (e) => ({ code: 'core_failed', message: String((e && e.message) || e) });

// A form in another language than the page's: that locale's texts first.
async function attach(c, core) {
  try {
    if (c.locale !== core.locale) {
      const back = core.locale;
      await core.useLocale(c.locale);
      await core.useLocale(back);
    }
    // A form with a password field waits for the strength estimate's word lists
    // (without them, should they fail, its password gets no verdict here).
    if (c.form.querySelector('[data-support-validate="password"]')) await loader.loadPasswords().catch(() => {});
    c.attach(core);
  } catch (e) {
    c.release(failed(e));
  }
  c.settled();
}

function startCore() {
  if (!loader.promise) {
    loader.load().then(
      (core) => controllers.forEach((c) => attach(c, core)),
      (e) => controllers.forEach((c) => {
        c.release(failed(e));
        c.settled();
      }),
    );
  }
  return loader.promise;
}

function enhance(form) {
  if (!(form instanceof HTMLFormElement)) throw new TypeError('SupportForms.enhance: expected a <form> element');
  let c = controllers.get(form);
  if (!c) {
    c = new FormController(form, { locale, formLocale: pick(form.dataset.supportLocale), emit });
    controllers.set(form, c);
    const used = () => startCore().catch(() => {});
    for (const type of ['focusin', 'pointerdown', 'keydown']) form.addEventListener(type, used, { once: true, passive: true });
    if (loader.core) attach(c, loader.core);
    else if (loader.error) c.release(failed(loader.error));
  }
  return handle(c);
}

const handle = (c) => ({
  form: c.form,
  schema: c.schemaId,
  validate: () => c.validate(),
  release: () => {
    c.release({ code: 'released', message: 'released by the page' });
    controllers.delete(c.form);
  },
});

// Every submit of an enhanced form reaches its gate first: before any handler of the page.
addEventListener('submit', (e) => {
  const c = controllers.get(e.target);
  if (c) c.handleSubmit(e);
}, true);

// A password field in use: the further word lists of the strength estimate.
addEventListener('focusin', (e) => {
  const t = e.target;
  if (!(t instanceof HTMLInputElement) || t.dataset.supportValidate !== 'password' || !controllers.has(t.form)) return;
  loader.loadPasswords().then(() => controllers.get(t.form)?.refresh(), () => {});
});

function start() {
  const forms = new Set(document.querySelectorAll('form[data-support-schema]'));
  for (const el of document.querySelectorAll('[data-support-validate]')) if (el.form) forms.add(el.form);
  forms.forEach(enhance);
  if (forms.size && options.preload !== 'interaction') {
    const go = () => startCore().catch(() => {});
    const idle = () => (window.requestIdleCallback ? requestIdleCallback(go, { timeout: 3000 }) : setTimeout(go, 1500));
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  }
}

if (!window.SupportForms) {
  window.SupportForms = {
    version: __SW_VERSION__,
    get locale() {
      return locale;
    },
    core: () => startCore(),
    enhance,
    async validate(form) {
      const c = controllers.get(form) ? controllers.get(form) : (enhance(form), controllers.get(form));
      await startCore().catch(() => {});
      return c.validate();
    },
    async setLocale(l) {
      const next = pick(l);
      if (!next || next !== String(l)) throw new RangeError(`SupportForms: unsupported locale "${l}" (${LOCALES.join(', ')})`);
      locale = next;
      loader.locale = next;
      for (const c of controllers.values()) c.pageLocale = next;
      if (!loader.promise) return;
      const core = await loader.promise;
      await core.useLocale(next);
      for (const c of controllers.values()) c.refresh();
    },
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

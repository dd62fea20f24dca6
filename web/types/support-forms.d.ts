// Forms-only mode: `window.SupportForms` after
//   <script src="…/support-forms.js" data-locale="ru" defer></script>
// on a page whose <form data-support-schema="…"> has inputs with data-support-validate.
import type { Locale, SupportCore } from './support-core';

export type ValidateKind =
  | 'snils' | 'inn' | 'inn10' | 'inn12' | 'ogrn' | 'ogrnip' | 'passport'
  | 'phone' | 'email' | 'name' | 'date' | 'birth_date' | 'datetime' | 'password';

export interface FormFieldError {
  /** The control's `name`. */
  name: string;
  kind: string;
  code: string;
  message: string;
  hint: string;
}

export interface FormValidation {
  valid: boolean;
  /** false: the core could not load and nothing was checked (the server validates anyway). */
  checked: boolean;
  errors: FormFieldError[];
}

export interface FormHandle {
  readonly form: HTMLFormElement;
  readonly schema: string;
  validate(): FormValidation;
  /** Gives the form back as the page made it (no checks, no novalidate). */
  release(): void;
}

export interface SupportFormsApi {
  readonly version: string;
  /** The page's current language. */
  readonly locale: Locale;
  /** The WASM core (loaded once, forms-only); rejects with CoreLoadError. */
  core(): Promise<SupportCore>;
  /** A form added after start (forms present at start are enhanced by themselves); the same handle if done. */
  enhance(form: HTMLFormElement): FormHandle;
  /** Checks and shows everything now (loads the core first). */
  validate(form: HTMLFormElement): Promise<FormValidation>;
  /** RangeError for a locale the catalogs do not hold. */
  setLocale(locale: Locale): Promise<void>;
}

/** Dispatched on the form (bubbling). */
export interface FormsEvents {
  'support:ready': { schema: string | null; locale: Locale };
  'support:invalid': { schema: string; errors: FormFieldError[] };
  'support:error': { code: 'core_failed' | 'unknown_schema' | 'unknown_kind' | 'schema_fields_missing' | 'released' | (string & {}); message?: string };
}

declare global {
  interface Window {
    SupportForms?: SupportFormsApi;
  }
  interface HTMLElementEventMap {
    'support:invalid': CustomEvent<FormsEvents['support:invalid']>;
  }
}

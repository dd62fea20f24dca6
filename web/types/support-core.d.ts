// The WASM facade in a page: web/core/support-core.js (bundled into the widget,
// reachable as `await SupportWidget.core`). Every call returns what
// `supportctl` prints for the same input, parsed.

/** A locale the catalogs hold ("ru", "en"). */
export type Locale = 'ru' | 'en' | (string & {});

/** Moscow wall time, "YYYY-MM-DDTHH:MM": the core reads no clock. */
export type MoscowTime = string;

export type IdentifierKind =
  | 'snils' | 'inn' | 'inn10' | 'inn12' | 'ogrn' | 'ogrnip' | 'passport'
  | 'phone' | 'email' | 'name' | 'date' | 'birth_date' | 'datetime';

/** Text of an error in the call's locale: both null when valid or when no locale was given. */
export interface Explained {
  message?: string | null;
  hint?: string | null;
}

export interface ValidationResult extends Explained {
  kind: IdentifierKind;
  input: string;
  valid: boolean;
  /** The compact value ("11223344595"), null when invalid. */
  value: string | null;
  /** The value as people write it ("112-233-445 95"), null when invalid. */
  formatted: string | null;
  /** An error code such as "snils.checksum", null when valid. */
  error: string | null;
}

export interface PasswordMessage {
  code: string;
  message: string;
  hint: string;
}

/** What password() answers before loadPasswords(): no verdict rather than a weaker one. */
export interface PasswordsNotLoaded {
  error: 'passwords_not_loaded';
}

export interface PasswordResult {
  /** Meets the policy (length, character classes, minimum score). */
  valid: boolean;
  /** Strength 0 (guessed at once) … 4. */
  score: 0 | 1 | 2 | 3 | 4;
  errors: string[];
  warnings: string[];
  strength?: string;
  messages?: PasswordMessage[];
}

/** The person's own data a password must not contain. */
export interface PasswordUser {
  name?: string;
  birth_date?: string;
  phone?: string;
  email?: string;
}

export interface FieldError extends Explained {
  /** The field ("phone", "attachments[0]", "request"). */
  path: string;
  code: string;
  key: string;
  params: Record<string, string>;
}

export interface FormResult {
  schema: string;
  valid: boolean;
  errors: FieldError[];
  /** The normalised values of the fields that passed. */
  values: Record<string, unknown>;
}

export interface SniffResult extends Explained {
  file: string;
  size: number;
  profile: string;
  /** The type the content shows ("pdf", "png", "jpeg", …), whatever the name says. */
  detected: string | null;
  truncated: boolean;
  valid: boolean;
  error: string | null;
  params?: Record<string, string>;
}

export interface MatchResult {
  query: string;
  locale: Locale;
  /** The topic answered, or "none" when the message is not one of ours. */
  answer: string;
  results: { topic: string; confidence: number }[];
}

export interface ChatButton {
  /** "topic:ID", "category:ID", "operator", "helped:yes", "form", … */
  action: string;
  label: string;
}

export interface ChatReply {
  kind: string;
  messages: string[];
  title: string;
  steps: string[];
  buttons: ChatButton[];
  topic: string;
  operator_available: boolean;
  form: { schema: string; request_type: string; topic: string; urgent: boolean } | null;
  /** The kind of secret the person typed ("sms_code", "password"), masked in the transcript. */
  privacy_warning: string | null;
}

export interface ChatStep {
  /** Null when chatStart resumed a conversation under way (show its transcript). */
  reply: ChatReply | null;
  /** Keep it (a string) and hand it back on the next step; untrusted when it comes back. */
  state: string;
  /** Why a stored state was refused and a fresh one started. */
  state_error?: string;
  error?: string;
}

export interface RequestClient {
  locale?: Locale;
  widget_version?: string;
  platform?: string;
  page?: string;
  topic?: string;
  transcript?: { from: 'user' | 'bot'; text: string }[];
  consent_at?: string;
}

export interface PackageResult {
  valid: boolean;
  errors: FieldError[];
  /** The request for POST /api/v1/requests, null when invalid. */
  request?: Record<string, unknown> | null;
}

export interface EmailResult {
  valid: boolean;
  errors: FieldError[];
  to?: string;
  subject?: string;
  body?: string;
  mailto?: string;
  error?: string;
}

export interface LoadCoreOptions {
  /** The folder of manifest.json, the module and the packs (an absolute URL). */
  base: string | URL;
  locale?: Locale;
  /** Load the knowledge base (default true). False loads the forms-only module when
   * manifest.json names one (moduleForms/wasmForms); the chat calls then throw CoreLoadError. */
  chat?: boolean;
  /** Load the forms' texts at start (default true; else loadForms() later). */
  forms?: boolean;
  fetch?: typeof fetch;
  /** The module's bytes, for runtimes that cannot fetch a file (Node): the bytes, or a
   * function of the manifest's .wasm name (which module loads depends on `chat`). */
  wasmBinary?: ArrayBuffer | Uint8Array | ((name: string) => ArrayBuffer | Uint8Array | Promise<ArrayBuffer | Uint8Array>);
  /** manifest.json already being fetched (a loader's early fetch); fetched again if it failed. */
  manifest?: Promise<unknown> | object;
}

/** A manifest, a module or a data pack could not be loaded, or failed its integrity; the message names the file. */
export class CoreLoadError extends Error {}

export function loadCore(options: LoadCoreOptions): Promise<SupportCore>;

/** Moscow time now, for the calls' `now`. */
export function moscowNow(date?: Date): MoscowTime;

export class SupportCore {
  /** The locale calls use when not given one. */
  locale: Locale | null;
  readonly locales: Locale[];
  /** Whether the chat calls work (loaded with chat: true, and a module that has them). */
  readonly hasChat: boolean;
  useLocale(locale: Locale): Promise<void>;
  loadForms(): Promise<void>;
  loadPasswords(): Promise<void>;

  validate(kind: IdentifierKind, value: string, locale?: Locale, now?: MoscowTime): ValidationResult;
  /** Until loadPasswords() has loaded the word lists: { error: 'passwords_not_loaded' }. */
  password(value: string, user?: PasswordUser, locale?: Locale): PasswordResult | PasswordsNotLoaded;
  validateForm(schema: string, form: Record<string, unknown> | string, locale?: Locale, now?: MoscowTime): FormResult;
  sniff(bytes: Uint8Array, name: string, mime?: string, locale?: Locale, schema?: string, size?: number): SniffResult;
  match(text: string, locale?: Locale): MatchResult;
  chatStart(locale?: Locale, savedState?: string, now?: MoscowTime): ChatStep;
  chatText(state: string, text: string, locale?: Locale, now?: MoscowTime): ChatStep;
  chatButton(state: string, action: string, locale?: Locale, now?: MoscowTime): ChatStep;
  packageRequest(schema: string, form: Record<string, unknown> | string, client: RequestClient,
    attachments?: { type: string; sha256: string }[], locale?: Locale, now?: MoscowTime): PackageResult;
  emailFallback(schema: string, form: Record<string, unknown> | string, number?: string, locale?: Locale, now?: MoscowTime): EmailResult;
  /** One catalog message as text ("[key]" when the catalog lacks it). */
  format(key: string, params?: Record<string, string | number>, locale?: Locale): string;
  /** A loaded data file (a schema, a catalog) as JSON, or null. */
  dataFile(path: string): unknown;
  schema(id: string): unknown;
  heapInUse(): number;
}

// The widget's host API: `window.SupportWidget` after the one script tag
//   <script src="…/support-widget.js" data-endpoint="/api/v1" data-locale="ru" defer>
// or the ES module `…/support-widget.mjs`.
import type { Locale, SupportCore } from './support-core';

export type * from './support-core';

export type WidgetView = 'chat' | 'form' | 'status';

export interface OpenOptions {
  view?: WidgetView;
  /** A form schema id ("feedback", "suspicious_activity", "personal_data_change"). */
  form?: string;
  /** A knowledge-base topic id the form is about. */
  topic?: string;
}

export interface AskResult {
  topic: string | null;
  confidence: number | null;
  kind: string;
  title: string;
  messages: string[];
  steps: string[];
}

/** Each event's detail; every event is also a `support:<name>` DOM event (bubbling, composed). */
export interface WidgetEvents {
  ready: { locale: Locale };
  open: { view: WidgetView };
  close: Record<string, never>;
  answer: { topic: string; confidence: number | null };
  submit: { schema: string; topic: string | null };
  /** Saved in the browser's outbox; `offline` when it waits for the connection. */
  queued: { id: string; saved: boolean; offline: boolean };
  /** The portal accepted the request. */
  sent: { number: string; due_date: string };
  handoff: { channel: 'operator' | 'form' | (string & {}); topic: string | null; transcript: { from: 'user' | 'bot'; text: string }[] };
  error: { code: string; message?: string; errors?: unknown[] };
}

export type WidgetEventName = keyof WidgetEvents;

export interface SupportWidgetApi {
  readonly version: string;
  /** The <support-widget> element (open shadow root; theme with --sw-* and ::part). */
  readonly element: HTMLElement;
  open(options?: OpenOptions): Promise<void>;
  close(): Promise<void>;
  toggle(): Promise<void>;
  /** Sends a message as if the person typed it; null when the chat refused it. */
  ask(text: string): Promise<AskResult | null>;
  /** Fills the request form's fields by name (unknown names are ignored). */
  prefill(values: Record<string, string | boolean>): Promise<void>;
  /** Rejects with RangeError for a locale the catalogs do not hold. */
  setLocale(locale: Locale): Promise<void>;
  /** Returns a function that removes the handler; TypeError for an unknown event. */
  on<K extends WidgetEventName>(name: K, handler: (detail: WidgetEvents[K]) => void): () => void;
  /** The WASM facade (loads the widget if it was not yet). */
  readonly core: Promise<SupportCore>;
}

export interface WidgetOptions {
  /** The portal API's base ("/api/v1"). */
  endpoint?: string;
  locale?: Locale;
  /** "idle" (default): load the module when the page is idle; "none": on interest only. */
  preload?: 'idle' | 'none';
  /** false: no launcher (a webview's app opens the widget itself). */
  launcher?: boolean;
}

/** The page's one widget (created on first call; later options are ignored). */
export function createSupportWidget(options?: WidgetOptions): SupportWidgetApi;
export const SupportWidget: SupportWidgetApi;
export default SupportWidget;

declare global {
  interface Window {
    SupportWidget?: SupportWidgetApi;
  }
  interface HTMLElementEventMap {
    'support:ready': CustomEvent<WidgetEvents['ready']>;
    'support:open': CustomEvent<WidgetEvents['open']>;
    'support:close': CustomEvent<WidgetEvents['close']>;
    'support:answer': CustomEvent<WidgetEvents['answer']>;
    'support:submit': CustomEvent<WidgetEvents['submit']>;
    'support:queued': CustomEvent<WidgetEvents['queued']>;
    'support:sent': CustomEvent<WidgetEvents['sent']>;
    'support:handoff': CustomEvent<WidgetEvents['handoff']>;
    'support:error': CustomEvent<WidgetEvents['error']>;
  }
}

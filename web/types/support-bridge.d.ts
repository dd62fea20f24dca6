// The webview bridge (data-bridge="auto" on the widget's script tag): the
// messages between the widget and the mobile app that hosts the page.
import type { WidgetEvents, WidgetView } from './support-widget';
import type { Locale } from './support-core';

/** Widget → app: every widget event, as JSON text (React Native, Android) or an object (iOS). */
export type BridgeEvent =
  | { [K in keyof WidgetEvents]: { type: K; version: 1 } & WidgetEvents[K] }[keyof WidgetEvents]
  | { type: 'error'; version: 1; code: BridgeErrorCode; id?: string | number; field?: string; message?: string };

/** Why a command was refused (an `error` event with `code` and, when given, the command's `id`). */
export type BridgeErrorCode =
  | 'invalid_json' | 'invalid_command' | 'too_large' | 'unknown_type' | 'unsupported_version'
  | 'unknown_field' | 'invalid_field' | 'command_failed';

/** App → widget: JSON text or an object; `id` (string ≤ 64 or integer) comes back in an error. */
export type BridgeCommand = { version: 1; id?: string | number } & (
  | { type: 'open'; view?: WidgetView }
  | { type: 'close' }
  | { type: 'ask'; text: string }
  | { type: 'setLocale'; locale: Locale }
);

declare global {
  interface Window {
    /** Present on a page with data-bridge="auto": where the app's evaluateJavascript sends commands. */
    SupportWidgetBridge?: { readonly version: 1; receive(command: BridgeCommand | string): void };
    ReactNativeWebView?: { postMessage(message: string): void };
    SupportBridge?: { postMessage(message: string): void };
  }
}

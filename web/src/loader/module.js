// The widget as an ES module: import { SupportWidget } from '.../support-widget.mjs'
// (or createSupportWidget(options) for other settings). One widget per page:
// a page that also has the script tag gets that same object.
import { boot } from './boot.js';

export function createSupportWidget(options = {}) {
  if (!window.SupportWidget || !window.SupportWidget.version) {
    window.SupportWidget = boot({ base: new URL('./', import.meta.url), ...options });
  }
  return window.SupportWidget;
}

// The page's own language (<html lang="en">) picks the locale.
export const SupportWidget = createSupportWidget({ locale: (document.documentElement.lang || 'ru').slice(0, 2) });
export default SupportWidget;

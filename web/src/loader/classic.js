// <script src=".../support-widget.js" data-endpoint="/api/v1" data-locale="ru" defer>
// The folder of this script holds the rest of the widget.
import { boot } from './boot.js';

const script = document.currentScript;
const d = (script && script.dataset) || {};
const start = () => {
  if (window.SupportWidget && window.SupportWidget.version) return;
  window.SupportWidget = boot({
    base: new URL('./', script ? script.src : location.href),
    endpoint: d.endpoint,
    locale: d.locale,
    preload: d.preload,
    launcher: d.launcher !== 'none',
    bridge: d.bridge,
  });
};
if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });

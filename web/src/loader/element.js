// <support-widget>: the launcher, painted at once from a stylesheet the loader
// carries (a constructable stylesheet: no inline style, no injected <style>).
// The panel is mounted into the same open shadow root by the widget module.

const SVG = 'http://www.w3.org/2000/svg';
// A speech bubble (24x24).
const ICON = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z';

let sheet = null;

export class SupportWidgetElement extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(__SW_LAUNCHER_CSS__);
    }
    root.adoptedStyleSheets = [sheet];
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'launcher';
    button.setAttribute('part', 'launcher');
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-haspopup', 'dialog');
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', ICON);
    svg.append(path);
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.setAttribute('part', 'badge');
    badge.setAttribute('aria-hidden', 'true');
    badge.hidden = true;
    button.append(svg, badge);
    const panel = document.createElement('div');
    panel.className = 'panel-host';
    root.append(panel, button);
    this.launcher = button;
    this.badge = badge;
    this.panelHost = panel;
  }

  // The launcher's accessible name, with the unread count when there is one.
  setLabel(text) {
    this.launcher.setAttribute('aria-label', text);
  }

  setUnread(count, text) {
    this.badge.hidden = !(count > 0);
    this.badge.textContent = count > 0 ? String(count) : '';
    if (text) this.setLabel(text);
  }
}

// A host page that imports the widget as an ES module (no script tag).
import { SupportWidget } from '/widget/support-widget.mjs';

window.importedWidget = SupportWidget;

// Where a message for the app goes: the first of the three hosts a webview
// really offers that is present when the message is posted (an app may add its
// object after the page started).
//   React Native   window.ReactNativeWebView.postMessage(string)
//   iOS WKWebView  window.webkit.messageHandlers.support.postMessage(object)
//   Android        window.SupportBridge.postMessage(string) (addJavascriptInterface)
// Returns false when no host is there (a plain browser): the message is dropped.
export function postToApp(win, message) {
  const json = JSON.stringify(message);
  const rn = win.ReactNativeWebView;
  if (rn && typeof rn.postMessage === 'function') return rn.postMessage(json), true;
  const ios = win.webkit && win.webkit.messageHandlers && win.webkit.messageHandlers.support;
  if (ios && typeof ios.postMessage === 'function') return ios.postMessage(JSON.parse(json)), true; // a plain object for WKScriptMessage.body
  const android = win.SupportBridge;
  if (android && typeof android.postMessage === 'function') return android.postMessage(json), true;
  return false;
}

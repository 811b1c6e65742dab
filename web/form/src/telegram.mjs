// The few Mini App calls the form needs, without loading telegram-web-app.js from Telegram: the
// launch data read from the URL fragment exactly as that script reads it, events posted the way
// it posts them (the app's proxy on Android and iOS, a message to the parent frame on the web),
// and the two button presses received back.
const listeners = new Map();
const isIframe = (() => {
  try {
    return window.parent != null && window !== window.parent;
  } catch {
    return false;
  }
})();

function receiveEvent(eventType, eventData) {
  for (const f of listeners.get(eventType) ?? []) f(eventData);
}

/**
 * The raw initData string and the platform, from `#tgWebAppData=...&tgWebAppPlatform=...`; or,
 * opened in any browser with a one-time link (`#link=<token>`), the link's token and no initData.
 */
export function launchParams(hash = location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const initData = params.get("tgWebAppData") ?? "";
  return {
    initData, link: initData === "" ? params.get("link") ?? "" : "",
    platform: params.get("tgWebAppPlatform") ?? "unknown",
  };
}

let standalone = false;

/** Opened with a link, outside Telegram: no Telegram event is ever posted, to a proxy or a frame. */
export function runStandalone() {
  standalone = true;
}

/** Whether the page runs inside a Telegram client at all. */
export const inTelegram = () => window.TelegramWebviewProxy !== undefined || isIframe;

export function postEvent(eventType, eventData = "") {
  if (standalone) return;
  try {
    if (window.TelegramWebviewProxy !== undefined) {
      window.TelegramWebviewProxy.postEvent(eventType, JSON.stringify(eventData));
    } else if (isIframe) {
      window.parent.postMessage(JSON.stringify({ eventType, eventData }), "*");
    }
  } catch {
    // Outside Telegram, or an old client: the page's own buttons do the same.
  }
}

export function onEvent(eventType, f) {
  listeners.set(eventType, [...(listeners.get(eventType) ?? []), f]);
}

/** Installs the receivers the Telegram clients call, as telegram-web-app.js does. */
export function listen() {
  window.Telegram = { ...(window.Telegram ?? {}), WebView: { receiveEvent } };
  window.TelegramGameProxy = { receiveEvent };
  window.TelegramGameProxy_receiveEvent = receiveEvent;
  if (isIframe) {
    window.addEventListener("message", (event) => {
      if (event.source !== window.parent) return;
      try {
        const { eventType, eventData } = JSON.parse(event.data);
        if (eventType) receiveEvent(eventType, eventData);
      } catch {
        // not a Telegram event
      }
    });
  }
}

export const backButton = (visible) => postEvent("web_app_setup_back_button", { is_visible: visible });

export const mainButton = (text) => postEvent("web_app_setup_main_button", text
  ? { is_visible: true, is_active: true, text, is_progress_visible: false }
  : { is_visible: false });

export const confirmClosing = (need) => postEvent("web_app_setup_closing_behavior", { need_confirmation: need });

export const closeApp = () => postEvent("web_app_close", { return_back: false });

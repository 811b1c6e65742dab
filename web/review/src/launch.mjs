// The launch as Telegram hands it to a Mini App, read without telegram-web-app.js (no other
// host): the URL fragment `tgWebAppData=<initData>&tgWebAppVersion=...`, URL-search-params style.
export function launchData(hash) {
  const params = new URLSearchParams((hash || '').replace(/^#/, ''));
  return params.get('tgWebAppData') || '';
}

// Telegram's Mini App events, posted the way telegram-web-app.js posts them: to the native
// client's proxy when there is one, else to the Telegram Web frame that holds the page.
export function postEvent(type, data = {}) {
  const json = JSON.stringify(data);
  try {
    if (window.TelegramWebviewProxy && window.TelegramWebviewProxy.postEvent) {
      window.TelegramWebviewProxy.postEvent(type, json);
    } else if (window.external && 'notify' in window.external) {
      window.external.notify(JSON.stringify({ eventType: type, eventData: data }));
    } else if (window.parent !== window) {
      window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), 'https://web.telegram.org');
    }
  } catch {
    // Outside Telegram (a test browser): nothing to tell.
  }
}

// 32 hex digits from the browser's random generator: one per call, so a repeated call is refused.
export function requestId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Splits free text into plain parts and the markers the server put where it masked an identifier.
export function maskedParts(text) {
  const parts = [];
  const marker = /\[#[a-z-]+\]/g;
  let last = 0;
  for (const m of text.matchAll(marker)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), masked: false });
    parts.push({ text: m[0], masked: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), masked: false });
  return parts;
}

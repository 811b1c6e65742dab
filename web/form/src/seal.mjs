// Seals her testimony in the page, before anything leaves the phone: the answers JSON, padded to
// 1 KiB steps, HPKE-sealed (X25519 in pure JS, HKDF-SHA256, AES-256-GCM) to the collective's
// public key that the server handed the page, bound to a fresh row id exactly as a testimony
// from the chat is (docs/FORMAT.md 3 and 4), so one opener opens both.
import { sealRecord, senderContext } from "../../src/record.mjs";

export const KIND = "testimony";
export const VERSION = 1;

/**
 * Whether this browser can seal: a random source, text encoding and WebCrypto's subtle API
 * (HKDF and AES-GCM; X25519 itself is in the bundle). A very old WebView has not all three.
 */
export function canSeal(g = globalThis) {
  return typeof g.TextEncoder === "function" && typeof g.crypto?.getRandomValues === "function"
    && typeof g.crypto?.subtle?.importKey === "function" && typeof Uint8Array.prototype.fill === "function";
}

/** 32 lower-case hex digits from the browser's random source: the row id of the testimony. */
export function newId(crypto = globalThis.crypto) {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

const fromBase64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export function toBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Starts sealing to { id: keyId, publicKey: base64 } before there is anything to seal (the key
 * agreement, the slow part in pure JS): a promise for sealTestimony, good for one testimony.
 */
export function prepare(key) {
  return senderContext(fromBase64(key.publicKey));
}

/**
 * Seals the testimony JSON to { id: keyId, publicKey: base64 }: { id, record } with the record's
 * bytes in standard base64, ready for /form/api/submit. The plaintext bytes are wiped. With
 * `prepared`, a promise from prepare(key) that no other testimony used.
 */
export async function sealTestimony(json, key, prepared = null) {
  const id = newId();
  const plain = new TextEncoder().encode(json);
  try {
    const record = await sealRecord(plain, fromBase64(key.publicKey),
        { kind: KIND, id, version: VERSION, keyId: key.id }, prepared ? await prepared : null);
    return { id, record: toBase64(record) };
  } finally {
    plain.fill(0);
  }
}

// Gawahi's on-disk format, as docs/FORMAT.md describes it, without Bouncy Castle and without
// Java: length-prefixed fields, the key file's passphrase wrap, the sealed-record layout, its
// associated data and padding (the browser-safe half in record.mjs, which the Mini App form
// bundles).
import { argon2id } from "@noble/hashes/argon2.js";
import { createDecipheriv, createHash, createHmac } from "node:crypto";
import { Fields, concat, unpad } from "./record.mjs";

export { Fields, concat, splitRecord, associatedData, unpad, pad, INFO, suite, sealRecord, openRecord,
  recordHeader } from "./record.mjs";

const utf8 = new TextEncoder();

const base64 = (s) => new Uint8Array(Buffer.from(s, "base64"));

const LEGACY_ID = /^[0-9a-f]{16}$/;
const FINGERPRINT_ID = /^[0-9]{30}$/;

/** FORMAT.md 2.2: the 30-digit fingerprint of a collective public key (32 raw bytes). */
export function fingerprint(publicKey) {
  const h = createHash("sha256").update(new Fields().str("gawahi-key-fingerprint").int(1).str("collective")
      .str("x25519").bin(publicKey).bytes()).digest();
  let digits = "";
  for (let i = 0; i < 6; i++) {
    const value = h.subarray(5 * i, 5 * i + 5).reduce((n, b) => n * 256n + BigInt(b), 0n);
    digits += (value % 100000n).toString().padStart(5, "0");
  }
  return digits;
}

/**
 * FORMAT.md 2, 2.1 and 2.2: a collective key file and the passphrase give { keyId, privateKey,
 * publicKey }. With `fileName`, the name must be collective-<keyId>.key. A 30-digit id must be
 * the fingerprint of the file's public key.
 */
export function unwrapKeyFile(json, passphrase, fileName) {
  const file = JSON.parse(json);
  if (file.format !== "gawahi-key" || file.version !== 1 || file.kind !== "collective"
      || file.algorithm !== "x25519" || file.wrap.kdf !== "argon2id" || file.wrap.kdfVersion !== 19
      || file.wrap.cipher !== "aes-256-gcm") {
    throw new Error("not a version 1 collective key file");
  }
  if (!LEGACY_ID.test(file.keyId) && !FINGERPRINT_ID.test(file.keyId)) {
    throw new Error("the key id is neither 30 digits nor 16 hex digits");
  }
  if (fileName !== undefined && fileName !== `collective-${file.keyId}.key`) {
    throw new Error(`the file name does not match its key id ${file.keyId}`);
  }
  const checksum = createHash("sha256").update(new Fields()
      .str(file.format).int(file.version).str(file.kind).str(file.algorithm).str(file.keyId)
      .int(file.generation).str(file.created).str(file.publicKey)
      .str(file.wrap.kdf).int(file.wrap.kdfVersion).int(file.wrap.memoryKiB).int(file.wrap.iterations)
      .int(file.wrap.parallelism).str(file.wrap.salt).str(file.wrap.cipher).str(file.wrap.nonce)
      .str(file.wrap.ciphertext).bytes()).digest("hex");
  if (checksum !== file.checksum) {
    throw new Error(`key file ${file.keyId} is damaged (checksum)`);
  }
  const publicKey = base64(file.publicKey);
  if (publicKey.length !== 32) {
    throw new Error(`key file ${file.keyId} is damaged (public key length)`);
  }
  if (FINGERPRINT_ID.test(file.keyId) && fingerprint(publicKey) !== file.keyId) {
    throw new Error(`key ${file.keyId} holds another public key than its id names (fingerprint `
        + `${fingerprint(publicKey)}): refused`);
  }
  const wrappingKey = argon2id(utf8.encode(passphrase.normalize("NFC")), base64(file.wrap.salt), {
    m: file.wrap.memoryKiB, t: file.wrap.iterations, p: file.wrap.parallelism, version: 0x13, dkLen: 32,
  });
  const sealed = base64(file.wrap.ciphertext);
  const decipher = createDecipheriv("aes-256-gcm", wrappingKey, base64(file.wrap.nonce), { authTagLength: 16 });
  decipher.setAAD(new Fields().str("gawahi-key").int(1).str(file.kind).str(file.algorithm).str(file.keyId)
      .bin(publicKey).bytes());
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  let privateKey;
  try {
    privateKey = concat(decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final());
  } catch {
    throw new Error(`the passphrase does not open key ${file.keyId}`);
  }
  return { keyId: file.keyId, privateKey, publicKey };
}

const hmac = (key, ...parts) => {
  const mac = createHmac("sha256", key);
  parts.forEach((p) => mac.update(p));
  return new Uint8Array(mac.digest());
};

/** HKDF-Expand to 32 bytes: one block, HMAC(prk, info || 0x01). */
const expand32 = (prk, info) => hmac(prk, info, Uint8Array.of(1));

const long = (n) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt(n), false);
  return b;
};

/**
 * FORMAT.md 9: the draft of chat `chat` under a run key (opened with openRecord, kind "draft
 * run key"), from the rows of `drafts` ({ name, sealed }); its bytes, or null when there is none.
 */
export function openDraft(runKey, runKeyId, chat, drafts) {
  const prk = hmac(utf8.encode("gawahi/draft-run-key/v2"), runKey);
  const name = Buffer.from(hmac(expand32(prk, utf8.encode("gawahi/draft-row-name/v2")), long(chat)))
      .toString("hex");
  const row = drafts.find((d) => d.name === name);
  if (!row) {
    return null;
  }
  const sealed = row.sealed;
  if (sealed.length < 1 + 12 + 16 || sealed[0] !== 2) {
    throw new Error(`draft ${name} is not a version 2 draft`);
  }
  const key = expand32(prk, concat(utf8.encode("gawahi/draft-key/v2"), long(chat)));
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(1, 13), { authTagLength: 16 });
  decipher.setAAD(new Fields().str("gawahi draft").int(2).str(name).str(runKeyId).bytes());
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  let padded;
  try {
    padded = concat(decipher.update(sealed.subarray(13, sealed.length - 16)), decipher.final());
  } catch {
    throw new Error(`draft ${name} does not open (damaged, or not this run key's)`);
  }
  return { name, draft: unpad(padded) };
}

// Gawahi's on-disk format, as docs/FORMAT.md describes it, without Bouncy Castle and without
// Java: length-prefixed fields, the key file's passphrase wrap, the sealed-record layout, its
// associated data and padding. The Mini App form will seal with the same code.
import { Aes256Gcm, CipherSuite, HkdfSha256 } from "@hpke/core";
import { DhkemX25519HkdfSha256 } from "@hpke/dhkem-x25519";
import { argon2id } from "@noble/hashes/argon2.js";
import { createDecipheriv, createHash, createHmac } from "node:crypto";

const utf8 = new TextEncoder();

/** FORMAT.md "Length-prefixed encoding": str, bin, int. */
export class Fields {
  #parts = [];

  int(n) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, n, false);
    this.#parts.push(b);
    return this;
  }

  bin(bytes) {
    return this.int(bytes.length).#raw(bytes);
  }

  str(s) {
    return this.bin(utf8.encode(s));
  }

  #raw(bytes) {
    this.#parts.push(Uint8Array.from(bytes));
    return this;
  }

  bytes() {
    return concat(...this.#parts);
  }
}

export function concat(...arrays) {
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** @hpke/core takes ArrayBuffers: a copy of exactly these bytes. */
const buffer = (u8) => u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);

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

/** FORMAT.md 3: header, enc and ciphertext of a sealed record. */
export function splitRecord(record) {
  if (record.length < 2 || record[0] !== 1) {
    throw new Error("not a version 1 sealed record");
  }
  const k = record[1];
  if (k !== 16 && k !== 30) {
    throw new Error("a sealed record's key id is 16 or 30 bytes");
  }
  const header = record.subarray(0, 2 + k);
  const keyId = new TextDecoder("ascii").decode(record.subarray(2, 2 + k));
  const e = (record[2 + k] << 8) | record[3 + k];
  const enc = record.subarray(4 + k, 4 + k + e);
  const ciphertext = record.subarray(4 + k + e);
  return { header, keyId, enc, ciphertext };
}

/** FORMAT.md 4: the associated data of a record of this kind, row id, version and key id. */
export function associatedData(kind, id, version, keyId) {
  return new Fields().int(1).str(kind).str(id).int(version).str(keyId).bytes();
}

/** FORMAT.md 3, padding: the plaintext inside the padded bytes. */
export function unpad(padded) {
  if (padded.length % 1024 !== 0 || padded.length < 4) {
    throw new Error("bad padding length");
  }
  const n = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0, false);
  if (n > padded.length - 4 || padded.subarray(4 + n).some((b) => b !== 0)) {
    throw new Error("bad padding");
  }
  return padded.subarray(4, 4 + n);
}

export const INFO = utf8.encode("gawahi sealed testimony v1");

export function suite() {
  return new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
}

/**
 * Opens one sealed record (FORMAT.md 3 and 4) with the unwrapped keys (by key id) and returns
 * its plaintext bytes.
 */
export async function openRecord(record, { kind, id, version, keyId }, keys) {
  const parts = splitRecord(record);
  const key = keys.get(parts.keyId);
  if (!key) {
    throw new Error(`sealed to key ${parts.keyId}, which is not among the key files given`);
  }
  const hpke = suite();
  const recipientKey = await hpke.kem.importKey("raw", buffer(key.privateKey), false);
  const aad = concat(parts.header, associatedData(kind, id, version, keyId));
  let padded;
  try {
    padded = new Uint8Array(await hpke.open({ recipientKey, enc: buffer(parts.enc), info: buffer(INFO) },
        buffer(parts.ciphertext), buffer(aad)));
  } catch {
    throw new Error("does not open (damaged, or not this row's)");
  }
  return unpad(padded);
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

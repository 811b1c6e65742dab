// The parts of docs/FORMAT.md that a browser needs as well as Node: length-prefixed fields, the
// sealed-record layout (section 3), its associated data (section 4), padding, and sealing. No
// node: imports here: the Mini App form bundles this file (web/form/src/seal.mjs).
import { Aes256Gcm, CipherSuite, HkdfSha256 } from "@hpke/core";
import { DhkemX25519HkdfSha256 } from "@hpke/dhkem-x25519";

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
export const buffer = (u8) => u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);

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

/** FORMAT.md 3: the header of a record sealed to this key id. */
export function recordHeader(keyId) {
  if (!/^(?:[0-9a-f]{16}|[0-9]{30})$/.test(keyId)) {
    throw new Error("the key id is neither 30 digits nor 16 hex digits");
  }
  return concat(Uint8Array.of(1, keyId.length), utf8.encode(keyId));
}

/** FORMAT.md 4: the associated data of a record of this kind, row id, version and key id. */
export function associatedData(kind, id, version, keyId) {
  return new Fields().int(1).str(kind).str(id).int(version).str(keyId).bytes();
}

/** FORMAT.md 3, padding: u32be(n), the n bytes, zeros up to the next multiple of 1024. */
export function pad(plain) {
  const padded = new Uint8Array(Math.ceil((4 + plain.length) / 1024) * 1024);
  new DataView(padded.buffer).setUint32(0, plain.length, false);
  padded.set(plain, 4);
  return padded;
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
 * The HPKE sender context for one record to the raw 32-byte X25519 public key `publicKey`: the
 * costly part of sealing (a fresh ephemeral key and its agreement with the collective key), which
 * a page can do while she reads her answers. One context seals one record, never two.
 */
export async function senderContext(publicKey) {
  if (publicKey.length !== 32) {
    throw new Error("a collective public key is 32 bytes");
  }
  const hpke = suite();
  const recipientPublicKey = await hpke.kem.importKey("raw", buffer(publicKey), true);
  return hpke.createSenderContext({ recipientPublicKey, info: buffer(INFO) });
}

/**
 * Seals plaintext bytes into a version-1 record (FORMAT.md 3 and 4) to the raw 32-byte X25519
 * public key `publicKey` whose id is `keyId`, bound to the row { kind, id, version }; with
 * `sender`, a context from senderContext(publicKey) not used before. The padded plaintext is
 * wiped once sealed.
 */
export async function sealRecord(plain, publicKey, { kind, id, version, keyId }, sender = null) {
  const header = recordHeader(keyId);
  const context = sender ?? await senderContext(publicKey);
  const padded = pad(plain);
  try {
    const ciphertext = new Uint8Array(await context.seal(buffer(padded),
        buffer(concat(header, associatedData(kind, id, version, keyId)))));
    const enc = new Uint8Array(context.enc);
    return concat(header, Uint8Array.of(enc.length >> 8, enc.length & 0xff), enc, ciphertext);
  } finally {
    padded.fill(0);
  }
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

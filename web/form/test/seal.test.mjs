import assert from "node:assert/strict";
import { test } from "node:test";
import { associatedData, concat, openRecord, splitRecord, suite } from "../../src/format.mjs";
import { canSeal, newId, prepare, sealTestimony, toBase64 } from "../src/seal.mjs";

const KEY_ID = "123456789012345678901234567890";

async function keyPair() {
  const kem = suite().kem;
  const pair = await kem.generateKeyPair();
  return {
    privateKey: new Uint8Array(await kem.serializePrivateKey(pair.privateKey)),
    publicKey: new Uint8Array(await kem.serializePublicKey(pair.publicKey)),
  };
}

const json = '{"answers":{"q29":["x"]},"language":"hi","questionnaire":"raid","texts":{"q29":"वे रात में आए CANARY-7f3a"},"version":1}';

test("what the page seals opens with the collective's private key, as the testimony of that row", async () => {
  const key = await keyPair();
  const { id, record } = await sealTestimony(json, { id: KEY_ID, publicKey: toBase64(key.publicKey) });
  const bytes = new Uint8Array(Buffer.from(record, "base64"));

  const plain = await openRecord(bytes, { kind: "testimony", id, version: 1, keyId: KEY_ID }, new Map([[KEY_ID, key]]));

  assert.equal(new TextDecoder().decode(plain), json);
  assert.match(id, /^[0-9a-f]{32}$/);
  assert.equal(bytes.length, 2 + 30 + 2 + 32 + 1024 + 16, "padded to 1 KiB, as FORMAT.md 3 says");
  assert.equal(Buffer.from(bytes).includes(Buffer.from("CANARY")), false);
});

test("a record moved to another row id does not open", async () => {
  const key = await keyPair();
  const { record } = await sealTestimony(json, { id: KEY_ID, publicKey: toBase64(key.publicKey) });
  await assert.rejects(openRecord(new Uint8Array(Buffer.from(record, "base64")),
      { kind: "testimony", id: newId(), version: 1, keyId: KEY_ID }, new Map([[KEY_ID, key]])), /does not open/);
});

test("the header names the key, and the associated data binds the header too", async () => {
  const key = await keyPair();
  const { id, record } = await sealTestimony(json, { id: KEY_ID, publicKey: toBase64(key.publicKey) });
  const parts = splitRecord(new Uint8Array(Buffer.from(record, "base64")));
  assert.equal(parts.keyId, KEY_ID);
  assert.equal(parts.enc.length, 32);
  const hpke = suite();
  const recipientKey = await hpke.kem.importKey("raw", key.privateKey.buffer, false);
  const aad = concat(parts.header, associatedData("testimony", id, 1, KEY_ID));
  const opened = await hpke.open({ recipientKey, enc: parts.enc.slice().buffer, info: new TextEncoder().encode("gawahi sealed testimony v1").buffer },
      parts.ciphertext.slice().buffer, aad.buffer);
  assert.equal(new DataView(opened).getUint32(0), new TextEncoder().encode(json).length);
});

test("a browser without WebCrypto's subtle API or a random source cannot seal", () => {
  assert.equal(canSeal(globalThis), true);
  assert.equal(canSeal({ TextEncoder, crypto: { getRandomValues: () => {} } }), false);
  assert.equal(canSeal({ TextEncoder, crypto: undefined }), false);
  assert.equal(canSeal({ crypto: globalThis.crypto }), false);
});

test("ids are fresh each time", () => {
  assert.notEqual(newId(), newId());
});

test("a key agreement prepared while she reads the review seals her testimony just the same", async () => {
  const key = await keyPair();
  const served = { id: KEY_ID, publicKey: toBase64(key.publicKey) };
  const { id, record } = await sealTestimony(json, served, prepare(served));
  const plain = await openRecord(new Uint8Array(Buffer.from(record, "base64")),
      { kind: "testimony", id, version: 1, keyId: KEY_ID }, new Map([[KEY_ID, key]]));
  assert.equal(new TextDecoder().decode(plain), json);
});

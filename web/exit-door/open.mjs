#!/usr/bin/env node
// The exit door (docs/FORMAT.md 8): opens Gawahi's sealed records without Gawahi.
//
//   sqlite3 -separator ' ' gawahi.db \
//     "SELECT 'testimony', id, schema_version, key_id, hex(sealed) FROM testimonies WHERE sealed IS NOT NULL" \
//     | GAWAHI_PASSPHRASE='...' node web/exit-door/open.mjs keys/collective-*.key
//
// Or "--passphrase-file <file>" (UTF-8; one line end at its end is not part of the passphrase)
// instead of the variable.
//
// Input: one record per line, "<kind> <id> <version> <key_id> <sealed as hex>" (the kind may hold
// spaces, as "draft run key" does: the last four fields count from the end). Output: one JSON line
// per record, {"kind","id","plaintext"} for JSON content, {"kind","id","hex"} for a draft run
// key (32 raw bytes), or {"kind","id","error"}; exit status 1 when any record did not open (after all
// the others). A key file must be named collective-<its keyId>.key, and a 30-digit id must be
// the fingerprint of its public key (FORMAT.md 2.2), or nothing is opened.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { openRecord } from "../src/format.mjs";
import { unwrapKeyFiles } from "./keyfiles.mjs";

const RUN_KEY = "draft run key";
const args = process.argv.slice(2);
let passphrase = process.env.GAWAHI_PASSPHRASE;
if (args[0] === "--passphrase-file") {
  passphrase = readFileSync(args[1], "utf8").replace(/\r?\n$/, "");
  args.splice(0, 2);
}
const keyFiles = args;
if (keyFiles.length === 0 || !passphrase) {
  console.error("usage: GAWAHI_PASSPHRASE=... node open.mjs [--passphrase-file <file>] "
      + "keys/collective-<keyId>.key... < records");
  process.exit(2);
}
const keys = unwrapKeyFiles(keyFiles, passphrase);

let failed = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === "") {
    continue;
  }
  const fields = line.trim().split(/\s+/);
  const [id, version, keyId, hex] = fields.slice(-4);
  const kind = fields.slice(0, -4).join(" ");
  try {
    const plain = await openRecord(new Uint8Array(Buffer.from(hex, "hex")),
        { kind, id, version: Number(version), keyId }, keys);
    if (kind === RUN_KEY) {
      console.log(JSON.stringify({ kind, id, hex: Buffer.from(plain).toString("hex") }));
      continue;
    }
    const text = new TextDecoder("utf-8", { fatal: true }).decode(plain);
    console.log(JSON.stringify({ kind, id, plaintext: JSON.parse(text) }));
  } catch (e) {
    failed++;
    console.log(JSON.stringify({ kind, id, error: e.message }));
  }
}
process.exit(failed === 0 ? 0 : 1);

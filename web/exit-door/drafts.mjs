#!/usr/bin/env node
// The exit door for drafts (docs/FORMAT.md 9): opens the drafts of one chat without Gawahi, with
// the passphrase (the run keys are sealed to the collective key) and her chat id (both the row
// name and the draft's key need it).
//
//   sqlite3 -separator ' ' gawahi.db \
//     "SELECT 'key', id, collective_key_id, hex(sealed) FROM draft_keys;
//      SELECT 'draft', name, hex(sealed) FROM drafts" \
//     | GAWAHI_PASSPHRASE='...' node web/exit-door/drafts.mjs --chat <chat id> keys/collective-*.key
//
// Or "--passphrase-file <file>" instead of the variable. Output: one JSON line per draft of that
// chat, {"runKey","name","draft"} (the draft's bytes in base64), or {"runKey","error"} for a run
// key or draft that does not open; exit status 1 when any did not (after all the others).
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { openDraft, openRecord } from "../src/format.mjs";
import { unwrapKeyFiles } from "./keyfiles.mjs";

const args = process.argv.slice(2);
let passphrase = process.env.GAWAHI_PASSPHRASE;
let chat;
while (args[0] === "--passphrase-file" || args[0] === "--chat") {
  if (args[0] === "--chat") {
    chat = args[1];
  } else {
    passphrase = readFileSync(args[1], "utf8").replace(/\r?\n$/, "");
  }
  args.splice(0, 2);
}
if (args.length === 0 || !passphrase || !/^-?[0-9]+$/.test(chat ?? "")) {
  console.error("usage: GAWAHI_PASSPHRASE=... node drafts.mjs --chat <chat id> [--passphrase-file <file>] "
      + "keys/collective-<keyId>.key... < rows");
  process.exit(2);
}
const keys = unwrapKeyFiles(args, passphrase);

const runKeys = [];
const drafts = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const fields = line.trim().split(/\s+/);
  if (fields[0] === "key" && fields.length === 4) {
    runKeys.push({ id: fields[1], collectiveKeyId: fields[2], sealed: new Uint8Array(Buffer.from(fields[3], "hex")) });
  } else if (fields[0] === "draft" && fields.length === 3) {
    drafts.push({ name: fields[1], sealed: new Uint8Array(Buffer.from(fields[2], "hex")) });
  }
}

let failed = 0;
for (const runKey of runKeys) {
  try {
    const key = await openRecord(runKey.sealed,
        { kind: "draft run key", id: runKey.id, version: 1, keyId: runKey.collectiveKeyId }, keys);
    if (key.length !== 32) {
      throw new Error("a run key is 32 bytes");
    }
    const found = openDraft(key, runKey.id, BigInt(chat), drafts);
    if (found) {
      console.log(JSON.stringify({ runKey: runKey.id, name: found.name,
        draft: Buffer.from(found.draft).toString("base64") }));
    }
  } catch (e) {
    failed++;
    console.log(JSON.stringify({ runKey: runKey.id, error: e.message }));
  }
}
process.exit(failed === 0 ? 0 : 1);

// The collective's key files, unwrapped with the passphrase (docs/FORMAT.md 2-3), by key id; shared
// by the exit-door scripts. A file that does not open stops the script with exit status 2.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { unwrapKeyFile } from "../src/format.mjs";

export function unwrapKeyFiles(paths, passphrase) {
  const keys = new Map();
  for (const path of paths) {
    try {
      const key = unwrapKeyFile(readFileSync(path, "utf8"), passphrase, basename(path));
      keys.set(key.keyId, key);
    } catch (e) {
      console.error(`${path}: ${e.message}`);
      process.exit(2);
    }
  }
  return keys;
}

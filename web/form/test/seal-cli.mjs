// Seals standard input as the page does, for the bot's FormSealTest: prints { id, record }.
// Usage: node seal-cli.mjs <keyId> <publicKey base64>  < testimony.json
import { readFileSync } from "node:fs";
import { sealTestimony } from "../src/seal.mjs";

const [id, publicKey] = process.argv.slice(2);
const sealed = await sealTestimony(readFileSync(0, "utf8"), { id, publicKey });
process.stdout.write(`${JSON.stringify(sealed)}\n`);

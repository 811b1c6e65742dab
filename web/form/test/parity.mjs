// Runs the parity scripts through the form's engine and prints one JSON line per script:
// { name, testimony, urgent, contactInBot, ended }. Called by the bot's FormParityTest with the
// questionnaire as the server serves it (questionnaire.json and text-<lang>.json in one folder).
// Usage: node parity.mjs <scripts.json> <folder>
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { drive } from "./drive.mjs";

const [scriptsFile, folder] = process.argv.slice(2);
const { today, scripts } = JSON.parse(readFileSync(scriptsFile, "utf8"));
const read = (name) => JSON.parse(readFileSync(join(folder, name), "utf8"));
const tree = read("questionnaire.json");
for (const s of scripts) {
  const result = drive(tree, read(`text-${s.language}.json`), s.language, today, s.steps);
  process.stdout.write(`${JSON.stringify({ name: s.name, ...result })}\n`);
}

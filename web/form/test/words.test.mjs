import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { questionnaire, texts } from "./fixtures.mjs";

const app = readFileSync(new URL("../src/app.mjs", import.meta.url), "utf8");
const used = new Set([...app.matchAll(/say\("([a-z_]+)"/g)].map((m) => m[1]));
const errors = ["launch_invalid", "already_sent", "bad_record", "too_big", "too_many", "unavailable", "network"];

test("every language has the form's words, the same keys as English, placeholders kept", () => {
  const english = texts("en").form;
  for (const key of [...used, ...errors.map((e) => `error_${e}`)]) assert.ok(english[key], `en form.${key}`);
  for (const language of questionnaire().languages) {
    const form = texts(language).form;
    assert.deepEqual(Object.keys(form).sort(), Object.keys(english).sort(), language);
    for (const [k, v] of Object.entries(form)) assert.ok(typeof v === "string" && v.trim() !== "", `${language} form.${k}`);
  }
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { clean } from "../src/mask.mjs";

const { vectors } = JSON.parse(readFileSync(new URL("./masking-vectors.json", import.meta.url), "utf8"));

for (const v of vectors) {
  test(`masks as the bot does: ${v.what}`, () => {
    const result = clean(v.typed, 4000);
    assert.equal(result.text, v.kept);
    assert.equal(result.masked, v.masked);
  });
}

test("text over the limit is refused with its length, not cut", () => {
  assert.deepEqual(clean("ab".repeat(6), 10), { text: "", masked: false, length: 12, problem: "too_long" });
});

test("text of spaces only is empty", () => {
  assert.equal(clean(" \n\t ", 10).problem, "empty");
});

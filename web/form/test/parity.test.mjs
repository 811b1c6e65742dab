import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { drive } from "./drive.mjs";
import { questionnaire, texts } from "./fixtures.mjs";

const { today, scripts } = JSON.parse(readFileSync(new URL("./parity-scripts.json", import.meta.url), "utf8"));
const tree = questionnaire();
const run = (name) => {
  const s = scripts.find((x) => x.name.startsWith(name));
  return drive(tree, texts(s.language), s.language, today, s.steps);
};

test("every parity script runs in the form's engine", () => {
  for (const s of scripts) drive(tree, texts(s.language), s.language, today, s.steps);
});

test("the under-18 exit seals nothing", () => {
  assert.deepEqual(run("under 18"), { testimony: null, urgent: false, contactInBot: false, ended: "end" });
});

test("an answer to a question the review change hid is not sealed", () => {
  const t = JSON.parse(run("skips").testimony);
  assert.equal(t.answers.q3, undefined);
  assert.deepEqual(t.answers.q2, ["other"]);
  assert.deepEqual(t.answers.q4, ["_dont_know"]);
  assert.deepEqual(t.texts, { q29: "कुछ नहीं" });
});

test("an urgent answer marks the testimony urgent, and contact in the bot is asked", () => {
  const r = run("urgent");
  assert.equal(r.urgent, true);
  assert.equal(r.contactInBot, true);
  assert.match(r.testimony, /,"urgent":true,"version":1}$/);
});

test("identifiers typed in free text never reach the sealed JSON", () => {
  const t = run("free text").testimony;
  for (const secret of ["९८७६५४३२१०", "gmail", "ABCDE1234F", "1234 5678", "example.com"]) {
    assert.equal(t.includes(secret), false, secret);
  }
  assert.match(t, /\[#phone\]/);
});

test("keys are sorted and the JSON compact, as Jackson writes a TreeMap", () => {
  const t = run("full path").testimony;
  assert.match(t, /^\{"answers":\{"c1":\["yes"\],"c2":\["continue"\],/);
  assert.match(t, /"language":"en","questionnaire":"raid","texts":\{"q29":"They came at 2 at night and took our phones\."\},"version":1\}$/);
});

test("a district no longer offered after a change of state is asked again", () => {
  assert.deepEqual(JSON.parse(run("a district").testimony).answers.q3, ["mysuru"]);
});

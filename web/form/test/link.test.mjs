// The built page opened with a one-time link (`/form/#link=<token>`) in a plain browser, against
// the stand-in server: it names itself with the link and never with launch data, posts no
// Telegram event even where a Telegram proxy exists, never offers contact in the bot, sends
// `contactLanguage: null`, takes the link out of the address bar, and says a refused link in her
// language.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { execFileSync } from "node:child_process";
import puppeteer from "puppeteer-core";
import { openRecord, suite } from "../../src/format.mjs";
import { toBase64 } from "../src/seal.mjs";
import { withoutBotContact } from "../src/link.mjs";
import { formServer } from "./server.mjs";
import { questionnaire, texts } from "./fixtures.mjs";

const LINK = "q3J5x0-Zk_8aB2cD4eF6gH";
const KEY_ID = "123456789012345678901234567890";
let browser;
let server;
let key;

before(async () => {
  const page = mkdtempSync(join(tmpdir(), "form-link-"));
  execFileSync("node", [new URL("../build.mjs", import.meta.url).pathname, "--out", page]);
  const kem = suite().kem;
  const pair = await kem.generateKeyPair();
  key = {
    privateKey: new Uint8Array(await kem.serializePrivateKey(pair.privateKey)),
    publicKey: new Uint8Array(await kem.serializePublicKey(pair.publicKey)),
  };
  server = await formServer(page, { id: KEY_ID, publicKey: toBase64(key.publicKey), fingerprint: "12345 67890 12345 67890 12345 67890" });
  browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the page as a browser opens a link; a Telegram proxy is planted to catch any event posted. */
async function openLink() {
  const page = await browser.newPage();
  await page.setViewport({ width: 360, height: 640 });
  page.requests = [];
  page.on("request", (r) => page.requests.push(r.url()));
  await page.evaluateOnNewDocument(() => {
    window.events = [];
    window.TelegramWebviewProxy = { postEvent: (type, data) => window.events.push([type, data]) };
  });
  await page.goto(`${server.url}#link=${LINK}`);
  await page.waitForSelector("[data-language]");
  return page;
}

const click = async (page, selector) => {
  await page.waitForSelector(selector);
  await page.click(selector);
};
const option = (page, id) => click(page, `[data-option="${id}"]`);
const act = (page, name) => click(page, `[data-action="${name}"]`);

test("without contact-in-bot options the questionnaire is otherwise as served", () => {
  const tree = questionnaire();
  const stripped = withoutBotContact(tree);
  const ids = (t) => t.sections.flatMap((s) => s.questions.flatMap((q) => (q.options ?? []).map((o) => `${q.id}.${o.id}`)));
  const removed = ids(tree).filter((id) => !ids(stripped).includes(id));
  assert.deepEqual(removed, ["u2.bot"]);
  assert.equal(JSON.stringify(stripped.sections.map((s) => s.questions.map((q) => q.id))),
    JSON.stringify(tree.sections.map((s) => s.questions.map((q) => q.id))));
});

test("a testimony through a link: sent with the link, never contact in the bot, no Telegram event, link out of the address bar", async () => {
  const page = await openLink();
  assert.deepEqual(JSON.parse(server.sent.opens.at(-1)), { link: LINK, language: null });
  assert.equal(new URL(page.url()).hash, "", "the link is not left in the address bar");
  assert.ok((await page.$eval("main", (m) => m.textContent)).includes(texts(questionnaire().default_language).form.link_intro));
  await click(page, '[data-language="en"]');
  for (const o of ["yes", "continue", "yes", "yes", "me"]) await option(page, o);
  while (!(await page.$('[data-option="contact"]'))) {
    await ((await page.$('[data-action="skip"]')) ?? (await page.$('[data-action="next"]'))).click();
    await new Promise((r) => setTimeout(r, 20));
  }
  await option(page, "contact");
  await act(page, "next");
  await page.waitForSelector('[data-option="peer_call"]');
  assert.equal(await page.$('[data-option="bot"]'), null, "contact in the bot is not offered");
  await option(page, "peer_call");
  while (!(await page.$('[data-action="submit"]'))) {
    await ((await page.$('[data-action="skip"]')) ?? (await page.$('[data-action="next"]'))).click();
    await new Promise((r) => setTimeout(r, 20));
  }
  await act(page, "submit");
  await page.waitForSelector("[data-receipt]");

  const submit = JSON.parse(server.sent.submits.at(-1));
  assert.equal(submit.link, LINK);
  assert.equal("initData" in submit, false);
  assert.equal(submit.contactLanguage, null);
  const plain = await openRecord(new Uint8Array(Buffer.from(submit.record, "base64")),
    { kind: "testimony", id: submit.id, version: 1, keyId: KEY_ID }, new Map([[KEY_ID, key]]));
  const testimony = JSON.parse(new TextDecoder().decode(plain));
  assert.deepEqual(testimony.answers.u2, ["peer_call"]);
  assert.deepEqual(await page.evaluate(() => window.events), [], "no Telegram event posted");
  for (const url of page.requests) assert.ok(url.startsWith(server.url.replace("/form/", "/")), `only our server: ${url}`);
  await act(page, "close");
  await page.waitForFunction(() => location.href === "about:blank");
  await page.close();
});

test("a refused link says so in her language and ends", async () => {
  const page = await openLink();
  await click(page, '[data-language="hi"]');
  for (const o of ["yes", "continue", "yes", "yes", "told"]) await option(page, o);
  while (!(await page.$('[data-action="submit"]'))) {
    await ((await page.$('[data-action="skip"]')) ?? (await page.$('[data-action="next"]'))).click();
    await new Promise((r) => setTimeout(r, 20));
  }
  server.control.refuse = { status: 401, body: '{"error":"launch_invalid"}' };
  await act(page, "submit");
  await page.waitForFunction((t) => document.querySelector("main").textContent.includes(t), {}, texts("hi").form.link_invalid);
  assert.equal(await page.$('[data-action="submit"]'), null);
  await page.close();
});

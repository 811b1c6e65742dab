// The built page in Debian's Chromium (puppeteer-core), against a stand-in server: it renders,
// takes a testimony with the data-* handles the end-to-end test uses, seals it so that the
// collective key opens it, sends nothing else, keeps nothing in the browser, and says so in her
// language where it cannot seal.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { execFileSync } from "node:child_process";
import puppeteer from "puppeteer-core";
import { openRecord, suite } from "../../src/format.mjs";
import { toBase64 } from "../src/seal.mjs";
import { formServer } from "./server.mjs";
import { texts } from "./fixtures.mjs";

const CANARY = "CANARY-9e1f वे रात में आए";
const KEY_ID = "123456789012345678901234567890";
const INIT_DATA = "query_id=AAF&user=%7B%22id%22%3A42%2C%22language_code%22%3A%22en%22%7D&auth_date=1764990000&hash=ab12";
let browser;
let server;
let key;

before(async () => {
  const page = mkdtempSync(join(tmpdir(), "form-page-"));
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

/** Opens the page as Telegram's Android client does: the launch data in the fragment, the proxy for events. */
async function launch({ width = 360, withoutSubtle = false } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 640 });
  const requests = [];
  page.on("request", (r) => requests.push({ url: r.url(), body: r.postData() ?? "" }));
  page.on("console", (m) => { if (m.type() === "error") requests.push({ url: `console error: ${m.text()}`, body: "" }); });
  page.on("pageerror", (e) => requests.push({ url: `page error: ${e.message}`, body: "" }));
  await page.evaluateOnNewDocument((noSubtle) => {
    window.events = [];
    window.TelegramWebviewProxy = { postEvent: (type, data) => window.events.push([type, JSON.parse(data || '""')]) };
    if (noSubtle) Object.defineProperty(Crypto.prototype, "subtle", { get: () => undefined });
  }, withoutSubtle);
  await page.goto(`${server.url}#tgWebAppData=${encodeURIComponent(INIT_DATA)}&tgWebAppVersion=7.10&tgWebAppPlatform=android`);
  await page.waitForSelector("[data-language]");
  return { page, requests };
}

const click = async (page, selector) => {
  await page.waitForSelector(selector);
  await page.click(selector);
};
const option = (page, id) => click(page, `[data-option="${id}"]`);
const act = (page, name) => click(page, `[data-action="${name}"]`);

test("a whole testimony in English: sealed in the page, opened with the collective key, receipt shown, nothing kept", async () => {
  const { page, requests } = await launch();
  assert.deepEqual(JSON.parse(server.sent.opens.at(-1)), { initData: INIT_DATA, language: null });
  await click(page, '[data-language="en"]');
  for (const o of ["yes", "continue", "yes", "yes", "me"]) await option(page, o);
  await click(page, '[data-year="2025"]');
  await click(page, '[data-month="3"]');
  await option(page, "mh");
  await option(page, "pune");
  for (let i = 0; i < 3; i++) await act(page, "skip"); // q4, q5, q6
  await act(page, "dont_know"); // q7
  await act(page, "skip"); // q8
  await page.type('[data-question="q9"]', "7");
  await act(page, "next");
  await option(page, "hit");
  await act(page, "next"); // q10 done
  await option(page, "not_taken");
  for (let i = 0; i < 6; i++) await act(page, "skip"); // q18 q19 q20 q21 q26 q28
  await page.type('[data-question="q29"]', `${CANARY}, call 9876543210`);
  await act(page, "next");
  await option(page, "quote");
  await act(page, "next");
  assert.match(await page.$eval("main", (m) => m.textContent), /12345 67890 12345 67890 12345 67890/);
  await act(page, "submit");
  await page.waitForSelector("[data-receipt]");

  assert.equal(await page.$eval("[data-receipt]", (e) => e.textContent), "1234 5678 9012 3456");
  const submit = JSON.parse(server.sent.submits.at(-1));
  assert.equal(submit.initData, INIT_DATA);
  assert.equal(submit.contactLanguage, null);
  const plain = await openRecord(new Uint8Array(Buffer.from(submit.record, "base64")),
      { kind: "testimony", id: submit.id, version: 1, keyId: KEY_ID }, new Map([[KEY_ID, key]]));
  const testimony = JSON.parse(new TextDecoder().decode(plain));
  assert.equal(testimony.texts.q29, `${CANARY}, call [#phone]`);
  assert.deepEqual(testimony.answers.q9, ["n6_20"]);
  assert.deepEqual(testimony.answers.u1, ["aggregate", "quote"]);
  for (const r of requests) {
    assert.ok(r.url.startsWith(server.url.replace("/form/", "/")), `only our server: ${r.url}`);
    assert.equal(r.body.includes("CANARY"), false, "no request carries the typed text");
  }
  const kept = await page.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
    caches: "caches" in window ? (await caches.keys()).length : 0,
    workers: (await navigator.serviceWorker?.getRegistrations?.() ?? []).length,
  }));
  assert.deepEqual(kept, { local: 0, session: 0, cookie: "", caches: 0, workers: 0 });
  const events = await page.evaluate(() => window.events);
  assert.ok(events.some(([t, d]) => t === "web_app_setup_swipe_behavior" && d.allow_vertical_swipe === false));
  assert.ok(events.some(([t, d]) => t === "web_app_setup_closing_behavior" && d.need_confirmation === true));
  assert.ok(events.some(([t, d]) => t === "web_app_setup_main_button" && d.is_visible && d.text === texts("en").form.send_sealed));
  await act(page, "close");
  assert.equal((await page.evaluate(() => window.events)).at(-1)[0], "web_app_close");
  await page.close();
});

test("the under-18 exit ends the form with its message and sends nothing", async () => {
  const before = server.sent.submits.length;
  const { page } = await launch();
  await click(page, '[data-language="hi"]');
  for (const o of ["yes", "continue", "yes", "no"]) await option(page, o);
  await page.waitForSelector('[data-action="close"]');
  const shown = await page.$eval("main", (m) => m.textContent);
  assert.ok(shown.includes(texts("hi").messages.underage_exit.split("\n")[0]));
  assert.equal(server.sent.submits.length, before);
  await page.close();
});

test("Telegram's Back button goes back a question", async () => {
  const { page } = await launch();
  await click(page, '[data-language="en"]');
  await option(page, "yes");
  await page.waitForSelector('[data-option="more"]');
  await page.evaluate(() => window.Telegram.WebView.receiveEvent("back_button_pressed"));
  await page.waitForSelector('[data-option="not_now"]');
  await page.close();
});

test("a browser that cannot seal says so in her language and points to the chat", async () => {
  const { page } = await launch({ withoutSubtle: true });
  await click(page, '[data-language="bn"]');
  await page.waitForSelector('[data-action="close"]');
  assert.ok((await page.$eval("main", (m) => m.textContent)).includes(texts("bn").form.cannot_seal));
  await page.close();
});

test("at 320 px nothing is wider than the screen, and buttons are at least 44 px tall", async () => {
  const { page } = await launch({ width: 320 });
  await click(page, '[data-language="kn"]');
  await option(page, "yes");
  await page.waitForSelector('[data-option="more"]');
  const layout = await page.evaluate(() => ({
    wide: document.documentElement.scrollWidth,
    smallest: Math.min(...[...document.querySelectorAll("button")].map((b) => b.getBoundingClientRect().height)),
  }));
  assert.ok(layout.wide <= 320, `page width ${layout.wide}`);
  assert.ok(layout.smallest >= 44, `smallest button ${layout.smallest}px`);
  await page.close();
});

test("a refusal is said in her language: too big (even without a body) keeps her answers to send again; a spent launch ends", async () => {
  const { page } = await launch();
  await click(page, '[data-language="mr"]');
  for (const o of ["yes", "continue", "yes", "yes", "told"]) await option(page, o);
  while (!(await page.$('[data-action="submit"]'))) {
    await ((await page.$('[data-action="skip"]')) ?? (await page.$('[data-action="next"]'))).click();
  }
  server.control.refuse = { status: 413, body: "" };
  await act(page, "submit");
  await page.waitForFunction((t) => document.querySelector("main").textContent.includes(t), {}, texts("mr").form.error_too_big);
  server.control.refuse = { status: 409, body: '{"error":"already_sent"}' };
  await act(page, "submit");
  await page.waitForFunction((t) => document.querySelector("main").textContent.includes(t), {}, texts("mr").form.error_already_sent);
  assert.equal(await page.$('[data-action="submit"]'), null);
  await page.close();
});

test("the form has no pause: 'Not now' ends it, says nothing was kept, and sends and keeps nothing", async () => {
  const { page, requests } = await launch();
  const submits = server.sent.submits.length;
  const first = await page.$eval("main", (m) => m.textContent);
  assert.ok(first.includes(texts("hi").form.no_pause)); // said on her first screen, in the language served first
  await click(page, '[data-language="en"]');
  await option(page, "not_now");
  await page.waitForFunction((said) => document.querySelector("main").textContent.includes(said),
    {}, texts("en").form.no_pause_closed);
  assert.equal(server.sent.submits.length, submits);
  assert.ok(requests.every((r) => !r.url.includes("/api/submit")));
  const kept = await page.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
    databases: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(kept, { local: 0, session: 0, cookie: "", databases: 0 });
  await page.close();
});

// A benchmark of the form, not a test: in Debian's Chromium with the CPU slowed 6x and Chrome's
// "Slow 3G" (2 s latency per request, 400 kbit/s each way), against the stand-in server of the
// page tests (gzip on, as a reverse proxy would), it measures
//   - bytes transferred (encoded, so gzipped) until the first question is on screen,
//   - time from navigation to the first screen (the language picker) and to the first question
//     (after she presses the language the page guessed, which needs no second request),
//   - time to seal (the page's performance marks around sealTestimony; the key agreement was
//     prepared while the review was on screen), and from pressing Send to the request leaving.
// Usage: node web/form/bench.mjs [runs] [network preset]   (docs/PERFORMANCE.md has the figures)
import puppeteer, { PredefinedNetworkConditions } from "puppeteer-core";
import { fileURLToPath } from "node:url";
import { formServer } from "./test/server.mjs";

const page = fileURLToPath(new URL("../../bot/src/main/resources/org/gawahi/bot/form/page/", import.meta.url));
const runs = Number(process.argv[2] ?? 3);
const network = process.argv[3] ?? "Slow 3G"; // or "Fast 3G", "Slow 4G", "Fast 4G" (puppeteer's presets)
const server = await formServer(page, {
  id: "123456789012345678901234567890", publicKey: Buffer.alloc(32, 9).toString("base64"), fingerprint: null,
});
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
const INIT = encodeURIComponent("user=%7B%22id%22%3A42%2C%22language_code%22%3A%22hi%22%7D&auth_date=1&hash=00");

async function once() {
  const tab = await browser.newPage();
  const cdp = await tab.createCDPSession();
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await tab.emulateNetworkConditions(PredefinedNetworkConditions[network]);
  await tab.emulateCPUThrottling(6);
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
  const t0 = Date.now();
  await tab.goto(`${server.url}#tgWebAppData=${INIT}&tgWebAppVersion=7.10&tgWebAppPlatform=android`, { waitUntil: "domcontentloaded" });
  await tab.waitForSelector("[data-language]", { timeout: 120000 });
  const firstScreen = Date.now() - t0;
  await tab.click('[data-language="hi"]');
  await tab.waitForSelector('[data-option="yes"]');
  const firstQuestion = Date.now() - t0;
  const bytesToFirstQuestion = bytes;
  // to the review: the first option of each consent question, skip where she may, Done on the last
  for (let i = 0; i < 80 && !(await tab.$('[data-action="submit"]')); i++) {
    const next = (await tab.$('[data-action="skip"]')) ?? (await tab.$('[data-action="next"]')) ?? (await tab.$("[data-option]"));
    await next.click();
  }
  const sent = new Promise((resolve) => tab.on("request", (r) => { if (r.url().endsWith("/api/submit")) resolve(Date.now()); }));
  const pressed = Date.now();
  await tab.click('[data-action="submit"]');
  const send = (await sent) - pressed;
  const seal = await tab.evaluate(() => performance.measure("seal", "seal-start", "seal-end").duration);
  await tab.close();
  return { bytesToFirstQuestion, firstScreen, firstQuestion, seal, send };
}

const results = [];
for (let i = 0; i < runs; i++) results.push(await once());
await browser.close();
server.close();
const median = (k) => results.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
console.log(`runs: ${runs} (CPU 6x slower, ${network}), medians:`);
console.log(`  bytes to the first question (gzipped): ${(median("bytesToFirstQuestion") / 1024).toFixed(1)} KB (target < 80 KB)`);
console.log(`  time to the first screen (language):   ${median("firstScreen")} ms`);
console.log(`  time to the first question:            ${median("firstQuestion")} ms (target < 2000 ms)`);
console.log(`  time to seal (testimony JSON to record, in the page): ${median("seal").toFixed(0)} ms (target < 200 ms)`);
console.log(`  time from pressing Send to the request leaving: ${median("send")} ms`);

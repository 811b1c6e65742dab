// A tiny stand-in for the bot's form endpoints, for the page tests and the benchmark: serves the
// built page with the contract's headers, answers /form/api/open from the real YAML (in the
// language asked, as form-server does) and takes /form/api/submit, keeping what it was sent.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { questionnaire, texts } from "./fixtures.mjs";

const HEADERS = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors https://web.telegram.org https://*.telegram.org",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
};
const TYPES = { "index.html": "text/html; charset=utf-8", "form.js": "text/javascript; charset=utf-8", "form.css": "text/css; charset=utf-8" };

/** @param page the folder of index.html, form.js, form.css; key { id, publicKey (base64), fingerprint } */
export function formServer(page, key) {
  const tree = questionnaire();
  const names = Object.fromEntries(tree.languages.map((l) => [l, texts(l).language_name]));
  const sent = { opens: [], submits: [] };
  const control = { refuse: null }; // { status, body } for the next submit: the page's error paths
  const server = createServer((req, res) => {
    const reply = (status, type, body) => {
      const gz = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
      const bytes = gz ? gzipSync(body) : Buffer.from(body);
      res.writeHead(status, { ...HEADERS, "Content-Type": type, ...(gz ? { "Content-Encoding": "gzip" } : {}) });
      res.end(bytes);
    };
    const json = (status, value) => reply(status, "application/json", JSON.stringify(value));
    const path = new URL(req.url, "http://x").pathname;
    if (req.method === "GET" && path.startsWith("/form/")) {
      const file = path === "/form/" ? "index.html" : path.slice("/form/".length);
      if (!TYPES[file]) return json(404, { error: "not_found" });
      return reply(200, TYPES[file], readFileSync(join(page, file)));
    }
    let body = "";
    req.on("data", (c) => { body += c; });
    req.on("end", () => {
      const request = JSON.parse(body || "{}");
      if (path === "/form/api/open") {
        sent.opens.push(body);
        const language = tree.languages.includes(request.language) ? request.language : tree.default_language;
        const t = texts(language);
        return json(200, {
          language, languages: tree.languages.map((code) => ({ code, name: names[code] })), questionnaire: tree,
          texts: t, form: t.form ?? {}, key, maxRecordBytes: 262144,
        });
      }
      if (path === "/form/api/submit") {
        sent.submits.push(body);
        if (control.refuse) {
          const { status, body: answer } = control.refuse;
          control.refuse = null;
          return reply(status, "application/json", answer);
        }
        return json(200, { receipt: "1234 5678 9012 3456" });
      }
      return json(404, { error: "not_found" });
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://127.0.0.1:${server.address().port}/form/`, sent, control, close: () => server.close(),
  })));
}

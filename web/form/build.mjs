// Builds the form's bundle into bot/src/main/resources/org/gawahi/bot/form/page/ (or --out DIR):
// index.html as written, form.js (app.mjs and its packages, minified) and form.css. The same
// sources and the locked esbuild give the same bytes: FormBundleTest rebuilds and compares.
// Usage: node web/form/build.mjs [--out DIR]
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf("--out");
const out = at > 0 ? resolve(process.argv[at + 1]) : join(here, "../../bot/src/main/resources/org/gawahi/bot/form/page");
mkdirSync(out, { recursive: true });

const common = { bundle: true, minify: true, legalComments: "none", charset: "utf8", logLevel: "warning" };
await build({ ...common, entryPoints: [join(here, "src/app.mjs")], outfile: join(out, "form.js"), format: "iife",
  target: "es2020", platform: "browser" });
await build({ ...common, entryPoints: [join(here, "src/form.css")], outfile: join(out, "form.css") });
copyFileSync(join(here, "index.html"), join(out, "index.html"));

// Builds the review page into the bot's resources, reproducibly:
//   node web/review/build.mjs           writes bot/src/main/resources/org/gawahi/bot/reviewapp/page/
//   node web/review/build.mjs --check   builds to memory and fails when the committed files differ
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'bot', 'src', 'main', 'resources', 'org', 'gawahi', 'bot', 'reviewapp', 'page');

const bundle = await build({
  entryPoints: [join(here, 'src', 'app.mjs')],
  bundle: true,
  write: false,
  format: 'esm',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  sourcemap: false,
  logLevel: 'silent',
});

const files = {
  'index.html': readFileSync(join(here, 'index.html')),
  'review.css': readFileSync(join(here, 'review.css')),
  'review.js': Buffer.from(bundle.outputFiles[0].contents),
};

if (process.argv.includes('--check')) {
  const differ = Object.entries(files).filter(([name, bytes]) => {
    try {
      return !readFileSync(join(out, name)).equals(bytes);
    } catch {
      return true;
    }
  }).map(([name]) => name);
  if (differ.length) {
    console.error(`the committed review page differs from a rebuild: ${differ.join(', ')}; run node web/review/build.mjs`);
    process.exit(1);
  }
  console.log('the committed review page is what the sources build');
} else {
  mkdirSync(out, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, name), bytes);
  console.log(`built ${Object.keys(files).join(', ')} into ${out}`);
}

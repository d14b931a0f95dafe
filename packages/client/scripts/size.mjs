// Bundles the browser entry (src/index.ts) the way an app would — ESM, minified, tree-shaken, for browsers — and
// checks the gzip size against the budget for "client + the schemas it uses" (zod/mini included).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const LIMIT_GZIP = 12 * 1024;
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

const result = await build({
  entryPoints: [entry],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  treeShaking: true,
  write: false,
  metafile: true,
  logLevel: 'warning',
});

const code = result.outputFiles[0].contents;
const gzip = gzipSync(code, { level: 9 }).length;
const kB = (n) => `${(n / 1024).toFixed(2)} kB`;

if (process.argv.includes('--verbose')) {
  const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs)
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 25);
  for (const [file, { bytesInOutput }] of inputs) console.log(`${String(bytesInOutput).padStart(7)}  ${file}`);
}

console.log(`@consent-kit/client (browser, esm, minified): ${kB(code.length)} raw, ${kB(gzip)} gzip (limit ${kB(LIMIT_GZIP)} gzip)`);
if (gzip > LIMIT_GZIP) {
  console.error(`Over budget by ${kB(gzip - LIMIT_GZIP)}; run with --verbose to see what is in the bundle.`);
  process.exit(1);
}

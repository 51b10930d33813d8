// Writes NAME.br (Brotli, best) and NAME.gz (gzip -9) beside each script, style sheet and page of
// the built app, once at build time, so the API serves the smallest encoding without compressing
// per request. Usage: node scripts/precompress.mjs OUT_DIR
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = /\.(js|css|html|svg|txt|json)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (compressible.test(name)) yield path;
  }
}

const root = process.argv[2];
if (!root) throw new Error('usage: node scripts/precompress.mjs OUT_DIR');
for (const path of files(root)) {
  const body = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
}

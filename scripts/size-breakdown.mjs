// What is in a CDN entry's eager closure: `node scripts/size-breakdown.mjs <entry> [--minus provider] [--top 30]`
// after `node scripts/check-sizes.mjs`. Reads the build's manifest and sourcemaps; each file's gzip size
// is shared among its source modules in proportion to the minified bytes each produced (an estimate:
// gzip does not compress every module alike). `--minus provider` subtracts what the provider entry has.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const cdn = fileURLToPath(new URL('../packages/components/dist/cdn/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${cdn}.vite/manifest.json`, 'utf8'));
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one sourcemap segment (base64 VLQ) into its numbers. */
function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Gzip bytes of an entry's eager closure, per source module (estimated). */
function breakdown(entry) {
  const start = Object.keys(manifest).find((k) => manifest[k].isEntry && manifest[k].name === entry);
  if (!start) throw new Error(`no CDN entry named ${entry}`);
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const next of manifest[k].imports ?? []) visit(next);
  };
  visit(start);
  const modules = new Map();
  const add = (name, bytes) => modules.set(name, (modules.get(name) ?? 0) + bytes);
  for (const k of seen) {
    const file = `${cdn}${manifest[k].file}`;
    const code = readFileSync(file, 'utf8');
    const gzip = gzipSync(code).length;
    let map;
    try {
      map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    } catch {
      add(`(${manifest[k].file})`, gzip);
      continue;
    }
    const bytes = new Map();
    const lines = code.split('\n');
    let source = 0;
    map.mappings.split(';').forEach((line, index) => {
      let column = 0;
      const segments = line ? line.split(',').map(decodeSegment) : [];
      const starts = segments.map((s) => (column += s[0]));
      segments.forEach((s, i) => {
        if (s.length > 1) source += s[1];
        const end = i + 1 < starts.length ? starts[i + 1] : (lines[index]?.length ?? starts[i]);
        const name = s.length > 1 ? map.sources[source] : '(generated)';
        bytes.set(name, (bytes.get(name) ?? 0) + end - starts[i]);
      });
    });
    const total = [...bytes.values()].reduce((a, b) => a + b, 0) || 1;
    for (const [name, b] of bytes)
      add(name.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, ''), (gzip * b) / total);
  }
  return modules;
}

const args = process.argv.slice(2);
const entry = args.find((a) => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.startsWith('--')) ?? 'carnet';
const minus = args.includes('--minus') ? breakdown(args[args.indexOf('--minus') + 1]) : new Map();
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 30;
const rows = [...breakdown(entry)]
  .map(([name, gzip]) => [name, gzip - (minus.get(name) ?? 0)])
  .filter(([, g]) => g > 1);
rows.sort((a, b) => b[1] - a[1]);
const total = rows.reduce((sum, [, g]) => sum + g, 0);
console.log(
  `${entry}${minus.size ? ` minus ${args[args.indexOf('--minus') + 1]}` : ''}: ${(total / 1024).toFixed(1)} kB gzip (estimated per module)`,
);
for (const [name, gzip] of rows.slice(0, top)) console.log(`${(gzip / 1024).toFixed(2).padStart(7)} kB  ${name}`);

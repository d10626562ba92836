import { build } from 'esbuild';
import { join } from 'node:path';
const root = process.cwd();
const alias = { '@carnet/catalog-sdk/demo-data': join(root, 'packages/catalog-sdk/src/demo-data/index.ts'), '@carnet/catalog-sdk': join(root, 'packages/catalog-sdk/src/index.ts') };
const target = process.argv[2]; const entry = process.argv[3] ?? 'agenda';
const out = await build({ entryPoints: [join(root, `packages/components/src/${entry}/${entry}.ts`)], bundle: true, splitting: true, format: 'esm', outdir: '/v', write: false, metafile: true, minify: true, target: 'es2022', alias, tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } }, conditions: ['production','browser'], logLevel: 'silent' });
const inputs = out.metafile.inputs;
// BFS over static imports
const start = Object.keys(inputs).find(p => p.endsWith(`${entry}/${entry}.ts`));
const prev = new Map([[start, null]]); const q = [start];
while (q.length) { const p = q.shift(); for (const i of inputs[p]?.imports ?? []) { if (i.kind !== 'import-statement' || prev.has(i.path)) continue; prev.set(i.path, p); q.push(i.path); } }
const hit = [...prev.keys()].find(p => p.includes(target));
let chain = []; for (let p = hit; p; p = prev.get(p)) chain.unshift(p);
console.log(hit ? chain.join('\n -> ') : 'not statically reachable');

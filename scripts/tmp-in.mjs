import { build } from 'esbuild';
import { join } from 'node:path';
const root = process.cwd();
const alias = { '@carnet/catalog-sdk/demo-data': join(root, 'packages/catalog-sdk/src/demo-data/index.ts'), '@carnet/catalog-sdk': join(root, 'packages/catalog-sdk/src/index.ts') };
const entry = process.argv[2];
const out = await build({ entryPoints: [join(root, `packages/components/src/${entry}/${entry}.ts`)], bundle: true, splitting: true, format: 'esm', outdir: '/v', write: false, metafile: true, minify: true, target: 'es2022', alias, tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } }, conditions: ['production','browser'], logLevel: 'silent' });
const o = out.metafile.outputs;
const entryKey = Object.keys(o).find(p => o[p].entryPoint);
const eager = new Set(); const visit = p => { if (eager.has(p)) return; eager.add(p); for (const i of o[p].imports) if (i.kind === 'import-statement' && !i.external) visit(Object.keys(o).find(x => x.endsWith(i.path.split('/').pop()))); }; visit(entryKey);
const agg = {};
for (const p of eager) for (const [i, v] of Object.entries(o[p].inputs)) { const key = process.env.RAW ? i : i.replace(/.*node_modules\/(@[^/]+\/[^/]+|[^/]+).*/, 'nm:$1').replace(/packages\/([\w-]+)\/src\/([\w-]+).*/, '$1/$2'); agg[key] = (agg[key] ?? 0) + v.bytesInOutput; }
console.log(Object.entries(agg).sort((a,b)=>b[1]-a[1]).slice(0, +process.argv[3] || 15).map(([a,b])=>`${a} ${(b/1024).toFixed(1)}k`).join('\n'));

import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
const root = process.cwd();
const alias = {
  '@carnet/catalog-sdk/demo-data': join(root, 'packages/catalog-sdk/src/demo-data/index.ts'),
  '@carnet/catalog-sdk': join(root, 'packages/catalog-sdk/src/index.ts'),
};
const names = ['provider','document-browser','agenda','pill-organiser','forum-feed','record-summary'];
const entryPoints = Object.fromEntries(names.map(n => [n, join(root, `packages/components/src/${n}/${n}.ts`)]));
const out = await build({ entryPoints, bundle: true, splitting: true, format: 'esm', outdir: '/v', write: false, metafile: true, minify: true, target: 'es2022', alias, tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } }, conditions: ['production','browser'], logLevel: 'silent' });
const files = new Map(out.outputFiles.map(f => [f.path.replace(/^\/v\//,''), f.contents]));
const outputs = out.metafile.outputs;
const k = p => p.replace(/^.*v\//,'');
function closure(entries) { const seen = new Set(); const visit = (p) => { if (seen.has(k(p))) return; seen.add(k(p)); for (const i of outputs[Object.keys(outputs).find(x=>k(x)===k(p))]?.imports ?? []) if (i.kind==='import-statement') visit(i.path); }; entries.forEach(visit); return seen; }
const entryOut = Object.fromEntries(Object.keys(outputs).filter(p => outputs[p].entryPoint).map(p => [outputs[p].entryPoint.split('/').pop().replace('.ts',''), p]));
const gz = (set) => gzipSync(Buffer.concat([...set].filter(n=>n.endsWith('.js')).map(n => files.get(n)))).length;
for (const n of names.slice(1)) console.log(n, (gz(closure([entryOut.provider, entryOut[n]]))/1024).toFixed(1));
console.log('all', (gz(closure(Object.values(entryOut)))/1024).toFixed(1));
// biggest inputs in eager
const eager = closure(Object.values(entryOut));
const inputs = {};
for (const p of Object.keys(outputs)) if (eager.has(k(p))) for (const [i, v] of Object.entries(outputs[p].inputs)) inputs[i.replace(/node_modules\/(@[^/]+\/[^/]+|[^/]+).*/, 'nm:$1').replace(/packages\/(\w[\w-]*)\/src\/([\w-]+).*/, '$1/$2')] = (inputs[i.replace(/node_modules\/(@[^/]+\/[^/]+|[^/]+).*/, 'nm:$1').replace(/packages\/(\w[\w-]*)\/src\/([\w-]+).*/, '$1/$2')] ?? 0) + v.bytesInOutput;
console.log(Object.entries(inputs).sort((a,b)=>b[1]-a[1]).slice(0,25).map(([a,b])=>`${a} ${(b/1024).toFixed(1)}k`).join('\n'));
console.log(Object.keys(outputs).slice(0,5), outputs[entryOut.agenda].imports.slice(0,5));
const s = closure([entryOut.provider, entryOut.agenda]);
for (const n of s) console.log(n, files.get(n)?.length, gzipSync(files.get(n) ?? Buffer.alloc(0)).length, Object.keys(outputs[Object.keys(outputs).find(x=>k(x)===n)]?.inputs ?? {}).filter(i=>!i.includes('components/src')).slice(0,4).join(' '));

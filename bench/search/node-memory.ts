/**
 * Index memory in Node of two versions of Carnet's index (bench code only): JS heap plus typed-array
 * backing stores after GC, with the index alive minus without, on the bench corpora:
 *   node --expose-gc --conditions=development --import tsx bench/search/node-memory.ts <old search/index.ts> [size] [growing]
 */
import { pathToFileURL } from 'node:url';
import * as current from '../../packages/catalog-sdk/src/search/index.js';
import { corpus, plant } from './corpus.js';

type Module = typeof current;
const other = (await import(pathToFileURL(process.argv[2] as string).href)) as Module;
const size = Number(process.argv[3] ?? 100_000);
const growing = process.argv[4] === 'growing';
const documents = corpus(size, growing);
plant(documents);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const used = (): number => {
  gc();
  gc();
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
};
const figures: Record<string, number> = {};
for (const [name, module] of [
  ['before', other],
  ['after', current],
] as const) {
  const base = used();
  let index: ReturnType<Module['createDocumentIndex']> | undefined = module.createDocumentIndex(documents);
  index.search('ordo');
  figures[name] = Math.round(((used() - base) / 1_048_576) * 10) / 10;
  index = undefined;
}
process.stdout.write(JSON.stringify({ size, growing, indexMB: figures }) + '\n');

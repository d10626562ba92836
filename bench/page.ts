// The benchmark page: each benchmark module registers itself below; results go back to run.mjs.
type BenchResult = Record<string, unknown>;
type Bench = { name: string; run: () => Promise<BenchResult> };

const benches: Bench[] = [];
// Each module is optional until its issue lands; a missing one is reported, not fatal.
const modules: Record<string, () => Promise<{ default: Bench[] }>> = {
  search: () => import('./search.page.js'),
  recurrence: () => import('./recurrence.page.js'),
  offline: () => import('./offline.page.js'),
  'document browser': () => import('../packages/components/src/document-browser/document-browser.bench.js'),
  agenda: () => import('../packages/components/src/agenda/agenda.bench.js'),
  glucose: () => import('../packages/components/src/tracker/glucose-chart.bench.js'),
};

declare global {
  interface Window {
    __runBenchmarks: () => Promise<Record<string, BenchResult>>;
  }
}

window.__runBenchmarks = async () => {
  const results: Record<string, BenchResult> = {};
  // `?only=search,recurrence` (the runner's `--only`) loads just those modules.
  const only = new URLSearchParams(location.search).get('only')?.split(',');
  for (const [name, load] of Object.entries(modules)) {
    if (only !== undefined && !only.some((wanted) => name.startsWith(wanted))) continue;
    try {
      benches.push(...(await load()).default);
    } catch (error) {
      results[name] = { error: String(error) };
    }
  }
  for (const bench of benches) {
    try {
      results[bench.name] = await bench.run();
    } catch (error) {
      results[bench.name] = { error: String(error) };
    }
  }
  return results;
};

export {};

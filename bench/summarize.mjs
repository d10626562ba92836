// Prints the search and recurrence figures of bench/last-results.json as Markdown tables.
import { readFile } from 'node:fs/promises';

const report = JSON.parse(await readFile(new URL('./last-results.json', import.meta.url), 'utf8'));
console.log(`${report.date} — ${report.machine}\n`);
if (report.results.timer)
  console.log(
    `Timer: performance.now() step ${report.results.timer.stepMs} ms (cross-origin isolated: ${report.results.timer.crossOriginIsolated})\n`,
  );
for (const [name, result] of Object.entries(report.results)) {
  if (name === 'timer') continue;
  if (name.startsWith('search:')) {
    console.log(`### ${name}\n`);
    console.log(
      '| engine | keystroke (list) median | p95 | max | + after paint (facets) median / p95 | planted at rank 1 | class precision@10 | index memory | build |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const [engine, f] of Object.entries(result)) {
      if (typeof f !== 'object' || f === null || !('medianMs' in f)) continue;
      console.log(
        `| ${engine} | ${f.medianMs} ms | ${f.p95Ms} ms | ${f.maxMs} ms | ${f.afterPaintMedianMs === undefined ? '—' : `${f.afterPaintMedianMs} / ${f.afterPaintP95Ms} ms`} | ${f.plantedAtRank1}/${f.planted} | ${f.classPrecisionAt10} | ${f.indexMB} MB | ${f.buildMs} ms |`,
      );
      if (f.countedMedianMs !== undefined)
        console.log(
          `| ${engine}, counting the matches too | ${f.countedMedianMs} ms | ${f.countedP95Ms} ms | | | | | | |`,
        );
    }
    const sliced = result['Carnet, build in slices'];
    if (sliced) console.log(`\nbuild in slices: ${JSON.stringify(sliced)}\n`);
    else console.log('');
  } else if (name.startsWith('recurrence')) {
    console.log(`### ${name}\n`);
    console.log(JSON.stringify({ ...result, shapes: undefined }, null, 1), '\n');
  }
}

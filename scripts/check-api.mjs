// The public API of each package is frozen in `packages/<name>/etc/<name>.api.md` (API Extractor).
// `node scripts/check-api.mjs` fails when a package's public surface differs from its report;
// `npm run api:update` rewrites the reports after a deliberate change (review the diff).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const update = process.argv.includes('--update');
const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['catalog-sdk', 'components'];

let failed = 0;
for (const name of packages) {
  const folder = `${root}packages/${name}`;
  // Declarations only: the report reads dist/*.d.ts (the SDK's first, the components import them).
  const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: folder,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) {
    console.error(`✘ @carnet/${name}: declarations did not build`);
    failed += 1;
    continue;
  }
  const config = ExtractorConfig.loadFileAndPrepare(`${folder}/api-extractor.json`);
  const messages = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    showVerboseMessages: false,
    messageCallback(message) {
      message.handled = true;
      if (message.logLevel === 'none' || message.logLevel === 'verbose') return;
      if (message.messageId.startsWith('console-')) return;
      messages.push(message.formatMessageWithLocation(root));
    },
  });
  for (const line of messages) console.log(`  ${line}`);
  if (result.apiReportChanged && !update) {
    console.error(
      `✘ @carnet/${name}: the public API changed. Review it with \`npm run api:update\` and \`git diff packages/${name}/etc\`, then commit the report.`,
    );
    failed += 1;
  } else if (!result.succeeded && !update) {
    console.error(
      `✘ @carnet/${name}: API Extractor reported ${result.errorCount} errors and ${result.warningCount} warnings`,
    );
    failed += 1;
  } else {
    console.log(
      `✔ @carnet/${name}: public API ${update && result.apiReportChanged ? 'report updated' : 'matches its report'}`,
    );
  }
}
process.exit(failed ? 1 : 0);

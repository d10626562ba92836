// Runs the browser tests; explains plainly what to install when no browser is found.
import { spawn } from 'node:child_process';
import { requireChrome } from './find-chrome.mjs';

requireChrome();
const child = spawn(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));

// `npm start`: the demo platform (OpenID provider + FHIR server) and the association's
// site, on localhost only. One line per service with its URL; Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const children = [];
let stopping = false;

function run(name, command, args, env = {}) {
  const child = spawn(command, args, { cwd: here, stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the demo.`);
    stop(code ?? 1);
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (existsSync(new URL('../server/main.ts', import.meta.url))) {
  run('Demo platform', process.execPath, [
    '--experimental-websocket',
    '--no-warnings=ExperimentalWarning',
    '--import',
    'tsx',
    'server/main.ts',
  ]);
}
const port = process.env.CARNET_SITE_PORT ?? '5173';
run('Site', process.execPath, [
  fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url)),
  '--config',
  'site/vite.config.ts',
  '--clearScreen',
  'false',
  '--logLevel',
  'warn',
]);
console.log(`Association site  http://localhost:${port}/`);
for (const [name, page] of [
  ['React page', 'react.html'],
  ['Vue page', 'vue.html'],
  ['Angular page', 'angular.html'],
]) {
  console.log(`  ${name.padEnd(16)}http://localhost:${port}/${page}`);
}

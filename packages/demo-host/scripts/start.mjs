// `npm start`: the demo platform (OpenID provider + FHIR server) and the association's
// site, on localhost only. Each service's URL is printed once it answers; Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const children = [];
let stopping = false;

const sitePort = process.env.CARNET_SITE_PORT || '5173';
const siteHost = process.env.CARNET_SITE_HOST || 'localhost';
const siteUrl = `http://${siteHost}:${sitePort}`;
// The platform must accept sign-ins coming back to the site wherever it listens.
const siteOrigins =
  process.env.CARNET_SITE_ORIGINS ||
  [...new Set([siteUrl, `http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`])].join(',');

/** Warnings the demo is known to print, and what they mean. */
const EXPECTED = [
  {
    match: /oidc-provider WARNING: Unsupported runtime/,
    why: 'expected: oidc-provider 9 prefers Node 22; the demo is tested on Node 20.19 and later.',
  },
  {
    match: /in-memory adapter is used, you MUST change it/,
    why: 'expected: the demo keeps sign-in sessions in memory on purpose; they end when the demo stops.',
  },
  {
    match: /ExperimentalWarning|experimental-websocket/,
    why: 'expected: Medplum 5 needs the WebSocket API, experimental in Node 20.',
  },
];

function run(name, command, args, { env = {}, onLine } = {}) {
  const child = spawn(command, args, {
    cwd: here,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  children.push(child);
  createInterface({ input: child.stdout }).on('line', (line) => (onLine ? onLine(line) : console.log(line)));
  createInterface({ input: child.stderr }).on('line', (line) => {
    console.error(line);
    const expected = EXPECTED.find((warning) => warning.match.test(line));
    if (expected) console.error(`  ↳ ${expected.why}`);
  });
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

/** Resolves once `url` answers any HTTP status (the server listens), or rejects after `limitMs`. */
async function answers(url, limitMs = 120_000) {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${limitMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

console.log('Starting the Carnet demo (synthetic patients only, listening on this machine only)…');
let platformReady;
const platformStarted = new Promise((resolve) => (platformReady = resolve));
run(
  'Demo platform',
  process.execPath,
  [
    '--experimental-websocket',
    '--no-warnings=ExperimentalWarning',
    '--import',
    'tsx',
    '--conditions=development',
    'server/main.ts',
  ],
  {
    env: { CARNET_SITE_ORIGINS: siteOrigins },
    // server/main.ts prints one line per service once it listens and is seeded.
    onLine: (line) => {
      console.log(line);
      if (line.startsWith('FHIR R4 server')) platformReady();
    },
  },
);
run('Site', process.execPath, [
  fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url)),
  '--config',
  'site/vite.config.ts',
  '--clearScreen',
  'false',
  '--logLevel',
  'warn',
]);

try {
  await answers(`${siteUrl}/`);
  await platformStarted;
  console.log(`Association site, local mode       ${siteUrl}/`);
  console.log(`Association site, connected mode   ${siteUrl}/connected.html`);
  console.log(`Professionals' page                ${siteUrl}/professional.html`);
  console.log(`Caregivers' page                   ${siteUrl}/caregiver.html`);
  console.log(`  React page                       ${siteUrl}/react.html`);
  console.log(`  Vue page                         ${siteUrl}/vue.html`);
  console.log(`  Angular page                     ${siteUrl}/angular.html`);
  console.log(`Catalogue app, documents reader    ${siteUrl}/apps/documents/launch.html`);
  console.log(`Catalogue app, blood-sugar notes   ${siteUrl}/apps/glycemie/launch.html`);
  console.log(
    'Sign in as parkinson, diabetes or kidney (professionals: pro-parkinson, pro-diabetes, pro-kidney; caregiver: aidant-kidney) with the password demo. Ctrl-C stops the demo.',
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  stop(1);
}

// `npm run bench:platform`: load on the demo platform. Starts the OpenID provider and
// the FHIR server in this process on 127.0.0.1 (free ports), signs in 50 clients of
// the three personas through the real authorization-code flow, then runs them
// concurrently for 20 s: the widgets' reads and searches, document content, the
// access trail, and probes of other patients' ids and of chained searches. Reports
// p50/p95 latency per kind of request and the number of answers carrying another
// patient's data (must be 0). Not a test: it asserts nothing; docs/performance.md
// records the figures. Needs `--import tsx` (the platform is TypeScript) and
// `--experimental-websocket` (Medplum), which the npm script passes.
//
// Then, on a fresh platform, the cost of searching one's own access trail before and
// after another patient left 300 search events in theirs (it must not grow).
//
// Options: --clients N (default 50), --seconds S (default 20), --documents N (per persona),
// --trail-only (skip the load, measure the trail only).
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    documents: { type: 'string', default: '300' },
    'trail-only': { type: 'boolean', default: false },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const DOCUMENTS = Number(values.documents);
const PERSONAS = ['diabetes', 'parkinson', 'kidney'];

const { startPlatform } = await import('../packages/demo-host/server/main.ts');
const { signIn } = await import('../packages/demo-host/server/testing/oauth-client.ts');

/** Median ms of `runs` sequential GETs. */
async function medianOf(runs, url, token) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** One patient's trail search, before and after another patient's 300 audited searches. */
async function trailGrowth() {
  const trail = await startPlatform({ oidcPort: 0, fhirPort: 0, documentCount: DOCUMENTS });
  const tokenOf = async (login) => String((await signIn(trail.issuer, { login }))['access_token']);
  const [own, other] = [await tokenOf('diabetes'), await tokenOf('kidney')];
  const url = `${trail.fhirBaseUrl}/AuditEvent?_count=50`;
  await medianOf(20, url, own);
  const before = await medianOf(30, url, own);
  for (let i = 0; i < 300; i += 1) {
    await (
      await fetch(`${trail.fhirBaseUrl}/DocumentReference?_count=20&_offset=${(i * 20) % DOCUMENTS}`, {
        headers: { Authorization: `Bearer ${other}` },
      })
    ).arrayBuffer();
  }
  const after = await medianOf(30, url, own);
  await trail.close();
  console.log(
    `Own AuditEvent search (diabetes), median of 30: ${before.toFixed(1)} ms before, ${after.toFixed(1)} ms after kidney's 300 audited searches (×${(after / before).toFixed(2)})`,
  );
}

if (values['trail-only']) {
  await trailGrowth();
  process.exit(0);
}

const platform = await startPlatform({ oidcPort: 0, fhirPort: 0, documentCount: DOCUMENTS });
const base = platform.fhirBaseUrl;

/** What in an answer would belong to another persona: their ids, documents, care team. */
function otherPatientsPattern(persona) {
  const others = PERSONAS.filter((p) => p !== persona).join('|');
  return new RegExp(`patient-(?:${others})\\b|doc-(?:${others})-|pro-(?:${others})-`);
}

/** The requests one client makes, in turn; `other` is another persona (for probes). */
function requestsFor(persona, other, n) {
  const own = `patient-${persona}`;
  const doc = (i) => `doc-${persona}-${String((i % DOCUMENTS) + 1).padStart(4, '0')}`;
  return [
    { kind: 'documents: first page', path: `/DocumentReference?patient=${own}&_sort=-date&_count=20&_total=accurate` },
    { kind: 'document: read', path: `/DocumentReference/${doc(n)}` },
    { kind: 'document: content (Binary)', path: `/Binary/${doc(n + 7)}` },
    { kind: 'agenda: appointments', path: `/Appointment?patient=${own}&_count=200` },
    { kind: 'treatments: plans', path: `/MedicationRequest?patient=${own}&_count=200` },
    { kind: 'treatments: intakes', path: `/MedicationAdministration?patient=${own}&_count=500` },
    { kind: 'care team', path: '/Practitioner?_count=200' },
    { kind: 'access trail: own AuditEvents', path: '/AuditEvent?_count=50&_sort=-date' },
    { kind: "probe: another patient's document (404)", path: `/DocumentReference/doc-${other}-0001`, expect: 404 },
    { kind: 'probe: chained search (400)', path: '/Communication?recipient:Patient.family=Durand', expect: 400 },
  ];
}

/**
 * The answer without the agents of AuditEvents: a patient's own trail names who
 * tried to open their documents (a refused attempt by another account), by design.
 */
function withoutTrailAgents(text) {
  if (!text.includes('"AuditEvent"')) return text;
  const bundle = JSON.parse(text);
  for (const entry of bundle.entry ?? [])
    if (entry.resource?.resourceType === 'AuditEvent') delete entry.resource.agent;
  return JSON.stringify(bundle);
}

const tokens = [];
for (let i = 0; i < CLIENTS; i += 1) {
  const persona = PERSONAS[i % PERSONAS.length];
  const answer = await signIn(platform.issuer, { login: persona });
  tokens.push({ persona, token: String(answer['access_token']) });
}

const latencies = new Map();
const unexpected = new Map();
let requests = 0;
let leaks = 0;
const deadline = performance.now() + SECONDS * 1000;

async function client({ persona, token }, index) {
  const other = PERSONAS[(PERSONAS.indexOf(persona) + 1) % PERSONAS.length];
  const leak = otherPatientsPattern(persona);
  let n = index;
  while (performance.now() < deadline) {
    const list = requestsFor(persona, other, n);
    const request = list[n % list.length];
    n += 1;
    const started = performance.now();
    const response = await fetch(`${base}${request.path}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' },
    });
    const text = await response.text();
    const ms = performance.now() - started;
    requests += 1;
    (latencies.get(request.kind) ?? latencies.set(request.kind, []).get(request.kind)).push(ms);
    if (response.status !== (request.expect ?? 200)) {
      unexpected.set(request.kind, (unexpected.get(request.kind) ?? 0) + 1);
    }
    if (leak.test(withoutTrailAgents(text))) leaks += 1;
  }
}

const started = performance.now();
await Promise.all(tokens.map((t, i) => client(t, i)));
const elapsed = (performance.now() - started) / 1000;
await platform.close();

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const all = [...latencies.values()].flat().sort((a, b) => a - b);
const row = (kind, list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return `| ${kind} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} |`;
};
const cpu = cpus();
console.log(
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`,
);
console.log(
  `${CLIENTS} clients (${PERSONAS.join(', ')}), ${DOCUMENTS} documents each, ${elapsed.toFixed(1)} s, ${requests} requests (${(requests / elapsed).toFixed(0)}/s)\n`,
);
console.log('| request | answers | p50 ms | p95 ms |\n| --- | --- | --- | --- |');
for (const [kind, list] of latencies) console.log(row(kind, list));
console.log(row('**all**', all));
console.log(`\nAnswers carrying another patient's data: ${leaks}`);
console.log(
  `Unexpected statuses: ${unexpected.size === 0 ? 'none' : [...unexpected].map(([k, v]) => `${k}: ${v}`).join(', ')}`,
);
await trailGrowth();

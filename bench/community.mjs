// `npm run bench:community`: the community at scale on the demo server. Starts the
// platform in this process (127.0.0.1, free ports), fills the diabetes community with
// 10,000 threads (3 posts each) through the store, signs two patients in through the
// real authorization-code flow, then over HTTP measures: the first page of 20 threads,
// a deep page (offset 5,000), a conditional re-read (304), one thread's posts, and
// posting a reply and a thread. Medians and p95 of repeated runs. Asserts nothing;
// docs/performance.md records the figures.
//
// Options: --threads N (default 10000), --runs N (default 200).
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { threads: { type: 'string', default: '10000' }, runs: { type: 'string', default: '200' } },
});
const THREADS = Number(values.threads);
const RUNS = Number(values.runs);

const { startPlatform } = await import('../packages/demo-host/server/main.ts');
const { signIn } = await import('../packages/demo-host/server/testing/oauth-client.ts');

const platform = await startPlatform({ oidcPort: 0, fhirPort: 0, personas: ['diabetes'], documentCount: 10 });
const store = platform.communities;
const community = store.communities.get('community-diabetes');
const fillStarted = performance.now();
const start = Date.parse('2025-01-01T00:00:00Z');
for (let i = 0; i < THREADS; i++) {
  const at = (offset) => new Date(start + i * 60_000 + offset * 1000).toISOString();
  const author = `Membre${i % 500}`;
  const thread = store.addThread(community, {
    authorId: undefined,
    pseudonym: author,
    title: `Discussion ${i}`,
    body: `Message d’ouverture ${i}`,
    at: at(0),
  });
  for (let r = 1; r <= 2; r++)
    store.addPost(community, thread, {
      authorId: undefined,
      pseudonym: `Membre${(i + r) % 500}`,
      body: `Réponse ${r}`,
      at: at(r),
    });
}
const fillMs = performance.now() - fillStarted;

const token = async (login) => String((await signIn(platform.issuer, { login }))['access_token']);
const [tokenA, tokenB] = [await token('diabetes'), await token('diabetes-2')];
const base = `${platform.fhirBaseUrl}/Group/community-diabetes`;
const call = async (tokenValue, path, init = {}) => {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${tokenValue}`,
      'Content-Type': 'application/fhir+json',
      ...(init.headers ?? {}),
    },
  });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('etag'), text };
};
await call(tokenB, '/$join', {
  method: 'POST',
  body: JSON.stringify({ resourceType: 'Parameters', parameter: [{ name: 'pseudonym', valueString: 'Lulu79' }] }),
});

async function measure(name, run) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const status = await run(i);
    times.push(performance.now() - started);
    if (status >= 400) throw new Error(`${name}: HTTP ${status}`);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { name, median: at(0.5), p95: at(0.95) };
}

const firstPage = await call(tokenA, '/Communication?_count=20');
const someThread = JSON.parse(firstPage.text).entry[5].resource.id;
const results = [
  await measure('page of 20 threads (first page)', async () => (await call(tokenA, '/Communication?_count=20')).status),
  await measure(
    'page of 20 threads at offset 5,000',
    async () => (await call(tokenA, '/Communication?_count=20&_offset=5000')).status,
  ),
  await measure('unchanged first page, If-None-Match (304)', async () => {
    const { etag } = await call(tokenA, '/Communication?_count=20');
    return (await call(tokenA, '/Communication?_count=20', { headers: { 'If-None-Match': etag } })).status === 304
      ? 200
      : 500;
  }),
  await measure(
    'posts of one thread',
    async () => (await call(tokenA, `/Communication?part-of=Communication/${someThread}`)).status,
  ),
  await measure(
    'post a reply',
    async (i) =>
      (
        await call(tokenB, '/Communication', {
          method: 'POST',
          body: JSON.stringify({
            resourceType: 'Communication',
            status: 'completed',
            partOf: [{ reference: `Communication/${someThread}` }],
            payload: [{ contentString: `Réponse de banc d’essai ${i}` }],
          }),
        })
      ).status,
  ),
  await measure(
    'post a new thread',
    async (i) =>
      (
        await call(tokenB, '/Communication', {
          method: 'POST',
          body: JSON.stringify({
            resourceType: 'Communication',
            status: 'completed',
            topic: { text: `Banc d’essai ${i}` },
            payload: [{ contentString: 'Ouverture' }],
          }),
        })
      ).status,
  ),
];
await platform.close();

const ms = (value) => `${value.toFixed(1)} ms`;
console.log(
  `Community of ${THREADS.toLocaleString('en')} threads (${(THREADS * 3).toLocaleString('en')} posts), filled in ${ms(fillMs)}; ${RUNS} runs each, HTTP on 127.0.0.1, one client at a time`,
);
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${new Date().toISOString()}`,
);
for (const result of results)
  console.log(`${result.name.padEnd(45)} median ${ms(result.median).padStart(9)}   p95 ${ms(result.p95).padStart(9)}`);

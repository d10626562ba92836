// The community on the real platform (provider + FHIR server processes in this
// Node process), with real sign-ins: two diabetes patients, a Parkinson
// patient and the association's moderator.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bundle, Communication, Group } from '@medplum/fhirtypes';
import type { RunningPlatform } from '../main.js';
import { accessToken, fhir, startTestPlatform } from '../testing/fhir-client.js';

const GROUP = '/Group/community-diabetes';
const UNREAD = 'https://carnet.example/fhir/StructureDefinition/unread';

let platform: RunningPlatform;
let tokenA: string;
let tokenB: string;
let tokenParkinson: string;
let tokenModerator: string;
/** Every body the second patient received. */
const bodiesOfB: string[] = [];

function parameters(values: Record<string, string>): string {
  return JSON.stringify({
    resourceType: 'Parameters',
    parameter: Object.entries(values).map(([name, value]) => ({ name, valueString: value })),
  });
}

async function call(token: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fhir(platform, path, token, init);
  const text = await response.text();
  if (token === tokenB) bodiesOfB.push(text);
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const post = (token: string, path: string, body: string) => call(token, path, { method: 'POST', body });
const entries = <T>(body: unknown): T[] => ((body as Bundle).entry ?? []).map((entry) => entry.resource as T);
const extension = (resource: { extension?: { url: string; valueBoolean?: boolean }[] }, url: string) =>
  resource.extension?.find((e) => e.url.endsWith(url.split('/').pop() ?? ''))?.valueBoolean;

describe('community: a shared space per pathology (real provider and FHIR server)', { timeout: 120_000 }, () => {
  let threadId = '';
  let replyId = '';

  before(async () => {
    ({ platform } = await startTestPlatform(5));
    [tokenA, tokenB, tokenParkinson, tokenModerator] = await Promise.all([
      accessToken(platform, 'diabetes'),
      accessToken(platform, 'diabetes-2'),
      accessToken(platform, 'parkinson'),
      accessToken(platform, 'moderateur'),
    ]);
  });
  after(async () => {
    await platform?.close();
  });

  it('joining is explicit: a non-member and a patient of another pathology get 404', async () => {
    assert.equal((await call(tokenB, `${GROUP}/Communication`)).status, 404);
    assert.equal((await call(tokenParkinson, GROUP)).status, 404);
    assert.equal((await call(tokenParkinson, `${GROUP}/Communication`)).status, 404);
    assert.equal((await post(tokenParkinson, `${GROUP}/$join`, parameters({ pseudonym: 'Intrus' }))).status, 404);
    const groups = entries<Group>((await call(tokenParkinson, '/Group')).body);
    assert.deepEqual(
      groups.map((g) => g.id),
      ['community-parkinson'],
    );
  });

  it('a pseudonym is unique in the community and picked once', async () => {
    const taken = await post(tokenB, `${GROUP}/$join`, parameters({ pseudonym: 'Colibri54' }));
    assert.equal(taken.status, 409, 'the first persona already goes by Colibri54');
    const joined = await post(tokenB, `${GROUP}/$join`, parameters({ pseudonym: 'Lulu79' }));
    assert.equal(joined.status, 200);
    const changed = await post(tokenB, `${GROUP}/$join`, parameters({ pseudonym: 'Autre' }));
    assert.equal(changed.status, 409);
  });

  it('A posts, B reads it and replies, A sees the reply; posts carry pseudonyms only', async () => {
    const group = (await call(tokenA, GROUP)).body as Group;
    const pseudonymA = group.extension?.[0]?.valueString;
    assert.ok(pseudonymA, 'A is a member of the seeded community');
    const created = await post(
      tokenA,
      `${GROUP}/Communication`,
      JSON.stringify({
        resourceType: 'Communication',
        status: 'completed',
        topic: { text: 'Capteur et piscine' },
        payload: [{ contentString: 'Quelqu’un nage avec son capteur ?' }],
        sender: { reference: 'Patient/patient-diabetes' },
      }),
    );
    assert.equal(created.status, 201);
    threadId = (created.body as Communication).id ?? '';

    const listed = entries<Communication>((await call(tokenB, `${GROUP}/Communication?_count=5`)).body);
    assert.equal(listed[0]?.id, threadId, 'the newest thread comes first');
    assert.equal(listed[0]?.sender?.display, pseudonymA);
    assert.equal(extension(listed[0] as never, UNREAD), true);
    const reply = await post(
      tokenB,
      `${GROUP}/Communication`,
      JSON.stringify({
        resourceType: 'Communication',
        status: 'completed',
        partOf: [{ reference: `Communication/${threadId}` }],
        payload: [{ contentString: 'Oui, avec un patch par-dessus.' }],
      }),
    );
    assert.equal(reply.status, 201);
    replyId = (reply.body as Communication).id ?? '';

    const posts = entries<Communication>(
      (await call(tokenA, `${GROUP}/Communication?part-of=Communication/${threadId}`)).body,
    );
    assert.deepEqual(
      posts.map((p) => [p.sender?.display, p.payload?.[0]?.contentString]),
      [
        [pseudonymA, 'Quelqu’un nage avec son capteur ?'],
        ['Lulu79', 'Oui, avec un patch par-dessus.'],
      ],
    );
    const everything = JSON.stringify(await call(tokenB, `${GROUP}/Communication?part-of=Communication/${threadId}`));
    assert.doesNotMatch(everything, /Patient\//);
  });

  it('lists answer 304 to an unchanged ETag, and change when a reply arrives', async () => {
    const first = await fhir(platform, `${GROUP}/Communication`, tokenA);
    const etag = first.headers.get('etag') ?? '';
    assert.ok(etag);
    const again = await fhir(platform, `${GROUP}/Communication`, tokenA, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    await post(
      tokenB,
      `${GROUP}/Communication`,
      JSON.stringify({
        resourceType: 'Communication',
        status: 'completed',
        partOf: [{ reference: `Communication/${threadId}` }],
        payload: [{ contentString: 'Et pensez à le rincer.' }],
      }),
    );
    const changed = await fhir(platform, `${GROUP}/Communication`, tokenA, { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
  });

  it('read marks and followed threads persist across sign-ins', async () => {
    assert.equal((await post(tokenB, `${GROUP}/Communication/${threadId}/$read`, '{}')).status, 200);
    assert.equal((await post(tokenB, `${GROUP}/Communication/${threadId}/$follow`, '{}')).status, 200);
    const again = await accessToken(platform, 'diabetes-2');
    const thread = (await call(again, `${GROUP}/Communication/${threadId}`)).body as Communication;
    assert.equal(extension(thread as never, 'unread'), false);
    assert.equal(extension(thread as never, 'followed'), true);
  });

  it('reports count distinct reporters; the moderator sees reasons, hides, and every action is recorded', async () => {
    const report = (token: string) =>
      post(
        token,
        `${GROUP}/Communication/${replyId}/$report`,
        parameters({ reason: 'medical-misinformation', comment: 'conseil risqué' }),
      );
    await report(tokenA);
    const twice = await report(tokenA);
    assert.equal(
      (twice.body as Communication).extension?.find((e) => e.url.endsWith('report-count'))?.valueInteger,
      1,
      'one patient counts once',
    );
    const queue = entries<Communication>((await call(tokenModerator, `${GROUP}/$reports`)).body);
    const queued = queue.find((p) => p.id === replyId);
    assert.ok(queued, 'the reported post is in the queue');
    assert.equal(queued.note?.[0]?.text, 'medical-misinformation: conseil risqué');
    assert.doesNotMatch(JSON.stringify(queue), /patient-diabetes/);
    assert.equal((await call(tokenA, `${GROUP}/$reports`)).status, 404, 'patients have no queue');

    const hidden = await post(
      tokenModerator,
      `${GROUP}/Communication/${replyId}/$hide`,
      parameters({ reason: 'Conseil médical dangereux' }),
    );
    assert.equal(hidden.status, 200);
    const listedForA = await call(tokenA, `${GROUP}/Communication?part-of=Communication/${threadId}`);
    const seenByA = entries<Communication>(listedForA.body).find((p) => p.id === replyId);
    assert.ok(seenByA, 'A still sees that the post is there');
    assert.equal(seenByA?.extension?.find((e) => e.url.endsWith('moderation-state'))?.valueCode, 'hidden');
    assert.equal(seenByA?.payload?.[0]?.contentString, '[…]', 'others no longer get the words');
    const seenByAuthor = entries<Communication>(
      (await call(tokenB, `${GROUP}/Communication?part-of=Communication/${threadId}`)).body,
    ).find((p) => p.id === replyId);
    assert.equal(
      seenByAuthor?.extension?.find((e) => e.url.endsWith('moderation-reason'))?.valueString,
      'Conseil médical dangereux',
    );
    assert.equal(seenByAuthor?.note, undefined, 'reporters stay anonymous to the author');

    const suspended = await post(tokenModerator, `${GROUP}/$suspend`, parameters({ pseudonym: 'Lulu79' }));
    assert.equal(suspended.status, 200);
    const refused = await post(
      tokenB,
      `${GROUP}/Communication`,
      JSON.stringify({
        resourceType: 'Communication',
        status: 'completed',
        partOf: [{ reference: `Communication/${threadId}` }],
        payload: [{ contentString: 'Encore moi' }],
      }),
    );
    assert.equal(refused.status, 403);
    const log = entries<{ subtype?: { code?: string }[] }>((await call(tokenModerator, `${GROUP}/AuditEvent`)).body);
    assert.deepEqual(
      log.map((e) => e.subtype?.[0]?.code),
      ['hide', 'suspend'],
    );
  });

  it('moderators read reports as structured reasons and the suspended pseudonyms, and lift a suspension', async () => {
    const suspendedOf = (group: Group): (string | undefined)[] =>
      (group.extension ?? []).filter((e) => e.url.endsWith('/suspended-pseudonym')).map((e) => e.valueString);
    const queued = entries<Communication>((await call(tokenModerator, `${GROUP}/$reports`)).body).find(
      (p) => p.id === replyId,
    );
    const report = queued?.extension?.find((e) => e.url.endsWith('/report'));
    assert.deepEqual(
      report?.extension?.filter((e) => e.url !== 'at'),
      [
        { url: 'reason', valueCode: 'medical-misinformation' },
        { url: 'comment', valueString: 'conseil risqué' },
      ],
    );
    assert.equal(queued?.topic?.text, 'Capteur et piscine', 'the moderator sees the thread the post belongs to');
    assert.deepEqual(suspendedOf((await call(tokenModerator, GROUP)).body as Group), ['Lulu79']);
    assert.deepEqual(suspendedOf((await call(tokenA, GROUP)).body as Group), [], 'patients never see suspensions');
    const forA = entries<Communication>(
      (await call(tokenA, `${GROUP}/Communication?part-of=Communication/${threadId}`)).body,
    );
    assert.ok(!JSON.stringify(forA).includes('/report"'), 'patients never see reports');

    const lifted = await post(tokenModerator, `${GROUP}/$unsuspend`, parameters({ pseudonym: 'lulu79' }));
    assert.equal(lifted.status, 200);
    assert.deepEqual(suspendedOf(lifted.body as Group), []);
    assert.equal(
      (await post(tokenA, `${GROUP}/$unsuspend`, parameters({ pseudonym: 'Lulu79' }))).status,
      404,
      'only moderators lift a suspension',
    );
    const again = await post(
      tokenB,
      `${GROUP}/Communication`,
      JSON.stringify({
        resourceType: 'Communication',
        status: 'completed',
        partOf: [{ reference: `Communication/${threadId}` }],
        payload: [{ contentString: 'Merci, je ferai attention.' }],
      }),
    );
    assert.equal(again.status, 201, 'B may post again');
    const log = entries<{ subtype?: { code?: string }[] }>((await call(tokenModerator, `${GROUP}/AuditEvent`)).body);
    assert.deepEqual(
      log.map((e) => e.subtype?.[0]?.code),
      ['hide', 'suspend', 'unsuspend'],
    );
  });

  it('leaving removes the member and hides their pseudonym from new views', async () => {
    assert.equal((await post(tokenB, `${GROUP}/$leave`, '{}')).status, 200);
    assert.equal((await call(tokenB, `${GROUP}/Communication`)).status, 404);
    const posts = entries<Communication>(
      (await call(tokenA, `${GROUP}/Communication?part-of=Communication/${threadId}`)).body,
    );
    assert.ok(!JSON.stringify(posts).includes('Lulu79'));
  });

  it("no body B received names A's record", () => {
    const all = bodiesOfB.join('\n');
    assert.ok(bodiesOfB.length > 5);
    assert.doesNotMatch(all, /patient-diabetes(?!-2)/);
    assert.doesNotMatch(all, /Patient\//);
    const { given, family } = platform.seed.patients.find((p) => p.id === 'patient-diabetes') ?? {};
    assert.ok(given && family);
    assert.ok(!all.includes(given) && !all.includes(family));
  });
});

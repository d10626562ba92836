// The community routes in process (no provider: callers made here), for what
// two demo patients per pathology cannot show: the automatic hiding needs three
// distinct reporters, one person reporting from several devices counts once,
// the author never learns who reported, and a moderator's decision wins.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Communication } from '@medplum/fhirtypes';
import { FhirHttpError, sendError } from '../fhir/http.js';
import { ScopePermissions } from '../smart-scopes.js';
import type { Caller } from './auth.js';
import { createCommunityRoutes } from './community.js';
import { AUTO_HIDDEN_REASON } from './community-moderation.js';
import { AUTO_HIDE_REPORTERS, CommunityStore } from './community-store.js';

const FHIR = 'http://fhir.test/fhir';
const PATIENTS = ['author', 'reader-1', 'reader-2', 'reader-3'] as const;
const MODERATOR = 'moderator';
/** The same moderator through an app granted only reading: moderating needs `u`. */
const READ_ONLY_MODERATOR = 'moderator-read-only';

let server: Server;
let base: string;
let postId = '';

function callerOf(who: string): Caller {
  const moderator = who === MODERATOR || who === READ_ONLY_MODERATOR;
  return {
    subject: moderator ? MODERATOR : who,
    patientId: moderator ? MODERATOR : who,
    permissions: new ScopePermissions(
      who === READ_ONLY_MODERATOR ? 'patient/Communication.rs' : 'patient/Communication.cruds',
    ),
    ...(moderator ? { fhirUser: `${FHIR}/RelatedPerson/moderator` } : {}),
  };
}

async function call(who: string, path: string, parameters?: Record<string, string>) {
  const response = await fetch(`${base}${path}`, {
    method: parameters ? 'POST' : 'GET',
    headers: { 'x-test-caller': who, 'content-type': 'application/fhir+json' },
    ...(parameters
      ? {
          body: JSON.stringify({
            resourceType: 'Parameters',
            parameter: Object.entries(parameters).map(([name, valueString]) => ({ name, valueString })),
          }),
        }
      : {}),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as Communication) : undefined };
}

const report = (who: string) =>
  call(who, `/Group/community-diabetes/Communication/${postId}/$report`, {
    reason: 'spam',
    comment: 'publicité déguisée',
  });
const moderation = (post: Communication | undefined) =>
  post?.extension?.find((e) => e.url.endsWith('/moderation-state'))?.valueCode;

describe('community moderation rules (routes in process)', () => {
  before(async () => {
    const store = new CommunityStore();
    const community = store.ensure('diabetes', 'Diabète');
    community.moderators.add('RelatedPerson/moderator');
    for (const patientId of PATIENTS) {
      community.members.set(patientId, {
        patientId,
        pseudonym: `Membre ${patientId}`,
        joinedAt: '2026-01-01T00:00:00Z',
      });
      community.takenPseudonyms.set(`membre ${patientId}`, patientId);
    }
    const thread = store.addThread(community, {
      authorId: 'author',
      pseudonym: 'Membre author',
      title: 'Offre',
      body: 'Achetez mes capteurs',
      at: '2026-01-02T00:00:00Z',
    });
    postId = thread.posts[0]?.id ?? '';
    const routes = createCommunityRoutes({ fhirBaseUrl: FHIR, store, pathologyOf: () => 'diabetes' });
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      routes
        .serve(req, res, url, url.pathname, callerOf(String(req.headers['x-test-caller'])))
        .catch((error: unknown) =>
          sendError(res, error instanceof FhirHttpError ? error : new FhirHttpError(500, 'exception', String(error))),
        );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('one person reporting again, from any device, counts once; the author cannot report their own post', async () => {
    await report('reader-1');
    await report('reader-1');
    const own = await report('author');
    const count = own.body?.extension?.find((e) => e.url.endsWith('/report-count'))?.valueInteger;
    assert.equal(count, 1);
    assert.equal(moderation(own.body), 'visible');
  });

  it(`${AUTO_HIDE_REPORTERS} distinct reporters hide the post pending moderation; the author sees why, never who`, async () => {
    assert.equal(moderation((await report('reader-2')).body), 'visible', 'two reporters are not enough');
    assert.equal(moderation((await report('reader-3')).body), 'hidden');
    const seenByAuthor = await call('author', `/Group/community-diabetes/Communication/${postId}`);
    assert.equal(
      seenByAuthor.body?.extension?.find((e) => e.url.endsWith('/moderation-reason'))?.valueString,
      AUTO_HIDDEN_REASON,
    );
    assert.doesNotMatch(
      seenByAuthor.text,
      /reader-|publicité déguisée|\/report"/,
      'no reporter, comment or report reaches the author',
    );
    const seenByReader = await call('reader-1', `/Group/community-diabetes/Communication/${postId}`);
    assert.equal(seenByReader.body?.payload?.[0]?.contentString, '[…]');
    const log = await call(MODERATOR, '/Group/community-diabetes/AuditEvent');
    assert.match(log.text, /"auto-hide"/, 'the automatic hiding is in the trail');
  });

  it('a moderator whose app was granted only reading can read the queue but not hide, restore or suspend', async () => {
    assert.equal((await call(READ_ONLY_MODERATOR, '/Group/community-diabetes/$reports')).status, 200);
    for (const path of [
      `/Group/community-diabetes/Communication/${postId}/$restore`,
      `/Group/community-diabetes/Communication/${postId}/$hide`,
      '/Group/community-diabetes/$suspend',
    ]) {
      const refused = await call(READ_ONLY_MODERATOR, path, { pseudonym: 'Membre author' });
      assert.equal(refused.status, 403, path);
    }
    const unchanged = await call('author', `/Group/community-diabetes/Communication/${postId}`);
    assert.equal(moderation(unchanged.body), 'hidden', 'the post stays as the reporters left it');
  });

  it('the moderator reads the three reasons without names, and restoring clears the reports', async () => {
    const queue = await call(MODERATOR, '/Group/community-diabetes/$reports');
    assert.doesNotMatch(queue.text, /reader-|"author"/, 'reporters and author stay unnamed to the moderator');
    assert.equal((queue.text.match(/\/report"/g) ?? []).length, 3);
    const restored = await call(MODERATOR, `/Group/community-diabetes/Communication/${postId}/$restore`, {});
    assert.equal(moderation(restored.body), 'visible');
    assert.equal(restored.body?.extension?.find((e) => e.url.endsWith('/report-count'))?.valueInteger, 0);
    assert.equal((await call('reader-1', `/Group/community-diabetes/Communication/${postId}/$hide`, {})).status, 404);
  });
});

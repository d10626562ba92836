// A document hidden from professionals, on the real platform: real sign-ins
// (authorization code + PKCE) of the patient, of a professional of her care team
// and of her caregiver, against the real FHIR server. Hidden, the document is to
// them exactly like a missing one; shown again, it opens as before.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HIDDEN_FROM_PROFESSIONALS_LABEL, caregiverGrantToConsent } from '@carnet/catalog-sdk';
import {
  accessToken,
  bundleResources,
  fhir,
  json,
  startTestPlatform,
  type TestPlatform,
} from '../testing/fhir-client.js';

type Resource = Record<string, unknown> & { id: string; resourceType: string };

let test: TestPlatform;
let patient: string;
let professional: string;
let caregiver: string;
let professionalId: string;
let hidden: Resource;
let binaryPath: string;
let message: string;
let documentCount: number;

const CAREGIVER = 'aidant-kidney';
const PATIENT = 'patient-kidney';
const LABEL = `${HIDDEN_FROM_PROFESSIONALS_LABEL.system}|${HIDDEN_FROM_PROFESSIONALS_LABEL.code}`;
const post = (resource: object): RequestInit => ({ method: 'POST', body: JSON.stringify(resource) });
const put = (resource: object): RequestInit => ({ method: 'PUT', body: JSON.stringify(resource) });

const entries = async (response: Response): Promise<Resource[]> => {
  assert.equal(response.status, 200, await response.clone().text());
  return bundleResources<Resource>(response);
};
const ids = async (response: Response): Promise<string[]> => (await entries(response)).map((r) => r.id);
const total = async (response: Response): Promise<number> => {
  assert.equal(response.status, 200, await response.clone().text());
  return Number((await json(response))['total']);
};

/** The patient sets or removes the label on her document (read-modify-write, as the SDK does). */
async function setHidden(value: boolean): Promise<void> {
  const current = (await json(await fhir(test.platform, `/DocumentReference/${hidden.id}`, patient))) as Resource;
  const meta = (current['meta'] ?? {}) as { security?: { system?: string; code?: string }[] };
  const others = (meta.security ?? []).filter((label) => `${label.system}|${label.code}` !== LABEL);
  const security = value ? [...others, { ...HIDDEN_FROM_PROFESSIONALS_LABEL }] : others;
  const next = { ...current, meta: { ...meta, security } };
  const response = await fhir(test.platform, `/DocumentReference/${hidden.id}`, patient, put(next));
  assert.equal(response.status, 200, await response.clone().text());
}

/** The 404 body of an id that never existed, to compare with a hidden document's. */
async function missingAnswer(token: string): Promise<string> {
  const response = await fhir(test.platform, '/DocumentReference/never-existed', token);
  assert.equal(response.status, 404);
  return response.text();
}

before(async () => {
  test = await startTestPlatform(6);
  professionalId = [...(test.platform.seed.careTeams.get(PATIENT) ?? [])][0] ?? '';
  [patient, professional, caregiver] = await Promise.all([
    accessToken(test.platform, 'kidney'),
    accessToken(test.platform, 'pro-kidney'),
    accessToken(test.platform, CAREGIVER),
  ]);
  const documents = await entries(await fhir(test.platform, '/DocumentReference?_count=100', patient));
  documentCount = documents.length;
  const withContent = documents.find((document) =>
    String((document['content'] as { attachment: { url?: string } }[])[0]?.attachment.url ?? '').includes('Binary/'),
  );
  assert.ok(withContent, 'a seeded document with stored content');
  hidden = withContent;
  const url = String((hidden['content'] as { attachment: { url: string } }[])[0]?.attachment.url);
  binaryPath = url.slice(url.indexOf('Binary/') - 1);
  // Sent to the professional before being hidden.
  const sent = await fhir(
    test.platform,
    '/Communication',
    patient,
    post({
      resourceType: 'Communication',
      status: 'completed',
      subject: { reference: `Patient/${PATIENT}` },
      sender: { reference: `Patient/${PATIENT}` },
      recipient: [{ reference: `Practitioner/${professionalId}` }],
      sent: new Date().toISOString(),
      payload: [{ contentReference: { reference: `DocumentReference/${hidden.id}` } }, { contentString: 'Bonjour' }],
    }),
  );
  assert.equal(sent.status, 201, await sent.clone().text());
  message = String((await json(sent)).id);
  const consent = caregiverGrantToConsent(
    { caregiverId: CAREGIVER, caregiverName: 'Nadia Benali', parts: { documents: 'write', messages: 'read' } },
    { patientId: PATIENT, now: new Date().toISOString() },
  );
  assert.equal((await fhir(test.platform, '/Consent', patient, post(consent))).status, 201);
});
after(async () => {
  await test.platform.close();
});

describe('gateway: a document hidden from professionals', () => {
  it('before it is hidden, the professional and the caregiver open it and its content', async () => {
    assert.equal((await fhir(test.platform, `/DocumentReference/${hidden.id}`, professional)).status, 200);
    assert.equal((await fhir(test.platform, binaryPath, professional)).status, 200);
    assert.equal((await fhir(test.platform, `/DocumentReference/${hidden.id}`, caregiver)).status, 200);
    assert.equal((await fhir(test.platform, binaryPath, caregiver)).status, 200);
    const count = await total(
      await fhir(test.platform, `/DocumentReference?patient=${PATIENT}&_summary=count`, caregiver),
    );
    assert.equal(count, documentCount);
  });

  it('hidden: the patient still reads, finds and counts it, labelled', async () => {
    await setHidden(true);
    const read = await fhir(test.platform, `/DocumentReference/${hidden.id}`, patient);
    assert.equal(read.status, 200);
    const security = ((await json(read))['meta'] as { security?: { code?: string }[] }).security ?? [];
    assert.ok(security.some((label) => label.code === 'R'));
    assert.ok((await ids(await fhir(test.platform, '/DocumentReference?_count=100', patient))).includes(hidden.id));
    assert.equal(await total(await fhir(test.platform, '/DocumentReference?_summary=count', patient)), documentCount);
    assert.equal((await fhir(test.platform, binaryPath, patient)).status, 200);
  });

  it('hidden: the professional gets the answer of a missing id, for the document and its content, even through the message', async () => {
    const answer = await fhir(test.platform, `/DocumentReference/${hidden.id}`, professional);
    assert.equal(answer.status, 404);
    assert.equal(await answer.text(), await missingAnswer(professional));
    assert.equal((await fhir(test.platform, binaryPath, professional)).status, 404);
    // The message stays in their inbox as it was sent; its attachment no longer opens.
    const inbox = await entries(await fhir(test.platform, '/Communication?_count=50', professional));
    const sent = inbox.find((entry) => entry.id === message);
    assert.ok(sent, 'the message already received stays');
    const reference = String(
      (sent['payload'] as { contentReference?: { reference: string } }[])[0]?.contentReference?.reference,
    );
    assert.equal((await fhir(test.platform, `/${reference}`, professional)).status, 404);
    // Marking that message read still works.
    const marked = await fhir(
      test.platform,
      `/Communication/${message}`,
      professional,
      put({ ...sent, received: new Date().toISOString() }),
    );
    assert.equal(marked.status, 200, await marked.clone().text());
    // Documents are never searched by a professional; a chain is refused for everyone.
    assert.equal((await fhir(test.platform, '/DocumentReference?_count=5', professional)).status, 403);
    assert.equal((await fhir(test.platform, '/DocumentReference?subject.name=x', patient)).status, 400);
  });

  it('hidden: the caregiver gets the answer of a missing id, and searches never return nor count it', async () => {
    const answer = await fhir(test.platform, `/DocumentReference/${hidden.id}`, caregiver);
    assert.equal(answer.status, 404);
    assert.equal(await answer.text(), await missingAnswer(caregiver));
    assert.equal((await fhir(test.platform, binaryPath, caregiver)).status, 404);
    const search = `/DocumentReference?patient=${PATIENT}`;
    assert.ok(!(await ids(await fhir(test.platform, `${search}&_count=100`, caregiver))).includes(hidden.id));
    assert.equal(await total(await fhir(test.platform, `${search}&_summary=count`, caregiver)), documentCount - 1);
    assert.equal(
      await total(await fhir(test.platform, `${search}&_total=accurate&_count=1`, caregiver)),
      documentCount - 1,
    );
    const withMessages = await entries(
      await fhir(test.platform, `${search}&_revinclude=Communication:based-on&_count=100`, caregiver),
    );
    assert.ok(!withMessages.some((resource) => resource.id === hidden.id));
    // Paging never reveals it either: every page, all together, is the shown documents.
    const paged: string[] = [];
    for (let offset = 0; offset < documentCount; offset += 2)
      paged.push(...(await ids(await fhir(test.platform, `${search}&_count=2&_offset=${offset}`, caregiver))));
    assert.equal(paged.length, documentCount - 1);
    // The message that attached it is readable (messages granted); the attachment is not.
    assert.equal((await fhir(test.platform, `/Communication/${message}`, caregiver)).status, 200);
    // The caregiver may not change what is hidden: neither show it (they cannot reach it) nor hide another.
    assert.equal(
      (await fhir(test.platform, `/DocumentReference/${hidden.id}`, caregiver, put({ ...hidden, meta: {} }))).status,
      404,
    );
    const [other] = (await entries(await fhir(test.platform, `${search}&_count=1`, caregiver))) as [Resource];
    const hideOther = await fhir(
      test.platform,
      `/DocumentReference/${other.id}`,
      caregiver,
      put({ ...other, meta: { security: [{ ...HIDDEN_FROM_PROFESSIONALS_LABEL }] } }),
    );
    assert.equal(hideOther.status, 403);
  });

  it('hidden: sending it is refused with a clear message', async () => {
    const again = await fhir(
      test.platform,
      '/Communication',
      patient,
      post({
        resourceType: 'Communication',
        status: 'completed',
        subject: { reference: `Patient/${PATIENT}` },
        sender: { reference: `Patient/${PATIENT}` },
        recipient: [{ reference: `Practitioner/${professionalId}` }],
        sent: new Date().toISOString(),
        payload: [{ contentReference: { reference: `DocumentReference/${hidden.id}` } }],
      }),
    );
    assert.equal(again.status, 422);
    assert.match(await again.text(), /hidden from professionals/);
  });

  it("the patient's trail shows the professional's and the caregiver's attempts as refused because hidden", async () => {
    const events = await entries(await fhir(test.platform, '/AuditEvent?_count=1000', patient));
    const refusedHidden = events.filter(
      (event) =>
        event['outcome'] === '4' &&
        (event['entity'] as { what: { reference: string }; securityLabel?: { code?: string }[] }[]).some(
          (entity) =>
            entity.what.reference === `DocumentReference/${hidden.id}` &&
            (entity.securityLabel ?? []).some((label) => label.code === 'R'),
        ),
    );
    const who = refusedHidden.map((event) => (event['agent'] as { who: { reference?: string } }[])[0]?.who.reference);
    assert.ok(who.includes(`Practitioner/${professionalId}`), 'the professional’s attempt');
    assert.ok(who.includes(`RelatedPerson/${CAREGIVER}`), 'the caregiver’s attempt');
  });

  it('shown again: the professional and the caregiver open and count it as before', async () => {
    await setHidden(false);
    assert.equal((await fhir(test.platform, `/DocumentReference/${hidden.id}`, professional)).status, 200);
    assert.equal((await fhir(test.platform, binaryPath, professional)).status, 200);
    assert.equal((await fhir(test.platform, `/DocumentReference/${hidden.id}`, caregiver)).status, 200);
    assert.equal((await fhir(test.platform, binaryPath, caregiver)).status, 200);
    assert.equal(
      await total(await fhir(test.platform, `/DocumentReference?patient=${PATIENT}&_summary=count`, caregiver)),
      documentCount,
    );
  });

  it('a document added already hidden is hidden from the start', async () => {
    const { id: _id, meta: _meta, ...rest } = hidden;
    const created = await fhir(
      test.platform,
      '/DocumentReference',
      patient,
      post({ ...rest, meta: { security: [{ ...HIDDEN_FROM_PROFESSIONALS_LABEL }] } }),
    );
    assert.equal(created.status, 201, await created.clone().text());
    const id = String((await json(created)).id);
    assert.equal((await fhir(test.platform, `/DocumentReference/${id}`, patient)).status, 200);
    assert.equal((await fhir(test.platform, `/DocumentReference/${id}`, caregiver)).status, 404);
  });
});

// Professionals on the real platform: real sign-ins (authorization code + PKCE)
// of a patient and of professionals, against the real FHIR server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accessToken, fhir, json, startTestPlatform, type TestPlatform } from '../testing/fhir-client.js';
import { decodeJwt } from '../testing/oauth-client.js';

let test: TestPlatform;
let kidney: string;
let proKidney: string;
let proDiabetes: string;
let proKidneyId: string;
let proDiabetesId: string;
let sentDocument: string;
let otherDocument: string;
let message: string;

const body = (resource: object): RequestInit => ({ method: 'POST', body: JSON.stringify(resource) });

async function documentIds(token: string): Promise<string[]> {
  const bundle = await json(await fhir(test.platform, '/DocumentReference?_count=5', token));
  return ((bundle['entry'] as { resource: { id: string } }[]) ?? []).map((entry) => entry.resource.id);
}

async function trailAgents(token: string): Promise<{ who: string; what: string[]; outcome: string }[]> {
  const bundle = await json(await fhir(test.platform, '/AuditEvent?_count=1000', token));
  return ((bundle['entry'] as { resource: Record<string, unknown> }[]) ?? []).map(({ resource }) => ({
    who: String((resource['agent'] as { who: { reference?: string } }[])[0]?.who.reference ?? ''),
    what: (resource['entity'] as { what: { reference: string } }[]).map((entity) => entity.what.reference),
    outcome: String(resource['outcome']),
  }));
}

before(async () => {
  test = await startTestPlatform(12);
  const careTeams = test.platform.seed.careTeams;
  proKidneyId = [...(careTeams.get('patient-kidney') ?? [])][0] ?? '';
  proDiabetesId = [...(careTeams.get('patient-diabetes') ?? [])][0] ?? '';
  [kidney, proKidney, proDiabetes] = await Promise.all([
    accessToken(test.platform, 'kidney'),
    accessToken(test.platform, 'pro-kidney'),
    accessToken(test.platform, 'pro-diabetes'),
  ]);
  [sentDocument = '', otherDocument = ''] = await documentIds(kidney);
  const created = await fhir(
    test.platform,
    '/Communication',
    kidney,
    body({
      resourceType: 'Communication',
      status: 'completed',
      subject: { reference: 'Patient/patient-kidney' },
      sender: { reference: 'Patient/patient-kidney' },
      recipient: [{ reference: `Practitioner/${proKidneyId}` }],
      sent: new Date().toISOString(),
      payload: [{ contentReference: { reference: `DocumentReference/${sentDocument}` } }, { contentString: 'Bonjour' }],
    }),
  );
  assert.equal(created.status, 201);
  message = String((await json(created)).id);
});
after(async () => {
  await test.platform.close();
});

describe('gateway: professionals', () => {
  it("a professional's token names the Practitioner and no patient", () => {
    const { payload } = decodeJwt(proKidney);
    assert.match(String(payload['fhirUser']), new RegExp(`/Practitioner/${proKidneyId}$`));
    assert.equal(payload['patient'], undefined);
  });

  it('the professional reads the inbox, the attached document and its content; each document read is in the patient trail', async () => {
    const inbox = await json(await fhir(test.platform, '/Communication?_count=50', proKidney));
    const ids = ((inbox['entry'] as { resource: { id: string } }[]) ?? []).map((entry) => entry.resource.id);
    assert.deepEqual(ids, [message]);
    const patient = await fhir(test.platform, '/Patient/patient-kidney', proKidney);
    assert.equal(patient.status, 200);
    const document = await fhir(test.platform, `/DocumentReference/${sentDocument}`, proKidney);
    assert.equal(document.status, 200);
    const url = String(
      ((await json(document))['content'] as { attachment: { url: string } }[])[0]?.attachment.url ?? '',
    );
    const binaryPath = url.slice(url.indexOf('Binary/') - 1);
    assert.equal((await fhir(test.platform, binaryPath, proKidney)).status, 200);
    const trail = await trailAgents(kidney);
    const byProfessional = trail.filter(
      (event) => event.who === `Practitioner/${proKidneyId}` && event.outcome === '0',
    );
    assert.ok(byProfessional.some((event) => event.what.includes(`DocumentReference/${sentDocument}`)));
    assert.ok(byProfessional.some((event) => event.what.some((what) => what.startsWith('Binary/'))));
  });

  it('a document the patient did not attach stays invisible to the professional (404), and the attempt is in the trail', async () => {
    const response = await fhir(test.platform, `/DocumentReference/${otherDocument}`, proKidney);
    assert.equal(response.status, 404);
    const searched = await fhir(test.platform, '/DocumentReference?_count=5', proKidney);
    assert.equal(searched.status, 403);
    const trail = await trailAgents(kidney);
    assert.ok(
      trail.some(
        (event) =>
          event.who === `Practitioner/${proKidneyId}` &&
          event.outcome === '4' &&
          event.what.includes(`DocumentReference/${otherDocument}`),
      ),
    );
  });

  it('the professional replies in the thread; the patient reads the reply', async () => {
    const reply = await fhir(
      test.platform,
      '/Communication',
      proKidney,
      body({
        resourceType: 'Communication',
        status: 'completed',
        subject: { reference: 'Patient/patient-kidney' },
        sender: { reference: `Practitioner/${proKidneyId}` },
        recipient: [{ reference: 'Patient/patient-kidney' }],
        inResponseTo: [{ reference: `Communication/${message}` }],
        partOf: [{ reference: `Communication/${message}` }],
        sent: new Date().toISOString(),
        payload: [{ contentString: 'Bien reçu' }],
      }),
    );
    assert.equal(reply.status, 201);
    const replyId = String((await json(reply)).id);
    assert.equal((await fhir(test.platform, `/Communication/${replyId}`, kidney)).status, 200);
  });

  it("the professional marks the patient's message read, and may change nothing else in it", async () => {
    const stored = await json(await fhir(test.platform, `/Communication/${message}`, proKidney));
    const put = (resource: object): Promise<Response> =>
      fhir(test.platform, `/Communication/${message}`, proKidney, { method: 'PUT', body: JSON.stringify(resource) });
    const tampered = await put({
      ...stored,
      payload: [{ contentString: 'changed' }],
      received: new Date().toISOString(),
    });
    assert.equal(tampered.status, 403);
    const read = await put({ ...stored, received: new Date().toISOString() });
    assert.equal(read.status, 200);
    const seen = await json(await fhir(test.platform, `/Communication/${message}`, kidney));
    assert.equal(typeof seen['received'], 'string');
  });

  it('a professional cannot write in another name, nor point at a document they were not sent', async () => {
    const base = {
      resourceType: 'Communication',
      status: 'completed',
      subject: { reference: 'Patient/patient-kidney' },
      recipient: [{ reference: 'Patient/patient-kidney' }],
      sent: new Date().toISOString(),
    };
    const forged = await fhir(
      test.platform,
      '/Communication',
      proKidney,
      body({ ...base, sender: { reference: `Practitioner/${proDiabetesId}` }, payload: [{ contentString: 'x' }] }),
    );
    assert.equal(forged.status, 403);
    const pointing = await fhir(
      test.platform,
      '/Communication',
      proKidney,
      body({
        ...base,
        sender: { reference: `Practitioner/${proKidneyId}` },
        payload: [{ contentReference: { reference: `DocumentReference/${otherDocument}` } }],
      }),
    );
    assert.equal(pointing.status, 422);
    // Nor write a message in the patient's name.
    const asPatient = await fhir(
      test.platform,
      '/Communication',
      proKidney,
      body({
        ...base,
        sender: { reference: 'Patient/patient-kidney' },
        recipient: [{ reference: `Practitioner/${proKidneyId}` }],
        payload: [{ contentString: 'x' }],
      }),
    );
    assert.equal(asPatient.status, 403);
    assert.equal((await fhir(test.platform, '/AuditEvent', proKidney)).status, 403);
  });

  it('a professional outside the care team gets 404 for the patient, the message and the document, and cannot write about them', async () => {
    for (const path of ['/Patient/patient-kidney', `/Communication/${message}`, `/DocumentReference/${sentDocument}`]) {
      assert.equal((await fhir(test.platform, path, proDiabetes)).status, 404, path);
    }
    const inbox = await json(await fhir(test.platform, '/Communication?_count=50', proDiabetes));
    assert.deepEqual(inbox['entry'] ?? [], []);
    const patients = await json(await fhir(test.platform, '/Patient?_id=patient-kidney', proDiabetes));
    assert.deepEqual(patients['entry'] ?? [], []);
    const written = await fhir(
      test.platform,
      '/Communication',
      proDiabetes,
      body({
        resourceType: 'Communication',
        status: 'completed',
        subject: { reference: 'Patient/patient-kidney' },
        sender: { reference: `Practitioner/${proDiabetesId}` },
        recipient: [{ reference: 'Patient/patient-kidney' }],
        payload: [{ contentString: 'x' }],
      }),
    );
    assert.equal(written.status, 403);
  });

  it('the patient removes the professional from her care team: refused at once; adding them back restores access', async () => {
    const path = '/CareTeam/careteam-patient-kidney';
    const team = await json(await fhir(test.platform, path, kidney));
    const participants = team['participant'] as { member: { reference: string } }[];
    const put = (members: object[], version: string): Promise<Response> =>
      fhir(test.platform, path, kidney, {
        method: 'PUT',
        headers: { 'If-Match': `W/"${version}"` },
        body: JSON.stringify({ ...team, participant: members }),
      });
    const without = participants.filter((p) => p.member.reference !== `Practitioner/${proKidneyId}`);
    const removed = await put(without, String((team['meta'] as { versionId: string }).versionId));
    assert.equal(removed.status, 200);
    for (const target of ['/Patient/patient-kidney', `/Communication/${message}`, `/DocumentReference/${sentDocument}`])
      assert.equal((await fhir(test.platform, target, proKidney)).status, 404, target);
    const inbox = await json(await fhir(test.platform, '/Communication?_count=50', proKidney));
    assert.deepEqual(inbox['entry'] ?? [], []);
    // They leave her care team list (they stay in the public directory, from which she may add them again).
    const careTeam = await json(await fhir(test.platform, '/Practitioner?_count=50', kidney));
    const inTeam = ((careTeam['entry'] as { resource: { id: string } }[]) ?? []).map((entry) => entry.resource.id);
    assert.ok(!inTeam.includes(proKidneyId));
    const version = String(((await json(removed))['meta'] as { versionId: string }).versionId);
    const restored = await put(participants, version);
    assert.equal(restored.status, 200);
    assert.equal((await fhir(test.platform, '/Patient/patient-kidney', proKidney)).status, 200);
  });

  it('the patient adds a professional of the public directory; they see her record at once, and no longer once removed', async () => {
    const directory = await json(await fhir(test.platform, '/Practitioner?_list=directory', kidney));
    const listed = ((directory['entry'] as { resource: { id: string } }[]) ?? []).map((entry) => entry.resource.id);
    assert.ok(listed.includes(proDiabetesId) && listed.includes(proKidneyId), listed.join(','));
    assert.equal((await fhir(test.platform, '/Practitioner?_list=everyone', kidney)).status, 400);
    assert.equal((await fhir(test.platform, '/Patient/patient-kidney', proDiabetes)).status, 404);
    const path = '/CareTeam/careteam-patient-kidney';
    const team = await json(await fhir(test.platform, path, kidney));
    const participants = team['participant'] as { member: { reference: string } }[];
    const added = await fhir(test.platform, path, kidney, {
      method: 'PUT',
      body: JSON.stringify({
        ...team,
        participant: [...participants, { member: { reference: `Practitioner/${proDiabetesId}` } }],
      }),
    });
    assert.equal(added.status, 200);
    assert.equal((await fhir(test.platform, '/Patient/patient-kidney', proDiabetes)).status, 200);
    const removed = await fhir(test.platform, path, kidney, {
      method: 'PUT',
      body: JSON.stringify({ ...(await json(added)), participant: participants }),
    });
    assert.equal(removed.status, 200);
    assert.equal((await fhir(test.platform, '/Patient/patient-kidney', proDiabetes)).status, 404);
  });

  it("a patient cannot put another patient's professional list, nor a made-up professional, in her care team", async () => {
    const path = '/CareTeam/careteam-patient-kidney';
    const team = await json(await fhir(test.platform, path, kidney));
    const made = await fhir(test.platform, path, kidney, {
      method: 'PUT',
      body: JSON.stringify({ ...team, participant: [{ member: { reference: 'Practitioner/does-not-exist' } }] }),
    });
    assert.equal(made.status, 422);
    const diabetes = await accessToken(test.platform, 'diabetes');
    assert.equal((await fhir(test.platform, path, diabetes)).status, 404);
    const other = await fhir(test.platform, path, diabetes, { method: 'PUT', body: JSON.stringify(team) });
    assert.equal(other.status, 404);
  });
});

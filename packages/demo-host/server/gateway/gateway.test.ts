// Issue 10, points 1, 2, 4, 5 and 8 (FHIR side): what the gateway in front of
// Medplum's engine refuses and records, tried against the real platform
// processes (provider + FHIR server, started in-process on free ports) with
// real access tokens obtained through the authorization-code flow.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditEvent } from '@medplum/fhirtypes';
import { accessToken, fhir, json, mintToken, startTestPlatform, type TestPlatform } from '../testing/fhir-client.js';

let test: TestPlatform;
let diabetes: string;
let parkinson: string;

before(async () => {
  test = await startTestPlatform();
  diabetes = await accessToken(test.platform, 'diabetes');
  parkinson = await accessToken(test.platform, 'parkinson');
});
after(async () => {
  await test.platform.close();
});

async function post(token: string, type: string, resource: Record<string, unknown>): Promise<Response> {
  return fhir(test.platform, `/${type}`, token, {
    method: 'POST',
    body: JSON.stringify({ resourceType: type, ...resource }),
  });
}

/** AuditEvents of the patient's own trail, newest first, read with a minted AuditEvent scope. */
async function trailOf(patient: string): Promise<AuditEvent[]> {
  const token = await mintToken({
    key: test.signingKey,
    issuer: test.platform.issuer,
    audience: test.platform.fhirBaseUrl,
    patient,
    scope: 'patient/AuditEvent.rs',
  });
  const response = await fhir(test.platform, '/AuditEvent?_count=1000&_sort=-date', token);
  assert.equal(response.status, 200);
  const bundle = await json(response);
  return ((bundle['entry'] as { resource: AuditEvent }[] | undefined) ?? []).map((e) => e.resource);
}

/** A practitioner of parkinson's care team (not diabetes's), outside the public directory. */
async function parkinsonPractitioner(): Promise<string> {
  const ids = async (path: string): Promise<string[]> =>
    ((await json(await fhir(test.platform, path, parkinson)))['entry'] as { resource: { id: string } }[]).map(
      (entry) => entry.resource.id,
    );
  const listed = new Set(await ids('/Practitioner?_list=directory'));
  return (await ids('/Practitioner?_count=100')).find((id) => !listed.has(id)) ?? '';
}

const names = (event: AuditEvent): string[] => (event.entity ?? []).map((e) => e.what?.reference ?? '');

describe('gateway: search allow-list (issue 10.1)', () => {
  it('refuses chains in any position, _has, _filter, unknown parameters and modifiers with 400', async () => {
    for (const query of [
      'Communication?recipient:Patient.family=Durand',
      'Communication?recipient:Patient.family=Durand&_summary=count',
      'Communication?based-on:DocumentReference.description=x',
      'DocumentReference?subject:Patient.birthdate=1960',
      'DocumentReference?subject.name=Durand',
      'DocumentReference?_has:Communication:based-on:status=completed',
      'Appointment?_has:Communication:based-on:status=x',
      'DocumentReference?_filter=subject%20eq%20Patient/patient-parkinson',
      'DocumentReference?description=x',
      'DocumentReference?unknown=1',
      'DocumentReference?type:text=x',
      'DocumentReference?status:not=current',
      'DocumentReference?_include=*',
      'Communication?_include:iterate=Communication:based-on',
      'Communication?_revinclude=*',
      'AuditEvent?agent.name=x',
      'DocumentReference?_summary=data',
      'DocumentReference?_elements=id',
    ]) {
      const response = await fhir(test.platform, `/${query}`, diabetes);
      assert.equal(response.status, 400, query);
      assert.equal((await json(response)).resourceType, 'OperationOutcome', query);
    }
  });

  it('keeps every search the SDK makes working', async () => {
    const own = 'Patient/patient-diabetes';
    for (const query of [
      'DocumentReference?patient=patient-diabetes&_sort=-date&_count=5&_total=accurate',
      'DocumentReference?patient=patient-diabetes&_sort=-date&_count=5&_offset=5',
      'Appointment?patient=patient-diabetes&_count=200',
      'Practitioner?_count=200',
      'MedicationRequest?patient=patient-diabetes&_count=200',
      'MedicationAdministration?patient=patient-diabetes&_count=500&request=MedicationRequest/x',
      'MedicationAdministration?patient=patient-diabetes&identifier=urn:x|y',
      'Communication?patient=patient-diabetes&category=http://x|y&_sort=-sent&_count=100',
      'Communication?category=http://x|y&category=http://z|w&part-of:missing=true&_sort=-_lastUpdated&_count=20&_total=accurate',
      'Communication?part-of=Communication/x&_sort=sent&_count=1',
      `Communication?sender=${own}&category=http://x|y&_count=1`,
      'DocumentReference?_summary=count',
    ]) {
      const response = await fhir(test.platform, `/${query}`, diabetes);
      assert.equal(response.status, 200, `${query}: ${JSON.stringify(await response.clone().json())}`);
    }
  });

  it('answers _summary=count with a total and no entries', async () => {
    const bundle = await json(await fhir(test.platform, '/DocumentReference?_summary=count', diabetes));
    assert.equal(bundle['total'], 60);
    assert.equal(bundle['entry'], undefined);
  });
});

describe("gateway: references written into another patient's compartment (issue 10.1)", () => {
  it('refuses references to other patients, their resources and unknown ids alike', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['Communication', { status: 'completed', recipient: [{ reference: 'Patient/patient-parkinson' }] }],
      ['Communication', { status: 'completed', basedOn: [{ reference: 'DocumentReference/doc-parkinson-0001' }] }],
      ['Communication', { status: 'completed', partOf: [{ reference: 'Communication/does-not-exist' }] }],
      [
        'Communication',
        { status: 'completed', payload: [{ contentReference: { reference: 'DocumentReference/doc-kidney-0002' } }] },
      ],
      ['Communication', { status: 'completed', inResponseTo: [{ reference: 'Communication/nobody-knows' }] }],
      [
        'Communication',
        { status: 'completed', recipient: [{ reference: `${test.platform.fhirBaseUrl}/Patient/patient-kidney` }] },
      ],
      ['Communication', { status: 'completed', recipient: [{ reference: 'http://elsewhere.example/Patient/1' }] }],
      [
        'Communication',
        { status: 'completed', recipient: [{ reference: `Practitioner/${await parkinsonPractitioner()}` }] },
      ],
      [
        'DocumentReference',
        {
          status: 'current',
          content: [{ attachment: { contentType: 'text/plain' } }],
          relatesTo: [{ code: 'appends', target: { reference: 'DocumentReference/doc-parkinson-0003' } }],
        },
      ],
      [
        'DocumentReference',
        {
          status: 'current',
          content: [{ attachment: { contentType: 'text/plain' } }],
          context: { related: [{ reference: 'Patient/patient-parkinson' }] },
        },
      ],
      [
        'MedicationAdministration',
        {
          status: 'completed',
          medicationCodeableConcept: { text: 'x' },
          effectiveDateTime: '2026-01-01T08:00:00Z',
          request: { reference: 'MedicationRequest/nothing-here' },
        },
      ],
    ];
    for (const [type, resource] of cases) {
      const response = await post(diabetes, type, resource);
      assert.ok([403, 422].includes(response.status), `${type} ${JSON.stringify(resource)}: ${response.status}`);
      assert.equal((await json(response)).resourceType, 'OperationOutcome');
    }
  });

  it("accepts references to the patient's own resources and care team", async () => {
    const team = await json(await fhir(test.platform, '/Practitioner?_count=1', diabetes));
    const practitioner = (team['entry'] as { resource: { id: string } }[])[0]?.resource.id ?? '';
    const response = await post(diabetes, 'Communication', {
      status: 'completed',
      recipient: [{ reference: `Practitioner/${practitioner}` }],
      basedOn: [{ reference: 'DocumentReference/doc-diabetes-0001' }],
      payload: [{ contentReference: { reference: 'DocumentReference/doc-diabetes-0001' } }],
      sender: { reference: 'Patient/patient-diabetes' },
    });
    assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
  });

  it("the issue's probe: no stored pointer and no chained count about another patient", async () => {
    const stored = await post(parkinson, 'Communication', {
      status: 'completed',
      recipient: [{ reference: 'Patient/patient-diabetes' }],
      basedOn: [{ reference: 'DocumentReference/doc-diabetes-0001' }],
    });
    assert.notEqual(stored.status, 201);
    const probe = await fhir(test.platform, '/Communication?recipient:Patient.family=Durand&_summary=count', parkinson);
    assert.equal(probe.status, 400);
  });
});

describe("gateway: another patient's resources look missing (issue 10.2)", () => {
  it('answers exactly as for a missing id, on every type', async () => {
    const own = await trailOf('patient-parkinson');
    await fhir(test.platform, '/DocumentReference/doc-parkinson-0001', parkinson);
    const parkinsonEvent = (await trailOf('patient-parkinson')).find((e) => !own.some((o) => o.id === e.id));
    assert.ok(parkinsonEvent?.id, 'parkinson has an AuditEvent of their own');
    const missing = await fhir(test.platform, '/DocumentReference/no-such-id', diabetes);
    const missingBody = await json(missing);
    assert.equal(missing.status, 404);
    for (const path of [
      '/DocumentReference/doc-parkinson-0001',
      '/Binary/doc-parkinson-0001',
      `/AuditEvent/${parkinsonEvent.id}`,
      '/Patient/patient-parkinson',
      '/Appointment/no-such-id',
      `/Practitioner/${await parkinsonPractitioner()}`,
    ]) {
      const response = await fhir(test.platform, path, diabetes, {
        headers: path.startsWith('/Binary') ? { Accept: 'application/fhir+json' } : {},
      });
      assert.equal(response.status, 404, path);
      assert.deepEqual(await json(response), missingBody, path);
    }
    const version = await fhir(test.platform, '/DocumentReference/doc-parkinson-0001/_history/1', diabetes);
    assert.equal(version.status, 404);
    const appointments = await json(await fhir(test.platform, '/Appointment?_count=1', parkinson));
    const appointment = (appointments['entry'] as { resource: Record<string, unknown> }[])[0]?.resource ?? {};
    for (const method of ['PUT', 'DELETE']) {
      const response = await fhir(test.platform, `/Appointment/${String(appointment['id'])}`, diabetes, {
        method,
        ...(method === 'PUT' ? { body: JSON.stringify(appointment) } : {}),
      });
      assert.equal(response.status, 404, method);
      assert.deepEqual(await json(response), missingBody, method);
    }
  });
});

describe('gateway: access trail (issue 10.4)', () => {
  it("records a Binary read (the document's content) in the owner's trail", async () => {
    const before = new Set((await trailOf('patient-diabetes')).map((e) => e.id));
    const response = await fhir(test.platform, '/Binary/doc-diabetes-0007', diabetes);
    assert.equal(response.status, 200);
    const event = (await trailOf('patient-diabetes')).find(
      (e) => !before.has(e.id) && names(e).includes('Binary/doc-diabetes-0007'),
    );
    assert.ok(event, 'an AuditEvent for the Binary read');
    assert.equal(event.outcome, '0');
    assert.ok(names(event).includes('Patient/patient-diabetes'));
  });

  it('records DocumentReferences returned through _include on another type', async () => {
    const created = await post(diabetes, 'Communication', {
      status: 'completed',
      basedOn: [{ reference: 'DocumentReference/doc-diabetes-0011' }],
    });
    assert.equal(created.status, 201);
    const id = String((await json(created))['id']);
    const before = new Set((await trailOf('patient-diabetes')).map((e) => e.id));
    const bundle = await json(
      await fhir(test.platform, `/Communication?_id=${id}&_include=Communication:based-on`, diabetes),
    );
    const types = (bundle['entry'] as { resource: { resourceType: string } }[]).map((e) => e.resource.resourceType);
    assert.ok(types.includes('DocumentReference'));
    const event = (await trailOf('patient-diabetes')).find(
      (e) => !before.has(e.id) && names(e).includes('DocumentReference/doc-diabetes-0011'),
    );
    assert.ok(event, 'an AuditEvent for the included document');
  });

  it("records a refused attempt in the targeted patient's trail with a failure outcome", async () => {
    for (const path of ['/DocumentReference/doc-diabetes-0013', '/Binary/doc-diabetes-0013']) {
      assert.equal((await fhir(test.platform, path, parkinson)).status, 404);
    }
    const events = (await trailOf('patient-diabetes')).filter((e) =>
      names(e).some((n) => n.endsWith('/doc-diabetes-0013')),
    );
    assert.equal(events.length, 2);
    for (const event of events) {
      assert.notEqual(event.outcome, '0');
      assert.equal(event.agent[0]?.who?.identifier?.value, 'patient-parkinson');
    }
    // Nothing about it in the caller's own trail.
    const callers = await trailOf('patient-parkinson');
    assert.ok(!callers.some((e) => names(e).some((n) => n.endsWith('/doc-diabetes-0013'))));
  });

  it("records a search naming another patient in that patient's trail, never made-up ones", async () => {
    const before = new Set((await trailOf('patient-parkinson')).map((e) => e.id));
    const response = await fhir(test.platform, '/DocumentReference?patient=patient-parkinson', diabetes);
    assert.equal(response.status, 403);
    const events = (await trailOf('patient-parkinson')).filter((e) => !before.has(e.id));
    assert.equal(events.length, 1);
    assert.equal(events[0]?.outcome, '4');
    assert.equal(events[0]?.agent[0]?.who?.identifier?.value, 'patient-diabetes');
    const trails = test.platform.gateway.audit;
    assert.equal((await fhir(test.platform, '/DocumentReference?patient=made-up-patient', diabetes)).status, 403);
    assert.equal(trails.size('made-up-patient'), 0);
  });

  it('leaves one event per request with a bounded entity list', async () => {
    const before = (await trailOf('patient-kidney')).length;
    const kidney = await accessToken(test.platform, 'kidney');
    const response = await fhir(test.platform, '/DocumentReference?_count=60', kidney);
    assert.equal(((await json(response))['entry'] as unknown[]).length, 60);
    const trail = await trailOf('patient-kidney');
    assert.equal(trail.length, before + 1);
    const event = trail.find((e) => e.action === 'E');
    assert.ok(event);
    assert.ok((event.entity ?? []).length <= 51, `${(event.entity ?? []).length} entities`);
  });

  it("keeps each patient's trail apart, so one's search never scans another's", async () => {
    const trails = test.platform.gateway.audit;
    const diabetesSize = trails.size('patient-diabetes');
    for (let i = 0; i < 30; i += 1)
      await fhir(test.platform, '/DocumentReference/doc-kidney-0001', await kidneyToken());
    assert.equal(trails.size('patient-diabetes'), diabetesSize);
    assert.ok(trails.size('patient-kidney') >= 30);
  });
});

let kidneyCached: string | undefined;
async function kidneyToken(): Promise<string> {
  kidneyCached ??= await accessToken(test.platform, 'kidney');
  return kidneyCached;
}

describe('gateway: request bodies (issue 10.5 and 10.8)', () => {
  it('refuses deeply nested JSON with 400 before parsing it, and stays responsive', async () => {
    const depth = 500_000;
    for (const body of [
      `{"resourceType":"Communication","status":"completed","x":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      `{"resourceType":"Communication","status":"completed","x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
      `{"resourceType":"Communication","status":"completed","x":${'['.repeat(200)}${']'.repeat(200)}}`,
    ]) {
      const response = await fhir(test.platform, '/Communication', diabetes, { method: 'POST', body });
      assert.equal(response.status, 400);
      assert.equal((await json(response)).resourceType, 'OperationOutcome');
    }
    assert.equal((await fetch(`${test.platform.fhirBaseUrl}/metadata`)).status, 200);
  });

  it('refuses invalid codes of required bindings', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['Communication', { status: 'bogus' }],
      [
        'Appointment',
        {
          status: 'bogus',
          start: '2026-12-01T09:00:00Z',
          end: '2026-12-01T09:30:00Z',
          participant: [{ status: 'accepted' }],
        },
      ],
      [
        'Appointment',
        {
          status: 'booked',
          start: '2026-12-01T09:00:00Z',
          end: '2026-12-01T09:30:00Z',
          participant: [{ status: 'maybe' }],
        },
      ],
      [
        'MedicationAdministration',
        { status: 'done', medicationCodeableConcept: { text: 'x' }, effectiveDateTime: '2026-01-01' },
      ],
    ];
    for (const [type, resource] of cases) {
      const response = await post(diabetes, type, resource);
      assert.equal(response.status, 400, `${type} ${JSON.stringify(resource)}`);
    }
    const document = await json(await fhir(test.platform, '/DocumentReference/doc-diabetes-0020', diabetes));
    const update = await fhir(test.platform, '/DocumentReference/doc-diabetes-0020', diabetes, {
      method: 'PUT',
      body: JSON.stringify({ ...document, status: 'bogus' }),
    });
    assert.equal(update.status, 400);
  });

  it('refuses properties named __proto__, constructor or prototype', async () => {
    for (const body of [
      '{"resourceType":"Communication","status":"completed","__proto__":{"polluted":true}}',
      '{"resourceType":"Communication","status":"completed","payload":[{"contentString":"x","constructor":{"prototype":1}}]}',
      '{"resourceType":"Communication","status":"completed","note":[{"text":"x","prototype":"y"}]}',
    ]) {
      const response = await fhir(test.platform, '/Communication', diabetes, { method: 'POST', body });
      assert.equal(response.status, 400, body);
    }
  });

  it('accepts a valid body after all', async () => {
    const response = await post(diabetes, 'Communication', { status: 'completed', payload: [{ contentString: 'ok' }] });
    assert.equal(response.status, 201);
  });
});

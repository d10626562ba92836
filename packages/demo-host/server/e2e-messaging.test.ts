// Two people, two real sign-ins, end to end through the REAL demo site (Vite),
// the real OpenID provider and FHIR server, in a real Chromium: the kidney
// patient sends a document to her professional from <carnet-messages>; the
// professional signs in on professional.html, reads it and replies; the patient
// sees the reply. A professional outside her care team sees nothing and gets 404s.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PatientRecord } from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { professionalsOf } from './main.js';
import { endToEnd, signedIn as signedInAs, type TestPage } from './testing/e2e.js';

const records = (['parkinson', 'diabetes', 'kidney'] as const).map((persona) =>
  generatePersona(persona, { documentCount: 8 }),
);
const kidney = records[2] as PatientRecord;
const pageErrors: string[] = [];

describe('messages between a patient and her professional (two real sign-ins)', { timeout: 240_000 }, () => {
  const e2e = endToEnd({
    platform: () => ({ records }),
  });

  /** Opens `path` in a fresh browser context and signs in as `login`; the page and its last FHIR token. */
  const signedIn = (path: string, login: string): Promise<TestPage> =>
    signedInAs(e2e, path, login, { label: login, errors: pageErrors });

  it('the patient sends a document, the professional reads it and replies, the patient sees the reply; an outsider gets 404s', async () => {
    const professional = professionalsOf([kidney])[0];
    assert.ok(professional);
    const patient = await signedIn('/connected.html', 'kidney');
    const patientMessages = patient.page.locator('carnet-messages');
    // No thread yet: she starts one with her professional and attaches a document of her record.
    await patientMessages.locator('.start select').selectOption(professional.id);
    const attach = patientMessages.locator('#message-attach');
    await attach.locator('option').nth(1).waitFor({ state: 'attached' });
    const documentTitle = ((await attach.locator('option').nth(1).textContent()) ?? '').trim();
    await attach.selectOption({ index: 1 });
    await patientMessages.locator('textarea').fill('Bonjour docteur, voici mes derniers résultats.');
    await patientMessages.locator('[part="send"]').click();
    await patientMessages.locator('[part="message"]', { hasText: 'voici mes derniers résultats' }).waitFor();
    await patientMessages.getByText('Pas encore lu').waitFor();

    // The professional signs in on the professional page: one unread message, with the document.
    const doctor = await signedIn('/professional.html', 'pro-kidney');
    const inbox = doctor.page.locator('carnet-messages');
    await inbox.locator('[part="unread"]', { hasText: '1 non lu' }).waitFor();
    // The professional sees whom the thread is with by name, not by record id.
    await inbox.locator('[part="thread"]', { hasText: 'Fatima Benali' }).waitFor();
    await inbox.locator('[part="thread"]').click();
    await inbox.locator('[part="message"]', { hasText: 'voici mes derniers résultats' }).waitFor();
    await inbox.locator('[part="attachment"]', { hasText: documentTitle }).waitFor();
    await inbox.locator('textarea').fill('Bien reçu, les résultats sont bons.');
    await inbox.locator('[part="send"]').click();
    await inbox.locator('[part="message"]', { hasText: 'Bien reçu' }).waitFor();

    // The patient sees the reply, unread, then read once opened; her message shows as read.
    await patient.page.evaluate(() => document.querySelector('carnet-messages')?.refresh());
    await patientMessages.locator('[part="unread"]', { hasText: '1 non lu' }).waitFor();
    await patientMessages.locator('[part="thread"]').click();
    await patientMessages.locator('[part="message"]', { hasText: 'Bien reçu, les résultats sont bons.' }).waitFor();
    await patientMessages.getByText(/^Lu le/).waitFor();

    // The professional's reading of the document is in the patient's trail, under the professional.
    const trail = (await (
      await fetch(`${e2e.platform.fhirBaseUrl}/AuditEvent?_count=1000`, {
        headers: { Authorization: `Bearer ${patient.token()}` },
      })
    ).json()) as {
      entry?: { resource: { agent: { who: { reference?: string } }[]; entity: { what: { reference: string } }[] } }[];
    };
    const byProfessional = (trail.entry ?? []).filter(
      (entry) => entry.resource.agent[0]?.who.reference === `Practitioner/${professional.id}`,
    );
    assert.ok(
      byProfessional.some((entry) =>
        entry.resource.entity.some((entity) => entity.what.reference.startsWith('DocumentReference/')),
      ),
      'the document read is attributed to the professional',
    );

    // …and she reads it in her access history, under the professional's name.
    await patient.page.evaluate(() => document.querySelector('carnet-access-history')?.refresh());
    const history = patient.page.locator('carnet-access-history');
    await history
      .locator('tbody tr', { hasText: professional.name })
      .filter({ hasText: /a ouvert (1 document|le contenu d’un document)/ })
      .first()
      .waitFor();

    // A professional outside her care team: an empty inbox, and 404 for her record.
    const outsider = await signedIn('/professional.html', 'pro-diabetes');
    await outsider.page.locator('carnet-messages').getByText('Aucun message').waitFor();
    const documentId = kidney.documents.find((document) => document.title === documentTitle)?.id ?? '';
    for (const path of ['/Patient/patient-kidney', `/DocumentReference/${documentId}`]) {
      const response = await fetch(`${e2e.platform.fhirBaseUrl}${path}`, {
        headers: { Authorization: `Bearer ${outsider.token()}` },
      });
      assert.equal(response.status, 404, path);
    }
    assert.deepEqual(pageErrors, []);
  });
});

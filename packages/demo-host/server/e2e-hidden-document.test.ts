// Two people, two real sign-ins, end to end through the REAL demo site (Vite),
// the real OpenID provider and FHIR server, in a real Chromium: the kidney
// patient sends a document to her professional, then hides it from professionals
// in <carnet-document-browser>; she is told he already received it. Signing in
// again, the professional's page no longer shows it (« Document indisponible »),
// the server answers 404, and her access history says he could not open it.
// Shown again, it opens again.
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

describe('a document hidden from professionals (two real sign-ins)', { timeout: 240_000 }, () => {
  const e2e = endToEnd({
    platform: () => ({ records }),
    // Vite compiles the site on its first visit: done before, so the tests measure the people, not the build.
    warm: ['/connected.html', '/professional.html'],
  });

  /** Opens `path` in a fresh browser context and signs in as `login`; the page and its last FHIR token. */
  const signedIn = (path: string, login: string): Promise<TestPage> =>
    signedInAs(e2e, path, login, { label: login, errors: pageErrors });

  let patient: TestPage;
  let professional: { id: string; name: string };
  let documentTitle = '';
  let documentId = '';
  let read: () => Promise<Response>;

  it('the patient sends a document; her professional sees it attached', async () => {
    const [first] = professionalsOf([kidney]);
    assert.ok(first);
    professional = first;
    patient = await signedIn('/connected.html', 'kidney');
    // She sends a document of her record to her professional.
    const patientMessages = patient.page.locator('carnet-messages');
    await patientMessages.locator('.start select').selectOption(professional.id);
    const attach = patientMessages.locator('#message-attach');
    await attach.locator('option').nth(1).waitFor({ state: 'attached' });
    documentTitle = ((await attach.locator('option').nth(1).textContent()) ?? '').trim();
    documentId = kidney.documents.find((document) => document.title === documentTitle)?.id ?? '';
    assert.ok(documentId, 'the attached document is one of her record');
    await attach.selectOption({ index: 1 });
    await patientMessages.locator('textarea').fill('Voici le document.');
    await patientMessages.locator('[part="send"]').click();
    await patientMessages.locator('[part="message"]', { hasText: 'Voici le document.' }).waitFor();

    // The professional sees it attached.
    const before = await signedIn('/professional.html', 'pro-kidney');
    await before.page.locator('carnet-messages [part="thread"]').click();
    await before.page.locator('carnet-messages [part="attachment"]', { hasText: documentTitle }).waitFor();
    await before.page.close();
  });

  it('she hides it in her document browser, told he already received it; he no longer finds it, and her history says so', async () => {
    // She hides it from professionals in her document browser, and learns he already received it.
    const documents = patient.page.locator('carnet-document-browser');
    await documents.locator('#search').fill(documentTitle);
    await documents.locator('li.row .row-open', { hasText: documentTitle }).first().click();
    const preview = documents.locator('dialog[part="preview"]');
    await preview.locator('[part="hide-toggle"]', { hasText: 'Masquer aux professionnels' }).click();
    await preview.locator('[part="hidden-already-sent"]', { hasText: professional.name }).waitFor();
    await preview.locator('[part="preview-hidden-badge"]', { hasText: 'Masqué aux professionnels' }).waitFor();
    await documents
      .locator('li.row', { hasText: documentTitle })
      .locator('[part="row-hidden-badge"]')
      .first()
      .waitFor();

    // The professional signs in again: the message stays, its document is no longer there.
    const after = await signedIn('/professional.html', 'pro-kidney');
    const inbox = after.page.locator('carnet-messages');
    await inbox.locator('[part="thread"]').click();
    await inbox.locator('[part="message"]', { hasText: 'Voici le document.' }).waitFor();
    await inbox.locator('[part="attachment"]', { hasText: 'Document indisponible' }).waitFor();
    assert.equal(await inbox.locator('[part="attachment"]', { hasText: documentTitle }).count(), 0);
    read = (): Promise<Response> =>
      fetch(`${e2e.platform.fhirBaseUrl}/DocumentReference/${documentId}`, {
        headers: { Authorization: `Bearer ${after.token()}` },
      });
    assert.equal((await read()).status, 404);

    // Her access history says the professional could not open it: hidden.
    await patient.page.evaluate(() => document.querySelector('carnet-access-history')?.refresh());
    await patient.page
      .locator('carnet-access-history tbody tr', { hasText: professional.name })
      .filter({ hasText: 'document masqué' })
      .first()
      .waitFor();
  });

  it('shown again, the professional opens it again', async () => {
    const preview = patient.page.locator('carnet-document-browser dialog[part="preview"]');
    await preview.locator('[part="hide-toggle"]', { hasText: 'Ne plus masquer aux professionnels' }).click();
    await preview.locator('[role="status"]', { hasText: 'de nouveau visible' }).waitFor();
    assert.equal((await read()).status, 200);
    assert.deepEqual(pageErrors, []);
  });
});

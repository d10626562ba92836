// Two people, two real sign-ins, end to end through the REAL demo site (Vite),
// the real OpenID provider and FHIR server, in a real Chromium: the kidney
// patient gives her daughter (a caregiver with her own account) read access to
// her agenda only, from <carnet-sharing>; the caregiver opens her record, sees
// the agenda and is refused the documents; the patient revokes and the caregiver
// is refused within seconds; the patient reads it all in her access history.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { endToEnd, eventually, signedIn as signedInAs, type TestPage } from './testing/e2e.js';

const pageErrors: string[] = [];

describe('a caregiver given access by the patient (two real sign-ins)', { timeout: 480_000 }, () => {
  const e2e = endToEnd({
    platform: () => ({
      records: (['parkinson', 'diabetes', 'kidney'] as const).map((persona) =>
        generatePersona(persona, { documentCount: 8 }),
      ),
    }),
  });

  /** Opens `path` in a fresh browser context and signs in as `login`. */
  const signedIn = (path: string, login: string): Promise<TestPage> =>
    signedInAs(e2e, path, login, {
      // Generous deadlines: the first page load optimises dependencies, and the machine is shared.
      timeout: 60_000,
      navigationTimeout: 180_000,
      label: login,
      errors: pageErrors,
    });

  it('the patient grants read access to the agenda only; the caregiver sees it and is refused documents; after revocation she is refused; each read is in the history under her name', async () => {
    // The patient gives Nadia read access to her agenda only, from <carnet-sharing>.
    const patient = await signedIn('/connected.html', 'kidney');
    const sharing = patient.page.locator('carnet-sharing');
    await sharing.locator('select[name="caregiver"]').selectOption('aidant-kidney');
    await sharing.locator('select[name="part-agenda"]').selectOption('read');
    await sharing.locator('[part="grant-form"] button[type="submit"]').click();
    const grantRow = sharing.locator('[part="grant"]', { hasText: 'Nadia Benali' });
    await grantRow.filter({ hasText: 'Agenda (lecture seule)' }).waitFor();

    // Nadia signs in with her own account, chooses whose record to open (she helps two people).
    const caregiver = await signedIn('/caregiver.html', 'aidant-kidney');
    const provider = caregiver.page.locator('carnet-provider');
    await provider.locator('[part="record-choice"]').nth(1).waitFor();
    await provider.locator('[part="record-choice"]', { hasText: 'Fatima Benali' }).click();
    await provider
      .locator('[part="record-banner"]', { hasText: 'Vous consultez le carnet de Fatima Benali' })
      .waitFor();
    // The agenda shows; the documents are refused, in words.
    await caregiver.page
      .locator('carnet-agenda')
      .getByText(/hémodialyse/)
      .first()
      .waitFor();
    await caregiver.page
      .locator('carnet-document-browser [role="alert"]', { hasText: "Vous n'avez pas accès à cette partie du carnet." })
      .waitFor();
    const agendaSearch = `${e2e.platform.fhirBaseUrl}/Appointment?patient=patient-kidney&_count=1`;
    const asCaregiver = (): Promise<Response> =>
      fetch(agendaSearch, { headers: { Authorization: `Bearer ${caregiver.token()}` } });
    assert.equal((await asCaregiver()).status, 200);

    // The patient revokes, and confirms in the dialog that says who loses what (nothing
    // is revoked before); the caregiver's next request is refused, within seconds.
    await grantRow.locator('[part="revoke"]').click();
    const confirmation = sharing.locator('dialog[part="confirm-dialog"]');
    await confirmation.getByText('Nadia Benali ne pourra plus voir votre agenda.').waitFor();
    assert.equal((await asCaregiver()).status, 200);
    await confirmation.getByRole('button', { name: 'Retirer l’accès', exact: true }).click();
    await grantRow.waitFor({ state: 'detached' });
    const refusedAfter = await eventually(
      'the caregiver is refused the agenda',
      async () => (await asCaregiver()).status === 403,
    );
    assert.ok(refusedAfter < 10_000);
    // In the page too: opening her record again, the agenda now says it is refused.
    await provider.locator('[part="record-change"]').click();
    await provider.locator('[part="record-choice"]', { hasText: 'Jean Lefèvre' }).waitFor();
    assert.equal(await provider.locator('[part="record-choice"]', { hasText: 'Fatima Benali' }).count(), 0);
    await provider.locator('[part="record-choice"]', { hasText: 'Jean Lefèvre' }).click();
    await provider.locator('[part="record-banner"]', { hasText: 'Vous consultez le carnet de Jean Lefèvre' }).waitFor();

    // Each of those reads is in her access history, under Nadia's name.
    await patient.page.evaluate(() => document.querySelector('carnet-access-history')?.refresh());
    const history = patient.page.locator('carnet-access-history');
    const byNadia = history.locator('tbody tr', { hasText: 'Nadia Benali (aidant)' });
    await byNadia
      .filter({ hasText: /a consulté la liste : \d+ rendez-vous/ })
      .first()
      .waitFor();
    await byNadia.filter({ hasText: 'a tenté d’accéder à vos documents — refusé' }).first().waitFor();
    await byNadia.filter({ hasText: 'a tenté d’accéder à votre agenda — refusé' }).first().waitFor();
    // …and she may filter the history to Nadia alone.
    await history.locator('select').first().selectOption({ label: 'Nadia Benali (aidant)' });
    assert.equal(await history.locator('tbody tr').count(), await byNadia.count());
    assert.deepEqual(pageErrors, []);
  });
});

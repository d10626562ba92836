import { createLocalDataSource, StorageError } from '@carnet/catalog-sdk';
import { sendKeys } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { byRole, click, queryByRole, typeInto } from '../test-helpers/person.js';
import { expect, oneEvent, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetIntakeChangeEvent } from '../events/carnet-intake-change.js';
import type { CarnetPillOrganiser } from './pill-organiser.js';
import {
  FIXED_NOW,
  doseButton,
  mountOrganiser,
  one,
  openDose,
  parisMarch,
  seedPersona,
  storedMedication,
  text,
  withFaultyMedications,
} from './test-helpers/organiser-fixtures.js';

const LEVODOPA = 'plan-parkinson-levodopa-carbidopa';
const AT_11 = parisMarch('2026-03-11', '11:00');
const AT_7 = parisMarch('2026-03-11', '07:00');

async function intakesOf(dbName: string, scheduledAt: string): Promise<number> {
  const { intakes } = await storedMedication(dbName);
  return intakes.filter((i) => i.planId === LEVODOPA && i.scheduledAt === scheduledAt).length;
}

async function stateBecomes(organiser: CarnetPillOrganiser, scheduledAt: string, state: string): Promise<void> {
  await waitUntil(() => doseButton(organiser, LEVODOPA, scheduledAt).dataset['state'] === state, `state ${state}`);
}

async function chooseTime(organiser: CarnetPillOrganiser, time: string): Promise<void> {
  one<HTMLButtonElement>(organiser, 'button[part="take-at"]').click();
  await organiser.updateComplete;
  const input = one<HTMLInputElement>(organiser, 'input[part="taken-at-input"]');
  input.value = time;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  one<HTMLButtonElement>(organiser, 'button[part="confirm"]').click();
}

describe('<carnet-pill-organiser> marking doses', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('marks a dose taken now, fires carnet-intake-change, and keeps it across a new provider', async () => {
    const dbName = uniqueDbName('take-now');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    const dialog = await openDose(organiser, doseButton(organiser, LEVODOPA, AT_11));
    expect(text(dialog.querySelector('h2'))).to.equal('Lévodopa/Carbidopa 100 mg/25 mg');
    const changed = oneEvent(document, 'carnet-intake-change');
    one<HTMLButtonElement>(organiser, 'button[part="take-now"]').click();
    const event: CarnetIntakeChangeEvent = await changed;
    expect(event.detail).to.deep.equal({ planId: LEVODOPA, scheduledAt: AT_11, status: 'taken' });
    await stateBecomes(organiser, AT_11, 'taken');
    expect(dialog.open).to.equal(false);
    expect(doseButton(organiser, LEVODOPA, AT_11).getAttribute('aria-label')).to.match(/— 11:00 — prise$/);

    const { intakes } = await storedMedication(dbName);
    const saved = intakes.find((i) => i.planId === LEVODOPA && i.scheduledAt === AT_11);
    expect(saved?.status).to.equal('taken');
    expect(saved?.takenAt).to.equal(FIXED_NOW.toISOString());

    removeFixtures();
    const again = await mountOrganiser(dbName, { pathology: 'parkinson' });
    expect(doseButton(again.organiser, LEVODOPA, AT_11).dataset['state']).to.equal('taken');
  });

  it('marks a dose taken at a chosen time beyond the tolerance as « en retard »', async () => {
    const dbName = uniqueDbName('late');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    await openDose(organiser, doseButton(organiser, LEVODOPA, AT_7));
    await chooseTime(organiser, '07:40');
    await stateBecomes(organiser, AT_7, 'taken-late');
    const button = doseButton(organiser, LEVODOPA, AT_7);
    expect(text(button.querySelector('.dose-state'))).to.equal('◷ prise en retard (+40 min)');
    expect(text(button.querySelector('[part~="late-badge"]'))).to.equal('◷ prise en retard (+40 min)');
    const { intakes } = await storedMedication(dbName);
    expect(intakes.find((i) => i.scheduledAt === AT_7 && i.planId === LEVODOPA)?.takenAt).to.equal(
      parisMarch('2026-03-11', '07:40'),
    );
  });

  it('counts a chosen time within the tolerance as on time', async () => {
    const dbName = uniqueDbName('on-time');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    await openDose(organiser, doseButton(organiser, LEVODOPA, AT_7));
    await chooseTime(organiser, '07:10');
    await stateBecomes(organiser, AT_7, 'taken');
    expect(doseButton(organiser, LEVODOPA, AT_7).querySelector('[part~="late-badge"]') === null).to.equal(true);
  });

  it('reads a time typed as a French reader writes it (« 7h40 ») and says when one is not a time', async () => {
    const dbName = uniqueDbName('typed-time');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    const dialog = await openDose(organiser, doseButton(organiser, LEVODOPA, AT_7));
    await click(byRole(dialog, 'button', /^Prise à une autre heure/));
    await waitUntil(() => queryByRole(dialog, 'textbox', 'Heure de la prise'), 'time asked');
    const time = byRole<HTMLInputElement>(dialog, 'textbox', 'Heure de la prise');
    await typeInto(time, '25h', { replace: true });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => queryByRole(dialog, 'alert'), 'refused');
    expect(text(byRole(dialog, 'alert'))).to.equal('Heure non reconnue : écrivez-la hh:mm, par exemple 14:30.');
    expect(time.getAttribute('aria-invalid')).to.equal('true');
    expect(await intakesOf(dbName, AT_7)).to.equal(0);
    await typeInto(time, '7h40', { replace: true });
    await sendKeys({ press: 'Enter' });
    await stateBecomes(organiser, AT_7, 'taken-late');
    const { intakes } = await storedMedication(dbName);
    expect(intakes.find((i) => i.scheduledAt === AT_7 && i.planId === LEVODOPA)?.takenAt).to.equal(
      parisMarch('2026-03-11', '07:40'),
    );
  });

  it('refuses a time in the future and records nothing', async () => {
    const dbName = uniqueDbName('future');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    const dialog = await openDose(organiser, doseButton(organiser, LEVODOPA, AT_11));
    await chooseTime(organiser, '12:30');
    await organiser.updateComplete;
    expect(text(dialog.querySelector('[role="alert"]'))).to.equal(
      "L'heure de la prise ne peut pas être dans le futur.",
    );
    expect(await intakesOf(dbName, AT_11)).to.equal(0);
    expect(doseButton(organiser, LEVODOPA, AT_11).dataset['state']).to.equal('to-take');
  });

  it('marks a dose skipped with a reason and a note, kept across a new provider', async () => {
    const dbName = uniqueDbName('skip');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName);
    await openDose(organiser, doseButton(organiser, LEVODOPA, AT_11));
    one<HTMLButtonElement>(organiser, 'button[part="skip"]').click();
    await organiser.updateComplete;
    const select = one<HTMLSelectElement>(organiser, 'select[part="skip-reason"]');
    expect([...select.options].map((o) => o.text)).to.deep.equal([
      'Effets indésirables',
      'Sur avis médical',
      'Plus de médicament',
      'Malade (nausées, vomissements…)',
      'Autre raison',
    ]);
    select.value = 'unwell';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const note = one<HTMLTextAreaElement>(organiser, 'textarea[part="skip-note"]');
    note.value = 'Nausées ce matin';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    const changed = oneEvent(document, 'carnet-intake-change');
    one<HTMLButtonElement>(organiser, 'button[part="confirm"]').click();
    expect((await changed).detail.status).to.equal('skipped');
    await stateBecomes(organiser, AT_11, 'skipped');
    expect(text(doseButton(organiser, LEVODOPA, AT_11).querySelector('.dose-state'))).to.equal('↷ sautée');
    const { intakes } = await storedMedication(dbName);
    const saved = intakes.find((i) => i.planId === LEVODOPA && i.scheduledAt === AT_11);
    expect({ status: saved?.status, reason: saved?.reason, note: saved?.note }).to.deep.equal({
      status: 'skipped',
      reason: 'unwell',
      note: 'Nausées ce matin',
    });

    removeFixtures();
    const again = await mountOrganiser(dbName);
    const dialog = await openDose(again.organiser, doseButton(again.organiser, LEVODOPA, AT_11));
    expect(text(dialog.querySelector('[part="recorded"]'))).to.equal(
      'Dose sautée : Malade (nausées, vomissements…). Note : Nausées ce matin',
    );
  });

  it('undoes a record (deleteIntake with its version), kept across a new provider', async () => {
    const dbName = uniqueDbName('undo');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName);
    await openDose(organiser, doseButton(organiser, LEVODOPA, AT_11));
    one<HTMLButtonElement>(organiser, 'button[part="take-now"]').click();
    await stateBecomes(organiser, AT_11, 'taken');
    const dialog = await openDose(organiser, doseButton(organiser, LEVODOPA, AT_11));
    expect(text(dialog.querySelector('[part="recorded"]'))).to.equal('Prise notée à 11:10.');
    const cleared = oneEvent(document, 'carnet-intake-change');
    one<HTMLButtonElement>(organiser, 'button[part="undo"]').click();
    expect((await cleared).detail).to.deep.equal({ planId: LEVODOPA, scheduledAt: AT_11, status: 'cleared' });
    await stateBecomes(organiser, AT_11, 'to-take');
    expect(await intakesOf(dbName, AT_11)).to.equal(0);
    removeFixtures();
    const again = await mountOrganiser(dbName);
    expect(doseButton(again.organiser, LEVODOPA, AT_11).dataset['state']).to.equal('to-take');
  });

  it('never creates two records on a double click', async () => {
    const dbName = uniqueDbName('double');
    await seedPersona(dbName, 'parkinson');
    const faults = withFaultyMedications(createLocalDataSource({ dbName }), new StorageError('simulated'));
    const { organiser } = await mountOrganiser(dbName, { dataSource: faults.source });
    await openDose(organiser, doseButton(organiser, LEVODOPA, AT_11));
    const takeNow = one<HTMLButtonElement>(organiser, 'button[part="take-now"]');
    takeNow.click();
    takeNow.click();
    await organiser.updateComplete;
    expect(takeNow.disabled).to.equal(true);
    expect(doseButton(organiser, LEVODOPA, AT_11).getAttribute('aria-disabled')).to.equal('true');
    await stateBecomes(organiser, AT_11, 'taken');
    expect(faults.recordCalls).to.equal(1);
    expect(await intakesOf(dbName, AT_11)).to.equal(1);
  });

  it('shows an error and no phantom « taken » when saving fails, then a retry records once', async () => {
    const dbName = uniqueDbName('failure');
    await seedPersona(dbName, 'parkinson');
    const faults = withFaultyMedications(createLocalDataSource({ dbName }), new StorageError('simulated quota'));
    faults.failRecords = 1;
    const { organiser } = await mountOrganiser(dbName, { dataSource: faults.source });
    const dialog = await openDose(organiser, doseButton(organiser, LEVODOPA, AT_11));
    const failed = oneEvent(organiser, 'carnet-error');
    one<HTMLButtonElement>(organiser, 'button[part="take-now"]').click();
    expect((await failed).detail.code).to.equal('storage');
    await waitUntil(() => dialog.querySelector('[role="alert"]'), 'error shown');
    expect(text(dialog.querySelector('[role="alert"]'))).to.equal(
      "L'enregistrement a échoué : Votre carnet n'a pas pu être ouvert sur cet appareil. Rien n'a été modifié.",
    );
    expect(text(dialog.querySelector('[role="alert"]'))).not.to.contain('simulated');
    expect(doseButton(organiser, LEVODOPA, AT_11).dataset['state']).to.equal('to-take');
    expect(await intakesOf(dbName, AT_11)).to.equal(0);

    const retry = one<HTMLButtonElement>(organiser, 'button[part="take-now"]');
    expect(retry.disabled).to.equal(false);
    retry.click();
    await stateBecomes(organiser, AT_11, 'taken');
    expect(faults.recordCalls).to.equal(2);
    expect(await intakesOf(dbName, AT_11)).to.equal(1);
  });

  it('reloads with a message when the record was changed elsewhere before an undo', async () => {
    const dbName = uniqueDbName('conflict');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName);
    await openDose(organiser, doseButton(organiser, LEVODOPA, AT_11));
    one<HTMLButtonElement>(organiser, 'button[part="take-now"]').click();
    await stateBecomes(organiser, AT_11, 'taken');

    const elsewhere = createLocalDataSource({ dbName });
    const [record] = await elsewhere.medications.listIntakes({
      planId: LEVODOPA,
      from: AT_11,
      to: parisMarch('2026-03-11', '11:01'),
    });
    if (!record) throw new Error('no record');
    await elsewhere.medications.updateIntake({
      ...record,
      status: 'skipped',
      reason: 'doctor-advice',
      takenAt: undefined,
    });
    elsewhere.close();

    await openDose(organiser, doseButton(organiser, LEVODOPA, AT_11));
    one<HTMLButtonElement>(organiser, 'button[part="undo"]').click();
    await waitUntil(() => organiser.shadowRoot?.querySelector('[part="conflict"]'), 'conflict shown');
    expect(text(one(organiser, '[part="conflict"]'))).to.equal(
      'Cette prise a été modifiée ailleurs entre-temps : le semainier a été rechargé.',
    );
    await stateBecomes(organiser, AT_11, 'skipped');
    expect(await intakesOf(dbName, AT_11)).to.equal(1);
  });

  it('offers no action on a dose of a day to come', async () => {
    const dbName = uniqueDbName('tomorrow');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName);
    const dialog = await openDose(organiser, doseButton(organiser, LEVODOPA, parisMarch('2026-03-12', '07:00')));
    expect(dialog.querySelector('button[part="take-now"]') === null).to.equal(true);
    expect(text(dialog.querySelector('.notice'))).to.contain('jour à venir');
  });
});

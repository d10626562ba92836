import type { Pathology } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetPillOrganiser } from './pill-organiser.js';
import {
  all,
  doseButton,
  mountOrganiser,
  one,
  openDose,
  parisMarch,
  seedPersona,
  storedMedication,
  text,
} from './test-helpers/organiser-fixtures.js';

const LEVODOPA = 'plan-parkinson-levodopa-carbidopa';

function posologyOf(organiser: CarnetPillOrganiser, planId: string): string {
  return text(one(organiser, `li[data-plan-id="${planId}"] [data-fact="posology"]`));
}

describe('<carnet-pill-organiser> dose safety', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('says the days of a weekly vitamin D and of epoetin on dialysis days, in French and in English', async () => {
    const dbName = uniqueDbName('posology-days');
    await seedPersona(dbName, 'kidney');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'kidney' });
    expect(posologyOf(organiser, 'plan-kidney-cholecalciferol')).to.equal('1 ampoule chaque dimanche matin');
    expect(posologyOf(organiser, 'plan-kidney-epoetine')).to.equal(
      '1 injection chaque lundi, mercredi et vendredi à 11:00',
    );
    expect(posologyOf(organiser, 'plan-kidney-sevelamer')).to.equal('1 comprimé tous les jours, matin, midi et soir');
    removeFixtures();
    const english = await mountOrganiser(dbName, { pathology: 'kidney', locale: 'en' });
    await waitUntil(() => text(one(english.organiser, '[part="title"]')) === 'My pill organiser', 'English heading');
    expect(posologyOf(english.organiser, 'plan-kidney-cholecalciferol')).to.equal('1 ampoule every Sunday morning');
    expect(posologyOf(english.organiser, 'plan-kidney-epoetine')).to.equal(
      '1 injection every Monday, Wednesday, and Friday at 11:00 AM',
    );
  });

  it('states the days of every dose description of every demo persona', async () => {
    for (const persona of ['diabetes', 'parkinson', 'kidney'] as Pathology[]) {
      const dbName = uniqueDbName(`posology-${persona}`);
      await seedPersona(dbName, persona);
      const { organiser } = await mountOrganiser(dbName, { pathology: persona });
      const texts = all(organiser, '[data-fact="posology"]').map(text);
      expect(texts.length, persona).to.equal(4);
      for (const posology of texts) {
        expect(posology, persona).to.match(
          /tous les jours|tous les \d+ jours|chaque (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)/,
        );
      }
      // The dose's dialog says it too.
      const first = all<HTMLButtonElement>(organiser, '.week-table button.dose')[0];
      if (!first) throw new Error('no dose');
      const dialog = await openDose(organiser, first);
      expect(text(dialog.querySelector('[part="dialog-posology"]'))).to.match(/^Posologie : .*(tous les|chaque)/);
      removeFixtures();
    }
  });

  it('shows lateness past 90 minutes in hours and minutes, not « +245 min »', async () => {
    const dbName = uniqueDbName('late-hours');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    const at7 = parisMarch('2026-03-11', '07:00');
    await openDose(organiser, doseButton(organiser, LEVODOPA, at7));
    one<HTMLButtonElement>(organiser, 'button[part="take-at"]').click();
    await organiser.updateComplete;
    const input = one<HTMLInputElement>(organiser, 'input[part="taken-at-input"]');
    input.value = '11:05';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    one<HTMLButtonElement>(organiser, 'button[part="confirm"]').click();
    await waitUntil(() => doseButton(organiser, LEVODOPA, at7).dataset['state'] === 'taken-late', 'taken late');
    expect(text(doseButton(organiser, LEVODOPA, at7).querySelector('.dose-state'))).to.equal(
      '◷ prise en retard (+4 h 5 min)',
    );
  });

  it('warns before noting a dose taken hours before its time, focused on « Revenir »', async () => {
    const dbName = uniqueDbName('early');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    // Now is 11:10: the 15:00 dose is 3 h 50 min away.
    const at15 = parisMarch('2026-03-11', '15:00');
    await openDose(organiser, doseButton(organiser, LEVODOPA, at15));
    one<HTMLButtonElement>(organiser, 'button[part="take-now"]').click();
    await organiser.updateComplete;
    const warning = one(organiser, '[part="early-warning"]');
    expect(text(warning)).to.equal(
      'Attention : cette prise est prévue à 15:00, dans 3 h 50 min. La noter prise maintenant ?',
    );
    expect(warning.getAttribute('role')).to.equal('alert');
    await waitUntil(() => text(organiser.shadowRoot?.activeElement) === 'Revenir', 'focus on « Revenir »');
    const before = await storedMedication(dbName);
    expect(before.intakes.some((i) => i.planId === LEVODOPA && i.scheduledAt === at15)).to.equal(false);
    one<HTMLButtonElement>(organiser, 'button[part="confirm-early"]').click();
    await waitUntil(() => doseButton(organiser, LEVODOPA, at15).dataset['state'] === 'taken', 'taken');
    const after = await storedMedication(dbName);
    expect(after.intakes.some((i) => i.planId === LEVODOPA && i.scheduledAt === at15)).to.equal(true);
  });

  it('warns when a stock runs out before the renewal date (rasagiline: a month of tablets, renewal in 36 days)', async () => {
    const dbName = uniqueDbName('stock-gap');
    await seedPersona(dbName, 'parkinson', (record) => ({
      ...record,
      medicationPlans: record.medicationPlans.map((plan) =>
        plan.id === 'plan-parkinson-rasagiline'
          ? {
              ...plan,
              renewalDate: '2026-04-16',
              stock: { dispensed: 30, unit: 'comprimé', dispensedOn: '2026-02-27' },
            }
          : plan,
      ),
    }));
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    const reminder = one(organiser, '.reminder[data-plan-id="plan-parkinson-rasagiline"]');
    expect(reminder.dataset['kind']).to.equal('stock-before-renewal');
    expect(text(reminder)).to.match(
      /^⚠ Prévoir une boîte : Rasagiline 1 mg — épuisé vers le \d+ (mars|avril) 2026, avant le renouvellement du 16 avril 2026$/,
    );
  });
});

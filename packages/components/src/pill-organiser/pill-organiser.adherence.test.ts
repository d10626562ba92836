import { computeAdherence, computeStock, medicationReminders } from '@carnet/catalog-sdk';
import type { AdherenceReport, NewMedicationPlan } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetPillOrganiser } from './pill-organiser.js';
import { plansUnderPreset, presetFor } from './presets.js';
import {
  FIXED_NOW,
  all,
  doseButton,
  mountOrganiser,
  one,
  openDose,
  parisMarch,
  seedPersona,
  seedPlans,
  storedMedication,
  text,
} from './test-helpers/organiser-fixtures.js';

// As `text()` reads them: the narrow no-break spaces of French numbers collapse to one space.
const fr = (value: number): string =>
  new Intl.NumberFormat('fr', { maximumFractionDigits: 2 }).format(value).replace(/\s+/g, ' ');
const percent = (rate: number | undefined): string =>
  rate === undefined
    ? '—'
    : new Intl.NumberFormat('fr', { style: 'percent', maximumFractionDigits: 0 }).format(rate).replace(/\s+/g, ' ');

async function expectedReport(dbName: string, days: 7 | 30, pathology?: 'parkinson'): Promise<AdherenceReport> {
  const { plans, intakes } = await storedMedication(dbName);
  return computeAdherence(plansUnderPreset(plans, presetFor(pathology)), intakes, {
    now: FIXED_NOW,
    days,
    timeZone: 'Europe/Paris',
  });
}

function summary(organiser: CarnetPillOrganiser): Record<string, string> {
  return Object.fromEntries(
    all(organiser, '[part="adherence-summary"] dd').map((dd) => [dd.dataset['count'], text(dd)]),
  );
}

function totalRow(organiser: CarnetPillOrganiser): Record<string, string> {
  return Object.fromEntries(
    all(organiser, 'table[data-table="days"] tr[data-total] td').map((td) => [td.dataset['count'], text(td)]),
  );
}

function expectSummary(organiser: CarnetPillOrganiser, report: AdherenceReport): void {
  const { overall } = report;
  expect(summary(organiser)).to.deep.equal({
    rate: percent(overall.rate),
    taken: fr(overall.taken),
    late: fr(overall.takenLate),
    skipped: fr(overall.skipped),
    missed: fr(overall.missed),
  });
  expect(totalRow(organiser)).to.deep.equal({
    scheduled: fr(overall.scheduled),
    taken: fr(overall.taken),
    late: fr(overall.takenLate),
    skipped: fr(overall.skipped),
    missed: fr(overall.missed),
  });
}

describe('<carnet-pill-organiser> adherence, stock and renewals', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('summarises 7 days exactly as computeAdherence, with the same numbers in the table', async () => {
    const dbName = uniqueDbName('adherence-7');
    await seedPersona(dbName, 'diabetes');
    const { organiser } = await mountOrganiser(dbName);
    const report = await expectedReport(dbName, 7);
    expect(report.overall.taken).to.be.greaterThan(10);
    expectSummary(organiser, report);
    const rows = all(organiser, 'table[data-table="days"] tbody tr');
    expect(rows.map((row) => row.dataset['date'])).to.deep.equal(report.days.map((day) => day.date));
    for (const [index, day] of report.days.entries()) {
      const cells = Object.fromEntries(
        [...(rows[index]?.querySelectorAll('td') ?? [])].map((td) => [td.dataset['count'], text(td)]),
      );
      expect(cells).to.deep.equal({
        scheduled: fr(day.scheduled),
        taken: fr(day.taken),
        late: fr(day.late),
        skipped: fr(day.skipped),
        missed: fr(day.missed),
      });
    }
    const perPlan = all(organiser, 'table[data-table="medications"] tbody tr');
    expect(perPlan.map((row) => row.dataset['planId'])).to.deep.equal(report.plans.map((plan) => plan.planId));
    expect(text(perPlan[0]?.querySelector('[data-count="rate"]'))).to.equal(percent(report.plans[0]?.rate));
  });

  it('switches to 30 days, and the chart is an image named by the summary', async () => {
    const dbName = uniqueDbName('adherence-30');
    await seedPersona(dbName, 'kidney');
    const { organiser } = await mountOrganiser(dbName);
    const button30 = one<HTMLButtonElement>(organiser, 'button[data-window="30"]');
    expect(button30.getAttribute('aria-pressed')).to.equal('false');
    button30.click();
    await organiser.updateComplete;
    expect(button30.getAttribute('aria-pressed')).to.equal('true');
    const report = await expectedReport(dbName, 30);
    expectSummary(organiser, report);
    expect(all(organiser, 'table[data-table="days"] tbody tr')).to.have.length(30);
    const chart = one(organiser, 'svg[part="adherence-chart"]');
    expect(chart.getAttribute('role')).to.equal('img');
    const label = chart.getAttribute('aria-label') ?? '';
    expect(label).to.match(/^Sur 30 jours : \d+\s% des prises effectuées/);
    expect(label).to.contain(
      `(${fr(report.overall.taken)} sur ${fr(report.overall.scheduled - report.overall.pending)})`,
    );
    expect(text(chart.querySelector('title'))).to.equal(label.replace(/\s+/g, ' '));
    expect(chart.querySelectorAll('g[data-date]')).to.have.length(30);
  });

  it('updates the adherence when a dose is marked (Parkinson preset tolerance included)', async () => {
    const dbName = uniqueDbName('adherence-update');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    const before = await expectedReport(dbName, 7, 'parkinson');
    expectSummary(organiser, before);
    await openDose(
      organiser,
      doseButton(organiser, 'plan-parkinson-levodopa-carbidopa', parisMarch('2026-03-11', '07:00')),
    );
    one<HTMLButtonElement>(organiser, 'button[part="take-now"]').click();
    await waitUntil(() => summary(organiser)['taken'] === fr(before.overall.taken + 1), 'one more taken');
    const after = await expectedReport(dbName, 7, 'parkinson');
    expect(after.overall.takenLate).to.equal(before.overall.takenLate + 1);
    expectSummary(organiser, after);
  });

  it('shows the low-stock and renewal warnings medicationReminders gives, and each plan’s stock', async () => {
    const dbName = uniqueDbName('stock');
    const base = {
      medication: { display: '' },
      dose: 1,
      doseUnit: 'comprimé',
      start: '2025-01-01',
      timeZone: 'Europe/Paris',
    };
    const plans: NewMedicationPlan[] = [
      {
        ...base,
        medication: { display: 'Metformine 1000 mg, comprimé' },
        slots: [{ period: 'morning' }, { period: 'evening' }],
        stock: { dispensed: 12, unit: 'comprimé', dispensedOn: '2026-03-09' },
        instructions: 'Au milieu du repas.',
        prescriber: 'Dr Claire Martin',
        renewalDate: '2026-06-01',
      },
      {
        ...base,
        medication: { display: 'Lévothyroxine 75 µg, comprimé' },
        slots: [{ time: '07:00' }],
        stock: { dispensed: 90, unit: 'comprimé', dispensedOn: '2026-03-01' },
        renewalDate: '2026-03-18',
      },
    ];
    const stored = await seedPlans(dbName, plans);
    const { organiser } = await mountOrganiser(dbName);
    const expected = medicationReminders(stored, [], { now: FIXED_NOW });
    // Metformine runs out in March, before its renewal in June: « Prévoir une boîte », not only « stock bas ».
    expect(expected.map((r) => r.kind).sort()).to.deep.equal(['renewal', 'stock-before-renewal']);
    const shown = all(organiser, '[part="reminder"]');
    expect(shown.map((li) => `${li.dataset['planId']}:${li.dataset['kind']}`)).to.deep.equal(
      expected.map((r) => `${r.planId}:${r.kind}`),
    );
    const lowStock = shown.find((li) => li.dataset['kind'] === 'stock-before-renewal');
    expect(text(lowStock)).to.match(
      /^⚠ Prévoir une boîte : Metformine 1000 mg — épuisé vers le \d+ mars 2026, avant le renouvellement du 1 juin 2026$/,
    );
    expect(text(shown.find((li) => li.dataset['kind'] === 'renewal'))).to.equal(
      '℞ Ordonnance à renouveler : Lévothyroxine 75 µg — avant le 18 mars 2026',
    );

    const metformine = one(organiser, `[part="medication"][data-plan-id="${stored[0]?.id}"]`);
    const status = computeStock(stored[0]!, [], { now: FIXED_NOW });
    expect(text(metformine.querySelector('h3'))).to.equal('Metformine 1000 mg, comprimé');
    expect(text(metformine))
      .to.contain('Au milieu du repas.')
      .and.contain('Dr Claire Martin')
      .and.contain('1 juin 2026');
    expect(text(metformine.querySelector('[data-fact="stock"] dd'))).to.equal(
      `⚠ Reste ${status?.remaining} comprimés, soit environ ${status?.daysLeft} jours stock bas`,
    );
    expect(text(metformine)).to.contain('1 comprimé tous les jours, matin et soir');
    const levothyroxine = one(organiser, `[part="medication"][data-plan-id="${stored[1]?.id}"]`);
    expect(text(levothyroxine.querySelector('[data-fact="renewal"] dd'))).to.equal(
      '℞ 18 mars 2026 à renouveler bientôt',
    );
  });

  it('takes a taken dose out of the stock', async () => {
    const dbName = uniqueDbName('stock-taken');
    const [plan] = await seedPlans(dbName, [
      {
        medication: { display: 'Rasagiline 1 mg, comprimé' },
        dose: 1,
        doseUnit: 'comprimé',
        slots: [{ time: '11:00' }],
        start: '2026-01-01',
        stock: { dispensed: 30, unit: 'comprimé', dispensedOn: '2026-03-11' },
        timeZone: 'Europe/Paris',
      },
    ]);
    const { organiser } = await mountOrganiser(dbName);
    const stockText = (): string =>
      text(one(organiser, `[part="medication"][data-plan-id="${plan?.id}"] [data-fact="stock"] dd`));
    expect(stockText()).to.equal('Reste 30 comprimés, soit environ 30 jours');
    await openDose(organiser, doseButton(organiser, plan?.id ?? '', parisMarch('2026-03-11', '11:00')));
    one<HTMLButtonElement>(organiser, 'button[part="take-now"]').click();
    await waitUntil(() => stockText() === 'Reste 29 comprimés, soit environ 29 jours', 'stock down by one');
  });
});

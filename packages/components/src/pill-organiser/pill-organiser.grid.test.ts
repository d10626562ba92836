import { scheduledDoses } from '@carnet/catalog-sdk';
import type { PatientRecord } from '@carnet/catalog-sdk';
import { setViewport } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { setCarnetLocale } from '../shared/localization.js';
import { startOfLocalDay } from './organiser-calendar.js';
import {
  FIXED_NOW,
  WEEK,
  all,
  doseButton,
  mountOrganiser,
  one,
  parisMarch,
  seedPersona,
  tableDoses,
  text,
} from './test-helpers/organiser-fixtures.js';

function weekDosesOf(record: PatientRecord): string[] {
  const range = {
    start: startOfLocalDay(WEEK[0] ?? '', 'Europe/Paris'),
    end: startOfLocalDay('2026-03-16', 'Europe/Paris'),
  };
  return scheduledDoses(record.medicationPlans, range).map((dose) => dose.key);
}

describe('<carnet-pill-organiser> week grid', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
    await setViewport({ width: 1280, height: 900 });
  });

  for (const persona of ['parkinson', 'diabetes', 'kidney'] as const) {
    it(`shows exactly the ${persona} persona's doses of the week from scheduledDoses`, async () => {
      const dbName = uniqueDbName(`grid-${persona}`);
      const record = await seedPersona(dbName, persona);
      const { organiser } = await mountOrganiser(dbName);
      const shown = tableDoses(organiser).map((button) => button.dataset['doseKey']);
      expect(shown.length).to.be.greaterThan(7);
      expect([...shown].sort()).to.deep.equal(weekDosesOf(record).sort());
      const headings = all(organiser, '.week-table thead th[data-date]').map((th) => th.dataset['date']);
      expect(headings).to.deep.equal(WEEK);
      expect(organiser.matches(':state(ready)')).to.equal(true);
    });
  }

  it('gives each dose its state from the record: taken, skipped, missed, to take', async () => {
    const dbName = uniqueDbName('states');
    const record = await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName);
    const levodopa = 'plan-parkinson-levodopa-carbidopa';
    // History stops on Wednesday at 06:00: Wednesday 07:00 has no record and is long past its 15 minutes.
    expect(doseButton(organiser, levodopa, parisMarch('2026-03-11', '07:00')).dataset['state']).to.equal('missed');
    // 11:00 is ten minutes ago: still within the tolerance.
    expect(doseButton(organiser, levodopa, parisMarch('2026-03-11', '11:00')).dataset['state']).to.equal('to-take');
    expect(doseButton(organiser, levodopa, parisMarch('2026-03-12', '07:00')).dataset['state']).to.equal('to-take');
    for (const intake of record.intakes.filter(
      (i) => i.planId === levodopa && i.scheduledAt >= parisMarch('2026-03-09', '00:00'),
    )) {
      const state = doseButton(organiser, levodopa, intake.scheduledAt).dataset['state'];
      if (intake.status === 'skipped') expect(state).to.equal('skipped');
      else {
        const late = Date.parse(intake.takenAt ?? '') - Date.parse(intake.scheduledAt) > 15 * 60_000;
        expect(state).to.equal(late ? 'taken-late' : 'taken');
      }
    }
  });

  it('labels each dose with medicine, dose, day, time and state, as a 44px target', async () => {
    const dbName = uniqueDbName('label');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName);
    const button = doseButton(organiser, 'plan-parkinson-levodopa-carbidopa', parisMarch('2026-03-11', '11:00'));
    expect(button.getAttribute('aria-label')).to.equal(
      'mercredi 11 mars — Lévodopa/Carbidopa 100 mg/25 mg — 1\u00a0comprimé — 11:00 — à prendre',
    );
    expect(text(button.querySelector('.dose-state'))).to.equal('○ à prendre');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    const box = button.getBoundingClientRect();
    expect(box.height).to.be.at.least(44);
    expect(box.width).to.be.at.least(44);
  });

  it('marks today in the table and shows the week span', async () => {
    const dbName = uniqueDbName('today');
    await seedPersona(dbName, 'diabetes');
    const { organiser } = await mountOrganiser(dbName);
    const today = one(organiser, '.week-table th[aria-current="date"]');
    expect(today.dataset['date']).to.equal('2026-03-11');
    expect(text(today)).to.contain("Aujourd'hui");
    expect(text(one(organiser, '.week-span'))).to.equal('9–15 mars 2026');
    expect(text(one(organiser, '.week-table caption'))).to.equal('Semaine du 9–15 mars 2026');
  });

  it('navigates to the previous, next and current week', async () => {
    const dbName = uniqueDbName('nav');
    const record = await seedPersona(dbName, 'diabetes');
    const { organiser } = await mountOrganiser(dbName);
    const firstDay = (): string | undefined => one(organiser, '.week-table thead th[data-date]').dataset['date'];
    one<HTMLButtonElement>(organiser, 'button[data-nav="next"]').click();
    await waitUntil(() => firstDay() === '2026-03-16', 'next week');
    expect(all(organiser, '.week-table th[aria-current="date"]')).to.have.length(0);
    // Future doses have no record: all to take.
    expect(new Set(tableDoses(organiser).map((b) => b.dataset['state']))).to.deep.equal(new Set(['to-take']));
    one<HTMLButtonElement>(organiser, 'button[data-nav="previous"]').click();
    one<HTMLButtonElement>(organiser, 'button[data-nav="previous"]').click();
    await waitUntil(() => firstDay() === '2026-03-02', 'previous week');
    const recorded = new Set(
      record.intakes
        .filter(
          (i) =>
            i.scheduledAt >= parisMarch('2026-03-02', '00:00') && i.scheduledAt < parisMarch('2026-03-09', '00:00'),
        )
        .map((i) => i.scheduledAt),
    );
    expect(recorded.size).to.be.greaterThan(0);
    expect(tableDoses(organiser).some((b) => b.dataset['state'] === 'taken')).to.equal(true);
    one<HTMLButtonElement>(organiser, 'button[data-nav="today"]').click();
    await waitUntil(() => firstDay() === '2026-03-09', 'this week again');
  });

  it('shows today alone in a narrow container, the whole week (today first) one tap away, and the table in a wide one', async () => {
    const dbName = uniqueDbName('narrow');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName);
    expect(getComputedStyle(one(organiser, '.day-list')).display).to.equal('none');
    expect(getComputedStyle(one(organiser, '.week-table')).display).to.equal('table');
    await setViewport({ width: 390, height: 800 });
    await waitUntil(() => getComputedStyle(one(organiser, '.week-table')).display === 'none', 'table hidden');
    const shown = (): (string | undefined)[] =>
      all(organiser, '.day-list section.day').map((section) => section.dataset['date']);
    expect(shown()).to.deep.equal(['2026-03-11']);
    one<HTMLButtonElement>(organiser, 'button[part="whole-week"]').click();
    await organiser.updateComplete;
    const days = shown();
    expect(days).to.deep.equal([
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
      '2026-03-09',
      '2026-03-10',
    ]);
    const first = one(organiser, '.day-list section.day');
    expect(text(first.querySelector('h3'))).to.contain('mercredi 11 mars');
    expect(first.querySelectorAll('button.dose').length).to.be.greaterThan(3);
    expect((first.querySelector('button.dose') as HTMLElement).getBoundingClientRect().height).to.be.at.least(44);
  });

  it('uses the meal times given as JSON to place moments of the day', async () => {
    const dbName = uniqueDbName('meals');
    await seedPersona(dbName, 'diabetes');
    const { organiser } = await mountOrganiser(dbName);
    organiser.setAttribute('meal-times', '{"breakfast":"07:15","dinner":"18:45"}');
    await waitUntil(
      () => all(organiser, '.week-table button.dose[data-dose-key$="T06:15:00.000Z"]').length > 0,
      'breakfast moved',
    );
    expect(organiser.mealTimes).to.deep.equal({ breakfast: '07:15', dinner: '18:45' });
    const morning = one(organiser, '.week-table tr[data-row="period:morning"] th');
    expect(text(morning)).to.equal('Matin 07:15');
  });

  it('keeps the fixed now given as an attribute', async () => {
    const dbName = uniqueDbName('now-attr');
    await seedPersona(dbName, 'kidney');
    const { organiser } = await mountOrganiser(dbName);
    organiser.setAttribute('now', '2026-03-18T10:00:00Z');
    await waitUntil(
      () => one(organiser, '.week-table thead th[data-date]').dataset['date'] === '2026-03-16',
      'week of the new now',
    );
    expect(organiser.now?.toISOString()).to.equal('2026-03-18T10:00:00.000Z');
    expect(FIXED_NOW.toISOString()).to.equal('2026-03-11T10:10:00.000Z');
  });
});

import { createLocalDataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetPillOrganiser } from './pill-organiser.js';
import { mondayOf } from './organiser-calendar.js';
import {
  all,
  doseButton,
  mountOrganiser,
  one,
  openDose,
  parisMarch,
  seedPersona,
  text,
} from './test-helpers/organiser-fixtures.js';

const rowKeys = (organiser: CarnetPillOrganiser): string[] =>
  all(organiser, '.week-table tbody tr').map((tr) => tr.dataset['row'] ?? '');
const rowLabels = (organiser: CarnetPillOrganiser): string[] =>
  all(organiser, '.week-table tbody tr .row-label').map((el) => text(el));
const dialysisDates = (organiser: CarnetPillOrganiser): string[] =>
  all(organiser, '.week-table th.dialysis').map((th) => th.dataset['date'] ?? '');

describe('<carnet-pill-organiser> pathology presets', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('shows the four moments of the day as rows without a preset', async () => {
    const dbName = uniqueDbName('neutral');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName);
    expect(rowKeys(organiser)).to.deep.equal(['period:morning', 'period:noon', 'period:evening', 'period:bedtime']);
    expect(rowLabels(organiser)).to.deep.equal(['Matin', 'Midi', 'Soir', 'Coucher']);
    expect(all(organiser, '[part="dialysis-badge"]')).to.have.length(0);
  });

  it('Parkinson: one row per exact levodopa time, between the moments', async () => {
    const dbName = uniqueDbName('parkinson-rows');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    expect(rowKeys(organiser)).to.deep.equal([
      'time:07:00',
      'period:morning',
      'time:11:00',
      'time:15:00',
      'time:19:00',
      'period:bedtime',
    ]);
    expect(rowLabels(organiser)).to.deep.equal(['07:00', 'Matin', '11:00', '15:00', '19:00', 'Coucher']);
    const elevenRow = one(organiser, '.week-table tr[data-row="time:11:00"]');
    expect(elevenRow.querySelectorAll('button.dose')).to.have.length(7);
  });

  it('Parkinson: a tighter late window (15 min) for plans without their own, with the « prise en retard » badge', async () => {
    const dbName = uniqueDbName('parkinson-late');
    await seedPersona(dbName, 'parkinson');
    const rasagiline = 'plan-parkinson-rasagiline';
    const eightOClock = parisMarch('2026-03-11', '08:00');
    const source = createLocalDataSource({ dbName });
    await source.medications.recordIntake({
      planId: rasagiline,
      scheduledAt: eightOClock,
      status: 'taken',
      takenAt: parisMarch('2026-03-11', '08:30'),
    });
    source.close();

    const parkinson = await mountOrganiser(dbName, { pathology: 'parkinson' });
    const late = doseButton(parkinson.organiser, rasagiline, eightOClock);
    expect(late.dataset['state']).to.equal('taken-late');
    expect(text(late.querySelector('[part~="late-badge"]'))).to.equal('◷ prise en retard (+30 min)');
    removeFixtures();

    // The SDK's default tolerance is an hour: without the preset, 30 minutes is on time.
    const neutral = await mountOrganiser(dbName);
    const onTime = doseButton(neutral.organiser, rasagiline, eightOClock);
    expect(onTime.dataset['state']).to.equal('taken');
    expect(all(neutral.organiser, '[part~="late-badge"]')).to.have.length(0);
  });

  it('without the preset, a dose marked late says « prise en retard » in words, with no badge', async () => {
    const dbName = uniqueDbName('parkinson-badge');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName);
    const levodopa = 'plan-parkinson-levodopa-carbidopa';
    const seven = parisMarch('2026-03-11', '07:00');
    await openDose(organiser, doseButton(organiser, levodopa, seven));
    one<HTMLButtonElement>(organiser, 'button[part="take-now"]').click();
    await waitUntil(() => doseButton(organiser, levodopa, seven).dataset['state'] === 'taken-late', 'late');
    expect(doseButton(organiser, levodopa, seven).querySelector('[part~="late-badge"]') === null).to.equal(true);
    expect(text(doseButton(organiser, levodopa, seven).querySelector('.dose-state'))).to.contain('prise en retard');
  });

  it('kidney: highlights the dialysis days of the agenda (Monday, Wednesday, Friday)', async () => {
    const dbName = uniqueDbName('kidney');
    await seedPersona(dbName, 'kidney');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'kidney' });
    expect(dialysisDates(organiser)).to.deep.equal(['2026-03-09', '2026-03-11', '2026-03-13']);
    const badge = one(organiser, '.week-table th[data-date="2026-03-09"] [part="dialysis-badge"]');
    expect(text(badge)).to.equal('⬤ Dialyse');
    // The grid cells of those days are marked too.
    expect(all(organiser, '.week-table tbody tr:first-child td.dialysis')).to.have.length(3);
  });

  it('kidney: follows a session the agenda moved to another day', async () => {
    const dbName = uniqueDbName('kidney-moved');
    const record = await seedPersona(dbName, 'kidney');
    const sessions = record.agendaEvents.find((event) => event.title === "Séance d'hémodialyse");
    const moved = sessions?.overrides.find((override) => override.start !== undefined);
    if (!moved?.start) throw new Error('the persona has no moved session');
    const from = moved.originalStart.slice(0, 10);
    const to = moved.start.slice(0, 10);
    const { organiser } = await mountOrganiser(dbName, { pathology: 'kidney' });
    const weeksAhead = Math.round((Date.parse(mondayOf(from)) - Date.parse('2026-03-09')) / (7 * 86_400_000));
    for (let i = 0; i < weeksAhead; i += 1) one<HTMLButtonElement>(organiser, 'button[data-nav="next"]').click();
    await waitUntil(
      () => one(organiser, '.week-table thead th[data-date]').dataset['date'] === mondayOf(from),
      'week of the move',
    );
    expect(dialysisDates(organiser)).to.include(to);
    expect(dialysisDates(organiser)).not.to.include(from);
  });

  it('kidney: without sessions in the agenda, uses the days of dialysis-day medicines', async () => {
    const dbName = uniqueDbName('kidney-plans');
    await seedPersona(dbName, 'kidney', (record) => ({ ...record, agendaEvents: [] }));
    const { organiser } = await mountOrganiser(dbName, { pathology: 'kidney' });
    expect(dialysisDates(organiser)).to.deep.equal(['2026-03-09', '2026-03-11', '2026-03-13']);
  });

  it('diabetes: rows named after meals, in the grid and the treatments', async () => {
    const dbName = uniqueDbName('diabetes');
    await seedPersona(dbName, 'diabetes');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'diabetes' });
    expect(rowLabels(organiser)).to.deep.equal(['Petit-déjeuner', 'Déjeuner', 'Dîner', 'Coucher']);
    const metformine = one(organiser, '[part="medication"][data-plan-id="plan-diabetes-metformine"]');
    expect(text(metformine)).to.contain('1 comprimé tous les jours, au petit-déjeuner et au dîner');
    const insulin = one(organiser, '.week-table tr[data-row="period:bedtime"]');
    expect(text(insulin)).to.contain('22 UI');
  });
});

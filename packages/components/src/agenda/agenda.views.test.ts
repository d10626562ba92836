import { createLocalDataSource, StorageError } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { setCarnetLocale } from '../shared/localization.js';
import type { CarnetAgenda } from './agenda.js';
import {
  agendaEvent,
  agendaInProvider,
  cell,
  cellLabel,
  itemSummaries,
  part,
  parts,
  seedAgenda,
  text,
} from './test-helpers/agenda-fixtures.js';
import { withFailingAgenda } from './test-helpers/faulty-agenda-source.js';
import './agenda.js';

describe('<carnet-agenda> views', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('shows a busy skeleton while it has no record, and is accessible', async () => {
    const agenda = await fixture<CarnetAgenda>(html`<carnet-agenda today="2026-11-23"></carnet-agenda>`);
    const loading = part(agenda, '[part="loading"]');
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(text(loading)).to.equal("Chargement de l'agenda…");
    expect(agenda.matches(':state(loading)')).to.equal(true);
    await expect(agenda).to.be.accessible();
  });

  it('says the agenda is empty but still offers the calendar and creation, accessibly', async () => {
    const { agenda } = await agendaInProvider(uniqueDbName('agenda-empty'));
    expect(text(part(agenda, '[part="empty"]'))).to.contain('Votre agenda est vide');
    expect(agenda.matches(':state(empty)')).to.equal(true);
    expect(parts(agenda, '[role="gridcell"]')).to.have.length(42);
    expect(text(part(agenda, '[part="create"]'))).to.equal('Nouvel événement');
    await expect(agenda).to.be.accessible();
  });

  it('shows a localized error with Retry when loading fails, then loads on Retry', async () => {
    const dbName = uniqueDbName('agenda-error');
    await seedAgenda(dbName, [
      agendaEvent({ title: 'Consultation', start: '2026-11-24T10:00:00', end: '2026-11-24T10:30:00' }),
    ]);
    const real = createLocalDataSource({ dbName });
    const faulty = withFailingAgenda(real, new StorageError('simulated failure'));
    const agenda = await fixture<CarnetAgenda>(
      html`<carnet-agenda today="2026-11-23" .dataSource=${faulty.source}></carnet-agenda>`,
    );
    await waitUntil(() => agenda.shadowRoot?.querySelector('[role="alert"]'), 'error shown');
    expect(text(part(agenda, '[role="alert"]'))).to.contain("Votre carnet n'a pas pu être ouvert sur cet appareil.");
    expect(text(part(agenda, '[role="alert"]'))).not.to.contain('simulated');
    expect(agenda.matches(':state(error)')).to.equal(true);
    await expect(agenda).to.be.accessible();
    faulty.failing = false;
    part<HTMLButtonElement>(agenda, '[part="retry"]').click();
    await waitUntil(() => agenda.shadowRoot?.querySelector('[role="grid"]'), 'grid after retry');
    expect(cellLabel(agenda, '2026-11-24')).to.contain('Consultation 10:00');
    expect(faulty.listCalls).to.equal(2);
    agenda.remove();
    real.close();
  });

  it('renders the dense kidney month: dialysis on Mondays, Wednesdays and Fridays, with full-date labels', async () => {
    const { agenda } = await agendaInProvider(uniqueDbName('agenda-kidney'), { demoPersona: 'kidney' });
    expect(text(part(agenda, '#range-title'))).to.equal('novembre 2026');
    expect(parts(agenda, '[role="row"], tr')).to.have.length(7);
    expect(parts(agenda, '[role="columnheader"]').map((header) => text(header))).to.deep.equal([
      'lun.',
      'mar.',
      'mer.',
      'jeu.',
      'ven.',
      'sam.',
      'dim.',
    ]);
    const today = cell(agenda, '2026-11-23');
    expect(today.getAttribute('aria-current')).to.equal('date');
    expect(today.getAttribute('tabindex')).to.equal('0');
    expect(cellLabel(agenda, '2026-11-23')).to.match(
      /^lundi 23 novembre 2026, \d+ événements? : .*Séance d'hémodialyse 07:30/,
    );
    expect(cellLabel(agenda, '2026-11-25')).to.contain("Séance d'hémodialyse 07:30");
    expect(cellLabel(agenda, '2026-11-24')).not.to.contain('hémodialyse');
    // The Friday removed from the series (EXDATE) shows no session.
    expect(cellLabel(agenda, '2026-11-06')).not.to.contain('hémodialyse');
    expect(cellLabel(agenda, '2026-11-13')).to.contain('hémodialyse');
    // The moved Wednesday session is shown on Thursday.
    expect(cellLabel(agenda, '2026-12-02')).not.to.contain('hémodialyse');
    expect(cellLabel(agenda, '2026-12-03')).to.contain("Séance d'hémodialyse 07:30");
    expect(parts(agenda, '[role="gridcell"][tabindex="0"]')).to.have.length(1);
    expect(agenda.matches(':state(ready)')).to.equal(true);
    await expect(agenda).to.be.accessible();
  });

  it('renders the week as seven day sections with times, accessibly', async () => {
    const { agenda } = await agendaInProvider(uniqueDbName('agenda-week'), { demoPersona: 'kidney', view: 'week' });
    expect(text(part(agenda, '#range-title'))).to.equal('23–29 novembre 2026');
    const days = parts(agenda, '[part~="week-day"]');
    expect(days).to.have.length(7);
    expect(text(days[0]?.querySelector('h3 .visually-hidden'))).to.equal('lundi 23 novembre 2026');
    expect(itemSummaries(days[0] as HTMLElement)).to.include("07:30–11:30 Séance d'hémodialyse");
    expect(itemSummaries(days[1] as HTMLElement).some((summary) => summary.includes('hémodialyse'))).to.equal(false);
    expect(days[0]?.getAttribute('part')).to.contain('today');
    await expect(agenda).to.be.accessible();
  });

  it('lists what is coming, day by day, from today', async () => {
    const dbName = uniqueDbName('agenda-list');
    await seedAgenda(dbName, [
      agendaEvent({ title: 'Prise de sang', kind: 'exam', start: '2026-11-25T08:00:00', end: '2026-11-25T08:15:00' }),
      agendaEvent({ title: 'Néphrologue', start: '2026-11-24T14:00:00', end: '2026-11-24T14:30:00' }),
      agendaEvent({ title: 'Passé', start: '2026-11-20T14:00:00', end: '2026-11-20T14:30:00' }),
      agendaEvent({ title: 'Trop loin', start: '2027-01-20T14:00:00', end: '2027-01-20T14:30:00' }),
    ]);
    const { agenda } = await agendaInProvider(dbName, { view: 'list' });
    const days = parts(agenda, '.list-day');
    expect(days.map((day) => text(day.querySelector('h3')))).to.deep.equal([
      'mardi 24 novembre 2026',
      'mercredi 25 novembre 2026',
    ]);
    expect(itemSummaries(days[0] as HTMLElement)).to.deep.equal(['14:00–14:30 Néphrologue']);
    expect(text(days[1])).to.contain('Examen');
    await expect(agenda).to.be.accessible();
  });

  it('keeps a weekly 02:30 event at 02:30, except on the spring-forward Sunday where it reads 03:30', async () => {
    const dbName = uniqueDbName('agenda-dst');
    await seedAgenda(dbName, [
      agendaEvent({
        title: 'Dialyse de nuit',
        start: '2026-03-15T02:30:00',
        end: '2026-03-15T03:00:00',
        rrule: 'FREQ=WEEKLY',
      }),
    ]);
    const { agenda } = await agendaInProvider(dbName, { view: 'week', today: '2026-03-16' });
    const sunday = (): HTMLElement => parts(agenda, '[part~="week-day"]')[6] as HTMLElement;
    // Week of 16–22 March, then 23–29 March with the change of time.
    expect(text(sunday().querySelector('h3 .visually-hidden'))).to.equal('dimanche 22 mars 2026');
    expect(itemSummaries(sunday())).to.deep.equal(['02:30–03:00 Dialyse de nuit']);
    part<HTMLButtonElement>(agenda, '[part="next"]').click();
    await agenda.updateComplete;
    expect(text(sunday().querySelector('h3 .visually-hidden'))).to.equal('dimanche 29 mars 2026');
    expect(itemSummaries(sunday())).to.deep.equal(['03:30–04:00 Dialyse de nuit']);
    part<HTMLButtonElement>(agenda, '[part="next"]').click();
    await agenda.updateComplete;
    expect(text(sunday().querySelector('h3 .visually-hidden'))).to.equal('dimanche 5 avril 2026');
    expect(itemSummaries(sunday())).to.deep.equal(['02:30–03:00 Dialyse de nuit']);
    const monthCell = async (): Promise<string> => {
      part<HTMLButtonElement>(agenda, '[data-view="month"]').click();
      await agenda.updateComplete;
      return cellLabel(agenda, '2026-03-29');
    };
    expect(await monthCell()).to.equal('dimanche 29 mars 2026, 1 événement : Dialyse de nuit 03:30');
  });

  it('moves by month, week and list page, and comes back to today', async () => {
    const { agenda } = await agendaInProvider(uniqueDbName('agenda-nav'));
    const title = (): string => text(part(agenda, '#range-title'));
    const click = async (selector: string): Promise<void> => {
      part<HTMLButtonElement>(agenda, selector).click();
      await agenda.updateComplete;
    };
    await click('[part="next"]');
    expect(title()).to.equal('décembre 2026');
    expect(text(part(agenda, '[part="next"]'))).to.equal('Mois suivant ›');
    await click('[part="previous"]');
    await click('[part="previous"]');
    expect(title()).to.equal('octobre 2026');
    await click('[part="today"]');
    expect(title()).to.equal('novembre 2026');
    await click('[data-view="week"]');
    expect(part(agenda, '[data-view="week"]').getAttribute('aria-pressed')).to.equal('true');
    expect(agenda.view).to.equal('week');
    await click('[part="next"]');
    expect(title()).to.match(/^30 novembre.*6 décembre 2026$/);
    await click('[data-view="list"]');
    expect(agenda.getAttribute('view')).to.equal('list');
  });

  it('speaks English with Intl dates when the provider is in English', async () => {
    const { agenda } = await agendaInProvider(uniqueDbName('agenda-en'), { demoPersona: 'kidney', locale: 'en' });
    await waitUntil(() => text(part(agenda, '[part="create"]')) === 'New event', 'English strings');
    expect(text(part(agenda, '#range-title'))).to.equal('November 2026');
    expect(text(part(agenda, '[role="columnheader"]'))).to.equal('Mon');
    expect(text(part(agenda, '[part="previous"]'))).to.equal('‹ Previous month');
    expect(text(part(agenda, '#reminders-title'))).to.equal('Reminders for the next 7 days');
    expect(cellLabel(agenda, '2026-11-23')).to.equal("Monday, 23 November 2026, 1 event: Séance d'hémodialyse 07:30");
    await expect(agenda).to.be.accessible();
  });

  it('shows an event at the time of its own zone', async () => {
    const dbName = uniqueDbName('agenda-zone');
    await seedAgenda(dbName, [
      agendaEvent({
        title: 'Téléconsultation',
        start: '2026-11-24T09:00:00',
        end: '2026-11-24T09:30:00',
        timeZone: 'America/New_York',
      }),
    ]);
    const { agenda } = await agendaInProvider(dbName, { view: 'week' });
    expect(itemSummaries(part(agenda, '[part="week"]'))).to.deep.equal(['09:00–09:30 Téléconsultation']);
  });

  it('stays readable with text at 200 %: the week wraps into a list and nothing overflows', async () => {
    document.documentElement.style.fontSize = '32px';
    try {
      const { agenda } = await agendaInProvider(uniqueDbName('agenda-large'), { demoPersona: 'kidney', view: 'week' });
      agenda.style.inlineSize = '640px';
      await agenda.updateComplete;
      const days = parts(agenda, '[part~="week-day"]');
      // At this size the seven days stack: each takes the whole width.
      expect(days[1]?.getBoundingClientRect().top).to.be.greaterThan(days[0]?.getBoundingClientRect().bottom ?? 0);
      for (const element of [
        ...parts(agenda, '[part="event"]'),
        part(agenda, '[part="week"]'),
        part(agenda, '[part="toolbar"]'),
      ]) {
        expect(element.scrollWidth, element.className).to.be.at.most(element.clientWidth + 1);
      }
      const dialysis = parts(agenda, '[part="event"]')[0] as HTMLElement;
      expect(parseFloat(getComputedStyle(dialysis).fontSize)).to.be.at.least(32);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });
});

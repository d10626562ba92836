import { sendKeys } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, oneEvent, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetAgenda } from '../agenda/agenda.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetPlanChangeEvent } from '../events/carnet-plan-change.js';
import type { CarnetPillOrganiser } from './pill-organiser.js';
import { FIXED_NOW, all, one, storedMedication, text } from './test-helpers/organiser-fixtures.js';
import '../agenda/agenda.js';

/** A provider on `dbName` around the organiser and the agenda (week of 9 March 2026, doses shown). */
async function mountBoth(
  dbName: string,
  locale: 'fr' | 'en' = 'fr',
): Promise<{ organiser: CarnetPillOrganiser; agenda: CarnetAgenda }> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} locale=${locale}>
      <carnet-pill-organiser .now=${FIXED_NOW}></carnet-pill-organiser>
      <carnet-agenda view="week" today="2026-03-11" .now=${FIXED_NOW} show-medication></carnet-agenda>
    </carnet-provider>`,
  );
  const organiser = provider.querySelector('carnet-pill-organiser') as CarnetPillOrganiser;
  const agenda = provider.querySelector('carnet-agenda') as CarnetAgenda;
  await waitUntil(() => organiser.matches(':state(ready), :state(empty)'), 'organiser loaded', { timeout: 10_000 });
  await waitUntil(() => agenda.shadowRoot?.querySelector('[part="toolbar"]'), 'agenda shown', { timeout: 10_000 });
  // English strings load on demand: the page speaks English once the agenda's button does.
  if (locale === 'en')
    await waitUntil(
      () => agenda.shadowRoot?.querySelector('[part="create"]')?.textContent?.trim() === 'New event',
      'English strings',
      { timeout: 10_000 },
    );
  return { organiser, agenda };
}

/** Types into a field of the organiser's form as a person does: focus, select what is there, type. */
async function typeInto(organiser: CarnetPillOrganiser, selector: string, value: string): Promise<void> {
  const input = one<HTMLInputElement>(organiser, selector);
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value !== '') await sendKeys({ type: value });
  await organiser.updateComplete;
}

async function choose(organiser: CarnetPillOrganiser, selector: string, value: string): Promise<void> {
  const select = one<HTMLSelectElement>(organiser, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await organiser.updateComplete;
}

function agendaDoses(agenda: CarnetAgenda): string[] {
  return [...(agenda.shadowRoot?.querySelectorAll('[part="dose"]') ?? [])].map((dose) => text(dose));
}

describe('<carnet-pill-organiser> treatments the patient enters', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('adds a treatment in plain words and a new box from an empty record; both survive a reload, in the organiser and the agenda', async () => {
    const dbName = uniqueDbName('plan-editor');
    const { organiser, agenda } = await mountBoth(dbName);
    expect(organiser.matches(':state(empty)')).to.equal(true);
    one<HTMLButtonElement>(organiser, '[part="add-plan"]').click();
    const dialog = one<HTMLDialogElement>(organiser, 'dialog[part="plan-editor"]');
    await waitUntil(() => dialog.open, 'editor open');
    await waitUntil(() => organiser.shadowRoot?.activeElement?.id === 'plan-medication', 'focus on the medicine');
    await sendKeys({ type: 'Rasagiline 1 mg, comprimé' });
    await choose(organiser, '#plan-when', 'morning-evening');
    await choose(organiser, '#plan-days', 'every-2-days');
    await typeInto(organiser, '#plan-boxes', '1');
    await typeInto(organiser, '#plan-unitsPerBox', '30');
    expect(text(one(organiser, '[part="plan-preview"]'))).to.equal(
      'Vous prendrez : 1 comprimé tous les 2 jours, matin et soir',
    );
    const changed = oneEvent(organiser, 'carnet-plan-change');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    const event: CarnetPlanChangeEvent = await changed;
    expect(event.detail.change).to.equal('created');
    await waitUntil(() => all(organiser, '[data-fact="posology"]').length === 1, 'treatment listed');
    expect(text(one(organiser, '[data-fact="posology"]'))).to.equal('1 comprimé tous les 2 jours, matin et soir');
    // The agenda under the same provider shows the doses at once: 11 March (start), then every 2 days.
    await waitUntil(() => agendaDoses(agenda).length === 6, 'agenda doses', { timeout: 10_000 });
    expect(agendaDoses(agenda)[0])
      .to.contain('Rasagiline 1 mg, comprimé')
      .and.contain('tous les 2 jours, matin et soir');

    // A new box: the stock goes up by its 30 tablets.
    expect(text(one(organiser, '[data-fact="stock"] dd'))).to.match(/^Reste 30 comprimés/);
    one<HTMLButtonElement>(organiser, '[part="add-box"]').click();
    await waitUntil(() => one<HTMLDialogElement>(organiser, 'dialog[part="box-dialog"]').open, 'box dialog');
    expect(one<HTMLInputElement>(organiser, '[part="box-units"]').value).to.equal('30');
    one<HTMLButtonElement>(organiser, '[part="confirm-box"]').click();
    await waitUntil(() => /^Reste 60 comprimés/.test(text(one(organiser, '[data-fact="stock"] dd'))), 'stock 60');

    removeFixtures();
    const again = await mountBoth(dbName);
    await waitUntil(() => all(again.organiser, '[data-fact="posology"]').length === 1, 'treatment after reload');
    expect(text(one(again.organiser, '.medication-name'))).to.equal('Rasagiline 1 mg, comprimé');
    expect(text(one(again.organiser, '[data-fact="stock"] dd'))).to.match(/^Reste 60 comprimés/);
    await waitUntil(() => agendaDoses(again.agenda).length === 6, 'agenda doses after reload', { timeout: 10_000 });
    const { plans } = await storedMedication(dbName);
    expect(plans.map((p) => ({ slots: p.slots, everyDays: p.everyDays, stock: p.stock }))).to.deep.equal([
      {
        slots: [{ period: 'morning' }, { period: 'evening' }],
        everyDays: 2,
        stock: { dispensed: 60, unit: 'comprimé', dispensedOn: '2026-03-11', unitsPerBox: 30 },
      },
    ]);
  });

  it('refuses a treatment without a medicine or days, saying what to fix, and keeps the form', async () => {
    const dbName = uniqueDbName('plan-refused');
    const { organiser } = await mountBoth(dbName);
    one<HTMLButtonElement>(organiser, '[part="add-plan"]').click();
    await waitUntil(() => one<HTMLDialogElement>(organiser, 'dialog[part="plan-editor"]').open, 'editor open');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    await waitUntil(() => organiser.shadowRoot?.querySelector('[part="plan-error"]'), 'error shown');
    expect(text(one(organiser, '[part="plan-error"]'))).to.equal('Indiquez le nom du médicament.');
    await expect(organiser).to.be.accessible();
    await typeInto(organiser, '#plan-medication', 'Cholécalciférol 25 000 UI');
    await choose(organiser, '#plan-days', 'weekdays');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    await waitUntil(
      () => text(one(organiser, '[part="plan-error"]')) === 'Cochez au moins un jour de la semaine.',
      'weekday error',
    );
    const sunday = all<HTMLInputElement>(organiser, 'input[name="weekday"]').find((box) => box.value === 'SU');
    sunday?.click();
    await organiser.updateComplete;
    expect(text(one(organiser, '[part="plan-preview"]'))).to.equal('Vous prendrez : 1 comprimé chaque dimanche matin');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    await waitUntil(() => all(organiser, '[data-fact="posology"]').length === 1, 'saved');
    expect((await storedMedication(dbName)).plans[0]?.daysOfWeek).to.deep.equal(['SU']);
  });

  it('reads the dates in the page’s order (« 03/04/2027 » is 3 April), refuses an impossible one and an end before the start, saving nothing', async () => {
    const dbName = uniqueDbName('plan-dates');
    const { organiser } = await mountBoth(dbName);
    one<HTMLButtonElement>(organiser, '[part="add-plan"]').click();
    await waitUntil(() => one<HTMLDialogElement>(organiser, 'dialog[part="plan-editor"]').open, 'editor open');
    // Text fields, never the browser's own date input (whose order is the browser's).
    for (const id of ['plan-start', 'plan-end', 'plan-renewalDate']) {
      const input = one<HTMLInputElement>(organiser, `#${id}`);
      expect(input.type, id).to.equal('text');
      expect(text(one(organiser, `#${input.getAttribute('aria-describedby') ?? ''}`))).to.equal('jj/mm/aaaa');
    }
    expect(one<HTMLInputElement>(organiser, '#plan-start').value).to.equal('11/03/2026');
    await typeInto(organiser, '#plan-medication', 'Lévodopa 100 mg');
    await typeInto(organiser, '#plan-end', '03/04/2027');
    await typeInto(organiser, '#plan-renewalDate', '31/02/2027');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    await waitUntil(() => organiser.shadowRoot?.querySelector('[part="plan-error"]'), 'impossible date refused');
    expect(text(one(organiser, '[part="plan-error"]'))).to.equal(
      'Une date est incomplète ou n’existe pas : écrivez-la jj/mm/aaaa.',
    );
    expect(one(organiser, '#plan-renewalDate').getAttribute('aria-invalid')).to.equal('true');
    expect(one<HTMLDialogElement>(organiser, 'dialog[part="plan-editor"]').open).to.equal(true);
    await expect(organiser).to.be.accessible();

    await typeInto(organiser, '#plan-renewalDate', '03/04');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    await waitUntil(() => one(organiser, '#plan-renewalDate').getAttribute('aria-invalid') === 'true', 'incomplete');
    expect(text(one(organiser, '[part="plan-error"]'))).to.match(/^Une date est incomplète/);

    // The end before the start stays refused.
    await typeInto(organiser, '#plan-renewalDate', '');
    await typeInto(organiser, '#plan-end', '10/03/2026');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    await waitUntil(
      () => text(one(organiser, '[part="plan-error"]')) === 'La fin du traitement ne peut pas précéder son début.',
      'end before start refused',
    );
    expect((await storedMedication(dbName)).plans).to.deep.equal([]);

    await typeInto(organiser, '#plan-end', '03/04/2027');
    await typeInto(organiser, '#plan-renewalDate', '03/04/2027');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    await waitUntil(() => all(organiser, '[data-fact="posology"]').length === 1, 'saved');
    const [plan] = (await storedMedication(dbName)).plans;
    expect({ start: plan?.start, end: plan?.end, renewalDate: plan?.renewalDate }).to.deep.equal({
      start: '2026-03-11',
      end: '2027-04-03',
      renewalDate: '2027-04-03',
    });
    expect(text(one(organiser, '[data-fact="renewal"] dd'))).to.equal('3 avril 2027');

    // Changing it shows the saved days in the page's order.
    one<HTMLButtonElement>(organiser, '[part="edit-plan"]').click();
    await waitUntil(() => one<HTMLDialogElement>(organiser, 'dialog[part="plan-editor"]').open, 'editor open again');
    expect(one<HTMLInputElement>(organiser, '#plan-start').value).to.equal('11/03/2026');
    expect(one<HTMLInputElement>(organiser, '#plan-end').value).to.equal('03/04/2027');
    expect(one<HTMLInputElement>(organiser, '#plan-renewalDate').value).to.equal('03/04/2027');
  });

  it('reads « 03/04/2027 » as 3 April on an English page too (day first), whatever the browser’s own order', async () => {
    const dbName = uniqueDbName('plan-dates-en');
    const { organiser } = await mountBoth(dbName, 'en');
    one<HTMLButtonElement>(organiser, '[part="add-plan"]').click();
    await waitUntil(() => one<HTMLDialogElement>(organiser, 'dialog[part="plan-editor"]').open, 'editor open');
    expect(text(one(organiser, '#plan-end-hint'))).to.equal('dd/mm/yyyy');
    expect(one<HTMLInputElement>(organiser, '#plan-start').value).to.equal('11/03/2026');
    await typeInto(organiser, '#plan-medication', 'Levodopa 100 mg');
    await typeInto(organiser, '#plan-end', '31/02/2027');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    await waitUntil(() => organiser.shadowRoot?.querySelector('[part="plan-error"]'), 'impossible date refused');
    expect(text(one(organiser, '[part="plan-error"]'))).to.equal(
      'A date is incomplete or does not exist: write it dd/mm/yyyy.',
    );
    expect((await storedMedication(dbName)).plans).to.deep.equal([]);
    await typeInto(organiser, '#plan-end', '03/04/2027');
    await typeInto(organiser, '#plan-renewalDate', '03/04/2027');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    await waitUntil(() => all(organiser, '[data-fact="posology"]').length === 1, 'saved');
    const [plan] = (await storedMedication(dbName)).plans;
    expect([plan?.end, plan?.renewalDate]).to.deep.equal(['2027-04-03', '2027-04-03']);
    expect(text(one(organiser, '[data-fact="renewal"] dd'))).to.equal('April 3, 2027');
  });

  it('stops a treatment after asking (focus on « Garder le traitement »), and undoes the stop', async () => {
    const dbName = uniqueDbName('plan-stop');
    const { organiser, agenda } = await mountBoth(dbName);
    one<HTMLButtonElement>(organiser, '[part="add-plan"]').click();
    await waitUntil(() => one<HTMLDialogElement>(organiser, 'dialog[part="plan-editor"]').open, 'editor open');
    await typeInto(organiser, '#plan-medication', 'Amlodipine 5 mg');
    await choose(organiser, '#plan-when', 'evening');
    one<HTMLButtonElement>(organiser, '[part="plan-save"]').click();
    await waitUntil(() => all(organiser, '[data-fact="posology"]').length === 1, 'saved');
    await waitUntil(() => agendaDoses(agenda).length === 5, 'agenda doses 11–15 March', { timeout: 10_000 });

    one<HTMLButtonElement>(organiser, '[part="stop-plan"]').click();
    await waitUntil(() => one<HTMLDialogElement>(organiser, 'dialog[part="stop-dialog"]').open, 'stop dialog');
    await waitUntil(() => text(organiser.shadowRoot?.activeElement) === 'Garder le traitement', 'safe focus');
    await expect(organiser).to.be.accessible();
    one<HTMLButtonElement>(organiser, '[part="confirm-stop"]').click();
    await waitUntil(() => organiser.shadowRoot?.querySelector('[part="stop-notice"]'), 'stopped');
    await waitUntil(() => all(organiser, '[data-fact="posology"]').length === 0, 'no longer listed');
    // Stopped at 11:10: the agenda keeps no evening dose from today on.
    await waitUntil(() => agendaDoses(agenda).length === 0, 'no more doses in the agenda', { timeout: 10_000 });
    expect((await storedMedication(dbName)).plans[0]?.stoppedAt).to.equal(FIXED_NOW.toISOString());

    one<HTMLButtonElement>(organiser, '[part="undo-stop"]').click();
    await waitUntil(() => all(organiser, '[data-fact="posology"]').length === 1, 'running again');
    await waitUntil(() => agendaDoses(agenda).length === 5, 'doses back in the agenda', { timeout: 10_000 });
    expect((await storedMedication(dbName)).plans[0]?.stoppedAt).to.equal(undefined);
  });
});

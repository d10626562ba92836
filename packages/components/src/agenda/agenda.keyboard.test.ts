import { sendKeys } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect } from '../test-helpers/fixture.js';
import type { CarnetAgenda } from './agenda.js';
import { agendaEvent, agendaInProvider, cell, part, parts, seedAgenda, text } from './test-helpers/agenda-fixtures.js';
import { editorDialog, field } from './test-helpers/editor-helpers.js';

function activeDay(agenda: CarnetAgenda): string | undefined {
  return (agenda.shadowRoot?.activeElement as HTMLElement | null)?.dataset['day'];
}

async function press(agenda: CarnetAgenda, key: string): Promise<void> {
  await sendKeys({ press: key });
  await agenda.updateComplete;
  await agenda.updateComplete;
}

async function focusedGrid(label: string): Promise<CarnetAgenda> {
  const dbName = uniqueDbName(label);
  await seedAgenda(dbName, [
    agendaEvent({ title: 'Néphrologue', start: '2026-11-24T14:00:00', end: '2026-11-24T14:30:00' }),
  ]);
  const { agenda } = await agendaInProvider(dbName);
  // Tab from the last toolbar control lands on the grid's one tabbable cell.
  part<HTMLButtonElement>(agenda, '[part="import"]').focus();
  await sendKeys({ press: 'Tab' });
  return agenda;
}

describe('<carnet-agenda> month grid keyboard', () => {
  afterEach(deleteTestDatabases);

  it('has one cell in the tab order, today, reached with Tab and visibly focused', async () => {
    const agenda = await focusedGrid('keys-tab');
    expect(parts(agenda, '[role="gridcell"][tabindex="0"]').map((c) => c.dataset['day'])).to.deep.equal(['2026-11-23']);
    expect(activeDay(agenda)).to.equal('2026-11-23');
    const focused = cell(agenda, '2026-11-23');
    expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
    expect(getComputedStyle(focused).outlineWidth).to.equal('3px');
  });

  it('moves by day with Left/Right and by week with Up/Down, following into the next month', async () => {
    const agenda = await focusedGrid('keys-arrows');
    await press(agenda, 'ArrowRight');
    expect(activeDay(agenda)).to.equal('2026-11-24');
    await press(agenda, 'ArrowLeft');
    await press(agenda, 'ArrowLeft');
    expect(activeDay(agenda)).to.equal('2026-11-22');
    await press(agenda, 'ArrowUp');
    expect(activeDay(agenda)).to.equal('2026-11-15');
    await press(agenda, 'ArrowDown');
    await press(agenda, 'ArrowDown');
    await press(agenda, 'ArrowDown');
    expect(activeDay(agenda)).to.equal('2026-12-06');
    expect(text(part(agenda, '#range-title'))).to.equal('décembre 2026');
    expect(parts(agenda, '[role="gridcell"][tabindex="0"]')).to.have.length(1);
  });

  it('goes to the ends of the week with Home/End and by month with Page Up/Down', async () => {
    const agenda = await focusedGrid('keys-home');
    await press(agenda, 'ArrowRight');
    await press(agenda, 'ArrowRight');
    expect(activeDay(agenda)).to.equal('2026-11-25');
    await press(agenda, 'End');
    expect(activeDay(agenda)).to.equal('2026-11-29');
    await press(agenda, 'Home');
    expect(activeDay(agenda)).to.equal('2026-11-23');
    await press(agenda, 'PageDown');
    expect(activeDay(agenda)).to.equal('2026-12-23');
    expect(text(part(agenda, '#range-title'))).to.equal('décembre 2026');
    await press(agenda, 'PageUp');
    await press(agenda, 'PageUp');
    expect(activeDay(agenda)).to.equal('2026-10-23');
    expect(text(part(agenda, '#range-title'))).to.equal('octobre 2026');
  });

  it('opens a day with Enter, and creates on an empty day', async () => {
    const agenda = await focusedGrid('keys-enter');
    await press(agenda, 'ArrowRight');
    await press(agenda, 'Enter');
    const details = part(agenda, '[part="day-details"]');
    expect(text(details.querySelector('h3'))).to.equal('mardi 24 novembre 2026');
    expect(text(details)).to.contain('Néphrologue');
    expect(cell(agenda, '2026-11-24').getAttribute('aria-selected')).to.equal('true');
    expect(agenda.shadowRoot?.activeElement?.id).to.equal('day-details-title');
    await expect(agenda).to.be.accessible();

    cell(agenda, '2026-11-24').focus();
    await press(agenda, 'ArrowRight');
    await press(agenda, 'Enter');
    expect(editorDialog(agenda).open).to.equal(true);
    expect(field(agenda, 'date').value).to.equal('25/11/2026');
    await expect(agenda).to.be.accessible();
    await press(agenda, 'Escape');
    expect(editorDialog(agenda).open).to.equal(false);
  });
});

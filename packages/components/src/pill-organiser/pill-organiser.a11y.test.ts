import { createLocalDataSource, StorageError } from '@carnet/catalog-sdk';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { setCarnetLocale } from '../shared/localization.js';
import type { CarnetPillOrganiser } from './pill-organiser.js';
import { PRINT_PREVIEW_CLASS } from './pill-organiser.js';
import {
  all,
  doseButton,
  mountOrganiser,
  one,
  openDose,
  parisMarch,
  seedPersona,
  tableDoses,
  text,
  withFaultyMedications,
} from './test-helpers/organiser-fixtures.js';
import './pill-organiser.js';

const LEVODOPA = 'plan-parkinson-levodopa-carbidopa';
const AT_11 = parisMarch('2026-03-11', '11:00');

function active(organiser: CarnetPillOrganiser): Element | null {
  return organiser.shadowRoot?.activeElement ?? null;
}

describe('<carnet-pill-organiser> states, keyboard, print and languages', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
    await emulateMedia({ media: 'screen' });
  });

  it('shows a busy skeleton while it has no record, and is accessible', async () => {
    const organiser = await fixture<CarnetPillOrganiser>(html`<carnet-pill-organiser></carnet-pill-organiser>`);
    const loading = one(organiser, '[part="loading"]');
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(text(loading)).to.equal('Chargement de votre semainier…');
    expect(organiser.matches(':state(loading)')).to.equal(true);
    await expect(organiser).to.be.accessible();
  });

  it('says there is no treatment when the record has no plan, and is accessible', async () => {
    const { organiser } = await mountOrganiser(uniqueDbName('empty'));
    expect(organiser.matches(':state(empty)')).to.equal(true);
    expect(text(one(organiser, '[part="empty"]'))).to.contain('Aucun traitement en cours');
    await expect(organiser).to.be.accessible();
  });

  it('shows a localized error with Retry when plans cannot be read, and is accessible', async () => {
    const dbName = uniqueDbName('error');
    await seedPersona(dbName, 'diabetes');
    const faults = withFaultyMedications(createLocalDataSource({ dbName }), new StorageError('simulated'));
    faults.failPlans = true;
    const { organiser } = await mountOrganiser(dbName, { dataSource: faults.source });
    expect(organiser.matches(':state(error)')).to.equal(true);
    const alert = one(organiser, '[role="alert"]');
    expect(text(alert)).to.contain("Votre carnet n'a pas pu être ouvert sur cet appareil.");
    expect(text(alert)).not.to.contain('simulated');
    await expect(organiser).to.be.accessible();
    faults.failPlans = false;
    one<HTMLButtonElement>(organiser, 'button[part="retry"]').click();
    await waitUntil(() => organiser.matches(':state(ready)'), 'loaded after retry');
    expect(tableDoses(organiser).length).to.be.greaterThan(0);
  });

  for (const pathology of ['parkinson', 'kidney', 'diabetes'] as const) {
    it(`is accessible showing the ${pathology} week with its preset`, async () => {
      const dbName = uniqueDbName(`a11y-${pathology}`);
      await seedPersona(dbName, pathology);
      const { organiser } = await mountOrganiser(dbName, { pathology });
      await expect(organiser).to.be.accessible();
    });
  }

  it('is accessible with the dialog open at each step', async () => {
    const dbName = uniqueDbName('a11y-dialog');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    const dialog = await openDose(organiser, doseButton(organiser, LEVODOPA, AT_11));
    expect(dialog.getAttribute('aria-labelledby')).to.equal('intake-dialog-title');
    await expect(organiser).to.be.accessible();
    one<HTMLButtonElement>(organiser, 'button[part="take-at"]').click();
    await organiser.updateComplete;
    // Typed in the page's language, as in the agenda (a native time input follows the browser's: « 03:00 PM »).
    const time = one<HTMLInputElement>(organiser, 'input[part="taken-at-input"]');
    expect(time.type).to.equal('text');
    expect(time.value).to.equal('11:00');
    expect(text(organiser.shadowRoot?.getElementById(time.getAttribute('aria-describedby') ?? ''))).to.equal(
      'hh:mm, sur 24 heures',
    );
    await expect(organiser).to.be.accessible();
    one<HTMLButtonElement>(organiser, '.dialog-form button.secondary-button').click();
    await organiser.updateComplete;
    one<HTMLButtonElement>(organiser, 'button[part="skip"]').click();
    await organiser.updateComplete;
    await expect(organiser).to.be.accessible();
  });

  it('is accessible with the adherence tables open', async () => {
    const dbName = uniqueDbName('a11y-table');
    await seedPersona(dbName, 'kidney');
    const { organiser } = await mountOrganiser(dbName);
    const details = one<HTMLDetailsElement>(organiser, 'details[part="adherence-details"]');
    (details.querySelector('summary') as HTMLElement).click();
    await waitUntil(() => details.open, 'details open');
    expect(all(organiser, 'table[part="adherence-table"]')).to.have.length(2);
    await expect(organiser).to.be.accessible();
  });

  it('reaches the week grid with one Tab, moves with the arrows, opens a dose with Enter, Escape gives focus back', async () => {
    const dbName = uniqueDbName('keyboard');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    one<HTMLButtonElement>(organiser, 'button[part="print"]').focus();
    await sendKeys({ press: 'Tab' });
    // The grid's one Tab stop is today's next dose to take.
    const first = doseButton(organiser, LEVODOPA, AT_11);
    expect(active(organiser)).to.equal(first);
    expect(getComputedStyle(first).outlineStyle).to.equal('solid');
    // Arrows move between doses, the tab stop follows.
    const row = tableDoses(organiser).filter((dose) => dose.closest('tr') === first.closest('tr'));
    const rightOfFirst = row[row.indexOf(first) + 1] as HTMLButtonElement;
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => active(organiser) === rightOfFirst, 'ArrowRight moves to the next day');
    expect(rightOfFirst.tabIndex).to.equal(0);
    expect(first.tabIndex).to.equal(-1);
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => active(organiser) === first, 'ArrowLeft moves back');
    await sendKeys({ press: 'Tab' });
    expect(tableDoses(organiser)).not.to.include(active(organiser));

    const target = doseButton(organiser, LEVODOPA, AT_11);
    target.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = one<HTMLDialogElement>(organiser, 'dialog[part="intake-dialog"]');
    await waitUntil(() => dialog.open, 'dialog open');
    expect(active(organiser)).to.equal(one(organiser, 'button[part="take-now"]'));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'dialog closed');
    await organiser.updateComplete;
    await waitUntil(() => active(organiser) === target, 'focus back on the dose');
    expect(doseButton(organiser, LEVODOPA, AT_11).dataset['state']).to.equal('to-take');
  });

  it('opens a dose with Space and records it with Enter on « Prise maintenant »', async () => {
    const dbName = uniqueDbName('keyboard-space');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName);
    const target = doseButton(organiser, LEVODOPA, AT_11);
    target.focus();
    await sendKeys({ press: 'Space' });
    const dialog = one<HTMLDialogElement>(organiser, 'dialog[part="intake-dialog"]');
    await waitUntil(() => dialog.open, 'dialog open');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => doseButton(organiser, LEVODOPA, AT_11).dataset['state'] === 'taken', 'taken');
    await waitUntil(() => active(organiser) === doseButton(organiser, LEVODOPA, AT_11), 'focus back');
  });

  it('has a print stylesheet that hides controls and keeps a bordered black-on-white table', async () => {
    const dbName = uniqueDbName('print');
    await seedPersona(dbName, 'diabetes');
    const { organiser } = await mountOrganiser(dbName);
    const rules = (organiser.shadowRoot?.adoptedStyleSheets ?? []).flatMap((sheet) => [...sheet.cssRules]);
    const printRules = rules.filter(
      (rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print',
    );
    expect(printRules).to.have.length(1);
    const hidden = all(organiser, '[data-print-hide]');
    expect(hidden.map((el) => el.getAttribute('part'))).to.include.members(['toolbar', 'adherence']);

    await emulateMedia({ media: 'print' });
    await waitUntil(() => getComputedStyle(one(organiser, '[part="toolbar"]')).display === 'none', 'toolbar hidden');
    expect(getComputedStyle(one(organiser, '[part="adherence"]')).display).to.equal('none');
    expect(getComputedStyle(one(organiser, '.day-list')).display).to.equal('none');
    expect(getComputedStyle(one(organiser, '.week-table')).display).to.equal('table');
    const cell = one(organiser, '.week-table td');
    expect(getComputedStyle(cell).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(cell).borderTopColor).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(cell).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(tableDoses(organiser)[0] as HTMLElement).color).to.equal('rgb(0, 0, 0)');
  });

  it('applies the print view on screen with its class, and prints with the Print button', async () => {
    const dbName = uniqueDbName('print-preview');
    await seedPersona(dbName, 'kidney');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'kidney' });
    organiser.classList.add(PRINT_PREVIEW_CLASS);
    expect(getComputedStyle(one(organiser, '[part="toolbar"]')).display).to.equal('none');
    organiser.classList.remove(PRINT_PREVIEW_CLASS);
    const original = window.print;
    let printed = 0;
    window.print = () => {
      printed += 1;
    };
    try {
      const button = one<HTMLButtonElement>(organiser, 'button[part="print"]');
      expect(text(button)).to.equal('Imprimer');
      button.click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
  });

  it('speaks English: strings, times and dates through Intl', async () => {
    const dbName = uniqueDbName('english');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { locale: 'en', pathology: 'parkinson' });
    await waitUntil(() => text(one(organiser, '[part="title"]')) === 'My pill organiser', 'English heading');
    expect(doseButton(organiser, LEVODOPA, AT_11).getAttribute('aria-label')).to.equal(
      'Wednesday, March 11 — Lévodopa/Carbidopa 100 mg/25 mg — 1\u00a0comprimé — 11:00 AM — to take',
    );
    expect(text(one(organiser, '.week-span'))).to.equal('March 9 – 15, 2026');
    expect(all(organiser, '.week-table tbody tr .row-label').map((el) => text(el))).to.include('Morning');
    expect(text(one(organiser, 'button[data-nav="today"]'))).to.equal('This week');
    expect(text(one(organiser, '[part="adherence"] h2'))).to.equal('Doses taken');
    await expect(organiser).to.be.accessible();
  });
});

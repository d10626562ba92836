// Issue 14, « Done means »: from an empty local record, a patient fills her own record through
// the widgets only — a PDF, a treatment in plain words, a new box, an allergy and a person to
// call — then reloads the page and finds everything, in every widget that shows it.
import { sendKeys } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetDocumentBrowser } from '../document-browser/document-browser.js';
import type { CarnetPillOrganiser } from '../pill-organiser/pill-organiser.js';
import type { CarnetMedicalProfile } from '../medical-profile/medical-profile.js';
import type { CarnetEmergencyCard } from '../emergency-card/emergency-card.js';
import { rowTitles, rowsShown } from '../document-browser/test-helpers/browser-fixtures.js';
import { choose, detailsShown, openUpload, pdfFile, type } from '../document-browser/test-helpers/upload-steps.js';
import { FIXED_NOW } from '../pill-organiser/test-helpers/organiser-fixtures.js';
import '../provider/provider.js';
import '../document-browser/document-browser.js';
import '../pill-organiser/pill-organiser.js';
import '../medical-profile/medical-profile.js';
import '../emergency-card/emergency-card.js';

interface Page {
  browser: CarnetDocumentBrowser;
  organiser: CarnetPillOrganiser;
  profile: CarnetMedicalProfile;
  card: CarnetEmergencyCard;
}

function text(node: Node | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function one<T extends Element = HTMLElement>(host: HTMLElement, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${host.localName}>`);
  return found;
}

/** Text of a part that may not be shown yet ('' until it is): for waits. */
function shown(host: HTMLElement, selector: string): string {
  return text(host.shadowRoot?.querySelector(selector));
}

/** The patient's page: one provider on `dbName` around the four widgets she fills. */
async function openPage(dbName: string): Promise<Page> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} locale="fr">
      <carnet-document-browser></carnet-document-browser>
      <carnet-pill-organiser .now=${FIXED_NOW}></carnet-pill-organiser>
      <carnet-medical-profile></carnet-medical-profile>
      <carnet-emergency-card patient-name="Mme Lucie Martin"></carnet-emergency-card>
    </carnet-provider>`,
  );
  const page: Page = {
    browser: provider.querySelector('carnet-document-browser') as CarnetDocumentBrowser,
    organiser: provider.querySelector('carnet-pill-organiser') as CarnetPillOrganiser,
    profile: provider.querySelector('carnet-medical-profile') as CarnetMedicalProfile,
    card: provider.querySelector('carnet-emergency-card') as CarnetEmergencyCard,
  };
  const loaded = (element: HTMLElement): boolean => element.matches(':state(ready), :state(empty)');
  await waitUntil(() => Object.values(page).every(loaded), 'every widget shown', { timeout: 15_000 });
  return page;
}

/** Focuses a control of a widget and presses Enter, as a keyboard user does. */
async function press(host: HTMLElement, selector: string): Promise<void> {
  one(host, selector).focus();
  await sendKeys({ press: 'Enter' });
}

/** Types into a field after selecting what it holds. */
async function typeInto(host: HTMLElement, selector: string, value: string): Promise<void> {
  const input = one<HTMLInputElement>(host, selector);
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

/** Picks an option of a menu by keyboard: focus, then the option's first letters. */
async function pick(host: HTMLElement, selector: string, value: string): Promise<void> {
  const select = one<HTMLSelectElement>(host, selector);
  const option = [...select.options].find((candidate) => candidate.value === value);
  if (!option) throw new Error(`No option ${value} in ${selector}`);
  select.focus();
  // Typing an option's label selects it in a closed menu; the widget hears a real change.
  await sendKeys({ type: text(option) });
  await waitUntil(() => select.value === value, `${selector} set to ${value}`);
}

describe('a patient fills her own record from an empty local record (issue 14)', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('adds a PDF, a treatment in plain words, a new box, an allergy and a person to call through the widgets, and finds them all after a reload', async () => {
    const dbName = uniqueDbName('own-record');
    const page = await openPage(dbName);
    for (const widget of Object.values(page)) expect(widget.matches(':state(empty)'), widget.localName).to.equal(true);

    // A PDF, with the details proposed from its name and a tag of her own.
    const upload = await openUpload(page.browser);
    await choose(page.browser, pdfFile('ordonnance-dr-martin-2026-03-10.pdf'));
    await detailsShown(page.browser);
    await type(page.browser, 'upload-title', 'Ordonnance du Dr Martin');
    await type(page.browser, 'upload-tags', 'renouvellement');
    await press(page.browser, 'button[part="upload-save"]');
    await waitUntil(() => !upload.open, 'document saved');
    const preview = one<HTMLDialogElement>(page.browser, 'dialog[part="preview"]');
    await waitUntil(() => preview.open, 'previewed at once');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !preview.open, 'preview closed');

    // A treatment in plain words, then a new box.
    await press(page.organiser, '[part="add-plan"]');
    const editor = one<HTMLDialogElement>(page.organiser, 'dialog[part="plan-editor"]');
    await waitUntil(() => editor.open && page.organiser.shadowRoot?.activeElement?.id === 'plan-medication', 'editor');
    await sendKeys({ type: 'Metformine 500 mg, comprimé' });
    await pick(page.organiser, '#plan-when', 'morning-evening');
    await typeInto(page.organiser, '#plan-boxes', '1');
    await typeInto(page.organiser, '#plan-unitsPerBox', '30');
    await waitUntil(() => shown(page.organiser, '[part="plan-preview"]').includes('matin et soir'), 'preview');
    await press(page.organiser, '[part="plan-save"]');
    await waitUntil(() => !editor.open, 'treatment saved');
    await waitUntil(() => /^Reste 30 comprimés/.test(shown(page.organiser, '[data-fact="stock"] dd')), 'stock');
    await press(page.organiser, '[part="add-box"]');
    const box = one<HTMLDialogElement>(page.organiser, 'dialog[part="box-dialog"]');
    await waitUntil(() => box.open, 'box dialog');
    await press(page.organiser, '[part="confirm-box"]');
    await waitUntil(() => /^Reste 60 comprimés/.test(shown(page.organiser, '[data-fact="stock"] dd')), 'box');

    // An allergy and the person to call, in the medical profile.
    await press(page.profile, '[part="add-allergy"]');
    const form = one<HTMLDialogElement>(page.profile, 'dialog[part="add-dialog"]');
    await waitUntil(() => form.open, 'allergy form');
    await sendKeys({ type: 'Pénicilline' });
    await press(page.profile, 'dialog[open] [part="save"]');
    await waitUntil(() => shown(page.profile, '[part~="section-allergy"]').includes('Pénicilline'), 'allergy');
    await press(page.profile, '[part="add-contact"]');
    await waitUntil(() => form.open, 'contact form');
    await sendKeys({ type: 'Claire Martin' });
    await typeInto(page.profile, 'dialog[open] [name="relationship"]', 'Fille');
    await typeInto(page.profile, 'dialog[open] [name="phone"]', '06 12 34 56 78');
    await press(page.profile, 'dialog[open] [part="save"]');
    await waitUntil(() => shown(page.profile, '[part~="section-contact"]').includes('Claire Martin'), 'contact');

    // A reload: a new page on the same on-device record.
    removeFixtures();
    const again = await openPage(dbName);
    await rowsShown(again.browser);
    expect(rowTitles(again.browser)).to.deep.equal(['Ordonnance du Dr Martin']);
    expect(text(one(again.organiser, '.medication-name'))).to.equal('Metformine 500 mg, comprimé');
    expect(text(one(again.organiser, '[data-fact="posology"]'))).to.contain('matin et soir');
    expect(text(one(again.organiser, '[data-fact="stock"] dd'))).to.match(/^Reste 60 comprimés/);
    expect(text(one(again.profile, '[part~="section-allergy"]'))).to.contain('Pénicilline');
    expect(text(one(again.profile, '[part~="section-contact"]'))).to.contain('Claire Martin Fille · 06 12 34 56 78');
    // The emergency card shows the allergy first, and the person to call.
    const blocks = [...one(again.card, '[part="base"]').querySelectorAll('section')].map((s) => s.getAttribute('part'));
    expect(blocks[0]).to.equal('allergies');
    expect(text(one(again.card, '[part="allergies"]'))).to.contain('Pénicilline');
    expect(text(one(again.card, '[part="contacts"]'))).to.contain('Claire Martin (Fille) — 06 12 34 56 78');
  });
});

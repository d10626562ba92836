import { sendKeys } from '@web/test-runner-commands';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { HealthDocument } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { ContextProvider } from '@lit/context';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { sessionContext } from '../context/session.context.js';
import type { CarnetDocumentChangeDetail } from '../events/carnet-document-change.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';
import {
  FRENCH_DOCUMENTS,
  mountWithProvider,
  mountWithSource,
  part,
  rowOf,
  rowTitles,
  seedFrenchDocuments,
  shadow,
  text,
} from './test-helpers/browser-fixtures.js';
import type { CarnetDocumentBrowser } from './document-browser.js';

const IMAGING = 'IRM cérébrale';
const BADGE = 'Masqué aux professionnels';

const badgeOf = (browser: CarnetDocumentBrowser, title: string): string =>
  text(rowOf(browser, title).querySelector('[part="row-hidden-badge"]'));

/** Opens a document's preview from its row with the keyboard (focus, Enter). */
async function openByKeyboard(browser: CarnetDocumentBrowser, title: string): Promise<HTMLDialogElement> {
  rowOf(browser, title).querySelector<HTMLButtonElement>('.row-open')?.focus();
  await sendKeys({ press: 'Enter' });
  const dialog = part<HTMLDialogElement>(browser, 'dialog[part="preview"]');
  await waitUntil(() => dialog.open && dialog.querySelector('[part="hide-toggle"]'), 'preview open');
  return dialog;
}

/** Tabs to the hide/show button of the open preview and presses Enter. */
async function toggleByKeyboard(browser: CarnetDocumentBrowser): Promise<void> {
  const toggle = part<HTMLButtonElement>(browser, '[part="hide-toggle"]');
  for (let presses = 0; shadow(browser).activeElement !== toggle; presses++) {
    if (presses > 20) throw new Error('the hide button is not reachable with Tab');
    await sendKeys({ press: 'Tab' });
  }
  await sendKeys({ press: 'Enter' });
}

async function stored(dbName: string, title: string): Promise<HealthDocument | undefined> {
  const source = createLocalDataSource({ dbName });
  try {
    return (await source.documents.listAll()).find((document) => document.title === title);
  } finally {
    source.close();
  }
}

describe('<carnet-document-browser> hiding a document from professionals', () => {
  afterEach(() => deleteTestDatabases());

  it('hides and shows again by keyboard from the preview: badge in words, no sending, kept on the device, local note', async () => {
    const dbName = uniqueDbName('browser-hiding');
    await seedFrenchDocuments(dbName);
    const { browser } = await mountWithProvider(dbName);
    const changes: CarnetDocumentChangeDetail[] = [];
    browser.addEventListener('carnet-document-change', (event) => changes.push(event.detail));
    expect(badgeOf(browser, IMAGING)).to.equal('');
    expect(shadow(browser).querySelector('[part="hidden-only"]'), 'no filter while nothing is hidden').to.equal(null);

    const dialog = await openByKeyboard(browser, IMAGING);
    expect(text(dialog.querySelector('[part="hiding-local"]'))).to.contain('prendra effet sur la plateforme');
    expect(text(dialog.querySelector('[part="hide-toggle"]'))).to.equal('Masquer aux professionnels');
    await toggleByKeyboard(browser);

    await waitUntil(() => badgeOf(browser, IMAGING) === BADGE, 'badge in the row');
    // The outcome comes once the controller has looked for earlier sendings.
    await waitUntil(
      () => text(dialog.querySelector('.visibility [role="status"]')) === 'Document masqué aux professionnels.',
      'the outcome said',
    );
    expect(text(dialog.querySelector('[part="preview-hidden-badge"]'))).to.equal(BADGE);
    expect(text(dialog.querySelector('[part="hide-toggle"]'))).to.equal('Ne plus masquer aux professionnels');
    expect(dialog.querySelector('[part="send"]'), 'a hidden document cannot be sent').to.equal(null);
    expect(text(dialog.querySelector('[part="send-hidden"]'))).to.contain('ne peut pas leur être envoyé');
    expect(shadow(browser).activeElement, 'focus stays on the button').to.equal(part(browser, '[part="hide-toggle"]'));
    expect(changes.map((change) => change.changes)).to.deep.equal([{ hiddenFromProfessionals: true }]);
    expect((await stored(dbName, IMAGING))?.hiddenFromProfessionals).to.equal(true);
    await expect(browser).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => badgeOf(browser, IMAGING) === '', 'badge gone');
    await waitUntil(
      () => text(dialog.querySelector('.visibility [role="status"]')).includes('de nouveau visible'),
      'the outcome said',
    );
    expect(dialog.querySelector('[part="send"]')).to.not.equal(null);
    expect((await stored(dbName, IMAGING))?.hiddenFromProfessionals).to.equal(false);
    expect(changes).to.have.length(2);
  });

  it('filters the hidden documents with a counted checkbox, and searches still find them for the patient', async () => {
    const dbName = uniqueDbName('browser-hidden-filter');
    const source = createLocalDataSource({ dbName });
    for (const document of FRENCH_DOCUMENTS)
      await source.documents.create({ ...document, hiddenFromProfessionals: document.title === IMAGING });
    source.close();
    const { browser } = await mountWithProvider(dbName);
    const all = rowTitles(browser).length;
    expect(badgeOf(browser, IMAGING)).to.equal(BADGE);
    const checkbox = part<HTMLInputElement>(browser, 'input[part="hidden-only"]');
    expect(text(checkbox.closest('label'))).to.equal('Masqués aux professionnels uniquement (1)');
    checkbox.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => rowTitles(browser).length === 1, 'only the hidden document');
    expect(rowTitles(browser)).to.deep.equal([IMAGING]);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => rowTitles(browser).length === all, 'every document again');
    await expect(browser).to.be.accessible();
  });

  it('warns, on hiding a document already sent, that the professional already received it', async () => {
    const [first] = FRENCH_DOCUMENTS;
    const source = createInMemoryDataSource(
      [
        {
          ...(first as HealthDocument),
          id: 'doc-1',
          version: '1',
          tags: [],
          favourite: false,
          hiddenFromProfessionals: false,
        },
      ],
      { careTeam: [{ id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin' }] },
    );
    await source.documents.send({ documentId: 'doc-1', recipientId: 'pro-1' });
    const browser = await mountWithSource(source);
    const dialog = await openByKeyboard(browser, first?.title ?? '');
    await toggleByKeyboard(browser);
    await waitUntil(() => dialog.querySelector('[part="hidden-already-sent"]'), 'warning shown');
    const warning = dialog.querySelector('[part="hidden-already-sent"]');
    expect(warning?.getAttribute('role')).to.equal('alert');
    expect(text(warning)).to.contain('vous l’aviez déjà envoyé à Dr Claire Martin, qui l’a déjà reçu');
    await expect(browser).to.be.accessible();
  });

  it('says it in English too: badge, filter and button', async () => {
    const dbName = uniqueDbName('browser-hidden-en');
    const source = createLocalDataSource({ dbName });
    for (const document of FRENCH_DOCUMENTS)
      await source.documents.create({ ...document, hiddenFromProfessionals: document.title === IMAGING });
    source.close();
    const { browser } = await mountWithProvider(dbName, { locale: 'en' });
    await waitUntil(() => badgeOf(browser, IMAGING) === 'Hidden from professionals', 'English badge');
    expect(text(part(browser, 'input[part="hidden-only"]').closest('label'))).to.equal(
      'Hidden from professionals only (1)',
    );
    const dialog = await openByKeyboard(browser, IMAGING);
    expect(text(dialog.querySelector('[part="hide-toggle"]'))).to.equal('Stop hiding from professionals');
    expect(text(dialog.querySelector('[part="hiding-local"]'))).to.contain('will take effect on the platform');
  });

  it('offers no hiding to someone else viewing the record (a caregiver signed in)', async () => {
    const [first] = FRENCH_DOCUMENTS;
    const source = createInMemoryDataSource([
      {
        ...(first as HealthDocument),
        id: 'doc-1',
        version: '1',
        tags: [],
        favourite: false,
        hiddenFromProfessionals: false,
      },
    ]);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(host, {
      context: sessionContext,
      initialValue: { isAuthenticated: true, user: { fhirUser: 'RelatedPerson/aidant-kidney' } },
    });
    const browser = document.createElement('carnet-document-browser');
    browser.dataSource = source;
    host.append(browser);
    await waitUntil(() => rowTitles(browser).length > 0, 'rows');
    rowOf(browser, first?.title ?? '')
      .querySelector<HTMLButtonElement>('.row-open')
      ?.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(browser, 'dialog[part="preview"]');
    await waitUntil(() => dialog.open && dialog.querySelector('[part="details"]'), 'preview open');
    expect(dialog.querySelector('[part="visibility"]')).to.equal(null);
    expect(dialog.querySelector('[part="hide-toggle"]')).to.equal(null);
  });
});

/**
 * The document browser's dialogs load their code on demand (`browser-dialogs.controller.ts`): a
 * press before it has arrived still opens the dialog, the control is busy meanwhile, and a code
 * that cannot load says so next to the control and loads on the next press. The import is held
 * back or failed through the test hook, as a slow or broken network would.
 */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, deepActiveElement } from '../test-helpers/dialog-contract.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { heldBackImport } from '../test-helpers/held-back-import.js';
import { byRole, click, queryByRole } from '../test-helpers/person.js';
import { importDialogsForTests } from './browser-dialogs.controller.js';
import type * as DialogsPanel from './browser-dialogs.panel.js';
import type { CarnetDocumentBrowser } from './document-browser.js';
import { mountWithProvider, part, rowOf, seedFrenchDocuments, shadow, text } from './test-helpers/browser-fixtures.js';

const LOAD_FAILED = /Cette fenêtre n'a pas pu s'ouvrir/;
const INSULIN = 'Ordonnance de renouvellement d’insuline';

type DialogsModule = typeof DialogsPanel;

/** The dialogs' code held back until `release()` (or failed by `fail()`). */
function heldBackDialogs() {
  const held = heldBackImport((): Promise<DialogsModule> => import('./browser-dialogs.panel.js'));
  importDialogsForTests(held.load);
  return held;
}

async function browserWithDocuments(label: string): Promise<CarnetDocumentBrowser> {
  const dbName = uniqueDbName(label);
  await seedFrenchDocuments(dbName);
  return (await mountWithProvider(dbName)).browser;
}

function rowOpen(browser: CarnetDocumentBrowser, title: string): HTMLButtonElement {
  const button = rowOf(browser, title).querySelector<HTMLButtonElement>('[part="row-open"]');
  if (!button) throw new Error(`no open button on « ${title} »`);
  return button;
}

describe('<carnet-document-browser> dialogs whose code loads on demand', () => {
  afterEach(async () => {
    importDialogsForTests();
    await deleteTestDatabases();
  });

  it('opens « Ajouter un document » after a press made before its code arrived, the button busy meanwhile', async () => {
    const held = heldBackDialogs();
    const browser = await browserWithDocuments('deferred-upload');
    const add = part<HTMLButtonElement>(browser, 'button[part="add"]');
    const dialog = part<HTMLDialogElement>(browser, 'dialog[part="upload-dialog"]');
    expect(held.imports, 'nothing downloaded before anyone touches the browser').to.equal(0);
    expect(dialog.childElementCount, 'the dialog element is there, empty').to.equal(0);

    await click(add);
    await waitUntil(() => add.getAttribute('aria-busy') === 'true', 'the button says it is busy');
    expect(add.getAttribute('aria-disabled')).to.equal('true');
    expect(dialog.open, 'not open before its code arrived').to.equal(false);
    // A second press while it loads opens nothing more and downloads nothing more.
    await click(add);
    expect(held.imports, 'one download').to.equal(1);

    held.release();
    await waitUntil(() => dialog.open, 'the dialog opens once its code arrived');
    await waitUntil(() => dialog.contains(deepActiveElement()), 'focus inside the dialog');
    expect(add.hasAttribute('aria-busy'), 'no longer busy').to.equal(false);
    expect(add.hasAttribute('aria-disabled')).to.equal(false);
    expect(shadow(browser).querySelectorAll('dialog[open]').length, 'one dialog').to.equal(1);
    // Its styles came with its code: the header is laid out, not stacked as plain blocks.
    expect(getComputedStyle(part(browser, 'dialog[part="upload-dialog"] .dialog-header')).display).to.equal('flex');

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed on Escape');
    await waitUntil(() => deepActiveElement() === add, 'focus back on « Ajouter un document »');
  });

  it('opens the preview of a row pressed before the code arrived, the row busy meanwhile', async () => {
    const held = heldBackDialogs();
    const browser = await browserWithDocuments('deferred-preview');
    const open = rowOpen(browser, INSULIN);
    const dialog = part<HTMLDialogElement>(browser, 'dialog[part="preview"]');

    await click(open);
    await waitUntil(() => open.getAttribute('aria-busy') === 'true', 'the row says it is busy');
    expect(dialog.open).to.equal(false);
    held.release();
    await waitUntil(() => dialog.open && text(dialog.querySelector('h3')) === INSULIN, 'the preview opens');
    expect(rowOpen(browser, INSULIN).hasAttribute('aria-busy'), 'no longer busy').to.equal(false);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed on Escape');
    await waitUntil(() => deepActiveElement() === rowOpen(browser, INSULIN), 'focus back on the row');
  });

  it('opens the tag editor of a row, and of the selection, pressed before the code arrived, each busy meanwhile', async () => {
    const held = heldBackDialogs();
    const browser = await browserWithDocuments('deferred-tags');
    const dialog = part<HTMLDialogElement>(browser, 'dialog[part="tag-editor"]');
    const editRow = (): HTMLButtonElement =>
      rowOf(browser, INSULIN).querySelector<HTMLButtonElement>('[part="row-tag-edit"]') as HTMLButtonElement;

    await click(editRow());
    await waitUntil(() => editRow().getAttribute('aria-busy') === 'true', "the row's « Étiquettes » is busy");
    expect(dialog.open).to.equal(false);
    held.release();
    await waitUntil(() => dialog.open && dialog.contains(deepActiveElement()), 'the editor opens, focus inside');
    expect(text(part(browser, '#tags-title'))).to.equal('Étiquettes du document');
    expect(editRow().hasAttribute('aria-busy'), 'no longer busy').to.equal(false);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed on Escape');

    // Another page load, as it were: the code is not there again, for « Étiqueter la sélection ».
    const again = heldBackDialogs();
    const other = await browserWithDocuments('deferred-tags-selection');
    const otherDialog = part<HTMLDialogElement>(other, 'dialog[part="tag-editor"]');
    await click(rowOf(other, INSULIN).querySelector<HTMLElement>('[part="row-select"]') as HTMLElement);
    await waitUntil(() => other.shadowRoot?.querySelector('button[part="tag-selection"]'), 'selection bar shown');
    const tagSelection = part<HTMLButtonElement>(other, 'button[part="tag-selection"]');
    await click(tagSelection);
    await waitUntil(() => tagSelection.getAttribute('aria-busy') === 'true', '« Étiqueter la sélection » is busy');
    expect(otherDialog.open).to.equal(false);
    again.release();
    await waitUntil(() => otherDialog.open, 'the editor of the selection opens');
    expect(text(part(other, 'dialog[part="tag-editor"] #tags-title'))).to.equal('Étiqueter 1 document');
    expect(tagSelection.hasAttribute('aria-busy'), 'no longer busy').to.equal(false);
  });

  it('opens a preview asked from outside (`openDocument`, the record summary) before the code arrived', async () => {
    const held = heldBackDialogs();
    const browser = await browserWithDocuments('deferred-open-document');
    const id = rowOf(browser, INSULIN).dataset['documentId'] ?? '';
    const dialog = part<HTMLDialogElement>(browser, 'dialog[part="preview"]');
    await browser.openDocument(id);
    expect(dialog.open, 'waits for its code').to.equal(false);
    held.release();
    await waitUntil(() => dialog.open && text(dialog.querySelector('h3')) === INSULIN, 'the preview opens');
  });

  it('starts downloading when the patient focuses a row or points at « Ajouter un document »', async () => {
    const focused = heldBackDialogs();
    const browser = await browserWithDocuments('deferred-intent');
    rowOpen(browser, INSULIN).focus();
    await waitUntil(() => focused.imports === 1, 'download started on focus');
    focused.release();

    const pointed = heldBackDialogs();
    const add = part<HTMLButtonElement>(browser, 'button[part="add"]');
    add.scrollIntoView({ block: 'center' });
    const box = add.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await waitUntil(() => pointed.imports === 1, 'download started on pointing');
    pointed.release();
  });

  it('says so next to « Ajouter un document » when its dialog cannot load, and opens it on the next press', async () => {
    const held = heldBackDialogs();
    const browser = await browserWithDocuments('deferred-upload-failure');
    const add = part<HTMLButtonElement>(browser, 'button[part="add"]');
    const dialog = part<HTMLDialogElement>(browser, 'dialog[part="upload-dialog"]');

    await activate(add);
    await waitUntil(() => add.getAttribute('aria-busy') === 'true', 'the button says it is busy');
    held.fail();
    await waitUntil(() => queryByRole(browser, 'alert', LOAD_FAILED), 'the error is shown');
    const alert = byRole(browser, 'alert', LOAD_FAILED);
    expect(alert.getAttribute('part')).to.equal('dialog-load-error');
    expect(alert.previousElementSibling, 'right after the button').to.equal(add);
    expect(text(alert)).to.contain("Rien n'a été modifié");
    expect(dialog.open).to.equal(false);
    expect(add.hasAttribute('aria-busy'), 'no longer busy').to.equal(false);
    expect(deepActiveElement(), 'focus stays on the button').to.equal(add);
    await expect(browser).to.be.accessible();

    // The network is back: the next press downloads the code again and opens the dialog.
    importDialogsForTests();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the dialog opens on the next press');
    await waitUntil(() => dialog.contains(deepActiveElement()), 'focus inside the dialog');
    expect(queryByRole(browser, 'alert', LOAD_FAILED), 'the error is gone').to.equal(null);
  });

  it('says so above the list when a preview cannot load, and opens it on the next press', async () => {
    const held = heldBackDialogs();
    const browser = await browserWithDocuments('deferred-preview-failure');
    const dialog = part<HTMLDialogElement>(browser, 'dialog[part="preview"]');

    await activate(rowOpen(browser, INSULIN));
    await waitUntil(() => rowOpen(browser, INSULIN).getAttribute('aria-busy') === 'true', 'the row is busy');
    held.fail();
    await waitUntil(() => queryByRole(browser, 'alert', LOAD_FAILED), 'the error is shown');
    expect(dialog.open).to.equal(false);
    expect(rowOpen(browser, INSULIN).hasAttribute('aria-busy')).to.equal(false);

    importDialogsForTests();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open && text(dialog.querySelector('h3')) === INSULIN, 'the preview opens');
    expect(queryByRole(browser, 'alert', LOAD_FAILED), 'the error is gone').to.equal(null);
  });
});

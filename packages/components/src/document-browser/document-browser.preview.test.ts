import { sendKeys } from '@web/test-runner-commands';
import { StorageError } from '@carnet/catalog-sdk';
import type { CareTeamMember } from '@carnet/catalog-sdk';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import { deleteTestDatabases, seedPersonaRecord, uniqueDbName } from '../test-helpers/databases.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetDocumentSendDetail } from '../events/carnet-document-send.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';
import {
  mountWithProvider,
  mountWithSource,
  part,
  rowOf,
  rows,
  seedFrenchDocuments,
  shadow,
  text,
} from './test-helpers/browser-fixtures.js';
import type { CarnetDocumentBrowser } from './document-browser.js';

const LAB = 'Résultats d’analyses sanguines';
const IMAGING = 'IRM cérébrale';
const TEAM: CareTeamMember[] = [
  { id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin', specialty: 'Diabétologue' },
  { id: 'pro-2', name: 'Dr Paul Durand', family: 'Durand', specialty: 'Médecin généraliste' },
];

async function openPreview(browser: CarnetDocumentBrowser, title: string): Promise<HTMLDialogElement> {
  rowOf(browser, title).querySelector<HTMLButtonElement>('.row-open')?.click();
  const dialog = part<HTMLDialogElement>(browser, 'dialog[part="preview"]');
  await waitUntil(() => dialog.open, 'preview open');
  return dialog;
}

function detail(browser: CarnetDocumentBrowser, term: string): string {
  const terms = [...shadow(browser).querySelectorAll('[part="details"] dt')];
  return text(terms.find((dt) => text(dt) === term)?.nextElementSibling);
}

async function openSendDialog(browser: CarnetDocumentBrowser, title: string): Promise<HTMLDialogElement> {
  await openPreview(browser, title);
  part<HTMLButtonElement>(browser, 'button[part="send"]').click();
  const dialog = part<HTMLDialogElement>(browser, 'dialog[part="send-dialog"]');
  await waitUntil(() => dialog.open && dialog.querySelector('input[type="radio"]'), 'send form shown');
  return dialog;
}

async function chooseAndWrite(browser: CarnetDocumentBrowser, recipientId: string, message: string): Promise<void> {
  part<HTMLInputElement>(browser, `input[type="radio"][value="${recipientId}"]`).click();
  const textarea = part<HTMLTextAreaElement>(browser, 'textarea[part="send-message"]');
  textarea.value = message;
  textarea.dispatchEvent(new Event('input'));
  await browser.updateComplete;
}

describe('<carnet-document-browser> preview and sending', function () {
  afterEach(() => deleteTestDatabases());
  before(async function () {
    // pdf.js (loaded on the first PDF preview) is a few megabytes for the test server to send and the
    // page to parse on a busy machine: loaded once here, so the tests wait for drawing, not for that.
    this.timeout(60_000);
    await import('./pdf-pages.js');
  });

  it('previews a PDF with its details and a download link', async () => {
    const dbName = uniqueDbName('browser-pdf');
    await seedFrenchDocuments(dbName);
    const { browser } = await mountWithProvider(dbName);
    await openPreview(browser, LAB);
    // Drawn on a canvas in the page (no plugin): shown even where a CSP says `object-src 'none'`.
    await waitUntil(() => shadow(browser).querySelector('[part="preview-pdf"] canvas'), 'PDF drawn', {
      timeout: 10_000,
    });
    const page = part<HTMLCanvasElement>(browser, '[part="preview-pdf"] canvas');
    expect(page.getAttribute('aria-label')).to.equal('Page 1 sur 1');
    expect(shadow(browser).querySelector('object')).to.equal(null);
    const download = part<HTMLAnchorElement>(browser, 'a[part="download"]');
    expect(download.href).to.match(/^blob:/);
    expect(download.getAttribute('download')).to.equal(`${LAB}.pdf`);
    const blob = await (await fetch(download.href)).blob();
    expect(blob.type).to.equal('application/pdf');
    expect(detail(browser, 'Type')).to.equal("Résultats d'analyses");
    expect(detail(browser, 'Date')).to.equal('12 mars 2025');
    expect(detail(browser, 'Auteur')).to.equal('Dr Claire Martin');
    expect(detail(browser, 'Établissement')).to.equal('Laboratoire Bioaccess');
    const size = new Intl.NumberFormat('fr', {
      style: 'unit',
      unit: 'kilobyte',
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    });
    expect(detail(browser, 'Taille')).to.equal(size.format(48.213).replace(/\s+/g, ' '));
    expect(detail(browser, 'Étiquettes')).to.equal('diabète');
  });

  it('previews an image with its title as alternative text; Escape closes, frees it and returns focus', async () => {
    const dbName = uniqueDbName('browser-image');
    await seedFrenchDocuments(dbName);
    const { browser } = await mountWithProvider(dbName);
    const row = rowOf(browser, IMAGING);
    row.querySelector<HTMLButtonElement>('.row-open')?.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(browser, 'dialog[part="preview"]');
    await waitUntil(() => shadow(browser).querySelector('img[part="preview-image"]'), 'image shown');
    const image = part<HTMLImageElement>(browser, 'img[part="preview-image"]');
    expect(image.alt).to.equal(IMAGING);
    // `decode()` can wait for a frame that a background test page never gets: poll instead.
    await waitUntil(() => image.complete && image.naturalWidth > 0, 'image loaded', { timeout: 5000 });
    expect(image.naturalWidth).to.equal(1);
    const url = image.src;

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed');
    await waitUntil(
      () => shadow(browser).activeElement === rowOf(browser, IMAGING).querySelector('.row-open'),
      'focus back',
    );
    // The browser may return focus before the dialog's close event runs: wait for the release.
    await waitUntil(
      () =>
        fetch(url).then(
          () => false,
          () => true,
        ),
      'attachment freed',
    );
  });

  it('says the preview is unavailable for a document without a stored file, and still shows its details', async () => {
    const [document] = generateDocuments(1, { persona: 'kidney' });
    const source = createInMemoryDataSource(document ? [document] : []);
    const browser = await mountWithSource(source);
    rows(browser)[0]?.querySelector<HTMLButtonElement>('.row-open')?.click();
    await waitUntil(() => shadow(browser).querySelector('[part="preview-unavailable"]'), 'unavailable shown');
    expect(text(part(browser, '[part="preview-unavailable"]'))).to.contain('Aperçu indisponible');
    expect(shadow(browser).querySelector('a[part="download"]')).to.equal(null);
    expect(detail(browser, 'Auteur')).to.equal(document?.author ?? '');
    part<HTMLButtonElement>(browser, 'dialog[part="preview"] button[part="close"]').click();
    await waitUntil(() => !part<HTMLDialogElement>(browser, 'dialog[part="preview"]').open, 'closed');
  });

  it('in local mode says nothing can be sent and offers download instead — never a false success', async () => {
    const dbName = uniqueDbName('browser-send');
    await seedPersonaRecord(dbName, 'diabetes', 3);
    const { browser } = await mountWithProvider(dbName);
    const requests: CarnetDocumentSendDetail[] = [];
    browser.addEventListener('carnet-document-send', (event) => requests.push(event.detail));
    await openPreview(browser, text(rows(browser)[0]?.querySelector('.row-title')));
    part<HTMLButtonElement>(browser, 'button[part="send"]').click();
    await waitUntil(() => shadow(browser).querySelector('[part="send-unavailable"]'), 'unavailable notice shown');
    const dialog = part<HTMLDialogElement>(browser, 'dialog[part="send-dialog"]');
    expect(text(part(browser, '[part="send-unavailable"]'))).to.contain('rien ne peut être envoyé');
    expect(dialog.querySelector('input[type="radio"]')).to.equal(null);
    expect(shadow(browser).querySelector('[part="send-confirmation"]')).to.equal(null);
    const buttons = [...dialog.querySelectorAll('button')].map((button) => text(button));
    expect(buttons).to.include('Télécharger');
    expect(requests).to.deep.equal([]);
    await expect(browser).to.be.accessible();
  });

  it('sends a document to a chosen professional with a message, into the thread with them', async () => {
    const documents = generateDocuments(3, { persona: 'diabetes' });
    const source = createInMemoryDataSource(documents, { careTeam: TEAM });
    const browser = await mountWithSource(source);
    const requests: CarnetDocumentSendDetail[] = [];
    browser.addEventListener('carnet-document-send', (event) => requests.push(event.detail));
    const dialog = await openSendDialog(browser, text(rows(browser)[0]?.querySelector('.row-title')));
    expect(dialog.querySelectorAll('input[type="radio"]')).to.have.length(TEAM.length);
    const chosen = TEAM[1] as CareTeamMember;
    await chooseAndWrite(browser, chosen.id, 'Pour notre rendez-vous de jeudi.');
    // A live region inside the modal dialog (the page behind is inert), there before the
    // confirmation is written into it: only then do screen readers announce it.
    const status = dialog.querySelector('[role="status"]');
    expect(status, 'a status region in the dialog before sending').not.to.equal(null);
    expect(text(status)).to.equal('');
    part<HTMLButtonElement>(browser, 'button[part="send-confirm"]').click();
    await waitUntil(() => shadow(browser).querySelector('[part="send-confirmation"]'), 'confirmation shown');
    expect(text(part(browser, '[part="send-confirmation"]'))).to.equal(`Document envoyé à ${chosen.name}.`);
    expect(part(browser, '[part="send-confirmation"]').closest('[role="status"]')).to.equal(status);
    const documentId = rows(browser)[0]?.dataset['documentId'] as string;
    expect(requests).to.deep.equal([
      { documentId, recipientId: chosen.id, message: 'Pour notre rendez-vous de jeudi.' },
    ]);
    expect(source.sendings).to.have.length(1);
    expect(source.sendings[0]).to.include({
      documentId,
      recipientId: chosen.id,
      message: 'Pour notre rendez-vous de jeudi.',
    });
  });

  it('shows a failure when sending fails, and sends on retry', async () => {
    const documents = generateDocuments(3, { persona: 'diabetes' });
    const source = createInMemoryDataSource(documents, {
      careTeam: TEAM,
      sendFailure: new StorageError('simulated outage'),
    });
    const browser = await mountWithSource(source);
    await openSendDialog(browser, text(rows(browser)[0]?.querySelector('.row-title')));
    await chooseAndWrite(browser, 'pro-2', '');
    part<HTMLButtonElement>(browser, 'button[part="send-confirm"]').click();
    await waitUntil(() => shadow(browser).querySelector('[part="send-failure"]'), 'failure shown');
    expect(part(browser, '[part="send-failure"]').getAttribute('role')).to.equal('alert');
    expect(text(part(browser, '[part="send-failure"]'))).to.equal(
      'L’envoi à Dr Paul Durand a échoué. Rien n’a été envoyé.',
    );
    expect(source.sendings).to.have.length(0);

    source.sendFailure = undefined;
    [...shadow(browser).querySelectorAll<HTMLButtonElement>('dialog[part="send-dialog"] button')]
      .find((b) => text(b) === 'Réessayer')
      ?.click();
    await waitUntil(() => shadow(browser).querySelector('button[part="send-confirm"]'), 'form again');
    expect(part<HTMLInputElement>(browser, 'input[type="radio"][value="pro-2"]').checked).to.equal(true);
    part<HTMLButtonElement>(browser, 'button[part="send-confirm"]').click();
    await waitUntil(() => shadow(browser).querySelector('[part="send-confirmation"]'), 'sent');
    expect(source.sendings.map((s) => s.recipientId)).to.deep.equal(['pro-2']);
    expect(source.sendings[0]?.message).to.equal(undefined);
  });

  it('sends nothing and shows nothing more when the host cancels carnet-document-send', async () => {
    const documents = generateDocuments(2, { persona: 'parkinson' });
    const source = createInMemoryDataSource(documents, { careTeam: TEAM });
    const browser = await mountWithSource(source);
    let cancelable = false;
    browser.addEventListener('carnet-document-send', (event) => {
      cancelable = event.cancelable;
      event.preventDefault();
    });
    const dialog = await openSendDialog(browser, text(rows(browser)[0]?.querySelector('.row-title')));
    part<HTMLButtonElement>(browser, 'button[part="send-confirm"]').click();
    await waitUntil(() => !dialog.open, 'send dialog closed');
    expect(cancelable).to.equal(true);
    expect(source.sendCalls).to.equal(0);
    expect(shadow(browser).querySelector('[part="send-confirmation"]')).to.equal(null);
    expect(shadow(browser).querySelector('[part="send-failure"]')).to.equal(null);
  });
});

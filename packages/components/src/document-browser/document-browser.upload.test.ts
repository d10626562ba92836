import { DOCUMENT_MAX_BYTES, StorageError } from '@carnet/catalog-sdk';
import type { DocumentRepository } from '@carnet/catalog-sdk';
import { setCarnetLocale } from '../shared/localization.js';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';
import {
  mountWithProvider,
  mountWithSource,
  part,
  rowOf,
  rowTitles,
  shadow,
  text,
} from './test-helpers/browser-fixtures.js';
import { tinyPdf, tinyPng } from './test-helpers/sample-documents.js';
import {
  choose,
  detailsShown,
  field,
  openUpload,
  pdfFile,
  problem,
  type,
  typeKeys,
} from './test-helpers/upload-steps.js';

describe('<carnet-document-browser> adding a document', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('adds a PDF to an empty local record with the proposed details, previews it at once, and finds it after a reload', async () => {
    const dbName = uniqueDbName('browser-upload');
    const { browser } = await mountWithProvider(dbName, { waitForRows: false });
    await waitUntil(() => text(shadow(browser).querySelector('.state-title')).includes('Aucun document'), 'empty');
    const dialog = await openUpload(browser);
    await expect(browser).to.be.accessible();
    const picker = part<HTMLInputElement>(browser, 'input[part="upload-file"]');
    expect(picker.accept).to.equal('application/pdf,image/jpeg,image/png,image/webp');
    const camera = part<HTMLInputElement>(browser, 'input[part="upload-camera"]');
    expect(camera.getAttribute('capture')).to.equal('environment');
    expect(camera.accept).to.equal('image/*');

    await choose(browser, pdfFile('ordonnance-dr-martin-2026-03-14.pdf'));
    await detailsShown(browser);
    expect(field(browser, 'upload-title').value).to.equal('Ordonnance dr martin 2026-03-14');
    expect(field(browser, 'upload-kind').value).to.equal('prescription');
    // The proposed day, in the page's order.
    expect(field(browser, 'upload-day').value).to.equal('14/03/2026');
    await expect(browser).to.be.accessible();
    await type(browser, 'upload-title', 'Ordonnance du Dr Martin');
    await type(browser, 'upload-tags', 'diabète, renouvellement');
    part<HTMLButtonElement>(browser, 'button[part="upload-save"]').click();

    await waitUntil(() => !dialog.open, 'upload dialog closed');
    const preview = part<HTMLDialogElement>(browser, 'dialog[part="preview"]');
    await waitUntil(() => preview.open && shadow(browser).querySelector('a[part="download"]'), 'previewed at once');
    expect(text(preview.querySelector('h3'))).to.equal('Ordonnance du Dr Martin');
    expect(shadow(browser).querySelector('[part="preview-unavailable"]')).to.equal(null);

    // A reload: a new provider and browser on the same on-device record.
    removeFixtures();
    const reloaded = (await mountWithProvider(dbName)).browser;
    expect(rowTitles(reloaded)).to.deep.equal(['Ordonnance du Dr Martin']);
    expect(text(rowOf(reloaded, 'Ordonnance du Dr Martin').querySelector('[part="row-tags"]'))).to.include(
      'renouvellement',
    );
    rowOf(reloaded, 'Ordonnance du Dr Martin').querySelector<HTMLButtonElement>('.row-open')?.click();
    await waitUntil(() => shadow(reloaded).querySelector('a[part="download"]'), 'file kept');
    const href = part<HTMLAnchorElement>(reloaded, 'a[part="download"]').href;
    const saved = await (await fetch(href)).text();
    expect(saved).to.equal(await tinyPdf().text());
  });

  it('reads the day typed in the page’s order (« 03/04/2027 » is 3 April) and refuses an impossible day, saving nothing', async () => {
    const source = createInMemoryDataSource([]);
    const browser = await mountWithSource(source, false);
    const dialog = await openUpload(browser);
    await choose(browser, pdfFile('bilan.pdf'));
    await detailsShown(browser);
    // A text field read in the page's language, never the browser's own date input.
    const day = field<HTMLInputElement>(browser, 'upload-day');
    expect(day.type).to.equal('text');
    expect(text(part(browser, `#${day.getAttribute('aria-describedby') ?? ''}`))).to.equal('jj/mm/aaaa');
    expect(day.value).to.match(/^\d{2}\/\d{2}\/\d{4}$/);
    await typeKeys(browser, 'upload-title', 'Bilan sanguin');
    await typeKeys(browser, 'upload-day', '31/02/2027');
    part<HTMLButtonElement>(browser, 'button[part="upload-save"]').click();
    await waitUntil(() => problem(browser), 'impossible day refused');
    expect(problem(browser)).to.equal('Date non reconnue : écrivez-la jj/mm/aaaa.');
    expect(field(browser, 'upload-day').getAttribute('aria-invalid')).to.equal('true');
    expect(dialog.open).to.equal(true);
    await expect(browser).to.be.accessible();
    expect((await source.documents.listAll()).length).to.equal(0);

    await typeKeys(browser, 'upload-day', '03/04/2027');
    part<HTMLButtonElement>(browser, 'button[part="upload-save"]').click();
    await waitUntil(() => !dialog.open, 'saved');
    const [saved] = await source.documents.listAll();
    expect(saved?.date).to.equal('2027-04-03T12:00:00.000Z');
    await waitUntil(() => rowTitles(browser).includes('Bilan sanguin'), 'listed');
    expect(text(rowOf(browser, 'Bilan sanguin').querySelector('time'))).to.equal('3 avril 2027');
  });

  it('reads « 03/04/2027 » as 3 April on an English page too (day first), whatever the browser’s own order', async () => {
    const dbName = uniqueDbName('browser-upload-date-en');
    const { browser } = await mountWithProvider(dbName, { waitForRows: false, locale: 'en' });
    await waitUntil(() => text(part(browser, '.title')) === 'My documents', 'English strings');
    const dialog = await openUpload(browser);
    await choose(browser, pdfFile('ordonnance-dr-martin-2026-03-14.pdf'));
    await detailsShown(browser);
    expect(field(browser, 'upload-day').value).to.equal('14/03/2026');
    expect(text(part(browser, '#upload-day-hint'))).to.equal('dd/mm/yyyy');
    await typeKeys(browser, 'upload-day', '31/02/2027');
    part<HTMLButtonElement>(browser, 'button[part="upload-save"]').click();
    await waitUntil(() => problem(browser), 'impossible day refused');
    expect(problem(browser)).to.equal('Date not recognised: write it dd/mm/yyyy.');
    await typeKeys(browser, 'upload-day', '03/04/2027');
    part<HTMLButtonElement>(browser, 'button[part="upload-save"]').click();
    await waitUntil(() => !dialog.open, 'saved');
    await waitUntil(() => rowTitles(browser).length === 1, 'listed');
    const time = rowOf(browser, rowTitles(browser)[0] ?? '').querySelector('time');
    expect(time?.getAttribute('datetime')).to.equal('2027-04-03T12:00:00.000Z');
    expect(text(time)).to.equal('April 3, 2027');
  });

  it('refuses a file of another type and a file over the limit with a clear message, saving nothing', async () => {
    const source = createInMemoryDataSource([]);
    const browser = await mountWithSource(source, false);
    await openUpload(browser);
    await choose(browser, new File(['<html></html>'], 'page.html', { type: 'text/html' }));
    await waitUntil(() => problem(browser), 'type refused');
    expect(problem(browser)).to.equal(
      '« page.html » n’est pas un PDF ni une image JPEG, PNG ou WebP : ce type de fichier ne peut pas être ajouté.',
    );
    expect(shadow(browser).querySelector('[part="upload-error"]')?.getAttribute('role')).to.equal('alert');
    await choose(browser, new File([new Uint8Array(DOCUMENT_MAX_BYTES + 1)], 'scan.pdf', { type: 'application/pdf' }));
    await waitUntil(() => problem(browser).startsWith('Ce fichier est trop lourd'), 'size refused');
    expect(problem(browser)).to.match(/3 Mo au maximum/);
    await expect(browser).to.be.accessible();
    expect((await source.documents.listAll()).length).to.equal(0);
  });

  it('says in English why a file is refused', async () => {
    const dbName = uniqueDbName('browser-upload-en');
    const { browser } = await mountWithProvider(dbName, { waitForRows: false, locale: 'en' });
    await waitUntil(() => text(part(browser, '.title')) === 'My documents', 'English strings');
    await openUpload(browser);
    await choose(browser, new File([new Uint8Array(DOCUMENT_MAX_BYTES + 1)], 'scan.pdf', { type: 'application/pdf' }));
    await waitUntil(() => problem(browser), 'size refused');
    expect(problem(browser)).to.match(/^This file is too large: 3 MB at most\./);
  });

  it('keeps the file and every detail when saving fails (quota), and saves on retry', async () => {
    const source = createInMemoryDataSource([]);
    const repository = source.documents as DocumentRepository & { create: DocumentRepository['create'] };
    const create = repository.create.bind(repository);
    let failures = 1;
    repository.create = (input, content) =>
      failures-- > 0
        ? Promise.reject(new StorageError('full', { cause: new DOMException('full', 'QuotaExceededError') }))
        : create(input, content);
    const browser = await mountWithSource(source, false);
    const dialog = await openUpload(browser);
    await choose(browser, pdfFile('bilan.pdf'));
    await detailsShown(browser);
    await type(browser, 'upload-title', 'Bilan sanguin de mars');
    part<HTMLButtonElement>(browser, 'button[part="upload-save"]').click();
    await waitUntil(() => problem(browser), 'failure shown');
    expect(problem(browser)).to.include('Plus assez de place');
    expect(dialog.open).to.equal(true);
    expect(field(browser, 'upload-title').value).to.equal('Bilan sanguin de mars');
    expect(text(shadow(browser).querySelector('[part="upload-summary"]'))).to.include('bilan.pdf');

    part<HTMLButtonElement>(browser, 'button[part="upload-save"]').click();
    await waitUntil(() => !dialog.open, 'saved on retry');
    const [saved] = await source.documents.listAll();
    expect(saved?.title).to.equal('Bilan sanguin de mars');
    expect(saved?.kind).to.equal('lab-result');
  });

  it('takes a photo dropped on the browser, proposing a « photo » tag', async () => {
    const source = createInMemoryDataSource([]);
    const browser = await mountWithSource(source, false);
    await waitUntil(() => shadow(browser).querySelector('button[part="add"]'), 'ready');
    const transfer = new DataTransfer();
    transfer.items.add(new File([tinyPng()], 'IMG_2041.png', { type: 'image/png' }));
    const base = part(browser, '[part="base"]');
    const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
    base.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true);
    base.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await detailsShown(browser);
    expect(part<HTMLDialogElement>(browser, 'dialog[part="upload-dialog"]').open).to.equal(true);
    expect(field(browser, 'upload-tags').value).to.equal('photo');
    expect(field(browser, 'upload-title').value).to.equal('IMG 2041');
  });
});

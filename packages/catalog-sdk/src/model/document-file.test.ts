import { expect } from '@open-wc/testing';
import {
  DOCUMENT_MAX_BYTES,
  documentFileProblem,
  documentFileType,
  embeddedDocumentDate,
  proposeDocument,
} from './document-file.js';

const MARCH = Date.UTC(2026, 2, 14, 8, 30);
const file = (name: string, type = '', size = 1000, lastModified = MARCH) => ({ name, type, size, lastModified });
const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('document files', () => {
  it('accepts PDFs and displayable images up to the size limit, and names what is wrong otherwise', () => {
    expect(documentFileProblem(file('a.pdf', 'application/pdf'))).to.equal(undefined);
    expect(documentFileProblem(file('photo.jpg', 'image/jpeg'))).to.equal(undefined);
    expect(documentFileProblem(file('scan.PNG'))).to.equal(undefined);
    expect(documentFileProblem(file('notes.docx', 'application/vnd.openxmlformats'))).to.equal('wrong-type');
    expect(documentFileProblem(file('page.html', 'text/html'))).to.equal('wrong-type');
    expect(documentFileProblem(file('big.pdf', 'application/pdf', DOCUMENT_MAX_BYTES + 1))).to.equal('too-big');
    expect(documentFileProblem(file('void.pdf', 'application/pdf', 0))).to.equal('empty');
    expect(documentFileType(file('IMG_0001.JPEG'))).to.equal('image/jpeg');
  });

  it('proposes title, kind and date from the file name', () => {
    const proposal = proposeDocument(file('ordonnance_dr-martin_2026-02-03.pdf', 'application/pdf', 4200));
    expect(proposal).to.deep.equal({
      title: 'Ordonnance dr martin 2026-02-03',
      kind: 'prescription',
      date: '2026-02-03T12:00:00.000Z',
      contentType: 'application/pdf',
      size: 4200,
      tags: [],
    });
    expect(proposeDocument(file('IRM cérébrale.pdf', 'application/pdf')).kind).to.equal('imaging');
    expect(proposeDocument(file('Bilan sanguin 14-03-2026.pdf', 'application/pdf')).date).to.equal(
      '2026-03-14T12:00:00.000Z',
    );
  });

  it('falls back on the embedded date, then on the file date; tags camera pictures', () => {
    expect(proposeDocument(file('scan.pdf', 'application/pdf'), '2025-12-01T12:00:00.000Z').date).to.equal(
      '2025-12-01T12:00:00.000Z',
    );
    const photo = proposeDocument(file('IMG_4032.jpg', 'image/jpeg'));
    expect(photo.date).to.equal(new Date(MARCH).toISOString());
    expect(photo.kind).to.equal('other');
    expect(photo.tags).to.deep.equal(['photo']);
  });

  it('reads a PDF creation date and a JPEG EXIF date from the first bytes', () => {
    expect(
      embeddedDocumentDate(latin1('%PDF-1.4\n<< /CreationDate (D:20250704101500+02) >>'), 'application/pdf'),
    ).to.equal('2025-07-04T12:00:00.000Z');
    expect(embeddedDocumentDate(latin1('\xff\xd8\xff\xe1Exif\0\x002024:11:30 18:02:11\0'), 'image/jpeg')).to.equal(
      '2024-11-30T12:00:00.000Z',
    );
    expect(embeddedDocumentDate(latin1('%PDF-1.4 nothing here'), 'application/pdf')).to.equal(undefined);
  });
});

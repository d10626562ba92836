import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import { DOCUMENT_KINDS } from '../model/document.js';
import { DEFAULT_REFERENCE_DATE, generateDocuments, generatePersona, type PersonaId } from './index.js';

const NOW = new Date(DEFAULT_REFERENCE_DATE);

describe('generateDocuments', () => {
  it('makes 10,000 documents with unique ids (performance sanity)', () => {
    const documents = generateDocuments(10_000);
    expect(documents).to.have.length(10_000);
    expect(new Set(documents.map((d) => d.id)).size).to.equal(10_000);
  });

  it('varies titles, dates, kinds, tags and personas across 10,000 documents', () => {
    const documents = generateDocuments(10_000, { seed: 9 });
    expect(new Set(documents.map((d) => d.title)).size).to.be.above(200);
    expect(new Set(documents.map((d) => d.date.slice(0, 10))).size).to.be.above(1000);
    expect(new Set(documents.map((d) => d.kind)).size).to.equal(DOCUMENT_KINDS.length);
    expect(new Set(documents.flatMap((d) => d.tags)).size).to.be.above(15);
    const personas = new Set(documents.map((d) => /^doc-([a-z]+)-/.exec(d.id)?.[1]));
    expect([...personas].sort()).to.deep.equal(['diabetes', 'kidney', 'parkinson']);
    const dates = documents.map((d) => d.date);
    expect([...dates].sort()).to.deep.equal(dates);
  });

  it('numbers ids oldest first with enough digits', () => {
    const documents = generateDocuments(10_000, { persona: 'kidney' });
    expect(documents[0]?.id).to.equal('doc-kidney-00001');
    expect(documents[9_999]?.id).to.equal('doc-kidney-10000');
    expect((documents[0]?.date ?? '') <= (documents[9_999]?.date ?? '')).to.equal(true);
    expect(generateDocuments(3, { persona: 'parkinson' }).map((d) => d.id)).to.deep.equal([
      'doc-parkinson-0001',
      'doc-parkinson-0002',
      'doc-parkinson-0003',
    ]);
  });

  it('is deterministic and seed-sensitive', () => {
    expect(generateDocuments(500, { seed: 3 })).to.deep.equal(generateDocuments(500, { seed: 3 }));
    expect(generateDocuments(500, { seed: 3 })).to.not.deep.equal(generateDocuments(500, { seed: 4 }));
  });

  it('gives a persona the same documents as its generated record', () => {
    const persona: PersonaId = 'diabetes';
    expect(generateDocuments(320, { persona, seed: 12 })).to.deep.equal(
      generatePersona(persona, { seed: 12 }).documents,
    );
  });

  it('places documents relative to the given now', () => {
    const now = new Date('2030-06-01T12:00:00Z');
    const documents = generateDocuments(1000, { now });
    const earliest = now.getTime() - 6 * 365 * 86_400_000;
    for (const document of documents) expect(Date.parse(document.date)).to.be.within(earliest, now.getTime());
    expect(Date.parse(documents[documents.length - 1]?.date ?? '')).to.be.above(NOW.getTime());
  });

  it('returns nothing for zero and rejects negative or fractional counts', () => {
    expect(generateDocuments(0)).to.deep.equal([]);
    expect(() => generateDocuments(-1)).to.throw(ValidationError);
    expect(() => generateDocuments(2.5)).to.throw(ValidationError);
    expect(() => generateDocuments(5, { persona: 'asthma' as PersonaId })).to.throw(ValidationError);
  });
});

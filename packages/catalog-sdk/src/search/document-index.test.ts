import { expect } from '@open-wc/testing';
import { createDocumentIndex } from './index.js';
import type { DocumentSearchResult } from './index.js';
import { FRENCH_RECORD, fixtureDocument, ids } from './test-helpers/french-record.js';

const index = createDocumentIndex([...FRENCH_RECORD]);

function hitIds(result: DocumentSearchResult): string[] {
  return result.hits.map((hit) => hit.document.id);
}

function search(query: string): string[] {
  return hitIds(index.search(query));
}

function idsOfKind(kind: string): string[] {
  return FRENCH_RECORD.filter((document) => document.kind === kind).map((document) => document.id);
}

function position(found: string[], number: number): number {
  return found.indexOf(fixtureDocument(number).id);
}

describe('createDocumentIndex: search quality', () => {
  it('is accent-insensitive: `resultat` finds every « Résultats d’analyses », titles first', () => {
    const found = search('resultat');
    expect(found).to.include.members(idsOfKind('lab-result'));
    expect(found.slice(0, 2)).to.have.members(ids(6, 47));
  });

  it('`echographie` finds « Échographie » titles before a description mention', () => {
    const found = search('echographie');
    expect(found.slice(0, 3)).to.have.members(ids(9, 13, 54));
    expect(found[3]).to.equal(fixtureDocument(27).id);
    expect(found).to.have.length(4);
  });

  it('is case- and accent-insensitive in the query too', () => {
    expect(search('ÉCHOGRAPHIE')).to.deep.equal(search('echographie'));
    expect(search('cœur')).to.deep.equal(search('COEUR'));
  });

  it('tolerates typos: `ordonance` finds every prescription, « Ordonnance… » titles first', () => {
    const found = search('ordonance');
    expect(found).to.have.members(idsOfKind('prescription'));
    expect(found[found.length - 1]).to.equal(fixtureDocument(20).id); // « Prescription de… » only matches by kind label
  });

  it('`hemoglobine glyquee` finds « hémoglobine glyquée (HbA1c) » and only it', () => {
    expect(search('hemoglobine glyquee')).to.deep.equal(ids(1));
    expect(search('HbA1c')).to.deep.equal(ids(1));
  });

  it('`neurolgue` finds the neurologist documents, title mentions first', () => {
    const found = search('neurolgue');
    expect(found.slice(0, 3)).to.have.members(ids(24, 30, 40));
    expect(found).to.include(fixtureDocument(10).id); // « Demandée par le neurologue » in the description
  });

  it('`dialise` finds every document tagged « dialyse »', () => {
    const tagged = FRENCH_RECORD.filter((document) => document.tags.includes('dialyse')).map((document) => document.id);
    expect(search('dialise')).to.include.members(tagged);
  });

  it('requires every word to match somewhere: `irm neurologue`', () => {
    // doc 10: « IRM cérébrale » + « neurologue » in its description; doc 30: neurologist + « IRM prescrite ».
    expect(search('irm neurologue')).to.have.members(ids(10, 30));
  });

  it('matches words across author and organisation: `benali lyon`', () => {
    const expected = FRENCH_RECORD.filter(
      (document) => document.author === 'Dr Inès Benali' && document.organisation === 'CHU de Lyon',
    );
    expect(search('benali lyon')).to.have.members(expected.map((document) => document.id));
  });

  it('matches the English kind label too: `prescription`, `laboratory`', () => {
    expect(search('prescription')).to.have.members(idsOfKind('prescription'));
    expect(search('prescription')[0]).to.equal(fixtureDocument(20).id);
    expect(search('laboratory')).to.have.members(idsOfKind('lab-result'));
  });

  it('matches tags: `parkinson`', () => {
    const tagged = FRENCH_RECORD.filter((document) => document.tags.includes('parkinson')).map(
      (document) => document.id,
    );
    expect(search('parkinson')).to.have.members(tagged);
    expect(search('parkinson')[0]).to.equal(fixtureDocument(24).id); // the only one with it in the title
  });

  it('matches prefixes while typing: `creat`, `ordo`, `vacc`', () => {
    expect(search('creat')).to.deep.equal(ids(3, 2));
    expect(search('ordo')).to.have.members(idsOfKind('prescription'));
    expect(search('vacc')).to.have.members(idsOfKind('vaccination'));
  });

  it('tolerates a typo in a word still being typed: `ordonan`', () => {
    expect(search('ordonan')).to.have.members(idsOfKind('prescription'));
  });

  it('finds a two-typo word typed letter by letter exactly as when pasted in one go: `nuerolgue`', () => {
    const query = 'nuerolgue';
    const typed = createDocumentIndex([...FRENCH_RECORD]);
    for (let length = 1; length < query.length; length++) typed.search(query.slice(0, length));
    const pasted = hitIds(createDocumentIndex([...FRENCH_RECORD]).search(query));
    expect(pasted).to.include.members(ids(24, 30, 40));
    expect(hitIds(typed.search(query))).to.deep.equal(pasted);
  });

  it('handles apostrophes and filler words: `d’analyses`, `compte rendu de consultation`', () => {
    expect(search('d’analyses')[0]).to.equal(fixtureDocument(47).id);
    expect(search("d'analyses")).to.deep.equal(search('d’analyses'));
    expect(search('compte rendu de consultation')).to.have.members(idsOfKind('consultation-note'));
  });

  it('`compte rendu hospitalisation` finds the discharge summaries, the best-matching title first', () => {
    const found = search('compte rendu hospitalisation');
    expect(found).to.have.members(idsOfKind('discharge-summary'));
    expect(found[0]).to.equal(fixtureDocument(31).id);
  });

  it('keeps single letters meaningful: `hepatite b`', () => {
    expect(search('hepatite b')).to.deep.equal(ids(37));
  });

  it('finds a badly misspelt long word through the loose pass: `ofthalmologist`', () => {
    expect(search('ofthalmologist')).to.deep.equal(ids(49));
  });

  it('returns nothing for a word found nowhere, even next to good words', () => {
    expect(index.search('xyzzyq').total).to.equal(0);
    expect(index.search('ordonnance xyzzyq').hits).to.deep.equal([]);
  });

  it('treats an empty or punctuation-only query as « everything », newest first', () => {
    const everything = index.search('');
    expect(everything.total).to.equal(FRENCH_RECORD.length);
    const times = everything.hits.map((hit) => Date.parse(hit.document.date));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    expect(everything.hits.every((hit) => hit.score === 0)).to.equal(true);
    expect(hitIds(index.search('  — ’ '))).to.deep.equal(hitIds(everything));
  });
});

describe('createDocumentIndex: ranking', () => {
  it('ranks a title match above the same word in a description: `insuline`', () => {
    const found = search('insuline');
    expect(found[0]).to.equal(fixtureDocument(16).id);
    expect(found.slice(1)).to.have.members(ids(22, 25));
  });

  it('ranks exact matches above typo matches: `lyon` (CHU de Lyon) before `Léon` (Dr Léon Garnier)', () => {
    const found = search('lyon');
    const lastExact = Math.max(
      ...FRENCH_RECORD.filter((d) => d.organisation === 'CHU de Lyon').map((d) => found.indexOf(d.id)),
    );
    const firstTypo = Math.min(
      ...FRENCH_RECORD.filter((d) => d.author === 'Dr Léon Garnier').map((d) => found.indexOf(d.id)),
    );
    expect(lastExact).to.be.at.least(0);
    expect(firstTypo).to.be.greaterThan(lastExact);
  });

  it('ranks an exact word above a longer word it prefixes: `greffe` title before `greffon`', () => {
    const found = search('greffe');
    expect(position(found, 52)).to.be.lessThan(position(found, 54));
    expect(position(found, 8)).to.be.lessThan(position(found, 23)); // title before description
  });

  it('gives scores between 0 and 1, never decreasing along the relevance order', () => {
    const { hits } = index.search('dialyse suivi');
    expect(hits.length).to.be.greaterThan(2);
    for (let i = 1; i < hits.length; i++) expect(hits[i]?.score).to.be.at.least(hits[i - 1]?.score ?? 0);
    expect(hits.every((hit) => hit.score >= 0 && hit.score <= 1)).to.equal(true);
  });

  it('breaks relevance ties newest first', () => {
    const { hits } = index.search('ordonnance');
    const tied = hits.filter((hit) => hit.score === hits[0]?.score).map((hit) => Date.parse(hit.document.date));
    expect(tied.length).to.be.greaterThan(3);
    expect(tied).to.deep.equal([...tied].sort((a, b) => b - a));
  });
});

describe('createDocumentIndex: sort options', () => {
  it('sorts by date, both ways', () => {
    const ascending = index.search('', {}, { sort: 'date-asc' }).hits.map((hit) => Date.parse(hit.document.date));
    expect(ascending).to.deep.equal([...ascending].sort((a, b) => a - b));
    const descending = index
      .search('suivi', {}, { sort: 'date-desc' })
      .hits.map((hit) => Date.parse(hit.document.date));
    expect(descending).to.deep.equal([...descending].sort((a, b) => b - a));
  });

  it('sorts by title, ignoring accents and case', () => {
    const titles = index.search('echographie', {}, { sort: 'title' }).hits.map((hit) => hit.document.title);
    expect(titles).to.deep.equal([
      'Consultation de cardiologie',
      'Échographie du cœur (échocardiographie)',
      'Échographie du greffon',
      'Échographie rénale',
    ]);
  });

  it('sorts by localized kind label, then newest first', () => {
    const french = index.search('', {}, { sort: 'kind' }).hits.map((hit) => hit.document.kind);
    expect([...new Set(french)]).to.deep.equal([
      'other',
      'discharge-summary',
      'imaging',
      'consultation-note',
      'referral-letter',
      'prescription',
      'lab-result',
      'vaccination',
    ]);
    const english = index.search('', {}, { sort: 'kind', locale: 'en' }).hits.map((hit) => hit.document.kind);
    expect([...new Set(english)]).to.deep.equal([
      'consultation-note',
      'discharge-summary',
      'imaging',
      'lab-result',
      'other',
      'prescription',
      'referral-letter',
      'vaccination',
    ]);
    const firstKindDates = index
      .search('', {}, { sort: 'kind' })
      .hits.filter((hit) => hit.document.kind === 'other')
      .map((hit) => hit.document.date);
    expect(firstKindDates).to.deep.equal([...firstKindDates].sort().reverse());
  });

  it('returns the same result object for a repeated search (a re-render costs nothing)', () => {
    const first = index.search('dialyse', { years: [2024] });
    expect(index.search('dialyse', { years: [2024] })).to.equal(first);
    expect(index.search('dialyse', { years: [2023] })).to.not.equal(first);
  });
});

import { expect } from '@open-wc/testing';
import { createDocumentIndex, highlightSegments } from './index.js';
import type { MatchRange } from './index.js';
import { FRENCH_RECORD, fixtureDocument } from './test-helpers/french-record.js';

function highlighted(text: string, ranges: MatchRange[] | undefined): string[] {
  return highlightSegments(text, ranges ?? [])
    .filter((segment) => segment.match)
    .map((segment) => segment.text);
}

describe('highlightSegments', () => {
  it('splits text into matching and plain segments', () => {
    expect(highlightSegments('Ordonnance lévodopa', [{ start: 11, end: 19 }])).to.deep.equal([
      { text: 'Ordonnance ', match: false },
      { text: 'lévodopa', match: true },
    ]);
    expect(
      highlightSegments('Bilan sanguin complet', [
        { start: 0, end: 5 },
        { start: 14, end: 21 },
      ]),
    ).to.deep.equal([
      { text: 'Bilan', match: true },
      { text: ' sanguin ', match: false },
      { text: 'complet', match: true },
    ]);
  });

  it('merges overlapping and touching ranges, in any order', () => {
    expect(
      highlightSegments('abcdefgh', [
        { start: 4, end: 6 },
        { start: 1, end: 3 },
        { start: 2, end: 4 },
      ]),
    ).to.deep.equal([
      { text: 'a', match: false },
      { text: 'bcdef', match: true },
      { text: 'gh', match: false },
    ]);
  });

  it('clamps out-of-bounds ranges and ignores empty ones', () => {
    expect(
      highlightSegments('IRM', [
        { start: -2, end: 1 },
        { start: 2, end: 2 },
        { start: 2, end: 40 },
      ]),
    ).to.deep.equal([
      { text: 'I', match: true },
      { text: 'R', match: false },
      { text: 'M', match: true },
    ]);
  });

  it('returns the whole text as one plain segment without ranges, and nothing for empty text', () => {
    expect(highlightSegments('Vaccin', [])).to.deep.equal([{ text: 'Vaccin', match: false }]);
    expect(highlightSegments('', [{ start: 0, end: 3 }])).to.deep.equal([]);
  });

  it('keeps markup-looking text as plain text (rendering stays the template’s job)', () => {
    const segments = highlightSegments('<b>IRM</b>', [{ start: 3, end: 6 }]);
    expect(segments.map((segment) => segment.text).join('')).to.equal('<b>IRM</b>');
    expect(segments[1]).to.deep.equal({ text: 'IRM', match: true });
  });
});

describe('match ranges on original (accented) text', () => {
  const index = createDocumentIndex([...FRENCH_RECORD]);

  it('`resultat` highlights « Résultat » in « Résultats d’analyses »', () => {
    const hit = index.search('resultat').hits.find((candidate) => candidate.document.id === fixtureDocument(47).id);
    expect(hit).to.not.equal(undefined);
    expect(hit?.matches.title).to.deep.equal([{ start: 0, end: 8 }]);
    expect(highlighted('Résultats d’analyses d’urine', hit?.matches.title)).to.deep.equal(['Résultat']);
    expect(highlighted("Résultats d'analyses", hit?.matches.kindLabel)).to.deep.equal(['Résultat']);
  });

  it('highlights both words of `hemoglobine glyquee` with their accents', () => {
    const [first] = index.search('hemoglobine glyquee').hits;
    expect(first?.document.id).to.equal(fixtureDocument(1).id);
    expect(highlighted(fixtureDocument(1).title, first?.matches.title)).to.deep.equal(['hémoglobine', 'glyquée']);
  });

  it('maps a match in « cœur » (a ligature) to the whole original word', () => {
    const hit = index.search('coeur').hits.find((candidate) => candidate.document.id === fixtureDocument(13).id);
    expect(highlighted(fixtureDocument(13).title, hit?.matches.title)).to.deep.equal(['cœur']);
    expect(hit?.matches.tags).to.deep.equal({ cœur: [{ start: 0, end: 4 }] });
  });

  it('highlights only the typed prefix of a longer word', () => {
    const hit = index.search('echo').hits.find((candidate) => candidate.document.id === fixtureDocument(9).id);
    expect(highlighted('Échographie rénale', hit?.matches.title)).to.deep.equal(['Écho']);
  });

  it('highlights the corrected word of a typo', () => {
    const hit = index.search('neurolgue').hits.find((candidate) => candidate.document.id === fixtureDocument(40).id);
    expect(highlighted('Courrier au neurologue', hit?.matches.title)).to.deep.equal(['neurologue']);
  });

  it('reports ranges per field: author, organisation, description', () => {
    const lyon = index.search('benali lyon').hits.find((candidate) => candidate.document.id === fixtureDocument(23).id);
    expect(highlighted('Dr Inès Benali', lyon?.matches.author)).to.deep.equal(['Benali']);
    expect(highlighted('CHU de Lyon', lyon?.matches.organisation)).to.deep.equal(['Lyon']);
    const description = index
      .search('greffe')
      .hits.find((candidate) => candidate.document.id === fixtureDocument(23).id);
    // « la greffe » and the inner match in « prégreffe ».
    expect(description?.matches.description).to.deep.equal([
      { start: 17, end: 23 },
      { start: 34, end: 40 },
    ]);
  });

  it('uses the kind label of the search locale', () => {
    const hit = index.search('laboratory', {}, { locale: 'en' }).hits[0];
    expect(highlighted('Laboratory results', hit?.matches.kindLabel)).to.deep.equal(['Laboratory']);
  });

  it('has no ranges for an empty query', () => {
    expect(index.search('').hits[0]?.matches).to.deep.equal({});
  });
});

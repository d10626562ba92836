import { expect } from '@open-wc/testing';
import { DOCUMENT_KINDS } from '../model/document.js';
import type { HealthDocument } from '../model/document.js';
import { createDocumentIndex } from './index.js';
import type { DocumentFacets, DocumentFilters, FacetValue } from './index.js';
import { FRENCH_RECORD, fixtureDocument } from './test-helpers/french-record.js';

const index = createDocumentIndex([...FRENCH_RECORD]);

type Group = 'kinds' | 'years' | 'authors' | 'tags' | 'favourites';

const year = (document: HealthDocument): number => Number(document.date.slice(0, 4));
const authorsOf = (document: HealthDocument): string[] => [
  ...new Set([document.author, document.organisation].filter((name): name is string => name !== undefined)),
];

/** Straightforward re-implementation of the facet rules, to check the index against. */
function passes(document: HealthDocument, filters: DocumentFilters, ignored: Group | undefined): boolean {
  if (ignored !== 'kinds' && filters.kinds?.length && !filters.kinds.includes(document.kind)) return false;
  if (ignored !== 'years' && filters.years?.length && !filters.years.includes(year(document))) return false;
  if (
    ignored !== 'authors' &&
    filters.authors?.length &&
    !authorsOf(document).some((name) => filters.authors?.includes(name))
  )
    return false;
  if (ignored !== 'tags' && filters.tags?.length && !document.tags.some((tag) => filters.tags?.includes(tag)))
    return false;
  if (ignored !== 'favourites' && filters.favouritesOnly === true && !document.favourite) return false;
  return true;
}

function countBy(
  documents: HealthDocument[],
  values: (document: HealthDocument) => (string | number)[],
): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  for (const document of documents)
    for (const value of values(document)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function asMap<T extends string | number>(values: FacetValue<T>[]): Map<string | number, number> {
  return new Map(values.filter((value) => value.count > 0).map((value) => [value.value, value.count]));
}

function expectFacetsToMatchOracle(query: string, filters: DocumentFilters): DocumentFacets {
  const matching = new Set(index.search(query).hits.map((hit) => hit.document.id));
  const candidates = FRENCH_RECORD.filter((document) => matching.has(document.id));
  const result = index.search(query, filters);
  const { facets } = result;
  const label = JSON.stringify({ query, filters });
  expect(asMap(facets.kinds), `kinds ${label}`).to.deep.equal(
    countBy(
      candidates.filter((d) => passes(d, filters, 'kinds')),
      (d) => [d.kind],
    ),
  );
  expect(asMap(facets.years), `years ${label}`).to.deep.equal(
    countBy(
      candidates.filter((d) => passes(d, filters, 'years')),
      (d) => [year(d)],
    ),
  );
  expect(asMap(facets.authors), `authors ${label}`).to.deep.equal(
    countBy(
      candidates.filter((d) => passes(d, filters, 'authors')),
      authorsOf,
    ),
  );
  expect(asMap(facets.tags), `tags ${label}`).to.deep.equal(
    countBy(
      candidates.filter((d) => passes(d, filters, 'tags')),
      (d) => d.tags,
    ),
  );
  expect(facets.favourites, `favourites ${label}`).to.equal(
    candidates.filter((d) => passes(d, filters, 'favourites') && d.favourite).length,
  );
  const expectedHits = candidates.filter((d) => passes(d, filters, undefined)).map((d) => d.id);
  expect(
    result.hits.map((hit) => hit.document.id),
    `hits ${label}`,
  ).to.have.members(expectedHits);
  expect(result.total).to.equal(expectedHits.length);
  return facets;
}

describe('facets', () => {
  it('counts every group over all documents for an empty query', () => {
    const facets = expectFacetsToMatchOracle('', {});
    expect(facets.kinds.reduce((sum, value) => sum + value.count, 0)).to.equal(FRENCH_RECORD.length);
    expect(facets.kinds.every((value) => !value.selected)).to.equal(true);
  });

  it('labels kinds in the locale, most frequent first', () => {
    const french = index.search('').facets.kinds;
    const labResults = FRENCH_RECORD.filter((document) => document.kind === 'lab-result').length;
    expect(french[0]).to.deep.equal({
      value: 'lab-result',
      label: "Résultats d'analyses",
      count: labResults,
      selected: false,
    });
    expect(french.map((value) => value.count)).to.deep.equal(
      [...french.map((value) => value.count)].sort((a, b) => b - a),
    );
    const english = createDocumentIndex([...FRENCH_RECORD], { locale: 'en' }).search('').facets.kinds;
    expect(english.find((value) => value.value === 'prescription')?.label).to.equal('Prescription');
    expect(
      index.search('', {}, { locale: 'en' }).facets.kinds.find((value) => value.value === 'imaging')?.label,
    ).to.equal('Imaging report');
  });

  it('lists years most recent first and authors by count', () => {
    const { years, authors } = index.search('').facets;
    expect(years.map((value) => value.value)).to.deep.equal([2025, 2024, 2023, 2022, 2021]);
    expect(years.map((value) => value.label)).to.deep.equal(['2025', '2024', '2023', '2022', '2021']);
    expect(authors[0]).to.include({ value: 'Dr Inès Benali', count: 12 });
    expect(authors.map((value) => value.count)).to.deep.equal(
      [...authors.map((value) => value.count)].sort((a, b) => b - a),
    );
  });

  it('counts over the query’s results only', () => {
    const facets = expectFacetsToMatchOracle('dialyse', {});
    expect(facets.kinds.find((value) => value.value === 'vaccination')?.count).to.equal(1);
    expect(facets.tags.find((value) => value.value === 'parkinson')).to.equal(undefined);
  });

  it('ignores a group’s own selection in its counts, so a second value can be added', () => {
    const unfiltered = index.search('').facets;
    const filtered = index.search('', { kinds: ['imaging'] });
    expect(filtered.facets.kinds.map(({ value, count }) => [value, count])).to.deep.equal(
      unfiltered.kinds.map(({ value, count }) => [value, count]),
    );
    expect(filtered.facets.kinds.find((value) => value.value === 'imaging')?.selected).to.equal(true);
    expect(filtered.facets.kinds.filter((value) => value.selected)).to.have.length(1);
    // Other groups only count imaging documents.
    expect(filtered.facets.years.reduce((sum, value) => sum + value.count, 0)).to.equal(filtered.total);
    expect(filtered.total).to.equal(FRENCH_RECORD.filter((d) => d.kind === 'imaging').length);
  });

  it('combines values within a group as alternatives', () => {
    const result = index.search('', { kinds: ['imaging', 'vaccination'] });
    expect(result.hits.every((hit) => ['imaging', 'vaccination'].includes(hit.document.kind))).to.equal(true);
    expect(result.total).to.equal(FRENCH_RECORD.filter((d) => d.kind === 'imaging' || d.kind === 'vaccination').length);
  });

  it('combines kind + year + tag + favourites with correct counts in every group', () => {
    const combinations: [string, DocumentFilters][] = [
      ['', { kinds: ['lab-result'], years: [2025] }],
      ['', { kinds: ['lab-result', 'imaging'], years: [2024, 2025], tags: ['greffe'] }],
      ['', { tags: ['dialyse'], favouritesOnly: true }],
      ['', { kinds: ['discharge-summary'], years: [2024], tags: ['important'], favouritesOnly: true }],
      ['suivi', { kinds: ['consultation-note'], years: [2024, 2025], tags: ['dialyse', 'parkinson'] }],
      ['greffe', { authors: ['CHU de Lyon'], favouritesOnly: true }],
      ['ordonnance', { authors: ['Dr Claire Martin', 'Dr Paul Lefèvre'], years: [2023] }],
    ];
    for (const [query, filters] of combinations) expectFacetsToMatchOracle(query, filters);
  });

  it('filters authors by author or organisation display', () => {
    const result = index.search('', { authors: ['Centre de dialyse AURA'] });
    expect(result.total).to.equal(FRENCH_RECORD.filter((d) => d.organisation === 'Centre de dialyse AURA').length);
    const facet = result.facets.authors.find((value) => value.value === 'Centre de dialyse AURA');
    expect(facet).to.include({ selected: true, count: result.total });
  });

  it('keeps favouritesOnly combinable and counts favourites under the other filters', () => {
    const all = index.search('', { favouritesOnly: true });
    expect(all.hits.every((hit) => hit.document.favourite)).to.equal(true);
    expect(all.total).to.equal(FRENCH_RECORD.filter((d) => d.favourite).length);
    expect(all.facets.favourites).to.equal(all.total);
    const greffe = index.search('', { tags: ['greffe'] });
    expect(greffe.facets.favourites).to.equal(
      FRENCH_RECORD.filter((d) => d.tags.includes('greffe') && d.favourite).length,
    );
    expect(greffe.facets.favourites).to.equal(2);
  });

  it('still lists a selected value that has no documents, so it can be cleared', () => {
    const result = index.search('echographie', { tags: ['administratif', 'tag-inconnu'], years: [1999] });
    expect(result.total).to.equal(0);
    expect(
      result.facets.tags.filter((value) => value.selected).map((value) => [value.value, value.count]),
    ).to.have.deep.members([
      ['administratif', 0],
      ['tag-inconnu', 0],
    ]);
    expect(result.facets.years.find((value) => value.value === 1999)).to.deep.equal({
      value: 1999,
      label: '1999',
      count: 0,
      selected: true,
    });
  });

  it('reads the year from the document’s own offset (New Year’s night in Paris stays in the new year)', () => {
    const newYear: HealthDocument = { ...fixtureDocument(1), id: 'new-year', date: '2026-01-01T00:30:00+01:00' };
    const facets = createDocumentIndex([newYear]).search('').facets;
    expect(facets.years.map((value) => value.value)).to.deep.equal([2026]);
  });

  it('lists every kind value with its LOINC kind as value', () => {
    const kinds = index.search('').facets.kinds.map((value) => value.value);
    expect(kinds).to.have.members(DOCUMENT_KINDS.map((info) => info.kind));
  });
});

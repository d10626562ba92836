/**
 * The index built in slices answers exactly as the synchronous one; results are
 * ordered by a top-k selection that must equal a full sort; facets counted when
 * read equal a recount.
 */
import { expect } from '@open-wc/testing';
import { buildDocumentIndex, createDocumentIndex } from './index.js';
import type { DocumentFilters, DocumentSearchResult, DocumentSort } from './index.js';
import { syntheticRecord } from './test-helpers/synthetic-record.js';

function summary(result: DocumentSearchResult): unknown {
  return {
    hits: result.hits.map((hit) => [hit.document.id, hit.score]),
    total: result.total,
    facets: result.facets,
  };
}

const QUERIES = [
  '',
  'o',
  'ordo',
  'ordonance',
  'irm cerebrale',
  'kaliemie',
  'zyxomab',
  'dr',
  'bilan sang',
  'hba1c 2024',
];
const SORTS: DocumentSort[] = ['relevance', 'date-desc', 'date-asc', 'title', 'kind'];

describe('index built in slices', function () {
  this.timeout(120_000);
  const documents = syntheticRecord(3000, 2026);
  const reference = createDocumentIndex(documents);
  const filtersOf = (result: DocumentSearchResult): DocumentFilters[] => [
    {},
    { kinds: ['prescription', 'imaging'] },
    { years: [result.facets.years[0]?.value ?? 2025] },
    { favouritesOnly: true, authors: [result.facets.authors[0]?.value ?? ''] },
  ];

  it('answers every query, filter and order exactly as the synchronous build', async () => {
    const build = buildDocumentIndex(documents, { sliceMs: 2 });
    const index = await build.done;
    expect(build.complete).to.equal(true);
    for (const query of QUERIES) {
      for (const filters of filtersOf(reference.search(''))) {
        for (const sort of SORTS) {
          const label = JSON.stringify({ query, filters, sort });
          expect(summary(index.search(query, filters, { sort })), label).to.deep.equal(
            summary(reference.search(query, filters, { sort })),
          );
        }
      }
    }
  });

  it('answers during the build over what is indexed, then completely', async () => {
    const build = buildDocumentIndex(documents, { sliceMs: 1 });
    // The first slice ran; the page has the hand back before the rest is indexed.
    expect(build.complete).to.equal(false);
    const partial = build.index.search('ordonnance');
    const final = reference.search('ordonnance');
    expect(partial.total).to.be.below(final.total);
    expect(build.index.size).to.be.below(documents.length);
    await build.done;
    expect(summary(build.index.search('ordonnance'))).to.deep.equal(summary(final));
  });

  it('finishes synchronously on demand and can be cancelled', async () => {
    const finished = buildDocumentIndex(documents, { sliceMs: 1 });
    const index = finished.finish();
    expect(finished.complete).to.equal(true);
    expect(summary(index.search('irm'))).to.deep.equal(summary(reference.search('irm')));
    expect(await finished.done).to.equal(index);

    const cancelled = buildDocumentIndex(documents, { sliceMs: 1 });
    cancelled.cancel();
    let error: unknown;
    await cancelled.done.catch((caught: unknown) => {
      error = caught;
    });
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

describe('top-k ordering and facets counted when read', function () {
  this.timeout(60_000);
  const documents = syntheticRecord(3000, 2026);
  const index = createDocumentIndex(documents);

  it('orders the first rows exactly as a full sort, then every row when read further', () => {
    for (const query of ['', 'o', 'ordo', 'bilan']) {
      for (const sort of SORTS) {
        const result = index.search(query, {}, { sort });
        // The first rows come from a bounded selection…
        const first = Array.from({ length: 20 }, (_, i) => result.hits[i]?.document.id);
        // …every row, read afterwards, from a full sort: both must agree.
        const all = result.hits.map((hit) => hit.document.id);
        expect(all.slice(0, 20), `${query} ${sort}`).to.deep.equal(first);
        expect(all.length).to.equal(result.total);
        expect(new Set(all).size).to.equal(result.total);
        // And a fresh result read beyond the first rows at once agrees too.
        const fresh = createDocumentIndex(documents).search(query, {}, { sort });
        expect(fresh.hits[result.total - 1]?.document.id).to.equal(all[result.total - 1]);
        expect(fresh.hits[150]?.document.id).to.equal(all[150]);
      }
    }
  });

  it('orders by score then newest first', () => {
    const hits = index.search('bilan').hits;
    for (let i = 1; i < hits.length; i++) {
      const before = hits[i - 1];
      const after = hits[i];
      if (before === undefined || after === undefined) continue;
      expect(after.score).to.be.at.least(before.score);
      if (after.score === before.score)
        expect(Date.parse(after.document.date)).to.be.at.most(Date.parse(before.document.date));
    }
  });

  it('counts the same facets whenever they are read', () => {
    const filters: DocumentFilters = { kinds: ['prescription'] };
    const early = index.search('ordo', filters);
    // Other searches in between share the index's scratch memory.
    index.search('irm');
    index.search('bilan sang', { favouritesOnly: true });
    const lateFacets = early.facets;
    const recounted = createDocumentIndex(documents).search('ordo', filters).facets;
    expect(lateFacets).to.deep.equal(recounted);
    expect(early.hits.map((hit) => hit.document.kind).every((kind) => kind === 'prescription')).to.equal(true);
  });
});

/**
 * The index built in slices answers exactly as the synchronous one; results are
 * ordered by a top-k selection that must equal a full sort; facets counted when
 * read equal a recount.
 */
import { expect } from '@open-wc/testing';
import { buildDocumentIndex, createDocumentIndex } from './index.js';
import type {
  DocumentFilters,
  DocumentIndex,
  DocumentIndexBuild,
  DocumentSearchResult,
  DocumentSort,
} from './index.js';
import type { HealthDocument } from '../model/document.js';
import { syntheticRecord } from './test-helpers/synthetic-record.js';
import { yieldToPage } from './yield-to-page.js';

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

// `sliceMs: 0`: a yield at every pause point (every 16 documents, every step of the compaction), so the
// number of slices the tests rely on does not depend on how fast the machine indexes.
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
    const build = buildDocumentIndex(documents, { sliceMs: 0 });
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
    const finished = buildDocumentIndex(documents, { sliceMs: 0 });
    const index = finished.finish();
    expect(finished.complete).to.equal(true);
    expect(summary(index.search('irm'))).to.deep.equal(summary(reference.search('irm')));
    expect(await finished.done).to.equal(index);

    const cancelled = buildDocumentIndex(documents, { sliceMs: 0 });
    cancelled.cancel();
    let error: unknown;
    await cancelled.done.catch((caught: unknown) => {
      error = caught;
    });
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

/** Hits, total, facets and the highlights of the first rows. */
function fullSummary(result: DocumentSearchResult): unknown {
  return {
    ...(summary(result) as object),
    matches: result.hits.slice(0, 12).map((hit) => hit.matches),
  };
}

/** Runs `check` in tasks of the page between the slices of `build` until it is complete, as a keystroke would. */
async function betweenSlices(build: DocumentIndexBuild, check: () => void): Promise<void> {
  while (!build.complete) {
    // A task of the page, queued behind what is queued now (the build's next slice among it).
    await yieldToPage();
    if (!build.complete) check();
  }
  await build.done;
}

/** Every prefix of a few typed queries, as the bench types them. */
const TYPED = [
  'ordonnance renouvellement',
  'irm cerebrale',
  'bilan sanguin hba1c',
  'kaliemie',
  'dialyse',
  'scintigrafie',
]
  .flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)))
  .filter((query) => !query.endsWith(' '));

describe('index built in slices, step by step', function () {
  this.timeout(120_000);
  const shuffled = syntheticRecord(2500, 7);
  const newestFirst = [...shuffled].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

  it('answers every typed prefix, with highlights, as the synchronous build once done', async () => {
    for (const documents of [newestFirst, shuffled]) {
      const reference = createDocumentIndex(documents);
      const index = await buildDocumentIndex(documents, { sliceMs: 0 }).done;
      for (const query of TYPED) {
        for (const sort of ['relevance', 'title'] as DocumentSort[]) {
          expect(fullSummary(index.search(query, {}, { sort })), `${query} ${sort}`).to.deep.equal(
            fullSummary(reference.search(query, {}, { sort })),
          );
        }
      }
    }
  });

  it('answers between slices exactly as an index of the documents indexed so far', async () => {
    for (const documents of [newestFirst, shuffled]) {
      const build = buildDocumentIndex(documents, { sliceMs: 0 });
      let checks = 0;
      let yields = 0;
      const unread: { indexed: number; sort: DocumentSort; result: DocumentSearchResult }[] = [];
      await betweenSlices(build, () => {
        // Results read only after more slices ran (a list scrolled later): kept, unread for now.
        if (yields % 4 === 3 && unread.length < 6) {
          const sort = SORTS[unread.length % SORTS.length] as DocumentSort;
          unread.push({ indexed: build.index.size, sort, result: build.index.search('bilan', {}, { sort }) });
        }
        // A few points of the build, every order among them (orders are extended slice by slice).
        if (yields++ % 4 !== 1) return;
        const indexed = build.index.size;
        const reference = createDocumentIndex(documents.slice(0, indexed));
        const queries = ['', 'ordo', 'irm c', 'bilan sang'];
        const sort = SORTS[checks % SORTS.length] as DocumentSort;
        for (const query of queries) {
          expect(fullSummary(build.index.search(query, {}, { sort })), `${indexed} ${query} ${sort}`).to.deep.equal(
            fullSummary(reference.search(query, {}, { sort })),
          );
        }
        checks++;
      });
      expect(checks, 'checks between slices').to.be.at.least(3);
      expect(unread.length).to.be.at.least(2);
      for (const { indexed, sort, result } of unread) {
        expect(fullSummary(result), `read later: ${indexed} ${sort}`).to.deep.equal(
          fullSummary(createDocumentIndex(documents.slice(0, indexed)).search('bilan', {}, { sort })),
        );
      }
    }
  });

  /** Changes one document's searchable text, tags and date. */
  const changed = (document: HealthDocument): HealthDocument => ({
    ...document,
    title: `${document.title} zyxomab`,
    tags: [...document.tags, 'apres coup'],
    date: '2031-01-01T00:00:00.000Z',
  });

  for (const ending of ['done', 'finish()'] as const) {
    it(`keeps an update or a removal made during the build (${ending})`, async () => {
      const documents = newestFirst;
      const build = buildDocumentIndex(documents, { sliceMs: 0 });
      const half = Math.floor(documents.length / 2);
      let indexedAtChange = -1;
      const early = documents[5] as HealthDocument;
      const late = documents[documents.length - 5] as HealthDocument;
      const goneEarly = documents[7] as HealthDocument;
      const goneLate = documents[documents.length - 7] as HealthDocument;
      await betweenSlices(build, () => {
        if (indexedAtChange >= 0 || build.index.size < 200 || build.index.size > half) return;
        indexedAtChange = build.index.size;
        build.index.update(changed(early));
        build.index.update(changed(late));
        build.index.remove(goneEarly.id);
        build.index.remove(goneLate.id);
        // Or complete at once, right after the change (as the browser does for a change that cannot wait).
        if (ending === 'finish()') build.finish();
      });
      expect(indexedAtChange, 'a change made during the build').to.be.above(0);
      // The expected collection, in the order the index holds it: the late update was added when made.
      const expected = [
        ...documents.slice(0, indexedAtChange).map((document) => (document === early ? changed(early) : document)),
        changed(late),
        ...documents.slice(indexedAtChange).filter((document) => document !== late),
      ].filter((document) => document.id !== goneEarly.id && document.id !== goneLate.id);
      const reference = createDocumentIndex(expected);
      expect(build.index.size).to.equal(documents.length - 2);
      for (const query of ['', 'zyxomab', 'apres coup', goneEarly.title, goneLate.title, 'ordo', 'irm']) {
        for (const sort of SORTS) {
          expect(fullSummary(build.index.search(query, {}, { sort })), `${query} ${sort}`).to.deep.equal(
            fullSummary(reference.search(query, {}, { sort })),
          );
        }
      }
      const found = build.index.search('zyxomab').hits.map((hit) => hit.document.id);
      expect(found.slice(0, 2)).to.have.members([early.id, late.id]);
    });
  }

  it('keeps an update or a removal made during the final compaction', async () => {
    const documents = newestFirst;
    // A yield at every pause point: the compaction takes several.
    const build = buildDocumentIndex(documents, { sliceMs: 0 });
    const target = documents[10] as HealthDocument;
    const gone = documents[20] as HealthDocument;
    let changedDuringCompaction = false;
    await betweenSlices(build, () => {
      if (changedDuringCompaction || build.index.size < documents.length) return;
      changedDuringCompaction = true;
      build.index.update(changed(target));
      build.index.remove(gone.id);
    });
    expect(changedDuringCompaction, 'a change made during the compaction').to.equal(true);
    const reference = createDocumentIndex(
      documents.map((document) => (document === target ? changed(target) : document)).filter((d) => d !== gone),
    );
    for (const query of ['', 'zyxomab', 'apres coup', gone.title, 'ordo']) {
      for (const sort of SORTS) {
        expect(fullSummary(build.index.search(query, {}, { sort })), `${query} ${sort}`).to.deep.equal(
          fullSummary(reference.search(query, {}, { sort })),
        );
      }
    }
  });

  it('finishes from where it stands, identical to the synchronous build', async () => {
    const reference = createDocumentIndex(shuffled);
    const build = buildDocumentIndex(shuffled, { sliceMs: 0 });
    let yields = 0;
    let index: DocumentIndex | undefined;
    await betweenSlices(build, () => {
      if (++yields !== 3) return;
      index = build.finish();
      expect(build.complete).to.equal(true);
    });
    if (index === undefined) throw new Error('finish() was not called during the build');
    for (const query of ['', 'o', 'ordo', 'irm cerebrale', 'hba1c 2024']) {
      for (const sort of SORTS) {
        expect(fullSummary(index.search(query, {}, { sort })), `${query} ${sort}`).to.deep.equal(
          fullSummary(reference.search(query, {}, { sort })),
        );
      }
    }
    expect(await build.done).to.equal(index);
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

import { expect } from '@open-wc/testing';
import type { HealthDocument } from '../model/document.js';
import { createDocumentIndex, normalizeForSearch } from './index.js';
import type { DocumentFilters, DocumentSearchResult } from './index.js';
import { syntheticRecord } from './test-helpers/synthetic-record.js';

/** What a result says, for comparing two indexes (hit objects differ). */
function summary(result: DocumentSearchResult): unknown {
  return {
    hits: result.hits.map((hit) => [hit.document.id, hit.score]),
    total: result.total,
    facets: result.facets,
  };
}

describe('search at scale (10,000 documents)', function () {
  this.timeout(60_000);
  const documents = syntheticRecord(10_000, 2026);
  const index = createDocumentIndex(documents);

  it('indexes every document', () => {
    expect(index.size).to.equal(10_000);
    const everything = index.search('');
    expect(everything.total).to.equal(10_000);
    const times = everything.hits.map((hit) => Date.parse(hit.document.date));
    for (let i = 1; i < times.length; i++) expect(times[i]).to.be.at.most(times[i - 1] as number);
  });

  it('finds a rare word exactly', () => {
    const found = index.search('zyxomab');
    expect(found.hits.map((hit) => hit.document.id)).to.have.members(
      Array.from({ length: 10 }, (_, i) => `syn-${i * 1000}`),
    );
    expect(found.hits.every((hit) => hit.matches.title !== undefined)).to.equal(true);
  });

  it('finds every prescription through a typo of its kind label', () => {
    const prescriptions = documents
      .filter((document) => document.kind === 'prescription')
      .map((document) => document.id);
    const found = new Set(index.search('ordonance').hits.map((hit) => hit.document.id));
    expect(prescriptions.every((id) => found.has(id))).to.equal(true);
  });

  it('returns, for an exact word, every document containing it', () => {
    const expected = documents.filter((document) =>
      [
        document.title,
        document.description ?? '',
        document.author ?? '',
        document.organisation ?? '',
        ...document.tags,
      ].some((text) =>
        normalizeForSearch(text)
          .split(' ')
          .some((word) => word.startsWith('kaliemie')),
      ),
    );
    const found = new Set(index.search('kaliémie').hits.map((hit) => hit.document.id));
    expect(expected.length).to.be.greaterThan(50);
    expect(expected.every((document) => found.has(document.id))).to.equal(true);
  });

  it('requires every word: hits of `irm lyon` are hits of `irm` and of `lyon`', () => {
    const both = index.search('irm lyon').hits.map((hit) => hit.document.id);
    const irm = new Set(index.search('irm').hits.map((hit) => hit.document.id));
    const lyon = new Set(index.search('lyon').hits.map((hit) => hit.document.id));
    expect(both.length).to.be.greaterThan(10);
    expect(both.every((id) => irm.has(id) && lyon.has(id))).to.equal(true);
  });

  it('counts kind facets that add up to the hits', () => {
    const result = index.search('dialyse');
    const byKind = new Map<string, number>();
    for (const hit of result.hits) byKind.set(hit.document.kind, (byKind.get(hit.document.kind) ?? 0) + 1);
    expect(new Map(result.facets.kinds.map((value) => [value.value, value.count]))).to.deep.equal(byKind);
  });

  it('gives the same results while typing as a fresh index does (incremental caches are safe)', () => {
    const typed = createDocumentIndex(documents);
    const cold = createDocumentIndex(documents);
    const sessions: [string, DocumentFilters][] = [
      ['hemoglobine glyquee', {}],
      ['ordonnance insuline', { favouritesOnly: false }],
      ['dialise suivi', { years: [2020, 2021] }],
      ['neurolgue', {}],
      ['resultats analyses', { kinds: ['lab-result'] }],
    ];
    for (const [query, filters] of sessions) {
      const keystrokes = Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
      // Type, then delete back to half, then retype: every state must match a cold search.
      const half = Math.ceil(query.length / 2);
      const states = [...keystrokes, ...keystrokes.slice(half - 1, -1).reverse(), ...keystrokes.slice(half)];
      for (const state of states) {
        // Re-storing an unchanged document drops every cache: `cold` answers from scratch.
        cold.update(documents[0] as HealthDocument);
        expect(summary(typed.search(state, filters)), state).to.deep.equal(summary(cold.search(state, filters)));
      }
    }
  });

  it('keeps results correct after updates at scale', () => {
    const local = createDocumentIndex(documents);
    const target = documents[4321];
    if (target === undefined) throw new Error('fixture too small');
    local.update({ ...target, tags: [...target.tags, 'ordonnance perdue'] });
    expect(local.search('perdue').hits.map((hit) => hit.document.id)).to.deep.equal([target.id]);
    local.remove(target.id);
    expect(local.search('perdue').total).to.equal(0);
    expect(local.size).to.equal(9_999);
  });
});

import { expect } from '@open-wc/testing';
import type { HealthDocument } from '../model/document.js';
import { createDocumentIndex } from './index.js';
import type { DocumentIndex } from './index.js';
import { FRENCH_RECORD, fixtureDocument } from './test-helpers/french-record.js';
import { syntheticRecord } from './test-helpers/synthetic-record.js';

function freshIndex(): DocumentIndex {
  return createDocumentIndex([...FRENCH_RECORD]);
}

function tagCount(index: DocumentIndex, tag: string): number | undefined {
  return index.search('').facets.tags.find((value) => value.value === tag)?.count;
}

describe('update and remove', () => {
  it('finds a document by a tag added with update, and counts it in facets and tags()', () => {
    const index = freshIndex();
    expect(index.search('osteopathe').total).to.equal(0);
    const before = fixtureDocument(12);
    index.update({ ...before, tags: [...before.tags, 'à montrer à l’ostéopathe'] });
    const found = index.search('osteopathe');
    expect(found.hits.map((hit) => hit.document.id)).to.include(before.id);
    expect(found.hits.find((hit) => hit.document.id === before.id)?.matches.tags).to.deep.equal({
      'à montrer à l’ostéopathe': [{ start: 14, end: 24 }],
    });
    expect(tagCount(index, 'à montrer à l’ostéopathe')).to.equal(1);
    expect(index.tags().find((entry) => entry.tag === 'à montrer à l’ostéopathe')?.count).to.equal(1);
    expect(index.size).to.equal(FRENCH_RECORD.length);
  });

  it('forgets the old words of an updated document', () => {
    const index = freshIndex();
    const before = fixtureDocument(57);
    expect(index.search('polygraphie').total).to.equal(1);
    index.update({ ...before, title: 'Oxymétrie nocturne' });
    expect(index.search('polygraphie').total).to.equal(0);
    expect(index.search('oxymetrie').hits.map((hit) => hit.document.title)).to.deep.equal(['Oxymétrie nocturne']);
  });

  it('moves a document between facet values when its tags change', () => {
    const index = freshIndex();
    const dialyse = tagCount(index, 'dialyse') ?? 0;
    const suivi = tagCount(index, 'suivi') ?? 0;
    const document = fixtureDocument(9); // tagged « dialyse » only
    index.update({ ...document, tags: ['suivi'] });
    expect(tagCount(index, 'dialyse')).to.equal(dialyse - 1);
    expect(tagCount(index, 'suivi')).to.equal(suivi + 1);
    expect(index.search('', { tags: ['suivi'] }).hits.map((hit) => hit.document.id)).to.include(document.id);
  });

  it('adds a document with an unknown id and sorts it by its date', () => {
    const index = freshIndex();
    const added: HealthDocument = {
      ...fixtureDocument(1),
      id: 'nouveau',
      title: 'Bilan thyroïdien TSH',
      date: '2026-02-01T08:00:00+01:00',
      tags: [],
    };
    index.update(added);
    expect(index.size).to.equal(FRENCH_RECORD.length + 1);
    expect(index.search('thyroidien').hits.map((hit) => hit.document.id)).to.deep.equal(['nouveau']);
    expect(index.search('').hits[0]?.document.id).to.equal('nouveau');
    expect(
      index
        .search('', {}, { sort: 'title' })
        .hits.map((hit) => hit.document.id)
        .indexOf('nouveau'),
    ).to.be.greaterThan(-1);
  });

  it('re-sorts after a date change', () => {
    const index = freshIndex();
    const oldest = index.search('', {}, { sort: 'date-asc' }).hits[0]?.document as HealthDocument;
    index.update({ ...oldest, date: '2026-03-01T10:00:00+01:00' });
    expect(index.search('').hits[0]?.document.id).to.equal(oldest.id);
    expect(index.search('', {}, { sort: 'date-asc' }).hits[0]?.document.id).to.not.equal(oldest.id);
  });

  it('removes a document from search, facets, favourites and size; ignores unknown ids', () => {
    const index = freshIndex();
    const removed = fixtureDocument(1); // favourite, tags « diabète » and « suivi »
    const favourites = index.search('').facets.favourites;
    const diabete = tagCount(index, 'diabète') ?? 0;
    index.remove(removed.id);
    expect(index.size).to.equal(FRENCH_RECORD.length - 1);
    expect(index.search('hba1c').total).to.equal(0);
    expect(index.search('').hits.map((hit) => hit.document.id)).to.not.include(removed.id);
    expect(index.search('').facets.favourites).to.equal(favourites - 1);
    expect(tagCount(index, 'diabète')).to.equal(diabete - 1);
    index.remove('nobody');
    index.remove(removed.id);
    expect(index.size).to.equal(FRENCH_RECORD.length - 1);
  });

  it('does not serve a cached result after a change', () => {
    const index = freshIndex();
    const before = index.search('ferritine');
    expect(before.total).to.equal(1);
    index.remove(fixtureDocument(46).id);
    const after = index.search('ferritine');
    expect(after).to.not.equal(before);
    expect(after.total).to.equal(0);
  });

  it('stays correct after removing most documents (holes reclaimed by a rebuild)', () => {
    const documents = syntheticRecord(3000, 5);
    const index = createDocumentIndex(documents);
    const kept = documents.filter((_, position) => position % 3 === 0);
    for (const [position, document] of documents.entries()) if (position % 3 !== 0) index.remove(document.id);
    expect(index.size).to.equal(kept.length);
    const needle = index.search('zyxomab').hits.map((hit) => hit.document.id);
    expect(needle).to.have.members(['syn-0', 'syn-1000', 'syn-2000'].filter((id) => kept.some((d) => d.id === id)));
    expect(index.search('').total).to.equal(kept.length);
    index.update({ ...(kept[1] as HealthDocument), title: 'Titre unique Quokka' });
    expect(index.search('quokka').hits.map((hit) => hit.document.id)).to.deep.equal([kept[1]?.id]);
  });

  it('keeps the last copy of a repeated id', () => {
    const first = fixtureDocument(1);
    const index = createDocumentIndex([first, { ...first, title: 'Version corrigée' }]);
    expect(index.size).to.equal(1);
    expect(index.search('hemoglobine').total).to.equal(0);
    expect(index.search('corrigee').total).to.equal(1);
  });
});

describe('tags and tag suggestions', () => {
  const index = freshIndex();

  it('lists every tag in use with its count, most used first', () => {
    const tags = index.tags();
    const expected = new Map<string, number>();
    for (const document of FRENCH_RECORD)
      for (const tag of document.tags) expected.set(tag, (expected.get(tag) ?? 0) + 1);
    expect(new Map(tags.map((entry) => [entry.tag, entry.count]))).to.deep.equal(expected);
    expect(tags[0]).to.deep.equal({ tag: 'dialyse', count: expected.get('dialyse') });
    expect(tags.map((entry) => entry.count)).to.deep.equal([...tags.map((entry) => entry.count)].sort((a, b) => b - a));
  });

  it('suggests tags starting with a prefix, accent-insensitively, most used first', () => {
    expect(index.suggestTags('di')).to.deep.equal(['dialyse', 'diabète']);
    expect(index.suggestTags('DIAB')).to.deep.equal(['diabète']);
    expect(index.suggestTags('coe')).to.deep.equal(['cœur']);
  });

  it('suggests tags fuzzily and by an inner word', () => {
    expect(index.suggestTags('dialise')).to.deep.equal(['dialyse']);
    expect(index.suggestTags('parkisnon')).to.deep.equal(['parkinson']);
    const withPhrase = freshIndex();
    withPhrase.update({ ...fixtureDocument(2), tags: ['à montrer'] });
    expect(withPhrase.suggestTags('montr')).to.deep.equal(['à montrer']);
  });

  it('returns the most used tags for an empty prefix and honours the limit', () => {
    expect(index.suggestTags('', 3)).to.deep.equal(
      index
        .tags()
        .slice(0, 3)
        .map((entry) => entry.tag),
    );
    expect(index.suggestTags('')).to.have.length(Math.min(10, index.tags().length));
    expect(index.suggestTags('zzzz')).to.deep.equal([]);
  });

  it('stops suggesting a tag nobody uses any more', () => {
    const local = createDocumentIndex([{ ...fixtureDocument(44) }]);
    expect(local.suggestTags('imp')).to.deep.equal(['important']);
    local.update({ ...fixtureDocument(44), tags: [] });
    expect(local.suggestTags('imp')).to.deep.equal([]);
    expect(local.tags()).to.deep.equal([]);
  });
});

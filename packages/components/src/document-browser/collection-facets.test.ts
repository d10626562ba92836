import { createDocumentIndex } from '@carnet/catalog-sdk';
import type { DocumentKind, HealthDocument } from '@carnet/catalog-sdk';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import { expect } from '../test-helpers/fixture.js';
import { countCollection } from './collection-facets.js';

/** Newest first, as the browser lists and indexes them. */
function newestFirst(documents: HealthDocument[]): HealthDocument[] {
  return [...documents].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

function odd(id: number, overrides: Partial<HealthDocument>): HealthDocument {
  return {
    id: `odd-${id}`,
    title: `Document ${id}`,
    kind: 'other',
    date: '2023-05-01T10:00:00.000Z',
    tags: [],
    favourite: false,
    hiddenFromProfessionals: false,
    contentType: 'application/pdf',
    version: '1',
    ...overrides,
  };
}

// Shapes the generator may not make: author = organisation, organisation alone, empty names,
// a repeated tag, an unknown kind, an offset date near new year, tags tied on their count.
const ODD_DOCUMENTS: HealthDocument[] = [
  odd(1, { author: 'CHU de Lyon', organisation: 'CHU de Lyon', tags: ['rein', 'rein', 'Rein'] }),
  odd(2, { author: '', organisation: 'Clinique du Parc', favourite: true }),
  odd(3, { kind: 'not-a-kind' as DocumentKind, date: '2024-12-31T23:30:00-05:00', hiddenFromProfessionals: true }),
  odd(4, { author: 'Dr Émile Zola', tags: ['émotion', 'Zèbre', 'abricot'] }),
  odd(5, { organisation: 'Dr Émile Zola', tags: ['zèbre', 'Abricot', 'émotion'], favourite: true }),
  odd(6, { date: 'not a date', tags: ['sans date'] }),
];

describe('countCollection (the first view’s facets, without the search index)', () => {
  for (const locale of ['fr', 'en'] as const) {
    for (const [name, documents] of [
      ['odd shapes', ODD_DOCUMENTS],
      ['2,000 generated documents and the odd shapes', [...generateDocuments(2_000, { seed: 17 }), ...ODD_DOCUMENTS]],
    ] as const) {
      it(`gives the index’s facets and tags for ${name} (${locale})`, () => {
        const ordered = newestFirst([...documents]);
        const index = createDocumentIndex(ordered, { locale });
        const expected = index.search('', {}, { locale });
        const counted = countCollection(ordered, locale);
        expect(counted.facets).to.deep.equal({ ...expected.facets });
        expect(counted.tags).to.deep.equal(index.tags().map((entry) => entry.tag));
      });
    }
  }

  it('counts nothing in an empty record', () => {
    expect(countCollection([], 'fr').facets).to.deep.equal({
      kinds: [],
      years: [],
      authors: [],
      tags: [],
      favourites: 0,
      hidden: 0,
    });
  });
});

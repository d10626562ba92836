import { expect } from '@open-wc/testing';
import { normalizeForSearch } from './index.js';
import { foldWithPositions } from './normalize.js';

describe('normalizeForSearch', () => {
  it('lowercases and strips accents', () => {
    expect(normalizeForSearch('Échographie RÉNALE')).to.equal('echographie renale');
    expect(normalizeForSearch('Hémoglobine glyquée')).to.equal('hemoglobine glyquee');
    expect(normalizeForSearch('Ça, c’est noël à l’hôpital')).to.equal('ca c est noel a l hopital');
  });

  it('expands œ and æ, upper and lower case', () => {
    expect(normalizeForSearch('Œdème du cœur')).to.equal('oedeme du coeur');
    expect(normalizeForSearch('Cæcum, Æsculape')).to.equal('caecum aesculape');
    expect(normalizeForSearch('ﬁbrose, Straße')).to.equal('fibrose strasse');
  });

  it('turns both apostrophes and other punctuation into single spaces', () => {
    expect(normalizeForSearch("Résultats d'analyses")).to.equal('resultats d analyses');
    expect(normalizeForSearch('Résultats d’analyses')).to.equal('resultats d analyses');
    expect(normalizeForSearch('  Ordonnance — « insuline » (20 U/j)… ')).to.equal('ordonnance insuline 20 u j');
    expect(normalizeForSearch('Covid-19\t\n rappel')).to.equal('covid 19 rappel');
  });

  it('keeps digits and letters of other scripts', () => {
    expect(normalizeForSearch('HbA1c à 7,2 %')).to.equal('hba1c a 7 2');
    expect(normalizeForSearch('Ελληνικά ΟΔΟΣ')).to.equal('ελληνικα οδοσ');
  });

  it('treats already-decomposed accents like precomposed ones', () => {
    expect(normalizeForSearch('E\u0301chographie')).to.equal('echographie');
    expect(normalizeForSearch('E\u0301chographie')).to.equal(normalizeForSearch('Échographie'));
  });

  it('returns an empty string for punctuation only', () => {
    expect(normalizeForSearch(' — ’ … ')).to.equal('');
    expect(normalizeForSearch('')).to.equal('');
  });

  it('gives exactly the same text as the position-mapping walk used for highlights', () => {
    const samples = [
      'Résultats d’analyses',
      'Œdème des chevilles : photos',
      'E\u0301chographie du cœur (échocardiographie)',
      '  «Straße» — ﬁbrose ',
      'ΟΔΟΣ Σίσυφος',
      'İstanbul',
      'émoji 🩺 stéthoscope',
      'Ärztin Müller-Lüdenscheidt',
      'n° 482913, 7,2 %',
      '\u0301début par un accent',
      'Ĳssel æ Æ œ Œ ø Ø ł Ł đ',
    ];
    for (const sample of samples) expect(foldWithPositions(sample).text, sample).to.equal(normalizeForSearch(sample));
  });
});

describe('foldWithPositions', () => {
  it('maps each folded letter back to its original character', () => {
    const folded = foldWithPositions('Œuf à l’É');
    expect(folded.text).to.equal('oeuf a l e');
    // « oe » both come from « Œ » at 0.
    expect(folded.starts.slice(0, 3)).to.deep.equal([0, 0, 1]);
    expect(folded.ends.slice(0, 3)).to.deep.equal([1, 1, 2]);
    // The final « e » comes from « É » at index 8.
    expect(folded.starts[folded.text.length - 1]).to.equal(8);
  });

  it('extends a letter over the combining marks that follow it', () => {
    const folded = foldWithPositions('Re\u0301sultat');
    expect(folded.text).to.equal('resultat');
    expect(folded.starts[1]).to.equal(1);
    expect(folded.ends[1]).to.equal(3);
  });
});

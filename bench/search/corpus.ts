/**
 * Corpora, planted documents and queries of the search benchmark (bench code only,
 * never shipped). Everything is seeded: the same run gives the same documents.
 */
import type { HealthDocument } from '@carnet/catalog-sdk';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import { TYPED_QUERIES, growingCorpus } from '../../packages/catalog-sdk/src/search/test-helpers/search-corpus.js';
import { seededRandom } from '../../packages/catalog-sdk/src/search/test-helpers/synthetic-record.js';

export { TYPED_QUERIES };

/** A document planted in the corpus and the query that must find it first. */
export interface PlantedCase {
  query: string;
  document: HealthDocument;
}

const PLANTED: readonly { title: string; query: string; kind: HealthDocument['kind']; description?: string }[] = [
  { title: 'Échographie Doppler des troncs supra-aortiques', query: 'doppler troncs supra', kind: 'imaging' },
  { title: 'Scintigraphie myocardique de repos', query: 'scintigrafie myocardique', kind: 'imaging' },
  { title: 'Polysomnographie — apnées du sommeil', query: 'polysomnografie apnees', kind: 'other' },
  { title: 'Électromyogramme des membres inférieurs', query: 'electromyograme', kind: 'other' },
  { title: 'Biopsie rénale — examen anatomopathologique', query: 'biopsie anatomopatho', kind: 'lab-result' },
  { title: 'Holter tensionnel sur 24 heures', query: 'holter tensionel', kind: 'other' },
  { title: 'Fibroscopie œso-gastro-duodénale', query: 'fibroscopie oeso', kind: 'imaging' },
  { title: 'Ostéodensitométrie du rachis lombaire', query: 'osteodensitometire', kind: 'imaging' },
  { title: 'Bilan orthoptique et champ visuel', query: 'orthoptique champ visuel', kind: 'consultation-note' },
  { title: 'Certificat d’aptitude à la natation', query: 'certificat natation', kind: 'other' },
  { title: 'Vaccin contre le zona (Shingrix)', query: 'shingrix', kind: 'vaccination' },
  { title: 'Pose de cathéter tunnelisé jugulaire', query: 'catheter tunelise', kind: 'discharge-summary' },
  { title: 'Courrier du Dr Villeneuve-Lacroix', query: 'villeneuve lacroix', kind: 'referral-letter' },
  { title: 'Tomographie par émission de positons', query: 'tomographie positons', kind: 'imaging' },
  { title: 'Dosage de la ferritine et du fer sérique', query: 'feritine serique', kind: 'lab-result' },
  {
    title: 'Consultation de podologie — semelles orthopédiques',
    query: 'podologue semelle',
    kind: 'consultation-note',
  },
  { title: 'Électroencéphalogramme de veille', query: 'electroencefalogramme', kind: 'other' },
  { title: 'Audiogramme tonal et vocal', query: 'audiogrme tonal', kind: 'other' },
  { title: 'Capillaroscopie péri-unguéale', query: 'capilaroscopie', kind: 'imaging' },
  { title: 'Spirométrie et gaz du sang artériel', query: 'spiromterie gaz', kind: 'lab-result' },
  { title: 'Ordonnance de bas de contention classe 2', query: 'bas contention', kind: 'prescription' },
  { title: 'Bilan de déglutition orthophonique', query: 'bilan deglutition', kind: 'consultation-note' },
];

/** A query naming a class of documents (a kind): a good engine shows that kind first. */
export interface ClassQuery {
  query: string;
  kind: HealthDocument['kind'];
}

export const CLASS_QUERIES: readonly ClassQuery[] = [
  { query: 'ordonnance', kind: 'prescription' },
  { query: 'ordonance', kind: 'prescription' },
  { query: 'hospitalisation', kind: 'discharge-summary' },
  { query: 'resultats analyses', kind: 'lab-result' },
  { query: 'imagerie', kind: 'imaging' },
  { query: 'vaccinations', kind: 'vaccination' },
  { query: 'compte rendu consultation', kind: 'consultation-note' },
  { query: 'lettre adressage', kind: 'referral-letter' },
];

/**
 * The demo generator's documents, or the « growing vocabulary » variant: each
 * document also gets a reference number (`REF-…`, unique) and a free-text note whose
 * words come from a Zipf-distributed lexicon that grows with the collection, so the
 * vocabulary grows with the number of documents (as with real free text).
 */
export function corpus(count: number, growing: boolean): HealthDocument[] {
  return growing ? growingCorpus(count) : generateDocuments(count, { seed: 7 });
}

/** Inserts the planted documents at seeded places (dates in the middle of the history); returns the cases. */
export function plant(documents: HealthDocument[]): PlantedCase[] {
  const random = seededRandom(23);
  const middle = documents[Math.floor(documents.length / 2)]?.date ?? '2023-06-01T09:00:00.000Z';
  return PLANTED.map((planted, i) => {
    const document: HealthDocument = {
      id: `planted-${i + 1}`,
      title: planted.title,
      kind: planted.kind,
      date: middle,
      author: 'Dr Anne Leroy',
      organisation: 'Hôpital Saint-Joseph',
      tags: [],
      favourite: false,
      hiddenFromProfessionals: false,
      contentType: 'application/pdf',
      version: '1',
    };
    documents.splice(Math.floor(random() * documents.length), 0, document);
    return { query: planted.query, document };
  });
}

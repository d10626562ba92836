/**
 * Corpora, planted documents and queries of the search benchmark (bench code only,
 * never shipped). Everything is seeded: the same run gives the same documents.
 */
import type { HealthDocument } from '@carnet/catalog-sdk';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';

/** 30 French queries as a patient types them (accents left out, some misspelt). */
export const TYPED_QUERIES = [
  'ordonnance',
  'resultat hba1c',
  'irm',
  'neurologue',
  'dialyse',
  'vaccin grippe',
  'ordonance',
  'hemoglobine glyquee',
  'compte rendu hospitalisation',
  'fond d oeil',
  'kinesitherapie',
  'levodopa',
  'creatinine',
  'echographie renale',
  'bilan sanguin',
  'dr martin',
  'chu bordeaux',
  'consultation diabetologue',
  'potassium',
  'radiographie thoracique',
  'insuline',
  'tension arterielle',
  'scanner',
  'lettre adressage',
  'glycemie',
  'neurolgue',
  'fistule',
  'parkinson',
  'analyses',
  'cardiologue',
];

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

/** Seeded generator (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = [
  'ba',
  'ri',
  'to',
  'mel',
  'san',
  'ju',
  'ver',
  'clo',
  'pa',
  'di',
  'nor',
  'fe',
  'li',
  'gu',
  'ost',
  'ra',
];

/**
 * The demo generator's documents, or the « growing vocabulary » variant: each
 * document also gets a reference number (`REF-…`, unique) and a free-text note whose
 * words come from a Zipf-distributed lexicon that grows with the collection, so the
 * vocabulary grows with the number of documents (as with real free text).
 */
export function corpus(count: number, growing: boolean): HealthDocument[] {
  const documents = generateDocuments(count, { seed: 7 });
  if (!growing) return documents;
  const random = seeded(17);
  const lexiconSize = Math.round(count * 1.5);
  const word = (rank: number): string => {
    let n = rank + 1;
    let text = '';
    while (n > 0) {
      text += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length);
    }
    return text;
  };
  return documents.map((document, index) => {
    const words: string[] = [];
    for (let i = 0; i < 8; i++) {
      // Zipf-like: rank = lexicon^u - 1 favours small ranks.
      const rank = Math.floor(Math.pow(lexiconSize, random())) - 1;
      words.push(word(rank));
    }
    const reference = `REF-${(100_000 + index * 7919) % 10_000_000}-${Math.floor(random() * 90 + 10)}`;
    return {
      ...document,
      description: `${document.description ?? ''} ${reference} ${words.join(' ')}`.trim(),
    };
  });
}

/** Inserts the planted documents at seeded places (dates in the middle of the history); returns the cases. */
export function plant(documents: HealthDocument[]): PlantedCase[] {
  const random = seeded(23);
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

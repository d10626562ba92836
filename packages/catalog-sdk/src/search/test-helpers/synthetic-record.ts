/**
 * Generates large synthetic records (10,000 documents and more) for scale tests
 * and benchmarks, deterministically from a seed. French vocabulary, a realistic
 * spread of kinds, authors, tags and years, and reference numbers that make the
 * vocabulary grow the way a real record's does.
 */
import { DOCUMENT_KINDS } from '../../model/document.js';
import type { DocumentKind, HealthDocument } from '../../model/document.js';

/** mulberry32: a tiny seeded PRNG, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES: Readonly<Record<DocumentKind, readonly string[]>> = {
  prescription: ['Ordonnance', 'Ordonnance de renouvellement', 'Prescription de', 'Ordonnance bizone'],
  'discharge-summary': [
    "Compte rendu d'hospitalisation",
    'Séjour en',
    'Sortie des urgences',
    'Hospitalisation de jour',
  ],
  'lab-result': ['Bilan sanguin', 'Résultats d’analyses', 'Dosage', 'Prise de sang', 'Analyse d’urine'],
  imaging: ['Échographie', 'IRM', 'Scanner', 'Radiographie', 'Doppler', 'Scintigraphie'],
  vaccination: ['Vaccin', 'Rappel de vaccin', 'Certificat de vaccination'],
  'consultation-note': ['Consultation', 'Téléconsultation', 'Avis spécialisé', 'Suivi'],
  'referral-letter': ['Lettre d’adressage', 'Courrier au', 'Lettre de liaison'],
  other: ['Attestation', 'Certificat médical', 'Protocole de soins', 'Photo', 'Questionnaire'],
};

const SUBJECTS = [
  'hémoglobine glyquée',
  'créatinine',
  'kaliémie',
  'insuline',
  'lévodopa',
  'cœur',
  'rein droit',
  'rein gauche',
  'thorax',
  'abdomen',
  'genou',
  'épaule',
  'cerveau',
  'fistule',
  'greffon',
  'thyroïde',
  'foie',
  'pancréas',
  'rétine',
  'grippe',
  'hépatite B',
  'Covid-19',
  'tétanos',
  'néphrologie',
  'neurologie',
  'cardiologie',
  'diabétologie',
  'dialyse',
  'anémie',
  'ferritine',
  'vitamine D',
  'cholestérol',
  'glycémie',
  'tension artérielle',
  'sommeil',
  'marche',
  'tremblements',
  'kinésithérapie',
  'orthophonie',
  'podologie',
  'ophtalmologie',
  'pneumologie',
  'urologie',
  'érythropoïétine',
];

const DESCRIPTION_WORDS = [
  'contrôle',
  'stable',
  'amélioration',
  'dégradation',
  'à surveiller',
  'normal',
  'anomalie',
  'légère',
  'modérée',
  'sévère',
  'traitement',
  'ajustement',
  'posologie',
  'matin',
  'soir',
  'séance',
  'rendez-vous',
  'prochain',
  'bilan',
  'examen',
  'résultat',
  'valeur',
  'référence',
  'élevé',
  'bas',
  'régime',
  'potassium',
  'sodium',
  'protéinurie',
  'albumine',
  'douleur',
  'fatigue',
  'œdème',
  'essoufflement',
  'vertiges',
  'chute',
  'hypoglycémie',
  'hyperglycémie',
  'pied',
  'infirmier',
  'médecin traitant',
  'spécialiste',
  'urgence',
  'programmé',
  'demandé par le neurologue',
  'néphrologue',
];

const FIRST_NAMES = [
  'Claire',
  'Paul',
  'Inès',
  'Hélène',
  'Marc',
  'Léon',
  'Sophie',
  'Julie',
  'Anne',
  'Karim',
  'Lucie',
  'Jean',
  'Chloé',
  'Éric',
  'Fatou',
];
const LAST_NAMES = [
  'Martin',
  'Lefèvre',
  'Benali',
  'Roux',
  'Dubois',
  'Garnier',
  'Nguyen',
  'Caron',
  'Petit',
  'Moreau',
  'Girard',
  'Faure',
  'Mercier',
];
const ORGANISATIONS = [
  'CHU de Lyon',
  'Hôpital Édouard-Herriot',
  'Centre de dialyse AURA',
  'Laboratoire Cerballiance',
  'Cabinet médical des Pentes',
  'Clinique du Parc',
  'CHU de Grenoble',
  'Hôpital de la Croix-Rousse',
  'Centre d’imagerie Bellecour',
  'Laboratoire Biogroup',
  'Pharmacie des Terreaux',
  'Clinique Saint-Joseph',
  'Hôpital Lyon Sud',
  'Cabinet de neurologie Bellecour',
];
const TAGS = [
  'suivi',
  'dialyse',
  'diabète',
  'important',
  'parkinson',
  'cœur',
  'greffe',
  'vaccins',
  'administratif',
  'renouvellement',
  'à montrer',
  'urgent',
  'mutuelle',
  'remboursement',
  'kiné',
  'bilan annuel',
  'famille',
  'voyage',
];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

/** Kind weights: prescriptions and lab results dominate a real record. */
const KIND_WEIGHTS: readonly (readonly [DocumentKind, number])[] = [
  ['prescription', 28],
  ['lab-result', 26],
  ['consultation-note', 16],
  ['imaging', 10],
  ['discharge-summary', 6],
  ['referral-letter', 5],
  ['vaccination', 4],
  ['other', 5],
];

function pickKind(random: () => number): DocumentKind {
  let roll = random() * KIND_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [kind, weight] of KIND_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'other';
}

/**
 * `count` synthetic documents (ids `syn-0` …), identical for the same seed.
 * Documents whose ordinal is a multiple of 1000 carry the rare word « Zyxomab »
 * in their title, to check exact retrieval at scale.
 */
export function syntheticRecord(count: number, seed = 42): HealthDocument[] {
  const random = seededRandom(seed);
  const authors = Array.from(
    { length: 60 },
    (_, i) => `Dr ${FIRST_NAMES[i % FIRST_NAMES.length] as string} ${pick(random, LAST_NAMES)}`,
  );
  const documents: HealthDocument[] = [];
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  for (let i = 0; i < count; i++) {
    const kind = pickKind(random);
    const subject = pick(random, SUBJECTS);
    const reference = Math.floor(random() * 900_000) + 100_000;
    const title = `${pick(random, TITLES[kind])} ${subject}${i % 1000 === 0 ? ' Zyxomab' : ''}`;
    const words = Array.from({ length: 4 + Math.floor(random() * 10) }, () => pick(random, DESCRIPTION_WORDS));
    const tagCount = Math.floor(random() * 4);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(random, TAGS)))];
    const document: HealthDocument = {
      id: `syn-${i}`,
      title,
      kind,
      date: new Date(start + Math.floor(random() * span)).toISOString(),
      tags,
      favourite: random() < 0.05,
      hiddenFromProfessionals: false,
      contentType: random() < 0.8 ? 'application/pdf' : 'image/jpeg',
      size: Math.floor(random() * 2_000_000),
      version: '1',
      description: `${words.join(' ')}. Dossier n° ${reference}, ${DOCUMENT_KINDS.length + (i % 97)} pages.`,
    };
    if (random() < 0.9) document.author = pick(random, authors);
    if (random() < 0.8) document.organisation = pick(random, ORGANISATIONS);
    documents.push(document);
  }
  return documents;
}

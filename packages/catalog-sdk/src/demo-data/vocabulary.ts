/**
 * Shapes of the per-persona vocabularies (vocab-*.ts, forum-*.ts) and the
 * words every persona shares. All people and organisations are fictitious.
 */
import type { Pathology } from '../model/common.js';
import type { DocumentKind } from '../model/document.js';

/** What a professional does, so document templates can name who writes them. */
export type ProfessionalRole =
  | 'gp'
  | 'specialist'
  | 'nurse'
  | 'pharmacist'
  | 'physiotherapist'
  | 'dietitian'
  | 'podiatrist'
  | 'ophthalmologist'
  | 'speech-therapist'
  | 'cardiologist'
  | 'surgeon'
  | 'biologist'
  | 'radiologist';

/** A professional as written in a vocabulary, before ids and RPPS numbers are drawn. */
export interface ProfessionalSeed {
  role: ProfessionalRole;
  prefix?: string;
  given: string;
  family: string;
  /** Specialty in the patient's words, e.g. « Endocrinologue ». */
  specialty: string;
  organisation: string;
  /** Sub-domain of the MSSanté address, e.g. `chu-lyon` → `…@chu-lyon.mssante.fr`. */
  mailDomain: string;
  /** Two-digit French area code of the phone number. */
  areaCode: string;
}

/**
 * A document title pattern. Placeholders: `{author}`, `{specialty}`,
 * `{organisation}`, `{medication}`, `{year}`, `{season}`, `{monthYear}`.
 */
export interface DocumentTemplate {
  kind: DocumentKind;
  title: string;
  /** Who may have written it; the first matching professional pool is used. */
  by: readonly ProfessionalRole[];
  /** Relative frequency among templates of the same kind (default 1). */
  weight?: number;
  descriptions?: readonly string[];
  /** Tags a patient would plausibly put on it. */
  tags?: readonly string[];
  /** Share of image scans instead of PDFs (photos of paper documents). */
  imageShare?: number;
}

/** One post of a thread as written in a vocabulary. */
export interface PostSeed {
  /** Pseudonym of the author, or `SELF` for the persona. */
  by: string;
  body: string;
  /** Index in the thread of the post this one answers, when not the first. */
  replyTo?: number;
  /** Number of reports already received. */
  reportCount?: number;
}

/** A thread as written in a vocabulary. */
export interface ThreadSeed {
  title: string;
  posts: readonly PostSeed[];
  /** Short generic replies appended after the written ones. */
  extraReplies?: number;
  /** Days between the last activity and `now`. */
  lastActivityDaysAgo: number;
}

/** Marks a post written by the persona in a thread seed. */
export const SELF = '@self';

/** Everything that makes one persona's record read true. */
export interface PersonaVocabulary {
  id: Pathology;
  given: string;
  family: string;
  gender: 'female' | 'male';
  /** Age at the reference date. */
  age: number;
  /** Birthday as `MM-DD`. */
  birthday: string;
  pseudonym: string;
  /** Label of the condition, e.g. « Diabète de type 2 ». */
  conditionLabel: string;
  careTeam: readonly ProfessionalSeed[];
  /** Professionals outside the care team who write documents (labs, radiology). */
  externalProfessionals: readonly ProfessionalSeed[];
  /** Relative frequency of each document kind. */
  kindWeights: readonly (readonly [DocumentKind, number])[];
  documentTemplates: readonly DocumentTemplate[];
  /** Medicines named in prescription titles. */
  medicationNames: readonly string[];
  /** The patient's own tags that fit any document (kind-specific ones live on templates). */
  tags: readonly string[];
  forumThreads: readonly ThreadSeed[];
}

/** Templates every persona shares (vaccinations, administrative papers). */
export const SHARED_DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  {
    kind: 'vaccination',
    title: 'Certificat de vaccination grippe {season}',
    by: ['pharmacist', 'gp', 'nurse'],
    weight: 4,
    tags: ['vaccins'],
  },
  {
    kind: 'vaccination',
    title: 'Attestation de vaccination COVID-19 — rappel {season}',
    by: ['pharmacist', 'gp'],
    weight: 2,
    tags: ['vaccins'],
  },
  {
    kind: 'vaccination',
    title: 'Attestation de vaccination pneumocoque',
    by: ['gp'],
    descriptions: ['Vaccin recommandé pour les maladies chroniques.'],
  },
  { kind: 'vaccination', title: 'Rappel diphtérie-tétanos-poliomyélite', by: ['gp', 'nurse'] },
  {
    kind: 'other',
    title: 'Protocole de soins ALD — affection de longue durée',
    by: ['gp'],
    tags: ['administratif'],
    descriptions: ['Prise en charge à 100 % renouvelée.'],
  },
  {
    kind: 'other',
    title: 'Attestation de droits — Assurance maladie',
    by: ['gp'],
    tags: ['administratif'],
    imageShare: 0.3,
  },
  { kind: 'other', title: "Certificat médical d'aptitude — activité physique adaptée", by: ['gp', 'specialist'] },
  {
    kind: 'other',
    title: "Compte rendu de séance d'éducation thérapeutique",
    by: ['nurse', 'dietitian'],
    descriptions: ['Atelier en groupe de six patients.'],
  },
  { kind: 'consultation-note', title: 'Compte rendu de consultation — {author}', by: ['specialist', 'gp'], weight: 5 },
  { kind: 'consultation-note', title: 'Consultation de suivi — {monthYear}', by: ['gp'], weight: 2 },
  { kind: 'referral-letter', title: "Lettre d'adressage — {specialty}", by: ['gp'], weight: 3 },
  { kind: 'referral-letter', title: "Lettre d'adressage au {author}", by: ['gp', 'specialist'] },
  { kind: 'lab-result', title: 'Bilan sanguin de routine', by: ['biologist'], weight: 2 },
  { kind: 'lab-result', title: "Résultats d'analyses — ionogramme sanguin", by: ['biologist'] },
  { kind: 'lab-result', title: "Résultats d'analyses — bilan lipidique", by: ['biologist'] },
  { kind: 'prescription', title: 'Ordonnance — {author}', by: ['gp', 'specialist'], weight: 2, imageShare: 0.2 },
];

/** Names of the months in French, January first. */
export const FRENCH_MONTHS: readonly string[] = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** Descriptions fitting any kind, used when a template has none. */
export const GENERIC_DESCRIPTIONS: readonly string[] = [
  'Document reçu par messagerie sécurisée.',
  'Scanné depuis la version papier.',
  'À conserver pour le prochain rendez-vous.',
  'Copie remise en main propre.',
  'Ajouté depuis Mon espace santé.',
];

/** Short replies that fit any thread. */
export const GENERIC_REPLIES: readonly string[] = [
  'Merci pour ce partage, ça aide à se sentir moins seul·e.',
  'Pareil de mon côté. *Courage* à vous !',
  "Je suis ce fil, la question m'intéresse aussi.",
  'Bonne idée, je vais en parler à mon médecin la semaine prochaine.',
  'Merci, je ne connaissais pas cette astuce.',
  'Ça me rassure de lire vos messages.',
  "Idem, on s'adapte petit à petit.",
  'Je confirme, ça a marché pour moi aussi.',
  'Prenez soin de vous 🙂',
  'Merci à toutes et à tous pour vos réponses.',
];

/** Pseudonyms of other members, for generic replies. */
export const COMMUNITY_PSEUDONYMS: readonly string[] = [
  'Hirondelle33',
  'Marmotte71',
  'PetitPas',
  'Lilas_49',
  'Goéland56',
  'Tournesol',
  'Ours_Brun',
  'Clementine84',
];

/** Pseudonym of the member whose post carries hostile markup (renderer tests). */
export const TROLL_PSEUDONYM = 'Zorro_du_web';

/**
 * A post body with markup that must be shown as text, never interpreted:
 * the forum renderer's tests use it.
 */
export const HOSTILE_BODY =
  'Regardez ma photo <img src=x onerror=alert(1)> et cliquez [ici](javascript:alert(1)) ' +
  'pour le remède miracle <script>alert("x")</script>';

/**
 * SMART App Launch v2 scopes shared by the identity provider (what it may grant)
 * and the FHIR server (what each token permits).
 */
import { CARNET_SCOPES } from '@carnet/catalog-sdk';

/** Client id of the association site (a public client: no secret). */
export const DEMO_CLIENT_ID = 'carnet-demo';

export { LAUNCH_SCOPES } from '@carnet/catalog-sdk';

/** Every scope a token for the FHIR server may carry: the ones Carnet asks for (one list, in the SDK). */
export const SMART_SCOPES: readonly string[] = CARNET_SCOPES;

/** One FHIR REST interaction, as SMART v2 letters name them. */
export type ScopeInteraction = 'c' | 'r' | 'u' | 'd' | 's';

const V1_ACTIONS: Record<string, string> = { read: 'rs', write: 'cud', '*': 'cruds' };

/**
 * What a set of granted scopes permits: resource type (or `*`) to allowed letters.
 * Accepts SMART v2 (`patient/Appointment.cruds`) and v1 (`patient/Appointment.read`).
 */
export class ScopePermissions {
  private readonly byType = new Map<string, Set<string>>();

  /** Parses a space-separated scope string; unknown scopes are ignored. */
  constructor(scope: string) {
    for (const item of scope.split(/\s+/)) {
      // `patient/` and `user/` both act on the patient's own compartment here.
      const match = /^(?:patient|user)\/([A-Za-z*]+)\.([a-z*]+)(?:\?.*)?$/.exec(item);
      if (!match) continue;
      const [, type = '', action = ''] = match;
      const letters = V1_ACTIONS[action] ?? (/^c?r?u?d?s?$/.test(action) ? action : '');
      const allowed = this.byType.get(type) ?? new Set<string>();
      for (const letter of letters) allowed.add(letter);
      this.byType.set(type, allowed);
    }
  }

  /** True when the scopes allow `interaction` on `resourceType`. */
  allows(resourceType: string, interaction: ScopeInteraction): boolean {
    return Boolean(this.byType.get(resourceType)?.has(interaction) || this.byType.get('*')?.has(interaction));
  }
}

/** A scope explained to the patient on the consent page. */
export interface ScopeExplanation {
  fr: string;
  en: string;
}

const TYPE_WORDS: Record<string, ScopeExplanation> = {
  Patient: { fr: 'votre identité (nom, date de naissance)', en: 'your identity (name, date of birth)' },
  DocumentReference: { fr: 'vos documents de santé', en: 'your health documents' },
  Binary: { fr: 'le contenu de vos documents (PDF, images)', en: 'the content of your documents (PDF, images)' },
  Appointment: { fr: 'votre agenda de rendez-vous', en: 'your appointment agenda' },
  MedicationRequest: { fr: 'vos traitements prescrits', en: 'your prescribed treatments' },
  MedicationAdministration: { fr: 'vos prises de médicaments', en: 'your medication intakes' },
  Communication: { fr: 'vos messages et messages du forum', en: 'your messages and forum posts' },
  Practitioner: { fr: 'les professionnels de votre équipe de soins', en: 'the professionals in your care team' },
  CareTeam: {
    fr: 'la liste des professionnels avec qui vous partagez votre dossier',
    en: 'the list of professionals you share your record with',
  },
  AuditEvent: { fr: "l'historique des accès à votre dossier", en: 'the history of who accessed your record' },
  Consent: {
    fr: 'les accès que vous donnez à vos aidants',
    en: 'the access you give to the people who help you',
  },
  RelatedPerson: { fr: 'vos aidants (proches qui vous aident)', en: 'your caregivers (relatives who help you)' },
  Observation: {
    fr: 'vos mesures (glycémie…) et votre groupe sanguin',
    en: 'your measurements (blood glucose…) and your blood group',
  },
};

const LETTER_WORDS: Record<string, ScopeExplanation> = {
  c: { fr: 'ajouter', en: 'add' },
  r: { fr: 'lire', en: 'read' },
  u: { fr: 'modifier', en: 'change' },
  d: { fr: 'supprimer', en: 'delete' },
  s: { fr: 'rechercher', en: 'search' },
};

const FIXED_WORDS: Record<string, ScopeExplanation> = {
  openid: { fr: 'vous connecter avec votre compte', en: 'sign you in with your account' },
  fhirUser: { fr: 'savoir quel patient vous êtes', en: 'know which patient you are' },
  'launch/patient': { fr: 'ouvrir votre dossier patient', en: 'open your patient record' },
  launch: {
    fr: 'ouvrir le dossier choisi dans le lanceur',
    en: 'open the record chosen in the launcher',
  },
  offline_access: {
    fr: 'rester connecté quand vous revenez, sans redemander votre mot de passe',
    en: 'stay signed in when you come back, without asking for your password again',
  },
};

/** Explains one scope in plain words, in French and English. */
export function explainScope(scope: string): ScopeExplanation {
  const fixed = FIXED_WORDS[scope];
  if (fixed) return fixed;
  const match = /^(?:patient|user)\/([A-Za-z*]+)\.([a-z*]+)/.exec(scope);
  const type = match?.[1] ?? '';
  const letters = V1_ACTIONS[match?.[2] ?? ''] ?? match?.[2] ?? '';
  const what = TYPE_WORDS[type];
  if (!what) return { fr: scope, en: scope };
  const verbs = [...letters].map((letter) => LETTER_WORDS[letter]).filter((v): v is ScopeExplanation => Boolean(v));
  const list = (lang: 'fr' | 'en'): string =>
    new Intl.ListFormat(lang, { type: 'conjunction' }).format(verbs.map((v) => v[lang]));
  return { fr: `${list('fr')} ${what.fr}`, en: `${list('en')} ${what.en}` };
}

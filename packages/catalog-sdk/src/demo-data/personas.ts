/**
 * The three demo personas: who they are, their care team, and the
 * professionals who may sign their documents.
 */
import type { CareTeamMember } from '../model/care-team.js';
import type { Pathology } from '../model/common.js';
import { ValidationError } from '../errors/errors.js';
import type { RecordPatient } from '../model/patient-record.js';
import { createSeededRandom, deriveSeed, type SeededRandom } from './random.js';
import { DIABETES_VOCABULARY } from './vocab-diabetes.js';
import { KIDNEY_VOCABULARY } from './vocab-kidney.js';
import { PARKINSON_VOCABULARY } from './vocab-parkinson.js';
import type { PersonaVocabulary, ProfessionalSeed } from './vocabulary.js';

/** A demo persona, named after the pathology it illustrates. */
export type PersonaId = Pathology;

/** A persona as listed on the demo sign-in page. */
export interface PersonaSummary {
  id: PersonaId;
  /** Login on the demo identity provider (the persona id). */
  login: string;
  /** The patient's full name. */
  displayName: string;
}

const VOCABULARIES: Readonly<Record<PersonaId, PersonaVocabulary>> = {
  diabetes: DIABETES_VOCABULARY,
  parkinson: PARKINSON_VOCABULARY,
  kidney: KIDNEY_VOCABULARY,
};

/** The demo personas, in display order. */
export const PERSONAS: readonly PersonaSummary[] = (['diabetes', 'parkinson', 'kidney'] as const).map((id) => ({
  id,
  login: id,
  displayName: `${VOCABULARIES[id].given} ${VOCABULARIES[id].family}`,
}));

/** The vocabulary of a persona; rejects unknown ids coming from untyped callers. */
export function vocabularyOf(persona: PersonaId): PersonaVocabulary {
  const vocabulary = (VOCABULARIES as Partial<Record<string, PersonaVocabulary>>)[persona];
  if (!vocabulary) throw new ValidationError('persona', 'is not a demo persona');
  return vocabulary;
}

/** The synthetic patient, whose age at `now` is the persona's stated age. */
export function buildPatient(persona: PersonaId, now: Date): RecordPatient {
  const vocabulary = vocabularyOf(persona);
  const [month, day] = vocabulary.birthday.split('-').map(Number) as [number, number];
  const year = now.getUTCFullYear();
  const birthdayPassed = now.getUTCMonth() + 1 > month || (now.getUTCMonth() + 1 === month && now.getUTCDate() >= day);
  const birthYear = year - vocabulary.age - (birthdayPassed ? 0 : 1);
  return {
    id: `patient-${persona}`,
    given: vocabulary.given,
    family: vocabulary.family,
    birthDate: `${birthYear}-${vocabulary.birthday}`,
    gender: vocabulary.gender,
    pathology: persona,
    pseudonym: vocabulary.pseudonym,
  };
}

/** Lower-case ASCII form of a name, for ids and e-mail addresses. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Display name of a professional, e.g. « Dr Claire Martin ». */
export function professionalName(seed: ProfessionalSeed): string {
  return `${seed.prefix ? `${seed.prefix} ` : ''}${seed.given} ${seed.family}`;
}

/** An RPPS-like number: `10`, eight digits and a Luhn check digit. */
function drawRpps(random: SeededRandom): string {
  let body = '10';
  for (let i = 0; i < 8; i += 1) body += String(random.int(0, 9));
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    // Luhn doubles every second digit counting from the right, check digit excluded.
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}

function drawPhone(random: SeededRandom, areaCode: string): string {
  const pairs = [areaCode];
  for (let i = 0; i < 4; i += 1) pairs.push(String(random.int(10, 99)));
  return pairs.join(' ');
}

/** The persona's care team, with drawn RPPS numbers and phones. */
export function buildCareTeam(persona: PersonaId, seed: number): CareTeamMember[] {
  const random = createSeededRandom(deriveSeed(seed, `care-team:${persona}`));
  return vocabularyOf(persona).careTeam.map((member) => ({
    id: `pro-${persona}-${slugify(member.family)}`,
    name: professionalName(member),
    ...(member.prefix ? { prefix: member.prefix } : {}),
    given: member.given,
    family: member.family,
    specialty: member.specialty,
    organisation: member.organisation,
    secureEmail: `${slugify(member.given)}.${slugify(member.family)}@${member.mailDomain}.mssante.fr`,
    phone: drawPhone(random, member.areaCode),
    rpps: drawRpps(random),
  }));
}

/**
 * Seeded, deterministic synthetic patient records for Storybook, the demo
 * FHIR server, the local demo and benchmarks (`@carnet/catalog-sdk/demo-data`).
 * Every person and organisation in it is fictitious. Runs in browsers and Node.
 * @packageDocumentation
 */
import type { HealthDocument } from '../model/document.js';
import { DEFAULT_TIME_ZONE } from '../model/common.js';
import { ValidationError } from '../errors/errors.js';
import { buildAgendaEvents } from './agenda-events.js';
import { createDocuments } from './documents.js';
import { buildForum } from './forum.js';
import { buildIntakes } from './intakes.js';
import { buildGlucoseReadings } from './glucose.js';
import { buildMotorDiary } from './motor-diary.js';
import { buildMedicationPlans } from './medication-plans.js';
import type { PatientRecord } from '../model/patient-record.js';
import { buildCareTeam, buildPatient, vocabularyOf, type PersonaId } from './personas.js';
import { instantToWallClock } from './wall-clock.js';

export { PERSONAS } from './personas.js';
export { GLUCOSE_DEMO_WEEKS, buildGlucoseReadings } from './glucose.js';
export { MOTOR_DIARY_DEMO_DAYS, buildMotorDiary } from './motor-diary.js';
export { demoAttachment, makePdf, makeSvg, pdfText } from './attachments.js';
export type { DemoAttachment } from './attachments.js';
export type { PersonaId, PersonaSummary } from './personas.js';

/** Seed used when none is given, so the default demo is always the same. */
export const DEFAULT_SEED = 20_261_123;

/** Reference date used when none is given, so the default output is stable. */
export const DEFAULT_REFERENCE_DATE = '2026-11-23T09:00:00Z';

/** Number of documents a persona gets by default. */
export const DEFAULT_DOCUMENT_COUNT = 320;

/** Options of {@link generatePersona}. */
export interface GenerateOptions {
  /** Same seed, same record. Default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Number of documents; default {@link DEFAULT_DOCUMENT_COUNT}. */
  documentCount?: number;
  /** Reference date everything is placed around; default {@link DEFAULT_REFERENCE_DATE}. */
  now?: Date;
}

/** Options of {@link generateDocuments}. */
export interface GenerateDocumentsOptions {
  /** Same seed, same documents. Default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Reference date; documents span the six years before it. */
  now?: Date;
  /** Whose documents; absent means the three personas in turn. */
  persona?: PersonaId;
}

function resolveNow(now: Date | undefined): Date {
  const resolved = now ?? new Date(DEFAULT_REFERENCE_DATE);
  if (Number.isNaN(resolved.getTime())) throw new ValidationError('now', 'is not a valid date');
  return resolved;
}

function resolveSeed(seed: number | undefined): number {
  const resolved = seed ?? DEFAULT_SEED;
  if (!Number.isFinite(resolved)) throw new ValidationError('seed', 'must be a finite number');
  return resolved >>> 0;
}

/**
 * Generates documents for search and list benchmarks: unique ids
 * (`doc-<persona>-<n>`, numbered oldest first), varied titles, dates, tags.
 * Fast: 10,000 documents in a few milliseconds.
 */
export function generateDocuments(count: number, options: GenerateDocumentsOptions = {}): HealthDocument[] {
  if (options.persona) vocabularyOf(options.persona);
  return createDocuments(count, {
    seed: resolveSeed(options.seed),
    now: resolveNow(options.now),
    ...(options.persona ? { persona: options.persona } : {}),
  });
}

/**
 * Generates a whole synthetic patient record: patient, care team, documents,
 * agenda, medication plans, two weeks of intakes and the community forum.
 * The same persona and options always give a deep-equal record.
 */
export function generatePersona(persona: PersonaId, options: GenerateOptions = {}): PatientRecord {
  vocabularyOf(persona);
  const seed = resolveSeed(options.seed);
  const now = resolveNow(options.now);
  const today = instantToWallClock(now, DEFAULT_TIME_ZONE).day;
  const careTeam = buildCareTeam(persona, seed);
  const medicationPlans = buildMedicationPlans(persona, seed, today);
  const forum = buildForum(persona, seed, now);
  const patient = buildPatient(persona, now);
  return {
    patient,
    documents: createDocuments(options.documentCount ?? DEFAULT_DOCUMENT_COUNT, { seed, now, persona }),
    careTeam,
    agendaEvents: buildAgendaEvents({ persona, today, careTeam, plans: medicationPlans }),
    medicationPlans,
    intakes: buildIntakes(medicationPlans, seed, now),
    forumThreads: forum.threads,
    forumPosts: forum.posts,
    ...(persona === 'diabetes' ? { glucoseReadings: buildGlucoseReadings(patient.id, seed, now) } : {}),
    ...(persona === 'parkinson' ? { motorStates: buildMotorDiary(patient.id, seed, now) } : {}),
  };
}

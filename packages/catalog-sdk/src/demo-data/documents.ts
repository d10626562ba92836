/**
 * Synthetic health documents: hundreds per persona, or tens of thousands for
 * search benchmarks. One pass, no time-zone work, so 10,000 take a few ms.
 */
import type { DocumentKind, HealthDocument } from '../model/document.js';
import { ValidationError } from '../errors/errors.js';
import { professionalName, vocabularyOf, type PersonaId } from './personas.js';
import { createSeededRandom, deriveSeed, type SeededRandom } from './random.js';
import {
  FRENCH_MONTHS,
  GENERIC_DESCRIPTIONS,
  SHARED_DOCUMENT_TEMPLATES,
  type DocumentTemplate,
  type PersonaVocabulary,
  type ProfessionalRole,
  type ProfessionalSeed,
} from './vocabulary.js';

/** How far back a persona's documents go, in days (about six years). */
export const DOCUMENT_HISTORY_DAYS = 6 * 365;

const DAY_MS = 86_400_000;
const PERSONA_ORDER: readonly PersonaId[] = ['diabetes', 'parkinson', 'kidney'];

/** Templates and authors of one persona, grouped once so each document is a few lookups. */
interface PersonaDocumentPlan {
  vocabulary: PersonaVocabulary;
  templatesByKind: Map<DocumentKind, (readonly [DocumentTemplate, number])[]>;
  authorsByRole: Map<ProfessionalRole, ProfessionalSeed[]>;
}

function planFor(persona: PersonaId): PersonaDocumentPlan {
  const vocabulary = vocabularyOf(persona);
  const templatesByKind = new Map<DocumentKind, (readonly [DocumentTemplate, number])[]>();
  for (const template of [...vocabulary.documentTemplates, ...SHARED_DOCUMENT_TEMPLATES]) {
    const list = templatesByKind.get(template.kind) ?? [];
    list.push([template, template.weight ?? 1]);
    templatesByKind.set(template.kind, list);
  }
  const authorsByRole = new Map<ProfessionalRole, ProfessionalSeed[]>();
  for (const professional of [...vocabulary.careTeam, ...vocabulary.externalProfessionals]) {
    const list = authorsByRole.get(professional.role) ?? [];
    list.push(professional);
    authorsByRole.set(professional.role, list);
  }
  return { vocabulary, templatesByKind, authorsByRole };
}

function chooseAuthor(plan: PersonaDocumentPlan, template: DocumentTemplate, random: SeededRandom): ProfessionalSeed {
  const pool = template.by.flatMap((role) => plan.authorsByRole.get(role) ?? []);
  // Every persona has a GP, the fallback when a shared template names a role it lacks.
  return random.pick(pool.length > 0 ? pool : (plan.authorsByRole.get('gp') ?? []));
}

function fillTitle(
  pattern: string,
  author: ProfessionalSeed,
  date: Date,
  plan: PersonaDocumentPlan,
  random: SeededRandom,
): string {
  if (!pattern.includes('{')) return pattern;
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'author':
        return professionalName(author);
      case 'specialty':
        return author.specialty.toLowerCase();
      case 'organisation':
        return author.organisation;
      case 'medication':
        return random.pick(plan.vocabulary.medicationNames);
      case 'year':
        return String(year);
      case 'season':
        // A flu season starts in autumn: a March 2025 shot belongs to « grippe 2024 ».
        return String(month >= 8 ? year : year - 1);
      case 'monthYear':
        return `${FRENCH_MONTHS[month] ?? ''} ${year}`;
      default:
        return key;
    }
  });
}

function drawDate(nowMs: number, random: SeededRandom): Date {
  const daysAgo = random.int(0, DOCUMENT_HISTORY_DAYS - 1);
  const day = new Date(nowMs - daysAgo * DAY_MS);
  // Documents are dated on working days, between 07:00 and 17:59 UTC.
  const weekday = day.getUTCDay();
  const shift = weekday === 0 ? -2 : weekday === 6 ? -1 : 0;
  const dated = Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate() + shift,
    random.int(7, 17),
    random.int(0, 59),
  );
  // Never in the future, never before the history starts.
  return new Date(Math.min(Math.max(dated, nowMs - (DOCUMENT_HISTORY_DAYS - 1) * DAY_MS), nowMs));
}

function drawTags(template: DocumentTemplate, plan: PersonaDocumentPlan, random: SeededRandom): string[] {
  const tags: string[] = [];
  if (template.tags && random.chance(0.55)) tags.push(random.pick(template.tags));
  if (random.chance(0.15)) tags.push(random.pick(plan.vocabulary.tags));
  if (random.chance(0.03)) tags.push('urgent');
  return [...new Set(tags)];
}

function drawAttachment(template: DocumentTemplate, random: SeededRandom): { contentType: string; size: number } {
  const imageShare = template.imageShare ?? (template.kind === 'imaging' ? 0.3 : 0.08);
  if (random.chance(imageShare)) {
    return { contentType: random.chance(0.7) ? 'image/jpeg' : 'image/png', size: random.int(300_000, 3_000_000) };
  }
  return {
    contentType: 'application/pdf',
    size: random.chance(0.85) ? random.int(40_000, 600_000) : random.int(600_000, 3_000_000),
  };
}

function makeDocument(id: string, plan: PersonaDocumentPlan, nowMs: number, random: SeededRandom): HealthDocument {
  const kind = random.weighted(plan.vocabulary.kindWeights);
  const template = random.weighted(plan.templatesByKind.get(kind) ?? []);
  const author = chooseAuthor(plan, template, random);
  const date = drawDate(nowMs, random);
  const document: HealthDocument = {
    id,
    title: fillTitle(template.title, author, date, plan, random),
    kind,
    date: date.toISOString(),
    author: professionalName(author),
    organisation: author.organisation,
    tags: drawTags(template, plan, random),
    favourite: random.chance(0.08),
    hiddenFromProfessionals: false,
    ...drawAttachment(template, random),
    version: '1',
  };
  if (random.chance(0.35)) document.description = random.pick(template.descriptions ?? GENERIC_DESCRIPTIONS);
  return document;
}

/** Options of {@link createDocuments}. */
export interface DocumentOptions {
  seed: number;
  now: Date;
  /** Absent: documents of all three personas, in turn. */
  persona?: PersonaId;
}

/**
 * Makes `count` documents, sorted oldest first, ids numbered in that order
 * (`doc-parkinson-0001` is the oldest).
 */
export function createDocuments(count: number, options: DocumentOptions): HealthDocument[] {
  if (!Number.isInteger(count) || count < 0) throw new ValidationError('count', 'must be a non-negative integer');
  const nowMs = options.now.getTime();
  if (Number.isNaN(nowMs)) throw new ValidationError('now', 'is not a valid date');
  const personas = options.persona ? [options.persona] : PERSONA_ORDER;
  const plans = personas.map(planFor);
  const random = createSeededRandom(deriveSeed(options.seed, `documents:${options.persona ?? 'all'}`));
  const drafts: { persona: PersonaId; document: HealthDocument }[] = [];
  for (let i = 0; i < count; i += 1) {
    const plan = plans[i % plans.length] as PersonaDocumentPlan;
    drafts.push({ persona: plan.vocabulary.id, document: makeDocument('', plan, nowMs, random) });
  }
  // Sorting by date then numbering keeps ids chronological; ties keep draw order.
  drafts.sort((a, b) => (a.document.date < b.document.date ? -1 : a.document.date > b.document.date ? 1 : 0));
  const width = Math.max(4, String(count).length);
  return drafts.map(({ persona, document }, index) => ({
    ...document,
    id: `doc-${persona}-${String(index + 1).padStart(width, '0')}`,
  }));
}

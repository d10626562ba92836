import { ValidationError } from '../../errors/errors.js';
import type { PatientRecord } from '../../model/patient-record.js';
import { PATHOLOGIES } from '../../model/common.js';
import type { CareTeamMember } from '../../model/care-team.js';
import type { ForumPost, ModerationState } from '../../model/forum.js';
import type { IntakeRecord } from '../../model/medication.js';
import type { CarnetDbSchema, LocalContext, StoredReadMark, StoredThread } from './database.js';
import { checkAgendaEvent } from './local-agenda.js';
import { checkDocument } from '../rules/documents.js';
import { checkPseudonym } from '../rules/forum.js';
import { checkIntake, checkMedicationPlan } from '../rules/medications.js';
import { checkGlucoseReading, checkMotorStateEntry } from '../rules/trackers.js';
import { compact, optionalInstant, optionalText, requireOneOf, requireText, toInstant } from '../rules/validation.js';

const MODERATION_STATES: readonly ModerationState[] = ['visible', 'hidden'];

/** Stores whose records are plain `{ id }` objects written as they are. */
type PlainStore = 'documents' | 'careTeam' | 'events' | 'plans' | 'threads' | 'posts' | 'measurements';

/** Checks every item, naming the faulty one in the error (e.g. `documents[3].title`). */
function checkEach<T, R>(list: string, items: readonly T[] | undefined, check: (item: T) => R, versioned = true): R[] {
  if (!Array.isArray(items)) throw new ValidationError(list, 'must be a list');
  return items.map((item, index) => {
    try {
      const checked = check(item);
      const record = checked as { id?: unknown; version?: unknown };
      requireText('id', record.id, 200);
      if (versioned) requireText('version', record.version, 50);
      return checked;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new ValidationError(`${list}[${index}].${error.field}`, error.message.slice(error.field.length + 1));
    }
  });
}

function checkMember(member: CareTeamMember): CareTeamMember {
  return compact({
    ...member,
    name: requireText('name', member.name, 200),
    family: requireText('family', member.family, 200),
  });
}

function checkThread(thread: StoredThread & { unread?: boolean }): StoredThread & { unread?: boolean } {
  if (!Number.isInteger(thread.replyCount) || thread.replyCount < 0)
    throw new ValidationError('replyCount', 'must be a whole number');
  return {
    ...thread,
    community: requireOneOf('community', thread.community, PATHOLOGIES),
    title: requireText('title', thread.title, 200),
    authorPseudonym: requireText('authorPseudonym', thread.authorPseudonym, 60),
    createdAt: toInstant('createdAt', thread.createdAt),
    lastActivityAt: toInstant('lastActivityAt', thread.lastActivityAt),
  };
}

function checkPost(post: ForumPost): ForumPost {
  if (!Number.isInteger(post.reportCount) || post.reportCount < 0)
    throw new ValidationError('reportCount', 'must be a whole number');
  return compact({
    ...post,
    threadId: requireText('threadId', post.threadId, 200),
    community: requireOneOf('community', post.community, PATHOLOGIES),
    authorPseudonym: requireText('authorPseudonym', post.authorPseudonym, 60),
    body: requireText('body', post.body, 10_000),
    createdAt: toInstant('createdAt', post.createdAt),
    editedAt: optionalInstant('editedAt', post.editedAt),
    replyTo: optionalText('replyTo', post.replyTo, 200),
    moderation: requireOneOf('moderation', post.moderation, MODERATION_STATES),
  });
}

async function putAll<S extends PlainStore>(
  context: LocalContext,
  store: S,
  records: CarnetDbSchema[S]['value'][],
  replace: boolean,
): Promise<void> {
  if (records.length === 0) return;
  await context.database.transaction([store], 'readwrite', async (tx) => {
    const objects = tx.objectStore(store);
    await Promise.all(
      records.map(async (record) => {
        if (!replace && (await objects.getKey(record.id)) !== undefined) return;
        await objects.put(record);
      }),
    );
  });
}

/** Intakes keep one record per dose: a dose already recorded under another id is kept, or replaced. */
async function putIntakes(context: LocalContext, intakes: IntakeRecord[], replace: boolean): Promise<void> {
  const byDose = new Map<string, IntakeRecord>();
  for (const intake of intakes) {
    const dose = JSON.stringify([intake.planId, intake.scheduledAt]);
    if (!byDose.has(dose)) byDose.set(dose, intake);
  }
  if (byDose.size === 0) return;
  await context.database.transaction(['intakes'], 'readwrite', async (tx) => {
    const store = tx.objectStore('intakes');
    const doses = store.index('by-plan-scheduled');
    await Promise.all(
      [...byDose.values()].map(async (intake) => {
        const [sameId, sameDose] = await Promise.all([
          store.getKey(intake.id),
          doses.getKey([intake.planId, intake.scheduledAt]),
        ]);
        if (!replace && (sameId !== undefined || sameDose !== undefined)) return;
        if (sameDose !== undefined && sameDose !== intake.id) await store.delete(sameDose);
        await store.put(intake);
      }),
    );
  });
}

/**
 * Loads a whole persona record, ids and versions kept: one transaction per store,
 * everything checked before anything is written.
 */
export async function importPatientRecord(
  context: LocalContext,
  record: PatientRecord,
  replace: boolean,
  contents?: ReadonlyMap<string, Blob>,
): Promise<void> {
  const pseudonym = (() => {
    try {
      return checkPseudonym(record.patient?.pseudonym);
    } catch {
      throw new ValidationError('patient.pseudonym', 'must be 3 to 30 letters, digits, spaces, hyphens or underscores');
    }
  })();
  const documents = checkEach('documents', record.documents, (document) => ({
    ...document,
    ...checkDocument(document),
  }));
  const careTeam = checkEach('careTeam', record.careTeam, checkMember, false);
  const events = checkEach('agendaEvents', record.agendaEvents, (event) => ({ ...event, ...checkAgendaEvent(event) }));
  const plans = checkEach('medicationPlans', record.medicationPlans, (plan) => ({
    ...plan,
    ...checkMedicationPlan(plan),
  }));
  const intakes = checkEach('intakes', record.intakes, (intake) => ({ ...intake, ...checkIntake(intake) }));
  const threadsIn = checkEach('forumThreads', record.forumThreads, checkThread);
  const posts = checkEach('forumPosts', record.forumPosts, checkPost);
  const glucose = checkEach('glucoseReadings', record.glucoseReadings ?? [], (reading) => ({
    ...reading,
    ...checkGlucoseReading(reading),
    kind: 'glucose' as const,
  }));
  const motorStates = checkEach('motorStates', record.motorStates ?? [], (entry) => ({
    ...entry,
    ...checkMotorStateEntry(entry),
    kind: 'motorState' as const,
  }));

  // `unread` is computed from read marks; a thread imported as read gets one.
  const readMarks: StoredReadMark[] = threadsIn
    .filter((thread) => thread.unread === false)
    .map((thread) => ({ threadId: thread.id, readAt: thread.lastActivityAt }));
  const threads: StoredThread[] = threadsIn.map(({ unread: _unread, ...thread }) => thread);

  const documentIds = new Set(documents.map((document) => document.id));
  const files = [...(contents ?? new Map<string, Blob>())].filter(([id]) => documentIds.has(id));
  for (const [id, file] of files) {
    if (!(file instanceof Blob)) throw new ValidationError(`contents.${id}`, 'must be a Blob');
  }
  await putAll(context, 'documents', documents, replace);
  if (files.length > 0) {
    await context.database.transaction(['contents'], 'readwrite', async (tx) => {
      const store = tx.objectStore('contents');
      await Promise.all(
        files.map(async ([id, file]) => {
          if (replace || (await store.getKey(id)) === undefined) await store.put(file, id);
        }),
      );
    });
  }
  await putAll(context, 'careTeam', careTeam, replace);
  await putAll(context, 'events', events, replace);
  await putAll(context, 'plans', plans, replace);
  await putIntakes(context, intakes, replace);
  await putAll(context, 'threads', threads, replace);
  await putAll(context, 'posts', posts, replace);
  await putAll(context, 'measurements', [...glucose, ...motorStates], replace);
  if (readMarks.length > 0) {
    await context.database.transaction(['reads'], 'readwrite', async (tx) => {
      const reads = tx.objectStore('reads');
      await Promise.all(
        readMarks.map(async (mark) => {
          if (replace || (await reads.getKey(mark.threadId)) === undefined) await reads.put(mark);
        }),
      );
    });
  }
  await context.database.transaction(['settings'], 'readwrite', async (tx) => {
    const settings = tx.objectStore('settings');
    if ((await settings.getKey('pseudonym')) === undefined) await settings.put({ key: 'pseudonym', value: pseudonym });
  });
}

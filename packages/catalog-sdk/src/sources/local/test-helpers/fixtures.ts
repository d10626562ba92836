import { deleteDB } from 'idb';
import type { PatientRecord } from '../../../model/patient-record.js';
import type { NewAgendaEvent } from '../../../model/agenda.js';
import type { NewHealthDocument } from '../../../model/document.js';
import type { NewMedicationPlan } from '../../../model/medication.js';
import { createLocalDataSource, type LocalDataSource, type LocalDataSourceOptions } from '../local-data-source.js';

const openedNames = new Set<string>();
const openedSources: LocalDataSource[] = [];

/** A database name no other test uses. */
export function uniqueDbName(): string {
  const name = `test-${crypto.randomUUID()}`;
  openedNames.add(name);
  return name;
}

/** A data source on a fresh database, closed and deleted by `cleanUpDatabases`. */
export function freshSource(options: LocalDataSourceOptions = {}): LocalDataSource {
  const source = createLocalDataSource({ dbName: uniqueDbName(), ...options });
  openedSources.push(source);
  return source;
}

/** A data source on a named test database (a second tab, or the same page after a reload). */
export function sourceOn(dbName: string, options: LocalDataSourceOptions = {}): LocalDataSource {
  openedNames.add(dbName);
  const source = createLocalDataSource({ ...options, dbName });
  openedSources.push(source);
  return source;
}

/** Closes every test source and deletes every test database; call in `afterEach`. */
export async function cleanUpDatabases(): Promise<void> {
  for (const source of openedSources.splice(0)) source.close();
  const names = [...openedNames];
  openedNames.clear();
  await Promise.all(names.map((name) => deleteDB(name)));
}

/** The error a promise rejects with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** A clock that moves one minute forward at every reading. */
export function tickingClock(start = '2026-03-02T08:00:00.000Z'): () => Date {
  let time = Date.parse(start);
  return () => {
    const now = new Date(time);
    time += 60_000;
    return now;
  };
}

/** A prescription as a caller would create it. */
export function newDocument(overrides: Partial<NewHealthDocument> = {}): NewHealthDocument {
  return {
    title: 'Ordonnance du Dr Martin',
    kind: 'prescription',
    date: '2026-03-02T09:00:00.000Z',
    author: 'Dr Claire Martin',
    organisation: 'Cabinet de neurologie de Lyon',
    contentType: 'application/pdf',
    ...overrides,
  };
}

/** A nephrology appointment as a caller would create it. */
export function newEvent(overrides: Partial<NewAgendaEvent> = {}): NewAgendaEvent {
  return {
    title: 'Consultation de néphrologie',
    kind: 'appointment',
    start: '2026-04-14T09:30',
    end: '2026-04-14T10:00',
    practitioner: 'Dr Martin, néphrologue',
    location: 'CHU de Lyon, pavillon E',
    reminders: [{ minutesBefore: 1440 }],
    ...overrides,
  };
}

/** A levodopa plan as a caller would create it. */
export function newPlan(overrides: Partial<NewMedicationPlan> = {}): NewMedicationPlan {
  return {
    medication: { display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé' },
    dose: 1,
    doseUnit: 'comprimé',
    slots: [{ time: '07:00' }, { time: '11:00' }, { time: '15:00' }, { time: '19:00' }],
    prescriber: 'Dr Claire Martin',
    start: '2026-01-05',
    renewalDate: '2026-04-05',
    stock: { dispensed: 120, unit: 'comprimé', dispensedOn: '2026-01-05' },
    ...overrides,
  };
}

/** A small synthetic Parkinson's record: never a real person. */
export function personaRecord(): PatientRecord {
  return {
    patient: {
      id: 'pat-colette',
      given: 'Colette',
      family: 'Durand',
      birthDate: '1956-05-12',
      gender: 'female',
      pathology: 'parkinson',
      pseudonym: 'Colibri_42',
    },
    documents: [
      {
        id: 'doc-ordonnance',
        title: 'Ordonnance de lévodopa',
        kind: 'prescription',
        date: '2026-01-05T10:00:00.000Z',
        author: 'Dr Claire Martin',
        tags: ['Parkinson'],
        favourite: true,
        hiddenFromProfessionals: false,
        contentType: 'application/pdf',
        size: 20480,
        version: '3',
      },
      {
        id: 'doc-irm',
        title: 'IRM cérébrale',
        kind: 'imaging',
        date: '2025-11-20T14:00:00.000Z',
        organisation: 'CHU de Lyon',
        tags: [],
        favourite: false,
        hiddenFromProfessionals: false,
        contentType: 'application/pdf',
        version: '1',
      },
      {
        id: 'doc-bilan',
        title: 'Bilan sanguin',
        kind: 'lab-result',
        date: '2025-12-01T08:00:00.000Z',
        tags: ['analyses'],
        favourite: false,
        hiddenFromProfessionals: false,
        contentType: 'application/pdf',
        version: '2',
      },
    ],
    careTeam: [
      {
        id: 'pro-martin',
        name: 'Dr Claire Martin',
        prefix: 'Dr',
        given: 'Claire',
        family: 'Martin',
        specialty: 'Neurologue',
        secureEmail: 'claire.martin@medecin.mssante.fr',
      },
      { id: 'pro-bernard', name: 'Paul Bernard', given: 'Paul', family: 'Bernard', specialty: 'Kinésithérapeute' },
    ],
    agendaEvents: [
      {
        id: 'evt-neuro',
        title: 'Consultation de neurologie',
        kind: 'appointment',
        start: '2026-04-02T10:00',
        end: '2026-04-02T10:30',
        timeZone: 'Europe/Paris',
        exdates: [],
        overrides: [],
        reminders: [{ minutesBefore: 1440 }],
        version: '2',
      },
      {
        id: 'evt-kine',
        title: 'Séance de kinésithérapie',
        kind: 'appointment',
        start: '2026-03-02T17:00',
        end: '2026-03-02T17:45',
        timeZone: 'Europe/Paris',
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TH',
        exdates: [],
        overrides: [],
        reminders: [],
        version: '1',
      },
    ],
    medicationPlans: [
      {
        id: 'plan-levodopa',
        medication: { display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé' },
        dose: 1,
        doseUnit: 'comprimé',
        slots: [{ time: '07:00' }, { time: '11:00' }],
        start: '2026-01-05',
        timeZone: 'Europe/Paris',
        version: '1',
      },
    ],
    intakes: [
      {
        id: 'int-1',
        planId: 'plan-levodopa',
        scheduledAt: '2026-03-01T06:00:00.000Z',
        status: 'taken',
        takenAt: '2026-03-01T06:10:00.000Z',
        version: '1',
      },
      {
        id: 'int-2',
        planId: 'plan-levodopa',
        scheduledAt: '2026-03-01T10:00:00.000Z',
        status: 'skipped',
        reason: 'Nausées',
        version: '1',
      },
    ],
    forumThreads: [
      {
        id: 'thr-tremblements',
        community: 'parkinson',
        title: 'Tremblements le matin',
        authorPseudonym: 'Mimosa',
        createdAt: '2026-02-10T08:00:00.000Z',
        lastActivityAt: '2026-02-11T09:00:00.000Z',
        replyCount: 1,
        version: '2',
      },
      {
        id: 'thr-marche',
        community: 'parkinson',
        title: 'Groupe de marche à Lyon',
        authorPseudonym: 'Colibri_42',
        createdAt: '2026-02-01T08:00:00.000Z',
        lastActivityAt: '2026-02-01T08:00:00.000Z',
        replyCount: 0,
        version: '1',
      },
    ],
    forumPosts: [
      {
        id: 'post-1',
        threadId: 'thr-tremblements',
        community: 'parkinson',
        authorPseudonym: 'Mimosa',
        body: 'Mes tremblements sont plus forts au réveil. Et vous ?',
        createdAt: '2026-02-10T08:00:00.000Z',
        moderation: 'visible',
        reportCount: 0,
        version: '1',
      },
      {
        id: 'post-2',
        threadId: 'thr-tremblements',
        community: 'parkinson',
        authorPseudonym: 'Colibri_42',
        body: 'Oui, avant la première prise surtout.',
        createdAt: '2026-02-11T09:00:00.000Z',
        moderation: 'visible',
        reportCount: 0,
        own: true,
        version: '1',
      },
      {
        id: 'post-3',
        threadId: 'thr-marche',
        community: 'parkinson',
        authorPseudonym: 'Colibri_42',
        body: 'Qui veut marcher le samedi au parc de la Tête d’Or ?',
        createdAt: '2026-02-01T08:00:00.000Z',
        moderation: 'visible',
        reportCount: 0,
        own: true,
        version: '1',
      },
    ],
  };
}

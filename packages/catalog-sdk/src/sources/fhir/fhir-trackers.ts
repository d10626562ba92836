/** Tracker entries on a FHIR server: `Observation`s found by their LOINC codes and date. */
import type { Observation } from '@medplum/fhirtypes';
import type {
  ImportOutcome,
  MeasurementRange,
  NewTrackerEntry,
  TrackerEntries,
  TrackerKind,
} from '../../model/tracker.js';
import { LOINC_SYSTEM } from '../../model/document.js';
import {
  GLUCOSE_LOINC_CODES,
  glucoseReadingToObservation,
  isGlucoseObservation,
  observationToGlucoseReading,
} from '../../model/fhir/tracker.js';
import type { FhirPatientContext } from '../../model/fhir/patient.js';
import {
  BLOOD_PRESSURE_PANEL_LOINC,
  BODY_WEIGHT_LOINC,
  bloodPressureReadingToObservation,
  isBloodPressureObservation,
  isWeightObservation,
  observationToBloodPressureReading,
  observationToWeightReading,
  weightReadingToObservation,
} from '../../model/fhir/vital-signs.js';
import {
  MOTOR_STATE_OBSERVATION_CODE,
  isMotorStateObservation,
  motorStateEntryToObservation,
  observationToMotorStateEntry,
} from '../../model/fhir/motor-state.js';
import { OBSERVATION_CODE_SYSTEM } from '../../model/fhir/urls.js';
import type { TrackerRepository } from '../data-source.js';
import { checkRange, checkTrackerEntry, entryIdentity } from '../rules/trackers.js';
import { patientIdOf, versionOf, type FhirSourceContext } from './fhir-context.js';

/** How one kind of entry lives on the server. */
interface KindMapping<K extends TrackerKind> {
  /** Search tokens `system|code`. */
  codes: readonly string[];
  keep(resource: Observation): boolean;
  read(resource: Observation): TrackerEntries[K];
  write(entry: TrackerEntries[K], context: FhirPatientContext): Observation;
  identity(entry: NewTrackerEntry<K>): string;
}

const loinc = (code: string): string => `${LOINC_SYSTEM}|${code}`;

const MAPPINGS: { [K in TrackerKind]: KindMapping<K> } = {
  glucose: {
    codes: GLUCOSE_LOINC_CODES.map(loinc),
    keep: isGlucoseObservation,
    read: observationToGlucoseReading,
    write: glucoseReadingToObservation,
    identity: (entry) => entryIdentity('glucose', entry),
  },
  weight: {
    codes: [loinc(BODY_WEIGHT_LOINC)],
    keep: isWeightObservation,
    read: observationToWeightReading,
    write: weightReadingToObservation,
    identity: (entry) => entryIdentity('weight', entry),
  },
  bloodPressure: {
    codes: [loinc(BLOOD_PRESSURE_PANEL_LOINC)],
    keep: isBloodPressureObservation,
    read: observationToBloodPressureReading,
    write: bloodPressureReadingToObservation,
    identity: (entry) => entryIdentity('bloodPressure', entry),
  },
  motorState: {
    codes: [`${OBSERVATION_CODE_SYSTEM}|${MOTOR_STATE_OBSERVATION_CODE}`],
    keep: isMotorStateObservation,
    read: observationToMotorStateEntry,
    write: motorStateEntryToObservation,
    identity: (entry) => entryIdentity('motorState', entry),
  },
};

/** Observations written in one batch of an import (each a request; the server has no transaction here). */
const IMPORT_PARALLELISM = 4;

/** The patient's measurements on a FHIR server. */
export class FhirTrackerRepository implements TrackerRepository {
  constructor(private readonly context: FhirSourceContext) {}

  async list<K extends TrackerKind>(
    kind: K,
    range: MeasurementRange & { signal?: AbortSignal },
  ): Promise<TrackerEntries[K][]> {
    const mapping = MAPPINGS[kind] as KindMapping<K>;
    const { from, to } = checkRange(range);
    const result = await this.context.client.search<Observation>(
      'Observation',
      {
        patient: patientIdOf(this.context),
        code: mapping.codes.join(','),
        date: [`ge${from}`, `lt${to}`],
        _sort: 'date',
        _count: 1000,
      },
      { all: true, ...(range.signal === undefined ? {} : { signal: range.signal }) },
    );
    return result.resources
      .filter((resource) => mapping.keep(resource))
      .map((resource) => mapping.read(resource))
      .filter((entry) => entry.at >= from && entry.at < to)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  async add<K extends TrackerKind>(kind: K, entry: NewTrackerEntry<K>): Promise<TrackerEntries[K]> {
    const mapping = MAPPINGS[kind] as KindMapping<K>;
    const draft = { ...checkTrackerEntry(kind, entry), id: '', version: '' } as unknown as TrackerEntries[K];
    const created = await this.context.client.create(mapping.write(draft, { patientId: patientIdOf(this.context) }));
    return mapping.read(versionOf(created));
  }

  async import<K extends TrackerKind>(
    kind: K,
    entries: readonly NewTrackerEntry<K>[],
  ): Promise<ImportOutcome<TrackerEntries[K]>> {
    const mapping = MAPPINGS[kind] as KindMapping<K>;
    const checked = entries.map((entry) => checkTrackerEntry(kind, { ...entry, origin: 'imported' }));
    if (checked.length === 0) return { added: [], skipped: 0 };
    const times = checked.map((entry) => Date.parse(entry.at)).sort((a, b) => a - b);
    const existing = await this.list(kind, {
      from: new Date((times[0] ?? 0) - 60_000).toISOString(),
      to: new Date((times[times.length - 1] ?? 0) + 60_000).toISOString(),
    });
    const seen = new Set(existing.map((entry) => mapping.identity(entry as unknown as NewTrackerEntry<K>)));
    const fresh: NewTrackerEntry<K>[] = [];
    for (const entry of checked) {
      const identity = mapping.identity(entry);
      if (seen.has(identity)) continue;
      seen.add(identity);
      fresh.push(entry);
    }
    const context = { patientId: patientIdOf(this.context) };
    const added: TrackerEntries[K][] = [];
    for (let start = 0; start < fresh.length; start += IMPORT_PARALLELISM) {
      const batch = fresh.slice(start, start + IMPORT_PARALLELISM);
      const created = await Promise.all(
        batch.map((entry) =>
          this.context.client.create(
            mapping.write({ ...entry, id: '', version: '' } as unknown as TrackerEntries[K], context),
          ),
        ),
      );
      added.push(...created.map((result) => mapping.read(versionOf(result))));
    }
    return { added, skipped: checked.length - fresh.length };
  }

  async update<K extends TrackerKind>(kind: K, entry: TrackerEntries[K]): Promise<TrackerEntries[K]> {
    const mapping = MAPPINGS[kind] as KindMapping<K>;
    const { id, version, ...fields } = entry as TrackerEntries[K] & { id: string; version: string };
    const checked = { ...checkTrackerEntry(kind, fields as unknown as NewTrackerEntry<K>), id, version: '' };
    const resource = mapping.write(checked as unknown as TrackerEntries[K], { patientId: patientIdOf(this.context) });
    const updated = await this.context.client.update(resource, { ifMatch: version });
    return mapping.read(versionOf(updated));
  }

  async remove(kind: TrackerKind, id: string, baseVersion: string): Promise<void> {
    void kind;
    await this.context.client.delete('Observation', id, { ifMatch: baseVersion });
  }
}

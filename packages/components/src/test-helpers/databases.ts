/** Unique IndexedDB names per test, deleted after it. */
import { fixtureCleanup } from '@open-wc/testing';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { Pathology, PatientRecord } from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';

const createdNames: string[] = [];
let counter = 0;

/** A database name no other test uses; deleted by `deleteTestDatabases`. */
export function uniqueDbName(label: string): string {
  counter += 1;
  const name = `carnet-test-${label}-${Date.now().toString(36)}-${counter}`;
  createdNames.push(name);
  return name;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    // Blocked: a connection is still open. The delete completes once it closes; names are never
    // reused, so the next test need not wait for it (and a leaked connection cannot hang the file).
    request.onblocked = () => resolve();
  });
}

/** Removes fixtures (closing their databases) then deletes every test database. */
export async function deleteTestDatabases(): Promise<void> {
  fixtureCleanup();
  const names = createdNames.splice(0, createdNames.length);
  await Promise.all(names.map(deleteDatabase));
}

/**
 * Writes a small synthetic persona into the database `dbName` (closing it after),
 * so a provider opening that name finds a real record.
 */
export async function seedPersonaRecord(
  dbName: string,
  persona: Pathology,
  documentCount = 6,
  now?: Date,
): Promise<PatientRecord> {
  const record = generatePersona(persona, { documentCount, ...(now ? { now } : {}) });
  const source = createLocalDataSource({ dbName });
  try {
    await source.importRecord(record);
  } finally {
    source.close();
  }
  return record;
}

import type { LocalDataSource, Pathology } from '@carnet/catalog-sdk';

// One seeding at a time per database, so two providers on one page never both
// find the record empty and import the persona twice.
const seedingByDatabase = new Map<string, Promise<boolean>>();

async function seedWhenEmpty(source: LocalDataSource, persona: Pathology, now: Date): Promise<boolean> {
  if (!(await source.isEmpty())) return false;
  // The generator is large and only demos need it: load it on first use.
  const { demoAttachment, generatePersona } = await import('@carnet/catalog-sdk/demo-data');
  // Around today, so treatments, intakes and appointments are current, not those of a fixed date.
  const record = generatePersona(persona, { now });
  // Every document gets its file, so it can be previewed and downloaded as on the platform.
  const contents = new Map<string, Blob>();
  const documents = record.documents.map((document) => {
    const { bytes, contentType } = demoAttachment(document);
    contents.set(document.id, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }));
    return { ...document, contentType, size: bytes.length };
  });
  await source.importRecord({ ...record, documents }, { contents });
  return true;
}

/**
 * Fills an empty local record with a synthetic persona; leaves a record that
 * already holds data untouched. The persona is generated around `now` (default: now).
 *
 * @returns `true` when the persona was imported, `false` when the record already had data.
 */
export function seedDemoPersona(
  source: LocalDataSource,
  persona: Pathology,
  dbName: string,
  now: Date = new Date(),
): Promise<boolean> {
  const previous = seedingByDatabase.get(dbName) ?? Promise.resolve(false);
  const seeding = previous.then(
    () => seedWhenEmpty(source, persona, now),
    () => seedWhenEmpty(source, persona, now),
  );
  seedingByDatabase.set(dbName, seeding);
  const forget = (): void => {
    if (seedingByDatabase.get(dbName) === seeding) seedingByDatabase.delete(dbName);
  };
  seeding.then(forget, forget);
  return seeding;
}

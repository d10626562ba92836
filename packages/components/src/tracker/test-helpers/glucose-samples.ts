import { createLocalDataSource } from '@carnet/catalog-sdk';
import { buildGlucoseReadings } from '@carnet/catalog-sdk/demo-data';

/** Fills a local record with the diabetes persona's last weeks of glucose values (once). */
export async function seedGlucose(dbName: string, now: Date = new Date()): Promise<void> {
  const source = createLocalDataSource({ dbName });
  try {
    const from = new Date(now.getTime() - 40 * 86_400_000).toISOString();
    const existing = await source.trackers.list('glucose', {
      from,
      to: new Date(now.getTime() + 60_000).toISOString(),
    });
    if (existing.length > 0) return;
    await source.trackers.import('glucose', buildGlucoseReadings('patient-diabetes', 20_261_123, now));
  } finally {
    source.close();
  }
}

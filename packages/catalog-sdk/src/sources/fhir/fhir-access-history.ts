/** The patient's access history on a FHIR server: her `AuditEvent`s (the server returns her own trail only). */
import type { AuditEvent } from '@medplum/fhirtypes';
import type { AccessEntry } from '../../model/access.js';
import { auditEventToAccessEntry } from '../../model/fhir/index.js';
import type { AccessHistoryRepository } from '../data-source.js';
import type { FhirSourceContext } from './fhir-context.js';

/** Reads the trail, most recent first. */
export class FhirAccessHistoryRepository implements AccessHistoryRepository {
  constructor(private readonly context: FhirSourceContext) {}

  async list(options: { from?: string; to?: string; signal?: AbortSignal } = {}): Promise<AccessEntry[]> {
    const params: Record<string, string | number | string[]> = { _count: 1000 };
    const dates = [...(options.from ? [`ge${options.from}`] : []), ...(options.to ? [`lt${options.to}`] : [])];
    if (dates.length > 0) params['date'] = dates;
    const result = await this.context.client.search<AuditEvent>('AuditEvent', params, {
      ...(options.signal ? { signal: options.signal } : {}),
      all: true,
    });
    return result.resources.map(auditEventToAccessEntry).sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  }
}

/** The patient's agenda on a FHIR server: `Appointment` + Carnet's extensions. */
import type { Appointment } from '@medplum/fhirtypes';
import { DEFAULT_TIME_ZONE } from '../../model/common.js';
import type { AgendaEvent, NewAgendaEvent } from '../../model/agenda.js';
import { agendaEventToAppointment, appointmentToAgendaEvent } from '../../model/fhir/index.js';
import type { AgendaRepository } from '../data-source.js';
import { requireText } from '../rules/validation.js';
import { patientIdOf, versionOf, type FhirSourceContext } from './fhir-context.js';

const RT = 'Appointment';

/** The patient's agenda on a FHIR server; updates and deletes are conditional on the version. */
export class FhirAgendaRepository implements AgendaRepository {
  constructor(private readonly context: FhirSourceContext) {}

  async list(options: { signal?: AbortSignal } = {}): Promise<AgendaEvent[]> {
    const result = await this.context.client.search<Appointment>(
      RT,
      { patient: patientIdOf(this.context), _count: 200 },
      { ...options, all: true },
    );
    return result.resources.map(appointmentToAgendaEvent);
  }

  async get(id: string): Promise<AgendaEvent> {
    return appointmentToAgendaEvent(versionOf(await this.context.client.read<Appointment>(RT, id)));
  }

  async create(event: NewAgendaEvent): Promise<AgendaEvent> {
    const draft: AgendaEvent = {
      ...event,
      title: requireText('title', event.title, 300),
      id: '',
      version: '',
      exdates: event.exdates ?? [],
      overrides: event.overrides ?? [],
      reminders: event.reminders ?? [],
      timeZone: event.timeZone ?? DEFAULT_TIME_ZONE,
    };
    const created = await this.context.client.create(
      agendaEventToAppointment(draft, { patientId: patientIdOf(this.context) }),
    );
    return appointmentToAgendaEvent(versionOf(created));
  }

  async update(event: AgendaEvent): Promise<AgendaEvent> {
    requireText('title', event.title, 300);
    const resource = agendaEventToAppointment(event, { patientId: patientIdOf(this.context) });
    const updated = await this.context.client.update(resource, { ifMatch: event.version });
    return appointmentToAgendaEvent(versionOf(updated));
  }

  async delete(id: string, baseVersion: string): Promise<void> {
    await this.context.client.delete(RT, id, { ifMatch: baseVersion });
  }
}

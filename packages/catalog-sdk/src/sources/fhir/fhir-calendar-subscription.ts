/** The calendar subscription address on the demo platform (`Patient/$calendar-subscription`). */
import { FhirError } from '../../fhir/fhir-error.js';
import type { CalendarSubscription, CalendarSubscriptionRepository } from '../data-source.js';
import type { FhirSourceContext } from './fhir-context.js';

function toSubscription(body: unknown): CalendarSubscription {
  const url = (body as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url))
    throw new FhirError('server', 502, 'The server did not give a calendar address');
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
}

/** Asks the platform for the patient's secret calendar URL, or a new one. */
export class FhirCalendarSubscriptionRepository implements CalendarSubscriptionRepository {
  readonly #context: FhirSourceContext;

  constructor(context: FhirSourceContext) {
    this.#context = context;
  }

  async get(): Promise<CalendarSubscription> {
    return toSubscription((await this.#context.client.request('POST', 'Patient/$calendar-subscription')).body);
  }

  async reset(): Promise<CalendarSubscription> {
    return toSubscription((await this.#context.client.request('POST', 'Patient/$calendar-subscription-reset')).body);
  }
}

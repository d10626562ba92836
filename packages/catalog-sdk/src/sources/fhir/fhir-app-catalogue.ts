/**
 * The app catalogue on a Carnet platform: `GET {base}/$app-catalogue` (public),
 * `GET {base}/Patient/$app-grants` (the signed-in patient's consents) and
 * `POST {base}/Patient/$app-revoke` (withdraws one app's access at once).
 */
import { FhirError } from '../../fhir/fhir-error.js';
import type { AppGrant, CatalogueApp, CatalogueScope } from '../../catalog/catalogue.js';
import type { ManifestText } from '../../catalog/manifest.js';
import type { AppCatalogueRepository } from '../data-source.js';
import type { FhirSourceContext } from './fhir-context.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const malformed = (): FhirError => new FhirError('server', 502, 'The server answered an unexpected app catalogue');

function text(value: unknown): ManifestText {
  if (typeof value === 'string') return value;
  if (isRecord(value) && Object.values(value).every((item) => typeof item === 'string'))
    return value as Record<string, string>;
  throw malformed();
}

function string(value: unknown): string {
  if (typeof value !== 'string') throw malformed();
  return value;
}

function toScope(value: unknown): CatalogueScope {
  if (!isRecord(value)) throw malformed();
  const access = value['access'];
  const explanation = value['explanation'];
  return {
    scope: string(value['scope']),
    reason: text(value['reason']),
    ...(access === 'read' || access === 'write' ? { access } : {}),
    ...(isRecord(explanation) ? { explanation: text(explanation) as Record<string, string> } : {}),
  };
}

function toApp(value: unknown): CatalogueApp {
  if (!isRecord(value) || !Array.isArray(value['scopes'])) throw malformed();
  const { icon, launchUrl } = value;
  return {
    clientId: string(value['clientId']),
    name: string(value['name']),
    publisher: string(value['publisher']),
    description: text(value['description']),
    ...(typeof icon === 'string' ? { icon } : {}),
    ...(typeof launchUrl === 'string' && /^https?:\/\//.test(launchUrl) ? { launchUrl } : {}),
    scopes: value['scopes'].map(toScope),
  };
}

function toGrant(value: unknown): AppGrant {
  if (!isRecord(value) || !Array.isArray(value['scopes'])) throw malformed();
  return {
    clientId: string(value['clientId']),
    grantedAt: string(value['grantedAt']),
    scopes: value['scopes'].map(string),
  };
}

function listOf(body: unknown, name: string): unknown[] {
  const list = isRecord(body) ? body[name] : undefined;
  if (!Array.isArray(list)) throw malformed();
  return list;
}

/** The catalogue and the patient's app consents, read live (never cached). */
export class FhirAppCatalogueRepository implements AppCatalogueRepository {
  readonly #context: FhirSourceContext;

  constructor(context: FhirSourceContext) {
    this.#context = context;
  }

  async listApps(options: { signal?: AbortSignal } = {}): Promise<CatalogueApp[]> {
    const answer = await this.#context.client.request('GET', '$app-catalogue', options);
    return listOf(answer.body, 'apps').map(toApp);
  }

  async listGrants(options: { signal?: AbortSignal } = {}): Promise<AppGrant[]> {
    const answer = await this.#context.client.request('GET', 'Patient/$app-grants', options);
    return listOf(answer.body, 'grants').map(toGrant);
  }

  async revoke(clientId: string): Promise<void> {
    await this.#context.client.request('POST', 'Patient/$app-revoke', {
      body: { resourceType: 'Parameters', parameter: [{ name: 'client', valueString: clientId }] },
    });
  }
}

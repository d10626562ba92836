/**
 * The platform's catalogue of third-party apps, and each patient's consents:
 *
 * - `GET {base}/$app-catalogue`: the listed apps, public information only (name,
 *   publisher, description, icon, launch URL, each scope with its reason and the
 *   platform's plain words for it). No token needed.
 * - `GET {base}/Patient/$app-grants`: the apps the signed-in patient allowed.
 * - `POST {base}/Patient/$app-revoke` (`Parameters` with `client`): withdraws
 *   one app's access; its tokens are refused from the next request.
 *
 * Whose consents: the token's subject, never a parameter — a patient sees and
 * withdraws her own only. Only the platform's own clients (the association
 * site) may list or withdraw: an app cannot read which other apps she uses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppManifest } from '@carnet/catalog-sdk';
import { FhirHttpError, parseResourceBody, readBody, sendJson } from '../fhir/http.js';
import { explainScope } from '../smart-scopes.js';
import type { Caller } from './auth.js';

/** A consent as the routes answer it. */
export interface AppConsentJson {
  clientId: string;
  grantedAt: string;
  scopes: readonly string[];
}

/** What the catalogue routes need from the platform. */
export interface AppCatalogueOptions {
  /** The listed apps (validated manifests), in the order shown. */
  apps: readonly AppManifest[];
  /** Clients that may list and withdraw a patient's consents (first-party). */
  managerClients: ReadonlySet<string>;
  /** The consents in force of an account. */
  consentsOf(accountId: string): Promise<AppConsentJson[]>;
  /** Withdraws an app's access for an account (ends its grants and tokens). */
  revoke(accountId: string, clientId: string): Promise<void>;
}

/** The routes, as the FHIR server mounts them. */
export interface AppCatalogueRoutes {
  handles(path: string): boolean;
  serve(req: IncomingMessage, res: ServerResponse, path: string, authenticate: () => Promise<Caller>): Promise<void>;
}

const CATALOGUE_PATH = '/$app-catalogue';
const GRANTS_PATH = '/Patient/$app-grants';
const REVOKE_PATH = '/Patient/$app-revoke';

/** The public entry of a manifest, scopes explained in the platform's words. */
function publicEntry(app: AppManifest): Record<string, unknown> {
  return {
    clientId: app.clientId,
    name: app.name,
    publisher: app.publisher,
    description: app.description,
    ...(app.icon ? { icon: app.icon } : {}),
    ...(app.launchUrl ? { launchUrl: app.launchUrl } : {}),
    scopes: app.scopes.map((entry) => ({
      scope: entry.scope,
      reason: entry.reason,
      ...(entry.access ? { access: entry.access } : {}),
      explanation: explainScope(entry.scope),
    })),
  };
}

/** The `client` parameter of a `Parameters` body. */
function clientParameter(body: Record<string, unknown>): string {
  const parameters = body['resourceType'] === 'Parameters' ? body['parameter'] : undefined;
  const client = Array.isArray(parameters)
    ? (parameters as { name?: unknown; valueString?: unknown }[]).find((parameter) => parameter.name === 'client')
    : undefined;
  if (typeof client?.valueString !== 'string' || !client.valueString)
    throw new FhirHttpError(400, 'invalid', 'Give the app as a Parameters resource with a client parameter');
  return client.valueString;
}

/** Builds the catalogue routes. */
export function createAppCatalogueRoutes(options: AppCatalogueOptions): AppCatalogueRoutes {
  const catalogue = { apps: options.apps.map(publicEntry) };
  const listed = new Set(options.apps.map((app) => app.clientId));

  /** The signed-in patient through the platform's own client, or 403. */
  async function patientCaller(authenticate: () => Promise<Caller>): Promise<Caller> {
    const caller = await authenticate();
    if (!caller.patientId || caller.practitionerId || caller.relatedPersonId || caller.launchPatientId)
      throw new FhirHttpError(403, 'forbidden', 'Only a signed-in patient has app consents');
    if (!caller.clientId || !options.managerClients.has(caller.clientId))
      throw new FhirHttpError(403, 'forbidden', 'Only the platform may list or withdraw app consents');
    return caller;
  }

  return {
    handles: (path) => path === CATALOGUE_PATH || path === GRANTS_PATH || path === REVOKE_PATH,
    async serve(req, res, path, authenticate) {
      const method = req.method ?? 'GET';
      const allow = path === REVOKE_PATH ? 'POST' : 'GET';
      if (method !== allow && !(allow === 'GET' && method === 'HEAD'))
        throw new FhirHttpError(405, 'not-supported', 'Method not allowed', { Allow: allow });
      if (path === CATALOGUE_PATH) return sendJson(res, 200, catalogue, { 'Cache-Control': 'no-cache' });
      const caller = await patientCaller(authenticate);
      if (path === GRANTS_PATH) {
        const grants = await options.consentsOf(caller.subject);
        return sendJson(res, 200, { grants }, { 'Cache-Control': 'no-store' });
      }
      const clientId = clientParameter(parseResourceBody(await readBody(req), req.headers['content-type']));
      if (!listed.has(clientId)) throw new FhirHttpError(404, 'not-found', 'No such app in the catalogue');
      await options.revoke(caller.subject, clientId);
      res.statusCode = 204;
      res.setHeader('Cache-Control', 'no-store');
      res.end();
    },
  };
}

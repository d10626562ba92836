import type { IncomingMessage, ServerResponse } from 'node:http';
import { OperationOutcomeError, getStatus, isOk, normalizeOperationOutcome, validateResource } from '@medplum/core';
import { FhirRouter, type MemoryRepository } from '@medplum/fhir-router';
import type { Binary, Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { ScopeInteraction } from '../smart-scopes.js';
import { documentAccessEvent } from './audit.js';
import { createTokenVerifier, type Caller, type TokenPolicy } from './auth.js';
import { capabilityStatement, smartConfiguration, type SmartEndpoints } from './capability.js';
import { COMPARTMENT_RULES, belongsTo, type CompartmentRule, type ResourceJson } from './compartment.js';
import { loadFhirDefinitions } from './definitions.js';
import {
  CorsPolicy,
  FhirHttpError,
  etagOf,
  outcome,
  parseResourceBody,
  readBody,
  sendError,
  sendJson,
  versionFromIfMatch,
} from './http.js';
import { constrainSearch, linkSearchBundle } from './search.js';

/** Options of the demo FHIR server. */
export interface FhirServerOptions {
  /** Public base URL, e.g. `http://localhost:4020/fhir`; its path is the mount point. */
  fhirBaseUrl: string;
  /** The repository to serve (seeded by the caller). */
  repo: MemoryRepository;
  /** Access token checks (issuer, audience = `fhirBaseUrl`, keys). */
  tokens: Omit<TokenPolicy, 'audience'>;
  /** Provider endpoints advertised in `.well-known/smart-configuration`. */
  endpoints: SmartEndpoints;
  /** Origins allowed to call from a browser. */
  siteOrigins: readonly string[];
  /** Practitioner ids in each patient's care team. */
  careTeamOf(patientId: string): ReadonlySet<string>;
  /** Receives one line per request (method, path without query values, status, duration). */
  log?: (line: string) => void;
}

/** A request after routing: the resource type, id and the SMART interaction letter. */
interface RoutedRequest {
  type: string;
  id?: string;
  versionId?: string;
  interaction: ScopeInteraction;
  rule: CompartmentRule;
}

const ID = '[A-Za-z0-9\\-.]{1,64}';
const INSTANCE = new RegExp(`^/([A-Z][A-Za-z]+)/(${ID})(?:/_history/(${ID}))?$`);
const TYPE = /^\/([A-Z][A-Za-z]+)$/;

/** Maps method and path to an interaction on a served type, or throws 404/405. */
function route(method: string, path: string): RoutedRequest {
  const instance = INSTANCE.exec(path);
  const typeOnly = TYPE.exec(path);
  const type = instance?.[1] ?? typeOnly?.[1];
  const rule = type ? COMPARTMENT_RULES[type] : undefined;
  if (!type || !rule) throw new FhirHttpError(404, 'not-found', 'Unknown route or unsupported resource type');
  let interaction: ScopeInteraction | undefined;
  if (instance) {
    const isVersion = instance[3] !== undefined;
    if (method === 'GET' || method === 'HEAD') interaction = 'r';
    else if (method === 'PUT' && !isVersion) interaction = 'u';
    else if (method === 'DELETE' && !isVersion) interaction = 'd';
  } else if (method === 'GET' || method === 'HEAD') interaction = 's';
  else if (method === 'POST') interaction = 'c';
  if (!interaction || !rule.interactions.includes(interaction)) {
    throw new FhirHttpError(405, 'not-supported', 'Interaction not supported on this resource type');
  }
  return {
    type,
    rule,
    interaction,
    ...(instance?.[2] ? { id: instance[2] } : {}),
    ...(instance?.[3] ? { versionId: instance[3] } : {}),
  };
}

/** Query parameters as Medplum's router expects them (repeated names become arrays). */
function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const previous = record[name];
    record[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return record;
}

/** The query string with values hidden, for logs. */
function redactedQuery(params: URLSearchParams): string {
  const names = [...params.keys()];
  return names.length ? `?${names.map((name) => `${name}=…`).join('&')}` : '';
}

/**
 * Creates the demo FHIR R4 server: Medplum's `FhirRouter` on a `MemoryRepository`,
 * behind bearer-token checks, SMART v2 scopes and the patient compartment.
 * Returns a node `http` request listener.
 */
export function createFhirServer(options: FhirServerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  loadFhirDefinitions();
  const { fhirBaseUrl, repo } = options;
  const basePath = new URL(fhirBaseUrl).pathname.replace(/\/$/, '');
  const router = new FhirRouter();
  const cors = new CorsPolicy(options.siteOrigins);
  const verify = createTokenVerifier({ ...options.tokens, audience: fhirBaseUrl });
  const capability = capabilityStatement(fhirBaseUrl, options.endpoints);
  const smart = smartConfiguration(options.endpoints);

  async function callRouter(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    query: URLSearchParams,
    body?: unknown,
    ifMatch?: string,
  ): Promise<Resource | undefined> {
    const search = query.toString();
    const [result, resource] = await router.handleRequest(
      {
        method,
        url: search ? `${path}?${search}` : path,
        pathname: '',
        body,
        params: {},
        query: queryRecord(query),
        headers: ifMatch ? { 'if-match': ifMatch } : {},
      },
      repo,
    );
    if (!isOk(result)) throw new OperationOutcomeError(result);
    return resource;
  }

  function mayRead(caller: Caller, routed: RoutedRequest, resource: ResourceJson): boolean {
    if (routed.type === 'Practitioner') return options.careTeamOf(caller.patientId).has(resource.id ?? '');
    return belongsTo(routed.rule, resource, caller.patientId);
  }

  /** Checks and completes a body for create/update: right type, in the caller's compartment, valid. */
  function prepareBody(caller: Caller, routed: RoutedRequest, body: ResourceJson): ResourceJson {
    if (body.resourceType !== routed.type)
      throw new FhirHttpError(400, 'invalid', 'Resource type does not match the URL');
    if (routed.rule.owners(body).length === 0 && routed.rule.assign) routed.rule.assign(body, caller.patientId);
    if (!belongsTo(routed.rule, body, caller.patientId))
      throw new FhirHttpError(403, 'forbidden', "Resource is outside the patient's compartment");
    validateResource(body as unknown as Resource);
    return body;
  }

  async function audit(caller: Caller, action: 'read' | 'search', ids: string[]): Promise<void> {
    await repo.createResource(documentAccessEvent(caller, options.tokens.issuer, action, ids));
  }

  function sendResource(
    res: ServerResponse,
    status: number,
    resource: Resource,
    extra: Record<string, string> = {},
  ): void {
    const etag = etagOf(resource.meta?.versionId);
    const headers: Record<string, string> = { ...extra };
    if (etag) headers['ETag'] = etag;
    if (resource.meta?.lastUpdated) headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
    sendJson(res, status, resource, headers);
  }

  function sendBinary(req: IncomingMessage, res: ServerResponse, binary: Binary): void {
    const accept = req.headers.accept ?? '';
    if (/application\/(fhir\+)?json/.test(accept)) {
      sendResource(res, 200, binary);
      return;
    }
    const bytes = Buffer.from(binary.data ?? '', 'base64');
    res.statusCode = 200;
    res.setHeader('Content-Type', binary.contentType || 'application/octet-stream');
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', 'inline');
    // Attachments are displayed, never run: no script even inside an SVG.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    const etag = etagOf(binary.meta?.versionId);
    if (etag) res.setHeader('ETag', etag);
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      cors.preflight(req, res);
      return;
    }
    cors.apply(req, res);
    if (path === '/metadata' && method === 'GET') return sendJson(res, 200, capability);
    if (path === '/.well-known/smart-configuration' && method === 'GET')
      return sendJson(res, 200, smart, { 'Content-Type': 'application/json' });
    const routed = route(method, path);
    const caller = await verify(req);
    if (!caller.permissions.allows(routed.type, routed.interaction)) {
      const needed = `patient/${routed.type}.${routed.interaction}`;
      throw new FhirHttpError(403, 'forbidden', 'The access token lacks the scope for this interaction', {
        'WWW-Authenticate': `Bearer realm="carnet-fhir", error="insufficient_scope", scope="${needed}"`,
      });
    }
    const typePath = `/${routed.type}`;
    const instancePath = `${typePath}/${routed.id ?? ''}`;

    if (routed.interaction === 'r') {
      const resourcePath = routed.versionId ? `${instancePath}/_history/${routed.versionId}` : instancePath;
      const resource = (await callRouter('GET', resourcePath, new URLSearchParams())) as ResourceJson & Resource;
      if (!mayRead(caller, routed, resource))
        throw new FhirHttpError(403, 'forbidden', "Resource is outside the patient's compartment");
      if (routed.type === 'DocumentReference') await audit(caller, 'read', [routed.id ?? '']);
      if (resource.resourceType === 'Binary') return sendBinary(req, res, resource);
      return sendResource(res, 200, resource);
    }
    if (routed.interaction === 's') {
      const query = constrainSearch(routed.type, routed.rule, url.searchParams, {
        patientId: caller.patientId,
        careTeam: options.careTeamOf(caller.patientId),
      });
      const bundle = (await callRouter('GET', typePath, query)) as Bundle;
      // Included resources are filtered too: only what the caller may read leaves the server.
      bundle.entry = (bundle.entry ?? []).filter((entry) => {
        const resource = entry.resource as (ResourceJson & Resource) | undefined;
        if (!resource) return false;
        const rule = COMPARTMENT_RULES[resource.resourceType];
        return (
          Boolean(rule) &&
          mayRead(caller, { ...routed, type: resource.resourceType, rule: rule as CompartmentRule }, resource)
        );
      });
      const linked = linkSearchBundle(bundle, `${fhirBaseUrl}${typePath}`, query, fhirBaseUrl);
      if (routed.type === 'DocumentReference') {
        const ids = (linked.entry ?? [])
          .filter((e) => e.resource?.resourceType === 'DocumentReference')
          .map((e) => e.resource?.id ?? '');
        await audit(caller, 'search', ids);
      }
      return sendJson(res, 200, linked);
    }
    if (routed.interaction === 'c') {
      const body = parseResourceBody(await readBody(req), req.headers['content-type']) as ResourceJson;
      delete body.id;
      delete body['meta'];
      const created = (await callRouter(
        'POST',
        typePath,
        new URLSearchParams(),
        prepareBody(caller, routed, body),
      )) as Resource;
      const location = `${fhirBaseUrl}/${routed.type}/${created.id}/_history/${created.meta?.versionId}`;
      return sendResource(res, 201, created, { Location: location });
    }
    // Update and delete act on an existing resource of the caller's compartment.
    const existing = (await callRouter('GET', instancePath, new URLSearchParams())) as ResourceJson & Resource;
    if (!mayRead(caller, routed, existing))
      throw new FhirHttpError(403, 'forbidden', "Resource is outside the patient's compartment");
    const ifMatch = versionFromIfMatch(req.headers['if-match']);
    if (ifMatch !== undefined && ifMatch !== existing.meta?.versionId) {
      throw new FhirHttpError(412, 'conflict', 'The resource changed since the version given in If-Match');
    }
    const ifMatchHeader = ifMatch ? `W/"${ifMatch}"` : undefined;
    if (routed.interaction === 'u') {
      const body = parseResourceBody(await readBody(req), req.headers['content-type']) as ResourceJson;
      if (body.id !== routed.id) throw new FhirHttpError(400, 'invalid', 'Resource id does not match the URL');
      const updated = (await callRouter(
        'PUT',
        instancePath,
        new URLSearchParams(),
        prepareBody(caller, routed, body),
        ifMatchHeader,
      )) as Resource;
      return sendResource(res, 200, updated);
    }
    await callRouter('DELETE', instancePath, new URLSearchParams(), undefined, ifMatchHeader);
    res.statusCode = 204;
    res.end();
  }

  return (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', fhirBaseUrl);
    const inBase = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
    const path =
      url.pathname === '/.well-known/smart-configuration'
        ? url.pathname
        : inBase
          ? url.pathname.slice(basePath.length) || '/'
          : '';
    res.on('finish', () => {
      options.log?.(
        `FHIR ${req.method} ${url.pathname}${redactedQuery(url.searchParams)} ${res.statusCode} ${Math.round(performance.now() - started)}ms`,
      );
    });
    const fail = (error: unknown): void => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof FhirHttpError) return sendError(res, error);
      const result: OperationOutcome =
        error instanceof OperationOutcomeError ? error.outcome : normalizeOperationOutcome(error);
      const status = error instanceof OperationOutcomeError ? getStatus(result) : 500;
      sendJson(
        res,
        status >= 400 ? status : 500,
        status >= 500 || status < 400 ? outcome('exception', 'Internal server error') : result,
      );
    };
    if (!path) return fail(new FhirHttpError(404, 'not-found', 'Unknown route'));
    serve(req, res, url, path).catch(fail);
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  OperationOutcomeError,
  getStatus,
  isOk,
  normalizeOperationOutcome,
  notFound,
  validateResource,
} from '@medplum/core';
import { FhirRouter, type MemoryRepository } from '@medplum/fhir-router';
import type { Binary, Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { AppCatalogueRoutes } from '../gateway/app-catalogue.js';
import type { CommunityRoutes } from '../gateway/community.js';
import { createCalendarFeed, redactCalendarPath } from '../gateway/calendar-feed.js';
import { createGateway, type Caller, type Gateway, type GatewayOptions, type ResourceJson } from '../gateway/index.js';
import { ForeignSearchError, linkSearchBundle } from '../gateway/search.js';
import { HIDDEN_FILTER } from '../gateway/hidden-documents.js';
import type { ScopeInteraction } from '../smart-scopes.js';
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

/** Options of the demo FHIR server. */
export interface FhirServerOptions extends Omit<GatewayOptions, 'lookup'> {
  /** Public base URL, e.g. `http://localhost:4020/fhir`; its path is the mount point. */
  fhirBaseUrl: string;
  /** The repository to serve (seeded by the caller). */
  repo: MemoryRepository;
  /** Origins allowed to call from a browser. */
  siteOrigins: readonly string[];
  /** Told when a patient changed who is in her care team (her `CareTeam`), before the answer leaves. */
  onCareTeamChange?(patientId: string, practitionerIds: ReadonlySet<string>): void;
  /** The community routes (`/Group`), when the platform hosts communities. */
  community?: CommunityRoutes;
  /** The app catalogue and the patients' consents to apps (`$app-catalogue`, `Patient/$app-grants`, `Patient/$app-revoke`). */
  appCatalogue?: AppCatalogueRoutes;
  /** Receives one line per request (method, path without query values, status, duration). */
  log?: (line: string) => void;
}

/** The FHIR server's request listener, and the gateway it puts in front of the engine. */
export interface FhirServer {
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  gateway: Gateway;
}

/** A request after routing: the resource type, id and the SMART interaction letter. */
interface RoutedRequest {
  type: string;
  id?: string;
  versionId?: string;
  interaction: ScopeInteraction;
}

const ID = '[A-Za-z0-9\\-.]{1,64}';
const INSTANCE = new RegExp(`^/([A-Z][A-Za-z]+)/(${ID})(?:/_history/(${ID}))?$`);
const TYPE = /^\/([A-Z][A-Za-z]+)$/;

/** Maps method and path to an interaction on a served type, or throws 404/405. */
function route(gateway: Gateway, method: string, path: string): RoutedRequest {
  const instance = INSTANCE.exec(path);
  const typeOnly = TYPE.exec(path);
  const type = instance?.[1] ?? typeOnly?.[1];
  const rule = type ? gateway.ruleOf(type) : undefined;
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
 * A new resource's `meta` keeps only its labels (`tag`, `security`: a document
 * added already hidden from professionals stays hidden); versions and dates are the server's.
 */
function keepLabelsOnly(body: ResourceJson): void {
  const meta = body['meta'];
  delete body['meta'];
  if (!meta || typeof meta !== 'object') return;
  const { tag, security } = meta as { tag?: unknown; security?: unknown };
  const kept = { ...(Array.isArray(tag) ? { tag } : {}), ...(Array.isArray(security) ? { security } : {}) };
  if (Object.keys(kept).length > 0) body['meta'] = kept;
}

/** An answer identical to a missing id's: another patient's resource must look like nothing. */
function missing(): OperationOutcomeError {
  return new OperationOutcomeError(notFound);
}

/**
 * Creates the demo FHIR R4 server: Medplum's `FhirRouter` on a `MemoryRepository`,
 * behind the gateway (bearer tokens, SMART v2 scopes, patient compartment,
 * search allow-list, reference checks, access trail). AuditEvents live in one
 * store per patient (the gateway's trails), never in the shared repository.
 */
export function createFhirServer(options: FhirServerOptions): FhirServer {
  loadFhirDefinitions();
  const { fhirBaseUrl, repo } = options;
  const basePath = new URL(fhirBaseUrl).pathname.replace(/\/$/, '');
  const router = new FhirRouter();
  const cors = new CorsPolicy(options.siteOrigins);
  const gateway = createGateway({
    ...options,
    consentsOf: async (relatedPersonId) => {
      const bundle = (await callRouter(
        repo,
        'GET',
        '/Consent',
        new URLSearchParams({ actor: `RelatedPerson/${relatedPersonId}`, status: 'active', _count: '1000' }),
      )) as Bundle;
      return (bundle.entry ?? []).map((entry) => entry.resource as unknown as ResourceJson);
    },
    sentTo: async (practitionerId) => {
      const bundle = (await callRouter(
        repo,
        'GET',
        '/Communication',
        new URLSearchParams({ recipient: `Practitioner/${practitionerId}`, _count: '1000' }),
      )) as Bundle;
      return (bundle.entry ?? []).map((entry) => entry.resource as unknown as ResourceJson);
    },
    hiddenDocumentsOf: async (patientId) => {
      const bundle = (await callRouter(
        repo,
        'GET',
        '/DocumentReference',
        new URLSearchParams([['subject', `Patient/${patientId}`], [...HIDDEN_FILTER], ['_count', '1000']]),
      )) as Bundle;
      return (bundle.entry ?? []).map((entry) => entry.resource as unknown as ResourceJson);
    },
    lookup: async (type, id) => {
      try {
        return (await repo.readResource(type as Resource['resourceType'], id)) as unknown as ResourceJson;
      } catch {
        return undefined;
      }
    },
  });

  // The patient's calendar subscription (webcal): its secret URL and the feed.
  const calendar = createCalendarFeed({
    fhirBaseUrl,
    search: async (type, query) => (await callRouter(repo, 'GET', `/${type}`, query)) as Bundle,
  });

  /** The repository holding a type for this caller: their own trail for AuditEvents. */
  const repoFor = (caller: Caller, type: string): MemoryRepository =>
    type === 'AuditEvent' ? gateway.audit.storeOf(caller.patientId) : repo;

  async function callRouter(
    store: MemoryRepository,
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
      store,
    );
    if (!isOk(result)) throw new OperationOutcomeError(result);
    return resource;
  }

  /**
   * Reads a resource the caller may see. Another patient's answers exactly like
   * a missing id (no oracle), and the attempt goes to that patient's trail.
   */
  async function readOwn(caller: Caller, routed: RoutedRequest, path: string, action: 'read' | 'update' | 'delete') {
    const resource = (await callRouter(
      repoFor(caller, routed.type),
      'GET',
      path,
      new URLSearchParams(),
    )) as ResourceJson & Resource;
    if (!gateway.mayRead(caller, resource)) {
      await gateway.recordAccess(caller, action, [resource], false);
      throw missing();
    }
    return resource;
  }

  /** Parses a body to write: size (413), nesting (400, before parsing), JSON, then the gateway's checks. */
  async function writableBody(req: IncomingMessage): Promise<ResourceJson> {
    const raw = await readBody(req);
    gateway.checkRawBody(raw);
    return parseResourceBody(raw, req.headers['content-type']) as ResourceJson;
  }

  async function checkedBody(
    caller: Caller,
    routed: RoutedRequest,
    body: ResourceJson,
    existing?: ResourceJson,
  ): Promise<ResourceJson> {
    const checked = await gateway.checkWrite(caller, routed.type, body, existing);
    validateResource(checked as unknown as Resource);
    return checked;
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

  /** Documents' metadata and content are what the access trail is about. */
  const isDocument = (resource: ResourceJson): boolean =>
    resource.resourceType === 'DocumentReference' || resource.resourceType === 'Binary';
  /** What the trail keeps of a read: every document, and everything a caregiver opens in someone else's record. */
  const isTraced = (caller: Caller, resource: ResourceJson): boolean =>
    isDocument(resource) || (Boolean(caller.caregiver) && gateway.ownersOf(resource).length > 0);

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      cors.preflight(req, res);
      return;
    }
    cors.apply(req, res);
    if (path === '/metadata' && method === 'GET') return sendJson(res, 200, gateway.capability);
    if (path === '/.well-known/smart-configuration' && method === 'GET')
      return sendJson(res, 200, gateway.smartConfiguration, { 'Content-Type': 'application/json' });
    if (calendar.handles(path)) return calendar.serve(req, res, path, () => gateway.authenticate(req));
    if (options.appCatalogue?.handles(path))
      return options.appCatalogue.serve(req, res, path, () => gateway.authenticate(req));
    if (options.community?.handles(path))
      return options.community.serve(req, res, url, path, await gateway.authenticate(req));
    const routed = route(gateway, method, path);
    const caller = await gateway.authenticate(req);
    gateway.authorize(caller, routed.type, routed.interaction);
    const typePath = `/${routed.type}`;
    const instancePath = `${typePath}/${routed.id ?? ''}`;

    if (routed.interaction === 'r') {
      const resourcePath = routed.versionId ? `${instancePath}/_history/${routed.versionId}` : instancePath;
      const resource = await readOwn(caller, routed, resourcePath, 'read');
      if (isTraced(caller, resource)) await gateway.recordAccess(caller, 'read', [resource], true);
      if (resource.resourceType === 'Binary') return sendBinary(req, res, resource as Binary);
      return sendResource(res, 200, resource);
    }
    if (routed.interaction === 's') {
      let query: URLSearchParams;
      try {
        query = gateway.constrainSearch(routed.type, url.searchParams, caller);
      } catch (error) {
        if (error instanceof ForeignSearchError) await gateway.recordRefusedSearch(caller, routed.type, error.patients);
        throw error;
      }
      const bundle = (await callRouter(repoFor(caller, routed.type), 'GET', typePath, query)) as Bundle;
      // Included resources are filtered too: only what the caller may read leaves the server.
      bundle.entry = (bundle.entry ?? []).filter((entry) => {
        const resource = entry.resource as (ResourceJson & Resource) | undefined;
        return Boolean(resource && gateway.ruleOf(resource.resourceType) && gateway.mayRead(caller, resource));
      });
      const linked = linkSearchBundle(bundle, `${fhirBaseUrl}${typePath}`, query, fhirBaseUrl);
      // `_summary=count` (run as `_count=0`): the total, no entries.
      if (query.get('_count') === '0') delete linked.entry;
      // Every document returned, as a match or through _include/_revinclude, is in the trail.
      const documents = (linked.entry ?? [])
        .map((entry) => entry.resource as (ResourceJson & Resource) | undefined)
        .filter((resource): resource is ResourceJson & Resource => Boolean(resource && isTraced(caller, resource)));
      if (documents.length) await gateway.recordAccess(caller, 'search', documents, true);
      return sendJson(res, 200, linked);
    }
    if (routed.interaction === 'c') {
      const body = await writableBody(req);
      delete body.id;
      keepLabelsOnly(body);
      const created = (await callRouter(
        repo,
        'POST',
        typePath,
        new URLSearchParams(),
        await checkedBody(caller, routed, body),
      )) as Resource;
      // Additions are in the owner's trail too, under whoever made them.
      await gateway.recordAccess(caller, 'create', [created as unknown as ResourceJson], true);
      const location = `${fhirBaseUrl}/${routed.type}/${created.id}/_history/${created.meta?.versionId}`;
      return sendResource(res, 201, created, { Location: location });
    }
    // Update and delete act on an existing resource of the caller's compartment.
    const existing = await readOwn(caller, routed, instancePath, routed.interaction === 'u' ? 'update' : 'delete');
    const ifMatch = versionFromIfMatch(req.headers['if-match']);
    if (ifMatch !== undefined && ifMatch !== existing.meta?.versionId) {
      throw new FhirHttpError(412, 'conflict', 'The resource changed since the version given in If-Match');
    }
    const ifMatchHeader = ifMatch ? `W/"${ifMatch}"` : undefined;
    if (routed.interaction === 'u') {
      const body = await writableBody(req);
      if (body.id !== routed.id) throw new FhirHttpError(400, 'invalid', 'Resource id does not match the URL');
      const updated = (await callRouter(
        repo,
        'PUT',
        instancePath,
        new URLSearchParams(),
        await checkedBody(caller, routed, body, existing),
        ifMatchHeader,
      )) as Resource;
      // Sharing changes take effect at once: the next request of a removed professional is refused.
      if (updated.resourceType === 'CareTeam') {
        const members = (updated.participant ?? [])
          .map((participant) => /(?:^|\/)Practitioner\/([^/]+)$/.exec(participant.member?.reference ?? '')?.[1])
          .filter((id): id is string => Boolean(id));
        options.onCareTeamChange?.(caller.patientId, new Set(members));
      }
      await gateway.recordAccess(caller, 'update', [updated as unknown as ResourceJson], true);
      return sendResource(res, 200, updated);
    }
    if (!gateway.mayWrite(caller, existing)) {
      await gateway.recordAccess(caller, 'delete', [existing], false);
      throw new FhirHttpError(403, 'forbidden', 'No access given by the patient covers this change');
    }
    await callRouter(repo, 'DELETE', instancePath, new URLSearchParams(), undefined, ifMatchHeader);
    await gateway.recordAccess(caller, 'delete', [existing], true);
    res.statusCode = 204;
    res.end();
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
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
        `FHIR ${req.method} ${redactCalendarPath(url.pathname)}${redactedQuery(url.searchParams)} ${res.statusCode} ${Math.round(performance.now() - started)}ms`,
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
  return { listener, gateway };
}

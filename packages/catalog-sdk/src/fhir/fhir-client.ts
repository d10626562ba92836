/**
 * A small typed FHIR R4 REST client: read, search with paging, create, update
 * with `If-Match`, delete, and attachments. It maps every failure to a typed
 * SDK error and never puts resource content in an error message.
 */
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { AuthError } from '../auth/auth-error.js';
import { FhirError } from './fhir-error.js';
import { readJsonBody, toIfMatch, versionFromEtag } from './outcome.js';
import { toError, toSearchParams } from './failure.js';
import { RETRYABLE_STATUSES, parseRetryAfter, retryDelay, sleep } from './retry.js';

/** How to reach a FHIR server on behalf of the signed-in patient. */
export interface FhirClientOptions {
  /** FHIR base URL, e.g. `https://fhir.example.org/r4`. */
  baseUrl: string;
  /** A valid bearer token (the session renews it when needed). */
  getAccessToken: () => Promise<string>;
  /** Called once after a 401, to force a token renewal before the single retry. */
  onUnauthorized?: () => Promise<void>;
  /** `fetch` to use; defaults to the global one. */
  fetch?: typeof fetch;
  /** Time allowed for one request, body included (default 15 000 ms). */
  timeoutMs?: number;
  /** Retries after 429/503 (default 3). */
  maxRetries?: number;
  /** First backoff delay when the server gives no `Retry-After` (default 500 ms). */
  retryBaseDelayMs?: number;
  /** Longest wait between retries, whatever the server asks (default 30 000 ms). */
  maxRetryDelayMs?: number;
}

/** Options every request takes. */
export interface FhirRequestOptions {
  /** Aborts the request (and any wait before a retry). */
  signal?: AbortSignal;
}

/** A resource with its version as the server reported it. */
export interface FhirResult<T extends Resource> {
  resource: T;
  /** The `ETag` header, e.g. `W/"3"`, when known. */
  etag?: string;
}

/** One page (or, with `all`, every page) of search results. */
export interface FhirSearchResult<T extends Resource> {
  /** Matches of the searched type, in server order. */
  resources: T[];
  /** Other resources the server added (`_include`). */
  included: Resource[];
  /** Total matches when the server counted them. */
  total?: number;
  /** URL of the next page, already checked to be under the base URL. */
  next?: string;
}

/** Search parameters; repeated keys as arrays. */
export type FhirSearchParams = URLSearchParams | Record<string, string | number | readonly string[] | undefined>;

/** What an interaction is about, to name it in errors. */
export interface Target {
  method: string;
  type: string;
  id?: string;
  ifMatch?: string;
}

const FHIR_JSON = 'application/fhir+json';

/** The answer of {@link FhirClient.request}. */
export interface FhirRawResult<T> {
  status: number;
  /** True when the server answered 304 to `ifNoneMatch`. */
  notModified: boolean;
  /** The JSON body, absent on 204 and 304. */
  body?: T;
  etag?: string;
}

/** Typed FHIR R4 REST client (see {@link FhirClientOptions}). */
export class FhirClient {
  /** Base URL without trailing slash. */
  readonly baseUrl: string;
  readonly #base: URL;
  readonly #options: Required<Omit<FhirClientOptions, 'onUnauthorized' | 'fetch'>> &
    Pick<FhirClientOptions, 'onUnauthorized'>;
  readonly #fetch: typeof fetch;

  constructor(options: FhirClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#base = new URL(`${this.baseUrl}/`);
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#options = {
      baseUrl: this.baseUrl,
      getAccessToken: options.getAccessToken,
      onUnauthorized: options.onUnauthorized,
      timeoutMs: options.timeoutMs ?? 15_000,
      maxRetries: options.maxRetries ?? 3,
      retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
    };
  }

  /** Reads one resource; `NotFoundError` when absent or deleted. */
  async read<T extends Resource>(
    type: T['resourceType'],
    id: string,
    options: FhirRequestOptions = {},
  ): Promise<FhirResult<T>> {
    const target: Target = { method: 'GET', type, id };
    return this.#exchange(
      target,
      this.#resourceUrl(type, id),
      { headers: { accept: FHIR_JSON } },
      options.signal,
      (r) => this.#resourceResult<T>(r, target),
    );
  }

  /**
   * Searches `type`. With `all`, follows `next` links to the end. A `next` link
   * outside the base URL is refused (`FhirError` code `refused-link`): the token
   * must never travel to another server.
   */
  async search<T extends Resource>(
    type: T['resourceType'],
    params: FhirSearchParams = {},
    options: FhirRequestOptions & { all?: boolean } = {},
  ): Promise<FhirSearchResult<T>> {
    const url = new URL(type, this.#base);
    url.search = toSearchParams(params).toString();
    const first = await this.searchPage<T>(type, url.href, options);
    if (!options.all) return first;
    const result = { ...first, resources: [...first.resources], included: [...first.included] };
    let next = first.next;
    while (next !== undefined) {
      const page = await this.searchPage<T>(type, next, options);
      result.resources.push(...page.resources);
      result.included.push(...page.included);
      next = page.next;
    }
    delete result.next;
    return result;
  }

  /** Fetches one page of a search by URL (a `next` link from an earlier page). */
  async searchPage<T extends Resource>(
    type: T['resourceType'],
    pageUrl: string,
    options: FhirRequestOptions = {},
  ): Promise<FhirSearchResult<T>> {
    const target: Target = { method: 'GET', type };
    const url = this.#checkUnderBase(pageUrl, target);
    return this.#exchange(target, url, { headers: { accept: FHIR_JSON } }, options.signal, async (response) => {
      const bundle = (await readJsonBody(response)) as Bundle | undefined;
      if (bundle?.resourceType !== 'Bundle')
        throw new FhirError('server', response.status, `search ${type}: the answer is not a Bundle`);
      const resources: T[] = [];
      const included: Resource[] = [];
      for (const entry of bundle.entry ?? []) {
        const resource = entry.resource;
        if (resource === undefined) continue;
        if (resource.resourceType === type && entry.search?.mode !== 'include') resources.push(resource as T);
        else included.push(resource);
      }
      const nextUrl = bundle.link?.find((link) => link.relation === 'next')?.url;
      const page: FhirSearchResult<T> = { resources, included };
      if (bundle.total !== undefined) page.total = bundle.total;
      if (nextUrl !== undefined) page.next = this.#checkUnderBase(nextUrl, target);
      return page;
    });
  }

  /**
   * Creates a resource. With `ifNoneExist` (a search query), the server creates
   * it only when nothing matches and otherwise returns the match (`created` false).
   */
  async create<T extends Resource>(
    resource: T,
    options: FhirRequestOptions & { ifNoneExist?: string } = {},
  ): Promise<FhirResult<T> & { created: boolean }> {
    const target: Target = { method: 'POST', type: resource.resourceType };
    const headers: Record<string, string> = {
      accept: FHIR_JSON,
      'content-type': FHIR_JSON,
      prefer: 'return=representation',
    };
    if (options.ifNoneExist !== undefined) headers['if-none-exist'] = options.ifNoneExist;
    const init = { method: 'POST', headers, body: JSON.stringify(resource) };
    const result = await this.#exchange(
      target,
      new URL(resource.resourceType, this.#base).href,
      init,
      options.signal,
      async (r) => ({
        created: r.status === 201,
        location: r.headers.get('location'),
        result: await this.#resourceResult<T>(r, target, true),
      }),
    );
    if (result.result.resource !== undefined) return { ...result.result, created: result.created };
    // A server that answers `return=minimal` anyway: read what it stored.
    const id = result.location?.match(new RegExp(`${resource.resourceType}/([^/]+)`))?.[1];
    if (id === undefined)
      throw new FhirError('server', 0, `create ${resource.resourceType}: no resource and no Location returned`);
    return { ...(await this.read<T>(resource.resourceType, id, options)), created: result.created };
  }

  /**
   * Replaces a resource. `ifMatch` (a version or an ETag) makes the update
   * conditional: when the stored version moved on, rejects with `ConflictError`.
   */
  async update<T extends Resource>(
    resource: T,
    options: FhirRequestOptions & { ifMatch?: string } = {},
  ): Promise<FhirResult<T>> {
    if (resource.id === undefined)
      throw new FhirError('request', 0, `update ${resource.resourceType}: the resource has no id`);
    const target: Target = { method: 'PUT', type: resource.resourceType, id: resource.id };
    const headers: Record<string, string> = {
      accept: FHIR_JSON,
      'content-type': FHIR_JSON,
      prefer: 'return=representation',
    };
    if (options.ifMatch !== undefined) {
      headers['if-match'] = toIfMatch(options.ifMatch);
      target.ifMatch = options.ifMatch;
    }
    const init = { method: 'PUT', headers, body: JSON.stringify(resource) };
    return this.#exchange(target, this.#resourceUrl(resource.resourceType, resource.id), init, options.signal, (r) =>
      this.#resourceResult<T>(r, target),
    );
  }

  /** Deletes a resource, conditionally on its version when `ifMatch` is given. */
  async delete(
    type: Resource['resourceType'],
    id: string,
    options: FhirRequestOptions & { ifMatch?: string } = {},
  ): Promise<void> {
    const target: Target = { method: 'DELETE', type, id };
    const headers: Record<string, string> = { accept: FHIR_JSON };
    if (options.ifMatch !== undefined) {
      headers['if-match'] = toIfMatch(options.ifMatch);
      target.ifMatch = options.ifMatch;
    }
    await this.#exchange(
      target,
      this.#resourceUrl(type, id),
      { method: 'DELETE', headers },
      options.signal,
      async () => undefined,
    );
  }

  /**
   * Any other interaction on a path under the base URL: a search inside a
   * compartment (`Group/x/Communication`) or an operation (`Group/x/$join`).
   * JSON in and out. With `ifNoneMatch` a read is conditional: a 304 answers
   * `notModified: true` and no body.
   */
  async request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: FhirRequestOptions & { body?: unknown; ifMatch?: string; ifNoneMatch?: string } = {},
  ): Promise<FhirRawResult<T>> {
    const target: Target = { method, type: path.split(/[/?]/)[0] ?? path };
    const url = this.#checkUnderBase(new URL(path, this.#base).href, target);
    const headers: Record<string, string> = { accept: FHIR_JSON };
    if (options.body !== undefined) headers['content-type'] = FHIR_JSON;
    if (options.ifMatch !== undefined) {
      headers['if-match'] = toIfMatch(options.ifMatch);
      target.ifMatch = options.ifMatch;
    }
    if (options.ifNoneMatch !== undefined) headers['if-none-match'] = options.ifNoneMatch;
    const init: RequestInit = { method, headers };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    return this.#exchange(target, url, init, options.signal, async (response) => {
      const result: FhirRawResult<T> = { status: response.status, notModified: response.status === 304 };
      const etag = response.headers.get('etag');
      if (etag !== null) result.etag = etag;
      if (response.status !== 304 && response.status !== 204) result.body = (await readJsonBody(response)) as T;
      return result;
    });
  }

  /**
   * Downloads an attachment (a `Binary` URL, absolute or relative to the base).
   * Only URLs under the base URL are fetched, since the token goes with them.
   */
  async readBinary(url: string, options: FhirRequestOptions = {}): Promise<Blob> {
    const target: Target = { method: 'GET', type: 'Binary' };
    const checked = this.#checkUnderBase(url, target);
    target.id = new URL(checked).pathname.split('/').pop();
    return this.#exchange(target, checked, { headers: { accept: '*/*' } }, options.signal, async (response) => {
      const type = response.headers.get('content-type') ?? '';
      if (!type.includes('fhir+json')) return response.blob();
      // Servers may answer with the Binary resource itself: decode its base64 data.
      const binary = (await readJsonBody(response)) as
        { resourceType?: string; contentType?: string; data?: string } | undefined;
      if (binary?.resourceType !== 'Binary')
        throw new FhirError('server', response.status, 'read Binary: the answer is not a Binary');
      const bytes = Uint8Array.from(atob(binary.data ?? ''), (char) => char.charCodeAt(0));
      return new Blob([bytes], { type: binary.contentType ?? 'application/octet-stream' });
    });
  }

  #resourceUrl(type: string, id: string): string {
    return new URL(`${type}/${encodeURIComponent(id)}`, this.#base).href;
  }

  /** The URL, resolved against the base, if it lies under the base URL; else a refusal. */
  #checkUnderBase(url: string, target: Target): string {
    let resolved: URL;
    try {
      resolved = new URL(url, this.#base);
    } catch {
      throw new FhirError('refused-link', 0, `${target.method} ${target.type}: link is not a URL`);
    }
    if (resolved.origin !== this.#base.origin || !resolved.pathname.startsWith(this.#base.pathname)) {
      throw new FhirError(
        'refused-link',
        0,
        `${target.method} ${target.type}: refused a link outside the FHIR base URL`,
      );
    }
    return resolved.href;
  }

  async #resourceResult<T extends Resource>(
    response: Response,
    target: Target,
    bodyOptional = false,
  ): Promise<FhirResult<T>> {
    const body = await readJsonBody(response);
    const etagHeader = response.headers.get('etag');
    if (typeof body !== 'object' || body === null || (body as Resource).resourceType !== target.type) {
      if (bodyOptional) return { resource: undefined as unknown as T };
      throw new FhirError(
        'server',
        response.status,
        `${target.method} ${target.type}: the answer is not a ${target.type}`,
      );
    }
    const resource = body as T;
    const version = resource.meta?.versionId ?? versionFromEtag(etagHeader);
    const result: FhirResult<T> = { resource };
    const etag = etagHeader ?? (version === undefined ? undefined : toIfMatch(version));
    if (etag !== undefined) result.etag = etag;
    return result;
  }

  /**
   * One interaction: bearer token, timeout, one renewal after 401, retries after
   * 429/503, then `read` on success — all inside the timeout so a stalled body
   * cannot hang the caller.
   */
  async #exchange<R>(
    target: Target,
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
    read: (response: Response) => Promise<R>,
  ): Promise<R> {
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const token = await this.#options.getAccessToken();
      const outcome = await this.#withTimeout(target, signal, async (combined) => {
        const headers = { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` };
        const response = await this.#fetch(url, { ...init, headers, signal: combined });
        // 304 only ever answers a conditional `request` (If-None-Match).
        if (response.ok || response.status === 304) return { done: true as const, value: await read(response) };
        return { done: false as const, response, body: await readJsonBody(response) };
      });
      if (outcome.done) return outcome.value;
      const { response, body } = outcome;
      if (response.status === 401) {
        if (renewed)
          throw new AuthError(
            'login_required',
            `${target.method} ${target.type}: the server refused the renewed token`,
          );
        renewed = true;
        await this.#options.onUnauthorized?.();
        continue;
      }
      if (RETRYABLE_STATUSES.has(response.status) && attempt < this.#options.maxRetries) {
        const wait = retryDelay(
          attempt,
          parseRetryAfter(response.headers.get('retry-after')),
          this.#options.retryBaseDelayMs,
          this.#options.maxRetryDelayMs,
        );
        await sleep(wait, signal);
        continue;
      }
      throw toError(target, response, body);
    }
  }

  async #withTimeout<R>(
    target: Target,
    signal: AbortSignal | undefined,
    run: (signal: AbortSignal) => Promise<R>,
  ): Promise<R> {
    signal?.throwIfAborted();
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException('FHIR request timed out', 'TimeoutError')),
      this.#options.timeoutMs,
    );
    const combined = signal === undefined ? timeout.signal : AbortSignal.any([signal, timeout.signal]);
    try {
      return await run(combined);
    } catch (error) {
      if (error instanceof FhirError || error instanceof AuthError) throw error;
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) {
        throw new FhirError(
          'timeout',
          0,
          `${target.method} ${target.type}: no answer within ${this.#options.timeoutMs} ms`,
          [],
          { cause: error },
        );
      }
      throw new FhirError('network', 0, `${target.method} ${target.type}: the FHIR server could not be reached`, [], {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}

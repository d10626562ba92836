/**
 * Catalogue app manifests: what a third-party app declares to be listed on a
 * platform (who makes it, where the patient is sent back to, what it asks for
 * and why), and the checks a platform runs before registering it.
 */
import { CARNET_SCOPES } from '../auth/smart-scopes.js';

/**
 * Text written by the app's publisher: one string, or one string per language
 * (BCP 47 tags such as `fr` or `en`, at least one).
 */
export type ManifestText = string | Readonly<Record<string, string>>;

/**
 * What a resource scope lets the app do, as its publisher declares it:
 * `read` (read and search only) or `write` (add, change or delete too).
 */
export type ScopeAccess = 'read' | 'write';

/** One scope an app requests, and why. */
export interface ManifestScope {
  /** The SMART App Launch scope, e.g. `patient/DocumentReference.rs` or `openid`. */
  scope: string;
  /** Why the app needs it, in the patient's words (shown on the catalogue and before consent). */
  reason: ManifestText;
  /**
   * For resource scopes (`patient/…`, `user/…`): whether the app reads or also writes.
   * A scope that can add, change or delete must say `write`.
   */
  access?: ScopeAccess;
}

/** What a third-party app declares to be listed in a platform's catalogue. */
export interface AppManifest {
  /** The app's OAuth client id on the platform (letters, digits, `.`, `_`, `-`). */
  clientId: string;
  /** The app's name, as the patient sees it. */
  name: string;
  /** Who makes the app (company, association). */
  publisher: string;
  /** What the app does, in a few sentences. */
  description: ManifestText;
  /** Icon: an `https:` URL or a `data:image/…` URL. */
  icon?: string;
  /** Where the platform may send the patient back after sign-in: `https:`, or `http:` on localhost only. */
  redirectUris: readonly string[];
  /** Every scope the app requests, each with its reason. */
  scopes: readonly ManifestScope[];
  /** The app's page the platform opens to launch it (`https:`, or `http:` on localhost only). */
  launchUrl?: string;
}

/**
 * Why a manifest is refused. An interface words each code (the codes are
 * phrase keys); `path` names the field and `limit` the bound when there is one.
 */
export type ManifestProblemCode =
  /** The manifest is not an object. */
  | 'not-an-object'
  /** A required field is missing or empty. */
  | 'missing'
  /** A field has the wrong type. */
  | 'wrong-type'
  /** A text or list is longer than `limit`. */
  | 'too-long'
  /** The client id has characters other than letters, digits, `.`, `_` and `-`. */
  | 'invalid-client-id'
  /** A URL that cannot be parsed, or has a fragment or credentials. */
  | 'invalid-url'
  /** A redirect or launch URL over `http:` on a host other than localhost. */
  | 'insecure-url'
  /** The icon is neither an `https:` URL nor a `data:image/…` URL. */
  | 'invalid-icon'
  /** A language tag of a translated text is not a BCP 47 tag. */
  | 'invalid-language'
  /** A scope the platform does not know. */
  | 'unknown-scope'
  /** The same scope requested twice. */
  | 'duplicate-scope'
  /** A scope without a reason. */
  | 'missing-reason'
  /** A resource scope without `access`. */
  | 'missing-access'
  /** A scope that can add, change or delete declared as `read`. */
  | 'write-described-as-read';

/** One reason a manifest is refused. */
export interface ManifestProblem {
  code: ManifestProblemCode;
  /** The field, as a path: `name`, `redirectUris[1]`, `scopes[2].reason`, `description.en`. */
  path: string;
  /** The bound that was passed (characters, or items for lists), for `too-long`. */
  limit?: number;
}

/** The result of {@link validateManifest}. */
export type ManifestValidation = { ok: true; manifest: AppManifest } | { ok: false; problems: ManifestProblem[] };

/** Options of {@link validateManifest}. */
export interface ManifestValidationOptions {
  /**
   * The scopes the platform may grant. Default: {@link CATALOGUE_SCOPES}.
   */
  knownScopes?: Iterable<string>;
}

/** Longest accepted values, in characters (lists: in items). */
export const MANIFEST_LIMITS = {
  clientId: 64,
  name: 60,
  publisher: 80,
  description: 600,
  reason: 240,
  url: 2048,
  /** A `data:` icon, whole. */
  dataIcon: 65_536,
  redirectUris: 10,
  scopes: 40,
} as const;

/**
 * The scopes a catalogue app may request on a Carnet platform by default: the
 * ones Carnet grants ({@link CARNET_SCOPES}) and `launch` (EHR launch).
 */
export const CATALOGUE_SCOPES: readonly string[] = [...CARNET_SCOPES, 'launch'];

const CLIENT_ID = /^[A-Za-z0-9._-]+$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const DATA_ICON = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
const RESOURCE_SCOPE = /^(?:patient|user|system)\/([A-Za-z*]+)\.([a-z*]+)(?:\?.*)?$/;
const V1_WRITES = new Set(['write', '*']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when a resource scope lets the app add, change or delete (SMART v1 or v2 letters). */
export function isWriteScope(scope: string): boolean {
  const action = RESOURCE_SCOPE.exec(scope)?.[2];
  if (action === undefined) return false;
  if (action === 'read') return false;
  return V1_WRITES.has(action) || (/^c?r?u?d?s?$/.test(action) && /[cud]/.test(action));
}

/** True for SMART resource scopes (`patient/…`, `user/…`, `system/…`). */
export function isResourceScope(scope: string): boolean {
  return RESOURCE_SCOPE.test(scope);
}

function isLocalhost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

class ProblemList {
  readonly problems: ManifestProblem[] = [];

  add(code: ManifestProblemCode, path: string, limit?: number): void {
    this.problems.push(limit === undefined ? { code, path } : { code, path, limit });
  }

  /** Checks a required, bounded, single-line-or-not string; true when it is usable. */
  text(value: unknown, path: string, limit: number): value is string {
    if (value === undefined || value === null) {
      this.add('missing', path);
      return false;
    }
    if (typeof value !== 'string') {
      this.add('wrong-type', path);
      return false;
    }
    if (!value.trim()) {
      this.add('missing', path);
      return false;
    }
    if (value.length > limit) {
      this.add('too-long', path, limit);
      return false;
    }
    return true;
  }

  /** Checks a publisher's text: a string or one string per language. */
  manifestText(value: unknown, path: string, limit: number): void {
    if (!isRecord(value)) {
      this.text(value, path, limit);
      return;
    }
    const entries = Object.entries(value);
    if (entries.length === 0) this.add('missing', path);
    for (const [language, text] of entries) {
      if (!LANGUAGE_TAG.test(language)) this.add('invalid-language', `${path}.${language}`);
      this.text(text, `${path}.${language}`, limit);
    }
  }

  /** Checks a redirect or launch URL: parseable, no fragment or credentials, https (http on localhost). */
  url(value: unknown, path: string): void {
    if (!this.text(value, path, MANIFEST_LIMITS.url)) return;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.add('invalid-url', path);
      return;
    }
    if (url.hash || url.username || url.password || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      this.add('invalid-url', path);
      return;
    }
    if (url.protocol === 'http:' && !isLocalhost(url.hostname)) this.add('insecure-url', path);
  }

  icon(value: unknown, path: string): void {
    if (typeof value !== 'string') {
      this.add('wrong-type', path);
      return;
    }
    if (value.startsWith('data:')) {
      if (value.length > MANIFEST_LIMITS.dataIcon) this.add('too-long', path, MANIFEST_LIMITS.dataIcon);
      else if (!DATA_ICON.test(value)) this.add('invalid-icon', path);
      return;
    }
    if (value.length > MANIFEST_LIMITS.url) {
      this.add('too-long', path, MANIFEST_LIMITS.url);
      return;
    }
    try {
      const url = new URL(value);
      if (url.protocol !== 'https:' || url.username || url.password) this.add('invalid-icon', path);
    } catch {
      this.add('invalid-icon', path);
    }
  }

  /** Checks a list field; returns its items when it is a list within bounds. */
  list(value: unknown, path: string, limit: number): unknown[] | undefined {
    if (value === undefined || value === null) {
      this.add('missing', path);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.add('wrong-type', path);
      return undefined;
    }
    if (value.length === 0) this.add('missing', path);
    if (value.length > limit) {
      this.add('too-long', path, limit);
      return undefined;
    }
    return value;
  }
}

function checkScope(problems: ProblemList, entry: unknown, path: string, known: ReadonlySet<string>): void {
  if (!isRecord(entry)) {
    problems.add('wrong-type', path);
    return;
  }
  const scope = entry['scope'];
  if (problems.text(scope, `${path}.scope`, MANIFEST_LIMITS.url) && !known.has(scope))
    problems.add('unknown-scope', `${path}.scope`);
  const reason = entry['reason'];
  if (reason === undefined || reason === null || (typeof reason === 'string' && !reason.trim()))
    problems.add('missing-reason', `${path}.reason`);
  else problems.manifestText(reason, `${path}.reason`, MANIFEST_LIMITS.reason);
  const access = entry['access'];
  if (access !== undefined && access !== 'read' && access !== 'write') {
    problems.add('wrong-type', `${path}.access`);
    return;
  }
  if (typeof scope !== 'string' || !isResourceScope(scope)) return;
  if (access === undefined) problems.add('missing-access', `${path}.access`);
  else if (access === 'read' && isWriteScope(scope)) problems.add('write-described-as-read', `${path}.access`);
}

/**
 * Checks a catalogue app's manifest before a platform lists and registers it.
 *
 * Refused: a missing or over-long name, publisher, description or reason; a
 * redirect or launch URL over `http:` other than on localhost (or with a
 * fragment); an icon that is neither `https:` nor a `data:image/…` URL; a scope
 * the platform does not know, twice the same scope, a scope without a reason,
 * a resource scope without its declared access, and a scope that can add,
 * change or delete declared as `read`. Every problem is reported, not only the
 * first, each with a typed code an interface words.
 *
 * @param manifest - the manifest as received (JSON), checked whatever its type
 * @param options - the scopes the platform may grant (default {@link CATALOGUE_SCOPES})
 * @returns `{ ok: true, manifest }` (a typed copy of the fields the manifest
 *   defines) or `{ ok: false, problems }`
 *
 * @example
 * ```ts
 * const result = validateManifest(await (await fetch('/manifest.json')).json());
 * if (!result.ok) for (const problem of result.problems) console.warn(problem.code, problem.path);
 * ```
 */
export function validateManifest(manifest: unknown, options: ManifestValidationOptions = {}): ManifestValidation {
  const problems = new ProblemList();
  if (!isRecord(manifest)) {
    problems.add('not-an-object', '');
    return { ok: false, problems: problems.problems };
  }
  const known = new Set(options.knownScopes ?? CATALOGUE_SCOPES);
  const clientId = manifest['clientId'];
  if (problems.text(clientId, 'clientId', MANIFEST_LIMITS.clientId) && !CLIENT_ID.test(clientId))
    problems.add('invalid-client-id', 'clientId');
  problems.text(manifest['name'], 'name', MANIFEST_LIMITS.name);
  problems.text(manifest['publisher'], 'publisher', MANIFEST_LIMITS.publisher);
  problems.manifestText(manifest['description'], 'description', MANIFEST_LIMITS.description);
  if (manifest['icon'] !== undefined) problems.icon(manifest['icon'], 'icon');
  if (manifest['launchUrl'] !== undefined) problems.url(manifest['launchUrl'], 'launchUrl');
  const redirectUris = problems.list(manifest['redirectUris'], 'redirectUris', MANIFEST_LIMITS.redirectUris);
  redirectUris?.forEach((uri, index) => problems.url(uri, `redirectUris[${index}]`));
  const scopes = problems.list(manifest['scopes'], 'scopes', MANIFEST_LIMITS.scopes);
  const seen = new Set<string>();
  scopes?.forEach((entry, index) => {
    checkScope(problems, entry, `scopes[${index}]`, known);
    const scope = isRecord(entry) ? entry['scope'] : undefined;
    if (typeof scope !== 'string') return;
    if (seen.has(scope)) problems.add('duplicate-scope', `scopes[${index}].scope`);
    seen.add(scope);
  });
  if (problems.problems.length) return { ok: false, problems: problems.problems };
  const valid = manifest as unknown as AppManifest;
  return {
    ok: true,
    manifest: {
      clientId: valid.clientId,
      name: valid.name,
      publisher: valid.publisher,
      description: valid.description,
      ...(valid.icon === undefined ? {} : { icon: valid.icon }),
      redirectUris: [...valid.redirectUris],
      scopes: valid.scopes.map((entry) => ({
        scope: entry.scope,
        reason: entry.reason,
        ...(entry.access === undefined ? {} : { access: entry.access }),
      })),
      ...(valid.launchUrl === undefined ? {} : { launchUrl: valid.launchUrl }),
    },
  };
}

/**
 * A publisher's text in the reader's language: the exact tag, then its
 * language alone (`fr` for `fr-CA`), then French, then the first given.
 */
export function manifestTextIn(text: ManifestText, locale: string): string {
  if (typeof text === 'string') return text;
  const language = locale.split('-')[0] ?? locale;
  return text[locale] ?? text[language] ?? text['fr'] ?? Object.values(text)[0] ?? '';
}

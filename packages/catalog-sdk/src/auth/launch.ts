/**
 * SMART App Launch 2: the EHR launch parameters an app is opened with, and the
 * launch context the authorization server returns beside the access token.
 */
import { AuthError } from './auth-error.js';

/** What an EHR (or a patient portal) passes in the app's launch URL. */
export interface EhrLaunchParameters {
  /** The FHIR base URL the launch is for (SMART `iss`). */
  iss: string;
  /** Opaque launch id, sent back to the authorization server with the `launch` scope. */
  launch: string;
}

/**
 * One resource the launch is about, beyond the patient and encounter
 * (SMART App Launch 2 `fhirContext` item).
 */
export interface FhirContextItem {
  /** Relative reference, e.g. `DocumentReference/123`. */
  reference?: string;
  /** Canonical URL of a definitional resource. */
  canonical?: string;
  /** Logical identifier. */
  identifier?: { system?: string; value?: string };
  /** Resource type, when the item is an identifier or canonical. */
  type?: string;
  /** Why the resource is in context (a URI, or `launch`). */
  role?: string;
}

/**
 * The context the authorization server granted with the tokens (SMART App
 * Launch 2 token response). Identifiers only, never health data.
 */
export interface LaunchContext {
  /** FHIR id of the patient in context (`patient`). */
  patient?: string;
  /** FHIR id of the encounter in context (`encounter`). */
  encounter?: string;
  /** Other resources in context (`fhirContext`); empty when none. */
  fhirContext: readonly FhirContextItem[];
  /**
   * True when the launching system does not show who the patient is around
   * the app (`need_patient_banner`): the app must show a patient banner itself.
   */
  needPatientBanner?: boolean;
  /** What the launching system asks the app to do (`intent`). */
  intent?: string;
  /** Style sheet of the launching system (`smart_style_url`). */
  smartStyleUrl?: string;
  /** How the app was started: from an EHR with a launch id, or by the app alone. */
  kind: 'ehr' | 'standalone';
}

/**
 * Reads `iss` and `launch` from an app's launch URL; undefined when the URL is
 * not an EHR launch (standalone start).
 * @throws AuthError `configuration` when only one of the two is present or `iss` is not an http(s) URL
 */
export function parseEhrLaunch(url: string): EhrLaunchParameters | undefined {
  const params = new URL(url).searchParams;
  const iss = params.get('iss');
  const launch = params.get('launch');
  if (iss === null && launch === null) return undefined;
  if (!iss || !launch) throw new AuthError('configuration', 'An EHR launch needs both iss and launch');
  let parsed: URL;
  try {
    parsed = new URL(iss);
  } catch (error) {
    throw new AuthError('configuration', 'The launch iss is not a URL', { cause: error });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new AuthError('configuration', 'The launch iss is not an http(s) URL');
  return { iss, launch };
}

/** Compares FHIR base URLs without their trailing slashes. */
export function sameBaseUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function contextItem(value: unknown): FhirContextItem | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const item: FhirContextItem = {};
  const reference = str(record['reference']);
  const canonical = str(record['canonical']);
  const type = str(record['type']);
  const role = str(record['role']);
  if (reference !== undefined) item.reference = reference;
  if (canonical !== undefined) item.canonical = canonical;
  if (type !== undefined) item.type = type;
  if (role !== undefined) item.role = role;
  const identifier = record['identifier'];
  if (typeof identifier === 'object' && identifier !== null) {
    const system = str((identifier as Record<string, unknown>)['system']);
    const value = str((identifier as Record<string, unknown>)['value']);
    item.identifier = {
      ...(system === undefined ? {} : { system }),
      ...(value === undefined ? {} : { value }),
    };
  }
  return Object.keys(item).length === 0 ? undefined : item;
}

/** The launch context of a token response (unknown members ignored, wrong types dropped). */
export function launchContextFrom(answer: Record<string, unknown>, kind: LaunchContext['kind']): LaunchContext {
  const context: LaunchContext = {
    kind,
    fhirContext: Array.isArray(answer['fhirContext'])
      ? answer['fhirContext'].map(contextItem).filter((item): item is FhirContextItem => item !== undefined)
      : [],
  };
  const patient = str(answer['patient']);
  const encounter = str(answer['encounter']);
  const intent = str(answer['intent']);
  const style = str(answer['smart_style_url']);
  if (patient !== undefined) context.patient = patient;
  if (encounter !== undefined) context.encounter = encounter;
  if (intent !== undefined) context.intent = intent;
  if (style !== undefined) context.smartStyleUrl = style;
  if (typeof answer['need_patient_banner'] === 'boolean') context.needPatientBanner = answer['need_patient_banner'];
  return context;
}

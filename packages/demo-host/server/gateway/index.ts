/**
 * The demo platform's access layer, in front of the FHIR engine: who calls
 * (token check and revocation), what they may do (SMART scopes), on whose
 * record (patient compartment, care team), how they may search (allow-list),
 * what they may write (bodies and references), and the access trail. One
 * factory, no HTTP server and no engine of its own, so it can move in front of
 * another FHIR server later.
 */
import type { IncomingMessage } from 'node:http';
import type { CapabilityStatement } from '@medplum/fhirtypes';
import { FhirHttpError } from '../fhir/http.js';
import type { ScopeInteraction } from '../smart-scopes.js';
import { AuditTrails, type AuditedAction } from './audit.js';
import { createTokenVerifier, type Caller, type TokenPolicy } from './auth.js';
import { checkJsonDepth, checkPropertyNames, checkRequiredCodes } from './body.js';
import { capabilityStatement, smartConfiguration, type SmartEndpoints } from './capability.js';
import { COMPARTMENT_RULES, belongsTo, type CompartmentRule, type ResourceJson } from './compartment.js';
import {
  checkProfessionalWrite,
  constrainProfessionalSearch,
  professionalMayRead,
  professionalView,
} from './professional.js';
import { createReferencePolicy, type SharedTargetPolicy } from './references.js';
import { ForeignSearchError, constrainSearch } from './search.js';
import {
  CAREGIVER_CLOSED_TYPES,
  caregiverMay,
  caregiverMayAccess,
  caregiverView,
  patientOfCaregiverSearch,
} from './caregiver.js';
import { recordPartOf } from '@carnet/catalog-sdk';
import {
  NOT_HIDDEN_FILTER,
  checkHiddenLabelKept,
  checkNoHiddenAttachment,
  contentsOf,
  hiddenFrom,
} from './hidden-documents.js';

export type { Caller } from './auth.js';
export type { CompartmentRule, ResourceJson } from './compartment.js';
export type { ProfessionalView } from './professional.js';
export type { CaregiverView } from './caregiver.js';
export type { RevocationCheck } from './revocations.js';
export type { SharedTargetPolicy } from './references.js';
export { AuditTrails } from './audit.js';
export { COMPARTMENT_RULES } from './compartment.js';
export { RevocationList } from './revocations.js';

/** What the gateway is built from. */
export interface GatewayOptions {
  /** Public FHIR base URL: the tokens' audience, and the prefix of absolute references. */
  fhirBaseUrl: string;
  /** Issuer, keys and revocation list of the access tokens. */
  tokens: Omit<TokenPolicy, 'audience'>;
  /** Provider endpoints advertised to SMART clients. */
  endpoints: SmartEndpoints;
  /** Practitioner ids in each patient's care team. */
  careTeamOf(patientId: string): ReadonlySet<string>;
  /**
   * Patients whose care team includes the practitioner, read at every request of
   * a professional (none by default: professionals then see nobody).
   */
  patientsOf?(practitionerId: string): ReadonlySet<string>;
  /** Communications naming the practitioner as recipient (their inbox). */
  sentTo?(practitionerId: string): Promise<ResourceJson[]>;
  /** A stored resource, or undefined when there is none (for reference checks). */
  lookup(type: string, id: string): Promise<ResourceJson | undefined>;
  /**
   * Consents naming the caregiver (`RelatedPerson/<id>`) as actor, read at every
   * request of a caregiver so that a revocation takes effect at once (none by default).
   */
  consentsOf?(relatedPersonId: string): Promise<ResourceJson[]>;
  /**
   * The professionals' directory (Practitioner ids): public, readable by every
   * patient, who may add any of them to her care team (`Practitioner?_list=directory`).
   */
  directory?(): ReadonlySet<string>;
  /**
   * The documents a patient hid from professionals (`meta.security` confidentiality `R`),
   * read at every request of a caregiver so their contents stay closed too (none by default).
   */
  hiddenDocumentsOf?(patientId: string): Promise<ResourceJson[]>;
  /** Caregivers (RelatedPerson ids) a patient may give access to: her directory. */
  caregiversOf?(patientId: string): ReadonlySet<string>;
  /** Display name of a person (`Practitioner/x`, `RelatedPerson/x`, `Patient/x`) for the access trail. */
  nameOf?(reference: string): string | undefined;
  /** Current instant (ISO); injectable for tests of expiry. */
  now?(): string;
  /** Shared spaces patients may point at (community groups, consents); none yet. */
  sharedTargets?: readonly SharedTargetPolicy[];
}

/** The access layer's decisions, used by the FHIR server for every request. */
export interface Gateway {
  /** The caller of a request, from its bearer token (401 otherwise). */
  authenticate(req: IncomingMessage): Promise<Caller>;
  /** Throws 403 `insufficient_scope` when the token does not allow the interaction. */
  authorize(caller: Caller, type: string, interaction: ScopeInteraction): void;
  /** Compartment rule of a served type, if served. */
  ruleOf(type: string): CompartmentRule | undefined;
  /** Patients a resource belongs to. */
  ownersOf(resource: ResourceJson): string[];
  /** True when the caller may see this resource. */
  mayRead(caller: Caller, resource: ResourceJson): boolean;
  /** True when the caller may change or delete this (readable) resource. */
  mayWrite(caller: Caller, resource: ResourceJson): boolean;
  /** The search to run for the caller, or 400/403/405. */
  constrainSearch(type: string, query: URLSearchParams, caller: Caller): URLSearchParams;
  /** Refuses a body before parsing: nesting too deep (400). */
  checkRawBody(raw: Uint8Array): void;
  /** Checks and completes a body to create or update: type, compartment, names, codes, references. */
  checkWrite(caller: Caller, type: string, body: ResourceJson, existing?: ResourceJson): Promise<ResourceJson>;
  /** The access trails, one per patient. */
  audit: AuditTrails;
  /** Records one request's access to resources, one event per owner patient. */
  recordAccess(
    caller: Caller,
    action: AuditedAction,
    resources: readonly ResourceJson[],
    allowed: boolean,
  ): Promise<void>;
  /** Records a refused search naming other patients in each existing patient's trail. */
  recordRefusedSearch(caller: Caller, type: string, patients: readonly string[]): Promise<void>;
  capability: CapabilityStatement;
  smartConfiguration: Record<string, unknown>;
}

/** Builds the gateway. */
export function createGateway(options: GatewayOptions): Gateway {
  const verify = createTokenVerifier({ ...options.tokens, audience: options.fhirBaseUrl });
  const checkReferences = createReferencePolicy({
    ...options,
    sharedTargets: [
      ...(options.sharedTargets ?? []),
      // A patient's grant names one of the caregivers she knows.
      (patientId, target) =>
        target.type === 'RelatedPerson' && (options.caregiversOf?.(patientId) ?? new Set<string>()).has(target.id),
    ],
  });
  const audit = new AuditTrails(options.tokens.issuer, options.nameOf);
  const now = options.now ?? (() => new Date().toISOString());
  const caregiversOf = (patientId: string): ReadonlySet<string> => options.caregiversOf?.(patientId) ?? new Set();
  /** Practitioners a caregiver may see: the care teams of the patients who granted them their messages. */
  const caregiverPractitioners = (caller: Caller): Set<string> => {
    const view = caller.caregiver;
    const ids = new Set<string>();
    if (!view) return ids;
    for (const patientId of view.grants.keys())
      if (caregiverMay(view, patientId, 'messages', 'read'))
        for (const id of options.careTeamOf(patientId)) ids.add(id);
    return ids;
  };

  const ownersOf = (resource: ResourceJson): string[] =>
    COMPARTMENT_RULES[resource.resourceType]?.owners(resource) ?? [];

  /** Binary ids of hidden documents the caller could otherwise reach. */
  const hiddenContentsOf = (caller: Caller): ReadonlySet<string> =>
    caller.professional?.hiddenContents ?? caller.caregiver?.hiddenContents ?? new Set<string>();

  function mayRead(caller: Caller, resource: ResourceJson): boolean {
    // What the patient hid is, to anyone else, exactly like nothing (404, never counted).
    if (hiddenFrom(caller, resource, hiddenContentsOf(caller))) return false;
    if (caller.practitionerId)
      return Boolean(caller.professional && professionalMayRead(caller.professional, resource));
    if (caller.caregiver) {
      if (resource.resourceType === 'Practitioner') return caregiverPractitioners(caller).has(resource.id ?? '');
      return caregiverMayAccess(caller.caregiver, resource, 'read');
    }
    if (resource.resourceType === 'Practitioner')
      return (
        options.careTeamOf(caller.patientId).has(resource.id ?? '') ||
        (options.directory?.() ?? new Set<string>()).has(resource.id ?? '')
      );
    // A patient sees the caregivers she may give access to, and her own emergency
    // contacts (the compartment rule below).
    if (resource.resourceType === 'RelatedPerson' && caregiversOf(caller.patientId).has(resource.id ?? '')) return true;
    const rule = COMPARTMENT_RULES[resource.resourceType];
    return Boolean(rule) && belongsTo(rule as CompartmentRule, resource, caller.patientId);
  }

  /**
   * A caregiver's search: the people who gave them access (`Patient`), their own
   * grants (`Consent`) and person (`RelatedPerson`), or one part of one patient's
   * record that a grant in force opens. Anything else is refused, in that
   * patient's trail.
   */
  function constrainCaregiverSearch(
    type: string,
    rule: CompartmentRule,
    query: URLSearchParams,
    caller: Caller,
  ): URLSearchParams {
    const view = caller.caregiver;
    if (!view) throw new FhirHttpError(403, 'forbidden', 'Not a caregiver');
    const control = (names: readonly string[]): URLSearchParams => {
      const out = new URLSearchParams();
      for (const [name, value] of query) {
        if (name === '_count' || name === '_offset' || names.includes(name)) out.append(name, value);
        else throw new FhirHttpError(400, 'not-supported', 'Unsupported search parameter');
      }
      const count = Number(out.get('_count') ?? 20);
      out.set('_count', String(Number.isInteger(count) && count >= 0 ? Math.min(count, 1000) : 20));
      return out;
    };
    if (type === 'Patient' || type === 'RelatedPerson' || type === 'Practitioner') {
      const out = control(['_id']);
      const allowed =
        type === 'Patient'
          ? [...view.grants.keys()]
          : type === 'RelatedPerson'
            ? [view.relatedPersonId]
            : [...caregiverPractitioners(caller)];
      const asked = query.get('_id')?.split(',');
      const ids = allowed.filter((id) => !asked || asked.includes(id));
      out.set('_id', ids.length ? ids.join(',') : 'none-granted');
      return out;
    }
    if (type === 'Consent') {
      const out = control(['status']);
      out.set('actor', `RelatedPerson/${view.relatedPersonId}`);
      return out;
    }
    const patientId = patientOfCaregiverSearch(query, rule.patientParam);
    const part = recordPartOf(type);
    if (!part || !caregiverMay(view, patientId, part, 'read')) throw new ForeignSearchError([patientId]);
    const out = constrainSearch(type, rule, query, { patientId, careTeam: options.careTeamOf(patientId) });
    // Filtered by the engine, not after it: totals, counts and pages never include a hidden document.
    if (type === 'DocumentReference') out.append(...NOT_HIDDEN_FILTER);
    return out;
  }

  return {
    async authenticate(req) {
      const caller = await verify(req);
      if (caller.practitionerId) {
        const launched = caller.launchPatientId;
        caller.professional = await professionalView(caller.practitionerId, {
          patientsOf: (id) => {
            const patients = options.patientsOf?.(id) ?? new Set<string>();
            // Launched on one record: that one alone, if it is still shared with them.
            if (launched === undefined) return patients;
            return patients.has(launched) ? new Set([launched]) : new Set<string>();
          },
          sentTo: (id) => options.sentTo?.(id) ?? Promise.resolve([]),
          lookup: options.lookup,
        });
      }
      if (caller.relatedPersonId) {
        const consents = (await options.consentsOf?.(caller.relatedPersonId)) ?? [];
        const view = caregiverView(caller.relatedPersonId, consents, now());
        const hidden = await Promise.all(
          [...view.grants.keys()]
            .filter((patientId) => caregiverMay(view, patientId, 'documents', 'read'))
            .map((patientId) => options.hiddenDocumentsOf?.(patientId) ?? Promise.resolve([])),
        );
        caller.caregiver = { ...view, hiddenContents: contentsOf(hidden.flat()) };
      }
      return caller;
    },
    authorize(caller, type, interaction) {
      // A caregiver never reads the trail nor changes who is shared with; grants and directory are read-only.
      if (
        caller.relatedPersonId &&
        (CAREGIVER_CLOSED_TYPES.has(type) ||
          (['Consent', 'RelatedPerson', 'Patient', 'Practitioner'].includes(type) &&
            interaction !== 'r' &&
            interaction !== 's'))
      )
        throw new FhirHttpError(403, 'forbidden', 'A caregiver may not do this');
      // A professional's trail is not a patient's: they never read AuditEvents, nor change records.
      if (
        caller.practitionerId &&
        (type === 'AuditEvent' || (interaction !== 'r' && interaction !== 's' && type !== 'Communication'))
      )
        throw new FhirHttpError(403, 'forbidden', 'A professional may not do this');
      if (caller.permissions.allows(type, interaction)) return;
      const needed = `patient/${type}.${interaction}`;
      throw new FhirHttpError(403, 'forbidden', 'The access token lacks the scope for this interaction', {
        'WWW-Authenticate': `Bearer realm="carnet-fhir", error="insufficient_scope", scope="${needed}"`,
      });
    },
    ruleOf: (type) => COMPARTMENT_RULES[type],
    ownersOf,
    mayRead,
    mayWrite(caller, resource) {
      if (caller.caregiver) return caregiverMayAccess(caller.caregiver, resource, 'write');
      return mayRead(caller, resource);
    },
    constrainSearch(type, query, caller) {
      const rule = COMPARTMENT_RULES[type];
      if (!rule) throw new FhirHttpError(404, 'not-found', 'Unsupported resource type');
      if (caller.professional) return constrainProfessionalSearch(type, query, caller.professional);
      if (caller.caregiver) return constrainCaregiverSearch(type, rule, query, caller);
      return constrainSearch(type, rule, query, {
        patientId: caller.patientId,
        careTeam: options.careTeamOf(caller.patientId),
        caregivers: caregiversOf(caller.patientId),
        directory: options.directory?.() ?? new Set(),
      });
    },
    checkRawBody: (raw) => checkJsonDepth(raw),
    async checkWrite(caller, type, body, existing) {
      const rule = COMPARTMENT_RULES[type];
      if (!rule) throw new FhirHttpError(404, 'not-found', 'Unsupported resource type');
      if (body.resourceType !== type) throw new FhirHttpError(400, 'invalid', 'Resource type does not match the URL');
      checkPropertyNames(body);
      if (caller.practitionerId) {
        if (!caller.professional) throw new FhirHttpError(403, 'forbidden', 'A professional may not do this');
        await checkProfessionalWrite(caller.professional, body, options.lookup, existing);
        await checkNoHiddenAttachment(body, existing, options.lookup);
        checkRequiredCodes(body);
        return body;
      }
      if (caller.caregiver) {
        const owners = rule.owners(body);
        const part = recordPartOf(type);
        const [owner] = owners;
        const allowed =
          owner !== undefined &&
          part !== undefined &&
          owners.every((id) => id === owner) &&
          caregiverMay(caller.caregiver, owner, part, 'write') &&
          (!existing || caregiverMayAccess(caller.caregiver, existing, 'write'));
        if (!allowed) {
          if (owner && (await options.lookup('Patient', owner)))
            await audit.record({
              caller,
              action: existing ? 'update' : 'create',
              owner,
              resources: existing?.id ? [`${type}/${existing.id}`] : [],
              allowed: false,
              detail: `${existing ? 'update' : 'create'} of ${type}`,
            });
          throw new FhirHttpError(403, 'forbidden', 'No access given by the patient covers this change');
        }
        checkHiddenLabelKept(body, existing);
        checkRequiredCodes(body);
        await checkReferences(owner, body);
        await checkNoHiddenAttachment(body, existing, options.lookup);
        return body;
      }
      if (rule.owners(body).length === 0 && rule.assign) rule.assign(body, caller.patientId);
      if (!belongsTo(rule, body, caller.patientId))
        throw new FhirHttpError(403, 'forbidden', "Resource is outside the patient's compartment");
      checkRequiredCodes(body);
      await checkReferences(caller.patientId, body);
      await checkNoHiddenAttachment(body, existing, options.lookup);
      return body;
    },
    audit,
    async recordAccess(caller, action, resources, allowed) {
      // A refusal because the patient hid the document says so in her trail.
      const hidden = allowed
        ? []
        : resources
            .filter((resource) => hiddenFrom(caller, resource, hiddenContentsOf(caller)))
            .map((resource) => `${resource.resourceType}/${resource.id ?? ''}`);
      const byOwner = new Map<string, string[]>();
      for (const resource of resources) {
        for (const owner of new Set(ownersOf(resource))) {
          const list = byOwner.get(owner) ?? [];
          list.push(`${resource.resourceType}/${resource.id ?? ''}`);
          byOwner.set(owner, list);
        }
      }
      await Promise.all(
        [...byOwner].map(([owner, references]) =>
          audit.record({
            caller,
            action,
            owner,
            resources: references,
            allowed,
            ...(hidden.length ? { hidden: hidden.filter((reference) => references.includes(reference)) } : {}),
          }),
        ),
      );
    },
    async recordRefusedSearch(caller, type, patients) {
      // Only real patients get a trail: made-up ids must not make the server grow stores.
      for (const patientId of new Set(patients.slice(0, 10))) {
        if (!(await options.lookup('Patient', patientId))) continue;
        await audit.record({
          caller,
          action: 'search',
          owner: patientId,
          resources: [],
          allowed: false,
          detail: `search of ${type}`,
        });
      }
    },
    capability: capabilityStatement(options.fhirBaseUrl, options.endpoints),
    smartConfiguration: smartConfiguration(options.endpoints),
  };
}

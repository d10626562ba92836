import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { SMART_SCOPES } from '../smart-scopes.js';
import { COMPARTMENT_RULES } from './compartment.js';
import { SEARCH_ALLOW_LIST } from './search.js';

/** The provider endpoints SMART clients discover through the FHIR server. */
export interface SmartEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint: string;
  jwksUri: string;
  userinfoEndpoint?: string;
  endSessionEndpoint?: string;
}

const INTERACTION_CODES = { c: 'create', r: 'read', u: 'update', d: 'delete', s: 'search-type' } as const;

/** Search parameter types, for the CapabilityStatement. */
const PARAM_TYPES: Record<string, 'token' | 'date' | 'reference' | 'string' | 'number'> = {
  _id: 'token',
  _lastUpdated: 'date',
  _tag: 'token',
  date: 'date',
  authoredon: 'date',
  sent: 'date',
  'effective-time': 'date',
  subject: 'reference',
  actor: 'reference',
  entity: 'reference',
  request: 'reference',
  recipient: 'reference',
  'part-of': 'reference',
  'based-on': 'reference',
  sender: 'reference',
  name: 'string',
  family: 'string',
};

/** The CapabilityStatement of what this server really serves. */
export function capabilityStatement(fhirBaseUrl: string, endpoints: SmartEndpoints): CapabilityStatement {
  const resources: CapabilityStatementRestResource[] = Object.entries(COMPARTMENT_RULES).map(([type, rule]) => {
    const allowed = SEARCH_ALLOW_LIST[type];
    const params = allowed
      ? [...(rule.patientParam ? ['patient', rule.patientParam] : []), '_id', '_lastUpdated', ...Object.keys(allowed)]
      : [];
    return {
      type: type as CapabilityStatementRestResource['type'],
      interaction: rule.interactions.map((letter) => ({ code: INTERACTION_CODES[letter] })),
      versioning: 'versioned',
      readHistory: false,
      updateCreate: false,
      conditionalCreate: false,
      conditionalUpdate: false,
      conditionalDelete: 'not-supported',
      searchParam: params.map((name) => ({
        name,
        type: PARAM_TYPES[name] ?? (name === 'patient' ? 'reference' : 'token'),
      })),
    };
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    publisher: 'Carnet',
    name: 'CarnetDemoFhirServer',
    title: 'Carnet demo FHIR R4 server',
    fhirVersion: '4.0.1',
    format: ['json'],
    implementation: { description: 'Carnet demo FHIR R4 server (Medplum engine)', url: fhirBaseUrl },
    software: { name: 'Carnet demo host', version: '0.0.0' },
    rest: [
      {
        mode: 'server',
        security: {
          cors: true,
          service: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' },
              ],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: endpoints.authorizationEndpoint },
                { url: 'token', valueUri: endpoints.tokenEndpoint },
                { url: 'revoke', valueUri: endpoints.revocationEndpoint },
              ],
            },
          ],
        },
        resource: resources,
      },
    ],
  };
}

/** The SMART App Launch configuration (`.well-known/smart-configuration`). */
export function smartConfiguration(endpoints: SmartEndpoints): Record<string, unknown> {
  return {
    issuer: endpoints.issuer,
    jwks_uri: endpoints.jwksUri,
    authorization_endpoint: endpoints.authorizationEndpoint,
    token_endpoint: endpoints.tokenEndpoint,
    revocation_endpoint: endpoints.revocationEndpoint,
    ...(endpoints.userinfoEndpoint ? { userinfo_endpoint: endpoints.userinfoEndpoint } : {}),
    ...(endpoints.endSessionEndpoint ? { end_session_endpoint: endpoints.endSessionEndpoint } : {}),
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [...SMART_SCOPES, 'launch'],
    capabilities: [
      'launch-standalone',
      'launch-ehr',
      'context-ehr-patient',
      'context-banner',
      'client-public',
      'context-standalone-patient',
      'permission-v2',
      'permission-offline',
      'permission-patient',
      'sso-openid-connect',
    ],
  };
}

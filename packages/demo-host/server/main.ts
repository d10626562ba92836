import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { MemoryRepository } from '@medplum/fhir-router';
import type { JWK } from 'jose';
import type { AppManifest, Pathology, PatientRecord } from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { DEFAULT_FHIR_PORT, DEFAULT_OIDC_PORT, DEFAULT_SITE_ORIGINS, readEnvironment } from './config.js';
import { loadFhirDefinitions } from './fhir/definitions.js';
import { createFhirServer } from './fhir/server.js';
import { createAppCatalogueRoutes } from './gateway/app-catalogue.js';
import { createCommunityRoutes } from './gateway/community.js';
import { CommunityStore } from './gateway/community-store.js';
import type { Gateway } from './gateway/index.js';
import type { DemoProfessional } from './oidc/accounts.js';
import { demoAppManifests, registeredApps } from './oidc/catalogue-apps.js';
import { createOidcProvider } from './oidc/provider.js';
import { companionRecord, moderatorAccount, seedCommunities } from './seed/community.js';
import { seedRepository, type SeedResult } from './seed/seed.js';
import { DEMO_CLIENT_ID } from './smart-scopes.js';
import { caregiverAccounts, caregiverName, caregiverResource, caregiversFor, seededGrants } from './seed/caregivers.js';

/** Options of {@link startPlatform}. */
export interface PlatformOptions {
  /** Port of the OpenID provider; 0 picks a free one. Default 4010. */
  oidcPort?: number;
  /** Port of the FHIR server; 0 picks a free one. Default 4020. */
  fhirPort?: number;
  /** Issuer identifier; default `http://localhost:<oidcPort>`. */
  issuer?: string;
  /** Origins of the association site (redirect URIs, CORS). */
  siteOrigins?: readonly string[];
  /** More redirect URIs for the demo client. */
  extraRedirectUris?: readonly string[];
  /** Personas to load; default the three. */
  personas?: readonly Pathology[];
  /** Records to load instead of generating them. */
  records?: readonly PatientRecord[];
  /** Documents per persona (generator default when absent). */
  documentCount?: number;
  /**
   * The day the personas are generated around (agenda, treatments, two weeks of
   * intakes up to it). Default: now, so the demo is current whenever it starts.
   */
  now?: Date;
  /** Validate every seeded resource against R4 (slower). */
  validate?: boolean;
  /** Access token lifetime in seconds (default 300). */
  accessTokenTtl?: number;
  /** Private RS256 signing key (JWK) of the provider; default: generated at start. */
  signingKey?: JWK;
  /** Receives one line per request; default: none. */
  log?: (line: string) => void;
  /**
   * The catalogue: third-party SMART apps' manifests, checked with `validateManifest` and
   * registered as OpenID clients (the launcher page `/ehr` opens those with a launch URL).
   * None by default; `npm start` registers the demo site's apps ({@link demoAppManifests}).
   */
  apps?: readonly AppManifest[];
}

/** A running platform. */
export interface RunningPlatform {
  issuer: string;
  fhirBaseUrl: string;
  seed: SeedResult;
  /** The FHIR server's access layer (its access trails, for tests and the load script). */
  gateway: Gateway;
  /** The communities (for tests and the benchmark). */
  communities: CommunityStore;
  /**
   * Stops the FHIR server listening (open connections dropped, new ones refused),
   * keeping its data; for fault tests. The OpenID provider keeps running.
   */
  stopFhir(): Promise<void>;
  /** Listens again on the same port after {@link RunningPlatform.stopFhir}. */
  startFhir(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The professionals who may sign in: the first member of each persona's care
 * team (login `pro-<persona>`, e.g. `pro-kidney`, or the Practitioner id).
 */
export function professionalsOf(records: readonly PatientRecord[]): DemoProfessional[] {
  return records.flatMap((record) => {
    const member = record.careTeam[0];
    return member ? [{ id: member.id, name: member.name, alias: `pro-${record.patient.pathology}` }] : [];
  });
}

/** Only 127.0.0.1: the demo never listens on a network interface. */
const HOST = '127.0.0.1';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Wraps a listener so each request leaves one log line without query values. */
function logged(
  label: string,
  listener: (req: IncomingMessage, res: ServerResponse) => void,
  log?: (line: string) => void,
) {
  if (!log) return listener;
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    res.on('finish', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const names = [...url.searchParams.keys()];
      const query = names.length ? `?${names.map((n) => `${n}=…`).join('&')}` : '';
      log(
        `${label} ${req.method} ${url.pathname}${query} ${res.statusCode} ${Math.round(performance.now() - started)}ms`,
      );
    });
    listener(req, res);
  };
}

/**
 * Starts the OpenID provider, then the FHIR server seeded with the personas, on
 * 127.0.0.1. Ports may be 0 (tests): URLs are built from the ports really bound.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const siteOrigins = [...(options.siteOrigins ?? DEFAULT_SITE_ORIGINS)];
  let oidcListener: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  let fhirListener: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const notReady = (res: ServerResponse): void => {
    res.statusCode = 503;
    res.setHeader('Retry-After', '1');
    res.end();
  };
  const oidcServer = createServer((req, res) => (oidcListener ? oidcListener(req, res) : notReady(res)));
  const fhirServer = createServer((req, res) => (fhirListener ? fhirListener(req, res) : notReady(res)));
  try {
    const oidcPort = await listen(oidcServer, options.oidcPort ?? DEFAULT_OIDC_PORT);
    const fhirPort = await listen(fhirServer, options.fhirPort ?? DEFAULT_FHIR_PORT);
    const issuer = options.issuer ?? `http://localhost:${oidcPort}`;
    const fhirBaseUrl = `http://localhost:${fhirPort}/fhir`;

    const records =
      options.records ??
      (options.personas ?? (['diabetes', 'parkinson', 'kidney'] as const)).map((persona) =>
        generatePersona(persona, {
          now: options.now ?? new Date(),
          ...(options.documentCount === undefined ? {} : { documentCount: options.documentCount }),
        }),
      );
    // A second patient per pathology, so that two people can meet in each community.
    const pathologies = [...new Set(records.map((record) => record.patient.pathology))];
    const companions = pathologies
      .map(companionRecord)
      .filter((companion) => !records.some((record) => record.patient.id === companion.patient.id));
    const everyone = [...records, ...companions];
    const caregivers = caregiversFor(everyone);
    const professionals = professionalsOf(records);
    const directory: ReadonlySet<string> = new Set(professionals.map((professional) => professional.id));
    // The care teams are known once the repository is seeded, below.
    const seeded: { result?: SeedResult } = {};
    const patientsOf = (practitionerId: string): Set<string> =>
      new Set(
        [...(seeded.result?.careTeams ?? [])]
          .filter(([, team]) => team.has(practitionerId))
          .map(([patientId]) => patientId),
      );
    const apps = registeredApps(options.apps ?? []);
    const oidc = await createOidcProvider({
      issuer,
      fhirBaseUrl,
      patients: everyone.map((record) => record.patient),
      professionals,
      extraAccounts: [moderatorAccount(), ...caregiverAccounts(caregivers)],
      siteOrigins,
      extraRedirectUris: options.extraRedirectUris ?? [],
      ...(options.accessTokenTtl ? { accessTokenTtl: options.accessTokenTtl } : {}),
      ...(options.signingKey ? { signingKey: options.signingKey } : {}),
      apps,
      patientsOf,
    });
    oidcListener = logged('OIDC', oidc.handler, options.log);

    loadFhirDefinitions();
    const repo = new MemoryRepository();
    const seed = await seedRepository(repo, everyone, { fhirBaseUrl, validate: options.validate ?? false });
    for (const caregiver of caregivers) await repo.createResource(caregiverResource(caregiver));
    for (const consent of seededGrants(caregivers, new Date().toISOString())) await repo.createResource(consent);
    // Names the patient knows people by, written in her access trail.
    const names = new Map<string, string>([
      ...caregivers.map((caregiver) => [`RelatedPerson/${caregiver.id}`, caregiverName(caregiver)] as const),
      ...everyone.flatMap((record) =>
        record.careTeam.map((member) => [`Practitioner/${member.id}`, member.name] as const),
      ),
      ...everyone.map(
        (record) => [`Patient/${record.patient.id}`, `${record.patient.given} ${record.patient.family}`] as const,
      ),
    ]);
    seeded.result = seed;
    const noCareTeam: ReadonlySet<string> = new Set();
    const communities = new CommunityStore();
    seedCommunities(communities, everyone);
    const pathologyOf = new Map(everyone.map((record) => [record.patient.id, record.patient.pathology]));
    const fhir = createFhirServer({
      fhirBaseUrl,
      repo,
      tokens: { issuer, jwks: oidc.publicJwks, revocations: oidc.revocations },
      endpoints: {
        issuer,
        authorizationEndpoint: oidc.provider.urlFor('authorization'),
        tokenEndpoint: oidc.provider.urlFor('token'),
        revocationEndpoint: oidc.provider.urlFor('revocation'),
        jwksUri: oidc.provider.urlFor('jwks'),
        userinfoEndpoint: oidc.provider.urlFor('userinfo'),
        endSessionEndpoint: oidc.provider.urlFor('end_session'),
      },
      // Registered apps call from their own origins.
      siteOrigins: [...new Set([...siteOrigins, ...oidc.appOrigins])],
      careTeamOf: (patientId) => seed.careTeams.get(patientId) ?? noCareTeam,
      caregiversOf: (patientId) =>
        new Set(caregivers.filter((caregiver) => caregiver.helps.includes(patientId)).map((caregiver) => caregiver.id)),
      nameOf: (reference) => names.get(reference),
      directory: () => directory,
      onCareTeamChange: (patientId, practitionerIds) => seed.careTeams.set(patientId, new Set(practitionerIds)),
      patientsOf,
      community: createCommunityRoutes({
        fhirBaseUrl,
        store: communities,
        pathologyOf: (patientId) => pathologyOf.get(patientId),
      }),
      appCatalogue: createAppCatalogueRoutes({
        apps,
        // The association site manages the patient's consents; the apps themselves may not.
        managerClients: new Set([DEMO_CLIENT_ID]),
        consentsOf: (accountId) => oidc.appConsents(accountId),
        revoke: (accountId, clientId) => oidc.revokeApp(accountId, clientId),
      }),
      ...(options.log ? { log: options.log } : {}),
    });
    fhirListener = fhir.listener;
    return {
      issuer,
      fhirBaseUrl,
      seed,
      gateway: fhir.gateway,
      communities,
      stopFhir: async () => {
        if (fhirServer.listening) await closeServer(fhirServer);
      },
      startFhir: async () => {
        if (!fhirServer.listening) await listen(fhirServer, fhirPort);
      },
      close: async () => {
        await Promise.all([closeServer(oidcServer), closeServer(fhirServer)]);
      },
    };
  } catch (error) {
    await Promise.all([closeServer(oidcServer), closeServer(fhirServer)]);
    throw error;
  }
}

/** `npm start` entry: env-configured ports, one line per service, clean exit on signals. */
async function main(): Promise<void> {
  const env = readEnvironment();
  const platform = await startPlatform({
    oidcPort: env.oidcPort,
    fhirPort: env.fhirPort,
    siteOrigins: env.siteOrigins,
    extraRedirectUris: env.extraRedirectUris,
    // The demo site's catalogue apps, served by the site itself.
    apps: demoAppManifests(env.siteOrigins[0] ?? DEFAULT_SITE_ORIGINS[0] ?? 'http://localhost:5173'),
    ...(env.issuer ? { issuer: env.issuer } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`OpenID provider  ${platform.issuer}\nFHIR R4 server   ${platform.fhirBaseUrl}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    platform.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Could not start the demo platform: ${error instanceof Error ? error.message : 'unknown error'}\n`,
    );
    process.exit(1);
  });
}

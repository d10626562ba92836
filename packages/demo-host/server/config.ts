/** Default port of the OpenID provider. */
export const DEFAULT_OIDC_PORT = 4010;
/** Default port of the FHIR server. */
export const DEFAULT_FHIR_PORT = 4020;
/** Default origins of the association site (Vite dev server). */
export const DEFAULT_SITE_ORIGINS: readonly string[] = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/** Settings read from the environment. */
export interface EnvironmentSettings {
  oidcPort: number;
  fhirPort: number;
  siteOrigins: string[];
  issuer?: string;
  extraRedirectUris: string[];
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`${name} must be a port number`);
  return parsed;
}

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim().replace(/\/$/, ''))
    .filter(Boolean);
  return items?.length ? items : undefined;
}

/**
 * Reads `CARNET_OIDC_PORT`, `CARNET_FHIR_PORT`, `CARNET_SITE_ORIGINS` (comma
 * separated), `CARNET_ISSUER` and `CARNET_EXTRA_REDIRECT_URIS` (comma separated).
 */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): EnvironmentSettings {
  const issuer = env['CARNET_ISSUER']?.trim();
  return {
    oidcPort: port(env['CARNET_OIDC_PORT'], DEFAULT_OIDC_PORT, 'CARNET_OIDC_PORT'),
    fhirPort: port(env['CARNET_FHIR_PORT'], DEFAULT_FHIR_PORT, 'CARNET_FHIR_PORT'),
    siteOrigins: list(env['CARNET_SITE_ORIGINS']) ?? [...DEFAULT_SITE_ORIGINS],
    extraRedirectUris: list(env['CARNET_EXTRA_REDIRECT_URIS']) ?? [],
    ...(issuer ? { issuer: issuer.replace(/\/$/, '') } : {}),
  };
}

/**
 * The catalogue apps of the demo platform: third-party SMART apps described by
 * their manifests, checked with the SDK's `validateManifest` before they are
 * registered as OpenID clients and listed in the catalogue.
 */
import { validateManifest, type AppManifest } from '@carnet/catalog-sdk';
import { SMART_SCOPES } from '../smart-scopes.js';

/** Scopes a catalogue app may ask the platform for: what it grants, and `launch` (EHR launch). */
export const PLATFORM_APP_SCOPES: readonly string[] = [...SMART_SCOPES, 'launch'];

/** A small blue square with a white document, as a `data:` icon (no request to another host). */
const DOCUMENTS_ICON =
  'data:image/svg+xml;base64,' +
  btoa(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="10" fill="#1f5fa8"/><path d="M15 10h13l7 7v21H15z" fill="#fff"/><path d="M19 23h12M19 28h12M19 33h8" stroke="#1f5fa8" stroke-width="2"/></svg>',
  );
/** A green square with a white drop. */
const GLUCOSE_ICON =
  'data:image/svg+xml;base64,' +
  btoa(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="10" fill="#17734a"/><path d="M24 9c6 9 11 15 11 21a11 11 0 0 1-22 0c0-6 5-12 11-21z" fill="#fff"/></svg>',
  );

/**
 * The demo site's two catalogue apps, served by the association site at
 * `<siteOrigin>/apps/…`: a document reader written with `fhirclient` (the
 * reference SMART client) and a blood-sugar notebook.
 */
export function demoAppManifests(siteOrigin: string): AppManifest[] {
  return [
    {
      clientId: 'fhirclient-app',
      name: 'Lecteur de documents',
      publisher: 'Interop Démo (exemple)',
      description: {
        fr: 'Affiche la liste de vos documents de santé. Une application d’exemple écrite avec fhirclient, le client SMART de référence.',
        en: 'Shows the list of your health documents. A sample app written with fhirclient, the reference SMART client.',
      },
      icon: DOCUMENTS_ICON,
      redirectUris: [`${siteOrigin}/apps/documents/app.html`],
      launchUrl: `${siteOrigin}/apps/documents/launch.html`,
      scopes: [
        { scope: 'openid', reason: { fr: 'Vous reconnaître.', en: 'To recognise you.' } },
        { scope: 'fhirUser', reason: { fr: 'Savoir quel dossier ouvrir.', en: 'To know which record to open.' } },
        {
          scope: 'launch/patient',
          reason: {
            fr: 'Ouvrir votre dossier quand vous lancez l’application.',
            en: 'To open your record when you start the app.',
          },
        },
        {
          scope: 'launch',
          reason: { fr: 'S’ouvrir depuis le lanceur de la plateforme.', en: 'To open from the platform’s launcher.' },
        },
        {
          scope: 'patient/DocumentReference.rs',
          reason: { fr: 'Lister vos documents pour les afficher.', en: 'To list your documents and show them.' },
          access: 'read',
        },
      ],
    },
    {
      clientId: 'glyco-notes',
      name: 'Carnet de glycémie',
      publisher: 'Glyco Démo SAS (exemple)',
      description: {
        fr: 'Notez vos glycémies et retrouvez vos comptes rendus de laboratoire au même endroit.',
        en: 'Write down your blood sugar readings and find your lab reports in one place.',
      },
      icon: GLUCOSE_ICON,
      redirectUris: [`${siteOrigin}/apps/glycemie/app.html`],
      launchUrl: `${siteOrigin}/apps/glycemie/launch.html`,
      scopes: [
        { scope: 'openid', reason: { fr: 'Vous reconnaître.', en: 'To recognise you.' } },
        { scope: 'fhirUser', reason: { fr: 'Savoir quel dossier ouvrir.', en: 'To know which record to open.' } },
        {
          scope: 'launch/patient',
          reason: {
            fr: 'Ouvrir votre dossier quand vous lancez l’application.',
            en: 'To open your record when you start the app.',
          },
        },
        {
          scope: 'offline_access',
          reason: {
            fr: 'Vous éviter de vous reconnecter à chaque relevé.',
            en: 'So that you need not sign in again for each reading.',
          },
        },
        {
          scope: 'patient/Observation.cruds',
          reason: { fr: 'Enregistrer vos glycémies dans votre dossier.', en: 'To save your readings in your record.' },
          access: 'write',
        },
        {
          scope: 'patient/DocumentReference.rs',
          reason: { fr: 'Retrouver vos comptes rendus de laboratoire.', en: 'To find your lab reports.' },
          access: 'read',
        },
      ],
    },
  ];
}

/**
 * Checks each manifest as the platform registers it (the scopes it knows,
 * https redirects…); a refused manifest stops the start with its problems.
 */
export function registeredApps(manifests: readonly unknown[]): AppManifest[] {
  return manifests.map((manifest, index) => {
    const result = validateManifest(manifest, { knownScopes: PLATFORM_APP_SCOPES });
    if (result.ok) return result.manifest;
    const problems = result.problems.map((problem) => `${problem.code} at ${problem.path || '(manifest)'}`).join(', ');
    throw new Error(`App manifest ${index + 1} is refused: ${problems}`);
  });
}

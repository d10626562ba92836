import type { AppCatalogueRepository, AppGrant, CatalogueApp, DataSource } from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../../document-browser/test-helpers/in-memory-source.js';

/** Two apps as a platform lists them: a document reader (allowed) and a notebook that writes. */
export const SAMPLE_APPS: CatalogueApp[] = [
  {
    clientId: 'fhirclient-app',
    name: 'Lecteur de documents',
    publisher: 'Interop Démo',
    description: { fr: 'Affiche la liste de vos documents de santé.', en: 'Shows the list of your health documents.' },
    launchUrl: 'https://apps.example/documents/launch.html',
    scopes: [
      {
        scope: 'openid',
        reason: { fr: 'Vous reconnaître.', en: 'To recognise you.' },
        explanation: { fr: 'vous connecter avec votre compte', en: 'sign you in with your account' },
      },
      {
        scope: 'patient/DocumentReference.rs',
        reason: { fr: 'Lister vos documents pour les afficher.', en: 'To list your documents and show them.' },
        access: 'read',
        explanation: { fr: 'lire et rechercher vos documents de santé', en: 'read and search your health documents' },
      },
    ],
  },
  {
    clientId: 'glyco-notes',
    name: 'Carnet de glycémie',
    publisher: 'Glyco Démo SAS',
    description: 'Notez vos glycémies.',
    scopes: [
      {
        scope: 'patient/Observation.cruds',
        reason: 'Enregistrer vos glycémies dans votre dossier.',
        access: 'write',
      },
    ],
  },
];

/** The patient allowed the document reader on 3 March 2026. */
export const SAMPLE_APP_GRANTS: AppGrant[] = [
  { clientId: 'fhirclient-app', grantedAt: '2026-03-03T09:00:00Z', scopes: ['openid', 'patient/DocumentReference.rs'] },
];

/** Options of {@link appCatalogueSource}. */
export interface AppCatalogueSourceOptions {
  apps?: CatalogueApp[];
  grants?: AppGrant[];
  /** Makes every read fail (error state). */
  failReads?: boolean;
  /** Makes the withdrawal fail. */
  failRevoke?: boolean;
}

/** An in-memory data source with a catalogue; `revoked` records the withdrawals. */
export function appCatalogueSource(options: AppCatalogueSourceOptions = {}): DataSource & { revoked: string[] } {
  let grants = [...(options.grants ?? SAMPLE_APP_GRANTS)];
  const revoked: string[] = [];
  const read = <T>(value: T): Promise<T> =>
    options.failReads ? Promise.reject(new Error('offline')) : Promise.resolve(value);
  const apps: AppCatalogueRepository = {
    listApps: () => read(options.apps ?? SAMPLE_APPS),
    listGrants: () => read(grants),
    revoke: async (clientId) => {
      if (options.failRevoke) throw new Error('offline');
      revoked.push(clientId);
      grants = grants.filter((grant) => grant.clientId !== clientId);
    },
  };
  return { ...createInMemoryDataSource([], {}), apps, revoked } as DataSource & { revoked: string[] };
}

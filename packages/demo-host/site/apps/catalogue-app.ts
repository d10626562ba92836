/**
 * The demo site's two catalogue apps (third-party SMART apps, see
 * `server/oidc/catalogue-apps.ts`), written with `fhirclient`, the reference
 * SMART client: `launch.html` starts the sign-in (standalone, or from the
 * platform's launcher with `iss` and `launch`), `app.html` lists the patient's
 * latest documents. Each page names its app in `#app-config`.
 */
import FHIR from 'fhirclient';

interface AppConfig {
  clientId: string;
  /** Scopes of a standalone launch (`launch/patient`…); an EHR launch asks `launch` instead. */
  scope: string;
  fhirBaseUrl: string;
}

interface DocumentBundle {
  total?: number;
  entry?: { resource?: { description?: string; type?: { text?: string }; date?: string } }[];
}

const config = JSON.parse(document.getElementById('app-config')?.textContent ?? '{}') as AppConfig;
const status = document.getElementById('status') as HTMLElement;
const list = document.getElementById('documents') as HTMLUListElement;

function fail(error: unknown): void {
  status.textContent = `Erreur : ${error instanceof Error ? error.message : 'inconnue'}`;
}

if (location.pathname.endsWith('/launch.html')) {
  const ehr = new URLSearchParams(location.search).has('launch');
  FHIR.oauth2
    .authorize({
      clientId: config.clientId,
      scope: ehr ? config.scope.replace('launch/patient', 'launch') : config.scope,
      redirectUri: 'app.html',
      iss: config.fhirBaseUrl,
    })
    .catch(fail);
} else {
  FHIR.oauth2
    .ready()
    .then(async (client) => {
      const bundle = (await client.request(
        `DocumentReference?patient=${encodeURIComponent(client.patient.id ?? '')}&_count=5&_sort=-date`,
      )) as DocumentBundle;
      status.textContent = `${bundle.total ?? 0} documents dans votre dossier. Les 5 plus récents :`;
      for (const entry of bundle.entry ?? []) {
        const item = document.createElement('li');
        item.textContent = `${entry.resource?.date?.slice(0, 10) ?? ''} — ${entry.resource?.description ?? entry.resource?.type?.text ?? 'Document'}`;
        list.append(item);
      }
    })
    .catch(fail);
}

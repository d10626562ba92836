/**
 * The platform's launcher page (`/ehr`), standing in for an EHR or a patient
 * portal: the signed-in person sees the records they may open (their own as a
 * patient; the patients who share with them as a professional) and launches a
 * registered SMART app on one of them, by `iss` + `launch` (SMART App Launch 2
 * EHR launch). Sign-in is the provider's own session (one sign-in for the
 * launcher and the apps it launches).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { KoaContextWithOIDC, Provider } from 'oidc-provider';
import type { AccountDirectory, DemoAccount } from './accounts.js';
import { negotiateLanguage, type PageLanguage } from './i18n.js';
import type { LaunchStore } from './launch.js';
import { escapeHtml, layout, pageHeaders, type RenderedPage } from './pages.js';

/** Client id of the launcher itself (first-party: it signs in, never asks consent, reads nothing). */
export const LAUNCHER_CLIENT_ID = 'carnet-launcher';

/** A SMART app registered on the platform, which the launcher can open. */
export interface RegisteredApp {
  /** Public client id (PKCE, no secret). */
  clientId: string;
  /** Name shown on the launcher and the consent page. */
  name: string;
  /** The app's launch page: opened with `?iss=<FHIR base>&launch=<id>`. */
  launchUrl: string;
  /** Where the provider may send the patient back to. */
  redirectUris: readonly string[];
}

/** What the launcher needs. */
export interface LauncherOptions {
  provider: Provider;
  issuer: string;
  fhirBaseUrl: string;
  accounts: AccountDirectory;
  launches: LaunchStore;
  apps: readonly RegisteredApp[];
  /** Patients whose care team includes the practitioner (read at each request). */
  patientsOf(practitionerId: string): ReadonlySet<string>;
}

const TEXT = {
  fr: {
    title: 'Lanceur d’applications (démo)',
    intro: 'Ouvrez une application référencée sur un dossier que vous pouvez consulter.',
    signIn: 'Se connecter',
    signedOut: 'Connectez-vous pour voir les dossiers que vous pouvez ouvrir.',
    signedInAs: (name: string) => `Connecté en tant que ${name}.`,
    noPatient: 'Aucun dossier ne vous est partagé.',
    noApp: 'Aucune application n’est référencée sur cette plateforme.',
    open: (app: string) => `Ouvrir ${app}`,
    records: 'Dossiers',
    refused: 'Ce lancement n’est pas possible. Revenez au lanceur et recommencez.',
  },
  en: {
    title: 'App launcher (demo)',
    intro: 'Open a listed app on a record you may see.',
    signIn: 'Sign in',
    signedOut: 'Sign in to see the records you may open.',
    signedInAs: (name: string) => `Signed in as ${name}.`,
    noPatient: 'No record is shared with you.',
    noApp: 'No app is listed on this platform.',
    open: (app: string) => `Open ${app}`,
    records: 'Records',
    refused: 'This launch is not possible. Go back to the launcher and try again.',
  },
} as const;

const MAX_FORM_BYTES = 4 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The launcher as a Koa middleware of the provider (so it reads the provider's session). */
export function createLauncher(options: LauncherOptions) {
  const { provider, issuer, fhirBaseUrl, accounts, launches, apps } = options;
  const issuerOrigin = new URL(issuer).origin;
  const appOrigins = apps.map((app) => new URL(app.launchUrl).origin);

  /** Records the account may open: their own, or (a professional) those who share with them. */
  function recordsOf(account: DemoAccount): { patientId: string; name: string }[] {
    const ids =
      account.role === 'patient' && account.patientId
        ? [account.patientId]
        : account.role === 'practitioner'
          ? [...options.patientsOf(account.practitionerId ?? account.accountId)]
          : [];
    return ids.map((patientId) => ({ patientId, name: accounts.find(patientId)?.displayName ?? patientId }));
  }

  function send(ctx: KoaContextWithOIDC, status: number, page: RenderedPage): void {
    for (const [name, value] of Object.entries(pageHeaders(page, appOrigins))) ctx.set(name, value);
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = page.html;
  }

  function renderPage(lang: PageLanguage, account: DemoAccount | undefined, message?: string): RenderedPage {
    const t = TEXT[lang];
    let body = `<h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.intro)}</p>`;
    if (message) body += `<p class="error" role="alert">${escapeHtml(message)}</p>`;
    if (!account) {
      body += `<p>${escapeHtml(t.signedOut)}</p><p><a href="/ehr/sign-in?lang=${lang}">${escapeHtml(t.signIn)}</a></p>`;
    } else {
      body += `<p>${escapeHtml(t.signedInAs(account.displayName))}</p>`;
      const records = recordsOf(account);
      if (apps.length === 0) body += `<p>${escapeHtml(t.noApp)}</p>`;
      else if (records.length === 0) body += `<p>${escapeHtml(t.noPatient)}</p>`;
      else {
        body += `<h2>${escapeHtml(t.records)}</h2><ul>`;
        for (const record of records) {
          const buttons = apps
            .map(
              (app) =>
                `<button type="submit" class="primary" name="client_id" value="${escapeHtml(app.clientId)}">${escapeHtml(t.open(app.name))}</button>`,
            )
            .join('');
          body += `<li><h3>${escapeHtml(record.name)}</h3><form method="post" action="/ehr/launch?lang=${lang}"><input type="hidden" name="patient" value="${escapeHtml(record.patientId)}"><div class="actions">${buttons}</div></form></li>`;
        }
        body += '</ul>';
      }
    }
    return layout(lang, t.title, `/ehr?lang=${lang === 'fr' ? 'en' : 'fr'}`, body);
  }

  async function signedIn(ctx: KoaContextWithOIDC): Promise<DemoAccount | undefined> {
    const session = await provider.Session.get(ctx as never);
    return session.accountId ? accounts.find(session.accountId) : undefined;
  }

  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> => {
    const path = ctx.path;
    if (path !== '/ehr' && !path.startsWith('/ehr/')) return next();
    const lang = negotiateLanguage(ctx.query['lang'] as string | undefined, undefined, ctx.get('accept-language'));
    if (path === '/ehr' && ctx.method === 'GET') return send(ctx, 200, renderPage(lang, await signedIn(ctx)));
    if (path === '/ehr/signed-in' && ctx.method === 'GET') {
      // The code is of no use to the launcher (it kept no verifier): only the session counts.
      ctx.status = 303;
      ctx.redirect(`/ehr?lang=${lang}`);
      return;
    }
    if (path === '/ehr/sign-in' && ctx.method === 'GET') {
      const challenge = createHash('sha256').update(randomBytes(32)).digest('base64url');
      const params = new URLSearchParams({
        client_id: LAUNCHER_CLIENT_ID,
        response_type: 'code',
        scope: 'openid',
        redirect_uri: `${issuer}/ehr/signed-in`,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: randomBytes(8).toString('hex'),
        ui_locales: lang,
      });
      ctx.redirect(`/auth?${params.toString()}`);
      return;
    }
    if (path === '/ehr/launch' && ctx.method === 'POST') {
      // A launch is only started from this page: a form posted from elsewhere is refused.
      const origin = ctx.get('origin');
      const account = await signedIn(ctx);
      const form = origin === issuerOrigin ? await readForm(ctx.req) : undefined;
      const app = apps.find((candidate) => candidate.clientId === form?.get('client_id'));
      const patientId = form?.get('patient') ?? '';
      if (!account || !app || !recordsOf(account).some((record) => record.patientId === patientId)) {
        return send(ctx, 403, renderPage(lang, account, TEXT[lang].refused));
      }
      const launch = launches.create(account.accountId, app.clientId, {
        patient: patientId,
        // The launcher shows the record's name, but not around the app once it is open.
        need_patient_banner: true,
      });
      const target = new URL(app.launchUrl);
      target.searchParams.set('iss', fhirBaseUrl);
      target.searchParams.set('launch', launch);
      ctx.status = 303;
      ctx.redirect(target.href);
      return;
    }
    ctx.status = 405;
    ctx.body = '';
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction, Provider } from 'oidc-provider';
import { explainScope } from '../smart-scopes.js';
import type { AccountDirectory } from './accounts.js';
import type { LoginThrottle } from './throttle.js';
import { negotiateLanguage, type PageLanguage } from './i18n.js';
import { renderConsentPage, renderErrorPage, renderLoginPage, sendPage } from './pages.js';

/** What the interaction pages need from the provider setup. */
export interface InteractionContext {
  provider: Provider;
  accounts: AccountDirectory;
  issuer: string;
  /** Origins the final redirect may go to (CSP form-action). */
  redirectOrigins: readonly string[];
  clientName: string;
  /** Failed sign-ins by account and by address. */
  throttle: LoginThrottle;
  /** The patient an EHR launch opens, by launch id. */
  launchPatientOf?(launchId: string): string | undefined;
  /** Why a catalogue app asks for a scope, in its manifest's words (none for the platform's own clients). */
  reasonOf?(clientId: string, scope: string, lang: PageLanguage): string | undefined;
}

const MAX_FORM_BYTES = 16 * 1024;

/** Reads a small urlencoded form; larger bodies are refused. */
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

/** Loads the interaction bound to the cookie and checks it is the one in the URL. */
async function loadInteraction(
  ctx: InteractionContext,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<Interaction | undefined> {
  try {
    const details = await ctx.provider.interactionDetails(req, res);
    // The cookie names the interaction; a URL naming another one is a forged or stale request.
    return details.uid === uid ? details : undefined;
  } catch {
    return undefined;
  }
}

const WHY = { fr: (reason: string) => ` — pourquoi : ${reason}`, en: (reason: string) => ` — why: ${reason}` };

/**
 * Plain-words permissions of a consent prompt, deduplicated, in request order; for a catalogue
 * app, each with the reason its manifest gives.
 */
function requestedPermissions(ctx: InteractionContext, details: Interaction, lang: PageLanguage): string[] {
  const scopes = [
    ...(details.prompt.details.missingOIDCScope ?? []),
    ...Object.values(details.prompt.details.missingResourceScopes ?? {}).flat(),
  ];
  const clientId = details.params['client_id'] ?? '';
  return [...new Set(scopes)].map((scope) => {
    const reason = ctx.reasonOf?.(clientId, scope, lang);
    return `${explainScope(scope)[lang]}${reason ? WHY[lang](reason) : ''}`;
  });
}

/** Grants what the consent prompt asked for and returns the grant id. */
async function grantRequested(ctx: InteractionContext, details: Interaction, accountId: string): Promise<string> {
  const clientId = details.params['client_id'] ?? '';
  const grant =
    (details.grantId ? await ctx.provider.Grant.find(details.grantId) : undefined) ??
    new ctx.provider.Grant({ accountId, clientId });
  const prompt = details.prompt.details;
  if (prompt.missingOIDCScope?.length) grant.addOIDCScope(prompt.missingOIDCScope.join(' '));
  if (prompt.missingOIDCClaims?.length) grant.addOIDCClaims(prompt.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(prompt.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  return grant.save();
}

/**
 * Handles `/interaction/:uid[/login|/confirm|/abort]`. Returns false when the
 * path is not an interaction route, so the provider handles it.
 */
export async function handleInteraction(
  ctx: InteractionContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', ctx.issuer);
  const match = /^\/interaction\/([A-Za-z0-9_-]{1,64})(?:\/(login|confirm|abort))?$/.exec(url.pathname);
  if (!match) return false;
  const [, uid = '', action] = match;
  const headerLang = req.headers['accept-language'];
  let lang = negotiateLanguage(url.searchParams.get('lang'), undefined, headerLang);
  const send = (status: number, page: ReturnType<typeof renderErrorPage>): void =>
    sendPage(res, status, page, ctx.redirectOrigins);

  if ((action && req.method !== 'POST') || (!action && req.method !== 'GET')) {
    res.setHeader('Allow', action ? 'POST' : 'GET');
    send(405, renderErrorPage(lang, 'errorIntro'));
    return true;
  }
  // A cross-site form post is refused even before the SameSite cookie check.
  const origin = req.headers.origin;
  if (action && origin !== undefined && origin !== new URL(ctx.issuer).origin) {
    send(403, renderErrorPage(lang, 'errorIntro'));
    return true;
  }
  const details = await loadInteraction(ctx, req, res, uid);
  if (!details) {
    send(400, renderErrorPage(lang, 'expired'));
    return true;
  }
  lang = negotiateLanguage(url.searchParams.get('lang'), details.params['ui_locales'], headerLang);
  // Logins only: a sign-in page shown to anyone must not list the people behind them.
  const accountList = ctx.accounts.list().map((a) => ({ login: a.logins[0] ?? a.accountId }));

  if (action === 'abort') {
    await ctx.provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
    return true;
  }
  if (action === 'login') {
    if (details.prompt.name !== 'login') {
      send(400, renderErrorPage(lang, 'expired'));
      return true;
    }
    const form = await readForm(req);
    const login = form?.get('login') ?? '';
    const password = form?.get('password') ?? '';
    if (!login || !password) {
      send(400, renderLoginPage({ lang, uid, login, error: 'missingFields', accounts: accountList }));
      return true;
    }
    const keys = { account: login, address: req.socket.remoteAddress ?? 'unknown' };
    const wait = ctx.throttle.retryAfter(keys);
    if (wait > 0) {
      // Refused unchecked, with the same answer whether the account exists or not.
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      send(429, renderLoginPage({ lang, uid, login, error: 'tooManyAttempts', accounts: accountList }));
      return true;
    }
    const account = ctx.accounts.authenticate(login, password);
    if (!account) {
      ctx.throttle.failed(keys);
      send(401, renderLoginPage({ lang, uid, login, error: 'badCredentials', accounts: accountList }));
      return true;
    }
    ctx.throttle.succeeded(keys);
    await ctx.provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.accountId } },
      { mergeWithLastSubmission: false },
    );
    return true;
  }
  if (action === 'confirm') {
    const accountId = details.session?.accountId;
    if (details.prompt.name !== 'consent' || !accountId) {
      send(400, renderErrorPage(lang, 'expired'));
      return true;
    }
    const grantId = await grantRequested(ctx, details, accountId);
    await ctx.provider.interactionFinished(
      req,
      res,
      { consent: details.grantId ? {} : { grantId } },
      { mergeWithLastSubmission: true },
    );
    return true;
  }

  if (details.prompt.name === 'login') {
    send(200, renderLoginPage({ lang, uid, accounts: accountList }));
    return true;
  }
  if (details.prompt.name === 'consent') {
    // From an EHR launch, the record is the launched patient's (a professional opens someone else's).
    const launched = details.params['launch'] ? ctx.launchPatientOf?.(details.params['launch']) : undefined;
    const person = ctx.accounts.find(launched ?? details.session?.accountId ?? '')?.displayName ?? '';
    send(
      200,
      renderConsentPage({
        lang,
        uid,
        // A registered third-party app is named as registered, never as the site.
        clientName: (await ctx.provider.Client.find(details.params['client_id'] ?? ''))?.clientName ?? ctx.clientName,
        personName: person,
        permissions: requestedPermissions(ctx, details, lang),
      }),
    );
    return true;
  }
  send(400, renderErrorPage(lang, 'errorIntro'));
  return true;
}

import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { STRINGS, type PageLanguage } from './i18n.js';

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A page ready to send: its HTML, the nonce its inline style uses and the hash of its one script, if any. */
export interface RenderedPage {
  html: string;
  nonce: string;
  scriptHash?: string;
}

/** Common frame of every page: language, title, one inline stylesheet, no external asset. */
export function layout(lang: PageLanguage, title: string, switchHref: string | undefined, body: string): RenderedPage {
  const nonce = randomBytes(16).toString('base64');
  const other: PageLanguage = lang === 'fr' ? 'en' : 'fr';
  const switchLink = switchHref
    ? `<nav aria-label="${lang === 'fr' ? 'Langue' : 'Language'}"><a href="${escapeHtml(switchHref)}" lang="${other}" hreflang="${other}">${escapeHtml(STRINGS[lang].switchLanguage)}</a></nav>`
    : '';
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1f; background: #f5f5f7; }
body { margin: 0; }
header { display: flex; justify-content: flex-end; padding: 0.5rem 1rem; }
main { max-width: 32rem; margin: 1rem auto; padding: 1.5rem; background: #fff; border-radius: 0.5rem; box-shadow: 0 1px 3px #0003; }
h1 { font-size: 1.5rem; margin-top: 0; }
label { display: block; font-weight: 600; margin-top: 1rem; }
.hint { margin: 0.25rem 0; color: #4a4a55; font-size: 0.95rem; }
input { box-sizing: border-box; width: 100%; min-height: 44px; padding: 0.5rem; font: inherit; border: 2px solid #55555f; border-radius: 0.25rem; }
input[aria-invalid="true"] { border-color: #b3261e; }
.error { color: #b3261e; font-weight: 600; border-left: 4px solid #b3261e; padding-left: 0.5rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1.5rem; }
button, nav a { min-height: 44px; min-width: 44px; padding: 0.5rem 1.25rem; font: inherit; border-radius: 0.25rem; cursor: pointer; }
button { border: 2px solid #1d4ed8; }
button.primary { background: #1d4ed8; color: #fff; }
button.secondary { background: #fff; color: #1d4ed8; }
nav a { display: inline-flex; align-items: center; color: #1d4ed8; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
</style>
</head>
<body>
<header>${switchLink}</header>
<main id="main">
${body}
</main>
</body>
</html>
`;
  return { html, nonce };
}

/**
 * Headers of every page: a strict Content Security Policy where nothing loads but
 * the nonce'd inline style, and forms may post here and redirect to the site origins.
 */
export function pageHeaders(page: RenderedPage, formTargets: readonly string[]): Record<string, string> {
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${page.nonce}'`,
    ...(page.scriptHash ? [`script-src '${page.scriptHash}'`] : []),
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    // For browsers that ignore frame-ancestors.
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/** Sends a page with its security headers. */
export function sendPage(
  res: ServerResponse,
  status: number,
  page: RenderedPage,
  formTargets: readonly string[],
): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(pageHeaders(page, formTargets))) res.setHeader(name, value);
  res.end(page.html);
}

/** What the login page shows. */
export interface LoginPageInput {
  lang: PageLanguage;
  uid: string;
  login?: string;
  error?: 'badCredentials' | 'missingFields' | 'tooManyAttempts';
  accounts: readonly { login: string }[];
}

/** The accessible sign-in form. Errors are announced and tied to the inputs. */
export function renderLoginPage(input: LoginPageInput): RenderedPage {
  const t = STRINGS[input.lang];
  const base = `/interaction/${encodeURIComponent(input.uid)}`;
  const query = `?lang=${input.lang}`;
  const error = input.error ? `<p id="login-error" class="error" role="alert">${escapeHtml(t[input.error])}</p>` : '';
  const invalid = input.error ? ' aria-invalid="true"' : '';
  const describe = (hint: string): string => `aria-describedby="${hint}${input.error ? ' login-error' : ''}"`;
  const accounts = input.accounts.map((a) => `<li><code>${escapeHtml(a.login)}</code></li>`).join('');
  const body = `<h1>${escapeHtml(t.signInTitle)}</h1>
<p>${escapeHtml(t.signInIntro)}</p>
<form method="post" action="${base}/login${query}" novalidate>
${error}
<label for="login">${escapeHtml(t.loginLabel)}</label>
<p id="login-hint" class="hint">${escapeHtml(t.loginHint)}</p>
<input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus ${describe('login-hint')}${invalid} value="${escapeHtml(input.login ?? '')}">
<label for="password">${escapeHtml(t.passwordLabel)}</label>
<p id="password-hint" class="hint">${escapeHtml(t.passwordHint)}</p>
<input id="password" name="password" type="password" autocomplete="current-password" required ${describe('password-hint')}${invalid}>
<div class="actions">
<button type="submit" class="primary">${escapeHtml(t.signInButton)}</button>
<button type="submit" class="secondary" formaction="${base}/abort${query}" formnovalidate>${escapeHtml(t.cancelButton)}</button>
</div>
</form>
<h2>${escapeHtml(t.demoAccounts)}</h2>
<ul>${accounts}</ul>`;
  return layout(input.lang, t.signInTitle, `${base}?lang=${input.lang === 'fr' ? 'en' : 'fr'}`, body);
}

/** What the consent page shows. */
export interface ConsentPageInput {
  lang: PageLanguage;
  uid: string;
  clientName: string;
  personName: string;
  permissions: readonly string[];
}

/** The consent page: requested scopes in plain words, allow or deny. */
export function renderConsentPage(input: ConsentPageInput): RenderedPage {
  const t = STRINGS[input.lang];
  const base = `/interaction/${encodeURIComponent(input.uid)}`;
  const query = `?lang=${input.lang}`;
  const items = input.permissions.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  const body = `<h1>${escapeHtml(t.consentTitle)}</h1>
<p id="consent-intro">${escapeHtml(t.consentIntro(input.clientName, input.personName))}</p>
<ul aria-labelledby="consent-intro">${items}</ul>
<form method="post" action="${base}/confirm${query}">
<div class="actions">
<button type="submit" class="primary">${escapeHtml(t.allowButton)}</button>
<button type="submit" class="secondary" formaction="${base}/abort${query}">${escapeHtml(t.denyButton)}</button>
</div>
</form>`;
  return layout(input.lang, t.consentTitle, `${base}?lang=${input.lang === 'fr' ? 'en' : 'fr'}`, body);
}

/** An error page that never echoes request data beyond a known message. */
export function renderErrorPage(lang: PageLanguage, message: 'errorIntro' | 'expired', code?: string): RenderedPage {
  const t = STRINGS[lang];
  const detail = code ? `\n<p><code>${escapeHtml(code)}</code></p>` : '';
  return layout(
    lang,
    t.errorTitle,
    undefined,
    `<h1>${escapeHtml(t.errorTitle)}</h1>\n<p role="alert">${escapeHtml(t[message])}</p>${detail}`,
  );
}

/** The sign-out confirmation, wrapping the provider's hidden form fields. */
export function renderLogoutPage(lang: PageLanguage, providerForm: string): RenderedPage {
  const t = STRINGS[lang];
  // The provider's own form carries its xsrf token; we add visible buttons that submit it.
  const formId = /id="([^"]+)"/.exec(providerForm)?.[1] ?? 'op.logoutForm';
  const body = `<h1>${escapeHtml(t.logoutTitle)}</h1>
<p>${escapeHtml(t.logoutQuestion)}</p>
${providerForm}
<div class="actions">
<button type="submit" class="primary" form="${escapeHtml(formId)}" name="logout" value="yes">${escapeHtml(t.logoutYes)}</button>
<button type="submit" class="secondary" form="${escapeHtml(formId)}">${escapeHtml(t.logoutNo)}</button>
</div>`;
  return layout(lang, t.logoutTitle, undefined, body);
}

/** Shown after sign-out when the site gave no return address. */
export function renderLoggedOutPage(lang: PageLanguage): RenderedPage {
  const t = STRINGS[lang];
  return layout(
    lang,
    t.logoutTitle,
    undefined,
    `<h1>${escapeHtml(t.logoutTitle)}</h1>\n<p role="status">${escapeHtml(t.loggedOut)}</p>`,
  );
}

/** The one script of the auto-submitting page, allowed by its hash only. */
const AUTO_SUBMIT_SCRIPT = 'document.forms[0].submit();';
const AUTO_SUBMIT_HASH = `sha256-${createHash('sha256').update(AUTO_SUBMIT_SCRIPT).digest('base64')}`;

/**
 * Sign-out the site asked for with a valid `id_token_hint`: no question, the
 * provider's form (with its xsrf token) is posted at once with `logout=yes`,
 * which ends the provider session and its grants. Without script, one button.
 */
export function renderSigningOutPage(lang: PageLanguage, providerForm: string): RenderedPage {
  const t = STRINGS[lang];
  const action = /action="([^"]+)"/.exec(providerForm)?.[1] ?? '';
  const xsrf = /name="xsrf" value="([^"]*)"/.exec(providerForm)?.[1] ?? '';
  const body = `<h1>${escapeHtml(t.logoutTitle)}</h1>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="xsrf" value="${escapeHtml(xsrf)}">
<input type="hidden" name="logout" value="yes">
<noscript><div class="actions"><button type="submit" class="primary">${escapeHtml(t.logoutYes)}</button></div></noscript>
</form>
<script>${AUTO_SUBMIT_SCRIPT}</script>`;
  return { ...layout(lang, t.logoutTitle, undefined, body), scriptHash: AUTO_SUBMIT_HASH };
}

/**
 * Test helpers: the real demo platform (started by scripts/wtr-platform-plugin.mjs)
 * and a real sign-in through its login and consent pages, in a popup opened by a
 * real click.
 */
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { CarnetSession, type CarnetSessionOptions } from '../carnet-session.js';
import { CARNET_SCOPES } from '../smart-scopes.js';

/** Where the platform listens. */
export interface TestPlatform {
  issuer: string;
  fhirBaseUrl: string;
  /** Popup callback page served by the test runner (a registered redirect URI). */
  callbackUrl: string;
}

/** Client id of the demo association site. */
export const CLIENT_ID = 'carnet-demo';

/** The running platform (started on first use). */
export async function testPlatform(): Promise<TestPlatform> {
  // Asked again while it boots: one command must answer within 20 s, a boot may take longer.
  for (;;) {
    const answer = (await executeServerCommand('carnet-platform')) as TestPlatform | { starting: true };
    if (!('starting' in answer)) return answer;
  }
}

/** A session on the test platform, not yet signed in. */
export async function newSession(options: Partial<CarnetSessionOptions> = {}): Promise<CarnetSession> {
  const { issuer, fhirBaseUrl, callbackUrl } = await testPlatform();
  return CarnetSession.create({
    issuer,
    clientId: CLIENT_ID,
    redirectUri: callbackUrl,
    scopes: [...CARNET_SCOPES],
    fhirBaseUrl,
    ...options,
  });
}

/**
 * Clicks a real button whose handler calls `signInPopup()`, and has the test
 * runner fill the popup's login form as `persona` (or deny / close it).
 * Resolves with the outcome of `signInPopup()`.
 */
export async function signInWithPopup(
  session: CarnetSession,
  persona: string,
  action: 'login' | 'deny' | 'close' = 'login',
): Promise<void> {
  // Test files run in parallel pages of one browser, which share the provider's
  // cookies: one sign-in at a time, across pages, so each gets its own persona.
  await navigator.locks.request('carnet-test-sign-in', () => signInAlone(session, persona, action));
}

async function signInAlone(session: CarnetSession, persona: string, action: 'login' | 'deny' | 'close'): Promise<void> {
  const button = document.createElement('button');
  button.textContent = 'Se connecter';
  button.style.cssText = 'position:fixed;top:0;left:0;width:120px;height:44px';
  document.body.append(button);
  let signing: Promise<void> | undefined;
  button.addEventListener('click', () => {
    signing = session.signInPopup();
    // Observed below; avoid an unhandled rejection report in the meantime.
    signing.catch(() => undefined);
  });
  try {
    await sendMouse({ type: 'click', position: [60, 22] });
    if (signing === undefined) throw new Error('the click did not start a sign-in');
    await executeServerCommand('carnet-sign-in-popup', { persona, action });
    await signing;
  } finally {
    button.remove();
  }
}

/** A signed-in session for `persona`. */
export async function signedInSession(
  persona: string,
  options: Partial<CarnetSessionOptions> = {},
): Promise<CarnetSession> {
  const session = await newSession(options);
  await signInWithPopup(session, persona);
  return session;
}

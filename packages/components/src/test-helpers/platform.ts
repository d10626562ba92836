/**
 * Test helpers for connected mode: the real demo platform (OpenID provider and
 * FHIR server, started by scripts/wtr-platform-plugin.mjs) and a real sign-in
 * through its login and consent pages, in the popup a provider's Se connecter
 * button opens on a real click.
 */
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';
import { CARNET_SCOPES, CarnetSession } from '@carnet/catalog-sdk';
import type { CarnetSessionOptions } from '@carnet/catalog-sdk';
import type { CarnetProvider } from '../provider/provider.js';

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

/** A button inside the provider's shadow root, by part name. */
export function providerPart(provider: CarnetProvider, part: string): HTMLElement | null {
  return provider.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
}

/** Clicks an element with the real mouse, at its centre. */
export async function realClick(element: HTMLElement): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/**
 * Presses the provider's Se connecter button (popup mode) and has the test
 * runner fill the popup's login and consent pages as `persona` (or close it).
 * Resolves once the provider is signed in, or shows the sign-in prompt again.
 */
export async function signInThroughProvider(
  provider: CarnetProvider,
  persona: string,
  action: 'login' | 'deny' | 'close' = 'login',
): Promise<void> {
  // Test files run in parallel pages of one browser, which share the provider's
  // cookies: one sign-in at a time, across pages (same lock as the SDK's tests).
  await navigator.locks.request('carnet-test-sign-in', async () => {
    const button = providerPart(provider, 'sign-in-button');
    if (!button) throw new Error('no sign-in button in the provider');
    await realClick(button);
    await executeServerCommand('carnet-sign-in-popup', { persona, action });
    await waitUntil(
      () =>
        provider.recordStatus === 'ready' ||
        (provider.recordStatus === 'signed-out' && providerPart(provider, 'notice') !== null),
      'sign-in finished',
      { timeout: 15_000 },
    );
  });
}

/**
 * A platform of this file's own whose FHIR server may be stopped and started
 * again (its data kept), so other test files running at the same time keep
 * theirs. Started on first use; asks again while it boots.
 */
export async function stoppablePlatform(): Promise<TestPlatform> {
  for (;;) {
    const answer = (await executeServerCommand('carnet-stoppable-platform')) as TestPlatform | { starting: true };
    if (!('starting' in answer)) return answer;
  }
}

/** Stops the stoppable platform's FHIR server: connections refused until {@link startFhirServer}. */
export async function stopFhirServer(): Promise<void> {
  await executeServerCommand('carnet-fhir-stop');
}

/** Starts the stoppable platform's FHIR server again, on the same address, with the same data. */
export async function startFhirServer(): Promise<void> {
  await executeServerCommand('carnet-fhir-start');
}

/**
 * A session of the page's own on `platform`, signed in as `persona` through the
 * real login and consent pages, in a popup opened by a real click on a button
 * whose handler calls `signInPopup()` (as a host page owning its session does).
 */
export async function signedInSession(
  platform: TestPlatform,
  persona: string,
  options: Partial<CarnetSessionOptions> = {},
): Promise<CarnetSession> {
  const session = await CarnetSession.create({
    issuer: platform.issuer,
    clientId: CLIENT_ID,
    redirectUri: platform.callbackUrl,
    scopes: [...CARNET_SCOPES],
    fhirBaseUrl: platform.fhirBaseUrl,
    ...options,
  });
  await navigator.locks.request('carnet-test-sign-in', async () => {
    const button = document.createElement('button');
    button.textContent = 'Se connecter';
    button.style.cssText = 'position:fixed;top:0;left:0;width:120px;height:44px;z-index:2147483647';
    document.body.append(button);
    let signing: Promise<void> | undefined;
    button.addEventListener('click', () => {
      signing = session.signInPopup();
      signing.catch(() => undefined);
    });
    try {
      await sendMouse({ type: 'click', position: [60, 22] });
      if (signing === undefined) throw new Error('the click did not start a sign-in');
      await executeServerCommand('carnet-sign-in-popup', { persona });
      await signing;
    } finally {
      button.remove();
    }
  });
  return session;
}

/**
 * Runs `work` alone on the stoppable platform (test files run side by side in
 * one browser: one stopping the server must not catch another mid-test), and
 * always leaves its FHIR server started.
 */
export async function withStoppableServer<T>(work: () => Promise<T>): Promise<T> {
  return navigator.locks.request('carnet-test-stoppable-fhir', async (): Promise<T> => {
    try {
      return await work();
    } finally {
      await startFhirServer();
    }
  });
}

/**
 * Takes the stoppable platform for the caller alone (the lock {@link withStoppableServer}
 * holds) until the returned function is called: for suites whose setup and cleanup are
 * separate steps (a dialog contract's `mount` and `cleanup`). Call it, then start the server.
 */
export function holdStoppableServer(): Promise<() => void> {
  return new Promise((held) => {
    void navigator.locks.request('carnet-test-stoppable-fhir', () => new Promise<void>((release) => held(release)));
  });
}

/**
 * Test helpers for connected mode: the real demo platform (OpenID provider and
 * FHIR server, started by scripts/wtr-platform-plugin.mjs) and a real sign-in
 * through its login and consent pages, in the popup a provider's Se connecter
 * button opens on a real click.
 */
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';
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
export function testPlatform(): Promise<TestPlatform> {
  return executeServerCommand('carnet-platform') as Promise<TestPlatform>;
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

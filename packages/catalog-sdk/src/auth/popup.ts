/**
 * Sign-in in a popup, for embeds that must not navigate the host page. The
 * popup lands on `popupRedirectUri`, whose page calls {@link completeSignInPopup}
 * to hand the callback URL back to the opener, which finishes the sign-in.
 */
import { AuthError } from './auth-error.js';

/** Message type the popup posts to its opener. */
const CALLBACK_MESSAGE = 'carnet-sign-in-callback';

/**
 * Opens the (blank) popup. Must run synchronously inside the click handler,
 * before any `await`, or the browser blocks it.
 */
export function openPopup(): Window {
  const width = 480;
  const height = 640;
  const left = Math.max(0, (screen.availWidth - width) / 2);
  const top = Math.max(0, (screen.availHeight - height) / 2);
  const popup = window.open(
    'about:blank',
    'carnet-sign-in',
    `popup=yes,width=${width},height=${height},left=${left},top=${top}`,
  );
  if (popup === null)
    throw new AuthError('popup_blocked', 'The browser blocked the sign-in popup (it must be opened from a click)');
  return popup;
}

/**
 * Resolves with the callback URL the popup posts back; rejects with
 * `popup_closed` when the patient closes it first.
 */
export function waitForPopupCallback(popup: Window, expectedOrigin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent): void => {
      // Only our popup, on our callback origin, may complete the sign-in.
      if (event.source !== popup || event.origin !== expectedOrigin) return;
      const data = event.data as { type?: unknown; url?: unknown } | null;
      if (data?.type !== CALLBACK_MESSAGE || typeof data.url !== 'string') return;
      cleanUp();
      resolve(data.url);
    };
    const watch = setInterval(() => {
      if (!popup.closed) return;
      cleanUp();
      reject(new AuthError('popup_closed', 'The sign-in popup was closed before signing in'));
    }, 300);
    const cleanUp = (): void => {
      clearInterval(watch);
      window.removeEventListener('message', onMessage);
      if (!popup.closed) popup.close();
    };
    window.addEventListener('message', onMessage);
  });
}

/**
 * To call on the popup's callback page: sends the callback URL to the page that
 * opened the popup (same origin only). Returns false when there is no opener.
 */
export function completeSignInPopup(url: string = location.href): boolean {
  const opener = window.opener as Window | null;
  if (opener === null) return false;
  opener.postMessage({ type: CALLBACK_MESSAGE, url }, location.origin);
  return true;
}

/**
 * The browser's system notifications, asked for only from the patient's own click,
 * with a plain answer where they are blocked or missing (some phones only show them
 * from an installed app's service worker: the constructor then throws).
 */
import type { NotificationText } from './reminder-words.js';

/** Whether this device may show reminders as system notifications. */
export type NotificationAccess = NotificationPermission | 'unsupported';

/** The current access, read from the browser. */
export function notificationAccess(): NotificationAccess {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks the browser; call it from a click. Resolves with the access afterwards. */
export async function askNotificationAccess(): Promise<NotificationAccess> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return notificationAccess();
  }
}

/**
 * Shows a system notification when allowed; `tag` makes a reminder that rings again
 * replace its earlier notification rather than pile up (in every open tab).
 * Clicking it brings the page forward. Returns false when nothing could be shown.
 */
export function showSystemNotification(text: NotificationText, tag: string, lang: string): boolean {
  if (notificationAccess() !== 'granted') return false;
  try {
    const options: NotificationOptions = { tag, lang };
    if (text.body !== undefined) options.body = text.body;
    const notification = new Notification(text.title, options);
    notification.addEventListener('click', () => {
      window.focus();
      notification.close();
    });
    return true;
  } catch {
    return false;
  }
}

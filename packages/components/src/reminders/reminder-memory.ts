/**
 * What the patient did with the reminders that rang — put away (« Compris »), put
 * off (« Plus tard »), recorded (« Pris ») — remembered for the tab and shared with
 * the site's other tabs:
 *
 * - kept in `sessionStorage`, so reloading the page does not ring them again; the
 *   tab's storage goes when the tab closes, and everything here is forgotten at
 *   sign-out and 36 hours after it was set;
 * - told to the other tabs through a `BroadcastChannel`, so a reminder put away in
 *   one tab stops ringing in all of them.
 *
 * Only reminder keys (record ids and times) and instants are kept or sent: never a
 * medicine's or an appointment's name. What comes from storage or another tab is
 * checked before use; anything malformed is ignored.
 */

const STORAGE_KEY = 'carnet:reminders';
const CHANNEL_NAME = 'carnet:reminders';
/** How long a choice is remembered: longer than any reminder rings (a dose rings 3 hours, a renewal a day). */
const KEEP_MS = 36 * 3_600_000;
const MAX_ENTRIES = 500;

/** What one tab tells the others. */
export type ReminderAction =
  | { type: 'dismissed'; key: string; at: number }
  | { type: 'snoozed'; key: string; until: number }
  | { type: 'taken'; key: string };

interface StoredMemory {
  /** Reminder key → when it was put away. */
  dismissed: Record<string, number>;
  /** Reminder key → until when it is put off. */
  snoozed: Record<string, number>;
}

function sessionStore(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // Storage disabled by privacy settings: the choices last for this page only.
    return undefined;
  }
}

function isKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 300;
}

function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Entries of a stored map that are well formed, at most `MAX_ENTRIES`. */
function entries(value: unknown): [string, number][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter((entry): entry is [string, number] => isKey(entry[0]) && isInstant(entry[1]))
    .slice(-MAX_ENTRIES);
}

/** A message from another tab, if it is one of ours and well formed. */
export function readAction(data: unknown): ReminderAction | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (!isKey(message['key'])) return undefined;
  const key = message['key'];
  switch (message['type']) {
    case 'dismissed':
      return isInstant(message['at']) ? { type: 'dismissed', key, at: message['at'] } : undefined;
    case 'snoozed':
      return isInstant(message['until']) ? { type: 'snoozed', key, until: message['until'] } : undefined;
    case 'taken':
      return { type: 'taken', key };
    default:
      return undefined;
  }
}

/** The reminders put away and put off in this tab and the site's other tabs. */
export class ReminderMemory {
  /** Keys of the reminders put away. */
  readonly dismissed = new Set<string>();
  /** Key → until when (epoch ms) the reminder is put off. */
  readonly snoozedUntil = new Map<string, number>();

  readonly #dismissedAt = new Map<string, number>();
  readonly #onRemote: (action: ReminderAction) => void;
  #channel: BroadcastChannel | undefined;

  /** `onRemote` is called after another tab's choice has been applied here. */
  constructor(onRemote: (action: ReminderAction) => void) {
    this.#onRemote = onRemote;
  }

  /** Reads what this tab remembers (dropping what is older than 36 hours at `now`) and listens to the other tabs. */
  open(now: number): void {
    this.#load(now);
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    try {
      this.#channel = new BroadcastChannel(CHANNEL_NAME);
      this.#channel.addEventListener('message', this.#onMessage);
    } catch {
      this.#channel = undefined;
    }
  }

  /** Stops listening to the other tabs (what is stored stays for a reload). */
  close(): void {
    this.#channel?.removeEventListener('message', this.#onMessage);
    this.#channel?.close();
    this.#channel = undefined;
  }

  /** The patient put a reminder away (« Compris »). */
  dismiss(key: string, now: number): void {
    this.#apply({ type: 'dismissed', key, at: now });
    this.#save();
    this.#post({ type: 'dismissed', key, at: now });
  }

  /** The patient put a dose off until `until` (« Plus tard »). */
  snooze(key: string, until: number): void {
    this.#apply({ type: 'snoozed', key, until });
    this.#save();
    this.#post({ type: 'snoozed', key, until });
  }

  /** The patient recorded a dose (« Pris »): the other tabs read the record again. */
  taken(key: string): void {
    this.#post({ type: 'taken', key });
  }

  /** Forgets everything (sign-out). */
  forget(): void {
    this.dismissed.clear();
    this.#dismissedAt.clear();
    this.snoozedUntil.clear();
    try {
      sessionStore()?.removeItem(STORAGE_KEY);
    } catch {
      // Nothing to forget when storage is unavailable.
    }
  }

  readonly #onMessage = (event: MessageEvent): void => {
    const action = readAction(event.data);
    if (!action) return;
    this.#apply(action);
    if (action.type !== 'taken') this.#save();
    this.#onRemote(action);
  };

  #apply(action: ReminderAction): void {
    if (action.type === 'dismissed') {
      this.dismissed.add(action.key);
      this.#dismissedAt.set(action.key, action.at);
    } else if (action.type === 'snoozed') {
      this.snoozedUntil.set(action.key, action.until);
    }
  }

  #post(action: ReminderAction): void {
    try {
      this.#channel?.postMessage(action);
    } catch {
      // A closed channel: this tab still remembers.
    }
  }

  #load(now: number): void {
    let stored: unknown;
    try {
      const raw = sessionStore()?.getItem(STORAGE_KEY);
      stored = raw ? (JSON.parse(raw) as unknown) : undefined;
    } catch {
      stored = undefined;
    }
    if (typeof stored !== 'object' || stored === null) return;
    const memory = stored as Partial<Record<keyof StoredMemory, unknown>>;
    for (const [key, at] of entries(memory.dismissed))
      if (at + KEEP_MS > now && !this.dismissed.has(key)) this.#apply({ type: 'dismissed', key, at });
    for (const [key, until] of entries(memory.snoozed))
      if (until + KEEP_MS > now && !this.snoozedUntil.has(key)) this.#apply({ type: 'snoozed', key, until });
  }

  #save(): void {
    const memory: StoredMemory = {
      dismissed: Object.fromEntries([...this.#dismissedAt].slice(-MAX_ENTRIES)),
      snoozed: Object.fromEntries([...this.snoozedUntil].slice(-MAX_ENTRIES)),
    };
    try {
      sessionStore()?.setItem(STORAGE_KEY, JSON.stringify(memory));
    } catch {
      // Full or disabled storage: the choice still applies to this page.
    }
  }
}

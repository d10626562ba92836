/**
 * Patients' consents to catalogue apps. The provider's grant store holds each
 * consent (an oidc-provider `Grant`: account, client, scopes); this index finds
 * them by patient and app, so that a patient can list the apps she allowed and
 * withdraw one: every grant of that app for her ends (its access and refresh
 * tokens with it) and the app's next sign-in asks her consent again.
 */

/** An app consent as the patient sees it. */
export interface AppConsent {
  clientId: string;
  /** When she first allowed the app (ISO 8601), among the grants still in force. */
  grantedAt: string;
  /** Scopes granted, in the order first granted. */
  scopes: string[];
}

/** A grant as the index needs it: read back from the provider's store at each listing. */
export interface StoredGrant {
  clientId: string;
  /** Issued at, epoch seconds. */
  iat: number;
  scopes: readonly string[];
}

/** Grant ids by account, then by app client id. */
export class AppGrantIndex {
  readonly #byAccount = new Map<string, Map<string, Set<string>>>();
  readonly #apps: ReadonlySet<string>;

  /** @param appClientIds the catalogue apps' client ids (first-party clients are not indexed) */
  constructor(appClientIds: Iterable<string>) {
    this.#apps = new Set(appClientIds);
  }

  /** True for a catalogue app's client id. */
  isApp(clientId: string): boolean {
    return this.#apps.has(clientId);
  }

  /** Notes a saved grant (the provider saves it again when consent adds scopes). */
  noted(accountId: string, clientId: string, grantId: string): void {
    if (!this.#apps.has(clientId)) return;
    const byClient = this.#byAccount.get(accountId) ?? new Map<string, Set<string>>();
    const ids = byClient.get(clientId) ?? new Set<string>();
    ids.add(grantId);
    byClient.set(clientId, ids);
    this.#byAccount.set(accountId, byClient);
  }

  /** Grant ids of one account, by app. */
  grantIdsOf(accountId: string): ReadonlyMap<string, ReadonlySet<string>> {
    return this.#byAccount.get(accountId) ?? new Map();
  }

  /** Forgets and returns the grant ids of one app for one account (to end them). */
  take(accountId: string, clientId: string): string[] {
    const byClient = this.#byAccount.get(accountId);
    const ids = [...(byClient?.get(clientId) ?? [])];
    byClient?.delete(clientId);
    return ids;
  }

  /** Forgets grants that no longer exist (ended, expired). */
  forget(accountId: string, clientId: string, grantId: string): void {
    this.#byAccount.get(accountId)?.get(clientId)?.delete(grantId);
  }
}

/**
 * The consents of one account, one per app, from the grants still in the
 * provider's store (`find` answers undefined for ended or expired ones).
 */
export async function consentsOf(
  index: AppGrantIndex,
  accountId: string,
  find: (grantId: string) => Promise<StoredGrant | undefined>,
): Promise<AppConsent[]> {
  const consents: AppConsent[] = [];
  for (const [clientId, grantIds] of index.grantIdsOf(accountId)) {
    let first: number | undefined;
    const scopes = new Set<string>();
    for (const grantId of [...grantIds]) {
      const grant = await find(grantId);
      if (!grant || grant.clientId !== clientId) {
        index.forget(accountId, clientId, grantId);
        continue;
      }
      first = first === undefined ? grant.iat : Math.min(first, grant.iat);
      for (const scope of grant.scopes) scopes.add(scope);
    }
    if (first !== undefined)
      consents.push({ clientId, grantedAt: new Date(first * 1000).toISOString(), scopes: [...scopes] });
  }
  return consents;
}

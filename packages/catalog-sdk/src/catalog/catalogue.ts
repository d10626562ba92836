/**
 * The catalogue as a platform serves it to the patient: the apps listed, what
 * each asks for in plain words, and the apps the patient allowed.
 */
import type { ManifestText, ScopeAccess } from './manifest.js';

/** One scope a listed app requests, with the platform's plain words for it. */
export interface CatalogueScope {
  /** The SMART scope, e.g. `patient/DocumentReference.rs`. */
  scope: string;
  /** Why the app asks for it, in its publisher's words. */
  reason: ManifestText;
  /** Whether the app only reads, or also writes, with this scope (resource scopes). */
  access?: ScopeAccess;
  /** What the scope allows, in the platform's plain words, by language (`fr`, `en`). */
  explanation?: Readonly<Record<string, string>>;
}

/** An app listed in a platform's catalogue: public information only. */
export interface CatalogueApp {
  /** The app's client id on the platform. */
  clientId: string;
  name: string;
  publisher: string;
  description: ManifestText;
  /** `https:` or `data:image/…` icon. */
  icon?: string;
  /** The page that opens the app, when it can be launched from the platform. */
  launchUrl?: string;
  scopes: readonly CatalogueScope[];
}

/** An app the signed-in patient allowed (her consent, kept by the platform). */
export interface AppGrant {
  /** The app's client id. */
  clientId: string;
  /** When she first allowed it (ISO 8601). */
  grantedAt: string;
  /** The scopes she granted. */
  scopes: readonly string[];
}

import { CarnetError } from '../errors/errors.js';

/** Why signing in, renewing or using a session failed. */
export type AuthErrorReason =
  | 'callback_state_mismatch'
  | 'login_required'
  | 'access_denied'
  | 'network'
  | 'popup_blocked'
  | 'popup_closed'
  | 'invalid_grant'
  | 'configuration'
  | 'unknown';

/**
 * Signing in or keeping the patient signed in failed. `reason` tells the
 * application what to do: `login_required` → offer to sign in again,
 * `network` → retry later, `popup_blocked` → fall back to a redirect.
 */
export class AuthError extends CarnetError {
  /** What went wrong, in OAuth terms where one exists. */
  readonly reason: AuthErrorReason;

  constructor(reason: AuthErrorReason, developerMessage: string, options?: { cause?: unknown }) {
    super(reason, reason === 'network' ? 'error.network' : 'error.auth', developerMessage, options);
    this.name = 'AuthError';
    this.reason = reason;
  }
}

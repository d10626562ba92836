import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localeContext } from '../context/locale.context.js';
import { toCarnetErrorDetail, userMessageFor } from './error-messages.js';
import { DEFAULT_CARNET_LOCALE, ensureCarnetLocalization } from './localization.js';
import type { CarnetLocale } from './localization.js';
import { registerSystemTokens } from './token-defaults.js';
import { CARNET_VERSION } from './version.js';

/**
 * What every Carnet element shares: its version (for defensive registration),
 * the localisation layer started on connection, `:state()` reflection through
 * `ElementInternals`, one way to word an error for the patient, and the system
 * colour roles' defaults (so a widget needs no hex fallback, even without a provider).
 */
export class CarnetElement extends LitElement {
  /** Version of the Carnet copy that defines this class. */
  static readonly carnetVersion = CARNET_VERSION;

  /** The element's internals, for `:state()` (custom states). */
  protected readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
    registerSystemTokens();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureCarnetLocalization();
  }

  /** Shows `current` as the one `:state()` of `all` (loading, empty, error, ready…). */
  protected reflectStates<S extends string>(current: S | undefined, all: readonly S[]): void {
    for (const name of all) {
      if (name === current) this.internals.states.add(name);
      else this.internals.states.delete(name);
    }
  }

  /** The sentence the patient reads for an error: from its message key, never its details. */
  protected errorMessage(error: unknown): string {
    return userMessageFor(toCarnetErrorDetail(error).messageKey);
  }
}

/** A widget inside `<carnet-provider>`: a Carnet element that follows the provider's locale. */
export class CarnetWidget extends CarnetElement {
  /** The provider's locale (`fr` without one). */
  @consume({ context: localeContext, subscribe: true })
  @state()
  protected locale: CarnetLocale = DEFAULT_CARNET_LOCALE;
}

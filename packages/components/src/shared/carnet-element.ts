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

/** What can take focus, in the order a person tabs through it. */
const FOCUSABLE =
  'button:not([disabled]), a[href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

/** Who follows a widget's renders for its skip link (its provider). */
const skipLinkWatchers = new WeakMap<CarnetWidget, () => void>();

/**
 * A widget inside `<carnet-provider>`: a Carnet element that follows the provider's locale,
 * and that the provider's skip links lead to.
 */
export class CarnetWidget extends CarnetElement {
  /** The provider's locale (`fr` without one). */
  @consume({ context: localeContext, subscribe: true })
  @state()
  protected locale: CarnetLocale = DEFAULT_CARNET_LOCALE;

  constructor() {
    super();
    // After each render the widget's name may have changed (loaded, another language).
    this.addController({ hostUpdated: () => skipLinkWatchers.get(this)?.() });
  }

  /** The name of the widget in a skip link: its title (« Mes documents »), else the name of its region. */
  protected skipLabel(): string {
    // Not rendered yet (not connected): no name, no link.
    const root = this.renderRoot as ParentNode | undefined;
    if (!root) return '';
    const base = root.querySelector('[part~="base"]');
    const labelledBy = base?.getAttribute('aria-labelledby')?.split(/\s+/)[0];
    const title =
      root.querySelector('h2.title') ?? (labelledBy ? root.querySelector(`[id="${CSS.escape(labelledBy)}"]`) : null);
    return (title?.textContent ?? base?.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim();
  }

  /**
   * Where a skip link to the widget leads: the control its main task starts with (the
   * document search, the dose to take now). Its first control by default.
   */
  protected skipTarget(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(FOCUSABLE);
  }
}

/** A skip link of `<carnet-provider>`: the widget's name, and the move there. */
export interface SkipLink {
  readonly label: string;
  /** Puts focus where the widget's main task starts (or brings the widget into view while it loads). */
  go(): void;
}

/** Calls `onRender` after each render of `widget` (its skip link's name may have changed). */
export function watchSkipLink(widget: CarnetWidget, onRender: () => void): void {
  skipLinkWatchers.set(widget, onRender);
}

/** The skip link to `widget` (for `<carnet-provider>`, which lists the widgets it holds). */
export function skipLinkTo(widget: CarnetWidget): SkipLink {
  return {
    // Protected on the widget: what it offers to the provider only, not to the page.
    label: widget['skipLabel'](),
    go: () => {
      const target = widget['skipTarget']();
      if (target) target.focus();
      else widget.scrollIntoView({ block: 'start' });
    },
  };
}
